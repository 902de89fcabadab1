#include "staleness/lastlook.h"

#include "core/datadirectory.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {
constexpr quint32 FileMagic = 0x50444c4b; // "PDLK"
constexpr quint32 FileVersion = 1;

// A time that moved forward; NaN and infinities (never pushed) do not.
bool later(double now, double then)
{
    return std::isfinite(now) && now > 0 && !(now <= then);
}
} // namespace

void LastLook::record(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now)
{
    m_entries.clear();
    m_entries.reserve(groups.size());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const Group &group = groups.at(i);
        Entry entry;
        entry.state = i < verdicts.size() ? verdicts.at(i).state : Staleness::Unknown;
        entry.pushTime = group.pushTime;
        entry.failureTime = group.pushFailureTime;
        m_entries.insert(group.key, entry);
    }
    m_time = now;
}

void LastLook::clear()
{
    m_entries.clear();
    m_time = 0;
}

LookChanges LastLook::changesIn(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts) const
{
    LookChanges changes;
    if (isEmpty())
        return changes;
    changes.since = m_time;
    QSet<GroupingKey> seen;
    seen.reserve(groups.size());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const Group &group = groups.at(i);
        const Staleness state = i < verdicts.size() ? verdicts.at(i).state : Staleness::Unknown;
        seen.insert(group.key);
        const auto it = m_entries.constFind(group.key);
        if (it == m_entries.cend()) {
            changes.appeared.append(group.key);
            // A group that appeared with a failed push: failed since, too.
            if (later(group.pushFailureTime, 0))
                changes.failed.append(group.key);
            if (state == Staleness::Stale)
                changes.wentStale.append(group.key);
            continue;
        }
        if (state == Staleness::Stale && it->state != Staleness::Stale)
            changes.wentStale.append(group.key);
        // The gateway keeps the last failure's time: a newer one is a push
        // that failed since, whether or not a later push succeeded.
        if (later(group.pushFailureTime, it->failureTime))
            changes.failed.append(group.key);
    }
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!seen.contains(it.key()))
            changes.vanished.append(it.key());
    }
    for (QList<GroupingKey> *list : {&changes.appeared, &changes.vanished, &changes.wentStale, &changes.failed})
        std::sort(list->begin(), list->end());
    return changes;
}

QString LastLook::defaultFilePath(const QUrl &gateway)
{
    QUrl url = gateway.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (url.path() == u"/")
        url.setPath({}); // http://gw:9091/ and http://gw:9091 are one gateway
    const QString name = QString::fromLatin1(QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha1).toHex().left(16));
    return dataDirectory() + u"/lastlook/"_s + name + u".dat"_s;
}

Result<Done> LastLook::save(const QString &path) const
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Invalid, u"cannot create the folder %1"_s.arg(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Invalid, u"cannot write the last look %1: %2"_s.arg(path, file.errorString()));
    {
        QDataStream out(&file);
        out.setVersion(QDataStream::Qt_6_4);
        out << FileMagic << FileVersion << m_time << qint32(m_entries.size());
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            out << it.key().toString() << qint8(it->state) << it->pushTime << it->failureTime;
    }
    if (!file.commit())
        return Error::make(Error::Invalid, u"cannot write the last look %1: %2"_s.arg(path, file.errorString()));
    return Done{};
}

Result<Done> LastLook::load(const QString &path)
{
    clear();
    if (!QFile::exists(path))
        return Done{};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Invalid, u"cannot read the last look %1: %2"_s.arg(path, file.errorString()));
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    const auto broken = [&path](const QString &what) {
        return Error::make(Error::Decode, u"the last look %1 is damaged (%2)"_s.arg(path, what));
    };
    quint32 magic = 0, version = 0;
    double time = 0;
    qint32 count = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != FileMagic)
        return broken(u"not a PushDeck last-look file"_s);
    if (version != FileVersion)
        return Error::make(Error::Decode,
                           u"the last look %1 has version %2, this PushDeck reads %3"_s.arg(path).arg(version).arg(FileVersion));
    in >> time >> count;
    if (in.status() != QDataStream::Ok || count < 0 || !std::isfinite(time))
        return broken(u"header"_s);
    QHash<GroupingKey, Entry> entries;
    entries.reserve(std::min(count, 1 << 20));
    for (qint32 i = 0; i < count; ++i) {
        QString keyText;
        qint8 state = 0;
        Entry entry;
        in >> keyText >> state >> entry.pushTime >> entry.failureTime;
        if (in.status() != QDataStream::Ok)
            return broken(u"group %1 of %2"_s.arg(i + 1).arg(count));
        if (state < 0 || state >= StalenessCount)
            return broken(u"state of %1"_s.arg(keyText));
        entry.state = Staleness(state);
        const auto key = GroupingKey::parse(keyText);
        if (!key)
            return broken(u"key %1: %2"_s.arg(keyText, key.errorString()));
        entries.insert(key.value(), entry);
    }
    m_entries = std::move(entries);
    m_time = time;
    return Done{};
}

} // namespace PushDeck
