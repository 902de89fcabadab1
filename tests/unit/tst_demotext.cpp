// The Pitfalls scenarios' texts as resources: every scenario loads in English
// and German with a text for every step the code has, the language follows
// the (default) locale, and the format is read strictly.

#include "demo/demoscenarios.h"
#include "demo/demotext.h"

#include <QFile>
#include <QTest>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

const QStringList scenarioIds{u"renamed-instance"_s, u"no-up"_s, u"lost-state"_s, u"colliding-groups"_s,
                              u"firewall-nat"_s};

// A valid file, one line per entry (moc cannot read raw string literals);
// the error rows below break it in one place each.
const QString validFile = QStringList{
    u"<!DOCTYPE html>"_s,
    u"<!-- a comment -->"_s,
    u"<html lang=\"en\">"_s,
    u"<head><meta charset=\"utf-8\"/><title>ignored</title></head>"_s,
    u"<body>"_s,
    u"<h1>  A   title"_s,
    u"  on two lines </h1>"_s,
    u"<div class=\"explanation\">"_s,
    u"  <p>An <code>{job=\"a\"}</code> &gt; 1"_s,
    u"  explanation.</p>"_s,
    u"</div>"_s,
    u"<div class=\"fix\"><p>The fix.</p></div>"_s,
    u"<div class=\"step\">"_s,
    u"  <h2>First</h2>"_s,
    u"  <div class=\"text\"><p>One <a href=\"https://example.invalid/\">link</a>.</p></div>"_s,
    u"</div>"_s,
    u"<div class=\"step\">"_s,
    u"  <h2>Second</h2>"_s,
    u"  <div class=\"text\"><ul><li>a</li><li>b<br/>c</li></ul></div>"_s,
    u"  <div class=\"fix\"><p>Its own fix.</p></div>"_s,
    u"</div>"_s,
    u"</body>"_s,
    u"</html>"_s,
}.join(u'\n') + u'\n';

QString replaced(const QString &before, const QString &after)
{
    Q_ASSERT(validFile.contains(before));
    QString file = validFile;
    return file.replace(before, after);
}

void checkRichText(const QString &html, const QString &what)
{
    QVERIFY2(html.startsWith(u"<p>"_s) && html.endsWith(u"</p>"_s), qPrintable(what + u": "_s + html));
    QVERIFY2(!html.contains(u"<div"_s) && !html.contains(u"</div"_s), qPrintable(what + u": "_s + html));
}

} // namespace

class TestDemoText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void everyScenario_data();
    void everyScenario();
    void germanIsATranslation();
    void followsTheDefaultLocale();
    void languageByLocale_data();
    void languageByLocale();
    void languageByPreference_data();
    void languageByPreference();
    void missingResource();
    void parse();
    void parseErrors_data();
    void parseErrors();
};

void TestDemoText::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestDemoText::everyScenario_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("language");
    for (int index = 0; index < DemoScenarios::ScenarioCount; ++index) {
        const QByteArray id = scenarioIds.at(index).toUtf8();
        QTest::newRow(QByteArray(id + " C").constData()) << index << QLocale::c() << u"en"_s;
        QTest::newRow(QByteArray(id + " en_US").constData()) << index << QLocale(QLocale::English, QLocale::UnitedStates) << u"en"_s;
        QTest::newRow(QByteArray(id + " de").constData()) << index << QLocale(QLocale::German) << u"de"_s;
        QTest::newRow(QByteArray(id + " de_AT").constData()) << index << QLocale(QLocale::German, QLocale::Austria) << u"de"_s;
    }
}

