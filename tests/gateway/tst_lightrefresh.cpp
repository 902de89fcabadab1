// The cheap refresh (push times from /metrics, protobuf or text) agrees with
// the exact JSON on a real gateway, including tricky keys, and asks for the
// JSON whenever the exposition cannot name a key exactly.

#include "core/awaitfuture.h"
#include "builders.h"
#include "fakehttpserver.h"
#include "format/lightrefresh.h"
#include "gateway/poller.h"
#include "testgateway.h"

#include "io/prometheus/client/metrics.pb.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

QMap<QString, std::pair<double, double>> times(const QList<Group> &groups)
{
    QMap<QString, std::pair<double, double>> map;
    for (const Group &g : groups)
        map.insert(g.key.toString(), {g.pushTime, g.pushFailureTime});
    return map;
}

namespace pb = io::prometheus::client;

// One varint-length-delimited message, as the gateway writes them.
QByteArray delimited(const google::protobuf::MessageLite &message)
{
    std::string out;
    {
        google::protobuf::io::StringOutputStream stream(&out);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.WriteVarint32(uint32_t(message.ByteSizeLong()));
        message.SerializeToCodedStream(&coded);
    }
    return QByteArray::fromStdString(out);
}

pb::MetricFamily gaugeFamily(const char *name, const QList<std::pair<LabelPairs, double>> &series)
{
    pb::MetricFamily family;
    family.set_name(name);
    family.set_help("help text");
    family.set_type(pb::GAUGE);
    for (const auto &[labels, value] : series) {
        pb::Metric *metric = family.add_metric();
        for (const auto &[labelName, labelValue] : labels) {
            pb::LabelPair *pair = metric->add_label();
            pair->set_name(labelName.toStdString());
            pair->set_value(labelValue.toStdString());
        }
        metric->mutable_gauge()->set_value(value);
    }
    return family;
}

// A raw family: length, then the given fields (for garbage rows).
QByteArray rawFamily(const QByteArray &fields)
{
    Q_ASSERT(fields.size() < 128);
    return char(fields.size()) + fields;
}

QByteArray nameField(const QByteArray &name)
{
    return "\x0a" + QByteArray(1, char(name.size())) + name;
}

QByteArray httpGet(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

} // namespace

