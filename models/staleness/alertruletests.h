#pragma once
// A `promtool test rules` file for the alerting rules AlertRules generates
// from a policy, so that CI proves the rules mean what PushDeck means: for
// each staleness rule and the default, a group just below and just above the
// warning and the stale threshold (after `for:`); the failed-push alert for
// a failed and a successful push; and, for every pair of overlapping rules,
// a group both match, aged past the later rule's stale threshold, which only
// the earlier rule may judge. Expected alerts come from PushDeck's own
// reading of the policy (first matching rule, then the default); the test
// groups are found by trying label values the matchers suggest, checked with
// PushDeck's matcher.

#include "staleness/alertrules.h"

namespace PushDeck {

struct AlertRuleTestFile
{
    QString yaml;
    // What could not be tested, one line each (also in the file as
    // comments): a rule no group can reach, a regex no example was found
    // for, the learned-cadence rules.
    QStringList notes;
    int testCount = 0;
};

class AlertRuleTests
{
public:
    // `rulesFile` is the path promtool will read the rules from, relative
    // to the tests file (as `rule_files:` says).
    static AlertRuleTestFile generate(const StalenessPolicy &policy, const AlertRuleOptions &options, const QString &rulesFile);

    // A few strings the regex matches, tried by generate() (checked there
    // with the compiled regex; may be empty for constructs it does not know).
    static QStringList regexExamples(QStringView pattern);
    // Prometheus' template functions as the generated annotations use them,
    // and Go's %q: what promtool will compare.
    static QString humanizeDuration(double seconds);
    static QString humanizeTimestamp(double unixSeconds);
    static QString goQuote(QStringView text);
    // AlertRules::readableKeyTemplate() rendered for these alert labels.
    static QString readableKey(const LabelPairs &labels);
};

} // namespace PushDeck
