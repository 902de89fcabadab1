#include "operations/bulkdeleter.h"

#include "operations/auditlog.h"
#include "operations/snapshot.h"
#include "core/urls.h"
#include "gateway/rawhttpconnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QPointer>
#include <QSet>
#include <QtConcurrent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("BulkDeleter", text, disambiguation, n);
}

// Errors that mean "the gateway is not there" rather than "this request was
// refused": a run of them stops sending.
bool isConnectionError(const Error &error)
{
    return error.kind == Error::Network || error.kind == Error::Timeout || error.kind == Error::Tls;
}

constexpr int MaxFailedReadDelayMs = 4000;
// QNetworkAccessManager opens at most 6 connections per host; more requests
// in flight need another manager.
constexpr int ConnectionsPerClient = 6;

// What the answer to a DELETE sent over a RawHttpConnection means, in the
// words GatewayClient uses: any 2xx (the gateway says 202) is done, another
// status an Error::Http with the first line of the server's text.
Result<Done> deleteResult(const Result<RawHttpConnection::Response> &answer, const QString &where, bool sentAuthorization)
{
    if (!answer)
        return answer.error();
    const int status = answer->status;
    if (status >= 200 && status < 300)
        return Done{};
    QString text = QString::fromUtf8(answer->body).trimmed().section(u'\n', 0, 0).trimmed();
    if (text.size() > 300)
        text = text.left(297) + u"..."_s;
    Error error = Error::make(Error::Http, tr("%1 answered HTTP %2: %3").arg(where).arg(status).arg(text));
    if (status == 401)
        error.message = tr("authentication failed at %1 (HTTP 401): the gateway did not accept the credentials (%2)")
                            .arg(where, sentAuthorization ? tr("wrong user name, password or token?")
                                                          : tr("none were sent; give a user and password or a token"));
    error.httpStatus = status;
    return error;
}

} // namespace


QString deleteOutcomeName(DeleteOutcome outcome)
{
    switch (outcome) {
    case DeleteOutcome::Deleted: return u"deleted"_s;
    case DeleteOutcome::StillPresent: return u"still-present"_s;
    case DeleteOutcome::Failed: return u"failed"_s;
    case DeleteOutcome::NotSent: return u"not-sent"_s;
    case DeleteOutcome::Unverified: return u"unverified"_s;
    case DeleteOutcome::ChangedSincePreview: return u"changed-since-preview"_s;
    }
    return {};
}

int BulkDeleteReport::count(DeleteOutcome outcome) const
{
    return int(std::count_if(keys.cbegin(), keys.cend(), [outcome](const KeyDeleteReport &k) { return k.outcome == outcome; }));
}

QString BulkDeleteReport::summary() const
{
    if (dryRun)
        return tr("dry run: %n group(s) would be deleted, nothing was sent", nullptr, int(keys.size()));
    QStringList parts;
    for (auto outcome : {DeleteOutcome::Deleted, DeleteOutcome::ChangedSincePreview, DeleteOutcome::StillPresent,
                         DeleteOutcome::Failed, DeleteOutcome::NotSent, DeleteOutcome::Unverified}) {
        if (const int n = count(outcome))
            parts.append(QString::number(n) + u' ' + deleteOutcomeName(outcome));
    }
    QString text = parts.isEmpty() ? tr("nothing to delete") : parts.join(u", "_s);
    if (cancelled)
        text += tr(" (cancelled)");
    if (!error.isEmpty())
        text += u": "_s + error;
    return text;
}

BulkDeleter::BulkDeleter(GatewayClient *client, QList<Group> previewed, BulkDeleteOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_options.verifyReads = std::max(1, m_options.verifyReads);
    QSet<GroupingKey> seen;
    for (Group &group : previewed) {
        if (seen.contains(group.key))
            continue;
        seen.insert(group.key);
        m_keys.append(group.key);
        m_previewed.append(std::move(group));
    }
}

BulkDeleter::~BulkDeleter()
{
    // Whoever waits on the future must not wait forever.
    if (m_promise && m_running) {
        m_report.cancelled = true;
        if (m_report.error.isEmpty())
            m_report.error = tr("the run was abandoned before it finished");
        m_promise->addResult(m_report);
        m_promise->finish();
    }
}

