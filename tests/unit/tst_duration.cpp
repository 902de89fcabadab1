// Prometheus-style durations: parsing (with error positions), the compact age
// text of the views, and the shortest exact form used when writing settings.

#include "core/duration.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void formatAge_data();
    void formatAge();
    void formatDuration_data();
    void formatDuration();
    void roundTrip_data();
    void roundTrip();
};

void TestDuration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds");

    QTest::newRow("90s") << u"90s"_s << 90.0;
    QTest::newRow("15m") << u"15m"_s << 900.0;
    QTest::newRow("1h30m") << u"1h30m"_s << 5400.0;
    QTest::newRow("7d") << u"7d"_s << 604800.0;
    QTest::newRow("1w") << u"1w"_s << 604800.0;
    QTest::newRow("1y") << u"1y"_s << 365.0 * 86400;
    QTest::newRow("500ms") << u"500ms"_s << 0.5;
    QTest::newRow("1ms") << u"1ms"_s << 0.001;
    QTest::newRow("0s") << u"0s"_s << 0.0;
    QTest::newRow("0ms") << u"0ms"_s << 0.0;
    QTest::newRow("every unit") << u"1y2w3d4h5m6s7ms"_s << (365.0 + 14 + 3) * 86400 + 4 * 3600 + 5 * 60 + 6 + 0.007;
    QTest::newRow("skipping units") << u"1d30s"_s << 86430.0;
    QTest::newRow("m then ms") << u"1m500ms"_s << 60.5;
    QTest::newRow("s then ms") << u"1s1ms"_s << 1.001;
    QTest::newRow("not normalized") << u"90m"_s << 5400.0;
    QTest::newRow("leading zeros") << u"007s"_s << 7.0;
    QTest::newRow("big") << u"1000d"_s << 1000.0 * 86400;
    QTest::newRow("surrounding space") << u"  1h \n"_s << 3600.0;
    // A bare number is seconds (documented extension of Prometheus' syntax).
    QTest::newRow("plain 300") << u"300"_s << 300.0;
    QTest::newRow("plain 0") << u"0"_s << 0.0;
    QTest::newRow("plain fraction") << u"1.5"_s << 1.5;
    QTest::newRow("plain spaced") << u" 60 "_s << 60.0;
}

void TestDuration::parse()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    const auto result = parseDuration(text);
    QVERIFY2(result, qPrintable(result.errorString()));
    QCOMPARE(*result, seconds);
}

void TestDuration::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << 1 << u"empty"_s;
    QTest::newRow("blank") << u"   "_s << 4 << u"empty"_s;
    QTest::newRow("unit only") << u"h"_s << 1 << u"expected a number, found \"h\""_s;
    QTest::newRow("unknown unit") << u"1x"_s << 2 << u"unknown unit \"x\""_s;
    QTest::newRow("unknown long unit") << u"5min"_s << 2 << u"unknown unit \"min\""_s;
    QTest::newRow("uppercase unit") << u"5M"_s << 2 << u"unknown unit \"M\""_s;
    QTest::newRow("missing last unit") << u"1h30"_s << 5 << u"missing unit after \"30\""_s;
    QTest::newRow("wrong order") << u"30m1h"_s << 5 << u"largest to smallest (\"h\" after \"m\")"_s;
    QTest::newRow("ms before s") << u"1ms1s"_s << 5 << u"largest to smallest"_s;
    QTest::newRow("repeated") << u"1h1h"_s << 4 << u"appears twice"_s;
    QTest::newRow("space inside") << u"1h 30m"_s << 3 << u"without spaces"_s;
    QTest::newRow("negative") << u"-5s"_s << 1 << u"expected a number"_s;
    QTest::newRow("plus sign") << u"+5s"_s << 1 << u"expected a number"_s;
    QTest::newRow("fraction with unit") << u"1.5h"_s << 2 << u"fractions"_s;
    QTest::newRow("plain trailing dot") << u"5."_s << 2 << u"digits after"_s;
    QTest::newRow("leading dot") << u".5"_s << 1 << u"expected a number"_s;
    QTest::newRow("two dots") << u"1.2.3"_s << 2 << u"fractions"_s;
    QTest::newRow("exponent") << u"1e3"_s << 2 << u"unknown unit \"e\""_s;
    QTest::newRow("go style") << u"1h0m0s0"_s << 8 << u"missing unit"_s;
    QTest::newRow("too large") << u"999999999999999999y"_s << 1 << u"too large"_s;
    QTest::newRow("plain too large") << QString(400, u'9') << 1 << u"too large"_s;
}

