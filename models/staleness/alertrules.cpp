#include "staleness/alertrules.h"

#include "core/duration.h"
#include "core/promql.h"

#include <QUrlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Seconds as a PromQL number literal: integers without exponent or fraction.
QString number(double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}


QString renderAlert(const GeneratedAlert &alert, const AlertRuleOptions &options)
{
    const QString indent = u"      "_s;
    QString out;
    if (!alert.comment.isEmpty())
        out += indent + u"# "_s + alert.comment + u'\n';
    out += indent + u"- alert: "_s + AlertRules::yamlString(alert.name) + u'\n';
    out += indent + u"  expr: "_s + AlertRules::yamlString(alert.expr) + u'\n';
    if (!options.forDuration.isEmpty())
        out += indent + u"  for: "_s + AlertRules::yamlString(options.forDuration) + u'\n';
    out += indent + u"  labels:\n"_s;
    out += indent + u"    severity: "_s + AlertRules::yamlString(alert.severity) + u'\n';
    if (!alert.rule.isEmpty())
        out += indent + u"    pushdeck_rule: "_s + AlertRules::yamlString(alert.rule) + u'\n';
    out += indent + u"  annotations:\n"_s;
    out += indent + u"    summary: "_s + AlertRules::yamlString(alert.summary) + u'\n';
    out += indent + u"    description: "_s + AlertRules::yamlString(alert.description) + u'\n';
    return out;
}

// Text that goes into an annotation as it is: a `{{` in a rule's name or
// matcher would start a template action.
QString templateLiteral(QString text)
{
    return text.replace(u"{{"_s, u"{{ \"{{\" }}"_s);
}

// A comment line must stay one line whatever a rule's name contains.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return text;
}

} // namespace

QString AlertRules::promqlString(QStringView value)
{
    return PushDeck::promqlString(value);
}

QString AlertRules::keyMatchers(const GroupingKey &key)
{
    QString out;
    for (const auto &[name, value] : key.labels()) {
        if (!out.isEmpty())
            out += u',';
        out += promqlLabelName(name) + u'=' + PushDeck::promqlString(value);
    }
    return out;
}

QString AlertRules::groupAgeQuery(const GroupingKey &key)
{
    return u"time() - "_s + promqlSelector(PushTimeFamily.toString(), keyMatchers(key));
}

QString AlertRules::groupSeriesQuery(const GroupingKey &key, const QStringList &families)
{
    QString matchers = keyMatchers(key);
    if (!families.isEmpty()) {
        QStringList quoted;
        for (const QString &family : families)
            quoted << LabelMatcher::quoteMeta(family);
        matchers = u"__name__=~"_s + PushDeck::promqlString(quoted.join(u'|')) + (matchers.isEmpty() ? QString() : u","_s + matchers);
    }
    return u'{' + matchers + u'}';
}

QUrl AlertRules::prometheusGraphUrl(const QUrl &prometheus, const QStringList &expressions, const QString &range)
{
    QUrl url = prometheus;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + u"graph"_s);
    QUrlQuery query;
    for (qsizetype i = 0; i < expressions.size(); ++i) {
        const QString panel = u"g%1."_s.arg(i);
        query.addQueryItem(panel + u"expr"_s, QString::fromLatin1(QUrl::toPercentEncoding(expressions[i])));
        query.addQueryItem(panel + u"tab"_s, u"0"_s); // the graph, not the table
        query.addQueryItem(panel + u"range_input"_s, range);
    }
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QString AlertRules::readableKeyTemplate()
{
    // {{ $labels }} prints Go's map[instance:db-1 job:backup]. This prints
    // the key as PushDeck and pushdeckctl write it, job first, values Go-
    // quoted, names quoted where they are not classic names (reReplaceAll
    // leaves nothing of a classic name), the metric name left out (the
    // failed-push alert's comparison keeps it).
    return u"{job={{ printf \"%q\" $labels.job }}"_s
           u"{{ range $k, $v := $labels }}{{ if and (ne $k \"job\") (ne $k \"__name__\") }},"_s
           u"{{ if reReplaceAll \"^[a-zA-Z_][a-zA-Z0-9_]*$\" \"\" $k }}{{ printf \"%q\" $k }}{{ else }}{{ $k }}{{ end }}"_s
           u"={{ printf \"%q\" $v }}{{ end }}{{ end }}}"_s;
}

