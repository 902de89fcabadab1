// Steady-state refresh on a real gateway with N groups (figures 2 and 3 of
// BENCHMARKS.md), every baseline measured in this run on the same gateway:
//
//  2. what one refresh costs the gateway: bytes on the wire and time to the
//     last byte (plus the gateway's own CPU time) of PushDeck's light refresh
//     (GET /metrics as gzip protobuf, GatewayClient::metricsProtobuf) against one plain
//     GET /api/v1/metrics; also averaged over the Poller's default cadence,
//     which reads the full JSON every fullEvery() polls.
//  3. latency end to end, from the request sent to GroupTableModel updated,
//     through a Poller exactly as the GUI wires it (light: fetch, inflate,
//     scanPushTimes + mergePushTimes, setGroups; full: fetch, decodeGroups,
//     setGroups) against curl fetching the same endpoint (curl's own
//     time_total, i.e. without its process start: the stricter baseline).
//
// Between repetitions 1 % of the groups push again (an empty POST), so every
// refresh has changes to merge, as in production.
//
//   bench_refresh [--groups N] [--repetitions R] [--churn FRACTION]
//
// Prints the measurements and ROW| lines for scripts/bench.sh.

#include "items/grouptablemodel.h"
#include "gateway/poller.h"
#include "seed.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;
using namespace bench;

namespace {

struct Fetch
{
    double ttlbMs = 0;       // request sent -> last byte received
    double wireBytes = 0;    // as received (compressed if the server compressed)
    double bodyBytes = 0;    // after inflating
    QByteArray encoding;     // Content-Encoding of the answer
};

// One plain GET of the JSON, no decoding: the baseline of figure 2. Through
// QNetworkAccessManager like PushDeck's own requests, so both sides of the
// ratio pay the same client overhead.
Fetch plainGet(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    Fetch fetch;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam.get(request);
    qint64 received = 0;
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&received](qint64 r, qint64) { received = r; });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    fetch.ttlbMs = double(timer.nsecsElapsed()) / 1e6;
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        qFatal("GET %s: %s", qPrintable(url.toString()), qPrintable(reply->errorString()));
    fetch.bodyBytes = double(body.size());
    fetch.wireBytes = double(received);
    fetch.encoding = reply->rawHeader("Content-Encoding");
    reply->deleteLater();
    return fetch;
}

Fetch lightGet(GatewayClient &client)
{
    Fetch fetch;
    QElapsedTimer timer;
    timer.start();
    const auto text = awaitFuture(client.metricsProtobuf());
    fetch.ttlbMs = double(timer.nsecsElapsed()) / 1e6;
    if (!text)
        qFatal("GET /metrics: %s", qPrintable(text.errorString()));
    fetch.wireBytes = double(text->wireBytes);
    fetch.bodyBytes = double(text->body.size());
    return fetch;
}

