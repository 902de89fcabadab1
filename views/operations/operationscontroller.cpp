#include "views/operations/operationscontroller.h"

#include "views/common/actionicons.h"
#include "operations/auditlog.h"
#include "views/operations/auditlogdock.h"
#include "views/operations/deletedialog.h"
#include "session/gatewaysession.h"
#include "views/operations/prunewizard.h"
#include "views/operations/pushdialog.h"
#include "views/operations/wipedialog.h"
#include "core/urls.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString readOnlyReason()
{
    return OperationsController::tr("Read-only mode: PushDeck does not change the gateway. Turn read-only mode off "
                                    "in the settings (or start without --read-only) to use this.");
}

QString timeText(const QDateTime &utc)
{
    return utc.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

OperationsController::OperationsController(QWidget *window, const QString &snapshotDirectory, const QString &auditLogPath,
                                           QObject *parent)
    : QObject(parent ? parent : window)
    , m_window(window)
    , m_store(snapshotDirectory)
    , m_audit(std::make_unique<AuditLog>(auditLogPath))
{
    setObjectName(u"operationsController"_s);
    m_delete = makeAction(u"delete"_s, tr("&Delete…"),
                          tr("Delete the selected groups (exactly their keys), after a confirmation that lists them"),
                          u"deleteAction"_s);
    m_delete->setShortcut(QKeySequence::Delete);
    m_bulkDelete = makeAction(u"delete-bulk"_s, tr("&Bulk delete by matcher…"),
                              tr("Delete every group whose key matches a label matcher, with a preview and a dry run"),
                              u"bulkDeleteAction"_s);
    m_prune = makeAction(u"prune"_s, tr("&Prune stale…"),
                         tr("Delete groups by staleness state or age, with a preview"), u"pruneAction"_s);
    m_wipe = makeAction(u"wipe"_s, tr("&Wipe gateway…"),
                        tr("Delete every group through the admin API, after typing the gateway's address"),
                        u"wipeAction"_s);
    m_push = makeAction(u"push"_s, tr("P&ush new group…"),
                        tr("Push exposition text to a grouping key, validated before sending"), u"pushAction"_s);
    m_rePush = makeAction(u"repush"_s, tr("&Re-push…"),
                          tr("Touch, move, edit or copy the selected group"), u"rePushAction"_s);
    m_undo = makeAction(u"undo"_s, tr("&Undo last change"),
                        tr("Push back the groups saved before the last destructive action"), u"undoAction"_s);
    m_undo->setShortcut(QKeySequence::Undo);
    m_exportSnapshot = makeAction(QString(), tr("&Export snapshot…"), tr("Save an undo snapshot to a file"),
                                  u"exportSnapshotAction"_s);
    m_importSnapshot = makeAction(QString(), tr("&Import snapshot…"),
                                  tr("Add a snapshot file to the undo snapshots (and restore it if you like)"),
                                  u"importSnapshotAction"_s);
    m_showAuditLog = makeAction(u"audit-log"_s, tr("&Audit log"), tr("Every change PushDeck made, with its outcome"),
                                u"showAuditLogAction"_s);

    connect(m_delete, &QAction::triggered, this, &OperationsController::deleteSelected);
    connect(m_bulkDelete, &QAction::triggered, this, &OperationsController::bulkDeleteByMatcher);
    connect(m_prune, &QAction::triggered, this, &OperationsController::pruneStale);
    connect(m_wipe, &QAction::triggered, this, &OperationsController::wipeGateway);
    connect(m_push, &QAction::triggered, this, &OperationsController::pushNewGroup);
    connect(m_rePush, &QAction::triggered, this, [this] { rePushSelected(); });
    connect(m_undo, &QAction::triggered, this, &OperationsController::undoLatest);
    connect(m_exportSnapshot, &QAction::triggered, this, &OperationsController::exportSnapshotClicked);
    connect(m_importSnapshot, &QAction::triggered, this, &OperationsController::importSnapshotClicked);
    connect(m_showAuditLog, &QAction::triggered, this, &OperationsController::showAuditLog);

    updateIcons();
    if (m_window)
        m_window->installEventFilter(this);
    refreshLatestSnapshot();
}

OperationsController::~OperationsController()
{
    closeDialogs();
}

QAction *OperationsController::makeAction(const QString &iconName, const QString &text, const QString &tip,
                                          const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    m_baseTips.insert(action, tip);
    m_iconNames.insert(action, iconName);
    return action;
}

void OperationsController::updateIcons()
{
    for (auto it = m_iconNames.cbegin(); it != m_iconNames.cend(); ++it) {
        QIcon icon = it.value().isEmpty() ? QIcon() : ActionIcons::icon(it.value());
        if (icon.isNull()) {
            if (it.key() == m_exportSnapshot)
                icon = QIcon::fromTheme(u"document-save-as"_s, QApplication::style()->standardIcon(QStyle::SP_DialogSaveButton));
            else if (it.key() == m_importSnapshot)
                icon = QIcon::fromTheme(u"document-open"_s, QApplication::style()->standardIcon(QStyle::SP_DialogOpenButton));
        }
        it.key()->setIcon(icon);
    }
}

bool OperationsController::eventFilter(QObject *watched, QEvent *event)
{
    // The action icons come in a light and a dark variant.
    if (watched == m_window && event->type() == QEvent::ApplicationPaletteChange)
        updateIcons();
    return QObject::eventFilter(watched, event);
}

QList<QAction *> OperationsController::actions() const
{
    return {m_delete, m_bulkDelete, m_prune, m_wipe, nullptr, m_push, m_rePush, nullptr,
            m_undo, m_exportSnapshot, m_importSnapshot, nullptr, m_showAuditLog};
}

QList<QAction *> OperationsController::mutatingActions() const
{
    return {m_delete, m_bulkDelete, m_prune, m_wipe, m_push, m_rePush, m_undo};
}

// Handed over by the main window ---------------------------------------------------------

void OperationsController::setSession(GatewaySession *session)
{
    if (session == m_session)
        return;
    for (const auto &connection : std::as_const(m_sessionConnections))
        disconnect(connection);
    m_sessionConnections.clear();
    m_session = session;
    m_busy = false;
    if (m_session) {
        // The app's undo snapshots and audit log are this controller's.
        if (!m_session->snapshotStore())
            m_session->setSnapshotStore(&m_store);
        if (!m_session->auditLog())
            m_session->setAuditLog(m_audit.get());
        if (m_verifyReads > 0)
            m_session->operations()->setVerification(m_verifyReads, m_verifyDelayMs);
        m_sessionConnections = {
            connect(m_session, &GatewaySession::statusChanged, this, &OperationsController::updateActions),
            // Whatever ran on the session (also from a dialog that is gone):
            // undo and the audit log show it.
            connect(m_session, &GatewaySession::operationFinished, this, [this] {
                refreshLatestSnapshot();
                if (m_dock && m_dock->isVisible())
                    m_dock->refresh();
            }),
        };
    }
    refreshLatestSnapshot();
}

GroupOperations *OperationsController::operations() const
{
    return m_session ? m_session->operations() : nullptr;
}

bool OperationsController::adminApiEnabled() const
{
    return m_session && m_session->hasStatus() && m_session->status().adminApiEnabled;
}

void OperationsController::setSelectionProvider(GroupsProvider provider)
{
    m_selection = std::move(provider);
    updateActions();
}

void OperationsController::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    updateActions();
    Q_EMIT readOnlyChanged(readOnly);
}

