#pragma once
// Throw-away PKI and web config for a real gateway with TLS and basic auth:
// a test CA, a server certificate for 127.0.0.1 (SAN IP:127.0.0.1 and
// DNS:localhost), a client certificate, and a second, unrelated CA with its
// own client certificate. Made with the openssl CLI in a QTemporaryDir;
// bcrypt hashes with htpasswd (apache2-utils). Both tools are required
// (scripts/setup.sh installs them): a missing one fails the test clearly.

#include "gateway/localgateway.h"

#include <QString>
#include <QTemporaryDir>

namespace PushDeck {

class TlsFixture
{
public:
    TlsFixture();
    // False with errorString() when openssl failed or is missing.
    bool create();
    QString errorString() const { return m_error; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString serverCert() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    QString clientCert() const { return path(QStringLiteral("client.pem")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }
    QString otherCaFile() const { return path(QStringLiteral("ca2.pem")); }
    QString otherClientCert() const { return path(QStringLiteral("client2.pem")); }
    QString otherClientKey() const { return path(QStringLiteral("client2.key")); }

    // A bcrypt hash of `password` (htpasswd -nbBC 10); empty on failure.
    QString bcrypt(const QString &user, const QString &password);

    struct WebConfig
    {
        bool tls = true;
        bool requireClientCert = false;
        QString user;       // basic auth when not empty
        QString password;
    };
    // Writes the exporter-toolkit YAML; returns its path (empty on failure).
    QString writeWebConfig(const WebConfig &config, const QString &name = QStringLiteral("web.yml"));

    // Options for a LocalGateway using `webConfig`; the readiness probe
    // trusts the test CA and presents the client certificate when required.
    LocalGatewayOptions gatewayOptions(const QString &webConfig, const WebConfig &config) const;

private:
    bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace PushDeck
