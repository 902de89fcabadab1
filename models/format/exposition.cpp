#include "format/exposition.h"

#include "format/value.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

// ---------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------

namespace {

void appendEscaped(QByteArray &out, QByteArrayView text, bool labelValue)
{
    for (char c : text) {
        switch (c) {
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '"':
            if (labelValue)
                out.append("\\\"");
            else
                out.append(c);
            break;
        default: out.append(c);
        }
    }
}

struct EncodedLabel
{
    QByteArray name;
    QByteArray value;
};

void appendSample(QByteArray &out, const QByteArray &name, QByteArrayView suffix,
                  const QList<EncodedLabel> &labels, QByteArrayView extraName,
                  double extraValue, double value)
{
    out.append(name);
    out.append(suffix);
    if (!labels.isEmpty() || !extraName.isEmpty()) {
        char separator = '{';
        for (const auto &label : labels) {
            out.append(separator);
            out.append(label.name);
            out.append("=\"");
            appendEscaped(out, label.value, true);
            out.append('"');
            separator = ',';
        }
        if (!extraName.isEmpty()) {
            out.append(separator);
            out.append(extraName);
            out.append("=\"");
            out.append(formatValue(extraValue));
            out.append('"');
        }
        out.append('}');
    }
    out.append(' ');
    // Go's text writer prints -0 as "0"; the gateway keeps the sign of what
    // it is pushed (its JSON says "-0"), so a snapshot pushed back keeps it.
    if (value == 0 && std::signbit(value))
        out.append("-0");
    else
        out.append(formatValue(value));
    out.append('\n');
}

} // namespace

QByteArray writeExposition(const QList<MetricFamily> &families, const ExpositionWriteOptions &options)
{
    QByteArray out;
    for (const MetricFamily &family : families) {
        if (options.skipGatewayFamilies && (family.name == PushTimeFamily || family.name == PushFailureTimeFamily))
            continue;
        // A family without series has no text form (the gateway's parser
        // drops such families as well).
        if (family.series.isEmpty())
            continue;
        const QByteArray name = family.name.toUtf8();
        if (!family.help.isEmpty()) {
            out.append("# HELP ");
            out.append(name);
            out.append(' ');
            appendEscaped(out, family.help.toUtf8(), false);
            out.append('\n');
        }
        out.append("# TYPE ");
        out.append(name);
        out.append(' ');
        out.append(metricTypeName(family.type).toLatin1());
        out.append('\n');

        auto keptLabels = [&](const Series &series, bool dropEmpty) {
            LabelPairs kept;
            for (const auto &label : series.labels) {
                if (options.dropLabels.contains(label.first))
                    continue;
                if (label.second.isEmpty() && (dropEmpty || options.dropIfEmpty.contains(label.first)))
                    continue;
                kept.append(label);
            }
            std::stable_sort(kept.begin(), kept.end(), [](const LabelPair &a, const LabelPair &b) {
                return a.first < b.first;
            });
            return kept;
        };
        // Dropping empty labels must not make two series the same: the
        // gateway keeps {v=""} and {} apart, but would refuse the text with
        // both written as {} as duplicates. Those series keep their empty
        // labels. Same as the gateway sees it: `job` is overwritten by the
        // grouping key's, so it does not tell series apart.
        auto identity = [&](const Series &series) {
            LabelPairs labels = keptLabels(series, true);
            labels.removeIf([](const LabelPair &l) { return l.first == u"job"; });
            return labels;
        };
        QHash<LabelPairs, int> withoutEmpty;
        if (options.dropEmptyLabels) {
            for (const Series &series : family.series)
                ++withoutEmpty[identity(series)];
        }

        for (const Series &series : family.series) {
            const bool dropEmpty = options.dropEmptyLabels && withoutEmpty.value(identity(series)) < 2;
            const LabelPairs kept = keptLabels(series, dropEmpty);
            QList<EncodedLabel> labels;
            labels.reserve(kept.size());
            for (const auto &label : kept)
                labels.append({label.first.toUtf8(), label.second.toUtf8()});

            switch (family.type) {
            case MetricType::Untyped:
            case MetricType::Counter:
            case MetricType::Gauge:
                appendSample(out, name, {}, labels, {}, 0, series.value);
                break;
            case MetricType::Histogram:
                for (const Bucket &bucket : series.buckets)
                    appendSample(out, name, "_bucket", labels, "le", bucket.upperBound, bucket.cumulativeCount);
                appendSample(out, name, "_sum", labels, {}, 0, series.sum);
                appendSample(out, name, "_count", labels, {}, 0, series.count);
                break;
            case MetricType::Summary:
                for (const Quantile &quantile : series.quantiles)
                    appendSample(out, name, {}, labels, "quantile", quantile.quantile, quantile.value);
                appendSample(out, name, "_sum", labels, {}, 0, series.sum);
                appendSample(out, name, "_count", labels, {}, 0, series.count);
                break;
            }
        }
    }
    return out;
}

