// The cheap refresh (push times from /metrics text) agrees with the exact
// JSON on a real gateway, including tricky keys, and asks for the JSON
// whenever the text cannot name a key exactly.

#include "awaitfuture.h"
#include "lightrefresh.h"
#include "poller.h"
#include "testgateway.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {

GroupingKey key(const QString &text)
{
    return GroupingKey::parse(text).value();
}

QMap<QString, std::pair<double, double>> times(const QList<Group> &groups)
{
    QMap<QString, std::pair<double, double>> map;
    for (const Group &g : groups)
        map.insert(g.key.toString(), {g.pushTime, g.pushFailureTime});
    return map;
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
    }

    void agreesWithJsonOnARealGateway()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const QStringList keys = {
            u"{job=\"plain\"}"_s,
            u"{job=\"plain\",instance=\"web-1\"}"_s,
            u"{job=\"slash/job\",path=\"/var/lib\"}"_s,
            u"{job=\"quote\",instance=\"a\\\"b\\\\c\"}"_s,
            u"{job=\"newline\",note=\"two\\nlines\"}"_s,
            u"{job=\"unicode\",city=\"Zürich 東京\"}"_s,
            u"{job=\"spaces and = @ %\",x=\"y z\"}"_s,
            u"{job=\"empty\",env=\"\",instance=\"i\"}"_s,
        };
        for (const QString &k : keys)
            QCOMPARE(gateway.push(k, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"failing\"}"_s, "m 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"failing\"}"_s, "m 1\nm 2\n"), 400);

        const auto full = gateway.groups();
        QVERIFY(full);
        const auto text = awaitFuture(gateway.client().metricsText());
        QVERIFY2(text.ok(), qPrintable(text.errorString()));
        QVERIFY(text->wireBytes > 0);
        const auto scanned = scanPushTimes(text->body);
        QVERIFY2(scanned.ok(), qPrintable(scanned.errorString()));
        QCOMPARE(scanned->size(), full->size());
        const LightMerge merge = mergePushTimes(*full, *scanned);
        QVERIFY2(!merge.needFull, qPrintable(merge.reason));
        QCOMPARE(times(merge.groups), times(*full));
        for (const Group &g : merge.groups) {
            const auto exact = std::find_if(full->begin(), full->end(), [&](const Group &f) { return f.key == g.key; });
            QCOMPARE(g.lastPushSuccessful, exact->lastPushSuccessful);
        }

        // Push again: the cheap view sees the newer push time the JSON has.
        QTest::qWait(20);
        QCOMPARE(gateway.push(keys[2], "m 2\n"), 200);
        const auto full2 = gateway.groups();
        const auto scanned2 = scanPushTimes(awaitFuture(gateway.client().metricsText())->body);
        const LightMerge merge2 = mergePushTimes(*full, *scanned2);
        QVERIFY(!merge2.needFull);
        QCOMPARE(merge2.changed, 1);
        QCOMPARE(times(merge2.groups), times(*full2));

        // An ambiguous pair: the merge asks for the JSON.
        QCOMPARE(gateway.push(u"{job=\"amb\"}"_s, "m 1\n"), 200);
        gateway.push(u"{job=\"amb\",instance=\"\"}"_s, "m 1\n");
        const auto full3 = gateway.groups();
        QVERIFY(mergePushTimes(*full3, *scanPushTimes(awaitFuture(gateway.client().metricsText())->body)).needFull);
    }

    void pollerUsesLightRefreshes()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 1\n"), 200);
        Poller poller(&gateway.client());
        poller.setIntervalMs(100000);
        QSignalSpy refreshed(&poller, &Poller::refreshed);
        poller.start();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());

        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "m 2\n"), 200);
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!poller.lastRefreshWasFull());
        const auto groups = refreshed.last().first().value<QList<Group>>();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().pushTime, gateway.groups()->first().pushTime);

        // A new group: the light read falls back to the JSON within the same refresh.
        QCOMPARE(gateway.push(u"{job=\"b\",instance=\"\"}"_s, "m 1\n"), 200);
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());
        QCOMPARE(refreshed.last().first().value<QList<Group>>().size(), 2);

        poller.requestFull();
        poller.refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(poller.lastRefreshWasFull());
    }
};

QTEST_GUILESS_MAIN(TestLightRefresh)
#include "tst_lightrefresh.moc"
