// Grouping keys against a real prometheus-pushgateway: every tricky key is
// pushed through GroupingKey::toPath, read back from the gateway's JSON
// labels, and deleted on its own without touching its neighbours — including
// nested keys and the empty-value collision that poisons a gateway.

#include "core/awaitfuture.h"
#include "core/groupingkey.h"
#include "core/printable.h"
#include "builders.h"
#include "testgateway.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <memory>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

char *toString(const GroupingKey &key)
{
    return qstrdup(qPrintable(key.toString()));
}

namespace {

// Keys that have tripped up clients and pruners: separators, the base64
// marker and padding, percent signs, whitespace, dot segments, quotes,
// non-ASCII, empty values, and keys nested in each other. No two of them
// differ only by empty-valued labels (that pair poisons the gateway; see
// poisonedByEmptyValueAndRecovered).
const QStringList &trickyKeys()
{
    static const QStringList keys{
        u"{job=\"plain\"}"_s,
        u"{job=\"nest\"}"_s,
        u"{job=\"nest\",instance=\"x\"}"_s,
        u"{job=\"nest\",instance=\"x\",zone=\"eu\"}"_s,
        u"{job=\"nest\",zone=\"eu\"}"_s,
        u"{job=\"a/b\",instance=\"c/d\"}"_s,
        u"{job=\"slash\",instance=\"/\",path=\"/var/lib/\"}"_s,
        u"{job=\"eq\",instance=\"=\",x=\"a==b\"}"_s,
        u"{job=\"at@home\",instance=\"@base64\"}"_s,
        u"{job=\"pct\",instance=\"100%\",x=\"%2F\"}"_s,
        u"{job=\"space job\",instance=\" lead and trail \"}"_s,
        u"{job=\"日本\",instance=\"é\U0001F600\"}"_s,
        u"{job=\"empty\",instance=\"\"}"_s,
        u"{job=\"empty2\",a=\"\",b=\"1\"}"_s,
        u"{job=\"dots\",a=\".\",b=\"..\",c=\"...\"}"_s,
        u"{job=\"..\"}"_s,
        u"{job=\"quote\",instance=\"say \\\"hi\\\" \\\\o/\"}"_s,
        u"{job=\"newline\",instance=\"a\\nb\"}"_s,
        u"{job=\"query?x=1#frag\",instance=\"+plus+\"}"_s,
        u"{job=\"~plain-chars_.0\"}"_s,
        // Control and bidirectional characters are valid UTF-8: the gateway
        // keeps them, and a preview must show them escaped.
        u"{job=\"esc\",instance=\"\\x1b[1A\\x1b[2Kprod\"}"_s,
        u"{job=\"bidi\",instance=\"\\u202eevil\\r\\t\"}"_s,
    };
    return keys;
}

QSet<GroupingKey> keysOf(const QList<Group> &groups)
{
    QSet<GroupingKey> keys;
    for (const Group &g : groups)
        keys.insert(g.key);
    return keys;
}

QString describe(const QSet<GroupingKey> &keys)
{
    QStringList texts;
    for (const GroupingKey &k : keys)
        texts.append(k.toString());
    texts.sort();
    return texts.join(u"  "_s);
}

double pushedValue(const Group &group)
{
    for (const MetricFamily &family : group.families) {
        if (family.name == u"keys_pushed" && family.series.size() == 1)
            return family.series.first().value;
    }
    return -1;
}

} // namespace

class TestGroupingKeyGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pushListAndDeleteOne_data();
    void pushListAndDeleteOne();
    void poisonedByEmptyValueAndRecovered();
    void routePrefix();
    void pathNamesByGatewayVersion_data();
    void pathNamesByGatewayVersion();
    void utf8NameRefusedBeforeSending();
    void invalidUtf8KeysAreExactAndDeletable();

private:
    bool wipe();

    std::unique_ptr<TestGateway> m_gateway;
};

void TestGroupingKeyGateway::initTestCase()
{
    m_gateway = std::make_unique<TestGateway>();
    QVERIFY(m_gateway->start());
}

void TestGroupingKeyGateway::cleanupTestCase()
{
    m_gateway.reset();
}

bool TestGroupingKeyGateway::wipe()
{
    const auto wiped = awaitFuture(m_gateway->client().wipe());
    if (!wiped) {
        qWarning("wipe: %s", qPrintable(wiped.errorString()));
        return false;
    }
    return m_gateway->waitForGroups([](const QList<Group> &groups) { return groups.isEmpty(); });
}

