#include "core/groupingkey.h"

#include <QUrl>

#include "core/promql.h"
#include "core/printable.h"

#include <QByteArray>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <functional>
#include <optional>

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

// Characters a value may carry as a plain path segment. Everything else goes
// base64: the gateway's router sees the percent-decoded path, so an encoded
// `/` would still split the segment, and `@`/`%`/non-ASCII are safer not to
// depend on every proxy in between re-encoding them the same way.
bool isPlainPathChar(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c) || c == u'.' || c == u'_' || c == u'~' || c == u'-';
}

bool isPlainPathValue(QStringView value)
{
    // `.` and `..` would be cleaned away by the gateway's router (and by
    // QUrl) as dot segments.
    if (value.isEmpty() || value == u"." || value == u"..")
        return false;
    return std::all_of(value.begin(), value.end(), isPlainPathChar);
}

QString quoted(QStringView text)
{
    return u'"' + escapeLabelValue(text) + u'"';
}

// Strict UTF-8: a grouping key value with invalid bytes cannot round-trip
// through the gateway's JSON, so it is an error rather than U+FFFD.
std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    // ConvertInitialBom: a value that starts with U+FEFF keeps it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// The gateway trims every trailing `=` and then decodes with Go's
// RawURLEncoding, so padding is optional, `=` alone is the empty value, and
// only the URL alphabet is accepted.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text)
{
    while (!text.isEmpty() && text.back() == '=')
        text.chop(1);
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4 + 1);
    quint32 buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '-')
            v = 62;
        else if (c == '_')
            v = 63;
        else
            return std::nullopt;
        buffer = (buffer << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QString encodeBase64Url(QStringView value)
{
    if (value.isEmpty())
        return u"="_s; // the gateway's spelling of the empty value
    // Raw bytes (core/printable.h) go out as the bytes they are.
    return QString::fromLatin1(encodeUtf8Exact(value).toBase64(QByteArray::Base64UrlEncoding));
}

Error invalid(QString message)
{
    return Error::make(Error::Invalid, std::move(message));
}

} // namespace

