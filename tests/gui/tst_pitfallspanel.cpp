// The Pitfalls panel offscreen, on a real seeded gateway: stepping through a
// scenario with its buttons, the lint findings with severity icons, clicking
// a finding to select its groups. Screenshots go to /tmp/pitfalls-*.png.

#include "core/awaitfuture.h"
#include "demo/demoscenarios.h"
#include "session/gatewaysession.h"
#include "demo/demoseeder.h"
#include "items/lintmodel.h"
#include "views/demo/pitfallspanel.h"
#include "testgateway.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

// What the main window does on every poll.
void refreshLint(TestGateway &gateway, LintModel &lint)
{
    const auto groups = gateway.groups();
    QVERIFY(groups);
    lint.update(*groups, DemoSeeder::demoPolicy(), QDateTime::currentMSecsSinceEpoch() / 1000.0);
}

void screenshot(QWidget &widget, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = u"/tmp/pitfalls-%1.png"_s.arg(name);
    QVERIFY2(widget.grab().save(path), qPrintable(path));
}

} // namespace

class TestPitfallsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepsThroughScenarios();
    void lintOnly();
};

void TestPitfallsPanel::stepsThroughScenarios()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    DemoSeeder seeder(&gateway.client());
    QSignalSpy seeded(&seeder, &DemoSeeder::seeded);
    seeder.start();
    QVERIFY(seeded.wait(15000));
    GatewaySession session(gateway.url());
    session.setConfiguredPolicy(DemoSeeder::demoPolicy()); // as the window does in --demo
    DemoScenarios scenarios(&session, &gateway.gateway(), &seeder);
    LintModel lint;
    QAbstractItemModelTester tester(&lint, QAbstractItemModelTester::FailureReportingMode::QtTest);
    refreshLint(gateway, lint);

    PitfallsPanel panel(&scenarios, &lint);
    QSignalSpy activated(&panel, &PitfallsPanel::groupsActivated);
    panel.resize(460, 980);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QCOMPARE(panel.scenarioList()->count(), int(DemoScenarios::ScenarioCount));
    QCOMPARE(panel.scenarioList()->currentRow(), 0);
    QCOMPARE(panel.nextButton()->text(), u"Start"_s);
    QVERIFY(!panel.previousButton()->isEnabled());
    QVERIFY(panel.explanationView()->toPlainText().contains(u"Renamed or removed instance"_s));
    QVERIFY(panel.explanationView()->toPlainText().contains(u"Recommended fix"_s));
    QVERIFY(panel.lintSummary()->text().contains(u"warning"_s));
    screenshot(panel, u"intro"_s);

    // Scenario 1 with the buttons.
    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentStep() == 0, 15000);
    QCOMPARE(panel.stepLabel()->text(), u"Step 1 of 4: A per-host cron job"_s);
    QCOMPARE(panel.nextButton()->text(), u"Next"_s);
    QVERIFY(panel.previousButton()->isEnabled());
    QVERIFY(panel.outcomeView()->toPlainText().contains(DemoScenarios::hostAKey().toString()));
    // The step's groups are offered to the main window's selection.
    QVERIFY(!activated.isEmpty());
    QCOMPARE(activated.last().first().value<QList<GroupingKey>>(), QList<GroupingKey>{DemoScenarios::hostAKey()});

    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentStep() == 1, 15000);
    QVERIFY(panel.explanationView()->toPlainText().contains(u"host-b"_s));
    QVERIFY(panel.outcomeView()->toPlainText().contains(DemoScenarios::hostBKey().toString()));
    refreshLint(gateway, lint);
    screenshot(panel, u"renamed-step2"_s);

    QTest::mouseClick(panel.previousButton(), Qt::LeftButton);
    QVERIFY(!panel.nextButton()->isEnabled()); // busy: replaying
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentStep() == 0, 15000);
    QVERIFY(panel.nextButton()->isEnabled());

    // Switching scenarios through the list resets the one we leave.
    panel.scenarioList()->setCurrentRow(DemoScenarios::CollidingGroups);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentScenario() == DemoScenarios::CollidingGroups, 15000);
    QCOMPARE(scenarios.currentStep(), -1);
    QVERIFY(!gateway.group(DemoScenarios::hostAKey()));
    for (int step = 0; step < 4; ++step) {
        QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentStep() == step, 15000);
    }
    QCOMPARE(panel.stepLabel()->text(), u"Step 4 of 5: The lint finds it"_s);
    QVERIFY(panel.outcomeView()->toPlainText().startsWith(u"CRITICAL colliding-keys"_s));

    // The lint list: the collision first, with its two groups.
    refreshLint(gateway, lint);
    QTreeView *view = panel.findingsView();
    QAbstractItemModel *model = view->model();
    QVERIFY(model->rowCount() >= 2);
    const QModelIndex top = model->index(0, 0);
    QCOMPARE(top.data(LintModel::FindingIdRole).toString(), LintFinding::CollidingKeys);
    QVERIFY(!top.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(panel.lintSummary()->text().startsWith(u"1 critical"_s));
    view->expand(top);
    activated.clear();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(top).center());
    QCOMPARE(activated.size(), 1);
    const auto keys = activated.first().first().value<QList<GroupingKey>>();
    QCOMPARE(keys, (QList<GroupingKey>{DemoScenarios::collidingKey(), DemoScenarios::collidingEmptyKey()}));
    QVERIFY(panel.adviceView()->toPlainText().contains(u"Delete one of the groups"_s));
    const QModelIndex child = model->index(1, 0, top);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(child).center());
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.last().first().value<QList<GroupingKey>>(), QList<GroupingKey>{DemoScenarios::collidingEmptyKey()});
    screenshot(panel, u"collision-lint"_s);

    // The fix.
    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentStep() == 4, 15000);
    QVERIFY(!panel.nextButton()->isEnabled()); // last step
    QVERIFY(panel.outcomeView()->toPlainText().contains(u"pushes work again"_s));
    refreshLint(gateway, lint);
    QVERIFY(!panel.lintSummary()->text().contains(u"critical"_s) || panel.lintSummary()->text().startsWith(u"0 critical"_s));
    screenshot(panel, u"collision-fixed"_s);

    // Scenario 2's generated rule.
    panel.scenarioList()->setCurrentRow(DemoScenarios::NoUp);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentScenario() == DemoScenarios::NoUp, 15000);
    QVERIFY2(!gateway.group(DemoScenarios::collidingKey()), "leaving the scenario resets it");
    QVERIFY(awaitFuture(scenarios.goToStep(3)).ok());
    QVERIFY(panel.outcomeView()->toPlainText().contains(u"time() - push_time_seconds{job=\"invoice-mailer\"} > 30"_s));
    screenshot(panel, u"noup-rule"_s);

    QTest::mouseClick(panel.resetButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!scenarios.isBusy() && scenarios.currentStep() == -1, 15000);
    QCOMPARE(panel.nextButton()->text(), u"Start"_s);
    QVERIFY(!gateway.group(DemoScenarios::silentJobKey()));
}

