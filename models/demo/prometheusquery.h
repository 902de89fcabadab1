#pragma once
// A small client for Prometheus's HTTP API (/api/v1/query, query_range,
// targets), enough for the demo to show what Prometheus sees of the demo
// gateway. Asynchronous; each call answers its callback exactly once.

#include "core/result.h"

#include <QMap>
#include <QObject>
#include <QPointF>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace PushDeck {

struct PromSeries
{
    QMap<QString, QString> labels;
    QList<QPointF> points; // x: milliseconds since the epoch, y: value
    double lastValue() const { return points.isEmpty() ? qQNaN() : points.constLast().y(); }
};

struct ScrapeTarget
{
    QString job;
    QString scrapeUrl;
    QString health;    // "up", "down", "unknown"
    QString lastError; // e.g. "server returned HTTP status 500 Internal Server Error"
};

class PrometheusQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusQuery)
public:
    using SeriesCallback = std::function<void(Result<QList<PromSeries>>)>;

    explicit PrometheusQuery(QObject *parent = nullptr);

    void setUrl(const QUrl &url) { m_url = url; }
    QUrl url() const { return m_url; }

    // An instant query at now: one point per series.
    void instant(const QString &expr, SeriesCallback then);
    // A range query; times in seconds since the epoch.
    void range(const QString &expr, double start, double end, double step, SeriesCallback then);
    void targets(std::function<void(Result<QList<ScrapeTarget>>)> then);

    // The `data` of an answer of /api/v1/query or query_range (vector,
    // matrix or scalar), or the error Prometheus gave.
    static Result<QList<PromSeries>> decodeQuery(const QByteArray &json);
    static Result<QList<ScrapeTarget>> decodeTargets(const QByteArray &json);

private:
    void get(const QString &path, const QList<std::pair<QString, QString>> &query,
             std::function<void(Result<QByteArray>)> then);

    QNetworkAccessManager *m_nam;
    QUrl m_url;
};

} // namespace PushDeck
