// The demo's Prometheus in the window: MainWindow::startDemo with a real
// gateway and a real Prometheus. Next waits until a step's effect answers in
// Prometheus and says what it waits for; the panel charts what Prometheus
// sees; without Prometheus it says what Prometheus would add; presenter mode
// shows only the panel and the table, larger.
//
// With PUSHDECK_SCREENSHOTS=<dir> (and PUSHDECK_SCREENSHOT_SIZE=WxH),
// `screenshots` walks every scenario with the demo's own thresholds and saves
// the window at each scenario's telling step (run it under Xvfb for window
// decorations: scripts/demo-screenshots.sh).

#include "core/awaitfuture.h"
#include "demo/demoprometheus.h"
#include "demo/demoscenarios.h"
#include "demo/demoseeder.h"
#include "demo/localprometheus.h"
#include "views/demo/pitfallspanel.h"
#include "views/demo/prometheuschartview.h"
#include "views/window/mainwindow.h"
#include "testgateway.h"

#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

using namespace PushDeck;
using namespace Qt::StringLiterals;

namespace {

StalenessRule rule(const QString &selector, double warn, double stale)
{
    return StalenessRule(LabelMatcher::parse(selector).value(), warn, stale);
}

// Alerts within seconds (the window's own table keeps the demo's policy).
StalenessPolicy fastPolicy()
{
    StalenessPolicy policy;
    policy.setDefaults(60, 180);
    // Stale 12 s after the last push, firing 8 s later: long enough that a
    // loaded machine cannot reach step 2 after the alert already fired.
    policy.setRules({rule(u"{job=\"invoice-mailer\"}"_s, 6, 12)});
    return policy;
}

struct DemoWindow
{
    TestGateway gateway;
    std::unique_ptr<LocalPrometheus> prometheus;
    MainWindow window;
    DemoScenarios *scenarios = nullptr;
    DemoPrometheus *side = nullptr;

    bool start(bool withPrometheus, const StalenessPolicy &rules, const QString &forDuration, QSize size = {1280, 800})
    {
        if (!gateway.start())
            return false;
        if (withPrometheus) {
            prometheus = std::make_unique<LocalPrometheus>(DemoPrometheus::demoOptions(gateway.url(), rules, forDuration));
            if (!prometheus->startAndWait()) {
                qWarning("prometheus: %s", qPrintable(prometheus->errorString()));
                return false;
            }
        }
        window.resize(size);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QSignalSpy first(&window, &MainWindow::firstRefreshFinished);
        window.startDemo(&gateway.gateway(), prometheus.get());
        if (!first.wait(30000))
            return false;
        scenarios = window.findChild<DemoScenarios *>();
        side = window.findChild<DemoPrometheus *>();
        return scenarios && side;
    }
    PitfallsPanel *panel() { return window.pitfallsPanel(); }

    // Clicks Next and waits until it is offered again (or the last step).
    bool clickNextAndSettle(int timeoutMs = 90000)
    {
        if (!panel()->nextButton()->isEnabled())
            return false;
        QTest::mouseClick(panel()->nextButton(), Qt::LeftButton);
        QElapsedTimer clock;
        clock.start();
        const int last = int(DemoScenarios::scenario(scenarios->currentScenario()).steps.size()) - 1;
        while (clock.elapsed() < timeoutMs) {
            QTest::qWait(100);
            if (scenarios->isBusy())
                continue;
            if (panel()->nextButton()->isEnabled() || (scenarios->currentStep() == last && side->isSettled()))
                return true;
        }
        qWarning("%s", qPrintable(panel()->waitingLabel()->text()));
        return false;
    }
};

} // namespace

class TestDemoPrometheusGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void nextWaitsForPrometheus();
    void withoutPrometheus();
    void presenterMode();
    void screenshots();
};

void TestDemoPrometheusGui::nextWaitsForPrometheus()
{
    DemoWindow demo;
    QVERIFY(demo.start(true, fastPolicy(), u"8s"_s));
    PitfallsPanel *panel = demo.panel();
    QVERIFY(panel->prometheusChart());
    QTRY_VERIFY(panel->prometheusStatus()->toolTip().contains(u"honor_labels"_s));
    QVERIFY(panel->prometheusStatus()->text().contains(demo.prometheus->url().authority()));
    // The panel with its Prometheus part still fits a 1280x800 window.
    QVERIFY2(demo.window.height() <= 800, qPrintable(QString::number(demo.window.height())));

    QVERIFY(awaitFuture(demo.scenarios->selectScenario(DemoScenarios::NoUp)).ok());
    QVERIFY(demo.clickNextAndSettle()); // a healthy job, scraped
    QCOMPARE(demo.scenarios->currentStep(), 0);
    QCOMPARE(panel->waitingLabel()->text(), u"Visible in the table, this panel and Prometheus."_s);
    QVERIFY(demo.clickNextAndSettle()); // it stops
    // Only its age shows: Next waits for the generated alert, and says so.
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QTRY_VERIFY(!demo.scenarios->isBusy());
    QCOMPARE(demo.scenarios->currentStep(), 2);
    QVERIFY(!panel->nextButton()->isEnabled());
    QVERIFY2(panel->waitingLabel()->text().startsWith(u"Waiting for Prometheus to show the generated stale alert"_s),
             qPrintable(panel->waitingLabel()->text()));
    QVERIFY(panel->waitingLabel()->text().contains(u"ALERTS{alertname=\"PushgatewayGroupStale\",job=\"invoice-mailer\"}"_s));
    QTRY_VERIFY_WITH_TIMEOUT(panel->nextButton()->isEnabled(), 90000);
    QCOMPARE(panel->waitingLabel()->text(), u"Visible in the table, this panel and Prometheus."_s);
    QVERIFY(panel->prometheusObservation()->toPlainText().contains(u"PushgatewayGroupStale"_s));
    QVERIFY(panel->prometheusChart()->segmentCount() >= 3); // age, up, the alert
}

