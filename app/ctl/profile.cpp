// pushdeckctl profile list|show|add|remove: the connection profiles without
// the window, in the window's own store (QSettings "PushDeck"/"pushdeck",
// group profiles/), so a profile added here opens in the window and the
// other way round. Secrets never go into that store: `add` puts the one
// given with --password-file, --token-file or --http.config.file into the
// system keyring (service "PushDeck", key = the profile's name), where the
// window looks too; without a keyring, give the secret when using the
// profile (PUSHDECK_PASSWORD, --password-file, ...).

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"
#include "ctl/output.h"

#include "core/awaitfuture.h"
#include "gateway/connectionresolver.h"
#include "gateway/credentialstore.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr int keyringTimeoutMs = 10000;

QString tlsText(const ConnectionProfile &profile)
{
    QStringList parts;
    if (!profile.caFile.isEmpty())
        parts << u"ca"_s;
    if (!profile.clientCertFile.isEmpty())
        parts << u"client-cert"_s;
    if (profile.skipVerify)
        parts << u"skip-verify"_s;
    return parts.isEmpty() ? u"-"_s : parts.join(u',');
}

QJsonObject profileJson(const ConnectionProfile &profile)
{
    return {
        {u"name"_s, profile.name},
        {u"url"_s, profile.baseUrl() ? profile.baseUrl()->toString() : profile.url},
        {u"auth"_s, ConnectionProfile::authName(profile.auth)},
        {u"user"_s, profile.username},
        {u"ca_file"_s, profile.caFile},
        {u"cert_file"_s, profile.clientCertFile},
        {u"key_file"_s, profile.clientKeyFile},
        {u"insecure_skip_verify"_s, profile.skipVerify},
    };
}

// Where the secret of `profile` is, without reading it out: "keyring",
// "missing", or the keyring's error.
QString secretState(const ConnectionProfile &profile, QString *detail)
{
    CredentialStore store;
    store.setTimeoutMs(keyringTimeoutMs);
    const auto secret = awaitFuture(store.read(profile.name));
    if (secret)
        return u"keyring"_s;
    *detail = secret.errorString();
    return secret.error().kind == Error::NotFound ? u"missing"_s : u"unavailable"_s;
}

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

