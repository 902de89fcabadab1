// The Fleet tab across two real gateways, offscreen: the table of every
// group with its gateway, the toolbar filter (incl. {__gateway__=...}) and
// state box acting on it, rows selected on both gateways deleted through the
// preview that names each group's gateway, and both gateways losing exactly
// those groups. Also: matcher mode limited by __gateway__, read-only mode,
// and a gateway dying mid-run while the other finishes.

#include "views/fleet/fleetdeletedialog.h"
#include "items/fleetgroupsmodel.h"
#include "views/fleet/fleetgroupsview.h"
#include "views/fleet/fleetoperations.h"
#include "views/gateway/gatewayview.h"
#include "items/groupfilterproxy.h"
#include "items/grouptablemodel.h"
#include "views/window/mainwindow.h"
#include "views/operations/operationscontroller.h"
#include "gateway/poller.h"
#include "operations/snapshot.h"
#include "builders.h"
#include "testgateway.h"
#include "core/urls.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

QStringList keys(TestGateway &gateway)
{
    QStringList out;
    const auto groups = gateway.groups();
    if (!groups)
        return {u"(unreadable)"_s};
    for (const Group &g : *groups)
        out << g.key.toString();
    out.sort();
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

bool seed(TestGateway &a, TestGateway &b)
{
    return a.push(u"{job=\"shared\"}"_s, "m 1\n") == 200 && a.push(u"{job=\"batch\",instance=\"x\"}"_s, "m 1\n") == 200
        && a.push(u"{job=\"only-a\"}"_s, "m 1\n") == 200 && b.push(u"{job=\"shared\"}"_s, "m 2\n") == 200
        && b.push(u"{job=\"batch\",instance=\"x\"}"_s, "m 2\n") == 200
        && b.push(u"{job=\"only-b\",path=\"/var/lib\"}"_s, "m 2\n") == 200;
}

BulkDeleteOptions fastOptions()
{
    BulkDeleteOptions options;
    options.concurrency = 4;
    options.verifyReads = 20;
    options.verifyDelayMs = 50;
    options.verifyTimeoutMs = 3000;
    options.stopAfterNetworkErrors = 2;
    return options;
}

void grab(QWidget *widget, const QString &name)
{
    QCoreApplication::processEvents();
    widget->grab().save(u"/tmp/fleetgui-"_s + name + u".png"_s);
}

} // namespace

class TestFleetGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void filterSelectAndDeleteAcrossGateways()
    {
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(seed(a, b));
        const QString nameA = gatewayName(a.url());
        const QString nameB = gatewayName(b.url());
        const auto untouchedA = a.group(key(u"{job=\"only-a\"}"_s));

        MainWindow window;
        FleetGroupsView *fleet = window.fleetGroupsView();
        new QAbstractItemModelTester(fleet->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        new QAbstractItemModelTester(fleet->filterProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest, &window);
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openGateway(a.url().toString()));
        QVERIFY(window.openGateway(b.url().toString(), true));
        GatewayView *viewA = window.views().at(0);
        GatewayView *viewB = window.views().at(1);
        QTRY_COMPARE_WITH_TIMEOUT(fleet->model()->rowCount(), 6, 10000);
        QCOMPARE(fleet->model()->gatewayName(0), nameA);
        QCOMPARE(fleet->model()->gatewayName(1), nameB);

        // The toolbar filter and state box act on the fleet table while the
        // Fleet tab is current, and leave the gateway tabs alone.
        window.tabs()->setCurrentIndex(0);
        QVERIFY(window.isFleetTabCurrent());
        window.filterEdit()->setText(u"{job=\"batch\"}"_s);
        QCOMPARE(fleet->filterProxy()->rowCount(), 2);
        window.filterEdit()->setText(u"{__gateway__=\"%1\"}"_s.arg(nameB));
        QCOMPARE(fleet->filterProxy()->rowCount(), 3);
        window.filterEdit()->setText(u"only-"_s);
        QCOMPARE(fleet->filterProxy()->rowCount(), 2);
        QCOMPARE(viewA->filterProxy()->rowCount(), 3);
        window.stateFilter()->setCurrentIndex(window.stateFilter()->findData(int(Staleness::Failed)));
        QCOMPARE(fleet->filterProxy()->rowCount(), 0);
        window.stateFilter()->setCurrentIndex(0);
        window.filterEdit()->clear();
        QCOMPARE(fleet->filterProxy()->rowCount(), 6);
        grab(&window, u"window"_s);

        // Del on the Fleet tab never reaches a gateway tab's hidden selection.
        QVERIFY(viewB->selectGroup(key(u"{job=\"only-b\",path=\"/var/lib\"}"_s)));
        window.operations()->updateActions();
        QVERIFY(!window.operations()->deleteAction()->isEnabled());

        // Select one row on each gateway.
        FleetOperations *ops = window.fleetOperations();
        ops->setBulkOptions(fastOptions());
        QVERIFY(!ops->deleteSelectedAction()->isEnabled());
        fleet->selectGroups({{viewA->groupModel(), key(u"{job=\"shared\"}"_s)},
                             {viewB->groupModel(), key(u"{job=\"batch\",instance=\"x\"}"_s)}});
        QCOMPARE(fleet->selectedCount(), 2);
        QVERIFY(ops->deleteSelectedAction()->isEnabled());

        // Read-only mode disables them.
        window.setReadOnly(true);
        QVERIFY(!ops->deleteSelectedAction()->isEnabled());
        QVERIFY(!ops->deleteMatchingAction()->isEnabled());
        QVERIFY(!ops->pruneAction()->isEnabled());
        QVERIFY(ops->deleteSelected() == nullptr);
        window.setReadOnly(false);
        QVERIFY(ops->deleteSelectedAction()->isEnabled());

        // The preview names the gateway of every group, with counts per gateway.
        FleetDeleteDialog *dialog = ops->deleteSelected();
        QVERIFY(dialog);
        QCOMPARE(dialog->previewTable()->horizontalHeaderItem(FleetDeleteDialog::GatewayColumn)->text(), u"Gateway"_s);
        QCOMPARE(sorted(dialog->previewTexts()),
                 sorted({nameA + u"|{job=\"shared\"}"_s, nameB + u"|{job=\"batch\",instance=\"x\"}"_s}));
        QVERIFY2(dialog->countLabel()->text().contains(nameA + u": 1"_s), qPrintable(dialog->countLabel()->text()));
        QVERIFY(dialog->countLabel()->text().contains(nameB + u": 1"_s));
        QCOMPARE(dialog->deleteButton()->text(), u"Delete 2 group(s) on 2 gateway(s)"_s);
        grab(dialog, u"preview"_s);

        QSignalSpy finished(dialog, &FleetDeleteDialog::deleteFinished);
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(dialog->reports().size(), 2);
        for (const BulkDeleteReport &report : dialog->reports()) {
            QVERIFY2(report.allDeleted(), qPrintable(report.summary()));
            QVERIFY(!report.snapshotPath.isEmpty());
        }
        QVERIFY(dialog->summaryText().contains(nameA));
        grab(dialog, u"result"_s);

        // Exactly those groups are gone, on their own gateway only.
        QCOMPARE(keys(a), sorted({u"{job=\"batch\",instance=\"x\"}"_s, u"{job=\"only-a\"}"_s}));
        QCOMPARE(keys(b), sorted({u"{job=\"shared\"}"_s, u"{job=\"only-b\",path=\"/var/lib\"}"_s}));
        QCOMPARE(a.group(key(u"{job=\"only-a\"}"_s))->pushTime, untouchedA->pushTime);
        // Undo stays per gateway: each has its own snapshot.
        SnapshotStore &store = window.operations()->snapshotStore();
        QVERIFY(store.latestFor(redactedUrl(a.url())));
        QVERIFY(store.latestFor(redactedUrl(b.url())));
        QVERIFY(store.latestFor(redactedUrl(a.url()))->path != store.latestFor(redactedUrl(b.url()))->path);
        dialog->close();

        // The polls after the run bring the table up to date.
        QTRY_COMPARE_WITH_TIMEOUT(fleet->model()->rowCount(), 4, 10000);

        // Matcher mode, limited to one gateway by __gateway__, as a dry run.
        dialog = ops->deleteMatching();
        QVERIFY(dialog);
        dialog->setMatcherText(u"{job=~\"only-.*\",__gateway__=\"%1\"}"_s.arg(nameA));
        QCOMPARE(dialog->previewTexts(), QStringList{nameA + u"|{job=\"only-a\"}"_s});
        dialog->setMatcherText(u"{}"_s);
        QVERIFY(!dialog->deleteButton()->isEnabled());
        dialog->setMatcherText(u"{job=~\"only-.*\"}"_s);
        QCOMPARE(dialog->preview().size(), 2);
        dialog->dryRunCheck()->setChecked(true);
        QSignalSpy dry(dialog, &FleetDeleteDialog::deleteFinished);
        dialog->startDelete();
        QVERIFY(dry.count() > 0 || dry.wait(10000));
        QTest::qWait(200);
        QCOMPARE(keys(a).size(), 2);
        QCOMPARE(keys(b).size(), 2);
        dialog->close();

        // Prune mode: stale groups on every gateway (none yet), then by age.
        dialog = ops->pruneStale();
        QVERIFY(dialog);
        QVERIFY(dialog->preview().isEmpty());
        dialog->setPruneCriteria({}, 0.001);
        QCOMPARE(dialog->preview().size(), 4);
        dialog->close();
    }

    void deadGatewayDoesNotHoldUpTheOther()
    {
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(seed(a, b));
        MainWindow window;
        window.show();
        QVERIFY(window.openGateway(a.url().toString()));
        QVERIFY(window.openGateway(b.url().toString(), true));
        QTRY_COMPARE_WITH_TIMEOUT(window.fleetGroupsView()->model()->rowCount(), 6, 10000);
        window.tabs()->setCurrentIndex(0);
        FleetOperations *ops = window.fleetOperations();
        ops->setBulkOptions(fastOptions());
        FleetDeleteDialog *dialog = ops->deleteMatching();
        QVERIFY(dialog);
        dialog->setMatcherText(u"{job=\"batch\"}"_s);
        QCOMPARE(dialog->preview().size(), 2);
        b.gateway().stop();
        QSignalSpy finished(dialog, &FleetDeleteDialog::deleteFinished);
        dialog->startDelete();
        QVERIFY(finished.wait(30000));
        const auto reports = dialog->reports();
        QCOMPARE(reports.size(), 2);
        int deleted = 0;
        int failed = 0;
        for (const BulkDeleteReport &report : reports) {
            if (report.allDeleted())
                ++deleted;
            else
                ++failed;
        }
        QCOMPARE(deleted, 1);
        QCOMPARE(failed, 1);
        QCOMPARE(keys(a), sorted({u"{job=\"shared\"}"_s, u"{job=\"only-a\"}"_s}));
        dialog->close();
    }
};

QTEST_MAIN(TestFleetGui)
#include "tst_fleetgui.moc"