QFuture<BulkDeleteReport> BulkDeleter::run()
{
    if (m_started)
        return m_future;
    m_started = true;
    m_running = true;
    m_clock.start();
    m_promise = std::make_shared<QPromise<BulkDeleteReport>>();
    m_promise->start();
    m_future = m_promise->future();
    m_runId = AuditLog::newRunId();
    m_gateway = redactedUrl(m_client->baseUrl());

    m_report.dryRun = m_options.dryRun;
    m_report.keys.reserve(m_keys.size());
    for (const GroupingKey &key : std::as_const(m_keys)) {
        KeyDeleteReport k;
        k.key = key;
        m_report.keys.append(k);
    }

    // Nothing below runs before run() returns, so callers can connect
    // signals after calling it.
    if (m_options.dryRun || m_keys.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            if (m_audit) {
                AuditEntry entry = auditEntry(u"result"_s);
                entry.dryRun = m_options.dryRun;
                for (const auto &k : std::as_const(m_report.keys))
                    entry.keys.append({k.key.toString(), m_options.dryRun ? u"would-delete"_s : u"not-sent"_s, {}});
                entry.message = m_options.dryRun ? tr("dry run: nothing was sent") : tr("nothing to delete");
                writeAudit(entry, AuditSync::Sync);
            }
            finish();
        });
        return m_future;
    }

    if (!m_store) {
        QTimer::singleShot(0, this, &BulkDeleter::startSending);
        return m_future;
    }

    // Write-ahead: the snapshot is on disk (fsynced) before the first DELETE.
    // Serializing thousands of groups takes a while, so off this thread.
    Snapshot snapshot;
    snapshot.created = QDateTime::currentDateTimeUtc();
    m_snapshotCreated = snapshot.created;
    snapshot.gatewayUrl = m_gateway;
    snapshot.action = m_options.action;
    snapshot.note = tr("before deleting %n group(s)", nullptr, int(m_keys.size()));
    snapshot.groups = m_previewed;
    const SnapshotStore store = *m_store;
    QtConcurrent::run([store, snapshot] { return store.save(snapshot); })
        .then(this, [this](Result<QString> saved) {
            if (!saved) {
                m_report.error = tr("the undo snapshot could not be written, nothing was deleted: %1").arg(saved.errorString());
                for (auto &k : m_report.keys)
                    k.error = m_report.error;
                if (m_audit) {
                    AuditEntry entry = auditEntry(u"result"_s);
                    entry.error = m_report.error;
                    for (const auto &k : std::as_const(m_report.keys))
                        entry.keys.append({k.key.toString(), u"not-sent"_s, {}});
                    writeAudit(entry, AuditSync::Sync);
                }
                finish();
                return;
            }
            m_report.snapshotPath = *saved;
            startSending();
        });
    return m_future;
}

void BulkDeleter::writeAudit(const AuditEntry &entry, AuditSync sync, AuditFailure failure)
{
    if (!m_audit)
        return;
    Result<Done> written = m_audit->append(entry);
    if (written && sync == AuditSync::Sync)
        written = m_audit->sync();
    if (!written)
        auditFailed(written.error(), failure);
}

void BulkDeleter::syncAudit()
{
    if (!m_audit)
        return;
    if (const Result<Done> synced = m_audit->sync(); !synced)
        auditFailed(synced.error(), AuditFailure::Report);
}

void BulkDeleter::auditFailed(const Error &error, AuditFailure failure)
{
    QString text;
    if (failure == AuditFailure::StopSending && !m_cancelRequested && m_next < m_keys.size()) {
        // Nothing is sent that the log cannot record: requests in flight
        // finish and are verified, the rest stay NotSent.
        m_cancelRequested = true;
        text = m_next == 0 ? tr("the audit log could not be written, nothing was sent: %1")
                           : tr("the audit log could not be written, nothing more was sent: %1");
    } else {
        text = tr("the audit log could not be written: %1");
    }
    // The first failure says it all; later entries of the run are still
    // attempted (the result may get through) and fail the same way.
    if (m_auditFailed)
        return;
    m_auditFailed = true;
    m_report.error = m_report.error.isEmpty() ? text.arg(error.message) : m_report.error + u"; "_s + text.arg(error.message);
}