class TestLightRefresh : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scanParsesEscapesAndSkipsTheRest()
    {
        const QByteArray text = "# HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.\n"
                                "# TYPE push_time_seconds gauge\n"
                                "push_time_seconds{instance=\"a\\\"b\\\\c\\nd\",job=\"j\"} 1.7958602756038795e+09\n"
                                "push_failure_time_seconds{instance=\"a\\\"b\\\\c\\nd\",job=\"j\"} 0\n"
                                "push_time_seconds_other{job=\"x\"} 5\n"
                                "go_goroutines 12\n";
        const auto scanned = scanPushTimes(text);
        QVERIFY2(scanned.ok(), qPrintable(scanned.errorString()));
        QCOMPARE(scanned->size(), 1);
        const LabelPairs expected{{u"instance"_s, u"a\"b\\c\nd"_s}, {u"job"_s, u"j"_s}};
        QCOMPARE(scanned->first().labels, expected);
        QCOMPARE(scanned->first().pushTime, 1.7958602756038795e+09);
        QVERIFY(scanned->first().hasFailureTime);

        QVERIFY(!scanPushTimes("push_time_seconds{job=\"x} 1\n").ok());
        QVERIFY(!scanPushTimes("push_time_seconds{job=\"x\"} abc\n").ok());
    }

    void mergeNeedsFullWhenAmbiguousOrNew()
    {
        Group a;
        a.key = key(u"{job=\"a\"}"_s);
        a.pushTime = 10;
        Group b;
        b.key = key(u"{job=\"b\",instance=\"x\"}"_s);
        b.pushTime = 20;
        PushTimes pa{{{u"job"_s, u"a"_s}}, 11, 0, true, true};
        PushTimes pb{{{u"instance"_s, u"x"_s}, {u"job"_s, u"b"_s}}, 20, 25, true, true};

        LightMerge merge = mergePushTimes({a, b}, {pa, pb});
        QVERIFY(!merge.needFull);
        QCOMPARE(merge.changed, 2);
        QCOMPARE(merge.groups.size(), 2);
        QCOMPARE(merge.groups[0].pushTime, 11.0);
        QVERIFY(!merge.groups[1].lastPushSuccessful); // failure newer than push

        // b vanished from the text: gone.
        merge = mergePushTimes({a, b}, {pa});
        QVERIFY(!merge.needFull);
        QCOMPARE(merge.groups.size(), 1);

        // A new group: the text cannot tell its exact key.
        PushTimes pc{{{u"job"_s, u"c"_s}}, 1, 0, true, true};
        QVERIFY(mergePushTimes({a, b}, {pa, pb, pc}).needFull);

        // {job="a"} and {job="a",instance=""} look the same in text.
        Group a2;
        a2.key = key(u"{job=\"a\",instance=\"\"}"_s);
        QVERIFY(mergePushTimes({a, a2}, {pa}).needFull);
        // ...and in protobuf, where the gateway adds instance="" to {job="a"}.
        const PushTimes paExact{{{u"instance"_s, QString()}, {u"job"_s, u"a"_s}}, 11, 0, true, true};
        QVERIFY(mergePushTimes({a, a2}, {paExact}, ExposedLabels::Exact).needFull);
        merge = mergePushTimes({a}, {paExact}, ExposedLabels::Exact);
        QVERIFY2(!merge.needFull, qPrintable(merge.reason));
        QCOMPARE(merge.groups.first().key, a.key);
        // A gateway that does not add instance="" maps as well.
        merge = mergePushTimes({a}, {pa}, ExposedLabels::Exact);
        QVERIFY2(!merge.needFull, qPrintable(merge.reason));

        // Other empty labels: ambiguous in text, exact in protobuf.
        Group e;
        e.key = key(u"{job=\"e\"}"_s);
        Group e2;
        e2.key = key(u"{job=\"e\",env=\"\"}"_s);
        const PushTimes pe{{{u"instance"_s, QString()}, {u"job"_s, u"e"_s}}, 1, 0, true, true};
        const PushTimes pe2{{{u"env"_s, QString()}, {u"instance"_s, QString()}, {u"job"_s, u"e"_s}}, 2, 0, true, true};
        QVERIFY(mergePushTimes({e, e2}, {pe, pe2}).needFull);
        merge = mergePushTimes({e, e2}, {pe2, pe}, ExposedLabels::Exact);
        QVERIFY2(!merge.needFull, qPrintable(merge.reason));
        QCOMPARE(merge.groups.size(), 2);
        // In the last full read's order, whatever the exposition's order
        // (the table model's fast path relies on it), keys shared with it.
        QCOMPARE(merge.groups[0].key, e.key);
        QCOMPARE(merge.groups[0].pushTime, 1.0);
        QCOMPARE(merge.groups[1].key, e2.key);
        QCOMPARE(merge.groups[1].pushTime, 2.0);
        QVERIFY(merge.groups[1].key.sharesLabelsWith(e2.key));
    }

    void protoScanReadsBookkeepingAndSkipsTheRest()
    {
        const LabelPairs k1{{u"instance"_s, QString()}, {u"job"_s, u"a\"b\\c\nd"_s}};
        const LabelPairs k2{{u"env"_s, QString()}, {u"instance"_s, u"i"_s}, {u"job"_s, u"Zürich 東京"_s}};
        pb::MetricFamily other = gaugeFamily("go_goroutines", {{{}, 12}});
        // Fields before the name (unit, help) are skipped to find it.
        pb::MetricFamily unitFirst;
        unitFirst.set_unit("seconds");
        QByteArray body = delimited(other)
            + rawFamily("\x2a\x01s" + nameField("push_time_seconds_other") + "\x22\x03\xff\xff\xff") // garbage metric, never parsed
            + delimited(gaugeFamily("push_time_seconds", {{k1, 1.7958602756038795e+09}, {k2, 5}}))
            + delimited(gaugeFamily("push_failure_time_seconds", {{k2, 6}, {k1, 0}}))
            + delimited(unitFirst);
        QList<qsizetype> boundaries{0};
        {
            qsizetype at = 0;
            for (const QByteArray &part : {delimited(other),
                                           rawFamily("\x2a\x01s" + nameField("push_time_seconds_other") + "\x22\x03\xff\xff\xff"),
                                           delimited(gaugeFamily("push_time_seconds", {{k1, 1.7958602756038795e+09}, {k2, 5}})),
                                           delimited(gaugeFamily("push_failure_time_seconds", {{k2, 6}, {k1, 0}})),
                                           delimited(unitFirst)}) {
                at += part.size();
                boundaries.append(at);
            }
            QCOMPARE(at, body.size());
        }

        const auto scanned = scanPushTimesProto(body);
        QVERIFY2(scanned.ok(), qPrintable(scanned.errorString()));
        QCOMPARE(scanned->size(), 2);
        QCOMPARE(scanned->at(0).labels, k1);
        QCOMPARE(scanned->at(0).pushTime, 1.7958602756038795e+09);
        QCOMPARE(scanned->at(0).pushFailureTime, 0.0);
        QVERIFY(scanned->at(0).hasPushTime && scanned->at(0).hasFailureTime);
        QCOMPARE(scanned->at(1).labels, k2); // empty values kept, sorted by name
        QCOMPARE(scanned->at(1).pushTime, 5.0);
        QCOMPARE(scanned->at(1).pushFailureTime, 6.0);

        // Cut anywhere: a clear error, or a shorter valid answer exactly at
        // a message boundary; never a crash.
        for (qsizetype cut = 0; cut < body.size(); ++cut) {
            const auto partial = scanPushTimesProto(QByteArrayView(body).first(cut));
            QVERIFY2(partial.ok() == boundaries.contains(cut), qPrintable(u"cut at %1: %2"_s.arg(cut).arg(partial.errorString())));
            if (!partial.ok()) {
                QCOMPARE(partial.error().kind, Error::Decode);
                QVERIFY2(partial.errorString().contains(u"byte"_s), qPrintable(partial.errorString()));
            }
        }
        QVERIFY(scanPushTimesProto({}).ok());
    }

    void protoScanRejectsBrokenInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("length varint cut") << QByteArray("\x80", 1) << u"byte 0: truncated or invalid message length"_s;
        QTest::newRow("length varint too long") << QByteArray(11, '\xff') << u"byte 0: truncated or invalid message length"_s;
        QTest::newRow("length beyond end") << QByteArray("\x05\x0a\x01", 3) << u"byte 0: message of 5 bytes, only 2 left"_s;
        QTest::newRow("tag zero") << QByteArray("\x02\x00\x00", 3) << u"invalid field tag"_s;
        QTest::newRow("wire type 7") << QByteArray("\x02\x0f\x00", 3) << u"malformed field 1"_s;
        QTest::newRow("name longer than message") << rawFamily("\x0a\x10" "abc") << u"truncated metric family name"_s;
        QTest::newRow("second family cut")
            << rawFamily(nameField("x")) + QByteArray("\x09\x0a", 2) << u"byte 4: message of 9 bytes, only 1 left"_s;
        QTest::newRow("bookkeeping label overruns")
            << rawFamily(nameField("push_time_seconds") + "\x22\x03\x0a\x05x") << u"byte 0: malformed push_time_seconds family"_s;
        QTest::newRow("bookkeeping series without value")
            << rawFamily(nameField("push_failure_time_seconds") + "\x22\x07\x0a\x05\x0a\x03job")
            << u"push_failure_time_seconds series 1 has no value"_s;
        QTest::newRow("text answer") << QByteArray("push_time_seconds{job=\"a\"} 1\n") << u"byte 0: message of 112 bytes"_s;
        QTest::newRow("html") << QByteArray("<html><body>proxy error</body></html>") << u"byte 0: message of 60 bytes"_s;
    }

    void protoScanRejectsBrokenInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const auto scanned = scanPushTimesProto(body);
        QVERIFY(!scanned.ok());
        QCOMPARE(scanned.error().kind, Error::Decode);
        QVERIFY(scanned.error().column > 0);
        QVERIFY2(scanned.errorString().contains(expected), qPrintable(scanned.errorString()));
        QVERIFY(!scanned.errorString().contains(u'\n'));
    }

    void scannerFollowsContentType()
    {
        QVERIFY(isDelimitedProtobuf("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited"));
        QVERIFY(isDelimitedProtobuf("application/vnd.google.protobuf;encoding=delimited;proto=io.prometheus.client.MetricFamily"));
        QVERIFY(!isDelimitedProtobuf("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(!isDelimitedProtobuf(""));

        const QByteArray proto = delimited(gaugeFamily("push_time_seconds", {{{{u"job"_s, u"a"_s}}, 3}}));
        auto scanned = scanPushTimes(proto, "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");
        QVERIFY2(scanned.ok(), qPrintable(scanned.errorString()));
        QVERIFY(scanned->labels == ExposedLabels::Exact);
        QCOMPARE(scanned->entries.size(), 1);

        scanned = scanPushTimes("push_time_seconds{job=\"a\",instance=\"\"} 3\n", "text/plain; version=0.0.4; charset=utf-8");
        QVERIFY2(scanned.ok(), qPrintable(scanned.errorString()));
        QVERIFY(scanned->labels == ExposedLabels::NonEmpty);
        QCOMPARE(scanned->entries.first().labels, (LabelPairs{{u"job"_s, u"a"_s}}));

        scanned = scanPushTimes(proto, "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=text");
        QVERIFY(!scanned.ok());
        QCOMPARE(scanned.error().kind, Error::Decode);
    }

    void agreesWithJsonOnARealGateway_data()
    {
        QTest::addColumn<bool>("protobuf");
        QTest::newRow("protobuf") << true;
        QTest::newRow("text") << false;
    }

    void agreesWithJsonOnARealGateway()
    {
        QFETCH(bool, protobuf);
        TestGateway gateway;
        QVERIFY(gateway.start());
        auto read = [&]() -> Result<ScannedPushTimes> {
            const auto exposition =
                awaitFuture(protobuf ? gateway.client().metricsProtobuf() : gateway.client().metricsText());
            if (!exposition)
                return exposition.error();
            if (exposition->wireBytes <= 0 || isDelimitedProtobuf(exposition->contentType) != protobuf)
                return Error::make(Error::Invalid, u"unexpected answer: %1 wire bytes, %2"_s
                                                       .arg(exposition->wireBytes)
                                                       .arg(QString::fromLatin1(exposition->contentType)));
            return scanPushTimes(exposition->body, exposition->contentType);
        };
        auto sameAsJson = [](const LightMerge &merge, const QList<Group> &full) {
            if (merge.needFull || merge.groups.size() != full.size() || times(merge.groups) != times(full))
                return false;
            for (const Group &g : merge.groups) {
                const auto exact = std::find_if(full.begin(), full.end(), [&](const Group &f) { return f.key == g.key; });
                if (exact == full.end() || g.lastPushSuccessful != exact->lastPushSuccessful)
                    return false;
            }
            return true;
        };

        const QStringList keys = {
            u"{job=\"plain\"}"_s,
            u"{job=\"plain\",instance=\"web-1\"}"_s,
            u"{job=\"slash/job\",path=\"/var/lib\"}"_s,
            u"{job=\"quote\",instance=\"a\\\"b\\\\c\"}"_s,
            u"{job=\"newline\",note=\"two\\nlines\"}"_s,
            u"{job=\"unicode\",city=\"Zürich 東京\"}"_s,
            u"{job=\"spaces and = @ %\",x=\"y z\"}"_s,
            u"{job=\"empty\",env=\"\",instance=\"i\"}"_s,
            u"{job=\"noinstance\",instance=\"\"}"_s,
        };
        for (const QString &k : keys)
            QCOMPARE(gateway.push(k, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"failing\"}"_s, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"failing\"}"_s, "m 1\nm 2\n"), 400);

        const auto full = gateway.groups();
        QVERIFY(full);
        const auto scanned = read();
        QVERIFY2(scanned.ok(), qPrintable(scanned.errorString()));
        QCOMPARE(scanned->entries.size(), full->size());
        const LightMerge merge = mergePushTimes(*full, scanned->entries, scanned->labels);
        QVERIFY2(!merge.needFull, qPrintable(merge.reason));
        QVERIFY(sameAsJson(merge, *full));

        // Push again: the cheap view sees the newer push time the JSON has.
        QTest::qWait(20);
        QCOMPARE(gateway.push(keys[2], "m 2\n"), 200);
        const auto full2 = gateway.groups();
        const auto scanned2 = read();
        QVERIFY2(scanned2.ok(), qPrintable(scanned2.errorString()));
        const LightMerge merge2 = mergePushTimes(*full, scanned2->entries, scanned2->labels);
        QVERIFY(!merge2.needFull);
        QCOMPARE(merge2.changed, 1);
        QVERIFY(sameAsJson(merge2, *full2));

        // Keys that differ only by an empty label other than instance: the
        // gateway keeps both apart in either format (env="" is exposed); the
        // text scanner drops it and must ask for the JSON, protobuf maps them.
        QCOMPARE(gateway.push(u"{job=\"env\"}"_s, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"env\",env=\"\"}"_s, "m 2\n"), 200);
        const auto full3 = gateway.groups();
        const auto scanned3 = read();
        QVERIFY2(scanned3.ok(), qPrintable(scanned3.errorString()));
        const LightMerge merge3 = mergePushTimes(*full3, scanned3->entries, scanned3->labels);
        if (protobuf) {
            QVERIFY2(sameAsJson(merge3, *full3), qPrintable(merge3.reason));
        } else {
            QVERIFY(merge3.needFull);
        }

        // {job="amb"} and {job="amb",instance=""}: the gateway exposes both
        // as instance="" and then cannot serve /metrics in any format (HTTP
        // 500; the second push is answered 400 but stored). The merge of the
        // JSON's keys says ambiguous in both modes.
        QCOMPARE(gateway.push(u"{job=\"amb\"}"_s, "m 1\n"), 200);
        gateway.push(u"{job=\"amb\",instance=\"\"}"_s, "m 1\n");
        QVERIFY(gateway.waitForGroups([](const QList<Group> &groups) {
            return std::count_if(groups.begin(), groups.end(), [](const Group &g) { return g.key.toString().contains(u"amb"_s); }) == 2;
        }));
        const auto full4 = gateway.groups();
        const auto broken = read();
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().kind, Error::Http);
        QCOMPARE(broken.error().httpStatus, 500);
        QVERIFY(mergePushTimes(*full4, {}, protobuf ? ExposedLabels::Exact : ExposedLabels::NonEmpty).needFull);
    }

    void textAnswerFallback()
    {
        // A gateway (or proxy) that answers text to the protobuf request:
        // served from a real gateway's own answers by a fake one.
        TestGateway gateway;
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"b\",instance=\"x\"}"_s, "m 1\n"), 200);
        const QByteArray status = httpGet(gateway.client().urlFor(u"api/v1/status"_s));
        const QByteArray json = httpGet(gateway.client().urlFor(u"api/v1/metrics"_s));
        QVERIFY(!status.isEmpty() && !json.isEmpty());

        QByteArray text = awaitFuture(gateway.client().metricsText())->body;
        QVERIFY(text.contains("push_time_seconds"));
        QByteArray lastAccept;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([&](const FakeHttpServer::Request &request) {
            if (request.path.endsWith("/api/v1/status"))
                return FakeHttpServer::json(status);
            if (request.path.endsWith("/api/v1/metrics"))
                return FakeHttpServer::json(json);
            lastAccept = request.headers;
            FakeHttpServer::Response r;
            r.contentType = "text/plain; version=0.0.4; charset=utf-8";
            r.body = text;
            return r;
        });
        GatewayClient client(server.url());
        Poller poller(&client);
        poller.setIntervalMs(100000);
        QSignalSpy refreshed(&poller, &Poller::refreshed);
        QSignalSpy failed(&poller, &Poller::refreshFailed);
        poller.start();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());

        QTest::qWait(20);
        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 2\n"), 200);
        text = awaitFuture(gateway.client().metricsText())->body;
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(failed.isEmpty());
        QVERIFY2(lastAccept.toLower().contains("accept: application/vnd.google.protobuf"), lastAccept.constData());
        QVERIFY(!poller.lastRefreshWasFull());
        QVERIFY(poller.lastWireBytes() > 0);
        QCOMPARE(times(refreshed.last().first().value<QList<Group>>()), times(*gateway.groups()));
    }

    // The periodic full read comes once per Poller::FullReadEveryMs of
    // polling, whatever the interval; an explicit setting wins.
    void fullReadCadenceFollowsTheInterval()
    {
        Poller poller(nullptr);
        poller.setIntervalMs(10000);
        QCOMPARE(poller.fullEvery(), Poller::FullReadEveryMs / 10000);
        poller.setIntervalMs(2000);
        QCOMPARE(poller.fullEvery(), Poller::FullReadEveryMs / 2000);
        poller.setIntervalMs(Poller::FullReadEveryMs * 2); // slower than the cadence: every poll
        QCOMPARE(poller.fullEvery(), 1);
        poller.setFullEvery(3);
        poller.setIntervalMs(1000);
        QCOMPARE(poller.fullEvery(), 3);
    }

    void pollerUsesLightRefreshes()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 1\n"), 200);
        // Ambiguous for text, exact for protobuf: the refreshes stay light.
        QCOMPARE(gateway.push(u"{job=\"a\",env=\"\"}"_s, "m 1\n"), 200);
        Poller poller(&gateway.client());
        poller.setIntervalMs(100000);
        QSignalSpy refreshed(&poller, &Poller::refreshed);
        QSignalSpy failed(&poller, &Poller::refreshFailed);
        poller.start();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());

        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 2\n"), 200);
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!poller.lastRefreshWasFull());
        QVERIFY(poller.lastWireBytes() > 0);
        QCOMPARE(times(refreshed.last().first().value<QList<Group>>()), times(*gateway.groups()));

        // A new group: the light read falls back to the JSON within the same refresh.
        QCOMPARE(gateway.push(u"{job=\"b\",instance=\"\"}"_s, "m 1\n"), 200);
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());
        QCOMPARE(refreshed.last().first().value<QList<Group>>().size(), 3);

        poller.requestFull();
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());

        // {job="b"} next to {job="b",instance=""}: /metrics answers HTTP 500,
        // the refresh reads the JSON instead of failing.
        gateway.push(u"{job=\"b\"}"_s, "m 1\n");
        QVERIFY(gateway.waitForGroups([](const QList<Group> &groups) { return groups.size() == 4; }));
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());
        QCOMPARE(refreshed.last().first().value<QList<Group>>().size(), 4);
        QVERIFY(failed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLightRefresh)
#include "tst_lightrefresh.moc"
