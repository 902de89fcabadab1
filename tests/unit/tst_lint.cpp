// The anti-pattern lint on crafted group lists: each rule fires where it
// should and stays quiet where it should not; ordering, notes and the CLI's
// text and JSON forms.

#include "staleness/lint.h"
#include "builders.h"

#include <QJsonArray>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::group;
using PushDeck::Test::key;
using PushDeck::Test::series;

namespace {

const double Now = 1'800'000'000;

// The one family of a healthy batch job: when it last succeeded.
MetricFamily lastSuccess(double time)
{
    return family(u"batch_last_success_timestamp_seconds"_s, MetricType::Gauge, {series({}, time)});
}

// A healthy group: pushed `age` seconds ago, one family.
Group healthy(const QString &keyText, double age = 10)
{
    return group(keyText, Now - age, 0, {lastSuccess(Now - age)});
}

// Pushed 120 s ago, and the last push (5 s ago) failed.
Group failed(const QString &keyText)
{
    return group(keyText, Now - 120, Now - 5, {lastSuccess(Now - 120)});
}

// Pushed 10 s ago without any family.
Group empty(const QString &keyText)
{
    return group(keyText, Now - 10);
}

// "severity id subject groupcount", comparable in a QStringList.
QStringList describe(const QList<LintFinding> &findings)
{
    QStringList out;
    for (const LintFinding &f : findings)
        out.append(u"%1 %2 %3 %4"_s.arg(lintSeverityName(f.severity), f.id, f.subject).arg(f.groups.size()));
    return out;
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void isInstanceLike_data();
    void isInstanceLike();
    void fanOutThreshold_data();
    void fanOutThreshold();
    void orderAndNotes();
    void collisionNotes();
    void staleNotesExplainRule();
    void summaryAndWorst();
    void text();
    void json();
};

void TestLint::rules_data()
{
    QTest::addColumn<QList<Group>>("groups");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("nothing") << QList<Group>{} << QStringList{};
    QTest::newRow("service-level jobs are clean")
        << QList<Group>{healthy(u"{job=\"backup\"}"_s), healthy(u"{job=\"etl\",stage=\"load\"}"_s),
                        healthy(u"{job=\"etl\",stage=\"extract\"}"_s)}
        << QStringList{};
    QTest::newRow("instance label")
        << QList<Group>{healthy(u"{job=\"logrotate\",instance=\"web-1\"}"_s),
                        healthy(u"{job=\"logrotate\",instance=\"web-2\"}"_s), healthy(u"{job=\"backup\"}"_s)}
        << QStringList{u"warning instance-label instance 2"_s};
    QTest::newRow("host-like names, one finding per label")
        << QList<Group>{healthy(u"{job=\"a\",hostname=\"h1\"}"_s), healthy(u"{job=\"b\",kubernetes_pod=\"p-1\"}"_s),
                        healthy(u"{job=\"c\",node_name=\"n1\"}"_s), healthy(u"{job=\"d\",Host=\"x\"}"_s)}
        << QStringList{u"warning instance-label Host 1"_s, u"warning instance-label hostname 1"_s,
                       u"warning instance-label kubernetes_pod 1"_s, u"warning instance-label node_name 1"_s};
    QTest::newRow("address value under any name")
        << QList<Group>{healthy(u"{job=\"probe\",target=\"10.0.0.7:9100\"}"_s), healthy(u"{job=\"probe2\",target=\"db\"}"_s)}
        << QStringList{u"warning instance-label target 1"_s};
    QTest::newRow("an empty instance is no instance")
        << QList<Group>{healthy(u"{job=\"a\",instance=\"\"}"_s)} << QStringList{};
    QTest::newRow("collision")
        << QList<Group>{healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",instance=\"\"}"_s), healthy(u"{job=\"y\"}"_s)}
        << QStringList{u"critical colliding-keys {job=\"x\"} 2"_s};
    QTest::newRow("three-way collision, label order irrelevant")
        << QList<Group>{healthy(u"{job=\"x\",a=\"1\"}"_s), healthy(u"{job=\"x\",instance=\"\",a=\"1\"}"_s),
                        healthy(u"{job=\"x\",env=\"\",a=\"1\"}"_s)}
        << QStringList{u"critical colliding-keys {job=\"x\",a=\"1\"} 3"_s};
    QTest::newRow("two separate collisions")
        << QList<Group>{healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",instance=\"\"}"_s), healthy(u"{job=\"y\"}"_s),
                        healthy(u"{job=\"y\",env=\"\"}"_s)}
        << QStringList{u"critical colliding-keys {job=\"x\"} 2"_s, u"critical colliding-keys {job=\"y\"} 2"_s};
    QTest::newRow("non-empty values never collide")
        << QList<Group>{healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",stage=\"a\"}"_s)} << QStringList{};
    QTest::newRow("last push failed")
        << QList<Group>{failed(u"{job=\"cert-renewal\"}"_s), failed(u"{job=\"other\"}"_s), healthy(u"{job=\"ok\"}"_s)}
        << QStringList{u"warning push-failed  2"_s};
    QTest::newRow("failure newer than push while flag says ok")
        << QList<Group>{[] {
               Group g = healthy(u"{job=\"a\"}"_s, 100);
               g.pushFailureTime = Now - 10;
               return g;
           }()}
        << QStringList{u"warning push-failed  1"_s};
    QTest::newRow("stale by the default")
        << QList<Group>{healthy(u"{job=\"old\"}"_s, 7 * 3600), healthy(u"{job=\"late\"}"_s, 2 * 3600)}
        << QStringList{u"warning stale  1"_s};
    QTest::newRow("failed and stale both reported")
        << QList<Group>{[] {
               Group g = failed(u"{job=\"a\"}"_s);
               g.pushTime = Now - 8 * 3600;
               return g;
           }()}
        << QStringList{u"warning push-failed  1"_s, u"warning stale  1"_s};
    QTest::newRow("never pushed successfully: failed, not stale, not empty")
        << QList<Group>{[] {
               Group g = failed(u"{job=\"a\"}"_s);
               g.pushTime = 0;
               g.families.clear();
               return g;
           }()}
        << QStringList{u"warning push-failed  1"_s};
    QTest::newRow("fan-out")
        << [] {
               QList<Group> groups;
               for (int i = 0; i < 12; ++i)
                   groups.append(healthy(u"{job=\"worker\",shard=\"%1\"}"_s.arg(i)));
               groups.append(healthy(u"{job=\"other\"}"_s));
               return groups;
           }()
        << QStringList{u"warning fan-out worker/shard 12"_s};
    QTest::newRow("fan-out by instance: both rules")
        << [] {
               QList<Group> groups;
               for (int i = 0; i < 10; ++i)
                   groups.append(healthy(u"{job=\"node-cron\",instance=\"host-%1\"}"_s.arg(i)));
               return groups;
           }()
        << QStringList{u"warning instance-label instance 10"_s, u"warning fan-out node-cron/instance 10"_s};
    QTest::newRow("below the fan-out threshold")
        << [] {
               QList<Group> groups;
               for (int i = 0; i < 9; ++i)
                   groups.append(healthy(u"{job=\"worker\",shard=\"%1\"}"_s.arg(i)));
               return groups;
           }()
        << QStringList{};
    QTest::newRow("fan-out split by another label stays below")
        << [] {
               QList<Group> groups;
               for (int i = 0; i < 6; ++i) {
                   groups.append(healthy(u"{job=\"worker\",env=\"prod\",shard=\"%1\"}"_s.arg(i)));
                   groups.append(healthy(u"{job=\"worker\",env=\"dev\",shard=\"%1\"}"_s.arg(i)));
               }
               return groups;
           }()
        << QStringList{};
    QTest::newRow("pushed empty")
        << QList<Group>{empty(u"{job=\"heartbeat\"}"_s), healthy(u"{job=\"ok\"}"_s)}
        << QStringList{u"info empty-push  1"_s};
    QTest::newRow("everything, worst first")
        << QList<Group>{healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",instance=\"\"}"_s), empty(u"{job=\"e\"}"_s),
                        failed(u"{job=\"f\"}"_s), healthy(u"{job=\"s\"}"_s, 86400),
                        healthy(u"{job=\"cron\",instance=\"web-1\"}"_s)}
        << QStringList{u"critical colliding-keys {job=\"x\"} 2"_s, u"warning push-failed  1"_s,
                       u"warning stale  1"_s, u"warning instance-label instance 1"_s, u"info empty-push  1"_s};
}

