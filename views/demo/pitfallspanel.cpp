#include "views/demo/pitfallspanel.h"

#include "demo/demoprometheus.h"
#include "demo/demoscenarios.h"
#include "views/demo/prometheuschartview.h"
#include "items/lintmodel.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QIcon severityIcon(LintSeverity severity)
{
    QStyle *style = QApplication::style();
    switch (severity) {
    case LintSeverity::Critical: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case LintSeverity::Warning: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case LintSeverity::Info: return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

// Adds the severity icons: the models library has no QtGui icons.
class SeverityIconProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == LintModel::TitleColumn
            && index.data(LintModel::IsFindingRole).toBool())
            return severityIcon(LintSeverity(index.data(LintModel::SeverityRole).toInt()));
        return QIdentityProxyModel::data(index, role);
    }
};

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

PitfallsPanel::PitfallsPanel(DemoScenarios *scenarios, LintModel *lint, DemoPrometheus *prometheus, QWidget *parent)
    : QWidget(parent)
    , m_scenarios(scenarios)
    , m_lint(lint)
    , m_prometheus(scenarios ? prometheus : nullptr)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);
    if (m_scenarios)
        splitter->addWidget(buildScenarioPart());
    m_lintPart = buildLintPart();
    splitter->addWidget(m_lintPart);
    // Wrapped labels (the step, what Next waits for) are as tall as the
    // narrowest width makes them: keep the panel wide enough to fit 800 px.
    if (m_prometheus)
        setMinimumWidth(380);
    if (m_scenarios) {
        // With Prometheus, its chart needs the height more than the lint.
        splitter->setStretchFactor(0, m_prometheus ? 5 : 2);
        splitter->setStretchFactor(1, 1);
    }

    if (m_scenarios) {
        connect(m_scenarios, &DemoScenarios::stateChanged, this, &PitfallsPanel::updateScenario);
        connect(m_scenarios, &DemoScenarios::outcomeChanged, this, &PitfallsPanel::updateOutcome);
        connect(m_scenarios, &DemoScenarios::focusChanged, this, [this](const QList<GroupingKey> &keys) {
            if (!keys.isEmpty())
                Q_EMIT groupsActivated(keys);
        });
        if (m_prometheus) {
            connect(m_prometheus, &DemoPrometheus::changed, this, &PitfallsPanel::updatePrometheus);
            connect(m_prometheus, &DemoPrometheus::settledChanged, this, [this] {
                const int last = int(DemoScenarios::scenario(m_scenarios->currentScenario()).steps.size()) - 1;
                m_next->setEnabled(!m_scenarios->isBusy() && m_prometheus->isSettled() && m_scenarios->currentStep() < last);
                updateWaiting();
            });
            updatePrometheus();
        }
        updateScenario();
        updateOutcome(m_scenarios->outcome());
    }
    if (m_lint) {
        connect(m_lint, &LintModel::findingsChanged, this, [this] {
            updateLintSummary();
            showAdvice();
        });
        updateLintSummary();
    }
}

