#include "items/familytreemodel.h"

#include "format/value.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

QString valueText(double value)
{
    return QString::fromLatin1(formatValue(value));
}

int leafCount(const Series &series)
{
    return int(series.buckets.size() + series.quantiles.size());
}

bool isAggregate(MetricType type)
{
    return type == MetricType::Histogram || type == MetricType::Summary;
}

// The order the tree shows, and the identity a merge matches by.
QList<const MetricFamily *> sortedFamilies(const QList<MetricFamily> &families)
{
    QList<const MetricFamily *> sorted;
    sorted.reserve(families.size());
    for (const MetricFamily &family : families)
        sorted.append(&family);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->name < b->name; });
    sorted.erase(std::unique(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->name == b->name; }),
                 sorted.end());
    return sorted;
}

QList<const Series *> sortedSeries(const MetricFamily &family)
{
    QList<const Series *> sorted;
    sorted.reserve(family.series.size());
    for (const Series &series : family.series)
        sorted.append(&series);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->labels < b->labels; });
    sorted.erase(std::unique(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->labels == b->labels; }),
                 sorted.end());
    return sorted;
}

// For each current item, the position of the incoming item with the same key
// (-1: gone). Both lists are sorted by key and free of duplicates.
template<typename CurrentKey, typename IncomingKey>
QList<int> matchSorted(int currentCount, int incomingCount, CurrentKey currentKey, IncomingKey incomingKey)
{
    QList<int> match(currentCount, -1);
    int i = 0, j = 0;
    while (i < currentCount && j < incomingCount) {
        const auto &a = currentKey(i);
        const auto &b = incomingKey(j);
        if (a < b) {
            ++i;
        } else if (b < a) {
            ++j;
        } else {
            match[i++] = j++;
        }
    }
    return match;
}

// Brings a sorted current list to the sorted incoming list with the fewest
// row signals: removes unmatched runs (from the end, so row numbers ahead
// stay valid), updates matched items, then inserts runs of new items at
// their final rows. Afterwards row r holds incoming item r.
template<typename Remove, typename Update, typename Insert>
void mergeSorted(const QList<int> &match, int incomingCount, Remove remove, Update update, Insert insert)
{
    for (int i = int(match.size()) - 1; i >= 0; --i) {
        if (match.at(i) >= 0)
            continue;
        const int last = i;
        while (i > 0 && match.at(i - 1) < 0)
            --i;
        remove(i, last);
    }

    QList<int> kept;
    kept.reserve(match.size());
    for (int m : match) {
        if (m >= 0)
            kept.append(m);
    }
    for (int row = 0; row < kept.size(); ++row)
        update(row, kept.at(row));

    // Every incoming item before j is in place at its own row, so a run of
    // new items j..k goes in at row j.
    qsizetype next = 0;
    for (int j = 0; j < incomingCount;) {
        if (next < kept.size() && kept.at(next) == j) {
            ++next;
            ++j;
            continue;
        }
        int k = j;
        while (k + 1 < incomingCount && !(next < kept.size() && kept.at(next) == k + 1))
            ++k;
        insert(j, k);
        j = k + 1;
    }
}

QList<double> bucketBounds(const Series &series)
{
    QList<double> bounds;
    bounds.reserve(series.buckets.size());
    for (const Bucket &bucket : series.buckets)
        bounds.append(bucket.upperBound);
    return bounds;
}

QList<double> quantileRanks(const Series &series)
{
    QList<double> ranks;
    ranks.reserve(series.quantiles.size());
    for (const Quantile &quantile : series.quantiles)
        ranks.append(quantile.quantile);
    return ranks;
}

bool sameNumbers(const QList<double> &a, const QList<double> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), sameNumber);
}

QString allLabelsText(const LabelPairs &labels)
{
    QStringList parts;
    for (const LabelPair &label : labels)
        parts << label.first + u"=\""_s + escapeLabelValue(label.second) + u'"';
    return u'{' + parts.join(u',') + u'}';
}

} // namespace

FamilyTreeModel::FamilyTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

FamilyTreeModel::~FamilyTreeModel() = default;

