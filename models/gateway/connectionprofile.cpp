#include "gateway/connectionprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSslCertificate>
#include <QSslKey>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionProfile", text);
}

const QString SettingsGroup = u"profiles"_s;

// Profile names are free text; QSettings treats '/' and '\' specially.
QString groupName(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name));
}

// Why a file cannot be used, or empty.
QString fileProblem(const QString &what, const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("%1 %2 does not exist").arg(what, path);
    if (!info.isFile())
        return tr("%1 %2 is not a file").arg(what, path);
    if (!info.isReadable())
        return tr("%1 %2 is not readable").arg(what, path);
    return {};
}

Result<QList<QSslCertificate>> readCertificates(const QString &what, const QString &path)
{
    if (const QString problem = fileProblem(what, path); !problem.isEmpty())
        return Error::make(Error::Invalid, problem);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, tr("%1 %2 cannot be read: %3").arg(what, path, file.errorString()));
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs.isEmpty())
        certs = QSslCertificate::fromData(data, QSsl::Der);
    if (certs.isEmpty() || certs.first().isNull())
        return Error::make(Error::Invalid, tr("%1 %2 holds no PEM or DER certificate").arg(what, path));
    return certs;
}

Result<QSslKey> readKey(const QString &path)
{
    const QString what = tr("client key");
    if (const QString problem = fileProblem(what, path); !problem.isEmpty())
        return Error::make(Error::Invalid, problem);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, tr("%1 %2 cannot be read: %3").arg(what, path, file.errorString()));
    const QByteArray data = file.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        for (QSsl::EncodingFormat format : {QSsl::Pem, QSsl::Der}) {
            QSslKey key(data, algorithm, format, QSsl::PrivateKey);
            if (!key.isNull())
                return key;
        }
    }
    if (data.contains("ENCRYPTED"))
        return Error::make(Error::Invalid, tr("client key %1 is encrypted; PushDeck needs an unencrypted key "
                                              "(openssl pkey -in KEY -out PLAIN)").arg(path));
    return Error::make(Error::Invalid, tr("client key %1 holds no RSA, EC or DSA private key").arg(path));
}

// Whether the private key belongs to the certificate, when that can be told
// without a handshake: the DER of an RSA (PKCS#1) or EC (SEC1) private key
// contains the public key's modulus/point, which ends the certificate's
// SubjectPublicKeyInfo. nullopt: cannot tell (then the handshake will).
std::optional<bool> keyMatchesCertificate(const QSslKey &key, const QSslCertificate &certificate)
{
    const QSslKey publicKey = certificate.publicKey();
    if (publicKey.isNull())
        return std::nullopt;
    if (publicKey.algorithm() != key.algorithm())
        return false;
    const QByteArray publicDer = publicKey.toDer();
    const QByteArray privateDer = key.toDer();
    if (publicDer.size() < 48 || privateDer.isEmpty())
        return std::nullopt;
    if (privateDer.contains(publicDer.right(32)))
        return true;
    if (key.algorithm() == QSsl::Rsa)
        return false; // PKCS#1 always carries the modulus
    return std::nullopt; // an EC key may omit its public point
}

} // namespace

QByteArray authorizationHeader(ConnectionProfile::Auth auth, const QString &user, const QString &secret)
{
    switch (auth) {
    case ConnectionProfile::Auth::None:
        return {};
    case ConnectionProfile::Auth::Basic:
        return "Basic " + (user + u':' + secret).toUtf8().toBase64();
    case ConnectionProfile::Auth::Bearer:
        return "Bearer " + secret.trimmed().toUtf8();
    }
    return {};
}

Result<QUrl> ConnectionProfile::baseUrl() const
{
    auto normalized = GatewayClient::normalizeUrl(url);
    if (!normalized)
        return normalized;
    QUrl result = normalized.value();
    QString prefix = routePrefix.trimmed();
    while (prefix.startsWith(u'/'))
        prefix.remove(0, 1);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (!prefix.isEmpty()) {
        QString path = result.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        result.setPath(path + u'/' + prefix);
    }
    return result;
}

bool ConnectionProfile::sendsCredentialsInClear() const
{
    const auto base = baseUrl();
    return needsSecret() && base && base->scheme() == u"http"_s;
}

