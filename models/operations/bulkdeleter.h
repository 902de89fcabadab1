#pragma once
// Deletes exactly the groups a user previewed, with bounded concurrency, a
// write-ahead undo snapshot, audit entries as requests are acknowledged, and
// verification by re-reading the gateway. Used by the GUI (signals, cancel)
// and the CLI (awaitFuture(deleter.run())).
//
// Sequence of a run:
//  1. Dry run: nothing is sent or read; every key is reported NotSent, the
//     audit log gets one entry with dry_run = true.
//  2. The undo snapshot of the previewed groups (their content as the caller
//     previewed it) is written and fsynced; if that fails, nothing is sent.
//  3. DELETEs for the previewed keys only, at most `concurrency` in flight,
//     in batches. The list is never re-selected: a group that appeared since
//     the preview is never touched. Right before each batch the push and
//     failure times are read again (the light /metrics read, protobuf; the
//     JSON where /metrics cannot serve, e.g. HTTP 500 on colliding keys):
//     the gateway has no conditional delete, so a group pushed (or failed)
//     since the preview is skipped and reported ChangedSincePreview, unless
//     `changed` is Delete: then its current content is read and put into
//     the undo snapshot (written again, fsynced) before its DELETE is sent.
//     A group already gone at that read is not sent either. The time from
//     a batch's read to the last answer of its DELETEs is the window in
//     which a push can still be lost: BulkDeleteReport::maxWindowMs.
//     When the snapshot holds groups that were not deleted in the end, it is
//     written again with only the deleted ones (undo must never push old
//     content over a newer push). cancel() stops sending; requests in flight
//     finish.
//     After `stopAfterNetworkErrors` consecutive connection-level failures
//     (the gateway is gone) sending stops as if cancelled.
//     The audit log gets a "start" entry before the first DELETE and a
//     "sent" entry per answer; when one cannot be written, sending stops
//     before the next DELETE (nothing is sent that the log cannot record).
//     Every failed audit write, also of the final entry and its fsync, is in
//     BulkDeleteReport::error with the OS's reason.
//  4. Verification: the gateway applies deletes from a queue, so the groups
//     are re-read (up to `verifyReads` times, `verifyDelayMs` apart, while
//     any sent key is still present). When the gateway cannot be read, reads
//     are retried with backoff (from 250 ms doubling to 4 s) for at most
//     `verifyTimeoutMs`; if it never answers, sent keys are Unverified.
//
// Outcome per key (reported for every previewed key, in input order):
//  - Deleted: verification found the group absent. This includes a request
//    that failed on our side (e.g. the connection dropped after the gateway
//    received it) when the group is in fact gone; `error` then keeps the
//    request's error text.
//  - StillPresent: the gateway accepted the DELETE (202) but the group is
//    still there after every read (e.g. re-pushed meanwhile: `error` says so
//    when its push time is newer than the preview's; or the gateway was
//    stopped right after accepting it: 1.5.1 then sometimes drops queued
//    deletes, seen for 1 to 4 of 500 in the tests).
//  - Failed: the request was refused (an HTTP error) or the connection was
//    refused, and the group is still there. A request that timed out or lost
//    its connection after it was sent may have been applied: while the group
//    is there, it is StillPresent, never Failed.
//  - ChangedSincePreview: never sent, because the re-read before its batch
//    found a newer push or failure time than the preview showed (`error`
//    says which), or the group was gone then and is back at verification.
//  - NotSent: never sent (dry run, cancelled, stopped after the gateway went
//    away or the audit log could not be written, or the snapshot could not
//    be written). `present` says whether the group exists according to the
//    verification read.
//  - Unverified: sent, but the gateway could not be read back within
//    verifyTimeoutMs; `error` has the read error. The request's own result
//    is in `accepted` / `error`.

#include "gateway/gatewayclient.h"
#include "core/metrics.h"
#include "format/lightrefresh.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QTimer>
#include <functional>
#include <memory>

