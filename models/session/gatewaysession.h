#pragma once
// Everything PushDeck knows and does about one gateway, with one owner: the
// client, the poller, the last groups read, the clock their ages are judged
// at, the learned cadences, the history the charts show, the staleness
// policy in effect (the configured rules with this gateway's scope and its
// learned cadences) and the operations running on it. The window's tab,
// table, detail, dialogs, previews, charts and pitfalls panel, and the CLI,
// all read states from here, so they always agree; none of them computes
// staleness with a policy of its own.
//
// A session outlives the tab that shows it: close() stops polling and saves
// what was learned, and the session deletes itself only once every
// operation started on it (a move, a restore, a bulk delete) has finished
// and been audited.

#include "gateway/gatewayclient.h"
#include "gateway/poller.h"
#include "operations/bulkdeleter.h"
#include "operations/groupoperations.h"
#include "staleness/cadencetracker.h"
#include "staleness/lastlook.h"
#include "staleness/stalenesshistory.h"
#include "staleness/stalenesspolicy.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace PushDeck {

class AuditLog;
class SnapshotStore;

class GatewaySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaySession)
public:
    // What a session keeps on disk between runs, per gateway.
    enum class Persistence {
        None,    // tests and one-shot CLI reads of nothing learned
        ReadOnly, // loads the learned cadences, never writes (the CLI)
        ReadWrite // the window: loads at start, saves on close and every minute
    };

    // `url` must be valid (GatewayClient::normalizeUrl()). Nothing is read
    // before start() or readGroups().
    explicit GatewaySession(const QUrl &url, const ClientOptions &options = {},
                            Persistence persistence = Persistence::None, QObject *parent = nullptr);
    ~GatewaySession() override;

    GatewayClient *client() const { return m_client; }
    Poller *poller() const { return m_poller; }
    QUrl url() const { return m_client->baseUrl(); }
    // The title (a profile's name) when set, else host:port/prefix.
    QString displayName() const;
    QString title() const { return m_title; }
    void setTitle(const QString &title);

    // --- Polling -----------------------------------------------------------
    void setIntervalMs(int ms) { m_poller->setIntervalMs(ms); }
    // Starts polling (the first read at once).
    void start();
    // Stops polling; operations keep running. Saves what was learned.
    void stop();
    void pause();
    void resume();
    bool isPaused() const { return m_poller->isPaused(); }
    // Reads again now; `full`: the whole JSON (content, not only push times).
    void refreshNow(bool full = true);
    // A full read now (also while paused or stopped), announced like a poll
    // and given to the future: dialogs re-read through this, so the table
    // follows what they show.
    QFuture<Result<QList<Group>>> readGroups();

    // --- What the gateway holds --------------------------------------------
    // The groups of the last successful read (empty before one).
    const QList<Group> &groups() const { return m_groups; }
    // A group by key, nullptr when the last read did not have it.
    const Group *group(const GroupingKey &key) const;
    bool hasRefreshed() const { return m_refreshed; }
    // The last read failed: groups() are those of an earlier read.
    bool isOutdated() const { return m_outdated; }
    QString lastErrorText() const { return m_lastErrorText; }
    bool hasStatus() const { return m_hasStatus; }
    const GatewayStatus &status() const { return m_status; }
    // When a read lost groups, /api/v1/status is read again: a new start time
    // means the gateway restarted and lost them (no persistence file, or a
    // file written before they came). Then: "The gateway restarted at …: N
    // group(s) it held are gone", for whoever shows an empty or shrunken
    // table; empty otherwise. restartDetected() is emitted with it.
    QString restartNotice() const { return m_restartNotice; }
    // For tests of what shows a session, without a gateway: as if a read
    // had answered `groups` at now() (and /api/v1/status `status`).
    void simulateRead(const QList<Group> &groups, const std::optional<GatewayStatus> &status = std::nullopt);

    // --- Staleness -----------------------------------------------------------
    // The time ages are judged at (unix seconds): the time of the last read,
    // advanced every second by the session's clock (ticked()).
    double now() const { return m_now; }
    // For tests: a fixed clock (no ticking); 0 goes back to the wall clock.
    void setFixedNow(double now);
    // The configured rules (the window's or the rules file's), without scope
    // or learned cadences: what the rules dialog edits.
    const StalenessPolicy &configuredPolicy() const { return m_configured; }
    void setConfiguredPolicy(const StalenessPolicy &policy);
    // The policy in effect on this gateway: the configured one, scoped to
    // this gateway, with the cadences learned here. Changes after reads that
    // taught a new cadence and after setConfiguredPolicy().
    const StalenessPolicy &policy() const { return m_policy; }
    // Incremented whenever policy() changes.
    quint64 policyVersion() const { return m_policyVersion; }
    StalenessVerdict verdict(const Group &group) const { return m_policy.evaluate(group, m_now); }
    QList<StalenessVerdict> verdicts(const QList<Group> &groups) const;
    const CadenceTracker &cadenceTracker() const { return m_cadence; }
    const StalenessHistory &history() const { return m_history; }
    // The series the value history follows (from the families tree).
    void setTrackedSeries(const SeriesRef &series);

    // --- Since the last look -------------------------------------------------
    // What changed between the window's last look at this gateway (what it
    // showed when it was last closed, or in its last minute open) and the
    // first successful read of this session. Set once, by that read; empty
    // before it, when there was no earlier look, and after dismissal.
    const LookChanges &changesSinceLastLook() const { return m_changes; }
    void dismissChangesSinceLastLook();
    // For tests: the look the first read compares with, instead of the file.
    void setLastLook(const LastLook &look) { m_lastLook = look; }
    // Files a window session keeps per gateway (AppDataLocation).
    static QString lastLookFilePath(const QUrl &gateway) { return LastLook::defaultFilePath(gateway); }

    // --- Operations ----------------------------------------------------------
    // Not owned; the app's undo snapshots and audit log (shared by every
    // session and the CLI). Without them nothing is snapshotted or audited.
    void setSnapshotStore(SnapshotStore *store);
    void setAuditLog(AuditLog *log);
    SnapshotStore *snapshotStore() const { return m_store; }
    AuditLog *auditLog() const { return m_audit; }
    // Single-group operations, restore and wipe, owned here.
    GroupOperations *operations() const { return m_operations; }
    // Starts deleting exactly `previewed` (see BulkDeleter) on the next turn
    // of the event loop, so the caller can connect to its signals first. The
    // deleter is owned by the session and deleted after finished(); hold it
    // in a QPointer to show progress or cancel it.
    BulkDeleter *startBulkDelete(QList<Group> previewed, const BulkDeleteOptions &options);
    // Operations started here and not finished yet (bulk deletes included).
    int runningOperations() const;

    // --- Lifetime ------------------------------------------------------------
    // Stops polling, saves what was learned and deletes the session as soon
    // as no operation runs any more (at once when none does).
    void close();
    bool isClosing() const { return m_closing; }

    // The last failure to save history or cadences (kind None: none).
    const Error &saveError() const { return m_saveError; }

    // Files a window session keeps per gateway (AppDataLocation).
    static QString cadenceFilePath(const QUrl &gateway);

