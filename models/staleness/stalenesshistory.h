#pragma once
// What the charts show over time: state counts per poll, push events per job
// and one selected series' values, kept within a time window and fixed
// memory caps, and persisted (counts and push events) for the last 24 hours.

#include "staleness/stalenesspolicy.h"

#include <QList>
#include <QUrl>
#include <array>

namespace PushDeck {

// How many groups are in each state.
struct StateCounts
{
    std::array<int, StalenessCount> counts{};

    int value(Staleness state) const { return counts[size_t(state)]; }
    void add(Staleness state, int n = 1) { counts[size_t(state)] += n; }
    int total() const;
    static StateCounts of(const QList<StalenessVerdict> &verdicts);
    friend bool operator==(const StateCounts &, const StateCounts &) = default;
};

struct StateSample
{
    double time = 0; // unix seconds of the poll
    StateCounts counts;
};

// Pushes of one job, coalesced per time slot (pushResolution()).
struct PushEvent
{
    double time = 0;  // slot start, unix seconds
    int pushes = 0;   // successful pushes seen in the slot (any group of the job)
    int failures = 0; // failed pushes seen in the slot
};

// One series of one group: what the value history follows.
struct SeriesRef
{
    // Histograms and summaries have no single value: follow their sum or
    // count (Value means Sum for them).
    enum class Field { Value, Sum, Count };

    GroupingKey group;
    QString family;
    LabelPairs labels; // the series' labels as the decoder gives them (sorted)
    Field field = Field::Value;

    bool isValid() const { return group.isValid() && !family.isEmpty(); }
    // `family{labels}` (+ "sum"/"count"), for chart titles.
    QString displayText() const;
    friend bool operator==(const SeriesRef &, const SeriesRef &) = default;
};

struct ValuePoint
{
    double time = 0;  // push time of the group when the value was seen
    double value = 0; // may be NaN or infinite: the view skips those
};

class StalenessHistory
{
public:
    StalenessHistory();

    // Limits. Everything older than retention() is dropped; the caps bound
    // memory whatever the poll rate or the number of groups.
    double retention() const { return m_retention; }
    void setRetention(double seconds);
    int maxSamples() const { return m_maxSamples; }
    void setMaxSamples(int count);
    // Pushes of a job within one slot become one event: a lane point per
    // slot is all a timeline can show anyway.
    double pushResolution() const { return m_pushResolution; }
    void setPushResolution(double seconds);
    // Over all jobs; beyond it the oldest events go (see pushCoverageStart()).
    int maxPushEvents() const { return m_maxPushEvents; }
    void setMaxPushEvents(int count);
    int maxValuePoints() const { return m_maxValuePoints; }
    void setMaxValuePoints(int count);

    // Once per poll: the state counts, the pushes since the previous poll
    // and the tracked series' value. `verdicts` parallels `groups`.
    void recordPoll(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now);
    void recordPoll(const QList<Group> &groups, const StalenessPolicy &policy, double now);

    void recordCounts(double time, const StateCounts &counts);
    // Push events from the push/failure times that changed since the last
    // call (the first call records each group's last push); groups that
    // vanished are forgotten. Returns how many pushes and failures it saw.
    int observePushes(const QList<Group> &groups, double now);
    void recordPush(const QString &job, double time, bool failed = false);
    // Drops what is older than the retention.
    void prune(double now);
    void clear();

    const QList<StateSample> &samples() const { return m_samples; } // oldest first
    // Jobs with at least one push event, sorted.
    QStringList jobs() const;
    // Oldest first; empty for unknown jobs.
    QList<PushEvent> pushEvents(const QString &job) const { return m_pushes.value(job); }
    int pushEventCount() const { return m_pushEventCount; }
    // Push events before this time were dropped by the cap (0: none were).
    double pushCoverageStart() const { return m_pushCoverageStart; }
    // When this session's first poll was recorded (0 before it).
    double sessionStart() const { return m_sessionStart; }

    // Changing the tracked series starts its history afresh.
    void setTrackedSeries(const SeriesRef &series);
    const SeriesRef &trackedSeries() const { return m_tracked; }
    const QList<ValuePoint> &values() const { return m_values; }
    // Records the tracked series' current value from a poll right away
    // (recordPoll() does this too); a value is recorded once per push.
    void observeValue(const QList<Group> &groups);
    // The tracked series' value in `group`, nullopt when it has no such series.
    static std::optional<double> valueOf(const Group &group, const SeriesRef &series);

    // Persistence of the counts and push events. No file path: nothing is
    // persisted.
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path) { m_filePath = path; }
    // AppDataLocation/history/<hash of the gateway URL>.dat: one history
    // per gateway.
    static QString defaultFilePath(const QUrl &gateway);
    // A missing file is not an error. Merges nothing: replaces the history.
    Result<Done> load(double now);
    Result<Done> save() const;
    // recordPoll() saves when this many seconds passed since the last save
    // (0: never); the result of that save is in lastSaveError().
    void setAutoSaveInterval(double seconds) { m_autoSaveInterval = seconds; }
    double autoSaveInterval() const { return m_autoSaveInterval; }
    const Error &lastSaveError() const { return m_lastSaveError; }

private:
    void addPushEvent(const QString &job, double time, bool failed);
    void enforcePushCap();

    double m_retention = 24 * 3600;
    int m_maxSamples = 100000;
    double m_pushResolution = 10;
    int m_maxPushEvents = 200000;
    int m_maxValuePoints = 10000;

    QList<StateSample> m_samples;
    QHash<QString, QList<PushEvent>> m_pushes; // job -> events by slot, oldest first
    int m_pushEventCount = 0;
    double m_pushCoverageStart = 0;
    double m_sessionStart = 0;
    struct Seen
    {
        double pushTime = 0;
        double failureTime = 0;
        quint64 generation = 0; // the observePushes() call that last saw it
    };
    QHash<GroupingKey, Seen> m_seen;
    quint64 m_generation = 0;

    SeriesRef m_tracked;
    QList<ValuePoint> m_values;

    QString m_filePath;
    double m_autoSaveInterval = 300;
    double m_lastSave = 0;
    Error m_lastSaveError;
};

} // namespace PushDeck
