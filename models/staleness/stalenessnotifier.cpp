#include "staleness/stalenessnotifier.h"

#include <QCoreApplication>

namespace PushDeck {

StalenessNotifier::StalenessNotifier(double minIntervalSeconds)
    : m_minInterval(minIntervalSeconds)
{
}

std::optional<StalenessNotifier::Message> StalenessNotifier::observe(const QHash<GroupingKey, Staleness> &states, double now)
{
    const auto bad = [](Staleness s) { return s == Staleness::Stale || s == Staleness::Failed; };
    if (m_primed) {
        for (auto it = states.begin(); it != states.end(); ++it) {
            if (!bad(it.value()))
                continue;
            const auto before = m_previous.constFind(it.key());
            // New groups that arrive bad count too: a failed first push is news.
            if (before == m_previous.constEnd() || before.value() != it.value())
                m_pending.append({it.key(), it.value()});
        }
    }
    m_previous = states;
    m_primed = true;
    // Drop pending groups that recovered or vanished before we spoke.
    m_pending.removeIf([&](const std::pair<GroupingKey, Staleness> &p) { return states.value(p.first) != p.second; });
    if (m_pending.isEmpty() || now - m_lastSent < m_minInterval)
        return std::nullopt;

    std::sort(m_pending.begin(), m_pending.end());
    int stale = 0;
    int failed = 0;
    QStringList keys;
    Message message;
    for (const auto &[key, state] : std::as_const(m_pending)) {
        (state == Staleness::Stale ? stale : failed) += 1;
        message.keys.append(key);
        if (keys.size() < 5)
            keys << key.toString();
    }
    message.count = int(m_pending.size());
    QStringList parts;
    if (stale)
        parts << (stale == 1 ? QCoreApplication::translate("StalenessNotifier", "1 group became stale")
                             : QCoreApplication::translate("StalenessNotifier", "%1 groups became stale").arg(stale));
    if (failed)
        parts << (failed == 1 ? QCoreApplication::translate("StalenessNotifier", "1 push failed")
                              : QCoreApplication::translate("StalenessNotifier", "%1 pushes failed").arg(failed));
    message.title = parts.join(QStringLiteral(", "));
    message.body = keys.join(QLatin1Char('\n'));
    if (message.count > keys.size())
        message.body += QLatin1Char('\n') + QCoreApplication::translate("StalenessNotifier", "… and %1 more").arg(message.count - keys.size());
    m_pending.clear();
    m_lastSent = now;
    return message;
}

} // namespace PushDeck
