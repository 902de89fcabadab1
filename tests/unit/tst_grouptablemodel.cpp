// GroupTableModel: merging polls row by row (never a reset), dynamic label
// columns, the age tick, and that selection and persistent indexes survive.

#include "core/duration.h"
#include "items/grouptablemodel.h"
#include "builders.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::group;
using PushDeck::Test::jobKey;
using PushDeck::Test::key;
using PushDeck::Test::series;
using PushDeck::Test::seriesLabels;

namespace {

constexpr double Now = 1'800'000'000;

// A gauge of `seriesCount` series n="0", n="1", ... of the group `k`, valued
// `value`, `value` + 1, ...
MetricFamily numberedGauge(const QString &name, const GroupingKey &k, int seriesCount, double value)
{
    QList<Series> all;
    for (int i = 0; i < seriesCount; ++i)
        all.append(series(seriesLabels(k, {{u"n"_s, QString::number(i)}}), value + i));
    return family(name, MetricType::Gauge, all);
}

// A group of `families` numbered gauges metric_0 (1 series), metric_1 (2), ...
// pushed at `pushTime`; when not `ok`, a push failed a second later.
Group gaugeGroup(const GroupingKey &k, double pushTime, int families = 1, bool ok = true)
{
    QList<MetricFamily> gauges;
    for (int i = 0; i < families; ++i)
        gauges.append(numberedGauge(u"metric_%1"_s.arg(i), k, i + 1, pushTime));
    return group(k, pushTime, ok ? 0 : pushTime + 1, gauges);
}

Group jobGroup(const QString &job, double pushTime = Now - 10)
{
    return gaugeGroup(jobKey(job), pushTime);
}

QList<GroupingKey> rowKeys(const GroupTableModel &model)
{
    QList<GroupingKey> keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys.append(model.group(row).key);
    return keys;
}

// A fixed universe of keys with a mix of label sets, empty values and one
// rare label, so that columns come and go as groups do.
QList<GroupingKey> keyUniverse()
{
    QList<GroupingKey> keys;
    QSet<GroupingKey> seen;
    for (int k = 0; k < 420; ++k) {
        LabelPairs labels{{u"job"_s, u"job%1"_s.arg(k % 23)}};
        labels.append({u"k"_s, QString::number(k)});
        if (k % 3 != 0)
            labels.append({u"instance"_s, k % 17 == 0 ? QString() : u"host-%1:9100"_s.arg(k)});
        if (k % 5 == 0)
            labels.append({u"env"_s, k % 2 ? u"prod"_s : u"dev"_s});
        if (k % 7 == 0)
            labels.append({u"region"_s, u"eu/west"_s});
        if (k % 97 == 0)
            labels.append({u"zone"_s, u"z\"%1\""_s.arg(k)});
        const GroupingKey key = Test::key(labels);
        if (!seen.contains(key)) {
            seen.insert(key);
            keys.append(key);
        }
    }
    return keys;
}

} // namespace

class TestGroupTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstLoadInsertsRows();
    void labelColumnOrder();
    void labelCells();
    void fixedCells();
    void headers();
    void unchangedPollEmitsNothing();
    void mergeSignalsAreCoalesced();
    void duplicateKeyLastWins();
    void tickEmitsOneAgeChange();
    void tickAlsoAnnouncesStateChanges();
    void newLabelInsertsColumn();
    void policyChangesStates();
    void randomRefreshRounds();
    void mergeTenThousandGroups();
};

void TestGroupTableModel::firstLoadInsertsRows()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);

    QCOMPARE(model.columnCount(), int(GroupTableModel::ColumnCount));
    model.setGroups({jobGroup(u"a"_s), jobGroup(u"b"_s), jobGroup(u"c"_s)}, Now);

    QCOMPARE(resets.count(), 0);
    QCOMPARE(columns.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.labelNames(), QStringList{u"job"_s});
    QCOMPARE(model.columnCount(), 1 + int(GroupTableModel::ColumnCount));
    QCOMPARE(model.rowOf(key({{u"job"_s, u"b"_s}})), 1);
    QCOMPARE(model.indexOf(key({{u"job"_s, u"c"_s}})).row(), 2);
    QVERIFY(!model.indexOf(key({{u"job"_s, u"zzz"_s}})).isValid());

    model.clear();
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.labelColumnCount(), 0);
}

