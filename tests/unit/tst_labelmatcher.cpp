// LabelMatcher: PromQL-style selectors over grouping keys — parsing, error
// columns, anchored regexes, the absent-label-is-empty rule, canonical text.

#include "core/labelmatcher.h"
#include "builders.h"

#include <QTest>
#include <QUrl>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::key;

class TestLabelMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void terms();
    void parseErrors_data();
    void parseErrors();
    void matches_data();
    void matches();
    void matchesLabelPairs();
    void emptyMatchesEverything();
    void toStringRoundTrip_data();
    void toStringRoundTrip();
    void prometheusRefuses_data();
    void prometheusRefuses();
    void dialects_data();
    void dialects();
    void quotedNames();
    void withDialect();
    void promqlStrings_data();
    void promqlStrings();
    void dialectForVersion();
};

void TestLabelMatcher::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("termCount");

    QTest::newRow("empty") << QString() << u"{}"_s << 0;
    QTest::newRow("whitespace") << u"   "_s << u"{}"_s << 0;
    QTest::newRow("empty braces") << u"{}"_s << u"{}"_s << 0;
    QTest::newRow("spaced braces") << u" { \n } "_s << u"{}"_s << 0;
    QTest::newRow("equal") << u"{a=\"x\"}"_s << u"{a=\"x\"}"_s << 1;
    QTest::newRow("all ops") << u"{a=\"x\",b!=\"\",c=~\"re\",d!~\"re\"}"_s << u"{a=\"x\",b!=\"\",c=~\"re\",d!~\"re\"}"_s << 4;
    QTest::newRow("no braces") << u"a=\"x\", b!=\"\""_s << u"{a=\"x\",b!=\"\"}"_s << 2;
    QTest::newRow("whitespace around ops") << u"{ a = \"x\" , b != \"y\" , c =~ \"z\" , d !~ \"w\" }"_s
                                           << u"{a=\"x\",b!=\"y\",c=~\"z\",d!~\"w\"}"_s << 4;
    QTest::newRow("trailing comma") << u"{job=~\"batch-.*\",}"_s << u"{job=~\"batch-.*\"}"_s << 1;
    QTest::newRow("trailing comma no braces") << u"job=\"a\","_s << u"{job=\"a\"}"_s << 1;
    QTest::newRow("order kept") << u"{z=\"1\",a=\"2\"}"_s << u"{z=\"1\",a=\"2\"}"_s << 2;
    QTest::newRow("same label twice") << u"{job=~\"a.*\",job!=\"ab\"}"_s << u"{job=~\"a.*\",job!=\"ab\"}"_s << 2;
    QTest::newRow("escapes") << u"{a=\"q\\\"b\\\\n\\n\"}"_s << u"{a=\"q\\\"b\\\\n\\n\"}"_s << 1;
    QTest::newRow("regex escape") << u"{a=~\"x\\\\.y\"}"_s << u"{a=~\"x\\\\.y\"}"_s << 1;
    QTest::newRow("reserved names allowed") << u"{__gateway__=\"a\"}"_s << u"{__gateway__=\"a\"}"_s << 1;
    // PromQL's other string forms, written back double-quoted.
    QTest::newRow("single quoted") << u"{a='x\"y'}"_s << u"{a=\"x\\\"y\"}"_s << 1;
    QTest::newRow("backtick raw") << u"{a=~`x\\.y`}"_s << u"{a=~\"x\\\\.y\"}"_s << 1;
    QTest::newRow("go escapes") << u"{a=\"\\t\\x41\\u00e9\\101\"}"_s << u"{a=\"\\tA\u00e9A\"}"_s << 1; // a tab is written escaped
    QTest::newRow("quoted name") << u"{\"service.name\"=\"x\"}"_s << u"{\"service.name\"=\"x\"}"_s << 1;
    QTest::newRow("quoted classic name") << u"{\"job\"=\"x\"}"_s << u"{job=\"x\"}"_s << 1;
    QTest::newRow("unicode") << u"{a=\"日本\U0001F600\"}"_s << u"{a=\"日本\U0001F600\"}"_s << 1;
}

void TestLabelMatcher::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(int, termCount);
    const auto m = LabelMatcher::parse(text);
    QVERIFY2(m, qPrintable(m.errorString()));
    QCOMPARE(m->terms().size(), termCount);
    QCOMPARE(m->isEmpty(), termCount == 0);
    QCOMPARE(m->toString(), canonical);
}

