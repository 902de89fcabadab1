#pragma once
// Shared by the benchmarks (header only: each bench_*.cpp is one executable):
// a real gateway for a benchmark, filled quickly with N groups of realistic
// batch-job content, and the few helpers every benchmark measures and prints
// its figures with (medians, percentiles, the gateway's CPU time, the table
// row format scripts/bench.sh collects into BENCHMARKS.md).

#include "core/awaitfuture.h"
#include "gateway/gatewayclient.h"
#include "core/groupingkey.h"
#include "format/lightrefresh.h"
#include "gateway/localgateway.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

using namespace PushDeck;

namespace bench {

using namespace Qt::StringLiterals;

// ---- Content ----------------------------------------------------------------

// Group i: one of 20 jobs, a unique instance, one of 4 sites. Four families
// (two gauges, a counter, an 8-bucket histogram) plus the gateway's two push
// time families: the shape of tests/data/metrics_bench_group.json and of the
// cost table in gateway-notes.md (about 1.2 kB of JSON per group).
inline GroupingKey groupKey(int i)
{
    static const char *const jobs[] = {"backup",       "etl-orders",   "etl-customers", "report-daily", "cleanup-tmp",
                                       "index-build",  "mail-digest",  "sync-ldap",     "export-s3",    "vacuum",
                                       "cert-renew",   "log-rotate",   "billing-run",   "ml-train",     "cache-warm",
                                       "dns-check",    "quota-scan",   "thumbnail",     "invoice-pdf",  "geo-import"};
    static const char *const sites[] = {"fra1", "ams3", "nyc1", "sgp1"};
    return GroupingKey::fromLabels({{u"job"_s, QString::fromLatin1(jobs[i % 20])},
                                    {u"instance"_s, u"db-%1"_s.arg(i, 6, 10, QChar(u'0'))},
                                    {u"site"_s, QString::fromLatin1(sites[(i / 20) % 4])}})
        .value();
}

inline QByteArray groupText(int i)
{
    const int runs = 10 + i % 40;
    QByteArray text = "# HELP batch_last_success_timestamp_seconds Unix time of the last successful run.\n"
                      "# TYPE batch_last_success_timestamp_seconds gauge\n"
                      "batch_last_success_timestamp_seconds ";
    text += QByteArray::number(1795861234.5678 + i, 'g', 17);
    text += "\n# HELP batch_records_processed Records the last run processed.\n"
            "# TYPE batch_records_processed counter\n"
            "batch_records_processed ";
    text += QByteArray::number(1000 + qint64(i) * 37 % 100000);
    text += "\n# HELP batch_exit_code Exit code of the last run.\n"
            "# TYPE batch_exit_code gauge\n"
            "batch_exit_code ";
    text += i % 97 == 0 ? "1" : "0";
    text += "\n# HELP batch_duration_seconds Time the run took.\n"
            "# TYPE batch_duration_seconds histogram\n";
    static const char *const bounds[] = {"1", "5", "10", "30", "60", "300", "600", "+Inf"};
    for (int b = 0; b < 8; ++b) {
        text += "batch_duration_seconds_bucket{le=\"";
        text += bounds[b];
        text += "\"} ";
        text += QByteArray::number(b == 7 ? runs : runs * b / 8);
        text += '\n';
    }
    text += "batch_duration_seconds_sum ";
    text += QByteArray::number(runs * 115.1625 + i % 13, 'g', 17);
    text += "\nbatch_duration_seconds_count ";
    text += QByteArray::number(runs);
    text += '\n';
    return text;
}

// ---- The gateway --------------------------------------------------------------

// Memory only, and without the consistency check (with it every push
// re-checks the whole store: 10k pushes take minutes instead of seconds).
inline std::unique_ptr<LocalGateway> startGateway()
{
    LocalGatewayOptions options;
    options.consistencyCheck = false;
    options.adminApi = true;
    auto gateway = std::make_unique<LocalGateway>(options);
    if (!gateway->startAndWait(20000)) {
        std::fprintf(stderr, "gateway did not start: %s\n", qPrintable(gateway->errorString()));
        return nullptr;
    }
    return gateway;
}

// A client that waits long enough for 100k groups of JSON.
inline std::unique_ptr<GatewayClient> makeClient(const QUrl &url)
{
    auto client = std::make_unique<GatewayClient>(url);
    ClientOptions options;
    options.timeoutMs = 300000;
    options.maxResponseBytes = 4LL * 1024 * 1024 * 1024;
    client->setOptions(options);
    return client;
}

// Runs `send(i)` for i in [first, first + count) with up to `inFlight`
// requests outstanding (a sliding window: QNetworkAccessManager runs six
// connections per host, the rest wait in its queue, so the gateway is never
// idle between batches). False, with the first error on stderr, on failure.
template<typename Send>
bool forEachInFlight(int first, int count, int inFlight, Send send)
{
    QEventLoop loop;
    int next = first;
    const int end = first + count;
    int pending = 0;
    QString error;
    std::function<void()> launch = [&] {
        while (pending < inFlight && next < end && error.isEmpty()) {
            const int i = next++;
            ++pending;
            send(i).then(&loop, [&](const Result<PushResult> &result) {
                --pending;
                if (!result && error.isEmpty())
                    error = result.errorString();
                if (pending == 0 && (next >= end || !error.isEmpty()))
                    loop.quit();
                else
                    launch();
            });
        }
    };
    launch();
    if (pending > 0)
        loop.exec();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "request failed: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

// How many groups the gateway has: the push_time_seconds series of the
// (gzip) text exposition, much cheaper than the JSON at 100k groups.
inline int groupCount(GatewayClient &client)
{
    const auto text = awaitFuture(client.metricsText());
    if (!text)
        return -1;
    const auto scanned = scanPushTimes(text->body);
    return scanned ? int(scanned->size()) : -1;
}

// Fills groups [first, first + count) (PUT, whole group) and waits until the
// gateway shows `first + count` groups.
inline bool seed(GatewayClient &client, int first, int count, int inFlight)
{
    QElapsedTimer timer;
    timer.start();
    if (!forEachInFlight(first, count, inFlight, [&](int i) { return client.push(groupKey(i), groupText(i), true); }))
        return false;
    int seen = -1;
    while (timer.elapsed() < 120000 && (seen = groupCount(client)) != first + count)
        QThread::msleep(100);
    if (seen != first + count) {
        std::fprintf(stderr, "seeding: the gateway shows %d groups, expected %d\n", seen, first + count);
        return false;
    }
    std::fprintf(stderr, "seeded %d groups in %.1f s\n", count, timer.elapsed() / 1000.0);
    return true;
}

// The gateway a benchmark runs against: a fresh one (started and stopped by
// the benchmark), or, with `existing` set, one that is already running (for
// profiling runs: seeded once, then measured under valgrind). Either way it
// ends up with at least `groups` groups of the benchmark's content.
struct BenchGateway
{
    std::unique_ptr<LocalGateway> local;
    QUrl url;
    int port = 0;
};

inline std::optional<BenchGateway> benchGateway(const QString &existing, int groups)
{
    BenchGateway gateway;
    if (existing.isEmpty()) {
        gateway.local = startGateway();
        if (!gateway.local)
            return std::nullopt;
        gateway.url = gateway.local->url();
    } else {
        gateway.url = QUrl(existing);
    }
    gateway.port = gateway.url.port();
    auto client = makeClient(gateway.url);
    const int have = existing.isEmpty() ? 0 : groupCount(*client);
    if (have < 0) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(existing));
        return std::nullopt;
    }
    if (have < groups && !seed(*client, have, groups - have, 32))
        return std::nullopt;
    return gateway;
}

