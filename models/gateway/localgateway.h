#pragma once
// Runs a real `prometheus-pushgateway` as a child process on a free loopback
// port. Used by `pushdeck --demo`, the tests and the benchmarks. The child is
// bound to this process' lifetime (it dies with us, also on a crash).

#include <QObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace PushDeck {

struct LocalGatewayOptions
{
    QString binary;                  // empty: $PUSHDECK_PUSHGATEWAY, then PATH
    bool adminApi = true;            // --web.enable-admin-api
    QString persistenceFile;         // empty: memory only (--persistence.file=)
    int persistenceIntervalMs = 0;   // --persistence.interval, 0: gateway default
    bool consistencyCheck = true;    // false: --push.disable-consistency-check
    QString webConfigFile;           // --web.config.file (TLS, basic auth)
    bool tls = false;                // the web config enables TLS: url() is https
    // The readiness probe (GET /-/ready) against a gateway with a web config.
    // Without probeSsl the probe accepts any server certificate (it is our
    // own child on loopback); a gateway that requires client certificates
    // needs one here. Without probeAuthorization a 401 counts as "up".
    std::optional<QSslConfiguration> probeSsl;
    QByteArray probeAuthorization;
    QString routePrefix;             // --web.route-prefix, e.g. "/pg"
    int port = 0;                    // 0: pick a free port
    QStringList extraArguments;
};

// For the local processes PushDeck starts (this gateway, the demo's
// Prometheus, the test fixtures): a free TCP port on 127.0.0.1 (0 when none),
// and a child bound to this process so it never outlives it, not after a
// crash nor after a test runner's timeout (PR_SET_PDEATHSIG on Linux).
int freeLoopbackPort();
void bindChildToParent(QProcess &process);

class LocalGateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalGateway)
public:
    explicit LocalGateway(LocalGatewayOptions options = {}, QObject *parent = nullptr);
    ~LocalGateway() override; // stops the gateway

    // The binary that would be started, or an empty string when none is found.
    static QString findBinary(const QString &preferred = {});

    // Starts the child and returns at once; emits ready() once /-/ready
    // answers 200, or failed() with a clear message (binary missing, exited,
    // port never opened within the timeout).
    void start(int readyTimeoutMs = 15000);
    // Blocking convenience for tests and the CLI: start() and wait.
    bool startAndWait(int readyTimeoutMs = 15000);
    // SIGTERM, wait, then SIGKILL. Idempotent.
    void stop();
    // stop() then start() on the same port with the same options.
    bool restartAndWait(int readyTimeoutMs = 15000);

    bool isRunning() const;
    QUrl url() const;            // http://127.0.0.1:PORT (+ route prefix)
    int port() const { return m_port; }
    QString errorString() const { return m_error; }
    QString output() const;      // what the gateway logged so far
    const LocalGatewayOptions &options() const { return m_options; }

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void stopped();

private:
    void pollReady();
    void fail(const QString &message);

    LocalGatewayOptions m_options;
    QProcess *m_process = nullptr;
    int m_port = 0;
    QString m_error;
    qint64 m_deadline = 0;
    bool m_ready = false;
    QByteArray m_output;
};

} // namespace PushDeck