void TestDemoPrometheusGui::withoutPrometheus()
{
    DemoWindow demo;
    QVERIFY(demo.start(false, {}, {}));
    PitfallsPanel *panel = demo.panel();
    QVERIFY(panel->prometheusStatus()->text().contains(u"not installed"_s));
    QVERIFY(panel->prometheusStatus()->text().contains(u"ghost"_s)); // what it would show for scenario 1
    QVERIFY(!panel->prometheusChart()->isVisible());
    QVERIFY(demo.clickNextAndSettle(30000));
    QCOMPARE(panel->waitingLabel()->text(), u"Visible in the table and this panel."_s);
}

void TestDemoPrometheusGui::presenterMode()
{
    DemoWindow demo;
    QVERIFY(demo.start(false, {}, {}));
    MainWindow &window = demo.window;
    // The panel sits in a scroll area inside the dock.
    auto *pitfallsDock = window.findChild<QDockWidget *>(u"pitfallsDock"_s);
    QVERIFY(pitfallsDock && pitfallsDock->isAncestorOf(demo.panel()));
    QVERIFY(pitfallsDock);
    QList<QDockWidget *> visibleBefore;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (dock->isVisible())
            visibleBefore.append(dock);
    }
    QVERIFY(visibleBefore.size() >= 2);
    const qreal pointSize = demo.panel()->nextButton()->font().pointSizeF();
    const qreal outcomeSize = demo.panel()->outcomeView()->font().pointSizeF();

    window.presenterAction()->trigger();
    QVERIFY(window.isPresenterMode());
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        QCOMPARE(dock->isVisible(), dock == pitfallsDock);
    for (QToolBar *bar : window.findChildren<QToolBar *>())
        QVERIFY(!bar->isVisible());
    QCOMPARE(demo.panel()->nextButton()->font().pointSizeF(), pointSize * PitfallsPanel::PresenterScale);
    QVERIFY(!demo.panel()->findingsView()->isVisible()); // the panel's scenarios only
    QVERIFY(demo.panel()->outcomeView()->isVisible());
    // A widget with a font of its own grows too.
    QCOMPARE(demo.panel()->outcomeView()->font().pointSizeF(), outcomeSize * PitfallsPanel::PresenterScale);

    window.presenterAction()->trigger();
    QVERIFY(!window.isPresenterMode());
    for (QDockWidget *dock : visibleBefore)
        QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
    QCOMPARE(demo.panel()->nextButton()->font().pointSizeF(), pointSize);
    QCOMPARE(demo.panel()->outcomeView()->font().pointSizeF(), outcomeSize);
    QVERIFY(demo.panel()->findingsView()->isVisible());
}

void TestDemoPrometheusGui::screenshots()
{
    const QString dir = qEnvironmentVariable("PUSHDECK_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set PUSHDECK_SCREENSHOTS=<dir> to take the demo's screenshots");
    QSize size(1280, 800);
    const QStringList wh = qEnvironmentVariable("PUSHDECK_SCREENSHOT_SIZE").split(u'x');
    if (wh.size() == 2)
        size = QSize(wh.at(0).toInt(), wh.at(1).toInt());
    QDir().mkpath(dir);
    DemoWindow demo;
    QVERIFY(demo.start(true, DemoSeeder::demoPolicy(), DemoPrometheus::alertForDuration(), size));
    const bool presenter = qEnvironmentVariableIsSet("PUSHDECK_SCREENSHOT_PRESENTER");
    if (presenter)
        demo.window.setPresenterMode(true);
    const QString suffix = u"-%1x%2%3.png"_s.arg(size.width()).arg(size.height()).arg(presenter ? u"-presenter"_s : QString());
    auto shoot = [&](const QString &name) {
        QTest::qWait(5000); // a few more rounds drawn: a new alert state as more than a point
        const QString path = dir + u'/' + name + suffix;
        QVERIFY2(demo.window.grab().save(path), qPrintable(path));
    };
    // Each scenario up to the step that shows the most in Prometheus.
    const QList<std::pair<int, int>> telling{{DemoScenarios::RenamedInstance, 2},
                                             {DemoScenarios::NoUp, 3},
                                             {DemoScenarios::LostState, 2},
                                             {DemoScenarios::CollidingGroups, 1}};
    const QStringList names{u"renamed-instance"_s, u"no-up"_s, u"lost-state"_s, u"colliding-groups"_s};
    for (qsizetype i = 0; i < telling.size(); ++i) {
        const auto [scenario, step] = telling.at(i);
        QVERIFY(awaitFuture(demo.scenarios->selectScenario(scenario)).ok());
        for (int s = 0; s <= step; ++s)
            QVERIFY2(demo.clickNextAndSettle(), qPrintable(names.at(i)));
        QVERIFY(demo.side->isSettled());
        QVERIFY(!demo.side->observation().contains(u"Not seen in Prometheus"_s));
        shoot(names.at(i));
    }
    QVERIFY(awaitFuture(demo.scenarios->reset()).ok());
}

QTEST_MAIN(TestDemoPrometheusGui)
#include "tst_demoprometheusgui.moc"
