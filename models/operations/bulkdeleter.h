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
//  3. DELETEs for the previewed keys only, at most `concurrency` in flight.
//     The list is never re-selected: a group that appeared since the preview
//     is never touched. cancel() stops sending; requests in flight finish.
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
//  - Failed: the request failed (error text) and the group is still there.
//  - NotSent: never sent (dry run, cancelled, stopped after the gateway went
//    away or the audit log could not be written, or the snapshot could not
//    be written). `present` says whether the group exists according to the
//    verification read.
//  - Unverified: sent, but the gateway could not be read back within
//    verifyTimeoutMs; `error` has the read error. The request's own result
//    is in `accepted` / `error`.

#include "gateway/gatewayclient.h"
#include "core/metrics.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPromise>
#include <QTimer>
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
};

enum class DeleteOutcome { Deleted, StillPresent, Failed, NotSent, Unverified };
QString deleteOutcomeName(DeleteOutcome outcome); // "deleted", "still-present", ...

struct KeyDeleteReport
{
    GroupingKey key;
    DeleteOutcome outcome = DeleteOutcome::NotSent;
    bool sent = false;
    bool accepted = false;          // the gateway answered 202
    enum class Presence { Unknown, Present, Absent } present = Presence::Unknown; // at the last successful read
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

    int count(DeleteOutcome outcome) const;
    bool allDeleted() const { return !keys.isEmpty() && count(DeleteOutcome::Deleted) == keys.size(); }
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
    void sendMore();
    void onAnswer(int index, const Result<Done> &result);
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
    int m_next = 0;
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