namespace PushDeck {

class AuditLog;
struct AuditEntry;
class RawHttpConnection;
class SnapshotStore;

struct BulkDeleteOptions
{
    // Requests in flight. (Through the GatewayClient, QNetworkAccessManager
    // opens at most 6 connections per host, so above 6 the deleter adds
    // clients with the same base URL and ClientOptions.)
    int concurrency = 8;
    // Plain-http gateways: send the DELETEs over lean keep-alive connections
    // of our own (same URL, route prefix, Authorization header and timeout
    // as the client) instead of QNetworkAccessManager, which costs ~200 µs of
    // CPU per request. https always goes through the GatewayClient.
    bool directHttp = true;
    bool dryRun = false;
    QString action = QStringLiteral("bulk-delete"); // audit action name ("delete", "prune", ...)
    int verifyReads = 6;            // reads while sent keys are still present
    int verifyDelayMs = 150;        // between those reads
    int verifyTimeoutMs = 60000;    // overall bound while the gateway does not answer
    int stopAfterNetworkErrors = 16; // consecutive connection failures that stop sending
    // Keys per batch (a re-read of the push times before each). 0: as many
    // as can be sent in about the time one re-read took (at least
    // minBatchSize), so the re-reads at most double the time of a run and
    // the window stays about twice a read.
    int batchSize = 0;
    int minBatchSize = 50;
    int maxBatchSize = 2000;
    // A group pushed or failed since the preview: skipped (reported
    // ChangedSincePreview) or deleted anyway with its current content in the
    // undo snapshot (pushdeckctl delete --force).
    enum class Changed { Skip, Delete };
    Changed changed = Changed::Skip;
};

enum class DeleteOutcome { Deleted, StillPresent, Failed, NotSent, Unverified, ChangedSincePreview };
QString deleteOutcomeName(DeleteOutcome outcome); // "deleted", "still-present", ..., "changed-since-preview"

struct KeyDeleteReport
{
    GroupingKey key;
    DeleteOutcome outcome = DeleteOutcome::NotSent;
    bool sent = false;
    bool accepted = false;          // the gateway answered 202
    bool answered = false;          // an answer or an error came back
    bool uncertain = false;         // failed after it was sent (timeout, dropped connection): may be applied
    enum class Presence { Unknown, Present, Absent } present = Presence::Unknown; // at the last successful read
    // What the re-read right before the key's batch found.
    enum class Recheck { NotRead, Unchanged, Changed, Gone } recheck = Recheck::NotRead;
    QString error;
};

struct BulkDeleteReport
{
    QList<KeyDeleteReport> keys;    // one per previewed key, input order
    bool dryRun = false;
    bool cancelled = false;         // cancel() or stopped after network errors
    bool verified = false;          // a verification read succeeded
    int verifyReads = 0;            // successful + failed reads made
    QString snapshotPath;           // empty when none was written
    QString error;                  // run-level error (snapshot or audit log failed, gateway gone, ...)
    qint64 sendMs = 0;              // time spent sending (first to last answer)
    qint64 totalMs = 0;             // whole run incl. snapshot and verification

    int batches = 0;                // batches sent (each after a re-read)
    int jsonRereads = 0;            // re-reads that needed the JSON (/metrics could not serve)
    qint64 maxWindowMs = -1;        // longest time from a batch's re-read request to its last DELETE answer; -1: none sent

    int count(DeleteOutcome outcome) const;
    bool allDeleted() const { return !keys.isEmpty() && count(DeleteOutcome::Deleted) == keys.size(); }
    // Every key deleted or skipped because it changed since the preview,
    // and no run-level error: what prune and delete --match call success.
    bool deletedOrChanged() const
    {
        return !keys.isEmpty() && error.isEmpty()
            && count(DeleteOutcome::Deleted) + count(DeleteOutcome::ChangedSincePreview) == keys.size();
    }
    QString summary() const;        // one line for people: "1998 deleted, 2 failed ..."
};

class BulkDeleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkDeleter)
public:
    // `previewed`: exactly the groups the user saw in the preview (their
    // content goes into the undo snapshot). Duplicate keys are sent once.
    // The client must outlive the run; it is used on this object's thread.
    BulkDeleter(GatewayClient *client, QList<Group> previewed, BulkDeleteOptions options = {},
                QObject *parent = nullptr);
    ~BulkDeleter() override;

    // Optional; not owned; must outlive the run. Without a store no
    // snapshot is written (tests, benchmarks); without a log nothing is
    // audited.
    void setSnapshotStore(SnapshotStore *store) { m_store = store; }
    void setAuditLog(AuditLog *log) { m_audit = log; }

    // Starts the run (returns at once) and gives its future; calling it
    // again returns the same future. The future always gets a report, also
    // when cancelled.
    QFuture<BulkDeleteReport> run();
    // Stops sending; requests in flight finish, then verification runs.
    // Called again, or while verifying: stops waiting at once (keys the
    // gateway has not confirmed gone are Unverified), so a run against a
    // gateway that went away never holds anyone up.
    void cancel();
    bool isRunning() const { return m_running; }
    const BulkDeleteReport &report() const { return m_report; }
    int total() const { return int(m_keys.size()); }

