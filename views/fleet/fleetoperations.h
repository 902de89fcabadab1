#pragma once
// The operations that span every open gateway, as actions for the Fleet tab
// and the Operations menu: delete the selected groups of the fleet table
// (each on its own gateway), delete everything matching a selector, prune
// stale groups. They share the undo snapshots and audit log of the
// OperationsController (one snapshot per gateway and run), and are disabled
// in read-only mode with the reason in their tooltip.

#include "views/fleet/fleetdeletedialog.h"
#include "core/result.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;

namespace PushDeck {

class FleetGroupsView;
class OperationsController;

class FleetOperations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetOperations)
public:
    // Every open gateway, in tab order; Selection-mode groups are filled in
    // here from the fleet table's selection.
    using TargetsProvider = std::function<QList<FleetTarget>()>;

    FleetOperations(QWidget *window, FleetGroupsView *view, OperationsController *ops, TargetsProvider targets,
                    QObject *parent = nullptr);
    ~FleetOperations() override;

    QAction *deleteSelectedAction() const { return m_deleteSelected; }
    QAction *deleteMatchingAction() const { return m_deleteMatching; }
    QAction *pruneAction() const { return m_prune; }
    QList<QAction *> actions() const { return {m_deleteSelected, m_deleteMatching, m_prune}; }

    void setBulkOptions(const BulkDeleteOptions &options) { m_options = options; }
    void updateActions();

    // What the actions do; each returns the window-modal dialog it opened
    // (deleted on close), or nullptr with a message() when it does not apply.
    FleetDeleteDialog *deleteSelected();
    FleetDeleteDialog *deleteMatching();
    FleetDeleteDialog *pruneStale();

Q_SIGNALS:
    void message(const QString &text, bool error);
    // A run ended: re-read every gateway.
    void operationFinished();

private:
    FleetDeleteDialog *open(FleetDeleteDialog::Mode mode);
    // Done, or why no fleet delete may start now (read-only, no gateway).
    Result<Done> canRun() const;

    QWidget *m_window;
    QPointer<FleetGroupsView> m_view;
    OperationsController *m_ops;
    TargetsProvider m_targets;
    BulkDeleteOptions m_options;
    QAction *m_deleteSelected = nullptr;
    QAction *m_deleteMatching = nullptr;
    QAction *m_prune = nullptr;
};

} // namespace PushDeck
