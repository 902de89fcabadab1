#include "views/demo/prometheuschartview.h"

#include "demo/demoprometheus.h"

#include <QDateTime>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

const QList<QColor> &lineColors()
{
    static const QList<QColor> colors{QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                      QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    return colors;
}

// A line split where samples are missing: more than one step apart (a range query answers exactly every step where there is a sample).
QList<QList<QPointF>> segments(const QList<QPointF> &points)
{
    double step = std::numeric_limits<double>::infinity();
    for (qsizetype i = 1; i < points.size(); ++i)
        step = std::min(step, points.at(i).x() - points.at(i - 1).x());
    QList<QList<QPointF>> out;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (out.isEmpty() || (i > 0 && points.at(i).x() - points.at(i - 1).x() > 1.5 * step))
            out.append(QList<QPointF>());
        if (std::isfinite(points.at(i).y()))
            out.last().append(points.at(i));
    }
    return out;
}

} // namespace

PrometheusChartView::PrometheusChartView(DemoPrometheus *prometheus, QWidget *parent)
    : QChartView(parent)
    , m_prometheus(prometheus)
{
    setObjectName(u"prometheusChart"_s);
    setRenderHint(QPainter::Antialiasing);
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(u"HH:mm:ss"_s);
    m_axisX->setTickCount(4);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    m_axisLeft = new QValueAxis(chart);
    m_axisLeft->setLabelFormat(u"%.0f"_s);
    m_axisLeft->setTickCount(3); // the plot is short in the panel: more labels would be elided
    chart->addAxis(m_axisLeft, Qt::AlignLeft);
    m_axisState = new QCategoryAxis(chart);
    m_axisState->setRange(-0.1, 1.1);
    m_axisState->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisState->append(u"0"_s, 0);
    m_axisState->append(u"1"_s, 1);
    m_axisState->setTitleText(tr("up / present"));
    chart->addAxis(m_axisState, Qt::AlignRight);
    setChart(chart);
    m_baseTitle = chart->titleFont();
    m_baseLegend = chart->legend()->font();
    m_baseLabels = m_axisX->labelsFont();
    setMinimumHeight(150);
    if (m_prometheus)
        connect(m_prometheus, &DemoPrometheus::changed, this, &PrometheusChartView::rebuild);
    rebuild();
}

void PrometheusChartView::setFontScale(double factor)
{
    m_fontScale = factor;
    auto scaled = [factor](QFont font) {
        font.setPointSizeF(font.pointSizeF() * factor);
        return font;
    };
    chart()->setTitleFont(scaled(m_baseTitle));
    chart()->legend()->setFont(scaled(m_baseLegend));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisLeft),
                                static_cast<QAbstractAxis *>(m_axisState)}) {
        axis->setLabelsFont(scaled(m_baseLabels));
        axis->setTitleFont(scaled(m_baseLabels));
    }
}

int PrometheusChartView::segmentCount() const
{
    return int(chart()->series().size());
}

void PrometheusChartView::rebuild()
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    if (!m_prometheus)
        return;
    // The title is the panel's heading above the chart: the plot needs the height.
    setToolTip(m_prometheus->chartTitle());
    m_axisLeft->setTitleText(m_prometheus->leftAxisTitle());
    // From the first sample (at least the last minute, at most three) to now:
    // a scenario's own history fills the width.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<DemoPrometheus::Line> lines = m_prometheus->lines();
    double first = double(now);
    for (const DemoPrometheus::Line &line : lines) {
        if (!line.points.isEmpty())
            first = std::min(first, line.points.constFirst().x());
    }
    const qint64 from = std::clamp(qint64(first) - 5000, now - 180 * 1000, now - 60 * 1000);
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(now));
    double maxLeft = 1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const DemoPrometheus::Line &line = lines.at(i);
        const bool state = line.axis == DemoPrometheus::Axis::State;
        QPen pen(lineColors().at(i % lineColors().size()));
        pen.setWidthF(2);
        // 0/1 lines overlap at 1 (up, an alert): up thin and solid, the
        // others thick and dashed on top of it.
        if (state && line.label != u"up"_s) {
            pen.setWidthF(4);
            pen.setStyle(Qt::DashLine);
        }
        bool first = true;
        for (const QList<QPointF> &segment : segments(line.points)) {
            if (segment.isEmpty())
                continue;
            auto *series = new QLineSeries;
            series->setName(line.label);
            series->setPen(pen);
            series->replace(segment);
            series->setPointsVisible(segment.size() == 1); // a lone sample is no line
            chart->addSeries(series);
            series->attachAxis(m_axisX);
            series->attachAxis(state ? m_axisState : m_axisLeft);
            if (!state) {
                for (const QPointF &p : segment)
                    maxLeft = std::max(maxLeft, p.y());
            }
            // One legend entry per line, not per segment.
            if (!first) {
                for (QLegendMarker *marker : chart->legend()->markers(series))
                    marker->setVisible(false);
            }
            first = false;
        }
    }
    m_axisLeft->setRange(0, std::ceil(maxLeft * 1.15));
}

} // namespace PushDeck