QWidget *PitfallsPanel::buildScenarioPart()
{
    auto *part = new QWidget(this);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);

    layout->addWidget(heading(tr("Pitfalls, live on the demo gateway"), part));
    m_scenarioList = new QListWidget(part);
    m_scenarioList->setObjectName(u"scenarioList"_s);
    const auto &all = DemoScenarios::scenarios();
    for (int i = 0; i < all.size(); ++i)
        m_scenarioList->addItem(u"%1. %2"_s.arg(i + 1).arg(all.at(i).title));
    // Exactly as tall as its rows: the explanation needs the room.
    const int rowHeight = m_scenarioList->sizeHintForRow(0);
    m_scenarioList->setFixedHeight(rowHeight * int(all.size()) + 2 * m_scenarioList->frameWidth() + 4);
    m_scenarioList->setCurrentRow(m_scenarios->currentScenario());
    layout->addWidget(m_scenarioList);

    m_stepLabel = new QLabel(part);
    m_stepLabel->setObjectName(u"stepLabel"_s);
    m_stepLabel->setWordWrap(true);
    QFont stepFont = m_stepLabel->font();
    stepFont.setBold(true);
    m_stepLabel->setFont(stepFont);
    layout->addWidget(m_stepLabel);

    m_explanation = new QTextBrowser(part);
    m_explanation->setObjectName(u"explanation"_s);
    m_explanation->setOpenLinks(false);
    m_explanation->setMinimumHeight(m_prometheus ? 70 : 120);
    layout->addWidget(m_explanation, 2);

    auto *buttons = new QHBoxLayout;
    m_previous = new QPushButton(tr("Previous"), part);
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_next = new QPushButton(tr("Next"), part);
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_next->setDefault(true);
    m_reset = new QPushButton(tr("Reset"), part);
    m_reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reset->setToolTip(tr("Undo this scenario's changes to the gateway and start it over"));
    m_busy = new QLabel(tr("Working\u2026"), part);
    m_busy->setVisible(false);
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addWidget(m_reset);
    buttons->addStretch();
    buttons->addWidget(m_busy);
    layout->addLayout(buttons);

    // What Next waits for: the step on the gateway (and so the table), then
    // its effect in Prometheus.
    m_waiting = new QLabel(part);
    m_waiting->setObjectName(u"waiting"_s);
    m_waiting->setWordWrap(true);
    m_waiting->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_waiting);

    auto *results = new QSplitter(Qt::Vertical, part);
    results->setChildrenCollapsible(false);
    auto *outcomePart = new QWidget(results);
    auto *outcomeLayout = new QVBoxLayout(outcomePart);
    outcomeLayout->setContentsMargins(0, 0, 0, 0);
    outcomeLayout->addWidget(heading(tr("What happened"), outcomePart));
    m_outcome = new QPlainTextEdit(outcomePart);
    m_outcome->setObjectName(u"outcome"_s);
    m_outcome->setReadOnly(true);
    m_outcome->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_outcome->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_outcome->setPlaceholderText(tr("Press Start: each step acts on the demo gateway and shows the result here."));
    m_outcome->setMinimumHeight(m_prometheus ? 48 : 100);
    outcomeLayout->addWidget(m_outcome);
    results->addWidget(outcomePart);
    if (m_prometheus) {
        results->addWidget(buildPrometheusPart(results));
        results->setStretchFactor(0, 2);
        results->setStretchFactor(1, 3);
    }
    layout->addWidget(results, 5);

    connect(m_scenarioList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row == m_scenarios->currentScenario())
            return;
        // Refused at once (busy): show the scenario that is still current.
        if (m_scenarios->selectScenario(row).isFinished())
            updateScenario();
    });
    connect(m_previous, &QPushButton::clicked, this, [this] { m_scenarios->previous(); });
    connect(m_next, &QPushButton::clicked, this, [this] { m_scenarios->next(); });
    connect(m_reset, &QPushButton::clicked, this, [this] { m_scenarios->reset(); });
    return part;
}

QWidget *PitfallsPanel::buildPrometheusPart(QWidget *parent)
{
    auto *part = new QWidget(parent);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    m_promHeading = heading(tr("What Prometheus sees"), part);
    m_promHeading->setWordWrap(true);
    layout->addWidget(m_promHeading);
    m_promStatus = new QLabel(part);
    m_promStatus->setObjectName(u"prometheusStatus"_s);
    m_promStatus->setWordWrap(true);
    m_promStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_promStatus);
    m_promChart = new PrometheusChartView(m_prometheus, part);
    layout->addWidget(m_promChart, 3);
    m_promObservation = new QPlainTextEdit(part);
    m_promObservation->setObjectName(u"prometheusObservation"_s);
    m_promObservation->setReadOnly(true);
    m_promObservation->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_promObservation->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_promObservation->setMinimumHeight(40);
    layout->addWidget(m_promObservation, 1);
    return part;
}

void PitfallsPanel::updatePrometheus()
{
    if (!m_prometheus)
        return;
    const bool running = m_prometheus->status() == DemoPrometheus::Status::Running;
    QString status = m_prometheus->statusText();
    m_promStatus->setToolTip(status);
    if (running) // one line: the chart needs the room; the tooltip has it all
        status = tr("Prometheus %1, scraping the gateway every %2 s")
                     .arg(m_prometheus->url().authority())
                     .arg(m_prometheus->scrapeIntervalSeconds());
    else
        status += u' ' + DemoPrometheus::wouldShow(m_scenarios->currentScenario());
    m_promStatus->setText(status);
    const QString title = m_prometheus->chartTitle();
    m_promHeading->setText(running && !title.isEmpty() ? title : tr("What Prometheus sees"));
    m_promChart->setVisible(running);
    m_promObservation->setVisible(running);
    if (running) {
        const int scroll = m_promObservation->verticalScrollBar()->value();
        m_promObservation->setPlainText(m_prometheus->observation());
        m_promObservation->verticalScrollBar()->setValue(scroll);
    }
    updateWaiting();
}