void TestLint::rules()
{
    QFETCH(QList<Group>, groups);
    QFETCH(QStringList, expected);
    const auto findings = Lint::run(groups, StalenessPolicy(), Now);
    QCOMPARE(describe(findings), expected);
    for (const LintFinding &finding : findings) {
        QVERIFY(!finding.title.isEmpty());
        QVERIFY(!finding.advice.isEmpty());
        QCOMPARE(finding.notes.size(), finding.groups.size());
        QVERIFY(std::is_sorted(finding.groups.cbegin(), finding.groups.cend()));
    }
}

void TestLint::isInstanceLike_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("expected");
    QTest::newRow("instance") << u"instance"_s << u"web-1"_s << true;
    QTest::newRow("empty instance") << u"instance"_s << u""_s << false;
    QTest::newRow("job never") << u"job"_s << u"10.0.0.1:80"_s << false;
    QTest::newRow("host") << u"host"_s << u"a"_s << true;
    QTest::newRow("HOSTNAME") << u"HOSTNAME"_s << u"a"_s << true;
    QTest::newRow("pod") << u"pod"_s << u"a-1"_s << true;
    QTest::newRow("ip") << u"ip"_s << u"a"_s << true;
    QTest::newRow("suffix _ip") << u"host_ip"_s << u"a"_s << true;
    QTest::newRow("suffix _pod") << u"kubernetes_pod"_s << u"a"_s << true;
    QTest::newRow("exported_instance") << u"exported_instance"_s << u"a"_s << true;
    QTest::newRow("bare suffix is not a suffix") << u"_ip"_s << u"a"_s << false;
    QTest::newRow("stage") << u"stage"_s << u"load"_s << false;
    QTest::newRow("shipment is not ip") << u"shipment"_s << u"x"_s << false;
    QTest::newRow("ipv4 value") << u"target"_s << u"192.168.1.20"_s << true;
    QTest::newRow("ipv4:port value") << u"target"_s << u"192.168.1.20:9100"_s << true;
    QTest::newRow("ipv6 value") << u"target"_s << u"[fe80::1]:9100"_s << true;
    QTest::newRow("host:port value") << u"endpoint"_s << u"db-3.example.org:5432"_s << true;
    QTest::newRow("plain value") << u"endpoint"_s << u"db"_s << false;
    QTest::newRow("time-like value is no address") << u"window"_s << u"10:30"_s << false;
}

