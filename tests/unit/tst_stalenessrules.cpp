// StalenessRules: the rules file format, its errors (which rule, which
// field), files and the QSettings string.

#include "staleness/stalenessrules.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

StalenessPolicy samplePolicy()
{
    StalenessPolicy policy;
    policy.setDefaults(1800, 4 * 3600);
    CadenceSettings cadence;
    cadence.warnFactor = 2.5;
    cadence.staleFactor = 5;
    cadence.minIntervals = 4;
    policy.setCadenceSettings(cadence);
    policy.setRules({
        StalenessRule{LabelMatcher::parse(u"{job=\"nightly-backup\"}").value(), 26 * 3600, 48 * 3600, u"backups"_s},
        StalenessRule{LabelMatcher::parse(u"{job=~\"batch-.*\",instance!=\"\",path=\"a\\\"b\\\\c\\nd\"}").value(), 90, 300},
        StalenessRule{LabelMatcher{}, 0, 0.5},
    });
    return policy;
}

} // namespace

class TestStalenessRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const StalenessPolicy policy = samplePolicy();
        const QByteArray json = StalenessRules::toJson(policy);
        const auto parsed = StalenessRules::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QVERIFY(parsed->sameConfiguration(policy));
        QCOMPARE(parsed->rules().at(0).name, u"backups"_s);
        QCOMPARE(parsed->rules().at(2).staleAfter, 0.5);
        // Stable: the same policy always gives the same bytes.
        QCOMPARE(StalenessRules::toJson(*parsed), json);
        QVERIFY(json.contains("\"stale\": \"2d\""));
        QVERIFY(json.contains("\"warn\": \"1d2h\""));
    }

    void gatewayScope()
    {
        // Files without scoped rules are written exactly as before (no
        // "gateway" key), so older versions keep reading them.
        QVERIFY(!StalenessRules::toJson(samplePolicy()).contains("gateway"));

        StalenessPolicy policy = samplePolicy();
        QList<StalenessRule> rules = policy.rules();
        rules[1].gateway = u"prod-pg:9091"_s;
        policy.setRules(rules);
        QVERIFY(!policy.sameConfiguration(samplePolicy()));
        const QByteArray json = StalenessRules::toJson(policy);
        QVERIFY(json.contains("\"gateway\": \"prod-pg:9091\""));
        auto parsed = StalenessRules::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QVERIFY(parsed->sameConfiguration(policy));
        QCOMPARE(parsed->rules().at(1).gateway, u"prod-pg:9091"_s);
        QCOMPARE(parsed->rules().at(0).gateway, QString());
        QCOMPARE(StalenessRules::toJson(*parsed), json);

        parsed = StalenessRules::fromJson("{\"rules\": [{\"matcher\": \"{job=\\\"a\\\"}\", \"warn\": 1, \"stale\": 2, \"gateway\": 9091}]}");
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorString().contains(u"rules[0].gateway"_s), qPrintable(parsed.errorString()));
    }

    void minimalAndDefaults()
    {
        // Everything optional: an empty object is the built-in policy.
        auto parsed = StalenessRules::fromJson("{}");
        QVERIFY(parsed.ok());
        QVERIFY(parsed->sameConfiguration(StalenessPolicy()));

        parsed = StalenessRules::fromJson("{\n" "\"comment\": \"why: see the runbook\",\n" "\"defaults\": {\"stale\": 7200, \"comment\": \"numbers are seconds\"},\n" "\"rules\": [{\"matcher\": \"job=\\\"a\\\"\", \"warn\": \"1m\", \"stale\": 300, \"comment\": \"braces optional\"}]\n" "}\n");
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed->defaultWarnAfter(), 3600.0);
        QCOMPARE(parsed->defaultStaleAfter(), 7200.0);
        QCOMPARE(parsed->rules().size(), 1);
        QCOMPARE(parsed->rules().at(0).matcher.toString(), u"{job=\"a\"}"_s);
        QCOMPARE(parsed->rules().at(0).staleAfter, 300.0);
        QCOMPARE(parsed->cadenceSettings(), CadenceSettings{});

        // Defaults switched off.
        parsed = StalenessRules::fromJson("{\"defaults\": {\"warn\": \"0s\", \"stale\": \"0s\"}, \"cadence\": {\"enabled\": false}}");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->defaultStaleAfter(), 0.0);
        QVERIFY(!parsed->cadenceSettings().enabled);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");

        QTest::newRow("not json") << "{\n  \"rules\": [,]\n}"_ba << u"invalid JSON at line 2, column 13: "_s;
        QTest::newRow("array at top") << "[]"_ba << u"rules file: expected a JSON object"_s;
        QTest::newRow("unknown top field") << "{\"rule\": []}"_ba
                                           << u"rules file: unknown field \"rule\" (expected version, defaults, cadence, rules)"_s;
        QTest::newRow("future version") << "{\"version\": 2}"_ba << u"version: version 2 is not supported"_s;
        QTest::newRow("defaults not object") << "{\"defaults\": \"1h\"}"_ba << u"defaults: expected an object"_s;
        QTest::newRow("bad default") << "{\"defaults\": {\"warn\": \"1x\"}}"_ba << u"defaults.warn: invalid duration \"1x\" at column 2: unknown unit \"x\""_s;
        QTest::newRow("default warn > stale") << "{\"defaults\": {\"warn\": \"2h\", \"stale\": \"1h\"}}"_ba
                                              << u"defaults.warn: 2h is longer than defaults.stale (1h)"_s;
        QTest::newRow("negative seconds") << "{\"defaults\": {\"warn\": -5}}"_ba << u"defaults.warn: must be a duration of zero or more seconds"_s;
        QTest::newRow("cadence factor 0") << "{\"cadence\": {\"warnFactor\": 0}}"_ba << u"cadence.warnFactor: must be a number greater than 0"_s;
        QTest::newRow("cadence factor text") << "{\"cadence\": {\"staleFactor\": \"4\"}}"_ba << u"cadence.staleFactor: expected a number such as 2, found a string"_s;
        QTest::newRow("cadence factors swapped") << "{\"cadence\": {\"warnFactor\": 5, \"staleFactor\": 4}}"_ba
                                                 << u"cadence.warnFactor: 5 is greater than cadence.staleFactor (4)"_s;
        QTest::newRow("cadence minIntervals") << "{\"cadence\": {\"minIntervals\": 2.5}}"_ba << u"cadence.minIntervals: expected a whole number from 1 to 1000"_s;
        QTest::newRow("cadence enabled") << "{\"cadence\": {\"enabled\": \"yes\"}}"_ba << u"cadence.enabled: expected true or false, found a string"_s;
        QTest::newRow("rules not array") << "{\"rules\": {}}"_ba << u"rules: expected an array of rules, found an object"_s;
        QTest::newRow("rule not object") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"1m\", \"stale\": \"2m\"}, 5]}"_ba
                                         << u"rules[1]: expected an object"_s;
        QTest::newRow("rule missing stale") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"1m\"}]}"_ba << u"rules[0].stale: missing"_s;
        QTest::newRow("rule bad matcher") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"1m\", \"stale\": \"2m\"}, {\"matcher\": \"{job=\\\"a\\\"\", \"warn\": \"1m\", \"stale\": \"2m\"}]}"_ba
                                          << u"rules[1].matcher: "_s;
        QTest::newRow("rule bad regex") << "{\"rules\": [{\"matcher\": \"{job=~\\\"(\\\"}\", \"warn\": \"1m\", \"stale\": \"2m\"}]}"_ba
                                        << u"rules[0].matcher: "_s;
        QTest::newRow("rule matcher not string") << "{\"rules\": [{\"matcher\": 3, \"warn\": \"1m\", \"stale\": \"2m\"}]}"_ba
                                                 << u"rules[0].matcher: expected a selector"_s;
        QTest::newRow("rule bad warn") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"1h 30m\", \"stale\": \"2h\"}]}"_ba
                                       << u"rules[0].warn: invalid duration \"1h 30m\" at column 3: unexpected space"_s;
        QTest::newRow("rule stale 0") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"0s\", \"stale\": \"0s\"}]}"_ba
                                      << u"rules[0].stale: must be longer than 0s"_s;
        QTest::newRow("rule warn > stale") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"3h\", \"stale\": \"2h\"}]}"_ba
                                           << u"rules[0].warn: 3h is longer than stale (2h)"_s;
        QTest::newRow("rule typo field") << "{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"1h\", \"stale\": \"2h\", \"stal\": \"3h\"}]}"_ba
                                         << u"rules[0]: unknown field \"stal\" (expected name, gateway, matcher, warn, stale)"_s;
        QTest::newRow("rule name not string") << "{\"rules\": [{\"name\": 1, \"matcher\": \"{}\", \"warn\": \"1h\", \"stale\": \"2h\"}]}"_ba
                                              << u"rules[0].name: expected a string, found a number"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto parsed = StalenessRules::fromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, Error::Parse);
        QVERIFY2(parsed.errorString().startsWith(message), qPrintable(parsed.errorString()));
    }

    void jsonErrorPosition()
    {
        const auto parsed = StalenessRules::fromJson("{\n  \"defaults\": {\"warn\": \"1h\",}\n}");
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().line, 2);
        QCOMPARE(parsed.error().column, 29); // the "}" after the trailing comma
        QVERIFY2(parsed.errorString().startsWith(u"invalid JSON at line 2, column 29: "_s), qPrintable(parsed.errorString()));
    }

    void files()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/rules.json"_s);
        QVERIFY(StalenessRules::save(samplePolicy(), path).ok());
        auto loaded = StalenessRules::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QVERIFY(loaded->sameConfiguration(samplePolicy()));

        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"rules\": [{\"matcher\": \"{}\", \"warn\": \"1h\", \"stale\": \"x\"}]}");
        broken.close();
        loaded = StalenessRules::load(broken.fileName());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, Error::Parse);
        QVERIFY2(loaded.errorString().startsWith(broken.fileName() + u": rules[0].stale: "_s), qPrintable(loaded.errorString()));

        loaded = StalenessRules::load(dir.filePath(u"missing.json"_s));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, Error::Invalid);
        QVERIFY(loaded.errorString().contains(u"missing.json"_s));
    }

    void settings()
    {
        const QString text = StalenessRules::toSettingsString(samplePolicy());
        QVERIFY(!text.contains(u'\n'));
        auto parsed = StalenessRules::fromSettingsString(text);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->sameConfiguration(samplePolicy()));

        QTemporaryDir dir;
        {
            QSettings store(dir.filePath(u"pushdeck.ini"_s), QSettings::IniFormat);
            // Nothing stored yet: the built-in policy, no error.
            auto fromEmpty = StalenessRules::readSettings(store);
            QVERIFY(fromEmpty.ok());
            QVERIFY(fromEmpty->sameConfiguration(StalenessPolicy()));
            StalenessRules::writeSettings(store, samplePolicy());
        }
        {
            QSettings store(dir.filePath(u"pushdeck.ini"_s), QSettings::IniFormat);
            auto back = StalenessRules::readSettings(store);
            QVERIFY2(back.ok(), qPrintable(back.errorString()));
            QVERIFY(back->sameConfiguration(samplePolicy()));
            store.setValue(StalenessRules::settingsKey(), u"{\"rules\": 1}"_s);
            back = StalenessRules::readSettings(store);
            QVERIFY(!back.ok());
            QVERIFY(back.errorString().startsWith(u"saved staleness rules: rules: "_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestStalenessRules)
#include "tst_stalenessrules.moc"
