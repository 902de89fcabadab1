#pragma once
// A chart dock's content: the chart's summary as wrapping text above it
// (never cut like a chart title), the chart, and a button that swaps the
// chart for a table of its numbers, the text alternative a screen reader
// (or anyone who wants exact figures) can read. Both are Tab stops.

#include <QWidget>

class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QToolButton;

namespace PushDeck {

class ChartView;

class ChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)
public:
    // Takes `chart` over (reparents it). `name` is what the panel is called
    // for assistive technology ("Age distribution").
    ChartPanel(ChartView *chart, const QString &name, QWidget *parent = nullptr);
    ~ChartPanel() override;

    ChartView *chart() const { return m_chart; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableView *tableView() const { return m_table; }
    QToolButton *tableButton() const { return m_toggle; }
    bool isShowingTable() const;
    void setShowingTable(bool table);

private:
    void updateContent();
    QString legendHtml() const;

    ChartView *m_chart;
    QLabel *m_summary;
    QToolButton *m_toggle;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QStandardItemModel *m_model;
};

} // namespace PushDeck