Q_SIGNALS:
    // A read finished: groups(), policy() and now() are its result.
    void refreshed();
    void refreshFailed(const Error &error);
    // The first read finished, successfully or not.
    void firstRefreshFinished();
    // Poller state, status, outdatedness or title: for status bars.
    void stateChanged();
    void restartDetected(const QString &notice);
    void statusChanged();
    // The configured policy changed (not sent for cadences learned by a read:
    // refreshed() covers those).
    void policyChanged();
    // The clock advanced (every second): ages moved, states may have.
    void ticked(double now);
    void trackedSeriesChanged();
    // changesSinceLastLook() was set (first read) or dismissed.
    void changesSinceLastLookChanged();
    void operationStarted(const QString &action);
    // Any operation ended; the gateway is re-read right after.
    void operationFinished(const QString &action, bool ok, const QString &message);

private:
    void onRefreshed(const QList<Group> &groups, double now);
    void onRefreshFailed(const Error &error);
    void updatePolicy();
    void onOperationFinished(const QString &action, bool ok, const QString &message);
    void deleteIfIdle();
    void save();
    void keepSaveError(const Result<Done> &saved);
    static double wallClock();

    GatewayClient *m_client;
    Poller *m_poller;
    GroupOperations *m_operations;
    Persistence m_persistence;
    QString m_title;
    QTimer m_clock;
    double m_now = 0;
    double m_fixedNow = 0;

    QList<Group> m_groups;
    QHash<GroupingKey, qsizetype> m_index; // key -> position in m_groups
    bool m_refreshed = false;
    bool m_firstRefreshSeen = false;
    bool m_outdated = false;
    QString m_lastErrorText;
    QString m_restartNotice;
    void checkForRestart(int gone);
    bool m_hasStatus = false;
    GatewayStatus m_status;

    StalenessPolicy m_configured;
    StalenessPolicy m_policy;
    quint64 m_policyVersion = 0;
    CadenceTracker m_cadence;
    StalenessHistory m_history;
    LastLook m_lastLook; // loaded at start; what the first read compares with
    LookChanges m_changes;
    double m_lastCadenceSave = 0;
    Error m_saveError;

    SnapshotStore *m_store = nullptr;
    AuditLog *m_audit = nullptr;
    QList<QPointer<BulkDeleter>> m_deleters;
    bool m_closing = false;
};

} // namespace PushDeck
