#include "operations/snapshot.h"

#include "core/datadirectory.h"
#include "core/filewrite.h"
#include "core/jsonwriter.h"
#include "format/value.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cmath>


using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Snapshot", text);
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Writing: by hand into one buffer. QJsonObject costs ~250 ms per 1,000
// groups and the snapshot is written before the first DELETE, so its time
// is part of every bulk delete.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve) { m_out.reserve(reserve); }
    QByteArray take() { return std::move(m_out); }

    void raw(QByteArrayView text) { m_out.append(text); }
    void string(QStringView text) { appendJsonString(m_out, text); }
    // Numbers are strings (NaN and ±Inf are not JSON numbers). formatValue
    // writes -0 as "0" like the text format; the file keeps the sign so a
    // snapshot is exact to the bit.
    void number(double value)
    {
        m_out.append('"');
        if (value == 0 && std::signbit(value))
            m_out.append("-0");
        else
            m_out.append(formatValue(value));
        m_out.append('"');
    }
    void key(QByteArrayView name)
    {
        m_out.append('"');
        m_out.append(name);
        m_out.append("\":");
    }
    void pairs(const LabelPairs &labels)
    {
        m_out.append('[');
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i)
                m_out.append(',');
            m_out.append('[');
            string(labels[i].first);
            m_out.append(',');
            string(labels[i].second);
            m_out.append(']');
        }
        m_out.append(']');
    }
    void groupingKey(const GroupingKey &groupingKey)
    {
        m_out.append('{');
        bool first = true;
        for (const auto &[name, value] : groupingKey.labels()) {
            if (!first)
                m_out.append(',');
            first = false;
            string(name);
            m_out.append(':');
            string(value);
        }
        m_out.append('}');
    }
    void valuePairs(QByteArrayView name, const auto &items, auto first, auto second)
    {
        key(name);
        m_out.append('[');
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i)
                m_out.append(',');
            m_out.append('[');
            number(first(items[i]));
            m_out.append(',');
            number(second(items[i]));
            m_out.append(']');
        }
        m_out.append("],");
    }
    void series(const Series &series, MetricType type)
    {
        m_out.append('{');
        key("labels");
        pairs(series.labels);
        m_out.append(',');
        switch (type) {
        case MetricType::Histogram:
            valuePairs("buckets", series.buckets, [](const Bucket &b) { return b.upperBound; },
                       [](const Bucket &b) { return b.cumulativeCount; });
            sumAndCount(series);
            break;
        case MetricType::Summary:
            valuePairs("quantiles", series.quantiles, [](const Quantile &q) { return q.quantile; },
                       [](const Quantile &q) { return q.value; });
            sumAndCount(series);
            break;
        default:
            key("value");
            number(series.value);
            break;
        }
        m_out.append('}');
    }
    void group(const Group &group)
    {
        m_out.append('{');
        key("key");
        groupingKey(group.key);
        m_out.append(',');
        key("push_time");
        number(group.pushTime);
        m_out.append(',');
        key("push_failure_time");
        number(group.pushFailureTime);
        m_out.append(',');
        key("last_push_successful");
        m_out.append(group.lastPushSuccessful ? "true" : "false");
        m_out.append(',');
        key("families");
        m_out.append('[');
        for (qsizetype f = 0; f < group.families.size(); ++f) {
            const MetricFamily &family = group.families[f];
            if (f)
                m_out.append(',');
            m_out.append('{');
            key("name");
            string(family.name);
            m_out.append(',');
            key("type");
            string(metricTypeName(family.type));
            m_out.append(',');
            key("help");
            string(family.help);
            m_out.append(',');
            key("series");
            m_out.append('[');
            for (qsizetype i = 0; i < family.series.size(); ++i) {
                if (i)
                    m_out.append(',');
                series(family.series[i], family.type);
            }
            m_out.append("]}");
        }
        m_out.append("]}");
    }

private:
    void sumAndCount(const Series &series)
    {
        key("sum");
        number(series.sum);
        m_out.append(',');
        key("count");
        number(series.count);
    }

    QByteArray m_out;
};

// Reading: every failure says where, so a damaged file can be looked at.
struct Reader
{
    QString where;
    std::optional<Error> error;

    void fail(const QString &what)
    {
        if (!error)
            error = Error::make(Error::Decode, where.isEmpty() ? what : where + u": "_s + what);
    }

