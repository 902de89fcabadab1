#include "ctl/options.h"

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
              u"Gateway base URL, with route prefix if any (default: $PUSHDECK_GATEWAY, else http://localhost:9091)."_s,
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
              u"Connect through this connection profile of the PushDeck GUI (URL, auth, TLS files); its password or token "
              "comes from PUSHDECK_PASSWORD/PUSHDECK_TOKEN, --password-file/--token-file, else the system keyring."_s,
              u"name"_s)
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

void CtlGlobalOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(gateway);
    parser.addOption(timeout);
    parser.addOption(rules);
    parser.addOption(readOnly);
    parser.addOption(warnAfter);
    parser.addOption(staleAfter);
    parser.addOption(prometheus);
    parser.addOption(profile);
    parser.addOption(user);
    parser.addOption(passwordFile);
    parser.addOption(tokenFile);
    parser.addOption(caFile);
    parser.addOption(cert);
    parser.addOption(key);
    parser.addOption(insecureSkipVerify);
}

std::optional<int> CtlGlobalOptions::apply(const QCommandLineParser &parser, CtlContext &ctx, bool useEnvironment) const
{
    if (parser.isSet(gateway) || useEnvironment) {
        // --gateway may be repeated or hold a comma-separated list (so may
        // PUSHDECK_GATEWAY); every value is one gateway.
        QStringList texts;
        for (const QString &value : parser.values(gateway))
            texts << value.split(u',', Qt::SkipEmptyParts);
        if (texts.isEmpty())
            texts = qEnvironmentVariable("PUSHDECK_GATEWAY", u"http://localhost:9091"_s).split(u',', Qt::SkipEmptyParts);
        QList<QUrl> urls;
        for (const QString &text : std::as_const(texts)) {
            const auto url = GatewayClient::normalizeUrl(text.trimmed());
            if (!url)
                return ctx.fail(url.errorString(), ExitUsage);
            if (!urls.contains(url.value()))
                urls.append(url.value());
        }
        if (urls.isEmpty())
            return ctx.fail(u"--gateway: no URL given"_s, ExitUsage);
        ctx.options.gateways = urls;
    }
    if (parser.isSet(gateway))
        ctx.options.gatewayGiven = true;
    if (parser.isSet(prometheus) || useEnvironment) {
        const QString text = parser.isSet(prometheus) ? parser.value(prometheus) : qEnvironmentVariable("PUSHDECK_PROMETHEUS");
        if (!text.trimmed().isEmpty()) {
            const auto url = GatewayClient::normalizeUrl(text.trimmed());
            if (!url)
                return ctx.fail(u"--prometheus: "_s + url.errorString(), ExitUsage);
            ctx.options.prometheusUrl = url->toString();
        }
    }
    if (parser.isSet(profile))
        ctx.options.profileName = parser.value(profile);
    if (parser.isSet(user))
        ctx.options.user = parser.value(user);
    if (parser.isSet(passwordFile))
        ctx.options.passwordFile = parser.value(passwordFile);
    if (parser.isSet(tokenFile))
        ctx.options.tokenFile = parser.value(tokenFile);
    if (parser.isSet(caFile))
        ctx.options.caFile = parser.value(caFile);
    if (parser.isSet(cert))
        ctx.options.certFile = parser.value(cert);
    if (parser.isSet(key))
        ctx.options.keyFile = parser.value(key);
    if (parser.isSet(insecureSkipVerify))
        ctx.options.skipVerify = true;
    if (useEnvironment) {
        const QString env = qEnvironmentVariable("PUSHDECK_READ_ONLY").trimmed();
        if (!env.isEmpty() && env != u"0"_s && env.compare(u"false"_s, Qt::CaseInsensitive) != 0)
            ctx.options.readOnly = true;
    }
    if (parser.isSet(readOnly))
        ctx.options.readOnly = true;
    if (parser.isSet(timeout)) {
        const auto seconds = ctx.parseDurationArg(parser.value(timeout), u"--timeout"_s);
        if (!seconds)
            return ctx.fail(seconds.error());
        if (*seconds <= 0)
            return ctx.fail(u"--timeout must be greater than zero"_s, ExitUsage);
        ctx.options.timeoutMs = int(std::min(*seconds * 1000.0, 24.0 * 3600 * 1000));
    }
    if (parser.isSet(warnAfter)) {
        const auto seconds = ctx.parseDurationArg(parser.value(warnAfter), u"--warn-after"_s);
        if (!seconds)
            return ctx.fail(seconds.error());
        ctx.options.warnAfter = *seconds;
    }
    if (parser.isSet(staleAfter)) {
        const auto seconds = ctx.parseDurationArg(parser.value(staleAfter), u"--stale-after"_s);
        if (!seconds)
            return ctx.fail(seconds.error());
        ctx.options.staleAfter = *seconds;
    }
    if (parser.isSet(rules))
        ctx.options.rulesFile = parser.value(rules);
    return std::nullopt;
}

} // namespace PushDeck
