// GroupingKey: validation, canonical order, PromQL-style text and the push URL
// path, with round trips over values that break naive encoders.

#include "core/groupingkey.h"
#include "core/promql.h"
#include "core/printable.h"
#include "builders.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

// Readable QCOMPARE failures.
char *toString(const GroupingKey &key)
{
    return qstrdup(qPrintable(key.toString()));
}

namespace {

// Values that have broken grouping key encoders somewhere: path separators,
// base64 padding, the @base64 marker, percent signs, dot segments, quotes,
// escapes, whitespace, non-ASCII (incl. outside the BMP), empty.
QStringList trickyValues()
{
    return {
        u""_s, u"."_s, u".."_s, u"..."_s, u"/"_s, u"//"_s, u"a/b"_s, u"/leading"_s, u"trailing/"_s,
        u"="_s, u"=="_s, u"a=b"_s, u"@"_s, u"@base64"_s, u"x@base64"_s, u"%"_s, u"%2F"_s, u"%zz"_s,
        u"100%"_s, u" "_s, u"a b"_s, u" lead"_s, u"trail "_s, u"\t"_s, u"\""_s, u"\\"_s, u"\\\""_s,
        u"\\n"_s, u"\n"_s, u"a\nb"_s, u"\r\n"_s, u"é"_s, u"日本語"_s, u"\U0001F600"_s, u"?"_s, u"#"_s,
        u"a?b=c#d"_s, u"+"_s, u"a+b"_s, u"~"_s, u"-"_s, u"_"_s, u"plain-1.2_3~x"_s, u"{}"_s, u","_s,
        u"metrics"_s, u"job"_s, u"metrics/job/x"_s, u"ZGItMQ=="_s, u"0"_s,
        // What forges a terminal or a table: cursor movement and erase,
        // carriage return, DEL, C1, bidirectional override, separators and
        // zero-width characters; and raw bytes of a key that is not UTF-8
        // (core/printable.h), alone, mixed, and two that form UTF-8 when
        // written as \xHH each.
        u"\x1b[1A\x1b[2K"_s, u"a\rb"_s, u"\x7f"_s, u"\u0085"_s, u"\u202eevil"_s, u"a\u2028b"_s, u"\u200b"_s,
        u"\ufeff"_s, u"\\x1b"_s, QString(QChar(0xDCFF)), u"a"_s + QChar(0xDCFF) + u"b"_s,
        QString(QChar(0xDCC3)) + u"("_s, u"\U000e0041"_s,
    };
}

} // namespace

class TestGroupingKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelNames_data();
    void labelNames();
    void metricNames_data();
    void metricNames();
    void escapeLabelValue_data();
    void escapeLabelValue();

    void fromLabels_data();
    void fromLabels();
    void accessors();

    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();

    void toPath_data();
    void toPath();
    void fromPath_data();
    void fromPath();
    void fromPathErrors_data();
    void fromPathErrors();

    void roundTrip_data();
    void roundTrip();
    void randomRoundTrip();

    void emptyValueKeepsKeysDistinct();
    void rawBytesAreAddressedExactly();
    void escapesParse_data();
    void escapesParse();
    void collisionKey_data();
    void collisionKey();
    void ordering();

    void utf8PathNames_data();
    void utf8PathNames();
    void leadingBomSurvivesPath();
    void upstreamUtf8Paths_data();
    void upstreamUtf8Paths();
};

void TestGroupingKey::labelNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("job") << u"job"_s << true;
    QTest::newRow("underscore") << u"_"_s << true;
    QTest::newRow("dunder") << u"__name__"_s << true; // valid name; reserved only in keys
    QTest::newRow("mixed") << u"A_b9"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digit first") << u"9a"_s << false;
    QTest::newRow("colon") << u"a:b"_s << false;
    QTest::newRow("dash") << u"a-b"_s << false;
    QTest::newRow("dot") << u"a.b"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("unicode") << u"é"_s << false;
    QTest::newRow("base64 suffix") << u"job@base64"_s << false;
}

void TestGroupingKey::labelNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidLabelName(name), valid);
}

void TestGroupingKey::metricNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << u"up"_s << true;
    QTest::newRow("colon first") << u":recording:rule"_s << true;
    QTest::newRow("colon inside") << u"job:up:sum"_s << true;
    QTest::newRow("digits") << u"a1_2"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digit first") << u"1a"_s << false;
    QTest::newRow("dash") << u"a-b"_s << false;
    QTest::newRow("unicode") << u"ü"_s << false;
}

void TestGroupingKey::metricNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidMetricName(name), valid);
}

void TestGroupingKey::escapeLabelValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << u"abc"_s << u"abc"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("quote") << u"a\"b"_s << u"a\\\"b"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"a\\\\b"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"a\\nb"_s;
    QTest::newRow("backslash n literal") << u"\\n"_s << u"\\\\n"_s;
    QTest::newRow("tab escaped") << u"a\tb"_s << u"a\\tb"_s;
    QTest::newRow("escape sequence") << u"\x1b[1A\x1b[2K"_s << u"\\x1b[1A\\x1b[2K"_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"a\\rb"_s;
    QTest::newRow("c1 and del") << u"\u0085\x7f"_s << u"\\u0085\\x7f"_s;
    QTest::newRow("bidi override") << u"a\u202eb"_s << u"a\\u202eb"_s;
    QTest::newRow("raw byte") << u"a"_s + QChar(0xDCFF) << u"a\\xff"_s;
    QTest::newRow("literal backslash x stays apart") << u"\\x1b"_s << u"\\\\x1b"_s;
    QTest::newRow("unicode untouched") << u"日本\U0001F600"_s << u"日本\U0001F600"_s;
}

