#include "format/lightrefresh.h"

#include "format/value.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Reads a label set `{a="x",b="y"}` starting at text[pos] == '{'. Returns the
// position after '}' or -1 on a malformed set.
qsizetype readLabels(QByteArrayView text, qsizetype pos, LabelPairs &labels)
{
    const qsizetype n = text.size();
    ++pos; // '{'
    QByteArray value;
    while (pos < n) {
        while (pos < n && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == ','))
            ++pos;
        if (pos < n && text[pos] == '}')
            return pos + 1;
        const qsizetype nameStart = pos;
        while (pos < n && text[pos] != '=' && text[pos] != ' ' && text[pos] != '}')
            ++pos;
        const QByteArrayView name = text.sliced(nameStart, pos - nameStart);
        while (pos < n && text[pos] == ' ')
            ++pos;
        if (pos + 1 >= n || text[pos] != '=' || text[pos + 1] != '"' || name.isEmpty())
            return -1;
        pos += 2;
        value.clear();
        bool closed = false;
        while (pos < n) {
            const char c = text[pos++];
            if (c == '"') {
                closed = true;
                break;
            }
            if (c == '\n')
                return -1;
            if (c == '\\' && pos < n) {
                const char e = text[pos++];
                value += e == 'n' ? '\n' : e;
                continue;
            }
            value += c;
        }
        if (!closed)
            return -1;
        if (!value.isEmpty())
            labels.append({QString::fromUtf8(name), QString::fromUtf8(value)});
    }
    return -1;
}

// The gateway exposes a group without an instance label with instance="".
void addEmptyInstance(LabelPairs &labels)
{
    for (const auto &pair : labels) {
        if (pair.first == u"instance")
            return;
    }
    labels.append({u"instance"_s, QString()});
}

LabelPairs exposedLabels(const GroupingKey &key, ExposedLabels mode)
{
    LabelPairs labels;
    for (const auto &pair : key.labels()) {
        if (mode == ExposedLabels::Exact || !pair.second.isEmpty())
            labels.append(pair);
    }
    if (mode == ExposedLabels::Exact)
        addEmptyInstance(labels);
    std::sort(labels.begin(), labels.end());
    return labels;
}

} // namespace

Result<QList<PushTimes>> scanPushTimes(QByteArrayView text)
{
    QList<PushTimes> out;
    QHash<LabelPairs, qsizetype> index;
    constexpr QByteArrayView pushPrefix("push_time_seconds");
    constexpr QByteArrayView failurePrefix("push_failure_time_seconds");
    qsizetype pos = 0;
    int lineNumber = 0;
    const qsizetype n = text.size();
    while (pos < n) {
        ++lineNumber;
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = n;
        const QByteArrayView line = text.sliced(pos, end - pos);
        pos = end + 1;
        bool failure = false;
        qsizetype labelsAt = -1;
        if (line.startsWith(pushPrefix) && line.size() > pushPrefix.size() && line[pushPrefix.size()] == '{') {
            labelsAt = pushPrefix.size();
        } else if (line.startsWith(failurePrefix) && line.size() > failurePrefix.size() && line[failurePrefix.size()] == '{') {
            labelsAt = failurePrefix.size();
            failure = true;
        } else {
            continue;
        }
        LabelPairs labels;
        const qsizetype after = readLabels(line, labelsAt, labels);
        if (after < 0)
            return Error::make(Error::Parse, QCoreApplication::translate("LightRefresh", "/metrics line %1: malformed label set")
                                                 .arg(lineNumber));
        QByteArrayView rest = line.sliced(after).trimmed();
        const qsizetype space = rest.indexOf(' ');
        if (space >= 0)
            rest = rest.first(space); // a timestamp would follow; the gateway writes none
        const auto value = parseValue(rest);
        if (!value)
            return Error::make(Error::Parse, QCoreApplication::translate("LightRefresh", "/metrics line %1: invalid value")
                                                 .arg(lineNumber));
        recordPushTime(out, index, std::move(labels), failure, *value);
    }
    return out;
}

