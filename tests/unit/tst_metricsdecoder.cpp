// Decoding the gateway's JSON API: real answers captured from
// prometheus-pushgateway 1.5.1 (tests/data/), every value form, and every way
// an answer can be broken, truncated or not from a gateway at all.

#include "format/metricsdecoder.h"
#include "builders.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QtConcurrent>

#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

namespace {

QByteArray readData(const char *name)
{
    QFile file(QStringLiteral(PUSHDECK_SOURCE_DIR "/tests/data/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return file.readAll();
}

// Exact: same bits, except that any NaN equals any NaN. Distinguishes -0 from 0.
bool exact(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

#define QCOMPARE_EXACT(actual, expected)                                                                   \
    QVERIFY2(exact((actual), (expected)),                                                                  \
             qPrintable(u"%1 is %2, expected %3"_s.arg(QLatin1StringView(#actual))                        \
                            .arg((actual), 0, 'g', 17)                                                     \
                            .arg((expected), 0, 'g', 17)))

const Group *findGroup(const QList<Group> &groups, const GroupingKey &k)
{
    for (const Group &g : groups) {
        if (g.key == k)
            return &g;
    }
    return nullptr;
}

const MetricFamily *findFamily(const Group &group, QAnyStringView name)
{
    for (const MetricFamily &f : group.families) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QStringList familyNames(const Group &group)
{
    QStringList names;
    for (const MetricFamily &f : group.families)
        names.append(f.name);
    return names;
}

LabelPairs labels(std::initializer_list<LabelPair> pairs)
{
    return LabelPairs(pairs);
}

// Synthetic answers, shaped exactly like the gateway's.
const QByteArray Bookkeeping =
    R"("push_failure_time_seconds":{"time_stamp":"2026-11-28T10:28:10.723646847Z","type":"GAUGE","help":"Last Unix time when changing this group in the Pushgateway failed.","metrics":[{"labels":{"instance":"","job":"j"},"value":"0"}]},)"
    R"("push_time_seconds":{"time_stamp":"2026-11-28T10:28:10.723646847Z","type":"GAUGE","help":"Last Unix time when changing this group in the Pushgateway succeeded.","metrics":[{"labels":{"instance":"","job":"j"},"value":"1.5"}]})";

QByteArray answer(const QByteArray &groups)
{
    return R"({"status":"success","data":[)" + groups + "]}";
}

// A group {job="j"} holding `families` (",\"name\":{...}" each).
QByteArray groupJson(const QByteArray &families, const QByteArray &labelsJson = R"({"job":"j"})")
{
    return R"({"labels":)" + labelsJson + R"(,"last_push_successful":true,)" + Bookkeeping + families + "}";
}

QByteArray gaugeFamily(const QByteArray &name, const QByteArray &value)
{
    return ",\"" + name + R"(":{"type":"GAUGE","metrics":[{"labels":{"instance":"","job":"j"},"value":")" + value
        + "\"}]}";
}

} // namespace

class TestMetricsDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realAnswerGroups();
    void realAnswerBasicGroup();
    void realAnswerValues_data();
    void realAnswerValues();
    void realAnswerHistogramAndSummary();
    void realAnswerEdgeGroup();
    void realAnswerFailedPush();
    void realAnswerEmptyLabelValueKey();
    void familiesNamedLikeGroupFields();
    void benchTemplateGroup();

    void valueForms_data();
    void valueForms();
    void bucketsAndQuantilesSorted();
    void seriesLabelsSorted();
    void emptyGateway();

    void errors_data();
    void errors();
    void unknownTypesAreSkipped();
    void errorSaysWhere();
    void everyPrefixIsAnError_data();
    void everyPrefixIsAnError();
    void mutationsNeverCrash();
    void inputWithoutSpareCapacity();
    void concurrentDecodes();

    void status();
    void statusStartTime_data();
    void statusStartTime();
    void statusErrors_data();
    void statusErrors();
};

void TestMetricsDecoder::realAnswerGroups()
{
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QCOMPARE(groups->size(), 6);
    // Group order is the gateway's (it iterates a Go map: random per answer).
    QList<GroupingKey> keys;
    for (const Group &g : *groups)
        keys.append(g.key);
    QCOMPARE(keys, (QList<GroupingKey>{
        key(u"{job=\"edge\",instance=\"\"}"),
        key(u"{job=\"basic\",instance=\"host-1\"}"),
        key(u"{job=\"values\"}"),
        key(u"{job=\"hist\",instance=\"i\",zone=\"eu\"}"),
        key(u"{job=\"failing\",instance=\"x\"}"),
        key(u"{job=\"a/b\",empty=\"\",path=\"with/slash\"}"),
    }));
    for (const Group &g : *groups) {
        QVERIFY(!findFamily(g, PushTimeFamily));
        QVERIFY(!findFamily(g, PushFailureTimeFamily));
    }
}

void TestMetricsDecoder::realAnswerBasicGroup()
{
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const Group *g = findGroup(*groups, key(u"{job=\"basic\",instance=\"host-1\"}"));
    QVERIFY(g);
    QCOMPARE(g->key.labels(), labels({{u"job"_s, u"basic"_s}, {u"instance"_s, u"host-1"_s}}));
    QCOMPARE_EXACT(g->pushTime, 1.7958616788702834e+09);
    QCOMPARE_EXACT(g->pushFailureTime, 0.0);
    QVERIFY(g->lastPushSuccessful);
    QCOMPARE(familyNames(*g), (QStringList{u"plain_untyped"_s, u"quoted"_s, u"requests_total"_s, u"temperature_celsius"_s}));

    const MetricFamily *untyped = findFamily(*g, u"plain_untyped");
    QCOMPARE(untyped->type, MetricType::Untyped);
    QCOMPARE(untyped->help, QString());
    QCOMPARE(untyped->series.size(), 1);
    QCOMPARE(untyped->series[0].labels, labels({{u"instance"_s, u"host-1"_s}, {u"job"_s, u"basic"_s}}));
    QCOMPARE_EXACT(untyped->series[0].value, 42.0);

    const MetricFamily *quoted = findFamily(*g, u"quoted");
    QCOMPARE(quoted->type, MetricType::Untyped);
    QCOMPARE(quoted->help, u"Label values with \"quotes\", newlines and unicode."_s);
    QCOMPARE(quoted->series.size(), 1);
    QCOMPARE(quoted->series[0].labels, labels({
        {u"bs"_s, u"back\\slash"_s},
        {u"instance"_s, u"host-1"_s},
        {u"job"_s, u"basic"_s},
        {u"nl"_s, u"line1\nline2"_s},
        {u"q"_s, u"say \"hi\""_s},
        {u"u"_s, u"µ€𝄞"_s},
    }));

    const MetricFamily *counter = findFamily(*g, u"requests_total");
    QCOMPARE(counter->type, MetricType::Counter);
    QCOMPARE(counter->help, u"Requests served.\nSecond line with a backslash \\ here."_s);
    QCOMPARE(counter->series.size(), 2);
    QCOMPARE(counter->series[0].labels, labels({{u"code"_s, u"200"_s}, {u"instance"_s, u"host-1"_s},
                                                {u"job"_s, u"basic"_s}, {u"method"_s, u"GET"_s}}));
    QCOMPARE_EXACT(counter->series[0].value, 1027.0);
    QCOMPARE(counter->series[1].labels, labels({{u"code"_s, u"500"_s}, {u"instance"_s, u"host-1"_s},
                                                {u"job"_s, u"basic"_s}, {u"method"_s, u"POST"_s}}));
    QCOMPARE_EXACT(counter->series[1].value, 3.0);

    const MetricFamily *gauge = findFamily(*g, u"temperature_celsius");
    QCOMPARE(gauge->type, MetricType::Gauge);
    QCOMPARE(gauge->series.size(), 2);
    QCOMPARE(gauge->series[1].labels.last(), (LabelPair{u"room"_s, u"salle d'été ☃ 日本"_s}));
    QCOMPARE_EXACT(gauge->series[0].value, 21.5);
    QCOMPARE_EXACT(gauge->series[1].value, -3.25);
}

void TestMetricsDecoder::realAnswerValues_data()
{
    QTest::addColumn<QString>("k");
    QTest::addColumn<double>("expected");
    constexpr double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("NaN") << u"nan"_s << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("+Inf") << u"pinf"_s << inf;
    QTest::newRow("-Inf") << u"ninf"_s << -inf;
    QTest::newRow("1e-300") << u"tiny"_s << 1e-300;
    QTest::newRow("5e-324 (denormal)") << u"denorm"_s << std::numeric_limits<double>::denorm_min();
    QTest::newRow("max") << u"max"_s << std::numeric_limits<double>::max();
    QTest::newRow("0.12345678901234568") << u"frac"_s << 0.12345678901234568;
    QTest::newRow("1.2345678901234567e+14") << u"big"_s << 1.2345678901234567e+14;
    QTest::newRow("-0") << u"negzero"_s << -0.0;
    QTest::newRow("12345678901234567890") << u"int"_s << 1.2345678901234567e+19;
    QTest::newRow("0") << u"zero"_s << 0.0;
}

void TestMetricsDecoder::realAnswerValues()
{
    QFETCH(QString, k);
    QFETCH(double, expected);
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const Group *g = findGroup(*groups, key(u"{job=\"values\"}"));
    QVERIFY(g);
    QCOMPARE_EXACT(g->pushTime, 1.7958616788792136e+09);
    const MetricFamily *v = findFamily(*g, u"v");
    QVERIFY(v);
    QCOMPARE(v->type, MetricType::Gauge);
    QCOMPARE(v->series.size(), 11);
    for (const Series &s : v->series) {
        // A key without instance: its series carry instance="".
        QCOMPARE(s.labels.first(), (LabelPair{u"instance"_s, QString()}));
        if (s.labels.last() == LabelPair{u"k"_s, k}) {
            QCOMPARE_EXACT(s.value, expected);
            return;
        }
    }
    QFAIL("series not found");
}

void TestMetricsDecoder::realAnswerHistogramAndSummary()
{
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const Group *g = findGroup(*groups, key(u"{job=\"hist\",instance=\"i\",zone=\"eu\"}"));
    QVERIFY(g);
    QCOMPARE(familyNames(*g), (QStringList{u"rpc_duration_seconds"_s, u"rpc_summary_seconds"_s}));
    constexpr double inf = std::numeric_limits<double>::infinity();

    const MetricFamily *h = findFamily(*g, u"rpc_duration_seconds");
    QCOMPARE(h->type, MetricType::Histogram);
    QCOMPARE(h->help, u"RPC latency."_s);
    QCOMPARE(h->series.size(), 2);
    const Series &a = h->series[0];
    QCOMPARE(a.labels, labels({{u"instance"_s, u"i"_s}, {u"job"_s, u"hist"_s}, {u"service"_s, u"a"_s}, {u"zone"_s, u"eu"_s}}));
    // The JSON has them as a map ordered as text ("+Inf" first); sorted by bound.
    QCOMPARE(a.buckets, (QList<Bucket>{{0.005, 0}, {0.1, 2}, {1, 5}, {10, 7}, {inf, 8}}));
    QCOMPARE_EXACT(a.sum, 13.7);
    QCOMPARE_EXACT(a.count, 8.0);
    QVERIFY(a.quantiles.isEmpty());
    const Series &b = h->series[1];
    QCOMPARE(b.buckets, (QList<Bucket>{{0.5, 1}, {inf, 1}}));
    QCOMPARE_EXACT(b.sum, 0.25);
    QCOMPARE_EXACT(b.count, 1.0);

    const MetricFamily *s = findFamily(*g, u"rpc_summary_seconds");
    QCOMPARE(s->type, MetricType::Summary);
    QCOMPARE(s->help, u"RPC summary."_s);
    QCOMPARE(s->series.size(), 1);
    const Series &q = s->series[0];
    QCOMPARE(q.labels, labels({{u"instance"_s, u"i"_s}, {u"job"_s, u"hist"_s}, {u"zone"_s, u"eu"_s}}));
    QCOMPARE(q.quantiles.size(), 3);
    QCOMPARE_EXACT(q.quantiles[0].quantile, 0.5);
    QCOMPARE_EXACT(q.quantiles[0].value, 0.2);
    QCOMPARE_EXACT(q.quantiles[1].quantile, 0.9);
    QCOMPARE_EXACT(q.quantiles[1].value, 0.8);
    QCOMPARE_EXACT(q.quantiles[2].quantile, 0.99);
    QVERIFY(std::isnan(q.quantiles[2].value));
    QCOMPARE_EXACT(q.sum, 12.5);
    QCOMPARE_EXACT(q.count, 40.0);
    QVERIFY(q.buckets.isEmpty());
}

void TestMetricsDecoder::realAnswerEdgeGroup()
{
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const Group *g = findGroup(*groups, key(u"{job=\"edge\",instance=\"\"}"));
    QVERIFY(g);
    QVERIFY(!findGroup(*groups, key(u"{job=\"edge\"}")));
    // Families sorting before "labels" in the JSON object come first.
    QCOMPARE(familyNames(*g), (QStringList{u"a_early"_s, u"h_noinf"_s, u"s_noq"_s, u"z_late"_s}));
    QCOMPARE(findFamily(*g, u"a_early")->help, QString()); // "# HELP a_early" with no text: absent
    QCOMPARE(findFamily(*g, u"z_late")->help, u"Late."_s);

    // The gateway does not add a +Inf bucket that was not pushed.
    const MetricFamily *h = findFamily(*g, u"h_noinf");
    QCOMPARE(h->type, MetricType::Histogram);
    QCOMPARE(h->series[0].buckets, (QList<Bucket>{{-5, 0}, {0.25, 1}, {1e6, 3}}));
    QCOMPARE_EXACT(h->series[0].sum, 4.0);

    const MetricFamily *s = findFamily(*g, u"s_noq");
    QCOMPARE(s->type, MetricType::Summary);
    QVERIFY(s->series[0].quantiles.isEmpty());
    QCOMPARE_EXACT(s->series[0].count, 0.0);
}

void TestMetricsDecoder::realAnswerFailedPush()
{
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const Group *g = findGroup(*groups, key(u"{job=\"failing\",instance=\"x\"}"));
    QVERIFY(g);
    QVERIFY(!g->lastPushSuccessful);
    QCOMPARE_EXACT(g->pushTime, 1.7958616788992598e+09);
    QCOMPARE_EXACT(g->pushFailureTime, 1.7958616801098652e+09);
    // The failed push (a duplicate series) left the earlier families alone.
    QCOMPARE(familyNames(*g), QStringList{u"ok_metric"_s});
}

void TestMetricsDecoder::realAnswerEmptyLabelValueKey()
{
    const auto groups = decodeGroups(readData("metrics_variety.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    const Group *g = findGroup(*groups, key(u"{job=\"a/b\",empty=\"\",path=\"with/slash\"}"));
    QVERIFY(g);
    QCOMPARE(g->key.labels(), labels({{u"job"_s, u"a/b"_s}, {u"empty"_s, QString()}, {u"path"_s, u"with/slash"_s}}));
    QCOMPARE(g->families.size(), 1);
    QCOMPARE(g->families[0].series[0].labels, labels({{u"empty"_s, QString()}, {u"instance"_s, QString()},
                                                      {u"job"_s, u"a/b"_s}, {u"path"_s, u"with/slash"_s}}));
}

// The gateway answers each group as one JSON map of "labels",
// "last_push_successful" and every family by name: a metric called "labels"
// or "last_push_successful" (both valid names) replaces those fields.
void TestMetricsDecoder::familiesNamedLikeGroupFields()
{
    const auto groups = decodeGroups(readData("metrics_nameclash.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QCOMPARE(groups->size(), 2);

    // The key comes from the push time series; last_push_successful from the
    // push times (the gateway's own rule).
    const Group &n = groups->at(0);
    QCOMPARE(n.key, key(u"{job=\"nameclash\",instance=\"n\"}"));
    QVERIFY(n.lastPushSuccessful);
    QCOMPARE_EXACT(n.pushTime, 1.79586172335306e+09);
    QCOMPARE(familyNames(n), (QStringList{u"data"_s, u"labels"_s, u"last_push_successful"_s, u"status"_s}));
    const MetricFamily *l = findFamily(n, u"labels");
    QCOMPARE(l->type, MetricType::Gauge);
    QCOMPARE(l->help, u"A metric called labels."_s);
    QCOMPARE(l->series.size(), 1);
    QCOMPARE(l->series[0].labels, labels({{u"instance"_s, u"n"_s}, {u"job"_s, u"nameclash"_s}, {u"x"_s, u"1"_s}}));
    QCOMPARE_EXACT(l->series[0].value, 5.0);
    QCOMPARE_EXACT(findFamily(n, u"last_push_successful")->series[0].value, 0.0);

    // Without instance in the key (instance="" in the series): {job="clash2"}.
    const Group &c = groups->at(1);
    QCOMPARE(c.key, key(u"{job=\"clash2\"}"));
    QVERIFY(!c.lastPushSuccessful); // its second push failed
    QCOMPARE_EXACT(c.pushFailureTime, 1.7958617255827875e+09);
    QCOMPARE(familyNames(c), (QStringList{u"labels"_s, u"last_push_successful"_s}));
    QCOMPARE_EXACT(findFamily(c, u"last_push_successful")->series[0].value, 1.0);
}

// The group bench_decode multiplies into a large answer.
void TestMetricsDecoder::benchTemplateGroup()
{
    const auto groups = decodeGroups(readData("metrics_bench_group.json"));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QCOMPARE(groups->size(), 1);
    const Group &g = groups->first();
    QCOMPARE(g.key, key(u"{job=\"backup\",instance=\"db-0001\",site=\"fra1\"}"));
    QCOMPARE_EXACT(g.pushTime, 1.7958633873359725e+09);
    QCOMPARE(familyNames(g), (QStringList{u"backup_duration_seconds"_s, u"backup_last_success_timestamp_seconds"_s}));
    const Series &h = g.families[0].series[0];
    QCOMPARE(h.labels, labels({{u"instance"_s, u"db-0001"_s}, {u"job"_s, u"backup"_s}, {u"site"_s, u"fra1"_s}}));
    QCOMPARE(h.buckets, (QList<Bucket>{{1, 0}, {5, 2}, {10, 5}, {30, 9}, {60, 14}, {300, 20}, {600, 21},
                                       {std::numeric_limits<double>::infinity(), 21}}));
    QCOMPARE_EXACT(h.sum, 2418.375);
    QCOMPARE_EXACT(h.count, 21.0);
    QCOMPARE_EXACT(g.families[1].series[0].value, 1.7958612345678e+09);
    // Series of one group share their labels (one list, not one per series).
    QVERIFY(h.labels.constData() == g.families[1].series[0].labels.constData());
}

void TestMetricsDecoder::valueForms_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("expected");
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto good = [](const char *text, double v) { QTest::newRow(text) << QByteArray(text) << true << v; };
    auto bad = [](const char *name, const char *text) { QTest::newRow(name) << QByteArray(text) << false << 0.0; };
    good("0", 0);
    good("-0", -0.0);
    good("1", 1);
    good("-1", -1);
    good("42", 42);
    good("0.1", 0.1);
    good("0.30000000000000004", 0.30000000000000004);
    good("1e-300", 1e-300);
    good("5e-324", 5e-324);
    good("1.7976931348623157e+308", 1.7976931348623157e308);
    good("1.7958602756038795e+09", 1.7958602756038795e+09);
    good("9007199254740993", 9007199254740992.0); // rounds like Go's ParseFloat
    good("1E6", 1e6);
    good("NaN", nan);
    good("+Inf", inf);
    good("-Inf", -inf);
    good("Inf", inf);
    good("+5", 5);
    bad("empty", "");
    bad("word", "abc");
    bad("leading space", " 1");
    bad("trailing space", "1 ");
    bad("comma", "1,5");
    bad("hex", "0x10");
    bad("two signs", "+-1");
    bad("two plus", "++1");
    bad("overflow", "1e999");
    bad("underflow", "1e-400");
    bad("dangling exponent", "1e");
    bad("escaped NUL", "1\\u0000");
}

void TestMetricsDecoder::valueForms()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(double, expected);
    const auto groups = decodeGroups(answer(groupJson(gaugeFamily("g", text))));
    if (!valid) {
        QVERIFY(!groups.ok());
        QCOMPARE(groups.error().kind, Error::Decode);
        QVERIFY2(groups.errorString().contains(u"invalid number"), qPrintable(groups.errorString()));
        QVERIFY2(groups.errorString().contains(u"field \"value\""), qPrintable(groups.errorString()));
        return;
    }
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QCOMPARE(groups->size(), 1);
    QCOMPARE(groups->at(0).families.size(), 1);
    QCOMPARE_EXACT(groups->at(0).families[0].series[0].value, expected);
    QCOMPARE_EXACT(groups->at(0).pushTime, 1.5);
}

void TestMetricsDecoder::bucketsAndQuantilesSorted()
{
    const QByteArray families =
        R"(,"h":{"type":"HISTOGRAM","metrics":[{"buckets":{"+Inf":"9","1e+06":"8","10":"5","2":"3","-1":"0","0.5":"1"},"count":"9","labels":{"job":"j"},"sum":"NaN"}]})"
        R"(,"s":{"type":"SUMMARY","metrics":[{"count":"3","labels":{"job":"j"},"quantiles":{"1":"9","0.99":"8","0":"1","0.5":"-Inf"},"sum":"-0"}]})";
    const auto groups = decodeGroups(answer(groupJson(families)));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    constexpr double inf = std::numeric_limits<double>::infinity();
    const Series &h = groups->at(0).families[0].series[0];
    QCOMPARE(h.buckets, (QList<Bucket>{{-1, 0}, {0.5, 1}, {2, 3}, {10, 5}, {1e6, 8}, {inf, 9}}));
    QVERIFY(std::isnan(h.sum));
    QCOMPARE_EXACT(h.count, 9.0);
    const Series &s = groups->at(0).families[1].series[0];
    QCOMPARE(s.quantiles, (QList<Quantile>{{0, 1}, {0.5, -inf}, {0.99, 8}, {1, 9}}));
    QCOMPARE_EXACT(s.sum, -0.0);

    // A NaN bound sorts last instead of breaking the sort.
    const auto nanBound = decodeGroups(answer(groupJson(
        R"(,"h":{"type":"HISTOGRAM","metrics":[{"buckets":{"NaN":"1","+Inf":"3","1":"2"},"count":"3","labels":{},"sum":"1"}]})")));
    QVERIFY2(nanBound.ok(), qPrintable(nanBound.errorString()));
    const auto &buckets = nanBound->at(0).families[0].series[0].buckets;
    QCOMPARE(buckets.size(), 3);
    QCOMPARE_EXACT(buckets[0].upperBound, 1.0);
    QCOMPARE_EXACT(buckets[1].upperBound, inf);
    QVERIFY(std::isnan(buckets[2].upperBound));
}

void TestMetricsDecoder::seriesLabelsSorted()
{
    // Go writes maps with sorted keys; anything else is sorted on the way in.
    const auto groups = decodeGroups(answer(groupJson(
        R"(,"g":{"type":"GAUGE","metrics":[{"value":"1","labels":{"zz":"1","job":"j","instance":"","a":"\"x\"\n"}}]})")));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QCOMPARE(groups->at(0).families[0].series[0].labels,
             labels({{u"a"_s, u"\"x\"\n"_s}, {u"instance"_s, QString()}, {u"job"_s, u"j"_s}, {u"zz"_s, u"1"_s}}));
}

void TestMetricsDecoder::emptyGateway()
{
    const auto groups = decodeGroups(R"({"status":"success","data":[]})");
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QVERIFY(groups->isEmpty());
    QVERIFY(decodeGroups(" \n{ \"status\" : \"success\" , \"data\" : [ ] }\n ").ok());
}

void TestMetricsDecoder::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message"); // parts of the message, separated by |

    const int decode = Error::Decode;
    const int notGateway = Error::NotAGateway;

    // Not JSON at all, or broken JSON.
    QTest::newRow("empty") << QByteArray() << decode << u"empty answer"_s;
    QTest::newRow("whitespace") << QByteArray(" \n\t") << decode << u"empty answer"_s;
    QTest::newRow("html") << QByteArray("<html><body>404</body></html>") << decode << u"malformed"_s;
    QTest::newRow("text") << QByteArray("404 page not found\n") << decode << u"malformed"_s;
    QTest::newRow("binary") << QByteArray("\x1f\x8b\x08\x00\x00\x00", 6) << decode << QString();
    QTest::newRow("invalid utf-8") << QByteArray("{\"status\":\"success\",\"data\":[],\"x\":\"\xff\xfe\"}") << decode << u"UTF-8"_s;
    QTest::newRow("truncated") << QByteArray(R"({"status":"success","data":[)") << decode << u"truncated"_s;
    QTest::newRow("unclosed string") << QByteArray(R"({"status":"succ)") << decode << u"truncated"_s;
    QTest::newRow("trailing garbage") << QByteArray(R"({"status":"success","data":[]}x)") << decode << QString();
    QTest::newRow("trailing brace") << QByteArray(R"({"status":"success","data":[]}})") << decode << u"after the JSON document"_s;
    QTest::newRow("two documents") << QByteArray(R"({"status":"success","data":[]}{"status":"success","data":[]})") << decode << u"after the JSON document"_s;
    QTest::newRow("missing comma") << QByteArray(R"({"status":"success" "data":[]})") << decode << u"malformed"_s;
    QTest::newRow("trailing comma") << QByteArray(R"({"status":"success","data":[],})") << decode << u"malformed"_s;
    QTest::newRow("bad escape") << answer(groupJson(gaugeFamily("g", "\\x41"))) << decode << QString();
    QTest::newRow("raw newline in string") << answer(groupJson(gaugeFamily("g", "1\n"))) << decode << QString();
    QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']') << decode << u"nested too deeply"_s;
    QTest::newRow("deep nesting in a group")
        << answer(QByteArray(5000, '[') + QByteArray(5000, ']')) << decode << u"expected an object, found an array"_s;
    QTest::newRow("not an object, broken") << QByteArray("[1,2,}") << decode << u"malformed"_s;

    // Valid JSON, but not a gateway's answer.
    QTest::newRow("foo") << QByteArray(R"({"foo":1})") << notGateway << u"no \"status\""_s;
    QTest::newRow("empty object") << QByteArray("{}") << notGateway << u"no \"status\""_s;
    QTest::newRow("array") << QByteArray("[1,2,3]") << notGateway << u"the answer is an array"_s;
    QTest::newRow("string") << QByteArray(R"("hello")") << notGateway << u"a string"_s;
    QTest::newRow("number") << QByteArray("42") << notGateway << u"a number"_s;
    QTest::newRow("null") << QByteArray("null") << notGateway << u"null"_s;
    QTest::newRow("status error")
        << QByteArray(R"({"status":"error","errorType":"bad_data","error":"something broke"})") << notGateway
        << u"status \"error\" (bad_data: something broke)"_s;
    QTest::newRow("no data") << QByteArray(R"({"status":"success"})") << notGateway << u"no \"data\""_s;
    QTest::newRow("status answer") << readData("status.json") << notGateway << u"/api/v1/status"_s;
    QTest::newRow("data null") << QByteArray(R"({"status":"success","data":null})") << notGateway << u"\"data\" is null"_s;
    QTest::newRow("prometheus query answer")
        << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})") << notGateway << u"an object"_s;

    // A gateway's shape, with something wrong inside.
    QTest::newRow("group not an object") << answer("[]") << decode << u"expected an object, found an array"_s;
    QTest::newRow("group number") << answer("1") << decode << u"group data[0]"_s;
    QTest::newRow("missing labels")
        << answer(R"({"last_push_successful":true,)" + Bookkeeping + "}") << decode << u"missing \"labels\""_s;
    QTest::newRow("labels not an object")
        << answer(R"({"labels":"job=j","last_push_successful":true,)" + Bookkeeping + "}") << decode
        << u"expected an object, found a string"_s;
    QTest::newRow("key without job")
        << answer(groupJson({}, R"({"instance":"x"})")) << decode << u"invalid grouping key"_s;
    QTest::newRow("key with empty job")
        << answer(groupJson({}, R"({"job":""})")) << decode << u"invalid grouping key"_s;
    QTest::newRow("key with empty label name")
        << answer(groupJson({}, R"({"job":"j","":"1"})")) << decode << u"invalid grouping key"_s;
    QTest::newRow("missing last_push_successful")
        << answer(R"({"labels":{"job":"j"},)" + Bookkeeping + "}") << decode << u"missing \"last_push_successful\""_s;
    QTest::newRow("last_push_successful string")
        << answer(R"({"labels":{"job":"j"},"last_push_successful":"true",)" + Bookkeeping + "}") << decode
        << u"expected a boolean, found a string|field \"last_push_successful\""_s;
    QTest::newRow("missing push_time_seconds")
        << answer(R"({"labels":{"job":"j"},"last_push_successful":true,"push_failure_time_seconds":{"type":"GAUGE","metrics":[{"labels":{},"value":"0"}]}})")
        << decode << u"missing family \"push_time_seconds\""_s;
    QTest::newRow("missing push_failure_time_seconds")
        << answer(R"({"labels":{"job":"j"},"last_push_successful":true,"push_time_seconds":{"type":"GAUGE","metrics":[{"labels":{},"value":"0"}]}})")
        << decode << u"missing family \"push_failure_time_seconds\""_s;
    QTest::newRow("two push times")
        << answer(R"({"labels":{"job":"j"},"last_push_successful":true,"push_failure_time_seconds":{"type":"GAUGE","metrics":[{"labels":{},"value":"0"}]},"push_time_seconds":{"type":"GAUGE","metrics":[{"labels":{},"value":"0"},{"labels":{},"value":"1"}]}})")
        << decode << u"2 series, expected exactly one|(group data[0] {job=\"j\"}, family \"push_time_seconds\")"_s;
    QTest::newRow("family not an object") << answer(groupJson(R"(,"f":[])")) << decode << u"family \"f\""_s;
    QTest::newRow("family missing type")
        << answer(groupJson(R"(,"f":{"metrics":[]})")) << decode << u"missing \"type\""_s;
    QTest::newRow("family type number")
        << answer(groupJson(R"(,"f":{"type":1,"metrics":[]})")) << decode << u"field \"type\""_s;
    QTest::newRow("family missing metrics")
        << answer(groupJson(R"(,"f":{"type":"GAUGE"})")) << decode << u"missing \"metrics\""_s;
    QTest::newRow("metrics not an array")
        << answer(groupJson(R"(,"f":{"type":"GAUGE","metrics":{}})")) << decode << u"field \"metrics\""_s;
    QTest::newRow("series not an object")
        << answer(groupJson(R"(,"f":{"type":"GAUGE","metrics":["1"]})")) << decode << u"metrics[0]"_s;
    QTest::newRow("gauge without value")
        << answer(groupJson(R"(,"f":{"type":"GAUGE","metrics":[{"labels":{}}]})")) << decode << u"missing \"value\" in a gauge series"_s;
    QTest::newRow("series without labels")
        << answer(groupJson(R"(,"f":{"type":"COUNTER","metrics":[{"value":"1"}]})")) << decode << u"missing \"labels\""_s;
    QTest::newRow("value is a number")
        << answer(groupJson(R"(,"f":{"type":"GAUGE","metrics":[{"labels":{},"value":1}]})")) << decode << u"expected a string, found a number"_s;
    QTest::newRow("value is null")
        << answer(groupJson(R"(,"f":{"type":"GAUGE","metrics":[{"labels":{},"value":null}]})")) << decode << u"found null"_s;
    QTest::newRow("label value not a string")
        << answer(groupJson(R"(,"f":{"type":"GAUGE","metrics":[{"labels":{"a":1},"value":"1"}]})")) << decode << u"the value of a is a number"_s;
    QTest::newRow("histogram without buckets")
        << answer(groupJson(R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"count":"1","sum":"1"}]})")) << decode << u"missing \"buckets\" in a histogram series"_s;
    QTest::newRow("histogram without sum")
        << answer(groupJson(R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"buckets":{},"count":"1"}]})")) << decode << u"missing \"sum\""_s;
    QTest::newRow("histogram with value only")
        << answer(groupJson(R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"value":"1"}]})")) << decode << u"missing \"buckets\""_s;
    QTest::newRow("bad bucket bound")
        << answer(groupJson(R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"buckets":{"le1":"1"},"count":"1","sum":"1"}]})")) << decode << u"invalid bound \"le1\""_s;
    {
        // Found by fuzz_decoder: unescaping a bound consumed its key, whose
        // position was then read for the message (UB, no position given).
        const QByteArray json = answer(groupJson(
            R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"buckets":{"1\u0078":"1"},"count":"1","sum":"1"}]})"));
        QTest::newRow("bad bucket bound with escape")
            << json << decode << u"invalid bound \"1x\" at byte %1"_s.arg(json.indexOf(R"("1\u0078")"));
    }
    QTest::newRow("bad bucket count")
        << answer(groupJson(R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"buckets":{"1":"x"},"count":"1","sum":"1"}]})")) << decode << u"invalid number \"x\""_s;
    QTest::newRow("buckets an array")
        << answer(groupJson(R"(,"h":{"type":"HISTOGRAM","metrics":[{"labels":{},"buckets":[],"count":"1","sum":"1"}]})")) << decode << u"field \"buckets\""_s;
    QTest::newRow("summary without quantiles")
        << answer(groupJson(R"(,"s":{"type":"SUMMARY","metrics":[{"labels":{},"count":"1","sum":"1"}]})")) << decode << u"missing \"quantiles\" in a summary series"_s;
    QTest::newRow("summary bad quantile")
        << answer(groupJson(R"(,"s":{"type":"SUMMARY","metrics":[{"labels":{},"quantiles":{"half":"1"},"count":"1","sum":"1"}]})")) << decode << u"invalid bound \"half\""_s;
    QTest::newRow("labels family broken")
        << answer(R"({"labels":{"type":"GAUGE","metrics":[{"labels":{"job":"j"}}]},"last_push_successful":true,)" + Bookkeeping + "}")
        << decode << u"family \"labels\""_s;
}

