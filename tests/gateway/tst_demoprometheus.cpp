// The demo's Prometheus, for real: Debian's `prometheus` scraping a real
// `prometheus-pushgateway` with honor_labels and PushDeck's generated alert
// rules, and each Pitfalls scenario's Prometheus-side observation with the
// demo seeder running: the ghost series of a renamed instance still answered,
// up == 1 while a job is dead and its stale alert pending then firing, a
// restart without persistence losing the series, and colliding groups
// failing the scrape itself (up == 0, HTTP 500).

#include "core/awaitfuture.h"
#include "demo/demoprometheus.h"
#include "demo/demoscenarios.h"
#include "demo/demoseeder.h"
#include "demo/localprometheus.h"
#include "demo/prometheusquery.h"
#include "session/gatewaysession.h"
#include "staleness/alertrules.h"
#include "builders.h"
#include "testgateway.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace PushDeck;
using namespace Qt::StringLiterals;

namespace {

// Synchronous instant query; nullopt when Prometheus did not answer.
std::optional<QList<PromSeries>> query(PrometheusQuery &client, const QString &expr)
{
    std::optional<Result<QList<PromSeries>>> answer;
    QEventLoop loop;
    client.instant(expr, [&](Result<QList<PromSeries>> result) {
        answer = std::move(result);
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (!answer || !*answer) {
        qWarning("query %s: %s", qPrintable(expr), answer ? qPrintable(answer->errorString()) : "no answer");
        return std::nullopt;
    }
    return answer->value();
}

// Waits until `expr` returns at least one series.
bool waitForSeries(PrometheusQuery &client, const QString &expr, int timeoutMs = 30000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const auto series = query(client, expr);
        if (series && !series->isEmpty())
            return true;
        QTest::qWait(250);
    }
    qWarning("no series for %s within %d ms", qPrintable(expr), timeoutMs);
    return false;
}

QByteArray get(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    reply->deleteLater();
    return reply->readAll();
}

StalenessRule rule(const QString &selector, double warn, double stale)
{
    return StalenessRule(LabelMatcher::parse(selector).value(), warn, stale);
}

// Short thresholds, so that the stale alert fires within seconds.
StalenessPolicy fastPolicy()
{
    StalenessPolicy policy;
    policy.setDefaults(60, 180);
    policy.setRules({rule(u"{job=\"invoice-mailer\"}"_s, 2, 4), rule(u"{job=\"disk-cleanup\"}"_s, 15, 30)});
    return policy;
}

// `pushdeck --demo` with its Prometheus: seeded gateway, session, scenarios.
struct Demo
{
    TestGateway gateway;
    std::unique_ptr<GatewaySession> session;
    std::unique_ptr<DemoSeeder> seeder;
    std::unique_ptr<DemoScenarios> scenarios;
    std::unique_ptr<LocalPrometheus> prometheus;
    std::unique_ptr<DemoPrometheus> side;
    PrometheusQuery client;

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
        session->setConfiguredPolicy(DemoSeeder::demoPolicy());
        session->start();
        scenarios = std::make_unique<DemoScenarios>(session.get(), &gateway.gateway(), seeder.get());
        LocalPrometheusOptions options = DemoPrometheus::demoOptions(gateway.url(), fastPolicy(), u"2s"_s);
        options.scrapeIntervalMs = 1000;
        options.evaluationIntervalMs = 1000;
        prometheus = std::make_unique<LocalPrometheus>(options);
        if (!prometheus->startAndWait()) {
            qWarning("prometheus: %s", qPrintable(prometheus->errorString()));
            return false;
        }
        client.setUrl(prometheus->url());
        side = std::make_unique<DemoPrometheus>(scenarios.get(), session.get(), prometheus.get());
        return side->status() == DemoPrometheus::Status::Running;
    }

    // The step's effect visible in Prometheus (not by the timeout).
    bool settled(int timeoutMs = 60000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!side->isSettled() && clock.elapsed() < timeoutMs)
            QTest::qWait(100);
        if (!side->isSettled())
            qWarning("still %s", qPrintable(side->waitingFor()));
        return side->isSettled() && !side->observation().contains(u"Not seen in Prometheus"_s);
    }

    bool hasLine(const QString &label)
    {
        const auto lines = side->lines();
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&](const DemoPrometheus::Line &line) { return line.label == label && !line.points.isEmpty(); });
    }
};