void OperationsController::setBulkOptions(const BulkDeleteOptions &options)
{
    m_bulkOptions = options;
}

void OperationsController::setVerification(int reads, int delayMs)
{
    m_verifyReads = reads;
    m_verifyDelayMs = delayMs;
    if (m_session)
        m_session->operations()->setVerification(reads, delayMs);
}

QList<Group> OperationsController::selected() const
{
    return m_selection ? m_selection() : QList<Group>{};
}

QList<Group> OperationsController::allGroups() const
{
    return m_session ? m_session->groups() : QList<Group>{};
}

Result<Done> OperationsController::canMutate() const
{
    // Refusals for people (Error::Invalid: nothing here is a failure).
    if (m_readOnly)
        return Error::make(Error::Invalid, readOnlyReason());
    if (!m_session)
        return Error::make(Error::Invalid, tr("No gateway is open."));
    if (m_busy)
        return Error::make(Error::Invalid, tr("Another operation is running."));
    return Done{};
}

void OperationsController::updateActions()
{
    const Result<Done> allowed = canMutate();
    const bool mutate = allowed.ok();
    const QString why = allowed.errorString();
    const int selectedCount = mutate ? int(selected().size()) : 0;

    // Each mutating action: enabled or not, and the tooltip says why not.
    const auto apply = [this](QAction *action, bool enabled, const QString &reason) {
        action->setEnabled(enabled);
        const QString base = m_baseTips.value(action);
        action->setToolTip(enabled || reason.isEmpty() ? base : base + u"\n"_s + reason);
    };
    apply(m_delete, mutate && selectedCount > 0, mutate ? tr("Select one or more groups first.") : why);
    apply(m_bulkDelete, mutate, why);
    apply(m_prune, mutate, why);
    apply(m_wipe, mutate && adminApiEnabled(),
          mutate ? tr("The gateway's admin API is off (it must be started with --web.enable-admin-api).") : why);
    apply(m_push, mutate, why);
    apply(m_rePush, mutate && selectedCount == 1, mutate ? tr("Select exactly one group.") : why);

    QString undoTip;
    if (m_latest)
        undoTip = tr("Last snapshot: before \"%1\" at %2").arg(m_latest->action, timeText(m_latest->created));
    const QString undoBase = m_baseTips.value(m_undo);
    m_undo->setEnabled(mutate && m_latest.has_value());
    m_undo->setToolTip(!mutate             ? undoBase + u"\n"_s + why
                       : m_latest.has_value() ? undoBase + u"\n"_s + undoTip
                                              : undoBase + u"\n"_s + tr("There is no undo snapshot yet."));

    m_exportSnapshot->setEnabled(m_latest.has_value());
    m_exportSnapshot->setToolTip(m_latest ? m_baseTips.value(m_exportSnapshot)
                                          : m_baseTips.value(m_exportSnapshot) + u"\n"_s + tr("There is no snapshot yet."));
    m_importSnapshot->setEnabled(true);
    m_showAuditLog->setEnabled(true);
}