// The selector lexer shared by GroupingKey::parse and LabelMatcher::parse
// (labelmatcher.cpp declares the same prototype; there is no private header
// so that the public headers stay exactly the documented API).
namespace pushdeck::detail {

// 1-based column of text[pos], counting code points so that a column points
// at the same character an editor shows, also after emoji.
int columnAt(QStringView text, qsizetype pos)
{
    int column = 1;
    for (qsizetype i = 0; i < pos && i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++column;
    }
    return column;
}

Error parseErrorAt(QStringView text, qsizetype pos, const QString &message)
{
    Error error = Error::make(Error::Parse, u"column %1: %2"_s.arg(columnAt(text, pos)).arg(message));
    error.line = 1;
    error.column = columnAt(text, pos);
    return error;
}

using SelectorTermCallback = std::function<std::optional<Error>(
    const QString &name, QStringView op, const QString &value, qsizetype namePos, qsizetype opPos,
    qsizetype valuePos, bool quotedName)>;

namespace {

// PromQL's whitespace, not Unicode's: Prometheus refuses a no-break space.
bool isSelectorSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

int hexDigit(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return 16;
}

// A PromQL string literal starting at text[i] (a ", ' or ` quote), as
// Prometheus' lexer and strconv.Unquote read it: "..." and '...' with Go's
// escapes (\a \b \f \n \r \t \v \\, the own quote, \ooo and \xhh as bytes,
// \uhhhh and \Uhhhhhhhh as code points), `...` raw. `what` names the string
// in messages. On success i is past the closing quote. A raw line break in
// "..." ends the string for PromQL; `rawNewlines` takes it as a character
// (grouping keys, which are not queries, stay that lenient).
std::optional<Error> readString(QStringView text, qsizetype &i, const QString &what, QString &out, bool rawNewlines,
                                bool rawBytes = false)
{
    const qsizetype n = text.size();
    const qsizetype start = i;
    const QChar quote = text[i++];
    // Built as UTF-8: \x and octal escapes are bytes, as in Go.
    QByteArray bytes;
    auto appendChar = [&](char32_t c) {
        // Not QString::fromUcs4: it drops a U+FEFF.
        QString s;
        if (QChar::requiresSurrogates(c)) {
            s += QChar(QChar::highSurrogate(c));
            s += QChar(QChar::lowSurrogate(c));
        } else {
            s += QChar(char16_t(c));
        }
        bytes += s.toUtf8();
    };
    auto fail = [&](qsizetype pos, const QString &message) { return parseErrorAt(text, pos, message); };
    while (true) {
        if (i >= n)
            return fail(start, u"unterminated %1"_s.arg(what));
        const QChar c = text[i];
        if (c == quote) {
            ++i;
            break;
        }
        if (quote != u'`' && c == u'\n' && !rawNewlines)
            return fail(start, u"unterminated %1 (a line break inside quotes must be written \\n)"_s.arg(what));
        if (quote == u'`' || c != u'\\') {
            // Copy one character (a surrogate pair whole, a lone surrogate
            // as itself: the callers reject it with a message of their own).
            if (c.isHighSurrogate() && i + 1 < n && text[i + 1].isLowSurrogate()) {
                bytes += text.mid(i, 2).toUtf8();
                i += 2;
            } else if (c.isSurrogate()) {
                // No UTF-8 form: the path would carry a replacement
                // character and address another group.
                return fail(start, u"the %1 is not valid Unicode (an unpaired surrogate)"_s.arg(what));
            } else {
                bytes += QString(c).toUtf8();
                ++i;
            }
            continue;
        }
        // An escape.
        const qsizetype escapePos = i;
        if (i + 1 >= n)
            return fail(start, u"unterminated %1"_s.arg(what));
        const QChar e = text[i + 1];
        i += 2;
        switch (e.unicode()) {
        case u'a': bytes += '\a'; continue;
        case u'b': bytes += '\b'; continue;
        case u'f': bytes += '\f'; continue;
        case u'n': bytes += '\n'; continue;
        case u'r': bytes += '\r'; continue;
        case u't': bytes += '\t'; continue;
        case u'v': bytes += '\v'; continue;
        case u'\\': bytes += '\\'; continue;
        default: break;
        }
        if (e == quote) {
            bytes += char(quote.unicode());
            continue;
        }
        int digits = 0, base = 0;
        quint32 max = 0;
        if (e >= u'0' && e <= u'7') {
            digits = 3, base = 8, max = 255;
            --i; // the first digit is part of the number
        } else if (e == u'x') {
            digits = 2, base = 16, max = 255;
        } else if (e == u'u') {
            digits = 4, base = 16, max = 0x10FFFF;
        } else if (e == u'U') {
            digits = 8, base = 16, max = 0x10FFFF;
        } else {
            return fail(escapePos,
                        u"invalid escape sequence \"\\%1\" (PromQL knows \\\\, \\%2, \\n, \\t, \\r, \\a, \\b, \\f, \\v, \\x.., \\u...., \\U........ and octal \\ooo)"_s
                            .arg(e)
                            .arg(quote));
        }
        quint32 value = 0;
        for (int k = 0; k < digits; ++k) {
            if (i >= n)
                return fail(escapePos, u"escape sequence not terminated"_s);
            const int d = hexDigit(text[i]);
            if (d >= base)
                return fail(escapePos, u"invalid character \"%1\" in escape sequence"_s.arg(text[i]));
            value = value * quint32(base) + quint32(d);
            ++i;
        }
        if (value > max || (value >= 0xD800 && value < 0xE000))
            return fail(escapePos, u"escape sequence is an invalid Unicode code point"_s);
        if (e == u'u' || e == u'U')
            appendChar(char32_t(value));
        else
            bytes += char(value);
    }
    const auto decoded = decodeUtf8(bytes);
    if (!decoded && rawBytes) {
        // A value may be bytes that are not UTF-8 (core/printable.h): such a
        // group exists on a gateway and must stay addressable.
        out = decodeUtf8Exact(bytes);
        return std::nullopt;
    }
    if (!decoded)
        return fail(start, u"%1 is not valid UTF-8 (\\x and octal escapes are single bytes)"_s.arg(what));
    out = *decoded;
    return std::nullopt;
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'`';
}

} // namespace

// `{name op "value", ...}` with optional braces, whitespace, a trailing comma;
// `op` is one of = != =~ !~ (only = unless allowMatchOps). Names are PromQL
// identifiers or, as Prometheus 3 allows, quoted strings ({"service.name"="x"});
// values are PromQL strings ("..." and '...' with escapes, `...` raw).
std::optional<Error> scanLabelSelector(QStringView text, bool allowMatchOps, const SelectorTermCallback &onTerm)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpace = [&] {
        while (i < n && isSelectorSpace(text[i]))
            ++i;
    };
    auto found = [&]() -> QString {
        if (i >= n)
            return u"end of text"_s;
        if (text[i].isHighSurrogate() && i + 1 < n)
            return quoted(text.mid(i, 2));
        return quoted(text.mid(i, 1));
    };
    auto fail = [&](qsizetype pos, const QString &message) { return parseErrorAt(text, pos, message); };

