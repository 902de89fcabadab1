#include "core/promql.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

QString promDialectName(PromDialect dialect)
{
    return dialect == PromDialect::Prometheus2 ? u"Prometheus 2.x"_s : u"Prometheus 3"_s;
}

std::optional<PromDialect> promDialectForVersion(QStringView version)
{
    QStringView text = version.trimmed();
    if (text.startsWith(u'v') || text.startsWith(u'V'))
        text = text.mid(1);
    qsizetype digits = 0;
    while (digits < text.size() && isAsciiDigit(text[digits]))
        ++digits;
    // "2.42.0": a major version and at least a dot after it.
    if (digits == 0 || digits > 4 || digits >= text.size() || text[digits] != u'.')
        return std::nullopt;
    const int major = text.first(digits).toInt();
    return major < 3 ? PromDialect::Prometheus2 : PromDialect::Prometheus3;
}

bool isLegacyLabelName(QStringView name)
{
    if (name.isEmpty() || !(isAsciiLetter(name[0]) || name[0] == u'_'))
        return false;
    return std::all_of(name.begin() + 1, name.end(), [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_'; });
}

bool isLegacyMetricName(QStringView name)
{
    if (name.isEmpty() || !(isAsciiLetter(name[0]) || name[0] == u'_' || name[0] == u':'))
        return false;
    return std::all_of(name.begin() + 1, name.end(),
                       [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_' || c == u':'; });
}

bool isValidUtf8Name(QStringView name)
{
    return !name.isEmpty() && name.isValidUtf16();
}

QString promqlString(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (QChar c : value) {
        switch (c.unicode()) {
        case u'\\': out += u"\\\\"_s; break;
        case u'"': out += u"\\\""_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case u'\t': out += u"\\t"_s; break;
        default:
            // Other control characters are not allowed raw in YAML, and
            // PromQL's lexer understands Go's \x escapes.
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString promqlLabelName(QStringView name)
{
    return isLegacyLabelName(name) ? name.toString() : promqlString(name);
}

QString promqlSelector(QStringView metric, QStringView matchers)
{
    if (isLegacyMetricName(metric))
        return matchers.isEmpty() ? metric.toString() : metric + u'{' + matchers + u'}';
    QString out = u'{' + promqlString(metric);
    if (!matchers.isEmpty())
        out += u',' + matchers;
    return out + u'}';
}

} // namespace PushDeck
