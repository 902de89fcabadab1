#pragma once
// The table of groups on a gateway: one row per group, one column per
// grouping-key label name in use, then push time, age, success, counts and
// staleness. Every poll is merged row by row (insert/remove/dataChanged,
// never a reset), so selection, scroll position and sorting survive refreshes.

#include "core/metrics.h"
#include "staleness/stalenesspolicy.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <optional>

namespace PushDeck {

// Column layout: the label columns come first and are dynamic
// ([0, labelColumnCount()): "job" first, the others by how many groups carry
// them, then by name), followed by the fixed columns of `Column` in that
// order. Use columnFor(Column) to get a fixed column's section, fixedColumn()
// to classify a section, and labelNameAt()/labelColumn() for label columns.
// A label column keeps its place while any group carries the label; names
// that appear later are appended after the existing label columns (columns
// never jump around under the user). A label column disappears when no group
// carries the label any more. (Views: QItemSelectionModel leaves the cells
// of an inserted column unselected, so selectedRows() misses rows selected
// before a new label column appeared; read selected rows from column 0.)
//
// Every role is answered on every column where it makes sense, so a proxy or
// delegate can read KeyRole/StateRole/AgeRole from column 0.
class GroupTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupTableModel)

public:
    // The fixed columns, after the label columns; ColumnCount is how many.
    enum Column {
        LastPushColumn,     // local time of the last successful push
        AgeColumn,          // now - push time, compact ("3m12s")
        OkColumn,           // "yes" / "failed": was the last push successful
        FamilyCountColumn,  // pushed families (without the gateway's own two)
        SeriesCountColumn,  // series over all those families
        StateColumn,        // staleness verdict ("fresh", "stale", ...)
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KeyRole = Qt::UserRole, // GroupingKey (QVariant::fromValue)
        SortRole,               // raw value of the cell: double/int/QString
        StateRole,              // int(Staleness), any column
        PushTimeRole,           // double, unix seconds (0: never)
        AgeRole,                // double seconds since the push; +inf when never pushed
        GroupRole,              // Group (implicitly shared copy)
        ExpectedIntervalRole,   // double seconds of the learned cadence, 0: unknown
        KeyTextRole,            // QString, GroupingKey::toString(), cached
    };
    Q_ENUM(Role)

    explicit GroupTableModel(QObject *parent = nullptr);
    ~GroupTableModel() override;

    // Merges a fresh poll: rows of vanished groups are removed (contiguous
    // runs in one signal), new groups are appended in the order given, rows
    // whose data changed get dataChanged (coalesced runs). Label columns are
    // inserted/removed as label names come and go. O(n) in the number of
    // groups. When a key occurs twice in `groups`, the last one wins.
    void setGroups(QList<Group> groups, double now);
    // Removes every row (and so every label column); no reset either.
    void clear();
    // Advances the clock: one dataChanged over the whole Age column, and one
    // over the whole State column when any group's staleness changed.
    void tick(double now);
    double now() const { return m_now; }

    // Re-judges every group (also with new learned cadences); one
    // dataChanged over the State column when any verdict changed.
    void setPolicy(const StalenessPolicy &policy);
    const StalenessPolicy &policy() const { return m_policy; }

    // Column layout (see above).
    int labelColumnCount() const { return int(m_labelNames.size()); }
    const QStringList &labelNames() const { return m_labelNames; }
    int columnFor(Column column) const { return labelColumnCount() + int(column); }
    // The fixed column at `section`, nullopt for label columns and out of range.
    std::optional<Column> fixedColumn(int section) const;
    // The label name of a label column, empty for any other section.
    QString labelNameAt(int section) const;
    // The section of a label column, -1 when no group carries that label.
    int labelColumn(QStringView name) const;

    // Row access. `row` must be in [0, rowCount()).
    const Group &group(int row) const { return rowAt(row).group; }
    const StalenessVerdict &verdict(int row) const { return rowAt(row).verdict; }
    const QString &keyText(int row) const { return rowAt(row).keyText; }
    // -1 when the group is not in the model.
    int rowOf(const GroupingKey &key) const { return m_rowOf.value(key, -1); }
    QModelIndex indexOf(const GroupingKey &key, int column = 0) const;

    // "2026-11-28 10:04:35"-like text in the current locale's short date and
    // time format, always with seconds; "never" for 0 or NaN.
    static QString pushTimeText(double unixSeconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // SortRole order of two rows in a column, without a QVariant per
    // comparison: sorting 10,000 rows through data() took longer than a frame.
    bool lessThan(int leftRow, int rightRow, int column) const;
    // Changes whenever a group appears or goes: consumers that derive
    // something from the set of keys (the fleet's shared keys) redo it only
    // then, not on every refresh.
    quint64 keySetVersion() const { return m_keySetVersion; }
    // The values of a label column for every row (empty where absent), in
    // row order: what a sort by that column compares.
    QStringList labelValues(int column) const;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Group group;
        QString keyText;         // cached: filters read it for every row
        int seriesCount = 0;     // cached: Group::seriesCount() walks all families
        StalenessVerdict verdict;
    };

    // Rows behind the removal gap (only while setGroups() removes rows).
    const Row &rowAt(int row) const { return m_rows.at(row < m_gapStart ? row : row + m_gapSize); }
    Row makeRow(Group group) const;
    QVariant labelData(const Row &row, const QString &name, int role) const;
    QVariant fixedData(const Row &row, Column column, int role) const;
    void rebuildRowIndex();
    void removeVanishedLabelColumns(const QSet<QString> &keep);
    void appendLabelColumns(const QList<qsizetype> &newGroups, const QList<Group> &groups);
    // Rows (ascending) whose verdict changed, with the new verdict, not yet
    // stored: applyVerdicts() stores and announces them run by run.
    using VerdictChanges = QList<std::pair<int, StalenessVerdict>>;
    VerdictChanges reevaluate() const;
    void emitColumnChanged(Column column, const QList<int> &roles);
    // Stores the verdicts and emits dataChanged for `column` of each
    // contiguous run of rows right after storing it: a proxy sorted by state
    // re-sorts only those rows, and it can, because every other row still
    // holds the value it was last told about.
    void applyVerdicts(const VerdictChanges &changes, Column column, const QList<int> &roles);

    QList<Row> m_rows;
    quint64 m_keySetVersion = 0;
    int m_gapStart = 0; // removal gap: storage [m_gapStart, m_gapStart + m_gapSize)
    int m_gapSize = 0;  // 0 except inside setGroups()' removal phase
    QHash<GroupingKey, int> m_rowOf;
    QStringList m_labelNames;
    QHash<QString, int> m_labelUse; // label name -> number of groups carrying it
    StalenessPolicy m_policy;
    double m_now = 0;
};

} // namespace PushDeck