void TestLint::isInstanceLike()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, expected);
    QCOMPARE(Lint::isInstanceLike(name, value), expected);
}

void TestLint::fanOutThreshold_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("findings");
    QTest::newRow("off") << 0 << 0;
    QTest::newRow("3 of 4") << 3 << 1;
    QTest::newRow("exactly 4") << 4 << 1;
    QTest::newRow("5 of 4") << 5 << 0;
}

void TestLint::fanOutThreshold()
{
    QFETCH(int, threshold);
    QFETCH(int, findings);
    QList<Group> groups;
    for (int i = 0; i < 4; ++i)
        groups.append(healthy(u"{job=\"worker\",shard=\"%1\"}"_s.arg(i)));
    LintOptions options;
    options.fanOutThreshold = threshold;
    const auto result = Lint::run(groups, StalenessPolicy(), Now, options);
    QCOMPARE(result.size(), findings);
    if (findings) {
        QCOMPARE(result.first().id, LintFinding::FanOut);
        QCOMPARE(result.first().title, u"Job \"worker\" fans out over 4 groups by \"shard\" (4 values)"_s);
        QCOMPARE(result.first().notes.first(), u"shard=\"0\""_s);
    }
}

void TestLint::orderAndNotes()
{
    const QList<Group> groups{healthy(u"{job=\"z\",instance=\"b\"}"_s), healthy(u"{job=\"a\",instance=\"c\"}"_s),
                              healthy(u"{job=\"z\",instance=\"a\"}"_s)};
    const auto findings = Lint::run(groups, StalenessPolicy(), Now);
    QCOMPARE(findings.size(), 1);
    const LintFinding &f = findings.first();
    QCOMPARE(f.groups, (QList<GroupingKey>{key(u"{job=\"a\",instance=\"c\"}"_s), key(u"{job=\"z\",instance=\"a\"}"_s),
                                           key(u"{job=\"z\",instance=\"b\"}"_s)}));
    QCOMPARE(f.notes, (QStringList{u"instance=\"c\""_s, u"instance=\"a\""_s, u"instance=\"b\""_s}));
    QCOMPARE(f.title, u"\"instance\" in the grouping key of 3 groups (jobs a, z)"_s);
    QCOMPARE(f.identity(), LintFinding::InstanceLabel + u'\x1f' + u"instance"_s);
}

void TestLint::collisionNotes()
{
    const auto findings = Lint::run({healthy(u"{job=\"x\",instance=\"\"}"_s), healthy(u"{job=\"x\"}"_s)}, StalenessPolicy(), Now);
    QCOMPARE(findings.size(), 1);
    const LintFinding &f = findings.first();
    QCOMPARE(f.severity, LintSeverity::Critical);
    QCOMPARE(f.title, u"Every push fails: groups {job=\"x\"} and {job=\"x\",instance=\"\"} collide"_s);
    QCOMPARE(f.notes, (QStringList{u"no empty-valued labels"_s, u"empty-valued: instance"_s}));
    QVERIFY(f.advice.contains(u"inconsistent with existing metrics"_s));
}

