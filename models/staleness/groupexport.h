#pragma once
// Groups as text for other programs: the JSON object of one group that
// `pushdeckctl groups --json` prints and the window's JSON Lines export
// writes, and the same groups as CSV.

#include "staleness/stalenesspolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace PushDeck {

// key, labels, push_time, push_failure_time (unix seconds, null: never),
// last_push_successful, age_seconds (null: never pushed), state, families
// (names, sorted), series.
QJsonObject groupJson(const Group &group, const StalenessVerdict &verdict, double now);

// One groupJson() per line, each ending in a newline. `verdicts` parallels
// `groups`.
QByteArray groupsJsonLines(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now);

// RFC 4180 CSV (UTF-8, CRLF line ends, every field quoted where it needs
// it): a header, then one row per group. The columns: every label name of
// `labelNames` (a group without the label: empty), then key, push_time and
// push_failure_time (ISO 8601 UTC, empty: never), last_push_successful
// (true/false), age_seconds (empty: never pushed), state, families, series
// (counts).
QByteArray groupsCsv(const QStringList &labelNames, const QList<Group> &groups, const QList<StalenessVerdict> &verdicts,
                     double now);

} // namespace PushDeck
