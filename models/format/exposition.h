#pragma once
// The Prometheus text exposition format (version 0.0.4), as the Pushgateway
// 1.5 accepts it: a writer that produces exactly what a family holds, and a
// parser that validates text before anything is sent.

#include "core/metrics.h"

namespace PushDeck {

struct ExpositionWriteOptions
{
    // Leave out push_time_seconds and push_failure_time_seconds.
    bool skipGatewayFamilies = true;
    // Labels to remove from every series (typically the grouping key's
    // names, so the text can be pushed to any key).
    QStringList dropLabels;
    // Drop labels whose value is empty (in text they mean "absent").
    bool dropEmptyLabels = true;
    // Labels dropped only when their value is empty.
    QStringList dropIfEmpty;
};

QByteArray writeExposition(const QList<MetricFamily> &families,
                           const ExpositionWriteOptions &options = {});
// The group's families as text to push to its own key: without the key's
// labels (the gateway adds them back), the instance="" it adds to groups
// without an instance, and its push_time families; other empty-valued
// labels and a -0 are kept, since the gateway keeps them. What an editor shows, what an undo snapshot
// pushes back and what a move or copy pushes to the new key.
QByteArray groupExposition(const Group &group);

// Parses text into families. Histograms/summaries are reassembled from their
// _bucket/_sum/_count and quantile series. Errors carry line and column and
// say them in the message ("line 3, column 7: ..."). Accepts exactly what
// the gateway accepts (no timestamps: the gateway rejects pushes with them).
Result<QList<MetricFamily>> parseExposition(QByteArrayView text);

} // namespace PushDeck
