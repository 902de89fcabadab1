// Unit tests for the text exposition writer and parser (and the comparison
// helpers of metrics.h they rely on). Which text the real gateway accepts is
// checked in tst_exposition_gateway.cpp; here the parser is held to the
// behaviour of expfmt's TextParser that the gateway is built with.

#include "format/exposition.h"
#include "core/metrics.h"
#include "builders.h"
#include "format/value.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::histogramSeries;
using PushDeck::Test::series;
using PushDeck::Test::summarySeries;

using Families = QList<MetricFamily>;
Q_DECLARE_METATYPE(MetricFamily)
Q_DECLARE_METATYPE(Series)

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
const double NaN = std::numeric_limits<double>::quiet_NaN();

// For failure messages: the text form shows everything a family holds.
QByteArray show(const Families &families)
{
    ExpositionWriteOptions all;
    all.skipGatewayFamilies = false;
    all.dropEmptyLabels = false;
    return writeExposition(families, all);
}

} // namespace

class TestExposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricTypeNames();
    void sameSeriesIsExact_data();
    void sameSeriesIsExact();
    void sameFamiliesIgnoresOrder();
    void groupSeriesCount();

    void formatValue_data();
    void formatValue();
    void parseValue_data();
    void parseValue();

    void write_data();
    void write();
    void writeOptions();

    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();

    void roundTrip_data();
    void roundTrip();
};

void TestExposition::metricTypeNames()
{
    QCOMPARE(metricTypeName(MetricType::Untyped), u"untyped"_s);
    QCOMPARE(metricTypeName(MetricType::Counter), u"counter"_s);
    QCOMPARE(metricTypeName(MetricType::Gauge), u"gauge"_s);
    QCOMPARE(metricTypeName(MetricType::Histogram), u"histogram"_s);
    QCOMPARE(metricTypeName(MetricType::Summary), u"summary"_s);
    for (auto type : {MetricType::Untyped, MetricType::Counter, MetricType::Gauge, MetricType::Histogram, MetricType::Summary}) {
        QCOMPARE(metricTypeFromName(metricTypeName(type)), type);
        QCOMPARE(metricTypeFromName(metricTypeName(type).toUpper()), type);
    }
    QCOMPARE(metricTypeFromName(u"HiStOgRaM"), MetricType::Histogram);
    QVERIFY(!metricTypeFromName(u"gauge_histogram"));
    QVERIFY(!metricTypeFromName(u""));
    QVERIFY(!metricTypeFromName(u"counter "));
}

void TestExposition::sameSeriesIsExact_data()
{
    QTest::addColumn<Series>("a");
    QTest::addColumn<Series>("b");
    QTest::addColumn<bool>("same");

    const LabelPairs ab{{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}};
    const LabelPairs ba{{u"b"_s, u"2"_s}, {u"a"_s, u"1"_s}};
    QTest::newRow("equal") << series(ab, 1.5) << series(ab, 1.5) << true;
    QTest::newRow("label order") << series(ab, 1) << series(ba, 1) << true;
    QTest::newRow("label value") << series(ab, 1) << series({{u"a"_s, u"1"_s}, {u"b"_s, u"3"_s}}, 1) << false;
    QTest::newRow("empty label is a label") << series({}, 1) << series({{u"a"_s, u""_s}}, 1) << false;
    QTest::newRow("NaN equals NaN") << series({}, NaN) << series({}, NaN) << true;
    QTest::newRow("NaN is not 0") << series({}, NaN) << series({}, 0) << false;
    QTest::newRow("+Inf") << series({}, Inf) << series({}, Inf) << true;
    QTest::newRow("+Inf is not -Inf") << series({}, Inf) << series({}, -Inf) << false;
    QTest::newRow("last bit") << series({}, 0.1) << series({}, std::nextafter(0.1, 1.0)) << false;
    QTest::newRow("buckets in any order")
        << histogramSeries({}, {{0.1, 1}, {Inf, 3}}, 2, 3) << histogramSeries({}, {{Inf, 3}, {0.1, 1}}, 2, 3) << true;
    QTest::newRow("bucket count") << histogramSeries({}, {{0.1, 1}}, 2, 3) << histogramSeries({}, {{0.1, 2}}, 2, 3) << false;
    QTest::newRow("missing bucket") << histogramSeries({}, {{0.1, 1}, {Inf, 3}}, 2, 3) << histogramSeries({}, {{0.1, 1}}, 2, 3) << false;
    QTest::newRow("histogram sum") << histogramSeries({}, {}, 2, 3) << histogramSeries({}, {}, 2.5, 3) << false;
    QTest::newRow("histogram count") << histogramSeries({}, {}, 2, 3) << histogramSeries({}, {}, 2, 4) << false;
    QTest::newRow("quantiles in any order")
        << summarySeries({}, {{0.5, 1}, {0.9, NaN}}, 1, 2) << summarySeries({}, {{0.9, NaN}, {0.5, 1}}, 1, 2) << true;
    QTest::newRow("quantile value") << summarySeries({}, {{0.5, 1}}, 1, 2) << summarySeries({}, {{0.5, 1.25}}, 1, 2) << false;
    QTest::newRow("NaN sum") << summarySeries({}, {}, NaN, 2) << summarySeries({}, {}, NaN, 2) << true;
}

void TestExposition::sameSeriesIsExact()
{
    QFETCH(Series, a);
    QFETCH(Series, b);
    QFETCH(bool, same);
    QCOMPARE(sameSeries(a, b), same);
    QCOMPARE(sameSeries(b, a), same);
}

