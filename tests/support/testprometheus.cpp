#include "testprometheus.h"

#include "gateway/localgateway.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>


using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString yamlQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
}

} // namespace

TestPrometheus::TestPrometheus(TestPrometheusOptions options)
    : m_options(std::move(options))
{
}

TestPrometheus::~TestPrometheus()
{
    stop();
}

QString TestPrometheus::findBinary(const QString &preferred)
{
    QString name = preferred;
    if (name.isEmpty())
        name = qEnvironmentVariable("PUSHDECK_PROMETHEUS_BINARY");
    if (name.isEmpty())
        name = u"prometheus"_s;
    if (name.contains(u'/'))
        return QFile::exists(name) ? name : QString();
    return QStandardPaths::findExecutable(name);
}

QUrl TestPrometheus::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

bool TestPrometheus::start(int readyTimeoutMs)
{
    const QString binary = findBinary(m_options.binary);
    if (binary.isEmpty()) {
        m_error = u"prometheus not found (install Debian's prometheus or set PUSHDECK_PROMETHEUS_BINARY)"_s;
        qWarning("%s", qPrintable(m_error));
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory: "_s + m_dir.errorString();
        return false;
    }
    // The scrape config: one job per target, honor_labels as PushDeck's
    // generated rules assume.
    QString config = u"global:\n  scrape_interval: %1\n  evaluation_interval: %1\n"_s.arg(m_options.scrapeInterval);
    if (!m_options.ruleFiles.isEmpty()) {
        config += u"rule_files:\n"_s;
        for (const QString &file : std::as_const(m_options.ruleFiles))
            config += u"  - "_s + yamlQuoted(file) + u'\n';
    }
    config += u"scrape_configs:\n"_s;
    int index = 0;
    for (const QUrl &target : std::as_const(m_options.scrapeTargets)) {
        QString path = target.path();
        if (!path.endsWith(u'/'))
            path += u'/';
        config += u"  - job_name: %1\n    honor_labels: true\n    scheme: %2\n    metrics_path: %3\n"
                  u"    static_configs:\n      - targets: [%4]\n"_s
                      .arg(yamlQuoted(u"pushgateway-%1"_s.arg(index++)), target.scheme(), yamlQuoted(path + u"metrics"_s),
                           yamlQuoted(u"%1:%2"_s.arg(target.host()).arg(target.port())));
    }
    QFile file(m_dir.filePath(u"prometheus.yml"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
        m_error = u"cannot write "_s + file.fileName();
        return false;
    }
    file.close();

    m_port = freeLoopbackPort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    bindChildToParent(*m_process);
    QStringList arguments{u"--config.file="_s + file.fileName(),
                          u"--storage.tsdb.path="_s + m_dir.filePath(u"data"_s),
                          u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port),
                          u"--web.console.templates="_s + m_dir.path(),
                          u"--web.console.libraries="_s + m_dir.path(),
                          u"--log.level=warn"_s};
    arguments += m_options.extraArguments;
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyRead, process, [this, process] {
        m_output += process->readAll();
        if (m_output.size() > 256 * 1024)
            m_output = m_output.right(128 * 1024);
    });
    m_process->start(binary, arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = u"cannot start %1: %2"_s.arg(binary, m_process->errorString());
        qWarning("%s", qPrintable(m_error));
        return false;
    }
    const bool ready = waitFor([this] {
        if (m_process->state() != QProcess::Running)
            return true;
        int status = 0;
        get(QUrl(url().toString() + u"/-/ready"_s), &status);
        return status == 200;
    }, readyTimeoutMs);
    if (!ready || m_process->state() != QProcess::Running) {
        m_error = u"prometheus did not become ready on port %1: %2"_s.arg(m_port).arg(output().right(2000));
        qWarning("%s", qPrintable(m_error));
        stop();
        return false;
    }
    return true;
}

void TestPrometheus::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QByteArray TestPrometheus::get(const QUrl &target, int *httpStatus)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(target);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (httpStatus)
        *httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

QJsonObject TestPrometheus::api(const QString &path, const QList<std::pair<QString, QString>> &query, int *httpStatus)
{
    QUrl target(url().toString() + u"/api/v1/"_s + path);
    QUrlQuery q;
    for (const auto &[name, value] : query)
        q.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(name)), QString::fromLatin1(QUrl::toPercentEncoding(value)));
    target.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    const QByteArray body = get(target, httpStatus);
    return QJsonDocument::fromJson(body).object();
}

std::optional<QJsonArray> TestPrometheus::query(const QString &promql, QString *error)
{
    int status = 0;
    const QJsonObject answer = api(u"query"_s, {{u"query"_s, promql}}, &status);
    if (answer.value(u"status"_s).toString() != u"success"_s) {
        if (error)
            *error = answer.isEmpty() ? u"HTTP %1, no JSON"_s.arg(status) : answer.value(u"error"_s).toString();
        return std::nullopt;
    }
    return answer.value(u"data"_s).toObject().value(u"result"_s).toArray();
}

QString TestPrometheus::version()
{
    return api(u"status/buildinfo"_s, {}).value(u"data"_s).toObject().value(u"version"_s).toString();
}

bool TestPrometheus::waitForScrape(qint64 sinceMs, int timeoutMs)
{
    const qsizetype targets = m_options.scrapeTargets.size();
    return waitFor([&] {
        const auto up = query(u"up"_s);
        const auto stamps = query(u"timestamp(up)"_s);
        if (!up || !stamps || up->size() != targets || stamps->size() != targets)
            return false;
        for (const QJsonValue &sample : *up) {
            if (sample.toObject().value(u"value"_s).toArray().at(1).toString() != u"1"_s)
                return false;
        }
        for (const QJsonValue &sample : *stamps) {
            const double at = sample.toObject().value(u"value"_s).toArray().at(1).toString().toDouble();
            if (at * 1000.0 <= double(sinceMs))
                return false;
        }
        return true;
    }, timeoutMs);
}

bool TestPrometheus::waitFor(const std::function<bool()> &pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred()) {
        if (deadline.hasExpired())
            return false;
        // Let the answers and the child's output arrive meanwhile.
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace PushDeck
