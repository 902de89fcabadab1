#include "staleness/stalenesspolicy.h"

#include "core/duration.h"
#include "core/urls.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString stalenessName(Staleness state)
{
    switch (state) {
    case Staleness::Unknown: return QStringLiteral("unknown");
    case Staleness::Fresh: return QStringLiteral("fresh");
    case Staleness::Warning: return QStringLiteral("warning");
    case Staleness::Stale: return QStringLiteral("stale");
    case Staleness::Failed: return QStringLiteral("failed");
    }
    return {};
}

std::optional<Staleness> stalenessFromName(QStringView name)
{
    for (auto s : {Staleness::Unknown, Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed}) {
        if (name.compare(stalenessName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

namespace {

QString normalizedGatewayText(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u'/'))
        text.chop(1);
    return text.toCaseFolded();
}

} // namespace

bool StalenessRule::appliesToGateway(const QStringList &identifiers) const
{
    if (gateway.trimmed().isEmpty())
        return true;
    const QString wanted = normalizedGatewayText(gateway);
    for (const QString &identifier : identifiers) {
        if (normalizedGatewayText(identifier) == wanted)
            return true;
    }
    return false;
}

QStringList StalenessPolicy::gatewayIdentifiers(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    return {gatewayName(url), url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)};
}

void StalenessPolicy::setGateway(const QUrl &url)
{
    m_gateway = gatewayIdentifiers(url);
}

StalenessPolicy::StalenessPolicy()
    : m_defaultWarnAfter(3600)
    , m_defaultStaleAfter(6 * 3600)
{
}

void StalenessPolicy::setDefaults(double warnAfter, double staleAfter)
{
    m_defaultWarnAfter = warnAfter;
    m_defaultStaleAfter = staleAfter;
}

void StalenessPolicy::setRules(QList<StalenessRule> rules)
{
    m_rules = std::move(rules);
}

bool StalenessPolicy::sameConfiguration(const StalenessPolicy &other) const
{
    if (m_defaultWarnAfter != other.m_defaultWarnAfter || m_defaultStaleAfter != other.m_defaultStaleAfter
        || m_cadence != other.m_cadence || m_rules.size() != other.m_rules.size())
        return false;
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const StalenessRule &a = m_rules.at(i);
        const StalenessRule &b = other.m_rules.at(i);
        if (a.warnAfter != b.warnAfter || a.staleAfter != b.staleAfter || a.name != b.name
            || a.gateway != b.gateway || a.matcher.toString() != b.matcher.toString())
            return false;
    }
    return true;
}

int StalenessPolicy::ruleIndexFor(const GroupingKey &key) const
{
    for (int i = 0; i < m_rules.size(); ++i) {
        const StalenessRule &rule = m_rules.at(i);
        if (rule.appliesToGateway(m_gateway) && rule.matcher.matches(key))
            return i;
    }
    return -1;
}

StalenessVerdict StalenessPolicy::evaluate(const Group &group, double now) const
{
    StalenessVerdict verdict;

    // The learned cadence is reported even when a rule decides: the table
    // shows "expected every ~5m" next to any verdict.
    if (m_cadence.enabled) {
        const auto it = m_learned.constFind(group.key);
        if (it != m_learned.cend()) {
            verdict.cadenceIntervals = it->intervals;
            if (it->intervals >= m_cadence.minIntervals && it->interval > 0)
                verdict.expectedInterval = it->interval;
        }
    }

    verdict.ruleIndex = ruleIndexFor(group.key);
    if (verdict.ruleIndex >= 0) {
        const StalenessRule &rule = m_rules.at(verdict.ruleIndex);
        verdict.warnAfter = rule.warnAfter;
        verdict.staleAfter = rule.staleAfter;
        verdict.source = StalenessVerdict::Source::Rule;
    } else if (verdict.expectedInterval > 0) {
        verdict.warnAfter = m_cadence.warnFactor * verdict.expectedInterval;
        verdict.staleAfter = m_cadence.staleFactor * verdict.expectedInterval;
        verdict.source = StalenessVerdict::Source::Cadence;
    } else if (m_defaultStaleAfter > 0) {
        verdict.warnAfter = m_defaultWarnAfter;
        verdict.staleAfter = m_defaultStaleAfter;
        verdict.source = StalenessVerdict::Source::Default;
    }

    // The gateway keeps the old push time when a push fails, so a failing
    // job looks fresh by age alone; the failure must win over age.
    if (!group.lastPushSuccessful || group.pushFailureTime > group.pushTime) {
        verdict.state = Staleness::Failed;
        return verdict;
    }
    if (group.pushTime <= 0 || std::isnan(group.pushTime) || verdict.source == StalenessVerdict::Source::None) {
        verdict.state = Staleness::Unknown;
        return verdict;
    }
    // A push time ahead of our clock (skew) counts as age 0: fresh.
    const double age = now - group.pushTime;
    if (age >= verdict.staleAfter)
        verdict.state = Staleness::Stale;
    else if (age >= verdict.warnAfter && verdict.warnAfter > 0)
        verdict.state = Staleness::Warning;
    else
        verdict.state = Staleness::Fresh;
    return verdict;
}

QString StalenessPolicy::explain(const StalenessVerdict &verdict) const
{
    QString thresholds = u"warning after %1, stale after %2"_s.arg(formatDuration(verdict.warnAfter),
                                                                   formatDuration(verdict.staleAfter));
    QString why;
    switch (verdict.source) {
    case StalenessVerdict::Source::Rule: {
        why = u"rule %1"_s.arg(verdict.ruleIndex + 1);
        if (verdict.ruleIndex >= 0 && verdict.ruleIndex < m_rules.size()) {
            const StalenessRule &rule = m_rules.at(verdict.ruleIndex);
            if (!rule.name.isEmpty())
                why += u" \u201c"_s + rule.name + u"\u201d"_s;
            why += u' ' + rule.matcher.toString();
            if (!rule.gateway.isEmpty())
                why += u" on "_s + rule.gateway;
        }
        why += u": "_s + thresholds;
        break;
    }
    case StalenessVerdict::Source::Cadence:
        why = u"learned cadence, "_s + CadenceTracker::expectedText(verdict.expectedInterval) + u": "_s + thresholds;
        break;
    case StalenessVerdict::Source::Default:
        why = u"default: "_s + thresholds;
        break;
    case StalenessVerdict::Source::None:
        why = u"no rule, no default and no learned cadence yet"_s;
        break;
    }
    if (verdict.source != StalenessVerdict::Source::Cadence) {
        if (verdict.expectedInterval > 0)
            why += u" (" + CadenceTracker::expectedText(verdict.expectedInterval) + u')';
        else if (m_cadence.enabled && verdict.cadenceIntervals > 0 && verdict.cadenceIntervals < m_cadence.minIntervals)
            why += u" (learning the cadence: %1 of %2 intervals seen)"_s.arg(verdict.cadenceIntervals).arg(m_cadence.minIntervals);
    }
    if (verdict.state == Staleness::Failed)
        why = u"the last push failed; "_s + why;
    return why;
}

} // namespace PushDeck