Q_SIGNALS:
    void progress(int done, int total);   // answered requests
    void verifying(int attempt);          // before each verification read
    void finished(const BulkDeleteReport &report);

private:
    // An audit entry of this run: gateway, action and run id filled in.
    AuditEntry auditEntry(const QString &phase) const;
    // Appends (and syncs) an entry of this run, if there is a log. A write
    // that fails goes into the report's error; while sending
    // (StopSending) it also stops the run before the next request.
    enum class AuditSync { NoSync, Sync };
    enum class AuditFailure { Report, StopSending };
    void writeAudit(const AuditEntry &entry, AuditSync sync, AuditFailure failure = AuditFailure::Report);
    void syncAudit();
    void auditFailed(const Error &error, AuditFailure failure);
    void startSending();
    void startBatch();
    void onRecheck(const QList<PushTimes> &entries, ExposedLabels labels);
    void onRecheckJson(const Result<QList<Group>> &groups);
    void recheckFailed(const QString &why);
    // Not sent because of what the re-read before its batch found.
    bool skipped(int index) const;
    void sendBatch();
    void batchDone();
    // The groups the undo snapshot must hold: those sent, and while sending
    // goes on also those still to be sent.
    QList<Group> snapshotGroups(bool sendingDone) const;
    void rewriteSnapshot(bool sendingDone, std::function<void()> then);
    void stopVerification();
    void sendMore();
    void onAnswer(int index, const Result<Done> &result, bool mayHaveReachedGateway);
    // Outcomes of the keys that were not sent (changed, gone, not sent).
    void settleUnsent(bool verified);
    // finish(), after removing or writing again the undo snapshot so that
    // it holds exactly what was sent.
    void finishWithSnapshot();
    void startVerification();
    void readForVerification();
    void onVerificationRead(const Result<QList<Group>> &result);
    void finish();
    void auditAcknowledged(int index);

    GatewayClient *m_client;
    QList<GatewayClient *> m_extraClients; // clones of m_client: more connections than QNAM's 6 per host
    QList<RawHttpConnection *> m_connections; // directHttp: one per request in flight
    QList<Group> m_previewed;
    QList<GroupingKey> m_keys;
    BulkDeleteOptions m_options;
    SnapshotStore *m_store = nullptr;
    AuditLog *m_audit = nullptr;

    BulkDeleteReport m_report;
    std::shared_ptr<QPromise<BulkDeleteReport>> m_promise;
    QFuture<BulkDeleteReport> m_future;
    QString m_runId;
    QString m_gateway;
    bool m_started = false;
    bool m_running = false;
    bool m_cancelRequested = false; // cancel(), or stopped: nothing more is sent
    bool m_auditFailed = false;
    bool m_stopWaiting = false;     // cancel() a second time, or while verifying
    int m_next = 0;
    int m_batchEnd = 0;          // end (exclusive) of the batch being sent
    qint64 m_batchReadAtMs = 0;  // when the current batch's re-read was sent (m_clock)
    qint64 m_lastReadMs = 0;     // how long the last re-read took
    bool m_snapshotStale = false; // the written snapshot must be written again before sending
    bool m_batchSent = false;    // the current batch sent at least one DELETE
    qint64 m_batchSendStartMs = 0;
    qint64 m_pureSendMs = 0;     // time spent sending batches, without their re-reads
    int m_skippedCount = 0;      // keys not sent after their re-read
    QDateTime m_snapshotCreated;
    int m_inFlight = 0;
    int m_answered = 0;
    int m_consecutiveNetworkErrors = 0;
    int m_presentReads = 0;
    int m_failedReadDelayMs = 250;
    QElapsedTimer m_clock;
    QElapsedTimer m_verifyClock;
    qint64 m_sendStartMs = 0;
};

} // namespace PushDeck

Q_DECLARE_METATYPE(PushDeck::BulkDeleteReport)