void TestGroupTableModel::labelColumnOrder()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Group> groups;
    for (int i = 0; i < 3; ++i)
        groups << gaugeGroup(key({{u"job"_s, u"x"_s}, {u"instance"_s, QString::number(i)}}), Now);
    for (int i = 0; i < 5; ++i)
        groups << gaugeGroup(key({{u"job"_s, u"y"_s}, {u"env"_s, QString::number(i)}}), Now);
    for (int i = 0; i < 5; ++i)
        groups << gaugeGroup(key({{u"job"_s, u"z"_s}, {u"a"_s, QString::number(i)}}), Now);
    // "aaa" is in every group but job still comes first.
    for (Group &group : groups) {
        LabelPairs labels = group.key.labels();
        labels.append({u"aaa"_s, u"1"_s});
        group.key = key(labels);
    }
    model.setGroups(groups, Now);
    QCOMPARE(model.labelNames(), (QStringList{u"job"_s, u"aaa"_s, u"a"_s, u"env"_s, u"instance"_s}));
    QCOMPARE(model.labelColumn(u"env"), 3);
    QCOMPARE(model.labelColumn(u"nope"), -1);
    QCOMPARE(model.labelNameAt(4), u"instance"_s);
    QCOMPARE(model.labelNameAt(5), QString());
    QCOMPARE(model.columnFor(GroupTableModel::LastPushColumn), 5);
    QCOMPARE(model.columnFor(GroupTableModel::StateColumn), 10);
    QCOMPARE(model.fixedColumn(5), std::optional(GroupTableModel::LastPushColumn));
    QCOMPARE(model.fixedColumn(10), std::optional(GroupTableModel::StateColumn));
    QVERIFY(!model.fixedColumn(4));
    QVERIFY(!model.fixedColumn(11));
    QCOMPARE(model.columnCount(), 11);
}

void TestGroupTableModel::labelCells()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const GroupingKey plain = key({{u"job"_s, u"a"_s}});
    const GroupingKey empty = key({{u"job"_s, u"a"_s}, {u"instance"_s, QString()}});
    const GroupingKey full = key({{u"job"_s, u"a"_s}, {u"instance"_s, u"db/1"_s}});
    model.setGroups({gaugeGroup(plain, Now), gaugeGroup(empty, Now), gaugeGroup(full, Now)}, Now);

    const int instance = model.labelColumn(u"instance");
    QCOMPARE(instance, 1);
    QCOMPARE(model.index(0, instance).data().toString(), QString());
    QCOMPARE(model.index(1, instance).data().toString(), u"\"\""_s);
    QCOMPARE(model.index(2, instance).data().toString(), u"db/1"_s);
    QCOMPARE(model.index(1, instance).data(GroupTableModel::SortRole).toString(), QString());
    QVERIFY(model.index(1, instance).data(Qt::ToolTipRole).toString().contains(u"empty"_s));
    QCOMPARE(model.index(2, instance).data(Qt::ToolTipRole).toString(), u"instance=\"db/1\""_s);
    QCOMPARE(model.index(0, 0).data().toString(), u"a"_s);
    QCOMPARE(model.index(2, 0).data(GroupTableModel::KeyRole).value<GroupingKey>(), full);
    QCOMPARE(model.index(2, 3).data(GroupTableModel::KeyTextRole).toString(), full.toString());

    // Item 3: control and bidirectional characters in a label value are
    // shown escaped (visible), never passed to the view raw.
    const GroupingKey forged = key({{u"job"_s, u"a"_s}, {u"instance"_s, u"\x1b[2Kok\u202e"_s}});
    model.setGroups({gaugeGroup(forged, Now)}, Now);
    QCOMPARE(model.index(0, model.labelColumn(u"instance")).data().toString(), u"\\x1b[2Kok\\u202e"_s);
    QCOMPARE(model.index(0, model.labelColumn(u"instance")).data(GroupTableModel::SortRole).toString(), u"\x1b[2Kok\u202e"_s);
}

