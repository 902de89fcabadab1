// Bulk delete of N groups (default 10,000; argv[1]) on a real gateway:
// BulkDeleter (undo snapshot, audit log, verified by re-reading) against the
// baseline operators use, `xargs -P8 -n250 curl -s -o /dev/null -X DELETE`
// over the same URLs, both measured in this run on a freshly seeded gateway.
// Prints the rates, the ratio (target: >= 0.8) and a markdown table row.
//
//   bench_bulkdelete [N] [rounds]        (defaults: 10000, 3; best round counts)
//   env BENCH_CONCURRENCY, BENCH_NO_SNAPSHOT, BENCH_NO_AUDIT: for profiling

#include "operations/auditlog.h"
#include "core/awaitfuture.h"
#include "operations/bulkdeleter.h"
#include "operations/snapshot.h"
#include "testgateway.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QFileInfo>
#include <QLocale>

#include <cstdio>

#include <sys/resource.h>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

// Four families incl. a histogram, as in the gateway notes' cost table.
const QByteArray Families = R"(# TYPE up gauge
up 1
# TYPE last_success gauge
last_success 1.7958602756038795e+09
# TYPE rows counter
rows 12345
# TYPE duration histogram
duration_bucket{le="0.1"} 1
duration_bucket{le="1"} 3
duration_bucket{le="+Inf"} 4
duration_sum 2.5
duration_count 4
)";

QList<GroupingKey> benchKeys(int count)
{
    QList<GroupingKey> keys;
    keys.reserve(count);
    for (int i = 0; i < count; ++i) {
        // Some values need the @base64 form, as real keys do.
        const QString instance = i % 10 == 0 ? u"10.0.%1.%2:9100/x"_s.arg(i / 256).arg(i % 256) : u"host-%1"_s.arg(i);
        keys.append(GroupingKey::fromLabels({{u"job"_s, u"bench"_s}, {u"instance"_s, instance}}).value());
    }
    return keys;
}

// CPU seconds (user + system) of this process or of its waited-for children.
double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

bool seed(GatewayClient &client, const QList<GroupingKey> &keys)
{
    constexpr int Batch = 64;
    for (qsizetype start = 0; start < keys.size(); start += Batch) {
        QList<QFuture<Result<PushResult>>> futures;
        for (qsizetype i = start; i < std::min(keys.size(), start + Batch); ++i)
            futures.append(client.push(keys[i], Families, true));
        for (auto &future : futures) {
            const auto result = awaitFuture(future);
            if (!result) {
                std::fprintf(stderr, "seed failed: %s\n", qPrintable(result.errorString()));
                return false;
            }
        }
    }
    return true;
}

