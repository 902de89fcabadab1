// pushdeckctl snapshot save/restore/list and wipe against real gateways:
// an exact round trip (NaN, +Inf, help, `/` and empty key values) through a
// file, restore --dry-run sending nothing, confirmation before replacing,
// undo snapshots written before wipe and delete, and wipe refused with a
// clear message when the admin API is off.

#include "builders.h"
#include "core/awaitfuture.h"
#include "ctlrunner.h"
#include "format/expositioncheck.h"
#include "operations/snapshot.h"
#include "testgateway.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

class Ctl
{
public:
    explicit Ctl(QUrl gateway) : m_gateway(std::move(gateway)) {}
    CtlRun operator()(const QStringList &arguments) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_data.path());
        env.remove(u"PUSHDECK_READ_ONLY"_s);
        return runCtl(QStringList{u"--gateway"_s, m_gateway.toString()} + arguments, {}, env);
    }
    QString path(const QString &name) const { return m_data.filePath(name); }

private:
    QUrl m_gateway;
    QTemporaryDir m_data;
};

const QString SlashKey = u"{job=\"a/b\",instance=\"\"}"_s;
const QString OtherKey = u"{job=\"other\",path=\"/x y\"}"_s;
const QByteArray Text = "# HELP v A \\\\ value.\\nsecond line\n# TYPE v gauge\nv{x=\"1\"} NaN\nv{x=\"2\"} -Inf\nv{x=\"3\"} 1e-300\n"
                        "# TYPE s summary\ns{quantile=\"0.5\"} 0.2\ns_sum 2\ns_count 4\n";

bool sameContent(const Group &a, const Group &b)
{
    return sameFamilies(withoutKeyLabels(a.families, a.key),
                        withoutKeyLabels(b.families, b.key));
}

} // namespace

class TestCtlSnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saveAndRestore()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(SlashKey, Text), 200);
        QCOMPARE(gateway.push(OtherKey, "x 1\n"), 200);
        QCOMPARE(gateway.push(u"{job=\"skip\"}"_s, "x 1\n"), 200);
        const auto original = gateway.groups();

        const QString file = ctl.path(u"snap.json"_s);
        const CtlRun save = ctl({u"snapshot"_s, u"save"_s, file, u"--match"_s, u"{job!=\"skip\"}"_s, u"--note"_s, u"before cleanup"_s});
        QVERIFY2(save.exitCode == 0, qPrintable(save.describe()));
        QVERIFY(save.out.contains(QByteArray("saved 2 groups to " + file.toUtf8())));
        const auto snapshot = Snapshot::load(file);
        QVERIFY2(snapshot, qPrintable(snapshot.errorString()));
        QCOMPARE(snapshot->groups.size(), 2);
        QCOMPARE(snapshot->note, u"before cleanup"_s);

        // Change one group and delete the other.
        QCOMPARE(gateway.push(SlashKey, "changed 1\n"), 200);
        QCOMPARE(gateway.deleteGroup(key(OtherKey)), 202);
        QVERIFY(gateway.waitForGroups([](const QList<Group> &g) { return g.size() == 2; }));

        // Dry run: the plan, nothing sent.
        const CtlRun dry = ctl({u"snapshot"_s, u"restore"_s, file, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QVERIFY(dry.out.contains("would restore 2 groups"));
        QVERIFY2(dry.out.contains(QByteArray("replace  " + SlashKey.toUtf8())), dry.out.constData());
        QVERIFY(dry.out.contains(QByteArray("create   " + key(OtherKey).toString().toUtf8())));
        QVERIFY(dry.out.contains("dry run: nothing sent"));
        QTest::qWait(200);
        QVERIFY(!gateway.group(key(OtherKey)));

        // Replacing an existing group needs a confirmation.
        const CtlRun refused = ctl({u"snapshot"_s, u"restore"_s, file});
        QCOMPARE(refused.exitCode, 77);
        QVERIFY(refused.err.contains("--yes"));
        QVERIFY(!gateway.group(key(OtherKey)));
        const CtlRun readOnly = ctl({u"--read-only"_s, u"snapshot"_s, u"restore"_s, file, u"--yes"_s});
        QCOMPARE(readOnly.exitCode, 77);

        const CtlRun restore = ctl({u"snapshot"_s, u"restore"_s, file, u"--yes"_s});
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.describe()));
        QVERIFY(restore.out.contains(QByteArray("replaced " + SlashKey.toUtf8())));
        QVERIFY(restore.out.contains("push time"));
        for (const Group &before : *original) {
            const auto now = gateway.group(before.key);
            QVERIFY2(now, qPrintable(before.key.toString()));
            QVERIFY2(sameContent(before, *now), qPrintable(before.key.toString())); // exact: NaN, -Inf, 1e-300, help
        }

        // --skip-existing leaves existing groups alone, no question asked.
        QCOMPARE(gateway.push(SlashKey, "changed 2\n"), 200);
        const CtlRun skip = ctl({u"snapshot"_s, u"restore"_s, file, u"--skip-existing"_s});
        QVERIFY2(skip.exitCode == 0, qPrintable(skip.describe()));
        QCOMPARE(gateway.group(key(SlashKey))->families.first().name, u"changed"_s);
    }

    void fileErrors()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const CtlRun missing = ctl({u"snapshot"_s, u"restore"_s, u"/nonexistent/snap.json"_s, u"--yes"_s});
        QCOMPARE(missing.exitCode, 66);
        QFile bad(ctl.path(u"bad.json"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\":\"something else\"}");
        bad.close();
        const CtlRun invalid = ctl({u"snapshot"_s, u"restore"_s, bad.fileName(), u"--yes"_s});
        QCOMPARE(invalid.exitCode, 65);
        QVERIFY(invalid.err.startsWith("pushdeckctl: cannot restore "));
        QCOMPARE(invalid.err.count('\n'), 1);
        // Below a regular file: no directory can be made there, even as root.
        const CtlRun unwritable = ctl({u"snapshot"_s, u"save"_s, bad.fileName() + u"/snap.json"_s});
        QCOMPARE(unwritable.exitCode, 73);
        QCOMPARE(ctl({u"snapshot"_s}).exitCode, 64);
        QCOMPARE(ctl({u"snapshot"_s, u"save"_s}).exitCode, 64);
        QCOMPARE(ctl({u"snapshot"_s, u"frobnicate"_s, u"x"_s}).exitCode, 64);
    }

    // `-` is stdout; a device is written, never replaced by a file (as root
    // a rename would have put a regular file at /dev/null); a write error
    // names the OS reason.
    void saveToStdoutAndDevices()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(SlashKey, Text), 200);
        const CtlRun toStdout = ctl({u"snapshot"_s, u"save"_s, u"-"_s});
        QVERIFY2(toStdout.exitCode == 0, qPrintable(toStdout.describe()));
        const auto parsed = Snapshot::fromJson(toStdout.out);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString() + u"\n"_s + toStdout.describe()));
        QCOMPARE(parsed->groups.size(), 1);
        QVERIFY2(toStdout.err.isEmpty(), toStdout.err.constData()); // data on stdout, nothing on stderr
        QVERIFY(!QFileInfo::exists(u"-"_s));

        const CtlRun toNull = ctl({u"snapshot"_s, u"save"_s, u"/dev/null"_s});
        QVERIFY2(toNull.exitCode == 0, qPrintable(toNull.describe()));
        QVERIFY(QFileInfo(u"/dev/null"_s).exists() && !QFileInfo(u"/dev/null"_s).isFile());

        const CtlRun toFull = ctl({u"snapshot"_s, u"save"_s, u"/dev/full"_s});
        QCOMPARE(toFull.exitCode, 73);
        QVERIFY2(toFull.err.contains("No space left on device"), toFull.err.constData());
        QVERIFY(!QFileInfo(u"/dev/full"_s).isFile());
    }

    // Item 11: restore --dry-run refuses what the real run would refuse
    // (here a family whose type differs from the same family in a group
    // that stays: the gateway answers 400); against a dead gateway: 69.
    void restoreDryRunValidatesLikeTheRealRun()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(u"{job=\"gone\"}"_s, "# TYPE x counter\nx 1\n"), 200);
        const QString file = ctl.path(u"snap.json"_s);
        QCOMPARE(ctl({u"snapshot"_s, u"save"_s, file}).exitCode, 0);
        QVERIFY(awaitFuture(gateway.client().deleteGroup(key(u"{job=\"gone\"}"_s))).ok());
        QVERIFY(gateway.waitForGroups([](const QList<Group> &groups) { return groups.isEmpty(); }));
        QCOMPARE(gateway.push(u"{job=\"keep\"}"_s, "# TYPE x gauge\nx 2\n"), 200);

        const CtlRun dry = ctl({u"snapshot"_s, u"restore"_s, file, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 1, qPrintable(dry.describe()));
        QVERIFY2(dry.out.contains("the gateway would refuse it: family x is a counter here, but a gauge in {job=\"keep\"}"),
                 dry.out.constData());
        QVERIFY(dry.err.contains("the gateway would refuse 1 group"));
        // And the real run does refuse it.
        const CtlRun real = ctl({u"snapshot"_s, u"restore"_s, file, u"--yes"_s});
        QCOMPARE(real.exitCode, 1);
        QVERIFY(!gateway.group(key(u"{job=\"gone\"}"_s)));

        const CtlRun dead = Ctl(QUrl(u"http://127.0.0.1:1"_s))({u"snapshot"_s, u"restore"_s, file, u"--yes"_s});
        QVERIFY2(dead.exitCode == 69, qPrintable(dead.describe()));
    }

    // Item 11: retention for the undo snapshots.
    void pruneKeepsTheNewest()
    {
        TestGateway gateway;
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        const SnapshotStore store(ctl.path(u"PushDeck/pushdeck/snapshots"_s));
        QStringList paths;
        for (int i = 0; i < 4; ++i) {
            Snapshot snapshot;
            snapshot.action = u"delete"_s;
            // Two of them ten days old.
            snapshot.created = QDateTime::currentDateTimeUtc().addDays(i < 2 ? -10 : 0).addSecs(i);
            const auto saved = store.save(snapshot);
            QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
            paths.append(*saved);
        }
        QCOMPARE(store.list().size(), 4);
        QCOMPARE(ctl({u"snapshot"_s, u"prune"_s}).exitCode, 64);
        QCOMPARE(ctl({u"snapshot"_s, u"prune"_s, u"--keep"_s, u"-1"_s}).exitCode, 64);
        const CtlRun dry = ctl({u"snapshot"_s, u"prune"_s, u"--older-than"_s, u"7d"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0 && dry.out.contains("dry run: would remove 2 snapshots, kept 2"), qPrintable(dry.describe()));
        QCOMPARE(store.list().size(), 4);
        const CtlRun old = ctl({u"snapshot"_s, u"prune"_s, u"--older-than"_s, u"7d"_s});
        QVERIFY2(old.exitCode == 0 && old.out.contains("removed 2 snapshots, kept 2"), qPrintable(old.describe()));
        QVERIFY(!QFileInfo::exists(paths[0]) && !QFileInfo::exists(paths[1]));
        const CtlRun keep = ctl({u"snapshot"_s, u"prune"_s, u"--keep"_s, u"1"_s});
        QVERIFY2(keep.exitCode == 0 && keep.out.contains("removed 1 snapshot, kept 1"), qPrintable(keep.describe()));
        QCOMPARE(store.list().size(), 1);
        QCOMPARE(store.list().first().path, paths[3]); // the newest stays
    }

    void wipe()
    {
        TestGateway gateway; // admin API on
        QVERIFY(gateway.start());
        Ctl ctl(gateway.url());
        QCOMPARE(gateway.push(SlashKey, Text), 200);
        QCOMPARE(gateway.push(OtherKey, "x 1\n"), 200);

        const CtlRun noYes = ctl({u"wipe"_s});
        QCOMPARE(noYes.exitCode, 77);
        QVERIFY(noYes.out.contains("will delete all 2 groups"));
        const CtlRun dry = ctl({u"wipe"_s, u"--dry-run"_s});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains("would delete all 2 groups"));
        const CtlRun readOnly = ctl({u"wipe"_s, u"--yes"_s, u"--read-only"_s});
        QCOMPARE(readOnly.exitCode, 77);
        QTest::qWait(200);
        QCOMPARE(gateway.groups()->size(), 2);

        const CtlRun run = ctl({u"wipe"_s, u"--yes"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(gateway.groups()->isEmpty()); // verified by the CLI already

        // The undo snapshot is listed and brings everything back.
        const CtlRun list = ctl({u"snapshot"_s, u"list"_s});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY(list.out.startsWith("CREATED"));
        QVERIFY(list.out.contains("wipe"));
        const QByteArray line = list.out.split('\n').value(1);
        const QString file = QString::fromUtf8(line.mid(line.lastIndexOf(' ') + 1));
        QVERIFY2(file.endsWith(u".json"_s), line.constData());
        const CtlRun undo = ctl({u"snapshot"_s, u"restore"_s, file});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.describe())); // nothing to replace: no question
        QCOMPARE(gateway.groups()->size(), 2);
    }

    void wipeRefusedWithoutAdminApi()
    {
        LocalGatewayOptions options;
        options.adminApi = false;
        TestGateway gateway(options);
        QVERIFY(gateway.start());
        QCOMPARE(gateway.push(u"{job=\"x\"}"_s, "x 1\n"), 200);
        const CtlRun run = Ctl(gateway.url())({u"wipe"_s, u"--yes"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("the admin API is not enabled"), run.err.constData());
        QVERIFY(run.err.contains("--web.enable-admin-api"));
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.out.isEmpty()); // refused before any preview or question
        QCOMPARE(gateway.groups()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCtlSnapshot)
#include "tst_ctl_snapshot.moc"
