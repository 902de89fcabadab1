#pragma once
// Runs one BulkDeleter and shows it: progress with a Cancel button while the
// DELETEs go out and the gateway is re-read, then the outcome of every
// previewed key (deleted, still present, failed, not sent, unverified). The
// delete dialog and the prune wizard both end here, so both report alike.

#include "operations/bulkdeleter.h"
#include "staleness/pruneselection.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace PushDeck {

class GatewaySession;
class OperationKeyTable;

class BulkDeleteView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkDeleteView)
public:
    explicit BulkDeleteView(QWidget *parent = nullptr);
    ~BulkDeleteView() override;

    // Deletes exactly the previewed candidates' groups on the session
    // (returns at once). The run belongs to the session: it goes on, and is
    // audited to its end, if this view goes.
    void start(GatewaySession *session, const QList<PruneCandidate> &previewed, const BulkDeleteOptions &options);
    // Stops sending; requests in flight finish, then the gateway is re-read
    // and every key still gets an outcome. While verifying, or a second
    // time ("Stop waiting"): stops waiting for a gateway that does not
    // answer; unconfirmed keys are unverified. The button is never disabled
    // while a run can still wait.
    void cancel();

    bool isRunning() const { return m_running; }
    bool hasFinished() const { return m_finished; }
    const BulkDeleteReport &report() const { return m_report; }

    // For tests and screenshots.
    OperationKeyTable *table() const { return m_table; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_bar; }
    QString statusText() const;
    QString summaryText() const;

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const BulkDeleteReport &report);

private:
    void showStopWaiting();
    void onProgress(int done, int total);
    void onVerifying(int attempt);
    void onFinished(const BulkDeleteReport &report);

    QPointer<BulkDeleter> m_deleter;
    BulkDeleteReport m_report;
    bool m_running = false;
    bool m_verifying = false;
    bool m_finished = false;
    bool m_dryRun = false;

    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_summary = nullptr;
    OperationKeyTable *m_table = nullptr;
};

} // namespace PushDeck
