// pushdeckctl lint [--json]: the anti-pattern lint (staleness/lint.h) over a
// gateway's groups, as text for people or one JSON object for scripts.
//
// Exit codes, like `check` its own set: 0 no findings above info, 1 at least
// one warning, 2 at least one critical finding (colliding groups: every push
// fails). Errors keep the usual codes: 64 usage, 69 gateway unavailable.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"
#include "ctl/output.h"

#include "staleness/lint.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlLint(CtlContext &ctx, const QStringList &arguments)
{
    enum { LintClean = 0, LintWarning = 1, LintCritical = 2 };
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(u"json"_s,
                                        u"One JSON object: {\"findings\": [{severity, id, subject, title, advice, "
                                        "groups: [{key, labels, note}]}], \"summary\": {critical, warning, info, groups}}."_s);
    const QCommandLineOption fanOutOption(u"fan-out"_s,
                                          u"Report a job with at least N groups that differ in one label (default 10; "
                                          "0: off)."_s,
                                          u"N"_s, u"10"_s);
    const QCommandLineOption allOption({u"a"_s, u"all"_s}, u"List every affected group (text: at most 20 per finding)."_s);
    parser.addOptions({jsonOption, fanOutOption, allOption});
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Json}, false);
    output.addTo(parser);
    if (auto exit = parseCommand(ctx, parser, u"lint"_s,
                                 u"Finds Pushgateway anti-patterns: colliding grouping keys (every push fails), failed "
                                 "and stale groups, instance/host-like labels in grouping keys, fan-out over many "
                                 "groups, empty pushes. Exit 0 when nothing is above info, 1 on warnings, 2 on "
                                 "critical findings."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"lint takes no arguments"_s, ExitUsage);
    const auto format = output.format(parser, ctx, parser.isSet(jsonOption));
    if (!format)
        return ctx.fail(format.errorString(), ExitUsage);
    LintOptions options;
    bool ok = false;
    options.fanOutThreshold = parser.value(fanOutOption).toInt(&ok);
    if (!ok || options.fanOutThreshold < 0)
        return ctx.fail(u"--fan-out: \"%1\" is not a number of groups"_s.arg(parser.value(fanOutOption)), ExitUsage);

    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const QList<LintFinding> findings = Lint::run(groups.value(), ctx.session().policy(), ctx.now(), options);
    if (*format == CtlFormat::Json)
        ctx.out() << jsonLine(Lint::toJson(findings, int(groups->size()))) << '\n';
    else
        ctx.out() << Lint::toText(findings, parser.isSet(allOption) ? 0 : 20);
    ctx.out().flush();

    switch (Lint::worst(findings).value_or(LintSeverity::Info)) {
    case LintSeverity::Critical: return LintCritical;
    case LintSeverity::Warning: return LintWarning;
    case LintSeverity::Info: return LintClean;
    }
    return LintClean;
}

} // namespace PushDeck
