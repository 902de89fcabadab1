#include "staleness/stalenesshistory.h"

#include "core/datadirectory.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {
constexpr quint32 FileMagic = 0x50444853; // "PDHS"
constexpr quint32 FileVersion = 1;
} // namespace

int StateCounts::total() const
{
    int sum = 0;
    for (int n : counts)
        sum += n;
    return sum;
}

StateCounts StateCounts::of(const QList<StalenessVerdict> &verdicts)
{
    StateCounts out;
    for (const StalenessVerdict &v : verdicts)
        out.add(v.state);
    return out;
}

QString SeriesRef::displayText() const
{
    QString out = family;
    if (!labels.isEmpty()) {
        out += u'{';
        bool first = true;
        for (const auto &[name, value] : labels) {
            if (!first)
                out += u',';
            first = false;
            out += name + u"=\""_s + escapeLabelValue(value) + u'"';
        }
        out += u'}';
    }
    switch (field) {
    case Field::Value: break;
    case Field::Sum: out += u" sum"_s; break;
    case Field::Count: out += u" count"_s; break;
    }
    return out;
}

StalenessHistory::StalenessHistory() = default;

void StalenessHistory::setRetention(double seconds)
{
    m_retention = std::max(60.0, seconds);
}

void StalenessHistory::setMaxSamples(int count)
{
    m_maxSamples = std::max(2, count);
    if (m_samples.size() > m_maxSamples)
        m_samples.remove(0, m_samples.size() - m_maxSamples);
}

void StalenessHistory::setPushResolution(double seconds)
{
    // Existing events keep their slots; only new ones use the new width.
    m_pushResolution = std::max(0.001, seconds);
}

void StalenessHistory::setMaxPushEvents(int count)
{
    m_maxPushEvents = std::max(10, count);
    enforcePushCap();
}

void StalenessHistory::setMaxValuePoints(int count)
{
    m_maxValuePoints = std::max(2, count);
    if (m_values.size() > m_maxValuePoints)
        m_values.remove(0, m_values.size() - m_maxValuePoints);
}

void StalenessHistory::recordPoll(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now)
{
    if (m_sessionStart <= 0) {
        m_sessionStart = now;
        if (m_lastSave <= 0)
            m_lastSave = now;
    }
    recordCounts(now, StateCounts::of(verdicts));
    observePushes(groups, now);
    observeValue(groups);
    prune(now);
    if (m_autoSaveInterval > 0 && !m_filePath.isEmpty() && now - m_lastSave >= m_autoSaveInterval) {
        const Result<Done> saved = save();
        m_lastSaveError = saved ? Error{} : saved.error();
        m_lastSave = now;
    }
}

void StalenessHistory::recordPoll(const QList<Group> &groups, const StalenessPolicy &policy, double now)
{
    QList<StalenessVerdict> verdicts;
    verdicts.reserve(groups.size());
    for (const Group &group : groups)
        verdicts.append(policy.evaluate(group, now));
    recordPoll(groups, verdicts, now);
}

void StalenessHistory::recordCounts(double time, const StateCounts &counts)
{
    // Polls arrive in order; a sample from the past (clock change) would
    // fold the chart's line back on itself.
    if (!m_samples.isEmpty() && time < m_samples.constLast().time)
        return;
    m_samples.append(StateSample{time, counts});
    if (m_samples.size() > m_maxSamples)
        m_samples.remove(0, m_samples.size() - m_maxSamples);
}

