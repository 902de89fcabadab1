// PruneSelection: the exact list a prune or matcher-based bulk delete would
// send, from groups + staleness state and/or minimum age + matcher.

#include "staleness/pruneselection.h"
#include "builders.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::group;
using PushDeck::Test::key;
using PushDeck::Test::series;

namespace {

constexpr double Now = 1'000'000;

// A group holding one gauge `up` = 1, labelled with the key as the gateway does.
Group groupWithUp(const QString &keyText, double pushTime, double failureTime = 0)
{
    const GroupingKey k = key(keyText);
    return group(k, pushTime, failureTime, {family(u"up"_s, MetricType::Gauge, {series(k.labels(), 1)})});
}

// Default policy: warning after 1h, stale after 6h.
QList<Group> fixture()
{
    return {
        groupWithUp(u"{job=\"a\"}"_s, Now - 60),                         // fresh
        groupWithUp(u"{job=\"b\",instance=\"x\"}"_s, Now - 7200),        // warning
        groupWithUp(u"{job=\"c\"}"_s, Now - 86400),                      // stale
        groupWithUp(u"{job=\"batch\",instance=\"1\"}"_s, Now - 100000),  // stale
        groupWithUp(u"{job=\"batch\",instance=\"2\"}"_s, Now - 10, Now - 5), // failed
        groupWithUp(u"{job=\"never\"}"_s, 0, Now - 30),                   // failed, never pushed: age +Inf
        groupWithUp(u"{job=\"a\",instance=\"x\"}"_s, Now - 30000),        // stale, nested beside {job="a"}
    };
}

QStringList keyTexts(const QList<PruneCandidate> &candidates)
{
    QStringList out;
    for (const auto &c : candidates)
        out.append(c.key().toString());
    return out;
}

} // namespace

class TestPruneSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void select_data()
    {
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<double>("minAge");
        QTest::addColumn<bool>("any");
        QTest::addColumn<QString>("matcher");
        QTest::addColumn<QStringList>("expected"); // oldest first

        const QString a = u"{job=\"a\"}"_s;
        const QString b = u"{job=\"b\",instance=\"x\"}"_s;
        const QString c = u"{job=\"c\"}"_s;
        const QString d = u"{job=\"batch\",instance=\"1\"}"_s;
        const QString e = u"{job=\"batch\",instance=\"2\"}"_s;
        const QString f = u"{job=\"never\"}"_s;
        const QString g = u"{job=\"a\",instance=\"x\"}"_s;

        QTest::newRow("nothing set selects all") << QStringList{} << 0.0 << false << QString() << QStringList{f, d, c, g, b, a, e};
        QTest::newRow("stale") << QStringList{u"stale"_s} << 0.0 << false << QString() << QStringList{d, c, g};
        QTest::newRow("stale or failed") << QStringList{u"stale"_s, u"failed"_s} << 0.0 << false << QString()
                                         << QStringList{f, d, c, g, e};
        QTest::newRow("age >= 2h (inclusive)") << QStringList{} << 7200.0 << false << QString() << QStringList{f, d, c, g, b};
        QTest::newRow("stale and age >= 1d") << QStringList{u"stale"_s} << 86400.0 << false << QString() << QStringList{d, c};
        QTest::newRow("stale or age >= 2h") << QStringList{u"stale"_s} << 7200.0 << true << QString() << QStringList{f, d, c, g, b};
        QTest::newRow("warning and age >= 1d: none") << QStringList{u"warning"_s} << 86400.0 << false << QString() << QStringList{};
        QTest::newRow("matcher only, nested keys") << QStringList{} << 0.0 << false << u"{job=\"a\"}"_s << QStringList{g, a};
        QTest::newRow("matcher excludes nested") << QStringList{} << 0.0 << false << u"{job=\"a\",instance=\"\"}"_s << QStringList{a};
        QTest::newRow("regex matcher + stale") << QStringList{u"stale"_s} << 0.0 << false << u"{job=~\"bat.*\"}"_s << QStringList{d};
        QTest::newRow("absent label matches empty") << QStringList{u"stale"_s} << 0.0 << false << u"{instance=\"\"}"_s << QStringList{c};
        QTest::newRow("matcher and age") << QStringList{} << 3600.0 << false << u"{job!=\"c\"}"_s << QStringList{f, d, g, b};
        QTest::newRow("unknown state matches nothing here") << QStringList{u"unknown"_s} << 0.0 << false << QString() << QStringList{};
    }

    void select()
    {
        QFETCH(QStringList, states);
        QFETCH(double, minAge);
        QFETCH(bool, any);
        QFETCH(QString, matcher);
        QFETCH(QStringList, expected);

        PruneCriteria criteria;
        for (const auto &name : states)
            criteria.states.insert(stalenessFromName(name).value());
        criteria.minAgeSeconds = minAge;
        criteria.combine = any ? PruneCriteria::Combine::Any : PruneCriteria::Combine::All;
        auto parsed = LabelMatcher::parse(matcher);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        criteria.matcher = *parsed;

        const auto selected = selectForPrune(fixture(), StalenessPolicy(), criteria, Now);
        QCOMPARE(keyTexts(selected), expected);
        QCOMPARE(criteria.isEmpty(), states.isEmpty() && minAge <= 0 && matcher.isEmpty());
        // Candidates carry the whole group for the snapshot, and what the
        // preview shows.
        for (const auto &c : selected) {
            QCOMPARE(c.group.families.size(), 1);
            QCOMPARE(c.ageSeconds, ::groupAge(c.group, Now));
            QCOMPARE(c.verdict.state, StalenessPolicy().evaluate(c.group, Now).state);
        }
    }

    void rulesDecideTheState()
    {
        StalenessPolicy policy;
        StalenessRule batch;
        batch.matcher = LabelMatcher::parse(u"{job=\"batch\"}"_s).value();
        batch.warnAfter = 5;
        batch.staleAfter = 8;
        policy.setRules({batch});
        QList<Group> groups{groupWithUp(u"{job=\"batch\",instance=\"3\"}"_s, Now - 9),
                            groupWithUp(u"{job=\"other\"}"_s, Now - 9)};
        PruneCriteria criteria;
        criteria.states = {Staleness::Stale};
        const auto selected = selectForPrune(groups, policy, criteria, Now);
        QCOMPARE(keyTexts(selected), QStringList{u"{job=\"batch\",instance=\"3\"}"_s});
        QCOMPARE(selected.first().verdict.ruleIndex, 0);
    }

    void groupAge_data()
    {
        QTest::addColumn<double>("pushTime");
        QTest::addColumn<double>("expected");
        QTest::newRow("normal") << Now - 12.5 << 12.5;
        QTest::newRow("never pushed") << 0.0 << std::numeric_limits<double>::infinity();
        QTest::newRow("NaN push time") << std::nan("") << std::numeric_limits<double>::infinity();
        QTest::newRow("clock skew") << Now + 30 << 0.0;
    }

    void groupAge()
    {
        QFETCH(double, pushTime);
        QFETCH(double, expected);
        Group g = groupWithUp(u"{job=\"x\"}"_s, 1);
        g.pushTime = pushTime;
        QCOMPARE(::groupAge(g, Now), expected);
    }

    void byMatcher()
    {
        const auto selected = selectByMatcher(fixture(), LabelMatcher::parse(u"{job=~\"a|batch\"}"_s).value());
        QStringList keys;
        for (const auto &g : selected)
            keys.append(g.key.toString());
        QCOMPARE(keys, (QStringList{u"{job=\"a\"}"_s, u"{job=\"a\",instance=\"x\"}"_s, u"{job=\"batch\",instance=\"1\"}"_s,
                                    u"{job=\"batch\",instance=\"2\"}"_s}));
    }

    void byKeys()
    {
        const auto all = fixture();
        QList<GroupingKey> missing;
        const GroupingKey gone = GroupingKey::parse(u"{job=\"gone\"}"_s).value();
        // {job="a",instance=""} is a different group from {job="a"}: never
        // substituted for it.
        const GroupingKey emptyInstance = GroupingKey::parse(u"{job=\"a\",instance=\"\"}"_s).value();
        const auto selected = selectByKeys(all, {all[2].key, gone, all[0].key, all[2].key, emptyInstance}, &missing);
        QCOMPARE(selected.size(), 2);
        QCOMPARE(selected[0].key, all[2].key);
        QCOMPARE(selected[1].key, all[0].key);
        QCOMPARE(missing, (QList<GroupingKey>{gone, emptyInstance}));
        QCOMPARE(keysOf(selectForPrune(all, StalenessPolicy(), {}, Now)).size(), all.size());
        QCOMPARE(groupsOf(selectForPrune(all, StalenessPolicy(), {}, Now)).size(), all.size());
    }

    void describe()
    {
        PruneCriteria criteria;
        QCOMPARE(criteria.describe(), u"every group"_s);
        criteria.states = {Staleness::Failed, Staleness::Stale};
        criteria.minAgeSeconds = 7200;
        criteria.combine = PruneCriteria::Combine::Any;
        criteria.matcher = LabelMatcher::parse(u"{job=\"x\"}"_s).value();
        QCOMPARE(criteria.describe(), u"(state in {stale, failed} or age >= 2h) and {job=\"x\"}"_s);
    }
};

QTEST_GUILESS_MAIN(TestPruneSelection)
#include "tst_pruneselection.moc"
