#pragma once
// The pushdeckctl commands. runCtl() parses the global options and dispatches;
// each command parses its own arguments and returns the process exit code.

#include <QStringList>

namespace PushDeck {

class CtlContext;

int runCtl(const QStringList &arguments);

// Reading: ctlreadcommands.cpp
int ctlStatus(CtlContext &ctx, const QStringList &arguments);
int ctlGroups(CtlContext &ctx, const QStringList &arguments);
int ctlShow(CtlContext &ctx, const QStringList &arguments);
int ctlCheck(CtlContext &ctx, const QStringList &arguments);
// Changing: ctlwritecommands.cpp
int ctlPush(CtlContext &ctx, const QStringList &arguments);
int ctlDelete(CtlContext &ctx, const QStringList &arguments);
int ctlPrune(CtlContext &ctx, const QStringList &arguments);
int ctlWipe(CtlContext &ctx, const QStringList &arguments);
int ctlRepush(CtlContext &ctx, const QStringList &arguments);
int ctlSnapshot(CtlContext &ctx, const QStringList &arguments);

} // namespace PushDeck