void TestMetricsDecoder::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const auto groups = decodeGroups(json);
    QVERIFY(!groups.ok());
    QVERIFY2(groups.error().kind == kind, qPrintable(u"kind %1: %2"_s.arg(groups.error().kind).arg(groups.errorString())));
    QVERIFY(!groups.errorString().isEmpty());
    QVERIFY2(!groups.errorString().contains(u'\n'), qPrintable(groups.errorString()));
    for (const QString &part : message.split(u'|'))
        QVERIFY2(groups.errorString().contains(part), qPrintable(groups.errorString()));
}

void TestMetricsDecoder::errorSaysWhere()
{
    const QByteArray second = groupJson(gaugeFamily("ok", "1") + gaugeFamily("broken", "1.2.3"),
                                        R"({"instance":"db-1","job":"j"})");
    const QByteArray json = answer(groupJson(gaugeFamily("g", "1")) + ',' + second);
    const auto groups = decodeGroups(json);
    QVERIFY(!groups.ok());
    const Error &e = groups.error();
    QCOMPARE(e.kind, Error::Decode);
    const qsizetype offset = json.indexOf("\"1.2.3\"");
    QCOMPARE(e.message, u"invalid number \"1.2.3\" at byte %1 (group data[1] {job=\"j\",instance=\"db-1\"}, "
                        "family \"broken\", metrics[0], field \"value\")"_s.arg(offset));
    QCOMPARE(e.line, 1);
    QCOMPARE(e.column, int(offset) + 1);

    // A structural error deep inside: simdjson's position, same context.
    QByteArray broken = readData("metrics_variety.json");
    const qsizetype missingComma = broken.indexOf(R"("count":"8",)") + 11;
    broken[missingComma] = ' ';
    const auto b = decodeGroups(broken);
    QVERIFY(!b.ok());
    QCOMPARE(b.error().kind, Error::Decode);
    QVERIFY2(b.errorString().startsWith(u"malformed JSON"), qPrintable(b.errorString()));
    QVERIFY2(b.errorString().contains(u"at byte %1 "_s.arg(missingComma + 1)), qPrintable(b.errorString()));
    QVERIFY2(b.errorString().contains(u"(group data[3] {job=\"hist\",instance=\"i\",zone=\"eu\"}, family \"rpc_duration_seconds\", metrics[0])"),
             qPrintable(b.errorString()));

    // Truncation is found before walking: it points at the end.
    const QByteArray data = readData("metrics_variety.json");
    const auto t = decodeGroups(data.first(5000));
    QVERIFY(!t.ok());
    QCOMPARE(t.errorString(), u"truncated JSON (the answer ends inside a string, object or array) at byte 5000"_s);
    QCOMPARE(t.error().column, 5001);
}

