// AlertRules: the Prometheus rule group generated from a policy: selectors,
// exclusions of earlier rules, thresholds, the failed-push alert and valid
// YAML quoting.

#include "staleness/alertrules.h"

#include <QRegularExpression>
#include <QUrlQuery>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

StalenessRule rule(const QString &matcher, double warn, double stale, const QString &name = {})
{
    return StalenessRule{LabelMatcher::parse(matcher).value(), warn, stale, name};
}

// The `expr:` values in order, unquoted from YAML single quotes.
QStringList expressions(const QString &yaml)
{
    QStringList out;
    static const QRegularExpression re(u"^\\s+expr: '(.*)'$"_s, QRegularExpression::MultilineOption);
    auto it = re.globalMatch(yaml);
    while (it.hasNext())
        out.append(it.next().captured(1).replace(u"''"_s, u"'"_s));
    return out;
}

QStringList values(const QString &yaml, const QString &field)
{
    QStringList out;
    const QRegularExpression re(u"^\\s+(?:- )?"_s + field + u": '(.*)'$"_s, QRegularExpression::MultilineOption);
    auto it = re.globalMatch(yaml);
    while (it.hasNext())
        out.append(it.next().captured(1).replace(u"''"_s, u"'"_s));
    return out;
}

} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void promqlString_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("literal");
        QTest::newRow("plain") << u"backup"_s << u"\"backup\""_s;
        QTest::newRow("quote and backslash") << u"a\"b\\c"_s << u"\"a\\\"b\\\\c\""_s;
        QTest::newRow("newline, tab") << u"a\nb\tc"_s << u"\"a\\nb\\tc\""_s;
        QTest::newRow("control char") << u"a\x01z"_s << u"\"a\\x01z\""_s;
        QTest::newRow("regex escapes kept") << u"db\\.prod-[0-9]+"_s << u"\"db\\\\.prod-[0-9]+\""_s;
        QTest::newRow("unicode") << u"K\u00f6ln"_s << u"\"K\u00f6ln\""_s;
    }

    void promqlString()
    {
        QFETCH(QString, value);
        QFETCH(QString, literal);
        QCOMPARE(AlertRules::promqlString(value), literal);
    }

    void selector()
    {
        QCOMPARE(AlertRules::selector(u"push_time_seconds", LabelMatcher{}), u"push_time_seconds"_s);
        const auto m = LabelMatcher::parse(u"{job=~\"batch-.*\", instance!=\"\", path=\"/var/lib\", env!~\"dev|test\"}").value();
        QCOMPARE(AlertRules::selector(u"push_time_seconds", m),
                 u"push_time_seconds{job=~\"batch-.*\",instance!=\"\",path=\"/var/lib\",env!~\"dev|test\"}"_s);
    }

    // Issue 18 §4: one group as PromQL (Copy as PromQL, Open in Prometheus).
    void groupQueries()
    {
        const GroupingKey key = GroupingKey::parse(u"{job=\"a/b\",instance=\"\",\"service.name\"=\"x\\\"y\"}").value();
        const QString matchers = AlertRules::keyMatchers(key);
        QVERIFY2(matchers.startsWith(u"job=\"a/b\","_s), qPrintable(matchers));
        QVERIFY2(matchers.contains(u"instance=\"\""_s), qPrintable(matchers));
        QVERIFY2(matchers.contains(u"\"service.name\"=\"x\\\"y\""_s), qPrintable(matchers));
        QCOMPARE(AlertRules::groupAgeQuery(key), u"time() - push_time_seconds{"_s + matchers + u'}');
        QCOMPARE(AlertRules::groupSeriesQuery(key, {}), u'{' + matchers + u'}');
        QCOMPARE(AlertRules::groupSeriesQuery(key, {u"a_total"_s, u"b.c"_s}),
                 u"{__name__=~\"a_total|b\\\\.c\","_s + matchers + u'}');
        // The matchers parse back as the same selector (Prometheus 3 dialect).
        const auto parsed = LabelMatcher::parse(QString(u'{' + matchers + u'}'));
        QVERIFY2(parsed, qPrintable(parsed.errorString()));
        QVERIFY(parsed->matches(key));

        const QUrl url = AlertRules::prometheusGraphUrl(QUrl(u"https://prom.example/p"_s), {u"a + b"_s, u"x{y=\"&\"}"_s}, u"6h"_s);
        QCOMPARE(url.path(), u"/p/graph"_s);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"g0.expr"_s, QUrl::FullyDecoded), u"a + b"_s);
        QCOMPARE(query.queryItemValue(u"g1.expr"_s, QUrl::FullyDecoded), u"x{y=\"&\"}"_s);
        QCOMPARE(query.queryItemValue(u"g1.range_input"_s), u"6h"_s);
    }

    void yamlString()
    {
        QCOMPARE(AlertRules::yamlString(u"it's {{ $labels.job }}: \"x\""), u"'it''s {{ $labels.job }}: \"x\"'"_s);
    }

    // First match wins in PushDeck; in PromQL each later rule and the
    // default leave out what earlier rules match.
    void gatewayScopedRulesAreLeftOut()
    {
        StalenessPolicy policy;
        StalenessRule scoped = rule(u"{job=\"etl\"}"_s, 60, 120, u"prod etl"_s);
        scoped.gateway = u"prod-pg:9091"_s;
        policy.setRules({scoped, rule(u"{job=\"etl\"}"_s, 600, 1200)});
        const QString yaml = AlertRules::generate(policy);
        const QStringList expr = expressions(yaml);
        QVERIFY(!expr.contains(u"time() - push_time_seconds{job=\"etl\"} >= 120"_s));
        QVERIFY(expr.contains(u"time() - push_time_seconds{job=\"etl\"} >= 1200"_s));
        QVERIFY2(yaml.contains(u"on prod-pg:9091) is left out"_s), qPrintable(yaml));
    }

    void exclusions()
    {
        StalenessPolicy policy;
        policy.setRules({
            rule(u"{job=\"nightly-backup\"}"_s, 26 * 3600, 48 * 3600, u"backups"_s),
            rule(u"{job=~\"batch-.*\"}"_s, 600, 1800),
            rule(u"{instance!=\"\"}"_s, 0, 300), // no warning phase
        });
        const QString yaml = AlertRules::generate(policy);
        const QStringList expr = expressions(yaml);
        const QString backup = u"push_time_seconds{job=\"nightly-backup\"}"_s;
        const QString batch = u"push_time_seconds{job=~\"batch-.*\"}"_s;
        const QString inst = u"push_time_seconds{instance!=\"\"}"_s;
        QCOMPARE(expr, (QStringList{
            u"time() - "_s + backup + u" >= 172800"_s,
            u"time() - "_s + backup + u" >= 93600 < 172800"_s,
            u"time() - "_s + batch + u" >= 1800 unless "_s + backup,
            u"time() - "_s + batch + u" >= 600 < 1800 unless "_s + backup,
            u"time() - "_s + inst + u" >= 300 unless "_s + backup + u" unless "_s + batch,
            u"time() - push_time_seconds >= 21600 unless "_s + backup + u" unless "_s + batch + u" unless "_s + inst,
            u"time() - push_time_seconds >= 3600 < 21600 unless "_s + backup + u" unless "_s + batch + u" unless "_s + inst,
            u"push_failure_time_seconds > push_time_seconds"_s,
        }));
        QCOMPARE(values(yaml, u"alert"_s), (QStringList{
            u"PushgatewayGroupStale"_s, u"PushgatewayGroupLate"_s,
            u"PushgatewayGroupStale"_s, u"PushgatewayGroupLate"_s,
            u"PushgatewayGroupStale"_s,
            u"PushgatewayGroupStale"_s, u"PushgatewayGroupLate"_s,
            u"PushgatewayPushFailed"_s,
        }));
        QCOMPARE(values(yaml, u"severity"_s), (QStringList{
            u"critical"_s, u"warning"_s, u"critical"_s, u"warning"_s, u"critical"_s, u"critical"_s, u"warning"_s, u"critical"_s,
        }));
        QCOMPARE(values(yaml, u"pushdeck_rule"_s), (QStringList{
            u"1"_s, u"1"_s, u"2"_s, u"2"_s, u"3"_s, u"default"_s, u"default"_s,
        }));
        QVERIFY(yaml.contains(u"# PushDeck rule 1 \u201cbackups\u201d: {job=\"nightly-backup\"}, warning after 1d2h, stale after 2d\n"_s));
        QVERIFY(yaml.startsWith(u"# Prometheus alerting rules generated by PushDeck"_s));
        QVERIFY(yaml.contains(u"\ngroups:\n  - name: 'pushdeck-staleness'\n    rules:\n"_s));
    }

    // A catch-all rule ends the list: nothing after it can apply.
    void catchAll()
    {
        StalenessPolicy policy;
        policy.setRules({rule(u"{job=\"a\"}"_s, 60, 120), rule(u"{}"_s, 600, 1200), rule(u"{job=\"b\"}"_s, 1, 2)});
        const QString yaml = AlertRules::generate(policy);
        const QStringList expr = expressions(yaml);
        QCOMPARE(expr.size(), 5);
        QCOMPARE(expr.at(2), u"time() - push_time_seconds >= 1200 unless push_time_seconds{job=\"a\"}"_s);
        QCOMPARE(expr.at(4), u"push_failure_time_seconds > push_time_seconds"_s);
        QVERIFY(yaml.contains(u"# PushDeck rule 3 ({job=\"b\"}) is left out: an earlier rule matches every group.\n"_s));
    }

    void options()
    {
        StalenessPolicy policy;
        policy.setDefaults(0, 0); // no default: only the failure alert
        AlertRuleOptions options;
        options.groupName = u"team's pushes"_s;
        options.alertPrefix = u"Batch"_s;
        options.forDuration = u"5m"_s;
        options.failedSeverity = u"page"_s;
        options.warnings = false;
        const QString yaml = AlertRules::generate(policy, options);
        QCOMPARE(expressions(yaml), QStringList{u"push_failure_time_seconds > push_time_seconds"_s});
        QVERIFY(yaml.contains(u"- name: 'team''s pushes'"_s));
        QVERIFY(yaml.contains(u"- alert: 'BatchPushFailed'"_s));
        QVERIFY(yaml.contains(u"  for: '5m'\n"_s));
        QVERIFY(yaml.contains(u"severity: 'page'"_s));

        policy.setDefaults(60, 120);
        QCOMPARE(expressions(AlertRules::generate(policy, options)).size(), 2); // no warning alerts
    }

    // The optional cadence approximation: mean interval over the lookback.
    void cadenceAlerts()
    {
        StalenessPolicy policy;
        policy.setRules({rule(u"{job=\"a\"}"_s, 60, 120)});
        AlertRuleOptions options;
        options.cadenceAlerts = true;
        options.cadenceLookback = u"6h"_s;
        const QStringList expr = expressions(AlertRules::generate(policy, options));
        const QString changes = u"changes(push_time_seconds[6h])"_s;
        QCOMPARE(expr.size(), 7);
        QCOMPARE(expr.at(2), u"(time() - push_time_seconds) >= 4 * 21600 / "_s + changes + u" and "_s + changes
                                 + u" >= 3 unless push_time_seconds{job=\"a\"}"_s);
        QCOMPARE(expr.at(3), u"(time() - push_time_seconds) >= 2 * 21600 / "_s + changes + u" < 4 * 21600 / "_s + changes
                                 + u" and "_s + changes + u" >= 3 unless push_time_seconds{job=\"a\"}"_s);
        QCOMPARE(expr.at(4), u"time() - push_time_seconds >= 21600 unless push_time_seconds{job=\"a\"} unless "_s + changes + u" >= 3"_s);

        // Cadence switched off in the policy: no cadence alerts.
        CadenceSettings off;
        off.enabled = false;
        policy.setCadenceSettings(off);
        QCOMPARE(expressions(AlertRules::generate(policy, options)).size(), 5);
    }

    // Everything a label value can contain stays inside one YAML scalar and
    // one PromQL string.
    void quoting()
    {
        StalenessPolicy policy;
        policy.setRules({rule(u"{job=\"it's \\\"quoted\\\"\\nnew line\",path=~\"/var/.*\"}"_s, 60, 120, u"odd\nname's"_s)});
        const QString yaml = AlertRules::generate(policy);
        for (const QString &line : yaml.split(u'\n')) {
            if (line.isEmpty())
                continue;
            // Every line is a comment, a key, or a list item: no stray
            // continuation lines from a newline in a value.
            QVERIFY2(line.trimmed().startsWith(u'#') || line.contains(u": "_s) || line.endsWith(u':'), qPrintable(line));
        }
        const QStringList expr = expressions(yaml);
        QCOMPARE(expr.at(0), u"time() - push_time_seconds{job=\"it's \\\"quoted\\\"\\nnew line\",path=~\"/var/.*\"} >= 120"_s);
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
