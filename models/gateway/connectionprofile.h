#pragma once
// A named way to reach one gateway: URL (with route prefix), authentication
// and TLS files. The GUI's Connections dialog and pushdeckctl --profile share
// the list (QSettings group "profiles/"). Secrets are never part of a profile:
// they live in the system keyring (CredentialStore) or come from the
// environment or a file, and are only passed in when building ClientOptions.

#include "gateway/gatewayclient.h"
#include "core/result.h"

#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

class QSettings;

namespace PushDeck {

struct ConnectionProfile
{
    enum class Auth { None, Basic, Bearer };

    QString name;
    QString url;            // base URL, may already carry a route prefix
    QString routePrefix;    // optional, appended to the URL's path ("/pushgateway")
    Auth auth = Auth::None;
    QString username;       // Basic only
    QString caFile;         // PEM, added to the system CAs
    QString clientCertFile; // PEM client certificate (mutual TLS)
    QString clientKeyFile;  // PEM private key of the client certificate
    bool skipVerify = false; // do not check the server's certificate (dangerous)
    // The user agreed once to send this profile's credentials over plain http.
    bool plainHttpCredentialsAccepted = false;
    // The Prometheus that scrapes this gateway (optional): its version
    // decides how selectors are read (PromDialect, from
    // /api/v1/status/buildinfo) and the group menu links to its graph.
    QString prometheusUrl;
    QString grafanaUrl; // optional: a Grafana in front of that Prometheus

    // The base URL with the route prefix joined ("http://h:9091" + "pg/" →
    // "http://h:9091/pg"); an error says what is wrong.
    Result<QUrl> baseUrl() const;
    bool needsSecret() const { return auth != Auth::None; }
    // Credentials would travel unencrypted.
    bool sendsCredentialsInClear() const;

    // Every problem, one message each: URL, missing name, Basic without a
    // user, TLS files on http, missing or unreadable CA/cert/key files, a key
    // without a certificate, a key that does not belong to the certificate.
    QStringList problems() const;
    // problems() as one Error (Invalid), or Done.
    Result<Done> validate() const;

    // The TLS part: CA certificates added to the system ones, the client
    // certificate and key, VerifyNone only with skipVerify. Reads the files.
    Result<QSslConfiguration> sslConfiguration() const;
    // Options for GatewayClient: `base` (timeout, size limit) plus the
    // Authorization header built from `secret` (password or token) and the
    // SSL configuration for https.
    Result<ClientOptions> clientOptions(const QString &secret, ClientOptions base = {}) const;

    static QString authName(Auth auth);              // "none", "basic", "bearer"
    static std::optional<Auth> authFromName(const QString &name);

    // The saved profiles, sorted by name. Never reads or writes a secret.
    static QList<ConnectionProfile> loadAll(QSettings &settings);
    static std::optional<ConnectionProfile> load(QSettings &settings, const QString &name);
    static void saveAll(QSettings &settings, const QList<ConnectionProfile> &profiles);
    static void save(QSettings &settings, const ConnectionProfile &profile); // add or replace by name
    static void remove(QSettings &settings, const QString &name);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// Builds "Basic base64(user:password)" or "Bearer token".
QByteArray authorizationHeader(ConnectionProfile::Auth auth, const QString &user, const QString &secret);

} // namespace PushDeck
