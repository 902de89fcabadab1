// FamilyTreeModel: the family → series → bucket/quantile tree of one group,
// merged in place on refresh so expanded rows (persistent indexes) survive.

#include "format/value.h"
#include "items/familytreemodel.h"
#include "builders.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::histogramSeries;
using PushDeck::Test::key;
using PushDeck::Test::series;
using PushDeck::Test::seriesLabels;

namespace {

const GroupingKey Key = key({{u"job"_s, u"batch"_s}, {u"instance"_s, u"db-1"_s}});

// A series of Key's group, labelled as the gateway returns it.
Series keySeries(LabelPairs own, double value)
{
    return series(seriesLabels(Key, std::move(own)), value);
}

// A histogram series of Key's group; its count is the last bucket's.
Series keyHistogram(LabelPairs own, QList<Bucket> buckets, double sum)
{
    const double count = buckets.isEmpty() ? 0 : buckets.last().cumulativeCount;
    return histogramSeries(seriesLabels(Key, std::move(own)), std::move(buckets), sum, count);
}

Group sampleGroup()
{
    constexpr double Inf = std::numeric_limits<double>::infinity();
    Group group;
    group.key = Key;
    group.pushTime = 1'800'000'000;
    Series summary;
    summary.labels = seriesLabels(Key);
    summary.quantiles = {{0.5, 0.2}, {0.99, 0.9}};
    summary.count = 4;
    summary.sum = 2;
    group.families = {
        family(u"requests_total"_s, MetricType::Counter,
               {keySeries({{u"code"_s, u"500"_s}}, 3), keySeries({{u"code"_s, u"200"_s}, {u"path"_s, QString()}}, 42)},
               u"Requests served."_s),
        family(u"latency_seconds"_s, MetricType::Histogram,
               {keyHistogram({}, {{0.1, 1}, {1, 2}, {Inf, 3}}, 1.5)}),
        family(u"temperature"_s, MetricType::Gauge, {keySeries({}, std::nan(""))}),
        family(u"rpc_seconds"_s, MetricType::Summary, {summary}),
    };
    return group;
}

// The model's tree as text, one line per row, to compare whole trees.
QStringList dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QStringList cells;
        for (int column = 0; column < FamilyTreeModel::ColumnCount; ++column)
            cells << model.index(row, column, parent).data().toString();
        lines << QString(depth * 2, u' ') + cells.join(u" | ");
        lines << dump(model, index, depth + 1);
    }
    return lines;
}

// What the tree must show for `group`: families by name, series by labels.
QStringList expectedDump(const Group &group)
{
    QList<MetricFamily> families = group.families;
    std::sort(families.begin(), families.end(), [](auto &a, auto &b) { return a.name < b.name; });
    QStringList lines;
    for (MetricFamily &f : families) {
        const bool aggregate = f.type == MetricType::Histogram || f.type == MetricType::Summary;
        lines << QStringList{f.name, metricTypeName(f.type), u"%1 series"_s.arg(f.series.size()), f.help}.join(u" | ");
        std::sort(f.series.begin(), f.series.end(), [](auto &a, auto &b) { return a.labels < b.labels; });
        for (const Series &s : std::as_const(f.series)) {
            const QString value = aggregate ? u"count %1, sum %2"_s.arg(QString::fromLatin1(formatValue(s.count)),
                                                                       QString::fromLatin1(formatValue(s.sum)))
                                            : QString::fromLatin1(formatValue(s.value));
            lines << u"  "_s + QStringList{FamilyTreeModel::seriesLabelText(s.labels, group.key), QString(), value, QString()}.join(u" | ");
            for (const Bucket &b : s.buckets)
                lines << u"    le=\"%1\" |  | %2 | "_s.arg(QString::fromLatin1(formatValue(b.upperBound)),
                                                         QString::fromLatin1(formatValue(b.cumulativeCount)));
            for (const Quantile &q : s.quantiles)
                lines << u"    quantile=\"%1\" |  | %2 | "_s.arg(QString::fromLatin1(formatValue(q.quantile)),
                                                               QString::fromLatin1(formatValue(q.value)));
        }
    }
    return lines;
}

} // namespace

class TestFamilyTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure();
    void seriesLabelText_data();
    void seriesLabelText();
    void roles();
    void sameKeyMergesInPlace();
    void persistentIndexesFollowTheirSeries();
    void bucketLayoutChange();
    void typeChangeReplacesFamily();
    void otherKeyResets();
    void randomMerges();
};

void TestFamilyTreeModel::structure()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.hasGroup());
    const Group group = sampleGroup();
    model.setGroup(group);
    QVERIFY(model.hasGroup());
    QCOMPARE(model.key(), Key);

    const QStringList expected{
        u"latency_seconds | histogram | 1 series | "_s,
        u"  {} |  | count 3, sum 1.5 | "_s,
        u"    le=\"0.1\" |  | 1 | "_s,
        u"    le=\"1\" |  | 2 | "_s,
        u"    le=\"+Inf\" |  | 3 | "_s,
        u"requests_total | counter | 2 series | Requests served."_s,
        u"  {code=\"200\"} |  | 42 | "_s,
        u"  {code=\"500\"} |  | 3 | "_s,
        u"rpc_seconds | summary | 1 series | "_s,
        u"  {} |  | count 4, sum 2 | "_s,
        u"    quantile=\"0.5\" |  | 0.2 | "_s,
        u"    quantile=\"0.99\" |  | 0.9 | "_s,
        u"temperature | gauge | 1 series | "_s,
        u"  {} |  | NaN | "_s,
    };
    QCOMPARE(dump(model), expected);
    QCOMPARE(dump(model), expectedDump(group));

    // Only column 0 has children.
    QCOMPARE(model.rowCount(model.index(0, 1)), 0);
    QVERIFY(!model.index(0, 0, model.index(0, 1)).isValid());
    QVERIFY(!model.index(4, 0).isValid());
    QVERIFY(!model.index(0, FamilyTreeModel::ColumnCount).isValid());
}

void TestFamilyTreeModel::seriesLabelText_data()
{
    QTest::addColumn<LabelPairs>("labels");
    QTest::addColumn<QString>("text");
    QTest::newRow("only key labels") << seriesLabels(Key) << u"{}"_s;
    QTest::newRow("extra label") << seriesLabels(Key, {{u"code"_s, u"200"_s}}) << u"{code=\"200\"}"_s;
    QTest::newRow("empty dropped") << seriesLabels(Key, {{u"a"_s, QString()}, {u"b"_s, u"x"_s}}) << u"{b=\"x\"}"_s;
    QTest::newRow("escaped") << seriesLabels(Key, {{u"msg"_s, u"say \"hi\"\n\\"_s}}) << u"{msg=\"say \\\"hi\\\"\\n\\\\\"}"_s;
    QTest::newRow("key label with other value is shown")
        << LabelPairs{{u"instance"_s, u"db-2"_s}, {u"job"_s, u"batch"_s}} << u"{instance=\"db-2\"}"_s;
    QTest::newRow("several sorted") << seriesLabels(Key, {{u"a"_s, u"1"_s}, {u"z"_s, u"2"_s}}) << u"{a=\"1\",z=\"2\"}"_s;
}

void TestFamilyTreeModel::seriesLabelText()
{
    QFETCH(LabelPairs, labels);
    QFETCH(QString, text);
    QCOMPARE(FamilyTreeModel::seriesLabelText(labels, Key), text);
}

