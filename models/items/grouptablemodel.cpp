#include "items/grouptablemodel.h"

#include "core/printable.h"

#include "core/duration.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr double Never = std::numeric_limits<double>::infinity();
// When the clock moves every age grows by the same amount: their order (the
// sort role) stays, so a proxy sorted by age has nothing to re-sort. Rows
// whose push time changed are announced with every role.
const QList<int> AgeTickRoles{Qt::DisplayRole, Qt::ToolTipRole, GroupTableModel::AgeRole};

bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameVerdict(const StalenessVerdict &a, const StalenessVerdict &b)
{
    return a.state == b.state && a.warnAfter == b.warnAfter && a.staleAfter == b.staleAfter
        && a.expectedInterval == b.expectedInterval && a.ruleIndex == b.ruleIndex && a.source == b.source
        && a.cadenceIntervals == b.cadenceIntervals;
}

bool sameGroupData(const Group &a, const Group &b)
{
    return sameNumber(a.pushTime, b.pushTime) && sameNumber(a.pushFailureTime, b.pushFailureTime)
        && a.lastPushSuccessful == b.lastPushSuccessful && sameFamilies(a.families, b.families);
}

bool hasTime(double unixSeconds)
{
    return unixSeconds > 0 && std::isfinite(unixSeconds);
}

// The locale's short date/time format with seconds added: the short time
// format usually has none, and polls are seconds apart.
QString dateTimeFormatWithSeconds(const QLocale &locale)
{
    QString time = locale.timeFormat(QLocale::ShortFormat);
    if (!time.contains(u's')) {
        const qsizetype minutes = time.lastIndexOf(u"mm");
        if (minutes >= 0) {
            QChar separator = minutes > 0 ? time.at(minutes - 1) : QChar(u':');
            if (separator != u':' && separator != u'.')
                separator = u':';
            time.insert(minutes + 2, separator + u"ss"_s);
        }
    }
    return locale.dateFormat(QLocale::ShortFormat) + u' ' + time;
}

QString familyNamesTip(const Group &group)
{
    constexpr int Shown = 20;
    QStringList names;
    for (const MetricFamily &family : group.families) {
        if (names.size() == Shown) {
            names << GroupTableModel::tr("… and %n more", nullptr, int(group.families.size()) - Shown);
            break;
        }
        names << family.name;
    }
    return names.join(u'\n');
}

} // namespace

GroupTableModel::GroupTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

GroupTableModel::~GroupTableModel() = default;

QString GroupTableModel::pushTimeText(double unixSeconds)
{
    if (!hasTime(unixSeconds))
        return tr("never");
    const QLocale locale;
    const auto time = QDateTime::fromMSecsSinceEpoch(qint64(std::floor(unixSeconds * 1000)));
    return locale.toString(time, dateTimeFormatWithSeconds(locale));
}

GroupTableModel::Row GroupTableModel::makeRow(Group group) const
{
    Row row;
    row.keyText = group.key.toString();
    row.seriesCount = group.seriesCount();
    row.verdict = m_policy.evaluate(group, m_now);
    row.group = std::move(group);
    return row;
}

