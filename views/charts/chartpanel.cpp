#include "views/charts/chartpanel.h"

#include "views/charts/chartview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace PushDeck {

ChartPanel::ChartPanel(ChartView *chart, const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_chart(chart)
    , m_summary(new QLabel(this))
    , m_toggle(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_model(new QStandardItemModel(this))
{
    setAccessibleName(name);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(2);

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    m_summary->setObjectName(u"chartSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_summary, &QLabel::linkActivated, chart, &ChartView::legendEntryActivated);
    m_summary->setAccessibleName(tr("%1: summary").arg(name));
    top->addWidget(m_summary, 1);
    m_toggle->setObjectName(u"chartTableButton"_s);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setFocusPolicy(Qt::StrongFocus);
    m_toggle->setToolTip(tr("Show the chart's numbers as a table"));
    m_toggle->setAccessibleName(tr("%1: show as table").arg(name));
    top->addWidget(m_toggle, 0, Qt::AlignTop);
    layout->addLayout(top);

    m_table->setObjectName(u"chartTable"_s);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("%1 as a table").arg(name));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false);
    m_stack->addWidget(chart);
    m_stack->addWidget(m_table);
    layout->addWidget(m_stack, 1);

    connect(m_toggle, &QToolButton::toggled, this, &ChartPanel::setShowingTable);
    connect(chart, &ChartView::contentChanged, this, &ChartPanel::updateContent);
    setShowingTable(false);
}

ChartPanel::~ChartPanel() = default;

bool ChartPanel::isShowingTable() const
{
    return m_stack->currentWidget() == m_table;
}

void ChartPanel::setShowingTable(bool table)
{
    if (m_toggle->isChecked() != table)
        m_toggle->setChecked(table); // comes back here through toggled()
    m_toggle->setText(table ? tr("Chart") : tr("Table"));
    m_summary->setAccessibleDescription(m_chart->summary());
    m_stack->setCurrentWidget(table ? static_cast<QWidget *>(m_table) : m_chart);
    updateContent();
}

QString ChartPanel::legendHtml() const
{
    // Entries never break inside ("■ 167 stale"), lines break between them.
    QStringList parts;
    for (const LegendEntry &entry : m_chart->legendEntries()) {
        QString text = entry.text.toHtmlEscaped().replace(u' ', u"&nbsp;"_s);
        if (entry.hidden)
            text = u"<s>%1</s>"_s.arg(text);
        if (entry.clickable)
            text = u"<a href=\"%1\" style=\"text-decoration:none; color:%2\">%3</a>"_s.arg(
                entry.id.toHtmlEscaped(), palette().color(QPalette::Text).name(), text);
        QColor swatch = entry.color;
        if (entry.hidden)
            swatch = palette().color(QPalette::Mid);
        parts.append(u"<span style=\"color:%1\">\u25a0</span>&nbsp;%2"_s.arg(swatch.name(), text));
    }
    QString html = parts.join(u" &nbsp; "_s);
    const QString note = m_chart->legendNote();
    if (!note.isEmpty())
        html += (html.isEmpty() ? QString() : u"<br>"_s) + note.toHtmlEscaped();
    return html;
}

void ChartPanel::updateContent()
{
    m_summary->setText(legendHtml());
    m_summary->setAccessibleDescription(m_chart->summary());
    if (!isShowingTable())
        return; // the table is filled when shown: charts re-plot every few seconds
    const ChartTable table = m_chart->table();
    m_model->setColumnCount(int(table.headers.size()));
    m_model->setHorizontalHeaderLabels(table.headers);
    // In place: a screen reader's position and the selection survive.
    m_model->setRowCount(int(table.rows.size()));
    for (int r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        for (int c = 0; c < row.size() && c < table.headers.size(); ++c) {
            QStandardItem *item = m_model->item(r, c);
            if (!item) {
                item = new QStandardItem;
                // Counts right-aligned, the first column (what is counted) not.
                if (c > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_model->setItem(r, c, item);
            }
            if (item->text() != row.at(c))
                item->setText(row.at(c));
        }
    }
}

} // namespace PushDeck
