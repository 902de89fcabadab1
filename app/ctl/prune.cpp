// pushdeckctl prune --older-than D: delete the groups not pushed for a while
// (for cron), through the same preview and delete as delete.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/deleteflow.h"
#include "ctl/fleet.h"

#include "staleness/pruneselection.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

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
    PruneCriteria criteria;
    const auto age = ctx.parseDurationArg(parser.value(olderOption), u"--older-than"_s);
    if (!age)
        return ctx.fail(age.error());
    if (*age <= 0)
        return ctx.fail(u"--older-than must be greater than zero"_s, ExitUsage);
    criteria.minAgeSeconds = *age;
    if (parser.isSet(matchOption)) {
        auto m = ctx.parseMatcher(parser.value(matchOption));
        if (!m)
            return ctx.failParse(m.error(), parser.value(matchOption));
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
    if (ctx.options.gateways.size() > 1) {
        std::vector<CtlGatewayGroups> gateways = fetchEveryGateway(ctx);
        const int unread = reportUnreadGateways(ctx, gateways);
        QList<CtlGatewaySelection> selections;
        const double now = ctx.now();
        for (CtlGatewayGroups &gateway : gateways) {
            if (gateway.groups) // judged by the rules of its own gateway
                selections.append({&gateway, groupsOf(selectForPrune(gateway.groups.value(), gateway.session->policy(), criteria, now))});
        }
        const int result = deleteOnGateways(ctx, selections, u"prune"_s, u"matches %1"_s.arg(criteria.describe()),
                                            parser.isSet(yesOption), dryRun);
        return unread != ExitOk ? unread : result;
    }
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const auto candidates = selectForPrune(groups.value(), ctx.session().policy(), criteria, ctx.now());
    return deleteGroups(ctx, groupsOf(candidates), u"prune"_s, u"matches %1"_s.arg(criteria.describe()),
                        parser.isSet(yesOption), dryRun);
}

} // namespace PushDeck
