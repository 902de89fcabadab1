// One owner for a gateway's truth, seen from the window: in --demo the
// groups table, the detail pane, the rules dialog, the delete and prune
// previews, the age chart and the pitfalls panel all say the same state for
// every group, also after a rule is added in the rules dialog (which keeps
// the demo's rules). And an operation outlives the tab it was started in:
// a move keeps running when the tab changes and closes, and is audited to
// its end. Real gateways throughout.

#include "core/awaitfuture.h"
#include "demo/demoscenarios.h"
#include "items/grouptablemodel.h"
#include "operations/auditlog.h"
#include "session/gatewaysession.h"
#include "staleness/stalenessrules.h"
#include "views/charts/agechartview.h"
#include "views/common/stateicons.h"
#include "views/gateway/gatewayview.h"
#include "views/operations/deletedialog.h"
#include "views/operations/operationkeytable.h"
#include "views/operations/operationscontroller.h"
#include "views/operations/prunewizard.h"
#include "views/staleness/rulesdialog.h"
#include "views/window/mainwindow.h"
#include "builders.h"
#include "testgateway.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace PushDeck;
using namespace Qt::StringLiterals;
using PushDeck::Test::key;

namespace {

using States = QHash<GroupingKey, Staleness>;

States tableStates(MainWindow &window)
{
    States states;
    const GroupTableModel *model = window.groupModel();
    for (int row = 0; row < model->rowCount(); ++row)
        states.insert(model->group(row).key, model->verdict(row).state);
    return states;
}

States previewStates(const QList<PruneCandidate> &candidates)
{
    States states;
    for (const PruneCandidate &candidate : candidates)
        states.insert(candidate.key(), candidate.verdict.state);
    return states;
}

QString describe(const States &states)
{
    QStringList lines;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        lines << it.key().toString() + u" "_s + stalenessName(it.value());
    lines.sort();
    return lines.join(u'\n');
}

// Every surface against the table, with the session's clock held still so
// that no threshold is crossed between two of them.
void checkAgreement(MainWindow &window, const States &table)
{
    GatewaySession *session = window.currentSession();
    QVERIFY(session);
    QVERIFY(!table.isEmpty());

    // Detail pane: the state of each selected group.
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        QVERIFY(window.selectGroup(it.key()));
        const QString detail = window.currentView()->detailStateLabel()->text();
        QVERIFY2(detail.startsWith(StateIcons::label(it.value())),
                 qPrintable(it.key().toString() + u": "_s + detail + u" vs table "_s + stalenessName(it.value())));
    }

    // Rules dialog: "<state> now, by ..." for a key the gateway has.
    window.findChild<QAction *>(u"rulesAction"_s)->trigger();
    auto *rules = window.findChild<RulesDialog *>();
    QVERIFY(rules);
    auto *testKey = rules->findChild<QLineEdit *>(u"testKey"_s);
    auto *testResult = rules->findChild<QLabel *>(u"testResult"_s);
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        testKey->setText(it.key().toString());
        QVERIFY2(testResult->text().startsWith(stalenessName(it.value()) + u" now"_s),
                 qPrintable(it.key().toString() + u": "_s + testResult->text() + u" vs table "_s + stalenessName(it.value())));
    }
    rules->reject();
    delete rules;

    // Previews: delete the selection, bulk delete by matcher, prune.
    window.groupTable()->selectAll();
    DeleteDialog *selection = window.operations()->deleteSelected();
    QVERIFY(selection);
    QCOMPARE(describe(previewStates(selection->preview())), describe(table));
    selection->reject();
    delete selection;

    DeleteDialog *matcher = window.operations()->bulkDeleteByMatcher();
    QVERIFY(matcher);
    matcher->setMatcherText(u"{job=~\".+\"}"_s);
    QCOMPARE(describe(previewStates(matcher->preview())), describe(table));
    matcher->reject();
    delete matcher;

    PruneWizard *prune = window.operations()->pruneStale();
    QVERIFY(prune);
    // Every state prune offers, so the preview holds every group in one.
    States prunable;
    for (Staleness state : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown}) {
        QCheckBox *check = prune->stateCheck(state);
        if (!check)
            continue;
        check->setChecked(true);
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            if (it.value() == state)
                prunable.insert(it.key(), it.value());
        }
    }
    prune->next(); // to the preview page
    QCOMPARE(describe(previewStates(prune->preview())), describe(prunable));
    prune->reject();
    delete prune;

    // The age chart: per state, the same counts as the table (groups that
    // never pushed are in no bucket).
    std::array<int, StalenessCount> expected{};
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        const Group *group = session->group(it.key());
        QVERIFY(group);
        if (AgeChartView::bucketOf(session->now() - group->pushTime) >= 0)
            ++expected[size_t(it.value())];
    }
    const auto chartCounts = [&window] {
        std::array<int, StalenessCount> counts{};
        for (const StateCounts &bucket : window.ageChart()->counts()) {
            for (int s = 0; s < StalenessCount; ++s)
                counts[size_t(s)] += bucket.value(Staleness(s));
        }
        return counts;
    };
    QTRY_VERIFY_WITH_TIMEOUT(chartCounts() == expected, 8000); // the charts redraw every 5 s
}

} // namespace

