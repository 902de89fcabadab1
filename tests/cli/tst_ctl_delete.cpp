// pushdeckctl delete and prune against a real gateway: exact keys with `/`
// and empty values, selectors, the confirmation rule (refused without --yes
// when stdin is not a terminal, asked on a terminal), --dry-run sending
// nothing, --read-only, all-or-nothing on missing keys, verification, the
// undo snapshot and the audit log.

#include "operations/auditlog.h"
#include "core/awaitfuture.h"
#include "builders.h"
#include "ctlrunner.h"
#include "testgateway.h"

#include "operations/snapshot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <functional>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

class Ctl
{
public:
    explicit Ctl(QUrl gateway) : m_gateway(std::move(gateway)) {}
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_READ_ONLY"_s);
        env.remove(u"PUSHDECK_GATEWAY"_s);
        return env;
    }
    QStringList withGateway(const QStringList &arguments) const
    {
        return QStringList{u"--gateway"_s, m_gateway.toString()} + arguments;
    }
    CtlRun operator()(const QStringList &arguments) const { return runCtl(withGateway(arguments), {}, environment()); }
    // Runs with stdin on a pseudo-terminal and types `answer` + Enter.
    CtlRun onTerminal(const QStringList &arguments, const QByteArray &answer) const
    {
        CtlRun run;
        const int master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
            run.err = "no pseudo-terminal";
            return run;
        }
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setStandardInputFile(QString::fromLocal8Bit(ptsname(master)));
        process.start(ctlBinary(), withGateway(arguments));
        if (process.waitForStarted(10000)) {
            const QByteArray line = answer + '\n';
            if (::write(master, line.constData(), size_t(line.size())) == line.size() && process.waitForFinished(60000)) {
                run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
                run.out = process.readAllStandardOutput();
                run.err = process.readAllStandardError();
            }
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
        ::close(master);
        return run;
    }
    // On a terminal as well, but `meanwhile` runs once the question is
    // asked (the operator's think time), before `answer` is typed.
    CtlRun onTerminalAfter(const QStringList &arguments, const std::function<void()> &meanwhile, const QByteArray &answer) const
    {
        CtlRun run;
        const int master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
            run.err = "no pseudo-terminal";
            return run;
        }
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setStandardInputFile(QString::fromLocal8Bit(ptsname(master)));
        process.start(ctlBinary(), withGateway(arguments));
        QByteArray err;
        if (process.waitForStarted(10000)) {
            QElapsedTimer clock;
            clock.start();
            while (!err.contains("[y/N]") && clock.elapsed() < 30000 && process.state() == QProcess::Running) {
                process.waitForReadyRead(200);
                err += process.readAllStandardError();
            }
            if (err.contains("[y/N]"))
                meanwhile();
            const QByteArray line = answer + '\n';
            if (::write(master, line.constData(), size_t(line.size())) == line.size() && process.waitForFinished(60000)) {
                run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
                run.out = process.readAllStandardOutput();
                run.err = err + process.readAllStandardError();
            }
        }
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
        ::close(master);
        return run;
    }
    QString dataDir() const { return m_data.path() + u"/PushDeck/pushdeck"_s; }

private:
    QUrl m_gateway;
    QTemporaryDir m_data;
};

QStringList keys(TestGateway &gateway)
{
    QStringList result;
    const auto groups = gateway.groups(); // (a range-for over *groups() would dangle)
    if (!groups)
        return {u"(gateway not readable)"_s};
    for (const Group &g : *groups)
        result.append(g.key.toString());
    result.sort();
    return result;
}

const QString SlashKey = u"{job=\"a/b\",instance=\"\"}"_s;
const QString Batch1 = u"{job=\"batch\",instance=\"db-1\"}"_s;
const QString Batch2 = u"{job=\"batch\",instance=\"db-2\"}"_s;
const QString Dots = u"{job=\"..\",path=\"/var/lib/x\"}"_s;

bool seed(TestGateway &gateway)
{
    for (const QString &k : {SlashKey, Batch1, Batch2, Dots}) {
        if (gateway.push(k, "x 1\n") != 200)
            return false;
    }
    return true;
}

} // namespace

