#include "views/operations/operationkeytable.h"

#include "core/duration.h"
#include "views/common/stateicons.h"

#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QStyle>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Sorts by SortRole when set (ages as numbers, states by severity) instead of
// by the display text.
class SortItem final : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant a = data(OperationKeyTable::SortRole);
        const QVariant b = other.data(OperationKeyTable::SortRole);
        if (a.isValid() && b.isValid())
            return QVariant::compare(a, b) == QPartialOrdering::Less;
        return QTableWidgetItem::operator<(other);
    }
};

QTableWidgetItem *makeItem(const QString &text, const QVariant &sort = {})
{
    auto *it = new SortItem(text);
    it->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (sort.isValid())
        it->setData(OperationKeyTable::SortRole, sort);
    return it;
}

QIcon outcomeIcon(DeleteOutcome outcome)
{
    QStyle *style = QApplication::style();
    switch (outcome) {
    case DeleteOutcome::Deleted: return style->standardIcon(QStyle::SP_DialogApplyButton);
    case DeleteOutcome::StillPresent:
    case DeleteOutcome::ChangedSincePreview:
    case DeleteOutcome::Unverified: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case DeleteOutcome::Failed: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case DeleteOutcome::NotSent: return {};
    }
    return {};
}

} // namespace

OperationKeyTable::OperationKeyTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(u"operationKeyTable"_s);
    setHorizontalHeaderLabels({tr("Grouping key"), tr("Age"), tr("State"), tr("Outcome"), tr("Detail")});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideMiddle);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AgeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DetailColumn, QHeaderView::Interactive);
    header->setMinimumSectionSize(60);
    setColumnHidden(OutcomeColumn, true);
    setColumnHidden(DetailColumn, true);
    // Keep the caller's order (oldest first, key order) until a header is
    // clicked: no sort indicator before sorting is switched on.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    // Rows move when sorted: the key → row index follows.
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] { rebuildRowIndex(); });
}

OperationKeyTable::~OperationKeyTable() = default;

QList<PruneCandidate> OperationKeyTable::candidatesFor(const QList<Group> &groups, const StalenessPolicy &policy, double now)
{
    QList<PruneCandidate> out;
    out.reserve(groups.size());
    for (const Group &group : groups) {
        PruneCandidate c;
        c.group = group;
        c.ageSeconds = groupAge(group, now);
        c.verdict = policy.evaluate(group, now);
        out.append(std::move(c));
    }
    return out;
}

QString OperationKeyTable::outcomeLabel(DeleteOutcome outcome)
{
    switch (outcome) {
    case DeleteOutcome::Deleted: return tr("Deleted");
    case DeleteOutcome::StillPresent: return tr("Still present");
    case DeleteOutcome::Failed: return tr("Failed");
    case DeleteOutcome::NotSent: return tr("Not sent");
    case DeleteOutcome::Unverified: return tr("Unverified");
    case DeleteOutcome::ChangedSincePreview: return tr("Changed since preview");
    }
    return {};
}

void OperationKeyTable::setCandidates(const QList<PruneCandidate> &candidates)
{
    m_candidates = candidates;
    setSortingEnabled(false);
    clearContents();
    setRowCount(int(candidates.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < candidates.size(); ++row) {
        const PruneCandidate &c = candidates[row];
        const QString keyText = c.key().toString();
        auto *keyItem = makeItem(keyText, keyText);
        keyItem->setFont(mono);
        keyItem->setToolTip(keyText);
        keyItem->setData(KeyTextRole, keyText);
        keyItem->setData(KeyRole, QVariant::fromValue(c.key()));
        setItem(row, KeyColumn, keyItem);

        const bool never = std::isinf(c.ageSeconds);
        auto *ageItem = makeItem(never ? tr("never pushed") : formatAge(c.ageSeconds), c.ageSeconds);
        ageItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (c.group.pushTime > 0)
            ageItem->setToolTip(tr("last successful push %1")
                                    .arg(QDateTime::fromMSecsSinceEpoch(qint64(c.group.pushTime * 1000))
                                             .toString(u"yyyy-MM-dd HH:mm:ss"_s)));
        setItem(row, AgeColumn, ageItem);

        auto *stateItem = makeItem(StateIcons::label(c.verdict.state), int(c.verdict.state));
        stateItem->setIcon(StateIcons::icon(c.verdict.state));
        stateItem->setToolTip(StateIcons::description(c.verdict.state));
        setItem(row, StateColumn, stateItem);
    }
    setColumnHidden(OutcomeColumn, true);
    setColumnHidden(DetailColumn, true);
    setSortingEnabled(true);
    setCurrentItem(nullptr);
    rebuildRowIndex();
}

void OperationKeyTable::setReport(const BulkDeleteReport &report)
{
    setSortingEnabled(false);
    rebuildRowIndex();
    for (const KeyDeleteReport &k : report.keys) {
        int row = m_rowByKey.value(k.key, -1);
        if (row < 0) {
            row = rowCount();
            insertRow(row);
            const QString keyText = k.key.toString();
            auto *keyItem = makeItem(keyText, keyText);
            keyItem->setData(KeyTextRole, keyText);
            keyItem->setData(KeyRole, QVariant::fromValue(k.key));
            setItem(row, KeyColumn, keyItem);
            m_rowByKey.insert(k.key, row);
        }
        auto *outcomeItem = makeItem(outcomeLabel(k.outcome), int(k.outcome));
        outcomeItem->setIcon(outcomeIcon(k.outcome));
        outcomeItem->setData(OutcomeRole, deleteOutcomeName(k.outcome));
        setItem(row, OutcomeColumn, outcomeItem);

        QString detail = k.error;
        if (k.outcome == DeleteOutcome::NotSent && detail.isEmpty()) {
            if (report.dryRun)
                detail = tr("dry run: would be deleted");
            else if (k.present == KeyDeleteReport::Presence::Present)
                detail = tr("still on the gateway");
            else if (k.present == KeyDeleteReport::Presence::Absent)
                detail = tr("no longer on the gateway (removed by someone else)");
        } else if (k.outcome == DeleteOutcome::Deleted && detail.isEmpty()) {
            detail = tr("verified gone");
        }
        auto *detailItem = makeItem(detail);
        detailItem->setToolTip(detail);
        setItem(row, DetailColumn, detailItem);
    }
    setColumnHidden(OutcomeColumn, false);
    setColumnHidden(DetailColumn, false);
    // The key column stretches; the detail gets what a typical message needs.
    horizontalHeader()->resizeSection(DetailColumn, std::max(220, fontMetrics().horizontalAdvance(u'x') * 40));
    setSortingEnabled(true);
    rebuildRowIndex();
}

QStringList OperationKeyTable::keyTexts() const
{
    QStringList out;
    out.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        if (const QTableWidgetItem *it = item(row, KeyColumn))
            out.append(it->data(KeyTextRole).toString());
    }
    return out;
}

QString OperationKeyTable::outcomeText(const GroupingKey &key) const
{
    const int row = m_rowByKey.value(key, -1);
    const QTableWidgetItem *it = row >= 0 ? item(row, OutcomeColumn) : nullptr;
    return it ? it->text() : QString();
}

void OperationKeyTable::rebuildRowIndex()
{
    m_rowByKey.clear();
    m_rowByKey.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        const QTableWidgetItem *it = item(row, KeyColumn);
        if (!it)
            continue;
        m_rowByKey.insert(it->data(KeyRole).value<GroupingKey>(), row);
    }
}

} // namespace PushDeck
