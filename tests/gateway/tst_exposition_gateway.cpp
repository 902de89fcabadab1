// The exposition parser and writer against a real prometheus-pushgateway:
// the parser must accept exactly the pushes the gateway accepts (and read
// them as the gateway stores them), and text written from what the gateway
// holds must push back to the same families under any other key.

#include "format/exposition.h"
#include "core/groupingkey.h"
#include "core/metrics.h"
#include "builders.h"
#include "testgateway.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

#include <limits>
#include <memory>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::family;
using PushDeck::Test::histogramSeries;
using PushDeck::Test::key;
using PushDeck::Test::series;
using PushDeck::Test::summarySeries;

using Families = QList<MetricFamily>;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
const double NaN = std::numeric_limits<double>::quiet_NaN();

// What the gateway does to every pushed series: labels of the key replace
// the series' own, and `instance` is added (empty) when missing. To compare
// a pushed text with what a group holds, remove the key's labels (`job`
// always) and an empty instance on both sides.
Families withoutKeyLabels(Families families, const QStringList &keyNames)
{
    for (auto &family : families) {
        for (auto &series : family.series) {
            series.labels.removeIf([&](const LabelPair &label) {
                return label.first == u"job" || keyNames.contains(label.first)
                    || (label.first == u"instance" && label.second.isEmpty());
            });
        }
    }
    return families;
}

QByteArray show(const Families &families)
{
    ExpositionWriteOptions all;
    all.skipGatewayFamilies = false;
    all.dropEmptyLabels = false;
    return writeExposition(families, all);
}

} // namespace

class TestExpositionGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreement_data();
    void agreement();
    void roundTrip_data();
    void roundTrip();
    void randomAgreement();

private:
    // Deletes a group and waits until the gateway has applied it, so that no
    // family of one case can clash with the next.
    void remove(const GroupingKey &groupKey);

    std::unique_ptr<TestGateway> m_gateway;
    int m_case = 0;
};

void TestExpositionGateway::initTestCase()
{
    m_gateway = std::make_unique<TestGateway>();
    QVERIFY(m_gateway->start());
}

void TestExpositionGateway::remove(const GroupingKey &groupKey)
{
    QCOMPARE(m_gateway->deleteGroup(groupKey), 202);
    QVERIFY(m_gateway->waitForGroups([&](const QList<Group> &groups) {
        return std::none_of(groups.begin(), groups.end(), [&](const Group &g) { return g.key == groupKey; });
    }));
}