void TestGroupingKey::escapeLabelValue()
{
    QFETCH(QString, value);
    QFETCH(QString, escaped);
    QCOMPARE(::escapeLabelValue(value), escaped);
}

void TestGroupingKey::fromLabels_data()
{
    QTest::addColumn<LabelPairs>("labels");
    QTest::addColumn<QString>("canonical"); // toString(), empty: error expected
    QTest::addColumn<QString>("error");     // substring of the message

    QTest::newRow("job only") << LabelPairs{{u"job"_s, u"a"_s}} << u"{job=\"a\"}"_s << QString();
    QTest::newRow("job moved first") << LabelPairs{{u"instance"_s, u"i"_s}, {u"job"_s, u"a"_s}}
                                     << u"{job=\"a\",instance=\"i\"}"_s << QString();
    QTest::newRow("others sorted") << LabelPairs{{u"zone"_s, u"z"_s}, {u"a"_s, u"1"_s}, {u"job"_s, u"j"_s}, {u"b"_s, u""_s}}
                                   << u"{job=\"j\",a=\"1\",b=\"\",zone=\"z\"}"_s << QString();
    QTest::newRow("sorted by code unit") << LabelPairs{{u"job"_s, u"j"_s}, {u"b"_s, u"1"_s}, {u"B"_s, u"2"_s}, {u"_x"_s, u"3"_s}}
                                         << u"{job=\"j\",B=\"2\",_x=\"3\",b=\"1\"}"_s << QString();
    QTest::newRow("empty value kept") << LabelPairs{{u"job"_s, u"a"_s}, {u"instance"_s, u""_s}}
                                      << u"{job=\"a\",instance=\"\"}"_s << QString();
    QTest::newRow("escaped in text") << LabelPairs{{u"job"_s, u"a\"b\\c\nd"_s}}
                                     << u"{job=\"a\\\"b\\\\c\\nd\"}"_s << QString();

    QTest::newRow("no labels") << LabelPairs{} << QString() << u"needs a job"_s;
    QTest::newRow("no job") << LabelPairs{{u"instance"_s, u"x"_s}} << QString() << u"needs a job"_s;
    QTest::newRow("empty job") << LabelPairs{{u"job"_s, u""_s}} << QString() << u"must not be empty"_s;
    // Pushgateway 1.11 takes any UTF-8 name; a listing must not fail on one.
    QTest::newRow("utf-8 name") << LabelPairs{{u"job"_s, u"a"_s}, {u"service.name"_s, u"b"_s}}
                                << u"{job=\"a\",\"service.name\"=\"b\"}"_s << QString();
    QTest::newRow("digit first") << LabelPairs{{u"job"_s, u"a"_s}, {u"1x"_s, u"b"_s}} << u"{job=\"a\",\"1x\"=\"b\"}"_s << QString();
    QTest::newRow("name with lone surrogate") << LabelPairs{{u"job"_s, u"a"_s}, {QString(QChar(0xD800)), u"b"_s}} << QString()
                                              << u"invalid label name"_s;
    QTest::newRow("empty name") << LabelPairs{{u"job"_s, u"a"_s}, {u""_s, u"b"_s}} << QString() << u"empty label name"_s;
    QTest::newRow("reserved") << LabelPairs{{u"job"_s, u"a"_s}, {u"__name__"_s, u"b"_s}} << QString() << u"reserved"_s;
    QTest::newRow("duplicate") << LabelPairs{{u"job"_s, u"a"_s}, {u"x"_s, u"1"_s}, {u"x"_s, u"2"_s}} << QString() << u"duplicate label \"x\""_s;
    QTest::newRow("duplicate job") << LabelPairs{{u"job"_s, u"a"_s}, {u"job"_s, u"b"_s}} << QString() << u"duplicate label \"job\""_s;
    // Found by fuzz_groupingkey: toPath() sent "?" for these, i.e. another group.
    QTest::newRow("lone high surrogate") << LabelPairs{{u"job"_s, u"a"_s}, {u"x"_s, u"b"_s + QChar(0xD800)}} << QString()
                                         << u"label \"x\" is not valid Unicode"_s;
    QTest::newRow("lone low surrogate in job") << LabelPairs{{u"job"_s, QString(QChar(0xDC00)) + u"a"_s}} << QString()
                                               << u"label \"job\" is not valid Unicode"_s;
    QTest::newRow("surrogates swapped") << LabelPairs{{u"job"_s, u"a"_s}, {u"x"_s, QString(QChar(0xDE00)) + QChar(0xD83D)}}
                                        << QString() << u"not valid Unicode"_s;
}

void TestGroupingKey::fromLabels()
{
    QFETCH(LabelPairs, labels);
    QFETCH(QString, canonical);
    QFETCH(QString, error);

    const auto result = GroupingKey::fromLabels(labels);
    if (canonical.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Invalid);
        QVERIFY2(result.errorString().contains(error), qPrintable(result.errorString()));
        return;
    }
    QVERIFY2(result, qPrintable(result.errorString()));
    QCOMPARE(result->toString(), canonical);
    QCOMPARE(result->labels().first().first, u"job"_s);
    QCOMPARE(result->size(), labels.size());
    // Any input order gives the same key.
    LabelPairs reversed(labels.rbegin(), labels.rend());
    QCOMPARE(*GroupingKey::fromLabels(reversed), *result);
}

