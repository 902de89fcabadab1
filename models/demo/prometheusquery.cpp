#include "demo/prometheusquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

Result<QJsonObject> envelope(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Decode, PrometheusQuery::tr("Prometheus answered with something that is not JSON: %1")
                                              .arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(u"status"_s).toString() != u"success"_s)
        return Error::make(Error::Http, PrometheusQuery::tr("Prometheus: %1 (%2)")
                                            .arg(root.value(u"error"_s).toString(), root.value(u"errorType"_s).toString()));
    return root.value(u"data"_s).toObject();
}

QPointF point(const QJsonArray &pair)
{
    // [ <unix seconds as number>, "<value as string>" ]
    const double t = pair.at(0).toDouble();
    const QString text = pair.at(1).toString();
    bool ok = false;
    double v = text.toDouble(&ok);
    if (!ok) {
        if (text == u"NaN"_s)
            v = qQNaN();
        else if (text == u"+Inf"_s)
            v = qInf();
        else if (text == u"-Inf"_s)
            v = -qInf();
    }
    return {t * 1000.0, v};
}

} // namespace

PrometheusQuery::PrometheusQuery(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
}

Result<QList<PromSeries>> PrometheusQuery::decodeQuery(const QByteArray &json)
{
    Result<QJsonObject> data = envelope(json);
    if (!data)
        return data.error();
    const QString type = data->value(u"resultType"_s).toString();
    const QJsonValue result = data->value(u"result"_s);
    QList<PromSeries> out;
    if (type == u"scalar"_s) {
        PromSeries series;
        series.points.append(point(result.toArray()));
        out.append(series);
        return out;
    }
    if (type != u"vector"_s && type != u"matrix"_s)
        return Error::make(Error::Decode, tr("Prometheus answered with a result of type \"%1\"").arg(type));
    for (const QJsonValue &item : result.toArray()) {
        const QJsonObject object = item.toObject();
        PromSeries series;
        const QJsonObject metric = object.value(u"metric"_s).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            series.labels.insert(it.key(), it.value().toString());
        if (object.contains(u"value"_s))
            series.points.append(point(object.value(u"value"_s).toArray()));
        for (const QJsonValue &pair : object.value(u"values"_s).toArray())
            series.points.append(point(pair.toArray()));
        out.append(series);
    }
    return out;
}

Result<QList<ScrapeTarget>> PrometheusQuery::decodeTargets(const QByteArray &json)
{
    Result<QJsonObject> data = envelope(json);
    if (!data)
        return data.error();
    QList<ScrapeTarget> out;
    for (const QJsonValue &item : data->value(u"activeTargets"_s).toArray()) {
        const QJsonObject object = item.toObject();
        ScrapeTarget target;
        target.job = object.value(u"labels"_s).toObject().value(u"job"_s).toString();
        target.scrapeUrl = object.value(u"scrapeUrl"_s).toString();
        target.health = object.value(u"health"_s).toString();
        target.lastError = object.value(u"lastError"_s).toString();
        out.append(target);
    }
    return out;
}

void PrometheusQuery::get(const QString &path, const QList<std::pair<QString, QString>> &items,
                          std::function<void(Result<QByteArray>)> then)
{
    if (!m_url.isValid()) {
        then(Error::make(Error::Invalid, tr("no Prometheus to ask")));
        return;
    }
    QUrl url = m_url;
    url.setPath(url.path() + path);
    // Percent-encoded by hand: QUrlQuery leaves '+' alone, which the server
    // would read as a space (`a + b` in PromQL).
    QString query;
    for (const auto &[name, value] : items) {
        if (!query.isEmpty())
            query += u'&';
        query += name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    url.setQuery(query, QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = m_nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, then] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        // Prometheus answers bad queries with 400 and a JSON error: show that.
        if (status == 0)
            then(Error::make(Error::Network, tr("Prometheus at %1: %2").arg(reply->url().host(), reply->errorString())));
        else
            then(body);
    });
}

void PrometheusQuery::instant(const QString &expr, SeriesCallback then)
{
    get(u"/api/v1/query"_s, {{u"query"_s, expr}}, [then](Result<QByteArray> body) {
        then(body ? decodeQuery(body.value()) : Result<QList<PromSeries>>(body.error()));
    });
}

void PrometheusQuery::range(const QString &expr, double start, double end, double step, SeriesCallback then)
{
    get(u"/api/v1/query_range"_s,
        {{u"query"_s, expr},
         {u"start"_s, QString::number(start, 'f', 3)},
         {u"end"_s, QString::number(end, 'f', 3)},
         {u"step"_s, QString::number(step, 'f', 3)}},
        [then](Result<QByteArray> body) {
            then(body ? decodeQuery(body.value()) : Result<QList<PromSeries>>(body.error()));
        });
}

void PrometheusQuery::targets(std::function<void(Result<QList<ScrapeTarget>>)> then)
{
    get(u"/api/v1/targets"_s, {{u"state"_s, u"active"_s}}, [then](Result<QByteArray> body) {
        then(body ? decodeTargets(body.value()) : Result<QList<ScrapeTarget>>(body.error()));
    });
}

} // namespace PushDeck