int ctlProfile(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption authOption(u"auth"_s,
                                        u"add: none, basic or bearer (default: from --user, --token-file, "
                                        "--http.config.file)."_s,
                                        u"kind"_s);
    const QCommandLineOption prefixOption(u"route-prefix"_s, u"add: a route prefix to append to the URL (/pushgateway)."_s,
                                          u"path"_s);
    const QCommandLineOption replaceOption(u"replace"_s, u"add: replace a profile of that name."_s);
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Json});
    parser.addOptions({authOption, prefixOption, replaceOption});
    output.addTo(parser);
    parser.addPositionalArgument(u"ACTION"_s, u"list, show NAME, add NAME, or remove NAME."_s, u"list|show|add|remove"_s);
    parser.addPositionalArgument(u"NAME"_s, u"The profile's name."_s, u"[NAME]"_s);
    if (auto exit = parseCommandLine(ctx, parser, u"profile"_s,
                                     u"The connection profiles pushdeckctl --profile and the window share: list them, "
                                     "show one (never its secret), add one from the connection options (-g URL, --user, "
                                     "--ca-file, --cert/--key, --insecure-skip-verify, --http.config.file; the secret "
                                     "from --password-file, --token-file or the config goes to the system keyring), or "
                                     "remove one with its keyring entry."_s,
                                     arguments))
        return *exit;
    const auto format = output.format(parser, ctx);
    if (!format)
        return ctx.fail(format.errorString(), ExitUsage);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString name = positional.value(1);
    QSettings settings(u"PushDeck"_s, u"pushdeck"_s); // the window's store
    QTextStream &out = ctx.out();

    if (action == u"list"_s) {
        if (positional.size() != 1)
            return ctx.fail(u"profile list takes no further arguments"_s, ExitUsage);
        QList<QStringList> rows;
        for (const ConnectionProfile &profile : ConnectionProfile::loadAll(settings)) {
            if (*format == CtlFormat::Json) {
                out << jsonLine(profileJson(profile)) << '\n';
                continue;
            }
            rows.append({profile.name, profile.baseUrl() ? profile.baseUrl()->toString() : profile.url,
                         ConnectionProfile::authName(profile.auth), profile.username.isEmpty() ? u"-"_s : profile.username,
                         tlsText(profile)});
        }
        if (*format != CtlFormat::Json)
            printRows(out, {u"NAME"_s, u"URL"_s, u"AUTH"_s, u"USER"_s, u"TLS"_s}, rows, {}, output.noHeaders(parser));
        out.flush();
        return ExitOk;
    }
    if ((action != u"show"_s && action != u"add"_s && action != u"remove"_s) || positional.size() != 2 || name.isEmpty())
        return ctx.fail(u"profile needs \"list\", \"show NAME\", \"add NAME\" or \"remove NAME\""_s, ExitUsage);

    if (action == u"show"_s) {
        const auto profile = ConnectionResolver::savedProfile(settings, name);
        if (!profile)
            return ctx.fail(profile.errorString(), ExitError);
        QString detail;
        const QString secret = profile->needsSecret() ? secretState(*profile, &detail) : QString();
        if (*format == CtlFormat::Json) {
            QJsonObject object = profileJson(*profile);
            object.insert(u"secret"_s, secret.isEmpty() ? QJsonValue() : QJsonValue(secret));
            out << jsonLine(object) << Qt::endl;
            return ExitOk;
        }
        out << "name:       " << profile->name << '\n';
        out << "url:        " << (profile->baseUrl() ? profile->baseUrl()->toString() : profile->url) << '\n';
        out << "auth:       " << ConnectionProfile::authName(profile->auth);
        if (!profile->username.isEmpty())
            out << " (user " << profile->username << ')';
        out << '\n';
        if (profile->needsSecret()) {
            out << "secret:     ";
            if (secret == u"keyring"_s)
                out << "in the system keyring\n";
            else
                out << "not in the system keyring (" << detail
                    << "); pass it with PUSHDECK_PASSWORD/PUSHDECK_TOKEN or --password-file/--token-file\n";
        }
        if (!profile->caFile.isEmpty())
            out << "ca file:    " << profile->caFile << '\n';
        if (!profile->clientCertFile.isEmpty())
            out << "client:     " << profile->clientCertFile << " (key " << profile->clientKeyFile << ")\n";
        if (profile->skipVerify)
            out << "tls:        certificate verification off (insecure-skip-verify)\n";
        out.flush();
        return ExitOk;
    }

    if (action == u"remove"_s) {
        const auto profile = ConnectionResolver::savedProfile(settings, name);
        if (!profile)
            return ctx.fail(profile.errorString(), ExitError);
        ConnectionProfile::remove(settings, name);
        settings.sync();
        if (settings.status() != QSettings::NoError)
            return ctx.fail(u"cannot write %1"_s.arg(settings.fileName()), ExitCantCreate);
        out << "removed profile " << name << Qt::endl;
        if (profile->needsSecret()) {
            CredentialStore store;
            store.setTimeoutMs(keyringTimeoutMs);
            if (const auto removed = awaitFuture(store.remove(name)); !removed)
                ctx.err() << "pushdeckctl: warning: its secret was not removed from the system keyring: "
                          << removed.errorString() << Qt::endl;
        }
        return ExitOk;
    }

    // add
    if (ConnectionProfile::load(settings, name) && !parser.isSet(replaceOption))
        return ctx.fail(u"a profile \"%1\" exists already (pass --replace to replace it)"_s.arg(name), ExitError);
    if (!ctx.options.gatewayGiven || ctx.options.gateways.size() != 1)
        return ctx.fail(u"profile add needs the gateway's URL: -g URL (one)"_s, ExitUsage);
    // Only what is on this command line goes into the profile: not
    // pushdeckctl.yml's defaults, not the environment.
    const CtlOptions &o = ctx.options;
    auto given = [&o](const char *option, const QString &value) { return o.given(QLatin1StringView(option)) ? value : QString(); };
    ConnectionRequest request;
    ConnectionProfile base;
    base.name = name;
    base.routePrefix = parser.value(prefixOption);
    request.profile = base;
    request.url = o.gateways.first().toString();
    request.user = given("user", o.user);
    request.passwordFile = given("password-file", o.passwordFile);
    request.tokenFile = given("token-file", o.tokenFile);
    // A profile is used from anywhere: its files by absolute path.
    request.caFile = absolute(given("ca-file", o.caFile));
    request.certFile = absolute(given("cert", o.certFile));
    request.keyFile = absolute(given("key", o.keyFile));
    request.skipVerify = o.given(u"insecure-skip-verify"_s) && o.skipVerify;
    if (o.given(u"http.config.file"_s)) {
        auto config = HttpClientConfig::load(ctx.options.httpConfigFile);
        if (!config)
            return ctx.fail(u"--http.config.file: "_s + config.errorString(),
                            config.error().kind == Error::NotFound ? ExitNoInput : ExitDataError);
        request.httpConfig = std::move(config).value();
    }
    const ConnectionResolver resolver; // without the environment (above)
    auto prepared = resolver.prepare(request);
    if (!prepared)
        return ctx.fail(prepared.error());
    PendingConnection pending = std::move(prepared).value();
    ConnectionProfile profile = pending.profile;
    if (parser.isSet(authOption)) {
        const auto auth = ConnectionProfile::authFromName(parser.value(authOption).trimmed().toLower());
        if (!auth)
            return ctx.fail(u"--auth: \"%1\" is none, basic or bearer"_s.arg(parser.value(authOption)), ExitUsage);
        profile.auth = *auth;
        if (profile.auth != ConnectionProfile::Auth::Basic)
            profile.username.clear();
        if (const auto valid = profile.validate(); !valid)
            return ctx.fail(valid.errorString(), ExitUsage);
        if (!profile.needsSecret())
            pending.secret.reset();
    }
    if (pending.secret && profile.needsSecret()) {
        // The secret first: if the keyring cannot keep it, nothing is saved.
        CredentialStore store;
        store.setTimeoutMs(keyringTimeoutMs);
        if (const auto written = awaitFuture(store.write(name, *pending.secret)); !written)
            return ctx.fail(u"profile %1 not saved: the secret cannot be stored: %2 (add the profile without "
                            "--password-file/--token-file and pass the secret when using it)"_s
                                .arg(name, written.errorString()),
                            ExitError);
    }
    ConnectionProfile::save(settings, profile);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return ctx.fail(u"cannot write %1"_s.arg(settings.fileName()), ExitCantCreate);
    out << (parser.isSet(replaceOption) ? "saved profile " : "added profile ") << name << ": "
        << (profile.baseUrl() ? profile.baseUrl()->toString() : profile.url) << ", auth "
        << ConnectionProfile::authName(profile.auth);
    if (profile.needsSecret())
        out << (pending.secret ? ", secret in the system keyring" : ", secret to be given when used (or in the keyring)");
    out << Qt::endl;
    if (profile.skipVerify)
        ctx.err() << "pushdeckctl: warning: profile " << name << " does not check the gateway's TLS certificate" << Qt::endl;
    return ExitOk;
}

} // namespace PushDeck