void TestGroupingKeyGateway::pushListAndDeleteOne_data()
{
    QTest::addColumn<QString>("victim");
    for (const QString &k : trickyKeys())
        QTest::newRow(k.toUtf8().constData()) << k;
}

void TestGroupingKeyGateway::pushListAndDeleteOne()
{
    QFETCH(QString, victim);
    QVERIFY(wipe());

    // Push every key through the client (i.e. through toPath()).
    QSet<GroupingKey> expected;
    QHash<GroupingKey, int> index; // key -> the value pushed to it
    const QStringList &texts = trickyKeys();
    for (int i = 0; i < texts.size(); ++i) {
        const GroupingKey k = key(texts[i]);
        QByteArray body;
        const int status = m_gateway->push(k, "keys_pushed " + QByteArray::number(i) + '\n', true, &body);
        QVERIFY2(status == 200, qPrintable(u"%1 -> %2: %3 (path %4)"_s.arg(k.toString()).arg(status).arg(QString::fromUtf8(body), k.toPath())));
        expected.insert(k);
        index.insert(k, i);
    }
    QCOMPARE(expected.size(), texts.size());

    // The gateway lists exactly those keys, read from its JSON `labels`.
    const auto before = m_gateway->groups();
    QVERIFY(before);
    const QSet<GroupingKey> listed = keysOf(*before);
    QVERIFY2(listed == expected, qPrintable(u"listed: "_s + describe(listed) + u"\nexpected: "_s + describe(expected)));
    for (const Group &g : *before) {
        QVERIFY2(g.lastPushSuccessful, qPrintable(g.key.toString()));
        QCOMPARE(pushedValue(g), double(index.value(g.key, -2)));
        // What the gateway reports converts back into the path we pushed to.
        QCOMPARE(*GroupingKey::fromPath(g.key.toPath()), g.key);
    }

    // Delete exactly one; every other group stays as it was.
    const GroupingKey gone = key(victim);
    QCOMPARE(m_gateway->deleteGroup(gone), 202);
    QSet<GroupingKey> remaining = expected;
    remaining.remove(gone);
    QVERIFY2(m_gateway->waitForGroups([&](const QList<Group> &groups) { return keysOf(groups) == remaining; }),
             qPrintable(u"after deleting "_s + gone.toString() + u": "_s + describe(keysOf(*m_gateway->groups()))));

    const auto after = m_gateway->groups();
    QVERIFY(after);
    QCOMPARE(after->size(), before->size() - 1);
    for (const Group &g : *after) {
        const auto old = std::find_if(before->begin(), before->end(), [&](const Group &b) { return b.key == g.key; });
        QVERIFY(old != before->end());
        QCOMPARE(g.pushTime, old->pushTime);
        QCOMPARE(pushedValue(g), pushedValue(*old));
        QVERIFY(g.lastPushSuccessful);
    }
}

void TestGroupingKeyGateway::poisonedByEmptyValueAndRecovered()
{
    // {job="x"} and {job="x",instance=""} are two groups to the API, but
    // their series collide: once both exist every push fails, from any job.
    QVERIFY(wipe());
    const GroupingKey bare = key(u"{job=\"x\"}"_s);
    const GroupingKey withEmpty = key(u"{job=\"x\",instance=\"\"}"_s);
    const GroupingKey innocent = key(u"{job=\"innocent\",instance=\"i\"}"_s);
    QVERIFY(bare != withEmpty);
    QCOMPARE(bare.collisionKey(), withEmpty.collisionKey());

    QCOMPARE(m_gateway->push(bare, "keys_pushed 1\n"), 200);
    QCOMPARE(m_gateway->push(innocent, "keys_pushed 2\n"), 200);
    QByteArray body;
    const int second = m_gateway->push(withEmpty, "keys_pushed 3\n", true, &body);
    qDebug("push to %s beside %s: HTTP %d %s", qPrintable(withEmpty.toString()), qPrintable(bare.toString()), second,
           body.constData());

    // Both exist as separate groups, told apart by the JSON labels.
    QVERIFY(m_gateway->waitForGroups([&](const QList<Group> &groups) {
        return keysOf(groups) == QSet<GroupingKey>{bare, withEmpty, innocent};
    }));

    // Now an unrelated push fails.
    body.clear();
    QCOMPARE(m_gateway->push(innocent, "keys_pushed 4\n", true, &body), 400);
    QVERIFY2(body.contains("inconsistent"), body.constData());

    // Deleting exactly the empty-valued key (instance@base64/=) heals it.
    QCOMPARE(withEmpty.toPath(), u"metrics/job/x/instance@base64/="_s);
    QCOMPARE(m_gateway->deleteGroup(withEmpty), 202);
    QVERIFY(m_gateway->waitForGroups([&](const QList<Group> &groups) {
        return keysOf(groups) == QSet<GroupingKey>{bare, innocent};
    }));
    body.clear();
    QCOMPARE(m_gateway->push(innocent, "keys_pushed 5\n", true, &body), 200);
    const auto healed = m_gateway->group(innocent);
    QVERIFY(healed);
    QVERIFY(healed->lastPushSuccessful);
    QCOMPARE(pushedValue(*healed), 5.0);
    const auto kept = m_gateway->group(bare);
    QVERIFY(kept);
    QCOMPARE(pushedValue(*kept), 1.0);
}