class TestCtlDelete : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deleteExactKeys()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const CtlRun run = ctl({u"delete"_s, SlashKey, Dots, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains("will delete 2 groups"), run.out.constData());
        QVERIFY(run.out.contains(QByteArray("deleted " + SlashKey.toUtf8())));
        QVERIFY(run.out.contains(QByteArray("deleted " + key(Dots).toString().toUtf8())));
        QVERIFY(run.out.contains("2 deleted"));
        QVERIFY(run.err.isEmpty());
        // Verified by the CLI: gone at once, the others untouched.
        QCOMPARE(keys(gateway), (QStringList{Batch1, Batch2}));

        // The undo snapshot holds exactly those groups; the audit log says so.
        const QStringList snapshots = QDir(ctl.dataDir() + u"/snapshots"_s).entryList({u"*.json"_s}, QDir::Files);
        QCOMPARE(snapshots.size(), 1);
        QVERIFY(run.out.contains(snapshots.first().toUtf8()));
        AuditLog log(ctl.dataDir() + u"/audit.jsonl"_s);
        const auto entries = log.read();
        QVERIFY(entries);
        bool audited = false;
        for (const AuditEntry &e : *entries) {
            for (const AuditKeyOutcome &k : e.keys)
                audited |= e.action == u"delete"_s && k.key == SlashKey && k.outcome == u"deleted"_s;
        }
        QVERIFY(audited);
    }

    void deleteByMatch()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const CtlRun run = ctl({u"delete"_s, u"--match"_s, u"{job=\"batch\",instance=~\"db-.*\"}"_s, u"-y"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QStringList expected{SlashKey, key(Dots).toString()};
        expected.sort();
        QCOMPARE(keys(gateway), expected);

        // A selector matching nothing deletes nothing and is no error.
        const CtlRun none = ctl({u"delete"_s, u"--match"_s, u"{job=\"none\"}"_s, u"--yes"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.contains("nothing to delete"));
        // An empty selector would select everything: refused.
        const CtlRun all = ctl({u"delete"_s, u"--match"_s, u"{}"_s, u"--yes"_s});
        QCOMPARE(all.exitCode, 64);
        QVERIFY(all.err.contains("selects every group"));
        const CtlRun bad = ctl({u"delete"_s, u"--match"_s, u"{job=~\"[\"}"_s, u"--yes"_s});
        QCOMPARE(bad.exitCode, 64);
        QVERIFY2(bad.err.contains("column 7"), bad.err.constData());
        QCOMPARE(gateway.groups()->size(), 2);
    }

    void refusesWithoutYesWhenNotInteractive()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const auto before = gateway.group(key(SlashKey));
        for (const QStringList &args : {QStringList{u"delete"_s, SlashKey}, QStringList{u"delete"_s, u"--match"_s, u"{job=~\".+\"}"_s},
                                        QStringList{u"prune"_s, u"--older-than"_s, u"0.001"_s}}) {
            const CtlRun run = ctl(args);
            QVERIFY2(run.exitCode == 77, qPrintable(run.describe()));
            QVERIFY(run.out.contains("will delete")); // the preview is shown
            QVERIFY2(run.err.startsWith("pushdeckctl: refusing to delete"), run.err.constData());
            QVERIFY(run.err.contains("--yes"));
            QCOMPARE(run.err.count('\n'), 1);
        }
        QTest::qWait(200);
        QCOMPARE(gateway.groups()->size(), 4);
        QCOMPARE(gateway.group(key(SlashKey))->pushTime, before->pushTime);
    }

    // A named group pushed again while the operator reads the preview is
    // in use: it is not deleted, said so, and `delete KEY` fails; --force
    // deletes it with its new content in the undo snapshot.
    void deleteKeyPushedAgainSincePreview()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const CtlRun run = ctl.onTerminalAfter({u"delete"_s, Batch1, Batch2},
                                               [&] { QCOMPARE(gateway.push(Batch1, "again 5\n"), 200); }, "y");
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QByteArray("changed-since-preview " + Batch1.toUtf8() + ": pushed again since the preview")),
                 run.out.constData());
        QVERIFY(run.out.contains(QByteArray("deleted " + Batch2.toUtf8())));
        QVERIFY2(run.err.contains("1 group changed since the preview and not deleted (pass --force"), run.err.constData());
        const auto kept = gateway.group(key(Batch1));
        QVERIFY(kept);
        QCOMPARE(kept->families.first().name, u"again"_s);
        // The undo snapshot has only what was deleted.
        const QStringList snapshots = QDir(ctl.dataDir() + u"/snapshots"_s).entryList({u"*.json"_s}, QDir::Files);
        QCOMPARE(snapshots.size(), 1);
        const auto saved = Snapshot::load(ctl.dataDir() + u"/snapshots/"_s + snapshots.first());
        QVERIFY(saved);
        QCOMPARE(saved->groups.size(), 1);
        QCOMPARE(saved->groups.first().key, key(Batch2));

        const CtlRun forced = ctl.onTerminalAfter({u"delete"_s, Batch1, u"--force"_s},
                                                  [&] { QCOMPARE(gateway.push(Batch1, "again 6\n"), 200); }, "y");
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.describe()));
        QVERIFY(forced.out.contains(QByteArray("deleted " + Batch1.toUtf8())));
        QVERIFY(!gateway.group(key(Batch1)));
        const QStringList after = QDir(ctl.dataDir() + u"/snapshots"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QCOMPARE(after.size(), 2);
        const auto forcedSnapshot = Snapshot::load(ctl.dataDir() + u"/snapshots/"_s + after.last());
        QVERIFY(forcedSnapshot);
        QCOMPARE(forcedSnapshot->groups.size(), 1);
        QCOMPARE(forcedSnapshot->groups.first().families.first().series.first().value, 6.0);
    }

    // prune and delete --match: a group in use again is skipped, no error.
    void pruneSkipsGroupsPushedSincePreview()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        QTest::qWait(50);
        const CtlRun run = ctl.onTerminalAfter({u"prune"_s, u"--older-than"_s, u"10ms"_s, u"--match"_s, u"{job=\"batch\"}"_s},
                                               [&] { QCOMPARE(gateway.push(Batch2, "again 1\n"), 200); }, "y");
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QByteArray("changed-since-preview " + Batch2.toUtf8())));
        QVERIFY2(run.out.contains("1 deleted, 1 changed-since-preview"), run.out.constData());
        QVERIFY(gateway.group(key(Batch2)));
        QVERIFY(!gateway.group(key(Batch1)));
    }

    // A pushed key carrying ESC[1A ESC[2K (cursor up, erase line) would
    // rewrite the preview on a terminal; every output escapes it.
    void controlCharactersCannotForgeThePreview()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        const GroupingKey forged = key(u"{job=\"batch\",instance=\"\\x1b[1A\\x1b[2Kinnocent\\u202e\"}"_s);
        QVERIFY(forged.value(u"instance").contains(QChar(0x1b)));
        QByteArray body;
        QCOMPARE(gateway.push(forged, "x{note=\"\x1b]0;title\x07\"} 1\n", true, &body), 200);
        Ctl ctl(gateway.url());
        const QList<QStringList> commands{
            {u"delete"_s, u"--match"_s, u"{job=\"batch\"}"_s, u"--dry-run"_s},
            {u"groups"_s},
            {u"groups"_s, u"--wide"_s},
            {u"show"_s, forged.toString()},
            {u"check"_s, u"-v"_s, u"--stale-after"_s, u"1ms"_s},
            {u"lint"_s},
            {u"delete"_s, u"{job=\"batch\",instance=\"\\x1b[2Knot-there\"}"_s, u"--yes"_s},
        };
        for (const QStringList &command : commands) {
            const CtlRun run = ctl(command);
            for (const QByteArray &output : {run.out, run.err}) {
                QVERIFY2(!output.contains('\x1b') && !output.contains('\x07') && !output.contains("\xe2\x80\xae"),
                         qPrintable(command.join(u' ') + u"\n"_s + run.describe()));
            }
        }
        const CtlRun preview = ctl(commands.first());
        QVERIFY2(preview.out.contains("{job=\"batch\",instance=\"\\x1b[1A\\x1b[2Kinnocent\\u202e\"}"), preview.out.constData());
        // The escaped key is the key: deleting it by what the preview shows works.
        const CtlRun byShown = ctl({u"delete"_s, forged.toString(), u"--yes"_s});
        QVERIFY2(byShown.exitCode == 0, qPrintable(byShown.describe()));
        QVERIFY(!gateway.group(forged));
        // JSON stays JSON (its own escapes), also for what it would not escape.
        QCOMPARE(gateway.push(forged, "x 1\n"), 200);
        const CtlRun json = ctl({u"groups"_s, u"--json"_s});
        QVERIFY(!json.out.contains('\x1b') && !json.out.contains("\xe2\x80\xae"));
        bool found = false;
        for (const QByteArray &line : json.out.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            found |= document.object().value(u"labels"_s).toObject().value(u"instance"_s).toString() == forged.value(u"instance");
        }
        QVERIFY(found);
    }

    // SIGINT during a bulk delete: sending stops, what was sent is verified
    // and audited, the exit code says it was interrupted.
    void interruptStopsSendingAndFinishesTheAudit()
    {
        LocalGatewayOptions options;
        options.consistencyCheck = false; // 3,000 pushes in a second, not a minute
        TestGateway gateway(options);
        QVERIFY(gateway.start());
        QList<GroupingKey> many;
        for (int i = 0; i < 3000; ++i)
            many.append(key(u"{job=\"bulk\",instance=\"i%1\"}"_s.arg(i)));
        for (qsizetype start = 0; start < many.size(); start += 64) {
            QList<QFuture<Result<PushResult>>> futures;
            for (qsizetype i = start; i < std::min(many.size(), start + 64); ++i)
                futures.append(gateway.client().push(many[i], "x 1\n", true));
            for (auto &future : futures)
                QVERIFY(awaitFuture(future));
        }
        QVERIFY(gateway.waitForGroups([](const QList<Group> &groups) { return groups.size() == 3000; }, 20000));
        Ctl ctl(gateway.url());
        QProcess process;
        process.setProcessEnvironment(ctl.environment());
        process.start(ctlBinary(), ctl.withGateway({u"delete"_s, u"--match"_s, u"{job=\"bulk\"}"_s, u"--yes"_s}));
        QVERIFY(process.waitForStarted());
        // Once the audit log shows the first acknowledged DELETE, interrupt.
        const QString auditPath = ctl.dataDir() + u"/audit.jsonl"_s;
        QElapsedTimer clock;
        clock.start();
        bool sending = false;
        while (!sending && clock.elapsed() < 60000 && process.state() == QProcess::Running) {
            QFile file(auditPath);
            if (file.open(QIODevice::ReadOnly))
                sending = file.readAll().contains("\"phase\":\"sent\"");
            if (!sending)
                QTest::qWait(5);
        }
        QVERIFY(sending);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData());
        QCOMPARE(process.exitCode(), 128 + SIGINT);
        QVERIFY2(err.contains("interrupted by SIGINT: sending stopped"), err.constData());
        QVERIFY2(out.contains("not-sent "), out.left(2000).constData());
        // Some were deleted and verified, the rest untouched.
        const auto left = gateway.groups();
        QVERIFY(left);
        QVERIFY2(left->size() > 0 && left->size() < 3000, qPrintable(QString::number(left->size())));
        AuditLog log(auditPath);
        const auto entries = log.read();
        QVERIFY(entries);
        QCOMPARE(entries->last().phase, u"result"_s);
        int deleted = 0;
        for (const AuditKeyOutcome &k : entries->last().keys)
            deleted += k.outcome == u"deleted"_s;
        QCOMPARE(deleted, 3000 - int(left->size()));
    }

    void confirmsOnTerminal()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const CtlRun no = ctl.onTerminal({u"delete"_s, SlashKey}, "n");
        QVERIFY2(no.exitCode == 77, qPrintable(no.describe()));
        QVERIFY2(no.err.contains("Delete 1 group from "), no.err.constData());
        QVERIFY(no.err.contains("[y/N]"));
        QVERIFY(no.err.contains("not confirmed"));
        QTest::qWait(200);
        QCOMPARE(gateway.groups()->size(), 4);

        const CtlRun yes = ctl.onTerminal({u"delete"_s, SlashKey}, "y");
        QVERIFY2(yes.exitCode == 0, qPrintable(yes.describe()));
        QVERIFY(yes.out.contains(QByteArray("deleted " + SlashKey.toUtf8())));
        QCOMPARE(gateway.groups()->size(), 3);
        QVERIFY(!gateway.group(key(SlashKey)));
    }

    void dryRunSendsNothing()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const auto before = gateway.groups();
        for (const QStringList &args : {QStringList{u"delete"_s, SlashKey, Batch1, u"--dry-run"_s},
                                        QStringList{u"delete"_s, u"--match"_s, u"{job=\"batch\"}"_s, u"--dry-run"_s, u"--yes"_s},
                                        QStringList{u"prune"_s, u"--older-than"_s, u"0.001"_s, u"--dry-run"_s, u"--yes"_s},
                                        QStringList{u"--read-only"_s, u"delete"_s, SlashKey, u"--dry-run"_s}}) {
            const CtlRun run = ctl(args);
            QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
            QVERIFY(run.out.contains("would delete"));
            QVERIFY(run.out.contains("dry run: nothing sent"));
        }
        QVERIFY(ctl({u"delete"_s, SlashKey, u"--dry-run"_s}).out.contains(SlashKey.toUtf8()));
        QTest::qWait(200);
        const auto after = gateway.groups();
        QCOMPARE(after->size(), before->size());
        for (const Group &g : *before)
            QCOMPARE(gateway.group(g.key)->pushTime, g.pushTime);
        // Nothing changed, so no undo snapshot either.
        QVERIFY(QDir(ctl.dataDir() + u"/snapshots"_s).entryList({u"*.json"_s}, QDir::Files).isEmpty());
    }

    void readOnlyRefuses()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        const CtlRun run = ctl({u"--read-only"_s, u"delete"_s, SlashKey, u"--yes"_s});
        QCOMPARE(run.exitCode, 77);
        QVERIFY2(run.err.contains("refusing to run \"delete\": read-only mode"), run.err.constData());
        QVERIFY(run.out.isEmpty()); // refused before reading anything
        const CtlRun prune = ctl({u"prune"_s, u"--older-than"_s, u"1s"_s, u"--yes"_s, u"--read-only"_s});
        QCOMPARE(prune.exitCode, 77);
        QCOMPARE(gateway.groups()->size(), 4);
    }

    void missingKeyDeletesNothing()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QVERIFY(seed(gateway));
        Ctl ctl(gateway.url());
        // {job="a/b"} is not {job="a/b",instance=""}: exact keys only, and
        // one missing key stops the whole command before anything is sent.
        const CtlRun run = ctl({u"delete"_s, Batch1, u"{job=\"a/b\"}"_s, u"--yes"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no group {job=\"a/b\"}"), run.err.constData());
        QVERIFY(run.err.contains(QByteArray("similar: " + SlashKey.toUtf8())));
        QVERIFY(run.err.contains("nothing deleted"));
        QTest::qWait(200);
        QCOMPARE(gateway.groups()->size(), 4);

        const CtlRun both = ctl({u"delete"_s, Batch1, u"--match"_s, u"{job=\"x\"}"_s});
        QCOMPARE(both.exitCode, 64);
        const CtlRun neither = ctl({u"delete"_s});
        QCOMPARE(neither.exitCode, 64);
        const CtlRun badKey = ctl({u"delete"_s, u"{job=\"a\""_s, u"--yes"_s});
        QCOMPARE(badKey.exitCode, 64);
        QVERIFY2(badKey.err.contains("invalid KEY {job=\"a\": column"), badKey.err.constData());
    }

    void pruneByAge()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(SlashKey, "x 1\n"), 200);
        QCOMPARE(gateway.push(Batch1, "x 1\n"), 200);
        QTest::qWait(1300);
        QCOMPARE(gateway.push(Batch2, "x 1\n"), 200);
        Ctl ctl(gateway.url());

        const CtlRun dry = ctl({u"prune"_s, u"--older-than"_s, u"1s"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QVERIFY(dry.out.contains("would delete 2 groups"));
        QVERIFY(!dry.out.contains(Batch2.toUtf8()));

        const CtlRun matched = ctl({u"prune"_s, u"--older-than"_s, u"1s"_s, u"--match"_s, u"{job=\"batch\"}"_s, u"--yes"_s});
        QVERIFY2(matched.exitCode == 0, qPrintable(matched.describe()));
        QCOMPARE(keys(gateway), (QStringList{SlashKey, Batch2}));

        const CtlRun rest = ctl({u"prune"_s, u"--older-than"_s, u"1s"_s, u"--yes"_s});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.describe()));
        QCOMPARE(keys(gateway), QStringList{Batch2});

        const CtlRun nothing = ctl({u"prune"_s, u"--older-than"_s, u"1h"_s, u"--yes"_s});
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY(nothing.out.contains("nothing to delete"));

        QCOMPARE(ctl({u"prune"_s, u"--yes"_s}).exitCode, 64); // --older-than is required
        const CtlRun badAge = ctl({u"prune"_s, u"--older-than"_s, u"1hour"_s});
        QCOMPARE(badAge.exitCode, 64);
        QVERIFY2(badAge.err.contains("--older-than: invalid duration \"1hour\" at column"), badAge.err.constData());
        QCOMPARE(keys(gateway), QStringList{Batch2});
    }

    void pruneFailedGroups()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"ok\"}"_s, "x 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"broken\"}"_s, "d 1\nd 2\n"), 400);
        Ctl ctl(gateway.url());
        // A group that never pushed successfully counts as infinitely old.
        const CtlRun run = ctl({u"prune"_s, u"--older-than"_s, u"1d"_s, u"--state"_s, u"failed"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(keys(gateway), QStringList{u"{job=\"ok\"}"_s});
    }
};

QTEST_GUILESS_MAIN(TestCtlDelete)
#include "tst_ctl_delete.moc"
