#pragma once
// The staleness rules editor: ordered rules (matcher checked as you type,
// warn and stale durations), the global default and the learned-cadence
// factors; import/export of the rules file and the Prometheus alerting
// rules generated from them.

#include "staleness/alertrules.h"
#include "staleness/stalenesspolicy.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace PushDeck {

class RulesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesDialog)
public:
    enum Column { NameColumn, MatcherColumn, WarnColumn, StaleColumn, GatewayColumn, MatchesColumn, ColumnCount };

    explicit RulesDialog(const StalenessPolicy &policy, QWidget *parent = nullptr);
    ~RulesDialog() override;

    // Replaces what the dialog shows. Learned cadences of `policy` are kept
    // and handed back by editedPolicy().
    void setPolicy(const StalenessPolicy &policy);
    // The policy as edited, or the first problem ("Rule 2, matcher: ...").
    Result<StalenessPolicy> editedPolicy() const;
    // The last policy applied (OK or Apply); the initial one before that.
    const StalenessPolicy &policy() const { return m_applied; }

    // The current groups, to show how many each rule catches (first match
    // wins) and to try keys against the rules, judged at `now` (the
    // session's clock, so the dialog says what the table says; 0: the
    // wall clock).
    void setGroups(const QList<Group> &groups, double now = 0);
    // The gateway those groups come from: rules scoped to another gateway
    // (Gateway column) catch none of them.
    void setCurrentGateway(const QUrl &url);
    // A line above the buttons (e.g. that the demo's rules are not saved).
    void setNote(const QString &text);
    QString note() const;

    // What the Import/Export buttons do after asking for a file.
    Result<Done> importFile(const QString &path);
    Result<Done> exportFile(const QString &path) const;

    // The generated Prometheus rules for the edited policy (empty when it
    // is invalid), and the window showing them (opened non-modally).
    QString alertRulesYaml(const AlertRuleOptions &options = {}) const;
    QDialog *showAlertRules();

    // For tests and the main window: the table and the error line.
    QTableWidget *table() const { return m_table; }
    QString problemText() const;

    void accept() override;

Q_SIGNALS:
    // OK or Apply with a valid policy: store it (QSettings) and re-judge.
    void applied(const StalenessPolicy &policy);

private:
    void addRule(const StalenessRule &rule);
    void insertRow(int row, const QString &name, const QString &matcher, const QString &warn, const QString &stale,
                   const QString &gateway = {});
    void moveSelected(int delta);
    void removeSelected();
    void validate();
    void updateMatches();
    void updateKeyTest();
    void apply();
    void importClicked();
    void exportClicked();

    StalenessPolicy m_applied;
    QList<Group> m_groups;
    double m_now = 0;
    QStringList m_gatewayIdentifiers; // of the gateway m_groups come from
    bool m_filling = false;

    QTableWidget *m_table = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_upButton = nullptr;
    QPushButton *m_downButton = nullptr;
    QCheckBox *m_defaultEnabled = nullptr;
    QLineEdit *m_defaultWarn = nullptr;
    QLineEdit *m_defaultStale = nullptr;
    QCheckBox *m_cadenceEnabled = nullptr;
    QDoubleSpinBox *m_warnFactor = nullptr;
    QDoubleSpinBox *m_staleFactor = nullptr;
    QSpinBox *m_minIntervals = nullptr;
    QLineEdit *m_testKey = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_note = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace PushDeck