QString FamilyTreeModel::seriesLabelText(const LabelPairs &labels, const GroupingKey &key)
{
    QStringList parts;
    for (const LabelPair &label : labels) {
        if (label.second.isEmpty())
            continue;
        // A key label is on every series of the group; it only says something
        // when a series carries a different value.
        if (key.contains(label.first) && key.value(label.first) == label.second)
            continue;
        parts << label.first + u"=\""_s + escapeLabelValue(label.second) + u'"';
    }
    return u'{' + parts.join(u',') + u'}';
}

void FamilyTreeModel::clear()
{
    beginResetModel();
    m_hasGroup = false;
    m_key = {};
    m_families.clear();
    m_familyRow.clear();
    m_seriesLocation.clear();
    endResetModel();
}

void FamilyTreeModel::setGroup(const Group &group)
{
    if (m_hasGroup && group.key == m_key) {
        mergeFamilies(group);
        return;
    }

    beginResetModel();
    m_hasGroup = true;
    m_key = group.key;
    m_families.clear();
    m_familyRow.clear();
    m_seriesLocation.clear();
    for (const MetricFamily *family : sortedFamilies(group.families))
        m_families.append(makeFamilyNode(*family, sortedSeries(*family)));
    rebuildFamilyRows();
    endResetModel();
}

FamilyTreeModel::FamilyNode FamilyTreeModel::makeFamilyNode(const MetricFamily &family, const QList<const Series *> &series)
{
    FamilyNode node;
    node.id = nextFamilyId();
    node.name = family.name;
    node.type = family.type;
    node.help = family.help;
    node.series.reserve(series.size());
    for (const Series *s : series)
        node.series.append(SeriesNode{nextSeriesId(), *s});
    relocateSeries(node, 0);
    return node;
}

void FamilyTreeModel::rebuildFamilyRows()
{
    m_familyRow.clear();
    m_familyRow.reserve(m_families.size());
    for (int row = 0; row < m_families.size(); ++row)
        m_familyRow.insert(m_families.at(row).id, row);
}

void FamilyTreeModel::relocateSeries(const FamilyNode &family, int fromRow)
{
    for (int row = fromRow; row < family.series.size(); ++row)
        m_seriesLocation.insert(family.series.at(row).id, SeriesLocation{family.id, row});
}

void FamilyTreeModel::forgetSeries(const FamilyNode &family, int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_seriesLocation.remove(family.series.at(row).id);
}

void FamilyTreeModel::mergeFamilies(const Group &group)
{
    const QList<const MetricFamily *> incoming = sortedFamilies(group.families);
    QList<int> match = matchSorted(
        int(m_families.size()), int(incoming.size()),
        [this](int i) -> const QString & { return m_families.at(i).name; },
        [&](int j) -> const QString & { return incoming.at(j)->name; });
    // A family that changed its type is replaced as a whole: its series and
    // their children mean something else now.
    for (int i = 0; i < match.size(); ++i) {
        if (match.at(i) >= 0 && incoming.at(match.at(i))->type != m_families.at(i).type)
            match[i] = -1;
    }

    auto remove = [this](int first, int last) {
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            const FamilyNode &family = m_families.at(row);
            forgetSeries(family, 0, int(family.series.size()) - 1);
        }
        m_families.remove(first, last - first + 1);
        rebuildFamilyRows();
        endRemoveRows();
    };
    auto update = [&](int row, int j) {
        const MetricFamily &family = *incoming.at(j);
        if (m_families.at(row).help != family.help) {
            m_families[row].help = family.help;
            const QModelIndex changed = index(row, HelpColumn);
            Q_EMIT dataChanged(changed, changed);
        }
        const qsizetype seriesBefore = m_families.at(row).series.size();
        mergeSeries(row, sortedSeries(family));
        if (m_families.at(row).series.size() != seriesBefore) {
            const QModelIndex changed = index(row, ValueColumn);
            Q_EMIT dataChanged(changed, changed);
        }
    };
    auto insert = [&](int first, int last) {
        beginInsertRows({}, first, last);
        for (int j = first; j <= last; ++j)
            m_families.insert(j, makeFamilyNode(*incoming.at(j), sortedSeries(*incoming.at(j))));
        rebuildFamilyRows();
        endInsertRows();
    };
    mergeSorted(match, int(incoming.size()), remove, update, insert);
}