void TestExpositionGateway::agreement_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("gatewayStatus");
    // For rejections: what the gateway says (part of its 400 answer).
    QTest::addColumn<QString>("gatewayMessage");
    // Equal to "the gateway accepts" except for the deviations listed last.
    QTest::addColumn<bool>("parserAccepts");

    auto accepted = [](const char *name, QByteArray text) { QTest::newRow(name) << text << 200 << QString() << true; };
    auto rejected = [](const char *name, QByteArray text, const QString &message) {
        QTest::newRow(name) << text << 400 << message << false;
    };

    accepted("empty body (touch)", "");
    accepted("untyped", "a 1\n");
    accepted("help and type", "# HELP a Some help.\n# TYPE a counter\na 1\n");
    accepted("blanks everywhere", "  a { b = \"1\" ,\tc=\"2\" }  1\n");
    accepted("trailing comma", "a{b=\"1\",} 1\n");
    accepted("empty label set", "a{} 1\n");
    accepted("no blank after labels", "a{b=\"1\"}1\n");
    accepted("label value escapes", "a{v=\"q\\\"b\\\\n\\n\"} 1\n");
    accepted("unicode label value", "a{v=\"Gr\xc3\xbc\xc3\x9f" "e \xf0\x9f\x9a\x80\"} 1\n");
    accepted("help escapes", "# HELP a says \"hi\" \\\\ and\\nmore  \na 1\n");
    accepted("hash without blank", "#TYPE a gauge\n#HELP a text\na 1\n");
    accepted("comments and blank lines", "# a comment\n#\n\n   \na 1\n# another\n");
    accepted("TYPE without samples", "# TYPE a gauge\n");
    accepted("help after samples", "a 1\n# HELP a late\n");
    accepted("counter _total is untyped c_total", "# TYPE c counter\nc_total 42\n");
    accepted("special values",
             "a{v=\"1\"} +Inf\na{v=\"2\"} -inf\na{v=\"3\"} NaN\na{v=\"4\"} .5\na{v=\"5\"} 1e-400\n"
             "a{v=\"6\"} 1.7976931348623157e308\na{v=\"7\"} Infinity\na{v=\"8\"} 5.\n");
    accepted("empty label value is a distinct series", "a{x=\"\"} 1\na 2\n");
    accepted("le and quantile outside histograms", "a{le=\"x\",quantile=\"y\"} 1\n");
    accepted("underscore label name", "a{_x=\"1\",x_2=\"2\"} 1\n");
    accepted("histogram interleaved",
             "# TYPE h histogram\nh_bucket{a=\"1\",le=\"0.1\"} 1\nh_sum{a=\"1\"} 1.5\nh_bucket{a=\"2\",le=\"+Inf\"} 5\n"
             "h_bucket{le=\"1\",a=\"1\"} 2\nh_count{a=\"1\"} 3\nh_bucket{a=\"1\",le=\"Inf\"} 3\n");
    accepted("histogram without +Inf", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 4\nh_sum 2\n");
    accepted("histogram counts truncated to uint64",
             "# TYPE h histogram\nh_bucket{le=\"1\"} 1.7\nh_bucket{le=\"2\"} -1\nh_bucket{le=\"3\"} NaN\nh_count +Inf\nh_sum 0.5\n");
    accepted("histogram bucket with NaN bound dropped", "# TYPE h histogram\nh_bucket{le=\"NaN\"} 1\nh_count 1\n");
    accepted("summary", "# TYPE s summary\ns{quantile=\"0.5\"} 0.2\ns{quantile=\"0.9\"} NaN\ns_sum 2\ns_count 4.9\n");
    accepted("summary help via _count", "# TYPE s summary\n# HELP s_count via count\ns_count{x=\"1\"} 1\ns{x=\"1\",quantile=\"1\"} 7\n");
    accepted("summary quantile NaN dropped", "# TYPE s summary\ns{quantile=\"NaN\"} 1\n");
    accepted("_bucket of a summary is its own family", "# TYPE s summary\ns_bucket 1\n");
    accepted("_count before TYPE stays separate", "# HELP x_count first\n# TYPE x summary\nx_count 3\n");
    accepted("backslash dropped in TYPE", "# TYPE a gau\\ge\na 1\n");
    accepted("type upper-cased with Unicode rules", "# TYPE x \xc5\xbfummary\nx{quantile=\"0.5\"} 1\n");
    accepted("invalid UTF-8 in HELP", "# HELP a \xff\xfe\na 1\n");

    // The gateway's answers, quoted from 1.5.1.
    rejected("no final newline", "a 1", u"text format parsing error in line 1: unexpected end of input stream"_s);
    rejected("comment at end without newline", "a 1\n# end", u"line 2: unexpected end of input stream"_s);
    rejected("blank after value", "a 1 \n", u"line 1: expected integer as timestamp, got \"\""_s);
    rejected("timestamp", "a 1 1700000000000\n", u"pushed metrics must not have timestamps"_s);
    rejected("float timestamp", "a 1 1.5\n", u"expected integer as timestamp, got \"1.5\""_s);
    rejected("after timestamp", "a 1 12 x\n", u"spurious string after timestamp: \" x\""_s);
    rejected("backslash after value", "a 1 \\\n", u"expected integer as timestamp, got \"\\\\\""_s);
    rejected("CRLF", "a 1\r\n", u"expected float as value, got \"1\\r\""_s);
    rejected("no value", "a\n", u"expected float as value, got \"\""_s);
    rejected("bad value", "a x\n", u"expected float as value, got \"x\""_s);
    rejected("overflowing value", "a 1e400\n", u"expected float as value, got \"1e400\""_s);
    rejected("hex value", "a 0x10\n", u"expected float as value, got \"0x10\""_s);
    rejected("digit separator", "a 1_000\n", u"expected float as value, got \"1_000\""_s);
    rejected("signed NaN", "a +NaN\n", u"expected float as value, got \"+NaN\""_s);
    rejected("metric name starts with digit", "1a 1\n", u"line 1: invalid metric name"_s);
    rejected("label set without name", "ok 1\n{a=\"b\"} 1\n", u"line 2: invalid metric name"_s);
    rejected("label name starts with digit", "a{1=\"x\"} 1\n", u"invalid label name for metric \"a\""_s);
    rejected("__name__ label", "a{__name__=\"x\"} 1\n", u"label name \"__name__\" is reserved"_s);
    rejected("__ prefixed label", "a{__x=\"x\"} 1\n", u"has a label with an invalid name: __x"_s);
    rejected("duplicate label", "a{b=\"1\",b=\"2\"} 1\n", u"duplicate label names for metric \"a\""_s);
    rejected("blank inside label name", "a{b c=\"1\"} 1\n", u"expected '=' after label name, found 'c'"_s);
    rejected("unquoted label value", "a{b=c} 1\n", u"expected '\"' at start of label value, found 'c'"_s);
    rejected("missing comma", "a{b=\"1\" c=\"2\"} 1\n", u"unexpected end of label value \"1\""_s);
    rejected("invalid escape in label value", "a{b=\"c\\d\"} 1\n", u"invalid escape sequence '\\d'"_s);
    rejected("escaped blank in label value", "a{b=\"c\\ \"} 1\n", u"invalid escape sequence '\\ '"_s);
    rejected("newline in label value", "a{b=\"c\n\"} 1\n", u"label value \"c\" contains unescaped new-line"_s);
    rejected("invalid UTF-8 label value", "a{b=\"\xff\"} 1\n", u"invalid label value \"\\xff\""_s);
    rejected("surrogate in label value", "a{b=\"\xed\xa0\x80\"} 1\n", u"invalid label value"_s);
    rejected("second TYPE", "# TYPE a gauge\n# TYPE a counter\n", u"line 2: second TYPE line for metric name \"a\""_s);
    rejected("TYPE after samples", "a 1\n# TYPE a gauge\n", u"or TYPE reported after samples"_s);
    rejected("TYPE of _sum after summary TYPE", "# TYPE s summary\n# TYPE s_sum gauge\n", u"second TYPE line for metric name \"s\""_s);
    rejected("second HELP", "# HELP a x\n# HELP a y\n", u"second HELP line for metric name \"a\""_s);
    rejected("unknown type", "# TYPE a foo\n", u"unknown metric type \"foo\""_s);
    rejected("type with trailing blank", "# TYPE a gauge \n", u"unknown metric type \"gauge \""_s);
    rejected("labels in HELP name", "# HELP a{b} x\n", u"invalid metric name in comment"_s);
    rejected("invalid escape in HELP", "# HELP a x\\y\n", u"invalid escape sequence '\\y'"_s);
    rejected("bad le", "# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", u"expected float as value for 'le' label, got \"x\""_s);
    rejected("bad quantile", "# TYPE s summary\ns{quantile=\"\"} 1\n", u"expected float as value for 'quantile' label, got \"\""_s);
    rejected("duplicate series", "a{x=\"1\"} 1\na 2\na{x=\"1\"} 3\n", u"was collected before with the same name and label values"_s);
    rejected("duplicate once job is replaced", "a{job=\"other\"} 1\na 2\n", u"was collected before with the same name and label values"_s);
    rejected("duplicate once instance is added", "a 1\na{instance=\"\"} 2\n", u"was collected before with the same name and label values"_s);
    rejected("duplicate histogram series", "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{job=\"j\",le=\"1\"} 1\n",
             u"was collected before with the same name and label values"_s);
    rejected("histogram collides with _count family", "h_count 1\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n", u"collides with"_s);
    rejected("summary collides with _sum family", "s_sum 1\n# TYPE s summary\ns 1\n", u"collides with"_s);

    // Deliberate deviations. The gateway loses its own parser's error for
    // gauge_histogram samples and stores a series without any value (its
    // /metrics then leaves the family out): PushDeck refuses it.
    QTest::newRow("deviation: gauge_histogram") << QByteArray("# TYPE x gauge_histogram\nx 1\n") << 200 << QString() << false;
    // A family named like one of the gateway's own (go_*, process_*,
    // pushgateway_*) must agree with it in type; that depends on the gateway
    // binary, not on the text, so the parser does not know.
    QTest::newRow("deviation: clash with the gateway's own go_goroutines")
        << QByteArray("go_goroutines 1\n") << 400
        << u"gathered metric family go_goroutines has type UNTYPED but should have GAUGE"_s << true;
}

