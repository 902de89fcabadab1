#include "items/fleetgroupsmodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

FleetGroupsModel::FleetGroupsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

FleetGroupsModel::~FleetGroupsModel()
{
    for (Source &source : m_sources)
        disconnectSource(source);
}

int FleetGroupsModel::indexOf(const QObject *source) const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).model == source)
            return i;
    }
    return -1;
}

int FleetGroupsModel::gatewayIndexOf(const GroupTableModel *source) const
{
    return indexOf(source);
}

void FleetGroupsModel::shiftOffsetsAfter(int gateway, int delta)
{
    for (int i = gateway + 1; i < m_sources.size(); ++i)
        m_sources[i].offset += delta;
}

void FleetGroupsModel::disconnectSource(Source &source)
{
    for (const QMetaObject::Connection &connection : std::as_const(source.connections))
        disconnect(connection);
    source.connections.clear();
}

void FleetGroupsModel::addGateway(GroupTableModel *model, const QString &name, const QUrl &url)
{
    if (!model || indexOf(model) >= 0)
        return;
    const int offset = rowCount();
    const int count = model->rowCount();
    if (count > 0)
        beginInsertRows({}, offset, offset + count - 1);
    Source source;
    source.model = model;
    source.name = name;
    source.url = url;
    source.offset = offset;
    source.count = count;
    m_sources.append(source);
    if (count > 0)
        endInsertRows();

    // Handlers look the source up by pointer: positions change as gateways
    // come and go.
    auto find = [this, model] { return indexOf(model); };
    QList<QMetaObject::Connection> &c = m_sources.last().connections;
    c << connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                 [this, find](const QModelIndex &parent, int first, int last) {
                     const int g = find();
                     if (g < 0 || parent.isValid() || g == m_resetting)
                         return;
                     beginInsertRows({}, m_sources[g].offset + first, m_sources[g].offset + last);
                 });
    c << connect(model, &QAbstractItemModel::rowsInserted, this, [this, find](const QModelIndex &parent, int first, int last) {
        const int g = find();
        if (g < 0 || parent.isValid() || g == m_resetting)
            return;
        const int n = last - first + 1;
        m_sources[g].count += n;
        shiftOffsetsAfter(g, n);
        endInsertRows();
    });
    c << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                 [this, find](const QModelIndex &parent, int first, int last) {
                     const int g = find();
                     if (g < 0 || parent.isValid() || g == m_resetting)
                         return;
                     beginRemoveRows({}, m_sources[g].offset + first, m_sources[g].offset + last);
                 });
    c << connect(model, &QAbstractItemModel::rowsRemoved, this, [this, find](const QModelIndex &parent, int first, int last) {
        const int g = find();
        if (g < 0 || parent.isValid() || g == m_resetting)
            return;
        const int n = last - first + 1;
        m_sources[g].count -= n;
        shiftOffsetsAfter(g, -n);
        endRemoveRows();
    });
    c << connect(model, &QAbstractItemModel::dataChanged, this,
                 [this, find](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                     const int g = find();
                     if (g >= 0 && g != m_resetting)
                         onDataChanged(g, topLeft, bottomRight, roles);
                 });
    // Resets, layout changes and moves (GroupTableModel emits none of them)
    // become "all its rows removed, then the new ones inserted": only this
    // gateway's rows change, and no proxy or view above us is reset.
    auto removeAll = [this, find] {
        const int g = find();
        if (g < 0 || g == m_resetting)
            return;
        Source &s = m_sources[g];
        if (s.count > 0) {
            beginRemoveRows({}, s.offset, s.offset + s.count - 1);
            const int n = s.count;
            s.count = 0;
            shiftOffsetsAfter(g, -n);
            endRemoveRows();
        }
        m_resetting = g;
    };
    auto insertAll = [this, find] {
        const int g = find();
        if (g < 0 || g != m_resetting)
            return;
        m_resetting = -1;
        Source &s = m_sources[g];
        const int n = s.model->rowCount();
        if (n > 0) {
            beginInsertRows({}, s.offset, s.offset + n - 1);
            s.count = n;
            shiftOffsetsAfter(g, n);
            endInsertRows();
        }
    };
    c << connect(model, &QAbstractItemModel::modelAboutToBeReset, this, removeAll);
    c << connect(model, &QAbstractItemModel::modelReset, this, insertAll);
    c << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, removeAll);
    c << connect(model, &QAbstractItemModel::layoutChanged, this, insertAll);
    c << connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, removeAll);
    c << connect(model, &QAbstractItemModel::rowsMoved, this, insertAll);
    c << connect(model, &QObject::destroyed, this, [this, model] {
        // The model is half gone: only our bookkeeping is used.
        const int g = indexOf(model);
        if (g < 0)
            return;
        Source &s = m_sources[g];
        s.connections.clear(); // disconnected by the sender's destruction
        if (s.count > 0)
            beginRemoveRows({}, s.offset, s.offset + s.count - 1);
        const int n = s.count;
        shiftOffsetsAfter(g, -n);
        m_sources.removeAt(g);
        if (n > 0)
            endRemoveRows();
    });
}