void FamilyTreeModel::mergeSeries(int familyRow, const QList<const Series *> &incoming)
{
    const QModelIndex parent = index(familyRow, 0);
    const QList<int> match = matchSorted(
        int(m_families.at(familyRow).series.size()), int(incoming.size()),
        [&](int i) -> const LabelPairs & { return m_families.at(familyRow).series.at(i).series.labels; },
        [&](int j) -> const LabelPairs & { return incoming.at(j)->labels; });

    auto remove = [&](int first, int last) {
        beginRemoveRows(parent, first, last);
        FamilyNode &family = m_families[familyRow];
        forgetSeries(family, first, last);
        family.series.remove(first, last - first + 1);
        relocateSeries(family, first);
        endRemoveRows();
    };
    auto update = [&](int row, int j) { updateSeries(familyRow, row, *incoming.at(j)); };
    auto insert = [&](int first, int last) {
        beginInsertRows(parent, first, last);
        FamilyNode &family = m_families[familyRow];
        for (int j = first; j <= last; ++j)
            family.series.insert(j, SeriesNode{nextSeriesId(), *incoming.at(j)});
        relocateSeries(family, first);
        endInsertRows();
    };
    mergeSorted(match, int(incoming.size()), remove, update, insert);
}

void FamilyTreeModel::updateSeries(int familyRow, int seriesRow, const Series &incoming)
{
    Series &current = m_families[familyRow].series[seriesRow].series;
    if (sameSeries(current, incoming))
        return;

    const QModelIndex seriesIndex = index(seriesRow, 0, index(familyRow, 0));
    const bool sameLeaves = sameNumbers(bucketBounds(current), bucketBounds(incoming))
        && sameNumbers(quantileRanks(current), quantileRanks(incoming));
    if (sameLeaves) {
        // Same buckets/quantiles: only values changed; one signal over the
        // leaves whose value changed.
        int first = -1, last = -1;
        for (int leaf = 0; leaf < leafCount(current); ++leaf) {
            const bool changed = leaf < current.buckets.size()
                ? !sameNumber(current.buckets.at(leaf).cumulativeCount, incoming.buckets.at(leaf).cumulativeCount)
                : !sameNumber(current.quantiles.at(leaf - current.buckets.size()).value,
                              incoming.quantiles.at(leaf - current.buckets.size()).value);
            if (changed) {
                if (first < 0)
                    first = leaf;
                last = leaf;
            }
        }
        current = incoming;
        if (first >= 0)
            Q_EMIT dataChanged(index(first, ValueColumn, seriesIndex), index(last, ValueColumn, seriesIndex));
    } else {
        if (const int before = leafCount(current); before > 0) {
            beginRemoveRows(seriesIndex, 0, before - 1);
            current.buckets.clear();
            current.quantiles.clear();
            endRemoveRows();
        }
        if (const int after = leafCount(incoming); after > 0) {
            beginInsertRows(seriesIndex, 0, after - 1);
            current = incoming;
            endInsertRows();
        } else {
            current = incoming;
        }
    }
    const QModelIndex changed = seriesIndex.siblingAtColumn(ValueColumn);
    Q_EMIT dataChanged(changed, changed);
}

FamilyTreeModel::Node FamilyTreeModel::resolve(const QModelIndex &index) const
{
    Node node;
    if (!index.isValid() || index.model() != this)
        return node;
    const quintptr id = index.internalId();
    if (id == 0) {
        node.kind = Kind::Family;
        node.family = index.row() < m_families.size() ? index.row() : -1;
        return node;
    }
    if ((id & 1) == 0) {
        node.kind = Kind::Series;
        node.family = m_familyRow.value(id, -1);
        if (node.family >= 0 && index.row() < m_families.at(node.family).series.size())
            node.series = index.row();
        else
            node.family = -1;
        return node;
    }
    const auto location = m_seriesLocation.constFind(id);
    if (location == m_seriesLocation.cend())
        return node;
    node.family = m_familyRow.value(location->familyId, -1);
    if (node.family < 0)
        return node;
    const Series &series = m_families.at(node.family).series.at(location->row).series;
    if (index.row() >= leafCount(series)) {
        node.family = -1;
        return node;
    }
    node.series = location->row;
    node.leaf = index.row();
    node.kind = node.leaf < series.buckets.size() ? Kind::Bucket : Kind::Quantile;
    return node;
}

