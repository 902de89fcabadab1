// The pushdeckctl commands that only read: status, groups, show, check.

#include "ctlcommands.h"
#include "ctlcontext.h"
#include "ctlfleet.h"
#include "ctlformat.h"

#include "core/awaitfuture.h"
#include "core/duration.h"
#include "format/exposition.h"
#include "staleness/pruneselection.h"

#include <QDateTime>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlStatus(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (auto exit = parseCommand(ctx, parser, u"status"_s, u"Show the gateway's version, start time and flags."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"status takes no arguments"_s, ExitUsage);
    const auto status = awaitFuture(ctx.client().status());
    if (!status)
        return ctx.fail(status.error());
    QTextStream &out = ctx.out();
    out << "gateway:    " << ctx.gateway.toDisplayString(QUrl::RemoveUserInfo) << '\n';
    out << "version:    " << status->version;
    if (!status->revision.isEmpty())
        out << " (revision " << status->revision << ')';
    out << '\n';
    if (!status->goVersion.isEmpty())
        out << "go:         " << status->goVersion << '\n';
    if (status->startTime > 0)
        out << "started:    " << formatTime(status->startTime) << '\n';
    out << "admin API:  " << (status->adminApiEnabled ? "enabled" : "disabled") << '\n';
    out << "flags:\n";
    for (const auto &[name, value] : status->flags)
        out << "  " << name << '=' << value << '\n';
    out.flush();
    return ExitOk;
}

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
    if (auto exit = parseCommand(ctx, parser, u"groups"_s, u"List the groups with age, last push result and staleness."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"groups takes no arguments (use --match SELECTOR)"_s, ExitUsage);

    int exit = ExitOk;
    LabelMatcher matcher;
    if (parser.isSet(matchOption)) {
        auto m = ctx.parseMatcher(parser.value(matchOption), &exit);
        if (!m)
            return exit;
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
        olderThan = ctx.parseDurationArg(parser.value(olderOption), &exit, u"--older-than"_s);
        if (!olderThan)
            return exit;
    }
    const bool json = parser.isSet(jsonOption);
    const bool wide = parser.isSet(wideOption);
    if (json && wide)
        return ctx.fail(u"--json and --wide exclude each other"_s, ExitUsage);

    // Several gateways: each read on its own and in parallel; rows name
    // their gateway. One gateway: exactly the output of old.
    const bool fleet = ctx.gateways.size() > 1;
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
            const StalenessVerdict verdict = gateway.policy.evaluate(group, now);
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
        printTable(ctx.out(), headers, rows, right);
    }
    ctx.out().flush();
    return unread;
}

