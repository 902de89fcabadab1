#include "views/operations/auditlogdock.h"

#include "views/common/actionicons.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// A log with many bulk runs has millions of lines; people read the newest.
constexpr int MaxShownEntries = 5000;

struct ReadResult
{
    Result<QList<AuditEntry>> entries;
    int skipped = 0;
};

bool isProblem(const QString &outcome)
{
    return outcome == u"failed"_s || outcome == u"still-present"_s || outcome == u"unverified"_s
        || outcome == u"rejected"_s;
}

} // namespace

AuditLogDock::AuditLogDock(const QString &logPath, QWidget *parent)
    : QDockWidget(tr("Audit log"), parent)
    , m_path(logPath)
{
    setObjectName(u"auditLogDock"_s);
    setWindowIcon(ActionIcons::icon(u"audit-log"_s));
    auto *content = new QWidget(this);

    m_refreshButton = new QPushButton(ActionIcons::icon(u"refresh"_s), tr("Refresh"), content);
    m_refreshButton->setObjectName(u"auditRefreshButton"_s);
    connect(m_refreshButton, &QPushButton::clicked, this, &AuditLogDock::refresh);
    m_exportButton = new QPushButton(QIcon::fromTheme(u"document-save-as"_s, style()->standardIcon(QStyle::SP_DialogSaveButton)),
                                     tr("Export…"), content);
    m_exportButton->setObjectName(u"auditExportButton"_s);
    m_exportButton->setToolTip(tr("Save a copy of the whole log (JSON lines)"));
    connect(m_exportButton, &QPushButton::clicked, this, &AuditLogDock::exportClicked);
    m_requestsCheck = new QCheckBox(tr("Every request"), content);
    m_requestsCheck->setObjectName(u"auditRequestsCheck"_s);
    m_requestsCheck->setToolTip(tr("Also show the entry written as each DELETE of a bulk run was answered"));
    connect(m_requestsCheck, &QCheckBox::toggled, this, &AuditLogDock::setShowRequests);
    m_status = new QLabel(content);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, ColumnCount, content);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Gateway"), tr("Action"), tr("Keys"), tr("Outcome")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(GatewayColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KeysColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(OutcomeColumn, QHeaderView::Interactive);
    header->resizeSection(GatewayColumn, 170);
    header->resizeSection(OutcomeColumn, 220);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AuditLogDock::showDetail);

    m_detail = new QPlainTextEdit(content);
    m_detail->setObjectName(u"auditDetail"_s);
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select an entry to see every key and its outcome."));
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_refreshButton);
    bar->addWidget(m_exportButton);
    bar->addWidget(m_requestsCheck);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    setWidget(content);
}

AuditLogDock::~AuditLogDock() = default;

void AuditLogDock::refresh()
{
    const quint64 generation = ++m_generation;
    m_refreshButton->setEnabled(false);
    m_status->setText(tr("Reading…"));
    const QString path = m_path;
    QtConcurrent::run([path] {
        ReadResult out;
        out.entries = AuditLog(path).read(&out.skipped);
        return out;
    }).then(this, [this, generation](const ReadResult &read) {
        if (generation != m_generation)
            return;
        m_refreshButton->setEnabled(true);
        if (!read.entries) {
            m_all.clear();
            fill();
            m_status->setText(read.entries.errorString());
            Q_EMIT refreshed(0);
            return;
        }
        m_all = *read.entries;
        fill();
        QString status = tr("%n entry(ies)", nullptr, int(m_shown.size()));
        if (read.skipped > 0)
            status += u", "_s + tr("%n unreadable line(s) skipped", nullptr, read.skipped);
        m_status->setText(status);
        Q_EMIT refreshed(int(m_shown.size()));
    });
}

void AuditLogDock::setShowRequests(bool show)
{
    if (m_requestsCheck->isChecked() != show)
        m_requestsCheck->setChecked(show); // comes back here through toggled
    if (m_showRequests == show)
        return;
    m_showRequests = show;
    fill();
}

QString AuditLogDock::statusText() const
{
    return m_status->text();
}

