#pragma once
// Deleting groups on several gateways at once, previewed first: the selected
// groups of the fleet table, every group matching a selector, or a prune by
// state and age. The preview lists every group with its gateway (and counts
// per gateway); Delete then runs one BulkDeleter per gateway, all at the same
// time, so one slow or dead gateway never holds up the others. Each gateway
// gets its own undo snapshot and audit entries, exactly as a delete on its
// tab would; only the previewed keys are ever sent.

#include "operations/bulkdeleter.h"
#include "session/fleetdelete.h"
#include "session/gatewaysession.h"
#include "staleness/pruneselection.h"
#include "staleness/stalenesspolicy.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace PushDeck {

class GroupTableModel;

// One gateway as the dialog sees it.
struct FleetTarget
{
    QString name;            // host:port/prefix, as tabs and the fleet table show it
    QPointer<GatewaySession> session; // judges states (its policy, its clock) and runs the delete
    QList<Group> groups;     // Selection: the groups to delete; otherwise every group of the last poll
    const GroupTableModel *model = nullptr; // its groups table (to tell selected rows apart)
};

class FleetDeleteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetDeleteDialog)
public:
    enum class Mode { Selection, Matcher, Prune };
    enum Column { GatewayColumn, KeyColumn, AgeColumn, StateColumn, OutcomeColumn, DetailColumn, ColumnCount };

    // Each target's states and ages are its session's.
    FleetDeleteDialog(Mode mode, const QList<FleetTarget> &targets, QWidget *parent = nullptr);
    ~FleetDeleteDialog() override;

    Mode mode() const { return m_mode; }
    void setBulkOptions(const BulkDeleteOptions &options) { m_options = options; }

    // Matcher and prune mode: a selector over the key's labels plus the
    // pseudo-label __gateway__ (the gateway's name).
    void setMatcherText(const QString &text);
    // Prune mode: states to prune and the minimum age (0: any age).
    void setPruneCriteria(const QSet<Staleness> &states, double minAgeSeconds);

    struct PreviewRow
    {
        int target = -1;         // index into the targets
        PruneCandidate candidate;
    };
    // Exactly what Delete would delete now, gateway by gateway.
    const QList<PreviewRow> &preview() const { return m_preview; }
    QList<Group> previewFor(int target) const;
    QString problem() const { return m_problem; }
    void startDelete();

    bool isRunning() const { return m_run && m_run->isRunning(); }
    bool hasFinished() const { return m_finished; }
    // One report per gateway that had groups to delete, by target index.
    const QHash<int, BulkDeleteReport> &reports() const { return m_reports; }
    QString summaryText() const;
    // Stops sending on every gateway; requests in flight finish, then each
    // gateway is re-read.
    void cancel();

    // For tests and screenshots.
    QLineEdit *matcherEdit() const { return m_matcherEdit; }
    QLabel *countLabel() const { return m_count; }
    QTableWidget *previewTable() const { return m_table; }
    QTableWidget *gatewayTable() const { return m_gatewayTable; }
    QCheckBox *dryRunCheck() const { return m_dryRun; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *closeButton() const { return m_closeButton; }
    QProgressBar *progressBar() const { return m_bar; }
    // The table's Gateway/Key text per row, "gateway|key".
    QStringList previewTexts() const;

    void reject() override;

Q_SIGNALS:
    void previewChanged();
    // Every gateway's run ended (also dry runs and cancelled runs).
    void deleteFinished(const QHash<int, BulkDeleteReport> &reports);

private:
    void updatePreview();
    void fillTable();
    void updateButtons();
    void onGatewayFinished(int target, const BulkDeleteReport &report);
    void showOutcomes();

    Mode m_mode;
    QList<FleetTarget> m_targets;
    double m_now; // when the dialog opened: the "as of" of the groups shown
    BulkDeleteOptions m_options;
    QList<PreviewRow> m_preview;
    QString m_problem;

    // The run.
    QPointer<FleetDelete> m_run; // owned by this dialog; its deleters by the sessions
    QHash<int, BulkDeleteReport> m_reports;
    bool m_finished = false;
    bool m_closeWhenDone = false;

    QLabel *m_title = nullptr;
    QLineEdit *m_matcherEdit = nullptr;
    QLabel *m_matcherProblem = nullptr;
    QList<QCheckBox *> m_stateChecks;
    QLineEdit *m_ageEdit = nullptr;
    QLabel *m_count = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_gatewayTable = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace PushDeck