void TestLint::staleNotesExplainRule()
{
    StalenessPolicy policy;
    policy.setRules({StalenessRule(LabelMatcher::parse(u"{job=\"nightly\"}"_s).value(), 26 * 3600, 48 * 3600, u"backups"_s)});
    const QList<Group> groups{healthy(u"{job=\"nightly\"}"_s, 30 * 3600), healthy(u"{job=\"nightly2\"}"_s, 3 * 86400),
                              healthy(u"{job=\"nightly\",x=\"1\"}"_s, 3 * 86400)};
    const auto findings = Lint::run(groups, policy, Now);
    QCOMPARE(describe(findings), QStringList{u"warning stale  2"_s});
    QCOMPARE(findings.first().groups.first(), key(u"{job=\"nightly\",x=\"1\"}"_s));
    QVERIFY2(findings.first().notes.first().startsWith(u"last push 3d ago; rule 1"_s), qPrintable(findings.first().notes.first()));
    QVERIFY2(findings.first().notes.last().startsWith(u"last push 3d ago; default"_s), qPrintable(findings.first().notes.last()));
}

void TestLint::summaryAndWorst()
{
    QCOMPARE(Lint::worst({}), std::nullopt);
    QCOMPARE(Lint::summary({}), u"no findings"_s);
    const auto findings = Lint::run({healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",instance=\"\"}"_s), empty(u"{job=\"e\"}"_s),
                                     failed(u"{job=\"f\"}"_s)},
                                    StalenessPolicy(), Now);
    QCOMPARE(Lint::worst(findings), LintSeverity::Critical);
    QCOMPARE(Lint::count(findings, LintSeverity::Warning), 1);
    QCOMPARE(Lint::summary(findings), u"1 critical, 1 warning, 1 info"_s);
    const auto info = Lint::run({empty(u"{job=\"e\"}"_s)}, StalenessPolicy(), Now);
    QCOMPARE(Lint::worst(info), LintSeverity::Info);
    QCOMPARE(lintSeverityFromName(u"WARNING"), LintSeverity::Warning);
    QCOMPARE(lintSeverityFromName(u"bad"), std::nullopt);
}

void TestLint::text()
{
    const auto findings = Lint::run({healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",instance=\"\"}"_s)}, StalenessPolicy(), Now);
    const QString text = Lint::toText(findings);
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.at(0), u"CRITICAL colliding-keys: "_s + findings.first().title);
    QCOMPARE(lines.at(1), u"  {job=\"x\"}  (no empty-valued labels)"_s);
    QCOMPARE(lines.at(2), u"  {job=\"x\",instance=\"\"}  (empty-valued: instance)"_s);
    QVERIFY(lines.at(3).startsWith(u"  Fix: "_s));
    QVERIFY(text.endsWith(u"1 finding: 1 critical, 0 warnings, 0 info\n"_s));
    QCOMPARE(Lint::toText({}), u"No findings.\n"_s);

    QList<Group> many;
    for (int i = 0; i < 12; ++i)
        many.append(healthy(u"{job=\"w\",shard=\"%1\"}"_s.arg(i, 2, 10, QChar(u'0'))));
    const QString capped = Lint::toText(Lint::run(many, StalenessPolicy(), Now), 5);
    QVERIFY(capped.contains(u"  {job=\"w\",shard=\"04\"}"_s));
    QVERIFY(!capped.contains(u"shard=\"05\"}"_s));
    QVERIFY2(capped.contains(u"  ... and 7 more\n"_s), qPrintable(capped));
}

void TestLint::json()
{
    const auto findings = Lint::run({healthy(u"{job=\"x\"}"_s), healthy(u"{job=\"x\",instance=\"\"}"_s), empty(u"{job=\"e\"}"_s)},
                                    StalenessPolicy(), Now);
    const QJsonObject object = Lint::toJson(findings, 3);
    QCOMPARE(object.value(u"summary"_s).toObject(),
             (QJsonObject{{u"critical"_s, 1}, {u"warning"_s, 0}, {u"info"_s, 1}, {u"groups"_s, 3}}));
    const QJsonArray array = object.value(u"findings"_s).toArray();
    QCOMPARE(array.size(), 2);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value(u"severity"_s).toString(), u"critical"_s);
    QCOMPARE(first.value(u"id"_s).toString(), u"colliding-keys"_s);
    QCOMPARE(first.value(u"subject"_s).toString(), u"{job=\"x\"}"_s);
    QVERIFY(!first.value(u"advice"_s).toString().isEmpty());
    const QJsonArray groups = first.value(u"groups"_s).toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(1).toObject().value(u"key"_s).toString(), u"{job=\"x\",instance=\"\"}"_s);
    QCOMPARE(groups.at(1).toObject().value(u"labels"_s).toObject(),
             (QJsonObject{{u"job"_s, u"x"_s}, {u"instance"_s, u""_s}}));
    QCOMPARE(groups.at(1).toObject().value(u"note"_s).toString(), u"empty-valued: instance"_s);
}

QTEST_GUILESS_MAIN(TestLint)
#include "tst_lint.moc"
