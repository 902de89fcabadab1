#pragma once
// Turns a StalenessPolicy into a Prometheus alerting rule group (YAML), so
// that Prometheus, not a dashboard someone has to watch, reports dead and
// failing push jobs: `time() - push_time_seconds{...} > ...` per rule and
// `push_failure_time_seconds > push_time_seconds` for failed pushes.

#include "staleness/stalenesspolicy.h"

namespace PushDeck {

struct AlertRuleOptions
{
    QString groupName = QStringLiteral("pushdeck-staleness");
    QString alertPrefix = QStringLiteral("Pushgateway"); // alert names: <prefix>GroupStale, ...
    bool warnings = true;           // also emit a warning alert per rule (warn <= age < stale)
    QString staleSeverity = QStringLiteral("critical");
    QString warnSeverity = QStringLiteral("warning");
    QString failedSeverity = QStringLiteral("critical");
    QString forDuration;            // e.g. "5m"; empty: no `for:`
    // Approximates PushDeck's learned cadence in PromQL for groups no rule
    // covers: mean interval from changes(push_time_seconds[lookback]). Off by
    // default: it makes Prometheus read every sample of every push time
    // series in the window on each evaluation.
    bool cadenceAlerts = false;
    QString cadenceLookback = QStringLiteral("1d");
};

class AlertRules
{
public:
    // A complete rules file (`groups:` with one group), commented, ready for
    // `rule_files:`. Rules are exclusive like in PushDeck: a group matched by
    // an earlier rule is left out of every later rule and of the default
    // with `unless push_time_seconds{<earlier matcher>}`.
    static QString generate(const StalenessPolicy &policy, const AlertRuleOptions &options = {});

    // `push_time_seconds{job="a",instance=~"x.*"}`; just the metric name for
    // an empty matcher.
    static QString selector(QStringView metric, const LabelMatcher &matcher);
    // A PromQL double-quoted string literal with Go escapes.
    static QString promqlString(QStringView value);
    // A YAML single-quoted scalar (quotes doubled).
    static QString yamlString(QStringView value);
};

} // namespace PushDeck
