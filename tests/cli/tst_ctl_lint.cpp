// pushdeckctl lint against crafted real gateways: text and JSON output, the
// 0/1/2 exit codes by worst severity, the staleness options, bad arguments and
// an unreachable gateway.

#include "ctlrunner.h"
#include "testgateway.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

const QByteArray Metrics = "a 1\n";

} // namespace

class TestCtlLint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exitCodesBySeverity_data();
    void exitCodesBySeverity();
    void json();
    void fanOutOption();
    void stalenessOptions();
    void errors();
};

void TestCtlLint::exitCodesBySeverity_data()
{
    QTest::addColumn<QStringList>("keys"); // "#": pushed empty, "~": pushed after a collision (fails)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("firstLine");
    QTest::newRow("empty gateway") << QStringList{} << 0 << u"No findings."_s;
    QTest::newRow("healthy") << QStringList{u"{job=\"backup\"}"_s} << 0 << u"No findings."_s;
    QTest::newRow("info only") << QStringList{u"#{job=\"heartbeat\"}"_s} << 0
                               << u"INFO empty-push: Pushed empty: {job=\"heartbeat\"} holds no metrics"_s;
    QTest::newRow("warning") << QStringList{u"{job=\"cron\",instance=\"web-1\"}"_s} << 1
                             << u"WARNING instance-label: \"instance\" in the grouping key of 1 group (job cron)"_s;
    QTest::newRow("critical")
        << QStringList{u"{job=\"x\"}"_s, u"~{job=\"x\",instance=\"\"}"_s} << 2
        << u"CRITICAL colliding-keys: Every push fails: groups {job=\"x\"} and {job=\"x\",instance=\"\"} collide"_s;
}

void TestCtlLint::exitCodesBySeverity()
{
    QFETCH(QStringList, keys);
    QFETCH(int, exitCode);
    QFETCH(QString, firstLine);
    TestGateway gateway;
    QVERIFY(gateway.start());
    for (QString key : std::as_const(keys)) {
        const bool empty = key.startsWith(u'#'), fails = key.startsWith(u'~');
        if (empty || fails)
            key.remove(0, 1);
        QCOMPARE(gateway.push(key, empty ? QByteArray() : Metrics), fails ? 400 : 200);
    }
    const CtlRun run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QCOMPARE(QString::fromUtf8(run.out).section(u'\n', 0, 0), firstLine);
    QVERIFY(run.err.isEmpty());
}

void TestCtlLint::json()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    QCOMPARE(gateway.push(u"{job=\"cron\",instance=\"web-1\"}"_s, Metrics), 200);
    QCOMPARE(gateway.push(u"{job=\"x\"}"_s, Metrics), 200);
    QCOMPARE(gateway.push(u"{job=\"x\",instance=\"\"}"_s, Metrics), 400);
    const CtlRun run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY(run.out.endsWith('\n'));
    QCOMPARE(run.out.count('\n'), 1);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(object.value(u"summary"_s).toObject(),
             (QJsonObject{{u"critical"_s, 1}, {u"warning"_s, 2}, {u"info"_s, 0}, {u"groups"_s, 3}}));
    const QJsonArray findings = object.value(u"findings"_s).toArray();
    QStringList ids;
    for (const QJsonValue &f : findings)
        ids.append(f.toObject().value(u"id"_s).toString());
    QCOMPARE(ids, (QStringList{u"colliding-keys"_s, u"push-failed"_s, u"instance-label"_s}));
    const QJsonObject collision = findings.at(0).toObject();
    QCOMPARE(collision.value(u"severity"_s).toString(), u"critical"_s);
    const QJsonArray groups = collision.value(u"groups"_s).toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(1).toObject().value(u"labels"_s).toObject(),
             (QJsonObject{{u"job"_s, u"x"_s}, {u"instance"_s, u""_s}}));
}

void TestCtlLint::fanOutOption()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(gateway.push(u"{job=\"render\",shard=\"%1\"}"_s.arg(i), Metrics), 200);
    CtlRun run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s, u"--fan-out"_s, u"3"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.out.startsWith("WARNING fan-out: Job \"render\" fans out over 3 groups by \"shard\" (3 values)\n"),
             run.out.constData());
}

void TestCtlLint::stalenessOptions()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    QCOMPARE(gateway.push(u"{job=\"quick\"}"_s, Metrics), 200);
    QTest::qWait(1100);
    CtlRun run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = runCtl({u"--gateway"_s, gateway.url().toString(), u"--warn-after"_s, u"200ms"_s, u"--stale-after"_s, u"500ms"_s,
                  u"lint"_s});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.out.startsWith("WARNING stale: Stale by its rules: {job=\"quick\"}\n"), run.out.constData());
}

void TestCtlLint::errors()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    CtlRun run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s, u"--fan-out"_s, u"many"_s});
    QCOMPARE(run.exitCode, 64);
    QVERIFY(run.err.contains("--fan-out"));
    run = runCtl({u"--gateway"_s, gateway.url().toString(), u"lint"_s, u"extra"_s});
    QCOMPARE(run.exitCode, 64);

    int port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    run = runCtl({u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(port), u"lint"_s});
    QCOMPARE(run.exitCode, 69);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.startsWith("pushdeckctl: "));

    run = runCtl({u"lint"_s, u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--json"));
    QVERIFY(run.out.contains("Exit 0 when nothing is above info, 1 on warnings, 2 on critical findings"));
}

QTEST_GUILESS_MAIN(TestCtlLint)
#include "tst_ctl_lint.moc"