    skipSpace();
    const bool braced = i < n && text[i] == u'{';
    if (braced)
        ++i;

    bool closed = !braced;
    while (true) {
        skipSpace();
        if (i >= n) {
            if (braced)
                return fail(i, u"missing closing \"}\""_s);
            break;
        }
        if (braced && text[i] == u'}') {
            ++i;
            closed = true;
            break;
        }

        // label name: an identifier, or a quoted string (Prometheus 3)
        const qsizetype namePos = i;
        QString name;
        const bool quotedName = isQuote(text[i]);
        if (quotedName) {
            if (auto error = readString(text, i, u"label name"_s, name, !allowMatchOps))
                return error;
            if (name.isEmpty())
                return fail(namePos, u"empty label name"_s);
        } else {
            if (!(isAsciiLetter(text[i]) || text[i] == u'_'))
                return fail(i, u"expected a label name, found %1"_s.arg(found()));
            while (i < n && (isAsciiLetter(text[i]) || isAsciiDigit(text[i]) || text[i] == u'_'))
                ++i;
            name = text.mid(namePos, i - namePos).toString();
        }

        // operator
        skipSpace();
        const qsizetype opPos = i;
        QStringView op;
        const QStringView rest = text.mid(i);
        if (rest.startsWith(u"=~") || rest.startsWith(u"!=") || rest.startsWith(u"!~"))
            op = rest.first(2);
        else if (rest.startsWith(u'='))
            op = rest.first(1);
        if (op.isEmpty()) {
            // {"my.metric"} is a metric name in PromQL; keys have none.
            if (quotedName && (i >= n || text[i] == u',' || text[i] == u'}'))
                return fail(namePos, u"%1 alone is a metric name in PromQL; here only labels can be named, as %1=\"value\""_s.arg(promqlString(name)));
            if (allowMatchOps)
                return fail(i, u"expected \"=\", \"!=\", \"=~\" or \"!~\" after label name \"%1\", found %2"_s.arg(name, found()));
            return fail(i, u"expected \"=\" after label name \"%1\", found %2"_s.arg(name, found()));
        }
        if (!allowMatchOps && op != u"=")
            return fail(i, u"a grouping key has exact values only: use \"=\", not \"%1\""_s.arg(op));
        i += op.size();

        // quoted value
        skipSpace();
        const qsizetype valuePos = i;
        if (i >= n || !isQuote(text[i]))
            return fail(i, u"expected a quoted value for label \"%1\", found %2"_s.arg(name, found()));
        QString value;
        if (auto error = readString(text, i, u"value of label \"%1\""_s.arg(name), value, !allowMatchOps, /*rawBytes=*/!allowMatchOps))
            return error;

        if (auto error = onTerm(name, op, value, namePos, opPos, valuePos, quotedName))
            return error;

        skipSpace();
        if (i < n && text[i] == u',') {
            ++i;
            continue; // a trailing comma is fine, as in PromQL
        }
        if (braced && i < n && text[i] == u'}') {
            ++i;
            closed = true;
            break;
        }
        if (i >= n) {
            if (braced)
                return fail(i, u"missing closing \"}\""_s);
            break;
        }
        return fail(i, (braced ? u"expected \",\" or \"}\", found %1"_s : u"expected \",\", found %1"_s).arg(found()));
    }
    Q_ASSERT(closed);
    skipSpace();
    if (i < n)
        return fail(i, u"unexpected %1 after the closing \"}\""_s.arg(found()));
    return std::nullopt;
}

} // namespace pushdeck::detail

