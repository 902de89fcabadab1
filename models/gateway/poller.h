#pragma once
// Polls one gateway on an interval: never two requests in flight, a timeout
// per request, exponential backoff with a visible countdown after errors, and
// results tagged by generation so a late answer never overwrites a newer one.

#include "gateway/gatewayclient.h"
#include "format/lightrefresh.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace PushDeck {

class Poller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Poller)
public:
    enum class State { Idle, Fetching, Waiting, BackingOff, Paused };
    Q_ENUM(State)

    explicit Poller(GatewayClient *client, QObject *parent = nullptr);

    GatewayClient *client() const { return m_client; }
    int intervalMs() const { return m_intervalMs; }
    // Light polling (default on): most refreshes read only the push times
    // from gzip-compressed protobuf /metrics (see lightrefresh.h); the exact
    // JSON is read every `fullEvery` polls, when the exposition is ambiguous,
    // shows a new group or cannot be read (HTTP or decode error), and after
    // requestFull().
    bool lightPolling() const { return m_light; }
    void setLightPolling(bool on) { m_light = on; }
    // By default one poll in every FullReadEveryMs of polling reads the JSON:
    // family and series counts of groups nobody looks at may be that old
    // (a group shown in detail is read again as soon as it was pushed), and
    // the light read's one blind spot (a key replaced by one differing only
    // in an empty label) heals then. The JSON is 20-60x the light read, so
    // reading it often would cost more than all light reads together.
    static constexpr int FullReadEveryMs = 10 * 60 * 1000;
    int fullEvery() const { return m_fullEvery > 0 ? m_fullEvery : std::max(1, FullReadEveryMs / std::max(1, m_intervalMs)); }
    void setFullEvery(int polls) { m_fullEvery = std::max(1, polls); }
    // The next refresh reads the full JSON (content needed: detail, operations).
    void requestFull() { m_fullRequested = true; }
    // Reads the full JSON now, whatever is in flight (its answer is dropped),
    // also while paused; the result is announced with refreshed() like any
    // poll and also given to the returned future (an error, or Cancelled
    // when stop() comes first).
    QFuture<Result<QList<Group>>> readFull();
    // Whether the last successful refresh read the full JSON, and when the
    // content (families, series) was last read in full.
    bool lastRefreshWasFull() const { return m_lastWasFull; }
    QDateTime lastFullRead() const { return m_lastFullRead; }
    qint64 lastWireBytes() const { return m_lastWireBytes; }
    void setIntervalMs(int ms);
    bool isPaused() const { return m_paused; }
    State state() const;

    // Time of the last successful refresh (invalid before the first one).
    QDateTime lastSuccess() const { return m_lastSuccess; }
    qint64 lastDurationMs() const { return m_lastDurationMs; }
    // The error of the last refresh; kind None after a success.
    const Error &lastError() const { return m_lastError; }
    int consecutiveFailures() const { return m_failures; }
    // Seconds until the next attempt (the backoff countdown), -1 when none
    // is scheduled.
    int secondsUntilNextAttempt() const;
    quint64 generation() const { return m_generation; }
    const GatewayStatus &gatewayStatus() const { return m_status; }
    bool hasStatus() const { return m_hasStatus; }

public Q_SLOTS:
    void start();         // first refresh now, then on the interval
    void refreshNow();    // ignored while a request is in flight
    void pause();
    void resume();
    void stop();

Q_SIGNALS:
    // A fresh, complete snapshot of every group. `now` is the local wall
    // clock when the answer arrived (unix seconds).
    void refreshed(const QList<Group> &groups, double now);
    void refreshFailed(const Error &error);
    void statusChanged(const GatewayStatus &status);
    void stateChanged();

private:
    void fetch();
    void fetchFull(quint64 generation);
    void fetchLight(quint64 generation);
    void scheduleNext(int delayMs);
    void onGroups(quint64 generation, Result<QList<Group>> result, bool full);
    void resolvePendingReads(const Result<QList<Group>> &result);

    QPointer<GatewayClient> m_client;
    QTimer m_timer;
    int m_intervalMs = 10000;
    bool m_paused = false;
    bool m_running = false;
    bool m_inFlight = false;
    bool m_hasStatus = false;
    quint64 m_generation = 0;
    int m_failures = 0;
    qint64 m_startedAt = 0;
    qint64 m_lastDurationMs = 0;
    qint64 m_nextAttemptAt = 0;
    bool m_light = true;
    bool m_fullRequested = false;
    bool m_lastWasFull = false;
    int m_fullEvery = 0; // 0: derived from the interval (FullReadEveryMs)
    int m_pollsSinceFull = 0;
    // After a light read failed where the JSON may not: full reads only for
    // this many polls, then the light read is tried again.
    static constexpr int LightPauseAfterFailure = 10;
    int m_lightPausedPolls = 0;
    qint64 m_lastWireBytes = 0;
    QList<std::shared_ptr<QPromise<Result<QList<Group>>>>> m_pendingReads; // readFull() callers
    QList<Group> m_lastFull;
    bool m_haveFull = false;
    QDateTime m_lastFullRead;
    QDateTime m_lastSuccess;
    Error m_lastError;
    GatewayStatus m_status;
};

} // namespace PushDeck
