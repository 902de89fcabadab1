#include "staleness/pruneselection.h"

#include "core/duration.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString PruneCriteria::describe() const
{
    QStringList parts;
    QString statePart;
    if (!states.isEmpty()) {
        QStringList names;
        for (auto state : {Staleness::Unknown, Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed}) {
            if (states.contains(state))
                names.append(stalenessName(state));
        }
        statePart = u"state in {"_s + names.join(u", "_s) + u'}';
    }
    QString agePart;
    if (minAgeSeconds > 0)
        agePart = u"age >= "_s + formatDuration(minAgeSeconds);
    if (!statePart.isEmpty() && !agePart.isEmpty()) {
        parts.append(u'(' + statePart + (combine == Combine::All ? u" and "_s : u" or "_s) + agePart + u')');
    } else if (!statePart.isEmpty()) {
        parts.append(statePart);
    } else if (!agePart.isEmpty()) {
        parts.append(agePart);
    }
    if (!matcher.isEmpty())
        parts.append(matcher.toString());
    return parts.isEmpty() ? u"every group"_s : parts.join(u" and "_s);
}

double groupAge(const Group &group, double now)
{
    if (!(group.pushTime > 0)) // also NaN
        return std::numeric_limits<double>::infinity();
    return std::max(0.0, now - group.pushTime);
}

QList<PruneCandidate> selectForPrune(const QList<Group> &groups, const StalenessPolicy &policy,
                                     const PruneCriteria &criteria, double now)
{
    const bool byState = !criteria.states.isEmpty();
    const bool byAge = criteria.minAgeSeconds > 0;
    QList<PruneCandidate> out;
    for (const Group &group : groups) {
        if (!criteria.matcher.matches(group.key))
            continue;
        PruneCandidate candidate;
        candidate.ageSeconds = groupAge(group, now);
        candidate.verdict = policy.evaluate(group, now);
        const bool stateOk = byState && criteria.states.contains(candidate.verdict.state);
        const bool ageOk = byAge && candidate.ageSeconds >= criteria.minAgeSeconds;
        bool selected = true;
        if (byState && byAge)
            selected = criteria.combine == PruneCriteria::Combine::All ? (stateOk && ageOk) : (stateOk || ageOk);
        else if (byState)
            selected = stateOk;
        else if (byAge)
            selected = ageOk;
        if (!selected)
            continue;
        candidate.group = group;
        out.append(std::move(candidate));
    }
    std::stable_sort(out.begin(), out.end(), [](const PruneCandidate &a, const PruneCandidate &b) {
        if (a.ageSeconds != b.ageSeconds)
            return a.ageSeconds > b.ageSeconds;
        return a.group.key < b.group.key;
    });
    return out;
}

QList<Group> selectByMatcher(const QList<Group> &groups, const LabelMatcher &matcher)
{
    QList<Group> out;
    for (const Group &group : groups) {
        if (matcher.matches(group.key))
            out.append(group);
    }
    std::stable_sort(out.begin(), out.end(), [](const Group &a, const Group &b) { return a.key < b.key; });
    return out;
}

QList<Group> selectByKeys(const QList<Group> &groups, const QList<GroupingKey> &keys, QList<GroupingKey> *missing)
{
    QHash<GroupingKey, qsizetype> index;
    index.reserve(groups.size());
    for (qsizetype i = 0; i < groups.size(); ++i)
        index.insert(groups[i].key, i);
    if (missing)
        missing->clear();
    QList<Group> out;
    QSet<GroupingKey> seen;
    for (const GroupingKey &key : keys) {
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const auto it = index.constFind(key);
        if (it == index.cend()) {
            if (missing)
                missing->append(key);
            continue;
        }
        out.append(groups[*it]);
    }
    return out;
}

QList<GroupingKey> keysOf(const QList<PruneCandidate> &candidates)
{
    QList<GroupingKey> keys;
    keys.reserve(candidates.size());
    for (const auto &c : candidates)
        keys.append(c.group.key);
    return keys;
}

QList<Group> groupsOf(const QList<PruneCandidate> &candidates)
{
    QList<Group> out;
    out.reserve(candidates.size());
    for (const auto &c : candidates)
        out.append(c.group);
    return out;
}

} // namespace PushDeck
