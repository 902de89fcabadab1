#pragma once
// The audit log: every mutating action PushDeck performs on a gateway, with
// time, gateway, keys and outcome per key, as JSON lines appended to a file
// (one entry per line, flushed to the OS after every entry, so a crash or
// kill loses nothing that was acknowledged before it).
//
// Line format (one JSON object per line):
//   {"time":"2026-11-28T10:04:35.603Z",          // ISO 8601 UTC, ms
//    "gateway":"http://127.0.0.1:9091",          // never with credentials
//    "action":"bulk-delete",                     // delete, bulk-delete, prune,
//                                                // touch, move, edit, push,
//                                                // copy, wipe, restore
//    "run":"b1f0…",                              // ties the entries of one run
//    "phase":"sent",                             // start | sent | result
//    "dry_run":false,
//    "snapshot":"/…/snapshot-….json",            // undo snapshot, if any
//    "keys":[{"key":"{job=\"a\"}","outcome":"accepted","error":""}],
//    "message":"…", "error":"…"}
// Fields with empty/false values may be left out.

#include "core/groupingkey.h"
#include "core/result.h"

#include <QDateTime>
#include <QFile>
#include <QList>
#include <QString>
#include <memory>

namespace PushDeck {

struct AuditKeyOutcome
{
    QString key;      // GroupingKey::toString()
    QString outcome;  // accepted, failed, deleted, still-present, not-sent,
                      // unverified, pushed, restored, skipped, would-delete …
    QString error;    // error text, when any
};

struct AuditEntry
{
    QDateTime time;   // UTC; append() fills it when invalid
    QString gateway;  // redacted URL
    QString action;
    QString run;
    QString phase;
    bool dryRun = false;
    QString snapshot;
    QList<AuditKeyOutcome> keys;
    QString message;
    QString error;

    QByteArray toJsonLine() const; // without the newline
    static Result<AuditEntry> fromJson(QByteArrayView line);
};

// Not thread-safe: one thread appends (the GUI thread or the CLI's). Several
// instances, also in several processes, may append to the same file: every
// entry is a single write(2) in append mode.
class AuditLog
{
public:
    // Empty: defaultPath().
    explicit AuditLog(QString filePath = {});
    ~AuditLog();
    Q_DISABLE_COPY_MOVE(AuditLog)

    // QStandardPaths::AppDataLocation + "/audit.jsonl".
    static QString defaultPath();
    QString filePath() const { return m_filePath; }

    // Appends one line and flushes it (write(2)); the file and its directory
    // are created on first use. sync() additionally fsyncs; callers do that
    // at the end of a run (a fsync per entry would cost more than a delete).
    Result<Done> append(AuditEntry entry);
    Result<Done> sync();

    // All entries, oldest first. Lines that do not parse (a torn last line
    // after a power loss) are skipped and counted in *skipped.
    Result<QList<AuditEntry>> read(int *skipped = nullptr) const;
    // The last `count` entries, oldest first.
    Result<QList<AuditEntry>> tail(int count) const;
    Result<Done> exportTo(const QString &targetFile) const;

    // A fresh id for AuditEntry::run.
    static QString newRunId();

private:
    Result<Done> ensureOpen();

    QString m_filePath;
    std::unique_ptr<QFile> m_file;
};

} // namespace PushDeck