void TestDuration::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto result = parseDuration(text);
    QVERIFY2(!result, qPrintable(result ? QString::number(*result) : QString()));
    QCOMPARE(result.error().kind, Error::Parse);
    QCOMPARE(result.error().column, column);
    QVERIFY2(result.errorString().contains(u"column %1: "_s.arg(column)), qPrintable(result.errorString()));
    QVERIFY2(result.errorString().contains(message), qPrintable(result.errorString()));
    QVERIFY2(result.errorString().contains(u'"' + text + u'"'), qPrintable(result.errorString()));
}

void TestDuration::formatAge_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << 0.0 << u"0s"_s;
    QTest::newRow("sub-second") << 0.9 << u"0s"_s;
    QTest::newRow("5s") << 5.0 << u"5s"_s;
    QTest::newRow("5.9s truncates") << 5.9 << u"5s"_s;
    QTest::newRow("59s") << 59.0 << u"59s"_s;
    QTest::newRow("1m") << 60.0 << u"1m"_s;
    QTest::newRow("3m12s") << 192.0 << u"3m12s"_s;
    QTest::newRow("59m59s") << 3599.0 << u"59m59s"_s;
    QTest::newRow("2h") << 7200.0 << u"2h"_s;
    QTest::newRow("2h drops seconds") << 7205.0 << u"2h"_s;
    QTest::newRow("2h5m") << 7500.0 << u"2h5m"_s;
    QTest::newRow("2h5m drops seconds") << 7559.0 << u"2h5m"_s;
    QTest::newRow("23h59m") << 86399.0 << u"23h59m"_s;
    QTest::newRow("4d") << 4 * 86400.0 << u"4d"_s;
    QTest::newRow("4d drops minutes") << 4 * 86400.0 + 59 * 60 << u"4d"_s;
    QTest::newRow("4d3h") << 4 * 86400.0 + 3 * 3600 + 59 * 60 << u"4d3h"_s;
    QTest::newRow("400d") << 400 * 86400.0 << u"400d"_s;
    QTest::newRow("negative is skew") << -5.0 << u"0s"_s;
    QTest::newRow("negative huge") << -1e9 << u"0s"_s;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << u"\u2013"_s;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << u"\u221e"_s;
}

void TestDuration::formatAge()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(::formatAge(seconds), text);
}

void TestDuration::formatDuration_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("0") << 0.0 << u"0s"_s;
    QTest::newRow("90") << 90.0 << u"1m30s"_s;
    QTest::newRow("3600") << 3600.0 << u"1h"_s;
    QTest::newRow("0.5") << 0.5 << u"500ms"_s;
    QTest::newRow("0.001") << 0.001 << u"1ms"_s;
    QTest::newRow("1.001") << 1.001 << u"1s1ms"_s;
    QTest::newRow("5400") << 5400.0 << u"1h30m"_s;
    QTest::newRow("1d") << 86400.0 << u"1d"_s;
    QTest::newRow("1w") << 7 * 86400.0 << u"1w"_s;
    QTest::newRow("2w") << 14 * 86400.0 << u"2w"_s;
    // Weeks and years only when exact, like Prometheus: 8d, not 1w1d.
    QTest::newRow("8d") << 8 * 86400.0 << u"8d"_s;
    QTest::newRow("90d") << 90 * 86400.0 << u"90d"_s;
    QTest::newRow("1y") << 365 * 86400.0 << u"1y"_s;
    QTest::newRow("366d") << 366 * 86400.0 << u"366d"_s;
    QTest::newRow("2y") << 730 * 86400.0 << u"2y"_s;
    QTest::newRow("1w plus 1s") << 7 * 86400.0 + 1 << u"7d1s"_s;
    QTest::newRow("all small units") << 86400.0 + 3600 + 60 + 1 + 0.001 << u"1d1h1m1s1ms"_s;
    QTest::newRow("rounded to ms") << 0.0004 << u"0s"_s;
    QTest::newRow("rounds up to ms") << 0.0006 << u"1ms"_s;
    QTest::newRow("negative") << -90.0 << u"-1m30s"_s;
}

void TestDuration::formatDuration()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(::formatDuration(seconds), text);
}

void TestDuration::roundTrip_data()
{
    QTest::addColumn<double>("seconds");
    for (double s : {0.0, 0.001, 0.5, 1.0, 59.999, 60.0, 61.0, 90.0, 3599.0, 3600.0, 3661.5, 86399.0, 86400.0,
                     604800.0, 691200.0, 31536000.0, 31536000.0 + 1, 2 * 31536000.0 + 604800, 123456789.123}) {
        QTest::newRow(QByteArray::number(s, 'g', 17).constData()) << s;
    }
}

void TestDuration::roundTrip()
{
    QFETCH(double, seconds);
    const QString text = ::formatDuration(seconds);
    const auto parsed = parseDuration(text);
    QVERIFY2(parsed, qPrintable(parsed.errorString()));
    QCOMPARE(*parsed, seconds);
    QCOMPARE(::formatDuration(*parsed), text);
}

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