void TestLabelMatcher::terms()
{
    const auto m = LabelMatcher::parse(u"{a=\"x\",b!=\"\",c=~\"r.*\",d!~\"s\\\\d\"}");
    QVERIFY(m);
    const auto &t = m->terms();
    QCOMPARE(t.size(), 4);
    QCOMPARE(t[0].name, u"a"_s);
    QCOMPARE(t[0].op, LabelMatcher::Op::Equal);
    QCOMPARE(t[0].value, u"x"_s);
    QCOMPARE(t[1].op, LabelMatcher::Op::NotEqual);
    QCOMPARE(t[1].value, QString());
    QCOMPARE(t[2].op, LabelMatcher::Op::RegexMatch);
    QCOMPARE(t[2].value, u"r.*"_s);
    QVERIFY(t[2].regex);
    QVERIFY(!t[0].regex);
    QCOMPARE(t[3].op, LabelMatcher::Op::RegexNoMatch);
    QCOMPARE(t[3].value, u"s\\d"_s); // unescaped once, as PromQL does
}

void TestLabelMatcher::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("missing brace") << u"{a=\"x\""_s << 7 << u"missing closing \"}\""_s;
    QTest::newRow("only open brace") << u"{"_s << 2 << u"missing closing"_s;
    QTest::newRow("stray close") << u"}"_s << 1 << u"expected a label name"_s;
    QTest::newRow("text after") << u"{a=\"x\"}b"_s << 8 << u"after the closing"_s;
    QTest::newRow("no op") << u"{a \"x\"}"_s << 4 << u"expected \"=\", \"!=\", \"=~\" or \"!~\" after label name \"a\""_s;
    QTest::newRow("double equals") << u"{a==\"x\"}"_s << 4 << u"quoted value"_s;
    QTest::newRow("bang alone") << u"{a!\"x\"}"_s << 3 << u"expected \"=\""_s;
    QTest::newRow("unquoted") << u"{a=x}"_s << 4 << u"quoted value"_s;
    QTest::newRow("escaped single quote in double quotes") << u"{a=\"\\'\"}"_s << 5 << u"invalid escape sequence"_s;
    QTest::newRow("raw newline") << u"{a=\"x\ny\"}"_s << 4 << u"unterminated"_s;
    QTest::newRow("no-break space") << u"{\u00a0a=\"x\"}"_s << 2 << u"expected a label name"_s;
    QTest::newRow("metric name in braces") << u"{\"up\"}"_s << 2 << u"metric name"_s;
    QTest::newRow("empty quoted name") << u"{\"\"=\"x\"}"_s << 2 << u"empty label name"_s;
    QTest::newRow("__name__") << u"{__name__=\"up\"}"_s << 2 << u"__name__ is the metric name"_s;
    QTest::newRow("bad unicode escape") << u"{a=\"\\ud800\"}"_s << 5 << u"invalid Unicode code point"_s;
    QTest::newRow("byte escape not utf-8") << u"{a=\"\\xff\"}"_s << 4 << u"not valid UTF-8"_s;
    QTest::newRow("unterminated") << u"{a=\"x}"_s << 4 << u"unterminated value of label \"a\""_s;
    QTest::newRow("bad escape") << u"{a=~\"x\\.y\"}"_s << 7 << u"invalid escape sequence \"\\.\""_s;
    QTest::newRow("bad escape d") << u"{a=~\"\\d+\"}"_s << 6 << u"invalid escape"_s;
    QTest::newRow("missing comma") << u"{a=\"x\" b=\"y\"}"_s << 8 << u"expected \",\" or \"}\""_s;
    QTest::newRow("missing comma no braces") << u"a=\"x\" b=\"y\""_s << 7 << u"expected \",\", found \"b\""_s;
    QTest::newRow("empty term") << u"{a=\"x\",,}"_s << 8 << u"expected a label name"_s;
    QTest::newRow("only comma") << u"{,}"_s << 2 << u"expected a label name"_s;
    QTest::newRow("bad name") << u"{a=\"x\", 9=\"y\"}"_s << 9 << u"expected a label name, found \"9\""_s;
    QTest::newRow("metric name") << u"up{a=\"x\"}"_s << 3 << u"after label name \"up\""_s;
    QTest::newRow("invalid regex") << u"{a=\"x\", b=~\"(\"}"_s << 12 << u"invalid regular expression \"(\" for label \"b\""_s;
    QTest::newRow("invalid regex negated") << u"{b!~\"a[\"}"_s << 5 << u"invalid regular expression"_s;
    QTest::newRow("invalid regex after emoji") << u"{a=\"\U0001F600\",b=~\"*\"}"_s << 11 << u"invalid regular expression"_s;
}

