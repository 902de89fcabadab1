// GroupFilterProxy over GroupTableModel: text, matcher, state and age
// filters, numeric sorting, and all of it staying right across refreshes.

#include "items/groupfilterproxy.h"
#include "items/grouptablemodel.h"
#include "builders.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::group;
using PushDeck::Test::key;
using PushDeck::Test::series;

namespace {

constexpr double Now = 1'800'000'000;

// A group pushed `age` seconds before Now (never, when negative) whose last
// push succeeded or failed (at Now), with `families` gauges m0, m1, ... of one
// series each, labelled with the key.
Group agedGroup(const LabelPairs &labels, double age, bool ok = true, int families = 1)
{
    const GroupingKey k = key(labels);
    QList<MetricFamily> gauges;
    for (int i = 0; i < families; ++i)
        gauges.append(family(u"m%1"_s.arg(i), MetricType::Gauge, {series(k.labels(), 1)}));
    Group g = group(k, age < 0 ? 0 : Now - age, ok ? 0 : Now, gauges);
    g.lastPushSuccessful = ok; // as given, also for a failure in the second of the push
    return g;
}

// api/web-1 fresh, api/web-2 warning, batch/db-1 stale, batch/"" failed,
// cron never pushed.
QList<Group> sampleGroups()
{
    return {
        agedGroup({{u"job"_s, u"api"_s}, {u"instance"_s, u"web-1"_s}, {u"env"_s, u"prod"_s}}, 5, true, 3),
        agedGroup({{u"job"_s, u"api"_s}, {u"instance"_s, u"web-2"_s}, {u"env"_s, u"dev"_s}}, 4000, true, 10),
        agedGroup({{u"job"_s, u"batch"_s}, {u"instance"_s, u"db-1"_s}}, 50'000, true, 2),
        agedGroup({{u"job"_s, u"batch"_s}, {u"instance"_s, QString()}}, 50, false, 1),
        agedGroup({{u"job"_s, u"cron"_s}}, -1, true, 0),
    };
}

QStringList proxyKeys(const QAbstractItemModel &proxy)
{
    QStringList keys;
    for (int row = 0; row < proxy.rowCount(); ++row)
        keys << proxy.index(row, 0).data(GroupTableModel::KeyTextRole).toString();
    return keys;
}

QStringList sortedProxyKeys(const QAbstractItemModel &proxy)
{
    QStringList keys = proxyKeys(proxy);
    keys.sort();
    return keys;
}

struct Fixture
{
    GroupTableModel model;
    GroupFilterProxy proxy;
    QAbstractItemModelTester modelTester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};

    Fixture()
    {
        proxy.setSourceModel(&model);
        model.setGroups(sampleGroups(), Now);
    }
};

} // namespace

class TestGroupFilterProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void textFilter();
    void matcherFilter();
    void stateFilter();
    void minimumAgeFollowsTick();
    void combinedFilters();
    void sortsByRawValues();
    void refreshesKeepFilteringAndSorting();
    void staysSortedThroughTicksAndPushes_data();
    void staysSortedThroughTicksAndPushes();
};

void TestGroupFilterProxy::defaults()
{
    Fixture f;
    QCOMPARE(f.proxy.rowCount(), 5);
    QVERIFY(!f.proxy.isFiltering());
    QCOMPARE(f.proxy.sortRole(), int(GroupTableModel::SortRole));
    QVERIFY(f.proxy.dynamicSortFilter());
    QCOMPARE(f.proxy.columnCount(), f.model.columnCount());
}

void TestGroupFilterProxy::textFilter()
{
    Fixture f;
    QSignalSpy changed(&f.proxy, &GroupFilterProxy::filtersChanged);
    QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);

    f.proxy.setFilterText(u"BATCH"_s);
    QCOMPARE(changed.count(), 1);
    QVERIFY(removed.count() >= 1);
    QVERIFY(f.proxy.isFiltering());
    QCOMPARE(sortedProxyKeys(f.proxy),
             (QStringList{u"{job=\"batch\",instance=\"\"}"_s, u"{job=\"batch\",instance=\"db-1\"}"_s}));

    // Substring of the whole key text, labels names included.
    f.proxy.setFilterText(u"instance=\"web"_s);
    QCOMPARE(f.proxy.rowCount(), 2);
    f.proxy.setFilterText(u"env"_s);
    QCOMPARE(f.proxy.rowCount(), 2);

    // Setting the same text again does nothing.
    changed.clear();
    f.proxy.setFilterText(u"env"_s);
    QCOMPARE(changed.count(), 0);

    f.proxy.setFilterText(QString());
    QCOMPARE(f.proxy.rowCount(), 5);
    QVERIFY(!f.proxy.isFiltering());
}

