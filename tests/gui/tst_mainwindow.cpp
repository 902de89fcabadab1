// The main window driven offscreen against a real gateway: groups appear,
// pushes and deletes show on the next refresh, selection survives refreshes,
// the filter narrows rows, and an unreachable gateway shows the outdated
// banner and recovers.

#include "items/familytreemodel.h"
#include "items/fleetmodel.h"
#include "views/gateway/gatewayview.h"
#include "items/groupfilterproxy.h"
#include "items/grouptablemodel.h"
#include "views/window/mainwindow.h"
#include "gateway/poller.h"
#include "session/gatewaysession.h"
#include "builders.h"
#include "testgateway.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

QStringList visibleKeys(MainWindow &window)
{
    QStringList keys;
    auto *proxy = window.filterProxy();
    for (int row = 0; row < proxy->rowCount(); ++row)
        keys << proxy->index(row, 0).data(GroupTableModel::KeyTextRole).toString();
    keys.sort();
    return keys;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void showsGroupsAndFollowsTheGateway()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"backup\"}"_s, "# TYPE bytes gauge\nbytes 42\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"cron\",instance=\"web-1\"}"_s, "runs_total 3\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"dump\",path=\"/var/lib\"}"_s, "x 1\n"), 200);

        MainWindow window;
        new QAbstractItemModelTester(window.groupModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        new QAbstractItemModelTester(window.filterProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        new QAbstractItemModelTester(window.familyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        QVERIFY(window.openGateway(gateway.url().toString()));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"backup\"}"_s, u"{job=\"cron\",instance=\"web-1\"}"_s,
                                                   u"{job=\"dump\",path=\"/var/lib\"}"_s}));
        // Label columns: job first, then the others.
        QCOMPARE(window.groupModel()->labelNameAt(0), u"job"_s);
        QVERIFY(window.groupModel()->labelColumn(u"instance") > 0);
        QVERIFY(window.groupModel()->labelColumn(u"path") > 0);

        // Select the cron group; its families show in the detail pane.
        QVERIFY(window.selectGroup(key(u"{job=\"cron\",instance=\"web-1\"}"_s)));
        QVERIFY(window.familyModel()->familyIndex(u"runs_total").isValid());
        QVERIFY(window.rawView()->toPlainText().contains(u"runs_total 3"_s));
        const QPersistentModelIndex selected = window.groupTable()->currentIndex();

        // A new push and a delete show on the next refresh; the selection stays.
        QCOMPARE(gateway.push(u"{job=\"fresh\"}"_s, "y 2\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"cron\",instance=\"web-1\"}"_s, "runs_total 4\n"), 200);
        QCOMPARE(gateway.deleteGroup(key(u"{job=\"backup\"}"_s)), 202);
        QTRY_VERIFY_WITH_TIMEOUT(gateway.waitForGroups([](const QList<Group> &g) { return g.size() == 3; }), 10000);
        refreshed.clear();
        window.poller()->refreshNow();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"cron\",instance=\"web-1\"}"_s,
                                                   u"{job=\"dump\",path=\"/var/lib\"}"_s, u"{job=\"fresh\"}"_s}));
        QCOMPARE(window.currentKey(), key(u"{job=\"cron\",instance=\"web-1\"}"_s));
        QVERIFY(selected.isValid());
        QCOMPARE(window.groupTable()->selectionModel()->selectedRows().size(), 1);
        QTRY_VERIFY(window.rawView()->toPlainText().contains(u"runs_total 4"_s));

        // The filter: a selector, then free text, then an invalid selector
        // (keeps the last valid filter and says what is wrong).
        QTest::keyClicks(window.filterEdit(), u"{job=~\"d.*|f.*\"}"_s);
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"dump\",path=\"/var/lib\"}"_s, u"{job=\"fresh\"}"_s}));
        window.filterEdit()->clear();
        QTest::keyClicks(window.filterEdit(), u"web-1"_s);
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"cron\",instance=\"web-1\"}"_s}));
        window.filterEdit()->setText(u"{job=~\"fresh\"}"_s);
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"fresh\"}"_s}));
        window.filterEdit()->setText(u"{job=~\"fresh\""_s);
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"fresh\"}"_s}));
        QVERIFY(!window.filterEdit()->toolTip().isEmpty());
        window.filterEdit()->clear();
        QCOMPARE(visibleKeys(window).size(), 3);

        // The state filter: the failed push.
        QByteArray body;
        QCOMPARE(gateway.push(u"{job=\"fresh\"}"_s, "y 1\ny 2\n", true, &body), 400);
        refreshed.clear();
        window.poller()->refreshNow();
        QVERIFY(refreshed.wait(10000));
        window.stateFilter()->setCurrentIndex(window.stateFilter()->findData(int(Staleness::Failed)));
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"fresh\"}"_s}));
        window.stateFilter()->setCurrentIndex(0);
        QCOMPARE(visibleKeys(window).size(), 3);
        QVERIFY(window.statusText().contains(u"3 groups"_s));
        QVERIFY(window.statusText().contains(u"admin API on"_s));
    }

    void outdatedBannerAndRecovery()
    {
        QTemporaryDir dir;
        LocalGatewayOptions options;
        options.persistenceFile = dir.filePath(u"pg.data"_s);
        options.persistenceIntervalMs = 100;
        TestGateway gateway(options);
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"kept\"}"_s, "z 1\n"), 200);
        QTest::qWait(300); // let the persistence file be written

        MainWindow window;
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        QSignalSpy failed(&window, &MainWindow::refreshFailed);
        QVERIFY(window.openGateway(gateway.url().toString()));
        QVERIFY(refreshed.wait(10000));
        QVERIFY(window.outdatedBanner()->isHidden());

        gateway.gateway().stop();
        window.poller()->refreshNow();
        QVERIFY(failed.wait(10000));
        QVERIFY(window.isShowingOutdatedData());
        QVERIFY(window.outdatedBanner()->isVisible());
        // The last good data stays visible.
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"kept\"}"_s}));
        QVERIFY(window.statusText().contains(u"unreachable"_s) || window.statusText().contains(u"Outdated"_s));

        QVERIFY(gateway.gateway().restartAndWait());
        refreshed.clear();
        window.poller()->refreshNow();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(!window.isShowingOutdatedData());
        QVERIFY(window.outdatedBanner()->isHidden());
        QCOMPARE(visibleKeys(window), QStringList({u"{job=\"kept\"}"_s}));
    }

    // Item 12: a restart that lost every group is said, with the start time
    // and how many are gone, instead of a silently empty table.
    void restartThatLostTheGroupsIsSaid()
    {
        TestGateway gateway; // in memory: a restart loses everything
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"a\"}"_s, "z 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"b\"}"_s, "z 1\n"), 200);
        MainWindow window;
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        QVERIFY(window.openGateway(gateway.url().toString()));
        QVERIFY(refreshed.wait(10000));
        auto *view = window.views().at(0);
        QTRY_VERIFY_WITH_TIMEOUT(view->session()->hasStatus(), 10000);
        QCOMPARE(view->groupModel()->rowCount(), 2);

        QVERIFY(gateway.gateway().restartAndWait());
        QSignalSpy restarted(view->session(), &GatewaySession::restartDetected);
        window.poller()->refreshNow();
        QVERIFY(restarted.wait(10000));
        auto *hint = view->findChild<QLabel *>(u"emptyHint"_s);
        QVERIFY(hint);
        QTRY_VERIFY(hint->isVisible());
        QVERIFY2(hint->text().startsWith(u"The gateway restarted at "_s) && hint->text().contains(u"2 group(s) it held before are gone"_s),
                 qPrintable(hint->text()));
        window.resize(900, 500);
        QCoreApplication::processEvents();
        window.grab().save(u"/tmp/mainwindow-restart-lost-groups.png"_s);
    }

    void fleetOfGateways()
    {
        // Two live gateways and a dead one, side by side: each polls on its
        // own, the fleet overview counts them, shared keys are visible.
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QCOMPARE(a.push(u"{job=\"shared\"}"_s, "m 1\n"), 200);
        QCOMPARE(a.push(u"{job=\"only-a\"}"_s, "m 1\n"), 200);
        QCOMPARE(b.push(u"{job=\"shared\"}"_s, "m 2\n"), 200);
        int deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }

        MainWindow window;
        new QAbstractItemModelTester(window.fleetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        window.show();
        QVERIFY(window.openGateway(a.url().toString()));
        QVERIFY(window.openGateway(u"http://127.0.0.1:%1"_s.arg(deadPort), true));
        QVERIFY(window.openGateway(b.url().toString(), true));
        QCOMPARE(window.views().size(), 3);
        QCOMPARE(window.fleetModel()->rowCount(), 3);
        // The fleet tab appears first once several gateways are open.
        QCOMPARE(window.tabs()->tabText(0), u"Fleet"_s);

        auto *viewA = window.views().at(0);
        auto *viewB = window.views().at(2);
        QTRY_COMPARE_WITH_TIMEOUT(viewA->groupModel()->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(viewB->groupModel()->rowCount(), 1, 10000);
        FleetModel *fleet = window.fleetModel();
        QTRY_VERIFY_WITH_TIMEOUT(!fleet->gateway(1).error.isEmpty(), 10000);
        QVERIFY(fleet->gateway(0).reachable);
        QVERIFY(!fleet->gateway(1).reachable);
        QVERIFY(fleet->gateway(2).reachable);
        QCOMPARE(fleet->data(fleet->index(0, FleetModel::GroupsColumn)).toInt(), 2);
        QCOMPARE(fleet->data(fleet->index(0, FleetModel::SharedColumn)).toInt(), 1);
        QCOMPARE(fleet->data(fleet->index(1, FleetModel::SharedColumn)).toInt(), 0);
        QCOMPARE(fleet->sharedKeys(2), QList<GroupingKey>({key(u"{job=\"shared\"}"_s)}));

        // The filter applies to the current tab only.
        window.tabs()->setCurrentWidget(viewA);
        window.filterEdit()->setText(u"only"_s);
        QCOMPARE(viewA->filterProxy()->rowCount(), 1);
        QCOMPARE(viewB->filterProxy()->rowCount(), 1);
        window.tabs()->setCurrentWidget(viewB);
        QCOMPARE(window.filterEdit()->text(), QString());

        // Closing a tab removes its fleet row; with one left, no fleet tab.
        Q_EMIT window.tabs()->tabCloseRequested(window.tabs()->indexOf(window.views().at(1)));
        QCOMPARE(fleet->rowCount(), 2);
        Q_EMIT window.tabs()->tabCloseRequested(window.tabs()->indexOf(viewB));
        QCOMPARE(fleet->rowCount(), 1);
        QVERIFY(window.tabs()->tabText(0) != u"Fleet"_s);
    }

    void badUrlIsReported()
    {
        MainWindow window;
        QVERIFY(!window.openGateway(u"ftp://nowhere"_s));
        QVERIFY(!window.openGateway(u""_s));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
