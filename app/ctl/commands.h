#pragma once
// The pushdeckctl commands, one file each in this folder. runCtl() parses the
// global options and dispatches; each command parses its own arguments with
// parseCommand() and returns the process exit code.

#include "core/result.h"

#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace PushDeck {

class CtlContext;

int runCtl(const QStringList &arguments);

// Reading
int ctlStatus(CtlContext &ctx, const QStringList &arguments);
int ctlGroups(CtlContext &ctx, const QStringList &arguments);
int ctlShow(CtlContext &ctx, const QStringList &arguments);
int ctlCheck(CtlContext &ctx, const QStringList &arguments);
int ctlLint(CtlContext &ctx, const QStringList &arguments);
int ctlAlertRules(CtlContext &ctx, const QStringList &arguments);
// Changing
int ctlPush(CtlContext &ctx, const QStringList &arguments);
int ctlDelete(CtlContext &ctx, const QStringList &arguments);
int ctlPrune(CtlContext &ctx, const QStringList &arguments);
int ctlWipe(CtlContext &ctx, const QStringList &arguments);
int ctlRepush(CtlContext &ctx, const QStringList &arguments);
int ctlSnapshot(CtlContext &ctx, const QStringList &arguments);
// The host: connection profiles, shell completion
int ctlProfile(CtlContext &ctx, const QStringList &arguments);
int ctlCompletion(CtlContext &ctx, const QStringList &arguments);
int ctlComplete(CtlContext &ctx, const QStringList &arguments); // __complete, for the scripts

using CtlCommand = int (*)(CtlContext &, const QStringList &);
// The command called `name`, or null.
CtlCommand ctlCommand(const QString &name);

// Parses one command's arguments with `parser` (which already holds the
// command's own options and positional arguments) plus the global options and
// --help, then prepares the staleness policy and the connection. Returns an
// exit code when the command must not run (usage error or help printed).
std::optional<int> parseCommand(CtlContext &ctx, QCommandLineParser &parser, const QString &command,
                                const QString &description, const QStringList &arguments);
// The first half of parseCommand(): the arguments, --help and the global
// options, without the policy or the connection (profile, completion).
std::optional<int> parseCommandLine(CtlContext &ctx, QCommandLineParser &parser, const QString &command,
                                    const QString &description, const QStringList &arguments);

// What `command --help` lists (its own options and arguments, not the
// global ones), without running it: the command is called in a mode where
// parseCommandLine() only records its parser's help text. For completion.
QString ctlCommandHelpText(const QString &command);

// check's answer to bad arguments or configuration (the error is on stderr
// already): `PUSHDECK UNKNOWN - <error>` on stdout, exit 3.
int ctlCheckUnknown(CtlContext &ctx);

// push --max-size: bytes, or a number with K, M, G (binary); 0: no limit.
Result<qint64> parseByteSize(const QString &text);
QString byteSizeText(qint64 bytes); // "64M"

// The commands that accept several --gateway values.
bool ctlSupportsSeveralGateways(const QString &command);

// "pushdeckctl 0.1.0 (git 1a2b3c4, Qt 6.4.2)" (version.cpp).
QString ctlVersionText();

} // namespace PushDeck
