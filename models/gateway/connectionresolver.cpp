#include "gateway/connectionresolver.h"

#include "gateway/credentialstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionResolver", text);
}

// A file that cannot be used as it is: missing, not a file, unreadable.
bool unusableFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile() || !info.isReadable())
        return true;
    QFile file(path);
    return !file.open(QIODevice::ReadOnly);
}

// Whether the profile names a TLS file that cannot be read, checked as
// ConnectionProfile::problems() reads them (certificate and key as a pair):
// then its problems are NotFound rather than Invalid.
bool hasUnusableFile(const ConnectionProfile &profile)
{
    if (!profile.caFile.isEmpty() && unusableFile(profile.caFile))
        return true;
    return !profile.clientCertFile.isEmpty() && !profile.clientKeyFile.isEmpty()
        && (unusableFile(profile.clientCertFile) || unusableFile(profile.clientKeyFile));
}

// A secret from a file: its first line, without the line break.
Result<QString> readSecretFile(const QString &option, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::NotFound, tr("%1 %2: cannot read: %3").arg(option, path, file.errorString()));
    const QByteArray data = file.readAll();
    const qsizetype eol = data.indexOf('\n');
    QString secret = QString::fromUtf8(eol < 0 ? data : data.left(eol));
    if (secret.endsWith(u'\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return Error::make(Error::NotFound, tr("%1 %2 is empty").arg(option, path));
    return secret;
}

} // namespace

Result<ConnectionProfile> ConnectionResolver::savedProfile(QSettings &settings, const QString &name)
{
    if (auto profile = ConnectionProfile::load(settings, name))
        return *profile;
    QStringList names;
    for (const ConnectionProfile &p : ConnectionProfile::loadAll(settings))
        names << p.name;
    return Error::make(Error::Invalid,
                       tr("no connection profile \"%1\" (known: %2)")
                           .arg(name, names.isEmpty() ? tr("none; add one with pushdeckctl profile add, or in PushDeck's Gateway > Connections")
                                                      : names.join(u", "_s)));
}

Result<PendingConnection> ConnectionResolver::prepare(const ConnectionRequest &request) const
{
    ConnectionProfile profile;
    if (request.profile) {
        profile = *request.profile;
        if (!request.url.isEmpty()) {
            profile.url = request.url;
            profile.routePrefix.clear();
        }
    } else {
        profile.name = u"command line"_s; // a profile must have a name; this one is never saved
        profile.url = request.url;
    }

    // The HTTP client config first: the options below go on top of it.
    std::optional<QString> configSecret;
    auto configAuth = ConnectionProfile::Auth::None;
    if (const auto &config = request.httpConfig) {
        if (config->basicAuth) {
            configAuth = profile.auth = ConnectionProfile::Auth::Basic;
            profile.username = config->basicAuth->username;
            configSecret = config->basicAuth->password;
        } else if (config->bearerToken) {
            configAuth = profile.auth = ConnectionProfile::Auth::Bearer;
            profile.username.clear();
            configSecret = *config->bearerToken;
        }
        if (!config->caFile.isEmpty())
            profile.caFile = config->caFile;
        if (!config->certFile.isEmpty()) {
            profile.clientCertFile = config->certFile;
            profile.clientKeyFile = config->keyFile;
        }
        if (config->insecureSkipVerify)
            profile.skipVerify = true;
    }

    // Credentials: never as a bare argument. A password or token from a
    // file or the environment beats the keyring; a config file that names
    // credentials beats the environment.
    const bool environmentCredentials = configAuth == ConnectionProfile::Auth::None;
    const QString envPassword = environmentCredentials ? m_environment.value(u"PUSHDECK_PASSWORD"_s) : QString();
    const QString envToken = environmentCredentials ? m_environment.value(u"PUSHDECK_TOKEN"_s) : QString();
    const QString envUser = environmentCredentials ? m_environment.value(u"PUSHDECK_USER"_s) : QString();
    if (!request.passwordFile.isEmpty() && !request.tokenFile.isEmpty())
        return Error::make(Error::Invalid, tr("give either --password-file or --token-file, not both"));
    const QString user = request.user.isEmpty() ? envUser : request.user;
    if (!user.isEmpty()) {
        profile.auth = ConnectionProfile::Auth::Basic;
        profile.username = user;
    }
    if (!request.tokenFile.isEmpty()
        || (!envToken.isEmpty() && request.passwordFile.isEmpty() && user.isEmpty()
            && profile.auth != ConnectionProfile::Auth::Basic))
        profile.auth = ConnectionProfile::Auth::Bearer;
    else if ((!request.passwordFile.isEmpty() || !envPassword.isEmpty()) && profile.auth == ConnectionProfile::Auth::None)
        return Error::make(Error::Invalid, tr("a password (%1) needs a user name: pass --user NAME (or set PUSHDECK_USER)")
                                               .arg(request.passwordFile.isEmpty() ? u"PUSHDECK_PASSWORD"_s
                                                                                   : u"--password-file"_s));

    if (!request.caFile.isEmpty())
        profile.caFile = request.caFile;
    if (!request.certFile.isEmpty())
        profile.clientCertFile = request.certFile;
    if (!request.keyFile.isEmpty())
        profile.clientKeyFile = request.keyFile;
    if (request.skipVerify)
        profile.skipVerify = true;

    if (const QStringList problems = profile.problems(); !problems.isEmpty())
        return Error::make(hasUnusableFile(profile) ? Error::NotFound : Error::Invalid, problems.join(u"; "_s));

    PendingConnection pending;
    pending.base = request.base;
    const bool basic = profile.auth == ConnectionProfile::Auth::Basic;
    pending.secretHint = basic ? tr("set PUSHDECK_PASSWORD or pass --password-file FILE")
                               : tr("set PUSHDECK_TOKEN or pass --token-file FILE");
    const QString file = basic ? request.passwordFile : request.tokenFile;
    const QString environment = basic ? envPassword : envToken;
    if (profile.needsSecret()) {
        if (!file.isEmpty()) {
            auto read = readSecretFile(basic ? u"--password-file"_s : u"--token-file"_s, file);
            if (!read)
                return read.error();
            pending.secret = std::move(read).value();
        } else if (!environment.isEmpty()) {
            pending.secret = environment;
        } else if (configSecret && configAuth == profile.auth) {
            pending.secret = configSecret; // may be empty, as Prometheus allows
        } else if (!request.profile) {
            return Error::make(Error::Invalid, tr("%1 authentication needs a secret: %2")
                                                   .arg(basic ? u"basic"_s : u"bearer"_s, pending.secretHint));
        } else {
            // Typed into the window earlier in this process (no keyring).
            pending.secret = CredentialStore::sessionSecret(profile.name);
        }
    }
    pending.profile = std::move(profile);
    return pending;
}

