#pragma once
// Turns a StalenessPolicy into a Prometheus alerting rule group (YAML), so
// that Prometheus, not a dashboard someone has to watch, reports dead and
// failing push jobs: `time() - push_time_seconds{...} > ...` per rule and
// `push_failure_time_seconds > push_time_seconds` for failed pushes.

#include "staleness/stalenesspolicy.h"

#include <QUrl>

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

// One alerting rule of the generated group, with what it watches (for the
// generated promtool tests, AlertRuleTests).
struct GeneratedAlert
{
    enum class Kind { Stale, Late, Failed };
    enum class Source { Rule, Cadence, Default, FailedPush };

    QString comment; // the line before it, may be empty
    QString name;
    QString expr;
    QString severity;
    QString rule; // pushdeck_rule label: "1", "2", ..., "cadence", "default"; empty for failed pushes
    QString summary;
    QString description;

    Kind kind = Kind::Stale;
    Source source = Source::Rule;
    int ruleIndex = -1;   // Source::Rule: index in the policy's rules
    LabelMatcher matcher; // Source::Rule: the rule's matcher
    double warnAfter = 0; // the thresholds it watches (Rule, Default)
    double staleAfter = 0;
};

// The generated file, item by item: comment lines and alerts in order.
struct AlertRulePlan
{
    struct Item
    {
        QString comment; // a comment line between the rules (when no alert)
        std::optional<GeneratedAlert> alert;
    };
    QString header; // the file's opening comment block
    QList<Item> items;
};

class AlertRules
{
public:
    // What generate() writes, as data.
    static AlertRulePlan plan(const StalenessPolicy &policy, const AlertRuleOptions &options = {});
    // The Go template the annotations use for a group's key: renders
    // {job="backup",instance="db-1"} where {{ $labels }} would print Go's
    // map[instance:db-1 job:backup].
    static QString readableKeyTemplate();

    // A complete rules file (`groups:` with one group), commented, ready for
    // `rule_files:`. Rules are exclusive like in PushDeck: a group matched by
    // an earlier rule is left out of every later rule and of the default
    // with `unless push_time_seconds{<earlier matcher>}`.
    static QString generate(const StalenessPolicy &policy, const AlertRuleOptions &options = {});

    // `push_time_seconds{job="a",instance=~"x.*"}`; just the metric name for
    // an empty matcher. UTF-8 label names are quoted ({"service.name"="x"}),
    // which only Prometheus 3 reads.
    static QString selector(QStringView metric, const LabelMatcher &matcher);
    // A PromQL double-quoted string literal with Go escapes.
    static QString promqlString(QStringView value);

    // One group in Prometheus (scraped with honor_labels: true): its key as
    // matchers (`job="a",instance=""`; an empty value matches the absent
    // label, which is how Prometheus stores it).
    static QString keyMatchers(const GroupingKey &key);
    // `time() - push_time_seconds{job="a",instance="b"}`: the group's age.
    static QString groupAgeQuery(const GroupingKey &key);
    // The group's series: `{__name__=~"a|b",job="a",...}` for these families
    // (every series with the key's labels when empty).
    static QString groupSeriesQuery(const GroupingKey &key, const QStringList &families);
    // The Prometheus graph page (`/graph?g0.expr=...`) with one panel per
    // expression, over `range`.
    static QUrl prometheusGraphUrl(const QUrl &prometheus, const QStringList &expressions, const QString &range = QStringLiteral("1d"));
    // A YAML single-quoted scalar (quotes doubled).
    static QString yamlString(QStringView value);
};

} // namespace PushDeck