AuditEntry BulkDeleter::auditEntry(const QString &phase) const
{
    AuditEntry entry;
    entry.gateway = m_gateway;
    entry.action = m_options.action;
    entry.run = m_runId;
    entry.phase = phase;
    return entry;
}

void BulkDeleter::cancel()
{
    if (!m_running)
        return;
    if (m_cancelRequested || m_verifyClock.isValid()) {
        // Asked again, or while verifying (a gateway that does not answer
        // is retried for verifyTimeoutMs): stop waiting now. What is known
        // is reported; the rest is Unverified.
        if (!m_stopWaiting) {
            m_stopWaiting = true;
            m_report.cancelled = true;
            QTimer::singleShot(0, this, &BulkDeleter::stopVerification);
        }
        return;
    }
    m_cancelRequested = true;
    m_report.cancelled = true;
    // With nothing in flight the answers will not drive the run on (also
    // while a batch's re-read is under way: its answer is ignored).
    if (m_sendStartMs > 0 && m_inFlight == 0 && !m_verifyClock.isValid())
        QTimer::singleShot(0, this, &BulkDeleter::startVerification);
}

void BulkDeleter::stopVerification()
{
    if (!m_running)
        return;
    const QString why = tr("stopped before the gateway confirmed it");
    for (auto &k : m_report.keys) {
        if (!k.sent)
            continue;
        if (k.present == KeyDeleteReport::Presence::Absent) {
            k.outcome = DeleteOutcome::Deleted;
            continue;
        }
        k.outcome = DeleteOutcome::Unverified;
        if (!k.answered)
            k.error = tr("no answer yet when stopped");
        k.error = k.error.isEmpty() ? why : k.error + u"; "_s + why;
    }
    settleUnsent(m_report.verified);
    const QString text = tr("stopped waiting: keys the gateway had not confirmed are unverified");
    m_report.error = m_report.error.isEmpty() ? text : m_report.error + u"; "_s + text;
    m_inFlight = 0;
    if (m_verifyClock.isValid() || !m_report.snapshotPath.isEmpty()) {
        // The snapshot keeps what was sent; whatever is in flight may still
        // be applied, so it counts as sent.
        finishWithSnapshot();
        return;
    }
    finish();
}

void BulkDeleter::settleUnsent(bool verified)
{
    for (auto &k : m_report.keys) {
        if (k.sent)
            continue;
        const bool there = k.present == KeyDeleteReport::Presence::Present;
        switch (k.recheck) {
        case KeyDeleteReport::Recheck::Changed:
            k.outcome = m_options.changed == BulkDeleteOptions::Changed::Skip ? DeleteOutcome::ChangedSincePreview
                                                                               : DeleteOutcome::NotSent;
            break;
        case KeyDeleteReport::Recheck::Gone:
            // Someone else deleted it before its batch; back since then is
            // a group nobody previewed.
            if (verified && there) {
                k.outcome = DeleteOutcome::ChangedSincePreview;
                k.error = tr("gone before its DELETE was sent, and pushed again since");
            } else {
                k.outcome = DeleteOutcome::Deleted;
                k.error = tr("already gone when its DELETE was due (deleted by someone else); not sent");
            }
            break;
        default:
            k.outcome = DeleteOutcome::NotSent;
        }
    }
}

void BulkDeleter::startSending()
{
    m_sendStartMs = std::max<qint64>(1, m_clock.elapsed());
    if (m_audit) {
        AuditEntry entry = auditEntry(u"start"_s);
        entry.snapshot = m_report.snapshotPath;
        for (const auto &key : std::as_const(m_keys))
            entry.keys.append({key.toString(), u"previewed"_s, {}});
        entry.message = tr("deleting %n previewed group(s)", nullptr, int(m_keys.size()));
        writeAudit(entry, AuditSync::NoSync, AuditFailure::StopSending);
    }
    if (m_cancelRequested) {
        startVerification();
        return;
    }
    if (m_options.directHttp && m_client->baseUrl().scheme() == u"http"_s) {
        for (int i = 0; i < m_options.concurrency; ++i)
            m_connections.append(new RawHttpConnection(m_client->baseUrl(), m_client->options().authorization,
                                                       m_client->options().timeoutMs, this));
    } else {
        const int clients = (m_options.concurrency + ConnectionsPerClient - 1) / ConnectionsPerClient;
        for (int i = 1; i < clients; ++i) {
            auto *extra = new GatewayClient(m_client->baseUrl(), this);
            extra->setOptions(m_client->options());
            m_extraClients.append(extra);
        }
    }
    startBatch();
}

