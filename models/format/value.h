#pragma once
// Sample values as the text format writes and reads them: a double and its
// shortest round-trip text, NaN and ±Inf included, exactly as the gateway
// (Go's expfmt and strconv) does it. Used by the exposition writer and
// parser, the protobuf push-time reader, snapshots and the CLI.

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace PushDeck {

// Formats a value as the text format and the gateway do: NaN, +Inf, -Inf,
// otherwise the shortest round-trip representation.
QByteArray formatValue(double value);
// Parses a sample value as Go's strconv.ParseFloat does (NaN, +Inf, Inf, -Inf
// case-insensitive, decimal and exponent forms). Exact round trip.
std::optional<double> parseValue(QByteArrayView text);

} // namespace PushDeck
