// pushdeckctl alert-rules: the window's generated rules (same code) from a
// rules file, and the promtool test file that proves them. With promtool
// installed (Debian prometheus), both files pass `promtool check rules` and
// `promtool test rules`, and the tests catch a rule that judges differently
// from PushDeck (a changed threshold, a dropped exclusion).

#include "ctlrunner.h"

#include "staleness/alertrules.h"
#include "staleness/stalenessrules.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;
using namespace Qt::StringLiterals;

namespace {

// Overlapping rules (every batch-.* group in env prod is also
// {env="prod"}), a regex, an empty-instance rule, a `{{` in a matcher value
// and a newline; defaults below.
const QByteArray RulesJson =
    "{\n"
    "  \"version\": 1,\n"
    "  \"defaults\": { \"warn\": \"1h\", \"stale\": \"6h\" },\n"
    "  \"rules\": [\n"
    "    { \"name\": \"backups\", \"matcher\": \"{job=\\\"nightly-backup\\\"}\", \"warn\": \"26h\", \"stale\": \"2d\" },\n"
    "    { \"name\": \"batch\", \"matcher\": \"{job=~\\\"batch-.*\\\"}\", \"warn\": \"2h\", \"stale\": \"4h\" },\n"
    "    { \"name\": \"prod\", \"matcher\": \"{env=\\\"prod\\\"}\", \"warn\": \"30m\", \"stale\": \"3h\" },\n"
    "    { \"name\": \"no instance\", \"matcher\": \"{instance=\\\"\\\",job=~\\\"ci|cd\\\"}\", \"warn\": \"10m\", \"stale\": \"20m\" },\n"
    "    { \"name\": \"odd {{ name\", \"matcher\": \"{job=\\\"tmpl{{x}}\\\"}\", \"warn\": \"5m\", \"stale\": \"15m\" }\n"
    "  ]\n"
    "}";

struct Run
{
    int exitCode = -1;
    QByteArray out;
};

Run runTool(const QString &program, const QStringList &arguments, const QString &dir)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAll()};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestCtlAlertRules : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_promtool;

    CtlRun ctl(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_dir.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.path());
        env.remove(u"PUSHDECK_PROMETHEUS"_s);
        return runCtl(arguments, {}, env);
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeAll(path(u"staleness.json"_s), RulesJson));
        m_promtool = QStandardPaths::findExecutable(u"promtool"_s);
    }

    // Same text as the window's dialog: AlertRules::generate on the same
    // policy and options.
    void printsWhatTheWindowGenerates()
    {
        const CtlRun run = ctl({u"alert-rules"_s, u"--rules"_s, path(u"staleness.json"_s), u"--for"_s, u"5m"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        auto policy = StalenessRules::fromJson(RulesJson);
        QVERIFY2(policy, qPrintable(policy.errorString()));
        AlertRuleOptions options;
        options.forDuration = u"5m"_s;
        QCOMPARE(QString::fromUtf8(run.out), AlertRules::generate(*policy, options));
        QVERIFY(run.out.contains("for: '5m'"));
        // Annotations show a readable key, not Go's map[...] of {{ $labels }}.
        QVERIFY(!run.out.contains("{{ $labels }}"));
        QVERIFY(run.out.contains("printf \\\"%q\\\" $labels.job") || run.out.contains("printf \"%q\" $labels.job"));
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("--tests without --write") << QStringList{u"--tests"_s, u"t.yml"_s} << 64;
        QTest::newRow("bad --for") << QStringList{u"--for"_s, u"5x"_s} << 64;
        QTest::newRow("negative --for") << QStringList{u"--for"_s, u"-5"_s} << 64;
        QTest::newRow("argument") << QStringList{u"extra"_s} << 64;
        QTest::newRow("same file") << QStringList{u"--write"_s, u"a.yml"_s, u"--tests"_s, u"a.yml"_s} << 64;
        QTest::newRow("missing rules file") << QStringList{u"--rules"_s, u"/nonexistent/rules.json"_s} << 66;
        QTest::newRow("unwritable output") << QStringList{u"--write"_s, u"/nonexistent/dir/a.yml"_s} << 73;
    }

    void refusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const CtlRun run = ctl(QStringList{u"alert-rules"_s} + arguments);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
        QVERIFY(!run.err.isEmpty());
    }

    void promtoolChecksAndTests_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("defaults") << QStringList{};
        QTest::newRow("for 5m") << QStringList{u"--for"_s, u"5m"_s};
        QTest::newRow("for 90s, no warnings") << QStringList{u"--for"_s, u"90s"_s, u"--no-warnings"_s};
    }

    void promtoolChecksAndTests()
    {
        if (m_promtool.isEmpty())
            QSKIP("promtool is not installed (scripts/setup.sh installs prometheus)");
        QFETCH(QStringList, extra);
        const CtlRun run = ctl(QStringList{u"alert-rules"_s, u"--rules"_s, path(u"staleness.json"_s), u"--write"_s,
                                           path(u"alerts.yml"_s), u"--tests"_s, path(u"alerts.test.yml"_s)}
                               + extra);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const Run check = runTool(m_promtool, {u"check"_s, u"rules"_s, path(u"alerts.yml"_s)}, m_dir.path());
        QVERIFY2(check.exitCode == 0, check.out.constData());
        const Run test = runTool(m_promtool, {u"test"_s, u"rules"_s, path(u"alerts.test.yml"_s)}, m_dir.path());
        QVERIFY2(test.exitCode == 0, QByteArray(test.out + "\n--- tests:\n" + readAll(path(u"alerts.test.yml"_s))).constData());
        QVERIFY2(test.out.contains("SUCCESS"), test.out.constData());
        // Every rule and the default have threshold tests, the overlap and
        // the failed push too.
        const QByteArray tests = readAll(path(u"alerts.test.yml"_s));
        for (const char *what : {"backups", "batch", "prod", "no instance", "default", "never judges", "failed"})
            QVERIFY2(tests.contains(what), what);
    }

    // The tests are not a tautology: rules that judge differently from
    // PushDeck fail them.
    void promtoolCatchesWrongRules_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("stale threshold of a rule") << QByteArray(">= 14400") << QByteArray(">= 15400");
        QTest::newRow("default stale threshold") << QByteArray(">= 21600") << QByteArray(">= 20000");
        QTest::newRow("warning threshold") << QByteArray(">= 7200 <") << QByteArray(">= 8000 <");
        QTest::newRow("earlier rule not excluded") << QByteArray(" unless push_time_seconds{job=~\"batch-.*\"}")
                                                   << QByteArray(" unless push_time_seconds{job=\"none\"}");
        QTest::newRow("failed push") << QByteArray("push_failure_time_seconds > push_time_seconds")
                                     << QByteArray("push_failure_time_seconds > push_time_seconds * 2");
    }

    void promtoolCatchesWrongRules()
    {
        if (m_promtool.isEmpty())
            QSKIP("promtool is not installed (scripts/setup.sh installs prometheus)");
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        const CtlRun run = ctl({u"alert-rules"_s, u"--rules"_s, path(u"staleness.json"_s), u"--write"_s, path(u"wrong.yml"_s),
                                u"--tests"_s, path(u"wrong.test.yml"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QByteArray rules = readAll(path(u"wrong.yml"_s));
        QVERIFY2(rules.contains(from), rules.constData());
        rules.replace(from, to);
        QVERIFY(writeAll(path(u"wrong.yml"_s), rules));
        const Run check = runTool(m_promtool, {u"check"_s, u"rules"_s, path(u"wrong.yml"_s)}, m_dir.path());
        QVERIFY2(check.exitCode == 0, check.out.constData());
        const Run test = runTool(m_promtool, {u"test"_s, u"rules"_s, path(u"wrong.test.yml"_s)}, m_dir.path());
        QVERIFY2(test.exitCode != 0, test.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCtlAlertRules)
#include "tst_ctl_alertrules.moc"