void PitfallsPanel::updateWaiting()
{
    if (!m_waiting)
        return;
    const int last = int(DemoScenarios::scenario(m_scenarios->currentScenario()).steps.size()) - 1;
    QString text;
    if (m_scenarios->isBusy())
        text = tr("Waiting for the step to finish on the gateway and show in the table\u2026");
    else if (m_prometheus && !m_prometheus->waitingFor().isEmpty())
        text = m_prometheus->waitingFor();
    else if (m_scenarios->currentStep() >= 0 && m_scenarios->currentStep() <= last)
        text = m_prometheus && m_prometheus->status() == DemoPrometheus::Status::Running
                   ? tr("Visible in the table, this panel and Prometheus.")
                   : tr("Visible in the table and this panel.");
    m_waiting->setText(text);
}

QWidget *PitfallsPanel::buildLintPart()
{
    auto *part = new QWidget(this);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading(tr("Lint: anti-patterns on this gateway"), part));
    m_lintSummary = new QLabel(part);
    m_lintSummary->setObjectName(u"lintSummary"_s);
    layout->addWidget(m_lintSummary);

    m_findings = new QTreeView(part);
    m_findings->setObjectName(u"findings"_s);
    m_findings->setUniformRowHeights(true);
    m_findings->setAllColumnsShowFocus(true);
    m_findings->setTextElideMode(Qt::ElideRight);
    m_findings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findings->setSelectionMode(QAbstractItemView::SingleSelection);
    if (m_lint) {
        auto *proxy = new SeverityIconProxy(m_findings);
        proxy->setSourceModel(m_lint);
        m_findings->setModel(proxy);
        m_findings->header()->setStretchLastSection(false);
        m_findings->header()->setSectionResizeMode(LintModel::TitleColumn, QHeaderView::Stretch);
        // Notes can be long; they are in the tooltips, the titles matter more.
        m_findings->header()->setSectionResizeMode(LintModel::DetailColumn, QHeaderView::Interactive);
        m_findings->header()->resizeSection(LintModel::DetailColumn, 120);
        connect(m_findings->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PitfallsPanel::showAdvice);
        connect(m_findings, &QTreeView::clicked, this, &PitfallsPanel::activateFinding);
        connect(m_findings, &QTreeView::activated, this, &PitfallsPanel::activateFinding);
    }
    if (m_prometheus)
        m_findings->setMinimumHeight(40);
    layout->addWidget(m_findings, 3);

    m_advice = new QTextBrowser(part);
    m_advice->setObjectName(u"advice"_s);
    m_advice->setPlaceholderText(tr("Select a finding to see why it matters and how to fix it."));
    m_advice->setMinimumHeight(m_prometheus ? 40 : 70);
    layout->addWidget(m_advice, 2);
    return part;
}

void PitfallsPanel::updateScenario()
{
    const int index = m_scenarios->currentScenario();
    const DemoScenarios::Scenario &scenario = DemoScenarios::scenario(index);
    const int step = m_scenarios->currentStep();
    const int last = int(scenario.steps.size()) - 1;
    const bool busy = m_scenarios->isBusy();

    if (m_scenarioList->currentRow() != index) {
        const QSignalBlocker blocker(m_scenarioList);
        m_scenarioList->setCurrentRow(index);
    }
    QString html = u"<h3>%1</h3>"_s.arg(scenario.title.toHtmlEscaped());
    QString fix = scenario.fix;
    if (step < 0) {
        m_stepLabel->setText(tr("Introduction \u2014 %1 steps").arg(scenario.steps.size()));
        html += scenario.explanation;
    } else {
        const DemoScenarios::Step &current = scenario.steps.at(step);
        m_stepLabel->setText(tr("Step %1 of %2: %3").arg(step + 1).arg(last + 1).arg(current.title));
        html += current.text;
        if (!current.fix.isEmpty())
            fix = current.fix;
    }
    html += u"<h4>%1</h4>"_s.arg(tr("Recommended fix")) + fix;
    m_explanation->setHtml(html);

    m_scenarioList->setEnabled(!busy);
    m_previous->setEnabled(!busy && step >= 0);
    // Next only once the step's effect is visible everywhere.
    const bool settled = !m_prometheus || m_prometheus->isSettled();
    m_next->setEnabled(!busy && settled && step < last);
    m_next->setText(step < 0 ? tr("Start") : tr("Next"));
    m_reset->setEnabled(!busy);
    m_busy->setVisible(busy);
    updateWaiting();
    if (m_prometheus && m_promStatus)
        updatePrometheus();
}