void TestGroupingKeyGateway::routePrefix()
{
    // toPath() is relative, so it composes with a gateway behind a prefix.
    LocalGatewayOptions options;
    options.routePrefix = u"/pg"_s;
    TestGateway prefixed(options);
    QVERIFY(prefixed.start());

    const QList<GroupingKey> keys{key(u"{job=\"a/b\",instance=\"\"}"_s), key(u"{job=\"a/b\",instance=\"=@%\"}"_s),
                                  key(u"{job=\"..\",x=\".\"}"_s)};
    for (const GroupingKey &k : keys) {
        QByteArray body;
        QVERIFY2(prefixed.push(k, "keys_pushed 1\n", true, &body) == 200, body.constData());
        // The full URL the client used decodes to the same key again.
        const QUrl url = prefixed.client().urlFor(k.toPath());
        QVERIFY2(url.path().startsWith(u"/pg/metrics/"), qPrintable(url.toString()));
        QCOMPARE(*GroupingKey::fromPath(url.toString()), k);
    }
    QVERIFY(prefixed.waitForGroups([&](const QList<Group> &groups) {
        return keysOf(groups) == QSet<GroupingKey>(keys.begin(), keys.end());
    }));
    QCOMPARE(prefixed.deleteGroup(keys[0]), 202);
    QVERIFY(prefixed.waitForGroups([&](const QList<Group> &groups) {
        return keysOf(groups) == QSet<GroupingKey>{keys[1], keys[2]};
    }));
}

// Issue 23, version awareness: which path names a key needs, by the
// gateway's /api/v1/status (version and the push.enable-utf8-names flag).
void TestGroupingKeyGateway::pathNamesByGatewayVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("utf8Flag");
    QTest::addColumn<QString>("keyText");
    QTest::addColumn<int>("expected"); // 0 Plain, 1 Utf8Escaped, -1 refused
    QTest::addColumn<QString>("message");
    const QString utf8 = u"{job=\"a\",\"service.name\"=\"x\"}"_s;
    const QString classic = u"{job=\"a\",instance=\"b\"}"_s;
    const QString uPrefix = u"{job=\"a\",U__x=\"b\"}"_s;
    QTest::newRow("1.5.1 classic") << u"1.5.1"_s << false << classic << 0 << QString();
    QTest::newRow("1.5.1 utf8") << u"1.5.1"_s << false << utf8 << -1 << u"needs Pushgateway 1.11 or newer"_s;
    QTest::newRow("1.5.1 U__ name") << u"1.5.1"_s << false << uPrefix << 0 << QString();
    QTest::newRow("1.10.0 with flag (no such flag yet)") << u"1.10.0"_s << true << utf8 << -1 << u"this gateway is 1.10.0"_s;
    QTest::newRow("1.11.0 without flag") << u"1.11.0"_s << false << utf8 << -1 << u"without --push.enable-utf8-names"_s;
    QTest::newRow("1.11.0 with flag") << u"1.11.0"_s << true << utf8 << 1 << QString();
    QTest::newRow("1.11.0 with flag, U__ name escaped too") << u"1.11.0"_s << true << uPrefix << 1 << QString();
    QTest::newRow("v1.12.0-rc.0 with flag") << u"v1.12.0-rc.0"_s << true << utf8 << 1 << QString();
    QTest::newRow("unknown version") << QString() << true << utf8 << -1 << u"of unknown version"_s;
}

