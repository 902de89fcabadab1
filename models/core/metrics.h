#pragma once
// Plain value types for what a gateway holds: groups, their metric families
// and series. Values are doubles parsed exactly from the gateway's
// shortest-round-trip strings; NaN and infinities are kept as such.

#include "core/groupingkey.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace PushDeck {

enum class MetricType { Untyped, Counter, Gauge, Histogram, Summary };

QString metricTypeName(MetricType type);            // "counter", ... (text format)
std::optional<MetricType> metricTypeFromName(QStringView name); // case-insensitive

struct Bucket
{
    double upperBound = 0;       // le; +Inf for the last one
    double cumulativeCount = 0;
    friend bool operator==(const Bucket &, const Bucket &) = default;
};

struct Quantile
{
    double quantile = 0;
    double value = 0;
    friend bool operator==(const Quantile &, const Quantile &) = default;
};

// One series of a family. For untyped/counter/gauge only `value` is used; for
// histograms `buckets`, `sum`, `count`; for summaries `quantiles`, `sum`,
// `count`. Labels are sorted by name and never contain `le` or `quantile`.
struct Series
{
    LabelPairs labels;
    double value = 0;
    QList<Bucket> buckets;
    QList<Quantile> quantiles;
    double sum = 0;
    double count = 0;
};
// Exact comparison where NaN equals NaN (same bits of meaning): what a
// round trip must preserve.
bool sameSeries(const Series &a, const Series &b);

struct MetricFamily
{
    QString name;
    MetricType type = MetricType::Untyped;
    QString help;            // empty when none was pushed
    QList<Series> series;
};
bool sameFamily(const MetricFamily &a, const MetricFamily &b);
bool sameFamilies(const QList<MetricFamily> &a, const QList<MetricFamily> &b); // order-insensitive by name

// The gateway's own bookkeeping families in every group.
inline constexpr QLatin1StringView PushTimeFamily{"push_time_seconds"};
inline constexpr QLatin1StringView PushFailureTimeFamily{"push_failure_time_seconds"};

struct Group
{
    GroupingKey key;
    double pushTime = 0;         // unix seconds of the last successful push (0: never)
    double pushFailureTime = 0;  // unix seconds of the last failed push (0: never)
    bool lastPushSuccessful = true;
    QList<MetricFamily> families; // pushed families, without the two above

    int seriesCount() const;
};

struct GatewayStatus
{
    QString version;             // build_information.version, e.g. "1.5.1"
    QString revision;
    QString goVersion;
    bool adminApiEnabled = false; // flags["web.enable-admin-api"] == "true"
    double startTime = 0;        // unix seconds
    QList<std::pair<QString, QString>> flags; // every flag, sorted by name
};

// Makes the groups of `next` share the key of the group with that key in
// `previous`, and its families where they are the same: every later
// comparison of the two (hash lookups by key, the table's merge, the detail
// tree, the history) is then a pointer comparison instead of a walk over
// every label or series. Run off the UI thread right after decoding.
// Returns how many groups share their families.
int shareUnchanged(QList<Group> &next, const QList<Group> &previous);

} // namespace PushDeck

Q_DECLARE_METATYPE(PushDeck::Group)
Q_DECLARE_METATYPE(PushDeck::GatewayStatus)
