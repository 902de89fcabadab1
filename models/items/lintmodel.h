#pragma once
// The lint findings as a two-level tree for the Pitfalls panel: findings at
// the top (worst first), their affected groups below. New results are merged
// row by row, so selection and expanded findings survive every poll.

#include "staleness/lint.h"

#include <QAbstractItemModel>

#include <optional>

namespace PushDeck {

class LintModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LintModel)
public:
    enum Column { TitleColumn, DetailColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole, // int(LintSeverity), on every row of a finding
        FindingIdRole,               // rule id ("colliding-keys", ...)
        KeysRole,                    // QList<GroupingKey>: all of a finding's groups, or the one group
        AdviceRole,                  // the finding's advice text
        IsFindingRole,               // true on finding rows, false on group rows
    };

    explicit LintModel(QObject *parent = nullptr);

    // Runs the lint and merges the result.
    void update(const QList<Group> &groups, const StalenessPolicy &policy, double now);
    // The same, with the lint run on a worker thread (at 10,000 groups it
    // takes longer than a frame); the result is merged when it arrives,
    // unless a newer update was asked for meanwhile. One run at a time: asks
    // while one runs are coalesced into one more run with the latest input.
    void updateInBackground(const QList<Group> &groups, const StalenessPolicy &policy, double now);
    bool isUpdating() const { return m_running; }
    // Merges findings (as Lint::run orders them).
    void setFindings(const QList<LintFinding> &findings);
    const QList<LintFinding> &findings() const { return m_findings; }
    int groupCount() const { return m_groupCount; }

    void setOptions(const LintOptions &options) { m_options = options; }
    const LintOptions &options() const { return m_options; }

    // The finding at a top-level or group row's parent; nullptr when invalid.
    const LintFinding *findingFor(const QModelIndex &index) const;
    // The keys a click on `index` should select: the finding's groups, or the
    // one group.
    QList<GroupingKey> keysFor(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After every update/setFindings, with the new counts.
    void findingsChanged();

private:
    int rowOfNode(quintptr node) const;
    void mergeGroups(int row, const LintFinding &next);

    QList<LintFinding> m_findings;
    // A stable id per finding row: group rows carry their finding's id as
    // internalId, which stays valid when finding rows move.
    QList<quintptr> m_nodes;
    quintptr m_nextNode = 1;
    int m_groupCount = 0;
    LintOptions m_options;
    struct Input
    {
        QList<Group> groups;
        StalenessPolicy policy;
        double now = 0;
    };
    void startRun(Input input);
    bool m_running = false;
    std::optional<Input> m_pending;
};

} // namespace PushDeck