void TestGroupFilterProxy::matcherFilter()
{
    Fixture f;
    QSignalSpy changed(&f.proxy, &GroupFilterProxy::filtersChanged);

    f.proxy.setMatcher(LabelMatcher::parse(u"{job=\"api\",env!=\"dev\"}").value());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(proxyKeys(f.proxy), QStringList{u"{job=\"api\",env=\"prod\",instance=\"web-1\"}"_s});

    // An absent label matches as "": the empty instance and cron.
    f.proxy.setMatcher(LabelMatcher::parse(u"instance=\"\"").value());
    QCOMPARE(sortedProxyKeys(f.proxy), (QStringList{u"{job=\"batch\",instance=\"\"}"_s, u"{job=\"cron\"}"_s}));

    f.proxy.setMatcher(LabelMatcher::parse(u"{instance=~\"(web|db)-.*\"}").value());
    QCOMPARE(f.proxy.rowCount(), 3);
    QCOMPARE(f.proxy.matcher().toString(), LabelMatcher::parse(u"{instance=~\"(web|db)-.*\"}")->toString());

    changed.clear();
    f.proxy.setMatcher(LabelMatcher::parse(u"{instance=~\"(web|db)-.*\"}").value());
    QCOMPARE(changed.count(), 0);

    f.proxy.setMatcher(LabelMatcher());
    QCOMPARE(f.proxy.rowCount(), 5);
}

void TestGroupFilterProxy::stateFilter()
{
    Fixture f;
    QSignalSpy changed(&f.proxy, &GroupFilterProxy::filtersChanged);
    f.proxy.setAllowedStates({Staleness::Stale, Staleness::Failed});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.proxy.allowedStates(), (QList<Staleness>{Staleness::Stale, Staleness::Failed}));
    QCOMPARE(sortedProxyKeys(f.proxy),
             (QStringList{u"{job=\"batch\",instance=\"\"}"_s, u"{job=\"batch\",instance=\"db-1\"}"_s}));

    f.proxy.setAllowedStates({Staleness::Unknown});
    QCOMPARE(proxyKeys(f.proxy), QStringList{u"{job=\"cron\"}"_s});
    f.proxy.setAllowedStates({Staleness::Warning, Staleness::Fresh});
    QCOMPARE(f.proxy.rowCount(), 2);

    // States change with time: the warning group goes stale after 6 h, the
    // fresh one is a warning by then; the proxy follows tick().
    QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
    f.model.tick(Now + 5 * 3600);
    QVERIFY(removed.count() >= 1);
    QCOMPARE(proxyKeys(f.proxy), QStringList{u"{job=\"api\",env=\"prod\",instance=\"web-1\"}"_s});

    f.proxy.setAllowedStates({});
    QCOMPARE(f.proxy.rowCount(), 5);
}

void TestGroupFilterProxy::minimumAgeFollowsTick()
{
    Fixture f;
    f.proxy.setMinimumAge(100);
    QCOMPARE(f.proxy.minimumAge(), 100.0);
    // web-2 (4000 s), db-1 (50000 s) and cron (never pushed: infinitely old).
    QCOMPARE(sortedProxyKeys(f.proxy),
             (QStringList{u"{job=\"api\",env=\"dev\",instance=\"web-2\"}"_s, u"{job=\"batch\",instance=\"db-1\"}"_s,
                          u"{job=\"cron\"}"_s}));

    QSignalSpy inserted(&f.proxy, &QAbstractItemModel::rowsInserted);
    f.model.tick(Now + 60); // the failed batch group is 110 s old now
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(f.proxy.rowCount(), 4);
    f.model.tick(Now + 95);
    QCOMPARE(f.proxy.rowCount(), 5);

    f.proxy.setMinimumAge(-3); // off
    QCOMPARE(f.proxy.minimumAge(), 0.0);
    QVERIFY(!f.proxy.isFiltering());
}

void TestGroupFilterProxy::combinedFilters()
{
    Fixture f;
    f.proxy.setFilterText(u"api"_s);
    f.proxy.setAllowedStates({Staleness::Warning});
    QCOMPARE(proxyKeys(f.proxy), QStringList{u"{job=\"api\",env=\"dev\",instance=\"web-2\"}"_s});
    f.proxy.setMatcher(LabelMatcher::parse(u"{env=\"prod\"}").value());
    QCOMPARE(f.proxy.rowCount(), 0);
    f.proxy.setAllowedStates({});
    QCOMPARE(f.proxy.rowCount(), 1);
}

