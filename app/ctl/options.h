#pragma once
// pushdeckctl's global options: what the command line (before and after the
// command name), the environment (PUSHDECK_GATEWAY, PUSHDECK_READ_ONLY) and
// pushdeckctl.yml (configfile.h) say, as parsed values; options beat the
// environment, which beats the file. What they lead to (the staleness
// policy, the connection) is CtlContext's.

#include "gateway/connectionresolver.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QCommandLineParser;

namespace PushDeck {

class CtlContext;
struct CtlConfigFile;

struct CtlOptions
{
    // Every --gateway given (repeated or comma-separated), in order, else
    // $PUSHDECK_GATEWAY, else pushdeckctl.yml's gateway, else
    // http://localhost:9091. groups, delete and prune work on all of them;
    // everything else on the first.
    QList<QUrl> gateways{QUrl(QStringLiteral("http://localhost:9091"))};
    enum class GatewaySource { Default, ConfigFile, Environment, Option };
    GatewaySource gatewaySource = GatewaySource::Default; // for the "how to name a gateway" hint
    bool gatewayGiven = false;        // --gateway on the command line (beats the profile's URL)
    int timeoutMs = 30000;            // --timeout
    bool readOnly = false;            // --read-only or PUSHDECK_READ_ONLY
    QString rulesFile;                // --rules
    std::optional<double> warnAfter;  // --warn-after, overrides the rules file's default
    std::optional<double> staleAfter; // --stale-after
    // The Prometheus that scrapes the gateway (--prometheus, else
    // $PUSHDECK_PROMETHEUS, else the profile's): selectors are read as its
    // version reads them (2.x or 3); without one, as Prometheus 3.
    QString prometheusUrl;
    QString output;                   // pushdeckctl.yml's output: the default of -o where a command has it
    QString configFile;               // the pushdeckctl.yml read, if any
    QStringList givenOptions;         // long names of the options on the command line (not file, not environment)
    bool given(const QString &name) const { return givenOptions.contains(name); }

    // Connection: a saved profile (the GUI's) and/or options on top of it.
    QString profileName;              // --profile
    QString httpConfigFile;           // --http.config.file: Prometheus's HTTP client config
    QString user;                     // --user (else PUSHDECK_USER): basic auth
    QString passwordFile;             // --password-file
    QString tokenFile;                // --token-file
    QString caFile;                   // --ca-file
    QString certFile;                 // --cert
    QString keyFile;                  // --key
    bool skipVerify = false;          // --insecure-skip-verify

    // The connection options for ConnectionResolver, without the profile
    // and the HTTP client config (CtlContext::prepareConnection() loads
    // them): --gateway beats a profile's URL; without a profile the first
    // gateway is the URL.
    ConnectionRequest connectionRequest() const;
};

// The options every command accepts, before or after its name.
struct CtlGlobalOptions
{
    CtlGlobalOptions();
    QList<QCommandLineOption> all() const;
    void addTo(QCommandLineParser &parser) const;
    // The keys pushdeckctl.yml may have (the long option names, output) and
    // those that name files.
    QStringList configKeys() const;
    QStringList configPathKeys() const;
    // pushdeckctl.yml's values as defaults in ctx.options; an exit code (78)
    // on a bad value.
    std::optional<int> applyConfigFile(const CtlConfigFile &file, CtlContext &ctx) const;
    // Applies the options set in `parser` to ctx.options; returns an exit
    // code on a bad value. `useEnvironment`: the environment too (once, for
    // the options before the command).
    std::optional<int> apply(const QCommandLineParser &parser, CtlContext &ctx, bool useEnvironment) const;

    QCommandLineOption gateway;
    QCommandLineOption timeout;
    QCommandLineOption rules;
    QCommandLineOption readOnly;
    QCommandLineOption warnAfter;
    QCommandLineOption staleAfter;
    QCommandLineOption prometheus;
    QCommandLineOption profile;
    QCommandLineOption httpConfigFile;
    QCommandLineOption user;
    QCommandLineOption passwordFile;
    QCommandLineOption tokenFile;
    QCommandLineOption caFile;
    QCommandLineOption cert;
    QCommandLineOption key;
    QCommandLineOption insecureSkipVerify;

private:
    // One option's values from `what` ("--timeout", "FILE:3: timeout").
    std::optional<int> set(const QCommandLineOption &option, const QStringList &values, const QString &what,
                           CtlContext &ctx, int usageCode) const;
    std::optional<int> setGateways(const QStringList &values, const QString &what, CtlContext &ctx, int usageCode) const;
};

} // namespace PushDeck