void TestExposition::sameFamiliesIgnoresOrder()
{
    const auto a = family(u"a"_s, MetricType::Gauge, {series({{u"x"_s, u"1"_s}}, 1), series({{u"x"_s, u"2"_s}}, 2)}, u"help"_s);
    const auto aSwapped = family(u"a"_s, MetricType::Gauge, {series({{u"x"_s, u"2"_s}}, 2), series({{u"x"_s, u"1"_s}}, 1)}, u"help"_s);
    const auto b = family(u"b"_s, MetricType::Counter, {series({}, 3)});
    QVERIFY(sameFamily(a, aSwapped));
    QVERIFY(sameFamilies({a, b}, {b, aSwapped}));
    QVERIFY(!sameFamilies({a, b}, {a}));
    QVERIFY(!sameFamilies({a}, {b}));

    auto otherHelp = a;
    otherHelp.help = u"other"_s;
    QVERIFY(!sameFamily(a, otherHelp));
    auto otherType = a;
    otherType.type = MetricType::Untyped;
    QVERIFY(!sameFamily(a, otherType));
    auto moreSeries = a;
    moreSeries.series.append(series({{u"x"_s, u"3"_s}}, 3));
    QVERIFY(!sameFamily(a, moreSeries));
    auto otherValue = aSwapped;
    otherValue.series[0].value = 2.5;
    QVERIFY(!sameFamily(a, otherValue));
}

void TestExposition::groupSeriesCount()
{
    Group group;
    QCOMPARE(group.seriesCount(), 0);
    group.families = {family(u"a"_s, MetricType::Gauge, {series({}, 1), series({{u"x"_s, u"1"_s}}, 2)}),
                      family(u"h"_s, MetricType::Histogram, {histogramSeries({}, {{1, 1}, {Inf, 2}}, 1, 2)})};
    QCOMPARE(group.seriesCount(), 3);
}

void TestExposition::formatValue_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");

    // What Go's expfmt writes (and what the gateway shows in /metrics).
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("0");
    QTest::newRow("one") << 1.0 << QByteArray("1");
    QTest::newRow("minus one") << -1.0 << QByteArray("-1");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("-2.5") << -2.5 << QByteArray("-2.5");
    QTest::newRow("NaN") << NaN << QByteArray("NaN");
    QTest::newRow("+Inf") << Inf << QByteArray("+Inf");
    QTest::newRow("-Inf") << -Inf << QByteArray("-Inf");
    QTest::newRow("shortest 17 digits") << 0.12345678901234568 << QByteArray("0.12345678901234568");
    QTest::newRow("exp 14") << 1.2345678901234567e+14 << QByteArray("1.2345678901234567e+14");
    QTest::newRow("push time") << 1.7958602756038795e+09 << QByteArray("1.7958602756038795e+09");
    QTest::newRow("1e-300") << 1e-300 << QByteArray("1e-300");
    QTest::newRow("100000") << 100000.0 << QByteArray("100000");
    QTest::newRow("123456") << 123456.0 << QByteArray("123456");
    QTest::newRow("123456.7") << 123456.7 << QByteArray("123456.7");
    QTest::newRow("1e6") << 1e6 << QByteArray("1e+06");
    QTest::newRow("1234567") << 1234567.0 << QByteArray("1.234567e+06");
    QTest::newRow("0.0001") << 0.0001 << QByteArray("0.0001");
    QTest::newRow("0.00012345") << 0.00012345 << QByteArray("0.00012345");
    QTest::newRow("1e-5") << 1e-5 << QByteArray("1e-05");
    QTest::newRow("-1.5e-7") << -1.5e-7 << QByteArray("-1.5e-07");
    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("uint64 max") << 18446744073709551615.0 << QByteArray("1.8446744073709552e+19");
    QTest::newRow("min denormal") << 5e-324 << QByteArray("5e-324");
    QTest::newRow("max") << 1.7976931348623157e308 << QByteArray("1.7976931348623157e+308");
}

void TestExposition::formatValue()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(::formatValue(value), text);
}

void TestExposition::parseValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");

    auto ok = [](const char *name, const char *text, double v) { QTest::newRow(name) << QByteArray(text) << true << v; };
    auto bad = [](const char *name, const char *text) { QTest::newRow(name) << QByteArray(text) << false << 0.0; };

    ok("integer", "42", 42);
    ok("plus sign", "+42", 42);
    ok("minus sign", "-42", -42);
    ok("trailing dot", "5.", 5);
    ok("leading dot", ".5", 0.5);
    ok("negative leading dot", "-.5", -0.5);
    ok("exponent", "1e3", 1000);
    ok("capital exponent", "1E3", 1000);
    ok("exponent plus", "1e+3", 1000);
    ok("exponent minus", "2.5e-3", 0.0025);
    ok("leading zeros", "007", 7);
    ok("0.1", "0.1", 0.1);
    ok("17 digits", "0.12345678901234568", 0.12345678901234568);
    ok("long mantissa rounds", "0.1000000000000000055511151231257827021181583404541015625", 0.1);
    ok("Inf", "Inf", Inf);
    ok("+Inf", "+Inf", Inf);
    ok("-Inf", "-Inf", -Inf);
    ok("inf lower", "inf", Inf);
    ok("INFINITY", "INFINITY", Inf);
    ok("+infinity", "+infinity", Inf);
    ok("NaN", "NaN", NaN);
    ok("nan", "nan", NaN);
    ok("NAN", "NAN", NaN);
    ok("max", "1.7976931348623157e308", 1.7976931348623157e308);
    ok("min denormal", "4.9e-324", 5e-324);
    ok("underflow is zero", "1e-400", 0);
    ok("underflow long form", "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001", 0);
    ok("zero with huge exponent", "0e999999999999", 0);
    ok("1e-300", "1e-300", 1e-300);

    bad("empty", "");
    bad("sign only", "+");
    bad("dot only", ".");
    bad("exponent only", "e3");
    bad("exponent without digits", "1e");
    bad("exponent sign without digits", "1e+");
    bad("two dots", "1.2.3");
    bad("hex", "0x10");
    bad("hex float", "0x1p3");
    bad("underscore", "1_000");
    bad("comma", "1,5");
    bad("signed NaN", "+NaN");
    bad("negative NaN", "-nan");
    bad("partial infinity", "infin");
    bad("inf with garbage", "info");
    bad("leading space", " 1");
    bad("trailing space", "1 ");
    bad("double sign", "--1");
    bad("overflow", "1e400");
    bad("negative overflow", "-1e400");
    bad("overflow just above max", "1.7976931348623159e308");
    bad("overflow long form", "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");
    bad("word", "one");
}

