#include "demo/demotext.h"

#include <QResource>
#include <QStringDecoder>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// The texts are compiled into this static library (resources/demo/demotext.qrc);
// nothing else refers to that object file, so without this call the linker
// would leave it out of the executables. Q_INIT_RESOURCE must be used outside
// any namespace.
static void initDemoTextResources()
{
    Q_INIT_RESOURCE(demotext);
}

namespace PushDeck {

namespace {

// What Qt's rich text shows and the texts may use; attributes: href on <a>.
const QStringList &richTextElements()
{
    static const QStringList elements{u"p"_s,  u"br"_s, u"b"_s,   u"strong"_s, u"i"_s,   u"em"_s,
                                      u"u"_s,  u"code"_s, u"tt"_s, u"kbd"_s,  u"sub"_s, u"sup"_s,
                                      u"ul"_s, u"ol"_s, u"li"_s,  u"pre"_s,    u"a"_s};
    return elements;
}

// A strict reader of the format in resources/demo/README.md. Rich text is
// taken verbatim from the file (between the div's tags), so what the writer
// wrote is what the panel shows.
class Parser
{
public:
    Parser(const QString &html, const QString &source)
        : m_html(html)
        , m_source(source)
        , m_xml(html)
    {
    }

    Result<DemoText::Scenario> run()
    {
        DemoText::Scenario scenario;
        if (!readTo(u"html"_s) || !attributesAllowed({u"lang"_s, u"xmlns"_s}))
            return error();
        scenario.language = m_xml.attributes().value(u"lang"_s).toString();
        if (scenario.language.isEmpty())
            return error(u"<html> needs the lang attribute: the language the file is written in (\"en\", \"de\", ...)"_s);
        const QLocale::Language language = QLocale(scenario.language).language();
        if (language == QLocale::C || language == QLocale::AnyLanguage)
            return error(u"<html lang=\"%1\">: not a language Qt knows"_s.arg(scenario.language));

        if (!nextTag())
            return error();
        if (isStart(u"head"_s)) {
            m_xml.skipCurrentElement();
            if (!nextTag())
                return error();
        }
        if (!expect(u"body"_s) || !attributesAllowed({}))
            return error();
        if (!readTo(u"h1"_s) || !plainText(&scenario.title))
            return error();
        if (!readTo(u"div"_s, u"explanation"_s) || !richText(&scenario.explanation))
            return error();
        if (!readTo(u"div"_s, u"fix"_s) || !richText(&scenario.fix))
            return error();

        while (true) {
            if (!nextTag())
                return error();
            if (m_xml.isEndElement())
                break; // </body>
            if (!expect(u"div"_s, u"step"_s))
                return error();
            DemoText::Step step;
            if (!readTo(u"h2"_s) || !plainText(&step.title))
                return error();
            if (!readTo(u"div"_s, u"text"_s) || !richText(&step.text))
                return error();
            if (!nextTag())
                return error();
            if (isStart(u"div"_s, u"fix"_s)) {
                if (!richText(&step.fix) || !nextTag())
                    return error();
            }
            if (!m_xml.isEndElement())
                return error(u"a step holds <h2>, <div class=\"text\"> and at most one <div class=\"fix\">, then ends; found %1"_s
                                 .arg(currentTag()));
            scenario.steps.append(step);
        }
        if (scenario.steps.isEmpty())
            return error(u"no <div class=\"step\">: a scenario has at least one step"_s);
        if (!nextTag() || !m_xml.isEndElement()) // </html>
            return error(m_message.isEmpty() ? u"only </html> may follow </body>, found %1"_s.arg(currentTag()) : QString());
        while (!m_xml.atEnd()) {
            m_xml.readNext();
            if (m_xml.isStartElement() || (m_xml.isCharacters() && !m_xml.isWhitespace()))
                return error(u"nothing may follow </html>"_s);
        }
        if (m_xml.hasError())
            return error(m_xml.errorString());
        return scenario;
    }

private:
    // Records the first problem; returns false for chaining.
    bool fail(const QString &message)
    {
        if (m_message.isEmpty()) {
            m_message = message;
            m_line = int(m_xml.lineNumber());
            m_column = int(m_xml.columnNumber());
        }
        return false;
    }