void BulkDeleter::startBatch()
{
    if (m_verifyClock.isValid() || m_stopWaiting)
        return;
    if (m_cancelRequested || m_next >= m_keys.size()) {
        startVerification();
        return;
    }
    int size = m_options.batchSize;
    if (size <= 0) {
        // About as many as go out in the time one re-read takes: a run at
        // most doubles, and the window stays about twice a read.
        const double msPerDelete = m_answered > 0 ? std::max(0.01, double(m_pureSendMs) / m_answered) : 0.5;
        size = int(std::clamp<double>(double(m_lastReadMs) / msPerDelete, m_options.minBatchSize,
                                      std::max(m_options.minBatchSize, m_options.maxBatchSize)));
    }
    m_batchEnd = int(std::min<qsizetype>(m_keys.size(), qsizetype(m_next) + size));
    m_batchReadAtMs = m_clock.elapsed();
    // Deleting changed groups anyway needs their content for the snapshot:
    // only the JSON has it.
    if (m_options.changed == BulkDeleteOptions::Changed::Delete) {
        ++m_report.jsonRereads;
        m_client->groups().then(this, [this](const Result<QList<Group>> &groups) { onRecheckJson(groups); });
        return;
    }
    m_client->metricsProtobuf().then(this, [this](const Result<MetricsExposition> &exposition) {
        if (exposition) {
            auto scanned = scanPushTimes(exposition->body, exposition->contentType);
            // Text drops empty-valued labels: not exact enough to tell keys apart.
            if (scanned && scanned->labels == ExposedLabels::Exact) {
                onRecheck(scanned->entries, scanned->labels);
                return;
            }
        }
        // HTTP 500 (colliding keys, a key that is not UTF-8), text, or any
        // other failure: the JSON is exact.
        ++m_report.jsonRereads;
        m_client->groups().then(this, [this](const Result<QList<Group>> &groups) { onRecheckJson(groups); });
    });
}