void TestFamilyTreeModel::roles()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroup(sampleGroup());

    const QModelIndex latency = model.familyIndex(u"latency_seconds");
    QVERIFY(latency.isValid());
    QCOMPARE(model.kind(latency), FamilyTreeModel::Kind::Family);
    QCOMPARE(latency.data(FamilyTreeModel::KindRole).toInt(), int(FamilyTreeModel::Kind::Family));
    QCOMPARE(latency.data(FamilyTreeModel::TypeRole).toInt(), int(MetricType::Histogram));
    QCOMPARE(latency.data(FamilyTreeModel::KeyRole).value<GroupingKey>(), Key);
    QCOMPARE(latency.siblingAtColumn(FamilyTreeModel::ValueColumn).data(FamilyTreeModel::SortRole).toInt(), 1);

    const QModelIndex series = model.index(0, 0, latency);
    QCOMPARE(model.kind(series), FamilyTreeModel::Kind::Series);
    QCOMPARE(series.parent(), latency);
    QCOMPARE(series.data(FamilyTreeModel::FamilyNameRole).toString(), u"latency_seconds"_s);
    QCOMPARE(series.data(FamilyTreeModel::LabelsRole).value<LabelPairs>(), seriesLabels(Key));
    QCOMPARE(series.data(FamilyTreeModel::ValueRole).toDouble(), 3.0);
    QCOMPARE(series.siblingAtColumn(FamilyTreeModel::ValueColumn).data(FamilyTreeModel::SortRole).toDouble(), 3.0);
    QVERIFY(series.data(Qt::ToolTipRole).toString().startsWith(u"latency_seconds{instance=\"db-1\",job=\"batch\"}"_s));

    const QModelIndex inf = model.index(2, 0, series);
    QCOMPARE(model.kind(inf), FamilyTreeModel::Kind::Bucket);
    QCOMPARE(inf.parent(), series);
    QCOMPARE(inf.parent().parent(), latency);
    QVERIFY(std::isinf(inf.data(FamilyTreeModel::SortRole).toDouble()));
    QCOMPARE(inf.data(FamilyTreeModel::ValueRole).toDouble(), 3.0);
    QCOMPARE(inf.data(FamilyTreeModel::FamilyNameRole).toString(), u"latency_seconds"_s);
    QCOMPARE(inf.siblingAtColumn(FamilyTreeModel::ValueColumn).data(Qt::ToolTipRole).toString(),
             u"latency_seconds_bucket{instance=\"db-1\",job=\"batch\",le=\"+Inf\"} 3"_s);
    QCOMPARE(model.rowCount(inf), 0);

    const QModelIndex rpc = model.familyIndex(u"rpc_seconds");
    const QModelIndex quantile = model.index(1, 0, model.index(0, 0, rpc));
    QCOMPARE(model.kind(quantile), FamilyTreeModel::Kind::Quantile);
    QCOMPARE(quantile.data(FamilyTreeModel::ValueRole).toDouble(), 0.9);

    const QModelIndex ok = model.seriesIndex(u"requests_total", seriesLabels(Key, {{u"code"_s, u"200"_s}, {u"path"_s, QString()}}));
    QVERIFY(ok.isValid());
    QCOMPARE(ok.row(), 0);
    QVERIFY(!model.seriesIndex(u"requests_total", seriesLabels(Key, {{u"code"_s, u"404"_s}})).isValid());
    QVERIFY(!model.familyIndex(u"nope").isValid());
    QCOMPARE(model.headerData(FamilyTreeModel::ValueColumn, Qt::Horizontal).toString(), u"Value"_s);
}