void TestExposition::parseValue()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    const auto parsed = ::parseValue(text);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    if (std::isnan(value))
        QVERIFY(std::isnan(*parsed));
    else
        QCOMPARE(*parsed, value);
}

void TestExposition::write_data()
{
    QTest::addColumn<Families>("families");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("untyped without labels")
        << Families{family(u"u"_s, MetricType::Untyped, {series({}, 42)})}
        << QByteArray("# TYPE u untyped\nu 42\n");
    QTest::newRow("counter with help")
        << Families{family(u"requests_total"_s, MetricType::Counter,
                           {series({{u"code"_s, u"200"_s}, {u"method"_s, u"get"_s}}, 1027)}, u"Total requests."_s)}
        << QByteArray("# HELP requests_total Total requests.\n# TYPE requests_total counter\n"
                      "requests_total{code=\"200\",method=\"get\"} 1027\n");
    QTest::newRow("gauge values")
        << Families{family(u"g"_s, MetricType::Gauge,
                           {series({{u"v"_s, u"nan"_s}}, NaN), series({{u"v"_s, u"inf"_s}}, Inf),
                            series({{u"v"_s, u"-inf"_s}}, -Inf), series({{u"v"_s, u"tiny"_s}}, 1e-300),
                            series({{u"v"_s, u"big"_s}}, 1.2345678901234567e+14)})}
        << QByteArray("# TYPE g gauge\ng{v=\"nan\"} NaN\ng{v=\"inf\"} +Inf\ng{v=\"-inf\"} -Inf\n"
                      "g{v=\"tiny\"} 1e-300\ng{v=\"big\"} 1.2345678901234567e+14\n");
    QTest::newRow("labels sorted by name")
        << Families{family(u"a"_s, MetricType::Gauge, {series({{u"zeta"_s, u"1"_s}, {u"alpha"_s, u"2"_s}, {u"Mid"_s, u"3"_s}}, 1)})}
        << QByteArray("# TYPE a gauge\na{Mid=\"3\",alpha=\"2\",zeta=\"1\"} 1\n");
    QTest::newRow("label value escaping")
        << Families{family(u"a"_s, MetricType::Gauge, {series({{u"v"_s, u"say \"hi\"\\path\nnext"_s}}, 1)})}
        << QByteArray("# TYPE a gauge\na{v=\"say \\\"hi\\\"\\\\path\\nnext\"} 1\n");
    QTest::newRow("unicode label value")
        << Families{family(u"a"_s, MetricType::Gauge, {series({{u"v"_s, u"Grüße 🚀"_s}}, 1)})}
        << QByteArray("# TYPE a gauge\na{v=\"Gr\xc3\xbc\xc3\x9f" "e \xf0\x9f\x9a\x80\"} 1\n");
    QTest::newRow("help escaping keeps quotes")
        << Families{family(u"a"_s, MetricType::Gauge, {series({}, 1)}, u"a \"quoted\" \\ backslash\nsecond line"_s)}
        << QByteArray("# HELP a a \"quoted\" \\\\ backslash\\nsecond line\n# TYPE a gauge\na 1\n");
    QTest::newRow("histogram")
        << Families{family(u"h"_s, MetricType::Histogram,
                           {histogramSeries({{u"path"_s, u"/x"_s}}, {{0.1, 1}, {1, 2}, {Inf, 3}}, 1.5, 3)}, u"Latency."_s)}
        << QByteArray("# HELP h Latency.\n# TYPE h histogram\n"
                      "h_bucket{path=\"/x\",le=\"0.1\"} 1\nh_bucket{path=\"/x\",le=\"1\"} 2\n"
                      "h_bucket{path=\"/x\",le=\"+Inf\"} 3\nh_sum{path=\"/x\"} 1.5\nh_count{path=\"/x\"} 3\n");
    QTest::newRow("histogram without labels or +Inf")
        << Families{family(u"h"_s, MetricType::Histogram, {histogramSeries({}, {{2.5e-5, 7}}, 1e-4, 7)})}
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"2.5e-05\"} 7\nh_sum 0.0001\nh_count 7\n");
    QTest::newRow("histogram without buckets")
        << Families{family(u"h"_s, MetricType::Histogram, {histogramSeries({}, {}, 0, 0)})}
        << QByteArray("# TYPE h histogram\nh_sum 0\nh_count 0\n");
    QTest::newRow("summary")
        << Families{family(u"s"_s, MetricType::Summary,
                           {summarySeries({{u"a"_s, u"b"_s}}, {{0.5, 0.2}, {0.99, NaN}}, 2, 4)})}
        << QByteArray("# TYPE s summary\ns{a=\"b\",quantile=\"0.5\"} 0.2\ns{a=\"b\",quantile=\"0.99\"} NaN\n"
                      "s_sum{a=\"b\"} 2\ns_count{a=\"b\"} 4\n");
    QTest::newRow("summary without quantiles")
        << Families{family(u"s"_s, MetricType::Summary, {summarySeries({}, {}, 12.5, 1e6)})}
        << QByteArray("# TYPE s summary\ns_sum 12.5\ns_count 1e+06\n");
    QTest::newRow("several families in order")
        << Families{family(u"b"_s, MetricType::Counter, {series({}, 1)}), family(u"a"_s, MetricType::Gauge, {series({}, 2)})}
        << QByteArray("# TYPE b counter\nb 1\n# TYPE a gauge\na 2\n");
    QTest::newRow("family without series is left out")
        << Families{family(u"empty"_s, MetricType::Gauge, {}, u"nothing"_s), family(u"a"_s, MetricType::Gauge, {series({}, 2)})}
        << QByteArray("# TYPE a gauge\na 2\n");
    QTest::newRow("nothing") << Families{} << QByteArray();
    // Found by fuzz_exposition: empty labels are dropped only where that
    // does not turn two series into duplicates.
    QTest::newRow("empty labels kept where they tell series apart")
        << Families{family(u"a"_s, MetricType::Gauge, {series({{u"v"_s, u""_s}}, 1), series({}, 2)}),
                    family(u"b"_s, MetricType::Gauge, {series({{u"v"_s, u""_s}}, 1), series({{u"w"_s, u"2"_s}}, 2)})}
        << QByteArray("# TYPE a gauge\na{v=\"\"} 1\na 2\n# TYPE b gauge\nb 1\nb{w=\"2\"} 2\n");
    // The gateway replaces job with the grouping key's: j and j{job="x"}
    // are the same series to it.
    QTest::newRow("job does not tell series apart")
        << Families{family(u"j"_s, MetricType::Gauge, {series({}, 1), series({{u"job"_s, u"x"_s}, {u"x"_s, u""_s}}, 2)})}
        << QByteArray("# TYPE j gauge\nj 1\nj{job=\"x\",x=\"\"} 2\n");
}

