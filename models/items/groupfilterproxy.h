#pragma once
// The one filter/sort proxy over the group table: free text over the key,
// a label selector, allowed staleness states, an age range and a set of keys. Sorts by the
// source's raw SortRole, so ages and counts sort as numbers.

#include "core/labelmatcher.h"
#include "staleness/stalenesspolicy.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace PushDeck {

class GroupTableModel;

// Works on any source that answers GroupTableModel's KeyRole, KeyTextRole,
// StateRole and AgeRole on column 0. Filters re-run on the source's
// dataChanged (dynamic filtering), so the minimum age follows the model's
// tick() and states follow its staleness changes.
class GroupFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupFilterProxy)

public:
    explicit GroupFilterProxy(QObject *parent = nullptr);
    ~GroupFilterProxy() override;

    // Case-insensitive substring of the key text `{job="a",...}`; empty: all.
    QString filterText() const { return m_text; }
    void setFilterText(const QString &text);

    const LabelMatcher &matcher() const { return m_matcher; }
    void setMatcher(const LabelMatcher &matcher);
    // What the toolbar filter box types: text starting with `{` is a label
    // selector, anything else plain text. Returns the selector's parse error
    // (the last valid filter then stays, so typing never blanks the table),
    // or an empty string.
    QString applyFilterBoxText(const QString &text);

    // The states shown; empty: all.
    QList<Staleness> allowedStates() const;
    void setAllowedStates(const QList<Staleness> &states);

    // Only groups whose last successful push is at least this old (seconds);
    // groups that never pushed count as infinitely old. 0: off.
    double minimumAge() const { return m_minimumAge; }
    void setMinimumAge(double seconds);
    // Only groups younger than this (seconds); 0 or +inf: off. With the
    // minimum age, the range of an age-chart bar.
    double maximumAge() const { return m_maximumAge; }
    void setMaximumAge(double seconds);

    // Only the groups with these keys (e.g. those that went stale since the
    // last look); empty: off.
    const QSet<GroupingKey> &keyFilter() const { return m_keys; }
    void setKeyFilter(const QSet<GroupingKey> &keys);

    // Sources spanning several gateways (FleetGroupsModel): `role` gives a
    // row's gateway name. The matcher then sees it as the pseudo-label
    // __gateway__ ({__gateway__="prod:9091"}, {__gateway__=~"prod.*"}) and
    // the free text also searches it. -1 (the default): off.
    void setGatewayRole(int role);
    int gatewayRole() const { return m_gatewayRole; }
    static QString gatewayLabel() { return QStringLiteral("__gateway__"); }

    // True when any filter is set (to tell "no groups" from "none match").
    bool isFiltering() const;

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void filtersEdited();
    void restoreSortColumn();

    QString m_text;
    GroupTableModel *m_table = nullptr; // the source, when it is one
    QStringList m_sortValues;            // during sort(): the label column's values by source row
    int m_sortValuesColumn = -1;
    LabelMatcher m_matcher;
    quint32 m_stateMask = 0; // bit int(Staleness); 0: all
    double m_minimumAge = 0;
    double m_maximumAge = 0;
    QSet<GroupingKey> m_keys;
    int m_gatewayRole = -1;
    // The source column sorted by, followed across column inserts/removals
    // (see restoreSortColumn()).
    int m_sortColumn = -1;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace PushDeck
