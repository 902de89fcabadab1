#pragma once
// Turns "a saved profile and/or explicit connection options" into what a
// GatewayClient needs: the normalized base URL, ClientOptions (Authorization,
// TLS) and the warnings every front end must show. pushdeckctl and the
// window's profile opening both go through it, so a profile connects the same
// way from the shell and from the dashboard.
//
// Three steps, so that the window can do what it does between them (ask
// before credentials go over plain http, prompt for a secret the keyring does
// not have) without blocking on the keyring:
//   prepare()    synchronous: the profile with the options on top, validated,
//                and the secret from a file, the environment or this session;
//   readSecret() asynchronous: the secret only the keyring has;
//   finish()     synchronous: ClientOptions, base URL, warnings.
// resolve() runs all three (the command line waits for it).
//
// Errors are Error values of three kinds:
//   Invalid  the options contradict each other or the profile is unusable
//            (unknown profile, no user for a password, TLS on http, ...);
//   NotFound a file the options or the profile name (password, token, CA,
//            certificate, key) does not exist, cannot be read or is empty;
//   Keyring  a secret is needed and neither the options nor the keyring
//            have it.
// Secret files and environment variables exist only on the command line, so
// messages about them name pushdeckctl's options (--password-file,
// PUSHDECK_PASSWORD).

#include "gateway/connectionprofile.h"
#include "gateway/gatewayclient.h"
#include "gateway/httpclientconfig.h"
#include "core/result.h"

#include <QFuture>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace PushDeck {

class CredentialStore;

// What to connect to. Everything is optional. From the weakest to the
// strongest: the profile, the environment (PUSHDECK_USER, PUSHDECK_PASSWORD,
// PUSHDECK_TOKEN), the HTTP client config, the options below; each replaces
// the settings it names (skipVerify and a user switch them on). A config
// with basic_auth or authorization takes the environment's credentials out
// of play altogether: the file names the credentials, like amtool's.
struct ConnectionRequest
{
    std::optional<ConnectionProfile> profile; // a saved profile (savedProfile()); its secret: session, then keyring
    std::optional<HttpClientConfig> httpConfig; // --http.config.file, read (HttpClientConfig::load)
    QString url;          // gateway URL; with a profile it replaces the profile's URL and route prefix
    QString user;         // basic-auth user; empty: PUSHDECK_USER, else the profile's
    QString passwordFile; // basic-auth password: the file's first line
    QString tokenFile;    // bearer token: the file's first line
    QString caFile;       // PEM CA certificates, in addition to the system ones
    QString certFile;     // client certificate (mutual TLS)
    QString keyFile;      // its private key
    bool skipVerify = false;
    ClientOptions base;   // timeout and size limit for the result
};

// Something about a connection that every front end shows every time.
enum class ConnectionWarning {
    SkipsVerification,        // the gateway's TLS certificate is not checked
    CredentialsOverPlainHttp, // the Authorization header travels unencrypted
};

// A connection ready for GatewayClient.
struct ResolvedConnection
{
    ConnectionProfile profile; // the profile with the request on top: what was used
    QUrl baseUrl;              // normalized, with the route prefix
    ClientOptions options;     // the request's base plus Authorization and TLS
    QList<ConnectionWarning> warnings;

    bool hasWarning(ConnectionWarning warning) const { return warnings.contains(warning); }
};

// Between prepare() and finish(): everything but a secret only the keyring has.
struct PendingConnection
{
    ConnectionProfile profile;
    ClientOptions base;
    std::optional<QString> secret; // from a file, the environment or this session
    // How to pass the secret instead ("set PUSHDECK_PASSWORD or pass
    // --password-file FILE"), for messages.
    QString secretHint;

    // The profile needs a secret that only the keyring can give.
    bool needsKeyring() const { return profile.needsSecret() && !secret; }
};

class ConnectionResolver
{
public:
    ConnectionResolver() = default;

    // Where PUSHDECK_USER, PUSHDECK_PASSWORD and PUSHDECK_TOKEN are read.
    // Default: nowhere (the window); pushdeckctl passes the process's.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // The keyring for profiles' secrets. Default: none, and a secret only
    // the keyring would have is a Keyring error.
    void setCredentialStore(CredentialStore *store) { m_store = store; }

    // The saved profile `name`; Invalid when there is none, naming the ones
    // there are.
    static Result<ConnectionProfile> savedProfile(QSettings &settings, const QString &name);

    Result<PendingConnection> prepare(const ConnectionRequest &request) const;
    // The secret of pending.profile from the keyring, the keyring's own error
    // as it is (a front end may ask the user instead).
    QFuture<Result<QString>> readSecret(const PendingConnection &pending) const;
    static Result<ResolvedConnection> finish(const PendingConnection &pending, const QString &secret);
    // finish() for a profile as it is, without prepare()'s checks (a profile
    // being edited).
    static Result<ResolvedConnection> finish(const ConnectionProfile &profile, const QString &secret,
                                             const ClientOptions &base = {});

    // All three steps; a keyring error names the other ways to pass the
    // secret.
    QFuture<Result<ResolvedConnection>> resolve(const ConnectionRequest &request) const;

private:
    QProcessEnvironment m_environment;
    CredentialStore *m_store = nullptr;
};

} // namespace PushDeck
