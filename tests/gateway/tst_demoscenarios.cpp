// Each Pitfalls scenario driven against a real gateway with the demo seeder
// running, asserting the effect on the gateway: the orphaned group exists and
// ages, a job that stops keeps its values, a restart without persistence
// empties the gateway and one with persistence does not, a stopped gateway
// answers nothing, and colliding groups block every push until one goes.

#include "core/awaitfuture.h"
#include "demo/demoscenarios.h"
#include "session/gatewaysession.h"
#include "demo/demoseeder.h"
#include "builders.h"
#include "testgateway.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

const QByteArray Metrics = "# TYPE batch_last_success_timestamp_seconds gauge\n"
                           "batch_last_success_timestamp_seconds 1.7e9\n";

bool has(const QList<Group> &groups, const GroupingKey &key)
{
    return std::any_of(groups.cbegin(), groups.cend(), [&key](const Group &g) { return g.key == key; });
}

std::optional<Group> find(const QList<Group> &groups, const GroupingKey &key)
{
    for (const Group &g : groups) {
        if (g.key == key)
            return g;
    }
    return std::nullopt;
}

// A demo gateway as `pushdeck --demo` runs it: seeded and kept pushing.
struct Demo
{
    TestGateway gateway;
    std::unique_ptr<GatewaySession> session;
    std::unique_ptr<DemoSeeder> seeder;
    std::unique_ptr<DemoScenarios> scenarios;

    bool start()
    {
        if (!gateway.start())
            return false;
        seeder = std::make_unique<DemoSeeder>(&gateway.client());
        QSignalSpy seeded(seeder.get(), &DemoSeeder::seeded);
        seeder->start();
        if (!seeded.wait(15000))
            return false;
        session = std::make_unique<GatewaySession>(gateway.url());
        session->setConfiguredPolicy(DemoSeeder::demoPolicy()); // as the window does in --demo
        scenarios = std::make_unique<DemoScenarios>(session.get(), &gateway.gateway(), seeder.get());
        return true;
    }
    QList<Group> groups()
    {
        return gateway.groups().value_or(QList<Group>{});
    }
};

#define STEP(call)                                                                                                     \
    do {                                                                                                               \
        const Result<QString> r = awaitFuture(call);                                                                   \
        QVERIFY2(r.ok(), qPrintable(r.errorString()));                                                                 \
    } while (false)

} // namespace

class TestDemoScenarios : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void texts();
    void renamedInstance();
    void noUp();
    void lostState();
    void collidingGroups();
    void firewallNat();
    void busyAndSwitching();
    void refusesWithoutLocalGateway();
    void sessionGone();
};

void TestDemoScenarios::texts()
{
    QCOMPARE(DemoScenarios::scenarios().size(), int(DemoScenarios::ScenarioCount));
    QStringList ids;
    for (const DemoScenarios::Scenario &s : DemoScenarios::scenarios()) {
        QVERIFY(!s.title.isEmpty());
        QVERIFY(s.explanation.startsWith(u"<p>"_s));
        QVERIFY(s.fix.startsWith(u"<p>"_s));
        QVERIFY(s.steps.size() >= 3);
        for (const DemoScenarios::Step &step : s.steps) {
            QVERIFY(!step.title.isEmpty());
            QVERIFY(!step.text.isEmpty());
        }
        ids.append(s.id);
    }
    QCOMPARE(ids, (QStringList{u"renamed-instance"_s, u"no-up"_s, u"lost-state"_s, u"colliding-groups"_s, u"firewall-nat"_s}));
    QVERIFY(DemoScenarios::scenario(DemoScenarios::FirewallNat).fix.contains(u"PushProx"_s));
    QCOMPARE(DemoScenarios::staleAlertExpression(key(u"{job=\"invoice-mailer\"}"_s), 30),
             u"time() - push_time_seconds{job=\"invoice-mailer\"} > 30"_s);
    QCOMPARE(DemoScenarios::collidingEmptyKey().toPath(), u"metrics/job/inventory-sync/instance@base64/="_s);
}

