#include "core/labelmatcher.h"

#include <re2/re2.h>
#include "core/printable.h"

#include <functional>
#include <optional>
#include <string_view>
#include <variant>

using namespace Qt::StringLiterals;

namespace PushDeck {

// Defined in groupingkey.cpp: the one selector lexer both parsers share.
namespace pushdeck::detail {
Error parseErrorAt(QStringView text, qsizetype pos, const QString &message);
using SelectorTermCallback = std::function<std::optional<Error>(
    const QString &name, QStringView op, const QString &value, qsizetype namePos, qsizetype opPos,
    qsizetype valuePos, bool quotedName)>;
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

// What C++ RE2 and Go's regexp (which Prometheus uses) read differently,
// found against promtool and a real Prometheus: RE2 accepts \C (one byte),
// Go refuses it; Go from 1.22 (Prometheus 3) accepts (?<name>...) for
// (?P<name>...), RE2 of 2022 refuses it. Returns the pattern to give RE2,
// or an error message. Character classes and \Q...\E are skipped so that
// nothing literal is touched.
std::variant<QString, QString> goRegexForRe2(QStringView pattern, PromDialect dialect)
{
    QString out;
    out.reserve(pattern.size());
    const qsizetype n = pattern.size();
    bool inClass = false;
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = pattern[i];
        if (c == u'\\' && i + 1 < n) {
            const QChar e = pattern[i + 1];
            if (e == u'Q' && !inClass) {
                // Literal text up to \E (or the end).
                const qsizetype end = pattern.indexOf(u"\\E", i + 2);
                const qsizetype stop = end < 0 ? n : end + 2;
                out += pattern.mid(i, stop - i);
                i = stop - 1;
                continue;
            }
            if (e == u'C')
                return std::variant<QString, QString>(std::in_place_index<1>,
                                                      u"\\C (a single byte) is not in Go's regular expression syntax, so Prometheus refuses it"_s);
            out += c;
            out += e;
            ++i;
            continue;
        }
        if (inClass) {
            if (c == u'[' && i + 1 < n && pattern[i + 1] == u':') {
                // [:alpha:] inside a class
                const qsizetype end = pattern.indexOf(u":]", i + 2);
                if (end >= 0) {
                    out += pattern.mid(i, end + 2 - i);
                    i = end + 1;
                    continue;
                }
            }
            if (c == u']')
                inClass = false;
            out += c;
            continue;
        }
        if (c == u'[') {
            inClass = true;
            out += c;
            // A ] right after [ or [^ is a literal.
            if (i + 1 < n && pattern[i + 1] == u'^') {
                out += pattern[++i];
            }
            if (i + 1 < n && pattern[i + 1] == u']') {
                out += pattern[++i];
            }
            continue;
        }
        if (c == u'(' && dialect == PromDialect::Prometheus3 && pattern.mid(i).startsWith(u"(?<") && i + 3 < n
            && pattern[i + 3] != u'=' && pattern[i + 3] != u'!') {
            out += u"(?P<"_s;
            i += 2;
            continue;
        }
        out += c;
    }
    return std::variant<QString, QString>(std::in_place_index<0>, out);
}

// A hint for what RE2 refuses because Prometheus' regexes cannot do it.
QString refusalHint(const re2::RE2 &re, QStringView pattern)
{
    if (re.error_code() == re2::RE2::ErrorBadPerlOp
        && (pattern.contains(u"(?="_s) || pattern.contains(u"(?!"_s) || pattern.contains(u"(?<="_s) || pattern.contains(u"(?<!"_s)))
        return u" (lookahead and lookbehind do not exist in RE2, the syntax Prometheus uses)"_s;
    if (re.error_code() == re2::RE2::ErrorBadPerlOp && pattern.contains(u"(?<"_s))
        return u" (Prometheus 2.x names groups only as (?P<name>...))"_s;
    if (re.error_code() == re2::RE2::ErrorBadEscape) {
        const std::string &arg = re.error_arg();
        if (arg.size() == 2 && arg[0] == '\\' && arg[1] >= '1' && arg[1] <= '9')
            return u" (backreferences do not exist in RE2, the syntax Prometheus uses)"_s;
    }
    return {};
}

} // namespace

