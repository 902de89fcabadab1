// pushdeckctl check: a monitoring-plugin check over the groups' staleness.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"

#include "core/duration.h"
#include "staleness/pruneselection.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlCheckUnknown(CtlContext &ctx)
{
    ctx.out() << "PUSHDECK UNKNOWN - " << ctx.lastFailure() << Qt::endl;
    return 3;
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
                                 "3 when the gateway cannot be read or the arguments are bad; prints a one-line summary."_s,
                                 arguments)) {
        if (*exit == ExitOk) // --help
            return ExitOk;
        return ctlCheckUnknown(ctx); // plugins: bad arguments are UNKNOWN, with the promised line
    }
    if (!parser.positionalArguments().isEmpty()) {
        ctx.fail(u"check takes no arguments (use --match SELECTOR)"_s, ExitUsage);
        return ctlCheckUnknown(ctx);
    }
    LabelMatcher matcher;
    if (parser.isSet(matchOption)) {
        auto m = ctx.parseMatcher(parser.value(matchOption));
        if (!m) {
            ctx.failParse(m.error(), parser.value(matchOption)); // check has its own exit codes
            return ctlCheckUnknown(ctx);
        }
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
        const Staleness state = ctx.session().policy().evaluate(group, now).state;
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
