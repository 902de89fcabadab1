#include "items/fleetmodel.h"

#include <QHash>
#include <QLocale>

namespace PushDeck {

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FleetModel::appendGateway(const GatewaySummary &summary)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(Row{summary, 0});
    endInsertRows();
    recomputeShared();
}

void FleetModel::updateGateway(int row, const GatewaySummary &summary)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const bool keysChanged = m_rows[row].summary.keys != summary.keys;
    m_rows[row].summary = summary;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (keysChanged)
        recomputeShared();
}

void FleetModel::removeGateway(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    recomputeShared();
}

void FleetModel::recomputeShared()
{
    QHash<GroupingKey, int> gatewaysPerKey;
    for (const Row &row : std::as_const(m_rows)) {
        for (const GroupingKey &key : row.summary.keys)
            ++gatewaysPerKey[key];
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        int shared = 0;
        for (const GroupingKey &key : std::as_const(m_rows[i].summary.keys))
            shared += gatewaysPerKey.value(key) > 1;
        if (shared != m_rows[i].shared) {
            m_rows[i].shared = shared;
            Q_EMIT dataChanged(index(i, SharedColumn), index(i, SharedColumn));
        }
    }
}

QList<GroupingKey> FleetModel::sharedKeys(int row) const
{
    QList<GroupingKey> keys;
    if (row < 0 || row >= m_rows.size())
        return keys;
    for (const GroupingKey &key : m_rows[row].summary.keys) {
        for (int other = 0; other < m_rows.size(); ++other) {
            if (other != row && m_rows[other].summary.keys.contains(key)) {
                keys.append(key);
                break;
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const GatewaySummary &s = row.summary;
    const auto count = [&](Staleness state) { return s.states[size_t(state)]; };
    if (role == ReachableRole)
        return s.reachable;
    if (role == SharedKeysRole)
        return row.shared;
    if (role == Qt::ToolTipRole) {
        if (index.column() == ReachableColumn && !s.error.isEmpty())
            return s.error;
        if (index.column() == SharedColumn && row.shared > 0) {
            QStringList keys;
            const auto shared = sharedKeys(index.row());
            for (qsizetype i = 0; i < shared.size() && i < 10; ++i)
                keys << shared[i].toString();
            if (shared.size() > 10)
                keys << tr("… and %1 more").arg(shared.size() - 10);
            return tr("Grouping keys also present on another open gateway:\n%1").arg(keys.join(u'\n'));
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case NameColumn: return s.name;
    case ReachableColumn:
        if (sort)
            return int(s.reachable);
        return s.reachable ? tr("yes") : (s.refreshed ? tr("no (outdated)") : tr("no"));
    case VersionColumn: return s.version;
    case GroupsColumn: return s.groups;
    case StaleColumn: return count(Staleness::Stale);
    case FailedColumn: return count(Staleness::Failed);
    case WarningColumn: return count(Staleness::Warning);
    case SharedColumn: return row.shared;
    case LastRefreshColumn:
        if (sort)
            return s.lastRefresh.isValid() ? s.lastRefresh.toMSecsSinceEpoch() : 0;
        return s.lastRefresh.isValid()
                   ? tr("%1 (%2 ms)").arg(QLocale().toString(s.lastRefresh.time(), QLocale::LongFormat)).arg(s.lastDurationMs)
                   : tr("never");
    case ColumnCount: break;
    }
    return {};
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn: return tr("Gateway");
    case ReachableColumn: return tr("Reachable");
    case VersionColumn: return tr("Version");
    case GroupsColumn: return tr("Groups");
    case StaleColumn: return tr("Stale");
    case FailedColumn: return tr("Failed");
    case WarningColumn: return tr("Warning");
    case SharedColumn: return tr("Keys also elsewhere");
    case LastRefreshColumn: return tr("Last refresh");
    case ColumnCount: break;
    }
    return {};
}

} // namespace PushDeck