    double num(const QJsonValue &value, const QString &field)
    {
        if (!value.isString()) {
            fail(tr("%1 must be a number in a string").arg(field));
            return 0;
        }
        const auto parsed = parseValue(value.toString().toUtf8());
        if (!parsed) {
            fail(tr("%1 is not a number: \"%2\"").arg(field, value.toString()));
            return 0;
        }
        return *parsed;
    }

    LabelPairs pairs(const QJsonValue &value, const QString &field)
    {
        LabelPairs labels;
        if (!value.isArray()) {
            fail(tr("%1 must be an array of [name, value] pairs").arg(field));
            return labels;
        }
        for (const auto &item : value.toArray()) {
            const QJsonArray pair = item.toArray();
            if (!item.isArray() || pair.size() != 2 || !pair[0].isString() || !pair[1].isString()) {
                fail(tr("%1 must be an array of [name, value] pairs").arg(field));
                return labels;
            }
            labels.append({pair[0].toString(), pair[1].toString()});
        }
        return labels;
    }
};

} // namespace

QByteArray Snapshot::toJson() const
{
    qsizetype estimate = 512;
    for (const auto &group : groups)
        estimate += 128 + group.seriesCount() * 160;
    JsonWriter out(estimate);
    // One group per line: compact, yet a person can still grep and diff it.
    out.raw("{\"format\":\"pushdeck-snapshot\",\"version\":");
    out.raw(QByteArray::number(FormatVersion));
    out.raw(",\n\"created\":");
    out.string(isoUtc(created.isValid() ? created : QDateTime::currentDateTimeUtc()));
    out.raw(",\n\"gateway\":");
    out.string(gatewayUrl);
    out.raw(",\n\"action\":");
    out.string(action);
    out.raw(",\n\"note\":");
    out.string(note);
    out.raw(",\n\"created_keys\":[");
    for (qsizetype i = 0; i < createdKeys.size(); ++i) {
        if (i)
            out.raw(",");
        out.groupingKey(createdKeys[i]);
    }
    out.raw("],\n\"groups\":[");
    for (qsizetype i = 0; i < groups.size(); ++i) {
        out.raw(i ? ",\n" : "\n");
        out.group(groups[i]);
    }
    out.raw("\n]}\n");
    return out.take();
}

