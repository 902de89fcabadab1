// pushdeckctl groups: the groups with age, last push result and staleness, as a
// table or JSON lines; on several gateways one row per group and gateway.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/fleet.h"
#include "ctl/format.h"
#include "ctl/output.h"

#include "core/duration.h"
#include "staleness/pruneselection.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlGroups(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"Only groups whose key matches this selector, e.g. {job=~\"batch-.*\"}."_s,
                                         u"selector"_s);
    const QCommandLineOption stateOption(u"state"_s,
                                         u"Only groups in these states (fresh, warning, stale, failed, unknown; comma-separated or repeated)."_s,
                                         u"state"_s);
    const QCommandLineOption olderOption(u"older-than"_s, u"Only groups whose last successful push is at least this old (e.g. 7d)."_s,
                                         u"duration"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"One JSON object per line and group (see README)."_s);
    const QCommandLineOption wideOption({u"w"_s, u"wide"_s}, u"More columns: push times, series, thresholds."_s);
    parser.addOptions({matchOption, stateOption, olderOption, jsonOption, wideOption});
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Wide, CtlFormat::Json});
    output.addTo(parser);
    if (auto exit = parseCommand(ctx, parser, u"groups"_s, u"List the groups with age, last push result and staleness."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"groups takes no arguments (use --match SELECTOR)"_s, ExitUsage);

    LabelMatcher matcher;
    if (parser.isSet(matchOption)) {
        auto m = ctx.parseMatcher(parser.value(matchOption));
        if (!m)
            return ctx.failParse(m.error(), parser.value(matchOption));
        matcher = *m;
    }
    QList<Staleness> states;
    for (const QString &value : parser.values(stateOption)) {
        for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
            const auto state = stalenessFromName(name.trimmed());
            if (!state)
                return ctx.fail(u"--state: unknown state \"%1\" (fresh, warning, stale, failed, unknown)"_s.arg(name), ExitUsage);
            states.append(*state);
        }
    }
    std::optional<double> olderThan;
    if (parser.isSet(olderOption)) {
        const auto age = ctx.parseDurationArg(parser.value(olderOption), u"--older-than"_s);
        if (!age)
            return ctx.fail(age.error());
        olderThan = *age;
    }
    const auto format = output.format(parser, ctx, parser.isSet(jsonOption), parser.isSet(wideOption));
    if (!format)
        return ctx.fail(format.errorString(), ExitUsage);
    const bool json = *format == CtlFormat::Json;
    const bool wide = *format == CtlFormat::Wide;

    // Several gateways: each read on its own and in parallel; rows name
    // their gateway. One gateway: exactly the output of old.
    const bool fleet = ctx.options.gateways.size() > 1;
    std::vector<CtlGatewayGroups> gateways = fetchEveryGateway(ctx);
    if (!fleet && !gateways.front().groups)
        return ctx.fail(gateways.front().groups.error());
    const int unread = fleet ? reportUnreadGateways(ctx, gateways) : ExitOk;
    const double now = ctx.now();

    QList<QStringList> rows;
    for (const CtlGatewayGroups &gateway : gateways) {
        if (!gateway.groups)
            continue;
        for (const Group &group : gateway.groups.value()) {
            if (!matcher.matches(group.key))
                continue;
            const StalenessVerdict verdict = gateway.session->policy().evaluate(group, now);
            if (!states.isEmpty() && !states.contains(verdict.state))
                continue;
            const double age = groupAge(group, now);
            if (olderThan && !(age >= *olderThan))
                continue;
            if (json) {
                QJsonObject object = groupJson(group, verdict, now);
                if (fleet)
                    object.insert(u"gateway"_s, gateway.name);
                ctx.out() << jsonLine(object) << '\n';
                continue;
            }
            QStringList row{group.key.toString(), ageText(age),
                            group.lastPushSuccessful ? u"ok"_s : u"failed"_s, stalenessName(verdict.state),
                            QString::number(group.families.size())};
            if (wide) {
                row.insert(1, formatTime(group.pushTime));
                row.insert(4, formatTime(group.pushFailureTime));
                row.append(QString::number(group.seriesCount()));
                row.append(formatDuration(verdict.warnAfter) + u'/' + formatDuration(verdict.staleAfter));
            }
            if (fleet)
                row.prepend(gateway.name);
            rows.append(row);
        }
    }
    if (!json) {
        QStringList headers{u"KEY"_s, u"AGE"_s, u"LAST PUSH"_s, u"STATE"_s, u"FAMILIES"_s};
        QList<int> right{1, 4};
        if (wide) {
            headers = {u"KEY"_s,      u"PUSH TIME"_s, u"AGE"_s,    u"LAST PUSH"_s,       u"FAILURE TIME"_s,
                       u"STATE"_s,    u"FAMILIES"_s,  u"SERIES"_s, u"WARN/STALE AFTER"_s};
            right = {2, 6, 7};
        }
        if (fleet) {
            headers.prepend(u"GATEWAY"_s);
            for (int &column : right)
                ++column;
        }
        printRows(ctx.out(), headers, rows, right, output.noHeaders(parser));
    }
    ctx.out().flush();
    return unread;
}

} // namespace PushDeck
