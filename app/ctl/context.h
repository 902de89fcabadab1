#pragma once
// What every pushdeckctl command shares: the parsed global options
// (CtlOptions), stdout/stderr, the one-line error convention with its exit
// codes, the gateway client, the staleness policy and the confirmation rule
// for anything destructive.

#include "ctl/options.h"

#include "gateway/connectionresolver.h"
#include "gateway/gatewayclient.h"
#include "session/gatewaysession.h"
#include "core/labelmatcher.h"
#include "staleness/stalenesspolicy.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace PushDeck {

// Exit codes (documented in README.md, "pushdeckctl"). `check` and `lint`
// have their own 0/1/2(/3) sets.
enum CtlExit {
    ExitOk = 0,
    ExitError = 1,        // the operation failed (rejected push, missing group, unverified delete)
    ExitUsage = 64,       // bad arguments: unknown option, bad key, selector or duration
    ExitDataError = 65,   // bad input data: invalid exposition text, unreadable snapshot
    ExitNoInput = 66,     // an input file cannot be read
    ExitUnavailable = 69, // the gateway cannot be reached or is not a Pushgateway
    ExitCantCreate = 73,  // an output file cannot be written
    ExitRefused = 77,     // refused by pushdeckctl itself: --read-only, no --yes, not confirmed
    ExitConfig = 78,      // pushdeckctl.yml is unreadable or wrong
};

class AuditLog;
class SnapshotStore;

// While one lives, SIGINT and SIGTERM do not end pushdeckctl: each calls
// `stop` on the event loop (a bulk delete stops sending, verifies and
// audits what it sent; the second signal stops waiting). Afterwards the
// signals end the process again. signal() says which one came (0: none).
class CtlSignalGuard
{
public:
    explicit CtlSignalGuard(std::function<void()> stop);
    ~CtlSignalGuard();
    Q_DISABLE_COPY_MOVE(CtlSignalGuard)
    int signal() const;
    static QString signalName(int signal); // "SIGINT", "SIGTERM"
};

class CtlContext
{
public:
    CtlContext();
    ~CtlContext();

    // The global options, set from the command line before and after the
    // command (CtlGlobalOptions::apply).
    CtlOptions options;
    StalenessPolicy policy; // built by preparePolicy()
    // How long prepareConnection() waits for the keyring (completion: less).
    int keyringTimeoutMs = 10000;

    // The gateway the commands talk to: once prepareConnection() has run,
    // the connection's base URL (a profile's, with its route prefix);
    // before, the first --gateway.
    QUrl gateway() const;

    // Resolves the profile and the connection options (ConnectionResolver:
    // the secret from a file, the environment or the keyring, the TLS files)
    // into the client options; prints the warnings (skipped verification,
    // credentials over plain http). Returns an exit code on error.
    std::optional<int> prepareConnection();
    // How selectors are read: the version of the Prometheus named by
    // --prometheus/$PUSHDECK_PROMETHEUS/the profile (asked once in
    // prepareConnection(); unreachable: a warning and Prometheus 3), else
    // Prometheus 3.
    PromDialect promDialect() const { return m_dialect; }
    // The Prometheus URL in effect (option, else profile), may be empty.
    QString prometheusUrl() const;

    // Loads --rules (if given) and applies --warn-after/--stale-after on top;
    // returns an exit code on error.
    std::optional<int> preparePolicy();

    // stdout and stderr. Both escape every control, bidirectional and
    // invisible character (core/printable.h): what a gateway holds cannot
    // move the cursor, erase lines or reorder text of a preview.
    QTextStream &out();
    QTextStream &err();
    // Data meant for another program rather than a terminal (show
    // --exposition into a pipe or file): stdout passes it as it is.
    void setRawDataOutput(bool raw);

    // Prints `pushdeckctl: message` as one line on stderr, returns code.
    int fail(const QString &message, int code = ExitError);
    // The message of the last fail() (one line), for check's UNKNOWN line.
    QString lastFailure() const { return m_lastFailure; }
    // Where an Error comes from changes two exit codes: for an operation
    // that changes the gateway (push, wipe, repush, restore) invalid text is
    // bad input data (65) and an invalid request a failure (1); for anything
    // else both are bad arguments (64).
    enum class ErrorOrigin { Request, Operation };
    // The exit code for an Error from the models (network → 69, ...): the
    // one place where errors become exit codes.
    static int exitCodeFor(const Error &error, ErrorOrigin origin = ErrorOrigin::Request);
    // fail(message, exitCodeFor(error)); when the gateway was nobody's
    // choice (no --gateway, PUSHDECK_GATEWAY, pushdeckctl.yml or profile)
    // and cannot be reached, the message says how to name one.
    int fail(const Error &error, ErrorOrigin origin = ErrorOrigin::Request);
    // The message of `error`, with that hint where it applies.
    QString messageFor(const Error &error) const;
    // A parse error in the command-line argument `text` (from parseKey(),
    // parseMatcher()): fail(error), one line; on a terminal followed by the
    // text and a caret under the error's column.
    int failParse(const Error &error, const QString &text);
    // For every mutating command: refuses under --read-only.
    std::optional<int> refuseIfReadOnly(const QString &command);
    // Confirmation for destructive commands: `yes` (the --yes flag) passes;
    // otherwise asks on the terminal (`question [y/N]` on stderr, answer on
    // stdin); without a terminal it refuses. Returns an exit code to stop
    // with, or nullopt to go ahead.
    std::optional<int> confirm(const QString &question, bool yes, const QString &refusal);

    // The audit log and undo snapshots are the window's own (same files,
    // core/datadirectory.h), so an action from cron can be undone from the
    // window and vice versa.
    AuditLog &auditLog();
    SnapshotStore &snapshotStore();

    // The gateway's session, as the window has one: its client, the policy
    // in effect (the rules with this gateway's scope and the cadences the
    // window learned for it and saved; never written from here), the
    // operations with the app's snapshots and audit log.
    GatewaySession &session();
    GatewayClient &client() { return *session().client(); }
    // A session for another of several --gateway, with clientOptionsFor().
    std::unique_ptr<GatewaySession> makeSession(const QUrl &url);
    // The connection's options for `url`: credentials belong to the gateway
    // they were given for; another origin gets the TLS settings but no
    // Authorization (repush --to-gateway, several --gateway).
    ClientOptions clientOptionsFor(const QUrl &url) const;
    // All groups, sorted by key.
    Result<QList<Group>> fetchGroups();
    double now() const;

    // Parsers for arguments. An error names the argument (`what`: "KEY",
    // "--match", "--older-than") and the text, and is a usage error for
    // exitCodeFor() (Error::Parse or Invalid); a key's or selector's keeps
    // the column for failParse().
    static Result<GroupingKey> parseKey(const QString &text, const QString &what = QStringLiteral("KEY"));
    // Selectors are read in promDialect().
    Result<LabelMatcher> parseMatcher(const QString &text, const QString &what = QStringLiteral("--match")) const;
    static Result<double> parseDurationArg(const QString &text, const QString &what);

private:
    QString m_lastFailure;
    std::optional<ResolvedConnection> m_connection;
    PromDialect m_dialect = DefaultPromDialect;
    std::unique_ptr<GatewaySession> m_session;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<SnapshotStore> m_store;
};

} // namespace PushDeck
