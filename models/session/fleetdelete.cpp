#include "session/fleetdelete.h"

#include "session/gatewaysession.h"

#include <QCoreApplication>
#include <QTimer>

namespace PushDeck {

FleetDelete::FleetDelete(QList<Part> parts, const BulkDeleteOptions &options, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts))
    , m_options(options)
    , m_promise(std::make_shared<QPromise<QHash<int, BulkDeleteReport>>>())
{
}

FleetDelete::~FleetDelete()
{
    if (!m_promise->future().isFinished()) {
        m_promise->addResult(m_reports);
        m_promise->finish();
    }
}

int FleetDelete::total() const
{
    int total = 0;
    for (const Part &part : m_parts)
        total += int(part.groups.size());
    return total;
}

QFuture<QHash<int, BulkDeleteReport>> FleetDelete::start()
{
    if (m_started)
        return m_promise->future();
    m_started = true;
    m_promise->start();
    for (int i = 0; i < m_parts.size(); ++i) {
        const Part &part = m_parts.at(i);
        if (part.groups.isEmpty())
            continue;
        if (!part.session) {
            BulkDeleteReport report;
            report.dryRun = m_options.dryRun;
            report.error = QCoreApplication::translate("FleetDelete", "the gateway was closed before the delete started");
            for (const Group &group : part.groups) {
                KeyDeleteReport key;
                key.key = group.key;
                key.error = report.error;
                report.keys.append(key);
            }
            m_reports.insert(i, report);
            continue;
        }
        BulkDeleter *deleter = part.session->startBulkDelete(part.groups, m_options);
        connect(deleter, &BulkDeleter::progress, this, [this, i](int done, int) {
            m_done[i] = done;
            int sum = 0;
            for (int value : std::as_const(m_done))
                sum += value;
            Q_EMIT progress(sum, total());
        });
        connect(deleter, &BulkDeleter::verifying, this, [this, i](int) { Q_EMIT partVerifying(i); });
        connect(deleter, &BulkDeleter::finished, this, [this, i](const BulkDeleteReport &report) { onPartFinished(i, report); });
        m_deleters.insert(i, deleter);
        ++m_running;
    }
    // Reports of parts that could not start go out after the caller connected.
    for (auto it = m_reports.cbegin(); it != m_reports.cend(); ++it) {
        const int part = it.key();
        const BulkDeleteReport report = it.value();
        QTimer::singleShot(0, this, [this, part, report] { Q_EMIT partFinished(part, report); });
    }
    if (m_running == 0) {
        QTimer::singleShot(0, this, [this] {
            m_promise->addResult(m_reports);
            m_promise->finish();
            Q_EMIT finished(m_reports);
        });
    }
    return m_promise->future();
}

void FleetDelete::cancel()
{
    for (const QPointer<BulkDeleter> &deleter : std::as_const(m_deleters)) {
        if (deleter)
            deleter->cancel();
    }
}

void FleetDelete::onPartFinished(int part, const BulkDeleteReport &report)
{
    m_reports.insert(part, report);
    --m_running;
    Q_EMIT partFinished(part, report);
    if (m_running == 0) {
        m_promise->addResult(m_reports);
        m_promise->finish();
        Q_EMIT finished(m_reports);
    }
}

} // namespace PushDeck
