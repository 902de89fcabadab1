#include "ctl/output.h"

#include "ctl/context.h"
#include "ctl/format.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString formatList(const QList<CtlFormat> &formats)
{
    QStringList names;
    for (CtlFormat format : formats)
        names.append(formatName(format));
    return names.join(u", "_s);
}

QString describe(const QList<CtlFormat> &formats)
{
    return u"Output format: %1 (-o json is --json%2)."_s.arg(formatList(formats).replace(u", "_s, u"|"_s),
                                                              formats.contains(CtlFormat::Wide) ? u", -o wide --wide"_s
                                                                                                : QString());
}

} // namespace

QString formatName(CtlFormat format)
{
    switch (format) {
    case CtlFormat::Table: return u"table"_s;
    case CtlFormat::Wide: return u"wide"_s;
    case CtlFormat::Json: return u"json"_s;
    }
    return {};
}

CtlOutputOptions::CtlOutputOptions(QList<CtlFormat> formats, bool headers)
    : output({u"o"_s, u"output"_s}, describe(formats), u"format"_s)
    , noHeadersOption(u"no-headers"_s, u"Tables without their header line (for awk, cut, while read)."_s)
    , m_formats(std::move(formats))
    , m_headers(headers)
{
}

void CtlOutputOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(output);
    if (m_headers)
        parser.addOption(noHeadersOption);
}

Result<CtlFormat> CtlOutputOptions::format(const QCommandLineParser &parser, const CtlContext &ctx, bool json,
                                           bool wide) const
{
    std::optional<CtlFormat> chosen;
    QString chosenBy;
    auto choose = [&](CtlFormat format, const QString &by) -> Result<Done> {
        if (chosen && *chosen != format)
            return Error::make(Error::Invalid, u"%1 and %2 exclude each other"_s.arg(chosenBy, by));
        chosen = format;
        chosenBy = by;
        return Done{};
    };
    if (json) {
        if (auto ok = choose(CtlFormat::Json, u"--json"_s); !ok)
            return ok.error();
    }
    if (wide) {
        if (auto ok = choose(CtlFormat::Wide, u"--wide"_s); !ok)
            return ok.error();
    }
    for (const QString &value : parser.values(output)) {
        const QString name = value.trimmed().toLower();
        std::optional<CtlFormat> format;
        for (CtlFormat candidate : m_formats) {
            if (formatName(candidate) == name)
                format = candidate;
        }
        if (!format)
            return Error::make(Error::Invalid, u"-o: unknown output format \"%1\" (this command has %2)"_s.arg(value, formatList(m_formats)));
        if (auto ok = choose(*format, u"-o "_s + name); !ok)
            return ok.error();
    }
    if (chosen)
        return *chosen;
    // pushdeckctl.yml's preference, where this command has that form.
    for (CtlFormat candidate : m_formats) {
        if (formatName(candidate) == ctx.options.output)
            return candidate;
    }
    return CtlFormat::Table;
}

bool CtlOutputOptions::noHeaders(const QCommandLineParser &parser) const
{
    return m_headers && parser.isSet(noHeadersOption);
}

void printRows(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows,
               const QList<int> &rightAligned, bool noHeaders)
{
    if (!noHeaders) {
        printTable(out, headers, rows, rightAligned);
        return;
    }
    QString text;
    QTextStream buffer(&text);
    printTable(buffer, headers, rows, rightAligned);
    buffer.flush();
    out << QStringView(text).mid(text.indexOf(u'\n') + 1);
}

} // namespace PushDeck
