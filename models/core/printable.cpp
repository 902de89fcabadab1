#include "core/printable.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr char16_t RawByteBase = 0xDC00;

// The length of the valid UTF-8 sequence at bytes[i] (Go's utf8.DecodeRune
// rules), 0 when the byte starts none.
int validSequenceAt(QByteArrayView bytes, qsizetype i, char32_t *codePoint)
{
    const auto at = [&](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char b0 = at(i);
    const qsizetype left = bytes.size() - i;
    auto continuation = [&](qsizetype k, unsigned char low = 0x80, unsigned char high = 0xBF) {
        return k < bytes.size() && at(k) >= low && at(k) <= high;
    };
    if (b0 < 0x80) {
        *codePoint = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2 && continuation(i + 1)) {
        *codePoint = char32_t(b0 & 0x1F) << 6 | (at(i + 1) & 0x3F);
        return 2;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3) {
        // E0: no overlong forms; ED: no surrogates.
        const unsigned char low = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = b0 == 0xED ? 0x9F : 0xBF;
        if (continuation(i + 1, low, high) && continuation(i + 2)) {
            *codePoint = char32_t(b0 & 0x0F) << 12 | char32_t(at(i + 1) & 0x3F) << 6 | (at(i + 2) & 0x3F);
            return 3;
        }
        return 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && left >= 4) {
        // F0: no overlong forms; F4: nothing above U+10FFFF.
        const unsigned char low = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = b0 == 0xF4 ? 0x8F : 0xBF;
        if (continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3)) {
            *codePoint = char32_t(b0 & 0x07) << 18 | char32_t(at(i + 1) & 0x3F) << 12 | char32_t(at(i + 2) & 0x3F) << 6
                | (at(i + 3) & 0x3F);
            return 4;
        }
    }
    return 0;
}

bool isLoneSurrogateAt(QStringView text, qsizetype i)
{
    const QChar c = text[i];
    if (c.isHighSurrogate())
        return !(i + 1 < text.size() && text[i + 1].isLowSurrogate());
    if (c.isLowSurrogate())
        return !(i > 0 && text[i - 1].isHighSurrogate());
    return false;
}

// Characters that are not controls but change what the text around them
// looks like, or are invisible: bidirectional controls, zero-width and
// joiner characters, separators, BOM, interlinear annotations.
bool isInvisibleFormat(char32_t c)
{
    return c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF
        || (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

void appendHex(QString &out, char32_t value, int digits)
{
    static const char16_t hex[] = u"0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out += QChar(hex[(value >> shift) & 0xF]);
}

// The escape for the character(s) at text[i]; returns how many QChars it
// stands for (0: none needed).
qsizetype escapeAt(QStringView text, qsizetype i, LineBreaks lineBreaks, QString *out)
{
    const QChar c = text[i];
    const char16_t u = c.unicode();
    if (u < 0x20 || u == 0x7F) {
        if (u == u'\n' && lineBreaks == LineBreaks::Keep)
            return 0;
        if (out) {
            switch (u) {
            case u'\n': *out += u"\\n"; break;
            case u'\t': *out += u"\\t"; break;
            case u'\r': *out += u"\\r"; break;
            default:
                *out += u"\\x";
                appendHex(*out, u, 2);
            }
        }
        return 1;
    }
    if (u >= 0x80 && u <= 0x9F) {
        if (out) {
            *out += u"\\u";
            appendHex(*out, u, 4);
        }
        return 1;
    }
    if (c.isSurrogate()) {
        if (isLoneSurrogateAt(text, i)) {
            if (out) {
                if (u >= 0xDC80 && u <= 0xDCFF) {
                    *out += u"\\x";
                    appendHex(*out, u - RawByteBase, 2);
                } else {
                    *out += u"\\u";
                    appendHex(*out, u, 4);
                }
            }
            return 1;
        }
        if (c.isHighSurrogate()) {
            const char32_t full = QChar::surrogateToUcs4(c, text[i + 1]);
            if (isInvisibleFormat(full)) {
                if (out) {
                    *out += u"\\U";
                    appendHex(*out, full, 8);
                }
                return 2;
            }
        }
        return 0;
    }
    if (isInvisibleFormat(u)) {
        if (out) {
            *out += u"\\u";
            appendHex(*out, u, 4);
        }
        return 1;
    }
    return 0;
}

} // namespace

QString decodeUtf8Exact(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        char32_t codePoint = 0;
        const int length = validSequenceAt(bytes, i, &codePoint);
        if (length == 0) {
            out += QChar(char16_t(RawByteBase + static_cast<unsigned char>(bytes[i])));
            ++i;
            continue;
        }
        if (QChar::requiresSurrogates(codePoint)) {
            out += QChar(QChar::highSurrogate(codePoint));
            out += QChar(QChar::lowSurrogate(codePoint));
        } else {
            out += QChar(char16_t(codePoint));
        }
        i += length;
    }
    return out;
}