QString AuditLogDock::outcomeSummary(const AuditEntry &entry)
{
    if (!entry.error.isEmpty() && entry.keys.isEmpty())
        return entry.error;
    QMap<QString, int> counts;
    for (const auto &k : entry.keys)
        ++counts[k.outcome.isEmpty() ? u"?"_s : k.outcome];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(QString::number(it.value()) + u' ' + it.key());
    QString text = parts.join(u", "_s);
    if (entry.dryRun)
        text = tr("dry run: ") + text;
    if (!entry.error.isEmpty())
        text += u" — "_s + entry.error;
    return text;
}

void AuditLogDock::fill()
{
    // Runs that wrote a result: their start entry adds nothing. A start
    // without a result is a run that was interrupted and must stay visible.
    QSet<QString> finishedRuns;
    for (const auto &e : std::as_const(m_all)) {
        if (e.phase == u"result"_s && !e.run.isEmpty())
            finishedRuns.insert(e.run);
    }
    m_shown.clear();
    for (auto it = m_all.crbegin(); it != m_all.crend() && m_shown.size() < MaxShownEntries; ++it) {
        const AuditEntry &e = *it;
        if (!m_showRequests) {
            if (e.phase == u"sent"_s)
                continue;
            if (e.phase == u"start"_s && finishedRuns.contains(e.run))
                continue;
        }
        m_shown.append(e);
    }

    m_table->setRowCount(int(m_shown.size()));
    const QColor problemTint = [this] {
        QColor c(0xc0, 0x1c, 0x28);
        c.setAlpha(palette().color(QPalette::Base).lightness() > 128 ? 40 : 90);
        return c;
    }();
    for (int row = 0; row < m_shown.size(); ++row) {
        const AuditEntry &e = m_shown[row];
        QStringList keyTexts;
        bool problem = !e.error.isEmpty();
        for (const auto &k : e.keys) {
            if (keyTexts.size() < 3)
                keyTexts.append(k.key);
            problem = problem || isProblem(k.outcome);
        }
        QString keys = keyTexts.join(u", "_s);
        if (e.keys.size() > 3)
            keys = tr("%n key(s): ", nullptr, int(e.keys.size())) + keys + u", …"_s;
        QString action = e.action;
        if (e.phase == u"start"_s)
            action += u' ' + tr("(started, no result recorded)");
        else if (e.phase == u"sent"_s)
            action += u' ' + tr("(request)");
        const QStringList cells = {
            e.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
            e.gateway,
            action,
            keys,
            outcomeSummary(e),
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(column == OutcomeColumn && !e.message.isEmpty() ? e.message : cells[column]);
            if (problem)
                item->setBackground(problemTint);
            m_table->setItem(row, column, item);
        }
        if (e.phase == u"start"_s)
            m_table->item(row, ActionColumn)->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    m_detail->clear();
}

void AuditLogDock::showDetail()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_shown.size()) {
        m_detail->clear();
        return;
    }
    const AuditEntry &e = m_shown[rows.first().row()];
    QStringList lines;
    lines << tr("time:     %1 (%2 UTC)").arg(e.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s),
                                              e.time.toUTC().toString(u"HH:mm:ss.zzz"_s));
    lines << tr("gateway:  %1").arg(e.gateway);
    lines << tr("action:   %1%2").arg(e.action, e.dryRun ? tr(" (dry run)") : QString());
    if (!e.run.isEmpty())
        lines << tr("run:      %1 (%2)").arg(e.run, e.phase);
    if (!e.snapshot.isEmpty())
        lines << tr("snapshot: %1").arg(e.snapshot);
    if (!e.message.isEmpty())
        lines << tr("message:  %1").arg(e.message);
    if (!e.error.isEmpty())
        lines << tr("error:    %1").arg(e.error);
    lines << QString();
    for (const auto &k : e.keys)
        lines << k.outcome.leftJustified(14) + u' ' + k.key + (k.error.isEmpty() ? QString() : u"  — "_s + k.error);
    m_detail->setPlainText(lines.join(u'\n'));
}

Result<Done> AuditLogDock::exportTo(const QString &targetFile) const
{
    return AuditLog(m_path).exportTo(targetFile);
}

void AuditLogDock::exportClicked()
{
    const QString target = QFileDialog::getSaveFileName(this, tr("Export the audit log"), u"pushdeck-audit.jsonl"_s,
                                                        tr("JSON lines (*.jsonl);;All files (*)"));
    if (target.isEmpty())
        return;
    const auto exported = exportTo(target);
    m_status->setText(exported ? tr("Exported to %1").arg(target) : exported.errorString());
}

} // namespace PushDeck
