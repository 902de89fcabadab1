#include "operations/auditlog.h"

#include "core/datadirectory.h"
#include "core/jsonwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <cerrno>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AuditLog", text);
}

void appendField(QByteArray &out, const char *name, QStringView value)
{
    out.append(",\"");
    out.append(name);
    out.append("\":");
    appendJsonString(out, value);
}

} // namespace

QByteArray AuditEntry::toJsonLine() const
{
    // Escaped strings never contain a raw newline, so one entry is exactly
    // one line.
    QByteArray out;
    out.reserve(160 + keys.size() * 64);
    out.append("{\"time\":");
    appendJsonString(out, (time.isValid() ? time : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs));
    appendField(out, "gateway", gateway);
    appendField(out, "action", action);
    if (!run.isEmpty())
        appendField(out, "run", run);
    if (!phase.isEmpty())
        appendField(out, "phase", phase);
    out.append(dryRun ? ",\"dry_run\":true" : ",\"dry_run\":false");
    if (!snapshot.isEmpty())
        appendField(out, "snapshot", snapshot);
    out.append(",\"keys\":[");
    for (qsizetype i = 0; i < keys.size(); ++i) {
        out.append(i ? ",{\"key\":" : "{\"key\":");
        appendJsonString(out, keys[i].key);
        appendField(out, "outcome", keys[i].outcome);
        if (!keys[i].error.isEmpty())
            appendField(out, "error", keys[i].error);
        out.append('}');
    }
    out.append(']');
    if (!message.isEmpty())
        appendField(out, "message", message);
    if (!error.isEmpty())
        appendField(out, "error", error);
    out.append('}');
    return out;
}

Result<AuditEntry> AuditEntry::fromJson(QByteArrayView line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::make(Error::Decode, tr("not an audit entry: %1").arg(parseError.errorString()));
    const QJsonObject object = document.object();
    AuditEntry entry;
    entry.time = QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs).toUTC();
    entry.action = object.value(u"action"_s).toString();
    if (!entry.time.isValid() || entry.action.isEmpty())
        return Error::make(Error::Decode, tr("audit entry without a valid time or action"));
    entry.gateway = object.value(u"gateway"_s).toString();
    entry.run = object.value(u"run"_s).toString();
    entry.phase = object.value(u"phase"_s).toString();
    entry.dryRun = object.value(u"dry_run"_s).toBool();
    entry.snapshot = object.value(u"snapshot"_s).toString();
    for (const auto &value : object.value(u"keys"_s).toArray()) {
        const QJsonObject item = value.toObject();
        entry.keys.append({item.value(u"key"_s).toString(), item.value(u"outcome"_s).toString(),
                           item.value(u"error"_s).toString()});
    }
    entry.message = object.value(u"message"_s).toString();
    entry.error = object.value(u"error"_s).toString();
    return entry;
}

AuditLog::AuditLog(QString filePath)
    : m_filePath(filePath.isEmpty() ? defaultPath() : std::move(filePath))
{
}

AuditLog::~AuditLog()
{
    if (m_file && m_file->isOpen()) {
        m_file->flush();
        ::fsync(m_file->handle());
    }
}

QString AuditLog::defaultPath()
{
    return dataDirectory() + u"/audit.jsonl"_s;
}

QString AuditLog::newRunId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
}

Result<Done> AuditLog::ensureOpen()
{
    if (m_file && m_file->isOpen())
        return Done{};
    const QFileInfo info(m_filePath);
    errno = 0;
    if (!QDir().mkpath(info.absolutePath())) {
        const int error = errno;
        return Error::make(Error::Process, tr("cannot create the directory %1 for the audit log: %2")
                                               .arg(info.absolutePath(), error ? qt_error_string(error) : tr("unknown reason")));
    }
    m_file = std::make_unique<QFile>(m_filePath);
    // Unbuffered: every write is a write(2) whose failure is known (and
    // named) at once, and a failed entry is not left in a buffer to come
    // out, torn or late, with the next one.
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        const QString reason = m_file->errorString();
        m_file.reset();
        return Error::make(Error::Process, tr("cannot open the audit log %1: %2").arg(m_filePath, reason));
    }
    // A line torn by a crash in the middle of an append must not glue itself
    // onto the next entry.
    if (m_file->size() > 0) {
        QFile check(m_filePath);
        if (check.open(QIODevice::ReadOnly) && check.seek(check.size() - 1) && check.read(1) != "\n"
            && m_file->write("\n") != 1) {
            const QString reason = m_file->errorString();
            m_file.reset();
            return Error::make(Error::Process, tr("cannot append to the audit log %1: %2").arg(m_filePath, reason));
        }
    }
    return Done{};
}

Result<Done> AuditLog::append(AuditEntry entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    auto opened = ensureOpen();
    if (!opened)
        return opened;
    const QByteArray line = entry.toJsonLine() + '\n';
    // One write per entry: the OS has it once this returns, so killing the
    // process right after loses nothing.
    if (m_file->write(line) != line.size() || !m_file->flush())
        return Error::make(Error::Process, tr("cannot append to the audit log %1: %2").arg(m_filePath, m_file->errorString()));
    return Done{};
}

Result<Done> AuditLog::sync()
{
    if (!m_file || !m_file->isOpen())
        return Done{};
    if (!m_file->flush())
        return Error::make(Error::Process, tr("cannot sync the audit log %1 to disk: %2").arg(m_filePath, m_file->errorString()));
    // EINVAL: a pipe or device (/dev/stderr) that has nothing to sync.
    if (::fsync(m_file->handle()) != 0 && errno != EINVAL)
        return Error::make(Error::Process, tr("cannot sync the audit log %1 to disk: %2").arg(m_filePath, qt_error_string(errno)));
    return Done{};
}

Result<QList<AuditEntry>> AuditLog::read(int *skipped) const
{
    if (skipped)
        *skipped = 0;
    QFile file(m_filePath);
    if (!file.exists())
        return QList<AuditEntry>{};
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Process, tr("cannot read the audit log %1: %2").arg(m_filePath, file.errorString()));
    QList<AuditEntry> entries;
    const QByteArray all = file.readAll();
    for (const QByteArray &line : all.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        auto entry = AuditEntry::fromJson(line);
        if (entry)
            entries.append(std::move(entry).value());
        else if (skipped)
            ++*skipped;
    }
    return entries;
}

Result<QList<AuditEntry>> AuditLog::tail(int count) const
{
    auto entries = read();
    if (!entries)
        return entries;
    QList<AuditEntry> all = std::move(entries).value();
    if (count >= 0 && all.size() > count)
        all.remove(0, all.size() - count);
    return all;
}

Result<Done> AuditLog::exportTo(const QString &targetFile) const
{
    QFile source(m_filePath);
    QByteArray data;
    if (source.exists()) {
        if (!source.open(QIODevice::ReadOnly))
            return Error::make(Error::Process, tr("cannot read the audit log %1: %2").arg(m_filePath, source.errorString()));
        data = source.readAll();
    }
    QSaveFile target(targetFile);
    if (!target.open(QIODevice::WriteOnly) || target.write(data) != data.size() || !target.commit())
        return Error::make(Error::Process, tr("cannot write %1: %2").arg(targetFile, target.errorString()));
    return Done{};
}

} // namespace PushDeck
