// pushdeckctl's habits as amtool, promtool and kubectl users expect them,
// against a real gateway: -o json|wide|table equal to --json/--wide,
// --no-headers, JSON from status and snapshot list, help COMMAND with
// examples, global options listed once, "did you mean", pushdeckctl.yml
// (options > environment > file), --version with git revision and Qt,
// English under a German locale, the hint when no gateway was named, and
// snapshot save - / restore - through stdout and stdin.

#include "builders.h"
#include "ctlrunner.h"
#include "operations/snapshot.h"
#include "testgateway.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

const QStringList Keys{u"{job=\"backup\",instance=\"db-1\"}"_s, u"{job=\"a/b\",instance=\"\"}"_s, u"{job=\"etl\"}"_s};

// Every JSON line of `out`, without the field that moves with the clock.
QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonObject object = QJsonDocument::fromJson(line).object();
        object.remove(u"age_seconds"_s);
        objects.append(object);
    }
    return objects;
}

// The first column of a table, without the header line.
QStringList firstColumn(const QByteArray &out, bool header = true)
{
    QStringList values;
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = header ? 1 : 0; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            values << QString::fromUtf8(lines[i]).section(u"  "_s, 0, 0).trimmed();
    }
    return values;
}

} // namespace

class TestCtlConventions : public QObject
{
    Q_OBJECT

    TestGateway m_gateway;
    QTemporaryDir m_home;

