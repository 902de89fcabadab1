#pragma once
// pushdeckctl on several gateways at once (--gateway repeated or a comma
// list): every gateway is read in parallel and on its own, so one dead or
// slow gateway never keeps the others from being listed or cleaned up; its
// error goes to stderr with its URL and the exit code says something failed.

#include "ctl/context.h"
#include "ctl/deleteflow.h"
#include "core/metrics.h"

#include <memory>
#include <vector>

namespace PushDeck {

struct CtlGatewayGroups
{
    QUrl url;
    QString name;                           // URL without user info: what output shows
    std::unique_ptr<GatewaySession> session; // reads, judges (its policy) and deletes
    Result<QList<Group>> groups;             // sorted by key
};

// Reads every gateway of ctx.gateways in parallel (each with its own client).
std::vector<CtlGatewayGroups> fetchEveryGateway(CtlContext &ctx);

// Prints `pushdeckctl: URL: error` for each gateway that could not be read;
// returns the exit code of the first such error (ExitOk when all were read).
int reportUnreadGateways(CtlContext &ctx, const std::vector<CtlGatewayGroups> &gateways);

// What to delete on one gateway.
struct CtlGatewaySelection
{
    CtlGatewayGroups *gateway = nullptr;
    QList<Group> groups;
};

// The several-gateways form of delete/prune: one preview naming the gateway
// of every group, one confirmation, then one BulkDeleter per gateway, all
// running at the same time (a gateway that goes away only fails its own
// keys), each with its own undo snapshot and audit entries. `what` names the
// selection ("matches {job="x"}").
int deleteOnGateways(CtlContext &ctx, const QList<CtlGatewaySelection> &selections, const QString &action,
                     const QString &what, bool yes, bool dryRun, ChangedPolicy changed = {});

} // namespace PushDeck
