#pragma once
// The single-group actions on a gateway besides delete: touch, move to
// another key, edit and push, copy to another gateway, push a new group,
// wipe, and restore (undo) from a snapshot. Each is asynchronous like
// GatewayClient, writes an undo snapshot before it changes or removes
// anything, verifies its effect by reading the gateway back, and audits.
//
// Safety rules every operation keeps:
//  - Text is validated with validateForPush before anything is sent (Parse
//    errors carry line and column); a rejected push returns the gateway's
//    own message (Error::Http with the body's first line) and changes
//    nothing.
//  - A push that would create a second key differing from an existing one
//    only by empty-valued labels is refused: the gateway would reject every
//    push afterwards (see gateway-notes).
//  - move deletes the old group only after the new one read back with the
//    same families; if anything before that fails, the old group stays.
//  - An audit entry that cannot be written makes the operation fail, with
//    a message that says what was done anyway ("moved … to …, but the
//    audit log could not be written: …"), or, when it failed already, its
//    error with the audit failure added.

#include "gateway/gatewayclient.h"
#include "core/metrics.h"
#include "operations/snapshot.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace PushDeck {

class AuditLog;
struct AuditEntry;
class SnapshotStore;

struct OperationResult
{
    QString message;       // for people: what was done (and what to watch out for)
    QString snapshotPath;  // undo snapshot written before the action, if any
    Group after;           // the group as read back after the action (when one remains)
    // The read-back matched what was pushed. A push the gateway accepted but
    // stores differently (e.g. `c_total` under `# TYPE c counter` becomes an
    // untyped family) is still a success, with verified = false and the
    // difference in `message`.
    bool verified = true;
};

struct RestoreOptions
{
    // Groups that exist now are replaced by the snapshot's content (undo
    // means "as it was"). false: they are skipped and reported as such.
    bool replaceExisting = true;
    // Delete the keys the action created (Snapshot::createdKeys), e.g. the
    // target of a move, so that undo really reverts.
    bool deleteCreatedKeys = true;
    // A group saved with a failed last push is restored failed: after its
    // PUT a push the gateway refuses (FailedStateMarker) records a failure,
    // so alerts on last_push_successful see it as before (with the time of
    // the restore). false: it is restored as a successful push.
    bool keepFailedState = true;
};

struct RestoreReport
{
    enum class Outcome { Restored, Replaced, Skipped, Failed, Removed };
    struct Item
    {
        GroupingKey key;
        Outcome outcome = Outcome::Failed;
        QString error;
    };
    QList<Item> items;     // snapshot groups first, then removed created keys
    // Always says plainly that the push time of restored groups is now the
    // time of the restore, not the original one.
    QString message;

    int count(Outcome outcome) const;
    bool ok() const;       // nothing failed
};
QString restoreOutcomeName(RestoreReport::Outcome outcome); // "restored", ...

// What a restore will do, decided before anything is sent (also what
// `snapshot restore --dry-run` shows): per snapshot group Restored,
// Replaced, Skipped, or Failed with the reason the gateway would refuse it
// (a key colliding by empty labels, text it would not parse, a family whose
// type differs from the same family in a group that stays); and the created
// keys to remove.
struct RestorePlan
{
    QList<RestoreReport::Item> items; // one per snapshot group, in order
    QList<GroupingKey> remove;
};