void TestLabelMatcher::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto m = LabelMatcher::parse(text);
    QVERIFY2(!m, qPrintable(m ? m->toString() : QString()));
    QCOMPARE(m.error().kind, Error::Parse);
    QCOMPARE(m.error().column, column);
    QVERIFY2(m.errorString().startsWith(u"column %1: "_s.arg(column)), qPrintable(m.errorString()));
    QVERIFY2(m.errorString().contains(message), qPrintable(m.errorString()));
}

void TestLabelMatcher::matches_data()
{
    QTest::addColumn<QString>("matcher");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("matches");

    const QString k = u"{job=\"batch-7\",instance=\"db-1\",env=\"prod\"}"_s;
    QTest::newRow("equal") << u"{job=\"batch-7\"}"_s << k << true;
    QTest::newRow("equal other") << u"{job=\"batch-8\"}"_s << k << false;
    QTest::newRow("not equal") << u"{env!=\"dev\"}"_s << k << true;
    QTest::newRow("not equal same") << u"{env!=\"prod\"}"_s << k << false;
    QTest::newRow("regex") << u"{job=~\"batch-.*\"}"_s << k << true;
    QTest::newRow("regex no match") << u"{job!~\"batch-.*\"}"_s << k << false;
    QTest::newRow("all terms must match") << u"{job=~\"batch-.*\",env=\"dev\"}"_s << k << false;
    QTest::newRow("all terms match") << u"{job=~\"batch-.*\",env=\"prod\",instance!=\"\"}"_s << k << true;

    // Anchored at both ends, alternation included.
    QTest::newRow("anchored start") << u"{job=~\"atch-7\"}"_s << k << false;
    QTest::newRow("anchored end") << u"{job=~\"batch\"}"_s << k << false;
    QTest::newRow("alternation anchored") << u"{job=~\"x|batch\"}"_s << k << false;
    QTest::newRow("alternation full") << u"{job=~\"x|batch-7\"}"_s << k << true;
    QTest::newRow("negated anchored") << u"{job!~\"batch\"}"_s << k << true;
    QTest::newRow("$ does not match before newline") << u"{job=~\"a\"}"_s << u"{job=\"a\\n\"}"_s << false;
    // Prometheus 3 (the default): `.` matches a newline too (dialects()).
    QTest::newRow("dot matches newline") << u"{job=~\"a.b\"}"_s << u"{job=\"a\\nb\"}"_s << true;
    QTest::newRow("dot matches one emoji") << u"{job=~\".\"}"_s << u"{job=\"\U0001F600\"}"_s << true;
    QTest::newRow("case sensitive") << u"{job=~\"BATCH-7\"}"_s << k << false;
    QTest::newRow("inline case flag") << u"{job=~\"(?i)BATCH-7\"}"_s << k << true;
    QTest::newRow("regex escape") << u"{job=~\"batch\\\\-\\\\d\"}"_s << k << true;

    // A label the key lacks matches as "" (PromQL).
    QTest::newRow("absent equals empty") << u"{zone=\"\"}"_s << k << true;
    QTest::newRow("absent not empty") << u"{zone!=\"\"}"_s << k << false;
    QTest::newRow("absent equal value") << u"{zone=\"x\"}"_s << k << false;
    QTest::newRow("absent not equal value") << u"{zone!=\"x\"}"_s << k << true;
    QTest::newRow("absent regex star") << u"{zone=~\".*\"}"_s << k << true;
    QTest::newRow("absent regex plus") << u"{zone=~\".+\"}"_s << k << false;
    QTest::newRow("absent negated plus") << u"{zone!~\".+\"}"_s << k << true;

    // An empty value in the key behaves like an absent label.
    QTest::newRow("empty instance equal") << u"{instance=\"\"}"_s << u"{job=\"a\",instance=\"\"}"_s << true;
    QTest::newRow("empty instance set") << u"{instance!=\"\"}"_s << u"{job=\"a\",instance=\"\"}"_s << false;
    QTest::newRow("no instance equal") << u"{instance=\"\"}"_s << u"{job=\"a\"}"_s << true;

    QTest::newRow("special chars") << u"{job=\"a/b=c@d%\",x=\"q\\\"\\\\\"}"_s << u"{job=\"a/b=c@d%\",x=\"q\\\"\\\\\"}"_s << true;
    QTest::newRow("newline value") << u"{job=\"a\\nb\"}"_s << u"{job=\"a\\nb\"}"_s << true;
    QTest::newRow("unicode regex") << u"{job=~\"日.*\"}"_s << u"{job=\"日本\"}"_s << true;
}