QByteArray groupExposition(const Group &group)
{
    ExpositionWriteOptions options;
    options.skipGatewayFamilies = true;
    options.dropLabels = group.key.names();
    // The gateway keeps a pushed g{a="",b="x"} with its a="" (its JSON and
    // /metrics show it), so the text keeps empty-valued labels: pushed back,
    // the group reads back exactly as it was. Only the instance="" the
    // gateway adds to a group without an instance is its own.
    options.dropEmptyLabels = false;
    if (!group.key.contains(u"instance"))
        options.dropIfEmpty = QStringList{QStringLiteral("instance")};
    return writeExposition(group.families, options);
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------
//
// A port of the state machine in prometheus/common expfmt/text_parse.go
// (v0.37, what the gateway 1.5.1 is built with), byte for byte, so that the
// same text is accepted and reassembled the same way. On top of it come the
// checks the gateway runs after parsing (handler/push.go, storage and the
// client_golang gatherer): no timestamps, no `__` label names, no histogram
// or summary colliding with a `_count`/`_sum`/`_bucket` family, no duplicate
// series once `job` is overwritten and a missing `instance` becomes "".
//
// What the text alone cannot tell is left to the gateway: a family whose
// type or help differs from the same name in another group or among the
// gateway's own metrics (go_*, process_*, pushgateway_*), and series that
// collide only because the target key has more labels than `job`.
// One deliberate difference: gauge_histogram samples are refused here, while
// the gateway drops its own parser error for them and stores valueless series
// (which its /metrics omits).

namespace {

// dto.MetricType values, plus "not set yet".
enum class GoType { Unset, Counter, Gauge, Summary, Untyped, Histogram, GaugeHistogram };

struct ParsedMetric
{
    QList<std::pair<QByteArray, QByteArray>> labels;
    double value = 0;
    QList<Bucket> buckets;
    QList<Quantile> quantiles;
    double sum = 0;
    double count = 0;
    int line = 0;
    int column = 0;
};

struct ParsedFamily
{
    QByteArray name;
    GoType type = GoType::Unset;
    bool hasHelp = false;
    QByteArray help;
    std::vector<ParsedMetric> metrics;
};

bool isBlankOrTab(char c)
{
    return c == ' ' || c == '\t';
}

bool isValidLabelNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isValidLabelNameContinuation(char c)
{
    return isValidLabelNameStart(c) || isDigit(c);
}

bool isValidMetricNameStart(char c)
{
    return isValidLabelNameStart(c) || c == ':';
}

bool isValidMetricNameContinuation(char c)
{
    return isValidLabelNameContinuation(c) || c == ':';
}

bool hasSuffix(const QByteArray &name, QByteArrayView suffix)
{
    return name.size() > suffix.size() && name.endsWith(suffix);
}

bool isCount(const QByteArray &name) { return hasSuffix(name, "_count"); }
bool isSum(const QByteArray &name) { return hasSuffix(name, "_sum"); }
bool isBucket(const QByteArray &name) { return hasSuffix(name, "_bucket"); }

QByteArray summaryMetricName(const QByteArray &name)
{
    if (isCount(name))
        return name.chopped(6);
    if (isSum(name))
        return name.chopped(4);
    return name;
}

QByteArray histogramMetricName(const QByteArray &name)
{
    if (isCount(name))
        return name.chopped(6);
    if (isSum(name))
        return name.chopped(4);
    if (isBucket(name))
        return name.chopped(7);
    return name;
}

// Go's utf8.ValidString: no overlong forms, no surrogates, nothing above
// U+10FFFF.
bool isValidUtf8(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        if (b0 < 0x80) {
            ++i;
            continue;
        }
        int length;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            if (b0 == 0xE0)
                low = 0xA0;
            else if (b0 == 0xED)
                high = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            if (b0 == 0xF0)
                low = 0x90;
            else if (b0 == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
        if (b1 < low || b1 > high)
            return false;
        for (int k = 2; k < length; ++k) {
            const auto b = static_cast<unsigned char>(bytes[i + k]);
            if (b < 0x80 || b > 0xBF)
                return false;
        }
        i += length;
    }
    return true;
}

// Go's %q for a string, near enough for messages: printable text as is,
// quotes, backslashes and control bytes escaped.
QString goQuote(QByteArrayView bytes)
{
    QByteArray out = "\"";
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        case '\r': out.append("\\r"); break;
        default:
            if (u < 0x20 || u == 0x7f)
                out.append("\\x").append(QByteArray::number(u, 16).rightJustified(2, '0'));
            else
                out.append(c);
        }
    }
    out.append('"');
    return QString::fromUtf8(out);
}

