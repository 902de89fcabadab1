#pragma once
// What the window last showed of a gateway (every group's key, state, push
// and failure time, and when), kept on disk per gateway, and what changed
// since: groups that appeared, vanished, went stale or had a push fail. The
// window's "since you last looked" strip shows it on the first read after a
// start.

#include "staleness/stalenesspolicy.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QUrl>

namespace PushDeck {

// The groups that changed between a LastLook and a read.
struct LookChanges
{
    double since = 0;                 // unix seconds of the last look (0: there was none)
    QList<GroupingKey> appeared;      // on the gateway now, not then
    QList<GroupingKey> vanished;      // then, not now
    QList<GroupingKey> wentStale;     // stale now, not stale then
    QList<GroupingKey> failed;        // a push failed since (also groups that appeared with a failure)

    bool isEmpty() const { return appeared.isEmpty() && vanished.isEmpty() && wentStale.isEmpty() && failed.isEmpty(); }
    friend bool operator==(const LookChanges &, const LookChanges &) = default;
};

class LastLook
{
public:
    // Keeps `groups` as seen at `now`; `verdicts` parallels `groups`.
    void record(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now);
    void clear();
    bool isEmpty() const { return m_time <= 0; }
    double time() const { return m_time; }
    int groupCount() const { return int(m_entries.size()); }

    // What differs in `groups` (judged by `verdicts`, parallel) from the
    // look. Every list is sorted by key. Empty (since 0) when there was no
    // look.
    LookChanges changesIn(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts) const;

    // AppDataLocation/lastlook/<hash of the gateway URL>.dat.
    static QString defaultFilePath(const QUrl &gateway);
    // A missing file is an empty look, not an error.
    Result<Done> load(const QString &path);
    Result<Done> save(const QString &path) const;

private:
    struct Entry
    {
        Staleness state = Staleness::Unknown;
        double pushTime = 0;
        double failureTime = 0;
    };
    QHash<GroupingKey, Entry> m_entries;
    double m_time = 0;
};

} // namespace PushDeck
