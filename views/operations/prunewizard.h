#pragma once
// Pruning stale groups deliberately: criteria (staleness states and/or a
// minimum age, optionally narrowed by a label matcher) → the exact list of
// groups they select → confirmation → the same verified bulk delete as the
// delete dialog, ending with the outcome of every key.

#include "operations/bulkdeleter.h"
#include "staleness/pruneselection.h"
#include "staleness/stalenesspolicy.h"

#include "session/gatewaysession.h"

#include <QHash>
#include <QPointer>
#include <QWizard>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace PushDeck {

class BulkDeleteView;
class GatewaySession;
class OperationKeyTable;

class PruneWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PruneWizard)
public:
    enum PageId { CriteriaPage, PreviewPage, ConfirmPage, RunPage };

    // `groups`: the last poll. States and ages are the session's (its
    // policy, at its clock) and follow a changed policy; the preview page can
    // re-read the gateway. The run is the session's.
    PruneWizard(GatewaySession *session, const QList<Group> &groups, QWidget *parent = nullptr);
    ~PruneWizard() override;

    void setBulkOptions(const BulkDeleteOptions &options) { m_options = options; }

    // The criteria as entered, or the first problem (bad duration, bad
    // matcher, no criterion at all).
    Result<PruneCriteria> criteria() const;
    // The groups the preview page shows (and a run deletes).
    const QList<PruneCandidate> &preview() const { return m_preview; }
    // Re-reads the groups from the gateway and re-previews (preview page).
    void reloadGroups();

    bool isRunning() const;
    bool hasFinished() const;
    const BulkDeleteReport &report() const;

    // For tests and screenshots.
    QCheckBox *stateCheck(Staleness state) const { return m_stateChecks.value(int(state)); }
    QLineEdit *minAgeEdit() const { return m_minAge; }
    QLineEdit *matcherEdit() const { return m_matcher; }
    QRadioButton *combineAllButton() const { return m_combineAll; }
    QRadioButton *combineAnyButton() const { return m_combineAny; }
    QLabel *criteriaProblemLabel() const { return m_criteriaProblem; }
    OperationKeyTable *previewTable() const { return m_table; }
    QLabel *previewSummaryLabel() const { return m_previewSummary; }
    QCheckBox *dryRunCheck() const { return m_dryRun; }
    QLabel *confirmLabel() const { return m_confirmText; }
    BulkDeleteView *runView() const { return m_runView; }

    void reject() override;

Q_SIGNALS:
    void deleteFinished(const BulkDeleteReport &report);
    void previewChanged();

private:
    void validateCriteria();
    void updatePreview();
    void updateConfirm();
    void startRun();

    QPointer<GatewaySession> m_session;
    QList<Group> m_groups;
    double m_readAt; // when m_groups were read (unix seconds)
    BulkDeleteOptions m_options;
    QList<PruneCandidate> m_preview;
    bool m_criteriaValid = false;
    bool m_reloading = false;
    bool m_closeWhenDone = false;

    QHash<int, QCheckBox *> m_stateChecks;
    QLineEdit *m_minAge = nullptr;
    QLineEdit *m_matcher = nullptr;
    QRadioButton *m_combineAll = nullptr;
    QRadioButton *m_combineAny = nullptr;
    QLabel *m_criteriaProblem = nullptr;
    QLabel *m_previewSummary = nullptr;
    QPushButton *m_reloadButton = nullptr;
    OperationKeyTable *m_table = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QLabel *m_confirmText = nullptr;
    BulkDeleteView *m_runView = nullptr;
};

} // namespace PushDeck