// Go's %q for a single byte: a quoted character literal.
QString goQuoteChar(char c)
{
    switch (c) {
    case '\n': return u"'\\n'"_s;
    case '\t': return u"'\\t'"_s;
    case '\r': return u"'\\r'"_s;
    case '\'': return u"'\\''"_s;
    case '\\': return u"'\\\\'"_s;
    default: break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f)
        return u"'\\x"_s + QString::number(u, 16).rightJustified(2, u'0') + u'\'';
    if (u >= 0x80) // Go formats the byte as the rune U+0080..U+00FF
        return u'\'' + QString(QChar(char16_t(u))) + u'\'';
    return u'\'' + QString(QLatin1Char(c)) + u'\'';
}

// Go's float64 -> uint64 conversion as compiled for amd64, which is what the
// gateway applies to histogram and summary counts: truncation, negative
// values wrap, NaN, infinities and anything out of range become 2^63.
double goFloatToUint64(double x)
{
    constexpr double cutoff = 9223372036854775808.0; // 2^63
    auto cvttsd2sq = [](double v) -> std::int64_t {
        if (std::isnan(v) || v >= cutoff || v < -cutoff)
            return std::numeric_limits<std::int64_t>::min();
        return static_cast<std::int64_t>(v);
    };
    std::uint64_t result;
    if (x < cutoff)
        result = static_cast<std::uint64_t>(cvttsd2sq(x));
    else
        result = static_cast<std::uint64_t>(cvttsd2sq(x - cutoff)) | 0x8000000000000000ULL;
    return static_cast<double>(result);
}

class TextParser
{
public:
    explicit TextParser(QByteArrayView in) : m_in(in) {}

    Result<QList<MetricFamily>> parse();

private:
    enum class State {
        Done,
        StartOfLine,
        StartComment,
        ReadingMetricName,
        ReadingLabels,
        StartLabelName,
        StartLabelValue,
        ReadingValue,
        StartTimestamp,
        ReadingHelp,
        ReadingType,
    };

    State startOfLine();
    State startComment();
    State readingMetricName();
    State readingLabels();
    State startLabelName();
    State startLabelValue();
    State readingValue();
    State startTimestamp();
    State readingHelp();
    State readingType();

    // Reading primitives. Each returns false once the input ended or an
    // error was recorded (Go's `p.err != nil`).
    bool readByte();
    bool skipBlankTab();
    bool skipBlankTabIfCurrentBlankTab();
    bool readTokenUntilWhitespace();
    bool readTokenUntilNewline(bool recognizeEscapeSequence);
    bool readTokenAsMetricName();
    bool readTokenAsLabelName();
    bool readTokenAsLabelValue();
    void setOrCreateCurrentMF();

    bool failed() const { return m_failed || m_eof; }
    int columnOf(qsizetype byteIndex) const;
    int currentColumn() const { return columnOf(m_pos - 1); }
    State parseError(const QString &message, int column = 0);

    ParsedFamily &mf() { return m_families[size_t(m_currentMF)]; }
    ParsedMetric &metric()
    {
        return m_currentMetricIndex < 0 ? m_pending
                                        : mf().metrics[size_t(m_currentMetricIndex)];
    }
    QByteArray signature() const;

    Result<QList<MetricFamily>> finish();

    QByteArrayView m_in;
    qsizetype m_pos = 0;       // index of the next byte to read
    char m_currentByte = 0;
    bool m_eof = false;
    bool m_failed = false;
    Error m_error;

    int m_lineCount = 0;
    qsizetype m_lineStart = 0;
    QByteArray m_currentToken;
    qsizetype m_tokenStart = 0;

    std::vector<ParsedFamily> m_families;
    QHash<QByteArray, int> m_familyByName;
    int m_currentMF = -1;
    ParsedMetric m_pending;
    int m_currentMetricIndex = -1; // -1: m_pending (not yet in the family)
    QByteArray m_currentLabelName;
    bool m_currentLabelStored = false;

    // Labels of the current summary/histogram line except quantile/le: they
    // decide which series the line belongs to.
    QList<std::pair<QByteArray, QByteArray>> m_signatureLabels;
    QHash<QByteArray, int> m_aggregates;    // signature -> metric index, summaries and histograms
    double m_currentQuantile = std::numeric_limits<double>::quiet_NaN();
    double m_currentBucket = std::numeric_limits<double>::quiet_NaN();
    bool m_currentIsSummaryCount = false;
    bool m_currentIsSummarySum = false;
    bool m_currentIsHistogramCount = false;
    bool m_currentIsHistogramSum = false;

