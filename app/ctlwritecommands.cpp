// The pushdeckctl commands that change a gateway: push, delete, prune,
// repush, snapshot, wipe. All of them go through the models' operation
// classes (BulkDeleter, GroupOperations), which validate, write undo
// snapshots, verify by reading back and audit; this file only selects,
// previews, asks and reports.

#include "ctlcommands.h"
#include "ctlcontext.h"
#include "ctlfleet.h"
#include "ctlformat.h"

#include "operations/auditlog.h"
#include "core/awaitfuture.h"
#include "operations/bulkdeleter.h"
#include "operations/groupoperations.h"
#include "staleness/pruneselection.h"
#include "operations/snapshot.h"

#include <QFile>
#include <QFileInfo>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString plural(qsizetype n, const char *one, const char *many = nullptr)
{
    if (n == 1)
        return u"1 "_s + QLatin1StringView(one);
    return u"%1 %2"_s.arg(n).arg(many ? QString::fromLatin1(many) : QString::fromLatin1(one) + u's');
}

// The exit code for a failed operation: the gateway unreachable stays 69,
// invalid text 65, everything else (rejected, refused, unverified) 1.
int failOperation(CtlContext &ctx, const Error &error)
{
    switch (error.kind) {
    case Error::Network:
    case Error::Timeout:
    case Error::Tls:
    case Error::NotAGateway:
        return ctx.fail(error.message, ExitUnavailable);
    case Error::Parse:
        return ctx.fail(error.message, ExitDataError);
    default:
        return ctx.fail(error.message, ExitError);
    }
}

void printPreview(CtlContext &ctx, const QList<Group> &groups, double now)
{
    QList<QStringList> rows;
    for (const Group &group : groups) {
        const double age = groupAge(group, now);
        rows.append({group.key.toString(), ageText(age),
                     stalenessName(ctx.policy.evaluate(group, now).state), QString::number(group.families.size())});
    }
    printTable(ctx.out(), {u"KEY"_s, u"AGE"_s, u"STATE"_s, u"FAMILIES"_s}, rows, {1, 3});
}

// Preview, confirm, delete with verification, report. `what` names the
// selection for messages ("3 groups matching {job="x"}").
int deleteGroups(CtlContext &ctx, const QList<Group> &groups, const QString &action, const QString &what, bool yes,
                 bool dryRun)
{
    QTextStream &out = ctx.out();
    const QString gateway = ctx.gateway.toDisplayString(QUrl::RemoveUserInfo);
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
    BulkDeleter deleter(&ctx.client(), groups, options);
    deleter.setSnapshotStore(&ctx.snapshotStore());
    deleter.setAuditLog(&ctx.auditLog());
    const BulkDeleteReport report = awaitFuture(deleter.run());
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

} // namespace