void TestGroupTableModel::fixedCells()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Group fresh = gaugeGroup(key({{u"job"_s, u"fresh"_s}}), Now - 192.5, 3);
    const Group failed = gaugeGroup(key({{u"job"_s, u"failed"_s}}), Now - 7200, 1, false);
    Group never = gaugeGroup(key({{u"job"_s, u"never"_s}}), 0, 0);
    model.setGroups({fresh, failed, never}, Now);

    auto cell = [&](int row, GroupTableModel::Column column, int role = Qt::DisplayRole) {
        return model.index(row, model.columnFor(column)).data(role);
    };
    QCOMPARE(cell(0, GroupTableModel::AgeColumn).toString(), formatAge(192.5));
    QCOMPARE(cell(0, GroupTableModel::AgeColumn, GroupTableModel::SortRole).toDouble(), 192.5);
    QCOMPARE(cell(0, GroupTableModel::AgeColumn, GroupTableModel::SortRole).metaType(), QMetaType::fromType<double>());
    QCOMPARE(cell(0, GroupTableModel::LastPushColumn).toString(), GroupTableModel::pushTimeText(Now - 192.5));
    QCOMPARE(cell(0, GroupTableModel::LastPushColumn, GroupTableModel::SortRole).toDouble(), Now - 192.5);
    QCOMPARE(cell(0, GroupTableModel::OkColumn).toString(), u"yes"_s);
    QCOMPARE(cell(0, GroupTableModel::FamilyCountColumn).toString(), u"3"_s);
    QCOMPARE(cell(0, GroupTableModel::FamilyCountColumn, GroupTableModel::SortRole).toInt(), 3);
    QCOMPARE(cell(0, GroupTableModel::SeriesCountColumn).toString(), u"6"_s); // 1 + 2 + 3
    QCOMPARE(cell(0, GroupTableModel::SeriesCountColumn, GroupTableModel::SortRole).toInt(), 6);
    QCOMPARE(cell(0, GroupTableModel::StateColumn).toString(), u"fresh"_s);
    QCOMPARE(cell(0, GroupTableModel::StateColumn, GroupTableModel::StateRole).toInt(), int(Staleness::Fresh));
    QCOMPARE(cell(0, GroupTableModel::AgeColumn, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.index(0, 0).data(GroupTableModel::AgeRole).toDouble(), 192.5);
    QCOMPARE(model.index(0, 0).data(GroupTableModel::PushTimeRole).toDouble(), Now - 192.5);
    QCOMPARE(model.index(0, 0).data(GroupTableModel::GroupRole).value<Group>().families.size(), 3);
    QVERIFY(!cell(0, GroupTableModel::FamilyCountColumn, Qt::ToolTipRole).toString().isEmpty());

    QCOMPARE(cell(1, GroupTableModel::OkColumn).toString(), u"failed"_s);
    QCOMPARE(cell(1, GroupTableModel::OkColumn, GroupTableModel::SortRole).toInt(), 0);
    QVERIFY(cell(1, GroupTableModel::OkColumn, Qt::ToolTipRole).toString().contains(u"failed"_s));
    QCOMPARE(cell(1, GroupTableModel::StateColumn).toString(), u"failed"_s);
    QCOMPARE(model.index(1, 0).data(GroupTableModel::StateRole).toInt(), int(Staleness::Failed));

    QCOMPARE(cell(2, GroupTableModel::LastPushColumn).toString(), u"never"_s);
    QCOMPARE(cell(2, GroupTableModel::AgeColumn).toString(), formatAge(std::nan("")));
    QVERIFY(std::isinf(cell(2, GroupTableModel::AgeColumn, GroupTableModel::SortRole).toDouble()));
    QCOMPARE(cell(2, GroupTableModel::StateColumn).toString(), u"unknown"_s);
    QCOMPARE(cell(2, GroupTableModel::SeriesCountColumn).toString(), u"0"_s);

    // Push times always show seconds.
    const QString text = GroupTableModel::pushTimeText(Now);
    const QDateTime local = QDateTime::fromSecsSinceEpoch(qint64(Now));
    QVERIFY2(text.contains(QString::number(local.time().second()).rightJustified(2, u'0')), qPrintable(text));
}