void TestGroupingKey::accessors()
{
    const GroupingKey invalid;
    QVERIFY(!invalid.isValid());
    QCOMPARE(invalid.size(), 0);
    QCOMPARE(invalid.job(), QString());
    QCOMPARE(invalid.toPath(), QString());

    const GroupingKey k = key(u"{zone=\"eu\", job=\"backup\", instance=\"\"}"_s);
    QVERIFY(k.isValid());
    QCOMPARE(k.job(), u"backup"_s);
    QCOMPARE(k.size(), 3);
    QCOMPARE(k.names(), (QStringList{u"job"_s, u"instance"_s, u"zone"_s}));
    QVERIFY(k.contains(u"instance"));
    QVERIFY(k.value(u"instance").isEmpty());
    QVERIFY(!k.contains(u"host"));
    QVERIFY(k.value(u"host").isEmpty());
    QCOMPARE(k.value(u"zone"), u"eu"_s);

    // Usable as a QVariant (the models put keys into item roles).
    const QVariant v = QVariant::fromValue(k);
    QCOMPARE(v.value<GroupingKey>(), k);
}

void TestGroupingKey::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("minimal") << u"{job=\"a\"}"_s << u"{job=\"a\"}"_s;
    QTest::newRow("spaces everywhere") << u"  { job = \"a\" ,  instance=\"b\"  }  "_s << u"{job=\"a\",instance=\"b\"}"_s;
    QTest::newRow("newlines and tabs") << u"{\n\tjob=\"a\",\n\tinstance=\"b\"\n}"_s << u"{job=\"a\",instance=\"b\"}"_s;
    QTest::newRow("job last") << u"{instance=\"b\",job=\"a\"}"_s << u"{job=\"a\",instance=\"b\"}"_s;
    QTest::newRow("trailing comma") << u"{job=\"a\",}"_s << u"{job=\"a\"}"_s;
    QTest::newRow("without braces") << u"job=\"a\", instance=\"b\""_s << u"{job=\"a\",instance=\"b\"}"_s;
    QTest::newRow("empty value") << u"{job=\"a\",instance=\"\"}"_s << u"{job=\"a\",instance=\"\"}"_s;
    QTest::newRow("escaped quote") << u"{job=\"a\\\"b\"}"_s << u"{job=\"a\\\"b\"}"_s;
    QTest::newRow("escaped backslash") << u"{job=\"a\\\\b\"}"_s << u"{job=\"a\\\\b\"}"_s;
    QTest::newRow("escaped newline") << u"{job=\"a\\nb\"}"_s << u"{job=\"a\\nb\"}"_s;
    QTest::newRow("raw newline becomes escape") << u"{job=\"a\nb\"}"_s << u"{job=\"a\\nb\"}"_s;
    QTest::newRow("comma and brace in value") << u"{job=\"a,b}\",x=\"{=}\"}"_s << u"{job=\"a,b}\",x=\"{=}\"}"_s;
    QTest::newRow("unicode") << u"{job=\"日本\",x=\"\U0001F600\"}"_s << u"{job=\"日本\",x=\"\U0001F600\"}"_s;
    QTest::newRow("slash and percent") << u"{job=\"a/b\",x=\"100%\"}"_s << u"{job=\"a/b\",x=\"100%\"}"_s;
    // PromQL's other strings and Prometheus 3's quoted names.
    QTest::newRow("single quotes") << u"{job='a\"b'}"_s << u"{job=\"a\\\"b\"}"_s;
    QTest::newRow("backticks raw") << u"{job=`a\\nb`}"_s << u"{job=\"a\\\\nb\"}"_s;
    QTest::newRow("go escapes") << u"{job=\"a\\tb\\x2fc\"}"_s << u"{job=\"a\\tb/c\"}"_s; // a tab is written escaped (core/printable.h)
    QTest::newRow("quoted utf-8 name") << u"{job=\"otel\", \"service.name\"=\"checkout\"}"_s
                                       << u"{job=\"otel\",\"service.name\"=\"checkout\"}"_s;
    QTest::newRow("quoted classic name") << u"{\"job\"=\"a\",'instance'=\"b\"}"_s << u"{job=\"a\",instance=\"b\"}"_s;
    QTest::newRow("unicode name") << u"{job=\"a\",\"\u65e5\u672c\"=\"x\"}"_s << u"{job=\"a\",\"\u65e5\u672c\"=\"x\"}"_s;
}

void TestGroupingKey::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto result = GroupingKey::parse(text);
    QVERIFY2(result, qPrintable(result.errorString()));
    QCOMPARE(result->toString(), canonical);
    // The canonical text parses to the same key.
    QCOMPARE(*GroupingKey::parse(canonical), *result);
}

