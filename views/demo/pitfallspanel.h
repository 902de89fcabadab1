#pragma once
// The Pitfalls panel (a dock): the guided demo scenarios with their
// explanation, Previous/Next/Reset and the live outcome, and the lint
// findings of the current gateway. Clicking a finding asks the main window to
// select its groups.

#include "core/groupingkey.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace PushDeck {

class DemoScenarios;
class LintModel;

class PitfallsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PitfallsPanel)
public:
    // `scenarios` may be nullptr (not in demo mode): then only the lint is
    // shown. Neither is owned.
    explicit PitfallsPanel(DemoScenarios *scenarios, LintModel *lint, QWidget *parent = nullptr);

    // For tests and screenshots.
    QListWidget *scenarioList() const { return m_scenarioList; }
    QPushButton *previousButton() const { return m_previous; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *resetButton() const { return m_reset; }
    QLabel *stepLabel() const { return m_stepLabel; }
    QTextBrowser *explanationView() const { return m_explanation; }
    QPlainTextEdit *outcomeView() const { return m_outcome; }
    QTreeView *findingsView() const { return m_findings; }
    QLabel *lintSummary() const { return m_lintSummary; }
    QTextBrowser *adviceView() const { return m_advice; }

Q_SIGNALS:
    // A finding or one of its groups was clicked, or a scenario step is
    // about these groups: the main window selects them.
    void groupsActivated(const QList<GroupingKey> &keys);

private:
    QWidget *buildScenarioPart();
    QWidget *buildLintPart();
    void updateScenario();
    void updateOutcome(const QString &text);
    void updateLintSummary();
    void showAdvice();
    void activateFinding(const QModelIndex &index);

    DemoScenarios *m_scenarios;
    LintModel *m_lint;

    QListWidget *m_scenarioList = nullptr;
    QLabel *m_stepLabel = nullptr;
    QTextBrowser *m_explanation = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_busy = nullptr;
    QPlainTextEdit *m_outcome = nullptr;
    QLabel *m_lintSummary = nullptr;
    QTreeView *m_findings = nullptr;
    QTextBrowser *m_advice = nullptr;
};

} // namespace PushDeck
