#pragma once
// The system keyring as CredentialStore sees it: one interface, implemented
// by a module loaded at run time (keyringmodule.cpp, pushdeck-keyring.so,
// built on QtKeychain). pushdeckctl is installed on cron and CI hosts that
// have no keyring and should not carry QtKeychain and what it recommends
// (gnome-keyring pulls GTK in); so nothing links QtKeychain, and a machine
// without the module simply has no keyring: secrets then come from files,
// the environment or --http.config.file.

#include <QString>

#include <functional>

class QObject;

namespace PushDeck {

// What one keyring job ended with, without QtKeychain's types.
struct KeyringAnswer
{
    enum class Status { Ok, NotFound, AccessDenied, CouldNotDelete, Unavailable };
    Status status = Status::Ok;
    QString errorText; // the keyring's own words, when not Ok
    QString secret;    // Read only
};

class KeyringBackend
{
public:
    enum class Operation { Read, Write, Remove };
    virtual ~KeyringBackend() = default;
    // Starts one job on the calling thread (it needs that thread's event
    // loop). `done` runs once, queued in `context`'s thread, unless
    // `context` is destroyed first (CredentialStore's timeout).
    virtual void start(Operation operation, const QString &service, const QString &key, const QString &secret,
                       QObject *context, std::function<void(const KeyringAnswer &)> done) = 0;
};

// The module's one exported function, looked up by this name: returns the
// module's backend (it lives as long as the module stays loaded, which is
// until exit) if `version` is the module's own PUSHDECK_VERSION, else null:
// the interface is private and changes between versions.
inline constexpr char keyringModuleEntry[] = "pushdeck_keyring_backend";
using KeyringModuleEntry = KeyringBackend *(*)(const char *version);

} // namespace PushDeck
