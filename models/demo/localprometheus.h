#pragma once
// Runs a real `prometheus` (Debian 2.42) as a child process for `pushdeck
// --demo`: on a free loopback port, in a temporary directory (config, rules
// file, TSDB), scraping one Pushgateway with `honor_labels: true` and loading
// a rules file PushDeck generated. The child dies with this process (also on
// a crash) and the directory goes with the object.

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTemporaryDir;

namespace PushDeck {

struct LocalPrometheusOptions
{
    QString binary;               // empty: $PUSHDECK_PROMETHEUS, then `prometheus` in PATH
    QUrl gateway;                 // the Pushgateway to scrape (its route prefix is kept)
    QString jobName = QStringLiteral("pushgateway"); // the scrape job: up{job="pushgateway"}
    int scrapeIntervalMs = 2000;
    int evaluationIntervalMs = 2000;
    QString rules;                // a rules file (YAML) to load; empty: none
    int port = 0;                 // 0: pick a free port
    QStringList extraArguments;
};

class LocalPrometheus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalPrometheus)
public:
    explicit LocalPrometheus(LocalPrometheusOptions options = {}, QObject *parent = nullptr);
    ~LocalPrometheus() override; // stops Prometheus and removes its directory

    // The binary that would be started, or an empty string when none is found.
    static QString findBinary(const QString &preferred = {});
    // The prometheus.yml for these options (rule file and port as given).
    static QString configYaml(const LocalPrometheusOptions &options, const QString &rulesFile);

    // Writes the config and rules into a new temporary directory, starts the
    // child and returns at once; emits ready() once /-/ready answers 200 and
    // the rules are loaded, or failed() with a clear message (binary missing,
    // bad config, exited, never ready within the timeout).
    void start(int readyTimeoutMs = 30000);
    bool startAndWait(int readyTimeoutMs = 30000);
    // SIGTERM, wait, then SIGKILL. Idempotent. The directory is kept until
    // the next start() or the destructor.
    void stop();

    bool isRunning() const;
    bool isReady() const { return m_ready; }
    QUrl url() const; // http://127.0.0.1:PORT
    int port() const { return m_port; }
    QString errorString() const { return m_error; }
    QString output() const;      // what Prometheus logged so far
    QString directory() const;   // the temporary directory, empty before start()
    const LocalPrometheusOptions &options() const { return m_options; }

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void stopped();

private:
    void pollReady();
    void fail(const QString &message);
    void failLater(const QString &message);

    LocalPrometheusOptions m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess *m_process = nullptr;
    int m_port = 0;
    QString m_error;
    qint64 m_deadline = 0;
    bool m_ready = false;
    QByteArray m_output;
};

} // namespace PushDeck