    Error error(const QString &message = {})
    {
        if (!message.isEmpty())
            fail(message);
        if (m_message.isEmpty())
            fail(m_xml.hasError() ? m_xml.errorString() : u"malformed"_s);
        Error e = Error::make(Error::Parse, u"%1:%2:%3: %4"_s.arg(m_source).arg(m_line).arg(m_column).arg(m_message));
        e.line = m_line;
        e.column = m_column;
        return e;
    }

    QString currentTag() const
    {
        if (m_xml.isStartElement()) {
            const QStringView cls = m_xml.attributes().value(u"class"_s);
            return cls.isEmpty() ? u"<%1>"_s.arg(m_xml.name()) : u"<%1 class=\"%2\">"_s.arg(m_xml.name(), cls);
        }
        if (m_xml.isEndElement())
            return u"</%1>"_s.arg(m_xml.name());
        return u"the end of the file"_s;
    }

    // To the next start or end tag, over the doctype, comments and white space.
    bool nextTag()
    {
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::StartElement:
            case QXmlStreamReader::EndElement:
                return true;
            case QXmlStreamReader::Characters:
                if (!m_xml.isWhitespace())
                    return fail(u"text outside of a title or rich text: \"%1\""_s.arg(m_xml.text().trimmed()));
                break;
            case QXmlStreamReader::Invalid:
                return fail(m_xml.errorString());
            case QXmlStreamReader::EntityReference:
                return fail(u"unknown entity &%1;"_s.arg(m_xml.name()));
            default:
                break; // StartDocument, DTD, Comment, ProcessingInstruction
            }
        }
        return fail(m_xml.hasError() ? m_xml.errorString() : u"unexpected end of the file"_s);
    }

    bool isStart(const QString &name, const QString &cls = {}) const
    {
        return m_xml.isStartElement() && m_xml.name() == name
               && (cls.isEmpty() || m_xml.attributes().value(u"class"_s) == cls);
    }

    bool expect(const QString &name, const QString &cls = {})
    {
        if (isStart(name, cls))
            return cls.isEmpty() || attributesAllowed({u"class"_s});
        const QString wanted = cls.isEmpty() ? u"<%1>"_s.arg(name) : u"<%1 class=\"%2\">"_s.arg(name, cls);
        return fail(u"expected %1, found %2"_s.arg(wanted, currentTag()));
    }

    bool readTo(const QString &name, const QString &cls = {})
    {
        return nextTag() && expect(name, cls);
    }