void FleetGroupsModel::removeGateway(GroupTableModel *model)
{
    const int g = indexOf(model);
    if (g < 0)
        return;
    Source &s = m_sources[g];
    disconnectSource(s);
    const int n = s.count;
    if (n > 0)
        beginRemoveRows({}, s.offset, s.offset + n - 1);
    shiftOffsetsAfter(g, -n);
    m_sources.removeAt(g);
    if (n > 0)
        endRemoveRows();
    // Later gateways moved up one position.
    if (g < m_sources.size() && rowCount() > 0) {
        const Source &next = m_sources.at(g);
        const int last = rowCount() - 1;
        if (next.offset <= last)
            Q_EMIT dataChanged(index(next.offset, GatewayColumn), index(last, GatewayColumn), {GatewayIndexRole});
    }
}

void FleetGroupsModel::setGateway(GroupTableModel *model, const QString &name, const QUrl &url)
{
    const int g = indexOf(model);
    if (g < 0)
        return;
    Source &s = m_sources[g];
    if (s.name == name && s.url == url)
        return;
    s.name = name;
    s.url = url;
    if (s.count > 0)
        Q_EMIT dataChanged(index(s.offset, GatewayColumn), index(s.offset + s.count - 1, GatewayColumn));
}

void FleetGroupsModel::onDataChanged(int gateway, const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                     const QList<int> &roles)
{
    const Source &s = m_sources.at(gateway);
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid() || s.count == 0)
        return;
    const int firstRow = std::max(0, topLeft.row());
    const int lastRow = std::min(s.count - 1, bottomRight.row());
    if (firstRow > lastRow)
        return;
    // Which of our columns show the changed source columns.
    int left = ColumnCount;
    int right = -1;
    auto cover = [&](int column) {
        left = std::min(left, column);
        right = std::max(right, column);
    };
    const GroupTableModel *m = s.model;
    for (int section = topLeft.column(); section <= bottomRight.column(); ++section) {
        const auto fixed = m->fixedColumn(section);
        if (!fixed) {
            cover(KeyColumn); // a label column: the key (and job) text
            cover(JobColumn);
            continue;
        }
        switch (*fixed) {
        case GroupTableModel::LastPushColumn: cover(LastPushColumn); break;
        case GroupTableModel::AgeColumn: cover(AgeColumn); break;
        case GroupTableModel::OkColumn: cover(OkColumn); break;
        case GroupTableModel::StateColumn: cover(StateColumn); break;
        default: cover(KeyColumn); break; // counts: only the row roles (GroupRole) changed
        }
    }
    if (right < 0)
        return;
    Q_EMIT dataChanged(index(s.offset + firstRow, left), index(s.offset + lastRow, right), roles);
}

int FleetGroupsModel::gatewayOfRow(int row) const
{
    // Called for every row a proxy sorts or filters: binary search over the
    // offsets (the last gateway starting at or before `row`).
    int lo = 0;
    int hi = int(m_sources.size()) - 1;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (m_sources.at(mid).offset <= row)
            lo = mid;
        else
            hi = mid - 1;
    }
    // Skip empty gateways sharing the offset.
    while (lo < m_sources.size() && row >= m_sources.at(lo).offset + m_sources.at(lo).count)
        ++lo;
    return lo < m_sources.size() ? lo : -1;
}

int FleetGroupsModel::sourceRow(int row) const
{
    const int g = gatewayOfRow(row);
    return g < 0 ? -1 : row - m_sources.at(g).offset;
}