void TestMetricsDecoder::everyPrefixIsAnError_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("status");
    QTest::newRow("metrics_variety.json") << readData("metrics_variety.json") << false;
    QTest::newRow("metrics_nameclash.json") << readData("metrics_nameclash.json") << false;
    QTest::newRow("status.json") << readData("status.json") << true;
}

void TestMetricsDecoder::everyPrefixIsAnError()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, status);
    QVERIFY(status ? decodeStatus(json).ok() : decodeGroups(json).ok());
    for (qsizetype n = 0; n < json.size(); ++n) {
        const QByteArray prefix = json.first(n);
        const Error error = status ? decodeStatus(prefix).error() : decodeGroups(prefix).error();
        if (error.kind != Error::Decode || error.message.isEmpty())
            QFAIL(qPrintable(u"prefix of %1 bytes: kind %2, %3"_s.arg(n).arg(error.kind).arg(error.message)));
    }
}

void TestMetricsDecoder::mutationsNeverCrash()
{
    // Random byte flips, deletions and insertions of JSON punctuation: any
    // outcome is fine except a crash or an error without message.
    const QByteArray original = readData("metrics_variety.json");
    const char alphabet[] = "{}[]\":,\\0123456789eE+-.ntfaINul \xc3\xff";
    QRandomGenerator random(20261128);
    int decoded = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray json = original;
        const int edits = 1 + int(random.bounded(4));
        for (int i = 0; i < edits && !json.isEmpty(); ++i) {
            const qsizetype at = qsizetype(random.bounded(quint32(json.size())));
            const char c = alphabet[random.bounded(quint32(sizeof alphabet - 1))];
            switch (random.bounded(3)) {
            case 0: json[at] = c; break;
            case 1: json.remove(at, 1 + qsizetype(random.bounded(20))); break;
            default: json.insert(at, c); break;
            }
        }
        const auto groups = decodeGroups(json);
        if (groups.ok())
            ++decoded;
        else
            QVERIFY(!groups.errorString().isEmpty());
        const auto status = decodeStatus(json);
        QVERIFY(!status.ok());
    }
    qInfo("%d of 3000 mutated answers still decoded", decoded);
}

