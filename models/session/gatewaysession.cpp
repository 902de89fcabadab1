#include "session/gatewaysession.h"

#include "core/datadirectory.h"

#include "operations/auditlog.h"
#include "operations/snapshot.h"
#include "core/urls.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSet>
#include <QStandardPaths>

namespace PushDeck {

using namespace Qt::StringLiterals;

namespace {
// How often a window session writes its learned cadences between reads.
constexpr double CadenceSaveEverySeconds = 60;
} // namespace

GatewaySession::GatewaySession(const QUrl &url, const ClientOptions &options, Persistence persistence, QObject *parent)
    : QObject(parent)
    , m_client(new GatewayClient(url, this))
    , m_poller(new Poller(m_client, this))
    , m_operations(new GroupOperations(m_client, this))
    , m_persistence(persistence)
    , m_now(wallClock())
{
    m_client->setOptions(options);
    connect(m_poller, &Poller::refreshed, this, &GatewaySession::onRefreshed);
    connect(m_poller, &Poller::refreshFailed, this, &GatewaySession::onRefreshFailed);
    connect(m_poller, &Poller::statusChanged, this, [this](const GatewayStatus &status) {
        m_status = status;
        m_hasStatus = true;
        Q_EMIT statusChanged();
        Q_EMIT stateChanged();
    });
    connect(m_poller, &Poller::stateChanged, this, &GatewaySession::stateChanged);
    connect(m_operations, &GroupOperations::operationStarted, this, &GatewaySession::operationStarted);
    connect(m_operations, &GroupOperations::operationFinished, this, &GatewaySession::onOperationFinished);

    // One clock for every view of this gateway: a table row, a preview and a
    // chart judged a second apart could disagree at a threshold.
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (m_fixedNow > 0)
            return;
        m_now = wallClock();
        Q_EMIT ticked(m_now);
    });
    m_clock.start();

    m_history.setAutoSaveInterval(0);
    // A missing or unreadable file starts afresh: history and cadences are
    // learned again, nothing else depends on them.
    if (m_persistence != Persistence::None)
        (void)m_cadence.loadFromFile(cadenceFilePath(url));
    if (m_persistence == Persistence::ReadWrite) {
        m_history.setFilePath(StalenessHistory::defaultFilePath(url));
        m_history.setAutoSaveInterval(60);
        (void)m_history.load(m_now);
        // A damaged file is no earlier look: nothing to compare with.
        if (!m_lastLook.load(lastLookFilePath(url)))
            m_lastLook.clear();
    }
    updatePolicy();
}

GatewaySession::~GatewaySession()
{
    if (!m_closing)
        save();
}

double GatewaySession::wallClock()
{
    return QDateTime::currentMSecsSinceEpoch() / 1000.0;
}

QString GatewaySession::cadenceFilePath(const QUrl &gateway)
{
    const QByteArray id = QCryptographicHash::hash(gateway.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)
                                                       .toString()
                                                       .toUtf8(),
                                                   QCryptographicHash::Sha256)
                              .toHex()
                              .left(16);
    return dataDirectory() + u"/cadence/"_s + QString::fromLatin1(id)
           + u".dat"_s;
}

QString GatewaySession::displayName() const
{
    return m_title.isEmpty() ? gatewayName(url()) : m_title;
}

void GatewaySession::setTitle(const QString &title)
{
    m_title = title;
    Q_EMIT stateChanged();
}

void GatewaySession::start()
{
    if (!m_closing)
        m_poller->start();
}

void GatewaySession::stop()
{
    m_poller->stop();
    save();
}

void GatewaySession::pause()
{
    m_poller->pause();
}

void GatewaySession::resume()
{
    m_poller->resume();
}

void GatewaySession::refreshNow(bool full)
{
    if (m_closing)
        return;
    if (full)
        m_poller->requestFull();
    m_poller->refreshNow();
}

QFuture<Result<QList<Group>>> GatewaySession::readGroups()
{
    return m_poller->readFull();
}

