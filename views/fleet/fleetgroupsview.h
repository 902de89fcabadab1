#pragma once
// The "All groups" table of the Fleet tab: every group of every open gateway
// with its gateway in the first column, sortable, filtered by the toolbar's
// filter and state box (a {__gateway__="host:port"} selector picks gateways),
// with the cross-gateway operations in its context menu.

#include "staleness/stalenesspolicy.h"

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace PushDeck {

class FleetGroupsModel;
class GroupFilterProxy;
class GroupTableModel;

class FleetGroupsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetGroupsView)
public:
    explicit FleetGroupsView(QWidget *parent = nullptr);
    ~FleetGroupsView() override;

    FleetGroupsModel *model() const { return m_model; }
    GroupFilterProxy *filterProxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }

    // As GatewayView: a selector when it starts with `{`, else free text
    // (over key and gateway name). Returns the selector's error, empty when valid.
    QString setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setStateFilter(const QList<Staleness> &states);

    // The selected groups, by the gateway table they come from.
    QList<std::pair<GroupTableModel *, Group>> selectedGroups() const;
    int selectedCount() const;
    // Selects the rows of these (gateway, key) pairs; for tests and links.
    void selectGroups(const QList<std::pair<GroupTableModel *, GroupingKey>> &groups);

    void setContextActions(const QList<QAction *> &actions) { m_actions = actions; }

Q_SIGNALS:
    void selectionChanged();
    // A row was activated (double-click, Return): open its gateway's tab.
    void groupActivated(GroupTableModel *gateway, const GroupingKey &key);

private:
    void updateCount();

    FleetGroupsModel *m_model;
    GroupFilterProxy *m_proxy;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    QString m_filterText;
    QList<QAction *> m_actions;
};

} // namespace PushDeck
