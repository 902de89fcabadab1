#pragma once
// Every group of every open gateway in one table: the rows of each gateway's
// GroupTableModel one after the other, behind a leading Gateway column. It
// follows its sources signal by signal (inserts, removals, dataChanged; never
// a reset), so selection and scroll position survive every gateway's poll.

#include "items/grouptablemodel.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QUrl>

namespace PushDeck {

// Columns are fixed (unlike GroupTableModel, whose label columns differ per
// gateway): the key is shown as its full text, plus the job, which nearly
// every filter and sort starts from. The label matcher of GroupFilterProxy
// still sees every label through KeyRole, and the gateway through
// GatewayNameRole (the proxy's `__gateway__` pseudo-label).
//
// Rows answer GroupTableModel's roles (KeyRole, KeyTextRole, StateRole,
// AgeRole, PushTimeRole, GroupRole, SortRole, ...) with the same numbers, so
// GroupFilterProxy and the row delegates work on it unchanged.
class FleetGroupsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetGroupsModel)

public:
    enum Column {
        GatewayColumn,  // the gateway's name (host:port/prefix)
        KeyColumn,      // the full grouping key {job="a",instance="b"}
        JobColumn,
        LastPushColumn,
        AgeColumn,
        OkColumn,
        StateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        GatewayNameRole = GroupTableModel::KeyTextRole + 16, // QString, the gateway's name
        GatewayUrlRole,                                      // QUrl, its base URL
        GatewayIndexRole,                                    // int, position in the gateway list
    };
    Q_ENUM(Role)

    explicit FleetGroupsModel(QObject *parent = nullptr);
    ~FleetGroupsModel() override;

    // Appends a gateway's rows (rows are inserted, not reset). The model is
    // not owned; a destroyed source is removed automatically.
    void addGateway(GroupTableModel *source, const QString &name, const QUrl &url = {});
    // Removes a gateway's rows; no-op for an unknown source.
    void removeGateway(GroupTableModel *source);
    // Renames a gateway (a tab opened another URL): dataChanged over its rows.
    void setGateway(GroupTableModel *source, const QString &name, const QUrl &url);

    int gatewayCount() const { return int(m_sources.size()); }
    int gatewayIndexOf(const GroupTableModel *source) const;
    GroupTableModel *gatewaySource(int gateway) const { return m_sources.at(gateway).model; }
    QString gatewayName(int gateway) const { return m_sources.at(gateway).name; }
    QUrl gatewayUrl(int gateway) const { return m_sources.at(gateway).url; }

    // Row mapping. `row` in [0, rowCount()).
    int gatewayOfRow(int row) const;
    int sourceRow(int row) const;
    const Group &group(int row) const;
    // The row of a gateway's group, -1 when it is not there.
    int rowOf(const GroupTableModel *source, const GroupingKey &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Source
    {
        GroupTableModel *model = nullptr;
        QString name;
        QUrl url;
        int offset = 0; // first row in this model
        int count = 0;  // rows as this model knows them (follows the signals)
        QList<QMetaObject::Connection> connections;
    };

    int indexOf(const QObject *source) const;
    void shiftOffsetsAfter(int gateway, int delta);
    void disconnectSource(Source &source);
    void onDataChanged(int gateway, const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    QVariant sourceCell(const Source &source, int row, GroupTableModel::Column column, int role) const;

    QList<Source> m_sources;
    // A source's reset (GroupTableModel never resets; other sources might):
    // its rows are removed before and inserted again after.
    int m_resetting = -1;
};

} // namespace PushDeck
