// The lint on crafted real gateways: what a real prometheus-pushgateway makes
// of each anti-pattern (failed pushes, empty pushes, colliding keys created
// by an @base64/= push) is what the lint must recognise.

#include "core/awaitfuture.h"
#include "staleness/lint.h"
#include "testgateway.h"

#include <QDateTime>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

const QByteArray Metrics = "# TYPE batch_last_success_timestamp_seconds gauge\n"
                           "batch_last_success_timestamp_seconds 1.7e9\n";
// The same series twice: the gateway rejects the push with 400.
const QByteArray Duplicate = "a 1\na 1\n";

QStringList describe(const QList<LintFinding> &findings)
{
    QStringList out;
    for (const LintFinding &f : findings)
        out.append(u"%1 %2 %3 %4"_s.arg(lintSeverityName(f.severity), f.id, f.subject).arg(f.groups.size()));
    return out;
}

double now()
{
    return QDateTime::currentMSecsSinceEpoch() / 1000.0;
}

} // namespace

class TestLintGateway : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crafted_data();
    void crafted();
    void collisionFoundAndFixed();
    void staleOnRealPushTimes();
};

void TestLintGateway::crafted_data()
{
    // Pushes in order, by key. Prefixes: "!" pushes a duplicate series
    // (rejected), "~" pushes valid metrics that the gateway must reject for
    // consistency, "#" pushes an empty body.
    QTest::addColumn<QStringList>("pushes");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("healthy service-level jobs")
        << QStringList{u"{job=\"backup\"}"_s, u"{job=\"etl\",stage=\"load\"}"_s, u"{job=\"db-dump\",path=\"/var/lib/pg\"}"_s}
        << QStringList{};
    QTest::newRow("per-host cron job")
        << QStringList{u"{job=\"logrotate\",instance=\"web-1\"}"_s, u"{job=\"logrotate\",instance=\"web-2\"}"_s,
                       u"{job=\"probe\",target=\"10.1.2.3:9100\"}"_s}
        << QStringList{u"warning instance-label instance 2"_s, u"warning instance-label target 1"_s};
    QTest::newRow("failed push keeps the group, marked failed")
        << QStringList{u"{job=\"cert-renewal\"}"_s, u"!{job=\"cert-renewal\"}"_s}
        << QStringList{u"warning push-failed  1"_s};
    QTest::newRow("a rejected first push leaves an empty failed group")
        << QStringList{u"!{job=\"never-worked\"}"_s} << QStringList{u"warning push-failed  1"_s};
    QTest::newRow("pushed empty")
        << QStringList{u"#{job=\"heartbeat\"}"_s, u"{job=\"ok\"}"_s} << QStringList{u"info empty-push  1"_s};
    QTest::newRow("fan-out")
        << [] {
               QStringList keys;
               for (int i = 0; i < 10; ++i)
                   keys.append(u"{job=\"render\",shard=\"%1\"}"_s.arg(i));
               return keys;
           }()
        << QStringList{u"warning fan-out render/shard 10"_s};
    QTest::newRow("collision, created by an @base64/= push")
        << QStringList{u"{job=\"x\"}"_s, u"~{job=\"x\",instance=\"\"}"_s, u"~{job=\"unrelated\"}"_s}
        << QStringList{u"critical colliding-keys {job=\"x\"} 2"_s, u"warning push-failed  2"_s};
}

void TestLintGateway::crafted()
{
    QFETCH(QStringList, pushes);
    QFETCH(QStringList, expected);
    TestGateway gateway;
    QVERIFY(gateway.start());
    for (QString key : std::as_const(pushes)) {
        const QChar prefix = key.front();
        const bool duplicate = prefix == u'!', inconsistent = prefix == u'~', empty = prefix == u'#';
        if (duplicate || inconsistent || empty)
            key.remove(0, 1);
        QByteArray body;
        const int status = gateway.push(key, duplicate ? Duplicate : empty ? QByteArray() : Metrics, true, &body);
        QCOMPARE(status, duplicate || inconsistent ? 400 : 200);
        if (inconsistent)
            QVERIFY2(body.contains("inconsistent with existing metrics"), body.constData());
    }
    const auto groups = gateway.groups();
    QVERIFY(groups);
    const auto findings = Lint::run(*groups, StalenessPolicy(), now());
    QCOMPARE(describe(findings), expected);
}

void TestLintGateway::collisionFoundAndFixed()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    QCOMPARE(gateway.push(u"{job=\"inventory-sync\"}"_s, Metrics), 200);
    QCOMPARE(gateway.push(u"{job=\"other\"}"_s, Metrics), 200);
    // Rejected, yet it creates the group.
    QCOMPARE(gateway.push(u"{job=\"inventory-sync\",instance=\"\"}"_s, Metrics), 400);
    QByteArray body;
    QCOMPARE(gateway.push(u"{job=\"other\"}"_s, Metrics, true, &body), 400);

    auto groups = gateway.groups();
    QVERIFY(groups);
    auto findings = Lint::run(*groups, StalenessPolicy(), now());
    QVERIFY(!findings.isEmpty());
    const LintFinding collision = findings.first();
    QCOMPARE(collision.id, LintFinding::CollidingKeys);
    QCOMPARE(Lint::worst(findings), LintSeverity::Critical);
    // The push to {job="other"} failed too: the lint sees that as well.
    const auto failed = std::find_if(findings.cbegin(), findings.cend(), [](const LintFinding &f) { return f.id == LintFinding::PushFailed; });
    QVERIFY(failed != findings.cend());
    QVERIFY(failed->groups.contains(GroupingKey::parse(u"{job=\"other\"}"_s).value()));

    // The fix the lint names: delete the group with the empty label.
    const GroupingKey emptyOne = collision.groups.last();
    QCOMPARE(emptyOne.toString(), u"{job=\"inventory-sync\",instance=\"\"}"_s);
    QCOMPARE(collision.notes.last(), u"empty-valued: instance"_s);
    QCOMPARE(gateway.deleteGroup(emptyOne), 202);
    QVERIFY(gateway.waitForGroups([&](const QList<Group> &all) {
        return std::none_of(all.cbegin(), all.cend(), [&](const Group &g) { return g.key == emptyOne; });
    }));
    QCOMPARE(gateway.push(u"{job=\"other\"}"_s, Metrics), 200);
    groups = gateway.groups();
    QVERIFY(groups);
    findings = Lint::run(*groups, StalenessPolicy(), now());
    QCOMPARE(describe(findings), QStringList{});
}

void TestLintGateway::staleOnRealPushTimes()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    QCOMPARE(gateway.push(u"{job=\"quick\"}"_s, Metrics), 200);
    QCOMPARE(gateway.push(u"{job=\"slow\"}"_s, Metrics), 200);
    StalenessPolicy policy;
    policy.setRules({StalenessRule(LabelMatcher::parse(u"{job=\"quick\"}"_s).value(), 0.2, 0.5)});
    auto groups = gateway.groups();
    QVERIFY(groups);
    QCOMPARE(describe(Lint::run(*groups, policy, now())), QStringList{});
    QTest::qWait(700);
    groups = gateway.groups();
    QVERIFY(groups);
    const auto findings = Lint::run(*groups, policy, now());
    QCOMPARE(describe(findings), QStringList{u"warning stale  1"_s});
    QCOMPARE(findings.first().groups.first().toString(), u"{job=\"quick\"}"_s);
    QVERIFY2(findings.first().notes.first().contains(u"rule 1 {job=\"quick\"}"_s), qPrintable(findings.first().notes.first()));
}

QTEST_GUILESS_MAIN(TestLintGateway)
#include "tst_lint_gateway.moc"