int ctlPush(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replaceOption(
        u"replace"_s, u"Replace the whole group (PUT). Default: replace only the families in the text (POST)."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Validate and say what would be pushed; send nothing."_s);
    parser.addOptions({replaceOption, dryRunOption});
    parser.addPositionalArgument(u"KEY"_s, u"The grouping key, e.g. {job=\"backup\",instance=\"db-1\"}."_s);
    parser.addPositionalArgument(u"FILE"_s, u"Text exposition to push; - or none: stdin."_s, u"[FILE|-]"_s);
    if (auto exit = parseCommand(ctx, parser, u"push"_s,
                                 u"Validate Prometheus text exposition and push it to a group."_s, arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2)
        return ctx.fail(u"push needs KEY and optionally FILE, e.g. pushdeckctl push '{job=\"backup\"}' metrics.prom"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"push"_s))
            return *exit;
    }
    int exit = ExitOk;
    const auto key = ctx.parseKey(positional.first(), &exit);
    if (!key)
        return exit;

    const QString fileName = positional.size() > 1 ? positional[1] : u"-"_s;
    QByteArray text;
    QString source = fileName;
    if (fileName == u"-"_s) {
        source = u"stdin"_s;
        if (positional.size() == 1 && isatty(STDIN_FILENO))
            return ctx.fail(u"push: no FILE given and stdin is a terminal (pipe the text in, or name a file)"_s, ExitUsage);
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(u"cannot read stdin: %1"_s.arg(in.errorString()), ExitNoInput);
        text = in.readAll();
    } else {
        QFile in(fileName);
        if (!in.open(QIODevice::ReadOnly))
            return ctx.fail(u"cannot read %1: %2"_s.arg(fileName, in.errorString()), ExitNoInput);
        text = in.readAll();
    }

    // Validated here already so the error names the file and no request is
    // made; GroupOperations validates again (it is the one rule for all).
    const auto families = GroupOperations::validate(text, *key);
    if (!families)
        return ctx.fail(u"invalid exposition in %1: %2"_s.arg(source, families.errorString()), ExitDataError);
    int series = 0;
    for (const MetricFamily &family : families.value())
        series += int(family.series.size());
    const QString what = u"%1 (%2)"_s.arg(plural(families->size(), "family", "families"),
                                           plural(series, "series", "series"));
    const QString method = parser.isSet(replaceOption) ? u"PUT, replacing the whole group"_s
                                                       : u"POST, replacing only these families"_s;
    if (dryRun) {
        ctx.out() << "would push " << what << " to " << key->toString() << " (" << method << "); dry run: nothing sent"
                  << Qt::endl;
        return ExitOk;
    }

    GroupOperations ops(&ctx.client());
    ops.setSnapshotStore(&ctx.snapshotStore());
    ops.setAuditLog(&ctx.auditLog());
    const auto result = awaitFuture(ops.pushNew(*key, text, parser.isSet(replaceOption)));
    if (!result)
        return failOperation(ctx, result.error());
    ctx.out() << "pushed " << what << " to " << key->toString() << " (" << method << ")" << Qt::endl;
    return ExitOk;
}

int ctlDelete(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"Delete every group whose key matches this selector."_s,
                                         u"selector"_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask for confirmation."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Show what would be deleted; send nothing."_s);
    parser.addOptions({matchOption, yesOption, dryRunOption});
    parser.addPositionalArgument(u"KEY"_s, u"Exact grouping keys to delete."_s, u"[KEY...]"_s);
    if (auto exit = parseCommand(ctx, parser, u"delete"_s,
                                 u"Delete exactly the given groups, or those matching a selector: preview, confirmation "
                                 "(or --yes), undo snapshot, verified by re-reading."_s,
                                 arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const bool byMatch = parser.isSet(matchOption);
    if (positional.isEmpty() == !byMatch)
        return ctx.fail(u"delete needs either KEY... or --match SELECTOR (not both)"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"delete"_s))
            return *exit;
    }
    int exit = ExitOk;
    QList<GroupingKey> keys;
    LabelMatcher matcher;
    if (byMatch) {
        auto m = ctx.parseMatcher(parser.value(matchOption), &exit);
        if (!m)
            return exit;
        matcher = *m;
        if (matcher.isEmpty())
            return ctx.fail(u"--match %1 selects every group; name a label (e.g. {job=~\".+\"}) or use wipe"_s.arg(
                                parser.value(matchOption)),
                            ExitUsage);
    } else {
        for (const QString &text : positional) {
            const auto key = ctx.parseKey(text, &exit);
            if (!key)
                return exit;
            keys.append(*key);
        }
    }

    if (ctx.gateways.size() > 1) {
        // Every gateway on its own: an unreadable one is reported and
        // skipped, the others are still cleaned up.
        std::vector<CtlGatewayGroups> gateways = fetchEveryGateway(ctx);
        const int unread = reportUnreadGateways(ctx, gateways);
        QList<CtlGatewaySelection> selections;
        QSet<GroupingKey> found;
        for (CtlGatewayGroups &gateway : gateways) {
            if (!gateway.groups)
                continue;
            CtlGatewaySelection selection{&gateway, {}};
            if (byMatch) {
                selection.groups = selectByMatcher(gateway.groups.value(), matcher);
            } else {
                // A key is deleted on every gateway that has it.
                QList<GroupingKey> here;
                for (const Group &group : gateway.groups.value()) {
                    if (keys.contains(group.key))
                        here.append(group.key);
                }
                selection.groups = selectByKeys(gateway.groups.value(), here);
                for (const GroupingKey &key : std::as_const(here))
                    found.insert(key);
            }
            selections.append(selection);
        }
        if (!byMatch) {
            for (const GroupingKey &key : std::as_const(keys)) {
                if (!found.contains(key))
                    return ctx.fail(u"no group %1 on any of the %2 gateways read; nothing deleted"_s.arg(key.toString())
                                        .arg(selections.size()),
                                    unread != ExitOk ? unread : ExitError);
            }
        }
        const int result = deleteOnGateways(ctx, selections, byMatch ? u"bulk-delete"_s : u"delete"_s,
                                            byMatch ? u"matches %1"_s.arg(matcher.toString()) : QString(),
                                            parser.isSet(yesOption), dryRun);
        return unread != ExitOk ? unread : result;
    }
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    if (byMatch)
        return deleteGroups(ctx, selectByMatcher(groups.value(), matcher), u"bulk-delete"_s,
                            u"matches %1"_s.arg(matcher.toString()), parser.isSet(yesOption), dryRun);
    QList<GroupingKey> missing;
    const QList<Group> selected = selectByKeys(groups.value(), keys, &missing);
    if (!missing.isEmpty()) {
        // All or nothing: a typo in one key must not leave half a job deleted.
        return ctx.fail(u"no group %1 on %2%3; nothing deleted"_s.arg(missing.first().toString(),
                                                                      ctx.gateway.toDisplayString(QUrl::RemoveUserInfo),
                                                                      similarKeysHint(missing.first(), groups.value())),
                        ExitError);
    }
    return deleteGroups(ctx, selected, u"delete"_s, QString(), parser.isSet(yesOption), dryRun);
}