    // A clean environment: a private home, config and data folder.
    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"PUSHDECK_PASSWORD", "PUSHDECK_TOKEN", "PUSHDECK_USER", "PUSHDECK_READ_ONLY"})
            e.remove(QString::fromLatin1(name));
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        return e;
    }
    CtlRun ctl(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return runCtl(QStringList{u"--gateway"_s, m_gateway.url().toString()} + arguments, input, env());
    }
    // pushdeckctl with PUSHDECK_GATEWAY (which runCtl() removes) and no --gateway.
    CtlRun ctlWithEnvironment(const QStringList &arguments, const QProcessEnvironment &environment) const
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(ctlBinary(), arguments);
        CtlRun run;
        if (!process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }
    void writeConfig(const QByteArray &text)
    {
        QDir().mkpath(m_home.filePath(u"config/pushdeck"_s));
        QFile file(m_home.filePath(u"config/pushdeck/pushdeckctl.yml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }
    void removeConfig() { QFile::remove(m_home.filePath(u"config/pushdeck/pushdeckctl.yml"_s)); }
    static int freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        return probe.serverPort();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_gateway.start());
        QCOMPARE(m_gateway.push(Keys[0], "backup_ok 1\nbackup_bytes 5e+09\n"), 200);
        QCOMPARE(m_gateway.push(Keys[1], "v 1\n"), 200);
        QCOMPARE(m_gateway.push(Keys[2], "# TYPE rows counter\nrows 42\n"), 200);
    }
    void cleanup() { removeConfig(); }

    void outputJsonEqualsJson()
    {
        const CtlRun json = ctl({u"groups"_s, u"--json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const CtlRun o = ctl({u"groups"_s, u"-o"_s, u"json"_s});
        QVERIFY2(o.exitCode == 0, qPrintable(o.describe()));
        const CtlRun long_ = ctl({u"groups"_s, u"--output=json"_s});
        QVERIFY2(long_.exitCode == 0, qPrintable(long_.describe()));
        QCOMPARE(jsonLines(json.out).size(), 3);
        QCOMPARE(jsonLines(o.out), jsonLines(json.out));
        QCOMPARE(jsonLines(long_.out), jsonLines(json.out));

        const CtlRun showJson = ctl({u"show"_s, Keys[0], u"--json"_s});
        const CtlRun showO = ctl({u"show"_s, Keys[0], u"-o"_s, u"json"_s});
        QVERIFY2(showO.exitCode == 0, qPrintable(showO.describe()));
        QCOMPARE(jsonLines(showO.out), jsonLines(showJson.out));
        QVERIFY(jsonLines(showO.out).first().contains(u"metrics"_s));

        const CtlRun lintJson = ctl({u"lint"_s, u"--json"_s});
        const CtlRun lintO = ctl({u"lint"_s, u"-o"_s, u"json"_s});
        QCOMPARE(lintO.exitCode, lintJson.exitCode);
        QCOMPARE(lintO.out, lintJson.out);
    }

    void outputWideEqualsWide()
    {
        const CtlRun wide = ctl({u"groups"_s, u"--wide"_s});
        const CtlRun o = ctl({u"groups"_s, u"-o"_s, u"wide"_s});
        QVERIFY2(o.exitCode == 0, qPrintable(o.describe()));
        QCOMPARE(o.out.left(o.out.indexOf('\n')), wide.out.left(wide.out.indexOf('\n')));
        QVERIFY(o.out.startsWith("KEY  ") && o.out.contains("PUSH TIME"));
        QCOMPARE(firstColumn(o.out), firstColumn(wide.out));
        const CtlRun table = ctl({u"groups"_s, u"-o"_s, u"table"_s});
        QVERIFY(!table.out.contains("PUSH TIME"));
    }

    void outputErrors()
    {
        const CtlRun unknown = ctl({u"groups"_s, u"-o"_s, u"yaml"_s});
        QCOMPARE(unknown.exitCode, 64);
        QVERIFY2(unknown.err.contains("unknown output format \"yaml\" (this command has table, wide, json)"),
                 unknown.err.constData());
        const CtlRun conflict = ctl({u"groups"_s, u"--json"_s, u"-o"_s, u"wide"_s});
        QCOMPARE(conflict.exitCode, 64);
        QVERIFY2(conflict.err.contains("--json and -o wide exclude each other"), conflict.err.constData());
        // status has no wide form.
        const CtlRun statusWide = ctl({u"status"_s, u"-o"_s, u"wide"_s});
        QCOMPARE(statusWide.exitCode, 64);
        QVERIFY(statusWide.out.isEmpty());
    }

    void noHeaders()
    {
        const CtlRun headed = ctl({u"groups"_s});
        const CtlRun bare = ctl({u"groups"_s, u"--no-headers"_s});
        QVERIFY2(bare.exitCode == 0, qPrintable(bare.describe()));
        QVERIFY(headed.out.startsWith("KEY "));
        QVERIFY(!bare.out.contains("KEY "));
        QCOMPARE(bare.out.count('\n'), 3);
        QCOMPARE(firstColumn(bare.out, false), firstColumn(headed.out));
        const CtlRun wideBare = ctl({u"groups"_s, u"-o"_s, u"wide"_s, u"--no-headers"_s});
        QVERIFY(!wideBare.out.contains("PUSH TIME"));
        QCOMPARE(wideBare.out.count('\n'), 3);
    }

    void statusJson()
    {
        const CtlRun run = ctl({u"status"_s, u"-o"_s, u"json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.out.count('\n'), 1);
        const QJsonObject status = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(status.value(u"version"_s).toString().startsWith(u"1."_s), run.out.constData());
        QCOMPARE(status.value(u"admin_api"_s), QJsonValue(true));
        QCOMPARE(status.value(u"gateway"_s).toString(), m_gateway.url().toString());
        QVERIFY(status.value(u"start_time"_s).toDouble() > 1.6e9);
        QVERIFY(status.value(u"flags"_s).toObject().contains(u"web.listen-address"_s));
        QCOMPARE(status.value(u"flags"_s).toObject().value(u"web.enable-admin-api"_s).toString(), u"true"_s);
    }

    void snapshotListJson()
    {
        // A delete writes an undo snapshot first.
        QCOMPARE(m_gateway.push(u"{job=\"doomed\"}"_s, "x 1\n"), 200);
        const CtlRun remove = ctl({u"delete"_s, u"{job=\"doomed\"}"_s, u"--yes"_s});
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
        const CtlRun table = ctl({u"snapshot"_s, u"list"_s});
        QVERIFY2(table.exitCode == 0, qPrintable(table.describe()));
        const CtlRun json = ctl({u"snapshot"_s, u"list"_s, u"-o"_s, u"json"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        const QList<QJsonObject> entries = jsonLines(json.out);
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.size(), firstColumn(table.out).size());
        const QJsonObject newest = entries.first();
        QVERIFY2(QFileInfo::exists(newest.value(u"file"_s).toString()), json.out.constData());
        QCOMPARE(newest.value(u"bytes"_s).toInteger(), QFileInfo(newest.value(u"file"_s).toString()).size());
        QVERIFY(!newest.value(u"action"_s).toString().isEmpty());
        QVERIFY(QDateTime::fromString(newest.value(u"created"_s).toString(), Qt::ISODateWithMs).isValid());
        const auto snapshot = Snapshot::load(newest.value(u"file"_s).toString());
        QVERIFY2(snapshot, qPrintable(snapshot.errorString()));
        QCOMPARE(snapshot->groups.first().key.toString(), u"{job=\"doomed\"}"_s);

        const CtlRun bare = ctl({u"snapshot"_s, u"list"_s, u"--no-headers"_s});
        QCOMPARE(bare.out.count('\n'), entries.size());
    }

    void snapshotThroughStdoutAndStdin()
    {
        const CtlRun save = ctl({u"snapshot"_s, u"save"_s, u"-"_s, u"--match"_s, u"{job=\"backup\"}"_s});
        QVERIFY2(save.exitCode == 0, qPrintable(save.describe()));
        QVERIFY(save.err.isEmpty());
        QVERIFY(!QFileInfo::exists(u"-"_s));
        const auto snapshot = Snapshot::fromJson(save.out);
        QVERIFY2(snapshot, qPrintable(snapshot.errorString()));
        QCOMPARE(snapshot->groups.size(), 1);

        QCOMPARE(m_gateway.push(Keys[0], "backup_ok 0\n"), 200);
        // Replacing needs a confirmation; stdin is the snapshot, not a person.
        const CtlRun refused = ctl({u"snapshot"_s, u"restore"_s, u"-"_s}, save.out);
        QCOMPARE(refused.exitCode, 77);
        QVERIFY2(refused.err.contains("pass --yes"), refused.err.constData());
        QVERIFY(m_gateway.group(GroupingKey::parse(Keys[0]).value())->families.size() == 1);

        const CtlRun dry = ctl({u"snapshot"_s, u"restore"_s, u"-"_s, u"--dry-run"_s}, save.out);
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QVERIFY2(dry.out.contains("would restore 1 group from stdin"), dry.out.constData());

        const CtlRun restore = ctl({u"snapshot"_s, u"restore"_s, u"-"_s, u"--yes"_s}, save.out);
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.describe()));
        const auto group = m_gateway.group(GroupingKey::parse(Keys[0]).value());
        QVERIFY(group);
        QCOMPARE(group->families.size(), 2); // backup_ok and backup_bytes again

        const CtlRun garbage = ctl({u"snapshot"_s, u"restore"_s, u"-"_s, u"--yes"_s}, "not json");
        QCOMPARE(garbage.exitCode, 65);
        QVERIFY2(garbage.err.contains("cannot restore stdin"), garbage.err.constData());
    }

    void helpCommandAndExamples()
    {
        const QStringList commands{u"status"_s, u"groups"_s, u"show"_s,     u"check"_s,    u"lint"_s,
                                   u"push"_s,   u"delete"_s, u"prune"_s,    u"repush"_s,   u"snapshot"_s,
                                   u"wipe"_s,   u"profile"_s, u"completion"_s};
        const CtlRun overall = runCtl({u"--help"_s}, {}, env());
        QCOMPARE(overall.exitCode, 0);
        for (const QString &command : commands) {
            const CtlRun help = runCtl({command, u"--help"_s}, {}, env());
            QVERIFY2(help.exitCode == 0, qPrintable(command + u": "_s + help.describe()));
            const CtlRun viaHelp = runCtl({u"help"_s, command}, {}, env());
            QCOMPARE(viaHelp.exitCode, 0);
            QCOMPARE(viaHelp.out, help.out);
            QVERIFY2(help.out.contains("\nExamples:\n  pushdeckctl "), qPrintable(command));
            QVERIFY2(help.out.startsWith(QByteArray("Usage: pushdeckctl [global options] " + command.toUtf8())), help.out.constData());
            // The global options are listed once, in the overall help.
            // (A description may name them: profile add takes them.)
            QVERIFY2(!help.out.contains("  --insecure-skip-verify  ") && !help.out.contains("--http.config.file <"),
                     qPrintable(command));
            QVERIFY(help.out.contains("pushdeckctl --help lists them"));
            QVERIFY2(overall.out.contains(QByteArray("  " + command.toUtf8() + ' ')), qPrintable(command));
        }
        QCOMPARE(overall.out.count("--insecure-skip-verify "), 1);
        QCOMPARE(overall.out.count("--http.config.file <file>"), 1);
        QVERIFY(!overall.out.contains("__complete"));
        const CtlRun bare = runCtl({u"help"_s}, {}, env());
        QCOMPARE(bare.out, overall.out);
    }

    void didYouMean_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("command") << QStringList{u"grups"_s} << u"unknown command \"grups\" (did you mean groups?)"_s;
        QTest::newRow("swapped letters") << QStringList{u"statsu"_s} << u"(did you mean status?)"_s;
        QTest::newRow("help of a typo") << QStringList{u"help"_s, u"prnue"_s} << u"(did you mean prune?)"_s;
        QTest::newRow("command option") << QStringList{u"groups"_s, u"--stat"_s, u"stale"_s}
                                        << u"groups: unknown option --stat (did you mean --state"_s;
        QTest::newRow("global option after the command") << QStringList{u"groups"_s, u"--gatway"_s, u"x"_s}
                                                         << u"(did you mean --gateway?)"_s;
        QTest::newRow("global option before the command") << QStringList{u"--time-out"_s, u"5s"_s, u"status"_s}
                                                          << u"unknown option --time-out (did you mean --timeout?)"_s;
        QTest::newRow("nothing close") << QStringList{u"xyzzy"_s} << u"unknown command \"xyzzy\"; see pushdeckctl --help"_s;
    }
    void didYouMean()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CtlRun run = runCtl(arguments, {}, env());
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.out.isEmpty());
    }

    void configFile()
    {
        // gateway, output and rules (relative to the file) from pushdeckctl.yml.
        QDir().mkpath(m_home.filePath(u"config/pushdeck"_s));
        QFile rules(m_home.filePath(u"config/pushdeck/rules.json"_s));
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write(R"({"defaults": {"warn": "1s", "stale": "2s"}})");
        rules.close();
        writeConfig("# defaults for this user\ngateway: " + m_gateway.url().toString().toUtf8()
                    + "\noutput: json\nrules: rules.json\n");
        QProcessEnvironment e = env();
        e.remove(u"PUSHDECK_GATEWAY"_s);
        const CtlRun run = ctlWithEnvironment({u"groups"_s}, e);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QList<QJsonObject> lines = jsonLines(run.out);
        QCOMPARE(lines.size(), 3);
        QVERIFY(QTest::qWaitFor([&] {
            const CtlRun again = ctlWithEnvironment({u"groups"_s, u"--state"_s, u"stale"_s}, e);
            return jsonLines(again.out).size() == 3;
        }, 10000)); // the file's rules: stale after 2 s

        // -o beats the file; a command without that form keeps its own.
        const CtlRun table = ctlWithEnvironment({u"groups"_s, u"-o"_s, u"table"_s}, e);
        QVERIFY(table.out.startsWith("KEY "));
        const CtlRun check = ctlWithEnvironment({u"check"_s}, e);
        QVERIFY2(check.out.startsWith("PUSHDECK CRITICAL - "), check.out.constData());

        // PUSHDECK_GATEWAY beats the file, --gateway beats both.
        const QString closed = u"http://127.0.0.1:%1"_s.arg(freePort());
        e.insert(u"PUSHDECK_GATEWAY"_s, closed);
        const CtlRun fromEnv = ctlWithEnvironment({u"status"_s}, e);
        QCOMPARE(fromEnv.exitCode, 69);
        QVERIFY2(fromEnv.err.contains("refused"), fromEnv.err.constData());
        QVERIFY(!fromEnv.err.contains("no gateway was named")); // it was: by PUSHDECK_GATEWAY
        const CtlRun fromOption = ctlWithEnvironment({u"--gateway"_s, m_gateway.url().toString(), u"status"_s}, e);
        QVERIFY2(fromOption.exitCode == 0, qPrintable(fromOption.describe()));
        QVERIFY2(fromOption.out.startsWith("{"), fromOption.out.constData()); // output: json from the file
    }

    void configFileErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QByteArray("gateway: http://a:9091\ngatway: x\n")
                                     << u"pushdeckctl.yml:2: unknown key gatway (did you mean gateway?)"_s;
        QTest::newRow("bad output") << QByteArray("output: yaml\n")
                                    << u"pushdeckctl.yml:1: output: expected table, wide or json, not \"yaml\""_s;
        QTest::newRow("bad duration") << QByteArray("timeout: soon\n") << u"pushdeckctl.yml:1: timeout: "_s;
        QTest::newRow("bad bool") << QByteArray("read-only: maybe\n") << u"read-only: expected true or false"_s;
        QTest::newRow("bad URL") << QByteArray("gateway: ftp://x\n") << u"pushdeckctl.yml:1: gateway: gateway URL"_s;
        QTest::newRow("not YAML") << QByteArray("gateway: [\n") << u"pushdeckctl.yml:"_s;
        QTest::newRow("a list") << QByteArray("- gateway\n") << u"expected a mapping"_s;
    }
    void configFileErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        writeConfig(text);
        const CtlRun run = runCtl({u"groups"_s}, {}, env());
        QCOMPARE(run.exitCode, 78);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        // check stays a monitoring plugin: UNKNOWN.
        QCOMPARE(runCtl({u"check"_s}, {}, env()).exitCode, 3);
        // Help works whatever the file says.
        QCOMPARE(runCtl({u"groups"_s, u"--help"_s}, {}, env()).exitCode, 0);
    }

    void configFileReadOnly()
    {
        writeConfig("read-only: true\n");
        const CtlRun refused = ctl({u"delete"_s, Keys[2], u"--yes"_s});
        QCOMPARE(refused.exitCode, 77);
        // The environment beats the file.
        QProcessEnvironment e = env();
        e.insert(u"PUSHDECK_READ_ONLY"_s, u"0"_s);
        const CtlRun allowed = runCtl({u"--gateway"_s, m_gateway.url().toString(), u"delete"_s, Keys[2], u"--dry-run"_s}, {}, e);
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        const CtlRun push = runCtl({u"--gateway"_s, m_gateway.url().toString(), u"push"_s, u"{job=\"ro\"}"_s, u"-"_s},
                                   "x 1\n", e);
        QVERIFY2(push.exitCode == 0, qPrintable(push.describe()));
    }

    void versionNamesRevisionAndQt()
    {
        const CtlRun run = runCtl({u"--version"_s}, {}, env());
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out).trimmed();
        const bool git = QFileInfo::exists(QStringLiteral(PUSHDECK_SOURCE_DIR "/.git"));
        const QRegularExpression form(u"^pushdeckctl %1 \\((git [0-9a-f]{12}(-dirty)?, )%2Qt %3\\)$"_s.arg(
            QRegularExpression::escape(QStringLiteral(PUSHDECK_VERSION)), git ? QString() : u"?"_s,
            QRegularExpression::escape(QString::fromLatin1(qVersion()))));
        QVERIFY2(form.match(text).hasMatch(), qPrintable(text));
    }

    void englishUnderAGermanLocale()
    {
        QProcessEnvironment e = env();
        e.insert(u"LANGUAGE"_s, u"de"_s);
        e.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
        // A message from the models (which the window shows in German) ...
        const CtlRun url = runCtl({u"--gateway"_s, u"ftp://example.invalid"_s, u"status"_s}, {}, e);
        QCOMPARE(url.exitCode, 64);
        QCOMPARE(url.err, QByteArray("pushdeckctl: gateway URL \"ftp://example.invalid\" must use http or https\n"));
        // ... and Qt's own (QCommandLineParser) stay English.
        const CtlRun option = runCtl({u"groups"_s, u"--wide=x"_s}, {}, e);
        QCOMPARE(option.exitCode, 64);
        QVERIFY2(option.err.contains("Unexpected value after '--wide'"), option.err.constData());
    }

    void defaultGatewayHint()
    {
        // Only meaningful where nothing listens on localhost:9091.
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 9091) && !probe.listen(QHostAddress::Any, 9091))
            QSKIP("something listens on port 9091 here");
        probe.close();
        QProcessEnvironment e = env();
        e.remove(u"PUSHDECK_GATEWAY"_s);
        const CtlRun run = ctlWithEnvironment({u"groups"_s}, e);
        QCOMPARE(run.exitCode, 69);
        QVERIFY2(run.err.contains("no gateway was named, so http://localhost:9091 was tried: name one with --gateway URL, "
                                  "PUSHDECK_GATEWAY=URL or \"gateway: URL\" in ~/.config/pushdeck/pushdeckctl.yml"),
                 run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        // A named gateway that refuses gets no such hint.
        const CtlRun named = ctlWithEnvironment({u"--gateway"_s, u"http://localhost:9091"_s, u"groups"_s}, e);
        QCOMPARE(named.exitCode, 69);
        QVERIFY(!named.err.contains("no gateway was named"));
    }
};

QTEST_GUILESS_MAIN(TestCtlConventions)
#include "tst_ctl_conventions.moc"