void OperationsController::refreshLatestSnapshot()
{
    // Undo is per gateway: the newest snapshot taken on this one (a delete
    // across several gateways saves one snapshot on each).
    m_latest = m_session ? m_store.latestFor(redactedUrl(m_session->url())) : m_store.latest();
    updateActions();
}

// Dialogs ----------------------------------------------------------------------------------

void OperationsController::track(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_dialogs.removeAll(nullptr);
    m_dialogs.append(dialog);
    dialog->open();
}

void OperationsController::closeDialogs()
{
    // They point at the client and operations that are about to go.
    for (const QPointer<QDialog> &dialog : std::as_const(m_dialogs)) {
        if (dialog)
            delete dialog.data();
    }
    m_dialogs.clear();
    if (m_confirmation)
        delete m_confirmation.data();
}

void OperationsController::say(const QString &text, bool error)
{
    m_lastMessage = text;
    Q_EMIT message(text, error);
}

void OperationsController::afterOperation(const QString &text, bool error)
{
    refreshLatestSnapshot();
    if (m_dock && m_dock->isVisible())
        m_dock->refresh();
    say(text, error);
    Q_EMIT operationFinished();
}

// Every dialog that runs a BulkDeleter gets the same options, snapshot store
// and audit log, and reports its outcome the same way.
template <typename Dialog>
Dialog *OperationsController::wireBulkDelete(Dialog *dialog)
{
    dialog->setBulkOptions(m_bulkOptions);
    connect(dialog, &Dialog::deleteFinished, this, [this](const BulkDeleteReport &report) {
        afterOperation(report.summary(), !report.dryRun && !report.allDeleted());
    });
    track(dialog);
    return dialog;
}