bool LabelMatcher::Term::matchesValue(QStringView labelValue) const
{
    switch (op) {
    case Op::Equal: return labelValue == value;
    case Op::NotEqual: return labelValue != value;
    case Op::RegexMatch:
    case Op::RegexNoMatch: {
        const QByteArray utf8 = labelValue.toUtf8();
        const bool hit = regex && re2::RE2::FullMatch(std::string_view(utf8.constData(), size_t(utf8.size())), *regex);
        return op == Op::RegexMatch ? hit : !hit;
    }
    }
    return false;
}

Result<LabelMatcher> LabelMatcher::parse(QStringView text, PromDialect dialect)
{
    using namespace pushdeck::detail;
    LabelMatcher matcher;
    matcher.m_dialect = dialect;
    auto error = scanLabelSelector(text, true,
        [&](const QString &name, QStringView op, const QString &value, qsizetype namePos, qsizetype,
            qsizetype valuePos, bool quotedName) -> std::optional<Error> {
            if (quotedName && dialect == PromDialect::Prometheus2)
                return parseErrorAt(text, namePos,
                                    u"quoted label names ({%1=...}) need Prometheus 3; the Prometheus this follows is 2.x"_s.arg(
                                        promqlString(name)));
            if (name == u"__name__")
                return parseErrorAt(text, namePos,
                                    u"__name__ is the metric name, not a label of a grouping key; select groups by their key labels"_s);
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
            if (term.isRegex()) {
                auto invalid = [&](const QString &why) {
                    return parseErrorAt(text, valuePos,
                                        u"invalid regular expression \"%1\" for label \"%2\": %3"_s.arg(escapeLabelValue(value), name, why));
                };
                const auto pattern = goRegexForRe2(value, dialect);
                if (pattern.index() == 1)
                    return invalid(std::get<1>(pattern));
                const QByteArray utf8 = std::get<0>(pattern).toUtf8();
                re2::RE2::Options options;
                options.set_log_errors(false);
                options.set_encoding(re2::RE2::Options::EncodingUTF8);
                // Prometheus 3 compiles ^(?s:...)$, 2.x ^(?:...)$: the
                // anchoring is FullMatch's, `.` and newlines the dialect's.
                options.set_dot_nl(dialect == PromDialect::Prometheus3);
                options.set_never_capture(true);
                auto re = std::make_shared<const re2::RE2>(std::string_view(utf8.constData(), size_t(utf8.size())), options);
                if (!re->ok())
                    return invalid(QString::fromStdString(re->error()) + refusalHint(*re, value));
                term.regex = std::move(re);
            }
            matcher.m_terms.append(std::move(term));
            return std::nullopt;
        });
    if (error)
        return *error;
    return matcher;
}

Result<LabelMatcher> LabelMatcher::withDialect(PromDialect dialect) const
{
    if (dialect == m_dialect)
        return *this;
    return parse(toString(), dialect);
}

bool LabelMatcher::matches(const LabelPairs &labels) const
{
    for (const Term &term : m_terms) {
        // PromQL: a label the group does not have matches as "".
        QStringView value;
        for (const auto &[name, v] : labels) {
            if (name == term.name) {
                value = v;
                break;
            }
        }
        // A value with raw bytes (core/printable.h, not UTF-8) is matched by
        // a regex as the gateway shows it, with U+FFFD.
        const bool rawBytes = term.isRegex() && hasRawBytes(value);
        const QString shown = rawBytes ? withReplacementCharacters(value) : QString();
        if (!term.matchesValue(rawBytes ? QStringView(shown) : value))
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
        out += promqlLabelName(term.name) + opText(term.op) + u'"' + escapeLabelValue(term.value) + u'"';
    }
    out += u'}';
    return out;
}

QString LabelMatcher::quoteMeta(QStringView literal)
{
    QString out;
    out.reserve(literal.size());
    for (QChar c : literal) {
        if (QStringView(u"\\.+*?()|[]{}^$").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString LabelMatcher::toPromQLMatchers() const
{
    QString out;
    for (const Term &term : m_terms) {
        if (!out.isEmpty())
            out += u',';
        out += promqlLabelName(term.name) + opText(term.op) + promqlString(term.value);
    }
    return out;
}

} // namespace PushDeck