void TestFamilyTreeModel::sameKeyMergesInPlace()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Group group = sampleGroup();
    model.setGroup(group);

    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.setGroup(group); // identical: nothing to say
    QCOMPARE(changed.count() + inserted.count() + removed.count() + resets.count(), 0);

    group.families[0].series[0].value = 4;                    // requests_total{code="500"}
    group.families[1].series[0].buckets[1].cumulativeCount = 2.5; // latency le="1"
    model.setGroup(group);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(dump(model), expectedDump(group));
    // requests_total{code="500"} value, latency series value, its le="1" bucket.
    QCOMPARE(changed.count(), 3);
    const QModelIndex bucket = model.index(1, FamilyTreeModel::ValueColumn,
                                           model.index(0, 0, model.familyIndex(u"latency_seconds")));
    bool bucketSignalled = false;
    for (const auto &signal : std::as_const(changed))
        bucketSignalled = bucketSignalled || (signal.at(0).toModelIndex() == bucket && signal.at(1).toModelIndex() == bucket);
    QVERIFY(bucketSignalled);

    // A new family and a new series; a series and a family vanish.
    changed.clear();
    group.families.removeAt(2); // temperature
    group.families[0].series.removeAt(1); // requests_total{code="200"}
    group.families[0].series.append(keySeries({{u"code"_s, u"404"_s}}, 1));
    group.families.append(family(u"build_info"_s, MetricType::Gauge, {keySeries({{u"version"_s, u"1.0"_s}}, 1)}));
    model.setGroup(group);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(dump(model), expectedDump(group));
    QCOMPARE(removed.count(), 2);
    QCOMPARE(inserted.count(), 2);
}

void TestFamilyTreeModel::persistentIndexesFollowTheirSeries()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Group group = sampleGroup();
    model.setGroup(group);

    // What a tree view keeps for expanded rows.
    const QPersistentModelIndex requests = model.familyIndex(u"requests_total");
    const QPersistentModelIndex series500 = model.seriesIndex(u"requests_total", seriesLabels(Key, {{u"code"_s, u"500"_s}}));
    const QPersistentModelIndex latencySeries = model.index(0, 0, model.familyIndex(u"latency_seconds"));
    const QPersistentModelIndex infBucket = model.index(2, FamilyTreeModel::ValueColumn, latencySeries);
    const QPersistentModelIndex temperature = model.index(0, 0, model.familyIndex(u"temperature"));
    QCOMPARE(series500.row(), 1);

    // Families before them appear; a series before series500 appears.
    group.families.append(family(u"aaa"_s, MetricType::Gauge, {keySeries({}, 1)}));
    group.families.append(family(u"abc"_s, MetricType::Gauge, {keySeries({}, 1)}));
    group.families[0].series.append(keySeries({{u"code"_s, u"201"_s}}, 7));
    group.families.removeAt(2); // temperature goes
    model.setGroup(group);

    QVERIFY(requests.isValid());
    QCOMPARE(requests.row(), 3);
    QCOMPARE(requests.data().toString(), u"requests_total"_s);
    QVERIFY(series500.isValid());
    QCOMPARE(series500.row(), 2);
    QCOMPARE(series500.parent(), QModelIndex(requests));
    QCOMPARE(series500.data().toString(), u"{code=\"500\"}"_s);
    QVERIFY(latencySeries.isValid());
    QCOMPARE(latencySeries.parent().data().toString(), u"latency_seconds"_s);
    QVERIFY(infBucket.isValid());
    QCOMPARE(infBucket.data().toString(), u"3"_s);
    QCOMPARE(infBucket.parent().parent().row(), 2);
    QVERIFY(!temperature.isValid());
}

void TestFamilyTreeModel::bucketLayoutChange()
{
    constexpr double Inf = std::numeric_limits<double>::infinity();
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Group group = sampleGroup();
    model.setGroup(group);
    const QPersistentModelIndex series = model.index(0, 0, model.familyIndex(u"latency_seconds"));

    group.families[1].series[0] = keyHistogram({}, {{0.5, 2}, {Inf, 5}}, 9);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setGroup(group);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.at(0).at(0).toModelIndex(), QModelIndex(series));
    QVERIFY(series.isValid());
    QCOMPARE(model.rowCount(series), 2);
    QCOMPARE(dump(model), expectedDump(group));
}

void TestFamilyTreeModel::typeChangeReplacesFamily()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Group group = sampleGroup();
    model.setGroup(group);
    const QPersistentModelIndex temperature = model.familyIndex(u"temperature");

    group.families[2].type = MetricType::Untyped;
    model.setGroup(group);
    QVERIFY(!temperature.isValid());
    QCOMPARE(model.familyIndex(u"temperature", FamilyTreeModel::TypeColumn).data().toString(), u"untyped"_s);
    QCOMPARE(dump(model), expectedDump(group));
}

