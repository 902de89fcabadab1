// Shell completion for pushdeckctl: the bash script as bash runs it
// (COMPREPLY from _pushdeckctl with COMP_LINE/COMP_WORDS set as readline
// sets them), fish through `complete -C`, zsh's script for syntax; commands,
// options, option values, sub-commands, profile names, files, and group keys
// read from a real gateway, quoted for where the cursor is; a gateway that
// never answers costs the completion budget, not the request timeout.

#include "ctlrunner.h"
#include "testgateway.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestCtlCompletion : public QObject
{
    Q_OBJECT

    TestGateway m_gateway;
    QTemporaryDir m_home;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"PUSHDECK_PASSWORD", "PUSHDECK_TOKEN", "PUSHDECK_USER", "PUSHDECK_GATEWAY"})
            e.remove(QString::fromLatin1(name));
        e.insert(u"HOME"_s, m_home.path());
        e.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        e.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        e.insert(u"CTL"_s, ctlBinary());
        return e;
    }

    // COMPREPLY for the command line `pushdeckctl <line>` with the cursor at
    // its end; `cur` is bash's current word (COMP_WORDS[COMP_CWORD]: split at
    // COMP_WORDBREAKS, so "--state=st" gives "st").
    QStringList bash(const QString &line, const QString &cur, QProcessEnvironment e = {}, qint64 *elapsedMs = nullptr)
    {
        if (e.isEmpty())
            e = env();
        e.insert(u"LINE"_s, ctlBinary() + u' ' + line);
        e.insert(u"CUR"_s, cur);
        QProcess process;
        process.setProcessEnvironment(e);
        process.setWorkingDirectory(m_home.path());
        const QString script = uR"(source <("$CTL" completion bash) || exit 9
COMP_LINE=$LINE; COMP_POINT=${#LINE}; COMP_WORDS=("$CTL" "$CUR"); COMP_CWORD=1
_pushdeckctl 2>/dev/null
printf '%s\n' "${COMPREPLY[@]}")"_s;
        QElapsedTimer clock;
        clock.start();
        process.start(u"bash"_s, {u"--norc"_s, u"--noprofile"_s, u"-c"_s, script});
        if (!process.waitForFinished(60000))
            return {u"<timeout>"_s};
        if (elapsedMs)
            *elapsedMs = clock.elapsed();
        if (process.exitCode() != 0)
            return {u"<exit %1: %2>"_s.arg(process.exitCode()).arg(QString::fromUtf8(process.readAllStandardError()))};
        QStringList replies = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        replies.sort();
        return replies;
    }

    QString gatewayArg() const { return u"--gateway "_s + m_gateway.url().toString() + u' '; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        if (QStandardPaths::findExecutable(u"bash"_s).isEmpty())
            QFAIL("bash is not installed");
        QVERIFY(m_gateway.start());
        QCOMPARE(m_gateway.push(u"{job=\"backup\",instance=\"db-1\"}"_s, "backup_ok 1\n"), 200);
        QCOMPARE(m_gateway.push(u"{job=\"a/b\",instance=\"\"}"_s, "v 1\n"), 200);
        QCOMPARE(m_gateway.push(u"{job=\"etl\"}"_s, "rows 1\n"), 200);
        QFile file(m_home.filePath(u"mysnap.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }

    void commands()
    {
        QCOMPARE(bash(u"gr"_s, u"gr"_s), QStringList{u"groups"_s});
        const QStringList all = bash(QString(), QString());
        for (const char *command : {"status", "groups", "show", "check", "lint", "push", "delete", "prune", "repush",
                                    "snapshot", "wipe", "profile", "completion", "help"})
            QVERIFY2(all.contains(QString::fromLatin1(command)), qPrintable(all.join(u' ')));
        QVERIFY(!all.join(u' ').contains(u"__complete"_s));
        QCOMPARE(bash(u"help pr"_s, u"pr"_s), (QStringList{u"profile"_s, u"prune"_s}));
        QCOMPARE(bash(u"completion "_s, QString()), (QStringList{u"bash"_s, u"fish"_s, u"zsh"_s}));
        QCOMPARE(bash(u"snapshot "_s, QString()), (QStringList{u"list"_s, u"restore"_s, u"save"_s}));
        // After global options too.
        QCOMPARE(bash(u"--timeout 5s --read-only gr"_s, u"gr"_s), QStringList{u"groups"_s});
    }

    void options()
    {
        const QStringList state = bash(u"groups --st"_s, u"--st"_s);
        QCOMPARE(state, (QStringList{u"--stale-after"_s, u"--state"_s}));
        const QStringList groups = bash(u"groups --"_s, u"--"_s);
        for (const char *option : {"--match", "--older-than", "--json", "--wide", "--output", "--no-headers", "--gateway",
                                   "--http.config.file", "--profile", "--help"})
            QVERIFY2(groups.contains(QString::fromLatin1(option)), option);
        QVERIFY(!groups.contains(u"--yes"_s)); // delete's, not groups'
        QVERIFY(bash(u"delete --"_s, u"--"_s).contains(u"--yes"_s));
        QCOMPARE(bash(u"--gat"_s, u"--gat"_s), QStringList{u"--gateway"_s});
        QVERIFY(bash(u"--"_s, u"--"_s).contains(u"--version"_s));
    }

    void optionValues()
    {
        QCOMPARE(bash(u"groups --state "_s, QString()),
                 (QStringList{u"failed"_s, u"fresh"_s, u"stale"_s, u"unknown"_s, u"warning"_s}));
        QCOMPARE(bash(u"groups --state fresh,st"_s, u"fresh,st"_s), QStringList{u"fresh,stale"_s});
        QCOMPARE(bash(u"prune --older-than 7d --state=st"_s, u"st"_s), QStringList{u"stale"_s});
        QCOMPARE(bash(u"groups -o "_s, QString()), (QStringList{u"json"_s, u"table"_s, u"wide"_s}));
        QCOMPARE(bash(u"status -o "_s, QString()), (QStringList{u"json"_s, u"table"_s}));
        QCOMPARE(bash(u"groups --output=j"_s, u"j"_s), QStringList{u"json"_s});
        // Options that take a file complete file names.
        QVERIFY(bash(u"--rules my"_s, u"my"_s).contains(u"mysnap.json"_s));
        QVERIFY(bash(u"snapshot save my"_s, u"my"_s).contains(u"mysnap.json"_s));
        QVERIFY(bash(u"groups --http.config.file my"_s, u"my"_s).contains(u"mysnap.json"_s));
    }

    void groupKeysFromTheGateway()
    {
        // Nothing typed yet: single-quoted, ready for the shell.
        QCOMPARE(bash(gatewayArg() + u"show "_s, QString()),
                 (QStringList{u"'{job=\"a/b\",instance=\"\"}'"_s, u"'{job=\"backup\",instance=\"db-1\"}'"_s,
                              u"'{job=\"etl\"}'"_s}));
        // Inside an open single quote: the rest as it is (readline closes the quote).
        QCOMPARE(bash(gatewayArg() + u"show '{job=\"b"_s, u"'{job=\"b"_s),
                 QStringList{u"{job=\"backup\",instance=\"db-1\"}"_s});
        // Inside double quotes: escaped for them.
        QCOMPARE(bash(gatewayArg() + u"show \"{job=\\\"e"_s, u"\"{job=\\\"e"_s), QStringList{u"{job=\\\"etl\\\"}"_s});
        // delete takes several: the ones typed are not offered again.
        QCOMPARE(bash(gatewayArg() + u"delete '{job=\"etl\"}' '"_s, u"'"_s),
                 (QStringList{u"{job=\"a/b\",instance=\"\"}"_s, u"{job=\"backup\",instance=\"db-1\"}"_s}));
        // The push path form.
        QCOMPARE(bash(gatewayArg() + u"show /metrics/job/e"_s, u"/metrics/job/e"_s), QStringList{u"/metrics/job/etl"_s});
        // The gateway from the environment, and repush --from.
        QProcessEnvironment e = env();
        e.insert(u"PUSHDECK_GATEWAY"_s, m_gateway.url().toString());
        QCOMPARE(bash(u"repush --from '{job=\"e"_s, u"'{job=\"e"_s, e), QStringList{u"{job=\"etl\"}"_s});
        QCOMPARE(bash(u"push '{job=\"e"_s, u"'{job=\"e"_s, e), QStringList{u"{job=\"etl\"}"_s});
        // Nothing for a command that takes no key.
        QVERIFY(bash(gatewayArg() + u"groups '"_s, u"'"_s, e).isEmpty());
    }

    void profileNames()
    {
        const CtlRun add = runCtl({u"profile"_s, u"add"_s, u"staging-eu"_s, u"-g"_s, u"http://pg:9091"_s}, {}, env());
        QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
        QCOMPARE(bash(u"--profile st"_s, u"st"_s), QStringList{u"staging-eu"_s});
        QCOMPARE(bash(u"profile show "_s, QString()), QStringList{u"staging-eu"_s});
    }

    void deadGatewayCostsTheBudgetOnly()
    {
        // Accepts connections (the kernel does) and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        qint64 elapsed = 0;
        const QStringList replies = bash(u"--gateway http://127.0.0.1:%1 show "_s.arg(silent.serverPort()), QString(), {},
                                         &elapsed);
        QVERIFY2(replies.isEmpty(), qPrintable(replies.join(u' ')));
        // The request timeout is 30 s; the completion gives up after its 2 s budget.
        QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
    }

    void fish()
    {
        const QString fish = QStandardPaths::findExecutable(u"fish"_s);
        if (fish.isEmpty())
            QSKIP("fish is not installed");
        QProcessEnvironment e = env();
        e.insert(u"PATH"_s, QFileInfo(ctlBinary()).absolutePath() + u':' + e.value(u"PATH"_s));
        e.insert(u"PUSHDECK_GATEWAY"_s, m_gateway.url().toString());
        auto complete = [&](const QString &line) {
            QProcess process;
            process.setProcessEnvironment(e);
            process.start(fish, {u"--no-config"_s, u"-c"_s,
                                 u"pushdeckctl completion fish | source; complete -C '%1'"_s.arg(line)});
            process.waitForFinished(60000);
            return QString::fromUtf8(process.readAllStandardOutput());
        };
        const QString groups = complete(u"pushdeckctl gr"_s);
        QVERIFY2(groups.startsWith(u"groups\tlist groups"_s), qPrintable(groups));
        const QString keys = complete(u"pushdeckctl show "_s);
        QVERIFY2(keys.contains(u"{job=\"etl\"}"_s) && keys.contains(u"{job=\"a/b\",instance=\"\"}"_s), qPrintable(keys));
        const QString states = complete(u"pushdeckctl groups --state "_s);
        QVERIFY2(states.contains(u"stale"_s) && states.contains(u"failed"_s), qPrintable(states));
        QProcess check;
        check.start(fish, {u"--no-execute"_s, QStringLiteral(PUSHDECK_SOURCE_DIR "/app/ctl/completion/pushdeckctl.fish")});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
    }

    void zshSyntax()
    {
        const QString zsh = QStandardPaths::findExecutable(u"zsh"_s);
        if (zsh.isEmpty())
            QSKIP("zsh is not installed");
        QProcess check;
        check.start(zsh, {u"-n"_s, QStringLiteral(PUSHDECK_SOURCE_DIR "/app/ctl/completion/pushdeckctl.zsh")});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
        // What zsh's function reads: value<TAB>description.
        const CtlRun run = runCtl({u"__complete"_s, u"--"_s, u"gr"_s}, {}, env());
        QCOMPARE(run.out, QByteArray("groups\tlist groups with age, last push result, state\n"));
    }

    void printedScriptsAreTheInstalledOnes()
    {
        for (const char *shell : {"bash", "zsh", "fish"}) {
            const CtlRun run = runCtl({u"completion"_s, QString::fromLatin1(shell)}, {}, env());
            QCOMPARE(run.exitCode, 0);
            QFile source(QStringLiteral(PUSHDECK_SOURCE_DIR "/app/ctl/completion/pushdeckctl.") + QString::fromLatin1(shell));
            QVERIFY(source.open(QIODevice::ReadOnly));
            QCOMPARE(run.out, source.readAll());
        }
        const CtlRun bad = runCtl({u"completion"_s, u"bsh"_s}, {}, env());
        QCOMPARE(bad.exitCode, 64);
        QVERIFY2(bad.err.contains("(did you mean bash"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCtlCompletion)
#include "tst_ctl_completion.moc"