void TestGroupTableModel::headers()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({gaugeGroup(key({{u"job"_s, u"a"_s}, {u"instance"_s, u"i"_s}}), Now)}, Now);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"job"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"instance"_s);
    QCOMPARE(model.headerData(model.columnFor(GroupTableModel::LastPushColumn), Qt::Horizontal).toString(), u"Last push"_s);
    QCOMPARE(model.headerData(model.columnFor(GroupTableModel::AgeColumn), Qt::Horizontal).toString(), u"Age"_s);
    QCOMPARE(model.headerData(model.columnFor(GroupTableModel::StateColumn), Qt::Horizontal).toString(), u"State"_s);
    for (int section = 0; section < model.columnCount(); ++section) {
        QVERIFY(!model.headerData(section, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QVERIFY(!model.headerData(model.columnCount(), Qt::Horizontal).isValid());
}

void TestGroupTableModel::unchangedPollEmitsNothing()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Group> groups{jobGroup(u"a"_s), jobGroup(u"b"_s)};
    model.setGroups(groups, Now);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.setGroups(groups, Now);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(layout.count(), 0);

    // A later poll with the same data only moves the clock: one age change.
    model.setGroups(groups, Now + 1);
    QCOMPARE(changed.count(), 1);
    const int age = model.columnFor(GroupTableModel::AgeColumn);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, age));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, age));
}

void TestGroupTableModel::mergeSignalsAreCoalesced()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Group> groups;
    for (int i = 0; i < 10; ++i)
        groups << jobGroup(u"g%1"_s.arg(i));
    model.setGroups(groups, Now);

    QList<Group> next;
    for (int i : {0, 1, 5, 6, 8, 9})
        next << groups.at(i);
    next[0].pushTime += 5;      // g0
    next[1].families.clear();   // g1
    next[4].lastPushSuccessful = false; // g8
    next << jobGroup(u"new1"_s) << jobGroup(u"new2"_s);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy columnsRemoved(&model, &QAbstractItemModel::columnsRemoved);
    model.setGroups(next, Now);

    // Removed from the end: g7, then g2..g4.
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 7);
    QCOMPARE(removed.at(0).at(2).toInt(), 7);
    QCOMPARE(removed.at(1).at(1).toInt(), 2);
    QCOMPARE(removed.at(1).at(2).toInt(), 4);
    // g0, g1 are rows 0..1; g8 is row 4 now.
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, model.columnCount() - 1));
    QCOMPARE(changed.at(1).at(0).toModelIndex(), model.index(4, 0));
    QCOMPARE(changed.at(1).at(1).toModelIndex(), model.index(4, model.columnCount() - 1));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 6);
    QCOMPARE(inserted.at(0).at(2).toInt(), 7);
    QCOMPARE(columnsRemoved.count(), 0);

    QList<GroupingKey> expected;
    for (const Group &group : next)
        expected << group.key;
    QCOMPARE(rowKeys(model), expected);
    QCOMPARE(model.group(0).pushTime, next[0].pushTime);
    QCOMPARE(model.group(1).families.size(), 0);
    QCOMPARE(model.index(1, model.columnFor(GroupTableModel::SeriesCountColumn)).data().toString(), u"0"_s);
    QVERIFY(!model.group(4).lastPushSuccessful);
}

void TestGroupTableModel::duplicateKeyLastWins()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups({jobGroup(u"a"_s, Now - 5), jobGroup(u"b"_s), jobGroup(u"a"_s, Now - 1)}, Now);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.group(model.rowOf(key({{u"job"_s, u"a"_s}}))).pushTime, Now - 1);
    model.setGroups({jobGroup(u"a"_s, Now - 3), jobGroup(u"a"_s, Now - 2)}, Now);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.group(0).pushTime, Now - 2);
}

void TestGroupTableModel::tickEmitsOneAgeChange()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Group> groups;
    for (int i = 0; i < 5; ++i)
        groups << jobGroup(u"g%1"_s.arg(i), Now - 10 * i);
    model.setGroups(groups, Now);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick(Now + 60);
    QCOMPARE(changed.count(), 1);
    const int age = model.columnFor(GroupTableModel::AgeColumn);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, age));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(4, age));
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(roles.contains(GroupTableModel::AgeRole));
    // Every age grew by the same 60 s: the order by age is the same, so the
    // sort role is not announced and a proxy sorted by age has no work.
    QVERIFY(!roles.contains(GroupTableModel::SortRole));
    QCOMPARE(model.now(), Now + 60);
    QCOMPARE(model.index(4, age).data().toString(), formatAge(100));
    QCOMPARE(model.index(4, age).data(GroupTableModel::SortRole).toDouble(), 100.0);

    // An empty model has nothing to announce.
    GroupTableModel empty;
    QSignalSpy none(&empty, &QAbstractItemModel::dataChanged);
    empty.tick(Now);
    QCOMPARE(none.count(), 0);
}