void TestMetricsDecoder::inputWithoutSpareCapacity()
{
    // simdjson reads past the end; raw data and slices have nothing there.
    const QByteArray data = readData("metrics_variety.json");
    const QByteArray raw = QByteArray::fromRawData(data.constData(), data.size());
    QVERIFY(decodeGroups(raw).ok());
    const QByteArray padded = "xxxx" + data + "yyyy";
    QVERIFY(decodeGroups(QByteArray::fromRawData(padded.constData() + 4, data.size())).ok());
    QVERIFY(!decodeGroups(QByteArray::fromRawData(data.constData(), data.size() - 1)).ok());
}

void TestMetricsDecoder::concurrentDecodes()
{
    const QByteArray data = readData("metrics_variety.json");
    const QByteArray other = readData("metrics_nameclash.json");
    QList<int> jobs(64);
    std::iota(jobs.begin(), jobs.end(), 0);
    const QList<int> sizes = QtConcurrent::blockingMapped(jobs, [&](int i) {
        const auto groups = decodeGroups(i % 2 ? data : other);
        const auto broken = decodeGroups((i % 2 ? data : other).first(1000));
        return groups.ok() && !broken.ok() ? int(groups->size()) : -1;
    });
    for (int i = 0; i < jobs.size(); ++i)
        QCOMPARE(sizes[i], i % 2 ? 6 : 2);
}