Result<Snapshot> Snapshot::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error error = Error::make(Error::Decode, tr("not a valid snapshot: JSON error at byte %1: %2")
                                                     .arg(parseError.offset)
                                                     .arg(parseError.errorString()));
        return error;
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toString() != u"pushdeck-snapshot"_s)
        return Error::make(Error::Decode, tr("not a PushDeck snapshot (no \"format\": \"pushdeck-snapshot\")"));
    const int version = root.value(u"version"_s).toInt(-1);
    if (version != FormatVersion)
        return Error::make(Error::Decode, tr("snapshot format version %1 is not supported (this PushDeck reads version %2)")
                                              .arg(version)
                                              .arg(FormatVersion));

    Snapshot snapshot;
    snapshot.created = QDateTime::fromString(root.value(u"created"_s).toString(), Qt::ISODateWithMs).toUTC();
    if (!snapshot.created.isValid())
        return Error::make(Error::Decode, tr("snapshot has no valid \"created\" time"));
    snapshot.gatewayUrl = root.value(u"gateway"_s).toString();
    snapshot.action = root.value(u"action"_s).toString();
    snapshot.note = root.value(u"note"_s).toString();

    auto readKey = [](const QJsonValue &value, const QString &where) -> Result<GroupingKey> {
        if (!value.isObject())
            return Error::make(Error::Decode, where + u": "_s + tr("key must be an object of label names to values"));
        LabelPairs labels;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString())
                return Error::make(Error::Decode, where + u": "_s + tr("label %1 must have a string value").arg(it.key()));
            labels.append({it.key(), it.value().toString()});
        }
        auto key = GroupingKey::fromLabels(labels);
        if (!key)
            return Error::make(Error::Decode, where + u": "_s + key.errorString());
        return key;
    };

    const QJsonArray created = root.value(u"created_keys"_s).toArray();
    for (qsizetype i = 0; i < created.size(); ++i) {
        auto key = readKey(created[i], tr("created key %1").arg(i + 1));
        if (!key)
            return key.error();
        snapshot.createdKeys.append(*key);
    }

    if (!root.value(u"groups"_s).isArray())
        return Error::make(Error::Decode, tr("snapshot has no \"groups\" array"));
    const QJsonArray groups = root.value(u"groups"_s).toArray();
    snapshot.groups.reserve(groups.size());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QJsonObject g = groups[i].toObject();
        auto key = readKey(g.value(u"key"_s), tr("group %1").arg(i + 1));
        if (!key)
            return key.error();
        Reader reader{tr("group %1 %2").arg(i + 1).arg(key->toString()), std::nullopt};
        Group group;
        group.key = *key;
        group.pushTime = reader.num(g.value(u"push_time"_s), u"push_time"_s);
        group.pushFailureTime = reader.num(g.value(u"push_failure_time"_s), u"push_failure_time"_s);
        group.lastPushSuccessful = g.value(u"last_push_successful"_s).toBool(true);
        const QJsonArray families = g.value(u"families"_s).toArray();
        for (const auto &fv : families) {
            const QJsonObject f = fv.toObject();
            MetricFamily family;
            family.name = f.value(u"name"_s).toString();
            if (!isValidMetricName(family.name)) {
                reader.fail(tr("invalid metric name \"%1\"").arg(family.name));
                break;
            }
            const auto type = metricTypeFromName(f.value(u"type"_s).toString());
            if (!type) {
                reader.fail(tr("family %1 has an unknown type \"%2\"").arg(family.name, f.value(u"type"_s).toString()));
                break;
            }
            family.type = *type;
            family.help = f.value(u"help"_s).toString();
            for (const auto &sv : f.value(u"series"_s).toArray()) {
                const QJsonObject s = sv.toObject();
                Series series;
                series.labels = reader.pairs(s.value(u"labels"_s), family.name + u" labels"_s);
                if (family.type == MetricType::Histogram) {
                    for (const auto &b : s.value(u"buckets"_s).toArray()) {
                        const QJsonArray pair = b.toArray();
                        series.buckets.append({reader.num(pair.at(0), family.name + u" bucket"_s),
                                               reader.num(pair.at(1), family.name + u" bucket"_s)});
                    }
                } else if (family.type == MetricType::Summary) {
                    for (const auto &q : s.value(u"quantiles"_s).toArray()) {
                        const QJsonArray pair = q.toArray();
                        series.quantiles.append({reader.num(pair.at(0), family.name + u" quantile"_s),
                                                 reader.num(pair.at(1), family.name + u" quantile"_s)});
                    }
                } else {
                    series.value = reader.num(s.value(u"value"_s), family.name + u" value"_s);
                }
                if (family.type == MetricType::Histogram || family.type == MetricType::Summary) {
                    series.sum = reader.num(s.value(u"sum"_s), family.name + u" sum"_s);
                    series.count = reader.num(s.value(u"count"_s), family.name + u" count"_s);
                }
                family.series.append(std::move(series));
            }
            group.families.append(std::move(family));
        }
        if (reader.error)
            return *reader.error;
        snapshot.groups.append(std::move(group));
    }
    return snapshot;
}

Result<Done> Snapshot::save(const QString &path) const
{
    // A regular file is replaced atomically and durably; a FIFO or character
    // device is written as it is (core/filewrite.h).
    const Result<Done> written = writeWholeFile(path, toJson());
    if (!written)
        return Error::make(written.error().kind, tr("cannot write the snapshot: %1").arg(written.errorString()));
    return Done{};
}

Result<Snapshot> Snapshot::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Process, tr("cannot read the snapshot %1: %2").arg(path, file.errorString()));
    auto snapshot = fromJson(file.readAll());
    if (!snapshot)
        return Error::make(snapshot.error().kind, tr("%1: %2").arg(path, snapshot.errorString()));
    return snapshot;
}

// SnapshotStore ------------------------------------------------------------

namespace {

const QString FilePrefix = u"snapshot-"_s;
const QString FileSuffix = u".json"_s;
const QString TimeFormat = u"yyyyMMdd'T'HHmmss.zzz'Z'"_s;
constexpr int TimeStampLength = 20; // 20261128T100435.603Z

QString sanitizeAction(const QString &action)
{
    QString out;
    for (QChar c : action) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out.append(c.toLower());
        else if (!out.endsWith(u'-'))
            out.append(u'-');
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.isEmpty() ? u"snapshot"_s : out;
}

} // namespace

