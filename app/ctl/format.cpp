#include "ctl/format.h"

#include "core/duration.h"
#include "format/value.h"
#include "staleness/pruneselection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString plural(qsizetype n, const char *one, const char *many)
{
    if (n == 1)
        return u"1 "_s + QLatin1StringView(one);
    return u"%1 %2"_s.arg(n).arg(many ? QString::fromLatin1(many) : QString::fromLatin1(one) + u's');
}

void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows,
                const QList<int> &rightAligned)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            if (i > 0)
                line += u"  "_s;
            if (rightAligned.contains(int(i)))
                line += row[i].rightJustified(widths[i]);
            else
                line += last ? row[i] : row[i].leftJustified(widths[i]);
        }
        out << line << '\n';
    };
    printRow(headers);
    for (const QStringList &row : rows)
        printRow(row);
}

QString ageText(double seconds)
{
    return std::isfinite(seconds) ? formatAge(seconds) : u"-"_s;
}

QString formatTime(double unixSeconds, bool withMs)
{
    if (unixSeconds <= 0 || !std::isfinite(unixSeconds))
        return u"never"_s;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(unixSeconds * 1000)), Qt::UTC);
    return time.toString(withMs ? Qt::ISODateWithMs : Qt::ISODate);
}

namespace {

QJsonObject labelsObject(const LabelPairs &labels)
{
    QJsonObject object;
    for (const auto &[name, value] : labels)
        object.insert(name, value);
    return object;
}

QString valueText(double value)
{
    return QString::fromLatin1(formatValue(value));
}

} // namespace

QJsonObject groupDetailJson(const Group &group, const StalenessVerdict &verdict, double now)
{
    QJsonObject object = groupJson(group, verdict, now);
    object.insert(u"warn_after_seconds"_s, verdict.warnAfter);
    object.insert(u"stale_after_seconds"_s, verdict.staleAfter);
    QJsonArray metrics;
    QList<MetricFamily> families = group.families;
    std::sort(families.begin(), families.end(), [](const MetricFamily &a, const MetricFamily &b) { return a.name < b.name; });
    for (const MetricFamily &family : families) {
        QJsonObject f;
        f.insert(u"name"_s, family.name);
        f.insert(u"type"_s, metricTypeName(family.type));
        f.insert(u"help"_s, family.help);
        QJsonArray series;
        for (const Series &s : family.series) {
            QJsonObject o;
            o.insert(u"labels"_s, labelsObject(s.labels));
            switch (family.type) {
            case MetricType::Histogram: {
                QJsonArray buckets;
                for (const Bucket &b : s.buckets)
                    buckets.append(QJsonArray{valueText(b.upperBound), valueText(b.cumulativeCount)});
                o.insert(u"buckets"_s, buckets);
                o.insert(u"sum"_s, valueText(s.sum));
                o.insert(u"count"_s, valueText(s.count));
                break;
            }
            case MetricType::Summary: {
                QJsonArray quantiles;
                for (const Quantile &q : s.quantiles)
                    quantiles.append(QJsonArray{valueText(q.quantile), valueText(q.value)});
                o.insert(u"quantiles"_s, quantiles);
                o.insert(u"sum"_s, valueText(s.sum));
                o.insert(u"count"_s, valueText(s.count));
                break;
            }
            default:
                o.insert(u"value"_s, valueText(s.value));
                break;
            }
            series.append(o);
        }
        f.insert(u"series"_s, series);
        metrics.append(f);
    }
    object.insert(u"metrics"_s, metrics);
    return object;
}

QString similarKeysHint(const GroupingKey &key, const QList<Group> &groups)
{
    QStringList similar;
    // The likeliest mistake first: the same key with or without an empty label.
    for (const Group &g : groups) {
        if (g.key.collisionKey() == key.collisionKey())
            similar.append(g.key.toString());
    }
    for (const Group &g : groups) {
        if (similar.size() >= 3)
            break;
        if (g.key.job() == key.job() && !similar.contains(g.key.toString()))
            similar.append(g.key.toString());
    }
    if (similar.isEmpty())
        return {};
    return u" (similar: %1)"_s.arg(similar.mid(0, 3).join(u", "_s));
}

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace PushDeck
