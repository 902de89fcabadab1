// The chart views: they update in place (same QChart series objects after
// every update), aggregate so 10,000 groups stay cheap, emit what the main
// window filters by, and look right: every chart is grabbed to a PNG under
// /tmp/pushdeck-charts, from the demo gateway and from synthetic data.

#include "views/charts/agechartview.h"
#include "staleness/cadencetracker.h"
#include "demo/demoseeder.h"
#include "views/charts/pushtimelineview.h"
#include "views/charts/stalenesstrendview.h"
#include "builders.h"
#include "testgateway.h"
#include "views/charts/valuehistoryview.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::group;

Q_DECLARE_METATYPE(Staleness)

namespace {

const QString ShotDir = u"/tmp/pushdeck-charts"_s;

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000;
}

// 10,000 groups over 200 jobs, ages spread over minutes to days.
QList<Group> manyGroups(double now, quint32 seed = 42)
{
    QRandomGenerator random(seed);
    QList<Group> groups;
    groups.reserve(10000);
    for (int i = 0; i < 10000; ++i) {
        const double age = std::exp(random.bounded(1.0) * std::log(14 * 86400.0)); // log-uniform: 1 s .. 14 d
        Group g = group(u"{job=\"job-%1\",instance=\"host-%2\"}"_s.arg(i % 200).arg(i), now - age);
        if (i % 97 == 0)
            g.pushFailureTime = now - age / 2;
        g.lastPushSuccessful = !(g.pushFailureTime > g.pushTime);
        groups.append(g);
    }
    return groups;
}

QList<QAbstractSeries *> seriesOf(QChartView &view)
{
    return view.chart()->series();
}

void shoot(QWidget &widget, const QString &name)
{
    QDir().mkpath(ShotDir);
    const QString path = ShotDir + u'/' + name;
    // Titles and axes are laid out from the event loop, as in the app.
    QCoreApplication::processEvents();
    QVERIFY2(widget.grab().save(path), qPrintable(path));
}

// The policy the synthetic shots use: hourly jobs by default.
StalenessPolicy syntheticPolicy()
{
    StalenessPolicy policy;
    policy.setDefaults(2 * 3600, 2 * 86400);
    policy.setRules({StalenessRule{LabelMatcher::parse(u"{job=~\"job-1.*\"}").value(), 600, 3600}});
    return policy;
}

} // namespace

class TestChartViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ageBuckets_data()
    {
        QTest::addColumn<double>("age");
        QTest::addColumn<int>("bucket");
        QTest::newRow("skew") << -5.0 << 0;
        QTest::newRow("0") << 0.0 << 0;
        QTest::newRow("59s") << 59.9 << 0;
        QTest::newRow("1m") << 60.0 << 1;
        QTest::newRow("14m") << 14 * 60.0 << 2;
        QTest::newRow("1h") << 3600.0 << 4;
        QTest::newRow("23h") << 23 * 3600.0 << 6;
        QTest::newRow("2d") << 2 * 86400.0 << 7;
        QTest::newRow("30d") << 30 * 86400.0 << 9;
        QTest::newRow("never") << qInf() << -1;
        QTest::newRow("nan") << qQNaN() << -1;
    }

    void ageBuckets()
    {
        QFETCH(double, age);
        QFETCH(int, bucket);
        QCOMPARE(AgeChartView::bucketOf(age), bucket);
        if (bucket >= 0) {
            const auto [min, max] = AgeChartView::bucketRange(bucket);
            QVERIFY(std::max(0.0, age) >= min);
            QVERIFY(age < max);
        }
    }

    void ageBucketLabels()
    {
        QCOMPARE(AgeChartView::bucketCount(), 10);
        QCOMPARE(AgeChartView::bucketLabel(0), u"0\u20131m"_s);
        QCOMPARE(AgeChartView::bucketLabel(1), u"1\u20135m"_s);
        QCOMPARE(AgeChartView::bucketLabel(2), u"5\u201315m"_s);
        QCOMPARE(AgeChartView::bucketLabel(3), u"15m\u20131h"_s);
        QCOMPARE(AgeChartView::bucketLabel(8), u"3d\u20131w"_s);
        QCOMPARE(AgeChartView::bucketLabel(9), u"\u22651w"_s);
        QCOMPARE(AgeChartView::bucketRange(9).second, qInf());
    }

    void ageChartInPlace()
    {
        AgeChartView view;
        view.resize(720, 380);
        const QList<QAbstractSeries *> series = seriesOf(view);
        QCOMPARE(series.size(), 1);
        auto *bars = qobject_cast<QStackedBarSeries *>(series.first());
        QVERIFY(bars);
        const QList<QBarSet *> sets = bars->barSets();
        QCOMPARE(sets.size(), StalenessCount);
        const auto axes = view.chart()->axes();

        const double now = nowSeconds();
        StalenessPolicy policy;
        const QList<Group> groups{group(u"{job=\"a\"}"_s, now - 30), group(u"{job=\"b\"}"_s, now - 2 * 3600),
                                  group(u"{job=\"c\"}"_s, now - 10 * 3600), group(u"{job=\"d\"}"_s, now - 100, now - 50),
                                  group(u"{job=\"never\"}"_s, 0, now - 5)};
        view.setGroups(groups, policy, now);
        QCOMPARE(view.barSet(Staleness::Fresh)->at(0), 1.0);
        QCOMPARE(view.barSet(Staleness::Warning)->at(4), 1.0);
        QCOMPARE(view.barSet(Staleness::Stale)->at(5), 1.0);
        QCOMPARE(view.barSet(Staleness::Failed)->at(1), 1.0);
        QVERIFY(view.summary().contains(u"1 never pushed"_s));

        // Time passes, groups change: the same objects carry the new numbers.
        view.setGroups(manyGroups(now), syntheticPolicy(), now);
        view.setGroups(groups, policy, now + 5 * 3600);
        QCOMPARE(seriesOf(view), series);
        QCOMPARE(bars->barSets(), sets);
        QCOMPARE(view.chart()->axes(), axes);
        // 5 h later: a is warning (3h–12h), b stale (3h–12h), c stale (12h–1d).
        QCOMPARE(view.barSet(Staleness::Warning)->at(5), 1.0);
        QCOMPARE(view.barSet(Staleness::Stale)->at(5), 1.0);
        QCOMPARE(view.barSet(Staleness::Stale)->at(6), 1.0);
        QCOMPARE(view.barSet(Staleness::Fresh)->at(0), 0.0);
        double total = 0;
        for (QBarSet *set : sets)
            total += set->sum();
        QCOMPARE(total, 4.0);
    }

    // A real click on a bar segment names its age range and state.
    void ageChartClick()
    {
        AgeChartView view;
        view.resize(720, 380);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double now = nowSeconds();
        QList<StateCounts> counts(AgeChartView::bucketCount());
        counts[3].add(Staleness::Fresh, 10);
        counts[3].add(Staleness::Stale, 10);
        view.setCounts(counts);
        QSignalSpy spy(&view, &AgeChartView::bucketClicked);
        QCoreApplication::processEvents();

        // Middle of the stale segment (stacked on 10 fresh): bucket 3, y = 15.
        const QPointF scene = view.chart()->mapToPosition(QPointF(3, 15), view.chart()->series().first());
        const QPoint pos = view.mapFromScene(scene);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toDouble(), 900.0);
        QCOMPARE(spy.at(0).at(1).toDouble(), 3600.0);
        QCOMPARE(spy.at(0).at(2).value<Staleness>(), Staleness::Stale);
        Q_UNUSED(now);
    }

    void ageChartManyGroups()
    {
        AgeChartView view;
        view.resize(720, 380);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double now = nowSeconds();
        const QList<Group> groups = manyGroups(now);
        QList<StalenessVerdict> verdicts;
        const StalenessPolicy policy = syntheticPolicy();
        for (const Group &g : groups)
            verdicts.append(policy.evaluate(g, now));
        QElapsedTimer timer;
        timer.start();
        for (int poll = 0; poll < 30; ++poll) {
            view.setGroups(groups, verdicts, now + poll * 10);
            view.repaint();
        }
        const qint64 ms = timer.elapsed();
        qDebug() << "age chart, 30 updates+repaints of 10k groups:" << ms << "ms";
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
        int total = 0;
        for (const StateCounts &c : view.counts())
            total += c.total();
        QCOMPARE(total, 10000);
    }

    void trendInPlace()
    {
        StalenessTrendView view;
        view.resize(720, 360);
        const QList<QAbstractSeries *> series = seriesOf(view);
        QCOMPARE(series.size(), StalenessCount);
        const auto axes = view.chart()->axes();

        // 24 hours of polls every 10 s: 8,640 samples.
        const double now = nowSeconds();
        StalenessHistory history;
        for (int i = 8640; i >= 0; --i) {
            StateCounts c;
            c.add(Staleness::Fresh, 9900 - (i % 500));
            c.add(Staleness::Warning, 40 + (i % 50));
            c.add(Staleness::Stale, i % 700 == 0 ? 300 : 10);
            c.add(Staleness::Failed, 3);
            history.recordCounts(now - i * 10.0, c);
        }
        view.setWindow(0);
        view.setHistory(history, now);
        QCOMPARE(seriesOf(view), series);
        QCOMPARE(view.chart()->axes(), axes);
        for (int s = 0; s < StalenessCount; ++s) {
            QLineSeries *upper = view.upperSeries(Staleness(s));
            QVERIFY(upper->count() <= view.maxPoints());
            QVERIFY(upper->count() >= view.maxPoints() / 2);
        }
        // The stale spikes survive binning (each bin shows its worst sample).
        qreal highestStale = 0;
        for (const QPointF &p : view.upperSeries(Staleness::Stale)->points())
            highestStale = std::max(highestStale, p.y());
        QCOMPARE(highestStale, 300.0 + 3); // stacked on the 3 failed

        QLineSeries *fresh = view.upperSeries(Staleness::Fresh);
        view.setWindow(3600);
        view.setHistory(history, now + 10);
        QCOMPARE(seriesOf(view), series);
        QCOMPARE(view.upperSeries(Staleness::Fresh), fresh);
        QCOMPARE(fresh->count(), 360); // one hour of 10 s polls, unbinned
    }

    // Hiding a state in the legend restacks the rest (and rescales).
    void trendHideState()
    {
        StalenessTrendView view;
        const double now = nowSeconds();
        QList<StateSample> samples;
        for (int i = 0; i < 10; ++i) {
            StateCounts c;
            c.add(Staleness::Fresh, 1000);
            c.add(Staleness::Stale, 2);
            samples.append(StateSample{now - 100 + i * 10, c});
        }
        view.setSamples(samples, now);
        QCOMPARE(view.upperSeries(Staleness::Fresh)->at(0).y(), 1002.0);
        view.setStateVisible(Staleness::Fresh, false);
        QVERIFY(!view.isStateVisible(Staleness::Fresh));
        QCOMPARE(view.upperSeries(Staleness::Fresh)->at(0).y(), 2.0); // flat on top of stale: invisible
        QCOMPARE(view.upperSeries(Staleness::Stale)->at(0).y(), 2.0);
        view.setStateVisible(Staleness::Fresh, true);
        QCOMPARE(view.upperSeries(Staleness::Fresh)->at(0).y(), 1002.0);
    }

    // Hours nobody watched are not bridged by a straight line.
    void trendGap()
    {
        StalenessTrendView view;
        const double now = nowSeconds();
        QList<StateSample> samples;
        StateCounts c;
        c.add(Staleness::Fresh, 5);
        for (int i = 0; i < 10; ++i)
            samples.append(StateSample{now - 4 * 3600 + i * 10, c});
        for (int i = 0; i < 10; ++i)
            samples.append(StateSample{now - 100 + i * 10, c});
        view.setSamples(samples, now);
        const QList<QPointF> points = view.upperSeries(Staleness::Fresh)->points();
        QCOMPARE(points.size(), 22);
        QCOMPARE(points.at(10).y(), 0.0);
        QCOMPARE(points.at(11).y(), 0.0);
    }

    void timelineInPlace()
    {
        PushTimelineView view;
        view.resize(720, 480);
        const QList<QAbstractSeries *> series = seriesOf(view);
        QCOMPARE(series.size(), 2);
        const auto axes = view.chart()->axes();

        const double now = std::floor(nowSeconds()); // whole seconds: slots of 1 s keep the times exact
        StalenessHistory history;
        history.setPushResolution(1);
        // 30 jobs, each pushing every (job+1) minutes for 8 hours; job 3 failed once.
        for (int job = 0; job < 30; ++job) {
            for (int k = 0; k * 60 * (job + 1) <= 8 * 3600; ++k)
                history.recordPush(u"job-%1"_s.arg(job, 2, 10, QChar(u'0')), now - 8 * 3600 + k * 60.0 * (job + 1));
        }
        history.recordPush(u"job-03"_s, now - 1800, true);
        view.setHistory(history, now);
        QCOMPARE(view.lanes().size(), 25);
        QCOMPARE(view.hiddenJobCount(), 5);
        QCOMPARE(view.lanes().first(), u"job-00"_s);
        QVERIFY(view.pushSeries()->count() <= view.maxPoints());
        QCOMPARE(view.failureSeries()->count(), 1);
        QVERIFY(view.summary().contains(u"5 more jobs"_s));
        // By default the span follows the data: the 8 h of pushes, a little
        // room before the first, not a fixed window with the pushes at its edge.
        QCOMPARE(view.window(), 0.0);
        QVERIFY2(view.shownSpan() >= 8 * 3600 && view.shownSpan() <= 8.5 * 3600, qPrintable(QString::number(view.shownSpan())));

        // A fixed window of 6 h. Job 0 pushed every minute: 361 events, merged to what a lane shows.
        view.setWindow(6 * 3600);
        QCOMPARE(view.shownSpan(), 6.0 * 3600);
        view.setJobFilter({u"job-00"_s, u"job-29"_s});
        QCOMPARE(view.lanes(), (QStringList{u"job-00"_s, u"job-29"_s}));
        QCOMPARE(view.pushSeries()->count(), 361 + 13);
        view.setMaxPoints(200);
        QVERIFY(view.pushSeries()->count() <= 200);

        QCOMPARE(seriesOf(view), series);
        QCOMPARE(view.chart()->axes(), axes);

        // Clicking a point names the job.
        QSignalSpy spy(&view, &PushTimelineView::pushClicked);
        Q_EMIT view.pushSeries()->clicked(view.pushSeries()->at(0));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), view.lanes().first());
    }

    void valueHistory()
    {
        ValueHistoryView view;
        QVERIFY(view.summary().startsWith(u"Select a series"_s));
        const auto series = seriesOf(view);
        const double now = nowSeconds();
        SeriesRef ref{GroupingKey::parse(u"{job=\"a\"}").value(), u"queue_length"_s, {{u"job"_s, u"a"_s}}, SeriesRef::Field::Value};
        view.setValues(ref, {{now - 300, 5}, {now - 200, 7}, {now - 150, qQNaN()}, {now - 100, 6}}, now);
        QCOMPARE(view.pointSeries()->count(), 3);
        // Steps: 5 | 5→7 | 7→6 | 6 until now.
        const QList<QPointF> line = view.lineSeries()->points();
        QCOMPARE(line.size(), 6);
        QCOMPARE(line.at(1).y(), 5.0);
        QCOMPARE(line.at(2).y(), 7.0);
        QCOMPARE(line.last().x(), now * 1000);
        QVERIFY(view.summary().contains(u"1 value not shown"_s));

        QList<ValuePoint> many;
        for (int i = 0; i < 50000; ++i)
            many.append(ValuePoint{now - 50000 + i, std::sin(i / 500.0) * 100 + (i == 25000 ? 5000 : 0)});
        view.setValues(ref, many, now);
        QVERIFY(view.lineSeries()->count() <= 2 * view.maxPoints() + 1);
        QCOMPARE(view.pointSeries()->count(), 0); // too dense for markers
        qreal highest = 0;
        for (const QPointF &p : view.lineSeries()->points())
            highest = std::max(highest, p.y());
        QVERIFY(highest > 1000); // the spike survives the reduction
        QCOMPARE(seriesOf(view), series);
    }

    // Every chart from the demo gateway: a real gateway, DemoSeeder's jobs,
    // polled for a few seconds. Then the synthetic 10k-group versions.
    void screenshots()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        DemoSeeder seeder(&gateway.client());
        QSignalSpy seeded(&seeder, &DemoSeeder::seeded);
        seeder.start();
        QVERIFY(seeded.wait(20000));

        const StalenessPolicy demoPolicy = DemoSeeder::demoPolicy();
        CadenceTracker tracker;
        StalenessHistory history;
        history.setPushResolution(1);
        AgeChartView age;
        StalenessTrendView trend;
        PushTimelineView timeline;
        ValueHistoryView values;
        age.resize(760, 400);
        trend.resize(760, 380);
        timeline.resize(760, 420);
        values.resize(760, 360);
        timeline.setWindow(120);
        const auto ageSeries = seriesOf(age);
        const auto trendSeries = seriesOf(trend);
        const auto timelineSeries = seriesOf(timeline);
        const auto valueSeries = seriesOf(values);

        QList<Group> groups;
        for (int poll = 0; poll < 24; ++poll) {
            auto polled = gateway.groups();
            QVERIFY(polled);
            groups = *polled;
            const double now = nowSeconds();
            if (!history.trackedSeries().isValid()) {
                for (const Group &g : groups) {
                    if (g.key.job() == u"billing-export" && !g.families.isEmpty() && !g.families.first().series.isEmpty()) {
                        history.setTrackedSeries(SeriesRef{g.key, g.families.first().name, g.families.first().series.first().labels,
                                                           SeriesRef::Field::Value});
                    }
                }
            }
            tracker.observe(groups);
            StalenessPolicy policy = demoPolicy;
            policy.setLearnedCadences(tracker.cadences());
            QList<StalenessVerdict> verdicts;
            for (const Group &g : groups)
                verdicts.append(policy.evaluate(g, now));
            history.recordPoll(groups, verdicts, now);
            age.setGroups(groups, verdicts, now);
            trend.setHistory(history, now);
            timeline.setHistory(history, now);
            values.setHistory(history, now);
            QTest::qWait(500);
        }
        seeder.stop();
        QCOMPARE(seriesOf(age), ageSeries);
        QCOMPARE(seriesOf(trend), trendSeries);
        QCOMPARE(seriesOf(timeline), timelineSeries);
        QCOMPARE(seriesOf(values), valueSeries);
        QVERIFY(timeline.lanes().contains(u"billing-export"_s));
        QVERIFY(timeline.failureSeries()->count() > 0); // cert-renewal's pushes fail
        QVERIFY(history.values().size() >= 1);
        qDebug() << "demo:" << groups.size() << "groups," << history.pushEventCount() << "push events,"
                 << history.values().size() << "values of" << history.trackedSeries().displayText();
        shoot(age, u"demo-age.png"_s);
        shoot(trend, u"demo-trend.png"_s);
        shoot(timeline, u"demo-timeline.png"_s);
        shoot(values, u"demo-value.png"_s);

        // Synthetic: 10,000 groups, a day of polls, 6 hours of pushes.
        const double now = nowSeconds();
        const QList<Group> many = manyGroups(now);
        age.setGroups(many, syntheticPolicy(), now);
        shoot(age, u"10k-age.png"_s);

        StalenessHistory day;
        day.setPushResolution(60);
        QRandomGenerator random(7);
        for (int i = 8640; i >= 0; --i) {
            const double t = now - i * 10.0;
            if (i < 3000 && i > 2400)
                continue; // PushDeck was closed for 100 minutes
            StateCounts c;
            const int stale = 20 + int(15 * std::sin(i / 900.0)) + (i < 1200 && i > 900 ? 250 : 0);
            c.add(Staleness::Stale, stale);
            c.add(Staleness::Warning, 60 + random.bounded(20));
            c.add(Staleness::Failed, i < 400 ? 12 : 2);
            c.add(Staleness::Unknown, 5);
            c.add(Staleness::Fresh, 10000 - c.total());
            day.recordCounts(t, c);
        }
        for (int job = 0; job < 12; ++job) {
            const double every = 300.0 * (1 + job % 4);
            for (double t = now - 6 * 3600; t <= now; t += every) {
                if (job == 4 && t > now - 7200 && t < now - 3600)
                    continue; // a job that stopped for an hour
                if (job == 7 && t > now - 5000)
                    continue; // a job that died
                history.recordPush(u"batch-%1"_s.arg(job), t + random.bounded(20.0));
                day.recordPush(u"batch-%1"_s.arg(job), t + random.bounded(20.0), job == 9 && t > now - 1800);
            }
        }
        trend.setWindow(0);
        trend.setHistory(day, now);
        shoot(trend, u"24h-trend.png"_s);
        trend.setStateVisible(Staleness::Fresh, false);
        shoot(trend, u"24h-trend-without-fresh.png"_s);
        timeline.setWindow(6 * 3600);
        timeline.setHistory(day, now);
        timeline.resize(760, timeline.sizeHint().height());
        shoot(timeline, u"6h-timeline.png"_s);
        QList<ValuePoint> points;
        double v = 1000;
        for (int i = 0; i < 400; ++i) {
            v += random.bounded(40.0) - 18;
            points.append(ValuePoint{now - 4 * 3600 + i * 36.0, v});
        }
        values.setValues(SeriesRef{GroupingKey::parse(u"{job=\"batch-1\"}").value(), u"batch_records_processed"_s,
                                   {{u"instance"_s, u""_s}, {u"job"_s, u"batch-1"_s}}, SeriesRef::Field::Value},
                         points, now);
        shoot(values, u"4h-value.png"_s);
        QCOMPARE(seriesOf(age), ageSeries);
        QCOMPARE(seriesOf(trend), trendSeries);
        QCOMPARE(seriesOf(timeline), timelineSeries);
        QCOMPARE(seriesOf(values), valueSeries);
    }
};

QTEST_MAIN(TestChartViews)
#include "tst_chartviews.moc"