void GatewaySession::simulateRead(const QList<Group> &groups, const std::optional<GatewayStatus> &status)
{
    if (status) {
        m_status = *status;
        m_hasStatus = true;
        Q_EMIT statusChanged();
    }
    onRefreshed(groups, m_now);
}

const Group *GatewaySession::group(const GroupingKey &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? nullptr : &m_groups.at(*it);
}

void GatewaySession::setFixedNow(double now)
{
    m_fixedNow = now;
    m_now = now > 0 ? now : wallClock();
    Q_EMIT ticked(m_now);
}

void GatewaySession::setConfiguredPolicy(const StalenessPolicy &policy)
{
    m_configured = policy;
    updatePolicy();
    Q_EMIT policyChanged();
}

void GatewaySession::updatePolicy()
{
    StalenessPolicy effective = m_configured;
    effective.setGateway(url()); // rules scoped to another gateway do not apply here
    effective.setLearnedCadences(m_cadence.cadences());
    m_policy = std::move(effective);
    ++m_policyVersion;
}

QList<StalenessVerdict> GatewaySession::verdicts(const QList<Group> &groups) const
{
    QList<StalenessVerdict> result;
    result.reserve(groups.size());
    for (const Group &group : groups)
        result.append(verdict(group));
    return result;
}

void GatewaySession::setTrackedSeries(const SeriesRef &series)
{
    if (series == m_history.trackedSeries())
        return;
    m_history.setTrackedSeries(series);
    m_history.observeValue(m_groups);
    Q_EMIT trackedSeriesChanged();
}

void GatewaySession::onRefreshed(const QList<Group> &groups, double now)
{
    int gone = 0;
    if (m_refreshed && !m_groups.isEmpty()) {
        QSet<GroupingKey> keys;
        keys.reserve(groups.size());
        for (const Group &g : groups)
            keys.insert(g.key);
        for (const Group &g : std::as_const(m_groups))
            gone += !keys.contains(g.key);
    }
    if (gone > 0)
        checkForRestart(gone);
    m_groups = groups;
    m_index.clear();
    m_index.reserve(m_groups.size());
    for (qsizetype i = 0; i < m_groups.size(); ++i)
        m_index.insert(m_groups.at(i).key, i);
    if (m_fixedNow <= 0)
        m_now = now;
    // Learn each group's rhythm from the push times seen across reads, and
    // judge it by that unless a rule says otherwise.
    if (m_cadence.observe(groups) > 0)
        updatePolicy();
    const QList<StalenessVerdict> judged = verdicts(groups);
    m_history.recordPoll(groups, judged, m_now);
    if (!m_refreshed && !m_lastLook.isEmpty()) {
        m_changes = m_lastLook.changesIn(groups, judged);
        if (!m_changes.isEmpty())
            Q_EMIT changesSinceLastLookChanged();
    }
    if (m_persistence == Persistence::ReadWrite && m_now - m_lastCadenceSave >= CadenceSaveEverySeconds) {
        m_lastCadenceSave = m_now;
        keepSaveError(m_cadence.saveToFile(cadenceFilePath(url())));
        // What the window shows now is the look the next start compares with
        // (also after a crash, to within a minute).
        m_lastLook.record(groups, judged, m_now);
        keepSaveError(m_lastLook.save(lastLookFilePath(url())));
    }
    m_refreshed = true;
    m_outdated = false;
    m_lastErrorText.clear();
    Q_EMIT refreshed();
    if (!m_firstRefreshSeen) {
        m_firstRefreshSeen = true;
        Q_EMIT firstRefreshFinished();
    }
    Q_EMIT stateChanged();
}