void TestDemoScenarios::renamedInstance()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    const GroupingKey a = DemoScenarios::hostAKey(), b = DemoScenarios::hostBKey();
    QSignalSpy focus(&s, &DemoScenarios::focusChanged);

    STEP(s.selectScenario(DemoScenarios::RenamedInstance));
    QCOMPARE(s.currentStep(), -1);
    STEP(s.next());
    QCOMPARE(s.currentStep(), 0);
    QVERIFY(has(demo.groups(), a));
    QVERIFY(demo.seeder->hasJob(a));
    QCOMPARE(s.focusKeys(), QList<GroupingKey>{a});
    QVERIFY(!focus.isEmpty());

    STEP(s.next());
    QCOMPARE(s.currentStep(), 1);
    QVERIFY(demo.seeder->hasJob(b));
    QVERIFY(!demo.seeder->hasJob(a));
    auto groups = demo.groups();
    QVERIFY(has(groups, a));
    QVERIFY(has(groups, b));
    const double aPushed = find(groups, a)->pushTime;
    const double bPushed = find(groups, b)->pushTime;
    QVERIFY2(s.outcome().contains(a.toString()) && s.outcome().contains(b.toString()), qPrintable(s.outcome()));

    // host-b keeps being pushed by the seeder; host-a's group stays, unchanged.
    QVERIFY(demo.gateway.waitForGroups([&](const QList<Group> &all) {
        const auto g = find(all, b);
        return g && g->pushTime > bPushed;
    }, 12000));
    groups = demo.groups();
    QVERIFY(has(groups, a));
    QCOMPARE(find(groups, a)->pushTime, aPushed);

    STEP(s.next());
    QCOMPARE(s.currentStep(), 2);
    QVERIFY2(s.outcome().contains(u"last push"_s), qPrintable(s.outcome()));
    QVERIFY2(s.outcome().contains(u"Lint warning: \"instance\" in the grouping key"_s), qPrintable(s.outcome()));
    // The live outcome keeps ticking.
    QSignalSpy outcome(&s, &DemoScenarios::outcomeChanged);
    QVERIFY(outcome.wait(5000));

    STEP(s.next());
    QCOMPARE(s.currentStep(), 3);
    groups = demo.groups();
    QVERIFY(!has(groups, a));
    QVERIFY(has(groups, b));

    // Back: reset and replay to step 2, so the orphan is there again.
    STEP(s.previous());
    QCOMPARE(s.currentStep(), 2);
    groups = demo.groups();
    QVERIFY(has(groups, a));
    QVERIFY(has(groups, b));

    STEP(s.reset());
    QCOMPARE(s.currentStep(), -1);
    groups = demo.groups();
    QVERIFY(!has(groups, a));
    QVERIFY(!has(groups, b));
    QVERIFY(!demo.seeder->hasJob(a));
    QVERIFY(!demo.seeder->hasJob(b));
}

void TestDemoScenarios::noUp()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    const GroupingKey k = DemoScenarios::silentJobKey();

    STEP(s.selectScenario(DemoScenarios::NoUp));
    STEP(s.next());
    QVERIFY(has(demo.groups(), k));
    QVERIFY2(s.outcome().contains(u"fresh"_s), qPrintable(s.outcome()));

    STEP(s.next()); // the job stops
    const auto before = demo.gateway.group(k);
    QVERIFY(before);
    // A full schedule period (5 s) later the group is still there with the
    // same values and push time: nothing marks the job down.
    QTest::qWait(5500);
    const auto later = demo.gateway.group(k);
    QVERIFY(later);
    QCOMPARE(later->pushTime, before->pushTime);
    QVERIFY(sameFamilies(later->families, before->families));
    QVERIFY(later->lastPushSuccessful);

    STEP(s.next());
    QVERIFY2(s.outcome().contains(u"last push"_s), qPrintable(s.outcome()));
    STEP(s.next());
    QCOMPARE(s.currentStep(), 3);
    QVERIFY2(s.outcome().contains(u"time() - push_time_seconds{job=\"invoice-mailer\"} > 30"_s), qPrintable(s.outcome()));
    QVERIFY2(s.outcome().contains(u"- alert:"_s), qPrintable(s.outcome()));
    QVERIFY2(s.outcome().contains(u"push_time_seconds{job=\"invoice-mailer\"}"_s), qPrintable(s.outcome()));

    STEP(s.reset());
    QVERIFY(!has(demo.groups(), k));
    QVERIFY(!demo.seeder->hasJob(k));
}