FamilyTreeModel::Kind FamilyTreeModel::kind(const QModelIndex &index) const
{
    return resolve(index).kind;
}

QModelIndex FamilyTreeModel::familyIndex(QStringView name, int column) const
{
    const auto it = std::lower_bound(m_families.begin(), m_families.end(), name,
                                     [](const FamilyNode &node, QStringView n) { return QStringView(node.name) < n; });
    if (it == m_families.end() || it->name != name)
        return {};
    return index(int(it - m_families.begin()), column);
}

QModelIndex FamilyTreeModel::seriesIndex(QStringView familyName, const LabelPairs &labels, int column) const
{
    const QModelIndex family = familyIndex(familyName);
    if (!family.isValid())
        return {};
    const QList<SeriesNode> &series = m_families.at(family.row()).series;
    const auto it = std::lower_bound(series.begin(), series.end(), labels,
                                     [](const SeriesNode &node, const LabelPairs &l) { return node.series.labels < l; });
    if (it == series.end() || it->series.labels != labels)
        return {};
    return index(int(it - series.begin()), column, family);
}

QModelIndex FamilyTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_families.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const Node node = resolve(parent);
    if (node.family < 0)
        return {};
    const FamilyNode &family = m_families.at(node.family);
    switch (node.kind) {
    case Kind::Family:
        return row < family.series.size() ? createIndex(row, column, family.id) : QModelIndex();
    case Kind::Series: {
        const SeriesNode &series = family.series.at(node.series);
        return row < leafCount(series.series) ? createIndex(row, column, series.id) : QModelIndex();
    }
    case Kind::Bucket:
    case Kind::Quantile:
        break;
    }
    return {};
}

QModelIndex FamilyTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    if (id == 0)
        return {};
    if ((id & 1) == 0) {
        const int row = m_familyRow.value(id, -1);
        return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
    }
    const auto location = m_seriesLocation.constFind(id);
    if (location == m_seriesLocation.cend())
        return {};
    return createIndex(location->row, 0, location->familyId);
}

QModelIndex FamilyTreeModel::sibling(int row, int column, const QModelIndex &index) const
{
    if (!index.isValid() || column < 0 || column >= ColumnCount)
        return {};
    if (row == index.row())
        return createIndex(row, column, index.internalId()); // same parent, same id
    return QAbstractItemModel::sibling(row, column, index);
}

int FamilyTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_families.size());
    if (parent.column() != 0)
        return 0;
    const Node node = resolve(parent);
    if (node.family < 0)
        return 0;
    const FamilyNode &family = m_families.at(node.family);
    switch (node.kind) {
    case Kind::Family: return int(family.series.size());
    case Kind::Series: return leafCount(family.series.at(node.series).series);
    case Kind::Bucket:
    case Kind::Quantile: break;
    }
    return 0;
}

int FamilyTreeModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool FamilyTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant FamilyTreeModel::data(const QModelIndex &index, int role) const
{
    const Node node = resolve(index);
    if (node.family < 0)
        return {};
    const FamilyNode &family = m_families.at(node.family);

    switch (role) {
    case KeyRole: return QVariant::fromValue(m_key);
    case KindRole: return int(node.kind);
    case FamilyNameRole: return family.name;
    case TypeRole: return int(family.type);
    case Qt::TextAlignmentRole:
        return index.column() == ValueColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default: break;
    }

    switch (node.kind) {
    case Kind::Family:
        return familyData(family, index.column(), role);
    case Kind::Series:
        return seriesData(family, family.series.at(node.series), index.column(), role);
    case Kind::Bucket:
    case Kind::Quantile:
        return leafData(family, family.series.at(node.series), node.leaf, index.column(), role);
    }
    return {};
}

