// Fuzzes the text exposition parser and, through it, the writer. Parsing
// never crashes and fails with a Parse error carrying line and column. What
// parses is written back and must parse to the same families: exactly, when
// the writer keeps everything (empty labels, the gateway's own families);
// and with the default options, writing and parsing reach a fixed point
// after one round.

#include "format/exposition.h"
#include "fuzzcheck.h"
#include "format/value.h"

#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

QString showText(const QByteArray &text)
{
    return show(QString::fromUtf8(text));
}

// Go's uint64(float64) for a histogram or summary count maps 2^64 (where a
// negative count written as uint64 rounds to) to 2^63: the gateway does the
// same to what we write, so that is the one value that moves on a round trip.
QList<MetricFamily> expectedAfterRoundTrip(QList<MetricFamily> families)
{
    constexpr double twoTo64 = 18446744073709551616.0;
    for (MetricFamily &family : families) {
        if (family.type != MetricType::Histogram && family.type != MetricType::Summary)
            continue;
        for (Series &series : family.series) {
            if (series.count >= twoTo64)
                series.count = twoTo64 / 2;
            for (Bucket &bucket : series.buckets) {
                if (bucket.cumulativeCount >= twoTo64)
                    bucket.cumulativeCount = twoTo64 / 2;
            }
        }
    }
    return families;
}

void checkRoundTrip(const QByteArray &input, const QList<MetricFamily> &families)
{
    for (const MetricFamily &family : families) {
        FUZZ_CHECK(isValidMetricName(family.name));
        FUZZ_CHECK(!family.series.isEmpty());
        for (const Series &series : family.series) {
            for (const auto &[name, value] : series.labels)
                FUZZ_CHECK(isValidLabelName(name) && !name.startsWith(u"__"));
            FUZZ_CHECK(std::is_sorted(series.labels.cbegin(), series.labels.cend(),
                                      [](const LabelPair &a, const LabelPair &b) { return a.first < b.first; }));
        }
    }

    // Lossless: everything a family holds is written.
    ExpositionWriteOptions all;
    all.skipGatewayFamilies = false;
    all.dropEmptyLabels = false;
    const QByteArray text = writeExposition(families, all);
    const QString detail = u"input\n"_s + showText(input) + u"\nwritten\n"_s + showText(text);
    const auto parsed = parseExposition(text);
    FUZZ_CHECK_DETAIL(parsed.ok(), detail + u"\nerror "_s + parsed.errorString());
    FUZZ_CHECK_DETAIL(sameFamilies(*parsed, expectedAfterRoundTrip(families)),
                      detail + u"\nwritten again\n"_s + showText(writeExposition(*parsed, all)));
    const QByteArray again = writeExposition(*parsed, all);
    const auto parsedAgain = parseExposition(again);
    FUZZ_CHECK_DETAIL(parsedAgain.ok() && writeExposition(*parsedAgain, all) == again, detail);

    // The default options (what a push sends): one round reaches a fixed
    // point.
    const QByteArray pushed = writeExposition(families);
    const auto pushedParsed = parseExposition(pushed);
    FUZZ_CHECK_DETAIL(pushedParsed.ok(), detail + u"\npushed\n"_s + showText(pushed) + u"\nerror "_s + pushedParsed.errorString());
    const QByteArray pushedAgain = writeExposition(*pushedParsed);
    const auto pushedAgainParsed = parseExposition(pushedAgain);
    FUZZ_CHECK_DETAIL(pushedAgainParsed.ok(), detail);
    FUZZ_CHECK_DETAIL(sameFamilies(*pushedAgainParsed, *pushedParsed), detail);
    FUZZ_CHECK_DETAIL(writeExposition(*pushedAgainParsed) == pushedAgain, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // A short input is also a sample value on its own.
    if (size <= 64) {
        if (const auto v = parseValue(input)) {
            const auto back = parseValue(formatValue(*v));
            FUZZ_CHECK_DETAIL(back && (*back == *v || (std::isnan(*back) && std::isnan(*v))),
                              showText(input) + u" -> "_s + showText(formatValue(*v)));
        }
    }

    const auto families = parseExposition(input);
    if (!families) {
        checkError(families.error(), Error::Parse);
        FUZZ_CHECK_DETAIL(families.error().line >= 1 && families.error().column >= 1, families.errorString());
        FUZZ_CHECK(families.errorString().startsWith(
            u"line %1, column %2: "_s.arg(families.error().line).arg(families.error().column)));
        return 0;
    }
    checkRoundTrip(input, *families);

    // Values: what formatValue writes, parseValue reads back exactly.
    for (const MetricFamily &family : *families) {
        for (const Series &series : family.series) {
            for (double v : {series.value, series.sum, series.count}) {
                const auto back = parseValue(formatValue(v));
                FUZZ_CHECK(back && (*back == v || (std::isnan(*back) && std::isnan(v))));
                if (back && v == 0)
                    FUZZ_CHECK(!std::signbit(*back)); // Go writes -0 as "0"
            }
        }
    }
    return 0;
}
