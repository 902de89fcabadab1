#pragma once
// The metric families of one group as a tree: family → series → buckets or
// quantiles. Refreshes of the same group are merged in place, so the rows a
// user expanded stay expanded while the values tick.

#include "core/metrics.h"

#include <QAbstractItemModel>
#include <QHash>

namespace PushDeck {

// Families are sorted by name, series by their full label set; buckets and
// quantiles keep the order the group has them in. Indexes carry stable ids
// (never positions or pointers), so persistent indexes follow their family
// or series through insertions and removals around them:
//   family index:             internalId 0
//   series index:             internalId = id of its family
//   bucket/quantile index:    internalId = id of its series
// Only column 0 has children.
class FamilyTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FamilyTreeModel)

public:
    enum Column {
        NameColumn,   // family name, series labels {a="b"} (without key and empty labels), le="0.1"/quantile="0.5"
        TypeColumn,   // family type ("counter", "histogram", ...)
        ValueColumn,  // value; histogram/summary series: "count 3, sum 1.5"; family: "2 series"
        HelpColumn,   // family help text
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KeyRole = Qt::UserRole, // GroupingKey of the group shown
        SortRole,               // raw: name/help/type text, value as double, bound as double
        KindRole,               // int(Kind)
        FamilyNameRole,         // QString, the family the row belongs to (any level)
        LabelsRole,             // LabelPairs of the series (series, bucket and quantile rows)
        ValueRole,              // double: value; count for histogram/summary series; bucket count; quantile value
        TypeRole,               // int(MetricType) of the family (any level)
    };
    Q_ENUM(Role)

    enum class Kind { Family, Series, Bucket, Quantile };
    Q_ENUM(Kind)

    explicit FamilyTreeModel(QObject *parent = nullptr);
    ~FamilyTreeModel() override;

    // Shows `group`. The same key as before is merged in place (families and
    // series inserted/removed, values updated with dataChanged); a different
    // key resets the model. A family whose type changed is replaced. When a
    // family name or a series label set occurs twice, the first one is kept.
    void setGroup(const Group &group);
    void clear();
    bool hasGroup() const { return m_hasGroup; }
    const GroupingKey &key() const { return m_key; }

    Kind kind(const QModelIndex &index) const;
    QModelIndex familyIndex(QStringView name, int column = 0) const;
    QModelIndex seriesIndex(QStringView familyName, const LabelPairs &labels, int column = 0) const;
    // `{a="b",c="d"}` without the key's labels and without empty-valued labels.
    static QString seriesLabelText(const LabelPairs &labels, const GroupingKey &key);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct SeriesNode
    {
        quintptr id = 0;
        Series series;
    };
    struct FamilyNode
    {
        quintptr id = 0;
        QString name;
        MetricType type = MetricType::Untyped;
        QString help;
        QList<SeriesNode> series;
    };
    struct SeriesLocation
    {
        quintptr familyId = 0;
        int row = 0;
    };
    // What an index points at, resolved through the id tables.
    struct Node
    {
        Kind kind = Kind::Family;
        int family = -1;
        int series = -1;
        int leaf = -1;
    };

    Node resolve(const QModelIndex &index) const;
    quintptr nextFamilyId() { return ++m_idCounter << 1; }      // even
    quintptr nextSeriesId() { return (++m_idCounter << 1) | 1; } // odd
    FamilyNode makeFamilyNode(const MetricFamily &family, const QList<const Series *> &series);
    void rebuildFamilyRows();
    void relocateSeries(const FamilyNode &family, int fromRow);
    void forgetSeries(const FamilyNode &family, int first, int last);
    void mergeFamilies(const Group &group);
    void mergeSeries(int familyRow, const QList<const Series *> &incoming);
    void updateSeries(int familyRow, int seriesRow, const Series &incoming);
    QVariant familyData(const FamilyNode &family, int column, int role) const;
    QVariant seriesData(const FamilyNode &family, const SeriesNode &series, int column, int role) const;
    QVariant leafData(const FamilyNode &family, const SeriesNode &series, int leaf, int column, int role) const;

    bool m_hasGroup = false;
    GroupingKey m_key;
    QList<FamilyNode> m_families;
    QHash<quintptr, int> m_familyRow;              // family id -> row
    QHash<quintptr, SeriesLocation> m_seriesLocation; // series id -> family and row
    quintptr m_idCounter = 0;
};

} // namespace PushDeck
