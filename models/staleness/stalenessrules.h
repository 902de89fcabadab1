#pragma once
// The staleness rules file: defaults, ordered rules and cadence factors of a
// StalenessPolicy as a small JSON document, shared by `pushdeckctl --rules`,
// the rules editor's import/export and the GUI's QSettings entry.
//
//   {
//     "version": 1,
//     "defaults": { "warn": "1h", "stale": "6h" },
//     "cadence": { "enabled": true, "warnFactor": 2, "staleFactor": 4, "minIntervals": 3 },
//     "rules": [
//       { "name": "backups", "matcher": "{job=\"nightly-backup\"}", "warn": "26h", "stale": "2d" },
//       { "gateway": "prod-pg:9091", "matcher": "{job=~\"etl-.*\"}", "warn": "2h", "stale": "4h" }
//     ]
//   }
//
// Durations are Prometheus durations ("90s", "1h30m"; a JSON number is
// seconds). "gateway" (optional) scopes a rule to one gateway, by name
// (host:port/prefix) or base URL; rules without it apply everywhere and are
// written without it. Every section is optional; missing values keep the defaults of
// StalenessPolicy. Defaults of "0s" switch the global default off.

#include "staleness/stalenesspolicy.h"

#include <QByteArray>

class QSettings;

namespace PushDeck {

class StalenessRules
{
public:
    // Errors are Error::Parse with a path to the offending field, e.g.
    // `rules[2].stale: invalid duration "4x" ...` or, for broken JSON, the
    // 1-based line and column.
    static Result<StalenessPolicy> fromJson(QByteArrayView json);
    // Indented and stable (same policy, same bytes), for files people edit
    // and diff. Learned cadences are not part of it.
    static QByteArray toJson(const StalenessPolicy &policy);

    // Errors start with the file name.
    static Result<StalenessPolicy> load(const QString &path);
    static Result<Done> save(const StalenessPolicy &policy, const QString &path);

    // One-line compact JSON for a QSettings value, and back.
    static QString toSettingsString(const StalenessPolicy &policy);
    static Result<StalenessPolicy> fromSettingsString(QStringView text);

    // The QSettings key the GUI keeps the rules under.
    static QString settingsKey();
    // A missing key is not an error: the built-in defaults.
    static Result<StalenessPolicy> readSettings(const QSettings &settings);
    static void writeSettings(QSettings &settings, const StalenessPolicy &policy);
};

} // namespace PushDeck
