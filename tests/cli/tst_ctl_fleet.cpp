// pushdeckctl on several gateways (--gateway repeated or a comma list) with
// two real gateways and a dead URL: groups names the gateway of every row
// (table column, JSON field), delete --match and prune preview every group
// with its gateway and delete exactly those on each, a dead gateway is
// reported on stderr with its URL while the others are still done, and the
// exit code says something failed. Commands that work on one gateway refuse
// several.

#include "operations/auditlog.h"
#include "ctlrunner.h"
#include "testgateway.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

class Ctl
{
public:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_READ_ONLY"_s);
        env.remove(u"PUSHDECK_GATEWAY"_s);
        return env;
    }
    CtlRun operator()(const QStringList &arguments) const { return runCtl(arguments, {}, environment()); }
    QString dataDir() const { return m_data.path() + u"/PushDeck/pushdeck"_s; }

private:
    QTemporaryDir m_data;
};

QStringList keys(TestGateway &gateway)
{
    QStringList result;
    const auto groups = gateway.groups();
    if (!groups)
        return {u"(gateway not readable)"_s};
    for (const Group &g : *groups)
        result.append(g.key.toString());
    result.sort();
    return result;
}

QString deadUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return {};
    return u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
}

QString name(const TestGateway &gateway)
{
    return gateway.url().toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QString text(const TestGateway &gateway)
{
    return gateway.url().toString();
}

// Seeds: both have {job="shared"} and {job="batch",instance="x"}; a has
// {job="only-a"}, b {job="only-b",path="/var/lib"}.
bool seed(TestGateway &a, TestGateway &b)
{
    return a.push(u"{job=\"shared\"}"_s, "m 1\n") == 200 && a.push(u"{job=\"batch\",instance=\"x\"}"_s, "m 1\n") == 200
        && a.push(u"{job=\"only-a\"}"_s, "m 1\n") == 200 && b.push(u"{job=\"shared\"}"_s, "m 2\n") == 200
        && b.push(u"{job=\"batch\",instance=\"x\"}"_s, "m 2\n") == 200
        && b.push(u"{job=\"only-b\",path=\"/var/lib\"}"_s, "m 2\n") == 200;
}

} // namespace

