#include "format/metricsdecoder.h"

#include <simdjson.h>

#include <QDate>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace od = simdjson::ondemand;

namespace {

// Thrown inside the decoder and turned into an Error at the entry points, so
// that no partly filled result can ever escape.
struct Failure
{
    Error::Kind kind;
    QString what;
    const char *at = nullptr; // position in the input, when known
};

[[noreturn]] void fail(QString what, const char *at = nullptr)
{
    throw Failure{Error::Decode, std::move(what), at};
}

[[noreturn]] void notAGateway(QString what)
{
    throw Failure{Error::NotAGateway, std::move(what), nullptr};
}

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A short quoted excerpt of offending input for a message.
QString excerpt(std::string_view s)
{
    constexpr size_t max = 40;
    QString text = utf8(s.substr(0, max));
    text.replace(u'\n', u"\\n"_s);
    return u'"' + text + (s.size() > max ? u"…\""_s : u"\""_s);
}

// simdjson's own messages are long and talk about its internals.
QString describe(simdjson::error_code code)
{
    switch (code) {
    case simdjson::EMPTY:
        return u"empty answer"_s;
    case simdjson::UNCLOSED_STRING:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return u"truncated JSON (the answer ends inside a string, object or array)"_s;
    case simdjson::TAPE_ERROR:
        return u"malformed JSON (missing or superfluous comma, brace, bracket or key)"_s;
    case simdjson::UTF8_ERROR:
        return u"the answer is not valid UTF-8"_s;
    case simdjson::UNESCAPED_CHARS:
        return u"malformed JSON (control character inside a string)"_s;
    case simdjson::STRING_ERROR:
        return u"malformed JSON (invalid escape in a string)"_s;
    case simdjson::DEPTH_ERROR:
        return u"JSON nested too deeply"_s;
    case simdjson::CAPACITY:
        return u"answer too large to decode"_s;
    case simdjson::INCORRECT_TYPE:
    case simdjson::NUMBER_ERROR:
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return u"malformed JSON value"_s;
    default:
        return u"malformed JSON (%1)"_s.arg(QLatin1StringView(simdjson::error_message(code)));
    }
}

const char *typeName(od::json_type type)
{
    switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
    }
    return "something else";
}

// Values come as Go's shortest round-trip strings ("0.1", "1e-300", "NaN",
// "+Inf", "-Inf"); from_chars reads them exactly but has no leading '+'.
std::optional<double> parseNumber(std::string_view s)
{
    // Most values are small integers (counts, bucket bounds, "0"): exact as
    // a double up to 15 digits, and much cheaper than from_chars.
    if (!s.empty() && s.size() <= 16) {
        size_t i = s[0] == '-' ? 1 : 0;
        std::uint64_t v = 0;
        const size_t digits = s.size() - i;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            v = v * 10 + std::uint64_t(s[i] - '0');
        if (i == s.size() && digits > 0 && digits <= 15)
            return s[0] == '-' ? -double(v) : double(v);
    }
    const char *first = s.data();
    const char *last = first + s.size();
    if (first != last && *first == '+') {
        ++first;
        if (first != last && (*first == '+' || *first == '-'))
            return std::nullopt;
    }
    double d = 0;
    const auto [ptr, ec] = std::from_chars(first, last, d);
    if (ec != std::errc() || ptr != last)
        return std::nullopt;
    return d;
}