void TestDemoText::everyScenario()
{
    QFETCH(int, index);
    QFETCH(QLocale, locale);
    QFETCH(QString, language);

    const Result<DemoText::Scenario> text = DemoText::scenario(scenarioIds.at(index), locale);
    QVERIFY2(text, qPrintable(text.errorString()));
    QCOMPARE(text->id, scenarioIds.at(index));
    QCOMPARE(text->language, language);

    // Through DemoScenarios: as many steps as the code has, live flags kept.
    const Result<DemoScenarios::Scenario> loaded = DemoScenarios::loadScenario(index, locale);
    QVERIFY2(loaded, qPrintable(loaded.errorString()));
    QCOMPARE(loaded->id, scenarioIds.at(index));
    QCOMPARE(loaded->title, text->title);
    QVERIFY(!loaded->title.isEmpty());
    QVERIFY(!loaded->title.contains(u'\n'));
    checkRichText(loaded->explanation, u"explanation"_s);
    checkRichText(loaded->fix, u"fix"_s);
    QVERIFY(loaded->steps.size() >= 3);
    for (qsizetype i = 0; i < loaded->steps.size(); ++i) {
        const DemoScenarios::Step &step = loaded->steps.at(i);
        const QString what = u"step %1"_s.arg(i + 1);
        QVERIFY2(!step.title.isEmpty(), qPrintable(what));
        checkRichText(step.text, what);
        if (!step.fix.isEmpty())
            checkRichText(step.fix, what + u" fix"_s);
    }
}

void TestDemoText::germanIsATranslation()
{
    for (int index = 0; index < DemoScenarios::ScenarioCount; ++index) {
        const auto en = DemoScenarios::loadScenario(index, QLocale::c());
        const auto de = DemoScenarios::loadScenario(index, QLocale(QLocale::German));
        QVERIFY(en && de);
        QVERIFY2(en->title != de->title, qPrintable(de->title));
        QVERIFY(en->explanation != de->explanation);
        QVERIFY(en->fix != de->fix);
        QCOMPARE(de->steps.size(), en->steps.size());
        for (qsizetype i = 0; i < en->steps.size(); ++i) {
            QVERIFY2(en->steps.at(i).title != de->steps.at(i).title, qPrintable(de->steps.at(i).title));
            QVERIFY(en->steps.at(i).text != de->steps.at(i).text);
            // A step's own fix is translated too, never dropped or added.
            QCOMPARE(de->steps.at(i).fix.isEmpty(), en->steps.at(i).fix.isEmpty());
            QCOMPARE(de->steps.at(i).live, en->steps.at(i).live);
        }
    }
    // Names stay names in every language.
    QVERIFY(DemoScenarios::loadScenario(DemoScenarios::FirewallNat, QLocale(QLocale::German))->fix.contains(u"PushProx"_s));
    QVERIFY(DemoScenarios::loadScenario(DemoScenarios::RenamedInstance, QLocale(QLocale::German))
                ->fix.contains(u"Textfile-Collector"_s));
}

// What the application relies on: the default QLocale (the system's, or what
// QLocale::setDefault() set) selects the text, in DemoText and in the
// resource system itself.
void TestDemoText::followsTheDefaultLocale()
{
    QLocale::setDefault(QLocale(QLocale::German));
    auto text = DemoText::scenario(u"no-up"_s);
    QVERIFY2(text, qPrintable(text.errorString()));
    QCOMPARE(text->language, u"de"_s);
    QCOMPARE(DemoScenarios::loadScenario(DemoScenarios::NoUp)->title, u"Kein up für gepushte Jobs"_s);
    // A QFile binds the locale when it is given the name.
    QFile german(DemoText::resourcePath(u"no-up"_s));
    QVERIFY(german.open(QIODevice::ReadOnly));
    QVERIFY(german.readAll().contains("<html lang=\"de\">"));

    QLocale::setDefault(QLocale::c());
    text = DemoText::scenario(u"no-up"_s);
    QVERIFY2(text, qPrintable(text.errorString()));
    QCOMPARE(text->language, u"en"_s);
    QCOMPARE(DemoScenarios::loadScenario(DemoScenarios::NoUp)->title, u"No up for pushed jobs"_s);
    QFile english(DemoText::resourcePath(u"no-up"_s));
    QVERIFY(english.open(QIODevice::ReadOnly));
    QVERIFY(english.readAll().contains("<html lang=\"en\">"));
}

void TestDemoText::languageByLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("de_CH") << QLocale(QLocale::German, QLocale::Switzerland) << u"de"_s;
    QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << u"en"_s;
    QTest::newRow("fr: no text, English") << QLocale(QLocale::French) << u"en"_s;
    QTest::newRow("ja: no text, English") << QLocale(QLocale::Japanese) << u"en"_s;
}