void TestExpositionGateway::agreement()
{
    QFETCH(QByteArray, text);
    QFETCH(int, gatewayStatus);
    QFETCH(QString, gatewayMessage);
    QFETCH(bool, parserAccepts);

    const GroupingKey groupKey = key({{u"job"_s, u"agreement-%1"_s.arg(++m_case)}});
    QByteArray answer;
    const int status = m_gateway->push(groupKey, text, true, &answer);
    const auto parsed = parseExposition(text);
    const auto cleanup = qScopeGuard([&] { remove(groupKey); });

    QVERIFY2(status == gatewayStatus, qPrintable(u"gateway answered %1: %2"_s.arg(status).arg(QString::fromUtf8(answer))));
    if (status != 200)
        QVERIFY2(QString::fromUtf8(answer).contains(gatewayMessage), answer.constData());
    QVERIFY2(parsed.ok() == parserAccepts,
             qPrintable(parsed.ok() ? u"parser accepted"_s : u"parser rejected: "_s + parsed.errorString()));
    if (!parsed.ok()) {
        QCOMPARE(parsed.error().kind, Error::Parse);
        QVERIFY(parsed.error().line > 0);
        QVERIFY(parsed.error().column > 0);
        return;
    }
    if (status != 200)
        return;

    // Accepted by both: the parser reads what the gateway stores.
    std::optional<Group> stored;
    QVERIFY(m_gateway->waitForGroups([&](const QList<Group> &groups) {
        for (const Group &g : groups) {
            if (g.key == groupKey) {
                stored = g;
                return true;
            }
        }
        return false;
    }));
    const Families gatewayFamilies = withoutKeyLabels(stored->families, {});
    const Families parserFamilies = withoutKeyLabels(*parsed, {});
    QVERIFY2(sameFamilies(parserFamilies, gatewayFamilies),
             QByteArray("parser:\n" + show(parserFamilies) + "gateway:\n" + show(gatewayFamilies)).constData());
}

