#pragma once
// The operations on one gateway as actions for the main window: delete,
// bulk delete by matcher, prune, wipe, push, re-push, undo, snapshot export/
// import and the audit log. Owns the undo snapshot store and the audit log
// every session writes to, opens the dialogs (never blocking) on the current
// GatewaySession, and keeps every mutating action disabled — with the reason
// in its tooltip — in read-only mode. The operations themselves run on the
// session, which outlives tabs and dialogs.

#include "operations/bulkdeleter.h"
#include "views/operations/auditlogdock.h"
#include "operations/groupoperations.h"
#include "views/operations/repushdialog.h"
#include "operations/snapshot.h"
#include "staleness/stalenesspolicy.h"

#include "session/gatewaysession.h"

#include <QHash>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QDialog;

namespace PushDeck {

class AuditLog;
class DeleteDialog;
class GatewaySession;
class PruneWizard;
class PushDialog;
class WipeDialog;

class OperationsController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationsController)
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)
public:
    using GroupsProvider = std::function<QList<Group>()>;

    // `window` parents the dialogs; when it is a QMainWindow the audit log
    // dock is added to it on first use. Empty paths: the app's data
    // directory (SnapshotStore::defaultDirectory(), AuditLog::defaultPath()).
    explicit OperationsController(QWidget *window, const QString &snapshotDirectory = {},
                                  const QString &auditLogPath = {}, QObject *parent = nullptr);
    ~OperationsController() override;

    // --- What the main window hands over ---------------------------------
    // The gateway the actions act on (not owned; nullptr when no gateway is
    // open). Dialogs already open keep working on the session they were
    // opened for, and operations keep running on it.
    void setSession(GatewaySession *session);
    GatewaySession *session() const { return m_session; }
    // The selected groups (with families).
    void setSelectionProvider(GroupsProvider provider);
    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    // Re-evaluates which actions apply (call when the selection changes).
    void updateActions();
    // Re-reads which snapshot Undo would restore (after an operation that
    // did not go through this controller, e.g. a delete across gateways).
    void refreshLatestSnapshot();

    // Tuning for the bulk runs and read-back verification (tests use small
    // values; defaults as in BulkDeleteOptions / GroupOperations).
    void setBulkOptions(const BulkDeleteOptions &options);
    void setVerification(int reads, int delayMs);

    // --- Actions (add them to menus/toolbars/context menus; shortcuts work
    // once an action is in a widget of the window) ----------------------
    QAction *deleteAction() const { return m_delete; }          // Del
    QAction *bulkDeleteAction() const { return m_bulkDelete; }  // "Bulk delete by matcher…"
    QAction *pruneAction() const { return m_prune; }            // "Prune stale…"
    QAction *wipeAction() const { return m_wipe; }              // "Wipe…"
    QAction *pushAction() const { return m_push; }              // "Push new group…"
    QAction *rePushAction() const { return m_rePush; }          // "Re-push…"
    QAction *undoAction() const { return m_undo; }              // Ctrl+Z
    QAction *exportSnapshotAction() const { return m_exportSnapshot; }
    QAction *importSnapshotAction() const { return m_importSnapshot; }
    QAction *showAuditLogAction() const { return m_showAuditLog; }
    // All of them in menu order; nullptr entries mark separators.
    QList<QAction *> actions() const;
    // The ones that change a gateway (disabled in read-only mode).
    QList<QAction *> mutatingActions() const;

    // --- What the actions do (also for the context menu and tests) -------
    // Each opens a window-modal dialog (deleted on close) and returns it, or
    // returns nullptr and emits message() when the action does not apply.
    DeleteDialog *deleteSelected();
    DeleteDialog *bulkDeleteByMatcher();
    PruneWizard *pruneStale();
    WipeDialog *wipeGateway();
    PushDialog *pushNewGroup();
    RePushDialog *rePushSelected(RePushDialog::Mode mode = RePushDialog::Mode::Touch);
    // Loads the newest snapshot and asks (window-modal box, returned through
    // pendingConfirmation()) before restoring it.
    void undoLatest();
    // Asks before restoring the snapshot file at `path`.
    void confirmRestore(const QString &path);
    // Restores without asking; restoreFinished() and message() follow.
    void restoreSnapshot(const Snapshot &snapshot);
    Result<Done> exportSnapshot(const QString &nameOrPath, const QString &targetFile) const;
    // Copies a snapshot file into the store; returns its new path.
    Result<QString> importSnapshot(const QString &file);
    void showAuditLog();

    // --- Parts, for the main window and tests ------------------------------
    SnapshotStore &snapshotStore() { return m_store; }
    AuditLog &auditLog() { return *m_audit; }
    GroupOperations *operations() const;
    AuditLogDock *auditLogDock();
    // The restore confirmation currently open, if any.
    QMessageBox *pendingConfirmation() const { return m_confirmation; }
    // The last text sent through message().
    QString lastMessage() const { return m_lastMessage; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // An operation ended that changed (or may have changed) the gateway:
    // re-read it now.
    void operationFinished();
    // A line for the status bar; `error` when something failed.
    void message(const QString &text, bool error);
    void restoreFinished(bool ok, const QString &message);
    void readOnlyChanged(bool readOnly);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *makeAction(const QString &iconName, const QString &text, const QString &tip, const QString &objectName);
    void updateIcons();
    QList<Group> selected() const;
    QList<Group> allGroups() const;
    bool adminApiEnabled() const;
    // Done, or why no change may start now (read-only, no gateway, busy).
    Result<Done> canMutate() const;
    void track(QDialog *dialog);
    template <typename Dialog>
    Dialog *wireBulkDelete(Dialog *dialog);
    void closeDialogs();
    void afterOperation(const QString &text, bool error);
    void say(const QString &text, bool error);
    void exportSnapshotClicked();
    void importSnapshotClicked();

    QWidget *m_window;
    SnapshotStore m_store;
    std::unique_ptr<AuditLog> m_audit;
    QPointer<GatewaySession> m_session;
    QList<QMetaObject::Connection> m_sessionConnections;
    GroupsProvider m_selection;
    bool m_readOnly = false;
    bool m_busy = false;
    BulkDeleteOptions m_bulkOptions;
    int m_verifyReads = -1;
    int m_verifyDelayMs = -1;
    std::optional<SnapshotStore::Entry> m_latest;
    QString m_lastMessage;
    QList<QPointer<QDialog>> m_dialogs;
    QPointer<QMessageBox> m_confirmation;
    QPointer<AuditLogDock> m_dock;

    QAction *m_delete = nullptr;
    QAction *m_bulkDelete = nullptr;
    QAction *m_prune = nullptr;
    QAction *m_wipe = nullptr;
    QAction *m_push = nullptr;
    QAction *m_rePush = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_exportSnapshot = nullptr;
    QAction *m_importSnapshot = nullptr;
    QAction *m_showAuditLog = nullptr;
    QHash<QAction *, QString> m_baseTips;
    QHash<QAction *, QString> m_iconNames;
};

} // namespace PushDeck