class TestSessionAgreement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void demoSurfacesAgreeAlsoAfterARuleIsAdded()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy first(&window, &MainWindow::firstRefreshFinished);
        window.startDemo(&gateway.gateway());
        QVERIFY(first.wait(30000));
        GatewaySession *session = window.currentSession();
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(window.groupModel()->rowCount() >= 5, 15000);
        const int demoRules = int(window.policy().rules().size());
        QVERIFY(demoRules >= 4); // the demo's rules are the window's for this run

        // The pitfalls panel: a live step's outcome names the state the table
        // shows for the same read.
        auto *scenarios = window.findChild<DemoScenarios *>();
        QVERIFY(scenarios);
        const GroupingKey silent = DemoScenarios::silentJobKey();
        QVERIFY(awaitFuture(scenarios->selectScenario(DemoScenarios::NoUp)).ok());
        const Result<QString> outcome = awaitFuture(scenarios->next());
        QVERIFY2(outcome.ok(), qPrintable(outcome.errorString()));
        const States afterStep = tableStates(window);
        QVERIFY(afterStep.contains(silent));
        QVERIFY2(outcome->contains(silent.toString() + u"\n"_s), qPrintable(*outcome));
        QVERIFY2(outcome->contains(u" \u2014 "_s + stalenessName(afterStep.value(silent))),
                 qPrintable(*outcome + u"\nvs table: "_s + stalenessName(afterStep.value(silent))));

        // Hold the clock: every surface is judged at the same moment. Wait
        // until nightly-backup (pushed once when seeded) is a few seconds old.
        session->pause();
        const GroupingKey nightly = key(u"{job=\"nightly-backup\"}"_s);
        QTRY_VERIFY_WITH_TIMEOUT(session->group(nightly) && session->now() - session->group(nightly)->pushTime > 4, 15000);
        session->setFixedNow(session->now());
        const States before = tableStates(window);
        QCOMPARE(before.value(nightly), Staleness::Fresh); // 26 h by the demo's rule
        checkAgreement(window, before);

        // Add a rule in the rules dialog: nightly-backup is stale after 2 s.
        window.findChild<QAction *>(u"rulesAction"_s)->trigger();
        auto *rules = window.findChild<RulesDialog *>();
        QVERIFY(rules);
        QVERIFY(!rules->note().isEmpty()); // the demo's rules are not saved
        StalenessPolicy edited = rules->policy();
        QCOMPARE(edited.rules().size(), demoRules); // the dialog shows the demo's rules
        QList<StalenessRule> list = edited.rules();
        list.prepend(StalenessRule(LabelMatcher::parse(u"{job=\"nightly-backup\"}"_s).value(), 1, 2, u"tight"_s));
        edited.setRules(list);
        rules->setPolicy(edited);
        rules->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        delete rules;

        QCOMPARE(window.policy().rules().size(), demoRules + 1); // the demo's rules stay
        QCOMPARE(session->policy().rules().size(), demoRules + 1);
        const States after = tableStates(window);
        QCOMPARE(after.value(nightly), Staleness::Stale);
        checkAgreement(window, after);
        // Nothing of the demo's rules reached the user's settings.
        QVERIFY(!QSettings().contains(StalenessRules::settingsKey()));
    }

    void aMoveOutlivesItsTab()
    {
        TestGateway first, second;
        QVERIFY(first.start());
        QVERIFY(second.start());
        const GroupingKey from = key(u"{job=\"mover\",instance=\"old\"}"_s);
        const GroupingKey to = key(u"{job=\"mover\",instance=\"new\"}"_s);
        QCOMPARE(first.push(from, "m 1\n"), 200);
        for (int i = 0; i < 200; ++i) // a bigger gateway: the move's reads take a while
            QCOMPARE(first.push(key(u"{job=\"filler\",instance=\"%1\"}"_s.arg(i)), "m 1\n"), 200);

        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy refreshed(&window, &MainWindow::firstRefreshFinished);
        QVERIFY(window.openGateway(first.url().toString()));
        QVERIFY(refreshed.wait(15000));
        QVERIFY(window.openGateway(second.url().toString(), true));
        window.tabs()->setCurrentWidget(window.views().first());
        QPointer<GatewaySession> session = window.currentSession();
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(session->group(from), 15000);
        const int auditBefore = int(window.operations()->auditLog().read()->size());

        // Started from the first tab, which then stops being current and closes.
        QSignalSpy finished(session.data(), &GatewaySession::operationFinished);
        const auto move = session->operations()->move(from, to);
        window.tabs()->setCurrentWidget(window.views().last());
        QVERIFY(session); // changing tabs ends nothing
        const int tab = window.tabs()->indexOf(window.views().first());
        QVERIFY(tab >= 0);
        Q_EMIT window.tabs()->tabCloseRequested(tab);
        QVERIFY(session); // still running: the session waits for it
        QVERIFY(session->isClosing());
        QCOMPARE(session->runningOperations(), 1);

        const Result<OperationResult> result = awaitFuture(move);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QTRY_COMPARE(finished.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(session.isNull(), 5000); // gone once idle

        // Done on the gateway, and audited to its end.
        const auto groups = first.groups();
        QVERIFY(groups);
        const auto has = [&groups](const GroupingKey &k) {
            return std::any_of(groups->cbegin(), groups->cend(), [&k](const Group &g) { return g.key == k; });
        };
        QVERIFY(!has(from));
        QVERIFY(has(to));
        const auto entries = window.operations()->auditLog().read();
        QVERIFY(entries);
        QVERIFY(entries->size() > auditBefore);
        const AuditEntry &last = entries->last();
        QCOMPARE(last.action, u"move"_s);
        QVERIFY2(last.error.isEmpty(), qPrintable(last.error));
        QStringList outcomes;
        for (const AuditKeyOutcome &k : last.keys)
            outcomes << k.key + u"="_s + k.outcome;
        QCOMPARE(outcomes, QStringList({from.toString() + u"=deleted"_s, to.toString() + u"=pushed"_s}));
    }
};

QTEST_MAIN(TestSessionAgreement)
#include "tst_sessionagreement.moc"