void TestExposition::write()
{
    QFETCH(Families, families);
    QFETCH(QByteArray, text);
    QCOMPARE(writeExposition(families), text);
}

void TestExposition::writeOptions()
{
    const Families families{
        family(u"push_time_seconds"_s, MetricType::Gauge, {series({{u"job"_s, u"j"_s}, {u"instance"_s, u""_s}}, 1.7e9)}),
        family(u"push_failure_time_seconds"_s, MetricType::Gauge, {series({{u"job"_s, u"j"_s}, {u"instance"_s, u""_s}}, 0)}),
        family(u"a"_s, MetricType::Gauge,
               {series({{u"instance"_s, u""_s}, {u"job"_s, u"j"_s}, {u"x"_s, u""_s}, {u"zone"_s, u"eu"_s}}, 1)}),
    };

    // Defaults: no bookkeeping families, empty labels dropped, nothing else.
    QCOMPARE(writeExposition(families), QByteArray("# TYPE a gauge\na{job=\"j\",zone=\"eu\"} 1\n"));

    ExpositionWriteOptions dropKey;
    dropKey.dropLabels = {u"job"_s, u"instance"_s};
    QCOMPARE(writeExposition(families, dropKey), QByteArray("# TYPE a gauge\na{zone=\"eu\"} 1\n"));

    ExpositionWriteOptions keepEmpty;
    keepEmpty.dropEmptyLabels = false;
    keepEmpty.dropLabels = {u"job"_s};
    QCOMPARE(writeExposition(families, keepEmpty), QByteArray("# TYPE a gauge\na{instance=\"\",x=\"\",zone=\"eu\"} 1\n"));

    ExpositionWriteOptions everything;
    everything.skipGatewayFamilies = false;
    everything.dropLabels = {u"job"_s, u"instance"_s, u"zone"_s};
    QCOMPARE(writeExposition(families, everything),
             QByteArray("# TYPE push_time_seconds gauge\npush_time_seconds 1.7e+09\n"
                        "# TYPE push_failure_time_seconds gauge\npush_failure_time_seconds 0\n"
                        "# TYPE a gauge\na 1\n"));

    // Dropping applies to histogram and summary lines too; le/quantile stay.
    const Families h{family(u"h"_s, MetricType::Histogram, {histogramSeries({{u"job"_s, u"j"_s}}, {{1, 1}}, 1, 1)}),
                     family(u"s"_s, MetricType::Summary, {summarySeries({{u"job"_s, u"j"_s}}, {{0.5, 1}}, 1, 1)})};
    QCOMPARE(writeExposition(h, dropKey),
             QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n"
                        "# TYPE s summary\ns{quantile=\"0.5\"} 1\ns_sum 1\ns_count 1\n"));
}