void TestGroupingKey::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // substring

    QTest::newRow("empty") << QString() << 1 << u"needs a job"_s;
    QTest::newRow("empty braces") << u"{}"_s << 1 << u"needs a job"_s;
    QTest::newRow("no job") << u"{instance=\"x\"}"_s << 1 << u"needs a job"_s;
    QTest::newRow("empty job") << u"{job=\"\"}"_s << 6 << u"must not be empty"_s;
    QTest::newRow("unterminated brace") << u"{job=\"a\""_s << 9 << u"missing closing \"}\""_s;
    QTest::newRow("unterminated brace after comma") << u"{job=\"a\","_s << 10 << u"missing closing"_s;
    QTest::newRow("stray closing brace") << u"job=\"a\"}"_s << 8 << u"expected \",\""_s;
    QTest::newRow("text after brace") << u"{job=\"a\"} x"_s << 11 << u"after the closing"_s;
    QTest::newRow("unterminated value") << u"{job=\"abc}"_s << 6 << u"unterminated"_s;
    QTest::newRow("backslash at end") << u"{job=\"abc\\"_s << 6 << u"unterminated"_s;
    QTest::newRow("missing equals") << u"{job \"a\"}"_s << 6 << u"expected \"=\" after label name \"job\""_s;
    QTest::newRow("not equal") << u"{job!=\"a\"}"_s << 5 << u"not \"!=\""_s;
    QTest::newRow("regex") << u"{job=~\"a\"}"_s << 5 << u"not \"=~\""_s;
    QTest::newRow("unquoted") << u"{job=a}"_s << 6 << u"quoted value"_s;
    QTest::newRow("bad escape d") << u"{job=\"a\\db\"}"_s << 8 << u"invalid escape sequence \"\\d\""_s;
    QTest::newRow("quoted metric name") << u"{\"up\",job=\"a\"}"_s << 2 << u"metric name"_s;
    QTest::newRow("bad escape space") << u"{job=\"a\\ b\"}"_s << 8 << u"invalid escape"_s;
    QTest::newRow("bad escape slash") << u"{job=\"a\\/\"}"_s << 8 << u"invalid escape"_s;
    QTest::newRow("missing comma") << u"{job=\"a\" x=\"b\"}"_s << 10 << u"expected \",\" or \"}\""_s;
    QTest::newRow("double comma") << u"{job=\"a\",,x=\"b\"}"_s << 10 << u"expected a label name"_s;
    QTest::newRow("leading comma") << u"{,job=\"a\"}"_s << 2 << u"expected a label name"_s;
    QTest::newRow("digit name") << u"{job=\"a\",1x=\"b\"}"_s << 10 << u"expected a label name"_s;
    QTest::newRow("dash in name") << u"{job=\"a\",a-b=\"b\"}"_s << 11 << u"after label name \"a\""_s;
    QTest::newRow("reserved") << u"{job=\"a\", __name__=\"b\"}"_s << 11 << u"reserved"_s;
    QTest::newRow("duplicate") << u"{job=\"a\",x=\"1\",x=\"2\"}"_s << 16 << u"duplicate label \"x\""_s;
    QTest::newRow("duplicate job") << u"{job=\"a\",job=\"b\"}"_s << 10 << u"duplicate label \"job\""_s;
    QTest::newRow("metric name prefix") << u"up{job=\"a\"}"_s << 3 << u"after label name \"up\""_s;
    // Columns count characters, not UTF-16 units: the emoji is one column.
    QTest::newRow("column after emoji") << u"{job=\"\U0001F600\" x=\"b\"}"_s << 10 << u"expected \",\""_s;
    QTest::newRow("column after cjk") << u"{job=\"日本\",x=\"\\q\"}"_s << 14 << u"invalid escape"_s;
    QTest::newRow("lone surrogate") << u"{job=\"a\",x=\"b"_s + QChar(0xDC00) + u"\"}"_s << 12 << u"label \"x\" is not valid Unicode"_s;
}

void TestGroupingKey::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto result = GroupingKey::parse(text);
    QVERIFY2(!result, qPrintable(result ? result->toString() : QString()));
    QCOMPARE(result.error().kind, Error::Parse);
    QCOMPARE(result.error().column, column);
    QVERIFY2(result.errorString().startsWith(u"column %1: "_s.arg(column)), qPrintable(result.errorString()));
    QVERIFY2(result.errorString().contains(message), qPrintable(result.errorString()));
}

void TestGroupingKey::toPath_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("path");

    QTest::newRow("plain job") << u"{job=\"backup\"}"_s << u"metrics/job/backup"_s;
    QTest::newRow("plain labels sorted") << u"{zone=\"eu-1\",job=\"b\",instance=\"db.1\"}"_s
                                         << u"metrics/job/b/instance/db.1/zone/eu-1"_s;
    QTest::newRow("all plain chars") << u"{job=\"aZ09._~-\"}"_s << u"metrics/job/aZ09._~-"_s;
    QTest::newRow("three dots plain") << u"{job=\"...\"}"_s << u"metrics/job/..."_s;
    QTest::newRow("empty value") << u"{job=\"a\",instance=\"\"}"_s << u"metrics/job/a/instance@base64/="_s;
    QTest::newRow("slash") << u"{job=\"a/b\"}"_s << u"metrics/job@base64/YS9i"_s;
    QTest::newRow("padding 2") << u"{job=\"a\",instance=\"db-1\"}"_s << u"metrics/job/a/instance/db-1"_s;
    QTest::newRow("padding in b64") << u"{job=\"a\",x=\"db 1\"}"_s << u"metrics/job/a/x@base64/ZGIgMQ=="_s;
    QTest::newRow("dot") << u"{job=\"a\",x=\".\"}"_s << u"metrics/job/a/x@base64/Lg=="_s;
    QTest::newRow("dot dot") << u"{job=\"..\"}"_s << u"metrics/job@base64/Li4="_s;
    QTest::newRow("at") << u"{job=\"a\",x=\"@\"}"_s << u"metrics/job/a/x@base64/QA=="_s;
    QTest::newRow("percent") << u"{job=\"a\",x=\"%\"}"_s << u"metrics/job/a/x@base64/JQ=="_s;
    QTest::newRow("equals") << u"{job=\"a\",x=\"=\"}"_s << u"metrics/job/a/x@base64/PQ=="_s;
    // base64url, not base64: 0xfb 0xff would be "+/8=" in the standard alphabet.
    QTest::newRow("url alphabet") << u"{job=\"a\",x=\"\u00fb\u00ff\"}"_s << u"metrics/job/a/x@base64/w7vDvw=="_s;
    QTest::newRow("url alphabet dash underscore") << u"{job=\"a\",x=\"\xff\xfe\"}"_s << u"metrics/job/a/x@base64/w7_Dvg=="_s;
    QTest::newRow("utf8") << u"{job=\"é\"}"_s << u"metrics/job@base64/w6k="_s;
}