void TestDemoText::languageByLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, language);
    for (const QString &id : scenarioIds) {
        const auto text = DemoText::scenario(id, locale);
        QVERIFY2(text, qPrintable(text.errorString()));
        QCOMPARE(text->language, language);
    }
}

// The user's UI languages in order (LANGUAGE=fr:de): the first with a text.
void TestDemoText::languageByPreference_data()
{
    QTest::addColumn<QStringList>("uiLanguages");
    QTest::addColumn<QString>("language");
    QTest::newRow("fr, de") << QStringList{u"fr-FR"_s, u"fr"_s, u"de-DE"_s, u"de"_s} << u"de"_s;
    QTest::newRow("en, de") << QStringList{u"en-US"_s, u"en"_s, u"de"_s} << u"en"_s;
    QTest::newRow("de, en") << QStringList{u"de"_s, u"en"_s} << u"de"_s;
    QTest::newRow("fr, ja") << QStringList{u"fr"_s, u"ja"_s} << u"en"_s;
    QTest::newRow("C") << QStringList{u"C"_s} << u"en"_s;
    QTest::newRow("none") << QStringList() << u"en"_s;
}

void TestDemoText::languageByPreference()
{
    QFETCH(QStringList, uiLanguages);
    QFETCH(QString, language);
    for (const QString &id : scenarioIds) {
        const auto text = DemoText::scenario(id, uiLanguages);
        QVERIFY2(text, qPrintable(text.errorString()));
        QCOMPARE(text->language, language);
    }
}

void TestDemoText::missingResource()
{
    const auto text = DemoText::scenario(u"no-such-scenario"_s, QLocale(QLocale::German));
    QVERIFY(!text);
    QCOMPARE(text.error().kind, Error::NotFound);
    QVERIFY2(text.errorString().contains(u":/demo/no-such-scenario.html"_s), qPrintable(text.errorString()));
    QVERIFY2(text.errorString().contains(u"demotext.qrc"_s), qPrintable(text.errorString()));
    QCOMPARE(DemoScenarios::loadScenario(DemoScenarios::ScenarioCount).error().kind, Error::Invalid);
}

void TestDemoText::parse()
{
    const auto text = DemoText::parse(validFile, u"valid.html"_s);
    QVERIFY2(text, qPrintable(text.errorString()));
    QCOMPARE(text->language, u"en"_s);
    QCOMPARE(text->title, u"A title on two lines"_s);
    // Rich text exactly as written, entities included, only trimmed.
    QCOMPARE(text->explanation, u"<p>An <code>{job=\"a\"}</code> &gt; 1\n  explanation.</p>"_s);
    QCOMPARE(text->fix, u"<p>The fix.</p>"_s);
    QCOMPARE(text->steps.size(), 2);
    QCOMPARE(text->steps.at(0).title, u"First"_s);
    QCOMPARE(text->steps.at(0).text, u"<p>One <a href=\"https://example.invalid/\">link</a>.</p>"_s);
    QVERIFY(text->steps.at(0).fix.isEmpty());
    QCOMPARE(text->steps.at(1).text, u"<ul><li>a</li><li>b<br/>c</li></ul>"_s);
    QCOMPARE(text->steps.at(1).fix, u"<p>Its own fix.</p>"_s);

    // Non-ASCII text keeps the offsets right.
    const auto german = DemoText::parse(replaced(u"The fix."_s, u"Die Abhilfe: „Größe“ — ✓ 𝄞."_s), u"de.html"_s);
    QVERIFY2(german, qPrintable(german.errorString()));
    QCOMPARE(german->fix, u"<p>Die Abhilfe: „Größe“ — ✓ 𝄞.</p>"_s);
    QCOMPARE(german->steps.at(0).title, u"First"_s);
}