int StalenessHistory::observePushes(const QList<Group> &groups, double now)
{
    const double horizon = now - m_retention;
    // Updated in place, stamped with this call's generation, so that a poll
    // of 10k unchanged groups allocates nothing.
    ++m_generation;
    int events = 0;
    for (const Group &group : groups) {
        auto it = m_seen.find(group.key);
        if (it == m_seen.end()) {
            it = m_seen.insert(group.key, Seen{});
        } else if (!it.key().sharesLabelsWith(group.key)) {
            const Seen kept = *it; // loaded from the file: adopt the polled key
            m_seen.erase(it);
            it = m_seen.insert(group.key, kept);
        }
        Seen &seen = *it;
        const bool pushed = group.pushTime > seen.pushTime && group.pushTime > horizon && std::isfinite(group.pushTime);
        const bool failed = group.pushFailureTime > seen.failureTime && group.pushFailureTime > horizon
                            && std::isfinite(group.pushFailureTime);
        if (pushed || failed) {
            const QString job = group.key.job();
            if (pushed) {
                addPushEvent(job, group.pushTime, false);
                ++events;
            }
            if (failed) {
                addPushEvent(job, group.pushFailureTime, true);
                ++events;
            }
        }
        seen.pushTime = group.pushTime;
        seen.failureTime = group.pushFailureTime;
        seen.generation = m_generation;
    }
    // Forget vanished groups: a re-created group's first push is a push.
    if (m_seen.size() > groups.size()) {
        for (auto it = m_seen.begin(); it != m_seen.end();) {
            if (it->generation != m_generation)
                it = m_seen.erase(it);
            else
                ++it;
        }
    }
    enforcePushCap();
    return events;
}

void StalenessHistory::recordPush(const QString &job, double time, bool failed)
{
    addPushEvent(job, time, failed);
    enforcePushCap();
}

void StalenessHistory::addPushEvent(const QString &job, double time, bool failed)
{
    if (time < m_pushCoverageStart)
        return; // already outside what the cap lets us keep
    const double slot = std::floor(time / m_pushResolution) * m_pushResolution;
    QList<PushEvent> &events = m_pushes[job];
    // Nearly always appends: pushes are seen in time order.
    auto it = events.end();
    if (!events.isEmpty() && events.constLast().time > slot)
        it = std::lower_bound(events.begin(), events.end(), slot, [](const PushEvent &e, double t) { return e.time < t; });
    else if (!events.isEmpty() && events.constLast().time == slot)
        it = events.end() - 1;
    if (it == events.end() || it->time != slot) {
        it = events.insert(it, PushEvent{slot, 0, 0});
        ++m_pushEventCount;
    }
    if (failed)
        ++it->failures;
    else
        ++it->pushes;
}

void StalenessHistory::enforcePushCap()
{
    if (m_pushEventCount <= m_maxPushEvents)
        return;
    // Drop down to 90% of the cap in one go, so a steady stream of pushes
    // does not trigger this O(n) pass on every poll.
    QList<double> times;
    times.reserve(m_pushEventCount);
    for (const QList<PushEvent> &events : std::as_const(m_pushes)) {
        for (const PushEvent &e : events)
            times.append(e.time);
    }
    const qsizetype keep = qsizetype(m_maxPushEvents) * 9 / 10;
    const auto nth = times.begin() + (times.size() - keep);
    std::nth_element(times.begin(), nth, times.end());
    // Events at exactly the cutoff go too: a cap is a cap.
    const double cutoff = std::nextafter(*nth, std::numeric_limits<double>::infinity());
    m_pushCoverageStart = std::max(m_pushCoverageStart, cutoff);
    m_pushEventCount = 0;
    for (auto it = m_pushes.begin(); it != m_pushes.end();) {
        auto &events = *it;
        const auto end = std::lower_bound(events.begin(), events.end(), cutoff, [](const PushEvent &e, double t) { return e.time < t; });
        events.erase(events.begin(), end);
        if (events.isEmpty()) {
            it = m_pushes.erase(it);
        } else {
            m_pushEventCount += int(events.size());
            ++it;
        }
    }
}

