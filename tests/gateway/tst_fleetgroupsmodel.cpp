// FleetGroupsModel: the groups of several gateways in one table. Two
// GroupTableModels are fed polls; the fleet model must follow every insert,
// removal and change incrementally (never a reset), map rows back to their
// gateway, and filter through GroupFilterProxy with the __gateway__
// pseudo-label. A second test follows two real gateways through Pollers.

#include "items/fleetgroupsmodel.h"
#include "items/groupfilterproxy.h"
#include "items/grouptablemodel.h"
#include "gateway/poller.h"
#include "builders.h"
#include "testgateway.h"
#include "core/urls.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::group;
using PushDeck::Test::key;

namespace {

constexpr double Now = 1'800'000'000;

// A group pushed `age` seconds before Now whose last push succeeded, or
// failed at Now.
Group agedGroup(const QString &keyText, double age = 10, bool ok = true)
{
    Group g = group(keyText, Now - age, ok ? 0 : Now);
    g.lastPushSuccessful = ok;
    return g;
}

// "gateway|key" per row, in row order.
QStringList rows(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row, FleetGroupsModel::GatewayColumn).data().toString() + u'|'
                + model.index(row, FleetGroupsModel::KeyColumn).data().toString();
    }
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestFleetGroupsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void concatenatesAndFollowsIncrementally()
    {
        GroupTableModel a;
        GroupTableModel b;
        FleetGroupsModel fleet;
        GroupFilterProxy proxy;
        proxy.setSourceModel(&fleet);
        proxy.setGatewayRole(FleetGroupsModel::GatewayNameRole);
        new QAbstractItemModelTester(&fleet, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QSignalSpy resets(&fleet, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy layouts(&fleet, &QAbstractItemModel::layoutAboutToBeChanged);
        QSignalSpy inserted(&fleet, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&fleet, &QAbstractItemModel::rowsRemoved);

        a.setGroups({agedGroup(u"{job=\"a1\"}"_s), agedGroup(u"{job=\"shared\"}"_s)}, Now);
        fleet.addGateway(&a, u"prod:9091"_s, QUrl(u"http://prod:9091"_s));
        fleet.addGateway(&b, u"test:9091"_s, QUrl(u"http://test:9091"_s));
        QCOMPARE(fleet.rowCount(), 2);
        QCOMPARE(fleet.columnCount(), int(FleetGroupsModel::ColumnCount));
        QCOMPARE(fleet.headerData(FleetGroupsModel::GatewayColumn, Qt::Horizontal).toString(), u"Gateway"_s);

        // The second gateway's first poll: rows appended after a's.
        b.setGroups({agedGroup(u"{job=\"shared\"}"_s), agedGroup(u"{job=\"b1\",instance=\"x\"}"_s, 9000, false)}, Now);
        QCOMPARE(rows(fleet), QStringList({u"prod:9091|{job=\"a1\"}"_s, u"prod:9091|{job=\"shared\"}"_s,
                                           u"test:9091|{job=\"shared\"}"_s, u"test:9091|{job=\"b1\",instance=\"x\"}"_s}));
        QCOMPARE(fleet.index(3, FleetGroupsModel::JobColumn).data().toString(), u"b1"_s);
        QCOMPARE(fleet.index(3, FleetGroupsModel::StateColumn).data().toString(), u"failed"_s);
        QCOMPARE(fleet.index(3, 0).data(GroupTableModel::StateRole).toInt(), int(Staleness::Failed));
        QCOMPARE(fleet.index(3, 0).data(FleetGroupsModel::GatewayUrlRole).toUrl(), QUrl(u"http://test:9091"_s));
        QCOMPARE(fleet.gatewayOfRow(3), 1);
        QCOMPARE(fleet.sourceRow(3), 1);
        QCOMPARE(fleet.group(2).key, key(u"{job=\"shared\"}"_s));
        QCOMPARE(fleet.rowOf(&b, key(u"{job=\"shared\"}"_s)), 2);
        QCOMPARE(fleet.rowOf(&a, key(u"{job=\"nope\"}"_s)), -1);

        // A persistent index on b's row survives a's rows changing.
        const QPersistentModelIndex bRow = fleet.index(3, FleetGroupsModel::KeyColumn);
        a.setGroups({agedGroup(u"{job=\"a0\"}"_s), agedGroup(u"{job=\"a1\"}"_s), agedGroup(u"{job=\"shared\"}"_s),
                     agedGroup(u"{job=\"a2\",path=\"/x\"}"_s)},
                    Now);
        QCOMPARE(fleet.rowCount(), 6);
        QVERIFY(bRow.isValid());
        QCOMPARE(bRow.row(), 5);
        QCOMPARE(bRow.data().toString(), u"{job=\"b1\",instance=\"x\"}"_s);
        a.setGroups({agedGroup(u"{job=\"a2\",path=\"/x\"}"_s)}, Now);
        QCOMPARE(rows(fleet), QStringList({u"prod:9091|{job=\"a2\",path=\"/x\"}"_s, u"test:9091|{job=\"shared\"}"_s,
                                           u"test:9091|{job=\"b1\",instance=\"x\"}"_s}));
        QCOMPARE(bRow.row(), 2);

        // Changed data (a new push time, a failed push) arrive as dataChanged.
        QSignalSpy changed(&fleet, &QAbstractItemModel::dataChanged);
        b.setGroups({agedGroup(u"{job=\"shared\"}"_s, 5), agedGroup(u"{job=\"b1\",instance=\"x\"}"_s, 9000, false)}, Now);
        QVERIFY(!changed.isEmpty());
        const QModelIndex first = changed.first().at(0).toModelIndex();
        QCOMPARE(first.row(), 1);
        b.tick(Now + 7200);
        QCOMPARE(fleet.index(1, FleetGroupsModel::StateColumn).data().toString(), u"warning"_s);

        // Filtering: free text over key and gateway, the __gateway__
        // pseudo-label, labels, states.
        proxy.setFilterText(u"test:"_s);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText({});
        proxy.setMatcher(*LabelMatcher::parse(u"{__gateway__=\"prod:9091\"}"));
        QCOMPARE(sorted(rows(proxy)), QStringList({u"prod:9091|{job=\"a2\",path=\"/x\"}"_s}));
        proxy.setMatcher(*LabelMatcher::parse(u"{__gateway__=~\"test.*\",job=\"shared\"}"));
        QCOMPARE(rows(proxy), QStringList({u"test:9091|{job=\"shared\"}"_s}));
        proxy.setMatcher(*LabelMatcher::parse(u"{job=~\"a2|shared\"}"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMatcher({});
        proxy.setAllowedStates({Staleness::Failed});
        QCOMPARE(rows(proxy), QStringList({u"test:9091|{job=\"b1\",instance=\"x\"}"_s}));
        proxy.setAllowedStates({});

        // Sorting by gateway, then by age as numbers.
        proxy.sort(FleetGroupsModel::AgeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, FleetGroupsModel::KeyColumn).data().toString(), u"{job=\"b1\",instance=\"x\"}"_s);
        proxy.sort(FleetGroupsModel::GatewayColumn, Qt::AscendingOrder);
        QCOMPARE(rows(proxy), QStringList({u"prod:9091|{job=\"a2\",path=\"/x\"}"_s, u"test:9091|{job=\"b1\",instance=\"x\"}"_s,
                                           u"test:9091|{job=\"shared\"}"_s}));

        // Renaming a gateway, removing one, clearing one: rows only.
        fleet.setGateway(&a, u"prod-2:9091"_s, QUrl(u"http://prod-2:9091"_s));
        QCOMPARE(fleet.index(0, 0).data().toString(), u"prod-2:9091"_s);
        fleet.removeGateway(&a);
        QCOMPARE(rows(fleet), QStringList({u"test:9091|{job=\"shared\"}"_s, u"test:9091|{job=\"b1\",instance=\"x\"}"_s}));
        QCOMPARE(fleet.gatewayCount(), 1);
        QCOMPARE(fleet.index(0, 0).data(FleetGroupsModel::GatewayIndexRole).toInt(), 0);
        a.setGroups({agedGroup(u"{job=\"ignored\"}"_s)}, Now); // no longer followed
        QCOMPARE(fleet.rowCount(), 2);
        b.clear();
        QCOMPARE(fleet.rowCount(), 0);
        fleet.addGateway(&a, u"prod:9091"_s);
        QCOMPARE(rows(fleet), QStringList({u"prod:9091|{job=\"ignored\"}"_s}));

        QCOMPARE(resets.size(), 0);
        QCOMPARE(layouts.size(), 0);
        QVERIFY(!inserted.isEmpty());
        QVERIFY(!removed.isEmpty());
    }

    void emptyGatewaysBetweenOthers()
    {
        GroupTableModel a;
        GroupTableModel b;
        GroupTableModel c;
        FleetGroupsModel fleet;
        new QAbstractItemModelTester(&fleet, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        fleet.addGateway(&a, u"a"_s);
        fleet.addGateway(&b, u"b"_s);
        fleet.addGateway(&c, u"c"_s);
        c.setGroups({agedGroup(u"{job=\"c\"}"_s)}, Now);
        a.setGroups({agedGroup(u"{job=\"a\"}"_s)}, Now);
        QCOMPARE(rows(fleet), QStringList({u"a|{job=\"a\"}"_s, u"c|{job=\"c\"}"_s}));
        QCOMPARE(fleet.gatewayOfRow(1), 2);
        b.setGroups({agedGroup(u"{job=\"b\"}"_s)}, Now);
        QCOMPARE(rows(fleet), QStringList({u"a|{job=\"a\"}"_s, u"b|{job=\"b\"}"_s, u"c|{job=\"c\"}"_s}));
        fleet.removeGateway(&b);
        QCOMPARE(rows(fleet), QStringList({u"a|{job=\"a\"}"_s, u"c|{job=\"c\"}"_s}));
        {
            GroupTableModel gone;
            gone.setGroups({agedGroup(u"{job=\"gone\"}"_s)}, Now);
            fleet.addGateway(&gone, u"gone"_s);
            QCOMPARE(fleet.rowCount(), 3);
            fleet.removeGateway(&gone);
        }
        QCOMPARE(fleet.rowCount(), 2);
    }

    void followsTwoRealGateways()
    {
        TestGateway gatewayA;
        TestGateway gatewayB;
        QVERIFY(gatewayA.start());
        QVERIFY(gatewayB.start());
        QCOMPARE(gatewayA.push(u"{job=\"shared\"}"_s, "m 1\n"), 200);
        QCOMPARE(gatewayA.push(u"{job=\"only-a\",instance=\"\"}"_s, "m 1\n"), 200);
        QCOMPARE(gatewayB.push(u"{job=\"shared\"}"_s, "m 2\n"), 200);

        GroupTableModel a;
        GroupTableModel b;
        FleetGroupsModel fleet;
        GroupFilterProxy proxy;
        proxy.setSourceModel(&fleet);
        proxy.setGatewayRole(FleetGroupsModel::GatewayNameRole);
        new QAbstractItemModelTester(&fleet, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QSignalSpy resets(&fleet, &QAbstractItemModel::modelAboutToBeReset);
        fleet.addGateway(&a, gatewayName(gatewayA.url()), gatewayA.url());
        fleet.addGateway(&b, gatewayName(gatewayB.url()), gatewayB.url());

        Poller pollerA(&gatewayA.client());
        Poller pollerB(&gatewayB.client());
        connect(&pollerA, &Poller::refreshed, &a, [&a](const QList<Group> &groups, double now) { a.setGroups(groups, now); });
        connect(&pollerB, &Poller::refreshed, &b, [&b](const QList<Group> &groups, double now) { b.setGroups(groups, now); });
        QSignalSpy refreshedA(&pollerA, &Poller::refreshed);
        QSignalSpy refreshedB(&pollerB, &Poller::refreshed);
        pollerA.refreshNow();
        pollerB.refreshNow();
        QVERIFY(refreshedA.wait(10000));
        QVERIFY(refreshedB.count() > 0 || refreshedB.wait(10000));
        QCOMPARE(fleet.rowCount(), 3);

        const QString nameB = gatewayName(gatewayB.url());
        proxy.setMatcher(*LabelMatcher::parse(u"{__gateway__=\"%1\"}"_s.arg(nameB)));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, FleetGroupsModel::KeyColumn).data().toString(), u"{job=\"shared\"}"_s);

        // A push on b and a delete on a arrive on the next polls.
        QCOMPARE(gatewayB.push(u"{job=\"new-b\"}"_s, "m 3\n"), 200);
        QCOMPARE(gatewayA.deleteGroup(key(u"{job=\"shared\"}"_s)), 202);
        QVERIFY(gatewayA.waitForGroups([](const QList<Group> &g) { return g.size() == 1; }));
        QVERIFY(gatewayB.waitForGroups([](const QList<Group> &g) { return g.size() == 2; }));
        refreshedA.clear();
        refreshedB.clear();
        pollerA.requestFull();
        pollerB.requestFull();
        pollerA.refreshNow();
        pollerB.refreshNow();
        QTRY_VERIFY_WITH_TIMEOUT(refreshedA.count() > 0 && refreshedB.count() > 0, 10000);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setMatcher({});
        const QString nameA = gatewayName(gatewayA.url());
        QCOMPARE(sorted(rows(proxy)), sorted({nameA + u"|{job=\"only-a\",instance=\"\"}"_s, nameB + u"|{job=\"shared\"}"_s,
                                               nameB + u"|{job=\"new-b\"}"_s}));
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFleetGroupsModel)
#include "tst_fleetgroupsmodel.moc"
