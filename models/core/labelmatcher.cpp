#include "core/labelmatcher.h"

#include "core/printable.h"

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace PushDeck {

// Defined in groupingkey.cpp: the one selector lexer both parsers share.
namespace pushdeck::detail {
Error parseErrorAt(QStringView text, qsizetype pos, const QString &message);
using SelectorTermCallback = std::function<std::optional<Error>(
    const QString &name, QStringView op, const QString &value, qsizetype namePos, qsizetype opPos,
    qsizetype valuePos)>;
std::optional<Error> scanLabelSelector(QStringView text, bool allowMatchOps, const SelectorTermCallback &onTerm);
} // namespace pushdeck::detail

namespace {

QStringView opText(LabelMatcher::Op op)
{
    switch (op) {
    case LabelMatcher::Op::Equal: return u"=";
    case LabelMatcher::Op::NotEqual: return u"!=";
    case LabelMatcher::Op::RegexMatch: return u"=~";
    case LabelMatcher::Op::RegexNoMatch: return u"!~";
    }
    return u"=";
}

} // namespace

Result<LabelMatcher> LabelMatcher::parse(QStringView text)
{
    using namespace pushdeck::detail;
    LabelMatcher matcher;
    auto error = scanLabelSelector(text, true,
        [&](const QString &name, QStringView op, const QString &value, qsizetype, qsizetype,
            qsizetype valuePos) -> std::optional<Error> {
            Term term;
            term.name = name;
            term.value = value;
            if (op == u"=")
                term.op = Op::Equal;
            else if (op == u"!=")
                term.op = Op::NotEqual;
            else if (op == u"=~")
                term.op = Op::RegexMatch;
            else
                term.op = Op::RegexNoMatch;
            if (term.op == Op::RegexMatch || term.op == Op::RegexNoMatch) {
                // \A...\z rather than ^...$: PCRE's $ also matches before a
                // final newline, RE2's (Prometheus') does not.
                term.regex.setPattern(QRegularExpression::anchoredPattern(value));
                if (!term.regex.isValid())
                    return parseErrorAt(text, valuePos,
                                        u"invalid regular expression \"%1\" for label \"%2\": %3"_s.arg(
                                            escapeLabelValue(value), name, term.regex.errorString()));
                term.regex.optimize();
            }
            matcher.m_terms.append(std::move(term));
            return std::nullopt;
        });
    if (error)
        return *error;
    return matcher;
}

bool LabelMatcher::matches(const LabelPairs &labels) const
{
    for (const Term &term : m_terms) {
        // PromQL: a label the group does not have matches as "".
        QString value;
        for (const auto &[name, v] : labels) {
            if (name == term.name) {
                value = v;
                break;
            }
        }
        // PCRE refuses text with unpaired surrogates: a value with raw bytes
        // (core/printable.h) is matched as the gateway shows it, U+FFFD.
        if ((term.op == Op::RegexMatch || term.op == Op::RegexNoMatch) && hasRawBytes(value))
            value = withReplacementCharacters(value);
        bool ok = false;
        switch (term.op) {
        case Op::Equal: ok = value == term.value; break;
        case Op::NotEqual: ok = value != term.value; break;
        case Op::RegexMatch: ok = term.regex.match(value).hasMatch(); break;
        case Op::RegexNoMatch: ok = !term.regex.match(value).hasMatch(); break;
        }
        if (!ok)
            return false;
    }
    return true;
}

QString LabelMatcher::toString() const
{
    QString out = u"{"_s;
    bool first = true;
    for (const Term &term : m_terms) {
        if (!first)
            out += u',';
        first = false;
        out += term.name + opText(term.op) + u'"' + escapeLabelValue(term.value) + u'"';
    }
    out += u'}';
    return out;
}

} // namespace PushDeck
