#pragma once
// The exact grouping keys an operation is about, one row each: key, age and
// staleness state in a preview, plus the outcome per key once a bulk delete
// has run. Shared by the delete dialog and the prune wizard, so what the user
// previews and the report they get read the same way.

#include "operations/bulkdeleter.h"
#include "staleness/pruneselection.h"

#include <QHash>
#include <QTableWidget>

namespace PushDeck {

class OperationKeyTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationKeyTable)
public:
    enum Column { KeyColumn, AgeColumn, StateColumn, OutcomeColumn, DetailColumn, ColumnCount };
    enum Role { KeyTextRole = Qt::UserRole, SortRole, OutcomeRole, KeyRole };

    explicit OperationKeyTable(QWidget *parent = nullptr);
    ~OperationKeyTable() override;

    // Preview rows for exactly these candidates, in their order. Hides the
    // outcome columns until setReport().
    void setCandidates(const QList<PruneCandidate> &candidates);
    const QList<PruneCandidate> &candidates() const { return m_candidates; }
    // Candidates for arbitrary groups (a selection, matcher hits): age and
    // verdict as the prune wizard would compute them.
    static QList<PruneCandidate> candidatesFor(const QList<Group> &groups, const StalenessPolicy &policy, double now);

    // Fills the outcome of every key of the report (rows are matched by key;
    // a key of the report that has no row gets one) and shows those columns.
    void setReport(const BulkDeleteReport &report);

    // Key text per row in the current (possibly sorted) row order.
    QStringList keyTexts() const;
    // The outcome column's text for a key ("Deleted", ...), empty when none.
    QString outcomeText(const GroupingKey &key) const;
    int rowOf(const GroupingKey &key) const { return m_rowByKey.value(key, -1); }

    static QString outcomeLabel(DeleteOutcome outcome); // translated, capitalised

private:
    void rebuildRowIndex();

    QList<PruneCandidate> m_candidates;
    QHash<GroupingKey, int> m_rowByKey;
};

} // namespace PushDeck