class TestCtlFleet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsOnSeveralGateways()
    {
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(seed(a, b));
        Ctl ctl;

        // JSON: one line per group, each with its gateway.
        CtlRun run = ctl({u"groups"_s, u"--gateway"_s, text(a), u"--gateway"_s, text(b), u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QMap<QString, QStringList> byGateway;
        for (const QByteArray &line : run.out.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            byGateway[object.value(u"gateway").toString()] << object.value(u"key").toString();
        }
        QStringList expectedGateways{name(a), name(b)};
        expectedGateways.sort(); // QMap order; the free ports decide which comes first
        QCOMPARE(byGateway.keys(), expectedGateways);
        QCOMPARE(byGateway.value(name(a)).size(), 3);
        QVERIFY(byGateway.value(name(b)).contains(u"{job=\"only-b\",path=\"/var/lib\"}"_s));

        // Table: a GATEWAY column; a comma list works the same; --match
        // applies on every gateway.
        run = ctl({u"groups"_s, u"--gateway"_s, text(a) + u',' + text(b), u"--match"_s, u"{job=\"shared\"}"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith("GATEWAY"), run.out.constData());
        QVERIFY(lines.at(1).startsWith(name(a).toUtf8()));
        QVERIFY(lines.at(2).startsWith(name(b).toUtf8()));

        // One gateway is dead: its error with its URL on stderr, the others
        // still listed, exit code 69 (unavailable).
        const QString dead = deadUrl();
        run = ctl({u"--gateway"_s, text(a), u"groups"_s, u"--gateway"_s, text(a), u"--gateway"_s, dead,
                   u"--gateway"_s, text(b), u"--json"_s});
        QVERIFY2(run.exitCode == 69, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(dead.toUtf8()), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QCOMPARE(run.out.count('\n'), 6);

        // Commands that work on one gateway say so.
        run = ctl({u"status"_s, u"--gateway"_s, text(a) + u',' + text(b)});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains("works on one gateway"), run.err.constData());
    }

    void deleteByMatchOnSeveralGateways()
    {
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(seed(a, b));
        Ctl ctl;
        const QStringList gateways{u"--gateway"_s, text(a), u"--gateway"_s, text(b)};

        // Preview (dry run): every group with its gateway, counts per gateway.
        CtlRun run = ctl(gateways + QStringList{u"delete"_s, u"--match"_s, u"{job=~\"shared|batch\"}"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("would delete 4 groups from 2 gateways"), run.out.constData());
        QVERIFY(run.out.contains("GATEWAY"));
        QCOMPARE(run.out.count(QByteArray(name(a).toUtf8() + "  {job=\"batch\",instance=\"x\"}")), 1);
        QCOMPARE(run.out.count(QByteArray(name(b).toUtf8() + "  {job=\"shared\"}")), 1);
        QVERIFY(run.out.contains(QByteArray("  " + name(a).toUtf8() + ": 2 groups")));
        QVERIFY(run.out.contains("dry run: nothing sent"));
        QCOMPARE(keys(a).size(), 3);

        // Without --yes and without a terminal: refused after the preview.
        run = ctl(gateways + QStringList{u"delete"_s, u"--match"_s, u"{job=~\"shared|batch\"}"_s});
        QCOMPARE(run.exitCode, 77);
        QVERIFY(run.err.contains("refusing to delete 4 groups"));

        run = ctl(gateways + QStringList{u"delete"_s, u"--match"_s, u"{job=~\"shared|batch\"}"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QByteArray("deleted " + name(b).toUtf8() + " {job=\"shared\"}")));
        QVERIFY(run.out.contains(QByteArray(name(a).toUtf8() + ": 2 deleted")));
        QCOMPARE(keys(a), QStringList{u"{job=\"only-a\"}"_s});
        QCOMPARE(keys(b), QStringList{u"{job=\"only-b\",path=\"/var/lib\"}"_s});

        // An undo snapshot and audit entries per gateway.
        QCOMPARE(QDir(ctl.dataDir() + u"/snapshots"_s).entryList({u"*.json"_s}, QDir::Files).size(), 2);
        AuditLog log(ctl.dataDir() + u"/audit.jsonl"_s);
        const auto entries = log.read();
        QVERIFY(entries);
        QSet<QString> audited;
        for (const AuditEntry &entry : *entries) {
            if (entry.action == u"bulk-delete"_s)
                audited.insert(entry.gateway);
        }
        QCOMPARE(audited.size(), 2);

        // Exact keys: deleted wherever they are; a key on no gateway deletes nothing.
        QVERIFY(a.push(u"{job=\"shared\"}"_s, "m 1\n") == 200);
        run = ctl(gateways + QStringList{u"delete"_s, u"{job=\"shared\"}"_s, u"{job=\"nowhere\"}"_s, u"--yes"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no group {job=\"nowhere\"}"), run.err.constData());
        QCOMPARE(keys(a).size(), 2);
        run = ctl(gateways + QStringList{u"delete"_s, u"{job=\"shared\"}"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains("will delete 1 group from 1 gateway"));
        QCOMPARE(keys(a), QStringList{u"{job=\"only-a\"}"_s});
    }

    void deadGatewayDoesNotStopTheOthers()
    {
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(seed(a, b));
        Ctl ctl;
        const QString dead = deadUrl();
        const CtlRun run = ctl({u"--gateway"_s, text(a) + u',' + dead + u',' + text(b), u"delete"_s, u"--match"_s,
                                u"{job=\"batch\"}"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 69, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(dead.toUtf8()), run.err.constData());
        QVERIFY(run.out.contains("will delete 2 groups from 2 gateways"));
        QCOMPARE(keys(a), (QStringList{u"{job=\"only-a\"}"_s, u"{job=\"shared\"}"_s}));
        QCOMPARE(keys(b), (QStringList{u"{job=\"only-b\",path=\"/var/lib\"}"_s, u"{job=\"shared\"}"_s}));
    }

    void pruneOnSeveralGateways()
    {
        TestGateway a;
        TestGateway b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        QVERIFY(seed(a, b));
        QTest::qWait(1100);
        QVERIFY(b.push(u"{job=\"fresh-b\"}"_s, "m 1\n") == 200);
        Ctl ctl;
        const CtlRun run = ctl({u"prune"_s, u"--gateway"_s, text(a), u"--gateway"_s, text(b), u"--older-than"_s, u"1s"_s,
                                u"--match"_s, u"{job!=\"shared\"}"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("will delete 4 groups from 2 gateways"), run.out.constData());
        QCOMPARE(keys(a), QStringList{u"{job=\"shared\"}"_s});
        QCOMPARE(keys(b), (QStringList{u"{job=\"fresh-b\"}"_s, u"{job=\"shared\"}"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCtlFleet)
#include "tst_ctl_fleet.moc"
