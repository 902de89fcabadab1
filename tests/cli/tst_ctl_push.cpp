// pushdeckctl push against a real gateway: from a file and from stdin, POST
// (only these families) and PUT (--replace), validation before anything is
// sent (line and column), the gateway's own text when it rejects a push, the
// refusal of a key that would poison the gateway, --dry-run and --read-only.

#include "builders.h"
#include "ctlrunner.h"
#include "testgateway.h"

#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

class Ctl
{
public:
    explicit Ctl(QUrl gateway) : m_gateway(std::move(gateway)) {}
    CtlRun operator()(const QStringList &arguments, const QByteArray &input = {},
                      const QList<std::pair<QString, QString>> &extraEnv = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_READ_ONLY"_s);
        for (const auto &[name, value] : extraEnv)
            env.insert(name, value);
        return runCtl(QStringList{u"--gateway"_s, m_gateway.toString()} + arguments, input, env);
    }
    QString dataDir() const { return m_data.path(); }

private:
    QUrl m_gateway;
    QTemporaryDir m_data;
};

QStringList familyNames(const Group &group)
{
    QStringList names;
    for (const MetricFamily &f : group.families)
        names.append(f.name);
    names.sort();
    return names;
}

} // namespace

class TestCtlPush : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pushFileAndStdin()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QTemporaryDir dir;
        const QString file = dir.filePath(u"m.prom"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# HELP a First.\n# TYPE a counter\na{x=\"1\"} 3\n# TYPE b gauge\nb 4\n");
        }
        const QString slash = u"{job=\"a/b\",instance=\"\"}"_s;
        const CtlRun run = ctl({u"push"_s, slash, file, u"--replace"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QByteArray("pushed 2 families (2 series) to " + slash.toUtf8())), run.out.constData());
        QVERIFY(run.err.isEmpty());
        auto group = gateway.group(key(slash));
        QVERIFY(group);
        QCOMPARE(familyNames(*group), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(group->families.first().help, u"First."_s);

        // POST (default) replaces only the families in the text.
        const CtlRun post = ctl({u"push"_s, slash, u"-"_s}, "# TYPE b gauge\nb 5\nc 1\n");
        QVERIFY2(post.exitCode == 0, qPrintable(post.describe()));
        QVERIFY(post.out.contains("POST"));
        group = gateway.group(key(slash));
        QCOMPARE(familyNames(*group), (QStringList{u"a"_s, u"b"_s, u"c"_s}));

        // Without FILE, stdin is read; --replace is PUT: the whole group.
        const CtlRun put = ctl({u"push"_s, slash, u"--replace"_s}, "c 2\n");
        QVERIFY2(put.exitCode == 0, qPrintable(put.describe()));
        QVERIFY(put.out.contains("PUT"));
        group = gateway.group(key(slash));
        QCOMPARE(familyNames(*group), QStringList{u"c"_s});
        QCOMPARE(group->families.first().series.first().value, 2.0);
        // Exactly one group: the key with the empty value, no {job="a/b"}.
        QCOMPARE(gateway.groups()->size(), 1);
    }

    void invalidTextSendsNothing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("timestamp") << QByteArray("a 1\nb 2 x\n") << QByteArray("invalid exposition in stdin: line 2, column 5");
        QTest::newRow("bad value") << QByteArray("a one\n") << QByteArray("line 1, column 3");
        QTest::newRow("duplicate series") << QByteArray("a{x=\"1\"} 1\na{x=\"1\"} 2\n") << QByteArray("line 2");
        QTest::newRow("bad escape") << QByteArray("a{x=\"\\q\"} 1\n") << QByteArray("line 1, column");
        QTest::newRow("key label conflict") << QByteArray("a{job=\"other\"} 1\n") << QByteArray("job=\"other\"");
    }

    void invalidTextSendsNothing()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const CtlRun run = ctl({u"push"_s, u"{job=\"v\"}"_s, u"-"_s}, text);
        QVERIFY2(run.exitCode == 65, qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("pushdeckctl: invalid exposition in stdin: "), run.err.constData());
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        // Nothing was sent: a rejected push would have left a failed group.
        QTest::qWait(100);
        QVERIFY(gateway.groups()->isEmpty());
    }

    void gatewayRejectionText()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QVERIFY2(ctl({u"push"_s, u"{job=\"t1\"}"_s}, "# TYPE tc counter\ntc 1\n").exitCode == 0, "first push");
        // Valid text, but the gateway's consistency check refuses a metric
        // that another group has with another type: its own words come back.
        const CtlRun run = ctl({u"push"_s, u"{job=\"t2\"}"_s}, "# TYPE tc gauge\ntc 1\n");
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("push to {job=\"t2\"} rejected (HTTP 400)"), run.err.constData());
        QVERIFY2(run.err.contains("inconsistent with existing metrics"), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void refusesPoisoningKey()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QVERIFY(ctl({u"push"_s, u"{job=\"c\"}"_s}, "x 1\n").exitCode == 0);
        // {job="c",instance=""} next to {job="c"} would make every later
        // push to the gateway fail.
        const CtlRun run = ctl({u"push"_s, u"{job=\"c\",instance=\"\"}"_s}, "x 2\n");
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("differ only by empty labels"), run.err.constData());
        QCOMPARE(gateway.groups()->size(), 1);
        // And the gateway still takes pushes.
        QCOMPARE(gateway.push(u"{job=\"other\"}"_s, "y 1\n"), 200);
    }

    void dryRunAndReadOnly()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const CtlRun dry = ctl({u"push"_s, u"{job=\"d\"}"_s, u"--dry-run"_s}, "x 1\ny 2\n");
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QVERIFY(dry.out.contains("would push 2 families (2 series) to {job=\"d\"}"));
        QVERIFY(dry.out.contains("nothing sent"));

        const CtlRun readOnly = ctl({u"--read-only"_s, u"push"_s, u"{job=\"d\"}"_s}, "x 1\n");
        QCOMPARE(readOnly.exitCode, 77);
        QVERIFY2(readOnly.err.contains("read-only"), readOnly.err.constData());
        const CtlRun env = ctl({u"push"_s, u"{job=\"d\"}"_s}, "x 1\n", {{u"PUSHDECK_READ_ONLY"_s, u"1"_s}});
        QCOMPARE(env.exitCode, 77);
        // A dry run is allowed in read-only mode: it changes nothing.
        QCOMPARE(ctl({u"push"_s, u"--read-only"_s, u"{job=\"d\"}"_s, u"--dry-run"_s}, "x 1\n").exitCode, 0);

        QTest::qWait(100);
        QVERIFY(gateway.groups()->isEmpty());
    }

    void argumentErrors()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const CtlRun missing = ctl({u"push"_s, u"{job=\"x\"}"_s, u"/nonexistent/file.prom"_s});
        QCOMPARE(missing.exitCode, 66);
        QVERIFY(missing.err.contains("cannot read /nonexistent/file.prom"));
        const CtlRun noKey = ctl({u"push"_s});
        QCOMPARE(noKey.exitCode, 64);
        const CtlRun badKey = ctl({u"push"_s, u"{job=\"x\",job=\"y\"}"_s}, "x 1\n");
        QCOMPARE(badKey.exitCode, 64);
        QVERIFY2(badKey.err.contains("column 10: duplicate label \"job\""), badKey.err.constData());
        QVERIFY(gateway.groups()->isEmpty());
    }

    // /dev/zero or an endless pipe: a clear error at the cap, not an
    // allocation failure; nothing is sent. --max-size raises or lifts it.
    void inputSizeIsCapped()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const CtlRun zero = ctl({u"push"_s, u"{job=\"x\"}"_s, u"/dev/zero"_s});
        QVERIFY2(zero.exitCode == 65, qPrintable(zero.describe()));
        QVERIFY2(zero.err.contains("/dev/zero is larger than 64M (--max-size 64M); nothing was sent"), zero.err.constData());
        QCOMPARE(zero.err.count('\n'), 1);
        const QByteArray text = "x 1\n# " + QByteArray(4096, 'a') + "\n";
        const CtlRun small = ctl({u"push"_s, u"--max-size"_s, u"1K"_s, u"{job=\"x\"}"_s}, text);
        QVERIFY2(small.exitCode == 65, qPrintable(small.describe()));
        QVERIFY(small.err.contains("stdin is larger than 1K"));
        QVERIFY(gateway.groups()->isEmpty());
        const CtlRun lifted = ctl({u"push"_s, u"--max-size"_s, u"0"_s, u"{job=\"x\"}"_s}, text);
        QVERIFY2(lifted.exitCode == 0, qPrintable(lifted.describe()));
        QCOMPARE(gateway.groups()->size(), 1);
        const CtlRun bad = ctl({u"push"_s, u"--max-size"_s, u"lots"_s, u"{job=\"x\"}"_s}, text);
        QCOMPARE(bad.exitCode, 64);
        QVERIFY(bad.err.contains("--max-size: invalid size"));
    }

    void unreachableGateway()
    {
        Ctl ctl(QUrl(u"http://127.0.0.1:1"_s));
        const CtlRun run = ctl({u"push"_s, u"{job=\"x\"}"_s}, "x 1\n");
        QCOMPARE(run.exitCode, 69);
        QVERIFY(run.err.startsWith("pushdeckctl: "));
        QCOMPARE(run.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCtlPush)
#include "tst_ctl_push.moc"