void TestPitfallsPanel::lintOnly()
{
    LintModel lint;
    Group g;
    g.key = GroupingKey::parse(u"{job=\"cron\",instance=\"web-1\"}"_s).value();
    g.families.append(MetricFamily{u"a"_s, MetricType::Gauge, {}, {Series{}}});
    g.pushTime = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    lint.update({g}, StalenessPolicy(), g.pushTime + 1);
    PitfallsPanel panel(nullptr, &lint);
    QVERIFY(!panel.scenarioList());
    QVERIFY(!panel.nextButton());
    QCOMPARE(panel.findingsView()->model()->rowCount(), 1);
    QCOMPARE(panel.lintSummary()->text(), u"0 critical, 1 warning, 0 info \u2014 1 group checked"_s);
    panel.resize(420, 360);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.findingsView()->setCurrentIndex(panel.findingsView()->model()->index(0, 0));
    QVERIFY(panel.adviceView()->toPlainText().contains(u"textfile collector"_s));
    screenshot(panel, u"lint-only"_s);

    lint.update({}, StalenessPolicy(), g.pushTime);
    QCOMPARE(panel.lintSummary()->text(), u"No findings in 0 groups."_s);
    QVERIFY(panel.adviceView()->toPlainText().isEmpty());
}

QTEST_MAIN(TestPitfallsPanel)
#include "tst_pitfallspanel.moc"