void TestExpositionGateway::roundTrip_data()
{
    QTest::addColumn<Families>("families");
    QTest::addColumn<GroupingKey>("source");
    QTest::addColumn<GroupingKey>("target");

    const LabelPairs none;
    const GroupingKey nested = key({{u"job"_s, u"rt/source"_s}, {u"instance"_s, u"db-1"_s}, {u"zone"_s, u"eu \"west\""_s}});
    const GroupingKey plain = key({{u"job"_s, u"rt-target"_s}});
    const GroupingKey withInstance = key({{u"job"_s, u"rt-target"_s}, {u"instance"_s, u"other"_s}});

    QTest::newRow("tricky label values")
        << Families{family(u"tricky_labels"_s, MetricType::Gauge,
                           {series({{u"v"_s, u"quote \" inside"_s}}, 1), series({{u"v"_s, u"back\\slash\\"_s}}, 2),
                            series({{u"v"_s, u"line\nbreak\n"_s}}, 3), series({{u"v"_s, u"Grüße 🚀 日本"_s}}, 4),
                            series({{u"v"_s, u"\\n literal, {braces}, =, #"_s}}, 5), series({{u"v"_s, u"\t tab "_s}}, 6),
                            series({{u"v"_s, u"\\\"\\\""_s}, {u"w"_s, u"second"_s}}, 7)})}
        << nested << plain;
    QTest::newRow("help with escapes")
        << Families{family(u"helped_total"_s, MetricType::Counter, {series(none, 1)},
                           u"has \"quotes\", \\backslashes\\ and\nnewlines é"_s),
                    family(u"helped_untyped"_s, MetricType::Untyped, {series(none, 1)}, u"ends with a backslash \\"_s)}
        << nested << withInstance;
    QTest::newRow("exact values")
        << Families{family(u"exact"_s, MetricType::Gauge,
                           {series({{u"v"_s, u"nan"_s}}, NaN), series({{u"v"_s, u"+inf"_s}}, Inf),
                            series({{u"v"_s, u"-inf"_s}}, -Inf), series({{u"v"_s, u"1e-300"_s}}, 1e-300),
                            series({{u"v"_s, u"0.1"_s}}, 0.1), series({{u"v"_s, u"17 digits"_s}}, 0.12345678901234568),
                            series({{u"v"_s, u"exp 14"_s}}, 1.2345678901234567e+14),
                            series({{u"v"_s, u"denormal"_s}}, 5e-324),
                            series({{u"v"_s, u"max"_s}}, 1.7976931348623157e308),
                            series({{u"v"_s, u"negative"_s}}, -2.5e-7), series({{u"v"_s, u"zero"_s}}, 0),
                            series({{u"v"_s, u"1e6"_s}}, 1e6)})}
        << nested << plain;
    QTest::newRow("every type together")
        << Families{family(u"requests_total"_s, MetricType::Counter,
                           {series({{u"code"_s, u"200"_s}}, 1027), series({{u"code"_s, u"500"_s}}, 0.5)}, u"Requests."_s),
                    family(u"temperature"_s, MetricType::Gauge, {series(none, -3.25)}),
                    family(u"untyped_thing"_s, MetricType::Untyped, {series({{u"x"_s, u"y"_s}}, 1e21)}),
                    family(u"latency_seconds"_s, MetricType::Histogram,
                           {histogramSeries({{u"path"_s, u"/a\"b"_s}}, {{0.005, 0}, {0.1, 1}, {1, 2}, {Inf, 3}}, 1.5, 3),
                            histogramSeries({{u"path"_s, u"/c"_s}}, {{1e-300, 1}, {0.12345678901234568, 2}, {Inf, 1e15}}, NaN, 1e15)},
                           u"Latency in seconds."_s),
                    family(u"rpc_seconds"_s, MetricType::Summary,
                           {summarySeries({{u"q"_s, u"x"_s}}, {{0.5, 0.2}, {0.9, NaN}, {0.99, Inf}}, 2, 4),
                            summarySeries({{u"q"_s, u"y"_s}}, {{0, -1}, {1, 1.2345678901234567e+14}}, 0.1, 0)},
                           u"RPC \"latency\"\\summary"_s)}
        << nested << withInstance;
}