SnapshotStore::SnapshotStore(QString directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{
}

QString SnapshotStore::defaultDirectory()
{
    return dataDirectory() + u"/snapshots"_s;
}

QString SnapshotStore::resolve(const QString &nameOrPath) const
{
    // A path that exists wins (snap.json in the current directory), then a
    // name in the store.
    if (nameOrPath.contains(u'/') || QFileInfo::exists(nameOrPath))
        return nameOrPath;
    return m_directory + u'/' + nameOrPath;
}

Result<QString> SnapshotStore::save(const Snapshot &snapshot) const
{
    const QDateTime created = snapshot.created.isValid() ? snapshot.created.toUTC() : QDateTime::currentDateTimeUtc();
    const QString base = FilePrefix + created.toString(TimeFormat) + u'-' + sanitizeAction(snapshot.action);
    Snapshot copy = snapshot;
    copy.created = created;
    const QByteArray json = copy.toJson();
    // Two snapshots in the same millisecond must not overwrite each other,
    // also when written at the same time from two threads (a delete across
    // several gateways saves one per gateway at once): the name is taken
    // only by linking the complete file to it, so there is never an empty
    // or partial snapshot under a snapshot's name, also after a kill.
    QString path = m_directory + u'/' + base + FileSuffix;
    for (int n = 2;; ++n) {
        bool exists = false;
        const Result<Done> written = writeNewFile(path, json, &exists);
        if (written)
            return path;
        if (!exists || n > 10000)
            return Error::make(written.error().kind, tr("cannot write the snapshot: %1").arg(written.errorString()));
        path = m_directory + u'/' + base + u'-' + QString::number(n) + FileSuffix;
    }
}

QList<SnapshotStore::Entry> SnapshotStore::list() const
{
    QList<Entry> entries;
    const QDir dir(m_directory);
    const auto infos = dir.entryInfoList({FilePrefix + u'*' + FileSuffix}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QFileInfo &info : infos) {
        // An empty file is no snapshot: what an older PushDeck left when it
        // was killed while writing one. Never offered for undo.
        if (info.size() == 0)
            continue;
        Entry entry;
        entry.path = info.absoluteFilePath();
        entry.fileName = info.fileName();
        entry.bytes = info.size();
        const QString stem = entry.fileName.mid(FilePrefix.size(), entry.fileName.size() - FilePrefix.size() - FileSuffix.size());
        const QString timePart = stem.left(TimeStampLength);
        entry.created = QDateTime::fromString(timePart, TimeFormat);
        entry.created.setTimeSpec(Qt::UTC);
        if (!entry.created.isValid())
            entry.created = info.lastModified().toUTC();
        entry.action = stem.mid(timePart.size() + 1);
        entries.append(entry);
    }
    // Name order is time order because of the fixed-width time stamp.
    return entries;
}

std::optional<SnapshotStore::Entry> SnapshotStore::latest() const
{
    const auto entries = list();
    if (entries.isEmpty())
        return std::nullopt;
    return entries.first();
}

std::optional<SnapshotStore::Entry> SnapshotStore::latestFor(const QString &gatewayUrl) const
{
    for (const Entry &entry : list()) {
        QFile file(entry.path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // The header lines come first, one field per line (see toJson()).
        const QByteArray head = file.read(4096);
        for (QByteArray line : head.split('\n')) {
            line = line.trimmed();
            if (!line.startsWith("\"gateway\":"))
                continue;
            if (line.endsWith(','))
                line.chop(1);
            const QJsonDocument document = QJsonDocument::fromJson("{" + line + "}");
            if (document.object().value(u"gateway"_s).toString() == gatewayUrl)
                return entry;
            break;
        }
    }
    return std::nullopt;
}

Result<Snapshot> SnapshotStore::load(const QString &nameOrPath) const
{
    return Snapshot::load(resolve(nameOrPath));
}

Result<Done> SnapshotStore::exportTo(const QString &nameOrPath, const QString &targetFile) const
{
    // Loading first guarantees the export is a complete, readable snapshot.
    auto snapshot = load(nameOrPath);
    if (!snapshot)
        return snapshot.error();
    return snapshot->save(targetFile);
}

Result<QString> SnapshotStore::importFrom(const QString &sourceFile) const
{
    auto snapshot = Snapshot::load(sourceFile);
    if (!snapshot)
        return snapshot.error();
    return save(*snapshot);
}

Result<Done> SnapshotStore::remove(const QString &nameOrPath) const
{
    const QString path = resolve(nameOrPath);
    if (!QFile::remove(path))
        return Error::make(Error::Process, tr("cannot remove the snapshot %1").arg(path));
    return Done{};
}

} // namespace PushDeck
