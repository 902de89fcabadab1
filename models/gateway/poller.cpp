#include "gateway/poller.h"

#include <QDateTime>

#include <algorithm>

namespace PushDeck {

namespace {
constexpr int MaxBackoffMs = 5 * 60 * 1000;
constexpr int StatusEvery = 30; // re-read /api/v1/status every N polls (version, admin API)
}

Poller::Poller(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Poller::fetch);
}

void Poller::setIntervalMs(int ms)
{
    m_intervalMs = std::max(ms, 250);
    if (m_running && !m_paused && !m_inFlight && m_failures == 0)
        scheduleNext(m_intervalMs);
    Q_EMIT stateChanged();
}

Poller::State Poller::state() const
{
    if (m_paused)
        return State::Paused;
    if (m_inFlight)
        return State::Fetching;
    if (!m_running)
        return State::Idle;
    return m_failures > 0 ? State::BackingOff : State::Waiting;
}

int Poller::secondsUntilNextAttempt() const
{
    if (!m_timer.isActive())
        return -1;
    const qint64 ms = m_nextAttemptAt - QDateTime::currentMSecsSinceEpoch();
    return int(std::max<qint64>(0, (ms + 999) / 1000));
}

void Poller::start()
{
    m_running = true;
    m_paused = false;
    fetch();
}

void Poller::stop()
{
    m_running = false;
    m_timer.stop();
    ++m_generation; // whatever is in flight is dropped on arrival
    m_inFlight = false;
    for (const auto &promise : std::exchange(m_pendingReads, {})) {
        promise->addResult(Result<QList<Group>>());
        promise->finish();
    }
    Q_EMIT stateChanged();
}

QFuture<Result<QList<Group>>> Poller::readFull()
{
    auto promise = std::make_shared<QPromise<Result<QList<Group>>>>();
    promise->start();
    m_pendingReads.append(promise);
    m_fullRequested = true;
    if (m_inFlight) {
        ++m_generation; // the answer in flight may predate what the caller wants to see
        m_inFlight = false;
    }
    fetch();
    return promise->future();
}

void Poller::refreshNow()
{
    if (m_inFlight)
        return;
    m_running = true;
    fetch();
}

void Poller::pause()
{
    m_paused = true;
    m_timer.stop();
    Q_EMIT stateChanged();
}

void Poller::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_running = true;
    if (!m_inFlight)
        fetch();
    Q_EMIT stateChanged();
}

void Poller::scheduleNext(int delayMs)
{
    m_nextAttemptAt = QDateTime::currentMSecsSinceEpoch() + delayMs;
    m_timer.start(delayMs);
}

void Poller::fetch()
{
    if (m_inFlight || !m_client)
        return;
    m_timer.stop();
    m_inFlight = true;
    const quint64 generation = ++m_generation;
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT stateChanged();

    if (!m_hasStatus || generation % StatusEvery == 0) {
        m_client->status().then(this, [this](Result<GatewayStatus> status) {
            if (!status)
                return; // the groups request reports the failure
            m_status = status.value();
            m_hasStatus = true;
            Q_EMIT statusChanged(m_status);
        });
    }
    const bool full = !m_light || !m_haveFull || m_fullRequested || m_pollsSinceFull + 1 >= fullEvery()
                      || m_lightPausedPolls > 0;
    if (m_lightPausedPolls > 0)
        --m_lightPausedPolls;
    if (full)
        fetchFull(generation);
    else
        fetchLight(generation);
}

void Poller::fetchFull(quint64 generation)
{
    m_fullRequested = false;
    // Unchanged content shares the previous read's lists, found off the UI
    // thread, so that the merge into the models compares pointers.
    m_client->groups()
        .then(QtFuture::Launch::Async,
              [previous = m_lastFull](Result<QList<Group>> result) {
                  if (result)
                      shareUnchanged(result.value(), previous);
                  return result;
              })
        .then(this, [this, generation](Result<QList<Group>> result) {
            onGroups(generation, std::move(result), true);
        });
}

void Poller::fetchLight(quint64 generation)
{
    // Scanning the exposition and mapping 10k keys: off the UI thread.
    const QList<Group> lastFull = m_lastFull;
    m_client->metricsProtobuf()
        .then(QtFuture::Launch::Async,
              [lastFull](Result<MetricsExposition> exposition) -> std::pair<Result<LightMerge>, qint64> {
                  if (!exposition)
                      return {exposition.error(), 0};
                  const auto scanned = scanPushTimes(exposition->body, exposition->contentType);
                  if (!scanned)
                      return {scanned.error(), exposition->wireBytes};
                  return {mergePushTimes(lastFull, scanned->entries, scanned->labels), exposition->wireBytes};
              })
        .then(this, [this, generation](std::pair<Result<LightMerge>, qint64> answer) {
            if (generation != m_generation)
                return;
            auto &[merge, wireBytes] = answer;
            if (!merge) {
                // The gateway answers /metrics with HTTP 500 while
                // {job="a"} and {job="a",instance=""} both exist, and an
                // unreadable answer may be a proxy's doing; the JSON API
                // still tells the truth. Network failures are not retried.
                const Error::Kind kind = merge.error().kind;
                if (kind == Error::Http || kind == Error::Decode || kind == Error::Parse) {
                    m_lightPausedPolls = LightPauseAfterFailure; // don't pay for both every poll
                    fetchFull(generation);
                    return;
                }
                onGroups(generation, merge.error(), false);
                return;
            }
            if (merge->needFull) {
                fetchFull(generation); // still the same refresh, still in flight
                return;
            }
            m_lastWireBytes = wireBytes;
            onGroups(generation, std::move(merge.value().groups), false);
        });
}

void Poller::onGroups(quint64 generation, Result<QList<Group>> result, bool full)
{
    if (generation != m_generation)
        return; // stopped or superseded meanwhile
    m_inFlight = false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_lastDurationMs = now - m_startedAt;
    if (result) {
        m_failures = 0;
        m_lastError = Error{};
        m_lastSuccess = QDateTime::currentDateTime();
        m_lastWasFull = full;
        if (full) {
            m_lastFull = result.value();
            m_haveFull = true;
            m_pollsSinceFull = 0;
            m_lastFullRead = m_lastSuccess;
        } else {
            ++m_pollsSinceFull;
        }
        if (m_running && !m_paused)
            scheduleNext(m_intervalMs);
        Q_EMIT refreshed(result.value(), now / 1000.0);
        if (full)
            resolvePendingReads(result);
    } else {
        ++m_failures;
        m_lastError = result.error();
        if (m_running && !m_paused) {
            // interval, 2×, 4×, ... capped: a struggling gateway gets room.
            const qint64 backoff = qint64(m_intervalMs) << std::min(m_failures - 1, 10);
            scheduleNext(int(std::min<qint64>(backoff, MaxBackoffMs)));
        }
        Q_EMIT refreshFailed(m_lastError);
        resolvePendingReads(result);
    }
    Q_EMIT stateChanged();
}

void Poller::resolvePendingReads(const Result<QList<Group>> &result)
{
    for (const auto &promise : std::exchange(m_pendingReads, {})) {
        promise->addResult(result);
        promise->finish();
    }
}

} // namespace PushDeck
