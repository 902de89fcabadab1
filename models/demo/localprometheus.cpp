#include "demo/localprometheus.h"

#include "gateway/localgateway.h"
#include "core/result.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>


using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// A YAML single-quoted scalar.
QString quoted(const QString &value)
{
    return u'\'' + QString(value).replace(u"'"_s, u"''"_s) + u'\'';
}

QString durationMs(int ms)
{
    return QString::number(std::max(ms, 1)) + u"ms"_s;
}

Result<Done> writeFile(const QString &path, const QString &text);

// `msg: err` of a logfmt line, unquoted.
QString logfmtMessage(const QString &line)
{
    static const QRegularExpression field(uR"re(\b(msg|err)="((?:[^"\\]|\\.)*)")re"_s);
    QStringList parts;
    for (auto it = field.globalMatch(line); it.hasNext();) {
        const auto match = it.next();
        QString value = match.captured(2);
        value.replace(u"\\\""_s, u"\""_s);
        parts.append(value);
    }
    return parts.isEmpty() ? line.trimmed() : parts.join(u": "_s);
}

} // namespace

LocalPrometheus::LocalPrometheus(LocalPrometheusOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

LocalPrometheus::~LocalPrometheus()
{
    stop();
}

QString LocalPrometheus::findBinary(const QString &preferred)
{
    QStringList candidates;
    if (!preferred.isEmpty())
        candidates << preferred;
    const QString fromEnv = qEnvironmentVariable("PUSHDECK_PROMETHEUS");
    if (!fromEnv.isEmpty())
        candidates << fromEnv;
    candidates << u"prometheus"_s;
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

QString LocalPrometheus::configYaml(const LocalPrometheusOptions &options, const QString &rulesFile)
{
    const QUrl gateway = options.gateway;
    QString path = gateway.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    const QString interval = durationMs(options.scrapeIntervalMs);
    QString yaml;
    yaml += u"# Written by PushDeck for `pushdeck --demo`: scrapes the demo gateway.\n"_s;
    yaml += u"global:\n"_s;
    yaml += u"  scrape_interval: "_s + interval + u'\n';
    yaml += u"  scrape_timeout: "_s + interval + u'\n';
    yaml += u"  evaluation_interval: "_s + durationMs(options.evaluationIntervalMs) + u'\n';
    if (!rulesFile.isEmpty()) {
        yaml += u"rule_files:\n"_s;
        yaml += u"  - "_s + quoted(rulesFile) + u'\n';
    }
    yaml += u"scrape_configs:\n"_s;
    yaml += u"  - job_name: "_s + quoted(options.jobName) + u'\n';
    // The pushed job/instance labels win over the target's: without this,
    // every pushed series would be job="pushgateway".
    yaml += u"    honor_labels: true\n"_s;
    yaml += u"    scheme: "_s + (gateway.scheme().isEmpty() ? u"http"_s : gateway.scheme()) + u'\n';
    yaml += u"    metrics_path: "_s + quoted(path + u"/metrics"_s) + u'\n';
    yaml += u"    static_configs:\n"_s;
    yaml += u"      - targets: ["_s + quoted(u"%1:%2"_s.arg(gateway.host()).arg(gateway.port(80))) + u"]\n"_s;
    return yaml;
}

bool LocalPrometheus::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl LocalPrometheus::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QString LocalPrometheus::output() const
{
    return QString::fromLocal8Bit(m_output);
}

QString LocalPrometheus::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

void LocalPrometheus::fail(const QString &message)
{
    m_error = message;
    stop();
    Q_EMIT failed(message);
}

void LocalPrometheus::failLater(const QString &message)
{
    m_error = message;
    // Queued so that callers connected after start() still hear it.
    QTimer::singleShot(0, this, [this, message] { Q_EMIT failed(message); });
}

void LocalPrometheus::start(int readyTimeoutMs)
{
    stop();
    m_error.clear();
    m_ready = false;
    m_output.clear();

    const QString binary = findBinary(m_options.binary);
    if (binary.isEmpty()) {
        failLater(tr("prometheus was not found (looked for %1 in PATH); install the Debian package prometheus or "
                     "set PUSHDECK_PROMETHEUS")
                      .arg(m_options.binary.isEmpty() ? u"prometheus"_s : m_options.binary));
        return;
    }
    if (!m_options.gateway.isValid() || m_options.gateway.host().isEmpty()) {
        failLater(tr("no gateway for Prometheus to scrape"));
        return;
    }
    m_port = m_options.port ? m_options.port : freeLoopbackPort();
    if (m_port == 0) {
        failLater(tr("no free port on 127.0.0.1"));
        return;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/pushdeck-prometheus-XXXXXX"_s);
    if (!m_dir->isValid()) {
        failLater(tr("cannot create a directory for Prometheus: %1").arg(m_dir->errorString()));
        return;
    }
    QString rulesFile;
    if (!m_options.rules.isEmpty()) {
        rulesFile = m_dir->filePath(u"pushdeck-rules.yml"_s);
        if (Result<Done> written = writeFile(rulesFile, m_options.rules); !written) {
            failLater(written.errorString());
            return;
        }
    }
    const QString config = m_dir->filePath(u"prometheus.yml"_s);
    if (Result<Done> written = writeFile(config, configYaml(m_options, rulesFile)); !written) {
        failLater(written.errorString());
        return;
    }

    QStringList args;
    args << u"--config.file=%1"_s.arg(config);
    args << u"--storage.tsdb.path=%1"_s.arg(m_dir->filePath(u"data"_s));
    args << u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port);
    args << u"--storage.tsdb.retention.time=1d"_s;
    args << m_options.extraArguments;

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_dir->path());
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
        m_output += process->readAll();
        if (!m_ready && m_error.isEmpty()) {
            // Prometheus logs logfmt; its first error says what was wrong
            // (e.g. which rule of which file does not parse), later ones only
            // that the configuration was not applied.
            QString why;
            const QStringList lines = output().split(u'\n', Qt::SkipEmptyParts);
            for (const QString &line : lines) {
                if (line.contains(u"level=error"_s)) {
                    why = logfmtMessage(line);
                    break;
                }
            }
            if (why.isEmpty())
                why = lines.isEmpty() ? QString() : lines.constLast().trimmed();
            fail(tr("prometheus exited with code %1 before it was ready: %2").arg(code).arg(why));
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
    QTimer::singleShot(100, this, &LocalPrometheus::pollReady);
}

void LocalPrometheus::pollReady()
{
    if (!isRunning() || m_ready)
        return;
    if (QDateTime::currentMSecsSinceEpoch() > m_deadline) {
        fail(tr("prometheus did not answer on 127.0.0.1:%1 within the timeout").arg(m_port));
        return;
    }
    auto *nam = new QNetworkAccessManager(this);
    QNetworkRequest request(QUrl(url().toString() + u"/-/ready"_s));
    request.setTransferTimeout(1000);
    QNetworkReply *reply = nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, nam] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        nam->deleteLater();
        if (!isRunning())
            return;
        if (status == 200) {
            m_ready = true;
            Q_EMIT ready();
        } else {
            QTimer::singleShot(100, this, &LocalPrometheus::pollReady);
        }
    });
}

bool LocalPrometheus::startAndWait(int readyTimeoutMs)
{
    QEventLoop loop;
    bool ok = false;
    auto c1 = connect(this, &LocalPrometheus::ready, &loop, [&] { ok = true; loop.quit(); });
    auto c2 = connect(this, &LocalPrometheus::failed, &loop, [&] { ok = false; loop.quit(); });
    start(readyTimeoutMs);
    loop.exec();
    disconnect(c1);
    disconnect(c2);
    return ok;
}

void LocalPrometheus::stop()
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

namespace {

Result<Done> writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(text.toUtf8()) != text.toUtf8().size() || !file.flush())
        return Error::make(Error::Process, LocalPrometheus::tr("cannot write %1: %2").arg(path, file.errorString()));
    return Done{};
}

} // namespace

} // namespace PushDeck