QVariant FamilyTreeModel::familyData(const FamilyNode &family, int column, int role) const
{
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case NameColumn:
        if (role == Qt::ToolTipRole)
            return family.help.isEmpty() ? family.name : family.name + u'\n' + family.help;
        return family.name;
    case TypeColumn:
        return metricTypeName(family.type);
    case ValueColumn:
        if (role == SortRole)
            return int(family.series.size());
        return tr("%n series", nullptr, int(family.series.size()));
    case HelpColumn:
        return family.help;
    }
    return {};
}

QVariant FamilyTreeModel::seriesData(const FamilyNode &family, const SeriesNode &node, int column, int role) const
{
    const Series &series = node.series;
    const bool aggregate = isAggregate(family.type);
    if (role == LabelsRole)
        return QVariant::fromValue(series.labels);
    if (role == ValueRole)
        return aggregate ? series.count : series.value;

    switch (column) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
        case SortRole: return seriesLabelText(series.labels, m_key);
        case Qt::ToolTipRole: return QString(family.name + allLabelsText(series.labels));
        }
        break;
    case ValueColumn:
        switch (role) {
        case Qt::DisplayRole:
            if (aggregate)
                return tr("count %1, sum %2").arg(valueText(series.count), valueText(series.sum));
            return valueText(series.value);
        case SortRole: return aggregate ? series.count : series.value;
        case Qt::ToolTipRole:
            if (aggregate)
                return tr("%1_count %2\n%1_sum %3").arg(family.name, valueText(series.count), valueText(series.sum));
            return QString(family.name + allLabelsText(series.labels) + u' ' + valueText(series.value));
        }
        break;
    }
    return {};
}

QVariant FamilyTreeModel::leafData(const FamilyNode &family, const SeriesNode &node, int leaf, int column, int role) const
{
    const Series &series = node.series;
    const bool bucket = leaf < series.buckets.size();
    const double bound = bucket ? series.buckets.at(leaf).upperBound
                                : series.quantiles.at(leaf - series.buckets.size()).quantile;
    const double value = bucket ? series.buckets.at(leaf).cumulativeCount
                                : series.quantiles.at(leaf - series.buckets.size()).value;
    const QString label = (bucket ? u"le=\""_s : u"quantile=\""_s) + valueText(bound) + u'"';

    if (role == LabelsRole)
        return QVariant::fromValue(series.labels);
    if (role == ValueRole)
        return value;

    switch (column) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole: return label;
        case SortRole: return bound;
        case Qt::ToolTipRole:
            return bucket ? tr("%1 observations ≤ %2 (cumulative)").arg(valueText(value), valueText(bound))
                          : tr("%1 quantile").arg(valueText(bound));
        }
        break;
    case ValueColumn:
        switch (role) {
        case Qt::DisplayRole: return valueText(value);
        case SortRole: return value;
        case Qt::ToolTipRole:
            return QString(family.name + (bucket ? u"_bucket"_s : QString()) + allLabelsText(series.labels).chopped(1)
                           + (series.labels.isEmpty() ? QString() : u","_s) + label + u"} "_s + valueText(value));
        }
        break;
    }
    return {};
}

QVariant FamilyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case NameColumn: return tr("Name");
        case TypeColumn: return tr("Type");
        case ValueColumn: return tr("Value");
        case HelpColumn: return tr("Help");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case NameColumn: return tr("Metric family; series by the labels that are not part of the grouping key");
        case TypeColumn: return tr("Metric type as pushed");
        case ValueColumn: return tr("Sample value; count and sum for histograms and summaries");
        case HelpColumn: return tr("HELP text as pushed");
        case ColumnCount: break;
        }
    }
    return {};
}

QHash<int, QByteArray> FamilyTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(SortRole, "sortValue");
    names.insert(KindRole, "kind");
    names.insert(FamilyNameRole, "familyName");
    names.insert(LabelsRole, "labels");
    names.insert(ValueRole, "value");
    names.insert(TypeRole, "type");
    return names;
}

} // namespace PushDeck
