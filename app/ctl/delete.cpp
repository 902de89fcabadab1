// pushdeckctl delete KEY... | --match SEL: exactly these groups, on one gateway
// or on several (preview, confirmation, undo snapshot, verified).

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/deleteflow.h"
#include "ctl/fleet.h"
#include "ctl/format.h"

#include "staleness/pruneselection.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlDelete(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"Delete every group whose key matches this selector."_s,
                                         u"selector"_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask for confirmation."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Show what would be deleted; send nothing."_s);
    const QCommandLineOption forceOption(
        u"force"_s, u"Delete a group also when it was pushed again (or a push failed) after the preview; its current "
                    "content goes into the undo snapshot. Without it such a group is skipped, reported "
                    "changed-since-preview, and for KEY... the exit code is 1."_s);
    parser.addOptions({matchOption, yesOption, dryRunOption, forceOption});
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
    // A named group that was pushed again after the preview is in use: not
    // deleting it is a failure of "delete KEY"; a selection is not a promise
    // about any one group.
    ChangedPolicy changed;
    changed.force = parser.isSet(forceOption);
    changed.skippedIsError = !byMatch;
    QList<GroupingKey> keys;
    LabelMatcher matcher;
    if (byMatch) {
        auto m = ctx.parseMatcher(parser.value(matchOption));
        if (!m)
            return ctx.failParse(m.error(), parser.value(matchOption));
        matcher = *m;
        if (matcher.isEmpty())
            return ctx.fail(u"--match %1 selects every group; name a label (e.g. {job=~\".+\"}) or use wipe"_s.arg(
                                parser.value(matchOption)),
                            ExitUsage);
    } else {
        for (const QString &text : positional) {
            const auto key = ctx.parseKey(text);
            if (!key)
                return ctx.failParse(key.error(), text);
            keys.append(*key);
        }
    }

    if (ctx.options.gateways.size() > 1) {
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
                                            parser.isSet(yesOption), dryRun, changed);
        return unread != ExitOk ? unread : result;
    }
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    if (byMatch)
        return deleteGroups(ctx, selectByMatcher(groups.value(), matcher), u"bulk-delete"_s,
                            u"matches %1"_s.arg(matcher.toString()), parser.isSet(yesOption), dryRun, changed);
    QList<GroupingKey> missing;
    const QList<Group> selected = selectByKeys(groups.value(), keys, &missing);
    if (!missing.isEmpty()) {
        // All or nothing: a typo in one key must not leave half a job deleted.
        return ctx.fail(u"no group %1 on %2%3; nothing deleted"_s.arg(missing.first().toString(),
                                                                      ctx.gateway().toDisplayString(QUrl::RemoveUserInfo),
                                                                      similarKeysHint(missing.first(), groups.value())),
                        ExitError);
    }
    return deleteGroups(ctx, selected, u"delete"_s, QString(), parser.isSet(yesOption), dryRun, changed);
}

} // namespace PushDeck
