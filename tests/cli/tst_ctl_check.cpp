// pushdeckctl check against a real gateway: the monitoring-plugin exit codes
// (0 all fresh, 1 warnings, 2 stale or failed, 3 unknown), the one-line
// summary with perfdata, --match, --warn-after/--stale-after and --rules.

#include "ctlrunner.h"
#include "testgateway.h"

#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

class Ctl
{
public:
    explicit Ctl(QUrl gateway) : m_gateway(std::move(gateway)) {}
    CtlRun operator()(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        return runCtl(QStringList{u"--gateway"_s, m_gateway.toString()} + arguments, {}, env);
    }
    QString writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_data.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private:
    QUrl m_gateway;
    QTemporaryDir m_data;
};

} // namespace

class TestCtlCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyGatewayIsOk()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        const CtlRun run = Ctl(gateway.url())({u"check"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.out, QByteArray("PUSHDECK OK - 0 groups | groups=0 fresh=0 warning=0 stale=0 failed=0 unknown=0\n"));
        QVERIFY(run.err.isEmpty());
    }

    void exitCodes()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(u"{job=\"old\",instance=\"\"}"_s, "x 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"a/b\",instance=\"db-1\"}"_s, "x 1\n"), 200);

        CtlRun run = ctl({u"check"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.startsWith("PUSHDECK OK - 2 groups, all fresh | groups=2 fresh=2 "));
        QCOMPARE(run.out.count('\n'), 1);

        // Thresholds of 2s with groups 2.5s old and a new one: the new one
        // stays fresh for the few runs below.
        QTest::qWait(2500);
        QCOMPARE(gateway.push(u"{job=\"new\"}"_s, "x 1\n"), 200);

        // Two groups are over 2s old: warning...
        run = ctl({u"check"_s, u"--warn-after"_s, u"2s"_s});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.out.startsWith("PUSHDECK WARNING - 3 groups: 1 fresh, 2 warning; worst "), run.out.constData());
        QVERIFY(run.out.contains("| groups=3 fresh=1 warning=2 stale=0 failed=0 unknown=0\n"));
        QCOMPARE(run.out.count('\n'), 1);

        // ... or stale (critical).
        run = ctl({u"check"_s, u"--warn-after"_s, u"1s"_s, u"--stale-after"_s, u"2s"_s});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY(run.out.startsWith("PUSHDECK CRITICAL - 3 groups: 1 fresh, 2 stale; worst "));

        // --match narrows what is checked.
        run = ctl({u"check"_s, u"--stale-after"_s, u"2s"_s, u"--match"_s, u"{job=\"new\"}"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.startsWith("PUSHDECK OK - 1 group, all fresh"));

        // --verbose lists the groups that are not fresh, worst first.
        run = ctl({u"check"_s, u"--stale-after"_s, u"2s"_s, u"-v"_s});
        QCOMPARE(run.exitCode, 2);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[1].startsWith("stale "));
        QVERIFY(run.out.contains(" {job=\"old\",instance=\"\"}\n"));
        QVERIFY(run.out.contains(" {job=\"a/b\",instance=\"db-1\"}\n"));

        // A failed last push is critical whatever the age.
        QCOMPARE(gateway.push(u"{job=\"broken\"}"_s, "d 1\nd 2\n"), 400);
        run = ctl({u"check"_s});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.out.startsWith("PUSHDECK CRITICAL - 4 groups: 3 fresh, 1 failed; worst {job=\"broken\"} failed |"),
                 run.out.constData());
    }

    void rulesFile()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(u"{job=\"backup\"}"_s, "x 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"other\"}"_s, "x 1\n"), 200);
        QTest::qWait(1200);
        const QString rules = ctl.writeFile(u"rules.json"_s, "{\"version\": 1, \"rules\": [ {\"name\": \"backups\", \"matcher\": \"{job=\\\"backup\\\"}\", "
                                                    "\"warn\": \"1s\", \"stale\": \"1h\"} ] }");
        QVERIFY(!rules.isEmpty());
        CtlRun run = ctl({u"check"_s, u"--rules"_s, rules});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("1 fresh, 1 warning; worst {job=\"backup\"} warning"), run.out.constData());
        // Global options also before the command.
        run = ctl({u"--rules"_s, rules, u"check"_s, u"--match"_s, u"{job=\"other\"}"_s});
        QCOMPARE(run.exitCode, 0);
        // --stale-after on the command line changes the default, rules stay.
        run = ctl({u"check"_s, u"--rules"_s, rules, u"--stale-after"_s, u"1s"_s, u"-v"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.contains("stale ") && run.out.contains(" {job=\"other\"}"));
        QVERIFY(run.out.contains("warning ") && run.out.contains(" {job=\"backup\"}"));

        // A rules file that switches the default off: unmatched groups are
        // "unknown", counted but not alarming.
        const QString off = ctl.writeFile(u"off.json"_s, "{\"defaults\": {\"warn\": \"0s\", \"stale\": \"0s\"}, \"cadence\": {\"enabled\": false}}");
        run = ctl({u"check"_s, u"--rules"_s, off});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("unknown=2"), run.out.constData());
    }

    void unknown_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bad selector") << QStringList{u"check"_s, u"--match"_s, u"{job=~\"(\"}"_s} << QByteArray("column 7");
        QTest::newRow("bad duration") << QStringList{u"check"_s, u"--warn-after"_s, u"1x"_s} << QByteArray("--warn-after: invalid duration");
        QTest::newRow("bad duration before command") << QStringList{u"--stale-after"_s, u"x"_s, u"check"_s}
                                                     << QByteArray("--stale-after: invalid duration");
        QTest::newRow("warn after stale") << QStringList{u"check"_s, u"--warn-after"_s, u"2h"_s, u"--stale-after"_s, u"1h"_s}
                                          << QByteArray("must not be longer");
        QTest::newRow("missing rules") << QStringList{u"check"_s, u"--rules"_s, u"/nonexistent/rules.json"_s}
                                       << QByteArray("--rules: ");
        QTest::newRow("argument") << QStringList{u"check"_s, u"{job=\"x\"}"_s} << QByteArray("takes no arguments");
        QTest::newRow("unknown option") << QStringList{u"check"_s, u"--frobnicate"_s} << QByteArray("frobnicate");
    }

    void unknown()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        TestGateway gateway;
        QVERIFY(gateway.start());
        const CtlRun run = Ctl(gateway.url())(arguments);
        QVERIFY2(run.exitCode == 3, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        // The plugin line monitoring systems read, also for bad arguments.
        QVERIFY2(run.out.startsWith("PUSHDECK UNKNOWN - "), qPrintable(run.describe()));
        QVERIFY2(run.out.contains(expected), run.out.constData());
        QCOMPARE(run.out.count('\n'), 1);
    }

    void unreachableIsUnknown()
    {
        const CtlRun run = Ctl(QUrl(u"http://127.0.0.1:1"_s))({u"check"_s, u"--timeout"_s, u"5s"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.startsWith("PUSHDECK UNKNOWN - "), run.out.constData());
        QCOMPARE(run.out.count('\n'), 1);
        QVERIFY(run.err.startsWith("pushdeckctl: "));
        QCOMPARE(run.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCtlCheck)
#include "tst_ctl_check.moc"
