#include "views/fleet/fleetgroupsview.h"

#include "items/fleetgroupsmodel.h"
#include "items/groupfilterproxy.h"
#include "items/grouptablemodel.h"
#include "views/common/stateicons.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QSet>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// State cells with the state's shape icon and rows needing attention tinted,
// as in a gateway's own table.
class FleetRowDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto state = Staleness(index.data(GroupTableModel::StateRole).toInt());
        if (state == Staleness::Stale || state == Staleness::Failed || state == Staleness::Warning)
            option->backgroundBrush = StateIcons::background(state);
        if (index.column() == FleetGroupsModel::StateColumn) {
            option->icon = StateIcons::icon(state);
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->text = StateIcons::label(state);
        } else if (index.column() == FleetGroupsModel::KeyColumn) {
            option->font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        }
    }
};

} // namespace

FleetGroupsView::FleetGroupsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new FleetGroupsModel(this))
    , m_proxy(new GroupFilterProxy(this))
{
    setObjectName(u"fleetGroupsView"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setGatewayRole(FleetGroupsModel::GatewayNameRole);

    m_count = new QLabel(this);
    m_count->setObjectName(u"fleetGroupsCount"_s);
    m_count->setMargin(6);
    m_count->setWordWrap(true);

    m_table = new QTableView(this);
    m_table->setObjectName(u"fleetGroupsTable"_s);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new FleetRowDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetGroupsModel::GatewayColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(FleetGroupsModel::KeyColumn, QHeaderView::Stretch);
    header->resizeSection(FleetGroupsModel::GatewayColumn, 170);
    header->resizeSection(FleetGroupsModel::JobColumn, 120);
    header->resizeSection(FleetGroupsModel::LastPushColumn, 150);
    header->resizeSection(FleetGroupsModel::AgeColumn, 70);
    header->resizeSection(FleetGroupsModel::OkColumn, 60);
    header->resizeSection(FleetGroupsModel::StateColumn, 100);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (m_actions.isEmpty())
            return;
        QMenu menu(this);
        for (QAction *action : std::as_const(m_actions)) {
            if (action)
                menu.addAction(action);
            else
                menu.addSeparator();
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateCount();
        Q_EMIT selectionChanged();
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const int row = m_proxy->mapToSource(index).row();
        if (row < 0)
            return;
        Q_EMIT groupActivated(m_model->gatewaySource(m_model->gatewayOfRow(row)), m_model->group(row).key);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &FleetGroupsView::updateCount);
    connect(m_proxy, &GroupFilterProxy::filtersChanged, this, &FleetGroupsView::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 1);
    updateCount();
}

FleetGroupsView::~FleetGroupsView() = default;

QString FleetGroupsView::setFilterText(const QString &text)
{
    m_filterText = text;
    if (QString error = m_proxy->applyFilterBoxText(text); !error.isEmpty())
        return error; // the last valid filter stays while typing
    updateCount();
    return {};
}

void FleetGroupsView::setStateFilter(const QList<Staleness> &states)
{
    m_proxy->setAllowedStates(states);
    updateCount();
}

QList<std::pair<GroupTableModel *, Group>> FleetGroupsView::selectedGroups() const
{
    // selectedIndexes(), not selectedRows(): see GroupTableModel's note.
    QSet<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        const int row = m_proxy->mapToSource(index).row();
        if (row >= 0)
            rows.insert(row);
    }
    QList<int> sortedRows(rows.cbegin(), rows.cend());
    std::sort(sortedRows.begin(), sortedRows.end());
    QList<std::pair<GroupTableModel *, Group>> out;
    for (int row : std::as_const(sortedRows))
        out.append({m_model->gatewaySource(m_model->gatewayOfRow(row)), m_model->group(row)});
    return out;
}

int FleetGroupsView::selectedCount() const
{
    QSet<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        rows.insert(index.row());
    return int(rows.size());
}

void FleetGroupsView::selectGroups(const QList<std::pair<GroupTableModel *, GroupingKey>> &groups)
{
    QItemSelection selection;
    for (const auto &[source, key] : groups) {
        const int row = m_model->rowOf(source, key);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(FleetGroupsModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void FleetGroupsView::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = tr("All groups on %n gateway(s): ", nullptr, m_model->gatewayCount());
    text += shown == total ? tr("%n group(s)", nullptr, total) : tr("%1 of %n group(s) shown", nullptr, total).arg(shown);
    const int selected = selectedCount();
    if (selected > 0)
        text += tr(", %n selected", nullptr, selected);
    text += u" — "_s + tr("filter with the toolbar; {__gateway__=\"host:port\"} picks gateways");
    m_count->setText(text);
}

} // namespace PushDeck