void TestGroupTableModel::tickAlsoAnnouncesStateChanges()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StalenessPolicy policy;
    policy.setDefaults(100, 1000);
    model.setPolicy(policy);
    model.setGroups({jobGroup(u"a"_s, Now), jobGroup(u"b"_s, Now - 50)}, Now);
    const int state = model.columnFor(GroupTableModel::StateColumn);
    QCOMPARE(model.index(1, state).data().toString(), u"fresh"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick(Now + 60); // b is 110 s old: warning
    QCOMPARE(changed.count(), 2);
    // Only b's state cell: a proxy re-sorts and re-filters just that row.
    QCOMPARE(changed.at(1).at(0).toModelIndex(), model.index(1, state));
    QCOMPARE(changed.at(1).at(1).toModelIndex(), model.index(1, state));
    QCOMPARE(model.index(1, state).data().toString(), u"warning"_s);
    QCOMPARE(model.index(0, state).data().toString(), u"fresh"_s);
    QCOMPARE(model.verdict(1).state, Staleness::Warning);

    changed.clear();
    model.tick(Now + 61); // nothing crosses a threshold
    QCOMPARE(changed.count(), 1);
}

void TestGroupTableModel::newLabelInsertsColumn()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Group a = gaugeGroup(key({{u"job"_s, u"a"_s}, {u"instance"_s, u"1"_s}}), Now);
    const Group b = gaugeGroup(key({{u"job"_s, u"b"_s}}), Now);
    const Group c = gaugeGroup(key({{u"job"_s, u"c"_s}, {u"zone"_s, u"z1"_s}, {u"env"_s, u"prod"_s}}), Now);
    model.setGroups({a, b}, Now);
    QCOMPARE(model.labelNames(), (QStringList{u"job"_s, u"instance"_s}));

    QSignalSpy inserted(&model, &QAbstractItemModel::columnsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::columnsRemoved);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setGroups({a, b, c}, Now);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(model.labelNames(), (QStringList{u"job"_s, u"instance"_s, u"env"_s, u"zone"_s}));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), u"zone"_s);
    QCOMPARE(model.index(2, 3).data().toString(), u"z1"_s);
    QCOMPARE(model.index(0, 3).data().toString(), QString());
    QCOMPARE(model.columnFor(GroupTableModel::LastPushColumn), 4);

    // instance goes with a; zone and env with c. Existing columns keep their
    // places while their label is in use.
    model.setGroups({b, c}, Now);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(model.labelNames(), (QStringList{u"job"_s, u"env"_s, u"zone"_s}));
    model.setGroups({a, b}, Now);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 2);
    QCOMPARE(model.labelNames(), (QStringList{u"job"_s, u"instance"_s}));

    // A label leaving with one group and arriving with another in the same
    // poll keeps its column (no remove + insert flicker).
    const Group d = gaugeGroup(key({{u"job"_s, u"d"_s}, {u"instance"_s, u"2"_s}}), Now);
    removed.clear();
    inserted.clear();
    model.setGroups({b, d}, Now);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.labelNames(), (QStringList{u"job"_s, u"instance"_s}));
    QCOMPARE(model.index(1, 1).data().toString(), u"2"_s);
    QCOMPARE(resets.count(), 0);
}

void TestGroupTableModel::policyChangesStates()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Group batch = gaugeGroup(key({{u"job"_s, u"batch"_s}}), Now - 600);
    const Group other = gaugeGroup(key({{u"job"_s, u"other"_s}}), Now - 600);
    model.setGroups({batch, other}, Now);
    const int state = model.columnFor(GroupTableModel::StateColumn);
    QCOMPARE(model.index(0, state).data().toString(), u"fresh"_s);

    StalenessPolicy policy;
    StalenessRule rule;
    rule.matcher = LabelMatcher::parse(u"{job=\"batch\"}").value();
    rule.warnAfter = 60;
    rule.staleAfter = 300;
    policy.setRules({rule});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPolicy(policy);
    QCOMPARE(changed.count(), 1); // only batch's verdict changed
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, state));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(0, state));
    QCOMPARE(model.index(0, state).data().toString(), u"stale"_s);
    QCOMPARE(model.index(1, state).data().toString(), u"fresh"_s);
    QVERIFY(model.index(0, state).data(Qt::ToolTipRole).toString().contains(u"rule 1"_s));
    QCOMPARE(model.verdict(0).ruleIndex, 0);
}