QStringList ConnectionProfile::problems() const
{
    QStringList list;
    if (name.trimmed().isEmpty())
        list << tr("the profile has no name");
    const auto base = baseUrl();
    if (!base)
        list << base.errorString();
    if (auth == Auth::Basic && username.trimmed().isEmpty())
        list << tr("basic authentication needs a user name");
    if (username.contains(u':'))
        list << tr("the user name must not contain \":\" (basic authentication separates user and password with it)");
    const bool https = base && base->scheme() == u"https"_s;
    const bool anyTls = !caFile.isEmpty() || !clientCertFile.isEmpty() || !clientKeyFile.isEmpty() || skipVerify;
    if (base && !https && anyTls)
        list << tr("CA file, client certificate and skip verification need an https URL");
    if (!caFile.isEmpty()) {
        const auto certs = readCertificates(tr("CA file"), caFile);
        if (!certs)
            list << certs.errorString();
    }
    if (!clientKeyFile.isEmpty() && clientCertFile.isEmpty())
        list << tr("a client key needs its client certificate");
    if (!clientCertFile.isEmpty() && clientKeyFile.isEmpty())
        list << tr("a client certificate needs its private key file");
    if (!clientCertFile.isEmpty() && !clientKeyFile.isEmpty()) {
        const auto certs = readCertificates(tr("client certificate"), clientCertFile);
        const auto key = readKey(clientKeyFile);
        if (!certs)
            list << certs.errorString();
        if (!key)
            list << key.errorString();
        if (certs && key && keyMatchesCertificate(*key, certs->first()) == false)
            list << tr("client key %1 does not belong to the client certificate %2").arg(clientKeyFile, clientCertFile);
    }
    if (!prometheusUrl.trimmed().isEmpty()) {
        if (const auto url = GatewayClient::normalizeUrl(prometheusUrl.trimmed()); !url)
            list << tr("Prometheus URL: %1").arg(url.errorString());
    }
    if (!grafanaUrl.trimmed().isEmpty()) {
        if (const auto url = GatewayClient::normalizeUrl(grafanaUrl.trimmed()); !url)
            list << tr("Grafana URL: %1").arg(url.errorString());
    }
    return list;
}

Result<Done> ConnectionProfile::validate() const
{
    const QStringList list = problems();
    if (list.isEmpty())
        return Done{};
    const QString who = name.trimmed().isEmpty() ? QString() : tr("profile \"%1\": ").arg(name);
    return Error::make(Error::Invalid, who + list.join(u"; "_s));
}

Result<QSslConfiguration> ConnectionProfile::sslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!caFile.isEmpty()) {
        const auto certs = readCertificates(tr("CA file"), caFile);
        if (!certs)
            return certs.error();
        config.addCaCertificates(*certs);
    }
    if (!clientCertFile.isEmpty() || !clientKeyFile.isEmpty()) {
        if (clientCertFile.isEmpty() || clientKeyFile.isEmpty())
            return Error::make(Error::Invalid, tr("a client certificate needs both the certificate and the key file"));
        const auto certs = readCertificates(tr("client certificate"), clientCertFile);
        if (!certs)
            return certs.error();
        const auto key = readKey(clientKeyFile);
        if (!key)
            return key.error();
        if (keyMatchesCertificate(*key, certs->first()) == false)
            return Error::make(Error::Invalid, tr("client key %1 does not belong to the client certificate %2")
                                                   .arg(clientKeyFile, clientCertFile));
        config.setLocalCertificateChain(*certs); // the leaf first, then any intermediates
        config.setPrivateKey(*key);
    }
    if (skipVerify)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

Result<ClientOptions> ConnectionProfile::clientOptions(const QString &secret, ClientOptions base) const
{
    const auto url = baseUrl();
    if (!url)
        return url.error();
    if (auth == Auth::Basic && username.trimmed().isEmpty())
        return Error::make(Error::Invalid, tr("basic authentication needs a user name"));
    base.authorization = authorizationHeader(auth, username, secret);
    base.ssl.reset();
    if (url->scheme() == u"https"_s) {
        auto ssl = sslConfiguration();
        if (!ssl)
            return ssl.error();
        base.ssl = ssl.value();
    }
    return base;
}

