// AuditLog: JSON lines, one per entry, appended and flushed; read back,
// tail, export; a torn last line does not hide the others; a write that
// fails says why in the OS's words.

#include "operations/auditlog.h"
#include "core/urls.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace PushDeck;

using namespace Qt::StringLiterals;

class TestAuditLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendAndRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/dir/audit.jsonl"_s);
        AuditLog log(path);
        QCOMPARE(log.filePath(), path);

        AuditEntry first;
        first.gateway = redactedUrl(QUrl(u"http://user:secret@127.0.0.1:9091/pg"_s));
        first.action = u"bulk-delete"_s;
        first.run = AuditLog::newRunId();
        first.phase = u"sent"_s;
        first.keys.append({u"{job=\"a\\nb\",path=\"x/y\"}"_s, u"accepted"_s, {}});
        first.keys.append({u"{job=\"ü\"}"_s, u"failed"_s, u"connection refused"_s});
        first.message = u"line one\nline two"_s;
        QVERIFY(log.append(first).ok());

        AuditEntry second;
        second.gateway = first.gateway;
        second.action = u"bulk-delete"_s;
        second.dryRun = true;
        second.time = QDateTime(QDate(2026, 11, 28), QTime(10, 4, 35, 603), Qt::UTC);
        QVERIFY(log.append(second).ok());
        QVERIFY(log.sync().ok());

        // Exactly one line per entry, even with newlines in the text.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QCOMPARE(content.count('\n'), 2);
        QVERIFY(!content.contains("secret"));
        QVERIFY(!content.contains("user@"));
        const auto firstLine = QJsonDocument::fromJson(content.split('\n').first()).object();
        QCOMPARE(firstLine.value(u"gateway"_s).toString(), u"http://127.0.0.1:9091/pg"_s);
        // ISO 8601 UTC with milliseconds.
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s)
                     .match(firstLine.value(u"time"_s).toString())
                     .hasMatch(),
                 qPrintable(firstLine.value(u"time"_s).toString()));

        const auto entries = log.read();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 2);
        const AuditEntry &a = entries->at(0);
        QCOMPARE(a.action, u"bulk-delete"_s);
        QCOMPARE(a.run, first.run);
        QCOMPARE(a.phase, u"sent"_s);
        QCOMPARE(a.dryRun, false);
        QCOMPARE(a.keys.size(), 2);
        QCOMPARE(a.keys[0].key, first.keys[0].key);
        QCOMPARE(a.keys[1].key, u"{job=\"ü\"}"_s);
        QCOMPARE(a.keys[1].error, u"connection refused"_s);
        QCOMPARE(a.message, first.message);
        QCOMPARE(a.time.timeSpec(), Qt::UTC);
        QCOMPARE(entries->at(1).time, second.time);
        QCOMPARE(entries->at(1).dryRun, true);
    }

    void appendsAcrossInstances()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        for (int i = 0; i < 3; ++i) {
            AuditLog log(path);
            AuditEntry entry;
            entry.action = u"touch"_s;
            entry.message = QString::number(i);
            QVERIFY(log.append(entry).ok());
        }
        const auto entries = AuditLog(path).read();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(2).message, u"2"_s);
    }

    void tornLineIsSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        {
            AuditLog log(path);
            AuditEntry entry;
            entry.action = u"delete"_s;
            QVERIFY(log.append(entry).ok());
        }
        {
            // A crash in the middle of a write leaves half a line.
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"time\":\"2026-11-28T10:0");
        }
        {
            // The next entry must start on its own line.
            AuditLog log(path);
            AuditEntry entry;
            entry.action = u"push"_s;
            QVERIFY(log.append(entry).ok());
        }
        int skipped = -1;
        const auto entries = AuditLog(path).read(&skipped);
        QVERIFY(entries.ok());
        QCOMPARE(skipped, 1);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).action, u"delete"_s);
        QCOMPARE(entries->at(1).action, u"push"_s);
    }

    void tailAndExport()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath(u"audit.jsonl"_s));
        QVERIFY(log.read().ok());
        QVERIFY(log.read()->isEmpty()); // no file yet: empty, not an error
        for (int i = 0; i < 10; ++i) {
            AuditEntry entry;
            entry.action = u"push"_s;
            entry.message = QString::number(i);
            QVERIFY(log.append(entry).ok());
        }
        const auto last = log.tail(3);
        QVERIFY(last.ok());
        QCOMPARE(last->size(), 3);
        QCOMPARE(last->at(0).message, u"7"_s);
        QCOMPARE(last->at(2).message, u"9"_s);
        QCOMPARE(log.tail(100)->size(), 10);

        const QString exported = dir.filePath(u"export/out.jsonl"_s);
        QVERIFY(!log.exportTo(exported).ok()); // directory missing: clear error, no crash
        const QString exported2 = dir.filePath(u"out.jsonl"_s);
        QVERIFY(log.exportTo(exported2).ok());
        QCOMPARE(AuditLog(exported2).read()->size(), 10);
    }

    void unwritablePathIsAnError()
    {
        AuditLog log(u"/proc/pushdeck-no/audit.jsonl"_s);
        AuditEntry entry;
        entry.action = u"push"_s;
        const auto result = log.append(entry);
        QVERIFY(!result.ok());
        QVERIFY(result.errorString().contains(u"audit"_s));
    }

    // A full disk: /dev/full fails every write with ENOSPC, also for root
    // (the tests run as root in CI, where a read-only directory is not).
    void fullDiskNamesTheOsError()
    {
        if (!QFileInfo::exists(u"/dev/full"_s))
            QSKIP("no /dev/full");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        QVERIFY(QFile::link(u"/dev/full"_s, path));
        AuditLog log(path);
        AuditEntry entry;
        entry.action = u"push"_s;
        const auto result = log.append(entry);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Process);
        QVERIFY2(result.errorString().contains(path), qPrintable(result.errorString()));
        QVERIFY2(result.errorString().contains(qt_error_string(ENOSPC)), qPrintable(result.errorString()));
        QVERIFY(!result.errorString().contains(u"Unknown error"_s));
        // Still failing, still saying why; nothing buffered from before.
        const auto again = log.append(entry);
        QVERIFY(!again.ok());
        QVERIFY2(again.errorString().contains(qt_error_string(ENOSPC)), qPrintable(again.errorString()));
        // There is nothing to sync on a device: not an error of its own.
        QVERIFY2(log.sync().ok(), qPrintable(log.sync().errorString()));
    }

    // The log's directory cannot be made: its parent is a regular file.
    void directoryUnderAFileNamesTheOsError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"plain"_s);
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        AuditLog log(file + u"/logs/audit.jsonl"_s);
        AuditEntry entry;
        entry.action = u"push"_s;
        const auto result = log.append(entry);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(file), qPrintable(result.errorString()));
        QVERIFY2(result.errorString().contains(qt_error_string(ENOTDIR)), qPrintable(result.errorString()));
    }

    void defaults()
    {
        QVERIFY(AuditLog::defaultPath().endsWith(u"/audit.jsonl"_s));
        QVERIFY(AuditLog::newRunId() != AuditLog::newRunId());
        QVERIFY(!AuditEntry::fromJson("not json").ok());
        QVERIFY(!AuditEntry::fromJson("{\"action\":\"x\"}").ok()); // no time
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
