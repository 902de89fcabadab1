// pushdeckctl push KEY [FILE|-]: validate exposition text, then push it
// (GroupOperations validates again, snapshots and audits).

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"
#include "operations/groupoperations.h"
#include "format/expositioncheck.h"

#include <QFile>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

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
    const auto key = ctx.parseKey(positional.first());
    if (!key)
        return ctx.failParse(key.error(), positional.first());

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
    const auto families = validateForPush(text, *key);
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

    GroupOperations &ops = *ctx.session().operations();
    const auto result = awaitFuture(ops.pushNew(*key, text, parser.isSet(replaceOption)));
    if (!result)
        return ctx.fail(result.error(), CtlContext::ErrorOrigin::Operation);
    ctx.out() << "pushed " << what << " to " << key->toString() << " (" << method << ")" << Qt::endl;
    return ExitOk;
}

} // namespace PushDeck