DeleteDialog *OperationsController::deleteSelected()
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return nullptr;
    }
    const QList<Group> groups = selected();
    if (groups.isEmpty()) {
        say(tr("Select one or more groups to delete."), true);
        return nullptr;
    }
    return wireBulkDelete(new DeleteDialog(DeleteDialog::Mode::Selection, m_session, groups, m_window));
}

DeleteDialog *OperationsController::bulkDeleteByMatcher()
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return nullptr;
    }
    return wireBulkDelete(new DeleteDialog(DeleteDialog::Mode::Matcher, m_session, allGroups(), m_window));
}

PruneWizard *OperationsController::pruneStale()
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return nullptr;
    }
    return wireBulkDelete(new PruneWizard(m_session, allGroups(), m_window));
}

WipeDialog *OperationsController::wipeGateway()
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return nullptr;
    }
    if (!adminApiEnabled()) {
        say(tr("Wipe needs the gateway's admin API (--web.enable-admin-api)."), true);
        return nullptr;
    }
    const int count = m_session->hasRefreshed() ? int(allGroups().size()) : -1;
    auto *dialog = new WipeDialog(m_session->operations(), m_session->url(), count, m_window);
    connect(dialog, &WipeDialog::wipeFinished, this, [this](bool ok, const QString &text) { afterOperation(text, !ok); });
    track(dialog);
    return dialog;
}

PushDialog *OperationsController::pushNewGroup()
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return nullptr;
    }
    auto *dialog = new PushDialog(m_session->operations(), m_session->url(), allGroups(), m_window);
    connect(dialog, &PushDialog::pushFinished, this, [this](bool ok, const QString &text) { afterOperation(text, !ok); });
    track(dialog);
    return dialog;
}

RePushDialog *OperationsController::rePushSelected(RePushDialog::Mode mode)
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return nullptr;
    }
    const QList<Group> groups = selected();
    if (groups.size() != 1) {
        say(tr("Select exactly one group to re-push."), true);
        return nullptr;
    }
    auto *dialog = new RePushDialog(m_session->operations(), m_session->url(), groups.first(), allGroups(), m_window);
    dialog->setMode(mode);
    connect(dialog, &RePushDialog::operationFinished, this,
            [this](bool ok, const QString &text) { afterOperation(text, !ok); });
    track(dialog);
    return dialog;
}

// Undo and snapshots -----------------------------------------------------------------------

void OperationsController::undoLatest()
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return;
    }
    refreshLatestSnapshot();
    if (!m_latest) {
        say(tr("Nothing to undo: there are no snapshots of this gateway in %1.").arg(m_store.directory()), true);
        return;
    }
    confirmRestore(m_latest->path);
}

