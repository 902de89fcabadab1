// pushdeckctl show KEY: one group with its times, state and families.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"
#include "ctl/output.h"

#include "core/duration.h"
#include "format/exposition.h"
#include "staleness/pruneselection.h"

#include <cmath>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlShow(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption expositionOption(
        {u"e"_s, u"exposition"_s}, u"Only the pushed families as text exposition, without the key's labels (ready to push again)."_s);
    const QCommandLineOption jsonOption(u"json"_s, u"One JSON object: the groups --json fields plus every family and series."_s);
    parser.addOptions({expositionOption, jsonOption});
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Json}, false);
    output.addTo(parser);
    parser.addPositionalArgument(u"KEY"_s, u"The exact grouping key, e.g. {job=\"backup\",instance=\"db-1\"}."_s);
    if (auto exit = parseCommand(ctx, parser, u"show"_s, u"Show one group: its key, times, state and families."_s, arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return ctx.fail(u"show needs exactly one KEY, e.g. pushdeckctl show '{job=\"backup\"}'"_s, ExitUsage);
    // pushdeckctl.yml's output does not turn --exposition into JSON.
    const auto format = parser.isSet(expositionOption) && !parser.isSet(jsonOption) && !parser.isSet(output.output)
        ? Result<CtlFormat>(CtlFormat::Table)
        : output.format(parser, ctx, parser.isSet(jsonOption));
    if (!format)
        return ctx.fail(format.errorString(), ExitUsage);
    if (parser.isSet(expositionOption) && *format == CtlFormat::Json)
        return ctx.fail(u"--exposition and %1 exclude each other"_s.arg(parser.isSet(jsonOption) ? u"--json"_s : u"-o json"_s),
                        ExitUsage);
    const auto key = ctx.parseKey(positional.first());
    if (!key)
        return ctx.failParse(key.error(), positional.first());

    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const Group *found = nullptr;
    for (const Group &group : groups.value()) {
        if (group.key == *key)
            found = &group;
    }
    if (!found)
        return ctx.fail(u"no group %1 on %2%3"_s.arg(key->toString(), ctx.gateway().toDisplayString(QUrl::RemoveUserInfo),
                                                     similarKeysHint(*key, groups.value())));

    const double now = ctx.now();
    const StalenessVerdict verdict = ctx.session().policy().evaluate(*found, now);
    ExpositionWriteOptions options;
    options.dropLabels = found->key.names();
    if (*format == CtlFormat::Json) {
        ctx.out() << jsonLine(groupDetailJson(*found, verdict, now)) << Qt::endl;
        return ExitOk;
    }
    const QByteArray text = writeExposition(found->families, options);
    if (parser.isSet(expositionOption)) {
        // Into a file or pipe it is data to push again, byte for byte; on a
        // terminal control characters are escaped like everything else.
        if (!isatty(STDOUT_FILENO)) {
            ctx.setRawDataOutput(true);
            ctx.out() << text << Qt::flush;
            ctx.setRawDataOutput(false);
            return ExitOk;
        }
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

} // namespace PushDeck