void TestGroupTableModel::randomRefreshRounds()
{
    GroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QItemSelectionModel selection(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutAboutToBeChanged);

    const QList<GroupingKey> universe = keyUniverse();
    QRandomGenerator rng(20261128);
    QHash<GroupingKey, Group> last; // what each key held in the previous round
    QList<GroupingKey> order;       // expected row order
    StalenessPolicy policy;
    policy.setDefaults(900, 3600);
    model.setPolicy(policy);

    for (int round = 0; round < 200; ++round) {
        const double now = Now + round * 15;

        // Remember a few rows by persistent index and select a few others.
        struct Watched
        {
            QPersistentModelIndex index;
            GroupingKey key;
            QString labelName;                           // label column, or
            std::optional<GroupTableModel::Column> fixed; // fixed column
        };
        QList<Watched> watched;
        selection.clearSelection();
        QSet<GroupingKey> selectedKeys;
        for (int i = 0; i < 12 && model.rowCount() > 0; ++i) {
            const int row = int(rng.bounded(model.rowCount()));
            const int column = int(rng.bounded(model.columnCount()));
            watched.append({QPersistentModelIndex(model.index(row, column)), model.group(row).key,
                            model.labelNameAt(column), model.fixedColumn(column)});
            if (i % 2 == 0) {
                selection.select(model.index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
                selectedKeys.insert(model.group(row).key);
            }
        }

        // This round's poll: a random subset in random order, most groups
        // unchanged, some pushed again, some failing, now and then a
        // duplicate key (the last one wins).
        QList<qsizetype> picks(universe.size());
        std::iota(picks.begin(), picks.end(), 0);
        std::shuffle(picks.begin(), picks.end(), rng);
        const int count = round % 50 == 49 ? 0 : int(rng.bounded(301));
        QList<Group> poll;
        QHash<GroupingKey, Group> expected;
        for (int i = 0; i < count; ++i) {
            const GroupingKey &key = universe.at(picks.at(i));
            Group group;
            if (last.contains(key) && rng.bounded(100) < 70) {
                group = last.value(key);
            } else {
                const double pushTime = rng.bounded(100) < 3 ? 0 : now - rng.bounded(5000);
                group = gaugeGroup(key, pushTime, int(rng.bounded(4)), rng.bounded(100) >= 10);
            }
            poll.append(group);
            expected.insert(key, group);
        }
        if (!poll.isEmpty() && rng.bounded(100) < 10) {
            Group again = poll.at(int(rng.bounded(poll.size())));
            again.pushTime = now - 1;
            poll.append(again);
            expected.insert(again.key, again);
        }

        model.setGroups(poll, now);

        // Surviving rows keep their order; new ones follow in poll order (a
        // repeated key where it occurs last).
        QList<GroupingKey> nextOrder;
        for (const GroupingKey &key : std::as_const(order)) {
            if (expected.contains(key))
                nextOrder.append(key);
        }
        const QSet<GroupingKey> kept(nextOrder.begin(), nextOrder.end());
        QHash<GroupingKey, qsizetype> lastOccurrence;
        for (qsizetype i = 0; i < poll.size(); ++i)
            lastOccurrence.insert(poll.at(i).key, i);
        for (qsizetype i = 0; i < poll.size(); ++i) {
            if (!kept.contains(poll.at(i).key) && lastOccurrence.value(poll.at(i).key) == i)
                nextOrder.append(poll.at(i).key);
        }
        order = nextOrder;
        QCOMPARE(rowKeys(model), order);

        // Contents.
        QSet<QString> labelNames;
        for (int row = 0; row < model.rowCount(); ++row) {
            const Group &want = expected.value(order.at(row));
            const Group &have = model.group(row);
            QCOMPARE(have.pushTime, want.pushTime);
            QCOMPARE(have.lastPushSuccessful, want.lastPushSuccessful);
            QVERIFY(sameFamilies(have.families, want.families));
            QCOMPARE(model.rowOf(want.key), row);
            for (const QString &name : want.key.names())
                labelNames.insert(name);
            if (row % 7 == 0) {
                QCOMPARE(model.index(row, model.columnFor(GroupTableModel::StateColumn)).data().toString(),
                         stalenessName(policy.evaluate(want, now).state));
                QCOMPARE(model.index(row, model.columnFor(GroupTableModel::AgeColumn)).data().toString(),
                         formatAge(want.pushTime > 0 ? now - want.pushTime : std::nan("")));
                QCOMPARE(model.index(row, model.columnFor(GroupTableModel::SeriesCountColumn)).data().toInt(),
                         want.seriesCount());
                for (int column = 0; column < model.labelColumnCount(); ++column) {
                    const QString name = model.labelNameAt(column);
                    const QString text = model.index(row, column).data().toString();
                    if (!want.key.contains(name))
                        QCOMPARE(text, QString());
                    else
                        QCOMPARE(text, want.key.value(name).isEmpty() ? u"\"\""_s : want.key.value(name));
                }
            }
        }
        const QStringList names = model.labelNames();
        QCOMPARE(QSet<QString>(names.begin(), names.end()), labelNames);
        if (!names.isEmpty())
            QCOMPARE(names.first(), u"job"_s);
        QCOMPARE(model.columnCount(), int(names.size()) + int(GroupTableModel::ColumnCount));

        // Persistent indexes follow their group and column, or die with
        // either of them.
        for (const Watched &w : std::as_const(watched)) {
            const int column = w.fixed ? model.columnFor(*w.fixed) : model.labelColumn(w.labelName);
            if (expected.contains(w.key) && column >= 0) {
                QVERIFY(w.index.isValid());
                QCOMPARE(w.index.row(), model.rowOf(w.key));
                QCOMPARE(w.index.column(), column);
                QCOMPARE(w.index.data(GroupTableModel::KeyRole).value<GroupingKey>(), w.key);
            } else {
                QVERIFY(!w.index.isValid());
            }
        }
        // Selected rows stay selected as long as their group exists. (Not
        // selectedRows(): QItemSelectionModel leaves the cells of a newly
        // inserted column unselected, so such a row is no longer "whole".)
        QSet<GroupingKey> stillSelected;
        for (const QModelIndex &index : selection.selectedIndexes()) {
            if (index.column() == 0)
                stillSelected.insert(model.group(index.row()).key);
        }
        QSet<GroupingKey> wantSelected;
        for (const GroupingKey &key : std::as_const(selectedKeys)) {
            if (expected.contains(key))
                wantSelected.insert(key);
        }
        QCOMPARE(stillSelected, wantSelected);

        last = expected;
        if (round % 10 == 0)
            model.tick(now + 5);
    }
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
}

void TestGroupTableModel::mergeTenThousandGroups()
{
    // No QAbstractItemModelTester here: it walks every cell on every signal
    // (5,000 removals x 100,000 cells); randomRefreshRounds covers correctness.
    GroupTableModel model;
    QList<Group> groups;
    groups.reserve(10'000);
    for (int i = 0; i < 10'000; ++i)
        groups << gaugeGroup(key({{u"job"_s, u"job%1"_s.arg(i % 50)}, {u"instance"_s, u"host-%1"_s.arg(i)}}),
                             Now - i, 2);

    QElapsedTimer timer;
    timer.start();
    model.setGroups(groups, Now);
    const qint64 first = timer.restart();
    QCOMPARE(model.rowCount(), 10'000);

    // Every other group vanishes (5,000 single-row removals), every tenth
    // is pushed again, 5,000 new ones arrive.
    QList<Group> next;
    for (int i = 0; i < 10'000; i += 2) {
        next << groups.at(i);
        if (i % 10 == 0)
            next.last().pushTime += 1;
    }
    for (int i = 10'000; i < 15'000; ++i)
        next << gaugeGroup(key({{u"job"_s, u"job%1"_s.arg(i % 50)}, {u"instance"_s, u"host-%1"_s.arg(i)}}), Now, 2);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setGroups(next, Now + 1);
    const qint64 second = timer.restart();
    model.setGroups(next, Now + 2);
    const qint64 third = timer.elapsed();
    QCOMPARE(model.rowCount(), 10'000);
    QCOMPARE(removed.count(), 5'000);
    QCOMPARE(model.group(0).pushTime, Now + 1);
    QCOMPARE(model.rowOf(next.last().key), 9'999);
    qInfo("10k groups: load %lld ms, merge with 5k scattered removals %lld ms, unchanged merge %lld ms "
          , first, second, third);
}

QTEST_GUILESS_MAIN(TestGroupTableModel)
#include "tst_grouptablemodel.moc"