int ctlPrune(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption olderOption(u"older-than"_s,
                                         u"Delete groups whose last successful push is at least this old (required), e.g. 7d."_s,
                                         u"duration"_s);
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"Only groups whose key matches this selector."_s,
                                         u"selector"_s);
    const QCommandLineOption stateOption(u"state"_s, u"Only groups also in these states (comma-separated)."_s, u"state"_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask for confirmation."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Show what would be deleted; send nothing."_s);
    parser.addOptions({olderOption, matchOption, stateOption, yesOption, dryRunOption});
    if (auto exit = parseCommand(ctx, parser, u"prune"_s,
                                 u"Delete the groups that have not been pushed for a while (for cron): preview, "
                                 "confirmation (or --yes), undo snapshot, verified by re-reading."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"prune takes no arguments (use --match SELECTOR)"_s, ExitUsage);
    if (!parser.isSet(olderOption))
        return ctx.fail(u"prune needs --older-than DURATION, e.g. --older-than 7d"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"prune"_s))
            return *exit;
    }
    int exit = ExitOk;
    PruneCriteria criteria;
    const auto age = ctx.parseDurationArg(parser.value(olderOption), &exit, u"--older-than"_s);
    if (!age)
        return exit;
    if (*age <= 0)
        return ctx.fail(u"--older-than must be greater than zero"_s, ExitUsage);
    criteria.minAgeSeconds = *age;
    if (parser.isSet(matchOption)) {
        auto m = ctx.parseMatcher(parser.value(matchOption), &exit);
        if (!m)
            return exit;
        criteria.matcher = *m;
    }
    for (const QString &value : parser.values(stateOption)) {
        for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
            const auto state = stalenessFromName(name.trimmed());
            if (!state)
                return ctx.fail(u"--state: unknown state \"%1\" (fresh, warning, stale, failed, unknown)"_s.arg(name), ExitUsage);
            criteria.states.insert(*state);
        }
    }
    if (ctx.gateways.size() > 1) {
        std::vector<CtlGatewayGroups> gateways = fetchEveryGateway(ctx);
        const int unread = reportUnreadGateways(ctx, gateways);
        QList<CtlGatewaySelection> selections;
        const double now = ctx.now();
        for (CtlGatewayGroups &gateway : gateways) {
            if (gateway.groups) // judged by the rules of its own gateway
                selections.append({&gateway, groupsOf(selectForPrune(gateway.groups.value(), gateway.policy, criteria, now))});
        }
        const int result = deleteOnGateways(ctx, selections, u"prune"_s, u"matches %1"_s.arg(criteria.describe()),
                                            parser.isSet(yesOption), dryRun);
        return unread != ExitOk ? unread : result;
    }
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const auto candidates = selectForPrune(groups.value(), ctx.policy, criteria, ctx.now());
    return deleteGroups(ctx, groupsOf(candidates), u"prune"_s, u"matches %1"_s.arg(criteria.describe()),
                        parser.isSet(yesOption), dryRun);
}