QByteArray encodeUtf8Exact(QStringView text)
{
    if (!hasRawBytes(text))
        return text.toUtf8();
    QByteArray out;
    out.reserve(text.size() * 2);
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!isRawByteAt(text, i))
            continue;
        out += text.sliced(start, i - start).toUtf8();
        out += char(text[i].unicode() - RawByteBase);
        start = i + 1;
    }
    out += text.sliced(start).toUtf8();
    return out;
}

bool isRawByteAt(QStringView text, qsizetype i)
{
    const char16_t u = text[i].unicode();
    return u >= 0xDC80 && u <= 0xDCFF && !(i > 0 && text[i - 1].isHighSurrogate());
}

bool hasRawBytes(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isRawByteAt(text, i))
            return true;
    }
    return false;
}

QString withReplacementCharacters(QStringView text)
{
    QString out = text.toString();
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isRawByteAt(text, i))
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

bool isExactText(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isLoneSurrogateAt(text, i) && !isRawByteAt(text, i))
            return false;
    }
    return true;
}

bool needsEscape(QStringView text, qsizetype i, LineBreaks lineBreaks)
{
    return escapeAt(text, i, lineBreaks, nullptr) > 0;
}

bool isPrintable(QStringView text, LineBreaks lineBreaks)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (escapeAt(text, i, lineBreaks, nullptr) > 0)
            return false;
    }
    return true;
}

QString printable(QStringView text, LineBreaks lineBreaks)
{
    return printable(text, lineBreaks, nullptr);
}

QString printable(QStringView text, LineBreaks lineBreaks, QList<EscapedSpan> *spans)
{
    // Nearly all text needs nothing: no copy beyond the one returned.
    qsizetype first = 0;
    while (first < text.size() && escapeAt(text, first, lineBreaks, nullptr) == 0)
        ++first;
    if (first == text.size())
        return text.toString();
    QString out;
    out.reserve(text.size() + 16);
    out += text.first(first);
    for (qsizetype i = first; i < text.size();) {
        const qsizetype start = out.size();
        const qsizetype used = escapeAt(text, i, lineBreaks, &out);
        if (used == 0) {
            out += text[i];
            ++i;
            continue;
        }
        if (spans)
            spans->append({start, out.size() - start});
        i += used;
    }
    return out;
}

QList<EscapedSpan> escapeSpans(QStringView text)
{
    QList<EscapedSpan> spans;
    auto isHex = [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    };
    auto hexRun = [&](qsizetype from, int digits) {
        if (from + digits > text.size())
            return false;
        for (int k = 0; k < digits; ++k) {
            if (!isHex(text[from + k]))
                return false;
        }
        return true;
    };
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'\\')
            continue;
        const QChar e = text[i + 1];
        qsizetype length = 0;
        if (e == u'n' || e == u't' || e == u'r')
            length = 2;
        else if (e == u'x' && hexRun(i + 2, 2))
            length = 4;
        else if (e == u'u' && hexRun(i + 2, 4))
            length = 6;
        else if (e == u'U' && hexRun(i + 2, 8))
            length = 10;
        if (length > 0) {
            spans.append({i, length});
            i += length - 1;
        } else {
            ++i; // \\ or \" : the next character is taken as it is
        }
    }
    return spans;
}

} // namespace PushDeck