void TestExposition::parseAccepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Families>("expected");

    const LabelPairs none;
    QTest::newRow("empty") << QByteArray() << Families{};
    QTest::newRow("blank lines") << QByteArray("\n\n  \t\n") << Families{};
    QTest::newRow("comment only") << QByteArray("# just a comment\n") << Families{};
    QTest::newRow("bare hash") << QByteArray("#\n# \n") << Families{};
    QTest::newRow("HELP without text") << QByteArray("# HELP a\n# HELP b \n") << Families{};
    QTest::newRow("TYPE without samples vanishes") << QByteArray("# TYPE a gauge\n# HELP a x\n") << Families{};
    QTest::newRow("untyped") << QByteArray("a 1\n") << Families{family(u"a"_s, MetricType::Untyped, {series(none, 1)})};
    QTest::newRow("empty label set") << QByteArray("a{} 1\n") << Families{family(u"a"_s, MetricType::Untyped, {series(none, 1)})};
    QTest::newRow("blanks everywhere")
        << QByteArray("  a { b = \"1\" ,\tc=\"2\" }  1\n")
        << Families{family(u"a"_s, MetricType::Untyped, {series({{u"b"_s, u"1"_s}, {u"c"_s, u"2"_s}}, 1)})};
    QTest::newRow("trailing comma") << QByteArray("a{b=\"1\",} 1\n")
                                    << Families{family(u"a"_s, MetricType::Untyped, {series({{u"b"_s, u"1"_s}}, 1)})};
    QTest::newRow("no blank after labels") << QByteArray("a{b=\"1\"}1\n")
                                           << Families{family(u"a"_s, MetricType::Untyped, {series({{u"b"_s, u"1"_s}}, 1)})};
    QTest::newRow("labels come out sorted")
        << QByteArray("a{z=\"1\",b=\"2\"} 1\n")
        << Families{family(u"a"_s, MetricType::Untyped, {series({{u"b"_s, u"2"_s}, {u"z"_s, u"1"_s}}, 1)})};
    QTest::newRow("label value escapes")
        << QByteArray("a{v=\"q\\\"b\\\\n\\n\"} 1\n")
        << Families{family(u"a"_s, MetricType::Untyped, {series({{u"v"_s, u"q\"b\\n\n"_s}}, 1)})};
    QTest::newRow("unicode label value")
        << QByteArray("a{v=\"\xe6\x97\xa5\xe6\x9c\xac\"} 1\n")
        << Families{family(u"a"_s, MetricType::Untyped, {series({{u"v"_s, u"日本"_s}}, 1)})};
    QTest::newRow("colon in metric name") << QByteArray("a:b_c 1\n")
                                          << Families{family(u"a:b_c"_s, MetricType::Untyped, {series(none, 1)})};
    QTest::newRow("type case-insensitive") << QByteArray("# TYPE a GAUGE\na 1\n")
                                           << Families{family(u"a"_s, MetricType::Gauge, {series(none, 1)})};
    QTest::newRow("hash without blank") << QByteArray("#TYPE a counter\n#HELP a text\na 1\n")
                                        << Families{family(u"a"_s, MetricType::Counter, {series(none, 1)}, u"text"_s)};
    QTest::newRow("help escapes")
        << QByteArray("# HELP a says \"hi\" \\\\ and\\nmore  \na 1\n")
        << Families{family(u"a"_s, MetricType::Untyped, {series(none, 1)}, u"says \"hi\" \\ and\nmore  "_s)};
    QTest::newRow("help after samples") << QByteArray("a 1\n# HELP a late\n")
                                        << Families{family(u"a"_s, MetricType::Untyped, {series(none, 1)}, u"late"_s)};
    QTest::newRow("counter _total is its own untyped family")
        << QByteArray("# TYPE c counter\nc_total 42\n")
        << Families{family(u"c_total"_s, MetricType::Untyped, {series(none, 42)})};
    QTest::newRow("special values")
        << QByteArray("a{v=\"1\"} +Inf\na{v=\"2\"} -inf\na{v=\"3\"} NaN\na{v=\"4\"} .5\na{v=\"5\"} 1e-400\na{v=\"6\"} -0\n")
        << Families{family(u"a"_s, MetricType::Untyped,
                           {series({{u"v"_s, u"1"_s}}, Inf), series({{u"v"_s, u"2"_s}}, -Inf), series({{u"v"_s, u"3"_s}}, NaN),
                            series({{u"v"_s, u"4"_s}}, 0.5), series({{u"v"_s, u"5"_s}}, 0), series({{u"v"_s, u"6"_s}}, 0)})};
    QTest::newRow("empty label value is kept") << QByteArray("a{x=\"\"} 1\na 2\n")
                                               << Families{family(u"a"_s, MetricType::Untyped,
                                                                  {series({{u"x"_s, u""_s}}, 1), series(none, 2)})};
    QTest::newRow("le is an ordinary label outside histograms")
        << QByteArray("a{le=\"x\",quantile=\"y\"} 1\n")
        << Families{family(u"a"_s, MetricType::Untyped, {series({{u"le"_s, u"x"_s}, {u"quantile"_s, u"y"_s}}, 1)})};
    QTest::newRow("histogram reassembled")
        << QByteArray("# HELP h Latency.\n# TYPE h histogram\n"
                      "h_bucket{a=\"1\",le=\"0.1\"} 1\nh_sum{a=\"1\"} 1.5\n"
                      "h_bucket{a=\"2\",le=\"+Inf\"} 5\n"
                      "h_bucket{le=\"1\",a=\"1\"} 2\nh_count{a=\"1\"} 3\nh_bucket{a=\"1\",le=\"Inf\"} 3\n")
        << Families{family(u"h"_s, MetricType::Histogram,
                           {histogramSeries({{u"a"_s, u"1"_s}}, {{0.1, 1}, {1, 2}, {Inf, 3}}, 1.5, 3),
                            histogramSeries({{u"a"_s, u"2"_s}}, {{Inf, 5}}, 0, 0)},
                           u"Latency."_s)};
    QTest::newRow("histogram without +Inf stays without")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 4\nh_sum 2\n")
        << Families{family(u"h"_s, MetricType::Histogram, {histogramSeries(none, {{1, 1}}, 2, 4)})};
    QTest::newRow("histogram counts are truncated to uint64")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1.7\nh_bucket{le=\"2\"} -1\nh_bucket{le=\"3\"} NaN\nh_count +Inf\nh_sum 0.5\n")
        << Families{family(u"h"_s, MetricType::Histogram,
                           {histogramSeries(none, {{1, 1}, {2, 18446744073709551615.0}, {3, 9223372036854775808.0}}, 0.5,
                                      9223372036854775808.0)})};
    QTest::newRow("histogram bucket with NaN bound is dropped")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"NaN\"} 1\nh_count 1\n")
        << Families{family(u"h"_s, MetricType::Histogram, {histogramSeries(none, {}, 0, 1)})};
    QTest::newRow("summary reassembled")
        << QByteArray("# TYPE s summary\ns{quantile=\"0.5\"} 0.2\ns{quantile=\"0.9\"} NaN\ns_sum 2\ns_count 4.9\n")
        << Families{family(u"s"_s, MetricType::Summary, {summarySeries(none, {{0.5, 0.2}, {0.9, NaN}}, 2, 4)})};
    QTest::newRow("summary with labels and help on _count")
        << QByteArray("# TYPE s summary\n# HELP s_count via count\ns_count{x=\"1\"} 1\ns{x=\"1\",quantile=\"1\"} 7\n")
        << Families{family(u"s"_s, MetricType::Summary, {summarySeries({{u"x"_s, u"1"_s}}, {{1, 7}}, 0, 1)}, u"via count"_s)};
    QTest::newRow("summary quantile NaN is dropped")
        << QByteArray("# TYPE s summary\ns{quantile=\"NaN\"} 1\n")
        << Families{family(u"s"_s, MetricType::Summary, {summarySeries(none, {}, 0, 0)})};
    QTest::newRow("_bucket of a summary is its own family")
        << QByteArray("# TYPE s summary\ns_bucket 1\n")
        << Families{family(u"s_bucket"_s, MetricType::Untyped, {series(none, 1)})};
    QTest::newRow("_count seen before TYPE stays separate")
        << QByteArray("# HELP x_count first\n# TYPE x summary\nx_count 3\n")
        << Families{family(u"x_count"_s, MetricType::Untyped, {series(none, 3)}, u"first"_s)};
    QTest::newRow("several families")
        << QByteArray("# TYPE a counter\n# TYPE b gauge\na 1\nb 2\n# a comment in between\n\na{x=\"y\"} 3\n")
        << Families{family(u"a"_s, MetricType::Counter, {series(none, 1), series({{u"x"_s, u"y"_s}}, 3)}),
                    family(u"b"_s, MetricType::Gauge, {series(none, 2)})};
    QTest::newRow("backslash dropped in TYPE as in Go")
        << QByteArray("# TYPE a gau\\ge\na 1\n") << Families{family(u"a"_s, MetricType::Gauge, {series(none, 1)})};
}