int ctlWipe(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask for confirmation."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Say what would be deleted; send nothing."_s);
    parser.addOptions({yesOption, dryRunOption});
    if (auto exit = parseCommand(ctx, parser, u"wipe"_s,
                                 u"Delete every group through the admin API (undo snapshot first, verified)."_s, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"wipe takes no arguments"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"wipe"_s))
            return *exit;
    }
    const QString gateway = ctx.gateway.toDisplayString(QUrl::RemoveUserInfo);
    // Said before any question: there is no point confirming what the
    // gateway will refuse.
    const auto status = awaitFuture(ctx.client().status());
    if (!status)
        return ctx.fail(status.error());
    if (!status->adminApiEnabled)
        return ctx.fail(u"wipe refused: the admin API is not enabled on %1 (start it with --web.enable-admin-api, "
                        "or delete groups with pushdeckctl delete --match)"_s.arg(gateway),
                        ExitError);
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    ctx.out() << (dryRun ? "would delete" : "will delete") << " all " << plural(groups->size(), "group") << " on "
              << gateway << Qt::endl;
    if (dryRun) {
        ctx.out() << "dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (auto exit = ctx.confirm(u"Wipe all %1 from %2?"_s.arg(plural(groups->size(), "group"), gateway),
                                parser.isSet(yesOption), u"refusing to wipe %1"_s.arg(gateway)))
        return *exit;
    GroupOperations ops(&ctx.client());
    ops.setSnapshotStore(&ctx.snapshotStore());
    ops.setAuditLog(&ctx.auditLog());
    const auto result = awaitFuture(ops.wipe());
    if (!result)
        return failOperation(ctx, result.error());
    ctx.out() << result->message << Qt::endl;
    return ExitOk;
}