void TestLabelMatcher::matches()
{
    QFETCH(QString, matcher);
    QFETCH(QString, key);
    QFETCH(bool, matches);
    const auto m = LabelMatcher::parse(matcher);
    QVERIFY2(m, qPrintable(m.errorString()));
    QCOMPARE(m->matches(::key(key)), matches);
    // The canonical text is the same matcher.
    const auto again = LabelMatcher::parse(m->toString());
    QVERIFY2(again, qPrintable(again.errorString()));
    QCOMPARE(again->matches(::key(key)), matches);
}

void TestLabelMatcher::matchesLabelPairs()
{
    const auto m = LabelMatcher::parse(u"{le=\"+Inf\",code=~\"5..\"}");
    QVERIFY(m);
    QVERIFY(m->matches(LabelPairs{{u"code"_s, u"503"_s}, {u"le"_s, u"+Inf"_s}}));
    QVERIFY(!m->matches(LabelPairs{{u"code"_s, u"200"_s}, {u"le"_s, u"+Inf"_s}}));
    QVERIFY(!m->matches(LabelPairs{}));
}

void TestLabelMatcher::emptyMatchesEverything()
{
    const LabelMatcher none;
    QVERIFY(none.isEmpty());
    QCOMPARE(none.toString(), u"{}"_s);
    QVERIFY(none.matches(key(u"{job=\"a\"}"_s)));
    QVERIFY(none.matches(GroupingKey()));
    QVERIFY(none.matches(LabelPairs{}));
}

void TestLabelMatcher::toStringRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    for (const QString &v : {u""_s, u"a"_s, u"\""_s, u"\\"_s, u"\\\""_s, u"\n"_s, u"a\nb"_s, u"/"_s, u"="_s,
                             u"@"_s, u"%"_s, u" "_s, u"{}"_s, u","_s, u"é"_s, u"\U0001F600"_s, u"a\\.b"_s}) {
        QTest::newRow(QUrl::toPercentEncoding(v).prepend("v=").constData()) << v;
    }
}

void TestLabelMatcher::toStringRoundTrip()
{
    QFETCH(QString, value);
    const QString regexValue = LabelMatcher::quoteMeta(value);
    LabelMatcher built;
    {
        // Build through the parser from canonical pieces, so escaping is the
        // only thing under test.
        const QString text = u"{a=\""_s + escapeLabelValue(value) + u"\",b!=\""_s + escapeLabelValue(value)
            + u"\",c=~\""_s + escapeLabelValue(regexValue) + u"\",d!~\""_s + escapeLabelValue(regexValue) + u"\"}"_s;
        const auto m = LabelMatcher::parse(text);
        QVERIFY2(m, qPrintable(m.errorString()));
        QCOMPARE(m->toString(), text);
        built = *m;
    }
    QCOMPARE(built.terms().at(0).value, value);
    QCOMPARE(built.terms().at(2).value, regexValue);

    const auto again = LabelMatcher::parse(built.toString());
    QVERIFY(again);
    QCOMPARE(again->toString(), built.toString());
    QCOMPARE(again->terms().size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(again->terms().at(i).name, built.terms().at(i).name);
        QCOMPARE(again->terms().at(i).op, built.terms().at(i).op);
        QCOMPARE(again->terms().at(i).value, built.terms().at(i).value);
    }
    // The escaped regex matches exactly the literal value.
    const LabelPairs labels{{u"a"_s, value}, {u"b"_s, value + u'x'}, {u"c"_s, value}, {u"d"_s, value + u'x'}};
    QVERIFY(again->matches(labels));
}