const Group &FleetGroupsModel::group(int row) const
{
    const int g = gatewayOfRow(row);
    const Source &s = m_sources.at(g);
    return s.model->group(row - s.offset);
}

int FleetGroupsModel::rowOf(const GroupTableModel *source, const GroupingKey &key) const
{
    const int g = indexOf(source);
    if (g < 0)
        return -1;
    const int r = source->rowOf(key);
    return r < 0 || r >= m_sources.at(g).count ? -1 : m_sources.at(g).offset + r;
}

int FleetGroupsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_sources.isEmpty())
        return 0;
    const Source &last = m_sources.last();
    return last.offset + last.count;
}

int FleetGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetGroupsModel::sourceCell(const Source &source, int row, GroupTableModel::Column column, int role) const
{
    const GroupTableModel *m = source.model;
    return m->data(m->index(row, m->columnFor(column)), role);
}

QVariant FleetGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int g = gatewayOfRow(index.row());
    if (g < 0)
        return {};
    const Source &s = m_sources.at(g);
    const int row = index.row() - s.offset;
    const GroupTableModel *m = s.model;

    switch (role) {
    case GatewayNameRole: return s.name;
    case GatewayUrlRole: return s.url;
    case GatewayIndexRole: return g;
    case GroupTableModel::KeyRole:
    case GroupTableModel::KeyTextRole:
    case GroupTableModel::StateRole:
    case GroupTableModel::PushTimeRole:
    case GroupTableModel::AgeRole:
    case GroupTableModel::GroupRole:
    case GroupTableModel::ExpectedIntervalRole:
        return m->data(m->index(row, 0), role);
    default:
        break;
    }

    switch (Column(index.column())) {
    case GatewayColumn:
        switch (role) {
        case Qt::DisplayRole: return s.name;
        // Within a gateway, by key: sorting by gateway gives a stable, readable order.
        case GroupTableModel::SortRole: return QString(s.name + QChar(0x1f) + m->keyText(row));
        case Qt::ToolTipRole: return s.url.isEmpty() ? s.name : s.url.toDisplayString(QUrl::RemoveUserInfo);
        default: return {};
        }
    case KeyColumn:
        switch (role) {
        case Qt::DisplayRole:
        case GroupTableModel::SortRole:
        case Qt::ToolTipRole: return m->keyText(row);
        default: return {};
        }
    case JobColumn: {
        const GroupingKey &key = m->group(row).key;
        switch (role) {
        case Qt::DisplayRole:
        case GroupTableModel::SortRole: return key.value(u"job"_s);
        default: return {};
        }
    }
    case LastPushColumn: return sourceCell(s, row, GroupTableModel::LastPushColumn, role);
    case AgeColumn: return sourceCell(s, row, GroupTableModel::AgeColumn, role);
    case OkColumn: return sourceCell(s, row, GroupTableModel::OkColumn, role);
    case StateColumn: return sourceCell(s, row, GroupTableModel::StateColumn, role);
    case ColumnCount: break;
    }
    return {};
}

QVariant FleetGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case GatewayColumn: return tr("Gateway");
        case KeyColumn: return tr("Grouping key");
        case JobColumn: return tr("Job");
        case LastPushColumn: return tr("Last push");
        case AgeColumn: return tr("Age");
        case OkColumn: return tr("OK");
        case StateColumn: return tr("State");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case GatewayColumn: return tr("The gateway the group is on (filter with {__gateway__=\"host:port\"})");
        case KeyColumn: return tr("The exact grouping key: a group with more or fewer labels is another group");
        case JobColumn: return tr("The job label of the grouping key");
        case LastPushColumn: return tr("Time of the last successful push (push_time_seconds), local time");
        case AgeColumn: return tr("Time since the last successful push");
        case OkColumn: return tr("Whether the last push to this group succeeded (a failed push keeps the old data)");
        case StateColumn: return tr("Staleness judged by the rules, the learned push cadence or the defaults");
        case ColumnCount: break;
        }
    }
    return {};
}

QHash<int, QByteArray> FleetGroupsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(GroupTableModel::KeyRole, "key");
    names.insert(GroupTableModel::KeyTextRole, "keyText");
    names.insert(GroupTableModel::StateRole, "state");
    names.insert(GroupTableModel::AgeRole, "age");
    names.insert(GatewayNameRole, "gateway");
    names.insert(GatewayUrlRole, "gatewayUrl");
    return names;
}

} // namespace PushDeck