void TestGroupFilterProxy::sortsByRawValues()
{
    Fixture f;
    QList<Group> groups;
    for (int age : {5, 50, 1000, 7, 90'000})
        groups << agedGroup({{u"job"_s, u"j%1"_s.arg(age)}}, age, true, age % 11);
    f.model.setGroups(groups, Now);

    // As text "16m40s" < "1d1h" < "50s" < "5s" < "7s"; as numbers they are not.
    f.proxy.sort(f.model.columnFor(GroupTableModel::AgeColumn), Qt::AscendingOrder);
    QStringList jobs;
    for (int row = 0; row < f.proxy.rowCount(); ++row)
        jobs << f.proxy.index(row, 0).data().toString();
    QCOMPARE(jobs, (QStringList{u"j5"_s, u"j7"_s, u"j50"_s, u"j1000"_s, u"j90000"_s}));

    f.proxy.sort(f.model.columnFor(GroupTableModel::FamilyCountColumn), Qt::DescendingOrder);
    QList<int> counts;
    for (int row = 0; row < f.proxy.rowCount(); ++row)
        counts << f.proxy.index(row, f.model.columnFor(GroupTableModel::FamilyCountColumn)).data().toInt();
    QCOMPARE(counts, (QList<int>{10, 9, 7, 6, 5})); // 1000%11, 90000%11, 7, 50%11, 5

    // A group pushed again moves to its place while sorted by age.
    f.proxy.sort(f.model.columnFor(GroupTableModel::AgeColumn), Qt::AscendingOrder);
    groups[4].pushTime = Now - 1;
    f.model.setGroups(groups, Now);
    QCOMPARE(f.proxy.index(0, 0).data().toString(), u"j90000"_s);
}

void TestGroupFilterProxy::refreshesKeepFilteringAndSorting()
{
    GroupTableModel model;
    GroupFilterProxy proxy;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(GroupTableModel::ColumnCount - 1, Qt::DescendingOrder); // no label columns yet: State

    const QStringList texts{QString(), u"job1"_s, u"HOST-1"_s, u"\"\""_s};
    const QStringList matchers{u"{}"_s, u"{env=\"prod\"}"_s, u"{instance=\"\"}"_s, u"{instance=~\"host-1.*\"}"_s};
    const QList<QList<Staleness>> stateSets{{}, {Staleness::Fresh}, {Staleness::Warning, Staleness::Stale}, {Staleness::Failed, Staleness::Unknown}};
    QRandomGenerator rng(77);

    for (int round = 0; round < 150; ++round) {
        const double now = Now + round * 30;
        QList<Group> groups;
        const int count = int(rng.bounded(120));
        for (int i = 0; i < count; ++i) {
            const int k = int(rng.bounded(300));
            LabelPairs labels{{u"job"_s, u"job%1"_s.arg(k % 13)}, {u"k"_s, QString::number(k)}};
            if (k % 4)
                labels.append({u"instance"_s, k % 9 == 0 ? QString() : u"host-%1"_s.arg(k)});
            if (k % 6 == 0)
                labels.append({u"env"_s, k % 12 ? u"prod"_s : u"dev"_s});
            Group group = agedGroup(labels, rng.bounded(100) < 5 ? -1 : double(rng.bounded(30'000)), rng.bounded(100) >= 10, 1);
            group.pushTime = group.pushTime > 0 ? now - (Now - group.pushTime) : 0;
            groups << group;
        }
        model.setGroups(groups, now);
        if (round % 3 == 0)
            proxy.setFilterText(texts.at(int(rng.bounded(texts.size()))));
        if (round % 4 == 0)
            proxy.setMatcher(LabelMatcher::parse(matchers.at(int(rng.bounded(matchers.size())))).value());
        if (round % 5 == 0)
            proxy.setAllowedStates(stateSets.at(int(rng.bounded(stateSets.size()))));
        if (round % 7 == 0)
            proxy.setMinimumAge(rng.bounded(100) < 50 ? 0 : 3600);
        if (round % 2 == 1)
            model.tick(now + 10);

        // Exactly the rows the filters accept, computed independently.
        QStringList expected;
        const double age0 = model.now();
        for (int row = 0; row < model.rowCount(); ++row) {
            const Group &group = model.group(row);
            const QString text = group.key.toString();
            const double age = group.pushTime > 0 ? age0 - group.pushTime : qInf();
            const QList<Staleness> states = proxy.allowedStates();
            if (!proxy.filterText().isEmpty() && !text.contains(proxy.filterText(), Qt::CaseInsensitive))
                continue;
            if (!proxy.matcher().matches(group.key))
                continue;
            if (!states.isEmpty() && !states.contains(model.verdict(row).state))
                continue;
            if (proxy.minimumAge() > 0 && !(age >= proxy.minimumAge()))
                continue;
            expected << text;
        }
        expected.sort();
        QCOMPARE(sortedProxyKeys(proxy), expected);

        // Still sorted by state, descending, whichever section State is now
        // (Qt 6.4 alone loses the sort column when columns arrive before rows).
        QCOMPARE(proxy.sortColumn(), model.columnFor(GroupTableModel::StateColumn));
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, 0).data(GroupTableModel::StateRole).toInt()
                    >= proxy.index(row, 0).data(GroupTableModel::StateRole).toInt());
    }
}

void TestGroupFilterProxy::staysSortedThroughTicksAndPushes_data()
{
    QTest::addColumn<QString>("column"); // a label name, or "age" / "state"
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("age ascending") << u"age"_s << Qt::AscendingOrder;
    QTest::newRow("age descending") << u"age"_s << Qt::DescendingOrder;
    QTest::newRow("state descending") << u"state"_s << Qt::DescendingOrder;
    QTest::newRow("instance ascending") << u"instance"_s << Qt::AscendingOrder;
}

// The clock tick announces ages without the sort role (the order of ages
// cannot change when all grow alike) and state changes only for the rows
// that changed; sort() compares cached label values. Whatever the proxy
// skips must still leave it exactly sorted, after every push and tick.
void TestGroupFilterProxy::staysSortedThroughTicksAndPushes()
{
    QFETCH(QString, column);
    QFETCH(Qt::SortOrder, order);
    GroupTableModel model;
    GroupFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    StalenessPolicy policy;
    policy.setDefaults(300, 3000);
    model.setPolicy(policy);

    QRandomGenerator rng(4242);
    QList<Group> groups;
    for (int i = 0; i < 200; ++i)
        groups << agedGroup({{u"job"_s, u"job%1"_s.arg(i % 7)}, {u"instance"_s, u"host-%1"_s.arg(rng.bounded(1000))},
                             {u"n"_s, QString::number(i)}},
                            i % 17 == 0 ? -1 : double(rng.bounded(6000)));
    double now = Now;
    model.setGroups(groups, now);
    const int section = column == u"age"_s     ? model.columnFor(GroupTableModel::AgeColumn)
                        : column == u"state"_s ? model.columnFor(GroupTableModel::StateColumn)
                                               : model.labelColumn(column);
    QVERIFY(section >= 0);
    proxy.sort(section, order);

    auto sortValue = [&](int proxyRow) { return proxy.index(proxyRow, section).data(GroupTableModel::SortRole); };
    auto checkSorted = [&](const char *when) {
        QCOMPARE(proxy.rowCount(), model.rowCount());
        for (int row = 1; row < proxy.rowCount(); ++row) {
            const QVariant a = sortValue(row - 1), b = sortValue(row);
            const bool inOrder = order == Qt::AscendingOrder ? QVariant::compare(a, b) <= 0 : QVariant::compare(a, b) >= 0;
            if (!inOrder)
                QFAIL(qPrintable(u"%1: rows %2 and %3 out of order (%4, %5)"_s.arg(QLatin1StringView(when))
                                     .arg(row - 1)
                                     .arg(row)
                                     .arg(a.toString(), b.toString())));
        }
    };
    checkSorted("first sort");
    for (int round = 0; round < 40; ++round) {
        now += 37;
        model.tick(now);
        checkSorted("tick");
        // A few groups push again (their age drops to ~0), one changes
        // instance (a new key), the clock moves on.
        for (int k = 0; k < 5; ++k)
            groups[int(rng.bounded(groups.size()))].pushTime = now - rng.bounded(5);
        Group &moved = groups[int(rng.bounded(groups.size()))];
        LabelPairs labels = moved.key.labels();
        for (LabelPair &label : labels) {
            if (label.first == u"instance")
                label.second = u"host-%1"_s.arg(rng.bounded(1000));
        }
        moved.key = GroupingKey::fromLabels(labels).value();
        now += 3;
        model.setGroups(groups, now);
        checkSorted("refresh");
    }
}

QTEST_GUILESS_MAIN(TestGroupFilterProxy)
#include "tst_groupfilterproxy.moc"
