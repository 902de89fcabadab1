#include "views/operations/bulkdeleteview.h"

#include "session/gatewaysession.h"

#include "views/operations/operationkeytable.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

BulkDeleteView::BulkDeleteView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"bulkDeleteView"_s);
    m_status = new QLabel(this);
    m_status->setObjectName(u"bulkDeleteStatus"_s);
    m_status->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"bulkDeleteProgress"_s);
    m_bar->setTextVisible(true);
    m_cancel = new QPushButton(tr("Stop sending"), this);
    m_cancel->setObjectName(u"bulkDeleteCancel"_s);
    m_cancel->setToolTip(tr("Stop sending DELETE requests. Requests already sent finish, then the gateway is "
                            "re-read so every key still gets an accurate outcome."));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    connect(m_cancel, &QPushButton::clicked, this, &BulkDeleteView::cancel);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"bulkDeleteSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_table = new OperationKeyTable(this);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_bar, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    m_summary->hide();
}

// The deleter is the session's: it runs to its end (snapshot, audit,
// verification) whether or not this view still shows it.
BulkDeleteView::~BulkDeleteView() = default;

void BulkDeleteView::start(GatewaySession *session, const QList<PruneCandidate> &previewed, const BulkDeleteOptions &options)
{
    if (m_running || !session)
        return;
    const bool snapshots = session->snapshotStore() != nullptr;
    m_running = true;
    m_finished = false;
    m_dryRun = options.dryRun;
    m_report = {};
    m_table->setCandidates(previewed);
    m_summary->hide();
    m_verifying = false;
    m_cancel->setText(tr("Stop sending"));
    m_cancel->setEnabled(!options.dryRun);
    m_cancel->setVisible(true);
    m_bar->setRange(0, std::max<int>(1, int(previewed.size())));
    m_bar->setValue(0);
    m_bar->setFormat(tr("%v of %m answered"));
    m_status->setText(options.dryRun ? tr("Dry run: nothing is sent.")
                      : snapshots  ? tr("Writing the undo snapshot, then deleting %n group(s), %1 at a time…", nullptr,
                                        int(previewed.size()))
                                         .arg(options.concurrency)
                                   : tr("Deleting %n group(s), %1 at a time…", nullptr, int(previewed.size()))
                                         .arg(options.concurrency));

    m_deleter = session->startBulkDelete(groupsOf(previewed), options);
    connect(m_deleter, &BulkDeleter::progress, this, &BulkDeleteView::onProgress);
    connect(m_deleter, &BulkDeleter::verifying, this, &BulkDeleteView::onVerifying);
    connect(m_deleter, &BulkDeleter::finished, this, &BulkDeleteView::onFinished);
}

void BulkDeleteView::cancel()
{
    if (!m_running || !m_deleter)
        return;
    // Stop always works: the first click stops sending (what was sent is
    // verified), a click while verifying or a second click stops waiting for
    // a gateway that does not answer (unconfirmed keys are unverified).
    const bool stopWaiting = m_deleter->report().cancelled || m_verifying;
    m_deleter->cancel();
    if (stopWaiting) {
        m_cancel->setEnabled(false);
        m_status->setText(tr("Stopping: keys the gateway has not confirmed are reported unverified…"));
        return;
    }
    showStopWaiting();
    m_status->setText(tr("Stopping: requests already sent finish, then the gateway is re-read to check every key…"));
}

void BulkDeleteView::showStopWaiting()
{
    m_cancel->setText(tr("Stop waiting"));
    m_cancel->setToolTip(tr("Stop waiting for the gateway: keys it has not confirmed deleted are reported "
                            "unverified. The audit log and the undo snapshot stay complete."));
}

QString BulkDeleteView::statusText() const
{
    return m_status->text();
}

QString BulkDeleteView::summaryText() const
{
    return m_summary->text();
}

void BulkDeleteView::onProgress(int done, int total)
{
    m_bar->setRange(0, std::max(1, total));
    m_bar->setValue(done);
    if (m_deleter && !m_deleter->report().cancelled)
        m_status->setText(tr("Deleting: %1 of %2 requests answered…").arg(done).arg(total));
    Q_EMIT progress(done, total);
}

void BulkDeleteView::onVerifying(int attempt)
{
    m_verifying = true;
    if (!m_dryRun)
        showStopWaiting();
    m_status->setText(attempt <= 1 ? tr("Verifying: reading the gateway back…")
                                   : tr("Verifying: reading the gateway back (read %1; the gateway applies deletes "
                                        "from a queue)…")
                                         .arg(attempt));
}

void BulkDeleteView::onFinished(const BulkDeleteReport &report)
{
    m_report = report;
    m_running = false;
    m_finished = true;
    m_cancel->setEnabled(false);
    m_cancel->setVisible(false);
    // The bar keeps what was really sent: a stopped run does not look complete.
    const int sent = int(std::count_if(report.keys.cbegin(), report.keys.cend(), [](const KeyDeleteReport &k) { return k.sent; }));
    m_bar->setRange(0, std::max<int>(1, int(report.keys.size())));
    m_bar->setValue(sent);
    const int unverified = report.count(DeleteOutcome::Unverified);
    m_bar->setFormat(report.dryRun   ? tr("nothing sent (dry run)")
                     : unverified > 0 ? tr("%1 of %2 sent, %3 unconfirmed").arg(sent).arg(report.keys.size()).arg(unverified)
                                      : tr("%1 of %2 sent, verified").arg(sent).arg(report.keys.size()));
    m_table->setReport(report);

    QString status;
    if (report.dryRun)
        status = tr("Dry run finished: nothing was sent. These groups would be deleted.");
    else if (report.cancelled && unverified > 0)
        status = tr("Stopped waiting: %n key(s) the gateway did not confirm are unverified (they may be deleted "
                    "or not); the rest below have been checked.", nullptr, unverified);
    else if (report.cancelled)
        status = tr("Stopped. Every key below has been checked against the gateway.");
    else if (report.allDeleted())
        status = tr("Finished: every group was deleted and verified gone.");
    else
        status = tr("Finished with problems: see the outcome of each key below.");
    if (!report.snapshotPath.isEmpty())
        status += u' ' + tr("Undo snapshot: %1").arg(report.snapshotPath);
    m_status->setText(status);
    m_summary->setText(report.summary());
    m_summary->show();
    // Problems stand out: failed/still present/unverified in red.
    const bool problems = !report.dryRun
        && (report.count(DeleteOutcome::Failed) || report.count(DeleteOutcome::StillPresent)
            || report.count(DeleteOutcome::Unverified) || !report.error.isEmpty());
    QPalette palette = m_summary->palette();
    palette.setColor(QPalette::WindowText, problems ? QColor(0xc0, 0x1c, 0x28) : this->palette().color(QPalette::WindowText));
    m_summary->setPalette(palette);
    Q_EMIT finished(report);
}

} // namespace PushDeck