void OperationsController::confirmRestore(const QString &path)
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return;
    }
    if (m_confirmation)
        return; // one question at a time
    m_busy = true;
    updateActions();
    // A snapshot of thousands of groups takes a moment to read and check.
    const SnapshotStore store = m_store;
    QtConcurrent::run([store, path] { return store.load(path); }).then(this, [this](const Result<Snapshot> &loaded) {
        m_busy = false;
        updateActions();
        if (!loaded) {
            say(tr("Cannot undo: %1").arg(loaded.errorString()), true);
            return;
        }
        if (!m_session)
            return;
        const Snapshot &snapshot = *loaded;
        const QString here = redactedUrl(m_session->url());
        QString text = tr("Restore %n group(s) saved before \"%1\" at %2?", nullptr, int(snapshot.groups.size()))
                           .arg(snapshot.action, timeText(snapshot.created));
        QStringList details;
        details << tr("Each group is pushed back with PUT to its own key; a group that exists now is replaced by "
                      "the saved content.");
        details << tr("Their push time will be the time of this undo, not the original push time: dashboards and "
                      "alerts will see them as freshly pushed.");
        if (!snapshot.createdKeys.isEmpty()) {
            QStringList keys;
            for (const auto &key : snapshot.createdKeys.mid(0, 5))
                keys << key.toString();
            details << tr("%n group(s) created by that action will be deleted: %1", nullptr, int(snapshot.createdKeys.size()))
                           .arg(keys.join(u", "_s) + (snapshot.createdKeys.size() > 5 ? u", …"_s : QString()));
        }
        // Say which groups exist now and lose their current content (pushed
        // again since the snapshot, as the session last read them).
        QStringList replaced;
        int failedState = 0;
        for (const Group &saved : snapshot.groups) {
            if (!saved.lastPushSuccessful)
                ++failedState;
            const auto &now = m_session->groups();
            const auto it = std::find_if(now.cbegin(), now.cend(), [&](const Group &g) { return g.key == saved.key; });
            if (it != now.cend())
                replaced << (it->pushTime > 0 ? tr("%1 (pushed %2)")
                                                      .arg(it->key.toString(),
                                                           timeText(QDateTime::fromMSecsSinceEpoch(
                                                               qint64(it->pushTime * 1000), Qt::UTC)))
                                              : it->key.toString());
        }
        if (!replaced.isEmpty())
            details << tr("%n group(s) exist on the gateway now and will be replaced by the saved content (what was "
                          "pushed to them since is lost): %1",
                          nullptr, int(replaced.size()))
                           .arg(replaced.mid(0, 5).join(u", "_s) + (replaced.size() > 5 ? u", …"_s : QString()));
        if (failedState > 0)
            details << tr("%n group(s) had a failed last push when saved and are restored in that state.", nullptr,
                          failedState);
        if (!snapshot.gatewayUrl.isEmpty() && snapshot.gatewayUrl != here)
            details << tr("Note: the snapshot was taken on %1, but it will be restored to %2.").arg(snapshot.gatewayUrl, here);
        auto *box = new QMessageBox(QMessageBox::Question, tr("Undo"), text, QMessageBox::NoButton, m_window);
        box->setObjectName(u"restoreConfirmation"_s);
        box->setInformativeText(details.join(u"\n\n"_s));
        QStringList keyList;
        for (const auto &group : snapshot.groups)
            keyList << group.key.toString();
        box->setDetailedText(keyList.join(u'\n'));
        auto *restore = box->addButton(tr("Restore"), QMessageBox::AcceptRole);
        restore->setObjectName(u"restoreButton"_s);
        box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(restore);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        connect(box, &QMessageBox::buttonClicked, this, [this, restore, snapshot](QAbstractButton *button) {
            if (button == restore)
                restoreSnapshot(snapshot);
        });
        m_confirmation = box;
        box->open();
    });
}

void OperationsController::restoreSnapshot(const Snapshot &snapshot)
{
    if (const Result<Done> allowed = canMutate(); !allowed) {
        say(allowed.errorString(), true);
        return;
    }
    m_busy = true;
    updateActions();
    say(tr("Restoring %n group(s)…", nullptr, int(snapshot.groups.size())), false);
    m_session->operations()->restore(snapshot).then(this, [this](const Result<RestoreReport> &report) {
        m_busy = false;
        QString text;
        bool ok = false;
        if (!report) {
            text = tr("Undo failed: %1").arg(report.errorString());
        } else {
            ok = report->ok();
            text = report->message;
            if (!ok) {
                QStringList failed;
                for (const auto &item : report->items) {
                    if (item.outcome == RestoreReport::Outcome::Failed)
                        failed << item.key.toString() + u": "_s + item.error;
                }
                text += u"\n"_s + tr("Failed: %1").arg(failed.join(u"; "_s));
            }
        }
        afterOperation(text, !ok);
        Q_EMIT restoreFinished(ok, text);
    });
}

Result<Done> OperationsController::exportSnapshot(const QString &nameOrPath, const QString &targetFile) const
{
    return m_store.exportTo(nameOrPath, targetFile);
}

