#pragma once
// Judges each group's staleness against the rhythm it should have: explicit
// rules (label matcher + thresholds, first match wins), else a cadence learned
// from observed push times, else the global default.

#include "staleness/cadencetracker.h"
#include "core/labelmatcher.h"
#include "core/metrics.h"

#include <QHash>
#include <QStringList>
#include <QUrl>

namespace PushDeck {

enum class Staleness { Unknown, Fresh, Warning, Stale, Failed };
inline constexpr int StalenessCount = 5; // for arrays indexed by int(Staleness)
QString stalenessName(Staleness state);                 // "fresh", "warning", ...
std::optional<Staleness> stalenessFromName(QStringView name);

struct StalenessRule
{
    // Constructors rather than a plain aggregate, so `{matcher, warn, stale}`
    // keeps compiling without warnings now that a rule has a name.
    StalenessRule() = default;
    StalenessRule(LabelMatcher matcher, double warnAfter, double staleAfter, QString name = {})
        : matcher(std::move(matcher)), warnAfter(warnAfter), staleAfter(staleAfter), name(std::move(name))
    {
    }

    LabelMatcher matcher;
    double warnAfter = 0;  // seconds; 0: no warning phase
    double staleAfter = 0; // seconds
    QString name;          // optional, for people: editor, explanations, alert labels
    // Optional scope: the rule applies only to groups on this gateway, given
    // as its name (host:port/prefix, as the tabs show it) or its base URL;
    // compared case-insensitively, a trailing slash ignored. Empty: every
    // gateway.
    QString gateway;

    // True when the rule applies on a gateway known by these identifiers
    // (see StalenessPolicy::gatewayIdentifiers()); always for unscoped rules.
    bool appliesToGateway(const QStringList &identifiers) const;
};

// How a learned cadence turns into thresholds. A group is judged by its
// cadence only once `minIntervals` intervals were observed: two pushes say
// little about a rhythm.
struct CadenceSettings
{
    bool enabled = true;
    double warnFactor = 2;
    double staleFactor = 4;
    int minIntervals = 3;
    friend bool operator==(const CadenceSettings &, const CadenceSettings &) = default;
};

struct StalenessVerdict
{
    // Where the thresholds came from.
    enum class Source { None, Rule, Cadence, Default };

    Staleness state = Staleness::Unknown;
    double warnAfter = 0;         // thresholds that applied (seconds)
    double staleAfter = 0;
    double expectedInterval = 0;  // learned cadence in seconds, 0 when unknown
    int ruleIndex = -1;           // index of the rule that applied, -1: none
    Source source = Source::None;
    int cadenceIntervals = 0;     // intervals observed so far (learning progress)
};

class StalenessPolicy
{
public:
    StalenessPolicy();

    // Defaults of 0 switch the global default off: groups without a rule or
    // a learned cadence are then "unknown".
    double defaultWarnAfter() const { return m_defaultWarnAfter; }
    double defaultStaleAfter() const { return m_defaultStaleAfter; }
    void setDefaults(double warnAfter, double staleAfter);
    const QList<StalenessRule> &rules() const { return m_rules; }
    void setRules(QList<StalenessRule> rules);

    const CadenceSettings &cadenceSettings() const { return m_cadence; }
    void setCadenceSettings(const CadenceSettings &settings) { m_cadence = settings; }
    // The learned cadences by group (CadenceTracker::cadences()); implicitly
    // shared, so handing the tracker's table over every poll is cheap.
    const QHash<GroupingKey, LearnedCadence> &learnedCadences() const { return m_learned; }
    void setLearnedCadences(QHash<GroupingKey, LearnedCadence> cadences) { m_learned = std::move(cadences); }

    // The configuration only (defaults, rules, cadence settings), not the
    // learned cadences: what the rules file holds.
    bool sameConfiguration(const StalenessPolicy &other) const;

    // The gateway this policy judges groups of: rules scoped to another
    // gateway are skipped. Without a gateway (the default), scoped rules
    // never apply: a rule for "prod" must not judge an unknown gateway.
    void setGateway(const QUrl &url);
    void setGatewayIdentifiers(QStringList identifiers) { m_gateway = std::move(identifiers); }
    const QStringList &gatewayIdentifiers() const { return m_gateway; }
    // The names a rule's gateway field may use for `url`: gatewayName(url)
    // and the URL without user info and trailing slash.
    static QStringList gatewayIdentifiers(const QUrl &url);

    // The first rule whose matcher matches (and that applies to this
    // policy's gateway), -1 when none does.
    int ruleIndexFor(const GroupingKey &key) const;

    // Failed when the last push failed (failure time newer than push time);
    // otherwise by age = now - pushTime against the applicable thresholds.
    StalenessVerdict evaluate(const Group &group, double now) const;

    // One line for tooltips and the detail pane: which thresholds applied
    // and why, e.g. "rule 2 {job="nightly"}: warning after 26h, stale after 2d".
    QString explain(const StalenessVerdict &verdict) const;

private:
    double m_defaultWarnAfter;
    double m_defaultStaleAfter;
    QList<StalenessRule> m_rules;
    QStringList m_gateway; // identifiers of the judged gateway; empty: none
    CadenceSettings m_cadence;
    QHash<GroupingKey, LearnedCadence> m_learned;
};

} // namespace PushDeck