void TestGroupingKey::toPath()
{
    QFETCH(QString, key);
    QFETCH(QString, path);
    const GroupingKey k = ::key(key);
    QCOMPARE(k.toPath(), path);
    // Appending to a base URL must not re-encode or normalize anything.
    const QUrl url(u"http://127.0.0.1:9091/prefix/"_s + k.toPath());
    QVERIFY(url.isValid());
    QCOMPARE(url.path(QUrl::FullyEncoded), u"/prefix/"_s + path);
}

void TestGroupingKey::fromPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");

    QTest::newRow("plain") << u"/metrics/job/a"_s << u"{job=\"a\"}"_s;
    QTest::newRow("no leading slash") << u"metrics/job/a/instance/b"_s << u"{job=\"a\",instance=\"b\"}"_s;
    QTest::newRow("trailing slash after job") << u"/metrics/job/a/"_s << u"{job=\"a\"}"_s;
    QTest::newRow("header example") << u"/metrics/job/a/instance@base64/ZGItMQ=="_s << u"{job=\"a\",instance=\"db-1\"}"_s;
    QTest::newRow("unpadded base64") << u"/metrics/job/a/instance@base64/ZGItMQ"_s << u"{job=\"a\",instance=\"db-1\"}"_s;
    QTest::newRow("one pad of two") << u"/metrics/job/a/instance@base64/ZGItMQ="_s << u"{job=\"a\",instance=\"db-1\"}"_s;
    QTest::newRow("extra padding") << u"/metrics/job/a/instance@base64/ZGItMQ===="_s << u"{job=\"a\",instance=\"db-1\"}"_s;
    QTest::newRow("equals is empty") << u"/metrics/job/a/instance@base64/="_s << u"{job=\"a\",instance=\"\"}"_s;
    QTest::newRow("empty base64 segment") << u"/metrics/job/a/instance@base64/"_s << u"{job=\"a\",instance=\"\"}"_s;
    QTest::newRow("empty plain value") << u"/metrics/job/a/instance/"_s << u"{job=\"a\",instance=\"\"}"_s;
    QTest::newRow("job base64") << u"/metrics/job@base64/YS9i/x/y"_s << u"{job=\"a/b\",x=\"y\"}"_s;
    QTest::newRow("labels reordered") << u"/metrics/job/a/z/1/b/2"_s << u"{job=\"a\",b=\"2\",z=\"1\"}"_s;
    QTest::newRow("percent decoded") << u"/metrics/job/a%20b/x/%C3%A9%2F"_s << u"{job=\"a b\",x=\"é/\"}"_s;
    QTest::newRow("percent in base64") << u"/metrics/job/a/x@base64/PQ%3D%3D"_s << u"{job=\"a\",x=\"=\"}"_s;
    QTest::newRow("route prefix") << u"/pushgateway/metrics/job/a/x/1"_s << u"{job=\"a\",x=\"1\"}"_s;
    QTest::newRow("deep route prefix") << u"/a/b/c/metrics/job/a"_s << u"{job=\"a\"}"_s;
    QTest::newRow("prefix looks like job") << u"/job/metrics/job/a"_s << u"{job=\"a\"}"_s;
    QTest::newRow("values look like the route") << u"/metrics/job/metrics/x/job"_s << u"{job=\"metrics\",x=\"job\"}"_s;
    QTest::newRow("full url") << u"http://127.0.0.1:9091/pg/metrics/job/a/i@base64/w6k=?x=1#f"_s << u"{job=\"a\",i=\"é\"}"_s;
    QTest::newRow("utf8 raw") << u"/metrics/job/日本"_s << u"{job=\"日本\"}"_s;
}

void TestGroupingKey::fromPath()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    const auto result = GroupingKey::fromPath(path);
    QVERIFY2(result, qPrintable(result.errorString()));
    QCOMPARE(result->toString(), ::key(key).toString());
}

void TestGroupingKey::fromPathErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << u"no \"metrics/job/\""_s;
    QTest::newRow("no metrics") << u"/job/a"_s << u"no \"metrics/job/\""_s;
    QTest::newRow("no job") << u"/metrics/instance/a"_s << u"no \"metrics/job/\""_s;
    QTest::newRow("metrics only") << u"/metrics"_s << u"no \"metrics/job/\""_s;
    QTest::newRow("job without value") << u"/metrics/job"_s << u"odd number"_s;
    QTest::newRow("empty job") << u"/metrics/job//x/y"_s << u"must not be empty"_s;
    QTest::newRow("empty job base64") << u"/metrics/job@base64/=/x/y"_s << u"must not be empty"_s;
    QTest::newRow("odd segments") << u"/metrics/job/a/instance"_s << u"odd number"_s;
    QTest::newRow("trailing slash after label") << u"/metrics/job/a/x/y/"_s << u"odd number"_s;
    QTest::newRow("empty label name") << u"/metrics/job/a//y"_s << u"empty label name"_s;
    QTest::newRow("reserved label") << u"/metrics/job/a/__x/y"_s << u"reserved"_s;
    QTest::newRow("duplicate label") << u"/metrics/job/a/x/1/x/2"_s << u"duplicate label \"x\""_s;
    QTest::newRow("job twice") << u"/metrics/job/metrics/job/job"_s << u"duplicate label \"job\""_s;
    QTest::newRow("job twice base64") << u"/metrics/job/a/job@base64/Yg"_s << u"duplicate label \"job\""_s;
    QTest::newRow("standard base64 plus") << u"/metrics/job/a/x@base64/+/8="_s << u"odd number"_s;
    QTest::newRow("plus") << u"/metrics/job/a/x@base64/-+8="_s << u"invalid base64url"_s;
    QTest::newRow("bad base64 char") << u"/metrics/job/a/x@base64/a!b="_s << u"invalid base64url"_s;
    QTest::newRow("bad base64 length") << u"/metrics/job/a/x@base64/abcde"_s << u"invalid base64url"_s;
    QTest::newRow("padding inside") << u"/metrics/job/a/x@base64/ab=c"_s << u"invalid base64url"_s;
}

