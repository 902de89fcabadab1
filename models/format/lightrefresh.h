#pragma once
// The cheap refresh: instead of the full JSON of every series of every group
// (12 MB at 10k groups, no gzip), read the gateway's gzip-compressed /metrics
// and take only the one push_time_seconds and push_failure_time_seconds
// series per group, whose labels are the group's key. That is enough for
// ages, states, and groups appearing or disappearing. /metrics is asked for
// in the protobuf delimited format (less than half the bytes of gzip text);
// a gateway or proxy that answers text is scanned as text.
//
// How exact the labels are depends on the format. The protobuf scanner keeps
// every label as the gateway exposes it, empty values included; the gateway
// adds instance="" to every group without an instance, so only {job="a"}
// and {job="a",instance=""} look the same there (and while both exist the
// gateway cannot serve /metrics at all: HTTP 500). The text scanner drops
// empty-valued labels, so any keys differing only by those are ambiguous.
// When ambiguous, and whenever a group is new, the caller reads the JSON.

#include "core/metrics.h"

#include <QHash>

namespace PushDeck {

// How the scanned labels relate to a grouping key.
enum class ExposedLabels {
    NonEmpty, // text scanner: empty-valued labels dropped
    Exact,    // protobuf scanner: every label, empty values and the gateway's instance="" included
};

struct PushTimes
{
    LabelPairs labels;          // sorted by name (see ExposedLabels)
    double pushTime = 0;
    double pushFailureTime = 0;
    bool hasPushTime = false;
    bool hasFailureTime = false;
};

// Scans exposition text for the two bookkeeping series. Everything else is
// skipped without being parsed. Errors name the line.
Result<QList<PushTimes>> scanPushTimes(QByteArrayView text);

// Both scanners: the entry of a label set (sorted here), created on first
// sight, gets the push or failure time.
void recordPushTime(QList<PushTimes> &entries, QHash<LabelPairs, qsizetype> &index, LabelPairs labels, bool failure,
                    double value);

// Reads varint-length-delimited io.prometheus.client.MetricFamily messages.
// Only the two bookkeeping families are parsed; every other family is
// skipped by its length. Errors (Decode) name the byte offset.
Result<QList<PushTimes>> scanPushTimesProto(QByteArrayView delimited);

struct ScannedPushTimes
{
    QList<PushTimes> entries;
    ExposedLabels labels = ExposedLabels::NonEmpty;
};

// Whether a Content-Type is the protobuf delimited MetricFamily format.
bool isDelimitedProtobuf(QByteArrayView contentType);
// Picks the scanner by the answer's Content-Type: protobuf delimited, or
// text for anything else (text/plain, OpenMetrics, none).
Result<ScannedPushTimes> scanPushTimes(QByteArrayView body, QByteArrayView contentType);

struct LightMerge
{
    QList<Group> groups;      // the last full read with times updated; valid when !needFull
    bool needFull = false;    // the text cannot be mapped exactly: read the JSON
    QString reason;           // why (for logs and the benchmark)
    int changed = 0;          // groups whose push or failure time moved
};

// Maps scanned entries onto the exact keys of the last full read. Needs a
// full read when a group is new, when a key is ambiguous (two known keys
// expose the same labels, see ExposedLabels), or when the scan misses a
// time. Groups absent from the scan are gone.
LightMerge mergePushTimes(const QList<Group> &lastFull, const QList<PushTimes> &scanned,
                          ExposedLabels labels = ExposedLabels::NonEmpty);

} // namespace PushDeck
