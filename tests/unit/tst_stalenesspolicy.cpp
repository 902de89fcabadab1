// StalenessPolicy: rule order, learned cadence, failed pushes, defaults and
// how states move as time passes.

#include "staleness/cadencetracker.h"
#include "staleness/stalenesspolicy.h"
#include "builders.h"
#include "core/urls.h"

#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::group;
using PushDeck::Test::key;

Q_DECLARE_METATYPE(Staleness)

namespace {

constexpr double T0 = 1'800'000'000; // a fixed "now" far from 0

StalenessRule rule(const QString &matcher, double warn, double stale, const QString &name = {})
{
    auto m = LabelMatcher::parse(matcher);
    if (!m)
        qFatal("bad matcher in test: %s", qPrintable(m.errorString()));
    return StalenessRule{*m, warn, stale, name};
}

// Rules used by several tests: the specific before the general.
QList<StalenessRule> sampleRules()
{
    return {
        rule(u"{job=\"nightly-backup\"}"_s, 26 * 3600, 48 * 3600, u"backups"_s),
        rule(u"{job=~\"batch-.*\",env=\"prod\"}"_s, 600, 1800),
        rule(u"{job=~\"batch-.*\"}"_s, 3600, 7200),
        rule(u"{instance!=\"\"}"_s, 60, 300),
    };
}

} // namespace

class TestStalenessPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        for (auto s : {Staleness::Unknown, Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed}) {
            QCOMPARE(stalenessFromName(stalenessName(s)), std::optional<Staleness>(s));
            QCOMPARE(stalenessFromName(stalenessName(s).toUpper()), std::optional<Staleness>(s));
        }
        QCOMPARE(stalenessFromName(u"rotten"), std::nullopt);
    }

    void ruleOrder_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("age");
        QTest::addColumn<int>("ruleIndex");
        QTest::addColumn<Staleness>("state");

        QTest::newRow("backup 20h old is fine") << u"{job=\"nightly-backup\"}"_s << 20.0 * 3600 << 0 << Staleness::Fresh;
        QTest::newRow("backup 30h: warning") << u"{job=\"nightly-backup\"}"_s << 30.0 * 3600 << 0 << Staleness::Warning;
        QTest::newRow("backup 48h: stale") << u"{job=\"nightly-backup\"}"_s << 48.0 * 3600 << 0 << Staleness::Stale;
        // First match wins: the backup with an instance still gets rule 0,
        // not the strict instance rule further down.
        QTest::newRow("first match wins") << u"{job=\"nightly-backup\",instance=\"db1\"}"_s << 3600.0 << 0 << Staleness::Fresh;
        QTest::newRow("prod batch uses the prod rule") << u"{job=\"batch-x\",env=\"prod\"}"_s << 900.0 << 1 << Staleness::Warning;
        QTest::newRow("dev batch falls through") << u"{job=\"batch-x\",env=\"dev\"}"_s << 900.0 << 2 << Staleness::Fresh;
        QTest::newRow("batch without env") << u"{job=\"batch-x\"}"_s << 7200.0 << 2 << Staleness::Stale;
        QTest::newRow("regex anchored: xbatch-1 is not batch") << u"{job=\"xbatch-1\"}"_s << 900.0 << -1 << Staleness::Fresh;
        QTest::newRow("instance rule") << u"{job=\"web\",instance=\"a\"}"_s << 120.0 << 3 << Staleness::Warning;
        QTest::newRow("empty instance is absent") << u"{job=\"web\",instance=\"\"}"_s << 120.0 << -1 << Staleness::Fresh;
        QTest::newRow("default warn") << u"{job=\"web\"}"_s << 3600.0 << -1 << Staleness::Warning;
        QTest::newRow("default stale") << u"{job=\"web\"}"_s << 6.0 * 3600 << -1 << Staleness::Stale;
        QTest::newRow("clock skew: pushed in the future") << u"{job=\"web\"}"_s << -30.0 << -1 << Staleness::Fresh;
    }

    void ruleOrder()
    {
        QFETCH(QString, key);
        QFETCH(double, age);
        QFETCH(int, ruleIndex);
        QFETCH(Staleness, state);

        StalenessPolicy policy;
        policy.setRules(sampleRules());
        const StalenessVerdict v = policy.evaluate(group(key, T0 - age), T0);
        QCOMPARE(v.ruleIndex, ruleIndex);
        QCOMPARE(v.state, state);
        QCOMPARE(v.source, ruleIndex >= 0 ? StalenessVerdict::Source::Rule : StalenessVerdict::Source::Default);
        if (ruleIndex >= 0) {
            QCOMPARE(v.warnAfter, sampleRules().at(ruleIndex).warnAfter);
            QCOMPARE(v.staleAfter, sampleRules().at(ruleIndex).staleAfter);
        } else {
            QCOMPARE(v.warnAfter, 3600.0);
            QCOMPARE(v.staleAfter, 6.0 * 3600);
        }
    }

    // Pushes observed across polls, each as a push time offset; the tracker
    // learns the cadence and the policy judges the group by it.
    void learnedCadence_data()
    {
        QTest::addColumn<QList<double>>("pushes");
        QTest::addColumn<double>("expected"); // learned interval; 0: not learned
        QTest::addColumn<double>("age");      // seconds after the last push
        QTest::addColumn<Staleness>("state");

        const QList<double> regular{0, 60, 120, 180, 240};
        QTest::newRow("regular, fresh") << regular << 60.0 << 90.0 << Staleness::Fresh;
        QTest::newRow("regular, 2x late: warning") << regular << 60.0 << 120.0 << Staleness::Warning;
        QTest::newRow("regular, 4x late: stale") << regular << 60.0 << 240.0 << Staleness::Stale;
        // Start-up jitter of a few seconds moves the median, not the rhythm.
        const QList<double> jittery{0, 62, 119, 183, 240, 298, 361};
        QTest::newRow("jitter") << jittery << 58.0 << 100.0 << Staleness::Fresh;
        QTest::newRow("jitter, late") << jittery << 58.0 << 125.0 << Staleness::Warning;
        // Two missed runs (intervals of 180 and 120) do not double the cadence.
        const QList<double> missing{0, 60, 240, 300, 360, 480, 540};
        QTest::newRow("missed runs") << missing << 60.0 << 130.0 << Staleness::Warning;
        // A manual re-push 3 s after a run: one short interval is an outlier.
        const QList<double> extra{0, 300, 303, 600, 900, 1200};
        QTest::newRow("extra manual push") << extra << 300.0 << 400.0 << Staleness::Fresh;
        // Only two intervals: not enough, the default decides (1h / 6h).
        const QList<double> tooFew{0, 60, 120};
        QTest::newRow("too few intervals") << tooFew << 0.0 << 600.0 << Staleness::Fresh;
        QTest::newRow("too few, default stale") << tooFew << 0.0 << 7.0 * 3600 << Staleness::Stale;
        // A pushed time that repeats (polls without a push) adds nothing.
        const QList<double> repeats{0, 0, 0, 30, 30, 60, 60, 90};
        QTest::newRow("repeated push times") << repeats << 30.0 << 70.0 << Staleness::Warning;
        // Schedule changed from 10 min to 1 min: the recent majority wins.
        const QList<double> changed{0, 600, 1200, 1800, 1860, 1920, 1980, 2040, 2100};
        QTest::newRow("schedule changed") << changed << 60.0 << 300.0 << Staleness::Stale;
    }

    void learnedCadence()
    {
        QFETCH(QList<double>, pushes);
        QFETCH(double, expected);
        QFETCH(double, age);
        QFETCH(Staleness, state);

        const QString k = u"{job=\"cron\",instance=\"h1\"}"_s;
        CadenceTracker tracker;
        for (double offset : pushes)
            tracker.observe({group(k, T0 + offset)});

        StalenessPolicy policy;
        policy.setLearnedCadences(tracker.cadences());
        const double last = T0 + pushes.last();
        const StalenessVerdict v = policy.evaluate(group(k, last), last + age);
        QCOMPARE(v.expectedInterval, expected);
        QCOMPARE(v.state, state);
        QCOMPARE(v.source, expected > 0 ? StalenessVerdict::Source::Cadence : StalenessVerdict::Source::Default);
        if (expected > 0) {
            QCOMPARE(v.warnAfter, 2 * expected);
            QCOMPARE(v.staleAfter, 4 * expected);
        }
    }

    void cadenceSettings()
    {
        const QString k = u"{job=\"cron\"}"_s;
        CadenceTracker tracker;
        for (double t : {0.0, 100.0, 200.0, 300.0})
            tracker.observe({group(k, T0 + t)});
        StalenessPolicy policy;
        policy.setLearnedCadences(tracker.cadences());

        CadenceSettings settings;
        settings.warnFactor = 1.5;
        settings.staleFactor = 3;
        policy.setCadenceSettings(settings);
        StalenessVerdict v = policy.evaluate(group(k, T0 + 300), T0 + 300 + 160);
        QCOMPARE(v.state, Staleness::Warning);
        QCOMPARE(v.staleAfter, 300.0);

        // Needing more intervals than observed: back to the default.
        settings.minIntervals = 4;
        policy.setCadenceSettings(settings);
        v = policy.evaluate(group(k, T0 + 300), T0 + 300 + 160);
        QCOMPARE(v.source, StalenessVerdict::Source::Default);
        QCOMPARE(v.state, Staleness::Fresh);
        QCOMPARE(v.cadenceIntervals, 3);
        QVERIFY(policy.explain(v).contains(u"learning the cadence: 3 of 4"_s));

        // Switched off: the default, and no expected interval shown.
        settings.minIntervals = 3;
        settings.enabled = false;
        policy.setCadenceSettings(settings);
        v = policy.evaluate(group(k, T0 + 300), T0 + 300 + 160);
        QCOMPARE(v.source, StalenessVerdict::Source::Default);
        QCOMPARE(v.expectedInterval, 0.0);
    }

    // An explicit rule beats the learned cadence, but the cadence is still
    // reported for "expected every ~5m".
    void ruleBeatsCadence()
    {
        const QString k = u"{job=\"nightly-backup\"}"_s;
        CadenceTracker tracker;
        for (double t : {0.0, 300.0, 600.0, 900.0})
            tracker.observe({group(k, T0 + t)});
        StalenessPolicy policy;
        policy.setRules(sampleRules());
        policy.setLearnedCadences(tracker.cadences());
        const StalenessVerdict v = policy.evaluate(group(k, T0 + 900), T0 + 900 + 3600);
        QCOMPARE(v.source, StalenessVerdict::Source::Rule);
        QCOMPARE(v.state, Staleness::Fresh);
        QCOMPARE(v.expectedInterval, 300.0);
        QCOMPARE(policy.explain(v), u"rule 1 \u201cbackups\u201d {job=\"nightly-backup\"}: warning after 1d2h, stale after 2d (expected every ~5m)"_s);
    }

    void failed_data()
    {
        QTest::addColumn<double>("pushAge");
        QTest::addColumn<double>("failureAge"); // < 0: never failed
        QTest::addColumn<bool>("lastSuccessful");
        QTest::addColumn<Staleness>("state");

        QTest::newRow("never failed") << 10.0 << -1.0 << true << Staleness::Fresh;
        QTest::newRow("failed after the last push") << 10.0 << 5.0 << false << Staleness::Failed;
        // The failure time alone decides, even if the flag disagreed.
        QTest::newRow("failure newer, flag says ok") << 10.0 << 5.0 << true << Staleness::Failed;
        QTest::newRow("flag says failed") << 10.0 << 20.0 << false << Staleness::Failed;
        QTest::newRow("recovered: push after the failure") << 5.0 << 10.0 << true << Staleness::Fresh;
        QTest::newRow("recovered but stale") << 7.0 * 3600 << 8.0 * 3600 << true << Staleness::Stale;
        QTest::newRow("failed beats stale") << 7.0 * 3600 << 60.0 << false << Staleness::Failed;
        QTest::newRow("never succeeded, failed") << -1.0 << 60.0 << false << Staleness::Failed;
    }

    void failed()
    {
        QFETCH(double, pushAge);
        QFETCH(double, failureAge);
        QFETCH(bool, lastSuccessful);
        QFETCH(Staleness, state);

        StalenessPolicy policy;
        Group g = group(u"{job=\"j\"}"_s, pushAge < 0 ? 0 : T0 - pushAge, failureAge < 0 ? 0 : T0 - failureAge);
        g.lastPushSuccessful = lastSuccessful; // the gateway's flag, also where it disagrees with the times
        const StalenessVerdict v = policy.evaluate(g, T0);
        QCOMPARE(v.state, state);
        if (state == Staleness::Failed)
            QVERIFY(policy.explain(v).startsWith(u"the last push failed; "_s));
    }

    void unknown()
    {
        StalenessPolicy policy;
        // Never pushed successfully (and never failed either).
        QCOMPARE(policy.evaluate(group(u"{job=\"j\"}"_s, 0), T0).state, Staleness::Unknown);
        QCOMPARE(policy.evaluate(group(u"{job=\"j\"}"_s, qQNaN()), T0).state, Staleness::Unknown);

        // No default: unknown until a rule or a learned cadence applies.
        policy.setDefaults(0, 0);
        StalenessVerdict v = policy.evaluate(group(u"{job=\"j\"}"_s, T0 - 10), T0);
        QCOMPARE(v.state, Staleness::Unknown);
        QCOMPARE(v.source, StalenessVerdict::Source::None);
        QCOMPARE(policy.explain(v), u"no rule, no default and no learned cadence yet"_s);
        policy.setRules({rule(u"{job=\"j\"}"_s, 60, 120)});
        QCOMPARE(policy.evaluate(group(u"{job=\"j\"}"_s, T0 - 10), T0).state, Staleness::Fresh);
    }

    // The same group judged at later and later times: the states a table
    // shows while nothing is polled but the clock ticks.
    void transitions_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QList<double>>("ages");
        QTest::addColumn<QList<int>>("states");

        const int F = int(Staleness::Fresh), W = int(Staleness::Warning), S = int(Staleness::Stale);
        QTest::newRow("instance rule 60/300") << u"{job=\"web\",instance=\"a\"}"_s
                                              << QList<double>{0, 59.9, 60, 120, 299, 300, 1e6}
                                              << QList<int>{F, F, W, W, W, S, S};
        QTest::newRow("default 1h/6h") << u"{job=\"web\"}"_s
                                       << QList<double>{0, 3599, 3600, 21599, 21600}
                                       << QList<int>{F, F, W, W, S};
        QTest::newRow("backup 26h/48h") << u"{job=\"nightly-backup\"}"_s
                                        << QList<double>{20 * 3600, 26 * 3600, 47 * 3600, 48 * 3600}
                                        << QList<int>{F, W, W, S};
    }

    void transitions()
    {
        QFETCH(QString, key);
        QFETCH(QList<double>, ages);
        QFETCH(QList<int>, states);

        StalenessPolicy policy;
        policy.setRules(sampleRules());
        const Group g = group(key, T0);
        for (qsizetype i = 0; i < ages.size(); ++i) {
            const Staleness s = policy.evaluate(g, T0 + ages.at(i)).state;
            if (int(s) != states.at(i))
                QFAIL(qPrintable(u"at age %1: %2, expected %3"_s.arg(ages.at(i)).arg(stalenessName(s), stalenessName(Staleness(states.at(i))))));
        }
    }

    // A rule without a warning phase goes straight from fresh to stale.
    void noWarningPhase()
    {
        StalenessPolicy policy;
        policy.setRules({rule(u"{job=\"j\"}"_s, 0, 100)});
        QCOMPARE(policy.evaluate(group(u"{job=\"j\"}"_s, T0), T0 + 99).state, Staleness::Fresh);
        QCOMPARE(policy.evaluate(group(u"{job=\"j\"}"_s, T0), T0 + 100).state, Staleness::Stale);
    }

    void explain()
    {
        StalenessPolicy policy;
        policy.setRules(sampleRules());
        StalenessVerdict v = policy.evaluate(group(u"{job=\"batch-1\"}"_s, T0), T0);
        QCOMPARE(policy.explain(v), u"rule 3 {job=~\"batch-.*\"}: warning after 1h, stale after 2h"_s);
        v = policy.evaluate(group(u"{job=\"other\"}"_s, T0), T0);
        QCOMPARE(policy.explain(v), u"default: warning after 1h, stale after 6h"_s);

        CadenceTracker tracker;
        for (double t : {0.0, 298.0, 600.0, 899.0})
            tracker.observe({group(u"{job=\"other\"}"_s, T0 + t)});
        policy.setLearnedCadences(tracker.cadences());
        v = policy.evaluate(group(u"{job=\"other\"}"_s, T0 + 899), T0 + 900);
        QCOMPARE(v.expectedInterval, 299.0);
        QCOMPARE(policy.explain(v), u"learned cadence, expected every ~5m: warning after 9m58s, stale after 19m56s"_s);
    }

    void gatewayScopedRules()
    {
        StalenessRule prod = rule(u"{job=\"etl\"}"_s, 60, 120, u"prod etl"_s);
        prod.gateway = u"prod-pg:9091"_s;
        StalenessRule byUrl = rule(u"{job=\"etl\"}"_s, 600, 1200);
        byUrl.gateway = u"http://Test-PG:9091/"_s;
        StalenessRule everywhere = rule(u"{job=\"etl\"}"_s, 6000, 12000);
        StalenessPolicy policy;
        policy.setRules({prod, byUrl, everywhere});
        const Group etl = group(u"{job=\"etl\"}"_s, T0 - 300);

        // No gateway known: scoped rules never apply.
        QCOMPARE(policy.evaluate(etl, T0).ruleIndex, 2);
        policy.setGateway(QUrl(u"http://prod-pg:9091"_s));
        QCOMPARE(policy.gatewayIdentifiers(), QStringList({u"prod-pg:9091"_s, u"http://prod-pg:9091"_s}));
        StalenessVerdict verdict = policy.evaluate(etl, T0);
        QCOMPARE(verdict.ruleIndex, 0);
        QCOMPARE(verdict.state, Staleness::Stale);
        QVERIFY(policy.explain(verdict).contains(u"on prod-pg:9091"_s));
        // Matched by URL, case-insensitively, trailing slash ignored.
        policy.setGateway(QUrl(u"http://test-pg:9091"_s));
        QCOMPARE(policy.evaluate(etl, T0).ruleIndex, 1);
        QCOMPARE(policy.evaluate(etl, T0).state, Staleness::Fresh);
        policy.setGateway(QUrl(u"http://other:9091/prefix"_s));
        QCOMPARE(gatewayName(QUrl(u"http://other:9091/prefix/"_s)), u"other:9091/prefix"_s);
        QCOMPARE(policy.evaluate(etl, T0).ruleIndex, 2);

        StalenessPolicy unscoped;
        unscoped.setRules({rule(u"{job=\"etl\"}"_s, 60, 120, u"prod etl"_s), byUrl, everywhere});
        QVERIFY(!unscoped.sameConfiguration(policy));
    }

    void sameConfiguration()
    {
        StalenessPolicy a, b;
        QVERIFY(a.sameConfiguration(b));
        a.setRules(sampleRules());
        QVERIFY(!a.sameConfiguration(b));
        b.setRules(sampleRules());
        QVERIFY(a.sameConfiguration(b));
        // Learned cadences are not configuration.
        b.setLearnedCadences({{key(u"{job=\"x\"}"_s), LearnedCadence{60, 5}}});
        QVERIFY(a.sameConfiguration(b));
        b.setDefaults(1, 2);
        QVERIFY(!a.sameConfiguration(b));
    }
};

QTEST_GUILESS_MAIN(TestStalenessPolicy)
#include "tst_stalenesspolicy.moc"