void TestExposition::parseAccepts()
{
    QFETCH(QByteArray, text);
    QFETCH(Families, expected);
    const auto parsed = parseExposition(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QVERIFY2(sameFamilies(*parsed, expected), show(*parsed).constData());
}

void TestExposition::parseRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("no final newline") << QByteArray("a 1") << 1 << 4 << u"unexpected end of input stream"_s;
    QTest::newRow("comment at end without newline") << QByteArray("a 1\n# end") << 2 << 6 << u"unexpected end of input stream"_s;
    QTest::newRow("open label set at end") << QByteArray("a{b=\"1\"") << 1 << 8 << u"unexpected end of input stream"_s;
    QTest::newRow("blank after value") << QByteArray("a 1 \n") << 1 << 5 << u"expected integer as timestamp, got \"\""_s;
    QTest::newRow("timestamp") << QByteArray("a 1\nb 2 1700000000000\n") << 2 << 5 << u"timestamps are not accepted"_s;
    QTest::newRow("negative timestamp") << QByteArray("a 1 -5\n") << 1 << 5 << u"timestamps are not accepted"_s;
    QTest::newRow("float timestamp") << QByteArray("a 1 1.5\n") << 1 << 5 << u"expected integer as timestamp, got \"1.5\""_s;
    QTest::newRow("after timestamp") << QByteArray("a 1 12 x\n") << 1 << 7 << u"spurious string after timestamp: \" x\""_s;
    QTest::newRow("CRLF") << QByteArray("a 1\r\n") << 1 << 3 << u"expected float as value, got \"1\\r\""_s;
    QTest::newRow("no value") << QByteArray("a\n") << 1 << 2 << u"expected float as value, got \"\""_s;
    QTest::newRow("bad value") << QByteArray("a x\n") << 1 << 3 << u"expected float as value, got \"x\""_s;
    QTest::newRow("overflowing value") << QByteArray("a{b=\"1\"} 1e400\n") << 1 << 10 << u"expected float as value"_s;
    QTest::newRow("hex value") << QByteArray("a 0x10\n") << 1 << 3 << u"expected float as value"_s;
    QTest::newRow("digit separator") << QByteArray("a 1_000\n") << 1 << 3 << u"expected float as value"_s;
    QTest::newRow("metric name starts with digit") << QByteArray("1a 1\n") << 1 << 1 << u"invalid metric name"_s;
    QTest::newRow("label set without name") << QByteArray("ok 1\n{a=\"b\"} 1\n") << 2 << 1 << u"invalid metric name"_s;
    QTest::newRow("label name starts with digit") << QByteArray("a{1=\"x\"} 1\n") << 1 << 3 << u"invalid label name for metric \"a\""_s;
    QTest::newRow("empty label name") << QByteArray("a{,} 1\n") << 1 << 3 << u"invalid label name for metric \"a\""_s;
    QTest::newRow("__name__") << QByteArray("a{__name__=\"x\"} 1\n") << 1 << 3 << u"label name \"__name__\" is reserved"_s;
    QTest::newRow("__ prefix") << QByteArray("a{b=\"1\",__x=\"x\"} 1\n") << 1 << 9 << u"label name \"__x\" is reserved"_s;
    QTest::newRow("duplicate label") << QByteArray("a{b=\"1\",b=\"2\"} 1\n") << 1 << 9 << u"duplicate label names for metric \"a\""_s;
    QTest::newRow("blank inside label name") << QByteArray("a{b c=\"1\"} 1\n") << 1 << 5 << u"expected '=' after label name, found 'c'"_s;
    QTest::newRow("unquoted label value") << QByteArray("a{b=c} 1\n") << 1 << 5 << u"expected '\"' at start of label value, found 'c'"_s;
    QTest::newRow("missing comma") << QByteArray("a{b=\"1\" c=\"2\"} 1\n") << 1 << 9 << u"unexpected end of label value \"1\""_s;
    QTest::newRow("invalid escape in label value") << QByteArray("a{b=\"c\\d\"} 1\n") << 1 << 7 << u"invalid escape sequence '\\d'"_s;
    QTest::newRow("escaped blank in label value") << QByteArray("a{b=\"c\\ \"} 1\n") << 1 << 7 << u"invalid escape sequence '\\ '"_s;
    QTest::newRow("newline in label value") << QByteArray("a{b=\"c\n\"} 1\n") << 1 << 7 << u"label value \"c\" contains unescaped new-line"_s;
    QTest::newRow("invalid UTF-8 label value") << QByteArray("a{b=\"\xff\"} 1\n") << 1 << 5 << u"invalid label value"_s;
    QTest::newRow("column counts characters") << QByteArray("a{b=\"\xc3\xa9\",c} 1\n") << 1 << 10 << u"expected '=' after label name, found '}'"_s;
    QTest::newRow("second TYPE") << QByteArray("# TYPE a gauge\n# TYPE a counter\n") << 2 << 10 << u"second TYPE line for metric name \"a\""_s;
    QTest::newRow("TYPE after samples") << QByteArray("a 1\n# TYPE a gauge\n") << 2 << 10 << u"or TYPE reported after samples"_s;
    QTest::newRow("TYPE of _sum after summary TYPE") << QByteArray("# TYPE s summary\n# TYPE s_sum gauge\n") << 2 << 14 << u"second TYPE line for metric name \"s\""_s;
    QTest::newRow("second HELP") << QByteArray("# HELP a x\n# HELP a y\n") << 2 << 10 << u"second HELP line for metric name \"a\""_s;
    QTest::newRow("unknown type") << QByteArray("# TYPE a foo\n") << 1 << 10 << u"unknown metric type \"foo\""_s;
    QTest::newRow("type with trailing blank") << QByteArray("# TYPE a gauge \n") << 1 << 10 << u"unknown metric type \"gauge \""_s;
    QTest::newRow("labels in HELP name") << QByteArray("# HELP a{b} x\n") << 1 << 9 << u"invalid metric name in comment"_s;
    QTest::newRow("invalid escape in HELP") << QByteArray("# HELP a x\\y\n") << 1 << 11 << u"invalid escape sequence '\\y'"_s;
    QTest::newRow("escaped quote in HELP") << QByteArray("# HELP a \\\"x\\\"\n") << 1 << 10 << u"invalid escape sequence '\\\"'"_s;
    QTest::newRow("bad le") << QByteArray("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n") << 2 << 13 << u"expected float as value for 'le' label, got \"x\""_s;
    QTest::newRow("bad quantile") << QByteArray("# TYPE s summary\ns{quantile=\"\"} 1\n") << 2 << 12 << u"expected float as value for 'quantile' label, got \"\""_s;
    QTest::newRow("gauge_histogram") << QByteArray("# TYPE x gauge_histogram\nx 1\n") << 2 << 1 << u"gauge_histogram"_s;
    QTest::newRow("duplicate series") << QByteArray("a{x=\"1\"} 1\na 2\na{x=\"1\"} 3\n") << 3 << 1 << u"duplicate series in metric family \"a\""_s;
    QTest::newRow("duplicate once job is replaced") << QByteArray("a{job=\"other\"} 1\na 2\n") << 2 << 1 << u"appeared before in line 1"_s;
    QTest::newRow("duplicate once instance is added") << QByteArray("a 1\na{instance=\"\"} 2\n") << 2 << 1 << u"duplicate series"_s;
    QTest::newRow("duplicate histogram series")
        << QByteArray("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{job=\"j\",le=\"1\"} 1\n") << 3 << 1 << u"duplicate series in metric family \"h\""_s;
    QTest::newRow("histogram collides with _count family")
        << QByteArray("h_count 1\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n") << 3 << 1 << u"collides with the histogram \"h\""_s;
    QTest::newRow("summary collides with _sum family")
        << QByteArray("s_sum 1\n# TYPE s summary\ns 1\n") << 3 << 1 << u"collides with the summary \"s\""_s;
}