void GatewaySession::checkForRestart(int gone)
{
    if (!m_hasStatus)
        return; // no earlier start time to compare with
    const double before = m_status.startTime;
    m_client->status().then(this, [this, gone, before](const Result<GatewayStatus> &status) {
        if (!status || status->startTime == before || status->startTime <= 0)
            return;
        m_status = *status;
        const QDateTime started = QDateTime::fromMSecsSinceEpoch(qint64(status->startTime * 1000), Qt::UTC);
        m_restartNotice = tr("The gateway restarted at %1 UTC: %n group(s) it held before are gone (it keeps groups "
                             "across restarts only with --persistence.file).",
                             nullptr, gone)
                              .arg(started.toString(u"yyyy-MM-dd HH:mm:ss"_s));
        Q_EMIT statusChanged();
        Q_EMIT restartDetected(m_restartNotice);
        Q_EMIT stateChanged();
    });
}

void GatewaySession::dismissChangesSinceLastLook()
{
    if (m_changes.isEmpty() && m_changes.since == 0)
        return;
    m_changes = {};
    Q_EMIT changesSinceLastLookChanged();
}

void GatewaySession::onRefreshFailed(const Error &error)
{
    // The last good data stays, marked as outdated.
    m_outdated = true;
    m_lastErrorText = error.message;
    Q_EMIT refreshFailed(error);
    if (!m_firstRefreshSeen) {
        m_firstRefreshSeen = true;
        Q_EMIT firstRefreshFinished();
    }
    Q_EMIT stateChanged();
}

void GatewaySession::setSnapshotStore(SnapshotStore *store)
{
    m_store = store;
    m_operations->setSnapshotStore(store);
}

void GatewaySession::setAuditLog(AuditLog *log)
{
    m_audit = log;
    m_operations->setAuditLog(log);
}

BulkDeleter *GatewaySession::startBulkDelete(QList<Group> previewed, const BulkDeleteOptions &options)
{
    auto *deleter = new BulkDeleter(m_client, std::move(previewed), options, this);
    deleter->setSnapshotStore(m_store);
    deleter->setAuditLog(m_audit);
    m_deleters.removeAll(nullptr);
    m_deleters.append(deleter);
    const QString action = options.action;
    connect(deleter, &BulkDeleter::finished, this, [this, deleter, action](const BulkDeleteReport &report) {
        // Deleted later: whoever shows the report reads it in its own slot first.
        deleter->deleteLater();
        m_deleters.removeAll(deleter);
        onOperationFinished(action, report.dryRun || report.deletedOrChanged(), report.summary());
    });
    Q_EMIT operationStarted(action);
    // On the next turn of the event loop, so the caller connects to its
    // progress first; run() returns the same future when called earlier.
    QTimer::singleShot(0, deleter, [deleter] { deleter->run(); });
    return deleter;
}

int GatewaySession::runningOperations() const
{
    int running = m_operations->runningCount();
    for (const QPointer<BulkDeleter> &deleter : m_deleters) {
        if (deleter) // started, not finished yet
            ++running;
    }
    return running;
}

void GatewaySession::onOperationFinished(const QString &action, bool ok, const QString &message)
{
    Q_EMIT operationFinished(action, ok, message);
    if (m_closing) {
        deleteIfIdle();
        return;
    }
    refreshNow(true); // the gateway changed (or may have): show it
}

void GatewaySession::close()
{
    if (m_closing)
        return;
    m_poller->stop();
    save();
    m_closing = true;
    m_clock.stop();
    deleteIfIdle();
}

void GatewaySession::deleteIfIdle()
{
    if (m_closing && runningOperations() == 0)
        deleteLater();
}

void GatewaySession::save()
{
    if (m_persistence != Persistence::ReadWrite)
        return;
    if (m_history.sessionStart() > 0)
        keepSaveError(m_history.save());
    if (m_cadence.groupCount() > 0)
        keepSaveError(m_cadence.saveToFile(cadenceFilePath(url())));
    // Only what was read: a session that never reached the gateway keeps the
    // earlier look.
    if (m_refreshed) {
        m_lastLook.record(m_groups, verdicts(m_groups), m_now);
        keepSaveError(m_lastLook.save(lastLookFilePath(url())));
    }
}

void GatewaySession::keepSaveError(const Result<Done> &saved)
{
    if (saved)
        return;
    m_saveError = saved.error();
    Q_EMIT stateChanged();
}

} // namespace PushDeck