void TestGroupingKey::fromPathErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const auto result = GroupingKey::fromPath(path);
    QVERIFY2(!result, qPrintable(result ? result->toString() : QString()));
    QCOMPARE(result.error().kind, Error::Invalid);
    QVERIFY2(result.errorString().contains(message), qPrintable(result.errorString()));
}

void TestGroupingKey::roundTrip_data()
{
    QTest::addColumn<GroupingKey>("key");
    const QStringList values = trickyValues();
    for (const QString &v : values) {
        const QByteArray tag = QUrl::toPercentEncoding(v);
        if (!v.isEmpty())
            QTest::newRow(QByteArray("job=" + tag).constData()) << *GroupingKey::fromLabels({{u"job"_s, v}});
        QTest::newRow(QByteArray("instance=" + tag).constData()) << *GroupingKey::fromLabels({{u"job"_s, u"j"_s}, {u"instance"_s, v}});
    }
    // All of them in one key.
    LabelPairs all{{u"job"_s, u"a/b=c@d%e f"_s}};
    for (int i = 0; i < values.size(); ++i)
        all.append({u"l%1"_s.arg(i), values[i]});
    QTest::newRow("everything at once") << *GroupingKey::fromLabels(all);
}

void TestGroupingKey::roundTrip()
{
    QFETCH(GroupingKey, key);
    QVERIFY(key.isValid());

    const auto fromText = GroupingKey::parse(key.toString());
    QVERIFY2(fromText, qPrintable(fromText.errorString()));
    QCOMPARE(*fromText, key);
    // What people see of a key never carries a control character, a raw
    // byte or an invisible one: it cannot rewrite a preview.
    QVERIFY2(isPrintable(key.toString()), qPrintable(key.toString()));

    const QString path = key.toPath();
    QVERIFY(!path.startsWith(u'/'));
    // Nothing in a path needs percent-encoding, so no URL layer can alter it.
    for (QChar c : path)
        QVERIFY2((c.isLetterOrNumber() && c.unicode() < 128) || QStringView(u"/@._~-=").contains(c), qPrintable(path));
    // Every label is one name/value pair of segments.
    QCOMPARE(path.count(u'/'), 2 * key.size());

    for (const QString &prefix : {QString(), u"/"_s, u"/route/prefix/"_s, u"http://h:1/"_s}) {
        const auto fromPath = GroupingKey::fromPath(QString(prefix + path));
        QVERIFY2(fromPath, qPrintable(fromPath.errorString()));
        QCOMPARE(*fromPath, key);
    }
    // Unpadded base64 (what the gateway's own UI sends) decodes the same.
    QString unpadded = path;
    unpadded.replace(QRegularExpression(u"=+(/|$)"_s), u"\\1"_s);
    QCOMPARE(*GroupingKey::fromPath(unpadded), key);
}

void TestGroupingKey::randomRoundTrip()
{
    // A fixed seed keeps failures reproducible.
    QRandomGenerator rng(20240611);
    const QStringList atoms{u"a"_s, u"Z"_s, u"0"_s, u"."_s, u"-"_s, u"_"_s, u"~"_s, u"/"_s, u"="_s, u"@"_s, u"%"_s,
                            u" "_s, u"\""_s, u"\\"_s, u"\n"_s, u"é"_s, u"日"_s, u"\U0001F600"_s, u"?"_s, u"#"_s, u"+"_s,
                            u"\x1b"_s, u"\t"_s, u"\u202e"_s, u"x"_s, QString(QChar(0xDCFF)), QString(QChar(0xDCC3))};
    const QStringList names{u"instance"_s, u"a"_s, u"zone"_s, u"B"_s, u"_x"_s, u"env"_s};
    for (int round = 0; round < 2000; ++round) {
        auto randomValue = [&](bool nonEmpty) {
            QString v;
            const int len = int(rng.bounded(nonEmpty ? 1 : 0, 6));
            for (int i = 0; i < len; ++i)
                v += atoms[int(rng.bounded(qsizetype(atoms.size())))];
            return v;
        };
        LabelPairs labels{{u"job"_s, randomValue(true)}};
        for (const QString &name : names) {
            if (rng.bounded(3) == 0)
                labels.append({name, randomValue(false)});
        }
        const auto k = GroupingKey::fromLabels(labels);
        QVERIFY(k);
        const auto viaText = GroupingKey::parse(k->toString());
        QVERIFY2(viaText && *viaText == *k, qPrintable(k->toString()));
        const auto viaPath = GroupingKey::fromPath(k->toPath());
        QVERIFY2(viaPath && *viaPath == *k, qPrintable(k->toString() + u" via "_s + k->toPath()));
    }
}

void TestGroupingKey::rawBytesAreAddressedExactly()
{
    // The gateway keeps a group whose key is not UTF-8; such a key must be
    // readable from a path, shown, typed back and sent as the same bytes.
    for (const QString &path : {u"/metrics/job/a/x@base64/_w=="_s, u"/metrics/job/a/x/%FF"_s, u"/metrics/job/a/x@base64/_w"_s}) {
        const auto key = GroupingKey::fromPath(path);
        QVERIFY2(key, qPrintable(key.errorString()));
        QCOMPARE(key->value(u"x"), QString(QChar(0xDCFF)));
        QCOMPARE(key->toString(), u"{job=\"a\",x=\"\\xff\"}"_s);
        QCOMPARE(key->toPath(), u"metrics/job/a/x@base64/_w=="_s);
        QCOMPARE(*GroupingKey::parse(key->toString()), *key);
        // U+FFFD, what the JSON shows, is another key.
        QVERIFY(*key != *GroupingKey::fromLabels({{u"job"_s, u"a"_s}, {u"x"_s, QString(QChar::ReplacementCharacter)}}));
    }
    // Bytes that are UTF-8 are that text, however they were written.
    QCOMPARE(*GroupingKey::parse(u"{job=\"\\xc3\\xbc\"}"_s), *GroupingKey::fromLabels({{u"job"_s, u"ü"_s}}));
    QCOMPARE(GroupingKey::fromPath(u"/metrics/job/%C3%BC"_s)->job(), u"ü"_s);
    // Other unpaired surrogates are still no text.
    QVERIFY(!GroupingKey::fromLabels({{u"job"_s, QString(QChar(0xD800))}}));
    QVERIFY(!GroupingKey::fromLabels({{u"job"_s, QString(QChar(0xDC10))}}));
}