void GroupTableModel::setGroups(QList<Group> groups, double now)
{
    const bool nowChanged = !sameNumber(now, m_now);
    m_now = now;

    // The steady state: the same groups in the same order, sharing their keys
    // with the rows (light refreshes are built from the last full read, full
    // reads share unchanged keys). Then group i is row i and no hash of
    // 10,000 keys is needed.
    bool sameKeys = groups.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < groups.size(); ++i)
        sameKeys = groups.at(i).key.sharesLabelsWith(m_rows.at(i).group.key);

    QHash<GroupingKey, qsizetype> incoming;
    if (!sameKeys) {
        incoming.reserve(groups.size());
        for (qsizetype i = 0; i < groups.size(); ++i)
            incoming.insert(groups.at(i).key, i); // last one wins
    }

    // 1. Remove the rows of vanished groups, from the end so that earlier row
    // numbers stay valid, one signal per contiguous run. Erasing each run
    // from the list would shift everything behind it every time (O(n) per
    // run, O(n^2) for scattered removals); instead the removed rows become a
    // gap that grows downwards: survivors between two runs are moved up
    // against the gap once, and the gap is closed once at the end. Rows
    // behind the gap are found through rowAt() while signals go out. The row
    // index is rebuilt once afterwards; nothing reads it in between.
    bool removedAny = false;
    for (int row = sameKeys ? -1 : int(m_rows.size()) - 1; row >= 0; --row) {
        // Everything scanned here lies in front of the gap: storage == row.
        if (incoming.contains(m_rows.at(row).group.key))
            continue;
        const int last = row;
        while (row > 0 && !incoming.contains(m_rows.at(row - 1).group.key))
            --row;
        beginRemoveRows({}, row, last);
        for (int r = row; r <= last; ++r) {
            for (const LabelPair &label : m_rows.at(r).group.key.labels())
                --m_labelUse[label.first];
        }
        if (!removedAny)
            m_gapStart = int(m_rows.size());
        std::move_backward(m_rows.begin() + last + 1, m_rows.begin() + m_gapStart,
                           m_rows.begin() + m_gapStart + m_gapSize);
        m_gapSize += last - row + 1;
        m_gapStart = row;
        endRemoveRows();
        removedAny = true;
    }
    if (removedAny)
        ++m_keySetVersion;
    if (m_gapSize > 0) {
        m_rows.remove(m_gapStart, m_gapSize);
        m_gapSize = 0;
    }
    if (removedAny)
        rebuildRowIndex();

    // The groups that are not in the model yet, decided before step 2
    // updates the rows.
    QList<qsizetype> added;
    for (qsizetype i = 0; !sameKeys && i < groups.size(); ++i) {
        const GroupingKey &key = groups.at(i).key;
        if (!m_rowOf.contains(key) && incoming.value(key) == i)
            added.append(i);
    }

    // Label columns nobody carries any more go; a label that left with the
    // removed rows but comes back with a new one keeps its column.
    if (removedAny) {
        QSet<QString> comingBack;
        for (qsizetype i : std::as_const(added)) {
            for (const LabelPair &label : groups.at(i).key.labels()) {
                if (m_labelUse.value(label.first) <= 0)
                    comingBack.insert(label.first);
            }
        }
        removeVanishedLabelColumns(comingBack);
    }

    // 2. Update the remaining rows in place; dataChanged per contiguous run
    // of rows whose data changed.
    const int existing = int(m_rows.size());
    const int lastColumn = columnCount() - 1;
    VerdictChanges verdictChanges; // of rows whose data stayed: stored after the loop
    int runStart = -1;
    auto flushRun = [&](int end) {
        if (runStart >= 0)
            Q_EMIT dataChanged(index(runStart, 0), index(end, lastColumn));
        runStart = -1;
    };
    for (int row = 0; row < existing; ++row) {
        Row &current = m_rows[row];
        // Read only: `groups` is usually shared with the poller, and a
        // non-const access would copy all of it.
        const Group &polled = std::as_const(groups).at(sameKeys ? row : incoming.value(current.group.key));
        if (sameGroupData(current.group, polled)) {
            flushRun(row - 1);
            if (nowChanged) {
                StalenessVerdict verdict = m_policy.evaluate(current.group, m_now);
                if (!sameVerdict(verdict, current.verdict))
                    verdictChanges.append({row, std::move(verdict)});
            }
            continue;
        }
        current.seriesCount = polled.seriesCount();
        current.verdict = m_policy.evaluate(polled, m_now);
        current.group = polled; // a copy shares the lists: cheap
        if (runStart < 0)
            runStart = row;
    }
    flushRun(existing - 1);
    if (nowChanged && existing > 0) {
        emitColumnChanged(AgeColumn, AgeTickRoles);
        applyVerdicts(verdictChanges, StateColumn, {Qt::DisplayRole, Qt::ToolTipRole, SortRole, StateRole});
    }

    // 3 and 4. New groups: first the label columns only they carry, then
    // their rows, appended in the order given.
    if (added.isEmpty())
        return;
    appendLabelColumns(added, groups);

    ++m_keySetVersion;
    beginInsertRows({}, existing, existing + int(added.size()) - 1);
    m_rows.reserve(existing + added.size());
    for (qsizetype i : added) {
        for (const LabelPair &label : groups.at(i).key.labels())
            ++m_labelUse[label.first];
        m_rowOf.insert(groups.at(i).key, int(m_rows.size()));
        m_rows.append(makeRow(groups.at(i)));
    }
    endInsertRows();
}