#define STEP(call)                                                                                                     \
    do {                                                                                                               \
        const Result<QString> r = awaitFuture(call);                                                                   \
        QVERIFY2(r.ok(), qPrintable(r.errorString()));                                                                 \
    } while (false)

} // namespace

class TestDemoPrometheus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void config();
    void scrapesWithHonorLabelsAndLoadsRules();
    void refusesBadRules();
    void missingBinary();
    void withoutPrometheus();
    void renamedInstance();
    void noUp();
    void lostState();
    void collidingGroups();
};

void TestDemoPrometheus::initTestCase()
{
    if (LocalPrometheus::findBinary().isEmpty())
        QFAIL("prometheus is not installed (scripts/setup.sh installs it)");
}

void TestDemoPrometheus::config()
{
    LocalPrometheusOptions options;
    options.gateway = QUrl(u"http://127.0.0.1:9091/pg/"_s);
    options.scrapeIntervalMs = 1500;
    const QString yaml = LocalPrometheus::configYaml(options, u"/tmp/it's/rules.yml"_s);
    QVERIFY(yaml.contains(u"honor_labels: true"_s));
    QVERIFY(yaml.contains(u"scrape_interval: 1500ms"_s));
    QVERIFY(yaml.contains(u"scrape_timeout: 1500ms"_s));
    QVERIFY(yaml.contains(u"metrics_path: '/pg/metrics'"_s));
    QVERIFY(yaml.contains(u"targets: ['127.0.0.1:9091']"_s));
    QVERIFY(yaml.contains(u"- '/tmp/it''s/rules.yml'"_s));
}

void TestDemoPrometheus::scrapesWithHonorLabelsAndLoadsRules()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    QCOMPARE(gateway.push(u"{job=\"honor\",instance=\"host-a\"}"_s, "x 1\n"), 200);
    QCOMPARE(gateway.push(u"{job=\"plain\"}"_s, "x 2\n"), 200);

    LocalPrometheusOptions options = DemoPrometheus::demoOptions(gateway.url(), fastPolicy());
    options.scrapeIntervalMs = 1000;
    LocalPrometheus prometheus(options);
    QVERIFY2(prometheus.startAndWait(), qPrintable(prometheus.errorString()));
    QVERIFY(prometheus.isReady());
    QVERIFY(prometheus.url().port() > 0);
    QVERIFY(QFileInfo::exists(prometheus.directory() + u"/prometheus.yml"_s));
    QVERIFY(QFileInfo::exists(prometheus.directory() + u"/pushdeck-rules.yml"_s));

    PrometheusQuery client;
    client.setUrl(prometheus.url());
    QVERIFY(waitForSeries(client, u"x{job=\"honor\",instance=\"host-a\"}"_s));
    // honor_labels: the pushed job wins; no series is job="pushgateway".
    const auto pushed = query(client, u"x"_s);
    QVERIFY(pushed);
    QCOMPARE(pushed->size(), 2);
    for (const PromSeries &series : *pushed)
        QVERIFY(series.labels.value(u"job"_s) != u"pushgateway"_s);
    // A group without an instance has none in Prometheus (the empty one is dropped).
    const auto plain = query(client, u"x{job=\"plain\"}"_s);
    QVERIFY(plain && plain->size() == 1);
    QVERIFY(!plain->first().labels.contains(u"instance"_s));
    // A query Prometheus refuses: its own error, not an empty answer.
    std::optional<Result<QList<PromSeries>>> refused;
    client.instant(u"sum(push_time_seconds"_s, [&](Result<QList<PromSeries>> r) { refused = std::move(r); });
    QTRY_VERIFY(refused.has_value());
    QVERIFY(!*refused);
    QVERIFY2(refused->errorString().contains(u"bad_data"_s), qPrintable(refused->errorString()));
    // A '+' arrives as a plus, not as a space.
    const auto sum = query(client, u"x{job=\"honor\"} + 1 and x{job=\"honor\"} > 0"_s);
    QVERIFY(sum && sum->size() == 1 && sum->first().lastValue() == 2);
    // up is the target's: job="pushgateway".
    QVERIFY(waitForSeries(client, u"up{job=\"pushgateway\"} == 1"_s));

    // The generated rules are loaded: the group and its stale alert.
    const QJsonObject rules = QJsonDocument::fromJson(get(QUrl(prometheus.url().toString() + u"/api/v1/rules"_s))).object();
    QCOMPARE(rules.value(u"status"_s).toString(), u"success"_s);
    const QJsonArray groups = rules.value(u"data"_s).toObject().value(u"groups"_s).toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.first().toObject().value(u"name"_s).toString(), u"pushdeck-staleness"_s);
    QStringList names;
    for (const QJsonValue &r : groups.first().toObject().value(u"rules"_s).toArray())
        names.append(r.toObject().value(u"name"_s).toString());
    QVERIFY2(names.contains(u"PushgatewayGroupStale"_s), qPrintable(names.join(u',')));

    prometheus.stop();
    QVERIFY(!prometheus.isRunning());
    QVERIFY(!query(client, u"up"_s)); // nobody answers any more
}