void TestMetricsDecoder::status()
{
    const auto status = decodeStatus(readData("status.json"));
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    QCOMPARE(status->version, u"1.5.1"_s);
    QCOMPARE(status->revision, u"1.5.1-2+b5"_s);
    QCOMPARE(status->goVersion, u"go1.19.8"_s);
    QVERIFY(status->adminApiEnabled);
    QCOMPARE(status->flags.size(), 14);
    QCOMPARE(status->flags.first(), (std::pair{u"log.format"_s, u"logfmt"_s}));
    QCOMPARE(status->flags.last(), (std::pair{u"web.telemetry-path"_s, u"/metrics"_s}));
    QVERIFY(std::is_sorted(status->flags.cbegin(), status->flags.cend()));
    QVERIFY(status->flags.contains(std::pair{u"persistence.file"_s, QString()}));
    const double start = double(QDateTime(QDate(2026, 11, 28), QTime(10, 27, 49), Qt::UTC).toSecsSinceEpoch());
    QVERIFY2(std::abs(status->startTime - (start + 0.359831176)) < 1e-6, qPrintable(QString::number(status->startTime, 'f', 9)));

    QByteArray disabled = readData("status.json");
    disabled.replace(R"("web.enable-admin-api":"true")", R"("web.enable-admin-api":"false")");
    const auto withoutAdmin = decodeStatus(disabled);
    QVERIFY2(withoutAdmin.ok(), qPrintable(withoutAdmin.errorString()));
    QVERIFY(!withoutAdmin->adminApiEnabled);
}

