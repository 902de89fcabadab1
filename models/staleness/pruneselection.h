#pragma once
// Which groups a prune (or a matcher-based bulk delete) would delete: pure
// functions from the groups read from a gateway plus criteria to the exact
// list of keys with their ages and states, as the preview shows it and as
// BulkDeleter then sends it. Nothing here talks to a gateway.

#include "core/labelmatcher.h"
#include "core/metrics.h"
#include "staleness/stalenesspolicy.h"

#include <QList>
#include <QSet>

namespace PushDeck {

struct PruneCriteria
{
    enum class Combine { All, Any }; // state AND age, or state OR age

    QSet<Staleness> states;          // empty: no state criterion
    double minAgeSeconds = 0;        // <= 0: no age criterion
    Combine combine = Combine::All;  // when both a state and an age criterion are set
    LabelMatcher matcher;            // always ANDed; empty matches every group

    // True when no criterion at all is set (would select everything): the
    // wizard refuses that, a "delete all" must be asked for explicitly.
    bool isEmpty() const { return states.isEmpty() && minAgeSeconds <= 0 && matcher.isEmpty(); }
    QString describe() const;        // "state in {stale, failed} and age >= 2h and {job=~"x.*"}"
};

struct PruneCandidate
{
    Group group;                     // the exact group as read (for the undo snapshot)
    double ageSeconds = 0;           // now - push time; +Inf when never pushed successfully
    StalenessVerdict verdict;

    const GroupingKey &key() const { return group.key; }
};

// Age as prune sees it: now - pushTime, +Inf when pushTime is 0 (the group
// only ever had failed pushes: no data was ever accepted). Never negative
// (clock skew between gateway and us counts as 0).
double groupAge(const Group &group, double now);

// Groups meeting the criteria, oldest first (ties by key). `now` in unix
// seconds.
QList<PruneCandidate> selectForPrune(const QList<Group> &groups, const StalenessPolicy &policy,
                                     const PruneCriteria &criteria, double now);

// Groups whose key matches `matcher` (bulk delete by matcher), in key order.
QList<Group> selectByMatcher(const QList<Group> &groups, const LabelMatcher &matcher);

// The groups for exactly these keys (delete the selection). Keys that are not
// on the gateway (any more) are returned in *missing, not invented.
QList<Group> selectByKeys(const QList<Group> &groups, const QList<GroupingKey> &keys,
                          QList<GroupingKey> *missing = nullptr);

// Helpers for a preview table.
QList<GroupingKey> keysOf(const QList<PruneCandidate> &candidates);
QList<Group> groupsOf(const QList<PruneCandidate> &candidates);

} // namespace PushDeck
