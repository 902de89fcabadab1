#include "core/metrics.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString metricTypeName(MetricType type)
{
    switch (type) {
    case MetricType::Untyped: return u"untyped"_s;
    case MetricType::Counter: return u"counter"_s;
    case MetricType::Gauge: return u"gauge"_s;
    case MetricType::Histogram: return u"histogram"_s;
    case MetricType::Summary: return u"summary"_s;
    }
    return {};
}

std::optional<MetricType> metricTypeFromName(QStringView name)
{
    for (auto type : {MetricType::Untyped, MetricType::Counter, MetricType::Gauge,
                      MetricType::Histogram, MetricType::Summary}) {
        if (name.compare(metricTypeName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

namespace {

// == except that NaN equals NaN: a NaN that survived a round trip is the same
// value to the user, although IEEE comparison says otherwise.
bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

LabelPairs sortedLabels(LabelPairs labels)
{
    std::sort(labels.begin(), labels.end());
    return labels;
}

// The gateway's JSON gives buckets and quantiles as maps, so their order is
// not part of what a series holds; compare them ordered by bound.
QList<Bucket> sortedBuckets(QList<Bucket> buckets)
{
    std::stable_sort(buckets.begin(), buckets.end(), [](const Bucket &a, const Bucket &b) {
        return a.upperBound < b.upperBound;
    });
    return buckets;
}

QList<Quantile> sortedQuantiles(QList<Quantile> quantiles)
{
    std::stable_sort(quantiles.begin(), quantiles.end(), [](const Quantile &a, const Quantile &b) {
        return a.quantile < b.quantile;
    });
    return quantiles;
}

} // namespace

bool sameSeries(const Series &a, const Series &b)
{
    if (sortedLabels(a.labels) != sortedLabels(b.labels))
        return false;
    if (!sameValue(a.value, b.value) || !sameValue(a.sum, b.sum) || !sameValue(a.count, b.count))
        return false;
    if (a.buckets.size() != b.buckets.size() || a.quantiles.size() != b.quantiles.size())
        return false;
    const auto bucketsA = sortedBuckets(a.buckets);
    const auto bucketsB = sortedBuckets(b.buckets);
    for (qsizetype i = 0; i < bucketsA.size(); ++i) {
        if (!sameValue(bucketsA[i].upperBound, bucketsB[i].upperBound)
            || !sameValue(bucketsA[i].cumulativeCount, bucketsB[i].cumulativeCount))
            return false;
    }
    const auto quantilesA = sortedQuantiles(a.quantiles);
    const auto quantilesB = sortedQuantiles(b.quantiles);
    for (qsizetype i = 0; i < quantilesA.size(); ++i) {
        if (!sameValue(quantilesA[i].quantile, quantilesB[i].quantile)
            || !sameValue(quantilesA[i].value, quantilesB[i].value))
            return false;
    }
    return true;
}

bool sameFamily(const MetricFamily &a, const MetricFamily &b)
{
    if (a.name != b.name || a.type != b.type || a.help != b.help || a.series.size() != b.series.size())
        return false;
    // Series order carries no meaning (the gateway keeps them in a map), so
    // pair them up by their sorted labels.
    auto bySortedLabels = [](const QList<Series> &series) {
        QList<std::pair<LabelPairs, const Series *>> keyed;
        keyed.reserve(series.size());
        for (const auto &s : series)
            keyed.append({sortedLabels(s.labels), &s});
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        return keyed;
    };
    const auto seriesA = bySortedLabels(a.series);
    const auto seriesB = bySortedLabels(b.series);
    for (qsizetype i = 0; i < seriesA.size(); ++i) {
        if (!sameSeries(*seriesA[i].second, *seriesB[i].second))
            return false;
    }
    return true;
}

bool sameFamilies(const QList<MetricFamily> &a, const QList<MetricFamily> &b)
{
    if (a.size() != b.size())
        return false;
    if (a.constData() == b.constData())
        return true; // one shared list (see shareUnchanged)
    auto byName = [](const QList<MetricFamily> &families) {
        QList<const MetricFamily *> sorted;
        sorted.reserve(families.size());
        for (const auto &f : families)
            sorted.append(&f);
        std::stable_sort(sorted.begin(), sorted.end(), [](const MetricFamily *x, const MetricFamily *y) {
            return x->name < y->name;
        });
        return sorted;
    };
    const auto familiesA = byName(a);
    const auto familiesB = byName(b);
    for (qsizetype i = 0; i < familiesA.size(); ++i) {
        if (!sameFamily(*familiesA[i], *familiesB[i]))
            return false;
    }
    return true;
}

int Group::seriesCount() const
{
    qsizetype count = 0;
    for (const auto &family : families)
        count += family.series.size();
    return int(count);
}

int shareUnchanged(QList<Group> &next, const QList<Group> &previous)
{
    QHash<GroupingKey, const Group *> before;
    before.reserve(previous.size());
    for (const Group &group : previous)
        before.insert(group.key, &group);
    int shared = 0;
    for (Group &group : next) {
        const Group *old = before.value(group.key);
        if (!old)
            continue;
        group.key = old->key; // equal; shared, hash lookups compare one pointer
        if (group.families.constData() == old->families.constData() || sameFamilies(group.families, old->families)) {
            group.families = old->families;
            ++shared;
        }
    }
    return shared;
}

} // namespace PushDeck