    int m_timestampLine = 0;
    int m_timestampColumn = 0;
};

int TextParser::columnOf(qsizetype byteIndex) const
{
    // 1-based, in characters: UTF-8 continuation bytes do not count.
    int column = 1;
    for (qsizetype i = m_lineStart; i < byteIndex && i < m_in.size(); ++i) {
        if ((static_cast<unsigned char>(m_in[i]) & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

TextParser::State TextParser::parseError(const QString &message, int column)
{
    m_failed = true;
    if (column <= 0)
        column = currentColumn();
    m_error = Error::make(Error::Parse, u"line %1, column %2: %3"_s.arg(m_lineCount).arg(column).arg(message));
    m_error.line = m_lineCount;
    m_error.column = column;
    return State::Done;
}

bool TextParser::readByte()
{
    if (m_pos >= m_in.size()) {
        m_eof = true;
        m_currentByte = 0;
        return false;
    }
    m_currentByte = m_in[m_pos++];
    return true;
}

bool TextParser::skipBlankTab()
{
    for (;;) {
        if (!readByte())
            return false;
        if (!isBlankOrTab(m_currentByte))
            return true;
    }
}

bool TextParser::skipBlankTabIfCurrentBlankTab()
{
    if (isBlankOrTab(m_currentByte))
        return skipBlankTab();
    return true;
}

bool TextParser::readTokenUntilWhitespace()
{
    m_currentToken.clear();
    m_tokenStart = m_pos - 1;
    while (!failed() && !isBlankOrTab(m_currentByte) && m_currentByte != '\n') {
        m_currentToken.append(m_currentByte);
        readByte();
    }
    return !failed();
}

bool TextParser::readTokenUntilNewline(bool recognizeEscapeSequence)
{
    m_currentToken.clear();
    m_tokenStart = m_pos - 1;
    bool escaped = false;
    while (!failed()) {
        if (recognizeEscapeSequence && escaped) {
            switch (m_currentByte) {
            case '\\': m_currentToken.append(m_currentByte); break;
            case 'n': m_currentToken.append('\n'); break;
            default:
                parseError(u"invalid escape sequence '\\%1'"_s.arg(goQuoteChar(m_currentByte).mid(1).chopped(1)),
                           columnOf(m_pos - 2));
                return false;
            }
            escaped = false;
        } else {
            switch (m_currentByte) {
            case '\n': return true;
            // Without escape recognition the backslash is dropped, as in Go.
            case '\\': escaped = true; break;
            default: m_currentToken.append(m_currentByte);
            }
        }
        readByte();
    }
    return false;
}

bool TextParser::readTokenAsMetricName()
{
    m_currentToken.clear();
    m_tokenStart = m_pos - 1;
    if (!isValidMetricNameStart(m_currentByte))
        return true;
    for (;;) {
        m_currentToken.append(m_currentByte);
        if (!readByte())
            return false;
        if (!isValidMetricNameContinuation(m_currentByte))
            return true;
    }
}

bool TextParser::readTokenAsLabelName()
{
    m_currentToken.clear();
    m_tokenStart = m_pos - 1;
    if (!isValidLabelNameStart(m_currentByte))
        return true;
    for (;;) {
        m_currentToken.append(m_currentByte);
        if (!readByte())
            return false;
        if (!isValidLabelNameContinuation(m_currentByte))
            return true;
    }
}

bool TextParser::readTokenAsLabelValue()
{
    m_currentToken.clear();
    m_tokenStart = m_pos;
    bool escaped = false;
    for (;;) {
        if (!readByte())
            return false;
        if (escaped) {
            switch (m_currentByte) {
            case '"':
            case '\\': m_currentToken.append(m_currentByte); break;
            case 'n': m_currentToken.append('\n'); break;
            default:
                parseError(u"invalid escape sequence '\\%1'"_s.arg(goQuoteChar(m_currentByte).mid(1).chopped(1)),
                           columnOf(m_pos - 2));
                return false;
            }
            escaped = false;
            continue;
        }
        switch (m_currentByte) {
        case '"': return true;
        case '\n':
            parseError(u"label value %1 contains unescaped new-line"_s.arg(goQuote(m_currentToken)));
            return false;
        case '\\': escaped = true; break;
        default: m_currentToken.append(m_currentByte);
        }
    }
}

void TextParser::setOrCreateCurrentMF()
{
    m_currentIsSummaryCount = false;
    m_currentIsSummarySum = false;
    m_currentIsHistogramCount = false;
    m_currentIsHistogramSum = false;
    const QByteArray name = m_currentToken;
    if (auto it = m_familyByName.constFind(name); it != m_familyByName.cend()) {
        m_currentMF = *it;
        return;
    }
    // A _sum or _count of a summary/histogram seen before belongs to it.
    if (auto it = m_familyByName.constFind(summaryMetricName(name)); it != m_familyByName.cend()) {
        if (m_families[size_t(*it)].type == GoType::Summary) {
            m_currentMF = *it;
            m_currentIsSummaryCount = isCount(name);
            m_currentIsSummarySum = isSum(name);
            return;
        }
    }
    if (auto it = m_familyByName.constFind(histogramMetricName(name)); it != m_familyByName.cend()) {
        if (m_families[size_t(*it)].type == GoType::Histogram) {
            m_currentMF = *it;
            m_currentIsHistogramCount = isCount(name);
            m_currentIsHistogramSum = isSum(name);
            return;
        }
    }
    ParsedFamily family;
    family.name = name;
    m_families.push_back(std::move(family));
    m_currentMF = int(m_families.size() - 1);
    m_familyByName.insert(name, m_currentMF);
}

TextParser::State TextParser::startOfLine()
{
    ++m_lineCount;
    m_lineStart = m_pos;
    if (!skipBlankTab()) {
        // The end of input at the start of a line is the one legitimate end.
        m_eof = false;
        return State::Done;
    }
    switch (m_currentByte) {
    case '#': return State::StartComment;
    case '\n': return State::StartOfLine;
    default: return State::ReadingMetricName;
    }
}

TextParser::State TextParser::startComment()
{
    if (!skipBlankTab())
        return State::Done;
    if (m_currentByte == '\n')
        return State::StartOfLine;
    if (!readTokenUntilWhitespace())
        return State::Done;
    if (m_currentByte == '\n')
        return State::StartOfLine;
    const QByteArray keyword = m_currentToken;
    if (keyword != "HELP" && keyword != "TYPE") {
        // An ordinary comment: skip to the end of the line.
        while (m_currentByte != '\n') {
            if (!readByte())
                return State::Done;
        }
        return State::StartOfLine;
    }
    if (!skipBlankTab())
        return State::Done;
    if (!readTokenAsMetricName())
        return State::Done;
    if (m_currentByte == '\n')
        return State::StartOfLine;
    if (!isBlankOrTab(m_currentByte))
        return parseError(u"invalid metric name in comment"_s);
    setOrCreateCurrentMF();
    if (!skipBlankTab())
        return State::Done;
    if (m_currentByte == '\n')
        return State::StartOfLine;
    return keyword == "HELP" ? State::ReadingHelp : State::ReadingType;
}

TextParser::State TextParser::readingMetricName()
{
    if (!readTokenAsMetricName())
        return State::Done;
    if (m_currentToken.isEmpty())
        return parseError(u"invalid metric name"_s);
    const int nameColumn = columnOf(m_tokenStart);
    setOrCreateCurrentMF();
    if (mf().type == GoType::Unset)
        mf().type = GoType::Untyped;
    // Not added to the family yet: a summary/histogram line may belong to a
    // series that exists already, which is known only after the labels.
    m_pending = ParsedMetric();
    m_pending.line = m_lineCount;
    m_pending.column = nameColumn;
    m_currentMetricIndex = -1;
    if (!skipBlankTabIfCurrentBlankTab())
        return State::Done;
    return State::ReadingLabels;
}

TextParser::State TextParser::readingLabels()
{
    if (mf().type == GoType::Summary || mf().type == GoType::Histogram) {
        m_signatureLabels.clear();
        m_currentQuantile = std::numeric_limits<double>::quiet_NaN();
        m_currentBucket = std::numeric_limits<double>::quiet_NaN();
    }
    if (m_currentByte != '{')
        return State::ReadingValue;
    return State::StartLabelName;
}

TextParser::State TextParser::startLabelName()
{
    if (!skipBlankTab())
        return State::Done;
    if (m_currentByte == '}') {
        if (!skipBlankTab())
            return State::Done;
        return State::ReadingValue;
    }
    if (!readTokenAsLabelName())
        return State::Done;
    const int nameColumn = columnOf(m_tokenStart);
    if (m_currentToken.isEmpty())
        return parseError(u"invalid label name for metric %1"_s.arg(goQuote(mf().name)));
    m_currentLabelName = m_currentToken;
    if (m_currentLabelName == "__name__")
        return parseError(u"label name \"__name__\" is reserved"_s, nameColumn);
    // The gateway's gatherer refuses every other `__` name after parsing.
    if (m_currentLabelName.startsWith("__"))
        return parseError(u"label name %1 is reserved: the Pushgateway rejects label names starting with \"__\""_s
                              .arg(goQuote(m_currentLabelName)),
                          nameColumn);
    // quantile/le of summaries/histograms are not labels but bucket and
    // quantile bounds.
    m_currentLabelStored = !(mf().type == GoType::Summary && m_currentLabelName == "quantile")
        && !(mf().type == GoType::Histogram && m_currentLabelName == "le");
    if (m_currentLabelStored)
        m_pending.labels.append({m_currentLabelName, {}});
    if (!skipBlankTabIfCurrentBlankTab())
        return State::Done;
    if (m_currentByte != '=')
        return parseError(u"expected '=' after label name, found %1"_s.arg(goQuoteChar(m_currentByte)));
    for (qsizetype i = 0; i < m_pending.labels.size(); ++i) {
        for (qsizetype j = i + 1; j < m_pending.labels.size(); ++j) {
            if (m_pending.labels[i].first == m_pending.labels[j].first)
                return parseError(u"duplicate label names for metric %1"_s.arg(goQuote(mf().name)), nameColumn);
        }
    }
    return State::StartLabelValue;
}

TextParser::State TextParser::startLabelValue()
{
    if (!skipBlankTab())
        return State::Done;
    if (m_currentByte != '"')
        return parseError(u"expected '\"' at start of label value, found %1"_s.arg(goQuoteChar(m_currentByte)));
    const int valueColumn = currentColumn();
    if (!readTokenAsLabelValue())
        return State::Done;
    const QByteArray value = m_currentToken;
    if (!isValidUtf8(value))
        return parseError(u"invalid label value %1"_s.arg(goQuote(value)), valueColumn);
    if (m_currentLabelStored)
        m_pending.labels.last().second = value;
    if (mf().type == GoType::Summary) {
        if (m_currentLabelName == "quantile") {
            const auto q = parseValue(value);
            if (!q)
                return parseError(u"expected float as value for 'quantile' label, got %1"_s.arg(goQuote(value)), valueColumn);
            m_currentQuantile = *q;
        } else {
            m_signatureLabels.append({m_currentLabelName, value});
        }
    }
    if (mf().type == GoType::Histogram) {
        if (m_currentLabelName == "le") {
            const auto le = parseValue(value);
            if (!le)
                return parseError(u"expected float as value for 'le' label, got %1"_s.arg(goQuote(value)), valueColumn);
            m_currentBucket = *le;
        } else {
            m_signatureLabels.append({m_currentLabelName, value});
        }
    }
    if (!skipBlankTab())
        return State::Done;
    switch (m_currentByte) {
    case ',':
        return State::StartLabelName;
    case '}':
        if (!skipBlankTab())
            return State::Done;
        return State::ReadingValue;
    default:
        return parseError(u"unexpected end of label value %1"_s.arg(goQuote(value)));
    }
}

QByteArray TextParser::signature() const
{
    // Go keys summaries and histograms by all labels except quantile/le
    // (a map: the last of equal names wins, order does not matter).
    QList<std::pair<QByteArray, QByteArray>> labels;
    for (const auto &label : m_signatureLabels) {
        auto it = std::find_if(labels.begin(), labels.end(), [&](const auto &l) { return l.first == label.first; });
        if (it != labels.end())
            it->second = label.second;
        else
            labels.append(label);
    }
    std::sort(labels.begin(), labels.end());
    QByteArray key = QByteArray::number(m_currentMF);
    for (const auto &label : labels)
        key.append('\xff').append(label.first).append('\xff').append(label.second);
    return key;
}

TextParser::State TextParser::readingValue()
{
    auto &family = mf();
    if (family.type == GoType::Summary || family.type == GoType::Histogram) {
        const QByteArray key = signature();
        if (auto it = m_aggregates.constFind(key); it != m_aggregates.cend()) {
            m_currentMetricIndex = *it;
        } else {
            family.metrics.push_back(std::move(m_pending));
            m_currentMetricIndex = int(family.metrics.size() - 1);
            m_aggregates.insert(key, m_currentMetricIndex);
        }
    } else {
        family.metrics.push_back(std::move(m_pending));
        m_currentMetricIndex = int(family.metrics.size() - 1);
    }
    m_pending = ParsedMetric();

    if (!readTokenUntilWhitespace())
        return State::Done;
    const int valueColumn = columnOf(m_tokenStart);
    const auto parsed = parseValue(m_currentToken);
    if (!parsed)
        return parseError(u"expected float as value, got %1"_s.arg(goQuote(m_currentToken)), valueColumn);
    const double value = *parsed;
    ParsedMetric &current = metric();
    switch (family.type) {
    case GoType::Counter:
    case GoType::Gauge:
    case GoType::Untyped:
        current.value = value;
        break;
    case GoType::Summary:
        if (m_currentIsSummaryCount)
            current.count = goFloatToUint64(value);
        else if (m_currentIsSummarySum)
            current.sum = value;
        else if (!std::isnan(m_currentQuantile))
            current.quantiles.append({m_currentQuantile, value});
        break;
    case GoType::Histogram:
        if (m_currentIsHistogramCount)
            current.count = goFloatToUint64(value);
        else if (m_currentIsHistogramSum)
            current.sum = value;
        else if (!std::isnan(m_currentBucket))
            current.buckets.append({m_currentBucket, goFloatToUint64(value)});
        break;
    case GoType::GaugeHistogram:
    case GoType::Unset:
        // The gateway's parser loses its own error here and stores a series
        // without any value, which its /metrics then leaves out: refuse it.
        return parseError(u"metric type gauge_histogram of %1 is not supported: the Pushgateway would store it without values"_s
                              .arg(goQuote(family.name)),
                          current.column);
    }
    if (m_currentByte == '\n')
        return State::StartOfLine;
    return State::StartTimestamp;
}

TextParser::State TextParser::startTimestamp()
{
    if (!skipBlankTab())
        return State::Done;
    if (!readTokenUntilWhitespace())
        return State::Done;
    const int timestampColumn = columnOf(m_tokenStart);
    // strconv.ParseInt(s, 10, 64): optional sign, decimal digits, int64 range.
    bool ok = false;
    const QByteArray &token = m_currentToken;
    if (!token.isEmpty()) {
        const qsizetype start = (token[0] == '+' || token[0] == '-') ? 1 : 0;
        ok = start < token.size()
            && std::all_of(token.begin() + start, token.end(), [](char c) { return isDigit(c); });
        if (ok) {
            const QByteArrayView digits = QByteArrayView(token).sliced(start);
            const QByteArray signedDigits = (token[0] == '-' ? QByteArray("-") : QByteArray()) + digits.toByteArray();
            bool fits = false;
            (void)signedDigits.toLongLong(&fits);
            ok = fits;
        }
    }
    if (!ok)
        return parseError(u"expected integer as timestamp, got %1"_s.arg(goQuote(token)), timestampColumn);
    if (m_timestampLine == 0) {
        m_timestampLine = m_lineCount;
        m_timestampColumn = timestampColumn;
    }
    if (!readTokenUntilNewline(false))
        return State::Done;
    if (!m_currentToken.isEmpty())
        return parseError(u"spurious string after timestamp: %1"_s.arg(goQuote(m_currentToken)), columnOf(m_tokenStart));
    return State::StartOfLine;
}

TextParser::State TextParser::readingHelp()
{
    if (mf().hasHelp)
        return parseError(u"second HELP line for metric name %1"_s.arg(goQuote(mf().name)));
    if (!readTokenUntilNewline(true))
        return State::Done;
    mf().hasHelp = true;
    mf().help = m_currentToken;
    return State::StartOfLine;
}

TextParser::State TextParser::readingType()
{
    if (mf().type != GoType::Unset)
        return parseError(u"second TYPE line for metric name %1, or TYPE reported after samples"_s.arg(goQuote(mf().name)));
    const int typeColumn = currentColumn();
    if (!readTokenUntilNewline(false))
        return State::Done;
    // Go upper-cases with Unicode rules before the lookup.
    const QString upper = QString::fromUtf8(m_currentToken).toUpper();
    GoType type = GoType::Unset;
    if (upper == u"COUNTER")
        type = GoType::Counter;
    else if (upper == u"GAUGE")
        type = GoType::Gauge;
    else if (upper == u"SUMMARY")
        type = GoType::Summary;
    else if (upper == u"UNTYPED")
        type = GoType::Untyped;
    else if (upper == u"HISTOGRAM")
        type = GoType::Histogram;
    else if (upper == u"GAUGE_HISTOGRAM")
        type = GoType::GaugeHistogram;
    else
        return parseError(u"unknown metric type %1"_s.arg(goQuote(m_currentToken)), typeColumn);
    mf().type = type;
    return State::StartOfLine;
}

Result<QList<MetricFamily>> TextParser::parse()
{
    State state = State::StartOfLine;
    while (state != State::Done) {
        switch (state) {
        case State::Done: break;
        case State::StartOfLine: state = startOfLine(); break;
        case State::StartComment: state = startComment(); break;
        case State::ReadingMetricName: state = readingMetricName(); break;
        case State::ReadingLabels: state = readingLabels(); break;
        case State::StartLabelName: state = startLabelName(); break;
        case State::StartLabelValue: state = startLabelValue(); break;
        case State::ReadingValue: state = readingValue(); break;
        case State::StartTimestamp: state = startTimestamp(); break;
        case State::ReadingHelp: state = readingHelp(); break;
        case State::ReadingType: state = readingType(); break;
        }
    }
    if (m_failed)
        return m_error;
    if (m_eof) {
        // Every line, the last one included, must end with a newline.
        m_failed = true;
        const int column = columnOf(m_in.size());
        Error error = Error::make(Error::Parse, u"line %1, column %2: unexpected end of input stream (the last line must end with a newline)"_s
                                                    .arg(m_lineCount).arg(column));
        error.line = m_lineCount;
        error.column = column;
        return error;
    }
    return finish();
}

Result<QList<MetricFamily>> TextParser::finish()
{
    auto fail = [](int line, int column, const QString &message) {
        Error error = Error::make(Error::Parse, u"line %1, column %2: %3"_s.arg(line).arg(column).arg(message));
        error.line = line;
        error.column = column;
        return error;
    };

    // The gateway parses timestamps and then refuses the push.
    if (m_timestampLine > 0)
        return fail(m_timestampLine, m_timestampColumn,
                    u"timestamps are not accepted: the Pushgateway rejects pushed metrics with timestamps"_s);

    // Families that only had HELP/TYPE lines vanish, as in expfmt.
    std::vector<const ParsedFamily *> kept;
    QHash<QByteArray, const ParsedFamily *> keptByName;
    for (const auto &family : m_families) {
        if (!family.metrics.empty()) {
            kept.push_back(&family);
            keptByName.insert(family.name, &family);
        }
    }

    // client_golang's checkSuffixCollisions, as the gateway's gatherer runs it.
    for (const ParsedFamily *family : kept) {
        if (family->type != GoType::Summary && family->type != GoType::Histogram)
            continue;
        QList<QByteArrayView> suffixes{"_count", "_sum"};
        if (family->type == GoType::Histogram)
            suffixes.append("_bucket");
        for (QByteArrayView suffix : suffixes) {
            const ParsedFamily *other = keptByName.value(family->name + suffix);
            if (!other)
                continue;
            const ParsedMetric &first = family->metrics.front();
            const ParsedMetric &otherFirst = other->metrics.front();
            const ParsedMetric &later = (otherFirst.line > first.line) ? otherFirst : first;
            return fail(later.line, later.column,
                        u"metric family %1 collides with the %2 %3 (its _count, _sum or _bucket series)"_s
                            .arg(goQuote(other->name),
                                 family->type == GoType::Histogram ? u"histogram"_s : u"summary"_s,
                                 goQuote(family->name)));
        }
    }

    // Duplicate series as the gateway sees them: it overwrites `job` with the
    // grouping key's and adds `instance=""` where no instance is given.
    for (const ParsedFamily *family : kept) {
        QHash<QByteArray, int> seen;
        for (const auto &metric : family->metrics) {
            auto labels = metric.labels;
            labels.removeIf([](const auto &l) { return l.first == "job" || (l.first == "instance" && l.second.isEmpty()); });
            std::sort(labels.begin(), labels.end());
            QByteArray key;
            for (const auto &l : labels)
                key.append(l.first).append('\xff').append(l.second).append('\xff');
            if (seen.contains(key)) {
                return fail(metric.line, metric.column,
                            u"duplicate series in metric family %1: the same labels (ignoring job, and an empty instance) appeared before in line %2"_s
                                .arg(goQuote(family->name))
                                .arg(family->metrics[size_t(seen.value(key))].line));
            }
            seen.insert(key, int(&metric - family->metrics.data()));
        }
    }

    QList<MetricFamily> families;
    families.reserve(qsizetype(kept.size()));
    for (const ParsedFamily *parsed : kept) {
        MetricFamily family;
        family.name = QString::fromUtf8(parsed->name);
        family.help = QString::fromUtf8(parsed->help);
        switch (parsed->type) {
        case GoType::Counter: family.type = MetricType::Counter; break;
        case GoType::Gauge: family.type = MetricType::Gauge; break;
        case GoType::Summary: family.type = MetricType::Summary; break;
        case GoType::Histogram: family.type = MetricType::Histogram; break;
        default: family.type = MetricType::Untyped; break;
        }
        family.series.reserve(qsizetype(parsed->metrics.size()));
        for (const auto &metric : parsed->metrics) {
            Series series;
            for (const auto &label : metric.labels)
                series.labels.append({QString::fromUtf8(label.first), QString::fromUtf8(label.second)});
            std::stable_sort(series.labels.begin(), series.labels.end(),
                             [](const LabelPair &a, const LabelPair &b) { return a.first < b.first; });
            series.value = metric.value;
            series.buckets = metric.buckets;
            series.quantiles = metric.quantiles;
            series.sum = metric.sum;
            series.count = metric.count;
            family.series.append(std::move(series));
        }
        families.append(std::move(family));
    }
    return families;
}

} // namespace

Result<QList<MetricFamily>> parseExposition(QByteArrayView text)
{
    return TextParser(text).parse();
}

} // namespace PushDeck
