// gzip for the light refresh: inflation bounds and errors, and what the real
// gateway sends when GatewayClient::metricsText() asks for gzip.

#include "core/awaitfuture.h"
#include "format/gzip.h"
#include "testgateway.h"

#include <QRandomGenerator>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestGzip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void concatenatedMembers();
    void truncated();
    void corrupt();
    void limitStopsABomb();
    void realGatewaySendsGzip();
};

void TestGzip::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("push_time_seconds{job=\"a\"} 1.7e+09\n").repeated(1000);
    QByteArray random(300'000, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : random)
        c = char(rng.bounded(256));
    QTest::newRow("incompressible") << random;
}

void TestGzip::roundTrip()
{
    QFETCH(QByteArray, data);
    const QByteArray compressed = gzip(data);
    QVERIFY(compressed.startsWith("\x1f\x8b")); // a gzip member, not raw zlib
    const auto inflated = gunzip(compressed, 1 << 24);
    QVERIFY2(inflated.ok(), qPrintable(inflated.errorString()));
    QCOMPARE(inflated.value(), data);
}

void TestGzip::concatenatedMembers()
{
    const QByteArray members = gzip("first\n") + gzip("second\n");
    const auto inflated = gunzip(members, 1024);
    QVERIFY2(inflated.ok(), qPrintable(inflated.errorString()));
    QCOMPARE(inflated.value(), QByteArray("first\nsecond\n"));
}

void TestGzip::truncated()
{
    const QByteArray compressed = gzip(QByteArray("some text that is long enough ").repeated(100));
    const auto inflated = gunzip(compressed.first(compressed.size() / 2), 1 << 20);
    QVERIFY(!inflated.ok());
    QCOMPARE(inflated.error().kind, Error::Decode);
    QVERIFY2(inflated.errorString().contains(u"truncated"_s), qPrintable(inflated.errorString()));
}

void TestGzip::corrupt()
{
    QByteArray compressed = gzip(QByteArray("some text ").repeated(100));
    compressed[12] = char(compressed[12] ^ 0x5a);
    compressed[13] = char(compressed[13] ^ 0xa5);
    const auto inflated = gunzip(compressed, 1 << 20);
    QVERIFY(!inflated.ok());
    QCOMPARE(inflated.error().kind, Error::Decode);

    const auto notGzip = gunzip("plain text, no gzip header", 1 << 20);
    QVERIFY(!notGzip.ok());
    QCOMPARE(notGzip.error().kind, Error::Decode);
}

void TestGzip::limitStopsABomb()
{
    // 64 MB of zeros compress to ~64 kB: the limit, not the input, bounds memory.
    const QByteArray bomb = gzip(QByteArray(64 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 200 * 1024);
    const auto inflated = gunzip(bomb, 1024 * 1024);
    QVERIFY(!inflated.ok());
    QCOMPARE(inflated.error().kind, Error::TooLarge);
    QVERIFY2(inflated.errorString().contains(u"limit"_s), qPrintable(inflated.errorString()));
    // Exactly at the limit is fine.
    const auto exact = gunzip(gzip(QByteArray(4096, 'x')), 4096);
    QVERIFY2(exact.ok(), qPrintable(exact.errorString()));
    QCOMPARE(exact->size(), 4096);
}

void TestGzip::realGatewaySendsGzip()
{
    TestGateway gateway;
    QVERIFY(gateway.start());
    QByteArray text;
    for (int i = 0; i < 50; ++i)
        text += QByteArray("batch_records_total{table=\"t" + QByteArray::number(i) + "\"} " + QByteArray::number(i * 17) + "\n");
    for (int i = 0; i < 20; ++i)
        QCOMPARE(gateway.push(u"{job=\"batch\",instance=\"host-%1\"}"_s.arg(i), text), 200);

    const auto answer = awaitFuture(gateway.client().metricsText());
    QVERIFY2(answer.ok(), qPrintable(answer.errorString()));
    // The body is inflated text; wireBytes is what crossed the wire: gzip.
    QVERIFY(answer->body.contains("push_time_seconds{instance=\"host-19\",job=\"batch\"}"));
    QVERIFY(answer->body.contains("batch_records_total{instance=\"host-7\",job=\"batch\",table=\"t49\"} 833"));
    QVERIFY2(answer->wireBytes > 0 && answer->wireBytes * 4 < answer->body.size(),
             qPrintable(u"wire %1 bytes, body %2 bytes"_s.arg(answer->wireBytes).arg(answer->body.size())));

    // A limit smaller than the inflated text fails clearly, though the
    // compressed answer is below it.
    ClientOptions options = gateway.client().options();
    options.maxResponseBytes = answer->wireBytes + 1024;
    gateway.client().setOptions(options);
    const auto limited = awaitFuture(gateway.client().metricsText());
    QVERIFY(!limited.ok());
    QCOMPARE(limited.error().kind, Error::TooLarge);
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