QFuture<Result<QString>> ConnectionResolver::readSecret(const PendingConnection &pending) const
{
    if (!m_store)
        return QtFuture::makeReadyFuture(Result<QString>(Error::make(Error::Keyring, tr("no system keyring to ask"))));
    return m_store->read(pending.profile.name);
}

Result<ResolvedConnection> ConnectionResolver::finish(const PendingConnection &pending, const QString &secret)
{
    return finish(pending.profile, secret, pending.base);
}

Result<ResolvedConnection> ConnectionResolver::finish(const ConnectionProfile &profile, const QString &secret,
                                                      const ClientOptions &base)
{
    auto options = profile.clientOptions(secret, base);
    if (!options)
        return Error::make(hasUnusableFile(profile) ? Error::NotFound : Error::Invalid, options.errorString());
    ResolvedConnection resolved;
    resolved.profile = profile;
    resolved.baseUrl = profile.baseUrl().value(); // clientOptions() checked it
    resolved.options = std::move(options).value();
    if (resolved.options.skipsVerification())
        resolved.warnings.append(ConnectionWarning::SkipsVerification);
    if (!resolved.options.authorization.isEmpty() && resolved.baseUrl.scheme() == u"http"_s)
        resolved.warnings.append(ConnectionWarning::CredentialsOverPlainHttp);
    return resolved;
}

QFuture<Result<ResolvedConnection>> ConnectionResolver::resolve(const ConnectionRequest &request) const
{
    auto pending = prepare(request);
    if (!pending)
        return QtFuture::makeReadyFuture(Result<ResolvedConnection>(pending.error()));
    if (!pending->needsKeyring())
        return QtFuture::makeReadyFuture(finish(*pending, pending->secret.value_or(QString())));
    return readSecret(*pending).then([state = *pending](const Result<QString> &secret) -> Result<ResolvedConnection> {
        if (!secret)
            return Error::make(Error::Keyring, tr("no secret for profile \"%1\": %2; %3")
                                                   .arg(state.profile.name, secret.errorString(), state.secretHint));
        return finish(state, *secret);
    });
}

} // namespace PushDeck
