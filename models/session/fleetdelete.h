#pragma once
// Deleting on several gateways at once, as the window's Fleet tab and
// `pushdeckctl delete|prune` with several --gateway do it: one BulkDeleter
// per gateway, started on that gateway's session and all running at the
// same time, so a gateway that goes away only fails its own keys. Each
// gateway gets its own undo snapshot and audit entries (its session's).

#include "operations/bulkdeleter.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QPromise>

#include <memory>

namespace PushDeck {

class GatewaySession;

class FleetDelete final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetDelete)
public:
    struct Part
    {
        QPointer<GatewaySession> session; // gone (tab closed): its keys are reported not sent
        QList<Group> groups;              // exactly what was previewed on that gateway
    };

    FleetDelete(QList<Part> parts, const BulkDeleteOptions &options, QObject *parent = nullptr);
    ~FleetDelete() override;

    // Starts every part (returns at once). The future gets one report per
    // part with groups, by part index, once every part has finished.
    QFuture<QHash<int, BulkDeleteReport>> start();
    // Stops sending everywhere; requests in flight finish, then every
    // gateway is re-read.
    void cancel();
    bool isRunning() const { return m_running > 0; }
    const QHash<int, BulkDeleteReport> &reports() const { return m_reports; }
    int total() const;

Q_SIGNALS:
    void progress(int done, int total);       // answered requests, over all gateways
    void partVerifying(int part);
    void partFinished(int part, const BulkDeleteReport &report);
    void finished(const QHash<int, BulkDeleteReport> &reports);

private:
    void onPartFinished(int part, const BulkDeleteReport &report);

    QList<Part> m_parts;
    BulkDeleteOptions m_options;
    QHash<int, QPointer<BulkDeleter>> m_deleters;
    QHash<int, int> m_done;
    QHash<int, BulkDeleteReport> m_reports;
    std::shared_ptr<QPromise<QHash<int, BulkDeleteReport>>> m_promise;
    int m_running = 0;
    bool m_started = false;
};

} // namespace PushDeck
