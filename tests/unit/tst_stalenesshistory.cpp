// StalenessHistory: counts per poll, push events per job from changing push
// times, value history of one series, retention, memory caps and the file.

#include "staleness/stalenesshistory.h"
#include "builders.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::group;
using PushDeck::Test::key;
using PushDeck::Test::series;

namespace {

constexpr double T0 = 1'800'000'000;

StateCounts counts(int fresh, int warning, int stale, int failed, int unknown = 0)
{
    StateCounts c;
    c.add(Staleness::Fresh, fresh);
    c.add(Staleness::Warning, warning);
    c.add(Staleness::Stale, stale);
    c.add(Staleness::Failed, failed);
    c.add(Staleness::Unknown, unknown);
    return c;
}

QList<double> times(const QList<PushEvent> &events, bool failures = false)
{
    QList<double> out;
    for (const PushEvent &e : events) {
        if (failures ? e.failures > 0 : e.pushes > 0)
            out.append(e.time - T0);
    }
    return out;
}

} // namespace

class TestStalenessHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateCounts()
    {
        QList<StalenessVerdict> verdicts(3);
        verdicts[0].state = Staleness::Stale;
        verdicts[1].state = Staleness::Stale;
        verdicts[2].state = Staleness::Failed;
        const StateCounts c = StateCounts::of(verdicts);
        QCOMPARE(c, counts(0, 0, 2, 1));
        QCOMPARE(c.total(), 3);
    }

    void recordPollCountsStates()
    {
        StalenessPolicy policy;
        policy.setDefaults(60, 120);
        StalenessHistory history;
        const QList<Group> groups{group(u"{job=\"a\"}"_s, T0), group(u"{job=\"b\"}"_s, T0 - 90), group(u"{job=\"c\"}"_s, T0 - 10, T0 - 5)};
        history.recordPoll(groups, policy, T0);
        history.recordPoll(groups, policy, T0 + 40);
        QCOMPARE(history.samples().size(), 2);
        QCOMPARE(history.samples().at(0).time, T0);
        QCOMPARE(history.samples().at(0).counts, counts(1, 1, 0, 1));
        QCOMPARE(history.samples().at(1).counts, counts(1, 0, 1, 1)); // time passed: b turned stale
        QCOMPARE(history.sessionStart(), T0);
        // A sample from the past is dropped rather than folding the line.
        history.recordCounts(T0 + 20, counts(9, 9, 9, 9));
        QCOMPARE(history.samples().size(), 2);
    }

    // Push events come from push times that changed between polls.
    void pushEvents()
    {
        StalenessHistory history;
        history.setPushResolution(1);
        QList<Group> groups{group(u"{job=\"cron\",instance=\"h1\"}"_s, T0 - 100), group(u"{job=\"cron\",instance=\"h2\"}"_s, T0 - 50),
                            group(u"{job=\"backup\"}"_s, T0 - 7200)};
        // First poll: each group's last push is an event.
        QCOMPARE(history.observePushes(groups, T0), 3);
        QCOMPARE(history.jobs(), (QStringList{u"backup"_s, u"cron"_s}));
        QCOMPARE(times(history.pushEvents(u"cron"_s)), (QList<double>{-100, -50}));
        // Nothing pushed: nothing new.
        QCOMPARE(history.observePushes(groups, T0 + 10), 0);
        // h1 pushed again, backup failed.
        groups[0].pushTime = T0 + 15;
        groups[2].pushFailureTime = T0 + 16;
        QCOMPARE(history.observePushes(groups, T0 + 20), 2);
        QCOMPARE(times(history.pushEvents(u"cron"_s)), (QList<double>{-100, -50, 15}));
        QCOMPARE(times(history.pushEvents(u"backup"_s), true), (QList<double>{16}));
        QCOMPARE(history.pushEventCount(), 5);
        // A vanished and re-created group counts as a push again.
        history.observePushes({groups[0], groups[2]}, T0 + 30);
        groups[1].pushTime = T0 + 40;
        QCOMPARE(history.observePushes(groups, T0 + 45), 1);
    }

    // Pushes within one slot (pushResolution) are one event; the counts add.
    void coalescing()
    {
        StalenessHistory history;
        history.setPushResolution(10);
        for (int i = 0; i < 5; ++i)
            history.recordPush(u"j"_s, T0 + i);
        history.recordPush(u"j"_s, T0 + 12);
        history.recordPush(u"j"_s, T0 + 3, true);
        const auto events = history.pushEvents(u"j"_s);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).pushes, 5);
        QCOMPARE(events.at(0).failures, 1);
        QCOMPARE(events.at(1).time, T0 + 10);
        // Out of order (first sightings of many groups): still sorted.
        history.recordPush(u"j"_s, T0 - 100);
        QCOMPARE(history.pushEvents(u"j"_s).constFirst().time, T0 - 100);
        QCOMPARE(history.pushEventCount(), 3);
    }

    void retention()
    {
        StalenessHistory history;
        history.setRetention(3600);
        history.setPushResolution(1);
        for (int i = 0; i <= 120; ++i) {
            const double now = T0 + i * 60;
            history.recordCounts(now, counts(1, 0, 0, 0));
            history.recordPush(u"j"_s, now);
            history.prune(now);
        }
        const double now = T0 + 120 * 60;
        QCOMPARE(history.samples().constFirst().time, now - 3600);
        QCOMPARE(history.samples().size(), 61);
        QCOMPARE(history.pushEvents(u"j"_s).size(), 61);
        QCOMPARE(history.pushEventCount(), 61);
        // Old pushes of a job that went quiet vanish with the job.
        history.recordPush(u"old"_s, now - 4000);
        history.prune(now);
        QVERIFY(!history.jobs().contains(u"old"_s));
        // First sightings older than the retention are not recorded at all.
        QCOMPARE(history.observePushes({group(u"{job=\"ancient\"}"_s, now - 7200)}, now), 0);
    }

    void caps()
    {
        StalenessHistory history;
        history.setMaxSamples(100);
        for (int i = 0; i < 250; ++i)
            history.recordCounts(T0 + i, counts(i, 0, 0, 0));
        QCOMPARE(history.samples().size(), 100);
        QCOMPARE(history.samples().constLast().counts.value(Staleness::Fresh), 249);

        history.setPushResolution(1);
        history.setMaxPushEvents(1000);
        for (int i = 0; i < 3000; ++i)
            history.recordPush(u"j%1"_s.arg(i % 7), T0 + i);
        QVERIFY(history.pushEventCount() <= 1000);
        QVERIFY(history.pushEventCount() >= 800);
        // The newest are kept; the coverage start says where the gap is.
        QVERIFY(history.pushCoverageStart() > T0);
        int counted = 0;
        for (const QString &job : history.jobs()) {
            for (const PushEvent &e : history.pushEvents(job)) {
                QVERIFY(e.time >= history.pushCoverageStart());
                ++counted;
            }
        }
        QCOMPARE(counted, history.pushEventCount());
        // Every lane covers the same span: no job lost its recent pushes.
        for (const QString &job : history.jobs())
            QVERIFY(history.pushEvents(job).constLast().time >= T0 + 2990);
    }

    void valueHistory()
    {
        const LabelPairs labels{{u"instance"_s, u""_s}, {u"job"_s, u"a"_s}, {u"queue"_s, u"x"_s}};
        SeriesRef ref;
        ref.group = key(u"{job=\"a\"}"_s);
        ref.family = u"queue_length"_s;
        ref.labels = labels;
        QCOMPARE(ref.displayText(), u"queue_length{instance=\"\",job=\"a\",queue=\"x\"}"_s);

        StalenessHistory history;
        history.setMaxValuePoints(3);
        history.setTrackedSeries(ref);
        const auto poll = [&](double pushTime, double value) {
            history.observeValue({group(u"{job=\"b\"}"_s, pushTime),
                                  group(u"{job=\"a\"}"_s, pushTime, 0,
                                        {family(u"queue_length"_s, MetricType::Gauge, {series(labels, value)})})});
        };
        poll(T0, 5);
        poll(T0, 5);       // same push: nothing new
        poll(T0 + 10, 7);
        poll(T0 + 20, qQNaN()); // recorded; the view skips it
        poll(T0 + 30, 9);
        QCOMPARE(history.values().size(), 3);
        QCOMPARE(history.values().constFirst().time, T0 + 10);
        QCOMPARE(history.values().constLast().value, 9.0);

        // Another series: a fresh start.
        SeriesRef other = ref;
        other.labels = {{u"job"_s, u"a"_s}};
        history.setTrackedSeries(other);
        QVERIFY(history.values().isEmpty());
        poll(T0 + 40, 1);
        QVERIFY(history.values().isEmpty()); // no such series in the group
    }

    void valueOfComposites()
    {
        Group g = group(u"{job=\"a\"}"_s, T0);
        MetricFamily h;
        h.name = u"latency"_s;
        h.type = MetricType::Histogram;
        Series s;
        s.sum = 12.5;
        s.count = 4;
        h.series.append(s);
        g.families.append(h);
        SeriesRef ref{g.key, u"latency"_s, {}, SeriesRef::Field::Value};
        QCOMPARE(StalenessHistory::valueOf(g, ref), std::optional<double>(12.5));
        ref.field = SeriesRef::Field::Count;
        QCOMPARE(StalenessHistory::valueOf(g, ref), std::optional<double>(4));
        ref.family = u"missing"_s;
        QCOMPARE(StalenessHistory::valueOf(g, ref), std::nullopt);
    }

    void persistence()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"deep/er/history.dat"_s);
        StalenessHistory history;
        history.setFilePath(path);
        history.setPushResolution(1);
        history.recordCounts(T0 - 90000, counts(9, 9, 9, 9)); // older than 24 h at load time
        history.recordCounts(T0, counts(3, 2, 1, 0, 4));
        history.observePushes({group(u"{job=\"a\",path=\"/x y\"}"_s, T0 - 5), group(u"{job=\"b\"}"_s, T0 - 1, T0)}, T0);
        QVERIFY(history.save().ok());

        StalenessHistory restored;
        restored.setFilePath(path);
        const auto loaded = restored.load(T0 + 60);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(restored.samples().size(), 1);
        QCOMPARE(restored.samples().at(0).counts, counts(3, 2, 1, 0, 4));
        QCOMPARE(restored.jobs(), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(restored.pushEvents(u"b"_s).size(), 2);
        QCOMPARE(restored.pushEventCount(), 3);
        // The last seen push times came back too: the same pushes are not
        // counted again after a restart.
        QCOMPARE(restored.observePushes({group(u"{job=\"a\",path=\"/x y\"}"_s, T0 - 5), group(u"{job=\"b\"}"_s, T0 - 1, T0)}, T0 + 60), 0);

        // No file yet: fine, empty.
        StalenessHistory fresh;
        fresh.setFilePath(dir.filePath(u"none.dat"_s));
        QVERIFY(fresh.load(T0).ok());
        QVERIFY(fresh.samples().isEmpty());

        // A damaged file is an error and leaves the history alone.
        QFile damaged(dir.filePath(u"damaged.dat"_s));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("not a history");
        damaged.close();
        restored.setFilePath(damaged.fileName());
        const auto broken = restored.load(T0);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.errorString().contains(u"damaged"_s), qPrintable(broken.errorString()));
        QCOMPARE(restored.samples().size(), 1);

        QVERIFY(StalenessHistory::defaultFilePath(QUrl(u"http://gw:9091/"_s)).endsWith(u".dat"_s));
        QCOMPARE(StalenessHistory::defaultFilePath(QUrl(u"http://gw:9091/"_s)), StalenessHistory::defaultFilePath(QUrl(u"http://gw:9091"_s)));
        QVERIFY(StalenessHistory::defaultFilePath(QUrl(u"http://gw:9091"_s)) != StalenessHistory::defaultFilePath(QUrl(u"http://other:9091"_s)));
    }

    void autoSave()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"history.dat"_s);
        StalenessHistory history;
        history.setFilePath(path);
        history.setAutoSaveInterval(300);
        StalenessPolicy policy;
        const QList<Group> groups{group(u"{job=\"a\"}"_s, T0)};
        history.recordPoll(groups, policy, T0);
        QVERIFY(!QFile::exists(path)); // not yet: the interval starts with the session
        history.recordPoll(groups, policy, T0 + 299);
        QVERIFY(!QFile::exists(path));
        history.recordPoll(groups, policy, T0 + 300);
        QVERIFY(QFile::exists(path));
        QCOMPARE(history.lastSaveError().kind, Error::None);
    }

    // 10,000 groups polled every 10 s for an hour stay within the caps and
    // take little time per poll.
    void manyGroups()
    {
        QList<Group> groups;
        QList<StalenessVerdict> verdicts(10000);
        for (int i = 0; i < 10000; ++i)
            groups.append(group(u"{job=\"job%1\",instance=\"i%2\"}"_s.arg(i % 200).arg(i), T0));
        StalenessHistory history;
        QElapsedTimer timer;
        timer.start();
        for (int poll = 1; poll <= 360; ++poll) {
            const double now = T0 + poll * 10;
            for (int i = poll % 6; i < groups.size(); i += 6)
                groups[i].pushTime = now - 1;
            history.recordPoll(groups, verdicts, now);
        }
        qDebug() << "360 polls of 10k groups:" << timer.elapsed() << "ms," << history.pushEventCount() << "events";
        QVERIFY(history.pushEventCount() <= history.maxPushEvents());
        QCOMPARE(history.jobs().size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestStalenessHistory)
#include "tst_stalenesshistory.moc"
