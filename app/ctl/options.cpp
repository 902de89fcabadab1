#include "ctl/options.h"

#include "ctl/configfile.h"
#include "ctl/context.h"

#include "gateway/gatewayclient.h"

#include <QCommandLineParser>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

ConnectionRequest CtlOptions::connectionRequest() const
{
    ConnectionRequest request;
    if (profileName.isEmpty() || gatewayGiven)
        request.url = gateways.value(0).toString();
    request.user = user;
    request.passwordFile = passwordFile;
    request.tokenFile = tokenFile;
    request.caFile = caFile;
    request.certFile = certFile;
    request.keyFile = keyFile;
    request.skipVerify = skipVerify;
    request.base.timeoutMs = timeoutMs;
    return request;
}

CtlGlobalOptions::CtlGlobalOptions()
    : gateway({u"g"_s, u"gateway"_s},
              u"Gateway base URL, with route prefix if any (default: $PUSHDECK_GATEWAY, else pushdeckctl.yml's "
              "gateway, else http://localhost:9091)."_s,
              u"url"_s)
    , timeout(u"timeout"_s, u"Request timeout: a Prometheus duration (30s, 2m) or seconds (default 30s)."_s, u"duration"_s)
    , rules(u"rules"_s, u"Staleness rules file (matchers with warn/stale thresholds)."_s, u"file"_s)
    , readOnly(u"read-only"_s, u"Refuse every command that would change the gateway (also: PUSHDECK_READ_ONLY=1)."_s)
    , warnAfter(u"warn-after"_s, u"Default age at which a group counts as warning (default 1h)."_s, u"duration"_s)
    , staleAfter(u"stale-after"_s, u"Default age at which a group counts as stale (default 6h)."_s, u"duration"_s)
    , prometheus(u"prometheus"_s,
                 u"The Prometheus that scrapes the gateway (default: $PUSHDECK_PROMETHEUS, else the profile's): selectors "
                 "(--match, rules) are read as its version reads them, 2.x or 3 (from /api/v1/status/buildinfo); "
                 "without one, as Prometheus 3."_s,
                 u"url"_s)
    , profile(u"profile"_s,
              u"Connect through this connection profile (pushdeckctl profile list; the window's too): URL, auth, TLS "
              "files; its secret comes from the options and variables below, else the system keyring."_s,
              u"name"_s)
    , httpConfigFile(u"http.config.file"_s,
                     u"Prometheus HTTP client config (YAML, as amtool and promtool take it): basic_auth, authorization, "
                     "tls_config. Options given here go on top of it."_s,
                     u"file"_s)
    , user(u"user"_s, u"Basic authentication user (also: PUSHDECK_USER); the password comes from PUSHDECK_PASSWORD or --password-file."_s,
           u"name"_s)
    , passwordFile(u"password-file"_s, u"Read the basic-auth password from the first line of this file (never pass it as an argument)."_s,
                   u"file"_s)
    , tokenFile(u"token-file"_s, u"Read a bearer token from the first line of this file (or set PUSHDECK_TOKEN)."_s, u"file"_s)
    , caFile(u"ca-file"_s, u"Trust the CA certificates in this PEM file (in addition to the system ones) for an https gateway."_s,
             u"file"_s)
    , cert(u"cert"_s, u"Client certificate (PEM) for gateways that require one (mutual TLS); needs --key."_s, u"file"_s)
    , key(u"key"_s, u"Private key (PEM, unencrypted) of the --cert client certificate."_s, u"file"_s)
    , insecureSkipVerify(u"insecure-skip-verify"_s,
                         u"Do not check the gateway's TLS certificate (dangerous; prints a warning). Prefer --ca-file."_s)
{
}

QList<QCommandLineOption> CtlGlobalOptions::all() const
{
    return {gateway, timeout, rules,   readOnly, warnAfter, staleAfter, prometheus, profile, httpConfigFile,
            user,    passwordFile, tokenFile, caFile,   cert,      key,        insecureSkipVerify};
}

void CtlGlobalOptions::addTo(QCommandLineParser &parser) const
{
    for (const QCommandLineOption &option : all())
        parser.addOption(option);
}

QStringList CtlGlobalOptions::configKeys() const
{
    QStringList keys{u"output"_s};
    for (const QCommandLineOption &option : all())
        keys.append(option.names().constLast());
    return keys;
}

QStringList CtlGlobalOptions::configPathKeys() const
{
    QStringList keys;
    for (const QCommandLineOption &option : all()) {
        if (option.valueName() == u"file"_s)
            keys.append(option.names().constLast());
    }
    return keys;
}

namespace {

std::optional<bool> parseBool(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == u"true"_s || lower == u"yes"_s || lower == u"on"_s || lower == u"1"_s)
        return true;
    if (lower == u"false"_s || lower == u"no"_s || lower == u"off"_s || lower == u"0"_s)
        return false;
    return std::nullopt;
}

} // namespace

std::optional<int> CtlGlobalOptions::setGateways(const QStringList &values, const QString &what, CtlContext &ctx,
                                                 int usageCode) const
{
    // Repeated or comma-separated; every value is one gateway.
    QStringList texts;
    for (const QString &value : values)
        texts << value.split(u',', Qt::SkipEmptyParts);
    QList<QUrl> urls;
    for (const QString &text : std::as_const(texts)) {
        const auto url = GatewayClient::normalizeUrl(text.trimmed());
        if (!url)
            return ctx.fail(what.startsWith(u'-') ? url.errorString() : what + u": "_s + url.errorString(), usageCode);
        if (!urls.contains(url.value()))
            urls.append(url.value());
    }
    if (urls.isEmpty())
        return ctx.fail(what + u": no URL given"_s, usageCode);
    ctx.options.gateways = urls;
    return std::nullopt;
}