int ctlRepush(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOption(u"from"_s, u"The group to copy (exact key)."_s, u"key"_s);
    const QCommandLineOption toOption(u"to"_s, u"The new key (default: the same key, with --to-gateway)."_s, u"key"_s);
    const QCommandLineOption toGatewayOption(u"to-gateway"_s, u"Push to this other gateway."_s, u"url"_s);
    const QCommandLineOption keepOption(u"keep-old"_s, u"Keep the old group (copy instead of move)."_s);
    const QCommandLineOption overwriteOption(u"overwrite"_s, u"Replace the target group when it exists."_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask before deleting the old group."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Say what would be done; send nothing."_s);
    parser.addOptions({fromOption, toOption, toGatewayOption, keepOption, overwriteOption, yesOption, dryRunOption});
    if (auto exit = parseCommand(ctx, parser, u"repush"_s,
                                 u"Push a group's families to another key and/or gateway, verify the copy, then (unless "
                                 "--keep-old) delete the old group."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"repush takes no arguments (use --from KEY --to KEY)"_s, ExitUsage);
    if (!parser.isSet(fromOption) || (!parser.isSet(toOption) && !parser.isSet(toGatewayOption)))
        return ctx.fail(u"repush needs --from KEY and --to KEY and/or --to-gateway URL"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"repush"_s))
            return *exit;
    }
    int exit = ExitOk;
    const auto from = ctx.parseKey(parser.value(fromOption), &exit, u"--from"_s);
    if (!from)
        return exit;
    GroupingKey to = *from;
    if (parser.isSet(toOption)) {
        const auto key = ctx.parseKey(parser.value(toOption), &exit, u"--to"_s);
        if (!key)
            return exit;
        to = *key;
    }
    std::unique_ptr<GatewayClient> target;
    QString targetName = ctx.gateway.toDisplayString(QUrl::RemoveUserInfo);
    if (parser.isSet(toGatewayOption)) {
        const auto url = GatewayClient::normalizeUrl(parser.value(toGatewayOption));
        if (!url)
            return ctx.fail(u"--to-gateway: %1"_s.arg(url.errorString()), ExitUsage);
        if (url.value() != ctx.gateway) {
            target = ctx.makeClient(url.value());
            targetName = url->toDisplayString(QUrl::RemoveUserInfo);
        }
    }
    if (!target && to == *from)
        return ctx.fail(u"--from and --to are the same group on the same gateway: nothing to do"_s, ExitUsage);
    const bool keepOld = parser.isSet(keepOption);
    const bool overwrite = parser.isSet(overwriteOption);

    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const QList<Group> source = selectByKeys(groups.value(), {*from});
    if (source.isEmpty())
        return ctx.fail(u"no group %1 on %2%3"_s.arg(from->toString(), ctx.gateway.toDisplayString(QUrl::RemoveUserInfo),
                                                     similarKeysHint(*from, groups.value())));
    const QString plan = u"%1 %2 to %3 on %4"_s.arg(keepOld ? u"copy"_s : u"move"_s, from->toString(), to.toString(), targetName);
    if (dryRun) {
        ctx.out() << "would " << plan << "; dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (!keepOld) {
        if (auto exit = ctx.confirm(u"%1? The old group is deleted once the copy reads back."_s.arg(plan),
                                    parser.isSet(yesOption), u"refusing to delete %1"_s.arg(from->toString())))
            return *exit;
    }

    GroupOperations ops(&ctx.client());
    ops.setSnapshotStore(&ctx.snapshotStore());
    ops.setAuditLog(&ctx.auditLog());
    Result<OperationResult> result;
    if (!target && !keepOld)
        result = awaitFuture(ops.move(*from, to, overwrite));
    else
        result = awaitFuture(ops.copyToGateway(*from, target ? target.get() : &ctx.client(), to, overwrite));
    if (!result)
        return failOperation(ctx, result.error());
    ctx.out() << result->message << Qt::endl;
    if (target && !keepOld) {
        // Across gateways a move is a verified copy, then a verified delete
        // of exactly the old group.
        BulkDeleteOptions options;
        options.action = u"move"_s;
        BulkDeleter deleter(&ctx.client(), source, options);
        deleter.setSnapshotStore(&ctx.snapshotStore());
        deleter.setAuditLog(&ctx.auditLog());
        const BulkDeleteReport report = awaitFuture(deleter.run());
        if (!report.allDeleted())
            return ctx.fail(u"copied, but the old group %1 was not deleted: %2"_s.arg(from->toString(), report.summary()));
        ctx.out() << "deleted " << from->toString() << " on " << ctx.gateway.toDisplayString(QUrl::RemoveUserInfo) << Qt::endl;
    }
    return ExitOk;
}