// Drives a Poller and a GroupTableModel as GatewayView does, and times one
// refresh from refreshNow() to the return of setGroups().
class EndToEnd
{
public:
    explicit EndToEnd(const QUrl &url)
        : m_client(makeClient(url))
        , m_poller(m_client.get())
    {
        m_poller.setIntervalMs(24 * 3600 * 1000); // only refreshNow() polls
        m_timeout.setSingleShot(true);
        QObject::connect(&m_timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        QObject::connect(&m_poller, &Poller::refreshed, &m_model, [this](const QList<Group> &groups, double now) {
            QElapsedTimer merge;
            merge.start();
            m_model.setGroups(groups, now);
            m_mergeMs = double(merge.nsecsElapsed()) / 1e6;
            m_doneMs = double(m_clock.nsecsElapsed()) / 1e6;
            m_ok = true;
            m_loop.quit();
        });
        QObject::connect(&m_poller, &Poller::refreshFailed, &m_model, [this](const Error &error) {
            std::fprintf(stderr, "refresh failed: %s\n", qPrintable(error.message));
            m_ok = false;
            m_loop.quit();
        });
    }

    // Returns the latency in ms; *full says which kind of refresh it was.
    double refresh(bool light, bool *full = nullptr)
    {
        m_poller.setLightPolling(light);
        m_poller.setFullEvery(1 << 30); // light stays light (no periodic full read)
        m_ok = false;
        m_clock.start();
        if (m_poller.state() == Poller::State::Idle)
            m_poller.start();
        else
            m_poller.refreshNow();
        m_timeout.start(300000);
        m_loop.exec();
        m_timeout.stop();
        if (!m_ok)
            qFatal("refresh did not finish");
        if (full)
            *full = m_poller.lastRefreshWasFull();
        return m_doneMs;
    }

    double lastMergeMs() const { return m_mergeMs; }
    int rows() const { return m_model.rowCount(); }
    qint64 lastWireBytes() const { return m_poller.lastWireBytes(); }

private:
    std::unique_ptr<GatewayClient> m_client;
    Poller m_poller;
    GroupTableModel m_model;
    QEventLoop m_loop;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    double m_doneMs = 0;
    double m_mergeMs = 0;
    bool m_ok = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Light vs full refresh on a real gateway: bytes, gateway time, latency end to end."_s);
    parser.addHelpOption();
    parser.addOption({u"groups"_s, u"Groups to seed (default 10000)."_s, u"n"_s, u"10000"_s});
    parser.addOption({u"gateway"_s, u"Use this running gateway (seeded up to --groups) instead of starting one."_s, u"url"_s});
    parser.addOption({u"repetitions"_s, u"Repetitions per measurement; medians are reported (default 7)."_s, u"r"_s, u"7"_s});
    parser.addOption({u"churn"_s, u"Fraction of groups pushing again between refreshes (default 0.01)."_s, u"f"_s, u"0.01"_s});
    parser.process(app);
    const int n = std::max(1, parser.value(u"groups"_s).toInt());
    const int repetitions = std::max(1, parser.value(u"repetitions"_s).toInt());
    const int churn = std::max(1, int(std::lround(n * parser.value(u"churn"_s).toDouble())));
    if (curlBinary().isEmpty())
        qFatal("curl is needed for the baselines");

    const auto gateway = benchGateway(parser.value(u"gateway"_s), n);
    if (!gateway)
        return 2;
    auto client = makeClient(gateway->url);
    const qint64 pid = gatewayPid(gateway->port);
    const QUrl jsonUrl = client->urlFor(u"api/v1/metrics"_s);
    const QUrl textUrl = client->urlFor(u"metrics"_s);
    QNetworkAccessManager nam;

    // ---- Figure 2: what a refresh costs the gateway ----------------------
    lightGet(*client); // warm-up: connections, the gateway's buffers
    plainGet(nam, jsonUrl);
    QList<double> lightTtlb, fullTtlb, lightWire, fullWire, curlLightWire, curlFullWire, curlLightMs, curlFullMs;
    double lightCpu = 0, fullCpu = 0, lightBody = 0, fullBody = 0;
    QByteArray fullEncoding;
    for (int r = 0; r < repetitions; ++r) {
        if (!touch(*client, n, churn, r))
            return 1;
        double cpu = processCpuMs(pid);
        const Fetch light = lightGet(*client);
        lightCpu += processCpuMs(pid) - cpu;
        cpu = processCpuMs(pid);
        const Fetch full = plainGet(nam, jsonUrl);
        fullCpu += processCpuMs(pid) - cpu;
        lightTtlb << light.ttlbMs;
        fullTtlb << full.ttlbMs;
        lightWire << light.wireBytes;
        fullWire << full.wireBytes;
        lightBody = light.bodyBytes;
        fullBody = full.bodyBytes;
        fullEncoding = full.encoding;
        // The same requests from curl: an independent count of the bytes.
        const CurlResult curlLight = runCurl(textUrl, true, ProtobufAccept);
        const CurlResult curlFull = runCurl(jsonUrl, false);
        if (!curlLight.ok || !curlFull.ok)
            qFatal("curl failed");
        curlLightWire << curlLight.sizeDownload;
        curlFullWire << curlFull.sizeDownload;
        curlLightMs << curlLight.timeTotalMs;
        curlFullMs << curlFull.timeTotalMs;
    }
    lightCpu /= repetitions;
    fullCpu /= repetitions;

    // Which byte count is the wire? MetricsExposition::wireBytes comes from
    // QNetworkReply::downloadProgress; curl --compressed reports the
    // compressed size_download. Use curl's when they disagree, and say so.
    const double qtLightWire = median(lightWire);
    const double curlLight = median(curlLightWire);
    const bool wireBytesIsCompressed = std::abs(qtLightWire - curlLight) <= 0.02 * curlLight;
    const double lightBytes = wireBytesIsCompressed ? qtLightWire : curlLight;
    const double fullBytes = median(fullWire);

    std::printf("gateway: %d groups, %d touched between refreshes; medians of %d\n", n, churn, repetitions);
    std::printf("light GET /metrics (protobuf, gzip): body %s, MetricsExposition::wireBytes %s, curl --compressed size_download %s%s\n",
                qPrintable(bytes(lightBody)), qPrintable(bytes(qtLightWire)), qPrintable(bytes(curlLight)),
                wireBytesIsCompressed ? "" : "  <-- wireBytes is NOT the compressed size");
    std::printf("full  GET /api/v1/metrics: %s (curl %s, Content-Encoding \"%s\")\n", qPrintable(bytes(fullBody)),
                qPrintable(bytes(median(curlFullWire))), fullEncoding.constData());
    std::printf("time to last byte: light %s, full %s (curl time_total: %s, %s)\n", qPrintable(ms(median(lightTtlb))),
                qPrintable(ms(median(fullTtlb))), qPrintable(ms(median(curlLightMs))), qPrintable(ms(median(curlFullMs))));
    std::printf("gateway CPU per request: light %s, full %s\n", qPrintable(ms(lightCpu)), qPrintable(ms(fullCpu)));

    const double byteRatio = lightBytes / fullBytes;
    const double timeRatio = median(lightTtlb) / median(fullTtlb);
    const double cpuRatio = fullCpu > 0 ? lightCpu / fullCpu : 0;
    const QString wireNote = wireBytesIsCompressed
        ? u"MetricsExposition::wireBytes agrees with curl --compressed size_download"_s
        : u"compressed size from curl --compressed; MetricsExposition::wireBytes reports %1 (the inflated size)"_s.arg(bytes(qtLightWire));
    row(u"2. light refresh: bytes on the wire"_s, n, bytes(lightBytes) + u" (gzip protobuf /metrics)"_s,
        bytes(fullBytes) + u" (GET /api/v1/metrics)"_s, byteRatio, u"≤ 0.05x"_s, byteRatio <= 0.05, wireNote);
    row(u"2. light refresh: time to last byte"_s, n, ms(median(lightTtlb)), ms(median(fullTtlb)), timeRatio, u"≤ 0.4x"_s,
        timeRatio <= 0.4, u"loopback, QNetworkAccessManager both sides"_s);
    row(u"2. light refresh: gateway CPU time"_s, n, ms(lightCpu), ms(fullCpu), cpuRatio, u"≤ 0.4x"_s, cpuRatio <= 0.4,
        u"utime+stime of the gateway process per request, mean of %1"_s.arg(repetitions));

    // The Poller's default cadence reads the full JSON every fullEvery() polls.
    const int fullEvery = Poller(nullptr).fullEvery();
    const double cadenceBytes = (lightBytes * (fullEvery - 1) + fullBytes) / fullEvery;
    const double cadenceTime = (median(lightTtlb) * (fullEvery - 1) + median(fullTtlb)) / fullEvery;
    const double r = lightBytes / fullBytes;
    const QString needed = r < 0.05 ? u"; ≤ 0.05x needs a full read at most every %1 polls"_s.arg(int(std::ceil((1 - r) / (0.05 - r))))
                                    : QString();
    row(u"2. steady state at the Poller's default cadence (1 full in %1): bytes"_s.arg(fullEvery), n, bytes(cadenceBytes),
        bytes(fullBytes), cadenceBytes / fullBytes, u"≤ 0.05x"_s, cadenceBytes / fullBytes <= 0.05,
        u"mean over %1 polls%2"_s.arg(fullEvery).arg(needed));
    row(u"2. steady state at the Poller's default cadence (1 full in %1): time"_s.arg(fullEvery), n, ms(cadenceTime),
        ms(median(fullTtlb)), cadenceTime / median(fullTtlb), u"≤ 0.4x"_s, cadenceTime / median(fullTtlb) <= 0.4,
        u"mean over %1 polls"_s.arg(fullEvery));

    // ---- Figure 3: latency end to end -----------------------------------
    EndToEnd e2e(gateway->url);
    bool full = false;
    e2e.refresh(true, &full); // the first refresh is always full (no keys known yet)
    if (!full || e2e.rows() != n)
        qFatal("first refresh: full %d, %d rows (expected %d)", int(full), e2e.rows(), n);
    e2e.refresh(true, &full); // warm-up of the light path
    QList<double> oursLight, oursFull, mergeLight, mergeFull, baseLight, baseFull, baseLightWall, baseFullWall;
    int fellBack = 0;
    for (int r = 0; r < repetitions; ++r) {
        if (!touch(*client, n, churn, 100 + r))
            return 1;
        oursLight << e2e.refresh(true, &full);
        mergeLight << e2e.lastMergeMs();
        fellBack += full ? 1 : 0;
        const CurlResult curlLight = runCurl(textUrl, true, ProtobufAccept);
        if (!touch(*client, n, churn, 200 + r))
            return 1;
        oursFull << e2e.refresh(false, &full);
        mergeFull << e2e.lastMergeMs();
        if (!full)
            qFatal("a refresh with light polling off was not full");
        const CurlResult curlFull = runCurl(jsonUrl, false);
        if (!curlLight.ok || !curlFull.ok)
            qFatal("curl failed");
        baseLight << curlLight.timeTotalMs;
        baseFull << curlFull.timeTotalMs;
        baseLightWall << curlLight.wallMs;
        baseFullWall << curlFull.wallMs;
    }
    std::printf("end to end (refreshNow -> GroupTableModel::setGroups returned), medians of %d:\n", repetitions);
    std::printf("  light: %s (of which setGroups %s); curl --compressed /metrics: %s (process %s)%s\n",
                qPrintable(ms(median(oursLight))), qPrintable(ms(median(mergeLight))), qPrintable(ms(median(baseLight))),
                qPrintable(ms(median(baseLightWall))),
                fellBack ? qPrintable(u"  [%1 light refreshes fell back to full]"_s.arg(fellBack)) : "");
    std::printf("  full:  %s (of which setGroups %s); curl /api/v1/metrics: %s (process %s)\n",
                qPrintable(ms(median(oursFull))), qPrintable(ms(median(mergeFull))), qPrintable(ms(median(baseFull))),
                qPrintable(ms(median(baseFullWall))));
    const double lightE2e = median(oursLight) / median(baseLight);
    const double fullE2e = median(oursFull) / median(baseFull);
    row(u"3. light refresh end to end (→ model updated)"_s, n, ms(median(oursLight)),
        ms(median(baseLight)) + u" (curl --compressed, protobuf /metrics)"_s, lightE2e, u"≤ 1.3x"_s, lightE2e <= 1.3,
        u"median of %1; setGroups %2; curl time_total (process %3)%4"_s.arg(repetitions)
            .arg(ms(median(mergeLight)), ms(median(baseLightWall)),
                 fellBack ? u"; %1 fell back to full"_s.arg(fellBack) : QString()));
    row(u"3. full refresh end to end (→ model updated)"_s, n, ms(median(oursFull)),
        ms(median(baseFull)) + u" (curl /api/v1/metrics)"_s, fullE2e, u"≤ 1.3x"_s, fullE2e <= 1.3,
        u"median of %1; decode off the UI thread, setGroups %2; curl time_total (process %3)"_s.arg(repetitions)
            .arg(ms(median(mergeFull)), ms(median(baseFullWall))));
    return 0;
}