bool isValidLabelName(QStringView name)
{
    return isLegacyLabelName(name);
}

bool isValidMetricName(QStringView name)
{
    return isLegacyMetricName(name);
}

QString escapeLabelValue(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\')
            out += u"\\\\";
        else if (c == u'"')
            out += u"\\\"";
        else if (c == u'\n')
            out += u"\\n";
        else
            out += c;
    }
    // Control characters, raw bytes, bidirectional and invisible characters
    // as escapes that parse() reads back (core/printable.h).
    return printable(out);
}

Result<GroupingKey> GroupingKey::fromLabels(LabelPairs labels)
{
    bool hasJob = false;
    for (const auto &[name, value] : std::as_const(labels)) {
        // Any UTF-8 name: Pushgateway 1.11 takes them (--push.enable-utf8-names),
        // and a listing must never fail for one; whether a gateway can be
        // sent such a key is the client's to check.
        if (!isValidUtf8Name(name))
            return invalid(name.isEmpty() ? u"empty label name in grouping key"_s
                                          : u"invalid label name %1 in grouping key (not valid Unicode)"_s.arg(quoted(name)));
        if (name.startsWith(u"__"))
            return invalid(u"label name %1 is reserved (names starting with \"__\" are internal)"_s.arg(quoted(name)));
        if (name == u"job") {
            if (value.isEmpty())
                return invalid(u"the job label of a grouping key must not be empty"_s);
            hasJob = true;
        }
        // An unpaired surrogate has no UTF-8 form: the path would carry a
        // replacement character and address a different group. Raw bytes
        // (core/printable.h) are exact.
        if (!isExactText(value))
            return invalid(u"the value of label %1 is not valid Unicode (an unpaired surrogate)"_s.arg(quoted(name)));
    }
    // Raw bytes that form UTF-8 together are that text: one key, one form.
    for (auto &pair : labels) {
        if (hasRawBytes(pair.second))
            pair.second = decodeUtf8Exact(encodeUtf8Exact(pair.second));
    }
    if (!hasJob)
        return invalid(u"a grouping key needs a job label"_s);

    const auto jobFirst = [](const LabelPair &a, const LabelPair &b) {
        const bool aJob = a.first == u"job";
        const bool bJob = b.first == u"job";
        if (aJob != bJob)
            return aJob;
        return a.first < b.first;
    };
    if (!std::is_sorted(labels.cbegin(), labels.cend(), jobFirst))
        std::sort(labels.begin(), labels.end(), jobFirst);
    // Sorted, duplicates are neighbours (a set per key cost a sixth of
    // decoding a big answer).
    const auto duplicate = std::adjacent_find(labels.cbegin(), labels.cend(),
                                              [](const LabelPair &a, const LabelPair &b) { return a.first == b.first; });
    if (duplicate != labels.cend())
        return invalid(u"duplicate label %1 in grouping key"_s.arg(quoted(duplicate->first)));
    GroupingKey key;
    key.setLabels(std::move(labels));
    return key;
}

void GroupingKey::setLabels(LabelPairs labels)
{
    m_labels = std::move(labels);
    m_hash = qHashRange(m_labels.cbegin(), m_labels.cend());
}

