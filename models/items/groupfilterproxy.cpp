#include "items/groupfilterproxy.h"

#include <cmath>

#include "items/grouptablemodel.h"

namespace PushDeck {

GroupFilterProxy::GroupFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(GroupTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

GroupFilterProxy::~GroupFilterProxy() = default;

void GroupFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    QSortFilterProxyModel::setSourceModel(source);
    m_table = qobject_cast<GroupTableModel *>(source);
    if (!source)
        return;

    // Label columns come and go in front of the fixed columns.
    m_sourceConnections << connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this,
                                   [this](const QModelIndex &parent, int first, int last) {
                                       if (!parent.isValid() && m_sortColumn >= first)
                                           m_sortColumn += last - first + 1;
                                   });
    m_sourceConnections << connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this,
                                   [this](const QModelIndex &parent, int first, int last) {
                                       if (parent.isValid() || m_sortColumn < first)
                                           return;
                                       m_sortColumn = m_sortColumn <= last ? -1 : m_sortColumn - (last - first + 1);
                                   });
    // Connected after QSortFilterProxyModel's own handlers, so these run last.
    m_sourceConnections << connect(source, &QAbstractItemModel::columnsInserted, this, &GroupFilterProxy::restoreSortColumn);
    m_sourceConnections << connect(source, &QAbstractItemModel::columnsRemoved, this, &GroupFilterProxy::restoreSortColumn);
}

void GroupFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column; // no column filtering: proxy and source columns are the same
    // A full sort compares n log n times; a label's value is looked up once
    // per row instead (only for this call: later re-sorts of changed rows
    // look them up as they go).
    if (m_table && sortRole() == GroupTableModel::SortRole && column >= 0 && column < m_table->labelColumnCount()) {
        m_sortValues = m_table->labelValues(column);
        m_sortValuesColumn = column;
    }
    QSortFilterProxyModel::sort(column, order);
    m_sortValues.clear();
    m_sortValuesColumn = -1;
}

QString GroupFilterProxy::applyFilterBoxText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{')) {
        const auto matcher = LabelMatcher::parse(trimmed);
        if (!matcher)
            return matcher.errorString();
        setFilterText({});
        setMatcher(matcher.value());
    } else {
        setMatcher({});
        setFilterText(trimmed);
    }
    return {};
}

bool GroupFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The table model compares its own rows; same order as its SortRole.
    if (m_table && sortRole() == GroupTableModel::SortRole && left.column() == right.column()) {
        if (left.column() == m_sortValuesColumn)
            return m_sortValues.at(left.row()) < m_sortValues.at(right.row());
        return m_table->lessThan(left.row(), right.row(), left.column());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

// Qt 6.4's QSortFilterProxyModel recomputes its sort column after a source
// column insert/removal by mapping source row 0; when the source has no rows
// yet (GroupTableModel adds label columns before the first rows) or row 0 is
// filtered out, the proxy forgets its sort column and stops sorting. Put it
// back; when Qt got it right this is a no-op.
void GroupFilterProxy::restoreSortColumn()
{
    if (sortColumn() != m_sortColumn)
        QSortFilterProxyModel::sort(m_sortColumn, sortOrder());
}

void GroupFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    filtersEdited();
}

void GroupFilterProxy::setMatcher(const LabelMatcher &matcher)
{
    if (matcher.toString() == m_matcher.toString())
        return;
    m_matcher = matcher;
    filtersEdited();
}

QList<Staleness> GroupFilterProxy::allowedStates() const
{
    QList<Staleness> states;
    for (auto state : {Staleness::Unknown, Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed}) {
        if (m_stateMask & (1u << int(state)))
            states.append(state);
    }
    return states;
}

void GroupFilterProxy::setAllowedStates(const QList<Staleness> &states)
{
    quint32 mask = 0;
    for (Staleness state : states)
        mask |= 1u << int(state);
    if (mask == m_stateMask)
        return;
    m_stateMask = mask;
    filtersEdited();
}

void GroupFilterProxy::setMinimumAge(double seconds)
{
    if (!(seconds > 0))
        seconds = 0;
    if (seconds == m_minimumAge)
        return;
    m_minimumAge = seconds;
    filtersEdited();
}

void GroupFilterProxy::setMaximumAge(double seconds)
{
    if (!(seconds > 0) || std::isinf(seconds))
        seconds = 0;
    if (seconds == m_maximumAge)
        return;
    m_maximumAge = seconds;
    filtersEdited();
}

void GroupFilterProxy::setKeyFilter(const QSet<GroupingKey> &keys)
{
    if (keys == m_keys)
        return;
    m_keys = keys;
    filtersEdited();
}

void GroupFilterProxy::setGatewayRole(int role)
{
    if (role == m_gatewayRole)
        return;
    m_gatewayRole = role;
    filtersEdited();
}

bool GroupFilterProxy::isFiltering() const
{
    return !m_text.isEmpty() || !m_matcher.isEmpty() || m_stateMask != 0 || m_minimumAge > 0 || m_maximumAge > 0
           || !m_keys.isEmpty();
}

void GroupFilterProxy::filtersEdited()
{
    invalidateRowsFilter();
    Q_EMIT filtersChanged();
}

bool GroupFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Cheapest tests first: this runs for every row on every tick.
    if (m_stateMask != 0) {
        const int state = index.data(GroupTableModel::StateRole).toInt();
        if (!(m_stateMask & (1u << state)))
            return false;
    }
    if (m_minimumAge > 0 && !(index.data(GroupTableModel::AgeRole).toDouble() >= m_minimumAge))
        return false;
    if (m_maximumAge > 0 && !(index.data(GroupTableModel::AgeRole).toDouble() < m_maximumAge))
        return false;
    if (!m_keys.isEmpty() && !m_keys.contains(index.data(GroupTableModel::KeyRole).value<GroupingKey>()))
        return false;
    if (m_gatewayRole >= 0) {
        const QString gateway = index.data(m_gatewayRole).toString();
        if (!m_text.isEmpty() && !index.data(GroupTableModel::KeyTextRole).toString().contains(m_text, Qt::CaseInsensitive)
            && !gateway.contains(m_text, Qt::CaseInsensitive))
            return false;
        if (!m_matcher.isEmpty()) {
            LabelPairs labels = index.data(GroupTableModel::KeyRole).value<GroupingKey>().labels();
            labels.append({gatewayLabel(), gateway});
            if (!m_matcher.matches(labels))
                return false;
        }
        return true;
    }
    if (!m_text.isEmpty() && !index.data(GroupTableModel::KeyTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    if (!m_matcher.isEmpty() && !m_matcher.matches(index.data(GroupTableModel::KeyRole).value<GroupingKey>()))
        return false;
    return true;
}

} // namespace PushDeck