// Steady-state churn between refreshes: `count` groups (spread over the
// key space) push again. An empty POST only updates push_time_seconds.
inline bool touch(GatewayClient &client, int groups, int count, int round)
{
    if (groups <= 0 || count <= 0)
        return true;
    const int step = std::max(1, groups / count);
    return forEachInFlight(0, std::min(count, groups), 16, [&](int k) {
        return client.push(groupKey((k * step + round) % groups), QByteArray(), false);
    });
}

// The gateway process listening on 127.0.0.1:port (found by its unique
// listen address), for its CPU time; 0 when not found.
inline qint64 gatewayPid(int port)
{
    const QByteArray needle = "--web.listen-address=127.0.0.1:" + QByteArray::number(port);
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool ok = false;
        const qint64 n = pid.toLongLong(&ok);
        if (!ok)
            continue;
        QFile file(u"/proc/%1/cmdline"_s.arg(n));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = file.readAll().split('\0');
        if (args.contains(needle))
            return n;
    }
    return 0;
}

// User + system CPU time of a process in ms (clock-tick resolution, 10 ms:
// sum over several requests before dividing).
inline double processCpuMs(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(fields[11].toLongLong() + fields[12].toLongLong()); // utime, stime
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// A field of /proc/PID/status in kB (VmRSS, VmHWM), -1 when unreadable.
inline qint64 statusKb(qint64 pid, const char *field)
{
    QFile file(u"/proc/%1/status"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// ---- Statistics and output -------------------------------------------------

inline double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min(values.size() - 1, qsizetype(p / 100.0 * double(values.size() - 1) + 0.5));
    return values[index];
}

inline double median(const QList<double> &values)
{
    return percentile(values, 50);
}

inline QString curlBinary()
{
    return QStandardPaths::findExecutable(u"curl"_s);
}

struct CurlResult
{
    bool ok = false;
    double sizeDownload = 0; // bytes on the wire (compressed when --compressed)
    double timeTotalMs = 0;  // curl's own request time, without its start-up
    double wallMs = 0;       // the whole process
};

// What the light refresh asks /metrics for (GatewayClient::metricsProtobuf).
inline const QString ProtobufAccept =
    QStringLiteral("Accept: application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");

inline CurlResult runCurl(const QUrl &url, bool compressed, const QString &header = {})
{
    QStringList args{u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code} %{size_download} %{time_total}"_s};
    if (compressed)
        args << u"--compressed"_s;
    if (!header.isEmpty())
        args << u"-H"_s << header;
    args << url.toString(QUrl::FullyEncoded);
    QProcess curl;
    QElapsedTimer timer;
    timer.start();
    curl.start(curlBinary(), args);
    CurlResult result;
    if (!curl.waitForFinished(300000) || curl.exitCode() != 0)
        return result;
    result.wallMs = double(timer.nsecsElapsed()) / 1e6;
    const QList<QByteArray> out = curl.readAllStandardOutput().trimmed().split(' ');
    if (out.size() != 3 || out[0] != "200")
        return result;
    result.sizeDownload = out[1].toDouble();
    result.timeTotalMs = out[2].toDouble() * 1000.0;
    result.ok = true;
    return result;
}

// One row of the summary table in BENCHMARKS.md; scripts/bench.sh collects
// every line that starts with "ROW|". Columns: figure, groups, PushDeck,
// baseline (same run), ratio, target, met, note.
inline void row(const QString &figure, int groups, const QString &ours, const QString &baseline, double ratio,
                const QString &target, bool met, const QString &note = {})
{
    std::printf("ROW|%s|%d|%s|%s|%s|%s|%s|%s\n", qPrintable(figure), groups, qPrintable(ours), qPrintable(baseline),
                qPrintable(QString::number(ratio, 'f', ratio < 0.1 ? 3 : 2) + u'x'), qPrintable(target),
                met ? "yes" : "**no**", qPrintable(note));
    std::fflush(stdout);
}

inline QString ms(double value)
{
    return value < 10 ? u"%1 ms"_s.arg(value, 0, 'f', 2) : u"%1 ms"_s.arg(value, 0, 'f', 1);
}

inline QString bytes(double value)
{
    if (value >= 1e6)
        return u"%1 MB"_s.arg(value / 1e6, 0, 'f', 2);
    if (value >= 1e3)
        return u"%1 kB"_s.arg(value / 1e3, 0, 'f', 1);
    return u"%1 B"_s.arg(value, 0, 'f', 0);
}

} // namespace bench
