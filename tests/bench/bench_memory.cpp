// Memory of the real `pushdeck` binary (figure 5 of BENCHMARKS.md): RSS of
// `pushdeck --gateway URL` (window shown on the offscreen platform, polling
// every 2 s with the default light polling) once it has refreshed a few
// times, on one gateway grown through the given sizes. The baseline, same
// run, is the same binary on the empty gateway. Refreshes are counted on the
// gateway (pushgateway_http_requests_total of api/v1/metrics): waiting for
// `--full-reads` full reads after the first one means at least
// 1 + full-reads x Poller::fullEvery() refreshes, light ones in between
// (default 0: the periodic full read comes only every 10 minutes). Then
// `--steady-ms` of polling (light refreshes every --interval-ms) before RSS
// is read.
//
//   bench_memory [--sizes 0,10000,100000] [--full-reads K] [--steady-ms MS] [--interval-ms MS] [--binary PATH]
//
// The first size must be 0 (the baseline), the second is the size the RSS
// target applies to (10k), the last the size growth is measured to; when the
// last is not 100k, growth to 100k is extrapolated linearly and labelled so.
// Prints the samples and ROW| lines for scripts/bench.sh.

#include "gateway/poller.h"
#include "seed.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <csignal>

using namespace PushDeck;

using namespace Qt::StringLiterals;
using namespace bench;