namespace {

// A key as the protobuf /metrics exposes it (lightrefresh.h): every label,
// instance="" added when it has none; sorted.
LabelPairs exactExposure(const GroupingKey &key, bool addInstance)
{
    LabelPairs labels = key.labels();
    if (addInstance && !key.contains(u"instance"))
        labels.append({u"instance"_s, QString()});
    std::sort(labels.begin(), labels.end());
    return labels;
}

QString timeText(double unixSeconds)
{
    if (unixSeconds <= 0)
        return tr("never");
    return QDateTime::fromMSecsSinceEpoch(qint64(unixSeconds * 1000), Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

void BulkDeleter::onRecheck(const QList<PushTimes> &entries, ExposedLabels)
{
    if (!m_running || m_verifyClock.isValid() || m_stopWaiting)
        return;
    if (m_cancelRequested) { // cancelled while reading: nothing more is sent
        startVerification();
        return;
    }
    m_lastReadMs = m_clock.elapsed() - m_batchReadAtMs;
    QHash<LabelPairs, const PushTimes *> byLabels;
    byLabels.reserve(entries.size());
    for (const PushTimes &entry : entries)
        byLabels.insert(entry.labels, &entry);
    for (int i = m_next; i < m_batchEnd; ++i) {
        const GroupingKey &key = m_keys[i];
        const PushTimes *entry = byLabels.value(exactExposure(key, true));
        if (!entry) // a gateway that does not add instance=""
            entry = byLabels.value(exactExposure(key, false));
        if (!entry) {
            m_report.keys[i].recheck = KeyDeleteReport::Recheck::Gone;
            continue;
        }
        if (!entry->hasPushTime || !entry->hasFailureTime) {
            // Cannot tell: the JSON decides.
            ++m_report.jsonRereads;
            m_client->groups().then(this, [this](const Result<QList<Group>> &groups) { onRecheckJson(groups); });
            return;
        }
        Group now;
        now.pushTime = entry->pushTime;
        now.pushFailureTime = entry->pushFailureTime;
        KeyDeleteReport &k = m_report.keys[i];
        const Group &before = m_previewed[i];
        if (now.pushTime != before.pushTime || now.pushFailureTime != before.pushFailureTime) {
            k.recheck = KeyDeleteReport::Recheck::Changed;
            k.error = now.pushTime != before.pushTime
                ? tr("pushed again since the preview (push time %1, the preview showed %2)")
                      .arg(timeText(now.pushTime), timeText(before.pushTime))
                : tr("a push failed since the preview (failure time %1, the preview showed %2)")
                      .arg(timeText(now.pushFailureTime), timeText(before.pushFailureTime));
        } else {
            k.recheck = KeyDeleteReport::Recheck::Unchanged;
        }
    }
    sendBatch();
}

void BulkDeleter::onRecheckJson(const Result<QList<Group>> &groups)
{
    if (!m_running || m_verifyClock.isValid() || m_stopWaiting)
        return;
    if (m_cancelRequested) {
        startVerification();
        return;
    }
    m_lastReadMs = m_clock.elapsed() - m_batchReadAtMs;
    if (!groups) {
        recheckFailed(groups.errorString());
        return;
    }
    QHash<GroupingKey, const Group *> byKey;
    byKey.reserve(groups->size());
    for (const Group &group : *groups)
        byKey.insert(group.key, &group);
    for (int i = m_next; i < m_batchEnd; ++i) {
        KeyDeleteReport &k = m_report.keys[i];
        const Group *now = byKey.value(m_keys[i]);
        if (!now) {
            k.recheck = KeyDeleteReport::Recheck::Gone;
            continue;
        }
        const Group &before = m_previewed[i];
        if (now->pushTime == before.pushTime && now->pushFailureTime == before.pushFailureTime) {
            k.recheck = KeyDeleteReport::Recheck::Unchanged;
            continue;
        }
        k.recheck = KeyDeleteReport::Recheck::Changed;
        k.error = now->pushTime != before.pushTime
            ? tr("pushed again since the preview (push time %1, the preview showed %2)")
                  .arg(timeText(now->pushTime), timeText(before.pushTime))
            : tr("a push failed since the preview (failure time %1, the preview showed %2)")
                  .arg(timeText(now->pushFailureTime), timeText(before.pushFailureTime));
        if (m_options.changed == BulkDeleteOptions::Changed::Delete) {
            // Deleted anyway: what is deleted is what the snapshot must hold.
            m_previewed[i] = *now;
            m_previewed[i].key = m_keys[i];
            k.error = tr("%1; deleted anyway, the undo snapshot holds its current content").arg(k.error);
            m_snapshotStale = true;
        }
    }
    if (m_snapshotStale && m_store && !m_report.snapshotPath.isEmpty()) {
        rewriteSnapshot(false, [this] { sendBatch(); });
        return;
    }
    sendBatch();
}

void BulkDeleter::recheckFailed(const QString &why)
{
    // Nothing is sent that was not checked: as if the gateway went away.
    m_cancelRequested = true;
    m_report.cancelled = true;
    const QString text = tr("could not re-read the push times before sending, nothing more was sent: %1").arg(why);
    m_report.error = m_report.error.isEmpty() ? text : m_report.error + u"; "_s + text;
    startVerification();
}

bool BulkDeleter::skipped(int index) const
{
    const KeyDeleteReport &k = m_report.keys[index];
    if (k.recheck == KeyDeleteReport::Recheck::Gone)
        return true;
    return k.recheck == KeyDeleteReport::Recheck::Changed && m_options.changed == BulkDeleteOptions::Changed::Skip;
}

void BulkDeleter::sendBatch()
{
    if (!m_running || m_verifyClock.isValid() || m_stopWaiting)
        return;
    ++m_report.batches;
    m_batchSent = false;
    m_batchSendStartMs = m_clock.elapsed();
    const int skippedBefore = m_skippedCount;
    sendMore();
    if (m_skippedCount != skippedBefore)
        Q_EMIT progress(m_answered + m_skippedCount, int(m_keys.size()));
    if (m_inFlight == 0)
        batchDone();
}

void BulkDeleter::batchDone()
{
    m_pureSendMs += m_clock.elapsed() - m_batchSendStartMs;
    if (m_batchSent)
        m_report.maxWindowMs = std::max(m_report.maxWindowMs, m_clock.elapsed() - m_batchReadAtMs);
    m_report.sendMs = m_clock.elapsed() - m_sendStartMs;
    if (m_cancelRequested || m_next >= m_keys.size())
        startVerification();
    else
        startBatch();
}

QList<Group> BulkDeleter::snapshotGroups(bool sendingDone) const
{
    QList<Group> groups;
    for (int i = 0; i < m_keys.size(); ++i) {
        const KeyDeleteReport &k = m_report.keys[i];
        const bool keep = k.sent || (!sendingDone && i >= m_next && !skipped(i));
        if (keep)
            groups.append(m_previewed[i]);
    }
    return groups;
}

void BulkDeleter::rewriteSnapshot(bool sendingDone, std::function<void()> then)
{
    Snapshot snapshot;
    snapshot.created = m_snapshotCreated;
    snapshot.gatewayUrl = m_gateway;
    snapshot.action = m_options.action;
    snapshot.groups = snapshotGroups(sendingDone);
    snapshot.note = tr("before deleting %n group(s)", nullptr, int(snapshot.groups.size()));
    const QString path = m_report.snapshotPath;
    m_snapshotStale = false;
    QtConcurrent::run([snapshot, path] { return snapshot.save(path); })
        .then(this, [this, then = std::move(then)](const Result<Done> &saved) {
            if (!saved) {
                // The old content stays on disk: say so, stop sending.
                const QString text = tr("the undo snapshot could not be written again, nothing more was sent: %1")
                                         .arg(saved.errorString());
                m_report.error = m_report.error.isEmpty() ? text : m_report.error + u"; "_s + text;
                m_cancelRequested = true;
                m_report.cancelled = true;
            }
            then();
        });
}

void BulkDeleter::sendMore()
{
    while (!m_cancelRequested && m_inFlight < m_options.concurrency && m_next < m_batchEnd) {
        const int index = m_next++;
        if (skipped(index)) {
            ++m_skippedCount;
            continue;
        }
        ++m_inFlight;
        m_batchSent = true;
        m_report.keys[index].sent = true;
        if (!m_connections.isEmpty()) {
            // One request per connection, and as many connections as may be
            // in flight: there is always an idle one here.
            auto idle = std::find_if(m_connections.cbegin(), m_connections.cend(),
                                     [](const RawHttpConnection *c) { return !c->busy(); });
            Q_ASSERT(idle != m_connections.cend());
            const QUrl url = m_client->urlFor(m_keys[index].toPath());
            RawHttpConnection::Request request;
            request.method = QByteArrayLiteral("DELETE");
            request.target = url.path(QUrl::FullyEncoded).toLatin1();
            request.where = url.toDisplayString(QUrl::RemoveUserInfo);
            QString where = request.where;
            RawHttpConnection *connection = *idle;
            connection->send(std::move(request),
                             [self = QPointer<BulkDeleter>(this), index, where = std::move(where), connection,
                              sentAuthorization = connection->sendsAuthorization()](const Result<RawHttpConnection::Response> &answer) {
                                 // The connection is idle again when this runs,
                                 // so onAnswer() may send the next request on it.
                                 if (self)
                                     self->onAnswer(index, deleteResult(answer, where, sentAuthorization),
                                                    !answer && connection->requestWritten());
                             });
            continue;
        }
        const int slot = index % (int(m_extraClients.size()) + 1);
        GatewayClient *client = slot == 0 ? m_client : m_extraClients[slot - 1];
        // The answer arrives on this thread; continuing right there (not
        // through a queued call) saves an event per request. QPointer: the
        // deleter may be gone by then.
        client->deleteGroup(m_keys[index]).then([self = QPointer<BulkDeleter>(this), index](const Result<Done> &result) {
            // QNetworkAccessManager does not say whether the request went
            // out: only a timeout is taken as "may have been applied".
            if (self)
                self->onAnswer(index, result, !result && result.error().kind == Error::Timeout);
        });
    }
}

void BulkDeleter::onAnswer(int index, const Result<Done> &result, bool mayHaveReachedGateway)
{
    if (!m_running || m_stopWaiting) // stopped waiting (cancel() twice): the outcome is settled
        return;
    --m_inFlight;
    ++m_answered;
    KeyDeleteReport &k = m_report.keys[index];
    k.answered = true;
    if (result) {
        k.accepted = true;
        m_consecutiveNetworkErrors = 0;
    } else {
        k.error = result.errorString();
        k.uncertain = mayHaveReachedGateway;
        if (isConnectionError(result.error()) && ++m_consecutiveNetworkErrors >= m_options.stopAfterNetworkErrors
            && !m_cancelRequested) {
            m_cancelRequested = true;
            m_report.cancelled = true;
            m_report.error = tr("stopped sending after %n connection failure(s) in a row: %1", nullptr,
                                m_consecutiveNetworkErrors)
                                 .arg(result.errorString());
        } else if (!isConnectionError(result.error())) {
            m_consecutiveNetworkErrors = 0;
        }
    }
    auditAcknowledged(index);
    Q_EMIT progress(m_answered + m_skippedCount, int(m_keys.size()));
    sendMore();
    if (m_inFlight == 0 && (m_next >= m_batchEnd || m_cancelRequested))
        batchDone();
}

void BulkDeleter::auditAcknowledged(int index)
{
    if (!m_audit)
        return;
    const KeyDeleteReport &k = m_report.keys[index];
    AuditEntry entry = auditEntry(u"sent"_s);
    entry.keys.append({k.key.toString(), k.accepted ? u"accepted"_s : u"failed"_s, k.error});
    writeAudit(entry, AuditSync::NoSync, AuditFailure::StopSending);
}

void BulkDeleter::startVerification()
{
    if (m_verifyClock.isValid() || !m_running || m_stopWaiting)
        return;
    m_verifyClock.start();
    // Nothing more is sent: close the keep-alive connections.
    for (auto *connection : std::as_const(m_connections))
        connection->deleteLater();
    m_connections.clear();
    m_report.sendMs = m_clock.elapsed() - m_sendStartMs;
    syncAudit();
    const bool anySent = std::any_of(m_report.keys.cbegin(), m_report.keys.cend(),
                                     [](const KeyDeleteReport &k) { return k.sent; });
    if (!anySent) {
        settleUnsent(false);
        finishWithSnapshot();
        return;
    }
    // The undo snapshot holds exactly what was sent: a group skipped or not
    // sent must not be pushed back over what it holds now.
    if (!m_report.snapshotPath.isEmpty() && snapshotGroups(true).size() != m_previewed.size()) {
        rewriteSnapshot(true, [this] { readForVerification(); });
        return;
    }
    readForVerification();
}

void BulkDeleter::finishWithSnapshot()
{
    if (m_report.snapshotPath.isEmpty()) {
        finish();
        return;
    }
    if (snapshotGroups(true).isEmpty()) {
        // Nothing was sent: there is nothing to undo, and an undo must not
        // find this snapshot.
        QFile::remove(m_report.snapshotPath);
        m_report.snapshotPath.clear();
        finish();
        return;
    }
    if (snapshotGroups(true).size() != m_previewed.size()) {
        rewriteSnapshot(true, [this] { finish(); });
        return;
    }
    finish();
}

void BulkDeleter::readForVerification()
{
    if (!m_running || m_stopWaiting)
        return;
    Q_EMIT verifying(m_report.verifyReads + 1);
    m_client->groups().then(this, [this](const Result<QList<Group>> &result) { onVerificationRead(result); });
}

void BulkDeleter::onVerificationRead(const Result<QList<Group>> &result)
{
    if (!m_running || m_stopWaiting)
        return;
    ++m_report.verifyReads;
    if (!result) {
        // The gateway may be restarting: keep trying with backoff, within
        // the bound, then say plainly that we could not check. Refused
        // credentials or an untrusted certificate will not heal by waiting.
        const Error &e = result.error();
        const bool permanent = e.kind == Error::Tls || (e.kind == Error::Http && (e.httpStatus == 401 || e.httpStatus == 403));
        if (permanent || m_verifyClock.elapsed() + m_failedReadDelayMs > m_options.verifyTimeoutMs) {
            const QString why = permanent ? tr("could not read the gateway to verify: %1").arg(result.errorString())
                                          : tr("could not read the gateway to verify within %1 s: %2")
                                                .arg(m_options.verifyTimeoutMs / 1000.0)
                                                .arg(result.errorString());
            for (auto &k : m_report.keys) {
                if (!k.sent)
                    continue;
                k.outcome = DeleteOutcome::Unverified;
                k.error = k.error.isEmpty() ? why : k.error + u"; "_s + why;
            }
            settleUnsent(m_report.verified);
            if (m_report.error.isEmpty())
                m_report.error = why;
            finish();
            return;
        }
        QTimer::singleShot(m_failedReadDelayMs, this, &BulkDeleter::readForVerification);
        m_failedReadDelayMs = std::min(m_failedReadDelayMs * 2, MaxFailedReadDelayMs);
        return;
    }
    m_failedReadDelayMs = 250;
    m_report.verified = true;

    QHash<GroupingKey, const Group *> present;
    present.reserve(result->size());
    for (const Group &group : *result)
        present.insert(group.key, &group);

    bool acceptedStillPresent = false;
    for (auto &k : m_report.keys) {
        const bool there = present.contains(k.key);
        k.present = there ? KeyDeleteReport::Presence::Present : KeyDeleteReport::Presence::Absent;
        // A request that timed out or lost its connection after it was
        // written may still be applied from the gateway's queue.
        if (there && (k.accepted || k.uncertain))
            acceptedStillPresent = true;
    }
    // Deletes are applied from a queue: an accepted key may still show for a
    // moment. Read again a few times before calling it "still present".
    if (acceptedStillPresent && m_presentReads + 1 < m_options.verifyReads) {
        ++m_presentReads;
        QTimer::singleShot(m_options.verifyDelayMs, this, &BulkDeleter::readForVerification);
        return;
    }

    settleUnsent(true);
    for (qsizetype i = 0; i < m_report.keys.size(); ++i) {
        KeyDeleteReport &k = m_report.keys[i];
        const bool there = k.present == KeyDeleteReport::Presence::Present;
        if (!k.sent) {
            continue; // settleUnsent()
        } else if (!there) {
            k.outcome = DeleteOutcome::Deleted;
            if (!k.accepted && !k.error.isEmpty())
                k.error = tr("the request failed (%1), but the group is gone").arg(k.error);
        } else if (k.accepted) {
            k.outcome = DeleteOutcome::StillPresent;
            const Group *now = present.value(k.key);
            if (now->pushTime > m_previewed[i].pushTime)
                k.error = tr("pushed again since the preview (push time %1)")
                              .arg(QDateTime::fromMSecsSinceEpoch(qint64(now->pushTime * 1000), Qt::UTC).toString(Qt::ISODate));
            else
                k.error = tr("the gateway accepted the delete but still has the group after %n read(s)", nullptr,
                             m_presentReads + 1);
        } else if (k.uncertain) {
            // Not refused: it timed out or lost its connection after it was
            // sent. The gateway may still apply it; only a later read knows.
            k.outcome = DeleteOutcome::Unverified;
            k.error = tr("%1; the group was still there at the last of %n read(s), the gateway may still apply the "
                         "delete", nullptr, m_presentReads + 1)
                          .arg(k.error);
        } else {
            k.outcome = DeleteOutcome::Failed;
        }
    }
    finish();
}

void BulkDeleter::finish()
{
    if (!m_running)
        return;
    if (m_report.dryRun) {
        for (auto &k : m_report.keys)
            k.outcome = DeleteOutcome::NotSent;
    }
    m_report.totalMs = m_clock.elapsed();
    if (m_audit && !m_report.dryRun && m_sendStartMs > 0) {
        AuditEntry entry = auditEntry(u"result"_s);
        entry.snapshot = m_report.snapshotPath;
        entry.keys.reserve(m_report.keys.size());
        for (const auto &k : std::as_const(m_report.keys))
            entry.keys.append({k.key.toString(), deleteOutcomeName(k.outcome), k.error});
        entry.message = m_report.summary();
        entry.error = m_report.error;
        writeAudit(entry, AuditSync::Sync);
    }
    m_running = false;
    m_promise->addResult(m_report);
    m_promise->finish();
    Q_EMIT finished(m_report);
}

} // namespace PushDeck
