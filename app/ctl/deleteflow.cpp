#include "ctl/deleteflow.h"

#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"

#include <QPointer>
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
                 bool dryRun, ChangedPolicy changed)
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
    options.changed = changed.force ? BulkDeleteOptions::Changed::Delete : BulkDeleteOptions::Changed::Skip;
    BulkDeleter *deleter = ctx.session().startBulkDelete(groups, options);
    // SIGINT/SIGTERM: stop sending, verify and audit what was sent (a
    // second one: stop waiting).
    const CtlSignalGuard interrupt([deleter = QPointer<BulkDeleter>(deleter)] {
        if (deleter)
            deleter->cancel();
    });
    const BulkDeleteReport report = awaitFuture(deleter->run());
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
    return deleteRunExit(ctx, report, changed, {}, interrupt.signal());
}

int deleteRunExit(CtlContext &ctx, const BulkDeleteReport &report, ChangedPolicy changed, const QString &prefix,
                  int signal)
{
    if (signal != 0)
        return ctx.fail(prefix + u"interrupted by %1: sending stopped, what was sent is verified and audited: %2"_s
                                     .arg(CtlSignalGuard::signalName(signal), report.summary()),
                        128 + signal);
    if (report.allDeleted())
        return ExitOk;
    if (!report.error.isEmpty())
        return ctx.fail(prefix + report.error, ExitError);
    const int skipped = report.count(DeleteOutcome::ChangedSincePreview);
    if (report.deletedOrChanged()) {
        if (!changed.skippedIsError)
            return ExitOk;
        return ctx.fail(prefix
                            + u"%1 changed since the preview and not deleted (pass --force to delete anyway, its "
                              "current content goes into the undo snapshot)"_s.arg(plural(skipped, "group")),
                        ExitError);
    }
    return ctx.fail(prefix + u"not every group was deleted: %1"_s.arg(report.summary()), ExitError);
}

} // namespace PushDeck