void TestMetricsDecoder::statusStartTime_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("expected"); // NaN: invalid
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double base = 1795861669.0; // 2026-11-28T10:27:49Z
    QTest::newRow("nanoseconds") << QByteArray("2026-11-28T10:27:49.359831176Z") << base + 0.359831176;
    QTest::newRow("no fraction") << QByteArray("2026-11-28T10:27:49Z") << base;
    QTest::newRow("one digit") << QByteArray("2026-11-28T10:27:49.5Z") << base + 0.5;
    QTest::newRow("offset +01:00") << QByteArray("2026-11-28T11:27:49.25+01:00") << base + 0.25;
    QTest::newRow("offset -05:30") << QByteArray("2026-11-28T04:57:49-05:30") << base;
    QTest::newRow("lowercase") << QByteArray("2026-11-28t10:27:49z") << base;
    QTest::newRow("epoch") << QByteArray("1970-01-01T00:00:00Z") << 0.0;
    QTest::newRow("before epoch") << QByteArray("1969-12-31T23:59:59Z") << -1.0;
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << 1709164800.0;
    QTest::newRow("no zone") << QByteArray("2026-11-28T10:27:49") << nan;
    QTest::newRow("space separator") << QByteArray("2026-11-28 10:27:49Z") << nan;
    QTest::newRow("bad month") << QByteArray("2026-13-28T10:27:49Z") << nan;
    QTest::newRow("bad day") << QByteArray("2026-02-30T10:27:49Z") << nan;
    QTest::newRow("bad hour") << QByteArray("2026-11-28T24:27:49Z") << nan;
    QTest::newRow("empty fraction") << QByteArray("2026-11-28T10:27:49.Z") << nan;
    QTest::newRow("trailing") << QByteArray("2026-11-28T10:27:49Zx") << nan;
    QTest::newRow("date only") << QByteArray("2026-11-28") << nan;
    QTest::newRow("empty") << QByteArray() << nan;
}

