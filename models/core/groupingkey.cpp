#include "core/groupingkey.h"

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
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
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

// \xHH, \uHHHH, \UHHHHHHHH at text[i] (the backslash): the code point, or
// -1 when the digits are missing or invalid.
int hexEscapeLength(QChar kind)
{
    return kind == u'x' ? 2 : kind == u'u' ? 4 : kind == u'U' ? 8 : 0;
}

long long hexEscapeValue(QStringView text, qsizetype i)
{
    const int digits = hexEscapeLength(text[i + 1]);
    if (digits == 0 || i + 2 + digits > text.size())
        return -1;
    long long value = 0;
    for (QChar c : text.sliced(i + 2, digits)) {
        const int digit = c >= u'0' && c <= u'9' ? c.unicode() - u'0'
                        : c >= u'a' && c <= u'f' ? c.unicode() - u'a' + 10
                        : c >= u'A' && c <= u'F' ? c.unicode() - u'A' + 10
                                                 : -1;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
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
    qsizetype valuePos)>;

// `{name op "value", ...}` with optional braces, whitespace, a trailing comma;
// `op` is one of = != =~ !~ (only = unless allowMatchOps). Values take the
// text format's escapes \\ \" \n and no others.
std::optional<Error> scanLabelSelector(QStringView text, bool allowMatchOps, const SelectorTermCallback &onTerm)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpace = [&] {
        while (i < n && text[i].isSpace())
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

        // label name
        const qsizetype namePos = i;
        if (!(isAsciiLetter(text[i]) || text[i] == u'_'))
            return fail(i, u"expected a label name, found %1"_s.arg(found()));
        while (i < n && (isAsciiLetter(text[i]) || isAsciiDigit(text[i]) || text[i] == u'_'))
            ++i;
        const QString name = text.mid(namePos, i - namePos).toString();

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
        if (i >= n || text[i] != u'"')
            return fail(i, u"expected a double-quoted value for label \"%1\", found %2"_s.arg(name, found()));
        ++i;
        QString value;
        bool terminated = false;
        while (i < n) {
            const QChar c = text[i];
            if (c == u'"') {
                ++i;
                terminated = true;
                break;
            }
            if (c == u'\\') {
                if (i + 1 >= n)
                    break;
                const QChar e = text[i + 1];
                if (e == u'\\')
                    value += u'\\';
                else if (e == u'"')
                    value += u'"';
                else if (e == u'n')
                    value += u'\n';
                else if (e == u't')
                    value += u'\t';
                else if (e == u'r')
                    value += u'\r';
                else if (const int digits = hexEscapeLength(e)) {
                    // What escapeLabelValue() writes for control characters
                    // and raw bytes (PromQL/Go syntax); \xHH above 7f is a byte.
                    const long long code = hexEscapeValue(text, i);
                    if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                        return fail(i, u"invalid escape sequence \"%1\" (\\%2 takes %3 hex digits of a character)"_s
                                           .arg(text.mid(i, 2 + digits), e).arg(digits));
                    const char32_t codePoint = char32_t(code);
                    if (e == u'x' && code >= 0x80) {
                        value += QChar(char16_t(0xDC00 + code));
                    } else if (QChar::requiresSurrogates(codePoint)) {
                        value += QChar(QChar::highSurrogate(codePoint));
                        value += QChar(QChar::lowSurrogate(codePoint));
                    } else {
                        value += QChar(char16_t(codePoint)); // (fromUcs4 would drop a BOM)
                    }
                    i += 2 + digits;
                    continue;
                } else {
                    return fail(i, u"invalid escape sequence \"\\%1\" (allowed: \\\\ \\\" \\n \\t \\r \\xHH \\uHHHH \\UHHHHHHHH)"_s.arg(e));
                }
                i += 2;
                continue;
            }
            value += c;
            ++i;
        }
        if (!terminated)
            return fail(valuePos, u"unterminated value of label \"%1\""_s.arg(name));
        // Bytes given one by one (\xc3\xbc) that form UTF-8 are that text.
        if (hasRawBytes(value))
            value = decodeUtf8Exact(encodeUtf8Exact(value));

        if (auto error = onTerm(name, op, value, namePos, opPos, valuePos))
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
    if (name.isEmpty() || !(isAsciiLetter(name[0]) || name[0] == u'_'))
        return false;
    return std::all_of(name.begin() + 1, name.end(),
                       [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_'; });
}

bool isValidMetricName(QStringView name)
{
    if (name.isEmpty() || !(isAsciiLetter(name[0]) || name[0] == u'_' || name[0] == u':'))
        return false;
    return std::all_of(name.begin() + 1, name.end(),
                       [](QChar c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_' || c == u':'; });
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
        if (!isValidLabelName(name))
            return invalid(u"invalid label name %1 in grouping key"_s.arg(quoted(name)));
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
            qsizetype valuePos) -> std::optional<Error> {
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

Result<GroupingKey> GroupingKey::fromPath(QStringView path)
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
        out += name + u'=' + quoted(value);
    }
    out += u'}';
    return out;
}

QString GroupingKey::toPath() const
{
    if (!isValid())
        return {};
    QString out = u"metrics"_s;
    for (const auto &[name, value] : m_labels) {
        if (isPlainPathValue(value))
            out += u'/' + name + u'/' + value;
        else
            out += u'/' + name + u"@base64/" + encodeBase64Url(value);
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