Result<QString> OperationsController::importSnapshot(const QString &file)
{
    auto imported = m_store.importFrom(file);
    refreshLatestSnapshot();
    if (imported)
        say(tr("Imported %1 into the undo snapshots.").arg(QFileInfo(file).fileName()), false);
    else
        say(tr("Cannot import %1: %2").arg(file, imported.errorString()), true);
    return imported;
}

void OperationsController::exportSnapshotClicked()
{
    const auto entries = m_store.list();
    if (entries.isEmpty()) {
        say(tr("There is no snapshot to export."), true);
        return;
    }
    QStringList items;
    for (const auto &entry : entries)
        items << tr("%1 — before \"%2\" (%3 KB)").arg(timeText(entry.created), entry.action).arg((entry.bytes + 1023) / 1024);
    auto *chooser = new QInputDialog(m_window);
    chooser->setObjectName(u"snapshotChooser"_s);
    chooser->setWindowTitle(tr("Export snapshot"));
    chooser->setLabelText(tr("Snapshot (newest first):"));
    chooser->setComboBoxItems(items);
    chooser->setComboBoxEditable(false);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QInputDialog::textValueSelected, this, [this, entries, items](const QString &choice) {
        const auto index = items.indexOf(choice);
        if (index < 0)
            return;
        const SnapshotStore::Entry entry = entries[index];
        auto *files = new QFileDialog(m_window, tr("Export snapshot"), entry.fileName,
                                      tr("PushDeck snapshots (*.json);;All files (*)"));
        files->setAcceptMode(QFileDialog::AcceptSave);
        files->setAttribute(Qt::WA_DeleteOnClose);
        connect(files, &QFileDialog::fileSelected, this, [this, entry](const QString &target) {
            // A snapshot of thousands of groups is megabytes: copied off the UI thread.
            const SnapshotStore store = m_store;
            QtConcurrent::run([store, entry, target] { return store.exportTo(entry.path, target); })
                .then(this, [this, target](const Result<Done> &exported) {
                    say(exported ? tr("Exported the snapshot to %1.").arg(target) : exported.errorString(), !exported);
                });
        });
        files->open();
    });
    chooser->open();
}

void OperationsController::importSnapshotClicked()
{
    auto *files = new QFileDialog(m_window, tr("Import snapshot"), QString(), tr("PushDeck snapshots (*.json);;All files (*)"));
    files->setAcceptMode(QFileDialog::AcceptOpen);
    files->setFileMode(QFileDialog::ExistingFile);
    files->setAttribute(Qt::WA_DeleteOnClose);
    connect(files, &QFileDialog::fileSelected, this, [this](const QString &file) {
        // Importing validates the whole file (it must load): off the UI thread.
        const SnapshotStore store = m_store;
        QtConcurrent::run([store, file] { return store.importFrom(file); })
            .then(this, [this, file](const Result<QString> &imported) {
                refreshLatestSnapshot();
                if (!imported) {
                    say(tr("Cannot import %1: %2").arg(file, imported.errorString()), true);
                    return;
                }
                say(tr("Imported %1 into the undo snapshots.").arg(QFileInfo(file).fileName()), false);
                if (!m_readOnly && m_session)
                    confirmRestore(*imported); // offers to restore it now; Cancel keeps it for later
            });
    });
    files->open();
}

// Audit log -------------------------------------------------------------------------------

AuditLogDock *OperationsController::auditLogDock()
{
    if (!m_dock) {
        m_dock = new AuditLogDock(m_audit->filePath(), m_window);
        m_dock->hide();
    }
    return m_dock;
}

void OperationsController::showAuditLog()
{
    AuditLogDock *dock = auditLogDock();
    if (auto *main = qobject_cast<QMainWindow *>(m_window); main && main->dockWidgetArea(dock) == Qt::NoDockWidgetArea)
        main->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->show();
    dock->raise();
    dock->refresh();
}

} // namespace PushDeck