void recordPushTime(QList<PushTimes> &entries, QHash<LabelPairs, qsizetype> &index, LabelPairs labels, bool failure,
                    double value)
{
    std::sort(labels.begin(), labels.end());
    auto it = index.find(labels);
    if (it == index.end()) {
        it = index.insert(labels, entries.size());
        entries.append(PushTimes{std::move(labels)});
    }
    PushTimes &entry = entries[*it];
    if (failure) {
        entry.pushFailureTime = value;
        entry.hasFailureTime = true;
    } else {
        entry.pushTime = value;
        entry.hasPushTime = true;
    }
}

bool isDelimitedProtobuf(QByteArrayView contentType)
{
    const QList<QByteArray> parts = contentType.toByteArray().toLower().split(';');
    if (parts.isEmpty() || parts.first().trimmed() != "application/vnd.google.protobuf")
        return false;
    bool delimited = false;
    bool metricFamily = false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray param = parts[i].trimmed();
        delimited = delimited || param == "encoding=delimited";
        metricFamily = metricFamily || param == "proto=io.prometheus.client.metricfamily";
    }
    return delimited && metricFamily;
}

Result<ScannedPushTimes> scanPushTimes(QByteArrayView body, QByteArrayView contentType)
{
    if (isDelimitedProtobuf(contentType)) {
        auto entries = scanPushTimesProto(body);
        if (!entries)
            return entries.error();
        return ScannedPushTimes{std::move(entries.value()), ExposedLabels::Exact};
    }
    if (contentType.trimmed().toByteArray().toLower().startsWith("application/vnd.google.protobuf"))
        return Error::make(Error::Decode, QCoreApplication::translate("LightRefresh", "/metrics answered protobuf in an unsupported encoding (%1)")
                                              .arg(QString::fromLatin1(contentType)));
    auto entries = scanPushTimes(body);
    if (!entries)
        return entries.error();
    return ScannedPushTimes{std::move(entries.value()), ExposedLabels::NonEmpty};
}

LightMerge mergePushTimes(const QList<Group> &lastFull, const QList<PushTimes> &scanned, ExposedLabels mode)
{
    LightMerge merge;
    QHash<LabelPairs, qsizetype> byExposed;
    byExposed.reserve(lastFull.size());
    for (qsizetype i = 0; i < lastFull.size(); ++i) {
        const LabelPairs exposed = exposedLabels(lastFull[i].key, mode);
        if (byExposed.contains(exposed)) {
            merge.needFull = true;
            merge.reason = u"ambiguous key %1"_s.arg(lastFull[i].key.toString());
            return merge;
        }
        byExposed.insert(exposed, i);
    }
    // Matched first, then listed in the last full read's order: the table
    // model recognises "the same groups in the same order" and skips its
    // key hash (GroupTableModel::setGroups).
    QList<const PushTimes *> matched(lastFull.size(), nullptr);
    for (const PushTimes &entry : scanned) {
        auto it = byExposed.constFind(entry.labels);
        if (mode == ExposedLabels::Exact && it == byExposed.constEnd()) {
            // A gateway that does not add instance="" still maps exactly.
            LabelPairs labels = entry.labels;
            addEmptyInstance(labels);
            std::sort(labels.begin(), labels.end());
            it = byExposed.constFind(labels);
        }
        if (it == byExposed.constEnd()) {
            merge.needFull = true;
            merge.reason = u"new group"_s;
            return merge;
        }
        if (!entry.hasPushTime || !entry.hasFailureTime) {
            merge.needFull = true;
            merge.reason = u"incomplete bookkeeping series"_s;
            return merge;
        }
        if (matched[*it]) {
            merge.needFull = true;
            merge.reason = u"two exposed series for %1"_s.arg(lastFull[*it].key.toString());
            return merge;
        }
        matched[*it] = &entry;
    }
    merge.groups.reserve(scanned.size());
    for (qsizetype i = 0; i < lastFull.size(); ++i) {
        const PushTimes *entry = matched.at(i);
        if (!entry)
            continue; // gone from the gateway
        Group group = lastFull[i];
        if (group.pushTime != entry->pushTime || group.pushFailureTime != entry->pushFailureTime) {
            ++merge.changed;
            group.pushTime = entry->pushTime;
            group.pushFailureTime = entry->pushFailureTime;
            // The JSON's last_push_successful is exactly "the last push
            // attempt failed", i.e. the failure is the newer of the two.
            group.lastPushSuccessful = !(entry->pushFailureTime > entry->pushTime);
        }
        merge.groups.append(std::move(group));
    }
    return merge;
}

} // namespace PushDeck