int ctlSnapshot(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"save: only groups whose key matches this selector."_s,
                                         u"selector"_s);
    const QCommandLineOption noteOption(u"note"_s, u"save: a note stored in the snapshot."_s, u"text"_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"restore: say what would be pushed; send nothing."_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"restore: do not ask before replacing or deleting groups."_s);
    const QCommandLineOption skipOption(u"skip-existing"_s, u"restore: leave groups that exist now alone."_s);
    parser.addOptions({matchOption, noteOption, dryRunOption, yesOption, skipOption});
    parser.addPositionalArgument(u"ACTION"_s, u"save FILE, restore FILE, or list."_s, u"save|restore|list"_s);
    parser.addPositionalArgument(u"FILE"_s, u"The snapshot file (restore also takes a name from snapshot list)."_s, u"[FILE]"_s);
    if (auto exit = parseCommand(ctx, parser, u"snapshot"_s,
                                 u"Save groups exactly (values, help, every label) to a file, push them back later, or "
                                 "list the undo snapshots PushDeck wrote before destructive actions."_s,
                                 arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    QTextStream &out = ctx.out();

    if (action == u"list"_s) {
        if (positional.size() != 1)
            return ctx.fail(u"snapshot list takes no further arguments"_s, ExitUsage);
        QList<QStringList> rows;
        for (const SnapshotStore::Entry &entry : ctx.snapshotStore().list())
            rows.append({entry.created.toString(Qt::ISODateWithMs), entry.action, QString::number(entry.bytes), entry.path});
        printTable(out, {u"CREATED"_s, u"ACTION"_s, u"BYTES"_s, u"FILE"_s}, rows, {2});
        out.flush();
        return ExitOk;
    }
    if ((action != u"save"_s && action != u"restore"_s) || positional.size() != 2)
        return ctx.fail(u"snapshot needs \"save FILE\", \"restore FILE\" or \"list\""_s, ExitUsage);
    const QString file = positional[1];
    int exit = ExitOk;

    if (action == u"save"_s) {
        LabelMatcher matcher;
        if (parser.isSet(matchOption)) {
            auto m = ctx.parseMatcher(parser.value(matchOption), &exit);
            if (!m)
                return exit;
            matcher = *m;
        }
        const auto groups = ctx.fetchGroups();
        if (!groups)
            return ctx.fail(groups.error());
        Snapshot snapshot;
        snapshot.created = QDateTime::currentDateTimeUtc();
        snapshot.gatewayUrl = redactedUrl(ctx.gateway);
        snapshot.action = u"snapshot"_s;
        snapshot.note = parser.value(noteOption);
        snapshot.groups = selectByMatcher(groups.value(), matcher);
        const auto saved = snapshot.save(file);
        if (!saved)
            return ctx.fail(u"cannot write %1: %2"_s.arg(file, saved.errorString()), ExitCantCreate);
        out << "saved " << plural(snapshot.groups.size(), "group") << " to " << file << Qt::endl;
        return ExitOk;
    }

    // restore
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"snapshot restore"_s))
            return *exit;
    }
    if (!QFileInfo::exists(file) && !QFileInfo::exists(ctx.snapshotStore().directory() + u'/' + file))
        return ctx.fail(u"cannot read %1: no such file"_s.arg(file), ExitNoInput);
    const auto snapshot = ctx.snapshotStore().load(file);
    if (!snapshot)
        return ctx.fail(u"cannot restore %1: %2"_s.arg(file, snapshot.errorString()), ExitDataError);
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    QSet<GroupingKey> existing;
    for (const Group &g : groups.value())
        existing.insert(g.key);
    const bool skipExisting = parser.isSet(skipOption);
    QList<QStringList> rows;
    int replacing = 0;
    for (const Group &g : snapshot->groups) {
        QString what = u"create"_s;
        if (existing.contains(g.key)) {
            what = skipExisting ? u"skip (exists)"_s : u"replace"_s;
            if (!skipExisting)
                ++replacing;
        }
        rows.append({what, g.key.toString(), QString::number(g.families.size())});
    }
    int deleting = 0;
    for (const GroupingKey &key : snapshot->createdKeys) {
        if (existing.contains(key)) {
            rows.append({u"delete (created by the action)"_s, key.toString(), QString()});
            ++deleting;
        }
    }
    out << (dryRun ? "would restore " : "will restore ") << plural(snapshot->groups.size(), "group") << " from " << file
        << " to " << ctx.gateway.toDisplayString(QUrl::RemoveUserInfo) << ":\n";
    printTable(out, {u"ACTION"_s, u"KEY"_s, u"FAMILIES"_s}, rows, {2});
    out.flush();
    if (dryRun) {
        out << "dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (replacing + deleting > 0) {
        if (auto exit = ctx.confirm(u"Replace %1 and delete %2?"_s.arg(plural(replacing, "existing group"), plural(deleting, "group")),
                                    parser.isSet(yesOption), u"refusing to replace or delete groups"_s))
            return *exit;
    }
    GroupOperations ops(&ctx.client());
    ops.setSnapshotStore(&ctx.snapshotStore());
    ops.setAuditLog(&ctx.auditLog());
    RestoreOptions options;
    options.replaceExisting = !skipExisting;
    const auto report = awaitFuture(ops.restore(*snapshot, options));
    if (!report)
        return failOperation(ctx, report.error());
    for (const RestoreReport::Item &item : report->items) {
        out << restoreOutcomeName(item.outcome) << ' ' << item.key.toString();
        if (!item.error.isEmpty())
            out << ": " << item.error;
        out << '\n';
    }
    if (!report->message.isEmpty())
        out << report->message << '\n';
    out.flush();
    if (!report->ok())
        return ctx.fail(u"restore incomplete: %1 failed"_s.arg(report->count(RestoreReport::Outcome::Failed)), ExitError);
    return ExitOk;
}

} // namespace PushDeck
