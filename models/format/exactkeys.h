#pragma once
// Grouping keys that are not valid UTF-8. A push to such a key is rejected,
// but the gateway (1.5.1) keeps the group it created for it, empty and
// failed. Its JSON shows every invalid byte as U+FFFD, so the key read from
// /api/v1/metrics addresses a different group; /metrics cannot serve it at
// all (HTTP 500), and the error text it answers names every series it could
// not serve with its labels byte-exact, in protobuf text form:
//
//   * collected metric "push_time_seconds" { label:<name:"job" value:"\377ab" >
//     gauge:<value:0 > } has a label named "job" whose value is not utf8: "\xffab"
//
// Such a group breaks every later push and every scrape of the gateway, so
// it must be deletable: the exact key comes from that text, kept in raw
// bytes (core/printable.h).

#include "format/lightrefresh.h"

namespace PushDeck {

// Whether the key shows a U+FFFD in a value (as the JSON shows raw bytes).
bool hasReplacementCharacter(const GroupingKey &key);

// The push_time_seconds and push_failure_time_seconds series the text of a
// /metrics error names ("collected metric ..."), labels exact (raw bytes
// where they are not UTF-8, the gateway's instance="" included). Other
// lines are skipped; an entry that cannot be read is left out.
QList<PushTimes> scanCollectErrors(QByteArrayView body);

// Gives every group whose key shows U+FFFD the exact key of the scanned
// entry that looks the same with U+FFFD for its raw bytes (and, among
// several, has the same push and failure times). Returns how many keys were
// replaced; a group with no unambiguous match keeps its key.
int restoreExactKeys(QList<Group> &groups, const QList<PushTimes> &scanned);

} // namespace PushDeck
