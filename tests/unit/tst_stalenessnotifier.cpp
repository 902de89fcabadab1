// Notifications: transitions only, summarised, rate-limited.

#include "staleness/stalenessnotifier.h"
#include "builders.h"

#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::jobKey;

class TestStalenessNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void transitionsOnlySummarisedAndRateLimited()
    {
        StalenessNotifier notifier(60);
        QHash<GroupingKey, Staleness> states{{jobKey(u"a"_s), Staleness::Fresh}, {jobKey(u"b"_s), Staleness::Stale}};
        QVERIFY(!notifier.observe(states, 0)); // first poll: learns, says nothing (b was already stale)

        states[jobKey(u"a"_s)] = Staleness::Stale;
        states[jobKey(u"c"_s)] = Staleness::Failed; // new and failed
        auto message = notifier.observe(states, 10);
        QVERIFY(message);
        QCOMPARE(message->count, 2);
        QCOMPARE(message->title, u"1 group became stale, 1 push failed"_s);
        QVERIFY(message->body.contains(u"{job=\"a\"}"_s));
        QVERIFY(!message->body.contains(u"{job=\"b\"}"_s));

        // Within the minute: kept, not sent.
        states[jobKey(u"d"_s)] = Staleness::Fresh;
        QVERIFY(!notifier.observe(states, 20));
        states[jobKey(u"d"_s)] = Staleness::Stale;
        QVERIFY(!notifier.observe(states, 30));
        // Still bad a minute later: one summary.
        message = notifier.observe(states, 75);
        QVERIFY(message);
        QCOMPARE(message->count, 1);
        QVERIFY(message->body.contains(u"{job=\"d\"}"_s));

        // A group that recovers before the next message is not reported.
        states[jobKey(u"e"_s)] = Staleness::Stale;
        QVERIFY(!notifier.observe(states, 80));
        states[jobKey(u"e"_s)] = Staleness::Fresh;
        QVERIFY(!notifier.observe(states, 200));
    }

    void longListsAreCut()
    {
        StalenessNotifier notifier(0);
        QHash<GroupingKey, Staleness> states;
        for (int i = 0; i < 9; ++i)
            states.insert(jobKey(u"j%1"_s.arg(i)), Staleness::Fresh);
        QVERIFY(!notifier.observe(states, 0));
        for (auto it = states.begin(); it != states.end(); ++it)
            it.value() = Staleness::Stale;
        const auto message = notifier.observe(states, 1);
        QVERIFY(message);
        QCOMPARE(message->title, u"9 groups became stale"_s);
        QCOMPARE(message->body.count(u'\n'), 5); // 5 keys and "… and 4 more"
        QVERIFY(message->body.endsWith(u"… and 4 more"_s));
    }
};

QTEST_GUILESS_MAIN(TestStalenessNotifier)
#include "tst_stalenessnotifier.moc"