void TestLabelMatcher::prometheusRefuses_data()
{
    // Each refused by promtool 2.42 (Go's regexp) as well; the hint says why.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("lookahead") << u"{job=~\"(?!ci).*\"}"_s << u"lookahead and lookbehind do not exist"_s;
    QTest::newRow("lookbehind") << u"{job=~\"(?<=a)b\"}"_s << u"lookahead and lookbehind do not exist"_s;
    QTest::newRow("backreference") << u"{job=~\"(b)\\\\1\"}"_s << u"backreferences do not exist"_s;
    QTest::newRow("single byte") << u"{job=~\"a\\\\C\"}"_s << u"\\C (a single byte)"_s;
    QTest::newRow("possessive") << u"{job=~\"a++\"}"_s << u"bad repetition operator"_s;
    QTest::newRow("nested repetition") << u"{job=~\"a{2}{3}\"}"_s << u"bad repetition operator"_s;
    QTest::newRow("repeat above 1000") << u"{job=~\"a{1001}\"}"_s << u"invalid repetition size"_s;
    QTest::newRow("\\Z") << u"{job=~\"a\\\\Z\"}"_s << u"invalid escape sequence"_s;
    QTest::newRow("unbalanced alternation") << u"{job=~\"a)|(b\"}"_s << u"unexpected )"_s;
}

void TestLabelMatcher::prometheusRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    for (PromDialect dialect : {PromDialect::Prometheus2, PromDialect::Prometheus3}) {
        const auto m = LabelMatcher::parse(text, dialect);
        QVERIFY2(!m, qPrintable(text));
        QCOMPARE(m.error().kind, Error::Parse);
        QCOMPARE(m.error().column, 7);
        QVERIFY2(m.errorString().contains(u"invalid regular expression"_s), qPrintable(m.errorString()));
        QVERIFY2(m.errorString().contains(message), qPrintable(m.errorString()));
    }
}

void TestLabelMatcher::dialects_data()
{
    QTest::addColumn<QString>("matcher");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("matches2");
    QTest::addColumn<bool>("matches3");
    QTest::newRow("dot and newline") << u"{a=~\"x.y\"}"_s << u"x\ny"_s << false << true;
    QTest::newRow("dot star over newline") << u"{a=~\".*\"}"_s << u"one\ntwo"_s << false << true;
    QTest::newRow("negated dot star") << u"{a!~\".+\"}"_s << u"\n"_s << true << false;
    QTest::newRow("(?-s) turns it off") << u"{a=~\"(?-s:x.y)\"}"_s << u"x\ny"_s << false << false;
    QTest::newRow("(?s) turns it on") << u"{a=~\"(?s)x.y\"}"_s << u"x\ny"_s << true << true;
    QTest::newRow("class matches newline") << u"{a=~\"x[^a]y\"}"_s << u"x\ny"_s << true << true;
    QTest::newRow("same without newline") << u"{a=~\"x.y\"}"_s << u"x-y"_s << true << true;
    QTest::newRow("$ not before final newline") << u"{a=~\"x$\\n\"}"_s << u"x\n"_s << false << false;
}

void TestLabelMatcher::dialects()
{
    QFETCH(QString, matcher);
    QFETCH(QString, value);
    QFETCH(bool, matches2);
    QFETCH(bool, matches3);
    const auto two = LabelMatcher::parse(matcher, PromDialect::Prometheus2);
    const auto three = LabelMatcher::parse(matcher, PromDialect::Prometheus3);
    QVERIFY2(two && three, qPrintable(two ? three.errorString() : two.errorString()));
    QCOMPARE(two->dialect(), PromDialect::Prometheus2);
    QCOMPARE(two->matches(LabelPairs{{u"a"_s, value}}), matches2);
    QCOMPARE(three->matches(LabelPairs{{u"a"_s, value}}), matches3);
    // The default is Prometheus 3.
    QCOMPARE(LabelMatcher::parse(matcher)->matches(LabelPairs{{u"a"_s, value}}), matches3);
}

void TestLabelMatcher::quotedNames()
{
    const GroupingKey otel = key(u"{job=\"otel\",\"service.name\"=\"checkout\"}"_s);
    QCOMPARE(otel.toString(), u"{job=\"otel\",\"service.name\"=\"checkout\"}"_s);
    const auto m = LabelMatcher::parse(u"{\"service.name\"=~\"check.*\",'job'=\"otel\"}"_s);
    QVERIFY2(m, qPrintable(m.errorString()));
    QVERIFY(m->matches(otel));
    QVERIFY(!m->matches(key(u"{job=\"otel\",service_name=\"checkout\"}"_s)));
    QCOMPARE(m->toString(), u"{\"service.name\"=~\"check.*\",job=\"otel\"}"_s);
    // Any name, escapes included, survives the canonical text.
    const auto odd = LabelMatcher::parse(u"{\"a\\\"b\\nc d\"=\"1\",\"\u65e5\u672c\"=\"2\"}"_s);
    QVERIFY2(odd, qPrintable(odd.errorString()));
    QCOMPARE(odd->terms().at(0).name, u"a\"b\nc d"_s);
    QCOMPARE(odd->terms().at(1).name, u"\u65e5\u672c"_s);
    const auto again = LabelMatcher::parse(odd->toString());
    QVERIFY(again);
    QCOMPARE(again->toString(), odd->toString());
    QCOMPARE(again->terms().at(0).name, odd->terms().at(0).name);

    // Prometheus 2.x cannot read them: refused with the column of the name.
    const auto two = LabelMatcher::parse(u"{job=\"a\", \"service.name\"=\"x\"}"_s, PromDialect::Prometheus2);
    QVERIFY(!two);
    QCOMPARE(two.error().column, 11);
    QVERIFY2(two.errorString().contains(u"need Prometheus 3"_s), qPrintable(two.errorString()));
}