Result<GroupingKey> GroupingKey::parse(QStringView text)
{
    using namespace pushdeck::detail;
    LabelPairs labels;
    QSet<QString> seen;
    qsizetype jobValuePos = -1;
    auto error = scanLabelSelector(text, false,
        [&](const QString &name, QStringView, const QString &value, qsizetype namePos, qsizetype,
            qsizetype valuePos, bool) -> std::optional<Error> {
            if (name.startsWith(u"__"))
                return parseErrorAt(text, namePos, u"label name %1 is reserved (names starting with \"__\" are internal)"_s.arg(quoted(name)));
            if (seen.contains(name))
                return parseErrorAt(text, namePos, u"duplicate label %1"_s.arg(quoted(name)));
            seen.insert(name);
            if (!isExactText(value))
                return parseErrorAt(text, valuePos, u"the value of label %1 is not valid Unicode (an unpaired surrogate)"_s.arg(quoted(name)));
            if (name == u"job")
                jobValuePos = valuePos;
            labels.append({name, value});
            return std::nullopt;
        });
    if (error)
        return *error;
    if (jobValuePos < 0)
        return parseErrorAt(text, 0, u"a grouping key needs a job label, e.g. {job=\"backup\"}"_s);
    auto key = fromLabels(std::move(labels));
    if (!key) // only the empty job is left to catch here
        return parseErrorAt(text, jobValuePos, key.errorString());
    return key;
}

Result<GroupingKey> GroupingKey::fromPath(QStringView path, PathNames names)
{
    // A pasted URL may carry a query or fragment; neither can be part of a
    // key (base64url has no `?` or `#`).
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] == u'?' || path[i] == u'#') {
            path = path.first(i);
            break;
        }
    }

    const QList<QStringView> segments = path.split(u'/');
    qsizetype start = -1;
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        if (segments[i] == u"metrics" && (segments[i + 1] == u"job" || segments[i + 1] == u"job@base64")) {
            start = i + 1;
            break;
        }
    }
    if (start < 0)
        return invalid(u"not a grouping key path: %1 has no \"metrics/job/\""_s.arg(quoted(path)));

    QList<QStringView> rest = segments.mid(start);
    // The gateway ignores a slash right after the job (`/metrics/job/a/`);
    // anywhere later an empty last segment is an empty value.
    if (rest.size() == 3 && rest[2].isEmpty())
        rest.removeLast();
    if (rest.size() % 2 != 0)
        return invalid(u"odd number of segments after \"metrics/\" in %1: every label needs a name and a value"_s.arg(quoted(path)));

    LabelPairs labels;
    for (qsizetype i = 0; i < rest.size(); i += 2) {
        const QByteArray nameBytes = QByteArray::fromPercentEncoding(rest[i].toUtf8());
        const auto nameText = decodeUtf8(nameBytes);
        if (!nameText)
            return invalid(u"label name %1 is not valid UTF-8"_s.arg(quoted(rest[i])));
        QString name = *nameText;
        const bool base64 = name.endsWith(u"@base64");
        if (base64)
            name.chop(int(QStringView(u"@base64").size()));
        if (names == PathNames::Utf8Escaped) {
            // As the gateway does: text that is no valid escape stays as it is.
            name = unescapePathLabelName(name).value_or(name);
        }

        QByteArray valueBytes = QByteArray::fromPercentEncoding(rest[i + 1].toUtf8());
        if (base64) {
            auto decoded = decodeBase64Url(valueBytes);
            if (!decoded)
                return invalid(u"invalid base64url value for label %1: %2"_s.arg(quoted(name), quoted(rest[i + 1])));
            valueBytes = *decoded;
        }
        // Bytes that are not UTF-8 are kept as raw bytes: such a group
        // exists on a gateway (kept after its push was rejected).
        labels.append({name, decodeUtf8Exact(valueBytes)});
    }
    if (labels.isEmpty() || labels.first().first != u"job")
        return invalid(u"the first label in a grouping key path must be job"_s);
    return fromLabels(std::move(labels));
}

QString GroupingKey::job() const
{
    return value(u"job");
}

bool GroupingKey::contains(QStringView name) const
{
    return std::any_of(m_labels.begin(), m_labels.end(), [&](const LabelPair &p) { return p.first == name; });
}

QString GroupingKey::value(QStringView name) const
{
    for (const auto &[n, v] : m_labels) {
        if (n == name)
            return v;
    }
    return {};
}

