#pragma once
// A real `prometheus` for one test: started on a free loopback port with its
// own temporary --storage.tsdb.path and config, scraping the given targets
// with honor_labels: true at a short interval, stopped (and its directory
// removed) in the destructor. Never the system service. The child dies with
// the test process, also when the test crashes or times out.

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace PushDeck {

struct TestPrometheusOptions
{
    QString binary;                 // empty: $PUSHDECK_PROMETHEUS_BINARY, then PATH
    QList<QUrl> scrapeTargets;      // gateways (base URLs; /metrics under their path)
    QString scrapeInterval = QStringLiteral("1s");
    QStringList ruleFiles;          // copied into rule_files: as given
    QStringList extraArguments;
};

class TestPrometheus
{
public:
    explicit TestPrometheus(TestPrometheusOptions options = {});
    ~TestPrometheus();

    // The binary that would be started, or empty when there is none (tests
    // QSKIP then).
    static QString findBinary(const QString &preferred = {});

    // Starts and waits until /-/ready answers 200. QVERIFY-friendly: false
    // with a message (qWarning, errorString()) when it did not start.
    bool start(int readyTimeoutMs = 30000);
    void stop();

    QUrl url() const; // http://127.0.0.1:PORT
    QString errorString() const { return m_error; }
    QString output() const { return QString::fromUtf8(m_output); }
    // /api/v1/status/buildinfo's version, e.g. "2.42.0+ds".
    QString version();

    // GET /api/v1/<path>?<query> synchronously: the answer's JSON object
    // (status, data or errorType/error) and the HTTP status in *httpStatus.
    // An empty object when there was no parseable answer.
    QJsonObject api(const QString &path, const QList<std::pair<QString, QString>> &query, int *httpStatus = nullptr);
    // An instant query: the result vector, or nullopt when Prometheus
    // refused the query (*error gets its message).
    std::optional<QJsonArray> query(const QString &promql, QString *error = nullptr);
    // Waits until every scrape target is up (up == 1 for all of them) and
    // has been scraped at least once after `since` (ms since epoch; 0: any).
    bool waitForScrape(qint64 sinceMs = 0, int timeoutMs = 30000);
    bool waitFor(const std::function<bool()> &pred, int timeoutMs = 30000);

private:
    QByteArray get(const QUrl &url, int *httpStatus);

    TestPrometheusOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_error;
    QByteArray m_output;
};

} // namespace PushDeck
