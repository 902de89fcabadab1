#pragma once
// Decides what a desktop notification says when groups turn stale or
// failed: transitions only (not groups that were already bad), summarised in
// one message ("3 groups became stale: …"), and rate-limited so a flapping
// gateway does not flood the desktop.

#include "staleness/stalenesspolicy.h"

#include <QHash>

namespace PushDeck {

class StalenessNotifier
{
public:
    struct Message
    {
        QString title;
        QString body;
        int count = 0; // groups in this message
        QList<GroupingKey> keys; // all of them, sorted (the body names the first five)
    };

    // At most one message per `minIntervalSeconds`; transitions seen in
    // between are kept and summarised in the next one.
    explicit StalenessNotifier(double minIntervalSeconds = 60);

    // One poll's verdicts by key. The first call only learns the states.
    // Returns a message when one is due.
    std::optional<Message> observe(const QHash<GroupingKey, Staleness> &states, double now);

private:
    QHash<GroupingKey, Staleness> m_previous;
    QList<std::pair<GroupingKey, Staleness>> m_pending;
    double m_minInterval;
    double m_lastSent = -1e300;
    bool m_primed = false;
};

} // namespace PushDeck
