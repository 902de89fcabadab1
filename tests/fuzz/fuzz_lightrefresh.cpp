// Fuzzes the cheap refresh: scanPushTimes over /metrics text, and
// mergePushTimes onto groups made from what was scanned. Scanning never
// crashes; what it finds has sorted labels without empty values, one entry
// per label set, and writing the entries back as text scans to the same
// entries. Merging onto exactly the scanned groups updates every time and
// never asks for a full read.

#include "format/value.h"
#include "fuzzcheck.h"
#include "format/lightrefresh.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace PushDeck;

using namespace Qt::StringLiterals;

namespace {

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

QByteArray labelText(const LabelPairs &labels)
{
    QByteArray out = "{";
    for (const auto &[name, value] : labels) {
        if (out.size() > 1)
            out.append(',');
        out.append(name.toUtf8()).append("=\"").append(escapeLabelValue(value).toUtf8()).append('"');
    }
    return out.append('}');
}

QByteArray write(const QList<PushTimes> &entries)
{
    QByteArray out = "# TYPE push_time_seconds gauge\n";
    for (const PushTimes &entry : entries) {
        if (entry.hasPushTime)
            out.append("push_time_seconds").append(labelText(entry.labels)).append(' ').append(formatValue(entry.pushTime)).append('\n');
        if (entry.hasFailureTime)
            out.append("push_failure_time_seconds").append(labelText(entry.labels)).append(' ').append(formatValue(entry.pushFailureTime)).append('\n');
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto scanned = scanPushTimes(text);
    if (!scanned) {
        checkError(scanned.error(), Error::Parse);
        return 0;
    }

    QSet<LabelPairs> seen;
    for (const PushTimes &entry : *scanned) {
        FUZZ_CHECK(entry.hasPushTime || entry.hasFailureTime);
        FUZZ_CHECK(std::is_sorted(entry.labels.cbegin(), entry.labels.cend()));
        for (const auto &pair : entry.labels)
            FUZZ_CHECK(!pair.second.isEmpty());
        FUZZ_CHECK(!seen.contains(entry.labels));
        seen.insert(entry.labels);
    }

    const QByteArray written = write(*scanned);
    const auto again = scanPushTimes(written);
    FUZZ_CHECK_DETAIL(again.ok(), show(QString::fromUtf8(written)) + u"\nerror "_s + again.errorString());
    FUZZ_CHECK_DETAIL(again->size() == scanned->size(), show(QString::fromUtf8(written)));
    for (qsizetype i = 0; i < scanned->size(); ++i) {
        const PushTimes &a = (*scanned)[i];
        const PushTimes &b = (*again)[i];
        FUZZ_CHECK_DETAIL(a.labels == b.labels && a.hasPushTime == b.hasPushTime && a.hasFailureTime == b.hasFailureTime
                              && (!a.hasPushTime || sameValue(a.pushTime, b.pushTime))
                              && (!a.hasFailureTime || sameValue(a.pushFailureTime, b.pushFailureTime)),
                          show(QString::fromUtf8(written)));
    }

    // The groups of a last full read that are exactly the complete entries
    // whose labels make a valid key.
    QList<Group> lastFull;
    QList<PushTimes> complete;
    for (const PushTimes &entry : *scanned) {
        if (!entry.hasPushTime || !entry.hasFailureTime)
            continue;
        auto key = GroupingKey::fromLabels(entry.labels);
        if (!key)
            continue;
        Group group;
        group.key = std::move(key).value();
        lastFull.append(group);
        complete.append(entry);
    }
    const LightMerge merge = mergePushTimes(lastFull, complete);
    FUZZ_CHECK_DETAIL(!merge.needFull, merge.reason);
    FUZZ_CHECK(merge.groups.size() == complete.size());
    for (qsizetype i = 0; i < complete.size(); ++i) {
        FUZZ_CHECK(merge.groups[i].key == lastFull[i].key);
        FUZZ_CHECK(sameValue(merge.groups[i].pushTime, complete[i].pushTime));
        FUZZ_CHECK(sameValue(merge.groups[i].pushFailureTime, complete[i].pushFailureTime));
    }
    return 0;
}