void TestExpositionGateway::roundTrip()
{
    QFETCH(Families, families);
    QFETCH(GroupingKey, source);
    QFETCH(GroupingKey, target);

    auto read = [&](const GroupingKey &groupKey, int familyCount) -> std::optional<Group> {
        std::optional<Group> found;
        m_gateway->waitForGroups([&](const QList<Group> &groups) {
            for (const Group &g : groups) {
                if (g.key == groupKey && g.families.size() == familyCount) {
                    found = g;
                    return true;
                }
            }
            return false;
        });
        return found;
    };
    const auto cleanup = qScopeGuard([&] {
        remove(source);
        remove(target);
    });

    // 1. Our text, pushed: the gateway holds exactly these families.
    QByteArray answer;
    const QByteArray text = writeExposition(families);
    QVERIFY2(m_gateway->push(source, text, true, &answer) == 200, answer.constData());
    const auto first = read(source, int(families.size()));
    QVERIFY(first);
    QVERIFY2(sameFamilies(withoutKeyLabels(first->families, source.names()), families),
             QByteArray("pushed:\n" + text + "stored:\n" + show(first->families)).constData());

    // 2. What the gateway holds, written without the key's labels, parses
    // back to the same and pushes to another key unchanged.
    ExpositionWriteOptions options;
    options.dropLabels = source.names();
    const QByteArray again = writeExposition(first->families, options);
    const auto parsed = parseExposition(again);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QVERIFY(sameFamilies(*parsed, withoutKeyLabels(first->families, source.names())));
    QVERIFY2(m_gateway->push(target, again, true, &answer) == 200, answer.constData());
    const auto second = read(target, int(families.size()));
    QVERIFY(second);
    QVERIFY2(sameFamilies(withoutKeyLabels(second->families, target.names()), families),
             QByteArray("pushed:\n" + again + "stored:\n" + show(second->families)).constData());
    // The target's series carry the target key (and instance="" without one).
    for (const auto &family : second->families) {
        for (const auto &series : family.series) {
            for (const auto &[name, value] : target.labels())
                QVERIFY(series.labels.contains(LabelPair{name, value}));
            if (!target.contains(u"instance"))
                QVERIFY(series.labels.contains(LabelPair{u"instance"_s, QString()}));
        }
    }
}