void TestExposition::parseRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto parsed = parseExposition(text);
    QVERIFY2(!parsed.ok(), show(parsed.ok() ? *parsed : Families{}).constData());
    const Error &error = parsed.error();
    QCOMPARE(error.kind, Error::Parse);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY2(error.message.startsWith(u"line %1, column %2: "_s.arg(line).arg(column)), qPrintable(error.message));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void TestExposition::roundTrip_data()
{
    QTest::addColumn<Families>("families");
    QTest::addColumn<bool>("keepEmptyLabels");

    const LabelPairs none;
    QTest::newRow("tricky label values")
        << Families{family(u"a"_s, MetricType::Gauge,
                           {series({{u"v"_s, u"quote \" inside"_s}}, 1), series({{u"v"_s, u"back\\slash\\"_s}}, 2),
                            series({{u"v"_s, u"line\nbreak\n"_s}}, 3), series({{u"v"_s, u"Grüße 🚀 日本"_s}}, 4),
                            series({{u"v"_s, u"\\n literal, {braces}, =, #"_s}}, 5), series({{u"v"_s, u"\t tab "_s}}, 6),
                            series({{u"v"_s, u"\\\"\\\""_s}}, 7)})}
        << false;
    QTest::newRow("help with escapes")
        << Families{family(u"a"_s, MetricType::Counter, {series(none, 1)}, u"has \"quotes\", \\backslashes\\ and\nnewlines \u00e9"_s),
                    family(u"b"_s, MetricType::Untyped, {series(none, 1)}, u"ends with backslash \\"_s)}
        << false;
    QTest::newRow("special and exact values")
        << Families{family(u"g"_s, MetricType::Gauge,
                           {series({{u"v"_s, u"nan"_s}}, NaN), series({{u"v"_s, u"+inf"_s}}, Inf), series({{u"v"_s, u"-inf"_s}}, -Inf),
                            series({{u"v"_s, u"1e-300"_s}}, 1e-300), series({{u"v"_s, u"0.1"_s}}, 0.1),
                            series({{u"v"_s, u"17 digits"_s}}, 0.12345678901234568),
                            series({{u"v"_s, u"exp 14"_s}}, 1.2345678901234567e+14),
                            series({{u"v"_s, u"denormal"_s}}, 5e-324), series({{u"v"_s, u"max"_s}}, 1.7976931348623157e308),
                            series({{u"v"_s, u"negative"_s}}, -2.5e-7), series({{u"v"_s, u"zero"_s}}, 0),
                            series({{u"v"_s, u"push time"_s}}, 1.7958602756038795e+09)})}
        << false;
    QTest::newRow("every simple type")
        << Families{family(u"c"_s, MetricType::Counter, {series({{u"a"_s, u"1"_s}}, 10), series({{u"a"_s, u"2"_s}}, 0.5)}, u"A counter."_s),
                    family(u"g"_s, MetricType::Gauge, {series(none, -3)}),
                    family(u"u"_s, MetricType::Untyped, {series({{u"x"_s, u"y"_s}, {u"z"_s, u"w"_s}}, 1e6)})}
        << false;
    QTest::newRow("histograms")
        << Families{family(u"h"_s, MetricType::Histogram,
                           {histogramSeries({{u"path"_s, u"/a\"b"_s}}, {{0.005, 0}, {0.1, 1}, {1, 2}, {Inf, 3}}, 1.5, 3),
                            histogramSeries({{u"path"_s, u"/c"_s}}, {{1e-300, 1}, {0.12345678901234568, 2}}, NaN, 1e15),
                            histogramSeries({{u"path"_s, u"none"_s}}, {}, -Inf, 0)},
                           u"Latency in seconds."_s)}
        << false;
    QTest::newRow("summaries")
        << Families{family(u"s"_s, MetricType::Summary,
                           {summarySeries({{u"q"_s, u"x"_s}}, {{0.5, 0.2}, {0.9, NaN}, {0.99, Inf}}, 2, 4),
                            summarySeries({{u"q"_s, u"y"_s}}, {{0, -1}, {1, 1.2345678901234567e+14}}, 0.1, 0),
                            summarySeries({{u"q"_s, u"z"_s}}, {}, 1e-300, 123456789)})}
        << false;
    QTest::newRow("names with colons and underscores")
        << Families{family(u"ns:sub_system:metric_name_total"_s, MetricType::Counter, {series({{u"_under"_s, u"x"_s}, {u"Camel9"_s, u"y"_s}}, 1)})}
        << false;
    // Found by fuzz_exposition: written without their empty labels, these
    // series became duplicates ("a" three times), which the gateway refuses.
    QTest::newRow("empty labels that tell series apart")
        << Families{family(u"a"_s, MetricType::Gauge,
                           {series({{u"v"_s, u""_s}}, 1), series(none, 2), series({{u"w"_s, u""_s}, {u"x"_s, u"1"_s}}, 3),
                            series({{u"x"_s, u"1"_s}}, 4), series({{u"y"_s, u""_s}}, 5)}),
                    family(u"j"_s, MetricType::Gauge, {series(none, 1), series({{u"job"_s, u"j"_s}, {u"x"_s, u""_s}}, 2)})}
        << false;
    QTest::newRow("empty label values kept")
        << Families{family(u"a"_s, MetricType::Gauge, {series({{u"x"_s, u""_s}}, 1), series({{u"x"_s, u"v"_s}}, 2)})}
        << true;
}

void TestExposition::roundTrip()
{
    QFETCH(Families, families);
    QFETCH(bool, keepEmptyLabels);
    ExpositionWriteOptions options;
    options.dropEmptyLabels = !keepEmptyLabels;
    const QByteArray text = writeExposition(families, options);
    const auto parsed = parseExposition(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString() + u"\n"_s + QString::fromUtf8(text)));
    QVERIFY2(sameFamilies(*parsed, families), QByteArray(text + "---\n" + show(*parsed)).constData());
    // Writing again gives the same text: nothing drifts on a second trip.
    QCOMPARE(writeExposition(*parsed, options), text);
}

QTEST_GUILESS_MAIN(TestExposition)
#include "tst_exposition.moc"