// RFC 3339 as Go writes it: 2026-11-28T10:27:49.359831176Z or with an offset
// such as +01:00 (the gateway's start time is in its local zone).
std::optional<double> parseRfc3339(std::string_view s)
{
    auto number = [&](size_t pos, size_t len) -> std::optional<int> {
        if (pos + len > s.size())
            return std::nullopt;
        int v = 0;
        for (size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9')
                return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    auto at = [&](size_t pos, char c) { return pos < s.size() && s[pos] == c; };

    const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
    const auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!year || !month || !day || !hour || !minute || !second || !at(4, '-') || !at(7, '-')
        || !(at(10, 'T') || at(10, 't')) || !at(13, ':') || !at(16, ':'))
        return std::nullopt;
    const QDate date(*year, *month, *day);
    if (!date.isValid() || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;

    size_t pos = 19;
    double fraction = 0;
    if (at(pos, '.')) {
        const size_t start = ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
            ++pos;
        if (pos == start)
            return std::nullopt;
        const std::string digits = "0." + std::string(s.substr(start, pos - start));
        std::from_chars(digits.data(), digits.data() + digits.size(), fraction);
    }

    int offset = 0;
    if (at(pos, 'Z') || at(pos, 'z')) {
        ++pos;
    } else if (at(pos, '+') || at(pos, '-')) {
        const auto oh = number(pos + 1, 2), om = number(pos + 4, 2);
        if (!oh || !om || !at(pos + 3, ':') || *oh > 23 || *om > 59)
            return std::nullopt;
        offset = (*oh * 60 + *om) * 60 * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;

    constexpr qint64 unixEpochJulianDay = 2440588;
    const qint64 seconds = (date.toJulianDay() - unixEpochJulianDay) * 86400
        + *hour * 3600 + *minute * 60 + *second - offset;
    return double(seconds) + fraction;
}

// Label names, label values of grouping keys, family names and help texts
// repeat across thousands of series; one shared QString per distinct text
// saves most of the allocations of a big decode. The keys point into
// simdjson's string buffer, which lives as long as the document.
class StringPool
{
public:
    // Where a text was found, e.g. "the name of a series' second label": the
    // same text in the same place as last time is found without hashing.
    enum Slot : size_t { LabelName = 0, LabelValue = 16, FamilyName = 32, Help = 48 };

    const QString &get(std::string_view s, Slot slot, size_t index)
    {
        Recent &recent = m_recent[slot + index % 16];
        if (recent.string && recent.text == s)
            return *recent.string;
        const QString &string = get(s);
        recent = {s, &string};
        return string;
    }

    const QString &get(std::string_view s)
    {
        auto [it, inserted] = m_strings.try_emplace(s);
        if (inserted)
            it->second = utf8(s);
        return it->second; // a node: stays where it is
    }

private:
    struct Recent
    {
        std::string_view text;
        const QString *string = nullptr;
    };
    Recent m_recent[64];
    std::unordered_map<std::string_view, QString> m_strings;
};

// The series of a group mostly carry the same labels, its key (plus
// instance="" when the key has none), and so does its "labels" field: the
// same JSON text gives the same, implicitly shared, LabelPairs. Two entries
// cover a key without instance next to its series. Comparing raw text only
// skips over it, nothing is unescaped, so each string is still consumed once.
class LabelsCache
{
public:
    const LabelPairs *find(std::string_view raw) const
    {
        for (const Entry &e : m_entries) {
            if (e.raw.data() && e.raw == raw)
                return &e.labels;
        }
        return nullptr;
    }
    void insert(std::string_view raw, const LabelPairs &labels)
    {
        m_entries[m_next] = {raw, labels};
        m_next = (m_next + 1) % std::size(m_entries);
    }

private:
    struct Entry
    {
        std::string_view raw; // points into the input
        LabelPairs labels;
    };
    Entry m_entries[2];
    size_t m_next = 0;
};

// Fields a series of each type must carry.
enum SeriesField : unsigned {
    HasLabels = 1, HasValue = 2, HasBuckets = 4, HasQuantiles = 8, HasSum = 16, HasCount = 32,
};

unsigned requiredFields(MetricType type)
{
    switch (type) {
    case MetricType::Histogram: return HasLabels | HasBuckets | HasSum | HasCount;
    case MetricType::Summary: return HasLabels | HasQuantiles | HasSum | HasCount;
    default: return HasLabels | HasValue;
    }
}

const char *fieldName(unsigned field)
{
    switch (field) {
    case HasLabels: return "labels";
    case HasValue: return "value";
    case HasBuckets: return "buckets";
    case HasQuantiles: return "quantiles";
    case HasSum: return "sum";
    default: return "count";
    }
}

std::optional<MetricType> typeFromJson(std::string_view s)
{
    if (s == "COUNTER") return MetricType::Counter;
    if (s == "GAUGE") return MetricType::Gauge;
    if (s == "UNTYPED") return MetricType::Untyped;
    if (s == "HISTOGRAM") return MetricType::Histogram;
    if (s == "SUMMARY") return MetricType::Summary;
    return std::nullopt;
}

// A total order for bounds and quantiles: NaN (never sent by a sane client,
// but possible in a label) sorts last instead of breaking std::sort.
bool boundLess(double a, double b)
{
    return !std::isnan(a) && (std::isnan(b) || a < b);
}

// Walks one document. Keeps track of where it is so that every failure can
// say which group, family, series and field it was in.
class Walker
{
public:
    Walker(const char *input, size_t size) : m_input(input), m_end(input + size) {}

    // {"status":"success","data":...}: calls onData with the data value.
    // Anything that is valid JSON but not this envelope is not a gateway.
    template<typename OnData>
    void envelope(od::document &doc, od::json_type dataType, const char *expected, OnData &&onData)
    {
        od::json_type rootType = doc.type();
        if (rootType != od::json_type::object)
            notAGateway(u"the answer is %1, not a Pushgateway API object {\"status\":…,\"data\":…}"_s
                            .arg(QLatin1StringView(typeName(rootType))));
        od::object root = doc.get_object();
        std::optional<QString> status;
        QString errorText;
        bool sawData = false;
        for (auto fieldResult : root) {
            od::field field = std::move(fieldResult);
            const std::string_view key = field.unescaped_key();
            od::value value = field.value();
            if (key == "status") {
                status = utf8(asString(value, "status"));
            } else if (key == "error" || key == "errorType") {
                if (value.type() == od::json_type::string)
                    errorText += (errorText.isEmpty() ? QString() : u": "_s) + utf8(value.get_string().value());
            } else if (key == "data" && (!status || *status == u"success")) {
                const od::json_type type = value.type();
                if (type != dataType)
                    notAGateway(u"\"data\" is %1, not %2"_s.arg(QLatin1StringView(typeName(type)),
                                                                 QLatin1StringView(expected)));
                sawData = true;
                onData(value);
            }
        }
        // Trailing content: the document must end with the root object.
        if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
            fail(u"unexpected content after the JSON document"_s, location(doc));

        if (!status)
            notAGateway(u"no \"status\" field: not a Pushgateway API answer"_s);
        if (*status != u"success")
            notAGateway(u"the server answered status \"%1\"%2"_s
                            .arg(*status, errorText.isEmpty() ? QString() : u" (" + errorText + u')'));
        if (!sawData)
            notAGateway(u"no \"data\" field: not a Pushgateway API answer"_s);
    }

    QList<Group> groups(od::value data)
    {
        QList<Group> groups;
        od::array array = data.get_array();
        for (auto element : array) {
            ++m_groupIndex;
            m_keyLabels.clear();
            od::value value = std::move(element);
            expectType(value, od::json_type::object);
            groups.append(group(value.get_object()));
        }
        m_groupIndex = -1;
        return groups;
    }

    GatewayStatus status(od::value data)
    {
        GatewayStatus status;
        bool sawBuild = false, sawFlags = false, sawStart = false;
        for (auto fieldResult : data.get_object()) {
            od::field field = std::move(fieldResult);
            const std::string_view key = field.unescaped_key();
            od::value value = field.value();
            if (key == "build_information") {
                sawBuild = true;
                m_field = "build_information";
                bool sawVersion = false;
                for (const auto &[name, text] : stringMap(value)) {
                    if (name == u"version") {
                        status.version = text;
                        sawVersion = true;
                    } else if (name == u"revision") {
                        status.revision = text;
                    } else if (name == u"goVersion") {
                        status.goVersion = text;
                    }
                }
                if (!sawVersion)
                    fail(u"missing \"version\""_s);
            } else if (key == "flags") {
                sawFlags = true;
                m_field = "flags";
                status.flags = stringMap(value);
                std::sort(status.flags.begin(), status.flags.end());
                for (const auto &[name, text] : std::as_const(status.flags)) {
                    if (name == u"web.enable-admin-api")
                        status.adminApiEnabled = text == u"true";
                }
            } else if (key == "start_time") {
                sawStart = true;
                m_field = "start_time";
                const char *at = location(value);
                const std::string_view text = asString(value, "start_time");
                const auto time = parseRfc3339(text);
                if (!time)
                    fail(u"invalid time %1"_s.arg(excerpt(text)), at);
                status.startTime = *time;
            }
            m_field = nullptr;
        }
        if (!sawBuild && !sawFlags)
            notAGateway(u"no \"build_information\" in \"data\": not a Pushgateway status"_s);
        if (!sawBuild)
            fail(u"missing \"build_information\""_s);
        if (!sawFlags)
            fail(u"missing \"flags\""_s);
        if (!sawStart)
            fail(u"missing \"start_time\""_s);
        return status;
    }

    // "group data[3] {job="x"}, family "f", metrics[2], field "sum"".
    QString where() const
    {
        QStringList parts;
        if (m_groupIndex >= 0)
            parts.append(u"group data[%1]"_s.arg(m_groupIndex) + (m_keyLabels.isEmpty() ? QString() : u' ' + keyText(m_keyLabels)));
        if (m_family)
            parts.append(u"family \"%1\""_s.arg(*m_family));
        if (m_seriesIndex >= 0)
            parts.append(u"metrics[%1]"_s.arg(m_seriesIndex));
        if (m_field)
            parts.append(u"field \"%1\""_s.arg(QLatin1StringView(m_field)));
        return parts.join(u", "_s);
    }

    static const char *location(od::document &doc)
    {
        const char *at = nullptr;
        return doc.current_location().get(at) == simdjson::SUCCESS ? at : nullptr;
    }

private:
    static const char *location(od::value &value)
    {
        const char *at = nullptr;
        return value.current_location().get(at) == simdjson::SUCCESS ? at : nullptr;
    }

    void expectType(od::value &value, od::json_type type)
    {
        const od::json_type actual = value.type();
        if (actual != type)
            fail(u"expected %1, found %2"_s.arg(QLatin1StringView(typeName(type)),
                                                QLatin1StringView(typeName(actual))),
                 location(value));
    }

    std::string_view asString(od::value &value, const char *field)
    {
        const char *previous = m_field;
        m_field = field;
        expectType(value, od::json_type::string);
        m_field = previous;
        return value.get_string();
    }

    // Numbers and types never carry escapes in practice: they are read in
    // place instead of being unescaped into simdjson's string buffer. Only
    // for text that is parsed further, which rejects anything odd.
    std::string_view plainString(od::value &value, const char *field)
    {
        const std::string_view raw = value.raw_json_token(); // up to the next structural character
        if (!raw.empty() && raw.front() == '"') {
            // Short strings: a loop beats memchr.
            for (size_t i = 1; i < raw.size(); ++i) {
                if (raw[i] == '"')
                    return raw.substr(1, i - 1);
                if (raw[i] == '\\')
                    break;
            }
        }
        return asString(value, field);
    }

    // The same for an object key (bucket bounds, quantiles).
    std::string_view plainKey(od::field &field)
    {
        const char *start = field.key().raw(); // just after the opening quote
        for (const char *p = start; p < m_end; ++p) {
            if (*p == '"')
                return std::string_view(start, size_t(p - start));
            if (*p == '\\')
                break;
        }
        return field.unescaped_key();
    }

    // Where a string read by plainString starts (its quote), if in place.
    const char *quoteOf(std::string_view text) const
    {
        return text.data() > m_input && text.data() <= m_end ? text.data() - 1 : nullptr;
    }

    double asNumber(od::value &value, const char *field)
    {
        const char *previous = m_field;
        m_field = field;
        const std::string_view text = plainString(value, field);
        const auto number = parseNumber(text);
        if (!number)
            fail(u"invalid number %1"_s.arg(excerpt(text)), quoteOf(text));
        m_field = previous;
        return *number;
    }

    // An object of string values, e.g. labels or flags, in document order.
    LabelPairs stringMap(od::value &value)
    {
        expectType(value, od::json_type::object);
        od::object object = value.get_object();
        return stringMap(object);
    }

    LabelPairs stringMap(od::object &object)
    {
        m_pairs.clear();
        for (auto fieldResult : object) {
            od::field field = std::move(fieldResult);
            const size_t index = m_pairs.size();
            const QString &name = m_strings.get(field.unescaped_key(), StringPool::LabelName, index);
            od::value v = field.value();
            if (v.type() != od::json_type::string)
                fail(u"the value of %1 is %2, not a string"_s.arg(name, QLatin1StringView(typeName(v.type()))),
                     location(v));
            m_pairs.emplace_back(name, m_strings.get(v.get_string(), StringPool::LabelValue, index));
        }
        return takeAll(m_pairs);
    }

    // One allocation of the exact size instead of growing a QList.
    template<typename T>
    static QList<T> takeAll(std::vector<T> &scratch)
    {
        QList<T> list(std::make_move_iterator(scratch.begin()), std::make_move_iterator(scratch.end()));
        scratch.clear();
        return list;
    }

    // A group's "labels" holds its grouping key, unless the group has a
    // metric named "labels": the gateway builds each group as one JSON map,
    // so that family then replaces the key. A key only has string values, a
    // family has a "metrics" array. Only types are peeked here: consuming a
    // string twice could overrun simdjson's string buffer.
    static bool isStringMap(od::object &object)
    {
        for (auto fieldResult : object) {
            od::field field = std::move(fieldResult);
            if (field.value().type() != od::json_type::string)
                return false;
        }
        return true;
    }

    Group group(od::object object)
    {
        Group group;
        std::optional<LabelPairs> keyLabels;
        std::optional<bool> lastPushSuccessful;
        std::optional<Series> pushTime, pushFailureTime;
        bool keyShadowed = false, flagShadowed = false;

        // Of the gateway's own families only the value (and, rarely, the
        // labels) is kept.
        static const QString pushTimeName{PushTimeFamily};
        static const QString pushFailureTimeName{PushFailureTimeFamily};
        auto addFamily = [&](std::string_view name, od::object familyObject) {
            if (name == std::string_view(PushTimeFamily.data(), size_t(PushTimeFamily.size()))) {
                pushTime = bookkeepingSeries(pushTimeName, familyObject, keyLabels ? SkipLabels : ReadLabels);
            } else if (name == std::string_view(PushFailureTimeFamily.data(), size_t(PushFailureTimeFamily.size()))) {
                pushFailureTime = bookkeepingSeries(pushFailureTimeName, familyObject, SkipLabels);
            } else {
                const size_t index = m_families.size();
                MetricFamily decoded = family(m_strings.get(name, StringPool::FamilyName, index), familyObject, index);
                if (!m_familySkipped)
                    m_families.push_back(std::move(decoded));
            }
        };
        m_families.clear();

        for (auto fieldResult : object) {
            od::field field = std::move(fieldResult);
            const std::string_view name = field.unescaped_key();
            od::value value = field.value();
            if (name == "labels") {
                m_field = "labels";
                expectType(value, od::json_type::object);
                od::object labels = value.get_object();
                const std::string_view raw = labels.raw_json();
                labels.reset();
                const bool isKey = m_labelsCache.find(raw) || isStringMap(labels);
                labels.reset();
                if (isKey) {
                    keyLabels = sortedLabels(labels, raw);
                    m_keyLabels = *keyLabels; // shared, formatted only for a message
                    m_field = nullptr;
                } else {
                    m_field = nullptr;
                    keyShadowed = true;
                    addFamily(name, labels);
                }
                continue;
            }
            if (name == "last_push_successful") {
                const od::json_type type = value.type();
                if (type == od::json_type::boolean) {
                    lastPushSuccessful = value.get_bool().value();
                    continue;
                }
                if (type != od::json_type::object) {
                    m_field = "last_push_successful";
                    fail(u"expected a boolean, found %1"_s.arg(QLatin1StringView(typeName(type))), location(value));
                }
                flagShadowed = true; // a family of that name
            }
            if (value.type() != od::json_type::object) {
                m_family = &m_strings.get(name);
                expectType(value, od::json_type::object);
            }
            addFamily(name, value.get_object());
        }

        group.families = takeAll(m_families);
        if (!pushTime)
            fail(u"missing family \"%1\""_s.arg(PushTimeFamily));
        if (!pushFailureTime)
            fail(u"missing family \"%1\""_s.arg(PushFailureTimeFamily));
        group.pushTime = pushTime->value;
        group.pushFailureTime = pushFailureTime->value;

        if (!keyLabels) {
            if (!keyShadowed)
                fail(u"missing \"labels\" (the grouping key)"_s);
            // The push time series carries exactly the key, plus instance=""
            // when the key has no instance. {job="x",instance=""} cannot be
            // told from {job="x"} this way; the latter is by far the usual.
            keyLabels = pushTime->labels;
            keyLabels->removeIf([](const LabelPair &l) { return l.first == u"instance" && l.second.isEmpty(); });
        }
        auto key = GroupingKey::fromLabels(std::move(*keyLabels));
        if (!key) {
            m_field = "labels";
            fail(u"invalid grouping key: %1"_s.arg(key.errorString()));
        }
        group.key = std::move(key).value();

        if (lastPushSuccessful) {
            group.lastPushSuccessful = *lastPushSuccessful;
        } else if (flagShadowed) {
            // The gateway's own rule (MetricGroup.LastPushSuccess).
            group.lastPushSuccessful = !(group.pushFailureTime > group.pushTime);
        } else {
            fail(u"missing \"last_push_successful\""_s);
        }
        return group;
    }

    // Like GroupingKey::toString (job first), also for keys it would reject.
    static QString keyText(const LabelPairs &labels)
    {
        QStringList parts;
        for (const auto &[name, value] : labels) {
            const QString part = name + u"=\"" + escapeLabelValue(value) + u'"';
            if (name == u"job")
                parts.prepend(part);
            else
                parts.append(part);
        }
        return u'{' + parts.join(u',') + u'}';
    }

    enum LabelsMode { ReadLabels, SkipLabels };

    // push_time_seconds and push_failure_time_seconds: one series with a
    // value. Its labels only matter when the group's key is not known (yet).
    Series bookkeepingSeries(const QString &name, od::object object, LabelsMode labelsMode)
    {
        m_family = &name;
        std::optional<Series> only;
        qsizetype count = 0;
        for (auto fieldResult : object) {
            od::field field = std::move(fieldResult);
            if (!field.key().unsafe_is_equal("metrics"))
                continue;
            od::value v = field.value();
            m_field = "metrics";
            expectType(v, od::json_type::array);
            m_field = nullptr;
            for (auto element : v.get_array()) {
                od::value s = std::move(element);
                m_seriesIndex = count;
                expectType(s, od::json_type::object);
                unsigned fields = 0;
                Series series = this->series(s, fields, labelsMode);
                if (!(fields & HasValue))
                    fail(u"missing \"value\""_s);
                if (!(fields & HasLabels))
                    fail(u"missing \"labels\""_s);
                if (count++ == 0)
                    only = std::move(series);
            }
            m_seriesIndex = -1;
        }
        if (count != 1)
            fail(only ? u"%1 series, expected exactly one"_s.arg(count) : u"no series, expected exactly one"_s);
        m_family = nullptr;
        return std::move(*only);
    }

    // `index`: the family's place in its group.
    MetricFamily family(const QString &name, od::object object, size_t index)
    {
        m_family = &name;
        MetricFamily f;
        f.name = name;
        std::optional<MetricType> type;
        bool unknownType = false;
        bool sawMetrics = false;
        QVarLengthArray<unsigned, 8> present;

        for (auto fieldResult : object) {
            od::field field = std::move(fieldResult);
            const od::raw_json_string key = field.key();
            od::value v = field.value();
            if (key.unsafe_is_equal("type")) {
                const std::string_view text = plainString(v, "type");
                type = typeFromJson(text);
                if (!type) {
                    // A type this client does not model (GAUGE_HISTOGRAM, or
                    // whatever a newer gateway adds): one client's push must
                    // not break every poll, so the family is skipped.
                    unknownType = true;
                    type = MetricType::Untyped;
                }
            } else if (key.unsafe_is_equal("help")) {
                f.help = m_strings.get(asString(v, "help"), StringPool::Help, index);
            } else if (key.unsafe_is_equal("metrics")) {
                sawMetrics = true;
                m_field = "metrics";
                expectType(v, od::json_type::array);
                m_field = nullptr;
                m_seriesIndex = 0;
                m_series.clear();
                for (auto element : v.get_array()) {
                    od::value s = std::move(element);
                    expectType(s, od::json_type::object);
                    unsigned fields = 0;
                    m_series.push_back(series(s, fields));
                    present.append(fields);
                    ++m_seriesIndex;
                }
                f.series = takeAll(m_series);
                m_seriesIndex = -1;
            }
        }
        if (!type)
            fail(u"missing \"type\""_s);
        if (!sawMetrics)
            fail(u"missing \"metrics\""_s);
        f.type = *type;
        m_familySkipped = unknownType;
        if (unknownType) {
            f.series.clear();
            m_family = nullptr;
            return f;
        }
        const unsigned required = requiredFields(*type);
        for (qsizetype i = 0; i < present.size(); ++i) {
            if ((present[i] & required) == required)
                continue;
            m_seriesIndex = i;
            const unsigned missing = required & ~present[i];
            fail(u"missing \"%1\" in a %2 series"_s.arg(QLatin1StringView(fieldName(missing & -missing)),
                                                     metricTypeName(*type)));
        }
        m_family = nullptr;
        return f;
    }

    Series series(od::value &value, unsigned &present, LabelsMode labelsMode = ReadLabels)
    {
        Series s;
        for (auto fieldResult : value.get_object()) {
            od::field field = std::move(fieldResult);
            const od::raw_json_string key = field.key();
            od::value v = field.value();
            if (key.unsafe_is_equal("value")) {
                s.value = asNumber(v, "value");
                present |= HasValue;
            } else if (key.unsafe_is_equal("labels") && labelsMode == SkipLabels) {
                present |= HasLabels;
            } else if (key.unsafe_is_equal("labels")) {
                m_field = "labels";
                s.labels = seriesLabels(v);
                m_field = nullptr;
                present |= HasLabels;
            } else if (key.unsafe_is_equal("buckets")) {
                boundMap(v, "buckets", [&](double bound, double count) { m_buckets.push_back({bound, count}); });
                std::sort(m_buckets.begin(), m_buckets.end(), [](const Bucket &a, const Bucket &b) {
                    return boundLess(a.upperBound, b.upperBound);
                });
                s.buckets = takeAll(m_buckets);
                present |= HasBuckets;
            } else if (key.unsafe_is_equal("quantiles")) {
                boundMap(v, "quantiles", [&](double q, double x) { m_quantiles.push_back({q, x}); });
                std::sort(m_quantiles.begin(), m_quantiles.end(), [](const Quantile &a, const Quantile &b) {
                    return boundLess(a.quantile, b.quantile);
                });
                s.quantiles = takeAll(m_quantiles);
                present |= HasQuantiles;
            } else if (key.unsafe_is_equal("sum")) {
                s.sum = asNumber(v, "sum");
                present |= HasSum;
            } else if (key.unsafe_is_equal("count")) {
                s.count = asNumber(v, "count");
                present |= HasCount;
            }
        }
        return s;
    }

    LabelPairs seriesLabels(od::value &value)
    {
        expectType(value, od::json_type::object);
        od::object object = value.get_object();
        const std::string_view raw = object.raw_json();
        object.reset();
        return sortedLabels(object, raw);
    }

    // A labels object (`raw` is its JSON text) sorted by name.
    LabelPairs sortedLabels(od::object &object, std::string_view raw)
    {
        if (const LabelPairs *cached = m_labelsCache.find(raw))
            return *cached;
        LabelPairs labels = stringMap(object);
        // Go writes map keys sorted; sort only if someone did not.
        if (!std::is_sorted(labels.cbegin(), labels.cend()))
            std::sort(labels.begin(), labels.end());
        m_labelsCache.insert(raw, labels);
        return labels;
    }

    // {"0.1":"2","+Inf":"3"}: bucket bounds or quantiles to values.
    template<typename Add>
    void boundMap(od::value &value, const char *fieldName, Add &&add)
    {
        m_field = fieldName;
        expectType(value, od::json_type::object);
        m_buckets.clear();
        m_quantiles.clear();
        for (auto fieldResult : value.get_object()) {
            od::field field = std::move(fieldResult);
            // Before plainKey(): unescaping a key consumes it, and a
            // consumed key has no position any more.
            const char *keyAt = field.key().raw() - 1;
            const std::string_view keyText = plainKey(field);
            const auto bound = parseNumber(keyText);
            if (!bound)
                fail(u"invalid bound %1"_s.arg(excerpt(keyText)), keyAt);
            od::value v = field.value();
            add(*bound, asNumber(v, fieldName));
        }
        m_field = nullptr;
    }

    const char *m_input;
    const char *m_end;
    StringPool m_strings;
    qsizetype m_groupIndex = -1;
    LabelPairs m_keyLabels;            // the group's key, once known
    const QString *m_family = nullptr; // points into m_strings, or a static
    qsizetype m_seriesIndex = -1;
    const char *m_field = nullptr;
    LabelsCache m_labelsCache;
    // Scratch space, reused: its capacity outlives each series and group.
    std::vector<LabelPair> m_pairs;
    std::vector<Bucket> m_buckets;
    std::vector<Quantile> m_quantiles;
    std::vector<Series> m_series;
    std::vector<MetricFamily> m_families;
    bool m_familySkipped = false; // the last family() had a type we do not model
};

// Per thread (decoding runs on worker threads): a parser, and a copy of the
// input with the SIMDJSON_PADDING bytes simdjson reads past the end, which a
// QByteArray does not promise. Both are kept for the next poll, up to a size:
// a parser holds a few times the largest document it has seen.
struct ThreadBuffers
{
    static constexpr size_t KeepUpTo = 64 * 1024 * 1024;

    od::parser parser;
    std::unique_ptr<char[]> input;
    size_t capacity = 0;

    simdjson::padded_string_view padded(const QByteArray &json)
    {
        const size_t size = size_t(json.size());
        if (capacity < size + simdjson::SIMDJSON_PADDING) {
            capacity = size + size / 8 + simdjson::SIMDJSON_PADDING;
            input.reset(new char[capacity]);
        }
        std::memcpy(input.get(), json.constData(), size);
        std::memset(input.get() + size, 0, simdjson::SIMDJSON_PADDING);
        return simdjson::padded_string_view(input.get(), size, capacity);
    }

    void releaseIfHuge()
    {
        if (capacity <= KeepUpTo)
            return;
        parser = od::parser();
        input.reset();
        capacity = 0;
    }
};

ThreadBuffers &threadBuffers()
{
    thread_local ThreadBuffers buffers;
    return buffers;
}

Error makeError(Error::Kind kind, const QString &what, const char *at, const simdjson::padded_string_view &input,
                const QString &where)
{
    Error error = Error::make(kind, what);
    // A position inside an answer that is not a gateway's says nothing.
    if (kind == Error::Decode && at && at >= input.data() && at <= input.data() + input.size()) {
        const std::string_view before(input.data(), size_t(at - input.data()));
        error.line = int(std::count(before.begin(), before.end(), '\n')) + 1;
        const size_t lineStart = before.rfind('\n');
        error.column = int(before.size() - (lineStart == std::string_view::npos ? 0 : lineStart + 1)) + 1;
        error.message += u" at byte %1"_s.arg(before.size());
    }
    if (!where.isEmpty())
        error.message += u" (" + where + u')';
    return error;
}

// simdjson finds unbalanced brackets and unclosed strings before walking;
// the place to point at is then the end of the answer.
// No document (nullptr) when the failure came before the walk.
const char *errorLocation(simdjson::error_code code, od::document *doc, const simdjson::padded_string_view &input)
{
    if (code == simdjson::UNCLOSED_STRING || code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT)
        return input.data() + input.size();
    return doc ? Walker::location(*doc) : nullptr;
}

template<typename T, typename Decode>
Result<T> decodeIn(ThreadBuffers &buffers, const QByteArray &json, Decode &&decode)
{
    const simdjson::padded_string_view input = buffers.padded(json);
    od::document doc;
    if (const auto code = buffers.parser.iterate(input).get(doc))
        return makeError(Error::Decode, describe(code), errorLocation(code, nullptr, input), input, {});

    Walker walker(input.data(), input.size());
    try {
        return decode(walker, doc);
    } catch (const Failure &failure) {
        if (failure.kind == Error::NotAGateway) {
            // On-Demand skips what it is not asked for without validating
            // it: only well-formed JSON is "not a gateway", the rest is
            // broken. A full parse is affordable on this rare path.
            simdjson::dom::parser validator;
            simdjson::dom::element root;
            if (const auto code = validator.parse(input.data(), input.size(), false).get(root))
                return makeError(Error::Decode, describe(code), nullptr, input, {});
        }
        const char *at = failure.at ? failure.at : Walker::location(doc);
        return makeError(failure.kind, failure.what, at, input, walker.where());
    } catch (const simdjson::simdjson_error &e) {
        return makeError(Error::Decode, describe(e.error()), errorLocation(e.error(), &doc, input), input, walker.where());
    }
}

template<typename T, typename Decode>
Result<T> decodeDocument(const QByteArray &json, Decode &&decode)
{
    ThreadBuffers &buffers = threadBuffers();
    Result<T> result = decodeIn<T>(buffers, json, decode);
    buffers.releaseIfHuge();
    return result;
}

} // namespace

Result<QList<Group>> decodeGroups(const QByteArray &json)
{
    return decodeDocument<QList<Group>>(json, [](Walker &walker, od::document &doc) {
        QList<Group> groups;
        walker.envelope(doc, od::json_type::array, "the list of groups (is this /api/v1/status?)",
                        [&](od::value data) { groups = walker.groups(data); });
        return groups;
    });
}

Result<GatewayStatus> decodeStatus(const QByteArray &json)
{
    return decodeDocument<GatewayStatus>(json, [](Walker &walker, od::document &doc) {
        GatewayStatus status;
        walker.envelope(doc, od::json_type::object, "the status object (is this /api/v1/metrics?)",
                        [&](od::value data) { status = walker.status(data); });
        return status;
    });
}

} // namespace PushDeck