QString AlertRules::yamlString(QStringView value)
{
    QString out = value.toString();
    out.replace(u'\'', u"''"_s);
    return u'\'' + out + u'\'';
}

QString AlertRules::selector(QStringView metric, const LabelMatcher &matcher)
{
    return promqlSelector(metric, matcher.toPromQLMatchers());
}

AlertRulePlan AlertRules::plan(const StalenessPolicy &policy, const AlertRuleOptions &options)
{
    AlertRulePlan plan;
    QString &out = plan.header;
    const QString pushTime = PushTimeFamily.toString();
    const QString version = QStringLiteral(PUSHDECK_VERSION);

    out += u"# Prometheus alerting rules generated by PushDeck "_s + version + u" from its staleness rules.\n"_s;
    out += u"# Load them with rule_files: in prometheus.yml. They assume the Pushgateway\n"_s
           u"# is scraped with honor_labels: true, so job and instance are the pushed ones.\n"_s
           u"# As in PushDeck the first matching rule wins: every rule leaves out the\n"_s
           u"# groups an earlier rule matches (unless push_time_seconds{...}).\n"_s
           u"# Regex matchers are copied as written: PushDeck reads them as Prometheus\n"_s
           u"# does (RE2, fully anchored). Quoted label names need Prometheus 3.\n"_s;
    const CadenceSettings &cadence = policy.cadenceSettings();
    const bool cadenceAlerts = options.cadenceAlerts && cadence.enabled;
    double lookback = 86400;
    if (auto parsed = parseDuration(options.cadenceLookback); parsed && *parsed > 0)
        lookback = *parsed;
    const QString changes = u"changes("_s + pushTime + u'[' + formatDuration(lookback) + u"])"_s;
    if (cadence.enabled && !cadenceAlerts) {
        out += u"# PushDeck also learns each group's push cadence; Prometheus cannot see that\n"_s
               u"# here, so groups without a rule fall under the default thresholds.\n"_s;
    } else if (cadenceAlerts) {
        out += u"# Groups without a rule that pushed at least %1 times in the last %2 are\n"_s
               u"# judged by their mean push interval over that window (PushDeck uses the\n"_s
               u"# median), the others by the default thresholds.\n"_s.arg(cadence.minIntervals).arg(formatDuration(lookback));
    }

    const QString staleName = options.alertPrefix + u"GroupStale"_s;
    const QString lateName = options.alertPrefix + u"GroupLate"_s;
    const QString failedName = options.alertPrefix + u"PushFailed"_s;
    const QString age = u"time() - "_s;

    // Groups an earlier rule matched, for `unless`.
    QString exclusions;
    bool allCovered = false;
    const QList<StalenessRule> &rules = policy.rules();
    for (int i = 0; i < rules.size(); ++i) {
        const StalenessRule &rule = rules.at(i);
        QString title = u"rule %1"_s.arg(i + 1);
        if (!rule.name.isEmpty())
            title += u" \u201c"_s + rule.name + u"\u201d"_s;
        const QString matcherText = rule.matcher.isEmpty() ? u"every group"_s : rule.matcher.toString();
        if (!rule.gateway.isEmpty()) {
            // Series scraped from a gateway do not say which gateway they
            // came from (honor_labels keeps the pushed labels), so a rule for
            // one gateway has no faithful PromQL form.
            plan.items.append({u"PushDeck "_s + oneLine(title) + u" ("_s + oneLine(matcherText) + u" on "_s + oneLine(rule.gateway)
                                   + u") is left out: it applies to one gateway only, which the scraped series do not name."_s,
                               std::nullopt});
            continue;
        }
        if (allCovered) {
            plan.items.append({u"PushDeck "_s + oneLine(title) + u" ("_s + oneLine(matcherText)
                                   + u") is left out: an earlier rule matches every group."_s,
                               std::nullopt});
            continue;
        }
        const QString sel = selector(pushTime, rule.matcher);
        const QString thresholds = u"warning after %1, stale after %2"_s.arg(formatDuration(rule.warnAfter), formatDuration(rule.staleAfter));
        const QString ruleLabel = QString::number(i + 1);
        const QString why = templateLiteral(u"PushDeck "_s + title + u' ' + matcherText + u": "_s + thresholds + u'.');

        GeneratedAlert stale;
        stale.comment = oneLine(u"PushDeck "_s + title + u": "_s + matcherText + u", "_s + thresholds);
        stale.name = staleName;
        stale.expr = age + sel + u" >= "_s + number(rule.staleAfter) + exclusions;
        stale.severity = options.staleSeverity;
        stale.rule = ruleLabel;
        stale.kind = GeneratedAlert::Kind::Stale;
        stale.source = GeneratedAlert::Source::Rule;
        stale.ruleIndex = i;
        stale.warnAfter = rule.warnAfter;
        stale.staleAfter = rule.staleAfter;
        stale.matcher = rule.matcher;
        stale.summary = u"Push job {{ $labels.job }} has not pushed for {{ $value | humanizeDuration }}"_s;
        stale.description = u"Group "_s + readableKeyTemplate() + u" is stale: no successful push for {{ $value | humanizeDuration }}. "_s + why;
        plan.items.append({{}, stale});
        if (options.warnings && rule.warnAfter > 0 && rule.warnAfter < rule.staleAfter) {
            GeneratedAlert late = stale;
            late.comment.clear();
            late.name = lateName;
            late.kind = GeneratedAlert::Kind::Late;
            late.expr = age + sel + u" >= "_s + number(rule.warnAfter) + u" < "_s + number(rule.staleAfter) + exclusions;
            late.severity = options.warnSeverity;
            late.summary = u"Push job {{ $labels.job }} is late: last push {{ $value | humanizeDuration }} ago"_s;
            late.description = u"Group "_s + readableKeyTemplate() + u" has not pushed for {{ $value | humanizeDuration }}. "_s + why;
            plan.items.append({{}, late});
        }
        if (rule.matcher.isEmpty())
            allCovered = true;
        else
            exclusions += u" unless "_s + sel;
    }

    if (!allCovered && cadenceAlerts) {
        const QString enough = u" and "_s + changes + u" >= "_s + QString::number(cadence.minIntervals);
        const QString why = u"PushDeck's learned cadence: warning after %1\u00d7, stale after %2\u00d7 the mean push interval over %3."_s
                                .arg(cadence.warnFactor).arg(cadence.staleFactor).arg(formatDuration(lookback));
        const QString interval = number(lookback) + u" / "_s + changes;
        GeneratedAlert stale;
        stale.comment = u"Learned cadence (mean interval over the last %1)"_s.arg(formatDuration(lookback));
        stale.name = staleName;
        stale.expr = u"("_s + age + pushTime + u") >= "_s + number(cadence.staleFactor) + u" * "_s + interval + enough + exclusions;
        stale.severity = options.staleSeverity;
        stale.rule = u"cadence"_s;
        stale.kind = GeneratedAlert::Kind::Stale;
        stale.source = GeneratedAlert::Source::Cadence;
        stale.summary = u"Push job {{ $labels.job }} has not pushed for {{ $value | humanizeDuration }}"_s;
        stale.description = u"Group "_s + readableKeyTemplate() + u" is stale: no successful push for {{ $value | humanizeDuration }}. "_s + why;
        plan.items.append({{}, stale});
        if (options.warnings && cadence.warnFactor < cadence.staleFactor) {
            GeneratedAlert late = stale;
            late.comment.clear();
            late.name = lateName;
            late.kind = GeneratedAlert::Kind::Late;
            late.expr = u"("_s + age + pushTime + u") >= "_s + number(cadence.warnFactor) + u" * "_s + interval
                        + u" < "_s + number(cadence.staleFactor) + u" * "_s + interval + enough + exclusions;
            late.severity = options.warnSeverity;
            late.summary = u"Push job {{ $labels.job }} is late: last push {{ $value | humanizeDuration }} ago"_s;
            late.description = u"Group "_s + readableKeyTemplate() + u" has not pushed for {{ $value | humanizeDuration }}. "_s + why;
            plan.items.append({{}, late});
        }
        exclusions += u" unless "_s + changes + u" >= "_s + QString::number(cadence.minIntervals);
    }

    if (!allCovered && policy.defaultStaleAfter() > 0) {
        const double warn = policy.defaultWarnAfter();
        const double staleAfter = policy.defaultStaleAfter();
        const QString why = u"PushDeck default: warning after %1, stale after %2."_s.arg(formatDuration(warn), formatDuration(staleAfter));
        GeneratedAlert stale;
        stale.comment = u"Default: every group no rule matches; warning after %1, stale after %2"_s.arg(formatDuration(warn), formatDuration(staleAfter));
        stale.name = staleName;
        stale.expr = age + pushTime + u" >= "_s + number(staleAfter) + exclusions;
        stale.severity = options.staleSeverity;
        stale.rule = u"default"_s;
        stale.kind = GeneratedAlert::Kind::Stale;
        stale.source = GeneratedAlert::Source::Default;
        stale.warnAfter = warn;
        stale.staleAfter = staleAfter;
        stale.summary = u"Push job {{ $labels.job }} has not pushed for {{ $value | humanizeDuration }}"_s;
        stale.description = u"Group "_s + readableKeyTemplate() + u" is stale: no successful push for {{ $value | humanizeDuration }}. "_s + why;
        plan.items.append({{}, stale});
        if (options.warnings && warn > 0 && warn < staleAfter) {
            GeneratedAlert late = stale;
            late.comment.clear();
            late.name = lateName;
            late.kind = GeneratedAlert::Kind::Late;
            late.expr = age + pushTime + u" >= "_s + number(warn) + u" < "_s + number(staleAfter) + exclusions;
            late.severity = options.warnSeverity;
            late.summary = u"Push job {{ $labels.job }} is late: last push {{ $value | humanizeDuration }} ago"_s;
            late.description = u"Group "_s + readableKeyTemplate() + u" has not pushed for {{ $value | humanizeDuration }}. "_s + why;
            plan.items.append({{}, late});
        }
    }

    GeneratedAlert failed;
    failed.comment = u"Failed pushes, whatever the rules: the gateway keeps the old metrics and push time"_s;
    failed.name = failedName;
    failed.kind = GeneratedAlert::Kind::Failed;
    failed.source = GeneratedAlert::Source::FailedPush;
    failed.expr = PushFailureTimeFamily.toString() + u" > "_s + pushTime;
    failed.severity = options.failedSeverity;
    failed.summary = u"The last push of job {{ $labels.job }} failed"_s;
    failed.description = u"The Pushgateway rejected the last push to group "_s + readableKeyTemplate() + u" at {{ $value | humanizeTimestamp }}; "_s
                         u"it still serves the metrics of the last successful push."_s;
    plan.items.append({{}, failed});
    return plan;
}

QString AlertRules::generate(const StalenessPolicy &policy, const AlertRuleOptions &options)
{
    const AlertRulePlan plan = AlertRules::plan(policy, options);
    QString out = plan.header;
    out += u"groups:\n"_s;
    out += u"  - name: "_s + yamlString(options.groupName) + u'\n';
    out += u"    rules:\n"_s;
    for (const AlertRulePlan::Item &item : plan.items) {
        if (item.alert)
            out += renderAlert(*item.alert, options);
        else
            out += u"      # "_s + item.comment + u'\n';
    }
    return out;
}

} // namespace PushDeck