void TestDemoScenarios::lostState()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    const int seeded = int(demo.groups().size());
    QCOMPARE(seeded, int(demo.seeder->jobs().size()));
    const GroupingKey nightly = key(u"{job=\"nightly-backup\"}"_s);   // pushed once
    const GroupingKey periodic = key(u"{job=\"search-reindex\"}"_s);  // every 5 s
    QSignalSpy restarted(&s, &DemoScenarios::gatewayRestarted);

    STEP(s.selectScenario(DemoScenarios::LostState));
    STEP(s.next());
    QVERIFY2(s.outcome().contains(u"%1 groups"_s.arg(seeded)), qPrintable(s.outcome()));
    QVERIFY2(s.outcome().contains(u"memory only"_s), qPrintable(s.outcome()));

    // Restart without persistence: everything is gone.
    STEP(s.next());
    QVERIFY(!restarted.isEmpty());
    QVERIFY(demo.gateway.gateway().isRunning());
    QCOMPARE(demo.groups().size(), 0);
    QVERIFY2(s.outcome().contains(u"After: 0"_s), qPrintable(s.outcome()));

    // The periodic jobs come back, the one-shot job does not.
    STEP(s.next());
    QVERIFY(demo.gateway.waitForGroups([&](const QList<Group> &all) { return has(all, periodic); }, 12000));
    QVERIFY(!has(demo.groups(), nightly));

    // With a persistence file the groups survive a restart.
    STEP(s.next());
    LocalGateway *persistent = s.persistentGateway();
    QVERIFY(persistent);
    QVERIFY(persistent->isRunning());
    QVERIFY(!demo.gateway.gateway().isRunning());
    QCOMPARE(persistent->port(), demo.gateway.gateway().port());
    QVERIFY(has(demo.groups(), nightly));
    STEP(s.next());
    auto groups = demo.groups();
    QCOMPARE(groups.size(), seeded);
    QVERIFY(has(groups, nightly));
    QVERIFY2(s.outcome().contains(u"After: %1"_s.arg(seeded)), qPrintable(s.outcome()));
    QVERIFY(QFileInfo::exists(persistent->options().persistenceFile));

    // Stopped: nothing answers.
    STEP(s.next());
    QVERIFY(!persistent->isRunning());
    QVERIFY(!awaitFuture(demo.gateway.client().groups()).ok());

    // Started again: back from the file.
    STEP(s.next());
    QCOMPARE(s.currentStep(), 6);
    groups = demo.groups();
    QVERIFY(groups.size() >= seeded);
    QVERIFY(has(groups, nightly));

    // Reset: the original in-memory gateway, seeded again.
    STEP(s.reset());
    QVERIFY(!s.persistentGateway());
    QVERIFY(demo.gateway.gateway().isRunning());
    groups = demo.groups();
    QCOMPARE(groups.size(), seeded);
    QVERIFY(has(groups, nightly));
    QVERIFY(demo.gateway.gateway().options().persistenceFile.isEmpty());
}

