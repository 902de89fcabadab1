#pragma once
// The exact identity of a group on a gateway: its full label set, always with
// `job`. Parsed from and shown as PromQL-style text, and encoded to the push
// URL path so that the path always addresses exactly this group.

#include "core/result.h"

#include <QHashFunctions>
#include <QMetaType>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace PushDeck {

using LabelPair = std::pair<QString, QString>;
using LabelPairs = QList<LabelPair>;

// The classic names ([a-zA-Z_][a-zA-Z0-9_]*, metric names also with `:`).
// Keys, families and series may carry any UTF-8 name (Pushgateway 1.11,
// Prometheus 3); see core/promql.h for both checks.
bool isValidLabelName(QStringView name);
bool isValidMetricName(QStringView name);
// PromQL/text-format label value escaping: \\ \" \n.
QString escapeLabelValue(QStringView value);

class GroupingKey
{
public:
    // How label names go into a push path. Pushgateway 1.11 started with
    // --push.enable-utf8-names reads names in prometheus/common's value
    // encoding (`service.name` is `U__service_2e_name`); every other gateway
    // takes names as they are and refuses anything but classic names.
    enum class PathNames { Plain, Utf8Escaped };

    GroupingKey() = default; // invalid (no job)

    // Validates names (any non-empty UTF-8 name, no duplicates, no `__`
    // prefix), requires a non-empty job value. Empty values of other labels are kept: {job="a"} and
    // {job="a",instance=""} are different groups to the gateway.
    static Result<GroupingKey> fromLabels(LabelPairs labels);
    // `{job="a",instance="b"}` (whitespace allowed, any label order). Errors
    // carry the 1-based column.
    static Result<GroupingKey> parse(QStringView text);
    // `/metrics/job/a/instance@base64/ZGItMQ==`, with or without a leading
    // route prefix up to `/metrics/`; percent-encoded segments are decoded,
    // and with Utf8Escaped names in `U__` form too.
    static Result<GroupingKey> fromPath(QStringView path, PathNames names = PathNames::Plain);

    bool isValid() const { return !m_labels.isEmpty(); }
    QString job() const;
    bool contains(QStringView name) const;
    QString value(QStringView name) const; // empty when absent
    // job first, then the other labels sorted by name.
    const LabelPairs &labels() const { return m_labels; }
    QStringList names() const;
    int size() const { return int(m_labels.size()); }

    // `{job="a",instance="b"}` with escaped values, job first; names that
    // are not classic are quoted as Prometheus 3 writes them
    // (`{job="a","service.name"="x"}`), which parse() reads back.
    QString toString() const;
    // `metrics/job/a/instance@base64/ZGItMQ==` (no leading slash), to append
    // to a base URL with route prefix. Values that are empty, `.` or `..`, or
    // contain anything outside [A-Za-z0-9._~-], are sent base64url with
    // `@base64` (`=` for the empty value). Names as `names` says.
    QString toPath(PathNames names = PathNames::Plain) const;

    // A label name that is not a classic name: only a gateway with UTF-8
    // names can be sent this key.
    bool hasUtf8Names() const;
    // The path differs between PathNames::Plain and Utf8Escaped (a UTF-8
    // name, or a classic name starting with U__): the gateway's mode must be
    // known before the key is sent.
    bool pathDependsOnNameEscaping() const;
    // prometheus/common's ValueEncodingEscaping of one name (see PathNames),
    // and back; unescape gives nullopt for text that is not a valid escape.
    static QString escapePathLabelName(QStringView name);
    static std::optional<QString> unescapePathLabelName(QStringView name);

    // The key with empty-valued labels dropped: two different keys with the
    // same collision key make the gateway reject every push.
    GroupingKey collisionKey() const;

    // Keys are hashed and compared a lot (every refresh looks every group up
    // in several hashes): the hash is computed once, when the key is made.
    friend bool operator==(const GroupingKey &a, const GroupingKey &b)
    {
        return a.m_hash == b.m_hash && a.m_labels == b.m_labels;
    }
    friend bool operator!=(const GroupingKey &a, const GroupingKey &b) { return !(a == b); }
    friend bool operator<(const GroupingKey &a, const GroupingKey &b) { return a.m_labels < b.m_labels; }
    friend size_t qHash(const GroupingKey &key, size_t seed = 0) { return qHash(key.m_hash, seed); }
    // Whether both hold the very same label list (then == is one pointer
    // comparison). Long-lived hashes swap in the polled key once when not:
    // a key read back from a file equals the polled one but shares nothing.
    bool sharesLabelsWith(const GroupingKey &other) const { return m_labels.constData() == other.m_labels.constData(); }

private:
    void setLabels(LabelPairs labels);

    LabelPairs m_labels;
    size_t m_hash = 0;
};

} // namespace PushDeck

Q_DECLARE_METATYPE(PushDeck::GroupingKey)
