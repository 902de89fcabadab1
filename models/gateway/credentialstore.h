#pragma once
// Passwords and tokens of connection profiles, in the system keyring (Secret
// Service / KWallet through QtKeychain): service "PushDeck", key = profile
// name. Never written anywhere else. When no keyring is available (a
// headless machine, no D-Bus session, or PushDeck's keyring module is not
// installed: see keyringbackend.h) every call fails with a Keyring error
// that says so; the caller then asks for the secret and keeps it for this
// session only (rememberForSession), never in a file.

#include "core/result.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace PushDeck {

class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)
public:
    explicit CredentialStore(QObject *parent = nullptr);
    // Another service name: tests, so they never touch the user's entries.
    explicit CredentialStore(QString service, QObject *parent = nullptr);
    ~CredentialStore() override;

    QString service() const { return m_service; }
    // A keyring that does not answer within this time counts as unavailable.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // NotFound when nothing is stored for the profile, Keyring when there is
    // no usable keyring ("no system keyring available: ...").
    QFuture<Result<QString>> read(const QString &profile);
    QFuture<Result<Done>> write(const QString &profile, const QString &secret);
    // Removing a secret that is not there succeeds.
    QFuture<Result<Done>> remove(const QString &profile);

    // Where the keyring module is loaded from: $PUSHDECK_KEYRING_MODULE,
    // else ../lib/<multiarch>/pushdeck/pushdeck-keyring.so beside the executable.
    static QString modulePath();
    // Whether the module could be loaded (not whether a keyring answers).
    static bool isAvailable();

    // Secrets typed for this session (no keyring, or the user chose not to
    // store them): process memory only, shared by every store.
    static void rememberForSession(const QString &profile, const QString &secret);
    static std::optional<QString> sessionSecret(const QString &profile);
    static void forgetSession(const QString &profile);

private:
    QString m_service;
    int m_timeoutMs = 15000;
};

} // namespace PushDeck