void TestDemoScenarios::collidingGroups()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    const GroupingKey plain = DemoScenarios::collidingKey(), empty = DemoScenarios::collidingEmptyKey();
    const GroupingKey other = key(u"{job=\"unrelated\"}"_s);

    STEP(s.selectScenario(DemoScenarios::CollidingGroups));
    STEP(s.next());
    QVERIFY(has(demo.groups(), plain));
    QCOMPARE(demo.gateway.push(other, Metrics), 200);

    STEP(s.next());
    auto groups = demo.groups();
    QVERIFY(has(groups, plain));
    QVERIFY(has(groups, empty));
    QVERIFY2(s.outcome().contains(u"instance@base64/="_s), qPrintable(s.outcome()));

    // Every push fails now, from any job.
    STEP(s.next());
    QVERIFY2(s.outcome().contains(u"inconsistent with existing metrics"_s), qPrintable(s.outcome()));
    QByteArray body;
    QCOMPARE(demo.gateway.push(other, Metrics, true, &body), 400);
    QVERIFY2(body.contains("inconsistent with existing metrics"), body.constData());

    STEP(s.next());
    QVERIFY2(s.outcome().startsWith(u"CRITICAL colliding-keys"_s), qPrintable(s.outcome()));
    QVERIFY(s.outcome().contains(empty.toString()));

    // The fix: deleting one of the two makes pushes succeed again.
    STEP(s.next());
    groups = demo.groups();
    QVERIFY(!has(groups, empty));
    QVERIFY(has(groups, plain));
    QVERIFY(!has(groups, DemoScenarios::probeKey()));
    QCOMPARE(demo.gateway.push(other, Metrics), 200);
    QVERIFY2(s.outcome().contains(u"HTTP 200"_s), qPrintable(s.outcome()));

    // Back to "the lint finds it": the collision is there again.
    STEP(s.previous());
    QCOMPARE(s.currentStep(), 3);
    QVERIFY(has(demo.groups(), empty));
    QCOMPARE(demo.gateway.push(other, Metrics), 400);

    STEP(s.reset());
    groups = demo.groups();
    QVERIFY(!has(groups, plain));
    QVERIFY(!has(groups, empty));
    QVERIFY(!has(groups, DemoScenarios::probeKey()));
    QCOMPARE(demo.gateway.push(other, Metrics), 200);
}

void TestDemoScenarios::firewallNat()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    const int before = int(demo.groups().size());
    STEP(s.selectScenario(DemoScenarios::FirewallNat));
    for (int i = 0; i < 3; ++i)
        STEP(s.next());
    QCOMPARE(s.currentStep(), 2);
    STEP(s.next()); // past the last step: stays there
    QCOMPARE(s.currentStep(), 2);
    QVERIFY2(s.outcome().contains(u"Nothing happens on the gateway"_s), qPrintable(s.outcome()));
    QCOMPARE(int(demo.groups().size()), before);
}

void TestDemoScenarios::busyAndSwitching()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    STEP(s.selectScenario(DemoScenarios::CollidingGroups));
    auto first = s.next();
    QVERIFY(s.isBusy());
    const Result<QString> refused = awaitFuture(s.next());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorString().contains(u"still running"_s), qPrintable(refused.errorString()));
    QVERIFY(awaitFuture(first).ok());
    STEP(s.next());
    QVERIFY(has(demo.groups(), DemoScenarios::collidingEmptyKey()));

    // Leaving a scenario undoes it: no collision left to block the next one.
    STEP(s.selectScenario(DemoScenarios::RenamedInstance));
    QCOMPARE(s.currentScenario(), int(DemoScenarios::RenamedInstance));
    QCOMPARE(s.currentStep(), -1);
    const auto groups = demo.groups();
    QVERIFY(!has(groups, DemoScenarios::collidingEmptyKey()));
    QVERIFY(!has(groups, DemoScenarios::collidingKey()));
    QCOMPARE(demo.gateway.push(key(u"{job=\"unrelated\"}"_s), Metrics), 200);
}

void TestDemoScenarios::refusesWithoutLocalGateway()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    GatewaySession session(gateway.url());
    DemoScenarios s(&session, nullptr);
    STEP(s.selectScenario(DemoScenarios::CollidingGroups));
    const Result<QString> r = awaitFuture(s.next());
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"demo gateway"_s), qPrintable(r.errorString()));
    QCOMPARE(s.currentStep(), -1);
    QVERIFY(gateway.groups()->isEmpty());
}

void TestDemoScenarios::sessionGone()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    auto session = std::make_unique<GatewaySession>(gateway.url());
    DemoScenarios s(session.get(), &gateway.gateway());
    STEP(s.selectScenario(DemoScenarios::CollidingGroups));
    session.reset(); // the window closed the demo's tab
    const Result<QString> r = awaitFuture(s.next());
    QVERIFY(!r.ok());
    QVERIFY2(r.errorString().contains(u"session is gone"_s), qPrintable(r.errorString()));
    QVERIFY(!s.isBusy());
    QVERIFY(s.outcome().startsWith(u"Failed: "_s));
}

QTEST_GUILESS_MAIN(TestDemoScenarios)
#include "tst_demoscenarios.moc"
