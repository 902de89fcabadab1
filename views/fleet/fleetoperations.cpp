#include "views/fleet/fleetoperations.h"

#include "views/common/actionicons.h"
#include "views/fleet/fleetgroupsview.h"
#include "views/operations/operationscontroller.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace PushDeck {

FleetOperations::FleetOperations(QWidget *window, FleetGroupsView *view, OperationsController *ops,
                                 TargetsProvider targets, QObject *parent)
    : QObject(parent ? parent : window)
    , m_window(window)
    , m_view(view)
    , m_ops(ops)
    , m_targets(std::move(targets))
{
    setObjectName(u"fleetOperations"_s);
    auto make = [this](const QString &icon, const QString &text, const QString &tip, const QString &name) {
        auto *action = new QAction(ActionIcons::icon(icon), text, this);
        action->setObjectName(name);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        action->setProperty("baseTip", tip);
        return action;
    };
    m_deleteSelected = make(u"delete"_s, tr("Delete selected on their gateways…"),
                            tr("Delete the groups selected in the fleet table, each on its own gateway, after a "
                               "preview that names the gateway of every group"),
                            u"fleetDeleteSelectedAction"_s);
    m_deleteMatching = make(u"delete-bulk"_s, tr("Delete matching on all gateways…"),
                            tr("Delete every group whose key matches a selector on every open gateway "
                               "({__gateway__=\"host:port\"} limits it to some), with a preview"),
                            u"fleetDeleteMatchingAction"_s);
    m_prune = make(u"prune"_s, tr("Prune stale on all gateways…"),
                   tr("Delete groups by staleness state and age on every open gateway, each judged by its own "
                      "gateway's rules, with a preview"),
                   u"fleetPruneAction"_s);
    connect(m_deleteSelected, &QAction::triggered, this, &FleetOperations::deleteSelected);
    connect(m_deleteMatching, &QAction::triggered, this, &FleetOperations::deleteMatching);
    connect(m_prune, &QAction::triggered, this, &FleetOperations::pruneStale);
    if (m_ops)
        connect(m_ops, &OperationsController::readOnlyChanged, this, &FleetOperations::updateActions);
    if (m_view)
        connect(m_view, &FleetGroupsView::selectionChanged, this, &FleetOperations::updateActions);
    updateActions();
}

FleetOperations::~FleetOperations() = default;

Result<Done> FleetOperations::canRun() const
{
    // Refusals for people (Error::Invalid: nothing here is a failure).
    if (m_ops && m_ops->isReadOnly())
        return Error::make(Error::Invalid, tr("Read-only mode: PushDeck does not change the gateways. Turn read-only "
                                              "mode off (or start without --read-only) to use this."));
    int connected = 0;
    for (const FleetTarget &target : m_targets())
        connected += target.session ? 1 : 0;
    if (connected == 0)
        return Error::make(Error::Invalid, tr("No gateway is open."));
    return Done{};
}

void FleetOperations::updateActions()
{
    const Result<Done> allowed = canRun();
    const bool ok = allowed.ok();
    const QString why = allowed.errorString();
    const int selected = m_view ? m_view->selectedCount() : 0;
    auto apply = [](QAction *action, bool enabled, const QString &reason) {
        action->setEnabled(enabled);
        const QString base = action->property("baseTip").toString();
        action->setToolTip(enabled || reason.isEmpty() ? base : base + u"\n"_s + reason);
    };
    apply(m_deleteSelected, ok && selected > 0, ok ? tr("Select groups in the fleet table first.") : why);
    apply(m_deleteMatching, ok, why);
    apply(m_prune, ok, why);
}

FleetDeleteDialog *FleetOperations::deleteSelected()
{
    return open(FleetDeleteDialog::Mode::Selection);
}

FleetDeleteDialog *FleetOperations::deleteMatching()
{
    return open(FleetDeleteDialog::Mode::Matcher);
}

FleetDeleteDialog *FleetOperations::pruneStale()
{
    return open(FleetDeleteDialog::Mode::Prune);
}

FleetDeleteDialog *FleetOperations::open(FleetDeleteDialog::Mode mode)
{
    if (const Result<Done> allowed = canRun(); !allowed) {
        Q_EMIT message(allowed.errorString(), true);
        return nullptr;
    }
    QList<FleetTarget> targets = m_targets();
    // Gateways that are not connected have nothing to delete.
    targets.removeIf([](const FleetTarget &target) { return !target.session; });
    if (mode == FleetDeleteDialog::Mode::Selection) {
        const auto selected = m_view ? m_view->selectedGroups() : QList<std::pair<GroupTableModel *, Group>>();
        if (selected.isEmpty()) {
            Q_EMIT message(tr("Select one or more groups in the fleet table to delete."), true);
            return nullptr;
        }
        for (FleetTarget &target : targets) {
            target.groups.clear();
            for (const auto &[model, group] : selected) {
                if (model == target.model)
                    target.groups.append(group);
            }
        }
        // Only the gateways with selected groups take part.
        targets.removeIf([](const FleetTarget &target) { return target.groups.isEmpty(); });
    }
    auto *dialog = new FleetDeleteDialog(mode, targets, m_window);
    dialog->setBulkOptions(m_options);
    connect(dialog, &FleetDeleteDialog::deleteFinished, this, [this, dialog](const QHash<int, BulkDeleteReport> &reports) {
        bool problems = false;
        for (const BulkDeleteReport &report : reports)
            problems |= !report.dryRun && !report.allDeleted();
        Q_EMIT message(dialog->summaryText().replace(u'\n', u"; "_s), problems);
        Q_EMIT operationFinished();
    });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}

} // namespace PushDeck
