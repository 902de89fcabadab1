#pragma once
// The delete flow that delete and prune share on one gateway: preview,
// confirmation, one BulkDeleter (undo snapshot, verified by re-reading,
// audited), report. On several gateways the same steps are
// deleteOnGateways() (fleet.h).

#include "core/metrics.h"

#include <QList>
#include <QString>

namespace PushDeck {

class CtlContext;

// Preview, confirm, delete with verification, report. `action` is the audit
// action ("delete", "bulk-delete", "prune"); `what` names the selection for
// messages ("matches {job="x"}").
int deleteGroups(CtlContext &ctx, const QList<Group> &groups, const QString &action, const QString &what, bool yes,
                 bool dryRun);

} // namespace PushDeck
