// CadenceTracker: intervals from push times seen across polls, the robust
// median, bounded memory, persistence and the "expected every" text.

#include "staleness/cadencetracker.h"
#include "builders.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::group;
using PushDeck::Test::key;

namespace {

constexpr double T0 = 1'800'000'000;

} // namespace

class TestCadenceTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void median_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("median");
        QTest::newRow("empty") << QList<double>{} << 0.0;
        QTest::newRow("one") << QList<double>{5} << 5.0;
        QTest::newRow("odd") << QList<double>{9, 1, 5} << 5.0;
        QTest::newRow("even: lower middle") << QList<double>{60, 120, 60, 120} << 60.0;
        QTest::newRow("outliers") << QList<double>{60, 61, 59, 3600, 1} << 60.0;
    }

    void median()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, median);
        QCOMPARE(CadenceTracker::median(values), median);
    }

    void text_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("approximate");
        QTest::newRow("zero") << 0.0 << QString();
        QTest::newRow("nan") << qQNaN() << QString();
        QTest::newRow("7s") << 7.2 << u"~7s"_s;
        QTest::newRow("15s") << 14.6 << u"~15s"_s;
        QTest::newRow("90s") << 91.0 << u"~1m30s"_s;
        QTest::newRow("5m") << 298.7 << u"~5m"_s;
        QTest::newRow("21m") << 1234.0 << u"~21m"_s;
        QTest::newRow("1h") << 3605.0 << u"~1h"_s;
        QTest::newRow("1d") << 86390.0 << u"~1d"_s;
        QTest::newRow("1w") << 7 * 86400.0 + 100 << u"~1w"_s;
    }

    void text()
    {
        QFETCH(double, seconds);
        QFETCH(QString, approximate);
        QCOMPARE(CadenceTracker::approximateText(seconds), approximate);
        QCOMPARE(CadenceTracker::expectedText(seconds), approximate.isEmpty() ? QString() : u"expected every "_s + approximate);
    }

    void observe()
    {
        const GroupingKey a = key(u"{job=\"a\"}"_s);
        const GroupingKey b = key(u"{job=\"b\",instance=\"\"}"_s);
        CadenceTracker tracker;
        // First poll: both seen, no intervals yet.
        QCOMPARE(tracker.observe({group(a, T0), group(b, T0 + 5)}), 2);
        QCOMPARE(tracker.cadence(a), LearnedCadence{});
        QVERIFY(tracker.cadences().isEmpty());
        // Second poll: only a pushed.
        QCOMPARE(tracker.observe({group(a, T0 + 60), group(b, T0 + 5)}), 1);
        QCOMPARE(tracker.cadence(a), (LearnedCadence{60, 1}));
        QCOMPARE(tracker.cadences().size(), 1);
        // A poll that misses b entirely does not break b's rhythm.
        tracker.observe({group(a, T0 + 120)});
        tracker.observe({group(a, T0 + 180), group(b, T0 + 305)});
        QCOMPARE(tracker.cadence(a), (LearnedCadence{60, 3}));
        QCOMPARE(tracker.cadence(b), (LearnedCadence{300, 1}));
        QCOMPARE(tracker.intervals(a), (QList<double>{60, 60, 60}));
        QCOMPARE(tracker.lastPushTime(b), T0 + 305);
        QCOMPARE(tracker.groupCount(), 2);
    }

    void neverPushedIgnored()
    {
        CadenceTracker tracker;
        const GroupingKey a = key(u"{job=\"a\"}"_s);
        QCOMPARE(tracker.observe({group(a, 0)}), 0);
        QCOMPARE(tracker.observe({group(a, qQNaN())}), 0);
        QCOMPARE(tracker.groupCount(), 0);
    }

    // Deleted and re-pushed with an older timestamp (another gateway restored
    // from persistence): start again from there, no negative interval.
    void pushTimeBackwards()
    {
        CadenceTracker tracker;
        const GroupingKey a = key(u"{job=\"a\"}"_s);
        tracker.observePush(a, T0 + 100);
        tracker.observePush(a, T0 + 200);
        QVERIFY(!tracker.observePush(a, T0 + 50));
        QVERIFY(tracker.observePush(a, T0 + 150));
        QCOMPARE(tracker.intervals(a), (QList<double>{100, 100}));
    }

    void boundedIntervals()
    {
        CadenceTracker tracker(5);
        const GroupingKey a = key(u"{job=\"a\"}"_s);
        // 90 runs every 10 minutes, then 10 runs every minute.
        double t = T0;
        for (int i = 0; i < 100; ++i) {
            tracker.observePush(a, t);
            t += i < 89 ? 600 : 60;
        }
        // Only the last 5 intervals count: the new 60 s rhythm.
        QCOMPARE(tracker.intervals(a).size(), 5);
        QCOMPARE(tracker.cadence(a), (LearnedCadence{60, 5}));
        tracker.setMaxIntervals(2);
        QCOMPARE(tracker.intervals(a).size(), 2);
        QCOMPARE(tracker.cadence(a).intervals, 2);
    }

    void forget()
    {
        CadenceTracker tracker;
        const GroupingKey a = key(u"{job=\"a\"}"_s);
        const GroupingKey b = key(u"{job=\"b\"}"_s);
        for (double t : {0.0, 10.0, 20.0}) {
            tracker.observePush(a, T0 + t);
            tracker.observePush(b, T0 - 86400 + t);
        }
        QCOMPARE(tracker.forgetOlderThan(T0 + 30, 3600), 1);
        QCOMPARE(tracker.groupCount(), 1);
        QVERIFY(!tracker.cadences().contains(b));
        tracker.forget(a);
        QCOMPARE(tracker.groupCount(), 0);
        QVERIFY(tracker.cadences().isEmpty());
    }

    void persistence()
    {
        CadenceTracker tracker;
        const GroupingKey a = key(u"{job=\"a\",path=\"/var/lib\"}"_s);
        const GroupingKey b = key(u"{job=\"b\",instance=\"\"}"_s);
        for (double t : {0.0, 30.0, 61.0, 90.0}) {
            tracker.observePush(a, T0 + t);
            tracker.observePush(b, T0 + 2 * t);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/cadence.dat"_s);
        QVERIFY(tracker.saveToFile(path).ok());

        CadenceTracker restored;
        const auto loaded = restored.loadFromFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(restored.cadences(), tracker.cadences());
        QCOMPARE(restored.intervals(b), tracker.intervals(b));
        // Learning goes on where it stopped.
        restored.observePush(a, T0 + 120);
        QCOMPARE(restored.cadence(a).intervals, 4);

        QVERIFY(!restored.restoreState("garbage"_ba).ok());
        QVERIFY(!restored.loadFromFile(dir.filePath(u"missing"_s)).ok());
        // A truncated file is an error and leaves the tracker as it was.
        const QByteArray state = tracker.saveState();
        const auto truncated = restored.restoreState(state.left(state.size() - 7));
        QVERIFY(!truncated.ok());
        QVERIFY2(truncated.errorString().contains(u"truncated"_s), qPrintable(truncated.errorString()));
        QCOMPARE(restored.cadence(a).intervals, 4);
    }

    // 10,000 groups polled 20 times stays cheap.
    void manyGroups()
    {
        QList<Group> groups;
        for (int i = 0; i < 10000; ++i)
            groups.append(group(key(u"{job=\"j%1\",instance=\"i\"}"_s.arg(i)), T0));
        CadenceTracker tracker;
        QElapsedTimer timer;
        timer.start();
        for (int poll = 1; poll <= 20; ++poll) {
            for (int i = 0; i < groups.size(); ++i) {
                if (i % (1 + i % 5) == 0 || poll % (1 + i % 5) == 0)
                    groups[i].pushTime = T0 + poll * 10;
            }
            tracker.observe(groups);
        }
        qDebug() << "20 polls of 10k groups:" << timer.elapsed() << "ms";
        QCOMPARE(tracker.groupCount(), 10000);
        QVERIFY(tracker.cadences().size() > 9000);
    }
};

QTEST_GUILESS_MAIN(TestCadenceTracker)
#include "tst_cadencetracker.moc"