void GroupTableModel::clear()
{
    setGroups({}, m_now);
}

void GroupTableModel::rebuildRowIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row).group.key, row);
}

void GroupTableModel::removeVanishedLabelColumns(const QSet<QString> &keep)
{
    auto vanished = [&](int column) {
        const QString &name = m_labelNames.at(column);
        return m_labelUse.value(name) <= 0 && !keep.contains(name);
    };
    for (int column = labelColumnCount() - 1; column >= 0; --column) {
        if (!vanished(column))
            continue;
        const int last = column;
        while (column > 0 && vanished(column - 1))
            --column;
        beginRemoveColumns({}, column, last);
        for (int c = column; c <= last; ++c)
            m_labelUse.remove(m_labelNames.at(c));
        m_labelNames.remove(column, last - column + 1);
        endRemoveColumns();
    }
}

void GroupTableModel::appendLabelColumns(const QList<qsizetype> &newGroups, const QList<Group> &groups)
{
    QHash<QString, int> counts;
    for (qsizetype i : newGroups) {
        for (const LabelPair &label : groups.at(i).key.labels()) {
            if (!m_labelUse.contains(label.first))
                ++counts[label.first];
        }
    }
    if (counts.isEmpty())
        return;

    QStringList names = counts.keys();
    static const QString job = u"job"_s;
    std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        if ((a == job) != (b == job))
            return a == job;
        const int ca = counts.value(a), cb = counts.value(b);
        return ca != cb ? ca > cb : a < b;
    });
    // Every valid key has a job, so "job" is only ever new when there are no
    // label columns at all: it still ends up first.
    const int at = labelColumnCount();
    beginInsertColumns({}, at, at + int(names.size()) - 1);
    for (const QString &name : std::as_const(names)) {
        m_labelNames.append(name);
        m_labelUse.insert(name, 0); // counted when the rows go in
    }
    endInsertColumns();
}

GroupTableModel::VerdictChanges GroupTableModel::reevaluate() const
{
    VerdictChanges changes;
    for (int i = 0; i < m_rows.size(); ++i) {
        StalenessVerdict verdict = m_policy.evaluate(m_rows.at(i).group, m_now);
        if (!sameVerdict(verdict, m_rows.at(i).verdict))
            changes.append({i, std::move(verdict)});
    }
    return changes;
}

void GroupTableModel::emitColumnChanged(Column column, const QList<int> &roles)
{
    if (m_rows.isEmpty())
        return;
    const int section = columnFor(column);
    Q_EMIT dataChanged(index(0, section), index(rowCount() - 1, section), roles);
}

void GroupTableModel::applyVerdicts(const VerdictChanges &changes, Column column, const QList<int> &roles)
{
    const int section = columnFor(column);
    for (qsizetype i = 0; i < changes.size();) {
        qsizetype last = i;
        while (last + 1 < changes.size() && changes.at(last + 1).first == changes.at(last).first + 1)
            ++last;
        for (qsizetype k = i; k <= last; ++k)
            m_rows[changes.at(k).first].verdict = changes.at(k).second;
        Q_EMIT dataChanged(index(changes.at(i).first, section), index(changes.at(last).first, section), roles);
        i = last + 1;
    }
}

void GroupTableModel::tick(double now)
{
    m_now = now;
    if (m_rows.isEmpty())
        return;
    const VerdictChanges changes = reevaluate();
    emitColumnChanged(AgeColumn, AgeTickRoles);
    applyVerdicts(changes, StateColumn, {Qt::DisplayRole, Qt::ToolTipRole, SortRole, StateRole});
}

void GroupTableModel::setPolicy(const StalenessPolicy &policy)
{
    m_policy = policy;
    // Thresholds and the learned cadence show in the tooltip, so any change
    // of a verdict counts, not only of a state. Handing over the same policy
    // after every poll (fresh learned cadences) then costs one pass and a
    // signal for the few rows whose cadence moved.
    applyVerdicts(reevaluate(), StateColumn,
                  {Qt::DisplayRole, Qt::ToolTipRole, SortRole, StateRole, ExpectedIntervalRole});
}

