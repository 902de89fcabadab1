// pushdeckctl push KEY [FILE|-]: validate exposition text, then push it
// (GroupOperations validates again, snapshots and audits).

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"
#include "operations/groupoperations.h"
#include "format/expositioncheck.h"

#include <QFile>

#include <limits>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr qint64 DefaultMaxPushBytes = 64LL * 1024 * 1024;

struct ReadInput
{
    QByteArray data;
    bool truncated = false; // more than the limit was there
};

Result<ReadInput> readAtMost(QFile &in, qint64 limit)
{
    ReadInput result;
    constexpr qint64 Chunk = 1 << 20;
    for (;;) {
        const qint64 want = limit > 0 ? std::min<qint64>(Chunk, limit + 1 - result.data.size()) : Chunk;
        if (want <= 0) {
            result.truncated = true;
            result.data.clear();
            return result;
        }
        const qsizetype before = result.data.size();
        result.data.resize(before + want);
        const qint64 got = in.read(result.data.data() + before, want);
        if (got < 0)
            return Error::make(Error::Process, in.errorString());
        result.data.resize(before + got);
        if (got == 0)
            break;
        if (limit > 0 && result.data.size() > limit) {
            result.truncated = true;
            result.data.clear();
            return result;
        }
    }
    return result;
}

} // namespace

Result<qint64> parseByteSize(const QString &text)
{
    const QString trimmed = text.trimmed();
    qint64 factor = 1;
    QString digits = trimmed;
    if (!digits.isEmpty()) {
        switch (digits.back().toUpper().unicode()) {
        case u'K': factor = 1024; break;
        case u'M': factor = 1024 * 1024; break;
        case u'G': factor = 1024LL * 1024 * 1024; break;
        default: break;
        }
        if (factor > 1)
            digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value < 0 || value > std::numeric_limits<qint64>::max() / factor)
        return Error::make(Error::Parse, u"invalid size \"%1\" (bytes, or a number with K, M or G; 0: no limit)"_s.arg(text));
    return value * factor;
}

QString byteSizeText(qint64 bytes)
{
    if (bytes <= 0)
        return u"no limit"_s;
    if (bytes % (1024 * 1024) == 0)
        return u"%1M"_s.arg(bytes / (1024 * 1024));
    if (bytes % 1024 == 0)
        return u"%1K"_s.arg(bytes / 1024);
    return u"%1 bytes"_s.arg(bytes);
}

int ctlPush(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replaceOption(
        u"replace"_s, u"Replace the whole group (PUT). Default: replace only the families in the text (POST)."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Validate and say what would be pushed; send nothing."_s);
    const QCommandLineOption maxSizeOption(
        u"max-size"_s, u"Refuse input larger than this (bytes, or with K, M, G; 0: no limit). Default: 64M."_s, u"size"_s);
    parser.addOptions({replaceOption, dryRunOption, maxSizeOption});
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

    qint64 maxSize = DefaultMaxPushBytes;
    if (parser.isSet(maxSizeOption)) {
        const auto size = parseByteSize(parser.value(maxSizeOption));
        if (!size)
            return ctx.fail(u"--max-size: %1"_s.arg(size.errorString()), ExitUsage);
        maxSize = *size;
    }
    const QString fileName = positional.size() > 1 ? positional[1] : u"-"_s;
    QString source = fileName;
    QFile in;
    if (fileName == u"-"_s) {
        source = u"stdin"_s;
        if (positional.size() == 1 && isatty(STDIN_FILENO))
            return ctx.fail(u"push: no FILE given and stdin is a terminal (pipe the text in, or name a file)"_s, ExitUsage);
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(u"cannot read stdin: %1"_s.arg(in.errorString()), ExitNoInput);
    } else {
        in.setFileName(fileName);
        if (!in.open(QIODevice::ReadOnly))
            return ctx.fail(u"cannot read %1: %2"_s.arg(fileName, in.errorString()), ExitNoInput);
    }
    // Read in chunks up to the limit: /dev/zero or an endless pipe ends in
    // a clear error, not in an allocation failure.
    auto read = readAtMost(in, maxSize);
    if (!read)
        return ctx.fail(u"cannot read %1: %2"_s.arg(source, read.errorString()), ExitNoInput);
    if (read->truncated)
        return ctx.fail(u"%1 is larger than %2 (--max-size %3); nothing was sent. A push this big is rarely meant: "
                          "check the input, or raise --max-size (0: no limit)"_s
                            .arg(source, byteSizeText(maxSize), byteSizeText(maxSize)),
                        ExitDataError);
    QByteArray text = std::move(read->data);

    // Validated here already so the error names the file and no request is
    // made; GroupOperations validates again (it is the one rule for all).
    QString what;
    {
        const auto families = validateForPush(text, *key);
        if (!families)
            return ctx.fail(u"invalid exposition in %1: %2"_s.arg(source, families.errorString()), ExitDataError);
        int series = 0;
        for (const MetricFamily &family : families.value())
            series += int(family.series.size());
        what = u"%1 (%2)"_s.arg(plural(families->size(), "family", "families"), plural(series, "series", "series"));
        // The families go before pushNew() parses the text again: the peak
        // is one parse, not two.
    }
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
