#include "ctl/fleet.h"

#include "ctl/format.h"

#include "operations/auditlog.h"
#include "core/awaitfuture.h"
#include "session/fleetdelete.h"
#include "session/gatewaysession.h"
#include "staleness/pruneselection.h"
#include "operations/snapshot.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

std::vector<CtlGatewayGroups> fetchEveryGateway(CtlContext &ctx)
{
    std::vector<CtlGatewayGroups> gateways;
    gateways.reserve(size_t(ctx.options.gateways.size()));
    QList<QFuture<Result<QList<Group>>>> futures;
    for (const QUrl &url : std::as_const(ctx.options.gateways)) {
        CtlGatewayGroups gateway;
        gateway.url = url;
        gateway.name = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
        gateway.session = ctx.makeSession(url);
        futures.append(gateway.session->readGroups());
        gateways.push_back(std::move(gateway));
    }
    // All requests are in flight at once: waiting for the first one lets
    // the others progress too.
    for (size_t i = 0; i < gateways.size(); ++i) {
        auto result = awaitFuture(futures.at(qsizetype(i)));
        if (result) {
            QList<Group> groups = std::move(result).value();
            std::sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) { return a.key < b.key; });
            gateways[i].groups = std::move(groups);
        } else {
            gateways[i].groups = result.error();
        }
    }
    return gateways;
}

int reportUnreadGateways(CtlContext &ctx, const std::vector<CtlGatewayGroups> &gateways)
{
    int exit = ExitOk;
    for (const CtlGatewayGroups &gateway : gateways) {
        if (gateway.groups)
            continue;
        const Error &error = gateway.groups.error();
        const int code = ctx.fail(gateway.name + u": "_s + error.message, CtlContext::exitCodeFor(error));
        if (exit == ExitOk)
            exit = code;
    }
    return exit;
}

int deleteOnGateways(CtlContext &ctx, const QList<CtlGatewaySelection> &selections, const QString &action,
                     const QString &what, bool yes, bool dryRun, ChangedPolicy changed)
{
    QTextStream &out = ctx.out();
    qsizetype total = 0;
    int gatewaysWithGroups = 0;
    for (const CtlGatewaySelection &selection : selections) {
        total += selection.groups.size();
        if (!selection.groups.isEmpty())
            ++gatewaysWithGroups;
    }
    if (total == 0) {
        out << "nothing to delete: no group " << what << " on " << plural(selections.size(), "gateway") << Qt::endl;
        return ExitOk;
    }

    // The preview names the gateway of every group, and how many per gateway.
    const double now = ctx.now();
    out << (dryRun ? "would delete " : "will delete ") << plural(total, "group") << " from "
        << plural(gatewaysWithGroups, "gateway") << ":\n";
    QList<QStringList> rows;
    for (const CtlGatewaySelection &selection : selections) {
        for (const Group &group : selection.groups) {
            rows.append({selection.gateway->name, group.key.toString(), ageText(groupAge(group, now)),
                         stalenessName(selection.gateway->session->policy().evaluate(group, now).state),
                         QString::number(group.families.size())});
        }
    }
    printTable(out, {u"GATEWAY"_s, u"KEY"_s, u"AGE"_s, u"STATE"_s, u"FAMILIES"_s}, rows, {2, 4});
    for (const CtlGatewaySelection &selection : selections)
        out << "  " << selection.gateway->name << ": " << plural(selection.groups.size(), "group") << '\n';
    out.flush();
    if (dryRun) {
        out << "dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (auto exit = ctx.confirm(u"Delete %1 from %2?"_s.arg(plural(total, "group"), plural(gatewaysWithGroups, "gateway")),
                                yes, u"refusing to delete %1"_s.arg(plural(total, "group"))))
        return *exit;

    // One deleter per gateway, all at the same time (as the window's Fleet tab).
    QList<FleetDelete::Part> parts;
    for (const CtlGatewaySelection &selection : selections)
        parts.append({selection.gateway->session.get(), selection.groups});
    BulkDeleteOptions options;
    options.action = action;
    options.changed = changed.force ? BulkDeleteOptions::Changed::Delete : BulkDeleteOptions::Changed::Skip;
    FleetDelete run(parts, options);
    const CtlSignalGuard interrupt([&run] { run.cancel(); });
    const QHash<int, BulkDeleteReport> reports = awaitFuture(run.start());
    int exit = ExitOk;
    for (int part = 0; part < selections.size(); ++part) {
        if (!reports.contains(part))
            continue;
        const BulkDeleteReport &report = reports[part];
        const QString &gateway = selections.at(part).gateway->name;
        for (const KeyDeleteReport &key : report.keys) {
            out << deleteOutcomeName(key.outcome) << ' ' << gateway << ' ' << key.key.toString();
            if (!key.error.isEmpty() && key.outcome != DeleteOutcome::Deleted)
                out << ": " << key.error;
            out << '\n';
        }
        out << gateway << ": " << report.summary();
        if (!report.snapshotPath.isEmpty())
            out << "; undo snapshot " << report.snapshotPath;
        out << Qt::endl;
        const int code = deleteRunExit(ctx, report, changed, gateway + u": "_s, interrupt.signal());
        if (exit == ExitOk)
            exit = code;
    }
    return exit;
}

} // namespace PushDeck
