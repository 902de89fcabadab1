#pragma once
// Learns each group's push cadence from the push times seen across polls:
// the median of its recent intervals, so a late run, a missed run or a manual
// re-push does not move the estimate. Feeds StalenessPolicy.

#include "core/metrics.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace PushDeck {

// A learned cadence for one group.
struct LearnedCadence
{
    double interval = 0; // median of recent intervals, seconds
    int intervals = 0;   // how many intervals it rests on (at most maxIntervals)
    friend bool operator==(const LearnedCadence &, const LearnedCadence &) = default;
};

class CadenceTracker
{
public:
    explicit CadenceTracker(int maxIntervals = 15);

    // Only the last `maxIntervals` intervals of a group count: a job whose
    // schedule changed is re-learned within that many runs.
    int maxIntervals() const { return m_maxIntervals; }
    void setMaxIntervals(int count);

    // One poll's groups: each group whose push time moved forward adds one
    // interval (new push time - the one seen before). The first sighting of
    // a group only remembers its push time. Returns how many groups pushed
    // since the previous poll.
    int observe(const QList<Group> &groups);
    // The same for one group; false when `pushTime` is not newer than the
    // last one seen. A push time that moved backwards (the group was
    // deleted and re-created) restarts from it without adding an interval.
    bool observePush(const GroupingKey &key, double pushTime);

    // {0, 0} for groups without any interval yet.
    LearnedCadence cadence(const GroupingKey &key) const { return m_cadences.value(key); }
    // Every group with at least one interval. Implicitly shared: hand it to
    // StalenessPolicy::setLearnedCadences() after each poll.
    const QHash<GroupingKey, LearnedCadence> &cadences() const { return m_cadences; }
    // The recent intervals of a group, oldest first.
    QList<double> intervals(const GroupingKey &key) const;
    double lastPushTime(const GroupingKey &key) const;
    int groupCount() const { return int(m_tracks.size()); }

    void forget(const GroupingKey &key);
    // Forgets groups whose last push is older than `maxAge` at `now`, so the
    // tracker does not grow with every group that ever existed.
    int forgetOlderThan(double now, double maxAge);
    void clear();

    // A compact binary snapshot, to keep learning across sessions.
    QByteArray saveState() const;
    Result<Done> restoreState(const QByteArray &state);
    Result<Done> saveToFile(const QString &path) const;
    Result<Done> loadFromFile(const QString &path);

    // The lower median: with missed runs inflating some intervals, the
    // lower middle value sits closer to the real cadence. 0 when empty.
    static double median(QList<double> values);
    // The interval rounded to a step of about a tenth of it (1s, 5s, 10s,
    // 30s, 1m, 5m, 10m, 30m, 1h, 6h, 1d), so 298.7s reads as 5m.
    static double roundInterval(double seconds);
    // "~5m"; empty for 0.
    static QString approximateText(double seconds);
    // "expected every ~5m"; empty for 0.
    static QString expectedText(double seconds);

private:
    struct Track
    {
        double lastPush = 0;
        QList<double> intervals; // oldest first, at most m_maxIntervals
    };
    void updateCadence(const GroupingKey &key, const Track &track);

    int m_maxIntervals;
    QHash<GroupingKey, Track> m_tracks;
    QHash<GroupingKey, LearnedCadence> m_cadences;
};

} // namespace PushDeck
