#pragma once
// Prometheus-style durations (`90s`, `15m`, `1h30m`, `7d`, `1w`, `500ms`) and
// the compact age text the views show (`5s`, `3m12s`, `2h`, `4d`).

#include "core/result.h"

namespace PushDeck {

// Seconds; units ms s m h d w y, combined largest first. A bare number
// (`300`, `1.5`) is taken as seconds. Errors name the offending position.
Result<double> parseDuration(QStringView text);
// Largest two units, dropping a zero second one: 5s, 3m12s, 2h, 2h5m, 4d, 4d3h.
// Negative (clock skew) shows as "0s"; NaN as "–".
QString formatAge(double seconds);
// Shortest exact Prometheus form: 90 → "1m30s", 3600 → "1h", 0.5 → "500ms".
QString formatDuration(double seconds);

} // namespace PushDeck
