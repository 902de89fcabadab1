#pragma once
// An undo snapshot: the exact content of groups, saved to disk before a
// destructive action touches them, so that the action can be undone by
// pushing them back. SnapshotStore keeps them as timestamped files.
//
// File format (JSON, UTF-8, one object; `version` is bumped on any
// incompatible change and load() refuses versions it does not know). Written
// compact with one group per line; shown indented here:
//
//   {
//     "format": "pushdeck-snapshot",
//     "version": 1,
//     "created": "2026-11-28T10:04:35.603Z",      // ISO 8601 UTC, ms
//     "gateway": "http://127.0.0.1:9091",          // never with credentials
//     "action": "bulk-delete",                     // what the snapshot is for
//     "note": "...",                               // free text, may be ""
//     "created_keys": [ {"job":"new"} ],           // keys the action creates
//                                                  // (undo deletes them)
//     "groups": [ {
//        "key": {"job":"a","instance":""},         // exact grouping key
//        "push_time": "1.7958602756038795e+09",    // as the gateway said it
//        "push_failure_time": "0",
//        "last_push_successful": true,
//        "families": [ {
//           "name": "h", "type": "histogram", "help": "...",
//           "series": [ {
//              "labels": [["job","a"],["le_x","1"]],   // every label, in order
//              "value": "NaN",                          // untyped/counter/gauge
//              "buckets": [["0.1","1"],["+Inf","3"]],   // histogram [le, count]
//              "quantiles": [["0.5","0.2"]],            // summary [q, value]
//              "sum": "1.5", "count": "3" } ] } ] } ]
//   }
//
// Every number is a string in the shortest round-trip form (formatValue),
// so NaN, ±Inf and every double survive exactly; strings are JSON strings,
// so any label value or help text (newlines, quotes, backslashes, unicode)
// survives exactly. Families are kept structured rather than as exposition
// text so that a snapshot never depends on the text parser to be read back;
// groupExposition() (format/exposition.h) gives the text to push.

#include "core/metrics.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace PushDeck {

struct Snapshot
{
    static constexpr int FormatVersion = 1;

    QDateTime created;          // UTC
    QString gatewayUrl;         // without user info
    QString action;             // "bulk-delete", "move", "edit", "wipe", ...
    QString note;
    QList<GroupingKey> createdKeys; // groups the action creates: undo deletes them
    QList<Group> groups;        // exact content before the action

    QByteArray toJson() const;
    // Errors (kind Decode) say what is wrong and where (group index, key).
    static Result<Snapshot> fromJson(const QByteArray &json);

    // Writes to `path` with writeWholeFile() (core/filewrite.h): a regular
    // file atomically (temporary file, fsync, rename), so a crash leaves
    // either the old file or the complete new one; a FIFO or character
    // device directly; anything else is refused. Errors name the OS reason.
    Result<Done> save(const QString &path) const;
    static Result<Snapshot> load(const QString &path);
};

// A directory of snapshots, one file per snapshot, named
// `snapshot-<yyyyMMddTHHmmss.zzz>Z-<action>.json` so the listing is cheap and
// sorts by time.
class SnapshotStore
{
public:
    struct Entry
    {
        QString path;
        QString fileName;
        QDateTime created; // UTC, from the file name
        QString action;    // from the file name
        qint64 bytes = 0;
    };

    // Empty: defaultDirectory().
    explicit SnapshotStore(QString directory = {});

    // QStandardPaths::AppDataLocation + "/snapshots".
    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    // Saves as a new file (creating the directory), durably; returns its path.
    Result<QString> save(const Snapshot &snapshot) const;
    // Newest first. Empty files (left by a kill of an older PushDeck while
    // it wrote) are not snapshots and never listed.
    QList<Entry> list() const;
    std::optional<Entry> latest() const;
    // The newest snapshot taken on this gateway (`gatewayUrl` as in
    // Snapshot::gatewayUrl, i.e. redactedUrl()): undo on one gateway never
    // picks up what a delete on another gateway saved. Reads only the first
    // lines of each file.
    std::optional<Entry> latestFor(const QString &gatewayUrl) const;
    // `nameOrPath`: a path (one that exists wins), else a file name in the
    // store. Parses on the
    // calling thread (about 0.15 s per 1,000 groups): the GUI calls it
    // through QtConcurrent::run, as GroupOperations::undoLatest() does.
    Result<Snapshot> load(const QString &nameOrPath) const;
    Result<Done> exportTo(const QString &nameOrPath, const QString &targetFile) const;
    // Validates the file (must load), then copies it into the store under a
    // fresh name; returns the new path.
    Result<QString> importFrom(const QString &sourceFile) const;
    Result<Done> remove(const QString &nameOrPath) const;

private:
    QString resolve(const QString &nameOrPath) const;

    QString m_directory;
};

} // namespace PushDeck