void PitfallsPanel::updateOutcome(const QString &text)
{
    // Keep the reader's scroll position while a live step re-reads.
    const int scroll = m_outcome->verticalScrollBar() ? m_outcome->verticalScrollBar()->value() : 0;
    // A generated rules file is for copying: wrapped YAML would be misread.
    m_outcome->setLineWrapMode(text.contains(u"\ngroups:\n"_s) ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    m_outcome->setPlainText(text);
    if (m_outcome->verticalScrollBar())
        m_outcome->verticalScrollBar()->setValue(scroll);
}

void PitfallsPanel::setPresenterMode(bool on)
{
    m_presenter = on;
    // Widgets with a font of their own (headings, the fixed-width outcome)
    // do not inherit the dock's larger font: scale them from their own.
    static const char *const BaseFont = "pushdeckBaseFont";
    const double factor = on ? PresenterScale : 1.0;
    for (QWidget *widget : findChildren<QWidget *>()) {
        if (!widget->testAttribute(Qt::WA_SetFont) && !widget->property(BaseFont).isValid())
            continue;
        if (!widget->property(BaseFont).isValid())
            widget->setProperty(BaseFont, widget->font());
        QFont font = widget->property(BaseFont).value<QFont>();
        font.setPointSizeF(font.pointSizeF() * factor);
        widget->setFont(font);
    }
    if (m_promChart)
        m_promChart->setFontScale(factor);
    // Presenting the scenarios: their steps, outcome and Prometheus get the
    // whole height; the lint is for everyday use.
    if (m_scenarios)
        m_lintPart->setVisible(!on);
    if (m_scenarioList && m_scenarios) {
        m_scenarioList->setFixedHeight(QWIDGETSIZE_MAX);
        m_scenarioList->setMinimumHeight(0);
        const int rows = m_scenarioList->count();
        m_scenarioList->setFixedHeight(m_scenarioList->sizeHintForRow(0) * rows + 2 * m_scenarioList->frameWidth() + 4);
    }
}

void PitfallsPanel::updateLintSummary()
{
    if (!m_lint) {
        m_lintSummary->setText(tr("No gateway"));
        return;
    }
    const auto &findings = m_lint->findings();
    if (findings.isEmpty()) {
        m_lintSummary->setText(m_lint->groupCount() == 1 ? tr("No findings in 1 group.")
                                                         : tr("No findings in %1 groups.").arg(m_lint->groupCount()));
        return;
    }
    const QString checked = m_lint->groupCount() == 1 ? tr("1 group checked") : tr("%1 groups checked").arg(m_lint->groupCount());
    m_lintSummary->setText(Lint::summary(findings) + u" \u2014 "_s + checked);
}

void PitfallsPanel::showAdvice()
{
    if (!m_lint)
        return;
    const QModelIndex current = m_findings->currentIndex();
    if (!current.isValid()) {
        m_advice->clear();
        return;
    }
    const QString title = current.parent().isValid() ? current.parent().data().toString()
                                                     : current.siblingAtColumn(LintModel::TitleColumn).data().toString();
    m_advice->setHtml(u"<p><b>%1</b></p><p>%2</p>"_s.arg(title.toHtmlEscaped(),
                                                        current.data(LintModel::AdviceRole).toString().toHtmlEscaped()));
}

void PitfallsPanel::activateFinding(const QModelIndex &index)
{
    const auto keys = index.data(LintModel::KeysRole).value<QList<GroupingKey>>();
    if (!keys.isEmpty())
        Q_EMIT groupsActivated(keys);
}

} // namespace PushDeck
