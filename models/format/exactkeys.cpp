#include "format/exactkeys.h"

#include "core/printable.h"
#include "format/value.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cctype>
#include <optional>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// A reader over one "collected metric" message in protobuf text form, old
// (label:<name:"a" value:"b" >) or new (label:{name:"a" value:"b"}) style.
class TextFormatReader
{
public:
    TextFormatReader(QByteArrayView text, qsizetype pos) : m_text(text), m_pos(pos) {}
    qsizetype pos() const { return m_pos; }

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size() || m_text[m_pos] == '\n';
    }
    char peek()
    {
        skipSpace();
        return m_pos < m_text.size() ? m_text[m_pos] : '\0';
    }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    QByteArrayView identifier()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()
               && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'))
            ++m_pos;
        return m_text.sliced(start, m_pos - start);
    }
    // A quoted string with C escapes (\n \t \" \\ \ooo \xHH \uHHHH), as bytes.
    std::optional<QByteArray> string()
    {
        if (!take('"'))
            return std::nullopt;
        QByteArray out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (c == '\n')
                return std::nullopt;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                return std::nullopt;
            const char e = m_text[m_pos++];
            switch (e) {
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case '"': case '\'': case '\\': case '?': out += e; break;
            case 'x': {
                int value = 0, digits = 0;
                while (digits < 2 && m_pos < m_text.size() && std::isxdigit(static_cast<unsigned char>(m_text[m_pos]))) {
                    value = value * 16 + QByteArray(1, m_text[m_pos]).toInt(nullptr, 16);
                    ++m_pos;
                    ++digits;
                }
                if (digits == 0)
                    return std::nullopt;
                out += char(value);
                break;
            }
            case 'u': case 'U': {
                const int want = e == 'u' ? 4 : 8;
                if (m_pos + want > m_text.size())
                    return std::nullopt;
                bool ok = false;
                const uint code = m_text.sliced(m_pos, want).toByteArray().toUInt(&ok, 16);
                if (!ok || code > 0x10FFFF)
                    return std::nullopt;
                m_pos += want;
                const char32_t codePoint = code;
                out += QString::fromUcs4(&codePoint, 1).toUtf8();
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0', digits = 1;
                    while (digits < 3 && m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '7') {
                        value = value * 8 + (m_text[m_pos] - '0');
                        ++m_pos;
                        ++digits;
                    }
                    out += char(value & 0xFF);
                    break;
                }
                return std::nullopt;
            }
        }
        return std::nullopt;
    }
    QByteArrayView number()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '>' || c == '}' || c == '\n' || c == ',' || c == ';')
                break;
            ++m_pos;
        }
        return m_text.sliced(start, m_pos - start);
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos;
};

bool open(TextFormatReader &reader, char *close)
{
    if (reader.take('<')) {
        *close = '>';
        return true;
    }
    if (reader.take('{')) {
        *close = '}';
        return true;
    }
    return false;
}

// The message after `collected metric "NAME" `: its labels and value.
std::optional<std::pair<LabelPairs, double>> readMetric(TextFormatReader &reader)
{
    if (!reader.take('{'))
        return std::nullopt;
    LabelPairs labels;
    std::optional<double> value;
    while (!reader.atEnd()) {
        if (reader.take('}'))
            return value ? std::optional(std::pair(std::move(labels), *value)) : std::nullopt;
        const QByteArrayView field = reader.identifier();
        if (field.isEmpty() || !reader.take(':'))
            return std::nullopt;
        char close = 0;
        if (field == "label") {
            if (!open(reader, &close))
                return std::nullopt;
            std::optional<QByteArray> name, labelValue;
            while (!reader.take(close)) {
                const QByteArrayView part = reader.identifier();
                if (part.isEmpty() || !reader.take(':'))
                    return std::nullopt;
                auto text = reader.string();
                if (!text)
                    return std::nullopt;
                if (part == "name")
                    name = std::move(text);
                else if (part == "value")
                    labelValue = std::move(text);
                reader.take(',');
            }
            if (!name || !labelValue)
                return std::nullopt;
            labels.append({decodeUtf8Exact(*name), decodeUtf8Exact(*labelValue)});
        } else if (field == "gauge" || field == "untyped" || field == "counter") {
            if (!open(reader, &close))
                return std::nullopt;
            while (!reader.take(close)) {
                const QByteArrayView part = reader.identifier();
                if (part.isEmpty() || !reader.take(':'))
                    return std::nullopt;
                const QByteArrayView number = reader.number();
                if (part == "value") {
                    const auto parsed = parseValue(number);
                    if (!parsed)
                        return std::nullopt;
                    value = *parsed;
                }
                reader.take(',');
            }
        } else {
            // Anything else (timestamp_ms: 1, a nested message): skipped.
            if (open(reader, &close)) {
                int depth = 1;
                while (depth > 0 && !reader.atEnd()) {
                    const char c = reader.peek();
                    if (c == '"') {
                        if (!reader.string())
                            return std::nullopt;
                        continue;
                    }
                    reader.take(c);
                    if (c == '<' || c == '{')
                        ++depth;
                    else if (c == '>' || c == '}')
                        --depth;
                }
            } else {
                reader.number();
            }
        }
        reader.take(',');
    }
    return std::nullopt;
}

