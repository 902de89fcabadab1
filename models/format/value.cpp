#include "format/value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace PushDeck {

QByteArray formatValue(double value)
{
    // Go's expfmt writeFloat: special words, 0/1/-1 verbatim (so -0 is "0"),
    // otherwise strconv.FormatFloat(v, 'g', -1, 64). That is the shortest
    // round-trip digit string, laid out as %e when the decimal exponent is
    // < -4 or >= 6 (Go uses 6, not the digit count, for shortest 'g').
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == 0)
        return QByteArrayLiteral("0");

    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const QByteArrayView scientific(buffer, result.ptr - buffer);
    const qsizetype ePos = scientific.indexOf('e');
    const int exponent = scientific.sliced(ePos + 1).toByteArray().toInt();
    if (exponent < -4 || exponent >= 6) {
        // C++ and Go agree on this form: "1.5e+07", "1e-05", "1e-300".
        return scientific.toByteArray();
    }

    const bool negative = value < 0;
    QByteArray digits;
    for (char c : scientific.first(ePos)) {
        if (c >= '0' && c <= '9')
            digits.append(c);
    }
    QByteArray out;
    if (negative)
        out.append('-');
    if (exponent >= 0) {
        const qsizetype integerDigits = exponent + 1;
        if (digits.size() <= integerDigits) {
            out.append(digits);
            out.append(QByteArray(integerDigits - digits.size(), '0'));
        } else {
            out.append(digits.first(integerDigits));
            out.append('.');
            out.append(digits.sliced(integerDigits));
        }
    } else {
        out.append("0.");
        out.append(QByteArray(-exponent - 1, '0'));
        out.append(digits);
    }
    return out;
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

qsizetype commonPrefixLenIgnoreCase(QByteArrayView s, QByteArrayView prefix)
{
    qsizetype n = std::min(s.size(), prefix.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (lowerAscii(s[i]) != prefix[i])
            return i;
    }
    return n;
}

} // namespace

std::optional<double> parseValue(QByteArrayView text)
{
    // expfmt refuses p, P and _ before calling strconv.ParseFloat, which
    // rules out hex floats and digit separators; what is left is decimal
    // notation and the special words.
    if (text.isEmpty())
        return std::nullopt;

    // strconv's special(): [+-](inf|infinity) or nan, case-insensitive; a
    // sign in front of nan is not accepted.
    {
        QByteArrayView s = text;
        double sign = 1;
        bool hasSign = false;
        if (s[0] == '+' || s[0] == '-') {
            sign = s[0] == '-' ? -1 : 1;
            hasSign = true;
            s = s.sliced(1);
        }
        if (!s.isEmpty() && (s[0] == 'i' || s[0] == 'I')) {
            const qsizetype n = commonPrefixLenIgnoreCase(s, "infinity");
            if ((n == 3 || n == 8) && n == s.size())
                return sign * std::numeric_limits<double>::infinity();
            return std::nullopt;
        }
        if (!hasSign && (s[0] == 'n' || s[0] == 'N')) {
            if (s.size() == 3 && commonPrefixLenIgnoreCase(s, "nan") == 3)
                return std::numeric_limits<double>::quiet_NaN();
            return std::nullopt;
        }
    }

    // Decimal: [+-] digits [. digits] [(e|E) [+-] digits], at least one
    // mantissa digit, nothing else.
    qsizetype i = 0;
    bool negative = false;
    if (text[i] == '+' || text[i] == '-') {
        negative = text[i] == '-';
        ++i;
    }
    const qsizetype mantissaStart = i;
    bool sawDigits = false;
    bool sawDot = false;
    bool sawNonZero = false;
    long long significantIntegerDigits = 0; // integer digits from the first non-zero one on
    long long leadingFractionZeros = 0;     // zeros after the dot before the first non-zero digit
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            if (sawDot)
                return std::nullopt;
            sawDot = true;
            continue;
        }
        if (!isDigit(c))
            break;
        sawDigits = true;
        if (c != '0')
            sawNonZero = true;
        if (!sawDot && sawNonZero)
            ++significantIntegerDigits;
        if (sawDot && !sawNonZero)
            ++leadingFractionZeros;
    }
    if (!sawDigits)
        return std::nullopt;
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i >= text.size())
            return std::nullopt;
        bool negativeExponent = false;
        if (text[i] == '+' || text[i] == '-') {
            negativeExponent = text[i] == '-';
            ++i;
        }
        if (i >= text.size() || !isDigit(text[i]))
            return std::nullopt;
        for (; i < text.size() && isDigit(text[i]); ++i) {
            if (exponent < 100000000)
                exponent = exponent * 10 + (text[i] - '0');
        }
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i != text.size())
        return std::nullopt;

    double value = 0;
    const char *begin = text.data() + mantissaStart;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(begin, end, value, std::chars_format::general);
    if (result.ptr != end)
        return std::nullopt;
    if (result.ec == std::errc::result_out_of_range) {
        // from_chars reports both overflow and underflow; Go's ParseFloat
        // fails only on overflow and rounds underflow to (signed) zero.
        const long long magnitude = significantIntegerDigits > 0
            ? significantIntegerDigits - 1 + exponent
            : -(leadingFractionZeros + 1) + exponent;
        if (sawNonZero && magnitude > 0)
            return std::nullopt;
        value = 0;
    } else if (result.ec != std::errc()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

} // namespace PushDeck
