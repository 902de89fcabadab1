#include "views/charts/chartview.h"

#include "views/common/tones.h"

#include <QAbstractAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetrics>
#include <QLegend>

using namespace Qt::StringLiterals;

namespace PushDeck {

ChartView::ChartView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    // Keyboard users reach the panel's table instead; a focus frame on a
    // picture would lead nowhere.
    setFocusPolicy(Qt::NoFocus);
}

ChartView::~ChartView() = default;

void ChartView::finishSetup()
{
    QChart *c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setBackgroundRoundness(0);
    c->legend()->hide(); // ChartPanel shows legendEntries(), wrapping
    connect(c, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        // Fitting may move the plot area a little (a label row gets higher
        // or lower): no second round from inside the first.
        if (m_fitting)
            return;
        m_fitting = true;
        fitLabels(area);
        m_fitting = false;
    });
    themeChart();
}

void ChartView::setSummary(const QString &text)
{
    m_summary = text;
    setAccessibleDescription(text);
    Q_EMIT contentChanged();
}

void ChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        themeChart();
    else if (event->type() == QEvent::FontChange && chart())
        fitLabels(chart()->plotArea());
}

void ChartView::themeChart()
{
    QChart *c = chart();
    if (!c)
        return;
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(text);
    c->setTitleFont(font());
    const QColor grid = Tones::gridLine(pal);
    const QColor line = Tones::mix(pal.color(QPalette::Base), text, 0.4);
    for (QAbstractAxis *axis : c->axes()) {
        axis->setLabelsBrush(text);
        axis->setLabelsFont(font());
        axis->setTitleBrush(text);
        QFont title = font();
        title.setBold(true);
        axis->setTitleFont(title);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(line);
    }
    applyPalette(pal);
    fitLabels(c->plotArea());
}

int ChartView::fitTimeAxis(QDateTimeAxis *axis, double spanSeconds, qreal width, const QFont &font)
{
    const QString format = spanSeconds > 2 * 86400 ? u"dd.MM. HH:mm"_s
                           : spanSeconds > 900    ? u"HH:mm"_s
                                                  : u"HH:mm:ss"_s;
    if (axis->format() != format)
        axis->setFormat(format);
    // The widest label of this format: 22.12. 23:58 in any font.
    const QFontMetricsF metrics(font);
    const QString sample = QDateTime(QDate(2026, 12, 22), QTime(23, 58, 58)).toString(format);
    const qreal label = metrics.horizontalAdvance(sample) + metrics.averageCharWidth() * 2;
    // Labels are centred on their ticks: n ticks need (n - 1) gaps of a
    // label's width within the axis, plus half a label over each end.
    int ticks = width > 0 ? int(width / label) + 1 : 2;
    ticks = std::clamp(ticks, 2, 7);
    if (axis->tickCount() != ticks)
        axis->setTickCount(ticks);
    return ticks;
}

} // namespace PushDeck