QStringList GroupingKey::names() const
{
    QStringList out;
    out.reserve(m_labels.size());
    for (const auto &pair : m_labels)
        out.append(pair.first);
    return out;
}

QString GroupingKey::toString() const
{
    QString out = u"{"_s;
    bool first = true;
    for (const auto &[name, value] : m_labels) {
        if (!first)
            out += u',';
        first = false;
        out += promqlLabelName(name) + u'=' + quoted(value);
    }
    out += u'}';
    return out;
}

QString GroupingKey::toPath(PathNames names) const
{
    if (!isValid())
        return {};
    QString out = u"metrics"_s;
    for (const auto &[name, value] : m_labels) {
        // A UTF-8 name in a plain path (a gateway without UTF-8 names refuses
        // it anyway) is percent-encoded, so the path stays one URL-safe path
        // that fromPath() reads back.
        const QString pathName = names == PathNames::Utf8Escaped ? escapePathLabelName(name)
                                 : isLegacyLabelName(name)       ? name
                                                                 : QString::fromLatin1(QUrl::toPercentEncoding(name, {}, "."));
        if (isPlainPathValue(value))
            out += u'/' + pathName + u'/' + value;
        else
            out += u'/' + pathName + u"@base64/" + encodeBase64Url(value);
    }
    return out;
}

bool GroupingKey::hasUtf8Names() const
{
    return std::any_of(m_labels.begin(), m_labels.end(), [](const LabelPair &p) { return !isLegacyLabelName(p.first); });
}

bool GroupingKey::pathDependsOnNameEscaping() const
{
    return std::any_of(m_labels.begin(), m_labels.end(),
                       [](const LabelPair &p) { return escapePathLabelName(p.first) != p.first; });
}

QString GroupingKey::escapePathLabelName(QStringView name)
{
    // prometheus/common model.EscapeName(name, ValueEncodingEscaping), with
    // one difference: a legacy name starting with U__ is escaped as well,
    // as the Pushgateway's README asks, or the gateway would decode it into
    // another name (U__x would become x).
    if (isLegacyLabelName(name) && !name.startsWith(u"U__"))
        return name.toString();
    QString out = u"U__"_s;
    const QList<uint> codePoints = name.toUcs4();
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const uint c = codePoints[i];
        if (c == u'_')
            out += u"__"_s;
        else if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9' && i > 0))
            out += QChar(char16_t(c));
        else
            out += u'_' + QString::number(c, 16) + u'_';
    }
    return out;
}

std::optional<QString> GroupingKey::unescapePathLabelName(QStringView name)
{
    // model.UnescapeName(name, ValueEncodingEscaping), except that it says
    // when the text is not a valid escape (upstream returns it unchanged).
    if (!name.startsWith(u"U__"))
        return name.toString();
    const QStringView escaped = name.mid(3);
    QString out;
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        if (escaped[i] != u'_') {
            out += escaped[i];
            continue;
        }
        if (++i >= escaped.size())
            return std::nullopt;
        if (escaped[i] == u'_') {
            out += u'_';
            continue;
        }
        quint32 value = 0;
        int digits = 0;
        while (i < escaped.size() && escaped[i] != u'_') {
            const QChar c = escaped[i].toLower();
            int d;
            if (c >= u'0' && c <= u'9')
                d = c.unicode() - u'0';
            else if (c >= u'a' && c <= u'f')
                d = c.unicode() - u'a' + 10;
            else
                return std::nullopt;
            if (++digits > 6)
                return std::nullopt;
            value = value * 16 + quint32(d);
            ++i;
        }
        if (i >= escaped.size() || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000))
            return std::nullopt;
        const char32_t c = value;
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

GroupingKey GroupingKey::collisionKey() const
{
    LabelPairs labels;
    labels.reserve(m_labels.size());
    for (const auto &pair : m_labels) {
        if (!pair.second.isEmpty())
            labels.append(pair);
    }
    GroupingKey key;
    key.setLabels(std::move(labels));
    return key;
}

} // namespace PushDeck