void TestGroupingKeyGateway::pathNamesByGatewayVersion()
{
    QFETCH(QString, version);
    QFETCH(bool, utf8Flag);
    QFETCH(QString, keyText);
    QFETCH(int, expected);
    QFETCH(QString, message);
    GatewayStatus status;
    status.version = version;
    status.flags = {{u"push.enable-utf8-names"_s, utf8Flag ? u"true"_s : u"false"_s}};
    const auto names = pathNamesFor(key(keyText), status);
    if (expected < 0) {
        QVERIFY(!names);
        QVERIFY2(names.errorString().contains(message), qPrintable(names.errorString()));
        QVERIFY2(names.errorString().contains(u"nothing was sent"_s), qPrintable(names.errorString()));
        return;
    }
    QVERIFY2(names, qPrintable(names.errorString()));
    QCOMPARE(int(*names), expected);
}

// Against the real 1.5.1: a key with a UTF-8 name is refused by the client
// with the gateway's version named, and nothing reaches the gateway.
void TestGroupingKeyGateway::utf8NameRefusedBeforeSending()
{
    QVERIFY(wipe());
    const GroupingKey utf8 = key(u"{job=\"otel\",\"service.name\"=\"checkout\"}"_s);
    const auto status = awaitFuture(m_gateway->client().status());
    QVERIFY2(status, qPrintable(status.errorString()));
    const auto pushed = awaitFuture(m_gateway->client().push(utf8, "otel_up 1\n", true));
    QVERIFY(!pushed);
    QCOMPARE(pushed.error().kind, Error::Invalid);
    QVERIFY2(pushed.errorString().contains(status->version) && pushed.errorString().contains(u"1.11"_s),
             qPrintable(pushed.errorString()));
    const auto deleted = awaitFuture(m_gateway->client().deleteGroup(utf8));
    QVERIFY(!deleted);
    QVERIFY2(deleted.errorString().contains(u"service.name"_s), qPrintable(deleted.errorString()));
    const auto groups = m_gateway->groups();
    QVERIFY(groups);
    QVERIFY(groups->isEmpty());
    // Classic keys still go out at once, as before.
    QVERIFY(awaitFuture(m_gateway->client().push(key(u"{job=\"otel\"}"_s), "otel_up 1\n", true)));
}

void TestGroupingKeyGateway::invalidUtf8KeysAreExactAndDeletable()
{
    // A push to a key that is not UTF-8 is rejected, but the gateway keeps
    // an empty, failed group for it; its JSON shows U+FFFD for each byte,
    // and /metrics answers 500. Two such keys even look the same there.
    QVERIFY(wipe());
    const GroupingKey good = key(u"{job=\"good\"}"_s);
    QCOMPARE(m_gateway->push(good, "keys_pushed 1\n"), 200);
    const QList<GroupingKey> bad{key(u"{job=\"\\xffab\",instance=\"x\"}"_s), key(u"{job=\"\\xfe\\xff\"}"_s),
                                 key(u"{job=\"\\xff\\xfe\"}"_s), key(u"{job=\"\\xfe\\xfe\",a=\"\\x1b[1A\\xc3\\xbc\"}"_s)};
    for (const GroupingKey &k : bad) {
        QVERIFY(hasRawBytes(k.job()));
        QByteArray body;
        QCOMPARE(m_gateway->push(k, "keys_pushed 2\n", true, &body), 400);
        QVERIFY2(body.contains("invalid or inconsistent"), body.constData());
    }
    // Read back byte-exact (through /metrics' error text), each as itself.
    QVERIFY(m_gateway->waitForGroups([&](const QList<Group> &groups) {
        return keysOf(groups) == QSet<GroupingKey>{good, bad[0], bad[1], bad[2], bad[3]};
    }));
    // And every later push fails, from any job, until they are gone.
    QByteArray body;
    QCOMPARE(m_gateway->push(good, "keys_pushed 3\n", true, &body), 400);
    // Deleted one by one, exactly; the others stay.
    for (qsizetype i = 0; i < bad.size(); ++i) {
        QCOMPARE(m_gateway->deleteGroup(bad[i]), 202);
        QSet<GroupingKey> remaining{good};
        for (qsizetype j = i + 1; j < bad.size(); ++j)
            remaining.insert(bad[j]);
        QVERIFY2(m_gateway->waitForGroups([&](const QList<Group> &groups) { return keysOf(groups) == remaining; }),
                 qPrintable(describe(keysOf(*m_gateway->groups()))));
    }
    QCOMPARE(m_gateway->push(good, "keys_pushed 4\n", true, &body), 200);
}

QTEST_GUILESS_MAIN(TestGroupingKeyGateway)
#include "tst_groupingkey_gateway.moc"
