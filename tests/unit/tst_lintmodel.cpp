// LintModel: the findings tree under QAbstractItemModelTester, merged row by
// row so that persistent indexes (selection, expanded rows) survive a poll.

#include "items/lintmodel.h"
#include "builders.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

LintFinding finding(LintSeverity severity, QLatin1StringView id, const QString &subject, const QStringList &keys,
                    const QString &title = {})
{
    LintFinding f;
    f.severity = severity;
    f.id = id;
    f.subject = subject;
    f.title = title.isEmpty() ? id + u' ' + subject : title;
    f.advice = u"advice for "_s + id;
    for (const QString &k : keys) {
        f.groups.append(key(k));
        f.notes.append(u"note "_s + k);
    }
    return f;
}

QStringList topTitles(const LintModel &model)
{
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row)
        titles.append(model.index(row, 0).data().toString());
    return titles;
}

QStringList childKeys(const LintModel &model, int row)
{
    QStringList keys;
    const QModelIndex parent = model.index(row, 0);
    for (int i = 0; i < model.rowCount(parent); ++i)
        keys.append(model.index(i, 0, parent).data().toString());
    return keys;
}

} // namespace

class TestLintModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void structureAndRoles();
    void mergeKeepsPersistentIndexes();
    void mergeGroupsWithinFinding();
    void updateRunsLint();
};

void TestLintModel::structureAndRoles()
{
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const LintFinding collision = finding(LintSeverity::Critical, LintFinding::CollidingKeys, u"{job=\"x\"}"_s,
                                          {u"{job=\"x\"}"_s, u"{job=\"x\",instance=\"\"}"_s});
    model.setFindings({collision, finding(LintSeverity::Info, LintFinding::EmptyPush, {}, {u"{job=\"e\"}"_s})});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(LintModel::ColumnCount));
    const QModelIndex top = model.index(0, LintModel::TitleColumn);
    QCOMPARE(top.data().toString(), collision.title);
    QCOMPARE(model.index(0, LintModel::DetailColumn).data().toString(), u"2 groups"_s);
    QCOMPARE(model.index(1, LintModel::DetailColumn).data().toString(), u"1 group"_s);
    QCOMPARE(top.data(LintModel::SeverityRole).toInt(), int(LintSeverity::Critical));
    QCOMPARE(top.data(LintModel::FindingIdRole).toString(), LintFinding::CollidingKeys);
    QCOMPARE(top.data(LintModel::IsFindingRole).toBool(), true);
    QCOMPARE(top.data(LintModel::AdviceRole).toString(), collision.advice);
    QVERIFY(top.data(Qt::ToolTipRole).toString().contains(collision.advice));
    QCOMPARE(top.data(LintModel::KeysRole).value<QList<GroupingKey>>(), collision.groups);
    QCOMPARE(model.keysFor(top), collision.groups);

    QCOMPARE(model.rowCount(top), 2);
    const QModelIndex child = model.index(1, LintModel::TitleColumn, top);
    QCOMPARE(child.parent(), top);
    QCOMPARE(child.data().toString(), u"{job=\"x\",instance=\"\"}"_s);
    QCOMPARE(model.index(1, LintModel::DetailColumn, top).data().toString(), u"note {job=\"x\",instance=\"\"}"_s);
    QCOMPARE(child.data(LintModel::IsFindingRole).toBool(), false);
    QCOMPARE(child.data(LintModel::SeverityRole).toInt(), int(LintSeverity::Critical));
    QCOMPARE(model.keysFor(child), QList<GroupingKey>{key(u"{job=\"x\",instance=\"\"}"_s)});
    QCOMPARE(model.rowCount(child), 0);
    QVERIFY(!model.index(0, 0, child).isValid());
    QCOMPARE(model.findingFor(child), &model.findings().at(0));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Finding"_s);
}