std::optional<int> CtlGlobalOptions::set(const QCommandLineOption &option, const QStringList &values, const QString &what,
                                         CtlContext &ctx, int usageCode) const
{
    CtlOptions &o = ctx.options;
    const QString value = values.value(values.size() - 1);
    const QString name = option.names().constLast();
    auto duration = [&](std::optional<double> &target) -> std::optional<int> {
        const auto seconds = ctx.parseDurationArg(value, what);
        if (!seconds)
            return ctx.fail(seconds.errorString(), usageCode);
        target = *seconds;
        return std::nullopt;
    };
    auto flag = [&](bool &target) -> std::optional<int> {
        if (values.isEmpty()) { // an option on the command line: no value
            target = true;
            return std::nullopt;
        }
        const auto parsed = parseBool(value);
        if (!parsed)
            return ctx.fail(u"%1: expected true or false, not \"%2\""_s.arg(what, value), usageCode);
        target = *parsed;
        return std::nullopt;
    };
    if (name == gateway.names().constLast())
        return setGateways(values, what, ctx, usageCode);
    if (name == timeout.names().constLast()) {
        std::optional<double> seconds;
        if (auto exit = duration(seconds))
            return exit;
        if (*seconds <= 0)
            return ctx.fail(what + u" must be greater than zero"_s, usageCode);
        o.timeoutMs = int(std::min(*seconds * 1000.0, 24.0 * 3600 * 1000));
        return std::nullopt;
    }
    if (name == warnAfter.names().constLast())
        return duration(o.warnAfter);
    if (name == staleAfter.names().constLast())
        return duration(o.staleAfter);
    if (name == readOnly.names().constLast())
        return flag(o.readOnly);
    if (name == prometheus.names().constLast()) {
        if (value.trimmed().isEmpty()) {
            o.prometheusUrl.clear();
            return std::nullopt;
        }
        const auto url = GatewayClient::normalizeUrl(value.trimmed());
        if (!url)
            return ctx.fail(what + u": "_s + url.errorString(), usageCode);
        o.prometheusUrl = url->toString();
        return std::nullopt;
    }
    if (name == insecureSkipVerify.names().constLast())
        return flag(o.skipVerify);
    const std::pair<const QCommandLineOption *, QString *> texts[] = {
        {&rules, &o.rulesFile},   {&profile, &o.profileName},   {&httpConfigFile, &o.httpConfigFile},
        {&user, &o.user},         {&passwordFile, &o.passwordFile}, {&tokenFile, &o.tokenFile},
        {&caFile, &o.caFile},     {&cert, &o.certFile},         {&key, &o.keyFile},
    };
    for (const auto &[candidate, target] : texts) {
        if (candidate->names().constLast() == name) {
            *target = value;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<int> CtlGlobalOptions::applyConfigFile(const CtlConfigFile &file, CtlContext &ctx) const
{
    ctx.options.configFile = file.path;
    for (const CtlConfigFile::Setting &setting : file.settings) {
        if (setting.key == u"output"_s) {
            const QString format = setting.values.first().trimmed().toLower();
            if (format != u"table"_s && format != u"wide"_s && format != u"json"_s)
                return ctx.fail(u"%1: expected table, wide or json, not \"%2\""_s.arg(setting.where(), setting.values.first()),
                                ExitConfig);
            ctx.options.output = format;
            continue;
        }
        for (const QCommandLineOption &option : all()) {
            if (option.names().constLast() != setting.key)
                continue;
            if (option.valueName().isEmpty() && setting.values.size() != 1)
                return ctx.fail(setting.where() + u": expected true or false"_s, ExitConfig);
            if (auto exit = set(option, setting.values, setting.where(), ctx, ExitConfig))
                return exit;
            if (option.names() == gateway.names())
                ctx.options.gatewaySource = CtlOptions::GatewaySource::ConfigFile;
        }
    }
    return std::nullopt;
}

std::optional<int> CtlGlobalOptions::apply(const QCommandLineParser &parser, CtlContext &ctx, bool useEnvironment) const
{
    if (useEnvironment) {
        // The environment beats pushdeckctl.yml; options beat both (below).
        const QString gateways = qEnvironmentVariable("PUSHDECK_GATEWAY");
        if (!gateways.trimmed().isEmpty() && !parser.isSet(gateway)) {
            if (auto exit = setGateways({gateways}, u"PUSHDECK_GATEWAY"_s, ctx, ExitUsage))
                return exit;
            ctx.options.gatewaySource = CtlOptions::GatewaySource::Environment;
        }
        const QString prometheusEnv = qEnvironmentVariable("PUSHDECK_PROMETHEUS");
        if (!prometheusEnv.trimmed().isEmpty() && !parser.isSet(prometheus)) {
            if (auto exit = set(prometheus, {prometheusEnv}, u"PUSHDECK_PROMETHEUS"_s, ctx, ExitUsage))
                return exit;
        }
        const QString env = qEnvironmentVariable("PUSHDECK_READ_ONLY").trimmed();
        if (!env.isEmpty())
            ctx.options.readOnly = env != u"0"_s && env.compare(u"false"_s, Qt::CaseInsensitive) != 0;
    }
    for (const QCommandLineOption &option : all()) {
        if (!parser.isSet(option))
            continue;
        const QString what = u"--"_s + option.names().constLast();
        ctx.options.givenOptions.append(option.names().constLast());
        if (auto exit = set(option, option.valueName().isEmpty() ? QStringList() : parser.values(option), what, ctx, ExitUsage))
            return exit;
    }
    if (parser.isSet(gateway)) {
        ctx.options.gatewayGiven = true;
        ctx.options.gatewaySource = CtlOptions::GatewaySource::Option;
    }
    return std::nullopt;
}

} // namespace PushDeck