std::optional<GroupTableModel::Column> GroupTableModel::fixedColumn(int section) const
{
    const int fixed = section - labelColumnCount();
    if (fixed < 0 || fixed >= ColumnCount)
        return std::nullopt;
    return Column(fixed);
}

QString GroupTableModel::labelNameAt(int section) const
{
    return (section >= 0 && section < labelColumnCount()) ? m_labelNames.at(section) : QString();
}

int GroupTableModel::labelColumn(QStringView name) const
{
    for (int i = 0; i < m_labelNames.size(); ++i) {
        if (m_labelNames.at(i) == name)
            return i;
    }
    return -1;
}

QModelIndex GroupTableModel::indexOf(const GroupingKey &key, int column) const
{
    const int row = rowOf(key);
    return row < 0 ? QModelIndex() : index(row, column);
}

int GroupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) - m_gapSize;
}

int GroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : labelColumnCount() + ColumnCount;
}

QVariant GroupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rowAt(index.row());

    switch (role) {
    case KeyRole: return QVariant::fromValue(row.group.key);
    case KeyTextRole: return row.keyText;
    case StateRole: return int(row.verdict.state);
    case PushTimeRole: return row.group.pushTime;
    case AgeRole: return hasTime(row.group.pushTime) ? m_now - row.group.pushTime : Never;
    case GroupRole: return QVariant::fromValue(row.group);
    case ExpectedIntervalRole: return row.verdict.expectedInterval;
    default: break;
    }

    if (index.column() < labelColumnCount())
        return labelData(row, m_labelNames.at(index.column()), role);
    return fixedData(row, Column(index.column() - labelColumnCount()), role);
}

bool GroupTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    const Row &left = m_rows.at(leftRow);
    const Row &right = m_rows.at(rightRow);
    if (column < labelColumnCount()) {
        const QString &name = m_labelNames.at(column);
        return left.group.key.value(name) < right.group.key.value(name);
    }
    const Group &a = left.group;
    const Group &b = right.group;
    switch (Column(column - labelColumnCount())) {
    case LastPushColumn: return a.pushTime < b.pushTime;
    case AgeColumn: {
        const double ageA = hasTime(a.pushTime) ? m_now - a.pushTime : Never;
        const double ageB = hasTime(b.pushTime) ? m_now - b.pushTime : Never;
        return ageA < ageB;
    }
    case OkColumn: return int(a.lastPushSuccessful) < int(b.lastPushSuccessful);
    case FamilyCountColumn: return a.families.size() < b.families.size();
    case SeriesCountColumn: return left.seriesCount < right.seriesCount;
    case StateColumn: return int(left.verdict.state) < int(right.verdict.state);
    case ColumnCount: break;
    }
    return false;
}

QStringList GroupTableModel::labelValues(int column) const
{
    QStringList values;
    if (column < 0 || column >= labelColumnCount())
        return values;
    const QString &name = m_labelNames.at(column);
    values.reserve(m_rows.size());
    for (const Row &row : m_rows)
        values.append(row.group.key.value(name));
    return values;
}

QVariant GroupTableModel::labelData(const Row &row, const QString &name, int role) const
{
    const GroupingKey &key = row.group.key;
    switch (role) {
    case Qt::DisplayRole:
        if (!key.contains(name))
            return QString();
        // An empty value is part of the identity ({job="a"} and
        // {job="a",instance=""} are different groups): make it visible.
        // Control, bidirectional and invisible characters are shown as
        // escapes, as everywhere else (core/printable.h).
        return key.value(name).isEmpty() ? u"\"\""_s : printable(key.value(name));
    case SortRole:
        return key.value(name);
    case Qt::ToolTipRole:
        if (!key.contains(name))
            return tr("%1 has no label \"%2\"").arg(row.keyText, name);
        if (key.value(name).isEmpty())
            return tr("%1=\"\": an empty value is part of this group's key; a key without %1 is another group")
                .arg(name);
        return QString(name + u"=\""_s + escapeLabelValue(key.value(name)) + u'"');
    default:
        return {};
    }
}

