#include "gateway/localgateway.h"

#include <QDateTime>
#include <QFileInfo>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>

#include <csignal>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace PushDeck {

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

void bindChildToParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process);
#endif
}

LocalGateway::LocalGateway(LocalGatewayOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

LocalGateway::~LocalGateway()
{
    stop();
}

QString LocalGateway::findBinary(const QString &preferred)
{
    QStringList candidates;
    if (!preferred.isEmpty())
        candidates << preferred;
    const QString fromEnv = qEnvironmentVariable("PUSHDECK_PUSHGATEWAY");
    if (!fromEnv.isEmpty())
        candidates << fromEnv;
    candidates << u"prometheus-pushgateway"_s << u"pushgateway"_s;
    for (const QString &candidate : std::as_const(candidates)) {
        if (candidate.contains(u'/')) {
            if (QFileInfo(candidate).isExecutable())
                return candidate;
            continue;
        }
        const QString found = QStandardPaths::findExecutable(candidate);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

bool LocalGateway::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl LocalGateway::url() const
{
    QUrl url;
    url.setScheme(m_options.tls ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    if (!m_options.routePrefix.isEmpty())
        url.setPath(m_options.routePrefix);
    return url;
}

QString LocalGateway::output() const
{
    return QString::fromLocal8Bit(m_output);
}

void LocalGateway::fail(const QString &message)
{
    m_error = message;
    stop();
    Q_EMIT failed(message);
}

void LocalGateway::start(int readyTimeoutMs)
{
    stop();
    m_error.clear();
    m_ready = false;
    m_output.clear();

    const QString binary = findBinary(m_options.binary);
    if (binary.isEmpty()) {
        // Queued so that callers connected after start() still hear it.
        m_error = tr("prometheus-pushgateway was not found (looked for %1 in PATH); install the Debian package "
                     "prometheus-pushgateway or set PUSHDECK_PUSHGATEWAY")
                      .arg(m_options.binary.isEmpty() ? u"prometheus-pushgateway"_s : m_options.binary);
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(m_error); });
        return;
    }
    if (m_port == 0 || m_options.port != 0)
        m_port = m_options.port ? m_options.port : freeLoopbackPort();
    if (m_port == 0) {
        m_error = tr("no free port on 127.0.0.1");
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(m_error); });
        return;
    }

    QStringList args;
    args << u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port);
    // Debian's build defaults to a shared file in /var/lib: always say which.
    args << u"--persistence.file=%1"_s.arg(m_options.persistenceFile);
    if (m_options.persistenceIntervalMs > 0)
        args << u"--persistence.interval=%1ms"_s.arg(m_options.persistenceIntervalMs);
    if (m_options.adminApi)
        args << u"--web.enable-admin-api"_s;
    if (!m_options.consistencyCheck)
        args << u"--push.disable-consistency-check"_s;
    if (!m_options.webConfigFile.isEmpty())
        args << u"--web.config.file=%1"_s.arg(m_options.webConfigFile);
    if (!m_options.routePrefix.isEmpty())
        args << u"--web.route-prefix=%1"_s.arg(m_options.routePrefix);
    args << m_options.extraArguments;

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    bindChildToParent(*m_process);
    QProcess *process = m_process;
    connect(process, &QProcess::readyRead, this, [this, process] {
        m_output += process->readAll();
        if (m_output.size() > 256 * 1024)
            m_output = m_output.right(128 * 1024);
    });
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus) {
        if (process != m_process)
            return;
        if (!m_ready && m_error.isEmpty()) {
            const QString log = output().trimmed().section(u'\n', -3);
            fail(tr("prometheus-pushgateway exited with code %1 before it was ready: %2").arg(code).arg(log));
        } else if (m_ready) {
            m_ready = false;
            Q_EMIT stopped();
        }
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, binary](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        fail(tr("could not start %1: %2").arg(binary, process->errorString()));
    });

    m_deadline = QDateTime::currentMSecsSinceEpoch() + readyTimeoutMs;
    m_process->start(binary, args);
    QTimer::singleShot(50, this, &LocalGateway::pollReady);
}

void LocalGateway::pollReady()
{
    if (!isRunning() || m_ready)
        return;
    if (QDateTime::currentMSecsSinceEpoch() > m_deadline) {
        fail(tr("prometheus-pushgateway did not answer on 127.0.0.1:%1 within the timeout").arg(m_port));
        return;
    }
    auto *nam = new QNetworkAccessManager(this);
    QNetworkRequest request(QUrl(url().toString() + u"/-/ready"_s));
    request.setTransferTimeout(1000);
    if (m_options.probeSsl)
        request.setSslConfiguration(*m_options.probeSsl);
    if (!m_options.probeAuthorization.isEmpty())
        request.setRawHeader("Authorization", m_options.probeAuthorization);
    QNetworkReply *reply = nam->get(request);
    if (!m_options.probeSsl)
        connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    const bool authIsUp = !m_options.webConfigFile.isEmpty() && m_options.probeAuthorization.isEmpty();
    connect(reply, &QNetworkReply::finished, this, [this, reply, nam, authIsUp] {
        int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401 && authIsUp)
            status = 200; // it answers; credentials are the caller's business
        reply->deleteLater();
        nam->deleteLater();
        if (!isRunning())
            return;
        if (status == 200) {
            m_ready = true;
            Q_EMIT ready();
        } else {
            QTimer::singleShot(50, this, &LocalGateway::pollReady);
        }
    });
}

bool LocalGateway::startAndWait(int readyTimeoutMs)
{
    QEventLoop loop;
    bool ok = false;
    auto c1 = connect(this, &LocalGateway::ready, &loop, [&] { ok = true; loop.quit(); });
    auto c2 = connect(this, &LocalGateway::failed, &loop, [&] { ok = false; loop.quit(); });
    start(readyTimeoutMs);
    loop.exec();
    disconnect(c1);
    disconnect(c2);
    return ok;
}

bool LocalGateway::restartAndWait(int readyTimeoutMs)
{
    const int port = m_port;
    stop();
    const int configured = m_options.port;
    m_options.port = port;
    const bool ok = startAndWait(readyTimeoutMs);
    m_options.port = configured;
    return ok;
}

void LocalGateway::stop()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    const bool wasReady = m_ready;
    m_ready = false;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(2000);
        }
    }
    m_output += process->readAll();
    delete process;
    if (wasReady)
        Q_EMIT stopped();
}

} // namespace PushDeck
