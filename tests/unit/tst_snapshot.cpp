// Snapshot: exact round trip of groups (NaN, ±Inf, extreme doubles, escapes,
// unicode, histograms, summaries) through the JSON file format, clear errors
// for damaged files, and the SnapshotStore directory.

#include "format/exposition.h"
#include "operations/snapshot.h"
#include "builders.h"
#include "core/urls.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtConcurrent>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <thread>

#include <sys/stat.h>

using namespace PushDeck;

using namespace Qt::StringLiterals;

using PushDeck::Test::series;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b));
}

Group varietyGroup()
{
    Group group;
    group.key = GroupingKey::fromLabels({{u"job"_s, u"a/b"_s}, {u"instance"_s, u""_s}, {u"zone"_s, u"ü \"q\" \\"_s}}).value();
    group.pushTime = 1795860275.6038795;
    group.pushFailureTime = 1795860000.123;
    group.lastPushSuccessful = true;
    const LabelPairs key = group.key.labels();

    MetricFamily gauge;
    gauge.name = u"v"_s;
    gauge.type = MetricType::Gauge;
    gauge.help = u"help with \\ backslash and\nnewline"_s;
    const double values[] = {std::nan(""), Inf, -Inf, 0.1, 1e-300, 1.2345678901234567e+14, -0.0, 5e-324,
                             std::numeric_limits<double>::max()};
    int i = 0;
    for (double value : values) {
        LabelPairs labels = key;
        labels.append({u"i"_s, QString::number(i++)});
        labels.append({u"text"_s, u"line\nbreak \"quoted\" \\ slash/ü日本"_s});
        gauge.series.append(series(labels, value));
    }

    MetricFamily untyped;
    untyped.name = u"c_total"_s;
    untyped.type = MetricType::Untyped;
    untyped.series.append(series(key, 42));

    MetricFamily counter;
    counter.name = u"requests"_s;
    counter.type = MetricType::Counter;
    counter.help = u"Requests."_s;
    counter.series.append(series(key, 7));

    MetricFamily histogram;
    histogram.name = u"h"_s;
    histogram.type = MetricType::Histogram;
    histogram.help = u"A histogram."_s;
    Series h;
    h.labels = key;
    h.buckets = {{0.1, 1}, {1, 2}, {Inf, 3}};
    h.sum = 1.5;
    h.count = 3;
    histogram.series.append(h);

    MetricFamily summary;
    summary.name = u"s"_s;
    summary.type = MetricType::Summary;
    Series s;
    s.labels = key;
    s.quantiles = {{0.5, 0.2}, {0.99, std::nan("")}};
    s.sum = 2;
    s.count = 4;
    summary.series.append(s);

    group.families = {gauge, untyped, counter, histogram, summary};
    return group;
}

Snapshot makeSnapshot()
{
    Snapshot snapshot;
    snapshot.created = QDateTime(QDate(2026, 11, 28), QTime(10, 4, 35, 603), Qt::UTC);
    snapshot.gatewayUrl = redactedUrl(QUrl(u"https://ops:pw@gw.example:9091/prefix"_s));
    snapshot.action = u"bulk-delete"_s;
    snapshot.note = u"before deleting 2 groups"_s;
    snapshot.createdKeys.append(GroupingKey::parse(u"{job=\"new\",instance=\"\"}"_s).value());
    snapshot.groups.append(varietyGroup());
    Group empty;
    empty.key = GroupingKey::parse(u"{job=\"empty\"}"_s).value();
    empty.pushTime = 0;
    empty.pushFailureTime = 1795860001;
    empty.lastPushSuccessful = false;
    snapshot.groups.append(empty);
    return snapshot;
}