class GroupOperations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupOperations)
public:
    // The client must outlive this object; everything runs on its thread.
    explicit GroupOperations(GatewayClient *client, QObject *parent = nullptr);
    ~GroupOperations() override;

    // Optional, not owned. Without a store no undo snapshot is written.
    void setSnapshotStore(SnapshotStore *store) { m_store = store; }
    void setAuditLog(AuditLog *log) { m_audit = log; }
    // Read-back verification: reads until the expected state shows, at most
    // `reads` times `delayMs` apart (the gateway applies writes from a queue).
    void setVerification(int reads, int delayMs);

    // POST with an empty body: only push_time_seconds changes.
    // WARNING (repeated in the result message): this makes stale data look
    // fresh to every dashboard and alert that watches the push time.
    QFuture<Result<OperationResult>> touch(const GroupingKey &key);

    // Pushes the group's families (key labels replaced by the new key's) to
    // `to` with PUT, reads back until the new group has the same families,
    // then deletes `from` and verifies it is gone. `to` must not exist
    // unless `overwrite` (then its content goes into the snapshot too).
    QFuture<Result<OperationResult>> move(const GroupingKey &from, const GroupingKey &to, bool overwrite = false);

    // Validates `text`, snapshots the current group, pushes (PUT when
    // `replace`, else POST) and verifies the read-back families.
    QFuture<Result<OperationResult>> editAndPush(const GroupingKey &key, const QByteArray &text, bool replace = true);

    // Pushes a new group (or replaces/updates one: its old content is
    // snapshotted, and a group that did not exist is recorded as created so
    // undo deletes it).
    QFuture<Result<OperationResult>> pushNew(const GroupingKey &key, const QByteArray &text, bool replace = true);

    // Copies the group from this gateway to `target` (same key unless
    // `targetKey` is valid), verified there. Refuses to overwrite an existing
    // group on the target unless `overwrite`.
    QFuture<Result<OperationResult>> copyToGateway(const GroupingKey &key, GatewayClient *target,
                                                   const GroupingKey &targetKey = {}, bool overwrite = false);
    // The same to a gateway by URL: the client for it (with `targetOptions`
    // only: this gateway's credentials never go to another one) is made and
    // owned here for as long as the copy runs.
    QFuture<Result<OperationResult>> copyToGateway(const GroupingKey &key, const QUrl &targetUrl,
                                                   const ClientOptions &targetOptions,
                                                   const GroupingKey &targetKey = {}, bool overwrite = false);

    // Deletes everything through the admin API. Refused (Error::Invalid)
    // when /api/v1/status says the admin API is off. Snapshots every group
    // read just before (written off this thread, on disk before the wipe is
    // sent), then verifies the gateway is empty. A group pushed between that
    // read and the wipe is wiped without being in the snapshot: that is what
    // "wipe" means, and the GUI asks for a typed confirmation first.
    QFuture<Result<OperationResult>> wipe();

    // Re-pushes every group of the snapshot with PUT to its own key (a few
    // at a time), deletes its created keys, verifies, and reports per group.
    QFuture<Result<RestoreReport>> restore(const Snapshot &snapshot, RestoreOptions options = {});
    // The body of the push that marks a restored group failed again.
    static const QByteArray FailedStateMarker;
    // The plan restore() follows on a gateway holding `groups`.
    static RestorePlan planRestore(const Snapshot &snapshot, const QList<Group> &groups, const RestoreOptions &options);
    // restore() of the store's newest snapshot (loaded off this thread).
    QFuture<Result<RestoreReport>> undoLatest(RestoreOptions options = {});

    // Operations started and not yet finished (each public call above that
    // reaches the gateway counts until its future finishes).
    int runningCount() const { return m_running; }

Q_SIGNALS:
    // Every operation that reaches the gateway, from its call to the end of
    // its future, whoever holds that future (a dialog may be gone by then):
    // `action` as in the audit log, `message` the result's or error's text.
    void operationStarted(const QString &action);
    void operationFinished(const QString &action, bool ok, const QString &message);

private:
    template<typename T>
    QFuture<T> track(const QString &action, QFuture<T> future);
    using GroupsCheck = std::function<bool(const QList<Group> &)>;
    using GroupsDone = std::function<void(const Result<QList<Group>> &, bool satisfied)>;
    // Reads the groups until `check` holds (at most m_verifyReads times);
    // read errors are retried too. `done` gets the last read.
    void readGroupsUntil(GatewayClient *client, GroupsCheck check, GroupsDone done, int attempt = 1);
    // Everything a push needs to be checked: validation, existing group,
    // collisions, snapshot, push, read-back.
    QFuture<Result<OperationResult>> pushFlow(const QString &action, const GroupingKey &key, const QByteArray &text,
                                              bool replace, bool mustExist);
    Result<QString> writeSnapshot(const QString &action, const QList<Group> &groups,
                                  const QList<GroupingKey> &createdKeys, const QString &note = {});
    // One "result" entry in the audit log (appended and synced), if there
    // is a log. Its failure is the operation's: callers turn it into the
    // result's error, saying whether the gateway was changed.
    Result<Done> audit(const QString &action, const QList<std::pair<GroupingKey, QString>> &outcomes,
                       const QString &snapshot, const QString &message, const QString &error,
                       GatewayClient *client = nullptr);
    Result<Done> writeAudit(const AuditEntry &entry);

    GatewayClient *m_client;
    SnapshotStore *m_store = nullptr;
    AuditLog *m_audit = nullptr;
    int m_verifyReads = 20;
    int m_verifyDelayMs = 100;
    int m_running = 0;
};

} // namespace PushDeck