    bool attributesAllowed(const QStringList &allowed)
    {
        for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
            if (!allowed.contains(attribute.qualifiedName()))
                return fail(u"<%1> may not have the attribute %2"_s.arg(m_xml.name(), attribute.qualifiedName()));
        }
        return true;
    }

    // At <h1> or <h2>: its text, white space simplified.
    bool plainText(QString *text)
    {
        if (!attributesAllowed({}))
            return false;
        const QString tag = m_xml.name().toString();
        *text = m_xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement).simplified();
        if (m_xml.hasError())
            return fail(u"<%1> holds plain text only: %2"_s.arg(tag, m_xml.errorString()));
        if (text->isEmpty())
            return fail(u"<%1> is empty"_s.arg(tag));
        return true;
    }

    // At a <div>: what is between its tags, as written, once every element
    // in it is checked.
    bool richText(QString *html)
    {
        const QString cls = m_xml.attributes().value(u"class"_s).toString();
        const qint64 begin = m_xml.characterOffset(); // just after the start tag
        int depth = 0;
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::StartElement: {
                const QString name = m_xml.name().toString();
                if (!richTextElements().contains(name))
                    return fail(u"<%1> in <div class=\"%2\">: rich text may use only %3"_s.arg(
                        name, cls, richTextElements().join(u' ')));
                if (!attributesAllowed(name == u"a"_s ? QStringList{u"href"_s} : QStringList()))
                    return false;
                ++depth;
                break;
            }
            case QXmlStreamReader::EndElement:
                if (depth-- > 0)
                    break;
                {
                    // The reader is past the end tag; it starts at the last '<'.
                    const qsizetype end = m_html.lastIndexOf(u'<', m_xml.characterOffset() - 1);
                    *html = end > begin ? m_html.sliced(begin, end - begin).trimmed() : QString();
                }
                if (html->isEmpty())
                    return fail(u"<div class=\"%1\"> is empty"_s.arg(cls));
                return true;
            case QXmlStreamReader::Invalid:
                return fail(m_xml.errorString());
            case QXmlStreamReader::EntityReference:
                return fail(u"unknown entity &%1;"_s.arg(m_xml.name()));
            default:
                break;
            }
        }
        return fail(m_xml.hasError() ? m_xml.errorString() : u"unexpected end of the file"_s);
    }

    const QString m_html;
    const QString m_source;
    QXmlStreamReader m_xml;
    QString m_message;
    int m_line = 0;
    int m_column = 0;
};

// The file the resource system chooses for `locale`, read and parsed.
Result<DemoText::Scenario> load(const QString &id, const QLocale &locale)
{
    const QString path = DemoText::resourcePath(id);
    const QResource resource(path, locale);
    if (!resource.isValid())
        return Error::make(Error::NotFound,
                           u"the demo text %1 is missing: resources/demo/%2.html is not compiled into pushdeck_demo "
                           "(resources/demo/demotext.qrc)"_s.arg(path, id));
    if (resource.size() == 0) // also a directory
        return Error::make(Error::Invalid, u"the demo text %1 is empty"_s.arg(path));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString html = decoder(resource.uncompressedData());
    if (decoder.hasError())
        return Error::make(Error::Decode, u"%1: not valid UTF-8"_s.arg(path));
    Result<DemoText::Scenario> text = DemoText::parse(html, path + u" ("_s + locale.name() + u')');
    if (text)
        text.value().id = id;
    return text;
}

} // namespace

QString DemoText::resourcePath(const QString &id)
{
    return u":/demo/"_s + id + u".html"_s;
}

Result<DemoText::Scenario> DemoText::parse(const QString &html, const QString &source)
{
    return Parser(html, source).run();
}

Result<DemoText::Scenario> DemoText::scenario(const QString &id, const QLocale &locale)
{
    return scenario(id, locale.uiLanguages());
}

Result<DemoText::Scenario> DemoText::scenario(const QString &id, const QStringList &uiLanguages)
{
    static const bool initialised = (initDemoTextResources(), true);
    Q_UNUSED(initialised);

    // The resource system matches the language of one locale only. Walking
    // the user's UI languages in order lets a later one win when an earlier
    // one has no text (LANGUAGE=fr:de gives German, as the catalogue does);
    // English always has one, so an English entry ends the walk.
    QList<QLocale::Language> tried;
    for (const QString &name : uiLanguages) {
        const QLocale candidate(name);
        const QLocale::Language language = candidate.language();
        if (language == QLocale::C || language == QLocale::AnyLanguage || tried.contains(language))
            continue;
        tried.append(language);
        Result<Scenario> text = load(id, candidate);
        if (!text)
            return text;
        if (QLocale(text->language).language() == language)
            return text;
    }
    // The fallback: the files without a lang block in demotext.qrc.
    Result<Scenario> text = load(id, QLocale::c());
    if (text && QLocale(text->language).language() != QLocale::English)
        return Error::make(Error::Invalid, u"%1: the fallback text is written in \"%2\", not in English (\"en\")"_s.arg(
                                              resourcePath(id), text->language));
    return text;
}

} // namespace PushDeck
