#pragma once
// pushdeckctl's global options: what the command line (before and after the
// command name) and the environment (PUSHDECK_GATEWAY, PUSHDECK_READ_ONLY)
// say, as parsed values. What they lead to (the staleness policy, the
// connection) is CtlContext's.

#include "gateway/connectionresolver.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QCommandLineParser;

namespace PushDeck {

class CtlContext;

struct CtlOptions
{
    // Every --gateway given (repeated or comma-separated), in order, else
    // $PUSHDECK_GATEWAY, else http://localhost:9091. groups, delete and
    // prune work on all of them; everything else on the first.
    QList<QUrl> gateways;
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

    // Connection: a saved profile (the GUI's) and/or options on top of it.
    QString profileName;              // --profile
    QString user;                     // --user (else PUSHDECK_USER): basic auth
    QString passwordFile;             // --password-file
    QString tokenFile;                // --token-file
    QString caFile;                   // --ca-file
    QString certFile;                 // --cert
    QString keyFile;                  // --key
    bool skipVerify = false;          // --insecure-skip-verify

    // The connection options for ConnectionResolver, without the profile
    // (CtlContext::prepareConnection() loads it): --gateway beats a
    // profile's URL; without a profile the first gateway is the URL.
    ConnectionRequest connectionRequest() const;
};

// The options every command accepts, before or after its name.
struct CtlGlobalOptions
{
    CtlGlobalOptions();
    void addTo(QCommandLineParser &parser) const;
    // Applies the options set in `parser` to ctx.options; returns an exit
    // code on a bad value. `useEnvironment`: the defaults from the
    // environment too (once, for the options before the command).
    std::optional<int> apply(const QCommandLineParser &parser, CtlContext &ctx, bool useEnvironment) const;

    QCommandLineOption gateway;
    QCommandLineOption timeout;
    QCommandLineOption rules;
    QCommandLineOption readOnly;
    QCommandLineOption warnAfter;
    QCommandLineOption staleAfter;
    QCommandLineOption prometheus;
    QCommandLineOption profile;
    QCommandLineOption user;
    QCommandLineOption passwordFile;
    QCommandLineOption tokenFile;
    QCommandLineOption caFile;
    QCommandLineOption cert;
    QCommandLineOption key;
    QCommandLineOption insecureSkipVerify;
};

} // namespace PushDeck