void TestDemoPrometheus::refusesBadRules()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    LocalPrometheusOptions options;
    options.gateway = gateway.url();
    options.rules = u"groups:\n  - name: broken\n    rules:\n      - alert: A\n        expr: 'sum('\n"_s;
    LocalPrometheus prometheus(options);
    QSignalSpy failed(&prometheus, &LocalPrometheus::failed);
    QVERIFY(!prometheus.startAndWait());
    QCOMPARE(failed.size(), 1);
    QVERIFY2(prometheus.errorString().contains(u"exited"_s), qPrintable(prometheus.errorString()));
    QVERIFY2(prometheus.errorString().contains(u"rules"_s, Qt::CaseInsensitive)
                 || prometheus.errorString().contains(u"parse"_s, Qt::CaseInsensitive),
             qPrintable(prometheus.errorString()));
}

void TestDemoPrometheus::missingBinary()
{
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", "/nonexistent");
    const QByteArray env = qgetenv("PUSHDECK_PROMETHEUS");
    qunsetenv("PUSHDECK_PROMETHEUS");
    LocalPrometheusOptions options;
    options.gateway = QUrl(u"http://127.0.0.1:1"_s);
    LocalPrometheus prometheus(options);
    const bool started = prometheus.startAndWait();
    qputenv("PATH", path);
    if (!env.isEmpty())
        qputenv("PUSHDECK_PROMETHEUS", env);
    QVERIFY(!started);
    QVERIFY2(prometheus.errorString().contains(u"not found"_s), qPrintable(prometheus.errorString()));
}

void TestDemoPrometheus::withoutPrometheus()
{
    // The scenarios run without it; the panel says what it would add and
    // never waits for it.
    DemoPrometheus side(nullptr, nullptr, nullptr);
    QCOMPARE(side.status(), DemoPrometheus::Status::Unavailable);
    QVERIFY(side.isSettled());
    QVERIFY(side.waitingFor().isEmpty());
    QVERIFY(side.statusText().contains(u"not installed"_s));
    QVERIFY(DemoPrometheus::wouldShow(DemoScenarios::NoUp).contains(u"pending"_s));
}

