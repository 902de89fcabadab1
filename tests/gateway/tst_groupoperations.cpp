// GroupOperations against real gateways: touch, move, edit and push, push
// new, copy to another gateway, wipe and undo, with exact read-back of
// families (NaN, ±Inf, escapes, histograms, summaries), the gateway's own
// message when it rejects a push, and an audit log that cannot be written.

#include "operations/auditlog.h"
#include "core/awaitfuture.h"
#include "format/exposition.h"
#include "operations/groupoperations.h"
#include "operations/snapshot.h"
#include "builders.h"
#include "testgateway.h"
#include "format/expositioncheck.h"
#include "format/textdiff.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

const QByteArray VarietyText = "# HELP v help with \\\\ backslash and\\nnewline\n"
    "# TYPE v gauge\n"
    "v{i=\"0\",text=\"line\\nbreak \\\"quoted\\\" \\\\ slash/ü日本\"} NaN\n"
    "v{i=\"1\"} +Inf\n"
    "v{i=\"2\"} -Inf\n"
    "v{i=\"3\"} 0.1\n"
    "v{i=\"4\"} 1e-300\n"
    "v{i=\"5\"} 1.2345678901234567e+14\n"
    "# HELP h A histogram.\n"
    "# TYPE h histogram\n"
    "h_bucket{le=\"0.1\"} 1\n"
    "h_bucket{le=\"1\"} 2\n"
    "h_bucket{le=\"+Inf\"} 3\n"
    "h_sum 1.5\n"
    "h_count 3\n"
    "# TYPE s summary\n"
    "s{quantile=\"0.5\"} 0.2\n"
    "s{quantile=\"0.99\"} NaN\n"
    "s_sum 2\n"
    "s_count 4\n"
    "# TYPE requests counter\n"
    "requests 7\n";

bool contains(const QList<Group> &groups, const GroupingKey &k)
{
    return std::any_of(groups.cbegin(), groups.cend(), [&](const Group &g) { return g.key == k; });
}

// Everything that must stay untouched: key, times, state and families.
bool sameGroups(const QList<Group> &a, const QList<Group> &b)
{
    if (a.size() != b.size())
        return false;
    for (const Group &x : a) {
        auto it = std::find_if(b.cbegin(), b.cend(), [&](const Group &y) { return y.key == x.key; });
        if (it == b.cend() || it->pushTime != x.pushTime || it->pushFailureTime != x.pushFailureTime
            || it->lastPushSuccessful != x.lastPushSuccessful || !sameFamilies(it->families, x.families))
            return false;
    }
    return true;
}

// One gateway, one store, one log, and the operations on them.
struct Fixture
{
    explicit Fixture(LocalGatewayOptions options = {})
        : gateway(options)
    {
    }
    bool start()
    {
        if (!dir.isValid() || !gateway.start())
            return false;
        store = std::make_unique<SnapshotStore>(dir.filePath(u"snapshots"_s));
        log = std::make_unique<AuditLog>(dir.filePath(u"audit.jsonl"_s));
        ops = std::make_unique<GroupOperations>(&gateway.client());
        ops->setSnapshotStore(store.get());
        ops->setAuditLog(log.get());
        ops->setVerification(40, 50);
        return true;
    }
    QList<AuditEntry> audit() { return log->read().value(); }

    QTemporaryDir dir;
    TestGateway gateway;
    std::unique_ptr<SnapshotStore> store;
    std::unique_ptr<AuditLog> log;
    std::unique_ptr<GroupOperations> ops;
};

} // namespace

class TestGroupOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void touch()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey k = key(u"{job=\"t\",instance=\"a/b\"}"_s);
        QCOMPARE(f.gateway.push(k, VarietyText), 200);
        const auto before = f.gateway.group(k);
        QVERIFY(before);
        QTest::qWait(20);

        const auto result = awaitFuture(f.ops->touch(k));
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(result->verified);
        QVERIFY2(result->message.contains(u"stale data now looks fresh"_s), qPrintable(result->message));
        const auto after = f.gateway.group(k);
        QVERIFY(after);
        QVERIFY(after->pushTime > before->pushTime);
        QVERIFY(sameFamilies(after->families, before->families));
        QCOMPARE(result->after.pushTime, after->pushTime);

        // Touching a group that is not there would create an empty one: refused.
        const GroupingKey missing = key(u"{job=\"missing\"}"_s);
        const auto refused = awaitFuture(f.ops->touch(missing));
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorString().contains(u"no group {job=\"missing\"}"_s));
        QVERIFY(!contains(*f.gateway.groups(), missing));

        const auto audit = f.audit();
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit[0].action, u"touch"_s);
        QCOMPARE(audit[0].keys[0].outcome, u"touched"_s);
    }

    void moveAndUndo()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey from = key(u"{job=\"src\",instance=\"a/b\"}"_s);
        const GroupingKey to = key(u"{job=\"dst\",path=\"x/y\",who=\"ü\"}"_s);
        const GroupingKey bystander = key(u"{job=\"src\"}"_s);
        QCOMPARE(f.gateway.push(from, VarietyText), 200);
        QCOMPARE(f.gateway.push(bystander, "other 1\n"), 200);
        const auto original = f.gateway.group(from);
        const auto bystanderBefore = f.gateway.group(bystander);
        QVERIFY(original && bystanderBefore);

        const auto moved = awaitFuture(f.ops->move(from, to));
        QVERIFY2(moved.ok(), qPrintable(moved.errorString()));
        QVERIFY(moved->verified);
        QVERIFY(QFile::exists(moved->snapshotPath));

        auto groups = *f.gateway.groups();
        QVERIFY(!contains(groups, from));
        const auto target = f.gateway.group(to);
        QVERIFY(target);
        QVERIFY(sameFamilies(withoutKeyLabels(target->families, to),
                             withoutKeyLabels(original->families, from)));
        // The target's series carry the new key's labels.
        for (const auto &family : target->families)
            for (const auto &series : family.series)
                QVERIFY(series.labels.contains(LabelPair{u"path"_s, u"x/y"_s}));
        QVERIFY(sameGroups({*f.gateway.group(bystander)}, {*bystanderBefore}));

        // The snapshot holds the original exactly and knows what was created.
        const auto snapshot = Snapshot::load(moved->snapshotPath);
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->groups.size(), 1);
        QVERIFY(sameFamilies(snapshot->groups[0].families, original->families));
        QCOMPARE(snapshot->createdKeys, QList<GroupingKey>{to});

        // Undo: the original is back with exactly its families; the target is gone.
        const auto undone = awaitFuture(f.ops->undoLatest());
        QVERIFY2(undone.ok(), qPrintable(undone.errorString()));
        QVERIFY2(undone->ok(), qPrintable(undone->message));
        QVERIFY2(undone->message.contains(u"push time is now the time of this restore"_s), qPrintable(undone->message));
        QCOMPARE(undone->count(RestoreReport::Outcome::Restored), 1);
        QCOMPARE(undone->count(RestoreReport::Outcome::Removed), 1);
        groups = *f.gateway.groups();
        QVERIFY(!contains(groups, to));
        const auto restored = f.gateway.group(from);
        QVERIFY(restored);
        QVERIFY(sameFamilies(restored->families, original->families));
        QVERIFY(restored->pushTime > original->pushTime); // said plainly in the message
        QVERIFY(sameGroups({*f.gateway.group(bystander)}, {*bystanderBefore}));

        const auto audit = f.audit();
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit[0].action, u"move"_s);
        QCOMPARE(audit[1].action, u"restore"_s);
    }

    void moveRefusesAndKeepsTheOldGroup()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey m = key(u"{job=\"m\"}"_s);
        const GroupingKey taken = key(u"{job=\"taken\"}"_s);
        QCOMPARE(f.gateway.push(m, "x{env=\"a\"} 1\n"), 200);
        QCOMPARE(f.gateway.push(taken, "y 2\n"), 200);
        const auto before = *f.gateway.groups();

        // Onto an existing group without permission.
        auto result = awaitFuture(f.ops->move(m, taken));
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(u"already exists"_s), qPrintable(result.errorString()));
        // Onto a key that differs only by an empty label: would poison the gateway.
        result = awaitFuture(f.ops->move(m, key(u"{job=\"m\",instance=\"\"}"_s)));
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(u"differ only by empty labels"_s), qPrintable(result.errorString()));
        // Onto a key whose label would overwrite a series label.
        result = awaitFuture(f.ops->move(m, key(u"{job=\"n\",env=\"b\"}"_s)));
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(u"env=\"a\""_s), qPrintable(result.errorString()));
        // A group that is not there.
        result = awaitFuture(f.ops->move(key(u"{job=\"nope\"}"_s), key(u"{job=\"n\"}"_s)));
        QVERIFY(!result.ok());

        QVERIFY(sameGroups(*f.gateway.groups(), before));
        QVERIFY(f.store->list().isEmpty()); // refused before anything was saved
    }

    void moveKeepsTheOldGroupWhenTheSnapshotFails()
    {
        Fixture f;
        QVERIFY(f.start());
        SnapshotStore broken(u"/proc/pushdeck-cannot-write/snapshots"_s);
        f.ops->setSnapshotStore(&broken);
        const GroupingKey from = key(u"{job=\"keep\"}"_s);
        QCOMPARE(f.gateway.push(from, VarietyText), 200);
        const auto before = *f.gateway.groups();
        const auto result = awaitFuture(f.ops->move(from, key(u"{job=\"elsewhere\"}"_s)));
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(u"nothing was changed"_s), qPrintable(result.errorString()));
        QVERIFY(sameGroups(*f.gateway.groups(), before));
    }

    void rejectedPushReachesTheCallerAndChangesNothing()
    {
        Fixture f;
        QVERIFY(f.start());
        // `v` is a gauge in one group: the same name as a counter anywhere
        // else is rejected by the gateway's consistency check, although the
        // text itself is valid.
        const GroupingKey a = key(u"{job=\"a\"}"_s);
        const GroupingKey b = key(u"{job=\"b\"}"_s);
        QCOMPARE(f.gateway.push(a, "# TYPE v gauge\nv 1\n"), 200);
        QCOMPARE(f.gateway.push(b, "# TYPE w counter\nw 1\n"), 200);
        const auto before = *f.gateway.groups();

        const auto rejected = awaitFuture(f.ops->editAndPush(b, "# TYPE v counter\nv 5\n"));
        QVERIFY(!rejected.ok());
        QCOMPARE(rejected.error().kind, Error::Http);
        QCOMPARE(rejected.error().httpStatus, 400);
        // The gateway's own words.
        QVERIFY2(rejected.errorString().contains(u"pushed metrics are invalid or inconsistent with existing metrics"_s),
                 qPrintable(rejected.errorString()));
        QVERIFY2(rejected.errorString().contains(u"collected metric \"v\""_s), qPrintable(rejected.errorString()));
        const auto bAfter = f.gateway.group(b);
        QVERIFY(bAfter);
        const auto bBefore = std::find_if(before.cbegin(), before.cend(), [&](const Group &g) { return g.key == b; });
        QVERIFY(sameFamilies(bAfter->families, bBefore->families));
        QCOMPARE(bAfter->pushTime, bBefore->pushTime);
        // The gateway itself records the failure on the group (its
        // behaviour, not ours): last push failed, newer failure time.
        QVERIFY(!bAfter->lastPushSuccessful);
        QVERIFY(sameGroups({*f.gateway.group(a)}, {*std::find_if(before.cbegin(), before.cend(), [&](const Group &g) { return g.key == a; })}));
        QCOMPARE(f.audit().last().keys[0].outcome, u"rejected"_s);

        // pushNew to a new key, rejected: the gateway leaves an empty failed
        // group behind; it is removed again, so nothing changed at all.
        const GroupingKey fresh = key(u"{job=\"fresh\"}"_s);
        const auto before2 = *f.gateway.groups();
        const auto rejectedNew = awaitFuture(f.ops->pushNew(fresh, "# TYPE v counter\nv 5\n"));
        QVERIFY(!rejectedNew.ok());
        QVERIFY2(rejectedNew.errorString().contains(u"inconsistent with existing metrics"_s), qPrintable(rejectedNew.errorString()));
        QVERIFY(sameGroups(*f.gateway.groups(), before2));
    }

    // The audit log is on a full disk (/dev/full: ENOSPC, also for root):
    // a change that reached the gateway fails, saying that it was made; a
    // failure keeps its own error and adds the log's.
    void auditFailureIsTheOperationsError()
    {
        if (!QFileInfo::exists(u"/dev/full"_s))
            QSKIP("no /dev/full");
        Fixture f;
        QVERIFY(f.start());
        const QString path = f.dir.filePath(u"full.jsonl"_s);
        QVERIFY(QFile::link(u"/dev/full"_s, path));
        AuditLog full(path);
        f.ops->setAuditLog(&full);

        const GroupingKey k = key(u"{job=\"unaudited\"}"_s);
        const auto pushed = awaitFuture(f.ops->pushNew(k, "# TYPE v gauge\nv 1\n"));
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, Error::Process);
        QVERIFY2(pushed.errorString().startsWith(u"pushed the new group {job=\"unaudited\"}, but the audit log could not be written: "_s),
                 qPrintable(pushed.errorString()));
        QVERIFY2(pushed.errorString().contains(qt_error_string(ENOSPC)), qPrintable(pushed.errorString()));
        QVERIFY(contains(*f.gateway.groups(), k)); // the change is made

        // Rejected by the gateway: its words first, then the log's failure.
        QCOMPARE(f.gateway.push(key(u"{job=\"other\"}"_s), "# TYPE w counter\nw 1\n"), 200);
        const auto rejected = awaitFuture(f.ops->editAndPush(k, "# TYPE w gauge\nw 5\n"));
        QVERIFY(!rejected.ok());
        QCOMPARE(rejected.error().kind, Error::Http);
        QVERIFY2(rejected.errorString().contains(u"inconsistent with existing metrics"_s), qPrintable(rejected.errorString()));
        QVERIFY2(rejected.errorString().contains(u"; the audit log could not be written either: "_s), qPrintable(rejected.errorString()));
        QVERIFY(f.audit().isEmpty()); // the readable log got nothing of this
    }

    void editAndPushWithDiffAndUndo()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey k = key(u"{job=\"edit\",instance=\"\"}"_s);
        QCOMPARE(f.gateway.push(k, VarietyText), 200);
        const auto original = f.gateway.group(k);
        QVERIFY(original);

        // What an editor shows, and the diff against an edit.
        const QByteArray current = groupExposition(*original);
        QVERIFY(current.contains("v{i=\"1\"} +Inf"));
        QByteArray edited = current;
        edited.replace("v{i=\"3\"} 0.1", "v{i=\"3\"} 0.25");
        edited.append("# TYPE added gauge\nadded{k=\"x\\\\y\"} -Inf\n");
        const QString diff = unifiedDiff(current, edited);
        QVERIFY2(diff.contains(u"-v{i=\"3\"} 0.1\n+v{i=\"3\"} 0.25\n"_s), qPrintable(diff));
        QVERIFY(diff.contains(u"+added{k=\"x\\\\y\"} -Inf\n"_s));

        // Invalid text: a clear position, nothing sent.
        const auto invalid = awaitFuture(f.ops->editAndPush(k, "ok 1\nbad{label=\"x} 1\n"));
        QVERIFY(!invalid.ok());
        QCOMPARE(invalid.error().kind, Error::Parse);
        QCOMPARE(invalid.error().line, 2);
        QVERIFY(invalid.error().column > 0);
        QVERIFY(sameGroups({*f.gateway.group(k)}, {*original}));

        const auto pushed = awaitFuture(f.ops->editAndPush(k, edited));
        QVERIFY2(pushed.ok(), qPrintable(pushed.errorString()));
        QVERIFY2(pushed->verified, qPrintable(pushed->message));
        const auto expected = parseExposition(edited);
        QVERIFY(expected.ok());
        const auto now = f.gateway.group(k);
        QVERIFY(sameFamilies(withoutKeyLabels(now->families, k), withoutKeyLabels(*expected, k)));

        // Undo restores the exact original families.
        const auto undone = awaitFuture(f.ops->undoLatest());
        QVERIFY2(undone.ok() && undone->ok(), qPrintable(undone.ok() ? undone->message : undone.errorString()));
        QCOMPARE(undone->count(RestoreReport::Outcome::Replaced), 1);
        QVERIFY(sameFamilies(f.gateway.group(k)->families, original->families));

        // An edit of a group that is not there is refused.
        QVERIFY(!awaitFuture(f.ops->editAndPush(key(u"{job=\"none\"}"_s), "x 1\n")).ok());
    }

    void pushNewAndUndoRemovesIt()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey k = key(u"{job=\"new\",path=\"/var/lib\"}"_s);
        // A series label that contradicts the key is refused before sending.
        auto refused = awaitFuture(f.ops->pushNew(k, "x{path=\"/other\"} 1\n"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorString().contains(u"grouping key says path=\"/var/lib\""_s), qPrintable(refused.errorString()));
        QVERIFY(f.gateway.groups()->isEmpty());

        const auto pushed = awaitFuture(f.ops->pushNew(k, VarietyText));
        QVERIFY2(pushed.ok(), qPrintable(pushed.errorString()));
        QVERIFY(pushed->verified);
        QVERIFY(contains(*f.gateway.groups(), k));
        // POST adds a family and keeps the others.
        const auto posted = awaitFuture(f.ops->pushNew(k, "# TYPE extra gauge\nextra 3\n", false));
        QVERIFY2(posted.ok() && posted->verified, qPrintable(posted.ok() ? posted->message : posted.errorString()));
        QCOMPARE(f.gateway.group(k)->families.size(), 5);

        // Undo the POST (restores the 4 families), then undo the push (removes the group).
        auto undone = awaitFuture(f.ops->undoLatest());
        QVERIFY(undone.ok() && undone->ok());
        QCOMPARE(f.gateway.group(k)->families.size(), 4);
        QVERIFY(f.store->remove(f.store->latest()->fileName).ok()); // the restore's own snapshot
        QVERIFY(f.store->remove(f.store->latest()->fileName).ok()); // the POST's, used
        undone = awaitFuture(f.ops->undoLatest());
        QVERIFY(undone.ok() && undone->ok());
        QCOMPARE(undone->count(RestoreReport::Outcome::Removed), 1);
        QVERIFY(f.gateway.groups()->isEmpty());

        // Creating a key that collides with an existing one only by an
        // empty label is refused.
        QCOMPARE(f.gateway.push(key(u"{job=\"x\"}"_s), "a 1\n"), 200);
        refused = awaitFuture(f.ops->pushNew(key(u"{job=\"x\",instance=\"\"}"_s), "a 1\n"));
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorString().contains(u"differ only by empty labels"_s));
    }

    void copyToAnotherGateway()
    {
        Fixture f;
        QVERIFY(f.start());
        TestGateway other;
        QVERIFY(other.start());
        const GroupingKey k = key(u"{job=\"copy\",instance=\"ü/1\"}"_s);
        QCOMPARE(f.gateway.push(k, VarietyText), 200);
        const auto original = f.gateway.group(k);

        const auto copied = awaitFuture(f.ops->copyToGateway(k, &other.client()));
        QVERIFY2(copied.ok(), qPrintable(copied.errorString()));
        QVERIFY(copied->verified);
        const auto there = other.group(k);
        QVERIFY(there);
        QVERIFY(sameFamilies(there->families, original->families));
        QVERIFY(sameGroups({*f.gateway.group(k)}, {*original})); // the source is untouched

        // Again: it exists now, so it is refused unless overwriting.
        QVERIFY(!awaitFuture(f.ops->copyToGateway(k, &other.client())).ok());
        const auto again = awaitFuture(f.ops->copyToGateway(k, &other.client(), {}, true));
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        // Under another key.
        const GroupingKey renamed = key(u"{job=\"copy2\"}"_s);
        QVERIFY(awaitFuture(f.ops->copyToGateway(k, &other.client(), renamed)).ok());
        QVERIFY(sameFamilies(withoutKeyLabels(other.group(renamed)->families, renamed),
                             withoutKeyLabels(original->families, k)));
        // The snapshot points at the target gateway, where undo acts.
        const auto snapshot = f.store->load(f.store->latest()->path);
        QCOMPARE(snapshot->gatewayUrl, other.url().toString());
    }

    void wipe()
    {
        {
            LocalGatewayOptions options;
            options.adminApi = false;
            Fixture f(options);
            QVERIFY(f.start());
            QCOMPARE(f.gateway.push(key(u"{job=\"keep\"}"_s), "a 1\n"), 200);
            const auto refused = awaitFuture(f.ops->wipe());
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, Error::Invalid);
            QVERIFY2(refused.errorString().contains(u"admin API is off"_s), qPrintable(refused.errorString()));
            QCOMPARE(f.gateway.groups()->size(), 1);
            QVERIFY(f.store->list().isEmpty());
        }
        Fixture f;
        QVERIFY(f.start());
        QCOMPARE(f.gateway.push(key(u"{job=\"a\"}"_s), VarietyText), 200);
        QCOMPARE(f.gateway.push(key(u"{job=\"a\",instance=\"x\"}"_s), "b 2\n"), 200);
        QCOMPARE(f.gateway.push(key(u"{job=\"c/d\",instance=\"\"}"_s), "c NaN\n"), 200);
        const auto before = *f.gateway.groups();
        const auto wiped = awaitFuture(f.ops->wipe());
        QVERIFY2(wiped.ok(), qPrintable(wiped.errorString()));
        QVERIFY(wiped->verified);
        QVERIFY(f.gateway.groups()->isEmpty());
        const auto snapshot = Snapshot::load(wiped->snapshotPath);
        QCOMPARE(snapshot->groups.size(), 3);

        // Undo brings every group back with its exact families.
        const auto undone = awaitFuture(f.ops->restore(*snapshot));
        QVERIFY2(undone.ok() && undone->ok(), qPrintable(undone.ok() ? undone->message : undone.errorString()));
        QCOMPARE(undone->count(RestoreReport::Outcome::Restored), 3);
        const auto after = *f.gateway.groups();
        QCOMPARE(after.size(), 3);
        for (const Group &g : before) {
            auto it = std::find_if(after.cbegin(), after.cend(), [&](const Group &x) { return x.key == g.key; });
            QVERIFY(it != after.cend());
            QVERIFY(sameFamilies(it->families, g.families));
        }
    }

    // Item 5: the gateway keeps g{a="",b="x"} with its a="" and a -0 with
    // its sign; a restore pushes them back so that the read-back is the
    // same, and reports restored, not failed.
    void restoreKeepsEmptyLabelValuesAndNegativeZero()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey k = key(u"{job=\"empty\"}"_s);
        QCOMPARE(f.gateway.push(k, "g{a=\"\",b=\"x\"} 1\ng{a=\"y\",b=\"x\"} 2\nz -0\n"), 200);
        const auto saved = f.gateway.group(k);
        QVERIFY(saved);
        Snapshot snapshot;
        snapshot.created = QDateTime::currentDateTimeUtc();
        snapshot.action = u"bulk-delete"_s;
        snapshot.groups.append(*saved);
        QVERIFY(awaitFuture(f.gateway.client().deleteGroup(k)).ok());
        QVERIFY(f.gateway.waitForGroups([](const QList<Group> &groups) { return groups.isEmpty(); }));
        const auto report = awaitFuture(f.ops->restore(snapshot));
        QVERIFY2(report.ok() && report->ok(), qPrintable(report.ok() ? report->message : report.errorString()));
        QCOMPARE(report->count(RestoreReport::Outcome::Restored), 1);
        const auto back = f.gateway.group(k);
        QVERIFY(back);
        QVERIFY(sameFamilies(back->families, saved->families));
        bool negativeZero = false;
        for (const MetricFamily &family : back->families) {
            if (family.name == u"z"_s)
                negativeZero = family.series.first().value == 0 && std::signbit(family.series.first().value);
        }
        QVERIFY(negativeZero);
    }

    // Item 12: undoing a group whose last push had failed does not turn it
    // into a successful one silently: it is restored in that state.
    void restoreKeepsAFailedLastPush()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey k = key(u"{job=\"failing\"}"_s);
        QCOMPARE(f.gateway.push(k, "a 1\n"), 200);
        QCOMPARE(f.gateway.push(k, "a 2 1700000000000\n"), 400); // a timestamp: refused, the push failed
        const auto saved = f.gateway.group(k);
        QVERIFY(saved);
        QVERIFY(!saved->lastPushSuccessful);
        Snapshot snapshot;
        snapshot.created = QDateTime::currentDateTimeUtc();
        snapshot.action = u"bulk-delete"_s;
        snapshot.groups.append(*saved);
        QVERIFY(awaitFuture(f.gateway.client().deleteGroup(k)).ok());
        QVERIFY(f.gateway.waitForGroups([](const QList<Group> &groups) { return groups.isEmpty(); }));
        const auto report = awaitFuture(f.ops->restore(snapshot));
        QVERIFY2(report.ok() && report->ok(), qPrintable(report.ok() ? report->message : report.errorString()));
        QCOMPARE(report->count(RestoreReport::Outcome::Restored), 1);
        QVERIFY2(report->items.first().error.contains(u"its last push had failed"_s), qPrintable(report->items.first().error));
        QVERIFY2(report->message.contains(u"had a failed last push"_s), qPrintable(report->message));
        const auto back = f.gateway.group(k);
        QVERIFY(back);
        QVERIFY(!back->lastPushSuccessful);
        QVERIFY(sameFamilies(back->families, saved->families));
    }

    void restoreSkipsExistingWhenAsked()
    {
        Fixture f;
        QVERIFY(f.start());
        const GroupingKey k = key(u"{job=\"r\"}"_s);
        QCOMPARE(f.gateway.push(k, "a 1\n"), 200);
        Snapshot snapshot;
        snapshot.created = QDateTime::currentDateTimeUtc();
        snapshot.action = u"bulk-delete"_s;
        Group old = *f.gateway.group(k);
        old.families[0].series[0].value = 99;
        snapshot.groups.append(old);
        RestoreOptions options;
        options.replaceExisting = false;
        const auto report = awaitFuture(f.ops->restore(snapshot, options));
        QVERIFY(report.ok());
        QCOMPARE(report->count(RestoreReport::Outcome::Skipped), 1);
        QCOMPARE(f.gateway.group(k)->families[0].series[0].value, 1.0);
    }

    void diff_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equal") << QByteArray("a 1\n") << QByteArray("a 1\n") << QString();
        QTest::newRow("one change") << QByteArray("a 1\nb 2\nc 3\n") << QByteArray("a 1\nb 5\nc 3\n")
                                    << u"--- current\n+++ new\n@@ -1,3 +1,3 @@\n a 1\n-b 2\n+b 5\n c 3\n"_s;
        QTest::newRow("from empty") << QByteArray() << QByteArray("x 1\n") << u"--- current\n+++ new\n@@ -0,0 +1,1 @@\n+x 1\n"_s;
        QTest::newRow("to empty") << QByteArray("x 1\n") << QByteArray() << u"--- current\n+++ new\n@@ -1,1 +0,0 @@\n-x 1\n"_s;
        QByteArray longOld, longNew;
        for (int i = 0; i < 20; ++i) {
            longOld += "l" + QByteArray::number(i) + "\n";
            longNew += (i == 2 || i == 17 ? "X" : "l") + QByteArray::number(i) + "\n";
        }
        QTest::newRow("two hunks, context 3")
            << longOld << longNew
            << u"--- current\n+++ new\n@@ -1,6 +1,6 @@\n l0\n l1\n-l2\n+X2\n l3\n l4\n l5\n"
               "@@ -15,6 +15,6 @@\n l14\n l15\n l16\n-l17\n+X17\n l18\n l19\n"_s;
    }

    void diff()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        QFETCH(QString, expected);
        QCOMPARE(unifiedDiff(oldText, newText), expected);
    }
};

QTEST_GUILESS_MAIN(TestGroupOperations)
#include "tst_groupoperations.moc"
