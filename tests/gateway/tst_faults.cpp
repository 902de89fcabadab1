// Faults a real gateway cannot produce, served by FakeHttpServer: every one
// gives a clear error (never a crash or a half-filled result), the poller
// keeps the last good data's time and backs off, and recovers when the
// server behaves again. Bounded: responses above the size limit fail.

#include "core/awaitfuture.h"
#include "fakehttpserver.h"
#include "gateway/gatewayclient.h"
#include "gateway/poller.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

QByteArray realMetrics()
{
    QFile file(QStringLiteral(PUSHDECK_SOURCE_DIR "/tests/data/metrics_variety.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data");
    return file.readAll();
}

QByteArray realStatus()
{
    QFile file(QStringLiteral(PUSHDECK_SOURCE_DIR "/tests/data/status.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data");
    return file.readAll();
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clearErrors_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated json") << 0 << int(Error::Decode) << u""_s;
        QTest::newRow("invalid utf-8") << 1 << int(Error::Decode) << u""_s;
        QTest::newRow("html page") << 2 << int(Error::NotAGateway) << u"HTML"_s;
        QTest::newRow("other json") << 3 << int(Error::NotAGateway) << u""_s;
        QTest::newRow("401") << 4 << int(Error::Http) << u"HTTP 401"_s;
        QTest::newRow("403") << 5 << int(Error::Http) << u"HTTP 403"_s;
        QTest::newRow("404") << 6 << int(Error::NotAGateway) << u"404"_s;
        QTest::newRow("500") << 7 << int(Error::Http) << u"HTTP 500"_s;
        QTest::newRow("503") << 8 << int(Error::Http) << u"HTTP 503"_s;
        QTest::newRow("reset mid-body") << 9 << -1 << u""_s;
        QTest::newRow("redirect loop") << 10 << int(Error::Network) << u""_s;
        QTest::newRow("too large") << 11 << int(Error::TooLarge) << u"limit"_s;
        QTest::newRow("slow drip") << 12 << int(Error::Timeout) << u"within"_s;
        QTest::newRow("garbage") << 13 << int(Error::Decode) << u""_s;
    }

    void clearErrors()
    {
        QFETCH(int, fault);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        const QByteArray good = realMetrics();
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &request) {
            FakeHttpServer::Response r = FakeHttpServer::json(good);
            switch (fault) {
            case 0: r.body = good.left(good.size() / 2); break;
            case 1: r.body = QByteArray(good).replace("\"job\"", "\"j\xff\xfe" "b\""); break;
            case 2: return FakeHttpServer::html("<!DOCTYPE html><html><body>Grafana</body></html>");
            case 3: r.body = R"({"status":"success","data":{"resultType":"vector","result":[]}})"; break;
            case 4: r.status = 401; r.body = "Unauthorized\n"; break;
            case 5: r.status = 403; r.body = "Forbidden\n"; break;
            case 6: r.status = 404; r.body = "404 page not found\n"; break;
            case 7: r.status = 500; r.body = "internal error\n"; break;
            case 8: r.status = 503; r.body = "Service Unavailable\n"; break;
            case 9: r.truncateAt = int(good.size() / 3); break;
            case 10:
                r.status = 302;
                r.body.clear();
                r.headers.append({"Location", request.path});
                break;
            case 11: r.body = QByteArray(2 * 1024 * 1024, ' '); break;
            case 12: r.dripBytes = 64; r.dripIntervalMs = 200; break;
            case 13: r.body = "\x00\x01\x02{{{["; break;
            }
            return r;
        });
        GatewayClient client(server.url());
        ClientOptions options;
        options.timeoutMs = 1500;
        options.maxResponseBytes = 1024 * 1024;
        client.setOptions(options);
        const auto result = awaitFuture(client.groups());
        QVERIFY(!result.ok());
        if (kind >= 0)
            QCOMPARE(int(result.error().kind), kind);
        QVERIFY(!result.errorString().isEmpty());
        QVERIFY2(!result.errorString().contains(u'\n'), qPrintable(result.errorString()));
        if (!expected.isEmpty())
            QVERIFY2(result.errorString().contains(expected), qPrintable(result.errorString()));
    }

    void pollerKeepsLastGoodDataAndRecovers()
    {
        const QByteArray good = realMetrics();
        const QByteArray status = realStatus();
        bool broken = false;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &request) {
            if (request.path.endsWith("/api/v1/status"))
                return FakeHttpServer::json(status);
            if (broken) {
                FakeHttpServer::Response r;
                r.status = 503;
                r.body = "overloaded\n";
                return r;
            }
            return FakeHttpServer::json(good);
        });
        GatewayClient client(server.url());
        Poller poller(&client);
        poller.setLightPolling(false); // the fake serves the JSON API only
        poller.setIntervalMs(300);
        QSignalSpy refreshed(&poller, &Poller::refreshed);
        QSignalSpy failed(&poller, &Poller::refreshFailed);
        poller.start();
        QVERIFY(refreshed.wait(5000));
        const QDateTime lastGood = poller.lastSuccess();
        QVERIFY(lastGood.isValid());

        broken = true;
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.wait(5000));
        QCOMPARE(poller.lastSuccess(), lastGood); // not moved by failures
        QVERIFY(poller.consecutiveFailures() >= 2);
        QCOMPARE(poller.state(), Poller::State::BackingOff);
        QVERIFY(poller.lastError().message.contains(u"503"_s));
        // Backoff: the next attempt is later than the plain interval.
        QVERIFY(poller.secondsUntilNextAttempt() >= 0);

        broken = false;
        refreshed.clear();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(poller.consecutiveFailures(), 0);
        QCOMPARE(poller.lastError().kind, Error::None);
        QVERIFY(poller.lastSuccess() > lastGood);
    }

    void lateAnswerNeverOverwritesNewer()
    {
        // The first request is slow; stop() and a new start() supersede it.
        const QByteArray good = realMetrics();
        int requests = 0;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &request) {
            if (request.path.endsWith("/api/v1/status"))
                return FakeHttpServer::json(realStatus());
            FakeHttpServer::Response r = FakeHttpServer::json(good);
            if (++requests == 1) {
                r.dripBytes = int(good.size() / 4 + 1);
                r.dripIntervalMs = 400;
            }
            return r;
        });
        GatewayClient client(server.url());
        Poller poller(&client);
        poller.setLightPolling(false);
        poller.setIntervalMs(60000);
        QSignalSpy refreshed(&poller, &Poller::refreshed);
        poller.start();
        QTest::qWait(100);
        const quint64 first = poller.generation();
        poller.stop();
        poller.start();
        QVERIFY(poller.generation() > first);
        QVERIFY(refreshed.wait(5000));
        QTest::qWait(2000); // the slow first answer arrives meanwhile and is dropped
        QCOMPARE(refreshed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
