#pragma once
// The fleet overview: one row per open gateway with reachability, version,
// group counts by state and the last refresh, and how many of its grouping
// keys also exist on another open gateway.

#include "staleness/stalenesspolicy.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>
#include <QUrl>

namespace PushDeck {

struct GatewaySummary
{
    QString name;                 // host:port/prefix
    QUrl url;
    bool reachable = false;       // the last refresh succeeded
    bool refreshed = false;       // any refresh succeeded so far
    QString error;                // the last refresh's error, if it failed
    QString version;
    int groups = 0;
    std::array<int, StalenessCount> states{}; // indexed by int(Staleness)
    QDateTime lastRefresh;
    qint64 lastDurationMs = 0;
    QSet<GroupingKey> keys;
};

class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)
public:
    enum Column { NameColumn, ReachableColumn, VersionColumn, GroupsColumn, StaleColumn, FailedColumn,
                  WarningColumn, SharedColumn, LastRefreshColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SortRole = Qt::UserRole, ReachableRole, SharedKeysRole };

    explicit FleetModel(QObject *parent = nullptr);

    // Rows follow the caller's gateway order: append, update, remove.
    void appendGateway(const GatewaySummary &summary);
    void updateGateway(int row, const GatewaySummary &summary);
    void removeGateway(int row);
    const GatewaySummary &gateway(int row) const { return m_rows.at(row).summary; }
    // Keys of `row` present on at least one other gateway, sorted.
    QList<GroupingKey> sharedKeys(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        GatewaySummary summary;
        int shared = 0;
    };
    void recomputeShared();

    QList<Row> m_rows;
};

} // namespace PushDeck
