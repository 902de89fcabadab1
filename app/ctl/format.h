#pragma once
// How pushdeckctl writes results: aligned tables for people and the stable
// JSON objects for scripts (documented in README.md, "pushdeckctl").

#include "core/metrics.h"
#include "staleness/groupexport.h" // groupJson(): the `groups --json` object
#include "staleness/stalenesspolicy.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace PushDeck {

// Aligned columns, two spaces apart; the last column is not padded.
// `rightAligned` lists the columns whose cells are right-aligned (numbers).
void printTable(QTextStream &out, const QStringList &headers, const QList<QStringList> &rows,
                const QList<int> &rightAligned = {});

// A group's age for tables: formatAge(), or "-" when it never pushed
// successfully (ASCII, so that awk and cut see one column).
QString ageText(double seconds);

// Unix seconds as ISO 8601 UTC (`2026-11-28T10:04:35Z`, with ms when asked);
// "never" for 0.
QString formatTime(double unixSeconds, bool withMs = false);

// groupJson plus "metrics": every family with type, help and series; values
// as strings in the gateway's form (NaN, +Inf and every double exact).
QJsonObject groupDetailJson(const Group &group, const StalenessVerdict &verdict, double now);
// " (similar: {job="a",instance="x"}, ...)" for a key that is not on the
// gateway: up to three keys equal without empty labels or with the same job;
// empty when there are none.
QString similarKeysHint(const GroupingKey &key, const QList<Group> &groups);

// "1 group", "3 groups"; `many` for irregular plurals ("families").
QString plural(qsizetype n, const char *one, const char *many = nullptr);

// One compact JSON line (no newline).
QByteArray jsonLine(const QJsonObject &object);

} // namespace PushDeck