void TestLintModel::mergeKeepsPersistentIndexes()
{
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const LintFinding failed = finding(LintSeverity::Warning, LintFinding::PushFailed, {}, {u"{job=\"f\"}"_s});
    const LintFinding instance = finding(LintSeverity::Warning, LintFinding::InstanceLabel, u"instance"_s,
                                         {u"{job=\"c\",instance=\"a\"}"_s, u"{job=\"c\",instance=\"b\"}"_s});
    const LintFinding empty = finding(LintSeverity::Info, LintFinding::EmptyPush, {}, {u"{job=\"e\"}"_s});
    model.setFindings({failed, instance, empty});

    const QPersistentModelIndex instanceRow(model.index(1, 0));
    const QPersistentModelIndex instanceChild(model.index(1, 0, model.index(1, 0)));
    QCOMPARE(instanceChild.data().toString(), u"{job=\"c\",instance=\"b\"}"_s);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A critical finding appears in front, push-failed goes away, the
    // instance finding's title changes.
    const LintFinding collision = finding(LintSeverity::Critical, LintFinding::CollidingKeys, u"{job=\"x\"}"_s,
                                          {u"{job=\"x\"}"_s, u"{job=\"x\",instance=\"\"}"_s});
    LintFinding instance2 = instance;
    instance2.title = u"retitled"_s;
    model.setFindings({collision, instance2, empty});

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(topTitles(model), (QStringList{collision.title, u"retitled"_s, empty.title}));
    QVERIFY(instanceRow.isValid());
    QCOMPARE(instanceRow.row(), 1);
    QCOMPARE(instanceRow.data().toString(), u"retitled"_s);
    QVERIFY(instanceChild.isValid());
    QCOMPARE(instanceChild.parent(), QModelIndex(instanceRow));
    QCOMPARE(instanceChild.data().toString(), u"{job=\"c\",instance=\"b\"}"_s);

    // Same findings again: nothing to do.
    reset.clear();
    inserted.clear();
    removed.clear();
    changed.clear();
    model.setFindings({collision, instance2, empty});
    QCOMPARE(inserted.size() + removed.size() + changed.size() + reset.size(), 0);

    // Everything goes.
    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!instanceRow.isValid());
    QVERIFY(!instanceChild.isValid());
}

void TestLintModel::mergeGroupsWithinFinding()
{
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings({finding(LintSeverity::Warning, LintFinding::Stale, {},
                               {u"{job=\"a\"}"_s, u"{job=\"b\"}"_s, u"{job=\"c\"}"_s})});
    const QPersistentModelIndex b(model.index(1, 0, model.index(0, 0)));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    LintFinding next = finding(LintSeverity::Warning, LintFinding::Stale, {},
                               {u"{job=\"a0\"}"_s, u"{job=\"b\"}"_s, u"{job=\"d\"}"_s});
    next.notes[1] = u"older now"_s;
    model.setFindings({next});
    QCOMPARE(childKeys(model, 0), (QStringList{u"{job=\"a0\"}"_s, u"{job=\"b\"}"_s, u"{job=\"d\"}"_s}));
    QVERIFY(b.isValid());
    QCOMPARE(b.row(), 1);
    QCOMPARE(b.sibling(1, LintModel::DetailColumn).data().toString(), u"older now"_s);
    QVERIFY(!changed.isEmpty());
}

void TestLintModel::updateRunsLint()
{
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy findingsChanged(&model, &LintModel::findingsChanged);
    Group a;
    a.key = key(u"{job=\"x\"}"_s);
    a.pushTime = 1000;
    Group b = a;
    b.key = key(u"{job=\"x\",instance=\"\"}"_s);
    model.update({a, b}, StalenessPolicy(), 1010);
    QCOMPARE(findingsChanged.size(), 1);
    QCOMPARE(model.groupCount(), 2);
    QCOMPARE(model.rowCount(), 2); // the collision, and both groups are empty
    QCOMPARE(model.index(0, 0).data(LintModel::FindingIdRole).toString(), LintFinding::CollidingKeys);
    QCOMPARE(model.index(1, 0).data(LintModel::FindingIdRole).toString(), LintFinding::EmptyPush);
}

QTEST_GUILESS_MAIN(TestLintModel)
#include "tst_lintmodel.moc"