QVariant GroupTableModel::fixedData(const Row &row, Column column, int role) const
{
    const Group &group = row.group;
    const bool pushed = hasTime(group.pushTime);
    const double age = pushed ? m_now - group.pushTime : Never;

    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case AgeColumn:
        case FamilyCountColumn:
        case SeriesCountColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }

    switch (column) {
    case LastPushColumn:
        switch (role) {
        case Qt::DisplayRole: return pushTimeText(group.pushTime);
        case SortRole: return group.pushTime;
        case Qt::ToolTipRole:
            if (!pushed)
                return tr("No successful push yet");
            return QDateTime::fromMSecsSinceEpoch(qint64(std::floor(group.pushTime * 1000)), Qt::UTC)
                .toString(Qt::ISODateWithMs);
        }
        break;
    case AgeColumn:
        switch (role) {
        case Qt::DisplayRole: return formatAge(pushed ? age : std::numeric_limits<double>::quiet_NaN());
        case SortRole: return age;
        case Qt::ToolTipRole:
            return pushed ? tr("Last successful push %1 ago").arg(formatAge(age)) : tr("No successful push yet");
        }
        break;
    case OkColumn:
        switch (role) {
        case Qt::DisplayRole: return group.lastPushSuccessful ? tr("yes") : tr("failed");
        case SortRole: return int(group.lastPushSuccessful);
        case Qt::ToolTipRole:
            if (!group.lastPushSuccessful)
                return tr("The last push failed at %1; the gateway keeps the data of the last successful push (%2)")
                    .arg(pushTimeText(group.pushFailureTime), pushTimeText(group.pushTime));
            if (hasTime(group.pushFailureTime))
                return tr("The last push succeeded; an earlier push failed at %1").arg(pushTimeText(group.pushFailureTime));
            return tr("The last push succeeded");
        }
        break;
    case FamilyCountColumn:
        switch (role) {
        case Qt::DisplayRole: return QString::number(group.families.size());
        case SortRole: return int(group.families.size());
        case Qt::ToolTipRole: return familyNamesTip(group);
        }
        break;
    case SeriesCountColumn:
        switch (role) {
        case Qt::DisplayRole: return QString::number(row.seriesCount);
        case SortRole: return row.seriesCount;
        case Qt::ToolTipRole: return tr("%n series over all families", nullptr, row.seriesCount);
        }
        break;
    case StateColumn:
        switch (role) {
        case Qt::DisplayRole: return stalenessName(row.verdict.state);
        case SortRole: return int(row.verdict.state);
        case Qt::ToolTipRole:
            if (row.verdict.state == Staleness::Failed)
                return QString(tr("The last push failed") + u'\n' + m_policy.explain(row.verdict));
            return m_policy.explain(row.verdict);
        }
        break;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= columnCount())
        return {};

    if (section < labelColumnCount()) {
        const QString &name = m_labelNames.at(section);
        switch (role) {
        case Qt::DisplayRole: return name;
        case Qt::ToolTipRole:
            return tr("Grouping-key label \"%1\": carried by %2 of %n group(s)", nullptr, rowCount())
                .arg(name)
                .arg(m_labelUse.value(name));
        default: return {};
        }
    }

    const Column column = Column(section - labelColumnCount());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case LastPushColumn: return tr("Last push");
        case AgeColumn: return tr("Age");
        case OkColumn: return tr("OK");
        case FamilyCountColumn: return tr("Families");
        case SeriesCountColumn: return tr("Series");
        case StateColumn: return tr("State");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (column) {
        case LastPushColumn: return tr("Time of the last successful push (push_time_seconds), local time");
        case AgeColumn: return tr("Time since the last successful push");
        case OkColumn: return tr("Whether the last push to this group succeeded (a failed push keeps the old data)");
        case FamilyCountColumn: return tr("Metric families pushed to this group");
        case SeriesCountColumn: return tr("Series over all metric families of this group");
        case StateColumn: return tr("Staleness judged by the rules, the learned push cadence or the defaults");
        case ColumnCount: break;
        }
    }
    return {};
}

QHash<int, QByteArray> GroupTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(SortRole, "sortValue");
    names.insert(StateRole, "state");
    names.insert(PushTimeRole, "pushTime");
    names.insert(AgeRole, "age");
    names.insert(GroupRole, "group");
    names.insert(ExpectedIntervalRole, "expectedInterval");
    names.insert(KeyTextRole, "keyText");
    return names;
}

} // namespace PushDeck