void TestLabelMatcher::withDialect()
{
    const auto three = LabelMatcher::parse(u"{a=~\"x.y\"}"_s);
    QVERIFY(three);
    const auto two = three->withDialect(PromDialect::Prometheus2);
    QVERIFY(two);
    QVERIFY(three->matches(LabelPairs{{u"a"_s, u"x\ny"_s}}));
    QVERIFY(!two->matches(LabelPairs{{u"a"_s, u"x\ny"_s}}));
    QVERIFY(!LabelMatcher::parse(u"{\"a.b\"=\"x\"}"_s)->withDialect(PromDialect::Prometheus2));
    // Prometheus 3 (Go 1.22+) names groups as (?<n>...) too; 2.x does not.
    QVERIFY(LabelMatcher::parse(u"{a=~\"(?<n>x)y\"}"_s, PromDialect::Prometheus3));
    QVERIFY(LabelMatcher::parse(u"{a=~\"(?<n>x)y\"}"_s, PromDialect::Prometheus3)->matches(LabelPairs{{u"a"_s, u"xy"_s}}));
    QVERIFY(!LabelMatcher::parse(u"{a=~\"(?<n>x)y\"}"_s, PromDialect::Prometheus2));
    // Literal (?< in a class or \Q...\E is left alone.
    QVERIFY(LabelMatcher::parse(u"{a=~\"[(?<]+\"}"_s, PromDialect::Prometheus3)->matches(LabelPairs{{u"a"_s, u"(?<"_s}}));
    QVERIFY(LabelMatcher::parse(u"{a=~\"\\\\Q(?<n>\\\\E\"}"_s, PromDialect::Prometheus3)->matches(LabelPairs{{u"a"_s, u"(?<n>"_s}}));
    QVERIFY(LabelMatcher::parse(u"{a=~\"\\\\Q\\\\C\\\\E\"}"_s)->matches(LabelPairs{{u"a"_s, u"\\C"_s}}));
}

void TestLabelMatcher::promqlStrings_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("promql");
    QTest::newRow("plain") << u"a"_s << u"\"a\""_s;
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << u"\"a\\\"b\\\\c\""_s;
    QTest::newRow("controls") << u"\n\r\t\x01"_s << u"\"\\n\\r\\t\\x01\""_s;
    QTest::newRow("unicode kept") << u"\u65e5\U0001F600"_s << u"\"\u65e5\U0001F600\""_s;
}

void TestLabelMatcher::promqlStrings()
{
    QFETCH(QString, value);
    QFETCH(QString, promql);
    QCOMPARE(promqlString(value), promql);
    // Read back by the selector lexer, which reads PromQL's strings.
    const auto m = LabelMatcher::parse(QString(u"{a="_s + promql + u"}"_s));
    QVERIFY2(m, qPrintable(m.errorString()));
    QCOMPARE(m->terms().at(0).value, value);
}

void TestLabelMatcher::dialectForVersion()
{
    QCOMPARE(promDialectForVersion(u"2.42.0"), PromDialect::Prometheus2);
    QCOMPARE(promDialectForVersion(u"v2.53.1"), PromDialect::Prometheus2);
    QCOMPARE(promDialectForVersion(u"3.0.0"), PromDialect::Prometheus3);
    QCOMPARE(promDialectForVersion(u"3.5.0-rc.1"), PromDialect::Prometheus3);
    QCOMPARE(promDialectForVersion(u"10.1.0"), PromDialect::Prometheus3);
    QVERIFY(!promDialectForVersion(u""));
    QVERIFY(!promDialectForVersion(u"main"));
    QVERIFY(!promDialectForVersion(u"3"));
}

QTEST_GUILESS_MAIN(TestLabelMatcher)
#include "tst_labelmatcher.moc"
