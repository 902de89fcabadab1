#include "staleness/cadencetracker.h"

#include "core/duration.h"

#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {
constexpr quint32 StateMagic = 0x50444354; // "PDCT"
constexpr quint32 StateVersion = 1;
} // namespace

CadenceTracker::CadenceTracker(int maxIntervals)
    : m_maxIntervals(std::max(1, maxIntervals))
{
}

void CadenceTracker::setMaxIntervals(int count)
{
    m_maxIntervals = std::max(1, count);
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        if (it->intervals.size() > m_maxIntervals) {
            it->intervals.remove(0, it->intervals.size() - m_maxIntervals);
            updateCadence(it.key(), *it);
        }
    }
}

int CadenceTracker::observe(const QList<Group> &groups)
{
    int pushed = 0;
    for (const Group &group : groups) {
        if (observePush(group.key, group.pushTime))
            ++pushed;
    }
    return pushed;
}

bool CadenceTracker::observePush(const GroupingKey &key, double pushTime)
{
    if (!(pushTime > 0) || !std::isfinite(pushTime))
        return false; // never pushed successfully
    auto it = m_tracks.find(key);
    if (it == m_tracks.end()) {
        m_tracks.insert(key, Track{pushTime, {}});
        return true;
    }
    if (!it.key().sharesLabelsWith(key)) { // restored: adopt the polled key once
        const Track kept = *it;
        m_tracks.erase(it);
        it = m_tracks.insert(key, kept);
    }
    if (pushTime == it->lastPush)
        return false;
    if (pushTime < it->lastPush) {
        it->lastPush = pushTime;
        return false;
    }
    it->intervals.append(pushTime - it->lastPush);
    if (it->intervals.size() > m_maxIntervals)
        it->intervals.removeFirst();
    it->lastPush = pushTime;
    updateCadence(key, *it);
    return true;
}

void CadenceTracker::updateCadence(const GroupingKey &key, const Track &track)
{
    if (track.intervals.isEmpty()) {
        m_cadences.remove(key);
        return;
    }
    m_cadences.insert(key, LearnedCadence{median(track.intervals), int(track.intervals.size())});
}

QList<double> CadenceTracker::intervals(const GroupingKey &key) const
{
    return m_tracks.value(key).intervals;
}

double CadenceTracker::lastPushTime(const GroupingKey &key) const
{
    return m_tracks.value(key).lastPush;
}

void CadenceTracker::forget(const GroupingKey &key)
{
    m_tracks.remove(key);
    m_cadences.remove(key);
}

int CadenceTracker::forgetOlderThan(double now, double maxAge)
{
    int removed = 0;
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (now - it->lastPush > maxAge) {
            m_cadences.remove(it.key());
            it = m_tracks.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

void CadenceTracker::clear()
{
    m_tracks.clear();
    m_cadences.clear();
}

QByteArray CadenceTracker::saveState() const
{
    QByteArray out;
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << StateMagic << StateVersion << qint32(m_tracks.size());
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it)
        stream << it.key().toString() << it->lastPush << it->intervals;
    return out;
}

Result<Done> CadenceTracker::restoreState(const QByteArray &state)
{
    QDataStream stream(state);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, version = 0;
    qint32 count = 0;
    stream >> magic >> version >> count;
    if (stream.status() != QDataStream::Ok || magic != StateMagic)
        return Error::make(Error::Decode, u"not a PushDeck cadence file"_s);
    if (version != StateVersion)
        return Error::make(Error::Decode, u"unsupported cadence file version %1"_s.arg(version));
    QHash<GroupingKey, Track> tracks;
    tracks.reserve(count);
    for (qint32 i = 0; i < count; ++i) {
        QString keyText;
        Track track;
        stream >> keyText >> track.lastPush >> track.intervals;
        if (stream.status() != QDataStream::Ok)
            return Error::make(Error::Decode, u"cadence file truncated at group %1 of %2"_s.arg(i + 1).arg(count));
        auto key = GroupingKey::parse(keyText);
        if (!key)
            continue; // a key this version cannot read: relearn it
        if (track.intervals.size() > m_maxIntervals)
            track.intervals.remove(0, track.intervals.size() - m_maxIntervals);
        tracks.insert(*key, std::move(track));
    }
    m_tracks = std::move(tracks);
    m_cadences.clear();
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it)
        updateCadence(it.key(), *it);
    return Done{};
}

Result<Done> CadenceTracker::saveToFile(const QString &path) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Invalid, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    file.write(saveState());
    if (!file.commit())
        return Error::make(Error::Invalid, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return Done{};
}

Result<Done> CadenceTracker::loadFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    auto result = restoreState(file.readAll());
    if (!result)
        return Error::make(result.error().kind, path + u": "_s + result.errorString());
    return result;
}

double CadenceTracker::median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    const auto middle = values.begin() + (values.size() - 1) / 2;
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

double CadenceTracker::roundInterval(double seconds)
{
    if (!(seconds > 0) || !std::isfinite(seconds))
        return 0;
    static constexpr std::array<double, 11> Steps{1, 5, 10, 30, 60, 300, 600, 1800, 3600, 6 * 3600, 86400};
    double step = Steps.front();
    for (double s : Steps) {
        if (s <= seconds / 10)
            step = s;
    }
    return std::max(step, std::round(seconds / step) * step);
}

QString CadenceTracker::approximateText(double seconds)
{
    const double rounded = roundInterval(seconds);
    if (rounded <= 0)
        return {};
    return u'~' + formatDuration(rounded);
}

QString CadenceTracker::expectedText(double seconds)
{
    const QString approx = approximateText(seconds);
    return approx.isEmpty() ? QString() : u"expected every "_s + approx;
}

} // namespace PushDeck
