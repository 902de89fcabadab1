#pragma once
// Builders every test shares: keys and groups from short literals. A bad
// literal is a bug in the test, so it stops the test at once.

#include "core/metrics.h"

#include <QtGlobal>

namespace PushDeck::Test {

// `{job="a",instance="b"}`
inline GroupingKey key(QStringView text)
{
    auto parsed = GroupingKey::parse(text);
    if (!parsed)
        qFatal("bad grouping key in a test: %s: %s", qPrintable(text.toString()), qPrintable(parsed.errorString()));
    return parsed.value();
}

// A group pushed at `pushTime` (and failed at `failureTime`, when later).
inline Group group(QStringView keyText, double pushTime, double failureTime = 0, QList<MetricFamily> families = {})
{
    Group g;
    g.key = key(keyText);
    g.pushTime = pushTime;
    g.pushFailureTime = failureTime;
    g.lastPushSuccessful = failureTime <= pushTime;
    g.families = std::move(families);
    return g;
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