QString ConnectionProfile::authName(Auth auth)
{
    switch (auth) {
    case Auth::None: return u"none"_s;
    case Auth::Basic: return u"basic"_s;
    case Auth::Bearer: return u"bearer"_s;
    }
    return {};
}

std::optional<ConnectionProfile::Auth> ConnectionProfile::authFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n.isEmpty() || n == u"none"_s)
        return Auth::None;
    if (n == u"basic"_s)
        return Auth::Basic;
    if (n == u"bearer"_s || n == u"token"_s)
        return Auth::Bearer;
    return std::nullopt;
}

std::optional<ConnectionProfile> ConnectionProfile::load(QSettings &settings, const QString &name)
{
    settings.beginGroup(SettingsGroup);
    const bool exists = settings.childGroups().contains(groupName(name));
    settings.endGroup();
    if (!exists)
        return std::nullopt;
    settings.beginGroup(SettingsGroup + u'/' + groupName(name));
    ConnectionProfile p;
    p.name = settings.value(u"name"_s, name).toString();
    p.url = settings.value(u"url"_s).toString();
    p.routePrefix = settings.value(u"routePrefix"_s).toString();
    p.auth = authFromName(settings.value(u"auth"_s).toString()).value_or(Auth::None);
    p.username = settings.value(u"username"_s).toString();
    p.caFile = settings.value(u"caFile"_s).toString();
    p.clientCertFile = settings.value(u"clientCertFile"_s).toString();
    p.clientKeyFile = settings.value(u"clientKeyFile"_s).toString();
    p.skipVerify = settings.value(u"skipVerify"_s, false).toBool();
    p.plainHttpCredentialsAccepted = settings.value(u"plainHttpCredentialsAccepted"_s, false).toBool();
    p.prometheusUrl = settings.value(u"prometheusUrl"_s).toString();
    p.grafanaUrl = settings.value(u"grafanaUrl"_s).toString();
    settings.endGroup();
    return p;
}

QList<ConnectionProfile> ConnectionProfile::loadAll(QSettings &settings)
{
    settings.beginGroup(SettingsGroup);
    const QStringList groups = settings.childGroups();
    settings.endGroup();
    QList<ConnectionProfile> list;
    for (const QString &group : groups) {
        if (auto p = load(settings, QUrl::fromPercentEncoding(group.toLatin1())))
            list.append(*p);
    }
    std::sort(list.begin(), list.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return list;
}

void ConnectionProfile::save(QSettings &settings, const ConnectionProfile &p)
{
    settings.remove(SettingsGroup + u'/' + groupName(p.name));
    settings.beginGroup(SettingsGroup + u'/' + groupName(p.name));
    // Deliberately no password or token here: those live in the keyring.
    settings.setValue(u"name"_s, p.name);
    settings.setValue(u"url"_s, p.url);
    settings.setValue(u"routePrefix"_s, p.routePrefix);
    settings.setValue(u"auth"_s, authName(p.auth));
    settings.setValue(u"username"_s, p.username);
    settings.setValue(u"caFile"_s, p.caFile);
    settings.setValue(u"clientCertFile"_s, p.clientCertFile);
    settings.setValue(u"clientKeyFile"_s, p.clientKeyFile);
    settings.setValue(u"skipVerify"_s, p.skipVerify);
    settings.setValue(u"plainHttpCredentialsAccepted"_s, p.plainHttpCredentialsAccepted);
    if (!p.prometheusUrl.isEmpty())
        settings.setValue(u"prometheusUrl"_s, p.prometheusUrl);
    if (!p.grafanaUrl.isEmpty())
        settings.setValue(u"grafanaUrl"_s, p.grafanaUrl);
    settings.endGroup();
}

void ConnectionProfile::saveAll(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    settings.remove(SettingsGroup);
    for (const ConnectionProfile &p : profiles)
        save(settings, p);
}

void ConnectionProfile::remove(QSettings &settings, const QString &name)
{
    settings.remove(SettingsGroup + u'/' + groupName(name));
}

} // namespace PushDeck
