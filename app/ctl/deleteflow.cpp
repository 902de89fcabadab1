#include "ctl/deleteflow.h"

#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"
#include "session/gatewaysession.h"
#include "staleness/pruneselection.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

void printPreview(CtlContext &ctx, const QList<Group> &groups, double now)
{
    QList<QStringList> rows;
    for (const Group &group : groups) {
        const double age = groupAge(group, now);
        rows.append({group.key.toString(), ageText(age),
                     stalenessName(ctx.session().policy().evaluate(group, now).state), QString::number(group.families.size())});
    }
    printTable(ctx.out(), {u"KEY"_s, u"AGE"_s, u"STATE"_s, u"FAMILIES"_s}, rows, {1, 3});
}

} // namespace

int deleteGroups(CtlContext &ctx, const QList<Group> &groups, const QString &action, const QString &what, bool yes,
                 bool dryRun)
{
    QTextStream &out = ctx.out();
    const QString gateway = ctx.gateway().toDisplayString(QUrl::RemoveUserInfo);
    if (groups.isEmpty()) {
        out << "nothing to delete: no group " << what << Qt::endl;
        return ExitOk;
    }
    const double now = ctx.now();
    out << (dryRun ? "would delete " : "will delete ") << plural(groups.size(), "group") << " from " << gateway << ":\n";
    printPreview(ctx, groups, now);
    out.flush();
    if (dryRun) {
        out << "dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (auto exit = ctx.confirm(u"Delete %1 from %2?"_s.arg(plural(groups.size(), "group"), gateway), yes,
                                u"refusing to delete %1"_s.arg(plural(groups.size(), "group"))))
        return *exit;

    BulkDeleteOptions options;
    options.action = action;
    const BulkDeleteReport report = awaitFuture(ctx.session().startBulkDelete(groups, options)->run());
    for (const KeyDeleteReport &key : report.keys) {
        out << deleteOutcomeName(key.outcome) << ' ' << key.key.toString();
        if (!key.error.isEmpty() && key.outcome != DeleteOutcome::Deleted)
            out << ": " << key.error;
        out << '\n';
    }
    out << report.summary();
    if (!report.snapshotPath.isEmpty())
        out << "; undo snapshot " << report.snapshotPath;
    out << Qt::endl;
    if (report.allDeleted())
        return ExitOk;
    if (!report.error.isEmpty())
        return ctx.fail(report.error, ExitError);
    return ctx.fail(u"not every group was deleted: %1"_s.arg(report.summary()), ExitError);
}

} // namespace PushDeck