int groupCount(GatewayClient &client)
{
    const auto groups = awaitFuture(client.groups());
    return groups ? int(groups->size()) : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, atoi(argv[1])) : 10000;
    // Best of a few rounds: other work on a small machine disturbs single runs.
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty() || QStandardPaths::findExecutable(u"xargs"_s).isEmpty()) {
        std::fprintf(stderr, "curl and xargs are needed for the baseline\n");
        return 2;
    }

    LocalGatewayOptions options;
    options.consistencyCheck = false; // seeding 10k groups with the check takes minutes
    TestGateway gateway(options);
    if (!gateway.start())
        return 2;
    GatewayClient &client = gateway.client();
    const QList<GroupingKey> keys = benchKeys(n);

    QTemporaryDir dir;
    const QString urlFile = dir.filePath(u"urls.txt"_s);
    {
        QFile file(urlFile);
        if (!file.open(QIODevice::WriteOnly))
            return 2;
        for (const auto &key : keys)
            file.write(client.urlFor(key.toPath()).toEncoded() + '\n');
    }

    double bestOurs = 0, bestBaseline = 0;
    for (int round = 1; round <= rounds; ++round) {
        // --- PushDeck: BulkDeleter with snapshot, audit log and verification.
        QElapsedTimer clock;
        clock.start();
        if (!seed(client, keys))
            return 1;
        // Without the consistency check the gateway answers before applying.
        while (groupCount(client) != n && clock.elapsed() < 60000)
            QThread::msleep(20);
        const qint64 seedMs = clock.elapsed();
        const auto preview = awaitFuture(client.groups());
        if (!preview || preview->size() != n) {
            std::fprintf(stderr, "seeding gave %lld groups\n", preview ? qint64(preview->size()) : -1LL);
            return 1;
        }
        SnapshotStore store(dir.filePath(u"snapshots"_s));
        AuditLog log(dir.filePath(u"audit.jsonl"_s));
        BulkDeleteOptions deleteOptions;
        if (qEnvironmentVariableIsSet("BENCH_CONCURRENCY"))
            deleteOptions.concurrency = qEnvironmentVariableIntValue("BENCH_CONCURRENCY");
        BulkDeleter deleter(&client, *preview, deleteOptions);
        if (!qEnvironmentVariableIsSet("BENCH_NO_SNAPSHOT"))
            deleter.setSnapshotStore(&store);
        if (!qEnvironmentVariableIsSet("BENCH_NO_AUDIT"))
            deleter.setAuditLog(&log);
        clock.restart();
        const double cpuBefore = cpuSeconds(RUSAGE_SELF);
        const BulkDeleteReport report = awaitFuture(deleter.run());
        const double oursSeconds = clock.nsecsElapsed() / 1e9;
        const double oursCpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
        if (report.count(DeleteOutcome::Deleted) != n) {
            std::fprintf(stderr, "BulkDeleter: %s\n", qPrintable(report.summary()));
            return 1;
        }

        // --- Baseline: xargs + curl over the same URLs.
        if (!seed(client, keys))
            return 1;
        clock.restart();
        while (groupCount(client) != n && clock.elapsed() < 60000)
            QThread::msleep(20);
        QProcess baseline;
        baseline.setStandardInputFile(urlFile);
        baseline.setStandardOutputFile(QProcess::nullDevice());
        clock.restart();
        const double childrenBefore = cpuSeconds(RUSAGE_CHILDREN);
        baseline.start(u"xargs"_s, {u"-P8"_s, u"-n250"_s, u"curl"_s, u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-X"_s, u"DELETE"_s});
        if (!baseline.waitForFinished(600000) || baseline.exitCode() != 0) {
            std::fprintf(stderr, "baseline failed: %s\n", baseline.readAllStandardError().constData());
            return 1;
        }
        const double baselineSeconds = clock.nsecsElapsed() / 1e9;
        const double baselineCpu = cpuSeconds(RUSAGE_CHILDREN) - childrenBefore;
        // Not part of the baseline's time (it does not verify), but the
        // comparison is only fair if it did delete everything.
        QElapsedTimer settle;
        settle.start();
        while (groupCount(client) != 0 && settle.elapsed() < 30000)
            QThread::msleep(50);
        if (groupCount(client) != 0) {
            std::fprintf(stderr, "baseline left groups behind\n");
            return 1;
        }

        const double ours = n / oursSeconds;
        const double base = n / baselineSeconds;
        bestOurs = std::max(bestOurs, ours);
        bestBaseline = std::max(bestBaseline, base);
        std::printf("round %d: seeded %d groups in %.2f s\n", round, n, seedMs / 1000.0);
        std::printf("  BulkDeleter (snapshot %s, audit, verified in %d read(s)): %.3f s = %.0f groups/s "
                    "(sending %.3f s; client CPU %.2f s)\n",
                    qPrintable(QLocale().formattedDataSize(QFileInfo(report.snapshotPath).size())), report.verifyReads,
                    oursSeconds, ours, report.sendMs / 1000.0, oursCpu);
        // The re-read of push times before each batch: how many, and the
        // longest time from a batch's read to its last DELETE answer (the
        // window in which a new push can still be lost).
        std::printf("  re-reads before batches: %d batch(es), %d via JSON, longest window %lld ms\n", report.batches,
                    report.jsonRereads, qint64(report.maxWindowMs));
        std::printf("  baseline xargs -P8 -n250 curl -X DELETE: %.3f s = %.0f groups/s (client CPU %.2f s)\n",
                    baselineSeconds, base, baselineCpu);
        std::printf("  ratio: %.2f (target >= 0.80)\n", ours / base);
    }
    std::printf("\n| bulk delete, %d groups (verified) | %.0f groups/s | xargs -P8 -n250 curl: %.0f groups/s | %.2f |\n", n,
                bestOurs, bestBaseline, bestOurs / bestBaseline);
    return 0;
}