void compareSnapshots(const Snapshot &actual, const Snapshot &expected)
{
    QCOMPARE(actual.created, expected.created);
    QCOMPARE(actual.gatewayUrl, expected.gatewayUrl);
    QCOMPARE(actual.action, expected.action);
    QCOMPARE(actual.note, expected.note);
    QCOMPARE(actual.createdKeys, expected.createdKeys);
    QCOMPARE(actual.groups.size(), expected.groups.size());
    for (qsizetype i = 0; i < actual.groups.size(); ++i) {
        const Group &a = actual.groups[i];
        const Group &e = expected.groups[i];
        QCOMPARE(a.key, e.key);
        QVERIFY(sameBits(a.pushTime, e.pushTime));
        QVERIFY(sameBits(a.pushFailureTime, e.pushFailureTime));
        QCOMPARE(a.lastPushSuccessful, e.lastPushSuccessful);
        QVERIFY(sameFamilies(a.families, e.families));
        // Labels keep their order and every value keeps its bits (incl. -0).
        for (qsizetype f = 0; f < a.families.size(); ++f) {
            for (qsizetype s = 0; s < a.families[f].series.size(); ++s) {
                QCOMPARE(a.families[f].series[s].labels, e.families[f].series[s].labels);
                QVERIFY(sameBits(a.families[f].series[s].value, e.families[f].series[s].value));
            }
        }
    }
}

} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonRoundTrip()
    {
        const Snapshot snapshot = makeSnapshot();
        QVERIFY(!snapshot.gatewayUrl.contains(u"pw"_s));
        const QByteArray json = snapshot.toJson();
        QVERIFY(json.contains("\"format\":\"pushdeck-snapshot\""));
        QVERIFY(json.contains("\"version\":1"));
        QVERIFY(json.contains("\"NaN\""));
        QVERIFY(json.contains("\"+Inf\""));
        const auto back = Snapshot::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        compareSnapshots(*back, snapshot);
        // Writing again gives the same bytes: nothing drifts.
        QCOMPARE(back->toJson(), json);
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/one.json"_s);
        const Snapshot snapshot = makeSnapshot();
        QVERIFY(snapshot.save(path).ok());
        const auto loaded = Snapshot::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        compareSnapshots(*loaded, snapshot);
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.filePath(u"sub"_s)).entryList(QDir::Files), QStringList{u"one.json"_s});
    }

    void groupExpositionPushesTheSameFamilies()
    {
        const Group group = varietyGroup();
        const QByteArray text = groupExposition(group);
        // Key labels are left to the gateway; the escaped text label stays.
        QVERIFY(!text.contains("zone="));
        QVERIFY(!text.contains("job="));
        QVERIFY(text.contains("text=\"line\\nbreak \\\"quoted\\\" \\\\ slash/"));
        const auto parsed = parseExposition(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        // What the gateway will hold again: parsed families + key labels.
        QList<MetricFamily> expected = group.families;
        for (auto &family : expected) {
            for (auto &series : family.series)
                series.labels.removeIf([&](const LabelPair &l) { return group.key.contains(l.first); });
        }
        QVERIFY(sameFamilies(*parsed, expected));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("messagePart");
        const QByteArray good = makeSnapshot().toJson();
        QTest::newRow("empty") << QByteArray() << u"JSON error"_s;
        QTest::newRow("truncated") << good.left(good.size() / 2) << u"JSON error at byte"_s;
        QTest::newRow("not ours") << QByteArray("{\"status\":\"success\"}") << u"not a PushDeck snapshot"_s;
        QByteArray future = good;
        future.replace("\"version\":1", "\"version\":99");
        QTest::newRow("newer version") << future << u"version 99 is not supported"_s;
        QByteArray badNumber = good;
        badNumber.replace("\"+Inf\"", "\"lots\"");
        QTest::newRow("bad number") << badNumber << u"is not a number: \"lots\""_s;
        QByteArray badKey = good;
        badKey.replace("\"job\":\"empty\"", "\"jo b\":\"empty\"");
        QTest::newRow("bad key") << badKey << u"group 2"_s;
        QByteArray badType = good;
        badType.replace("\"type\":\"summary\"", "\"type\":\"sketch\"");
        QTest::newRow("bad type") << badType << u"unknown type \"sketch\""_s;
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, messagePart);
        const auto result = Snapshot::fromJson(json);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Decode);
        QVERIFY2(result.errorString().contains(messagePart), qPrintable(result.errorString()));
    }

    void loadMissingFile()
    {
        const auto result = Snapshot::load(u"/nonexistent/snap.json"_s);
        QVERIFY(!result.ok());
        QVERIFY(result.errorString().contains(u"/nonexistent/snap.json"_s));
    }

    void store()
    {
        QTemporaryDir dir;
        SnapshotStore store(dir.filePath(u"snapshots"_s));
        QCOMPARE(store.directory(), dir.filePath(u"snapshots"_s));
        QVERIFY(store.list().isEmpty());
        QVERIFY(!store.latest());

        Snapshot first = makeSnapshot();
        first.action = u"move"_s;
        first.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        Snapshot second = makeSnapshot();
        second.action = u"bulk delete/prune"_s; // sanitized in the file name
        second.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 7), Qt::UTC);
        Snapshot twin = second; // same millisecond: must not overwrite

        const auto p1 = store.save(first);
        const auto p2 = store.save(second);
        const auto p3 = store.save(twin);
        QVERIFY(p1.ok() && p2.ok() && p3.ok());
        QVERIFY(*p2 != *p3);

        const auto entries = store.list();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.last().path, *p1);
        QCOMPARE(entries.last().action, u"move"_s);
        QCOMPARE(entries.last().created, first.created);
        QCOMPARE(entries.first().created, second.created);
        QVERIFY(entries.first().fileName.startsWith(u"snapshot-20260102T030405.007Z-bulk-delete-prune"_s));
        QCOMPARE(store.latest()->path, entries.first().path);
        QVERIFY(entries.first().bytes > 0);

        // Load by file name or by path.
        const auto byName = store.load(entries.last().fileName);
        QVERIFY2(byName.ok(), qPrintable(byName.errorString()));
        compareSnapshots(*byName, first);

        // Export, then import into another store.
        const QString exported = dir.filePath(u"exported.json"_s);
        QVERIFY(store.exportTo(entries.last().fileName, exported).ok());
        SnapshotStore other(dir.filePath(u"other"_s));
        const auto imported = other.importFrom(exported);
        QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
        compareSnapshots(*other.load(*imported), first);

        // A damaged file is refused on import, with the reason.
        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\":\"pushdeck-snapshot\",\"version\":1");
        broken.close();
        const auto refused = other.importFrom(broken.fileName());
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorString().contains(u"broken.json"_s));
        QCOMPARE(other.list().size(), 1);

        QVERIFY(store.remove(entries.last().fileName).ok());
        QCOMPARE(store.list().size(), 2);
        QVERIFY(!store.remove(u"nope.json"_s).ok());
    }

    void concurrentSavesAndLatestPerGateway()
    {
        // A delete across gateways saves one snapshot per gateway at the same
        // moment, from pool threads: none may overwrite another.
        QTemporaryDir dir;
        const SnapshotStore store(dir.path());
        QList<QFuture<Result<QString>>> futures;
        const QDateTime created = QDateTime::fromString(u"2026-01-02T03:04:05.007Z"_s, Qt::ISODateWithMs);
        for (int i = 0; i < 8; ++i) {
            Snapshot snapshot;
            snapshot.created = created;
            snapshot.action = u"bulk-delete"_s;
            snapshot.gatewayUrl = u"http://127.0.0.1:%1"_s.arg(9000 + i);
            futures.append(QtConcurrent::run([store, snapshot] { return store.save(snapshot); }));
        }
        QSet<QString> paths;
        for (auto &future : futures) {
            future.waitForFinished();
            QVERIFY2(future.result().ok(), qPrintable(future.result().errorString()));
            paths.insert(future.result().value());
        }
        QCOMPARE(paths.size(), 8);
        QCOMPARE(store.list().size(), 8);
        for (int i = 0; i < 8; ++i) {
            const auto latest = store.latestFor(u"http://127.0.0.1:%1"_s.arg(9000 + i));
            QVERIFY(latest);
            QCOMPARE(store.load(latest->path)->gatewayUrl, u"http://127.0.0.1:%1"_s.arg(9000 + i));
        }
        QVERIFY(!store.latestFor(u"http://elsewhere:9091"_s));
    }

    // Item 2: a FIFO or character device is written as it is, never
    // replaced by a regular file; a directory is refused clearly; a write
    // error names the OS reason (item 7).
    void saveToFifoAndDevices()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(u"pipe"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const Snapshot snapshot = makeSnapshot();
        QByteArray received;
        std::thread reader([&] {
            QFile in(fifo);
            if (in.open(QIODevice::ReadOnly))
                received = in.readAll();
        });
        const auto saved = snapshot.save(fifo);
        reader.join();
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
        struct stat status = {};
        QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &status), 0);
        QVERIFY(S_ISFIFO(status.st_mode));
        const auto back = Snapshot::fromJson(received);
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        compareSnapshots(*back, snapshot);

        const auto full = snapshot.save(u"/dev/full"_s);
        QVERIFY(!full.ok());
        QVERIFY2(full.errorString().contains(u"No space left on device"_s), qPrintable(full.errorString()));
        QVERIFY(QFileInfo(u"/dev/full"_s).exists());
        QCOMPARE(::stat("/dev/full", &status), 0);
        QVERIFY(S_ISCHR(status.st_mode));

        const auto directory = snapshot.save(dir.path());
        QVERIFY(!directory.ok());
        QVERIFY2(directory.errorString().contains(u"it is a directory"_s), qPrintable(directory.errorString()));

        // A regular file is replaced atomically and keeps its permissions.
        const QString regular = dir.filePath(u"snap.json"_s);
        QFile existing(regular);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old");
        existing.close();
        QVERIFY(existing.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(snapshot.save(regular).ok());
        QCOMPARE(QFile(regular).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        compareSnapshots(*Snapshot::load(regular), snapshot);
    }

    // Item 11: a 0-byte file (a kill while an older version wrote) is never
    // offered as undo.
    void emptyFilesAreNoSnapshots()
    {
        QTemporaryDir dir;
        SnapshotStore store(dir.path());
        Snapshot first = makeSnapshot();
        first.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        const auto saved = store.save(first);
        QVERIFY(saved.ok());
        QFile empty(dir.filePath(u"snapshot-20260102T030405.999Z-delete.json"_s));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(store.list().size(), 1);
        QCOMPARE(store.latest()->path, *saved);
        // No temporary files are left next to the snapshots.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    // Item 4: a path that exists wins over a name in the store.
    void existingPathWinsOverStoreName()
    {
        QTemporaryDir store;
        QTemporaryDir cwd;
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(cwd.path()));
        Snapshot local = makeSnapshot();
        local.note = u"local"_s;
        QVERIFY(local.save(u"snap.json"_s).ok());
        Snapshot stored = makeSnapshot();
        stored.note = u"stored"_s;
        QVERIFY(stored.save(store.filePath(u"snap.json"_s)).ok());
        const SnapshotStore snapshots(store.path());
        const auto loaded = snapshots.load(u"snap.json"_s);
        QDir::setCurrent(previous);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QCOMPARE(loaded->note, u"local"_s);
    }

    void defaults()
    {
        QVERIFY(SnapshotStore::defaultDirectory().endsWith(u"/snapshots"_s));
        QCOMPARE(SnapshotStore().directory(), SnapshotStore::defaultDirectory());
    }
};

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