void StalenessHistory::prune(double now)
{
    const double horizon = now - m_retention;
    const auto samplesEnd = std::lower_bound(m_samples.begin(), m_samples.end(), horizon,
                                             [](const StateSample &s, double t) { return s.time < t; });
    m_samples.erase(m_samples.begin(), samplesEnd);
    for (auto it = m_pushes.begin(); it != m_pushes.end();) {
        auto &events = *it;
        if (!events.isEmpty() && events.constFirst().time < horizon) {
            const auto end = std::lower_bound(events.begin(), events.end(), horizon,
                                              [](const PushEvent &e, double t) { return e.time < t; });
            m_pushEventCount -= int(end - events.begin());
            events.erase(events.begin(), end);
        }
        if (events.isEmpty())
            it = m_pushes.erase(it);
        else
            ++it;
    }
    if (m_pushCoverageStart < horizon)
        m_pushCoverageStart = 0; // everything the cap dropped is past the window anyway
    const auto valuesEnd = std::lower_bound(m_values.begin(), m_values.end(), horizon,
                                            [](const ValuePoint &p, double t) { return p.time < t; });
    // Keep the latest value even when its push is old: it is still the value.
    if (valuesEnd == m_values.end() && !m_values.isEmpty())
        m_values.erase(m_values.begin(), m_values.end() - 1);
    else
        m_values.erase(m_values.begin(), valuesEnd);
}

void StalenessHistory::clear()
{
    m_samples.clear();
    m_pushes.clear();
    m_pushEventCount = 0;
    m_pushCoverageStart = 0;
    m_seen.clear();
    m_values.clear();
}

QStringList StalenessHistory::jobs() const
{
    QStringList out = m_pushes.keys();
    out.sort();
    return out;
}

void StalenessHistory::setTrackedSeries(const SeriesRef &series)
{
    if (series == m_tracked)
        return;
    m_tracked = series;
    m_values.clear();
}

std::optional<double> StalenessHistory::valueOf(const Group &group, const SeriesRef &series)
{
    for (const MetricFamily &family : group.families) {
        if (family.name != series.family)
            continue;
        for (const Series &s : family.series) {
            if (s.labels != series.labels)
                continue;
            const bool composite = family.type == MetricType::Histogram || family.type == MetricType::Summary;
            if (!composite)
                return s.value;
            return series.field == SeriesRef::Field::Count ? s.count : s.sum;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

void StalenessHistory::observeValue(const QList<Group> &groups)
{
    if (!m_tracked.isValid())
        return;
    for (const Group &group : groups) {
        if (group.key != m_tracked.group)
            continue;
        const auto value = valueOf(group, m_tracked);
        if (!value)
            return;
        const double time = group.pushTime;
        if (!m_values.isEmpty() && m_values.constLast().time >= time)
            return; // no push since: the same value
        m_values.append(ValuePoint{time, *value});
        if (m_values.size() > m_maxValuePoints)
            m_values.removeFirst();
        return;
    }
}

QString StalenessHistory::defaultFilePath(const QUrl &gateway)
{
    QUrl url = gateway.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (url.path() == u"/")
        url.setPath({}); // http://gw:9091/ and http://gw:9091 are one gateway
    const QByteArray id = url.toEncoded();
    const QString name = QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha1).toHex().left(16));
    return dataDirectory() + u"/history/"_s + name + u".dat"_s;
}

Result<Done> StalenessHistory::save() const
{
    if (m_filePath.isEmpty())
        return Error::make(Error::Invalid, u"no file to save the staleness history to"_s);
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Invalid, u"cannot create the folder %1"_s.arg(info.absolutePath()));
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Invalid, u"cannot write the staleness history %1: %2"_s.arg(m_filePath, file.errorString()));
    {
        QDataStream out(&file);
        out.setVersion(QDataStream::Qt_6_4);
        out << FileMagic << FileVersion << m_pushCoverageStart;
        out << qint32(m_samples.size());
        for (const StateSample &s : m_samples) {
            out << s.time;
            for (int n : s.counts.counts)
                out << qint32(n);
        }
        out << qint32(m_pushes.size());
        for (auto it = m_pushes.cbegin(); it != m_pushes.cend(); ++it) {
            out << it.key() << qint32(it->size());
            for (const PushEvent &e : *it)
                out << e.time << qint32(e.pushes) << qint32(e.failures);
        }
        out << qint32(m_seen.size());
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
            out << it.key().toString() << it->pushTime << it->failureTime;
    }
    if (!file.commit())
        return Error::make(Error::Invalid, u"cannot write the staleness history %1: %2"_s.arg(m_filePath, file.errorString()));
    return Done{};
}

