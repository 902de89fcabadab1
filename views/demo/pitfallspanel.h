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

class DemoPrometheus;
class DemoScenarios;
class LintModel;
class PrometheusChartView;

class PitfallsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PitfallsPanel)
public:
    // `scenarios` may be nullptr (not in demo mode): then only the lint is
    // shown. `prometheus` (the scenarios' Prometheus side) may be nullptr:
    // then no Prometheus part is shown. None is owned.
    explicit PitfallsPanel(DemoScenarios *scenarios, LintModel *lint, DemoPrometheus *prometheus = nullptr,
                           QWidget *parent = nullptr);

    // Presenter mode: every font of the panel, the chart's too, this much larger.
    static constexpr double PresenterScale = 1.5;
    void setPresenterMode(bool on);
    bool isPresenterMode() const { return m_presenter; }

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
    // What the current step waits for (the gateway, Prometheus), or that
    // its effect is visible.
    QLabel *waitingLabel() const { return m_waiting; }
    QLabel *prometheusStatus() const { return m_promStatus; }
    PrometheusChartView *prometheusChart() const { return m_promChart; }
    QPlainTextEdit *prometheusObservation() const { return m_promObservation; }

Q_SIGNALS:
    // A finding or one of its groups was clicked, or a scenario step is
    // about these groups: the main window selects them.
    void groupsActivated(const QList<GroupingKey> &keys);

private:
    QWidget *buildScenarioPart();
    QWidget *buildLintPart();
    QWidget *buildPrometheusPart(QWidget *parent);
    void updatePrometheus();
    void updateWaiting();
    void updateScenario();
    void updateOutcome(const QString &text);
    void updateLintSummary();
    void showAdvice();
    void activateFinding(const QModelIndex &index);

    DemoScenarios *m_scenarios;
    LintModel *m_lint;
    DemoPrometheus *m_prometheus;

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
    bool m_presenter = false;
    QWidget *m_lintPart = nullptr;
    QLabel *m_waiting = nullptr;
    QLabel *m_promHeading = nullptr;
    QLabel *m_promStatus = nullptr;
    PrometheusChartView *m_promChart = nullptr;
    QPlainTextEdit *m_promObservation = nullptr;
};

} // namespace PushDeck