int ctlShow(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption expositionOption(
        {u"e"_s, u"exposition"_s}, u"Only the pushed families as text exposition, without the key's labels (ready to push again)."_s);
    const QCommandLineOption jsonOption(u"json"_s, u"One JSON object: the groups --json fields plus every family and series."_s);
    parser.addOptions({expositionOption, jsonOption});
    parser.addPositionalArgument(u"KEY"_s, u"The exact grouping key, e.g. {job=\"backup\",instance=\"db-1\"}."_s);
    if (auto exit = parseCommand(ctx, parser, u"show"_s, u"Show one group: its key, times, state and families."_s, arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ctx.fail(u"show needs exactly one KEY, e.g. pushdeckctl show '{job=\"backup\"}'"_s, ExitUsage);
    if (parser.isSet(expositionOption) && parser.isSet(jsonOption))
        return ctx.fail(u"--exposition and --json exclude each other"_s, ExitUsage);
    int exit = ExitOk;
    const auto key = ctx.parseKey(positional.first(), &exit);
    if (!key)
        return exit;

    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const Group *found = nullptr;
    for (const Group &group : groups.value()) {
        if (group.key == *key)
            found = &group;
    }
    if (!found)
        return ctx.fail(u"no group %1 on %2%3"_s.arg(key->toString(), ctx.gateway.toDisplayString(QUrl::RemoveUserInfo),
                                                     similarKeysHint(*key, groups.value())));

    const double now = ctx.now();
    const StalenessVerdict verdict = ctx.policy.evaluate(*found, now);
    ExpositionWriteOptions options;
    options.dropLabels = found->key.names();
    if (parser.isSet(jsonOption)) {
        ctx.out() << jsonLine(groupDetailJson(*found, verdict, now)) << Qt::endl;
        return ExitOk;
    }
    const QByteArray text = writeExposition(found->families, options);
    if (parser.isSet(expositionOption)) {
        ctx.out() << text << Qt::flush;
        return ExitOk;
    }
    QTextStream &out = ctx.out();
    const double age = groupAge(*found, now);
    out << "key:        " << found->key.toString() << '\n';
    out << "path:       /" << found->key.toPath() << '\n';
    out << "push time:  " << formatTime(found->pushTime, true);
    if (std::isfinite(age))
        out << " (" << formatAge(age) << " ago)";
    out << '\n';
    out << "last push:  " << (found->lastPushSuccessful ? "ok" : "failed");
    if (found->pushFailureTime > 0)
        out << " (last failure " << formatTime(found->pushFailureTime, true) << ')';
    out << '\n';
    out << "state:      " << stalenessName(verdict.state) << " (warning after " << formatDuration(verdict.warnAfter)
        << ", stale after " << formatDuration(verdict.staleAfter) << ")\n";
    out << "families:   " << found->families.size() << " (" << found->seriesCount() << " series)\n";
    if (!text.isEmpty())
        out << '\n' << text;
    out.flush();
    return ExitOk;
}

int ctlCheck(CtlContext &ctx, const QStringList &arguments)
{
    // Monitoring-plugin convention (Nagios, Icinga, Sensu): 0 OK, 1 WARNING,
    // 2 CRITICAL, 3 UNKNOWN; the status line goes to stdout.
    enum { CheckOk = 0, CheckWarning = 1, CheckCritical = 2, CheckUnknown = 3 };
    QCommandLineParser parser;
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"Only check groups whose key matches this selector."_s,
                                         u"selector"_s);
    const QCommandLineOption verboseOption({u"v"_s, u"verbose"_s}, u"After the summary, one line per group that is not fresh."_s);
    parser.addOptions({matchOption, verboseOption});
    if (auto exit = parseCommand(ctx, parser, u"check"_s,
                                 u"Exit 0 when every group is fresh, 1 on warnings, 2 when any group is stale or failed, "
                                 "3 when the gateway cannot be read; prints a one-line summary."_s,
                                 arguments))
        return *exit == ExitOk ? int(ExitOk) : int(CheckUnknown); // plugins: bad arguments are UNKNOWN
    if (!parser.positionalArguments().isEmpty()) {
        ctx.fail(u"check takes no arguments (use --match SELECTOR)"_s, ExitUsage);
        return CheckUnknown;
    }
    int exit = ExitOk;
    LabelMatcher matcher;
    if (parser.isSet(matchOption)) {
        auto m = ctx.parseMatcher(parser.value(matchOption), &exit);
        if (!m)
            return CheckUnknown;
        matcher = *m;
    }

    const auto groups = ctx.fetchGroups();
    if (!groups) {
        ctx.out() << "PUSHDECK UNKNOWN - " << groups.errorString() << Qt::endl;
        ctx.fail(groups.error());
        return CheckUnknown;
    }
    const double now = ctx.now();
    int fresh = 0, warning = 0, stale = 0, failed = 0, unknown = 0;
    struct Problem
    {
        Staleness state;
        QString key;
        double age;
    };
    QList<Problem> problems;
    for (const Group &group : groups.value()) {
        if (!matcher.matches(group.key))
            continue;
        const Staleness state = ctx.policy.evaluate(group, now).state;
        switch (state) {
        case Staleness::Fresh: ++fresh; break;
        case Staleness::Warning: ++warning; break;
        case Staleness::Stale: ++stale; break;
        case Staleness::Failed: ++failed; break;
        case Staleness::Unknown: ++unknown; break;
        }
        if (state != Staleness::Fresh && state != Staleness::Unknown)
            problems.append({state, group.key.toString(), groupAge(group, now)});
    }
    // Worst first: failed, stale, warning; oldest first within.
    auto rank = [](Staleness s) {
        switch (s) {
        case Staleness::Failed: return 0;
        case Staleness::Stale: return 1;
        case Staleness::Warning: return 2;
        default: return 3;
        }
    };
    std::stable_sort(problems.begin(), problems.end(), [&](const Problem &a, const Problem &b) {
        if (rank(a.state) != rank(b.state))
            return rank(a.state) < rank(b.state);
        return a.age > b.age;
    });

    const int total = fresh + warning + stale + failed + unknown;
    int code = CheckOk;
    // "unknown" means no threshold applies (a rules file switched the
    // default off for groups no rule names): not monitored, so no alarm.
    if (warning > 0)
        code = CheckWarning;
    if (stale + failed > 0)
        code = CheckCritical;
    const char *label = code == CheckOk ? "OK" : code == CheckWarning ? "WARNING" : "CRITICAL";
    QString summary = u"%1 group%2"_s.arg(total).arg(total == 1 ? QString() : u"s"_s);
    if (code == CheckOk && unknown == 0) {
        summary += total > 0 ? u", all fresh"_s : QString();
    } else {
        QStringList parts{u"%1 fresh"_s.arg(fresh)};
        if (warning)
            parts.append(u"%1 warning"_s.arg(warning));
        if (stale)
            parts.append(u"%1 stale"_s.arg(stale));
        if (failed)
            parts.append(u"%1 failed"_s.arg(failed));
        if (unknown)
            parts.append(u"%1 unknown"_s.arg(unknown));
        summary += u": "_s + parts.join(u", "_s);
        if (!problems.isEmpty()) {
            const Problem &worst = problems.first();
            summary += u"; worst %1 %2"_s.arg(worst.key, stalenessName(worst.state));
            if (std::isfinite(worst.age))
                summary += u" (%1 old)"_s.arg(formatAge(worst.age));
        }
    }
    QTextStream &out = ctx.out();
    out << "PUSHDECK " << label << " - " << summary << " | groups=" << total << " fresh=" << fresh << " warning=" << warning
        << " stale=" << stale << " failed=" << failed << " unknown=" << unknown << '\n';
    if (parser.isSet(verboseOption)) {
        for (const Problem &p : problems)
            out << stalenessName(p.state) << ' ' << ageText(p.age) << ' ' << p.key << '\n';
    }
    out.flush();
    return code;
}

} // namespace PushDeck
