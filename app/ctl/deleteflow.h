#pragma once
// The delete flow that delete and prune share on one gateway: preview,
// confirmation, one BulkDeleter (undo snapshot, verified by re-reading,
// audited), report. On several gateways the same steps are
// deleteOnGateways() (fleet.h).

#include "core/metrics.h"
#include "operations/bulkdeleter.h"

#include <QList>
#include <QString>

namespace PushDeck {

class CtlContext;

// What a run does with groups pushed (or failed) since the preview, and
// whether skipping them is an error.
struct ChangedPolicy
{
    // delete --force: delete them anyway (their current content goes into
    // the undo snapshot); otherwise they are skipped.
    bool force = false;
    // delete KEY...: the named group was not deleted, exit 1. prune and
    // delete --match: a group in use again is not an error.
    bool skippedIsError = false;
};

// Preview, confirm, delete with verification, report. `action` is the audit
// action ("delete", "bulk-delete", "prune"); `what` names the selection for
// messages ("matches {job="x"}").
int deleteGroups(CtlContext &ctx, const QList<Group> &groups, const QString &action, const QString &what, bool yes,
                 bool dryRun, ChangedPolicy changed = {});

// The exit code of a finished run (also per gateway of several): 0 when
// every key was deleted, or skipped as changed where that is no error;
// 128 + the signal when SIGINT/SIGTERM stopped it (`signal`). Prints the
// failure line when not 0.
int deleteRunExit(CtlContext &ctx, const BulkDeleteReport &report, ChangedPolicy changed, const QString &prefix = {},
                  int signal = 0);

} // namespace PushDeck