void TestGroupingKey::escapesParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("tab") << u"{job=\"a\\tb\"}"_s << u"a\tb"_s;
    QTest::newRow("cr") << u"{job=\"a\\rb\"}"_s << u"a\rb"_s;
    QTest::newRow("esc") << u"{job=\"\\x1b[1A\"}"_s << u"\x1b[1A"_s;
    QTest::newRow("upper hex") << u"{job=\"\\x1B\"}"_s << u"\x1b"_s;
    QTest::newRow("u escape") << u"{job=\"\\u202e\"}"_s << u"\u202e"_s;
    QTest::newRow("U escape") << u"{job=\"\\U0001F600\"}"_s << u"\U0001F600"_s;
    QTest::newRow("raw byte") << u"{job=\"\\xff\"}"_s << QString(QChar(0xDCFF));
}

void TestGroupingKey::escapesParse()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    const auto key = GroupingKey::parse(text);
    QVERIFY2(key, qPrintable(key.errorString()));
    QCOMPARE(key->job(), value);
}

void TestGroupingKey::emptyValueKeepsKeysDistinct()
{
    const GroupingKey bare = key(u"{job=\"a\"}"_s);
    const GroupingKey withEmpty = key(u"{job=\"a\",instance=\"\"}"_s);

    QVERIFY(bare != withEmpty);
    QCOMPARE(bare.size(), 1);
    QCOMPARE(withEmpty.size(), 2);
    QVERIFY(bare.toString() != withEmpty.toString());
    QVERIFY(bare.toPath() != withEmpty.toPath());
    QCOMPARE(withEmpty.toPath(), u"metrics/job/a/instance@base64/="_s);
    QCOMPARE(*GroupingKey::fromPath(bare.toPath()), bare);
    QCOMPARE(*GroupingKey::fromPath(withEmpty.toPath()), withEmpty);

    QVERIFY(qHash(bare) != qHash(withEmpty));
    QSet<GroupingKey> set{bare, withEmpty, key(u"{instance=\"\", job=\"a\"}"_s)};
    QCOMPARE(set.size(), 2);

    QVERIFY(bare < withEmpty || withEmpty < bare);
    QVERIFY(!(bare < withEmpty && withEmpty < bare));

    // ... but they collide on the gateway.
    QCOMPARE(withEmpty.collisionKey(), bare.collisionKey());
}

void TestGroupingKey::collisionKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("collision");
    QTest::newRow("nothing empty") << u"{job=\"a\",x=\"1\"}"_s << u"{job=\"a\",x=\"1\"}"_s;
    QTest::newRow("one empty") << u"{job=\"a\",x=\"\"}"_s << u"{job=\"a\"}"_s;
    QTest::newRow("several empty") << u"{job=\"a\",b=\"\",c=\"1\",d=\"\"}"_s << u"{job=\"a\",c=\"1\"}"_s;
    QTest::newRow("whitespace is not empty") << u"{job=\"a\",x=\" \"}"_s << u"{job=\"a\",x=\" \"}"_s;
}

void TestGroupingKey::collisionKey()
{
    QFETCH(QString, key);
    QFETCH(QString, collision);
    const GroupingKey c = ::key(key).collisionKey();
    QVERIFY(c.isValid());
    QCOMPARE(c.toString(), collision);
    QCOMPARE(c, ::key(collision));
    QCOMPARE(c.collisionKey(), c);
}

void TestGroupingKey::ordering()
{
    // Sorting keys groups them by job first (job is always the first pair).
    QList<GroupingKey> keys{
        key(u"{job=\"b\"}"_s),
        key(u"{job=\"a\",instance=\"y\"}"_s),
        key(u"{job=\"a\",instance=\"\"}"_s),
        key(u"{job=\"a\"}"_s),
        key(u"{job=\"a\",instance=\"x\"}"_s),
        key(u"{job=\"a\",zone=\"1\"}"_s),
    };
    std::sort(keys.begin(), keys.end());
    QStringList texts;
    for (const auto &k : keys)
        texts.append(k.toString());
    QCOMPARE(texts, (QStringList{
                        u"{job=\"a\"}"_s,
                        u"{job=\"a\",instance=\"\"}"_s,
                        u"{job=\"a\",instance=\"x\"}"_s,
                        u"{job=\"a\",instance=\"y\"}"_s,
                        u"{job=\"a\",zone=\"1\"}"_s,
                        u"{job=\"b\"}"_s,
                    }));
    for (qsizetype i = 0; i + 1 < keys.size(); ++i) {
        QVERIFY(keys[i] < keys[i + 1]);
        QVERIFY(!(keys[i + 1] < keys[i]));
    }
}