void TestFamilyTreeModel::otherKeyResets()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroup(sampleGroup());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    Group other;
    other.key = key({{u"job"_s, u"other"_s}});
    other.families = {family(u"x"_s, MetricType::Gauge, {keySeries({}, 1)})};
    model.setGroup(other);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.key(), other.key);
    QCOMPARE(model.rowCount(), 1);
    // Only the shown key's own labels are hidden: a job label with another
    // value and Key's instance show now.
    QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), u"{instance=\"db-1\",job=\"batch\"}"_s);

    model.clear();
    QCOMPARE(resets.count(), 2);
    QVERIFY(!model.hasGroup());
    QCOMPARE(model.rowCount(), 0);
}

void TestFamilyTreeModel::randomMerges()
{
    FamilyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QRandomGenerator rng(4242);
    constexpr double Inf = std::numeric_limits<double>::infinity();
    const QList<MetricType> types{MetricType::Gauge, MetricType::Counter, MetricType::Histogram, MetricType::Summary,
                                  MetricType::Untyped};

    Group group;
    group.key = Key;
    for (int round = 0; round < 200; ++round) {
        // Families f0..f11 come and go; their types change now and then.
        Group next;
        next.key = Key;
        for (int f = 0; f < 12; ++f) {
            if (rng.bounded(100) < 35)
                continue;
            MetricFamily mf;
            mf.name = u"f%1"_s.arg(f);
            mf.type = types.at((f + (rng.bounded(100) < 5 ? 1 : 0)) % types.size());
            mf.help = rng.bounded(100) < 10 ? u"help %1"_s.arg(round) : u"help"_s;
            for (int s = 0; s < 8; ++s) {
                if (rng.bounded(100) < 40)
                    continue;
                Series series;
                series.labels = seriesLabels(Key, {{u"s"_s, QString::number(s)}});
                if (mf.type == MetricType::Histogram) {
                    const int buckets = 1 + int(rng.bounded(rng.bounded(100) < 10 ? 4 : 2));
                    double count = 0;
                    for (int b = 0; b < buckets; ++b) {
                        count += rng.bounded(3);
                        series.buckets.append({b + 1 == buckets ? Inf : 0.1 * (b + 1), count});
                    }
                    series.count = count;
                    series.sum = rng.bounded(10);
                } else if (mf.type == MetricType::Summary) {
                    series.quantiles = {{0.5, double(rng.bounded(3))}, {0.9, double(rng.bounded(3))}};
                    series.count = rng.bounded(5);
                    series.sum = rng.bounded(5);
                } else {
                    series.value = rng.bounded(100) < 60 ? 1.0 : double(rng.bounded(10));
                }
                mf.series.append(series);
            }
            next.families.append(mf);
        }
        std::shuffle(next.families.begin(), next.families.end(), rng);

        // Persistent indexes of the series that will still be there.
        QList<std::pair<QPersistentModelIndex, QString>> watched;
        for (int f = 0; f < model.rowCount(); ++f) {
            const QModelIndex familyIndex = model.index(f, 0);
            for (int s = 0; s < model.rowCount(familyIndex); ++s)
                watched.append({model.index(s, 0, familyIndex),
                                familyIndex.data().toString() + model.index(s, 0, familyIndex).data().toString()});
        }

        model.setGroup(next);
        QCOMPARE(dump(model), expectedDump(next));

        for (const auto &[index, text] : std::as_const(watched)) {
            if (index.isValid())
                QCOMPARE(index.parent().data().toString() + index.data().toString(), text);
        }
        group = next;
    }
    QCOMPARE(resets.count(), 1); // only the first group
}

QTEST_GUILESS_MAIN(TestFamilyTreeModel)
#include "tst_familytreemodel.moc"
