#pragma once
// What PushDeck writes and reads the way Prometheus does: which Prometheus's
// rules a selector follows (2.x and 3.x differ), label and metric names as
// PromQL spells them (bare when they are classic names, quoted otherwise, as
// Prometheus 3 allows), and PromQL string literals.

#include <QString>
#include <QStringView>

#include <optional>

namespace PushDeck {

// The two sets of selector rules in use today. Prometheus 3 lets `.` in a
// regex match a newline and accepts quoted UTF-8 label names
// ({"service.name"="x"}); Prometheus 2.x does neither. PushDeck follows the
// Prometheus a connection profile names (its /api/v1/status/buildinfo), and
// Prometheus 3 when none is named or it cannot be asked.
enum class PromDialect { Prometheus2, Prometheus3 };

inline constexpr PromDialect DefaultPromDialect = PromDialect::Prometheus3;

// "Prometheus 2.x" / "Prometheus 3"
QString promDialectName(PromDialect dialect);
// From a Prometheus version ("2.42.0", "3.5.0-rc.1", "v3.1.0"): major < 3
// is 2.x; nullopt when the text is not a version.
std::optional<PromDialect> promDialectForVersion(QStringView version);

// [a-zA-Z_][a-zA-Z0-9_]*: names every Prometheus and Pushgateway accepts
// without quoting or escaping.
bool isLegacyLabelName(QStringView name);
// [a-zA-Z_:][a-zA-Z0-9_:]*
bool isLegacyMetricName(QStringView name);
// Any non-empty name with a UTF-8 form (no unpaired surrogate): what
// Prometheus 3 and Pushgateway 1.11 (--push.enable-utf8-names) accept.
bool isValidUtf8Name(QStringView name);

// A PromQL double-quoted string literal with Go escapes (\\ \" \n \r \t, \xNN
// for other control characters).
QString promqlString(QStringView value);
// A label name for PromQL: bare when legacy, else a quoted string
// ("service.name"), which only Prometheus 3 reads.
QString promqlLabelName(QStringView name);
// `metric{a="x",...}` written for Prometheus: a metric with a non-legacy
// name goes inside the braces as the first, quoted term ({"my.metric",a="x"}).
// `matchers` is the text between the braces (may be empty).
QString promqlSelector(QStringView metric, QStringView matchers);

} // namespace PushDeck