void TestDemoText::parseErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("no lang") << replaced(u"<html lang=\"en\">"_s, u"<html>"_s) << 3 << u"lang attribute"_s;
    QTest::newRow("unknown lang") << replaced(u"lang=\"en\""_s, u"lang=\"xx\""_s) << 3 << u"not a language"_s;
    QTest::newRow("other root") << replaced(u"<html lang=\"en\">"_s, u"<doc lang=\"en\">"_s).replace(u"</html>"_s, u"</doc>"_s)
                                << 3 << u"expected <html>, found <doc>"_s;
    QTest::newRow("no title") << replaced(u"<h1>  A   title\n  on two lines </h1>\n"_s, QString()) << 6
                              << u"expected <h1>, found <div class=\"explanation\">"_s;
    QTest::newRow("fix before explanation")
        << replaced(u"<div class=\"explanation\">"_s, u"<div class=\"fix\">"_s) << 8
        << u"expected <div class=\"explanation\">, found <div class=\"fix\">"_s;
    QTest::newRow("markup in a title") << replaced(u"<h2>First</h2>"_s, u"<h2><b>First</b></h2>"_s) << 14
                                       << u"<h2> holds plain text only"_s;
    QTest::newRow("empty title") << replaced(u"<h2>First</h2>"_s, u"<h2> </h2>"_s) << 14 << u"<h2> is empty"_s;
    QTest::newRow("element not in rich text") << replaced(u"<p>The fix.</p>"_s, u"<p>The <blink>fix</blink>.</p>"_s)
                                              << 12 << u"<blink> in <div class=\"fix\">"_s;
    QTest::newRow("attribute in rich text") << replaced(u"<p>The fix.</p>"_s, u"<p style=\"color:red\">The fix.</p>"_s)
                                            << 12 << u"<p> may not have the attribute style"_s;
    QTest::newRow("html entity") << replaced(u"<p>The fix.</p>"_s, u"<p>The&nbsp;fix.</p>"_s) << 12 << u"nbsp"_s;
    QTest::newRow("not well-formed") << replaced(u"<p>The fix.</p>"_s, u"<p>The fix.</div>"_s) << 12
                                     << u"Opening and ending tag mismatch"_s;
    QTest::newRow("empty rich text") << replaced(u"<div class=\"fix\"><p>The fix.</p></div>"_s, u"<div class=\"fix\"> </div>"_s)
                                     << 12 << u"<div class=\"fix\"> is empty"_s;
    QTest::newRow("text between parts") << replaced(u"<div class=\"fix\"><p>The fix.</p></div>"_s,
                                                    u"stray<div class=\"fix\"><p>The fix.</p></div>"_s)
                                        << 12 << u"text outside of a title or rich text: \"stray\""_s;
    QTest::newRow("unknown class") << replaced(u"<div class=\"text\"><ul>"_s, u"<div class=\"txt\"><ul>"_s) << 19
                                   << u"expected <div class=\"text\">, found <div class=\"txt\">"_s;
    QTest::newRow("two fixes in a step")
        << replaced(u"<div class=\"fix\"><p>Its own fix.</p></div>"_s,
                    u"<div class=\"fix\"><p>Its own fix.</p></div><div class=\"fix\"><p>Again.</p></div>"_s)
        << 20 << u"a step holds <h2>"_s;
    QTest::newRow("no step") << QString(validFile).replace(validFile.indexOf(u"<div class=\"step\">"_s),
                                                           validFile.indexOf(u"</body>"_s) - validFile.indexOf(u"<div class=\"step\">"_s),
                                                           QString())
                             << 13 << u"a scenario has at least one step"_s;
    QTest::newRow("after </html>") << validFile + u"<p>late</p>\n"_s << 24 << u"Extra content at end of document"_s;
    QTest::newRow("truncated") << validFile.left(validFile.indexOf(u"</body>"_s)) << 22 << u"Premature end of document"_s;
}

void TestDemoText::parseErrors()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, message);

    const auto text = DemoText::parse(file, u"broken.html"_s);
    QVERIFY(!text);
    QCOMPARE(text.error().kind, Error::Parse);
    QVERIFY2(text.errorString().startsWith(u"broken.html:%1:"_s.arg(line)), qPrintable(text.errorString()));
    QVERIFY2(text.errorString().contains(message), qPrintable(text.errorString()));
    QCOMPARE(text.error().line, line);
}

QTEST_GUILESS_MAIN(TestDemoText)
#include "tst_demotext.moc"
