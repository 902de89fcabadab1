#pragma once
// Builders every test shares: keys, groups, series and families from short
// literals. A bad literal is a bug in the test, so it stops the test at once.
// Use them with `using PushDeck::Test::key;` (or qualified) and keep only
// what is particular to one test in the test.

#include "core/metrics.h"

#include <QtGlobal>

#include <algorithm>
#include <utility>

namespace PushDeck::Test {

// `{job="a",instance="b"}`
inline GroupingKey key(QStringView text)
{
    auto parsed = GroupingKey::parse(text);
    if (!parsed)
        qFatal("bad grouping key in a test: %s: %s", qPrintable(text.toString()), qPrintable(parsed.errorString()));
    return parsed.value();
}

// A key from label pairs in any order, for values a literal spells badly
// (quotes, newlines, empty values built in code).
inline GroupingKey key(const LabelPairs &labels)
{
    auto parsed = GroupingKey::fromLabels(labels);
    if (!parsed)
        qFatal("bad grouping key labels in a test: %s", qPrintable(parsed.errorString()));
    return parsed.value();
}

// `{job="<job>"}`: a key of the job label only, whatever characters the job
// name holds.
inline GroupingKey jobKey(const QString &job)
{
    return key(LabelPairs{{QStringLiteral("job"), job}});
}

// A group pushed at `pushTime` and failed at `failureTime` (0: never, for
// either). Its last push failed when the failure is the later of the two, as
// the gateway's last_push_successful says; a NaN time never counts as later.
inline Group group(const GroupingKey &key, double pushTime, double failureTime = 0, QList<MetricFamily> families = {})
{
    Group g;
    g.key = key;
    g.pushTime = pushTime;
    g.pushFailureTime = failureTime;
    g.lastPushSuccessful = !(failureTime > pushTime);
    g.families = std::move(families);
    return g;
}

inline Group group(QStringView keyText, double pushTime, double failureTime = 0, QList<MetricFamily> families = {})
{
    return group(key(keyText), pushTime, failureTime, std::move(families));
}

// The labels of a series as the gateway returns it: its own and its group's
// key labels, sorted by name.
inline LabelPairs seriesLabels(const GroupingKey &key, LabelPairs own = {})
{
    own.append(key.labels());
    std::sort(own.begin(), own.end());
    return own;
}

// One series of an untyped, counter or gauge family.
inline Series series(LabelPairs labels, double value)
{
    Series s;
    s.labels = std::move(labels);
    s.value = value;
    return s;
}

// One series of a histogram family: cumulative buckets, +Inf last.
inline Series histogramSeries(LabelPairs labels, QList<Bucket> buckets, double sum, double count)
{
    Series s;
    s.labels = std::move(labels);
    s.buckets = std::move(buckets);
    s.sum = sum;
    s.count = count;
    return s;
}

// One series of a summary family.
inline Series summarySeries(LabelPairs labels, QList<Quantile> quantiles, double sum, double count)
{
    Series s;
    s.labels = std::move(labels);
    s.quantiles = std::move(quantiles);
    s.sum = sum;
    s.count = count;
    return s;
}

inline MetricFamily family(const QString &name, MetricType type, QList<Series> series, const QString &help = {})
{
    MetricFamily f;
    f.name = name;
    f.type = type;
    f.help = help;
    f.series = std::move(series);
    return f;
}

// One gauge family with one series per value, labelled `i="0"`, `i="1"`, ...
inline MetricFamily gauge(const QString &name, const QList<double> &values)
{
    MetricFamily family;
    family.name = name;
    family.type = MetricType::Gauge;
    for (qsizetype i = 0; i < values.size(); ++i) {
        Series series;
        series.labels = {{QStringLiteral("i"), QString::number(i)}};
        series.value = values[i];
        family.series.append(series);
    }
    return family;
}

} // namespace PushDeck::Test