void TestMetricsDecoder::statusStartTime()
{
    QFETCH(QByteArray, text);
    QFETCH(double, expected);
    QByteArray json = readData("status.json");
    json.replace("2026-11-28T10:27:49.359831176Z", text);
    const auto status = decodeStatus(json);
    if (std::isnan(expected)) {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, Error::Decode);
        QVERIFY2(status.errorString().contains(u"invalid time"), qPrintable(status.errorString()));
        QVERIFY2(status.errorString().contains(u"field \"start_time\""), qPrintable(status.errorString()));
        return;
    }
    QVERIFY2(status.ok(), qPrintable(status.errorString()));
    QVERIFY2(std::abs(status->startTime - expected) < 1e-6, qPrintable(QString::number(status->startTime, 'f', 9)));
}

void TestMetricsDecoder::statusErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    const int decode = Error::Decode;
    const int notGateway = Error::NotAGateway;
    const QByteArray status = readData("status.json");
    auto replaced = [&](const char *from, const char *to) { return QByteArray(status).replace(from, to); };

    QTest::newRow("metrics answer") << readData("metrics_variety.json") << notGateway << u"/api/v1/metrics"_s;
    QTest::newRow("empty data") << QByteArray(R"({"status":"success","data":{}})") << notGateway << u"build_information"_s;
    QTest::newRow("status error") << QByteArray(R"({"status":"error","error":"x"})") << notGateway << u"status \"error\" (x)"_s;
    QTest::newRow("array") << QByteArray("[]") << notGateway << QString();
    QTest::newRow("truncated") << status.first(status.size() / 2) << decode << u"truncated"_s;
    QTest::newRow("no version") << replaced(R"("version":"1.5.1")", R"("versio":"1.5.1")") << decode << u"missing \"version\""_s;
    QTest::newRow("version number") << replaced(R"("version":"1.5.1")", R"("version":151)") << decode << u"field \"build_information\""_s;
    QTest::newRow("no flags") << replaced(R"("flags")", R"("flagz")") << decode << u"missing \"flags\""_s;
    QTest::newRow("flag not a string") << replaced(R"("log.level":"info")", R"("log.level":["info"])") << decode << u"the value of log.level is an array"_s;
    QTest::newRow("no start time") << replaced(R"("start_time")", R"("start")") << decode << u"missing \"start_time\""_s;
    QTest::newRow("start time number") << replaced(R"("2026-11-28T10:27:49.359831176Z")", "1795861669") << decode << u"field \"start_time\""_s;
}

