#include "tlsfixture.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace PushDeck {

TlsFixture::TlsFixture() = default;

bool TlsFixture::run(const QString &program, const QStringList &args, QByteArray *out)
{
    const QString binary = QStandardPaths::findExecutable(program);
    if (binary.isEmpty()) {
        m_error = u"%1 is not installed (scripts/setup.sh installs it)"_s.arg(program);
        return false;
    }
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(binary, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"%1 %2 failed: %3"_s.arg(program, args.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

bool TlsFixture::create()
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory"_s;
        return false;
    }
    const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
    auto writeFile = [this](const QString &name, const QByteArray &text) {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    if (!writeFile(u"server.ext"_s, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n")
        || !writeFile(u"client.ext"_s, "extendedKeyUsage=clientAuth\n")) {
        m_error = u"cannot write extension files"_s;
        return false;
    }
    auto makeCa = [&](const QString &base, const QString &cn) {
        return run(u"openssl"_s, QStringList{u"req"_s, u"-x509"_s} + ec
                                     + QStringList{u"-keyout"_s, base + u".key"_s, u"-out"_s, base + u".pem"_s, u"-days"_s, u"2"_s,
                                                   u"-subj"_s, u"/CN="_s + cn, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                                   u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s});
    };
    // `rsa`: the client keys are RSA, so the key/certificate match check is
    // exercised for RSA as well as EC.
    auto makeLeaf = [&](const QString &base, const QString &cn, const QString &ca, const QString &ext, bool rsa) {
        const QStringList key = rsa ? QStringList{u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s} : ec;
        return run(u"openssl"_s, QStringList{u"req"_s} + key
                                     + QStringList{u"-keyout"_s, base + u".key"_s, u"-out"_s, base + u".csr"_s, u"-subj"_s, u"/CN="_s + cn})
            && run(u"openssl"_s, {u"x509"_s, u"-req"_s, u"-in"_s, base + u".csr"_s, u"-CA"_s, ca + u".pem"_s, u"-CAkey"_s,
                                  ca + u".key"_s, u"-CAcreateserial"_s, u"-out"_s, base + u".pem"_s, u"-days"_s, u"2"_s,
                                  u"-extfile"_s, ext});
    };
    return makeCa(u"ca"_s, u"PushDeck Test CA"_s) && makeCa(u"ca2"_s, u"Unrelated Test CA"_s)
        && makeLeaf(u"server"_s, u"127.0.0.1"_s, u"ca"_s, u"server.ext"_s, false)
        && makeLeaf(u"client"_s, u"pushdeck-client"_s, u"ca"_s, u"client.ext"_s, true)
        && makeLeaf(u"client2"_s, u"stranger"_s, u"ca2"_s, u"client.ext"_s, true);
}

QString TlsFixture::bcrypt(const QString &user, const QString &password)
{
    QByteArray out;
    if (!run(u"htpasswd"_s, {u"-nbBC"_s, u"10"_s, user, password}, &out))
        return {};
    return QString::fromUtf8(out).trimmed().section(u':', 1);
}

QString TlsFixture::writeWebConfig(const WebConfig &config, const QString &name)
{
    QByteArray yaml;
    if (config.tls) {
        yaml += "tls_server_config:\n";
        yaml += "  cert_file: " + serverCert().toUtf8() + "\n";
        yaml += "  key_file: " + serverKey().toUtf8() + "\n";
        if (config.requireClientCert) {
            yaml += "  client_auth_type: RequireAndVerifyClientCert\n";
            yaml += "  client_ca_file: " + caFile().toUtf8() + "\n";
        }
    }
    if (!config.user.isEmpty()) {
        const QString hash = bcrypt(config.user, config.password);
        if (hash.isEmpty())
            return {};
        yaml += "basic_auth_users:\n";
        yaml += "  " + config.user.toUtf8() + ": '" + hash.toUtf8() + "'\n";
    }
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size()) {
        m_error = u"cannot write %1"_s.arg(file.fileName());
        return {};
    }
    return file.fileName();
}

LocalGatewayOptions TlsFixture::gatewayOptions(const QString &webConfig, const WebConfig &config) const
{
    LocalGatewayOptions options;
    options.webConfigFile = webConfig;
    options.tls = config.tls;
    if (config.tls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(caFile()));
        if (config.requireClientCert) {
            ssl.setLocalCertificate(QSslCertificate::fromPath(clientCert()).value(0));
            QFile keyFile(clientKey());
            keyFile.open(QIODevice::ReadOnly);
            ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        }
        options.probeSsl = ssl;
    }
    if (!config.user.isEmpty())
        options.probeAuthorization = "Basic " + (config.user + u':' + config.password).toUtf8().toBase64();
    return options;
}

} // namespace PushDeck
