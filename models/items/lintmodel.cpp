#include "items/lintmodel.h"

#include <QtConcurrent>

#include <QSet>

using namespace Qt::StringLiterals;

namespace PushDeck {

LintModel::LintModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void LintModel::update(const QList<Group> &groups, const StalenessPolicy &policy, double now)
{
    m_groupCount = int(groups.size());
    setFindings(Lint::run(groups, policy, now, m_options));
}

void LintModel::updateInBackground(const QList<Group> &groups, const StalenessPolicy &policy, double now)
{
    Input input{groups, policy, now};
    if (m_running) {
        m_pending = std::move(input); // only the newest matters
        return;
    }
    startRun(std::move(input));
}

void LintModel::startRun(Input input)
{
    m_running = true;
    const int count = int(input.groups.size());
    QtConcurrent::run([input = std::move(input), options = m_options] {
        return Lint::run(input.groups, input.policy, input.now, options);
    }).then(this, [this, count](const QList<LintFinding> &findings) {
        m_running = false;
        m_groupCount = count;
        setFindings(findings);
        if (m_pending) {
            Input next = std::move(*m_pending);
            m_pending.reset();
            startRun(std::move(next));
        }
    });
}

void LintModel::setFindings(const QList<LintFinding> &next)
{
    QSet<QString> nextIds;
    for (const LintFinding &finding : next)
        nextIds.insert(finding.identity());
    for (int i = int(m_findings.size()) - 1; i >= 0; --i) {
        if (nextIds.contains(m_findings.at(i).identity()))
            continue;
        beginRemoveRows({}, i, i);
        m_findings.removeAt(i);
        m_nodes.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < next.size(); ++i) {
        const LintFinding &wanted = next.at(i);
        const QString identity = wanted.identity();
        int found = -1;
        for (int k = i; k < m_findings.size(); ++k) {
            if (m_findings.at(k).identity() == identity) {
                found = k;
                break;
            }
        }
        if (found < 0) {
            beginInsertRows({}, i, i);
            m_findings.insert(i, wanted);
            m_nodes.insert(i, m_nextNode++);
            endInsertRows();
            continue;
        }
        if (found != i) {
            beginMoveRows({}, found, found, {}, i);
            m_findings.move(found, i);
            m_nodes.move(found, i);
            endMoveRows();
        }
        mergeGroups(i, wanted);
        LintFinding &current = m_findings[i];
        const bool changed = current.title != wanted.title || current.severity != wanted.severity
                             || current.advice != wanted.advice;
        current.title = wanted.title;
        current.severity = wanted.severity;
        current.advice = wanted.advice;
        if (changed)
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
    Q_ASSERT(m_findings.size() == next.size());
    Q_EMIT findingsChanged();
}

void LintModel::mergeGroups(int row, const LintFinding &next)
{
    const QModelIndex parent = index(row, 0);
    LintFinding &current = m_findings[row];
    const int oldCount = int(current.groups.size());
    const QSet<GroupingKey> nextKeys(next.groups.cbegin(), next.groups.cend());
    for (int i = int(current.groups.size()) - 1; i >= 0; --i) {
        if (nextKeys.contains(current.groups.at(i)))
            continue;
        beginRemoveRows(parent, i, i);
        current.groups.removeAt(i);
        current.notes.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < next.groups.size(); ++i) {
        const GroupingKey &key = next.groups.at(i);
        const QString note = i < next.notes.size() ? next.notes.at(i) : QString();
        int found = -1;
        for (int k = i; k < current.groups.size(); ++k) {
            if (current.groups.at(k) == key) {
                found = k;
                break;
            }
        }
        if (found < 0) {
            beginInsertRows(parent, i, i);
            current.groups.insert(i, key);
            current.notes.insert(i, note);
            endInsertRows();
            continue;
        }
        if (found != i) {
            beginMoveRows(parent, found, found, parent, i);
            current.groups.move(found, i);
            current.notes.move(found, i);
            endMoveRows();
        }
        if (current.notes.at(i) != note) {
            current.notes[i] = note;
            Q_EMIT dataChanged(index(i, DetailColumn, parent), index(i, DetailColumn, parent));
        }
    }
    if (oldCount != current.groups.size())
        Q_EMIT dataChanged(index(row, DetailColumn), index(row, DetailColumn));
}

int LintModel::rowOfNode(quintptr node) const
{
    return int(m_nodes.indexOf(node));
}

const LintFinding *LintModel::findingFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const int row = index.internalId() == 0 ? index.row() : rowOfNode(index.internalId());
    if (row < 0 || row >= m_findings.size())
        return nullptr;
    return &m_findings.at(row);
}

QList<GroupingKey> LintModel::keysFor(const QModelIndex &index) const
{
    const LintFinding *finding = findingFor(index);
    if (!finding)
        return {};
    if (index.internalId() == 0)
        return finding->groups;
    if (index.row() < 0 || index.row() >= finding->groups.size())
        return {};
    return {finding->groups.at(index.row())};
}

QModelIndex LintModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_findings.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_findings.size())
        return {}; // group rows have no children
    if (row >= m_findings.at(parent.row()).groups.size())
        return {};
    return createIndex(row, column, m_nodes.at(parent.row()));
}

QModelIndex LintModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = rowOfNode(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int LintModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_findings.size());
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= m_findings.size())
        return 0;
    return int(m_findings.at(parent.row()).groups.size());
}

int LintModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant LintModel::data(const QModelIndex &index, int role) const
{
    const LintFinding *finding = findingFor(index);
    if (!finding)
        return {};
    const bool isFinding = index.internalId() == 0;
    const int groupRow = isFinding ? -1 : index.row();
    if (!isFinding && groupRow >= finding->groups.size())
        return {};

    switch (role) {
    case Qt::DisplayRole:
        if (isFinding) {
            if (index.column() == TitleColumn)
                return finding->title;
            const qsizetype n = finding->groups.size();
            return n == 1 ? tr("1 group") : tr("%1 groups").arg(n);
        }
        if (index.column() == TitleColumn)
            return finding->groups.at(groupRow).toString();
        return groupRow < finding->notes.size() ? finding->notes.at(groupRow) : QString();
    case Qt::ToolTipRole:
        if (isFinding)
            return u"<p><b>%1</b></p><p>%2</p>"_s.arg(finding->title.toHtmlEscaped(), finding->advice.toHtmlEscaped());
        if (groupRow < finding->notes.size() && !finding->notes.at(groupRow).isEmpty())
            return QString(finding->groups.at(groupRow).toString() + u'\n' + finding->notes.at(groupRow));
        return finding->groups.at(groupRow).toString();
    case SeverityRole: return int(finding->severity);
    case FindingIdRole: return finding->id;
    case KeysRole: return QVariant::fromValue(keysFor(index));
    case AdviceRole: return finding->advice;
    case IsFindingRole: return isFinding;
    default: return {};
    }
}

QVariant LintModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn: return tr("Finding");
    case DetailColumn: return tr("Details");
    default: return {};
    }
}

} // namespace PushDeck