void TestDemoPrometheus::renamedInstance()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    STEP(s.selectScenario(DemoScenarios::RenamedInstance));
    STEP(s.next());
    QVERIFY(!demo.side->isSettled() || demo.side->waitingFor().isEmpty());
    QVERIFY(demo.settled());
    STEP(s.next()); // renamed to host-b
    QVERIFY(demo.settled());
    STEP(s.next()); // host-a only ages
    QVERIFY(!demo.side->isSettled());
    QVERIFY2(demo.side->waitingFor().contains(u"> 15"_s), qPrintable(demo.side->waitingFor()));
    QVERIFY(demo.settled());
    // The ghost: host-a's values still answered, its age only in time() - push_time_seconds.
    const auto ghost = query(demo.client, u"batch_duration_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s);
    QVERIFY(ghost && ghost->size() == 1);
    const auto age = query(demo.client, u"time() - push_time_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s);
    QVERIFY(age && age->size() == 1 && age->first().lastValue() > 15);
    QTRY_VERIFY(demo.side->observation().contains(u"batch_duration_seconds{job=\"disk-cleanup\",instance=\"host-a\"} = "_s));
    QTRY_VERIFY(demo.hasLine(u"age host-a"_s));
    QTRY_VERIFY(demo.hasLine(u"age host-b"_s));
    STEP(s.next()); // deleted
    QVERIFY(demo.settled());
    const auto gone = query(demo.client, u"batch_duration_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s);
    QVERIFY(gone && gone->isEmpty());
}

void TestDemoPrometheus::noUp()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    STEP(s.selectScenario(DemoScenarios::NoUp));
    STEP(s.next());
    QVERIFY(demo.settled());
    STEP(s.next()); // the job stops
    QVERIFY(demo.settled());
    STEP(s.next()); // only its age shows: the alert goes pending
    QVERIFY(demo.settled());
    const auto pending = query(demo.client, u"ALERTS{alertname=\"PushgatewayGroupStale\",job=\"invoice-mailer\"}"_s);
    QVERIFY(pending && !pending->isEmpty());
    // up stays 1 for the gateway all the while.
    const auto up = query(demo.client, u"up{job=\"pushgateway\"}"_s);
    QVERIFY(up && up->size() == 1 && up->first().lastValue() == 1);
    STEP(s.next()); // the rule: firing
    QVERIFY(demo.settled());
    const auto firing = query(demo.client,
                              u"ALERTS{alertname=\"PushgatewayGroupStale\",job=\"invoice-mailer\",alertstate=\"firing\"}"_s);
    QVERIFY(firing && firing->size() == 1);
    QTRY_VERIFY(demo.side->observation().contains(u"alertstate=\"firing\""_s));
    QTRY_VERIFY(demo.hasLine(u"alert firing"_s));
    QTRY_VERIFY(demo.hasLine(u"up"_s));
}

void TestDemoPrometheus::lostState()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    STEP(s.selectScenario(DemoScenarios::LostState));
    STEP(s.next());
    QVERIFY(demo.settled());
    const auto before = query(demo.client, u"count(push_time_seconds)"_s);
    QVERIFY(before && before->size() == 1);
    const double groupsBefore = before->first().lastValue();
    QVERIFY(groupsBefore >= 10);
    STEP(s.next()); // restart without persistence: every pushed series gone
    QVERIFY(demo.settled());
    STEP(s.next()); // the periodic jobs push again; the one-shot ones stay lost
    QVERIFY(demo.settled());
    const auto after = query(demo.client, u"count(push_time_seconds)"_s);
    QVERIFY(after && after->size() == 1);
    QVERIFY2(after->first().lastValue() < groupsBefore,
             qPrintable(u"%1 of %2"_s.arg(after->first().lastValue()).arg(groupsBefore)));
    // The gap: a range with no pushed series between the two.
    const auto gap = query(demo.client, u"count_over_time(absent(push_time_seconds)[1m:1s])"_s);
    QVERIFY(gap && gap->size() == 1 && gap->first().lastValue() >= 1);
    QTRY_VERIFY(demo.side->observation().contains(u"most in the last 3 min"_s));
    STEP(s.next()); // persistence on
    QVERIFY(demo.settled());
    STEP(s.next()); // restart with persistence
    QVERIFY(demo.settled());
    STEP(s.next()); // stopped: the scrape fails
    QVERIFY(demo.settled());
    QTRY_VERIFY_WITH_TIMEOUT(demo.side->observation().contains(u"down"_s), 10000);
    STEP(s.next()); // started again
    QVERIFY(demo.settled());
    STEP(s.reset());
}

void TestDemoPrometheus::collidingGroups()
{
    Demo demo;
    QVERIFY(demo.start());
    DemoScenarios &s = *demo.scenarios;
    STEP(s.selectScenario(DemoScenarios::CollidingGroups));
    STEP(s.next());
    QVERIFY(demo.settled());
    STEP(s.next()); // the colliding group: /metrics answers 500, the scrape fails
    QVERIFY(demo.settled());
    const auto up = query(demo.client, u"up{job=\"pushgateway\"}"_s);
    QVERIFY(up && up->size() == 1 && up->first().lastValue() == 0);
    QTRY_VERIFY_WITH_TIMEOUT(demo.side->observation().contains(u"500"_s), 10000);
    STEP(s.next());
    QVERIFY(demo.settled());
    STEP(s.next());
    QVERIFY(demo.settled());
    STEP(s.next()); // one of them deleted: the scrape works again
    QVERIFY(demo.settled());
    const auto upAgain = query(demo.client, u"up{job=\"pushgateway\"}"_s);
    QVERIFY(upAgain && upAgain->size() == 1 && upAgain->first().lastValue() == 1);
}

QTEST_GUILESS_MAIN(TestDemoPrometheus)
#include "tst_demoprometheus.moc"