LabelPairs sortedWithReplacements(const LabelPairs &labels)
{
    LabelPairs out;
    out.reserve(labels.size());
    for (const auto &[name, value] : labels)
        out.append({name, withReplacementCharacters(value)});
    std::sort(out.begin(), out.end());
    return out;
}

// As the gateway exposes a key: instance="" added when there is none.
LabelPairs exposedLabels(const GroupingKey &key)
{
    LabelPairs labels = key.labels();
    if (!key.contains(u"instance"))
        labels.append({u"instance"_s, QString()});
    std::sort(labels.begin(), labels.end());
    return labels;
}

} // namespace

bool hasReplacementCharacter(const GroupingKey &key)
{
    for (const auto &pair : key.labels()) {
        if (pair.second.contains(QChar::ReplacementCharacter))
            return true;
    }
    return false;
}

QList<PushTimes> scanCollectErrors(QByteArrayView body)
{
    QList<PushTimes> out;
    QHash<LabelPairs, qsizetype> index;
    static constexpr QByteArrayView marker("collected metric \"");
    qsizetype pos = 0;
    while ((pos = body.indexOf(marker, pos)) >= 0) {
        pos += marker.size();
        const qsizetype nameEnd = body.indexOf('"', pos);
        if (nameEnd < 0)
            break;
        const QByteArrayView name = body.sliced(pos, nameEnd - pos);
        pos = nameEnd + 1;
        const bool failure = name == "push_failure_time_seconds";
        if (!failure && name != "push_time_seconds")
            continue;
        TextFormatReader reader(body, pos);
        auto metric = readMetric(reader);
        pos = std::max(pos, reader.pos());
        if (!metric)
            continue;
        recordPushTime(out, index, std::move(metric->first), failure, metric->second);
    }
    return out;
}

int restoreExactKeys(QList<Group> &groups, const QList<PushTimes> &scanned)
{
    // Only entries with raw bytes can be what the JSON showed as U+FFFD.
    QMultiHash<LabelPairs, const PushTimes *> byLooks;
    for (const PushTimes &entry : scanned) {
        const bool raw = std::any_of(entry.labels.cbegin(), entry.labels.cend(),
                                     [](const LabelPair &pair) { return hasRawBytes(pair.second); });
        if (raw)
            byLooks.insert(sortedWithReplacements(entry.labels), &entry);
    }
    if (byLooks.isEmpty())
        return 0;
    int replaced = 0;
    QSet<const PushTimes *> used;
    for (Group &group : groups) {
        if (!hasReplacementCharacter(group.key))
            continue;
        QList<const PushTimes *> candidates;
        for (const PushTimes *entry : byLooks.values(exposedLabels(group.key))) {
            if (!used.contains(entry))
                candidates.append(entry);
        }
        if (candidates.size() > 1) {
            // Two raw keys that look alike: the times tell them apart.
            QList<const PushTimes *> same;
            for (const PushTimes *entry : std::as_const(candidates)) {
                if (entry->pushTime == group.pushTime && entry->pushFailureTime == group.pushFailureTime)
                    same.append(entry);
            }
            candidates = same;
        }
        if (candidates.size() != 1)
            continue;
        LabelPairs labels = candidates.first()->labels;
        if (!group.key.contains(u"instance")) {
            labels.removeIf([](const LabelPair &pair) { return pair.first == u"instance" && pair.second.isEmpty(); });
        }
        auto key = GroupingKey::fromLabels(std::move(labels));
        if (!key)
            continue;
        used.insert(candidates.first());
        group.key = std::move(key).value();
        ++replaced;
    }
    return replaced;
}

} // namespace PushDeck