Result<Done> StalenessHistory::load(double now)
{
    if (m_filePath.isEmpty() || !QFile::exists(m_filePath))
        return Done{};
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, u"cannot read the staleness history %1: %2"_s.arg(m_filePath, file.errorString()));
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    const auto broken = [&](const QString &what) {
        return Error::make(Error::Decode, u"the staleness history %1 is damaged (%2); starting afresh"_s.arg(m_filePath, what));
    };
    quint32 magic = 0, version = 0;
    double coverageStart = 0;
    in >> magic >> version >> coverageStart;
    if (in.status() != QDataStream::Ok || magic != FileMagic)
        return broken(u"not a PushDeck history file"_s);
    if (version != FileVersion)
        return Error::make(Error::Decode, u"the staleness history %1 has version %2, this PushDeck reads %3"_s.arg(m_filePath).arg(version).arg(FileVersion));

    qint32 sampleCount = 0;
    in >> sampleCount;
    if (in.status() != QDataStream::Ok || sampleCount < 0)
        return broken(u"samples"_s);
    QList<StateSample> samples;
    samples.reserve(std::min(sampleCount, m_maxSamples));
    for (qint32 i = 0; i < sampleCount && in.status() == QDataStream::Ok; ++i) {
        StateSample s;
        in >> s.time;
        for (int &n : s.counts.counts) {
            qint32 v = 0;
            in >> v;
            n = v;
        }
        if (samples.isEmpty() || s.time >= samples.constLast().time)
            samples.append(s);
    }
    qint32 jobCount = 0;
    in >> jobCount;
    if (in.status() != QDataStream::Ok || jobCount < 0)
        return broken(u"samples"_s);
    QHash<QString, QList<PushEvent>> pushes;
    int eventCount = 0;
    for (qint32 j = 0; j < jobCount && in.status() == QDataStream::Ok; ++j) {
        QString job;
        qint32 n = 0;
        in >> job >> n;
        if (n < 0)
            return broken(u"push events"_s);
        QList<PushEvent> events;
        events.reserve(n);
        for (qint32 i = 0; i < n && in.status() == QDataStream::Ok; ++i) {
            PushEvent e;
            qint32 pushesInSlot = 0, failures = 0;
            in >> e.time >> pushesInSlot >> failures;
            e.pushes = pushesInSlot;
            e.failures = failures;
            events.append(e);
        }
        eventCount += int(events.size());
        pushes.insert(job, std::move(events));
    }
    if (in.status() != QDataStream::Ok)
        return broken(u"push events"_s);
    qint32 seenCount = 0;
    in >> seenCount;
    QHash<GroupingKey, Seen> seen;
    for (qint32 i = 0; i < seenCount && in.status() == QDataStream::Ok; ++i) {
        QString keyText;
        Seen s;
        in >> keyText >> s.pushTime >> s.failureTime;
        if (auto key = GroupingKey::parse(keyText))
            seen.insert(*key, s);
    }
    if (in.status() != QDataStream::Ok)
        return broken(u"last seen push times"_s);

    m_samples = std::move(samples);
    m_pushes = std::move(pushes);
    m_pushEventCount = eventCount;
    m_pushCoverageStart = coverageStart;
    m_seen = std::move(seen);
    m_lastSave = now;
    prune(now);
    if (m_samples.size() > m_maxSamples)
        m_samples.remove(0, m_samples.size() - m_maxSamples);
    enforcePushCap();
    return Done{};
}

} // namespace PushDeck