void TestGroupingKey::utf8PathNames_data()
{
    // What prometheus/common model.EscapeName(name, ValueEncodingEscaping)
    // gives (and the Pushgateway README's U__ example), except that a
    // classic name starting with U__ is escaped too.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("classic") << u"instance"_s << u"instance"_s;
    QTest::newRow("dotted") << u"dotted.label.name"_s << u"U__dotted_2e_label_2e_name"_s;
    QTest::newRow("underscores doubled") << u"a_b.c"_s << u"U__a__b_2e_c"_s;
    QTest::newRow("digit first") << u"1x"_s << u"U___31_x"_s;
    // The README writes U___55_____ (the U as _55_), upstream's algorithm
    // keeps the letter; the gateway decodes both to U__ (checked below).
    QTest::newRow("U__ prefix") << u"U__"_s << u"U__U____"_s;
    QTest::newRow("U__ prefix classic") << u"U__x"_s << u"U__U____x"_s;
    QTest::newRow("emoji") << u"\U0001F60A"_s << u"U___1f60a_"_s;
    QTest::newRow("slash and space") << u"a/b c"_s << u"U__a_2f_b_20_c"_s;
    QTest::newRow("colon") << u"a:b"_s << u"U__a_3a_b"_s;
    QTest::newRow("dot only (not a . path segment)") << u"."_s << u"U___2e_"_s;
}

void TestGroupingKey::utf8PathNames()
{
    QFETCH(QString, name);
    QFETCH(QString, escaped);
    QCOMPARE(GroupingKey::escapePathLabelName(name), escaped);
    QCOMPARE(GroupingKey::unescapePathLabelName(escaped), std::optional<QString>(name));
    // In a key: the path decodes back to the key, and says whether it
    // depends on the gateway's mode.
    const GroupingKey k = key(QString(u"{job=\"j\","_s + promqlLabelName(name) + u"=\"v\"}"_s));
    const QString path = k.toPath(GroupingKey::PathNames::Utf8Escaped);
    QVERIFY2(path.contains(u'/' + escaped + u"/v"_s), qPrintable(path));
    QCOMPARE(*GroupingKey::fromPath(path, GroupingKey::PathNames::Utf8Escaped), k);
    QCOMPARE(k.pathDependsOnNameEscaping(), escaped != name);
    QCOMPARE(k.hasUtf8Names(), !isValidLabelName(name));
    // Plain: classic names as they are, others percent-encoded so the path
    // keeps its segments (a/b c must not become two), and reads back.
    const QString plain = k.toPath(GroupingKey::PathNames::Plain);
    QCOMPARE(plain, u"metrics/job/j/"_s + (k.hasUtf8Names() ? QString::fromLatin1(QUrl::toPercentEncoding(name, {}, ".")) : name) + u"/v"_s);
    QCOMPARE(plain.count(u'/'), 4);
    QCOMPARE(*GroupingKey::fromPath(plain), k);
    QCOMPARE(GroupingKey::unescapePathLabelName(u"U___55_____"), std::optional<QString>(u"U__"_s));
    QVERIFY(!GroupingKey::unescapePathLabelName(u"U__in_xxx_valid"));
    QVERIFY(!GroupingKey::unescapePathLabelName(u"U__a_d800_"));
    QVERIFY(!GroupingKey::unescapePathLabelName(u"U__a_1234567_"));
}

// Found by fuzz_groupingkey: the UTF-8 decoder skipped a leading U+FEFF,
// so {job="\uFEFFx"} came back from its path as {job="x"}.
void TestGroupingKey::leadingBomSurvivesPath()
{
    const GroupingKey k = key(QString(u"{job=\"\uFEFFx\",instance=\"\uFEFF\"}"_s));
    QCOMPARE(k.job(), u"\uFEFFx"_s);
    QCOMPARE(*GroupingKey::fromPath(k.toPath()), k);
}

void TestGroupingKey::upstreamUtf8Paths_data()
{
    // The paths of pushgateway's handler_test.go TestPushUTF8/TestDeleteUTF8
    // and TestSplitLabelsUTF8 (commit 412bd22b127962a4da9ee024f702c85213d915ec),
    // with the labels the gateway reads from them.
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::newRow("TestPushUTF8 plain") << u"/metrics/job/testjob/instance/testinstance/U__dotted_2e_label_2e_name/mylabelvalue"_s
                                        << u"{job=\"testjob\",\"dotted.label.name\"=\"mylabelvalue\",instance=\"testinstance\"}"_s;
    QTest::newRow("TestPushUTF8 base64")
        << u"/metrics/job@base64/dGVzdC9qb2I=/instance@base64/dGVzdGluc3RhbmNl/U__dotted_2e_label_2e_name@base64/bXlsYWJlbHZhbHVl"_s
        << u"{job=\"test/job\",\"dotted.label.name\"=\"mylabelvalue\",instance=\"testinstance\"}"_s;
    QTest::newRow("TestSplitLabelsUTF8 slash")
        << u"/metrics/job/j/label_name1@base64/bGFiZWwvdmFsdWUx/U__label_2e_name2@base64/bGFiZWwvdmFsdWUy"_s
        << u"{job=\"j\",\"label.name2\"=\"label/value2\",label_name1=\"label/value1\"}"_s;
    // UnescapeName leaves text that is no valid escape as it is.
    QTest::newRow("invalid escape kept") << u"/metrics/job/j/U__in_xxx_valid/v"_s << u"{job=\"j\",U__in_xxx_valid=\"v\"}"_s;
}

void TestGroupingKey::upstreamUtf8Paths()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    const auto parsed = GroupingKey::fromPath(path, GroupingKey::PathNames::Utf8Escaped);
    QVERIFY2(parsed, qPrintable(parsed.errorString()));
    QCOMPARE(parsed->toString(), ::key(key).toString());
    QCOMPARE(*parsed, ::key(key));
}

QTEST_GUILESS_MAIN(TestGroupingKey)
#include "tst_groupingkey.moc"