void TestMetricsDecoder::statusErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const auto status = decodeStatus(json);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().kind == kind, qPrintable(u"kind %1: %2"_s.arg(status.error().kind).arg(status.errorString())));
    QVERIFY2(status.errorString().contains(message), qPrintable(status.errorString()));
}

// A client can push `# TYPE x gauge_histogram`; the gateway keeps it and
// lists it with a type we do not model. One such push must not break every
// poll: the family is skipped, everything else decodes.
void TestMetricsDecoder::unknownTypesAreSkipped()
{
    const auto groups = decodeGroups(answer(groupJson(
        R"(,"f":{"type":"GAUGE_HISTOGRAM","metrics":[{"labels":{"job":"j"}}]},"g":{"type":"GAUGE","metrics":[{"labels":{"job":"j"},"value":"2"}]},"h":{"type":"gauge","metrics":[]})")));
    QVERIFY2(groups.ok(), qPrintable(groups.errorString()));
    QCOMPARE(groups->size(), 1);
    QCOMPARE(groups->first().families.size(), 1);
    QCOMPARE(groups->first().families.first().name, u"g"_s);
    QCOMPARE(groups->first().families.first().series.first().value, 2.0);
}

QTEST_GUILESS_MAIN(TestMetricsDecoder)
#include "tst_metricsdecoder.moc"
