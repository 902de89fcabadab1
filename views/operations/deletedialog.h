#pragma once
// Deleting groups, previewed before anything is sent: either the selected
// groups (a confirmation listing their exact keys, ages and states) or every
// group matching a label matcher (validated as typed, the preview follows).
// A dry run sends nothing; a real run shows progress with Cancel and ends
// with the verified outcome of every previewed key.

#include "operations/bulkdeleter.h"
#include "staleness/pruneselection.h"
#include "staleness/stalenesspolicy.h"

#include "session/gatewaysession.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace PushDeck {

class BulkDeleteView;
class GatewaySession;
class OperationKeyTable;

class DeleteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteDialog)
public:
    enum class Mode {
        Selection, // `groups` are exactly the groups to delete
        Matcher,   // `groups` are all groups; the matcher picks the ones to delete
    };

    // Ages and states in the preview are the session's (its policy, at its
    // clock), and follow it while nothing runs: the preview agrees with the
    // table. The run is the session's: it goes on if the dialog goes.
    DeleteDialog(Mode mode, GatewaySession *session, const QList<Group> &groups, QWidget *parent = nullptr);
    ~DeleteDialog() override;

    Mode mode() const { return m_mode; }
    // Concurrency and verification of the run; `action` and `dryRun` are
    // set by the dialog ("delete" / "bulk-delete", the dry-run check box).
    void setBulkOptions(const BulkDeleteOptions &options) { m_options = options; }

    // Matcher mode: sets the matcher text (as if typed).
    void setMatcherText(const QString &text);
    // Matcher mode: re-reads the groups from the gateway, then re-previews.
    void reloadGroups();

    // The exact groups that a click on Delete would delete now.
    const QList<PruneCandidate> &preview() const { return m_preview; }
    // Empty when the preview can be run; otherwise why not.
    QString problem() const { return m_problem; }
    // Starts the run of the current preview (what the Delete button does).
    void startDelete();

    bool isRunning() const;
    bool hasFinished() const;
    const BulkDeleteReport &report() const;

    // For tests and screenshots.
    QLineEdit *matcherEdit() const { return m_matcherEdit; }
    QLabel *matcherProblemLabel() const { return m_matcherProblem; }
    QLabel *countLabel() const { return m_count; }
    OperationKeyTable *previewTable() const { return m_table; }
    QCheckBox *dryRunCheck() const { return m_dryRun; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    QPushButton *closeButton() const { return m_closeButton; }
    BulkDeleteView *runView() const { return m_runView; }

    void reject() override;

Q_SIGNALS:
    // The run ended (also a dry run and a cancelled run).
    void deleteFinished(const BulkDeleteReport &report);
    // Matcher mode: the preview was recomputed (typing, reload).
    void previewChanged();

protected:
    // Return or Enter never starts a run from the keyboard: in the matcher
    // it refreshes the preview (QLineEdit::returnPressed) and nothing more.
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updatePreview();
    void updateButtons();
    void onRunFinished(const BulkDeleteReport &report);

    Mode m_mode;
    QPointer<GatewaySession> m_session;
    QList<Group> m_groups;
    double m_readAt; // when m_groups were read (unix seconds)
    BulkDeleteOptions m_options;
    QList<PruneCandidate> m_preview;
    QString m_problem;
    bool m_closeWhenDone = false;
    bool m_reloading = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_matcherEdit = nullptr;
    QLabel *m_matcherProblem = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QLabel *m_count = nullptr;
    OperationKeyTable *m_table = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    BulkDeleteView *m_runView = nullptr;
};

} // namespace PushDeck