namespace {

// pushgateway_http_requests_total{code="200",handler="api/v1/metrics",method="get"}:
// the gateway counts API requests but not scrapes of /metrics, so this is
// exactly how many full reads PushDeck made (our own reads go to /metrics).
int fullReads(GatewayClient &client)
{
    const auto text = awaitFuture(client.metricsText());
    if (!text)
        return -1;
    for (const QByteArray &line : text->body.split('\n')) {
        if (line.startsWith("pushgateway_http_requests_total{") && line.contains("handler=\"api/v1/metrics\"")
            && line.contains("code=\"200\""))
            return int(line.mid(line.lastIndexOf(' ') + 1).toDouble());
    }
    return 0;
}

struct Sample
{
    int groups = 0;
    double rssMb = 0;  // VmRSS after the refreshes
    double peakMb = 0; // VmHWM: the highest RSS of the whole run
    double maxSampledMb = 0;
    double seconds = 0;
};

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

std::optional<Sample> measure(const QString &binary, const QString &configHome, GatewayClient &client, const QUrl &url,
                              int groups, int fullReadsWanted, int steadyMs)
{
    const int before = fullReads(client);
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, configHome);
    env.insert(u"QT_LOGGING_RULES"_s, u"qt.qpa.*=false"_s);
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    app.start(binary, {u"--gateway"_s, url.toString()});
    if (!app.waitForStarted(10000)) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(binary));
        return std::nullopt;
    }
    const qint64 pid = app.processId();
    Sample sample;
    sample.groups = groups;
    // The first full read, then `fullReadsWanted` more (light ones between).
    int reads = 0;
    while (clock.elapsed() < 900000 && app.state() == QProcess::Running) {
        app.waitForFinished(250);
        sample.maxSampledMb = std::max(sample.maxSampledMb, mb(statusKb(pid, "VmRSS")));
        reads = fullReads(client) - before;
        if (reads >= 1 + fullReadsWanted)
            break;
    }
    if (app.state() != QProcess::Running || reads < 1 + fullReadsWanted) {
        std::fprintf(stderr, "pushdeck at %d groups: %d full reads before it stopped or timed out\n%s\n", groups, reads,
                     app.readAll().constData());
        app.kill();
        app.waitForFinished();
        return std::nullopt;
    }
    // The last full read left the gateway; let PushDeck decode and merge it.
    for (int i = 0; i < std::max(12, steadyMs / 250); ++i) {
        app.waitForFinished(250);
        sample.maxSampledMb = std::max(sample.maxSampledMb, mb(statusKb(pid, "VmRSS")));
    }
    sample.rssMb = mb(statusKb(pid, "VmRSS"));
    sample.peakMb = mb(statusKb(pid, "VmHWM"));
    sample.seconds = clock.elapsed() / 1000.0;
    app.terminate();
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished();
    }
    std::printf("%7d groups: RSS %.1f MB, peak (VmHWM) %.1f MB, highest sample %.1f MB, after %d full reads in %.1f s\n",
                groups, sample.rssMb, sample.peakMb, sample.maxSampledMb, reads, sample.seconds);
    std::fflush(stdout);
    return sample;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"RSS of the pushdeck binary on gateways of growing size."_s);
    parser.addHelpOption();
    parser.addOption({u"sizes"_s, u"Group counts, ascending, the first 0 (default 0,10000,100000)."_s, u"list"_s,
                      u"0,10000,100000"_s});
    parser.addOption({u"full-reads"_s, u"Full reads to wait for after the first (default 0)."_s, u"k"_s, u"0"_s});
    parser.addOption({u"steady-ms"_s, u"Polling after the full reads, before RSS is read (default 20000)."_s, u"ms"_s, u"20000"_s});
    parser.addOption({u"interval-ms"_s, u"PushDeck's poll interval (default 2000, its shortest)."_s, u"ms"_s, u"2000"_s});
    parser.addOption({u"binary"_s, u"The pushdeck executable."_s, u"path"_s, QStringLiteral(PUSHDECK_BINARY_DIR "/app/pushdeck")});
    parser.process(app);
    QList<int> sizes;
    for (const QString &size : parser.value(u"sizes"_s).split(u','))
        sizes << size.toInt();
    if (sizes.size() < 2 || sizes[0] != 0 || !std::is_sorted(sizes.cbegin(), sizes.cend()))
        qFatal("--sizes: ascending, starting with 0, at least two");
    const int fullReadsWanted = std::max(0, parser.value(u"full-reads"_s).toInt());
    const int steadyMs = std::max(0, parser.value(u"steady-ms"_s).toInt());
    const QString binary = parser.value(u"binary"_s);
    if (!QFileInfo(binary).isExecutable())
        qFatal("no pushdeck executable at %s (build the pushdeck target)", qPrintable(binary));

    // PushDeck's settings live in a temporary XDG_CONFIG_HOME: the poll
    // interval for this run, and nothing of the user's own.
    QTemporaryDir config;
    QDir(config.path()).mkpath(u"PushDeck"_s);
    {
        QFile conf(config.filePath(u"PushDeck/pushdeck.conf"_s));
        if (!conf.open(QIODevice::WriteOnly))
            qFatal("cannot write the settings");
        conf.write("[poll]\nintervalMs=" + parser.value(u"interval-ms"_s).toLatin1() + '\n');
    }

    auto gateway = startGateway();
    if (!gateway)
        return 2;
    auto client = makeClient(gateway->url());
    Poller cadence(nullptr);
    cadence.setIntervalMs(parser.value(u"interval-ms"_s).toInt());
    const int fullEvery = cadence.fullEvery();
    std::printf("pushdeck %s, poll every %s ms, light polling with a full read every %d polls; waiting for %d full "
                "reads after the first (>= %d refreshes), then %d ms of polling\n",
                qPrintable(binary), qPrintable(parser.value(u"interval-ms"_s)), fullEvery, fullReadsWanted,
                1 + fullReadsWanted * fullEvery, steadyMs);

    QList<Sample> samples;
    int seeded = 0;
    for (int size : sizes) {
        if (size > seeded && !seed(*client, seeded, size - seeded, 32))
            return 1;
        seeded = size;
        const auto sample = measure(binary, config.path(), *client, gateway->url(), size, fullReadsWanted, steadyMs);
        if (!sample)
            return 1;
        samples << *sample;
    }

    const Sample &empty = samples.first();
    const Sample &target = samples[1];
    const Sample &large = samples.last();
    const QString emptyText = u"%1 (empty gateway)"_s.arg(u"%1 MB"_s.arg(empty.rssMb, 0, 'f', 1));
    const QString after = u"5. memory: RSS after %1 full read(s) and %2 s of light polling"_s.arg(1 + fullReadsWanted).arg(steadyMs / 1000);
    row(after, target.groups,
        u"%1 MB"_s.arg(target.rssMb, 0, 'f', 1), emptyText, target.rssMb / empty.rssMb, u"≤ 150 MB"_s,
        target.rssMb <= 150, u"VmRSS of pushdeck --gateway, window shown offscreen"_s);
    row(u"5. memory: peak RSS (VmHWM) over those refreshes"_s, target.groups, u"%1 MB"_s.arg(target.peakMb, 0, 'f', 1),
        u"%1 MB (empty gateway)"_s.arg(empty.peakMb, 0, 'f', 1), target.peakMb / empty.peakMb, u"≤ 150 MB"_s,
        target.peakMb <= 150, u"includes decoding a full read"_s);
    for (qsizetype i = 2; i < samples.size(); ++i) {
        const Sample &s = samples[i];
        row(after, s.groups,
            u"%1 MB (peak %2 MB)"_s.arg(s.rssMb, 0, 'f', 1).arg(s.peakMb, 0, 'f', 1), emptyText, s.rssMb / empty.rssMb,
            u"–"_s, true, u"for the growth below"_s);
    }
    if (large.groups == 100000 && target.groups == 10000) {
        const double growth = large.rssMb / target.rssMb;
        const double peakGrowth = large.peakMb / target.peakMb;
        row(u"5. memory: growth 10k → 100k groups (RSS)"_s, 100000, u"%1 MB"_s.arg(large.rssMb, 0, 'f', 1),
            u"%1 MB at 10k"_s.arg(target.rssMb, 0, 'f', 1), growth, u"≤ 11x"_s, growth <= 11,
            u"measured; peak (VmHWM) grows %1x"_s.arg(peakGrowth, 0, 'f', 2));
    } else if (large.groups > target.groups) {
        // Linear in the number of groups, through the two measured sizes.
        const double perGroup = (large.rssMb - target.rssMb) / double(large.groups - target.groups);
        const double at100k = target.rssMb + perGroup * (100000 - target.groups);
        const double growth = at100k / target.rssMb;
        row(u"5. memory: growth %1 → 100k groups (RSS), EXTRAPOLATED"_s.arg(target.groups), 100000,
            u"%1 MB (extrapolated)"_s.arg(at100k, 0, 'f', 1), u"%1 MB at %2"_s.arg(target.rssMb, 0, 'f', 1).arg(target.groups),
            growth, u"≤ 11x"_s, growth <= 11,
            u"linear through %1 and %2 groups (%3 kB per group); 100k not measured in this run"_s.arg(target.groups)
                .arg(large.groups)
                .arg(perGroup * 1024, 0, 'f', 2));
    }
    return 0;
}
