#pragma once
// The cheap refresh: instead of the full JSON of every series of every group
// (12 MB at 10k groups, no gzip), read the gateway's gzip-compressed /metrics
// text and take only the one push_time_seconds and push_failure_time_seconds
// series per group, whose labels are the group's key. That is enough for
// ages, states, and groups appearing or disappearing. Text exposition drops
// empty-valued labels, so keys that differ only by those are ambiguous there:
// then, and whenever a group is new, the caller reads the exact JSON.

#include "metrics.h"

struct PushTimes
{
    LabelPairs labels;          // sorted by name, no empty values (as exposed)
    double pushTime = 0;
    double pushFailureTime = 0;
    bool hasPushTime = false;
    bool hasFailureTime = false;
};

// Scans exposition text for the two bookkeeping series. Everything else is
// skipped without being parsed. Errors name the line.
Result<QList<PushTimes>> scanPushTimes(QByteArrayView text);

struct LightMerge
{
    QList<Group> groups;      // the last full read with times updated; valid when !needFull
    bool needFull = false;    // the text cannot be mapped exactly: read the JSON
    QString reason;           // why (for logs and the benchmark)
    int changed = 0;          // groups whose push or failure time moved
};

// Maps scanned entries onto the exact keys of the last full read. Needs a
// full read when a group is new, when a key is ambiguous (two known keys
// equal after dropping empty labels), or when the scan misses a time.
// Groups absent from the text are gone.
LightMerge mergePushTimes(const QList<Group> &lastFull, const QList<PushTimes> &scanned);
