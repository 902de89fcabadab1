// Fuzzes the simdjson decoder of /api/v1/metrics (and /api/v1/status).
// Errors are values: anything at all gives either groups or a Decode /
// NotAGateway error with a message, never a crash or an exception. A
// successful decode holds what the rest of PushDeck relies on: every group
// has a valid key with a job that round-trips through the path and text
// codecs, the bookkeeping families are not among its families, series
// carry the fields of their type and buckets come sorted.

#include "fuzzcheck.h"
#include "format/metricsdecoder.h"

#include <algorithm>
#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

void checkGroup(const Group &group)
{
    const GroupingKey &key = group.key;
    const QString where = u"key "_s + show(key.toString());
    FUZZ_CHECK_DETAIL(key.isValid() && !key.job().isEmpty(), where);
    FUZZ_CHECK_DETAIL(key.labels().first().first == u"job", where);
    const auto fromPath = GroupingKey::fromPath(key.toPath());
    FUZZ_CHECK_DETAIL(fromPath.ok() && *fromPath == key, where + u"\npath "_s + show(key.toPath()));
    const auto parsed = GroupingKey::parse(key.toString());
    FUZZ_CHECK_DETAIL(parsed.ok() && *parsed == key, where);
    const auto rebuilt = GroupingKey::fromLabels(key.labels());
    FUZZ_CHECK_DETAIL(rebuilt.ok() && *rebuilt == key, where);

    for (const MetricFamily &family : group.families) {
        FUZZ_CHECK_DETAIL(family.name != PushTimeFamily && family.name != PushFailureTimeFamily, where);
        for (const Series &series : family.series) {
            for (qsizetype i = 1; i < series.buckets.size(); ++i) {
                const double a = series.buckets[i - 1].upperBound;
                const double b = series.buckets[i].upperBound;
                FUZZ_CHECK_DETAIL(std::isnan(b) || (!std::isnan(a) && a <= b), where + u" family "_s + show(family.name));
            }
            for (qsizetype i = 1; i < series.quantiles.size(); ++i) {
                const double a = series.quantiles[i - 1].quantile;
                const double b = series.quantiles[i].quantile;
                FUZZ_CHECK_DETAIL(std::isnan(b) || (!std::isnan(a) && a <= b), where + u" family "_s + show(family.name));
            }
            if (family.type != MetricType::Histogram)
                FUZZ_CHECK(series.buckets.isEmpty());
            if (family.type != MetricType::Summary)
                FUZZ_CHECK(series.quantiles.isEmpty());
            FUZZ_CHECK(std::is_sorted(series.labels.cbegin(), series.labels.cend()));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto groups = decodeGroups(json);
    if (!groups) {
        FUZZ_CHECK_DETAIL(groups.error().kind == Error::Decode || groups.error().kind == Error::NotAGateway,
                          groups.errorString());
        FUZZ_CHECK(!groups.errorString().isEmpty());
    } else {
        for (const Group &group : *groups)
            checkGroup(group);
        // Deterministic: the same input decodes to the same keys (the
        // per-thread parser and caches are reused between calls).
        const auto again = decodeGroups(json);
        FUZZ_CHECK(again.ok() && again->size() == groups->size());
        for (qsizetype i = 0; i < groups->size(); ++i) {
            FUZZ_CHECK((*again)[i].key == (*groups)[i].key);
            FUZZ_CHECK((*again)[i].families.size() == (*groups)[i].families.size());
        }
    }

    const auto status = decodeStatus(json);
    if (!status) {
        FUZZ_CHECK_DETAIL(status.error().kind == Error::Decode || status.error().kind == Error::NotAGateway,
                          status.errorString());
        FUZZ_CHECK(!status.errorString().isEmpty());
    } else {
        FUZZ_CHECK(std::is_sorted(status->flags.cbegin(), status->flags.cend()));
    }
    return 0;
}
