#pragma once
// The audit log in a dock: every mutating action PushDeck performed (time,
// gateway, action, keys, outcome), newest first, read from the JSON-lines
// file off the UI thread; details of the selected entry below; refresh and
// export to a file.

#include "operations/auditlog.h"

#include <QDockWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace PushDeck {

class AuditLogDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogDock)
public:
    enum Column { TimeColumn, GatewayColumn, ActionColumn, KeysColumn, OutcomeColumn, ColumnCount };

    // `logPath`: the audit log file (AuditLog::filePath()); it may not exist yet.
    explicit AuditLogDock(const QString &logPath, QWidget *parent = nullptr);
    ~AuditLogDock() override;

    QString logPath() const { return m_path; }
    // Re-reads the file (asynchronously; refreshed() follows).
    void refresh();
    // Entries as shown: newest first; without the per-request "sent"
    // entries unless showRequests is on.
    const QList<AuditEntry> &entries() const { return m_shown; }
    // Per-request entries of bulk runs (one per DELETE) are hidden by default.
    void setShowRequests(bool show);
    // Copies the log file to `targetFile`.
    Result<Done> exportTo(const QString &targetFile) const;

    // One line for the outcome column: "2 deleted, 1 failed" or the error.
    static QString outcomeSummary(const AuditEntry &entry);

    // For tests and screenshots.
    QTableWidget *table() const { return m_table; }
    QPlainTextEdit *detailView() const { return m_detail; }
    QString statusText() const;

Q_SIGNALS:
    void refreshed(int shownEntries);

private:
    void fill();
    void showDetail();
    void exportClicked();

    QString m_path;
    QList<AuditEntry> m_all;
    QList<AuditEntry> m_shown;
    bool m_showRequests = false;
    quint64 m_generation = 0;

    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_requestsCheck = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_exportButton = nullptr;
};

} // namespace PushDeck
