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
};

QByteArray writeExposition(const QList<MetricFamily> &families,
                           const ExpositionWriteOptions &options = {});

// Parses text into families. Histograms/summaries are reassembled from their
// _bucket/_sum/_count and quantile series. Errors carry line and column and
// say them in the message ("line 3, column 7: ..."). Accepts exactly what
// the gateway accepts (no timestamps: the gateway rejects pushes with them).
Result<QList<MetricFamily>> parseExposition(QByteArrayView text);

// Formats a value as the text format and the gateway do: NaN, +Inf, -Inf,
// otherwise the shortest round-trip representation.
QByteArray formatValue(double value);
// Parses a sample value as Go's strconv.ParseFloat does (NaN, +Inf, Inf, -Inf
// case-insensitive, decimal and exponent forms). Exact round trip.
std::optional<double> parseValue(QByteArrayView text);

} // namespace PushDeck