// Texts assembled at random from the pieces that matter to the parser (names
// with _sum/_count/_bucket, le/quantile, escapes, odd values, timestamps),
// some of them damaged byte by byte: whatever comes out, parser and gateway
// must agree, and on acceptance read the same families. The seed is fixed so
// that a failure can be reproduced; PUSHDECK_FUZZ_CASES raises the count.
void TestExpositionGateway::randomAgreement()
{
    static const QList<QByteArray> names{"a", "b", "h", "h_bucket", "h_sum", "h_count", "s", "s_sum", "s_count",
                                         "s_bucket", "c_total", "x:y"};
    static const QList<QByteArray> types{"counter", "gauge", "histogram", "summary", "untyped", "GAUGE", "foo", "histogram "};
    static const QList<QByteArray> helps{"plain", "with \\\\ backslash", "line\\nbreak", "bad \\x escape", "\"quoted\"", ""};
    static const QList<QByteArray> labels{"le=\"0.1\"", "le=\"+Inf\"", "le=\"1\"", "le=\"x\"", "quantile=\"0.5\"",
                                          "quantile=\"NaN\"", "quantile=\"0.9\"", "x=\"1\"", "x=\"2\"", "x=\"\"",
                                          "job=\"j\"", "instance=\"\"", "instance=\"i\"", "__x=\"1\"",
                                          "y=\"a\\\"b\"", "y=\"a\\nb\"", "y=\"\\q\"", "z = \"1\"",
                                          "le=\"2\"", "quantile=\"0.1\"", "x=\"3\"", "w=\"\xc3\xa9\""};
    static const QList<QByteArray> values{"1", "2", "-1", "NaN", "+Inf", "1.5", "x", "1e400", "0x1", "1e-400", ".5", "3",
                                          "0", "4", "2.5e-3", "-Inf", "7", "0.1"};
    static const QList<char> noise{' ', '\t', '\n', '"', '\\', '{', '}', ',', '=', '#', 'a', '1', '_'};

    const int cases = qEnvironmentVariableIntValue("PUSHDECK_FUZZ_CASES") > 0
        ? qEnvironmentVariableIntValue("PUSHDECK_FUZZ_CASES") : 150;
    QRandomGenerator random(20261128);
    auto pick = [&](const auto &list) { return list.at(random.bounded(int(list.size()))); };

    int accepted = 0;
    for (int i = 0; i < cases; ++i) {
        QByteArray text;
        const int lines = 1 + random.bounded(4);
        for (int l = 0; l < lines; ++l) {
            const int kind = random.bounded(10);
            if (kind == 0) {
                text += "# TYPE " + pick(names) + ' ' + pick(types) + '\n';
            } else if (kind == 1) {
                text += "# HELP " + pick(names) + ' ' + pick(helps) + '\n';
            } else {
                text += pick(names);
                const int labelCount = random.bounded(4);
                if (labelCount > 0 || random.bounded(4) == 0) {
                    text += '{';
                    for (int k = 0; k < labelCount; ++k)
                        text += (k ? "," : "") + pick(labels);
                    text += '}';
                }
                text += ' ' + pick(values);
                if (random.bounded(20) == 0)
                    text += " 1700000000000";
                text += '\n';
            }
        }
        // Damage one text in four: insert, delete or drop the last newline.
        if (random.bounded(4) == 0) {
            const int where = random.bounded(int(text.size()));
            switch (random.bounded(3)) {
            case 0: text.insert(where, pick(noise)); break;
            case 1: text.remove(where, 1); break;
            default: text.chop(1); break;
            }
        }

        const GroupingKey groupKey = key({{u"job"_s, u"random-%1"_s.arg(i)}});
        QByteArray answer;
        const int status = m_gateway->push(groupKey, text, true, &answer);
        const auto parsed = parseExposition(text);
        const auto cleanup = qScopeGuard([&] { remove(groupKey); });
        QVERIFY2(status == 200 || status == 400, qPrintable(u"gateway answered %1: %2"_s.arg(status).arg(QString::fromUtf8(answer))));
        QVERIFY2(parsed.ok() == (status == 200),
                 QByteArray("case " + QByteArray::number(i) + ": gateway " + QByteArray::number(status) + " " + answer
                            + "\nparser: " + (parsed.ok() ? QByteArray("accepted") : parsed.errorString().toUtf8())
                            + "\ntext:\n" + text).constData());
        if (!parsed.ok())
            continue;
        ++accepted;
        std::optional<Group> stored;
        QVERIFY(m_gateway->waitForGroups([&](const QList<Group> &groups) {
            for (const Group &g : groups) {
                if (g.key == groupKey) {
                    stored = g;
                    return true;
                }
            }
            return false;
        }));
        const Families gatewayFamilies = withoutKeyLabels(stored->families, {});
        const Families parserFamilies = withoutKeyLabels(*parsed, {});
        QVERIFY2(sameFamilies(parserFamilies, gatewayFamilies),
                 QByteArray("case " + QByteArray::number(i) + "\ntext:\n" + text + "parser:\n" + show(parserFamilies)
                            + "gateway:\n" + show(gatewayFamilies)).constData());
    }
    qInfo("%d of %d random texts accepted by both", accepted, cases);
    // Both outcomes must be well represented for the comparison to mean much.
    QVERIFY2(accepted > cases / 5 && accepted < cases * 4 / 5, qPrintable(u"%1 of %2 accepted"_s.arg(accepted).arg(cases)));
}

QTEST_GUILESS_MAIN(TestExpositionGateway)
#include "tst_exposition_gateway.moc"
