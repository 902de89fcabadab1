#include "views/charts/valuehistoryview.h"

#include "format/value.h"
#include "views/common/tones.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {
constexpr qsizetype MaxMarkers = 120;
}

ValueHistoryView::ValueHistoryView(QWidget *parent)
    : ChartView(parent)
{
    setMinimumSize(200, 150);
    setAccessibleName(tr("Value history chart"));

    auto *chart = new QChart;
    chart->legend()->hide();

    m_line = new QLineSeries(chart);
    m_points = new QScatterSeries(chart);
    m_points->setMarkerSize(7);
    chart->addSeries(m_line);
    chart->addSeries(m_points);

    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(u"HH:mm"_s);
    m_axisX->setTickCount(6);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    m_axisY = new QValueAxis(chart);
    m_axisY->setRange(0, 1);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QXYSeries *series : {static_cast<QXYSeries *>(m_line), static_cast<QXYSeries *>(m_points)}) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    setChart(chart);
    m_now = double(QDateTime::currentSecsSinceEpoch());
    finishSetup();
    replot();
}

ValueHistoryView::~ValueHistoryView() = default;

void ValueHistoryView::applyPalette(const QPalette &palette)
{
    const QColor color = palette.color(QPalette::Highlight);
    m_line->setPen(QPen(color, 2));
    m_points->setColor(color);
    m_points->setBorderColor(Tones::mix(color, palette.color(QPalette::Text), 0.3));
}

void ValueHistoryView::fitLabels(const QRectF &plotArea)
{
    fitTimeAxis(m_axisX, m_span, plotArea.width(), font());
}

ChartTable ValueHistoryView::table() const
{
    ChartTable t;
    t.headers = {tr("Push time"), tr("Value")};
    const QLocale locale;
    for (auto it = m_values.crbegin(); it != m_values.crend(); ++it)
        t.rows.append({locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(it->time * 1000)), QLocale::ShortFormat),
                       QString::fromLatin1(formatValue(it->value))});
    return t;
}

void ValueHistoryView::setMaxPoints(int count)
{
    m_maxPoints = std::max(10, count);
    replot();
}

void ValueHistoryView::setHistory(const StalenessHistory &history, double now)
{
    setValues(history.trackedSeries(), history.values(), now);
}

void ValueHistoryView::setValues(const SeriesRef &series, const QList<ValuePoint> &values, double now)
{
    m_series = series;
    m_values = values;
    m_now = now;
    replot();
}

void ValueHistoryView::replot()
{
    // Finite values only: a chart cannot draw NaN or ±Inf.
    QList<ValuePoint> finite;
    finite.reserve(m_values.size());
    int skipped = 0;
    for (const ValuePoint &p : std::as_const(m_values)) {
        if (std::isfinite(p.value) && p.time > 0)
            finite.append(p);
        else
            ++skipped;
    }

    // Too many pushes for the width: per bin its first, lowest and highest.
    if (finite.size() > m_maxPoints) {
        const double start = finite.constFirst().time;
        const int bins = std::max(1, m_maxPoints / 3);
        const double width = std::max(1e-3, (finite.constLast().time - start) / bins);
        const auto binOf = [&](qsizetype k) { return std::min<qint64>(bins - 1, qint64((finite.at(k).time - start) / width)); };
        QList<ValuePoint> reduced;
        qsizetype i = 0;
        while (i < finite.size()) {
            const qint64 bin = binOf(i);
            qsizetype lo = i, hi = i, j = i;
            for (; j < finite.size() && binOf(j) == bin; ++j) {
                if (finite.at(j).value < finite.at(lo).value)
                    lo = j;
                if (finite.at(j).value > finite.at(hi).value)
                    hi = j;
            }
            QList<qsizetype> keep{i, lo, hi};
            std::sort(keep.begin(), keep.end());
            keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
            for (qsizetype k : keep)
                reduced.append(finite.at(k));
            i = j;
        }
        finite = std::move(reduced);
    }

    QList<QPointF> line, points;
    line.reserve(2 * finite.size() + 1);
    points.reserve(finite.size());
    double lo = qInf(), hi = -qInf();
    for (qsizetype i = 0; i < finite.size(); ++i) {
        const ValuePoint &p = finite.at(i);
        const double x = p.time * 1000;
        // A step: the previous value holds until this push.
        if (i > 0)
            line.append(QPointF(x, finite.at(i - 1).value));
        line.append(QPointF(x, p.value));
        points.append(QPointF(x, p.value));
        lo = std::min(lo, p.value);
        hi = std::max(hi, p.value);
    }
    if (!finite.isEmpty() && m_now * 1000 > line.constLast().x())
        line.append(QPointF(m_now * 1000, finite.constLast().value));
    m_line->replace(line);
    // A marker per push while they can be told apart; beyond that the
    // markers only thicken the line.
    if (points.size() > MaxMarkers)
        points.clear();
    m_points->replace(points);

    // X: from the first value (or an hour back) to now.
    const double start = finite.isEmpty() ? m_now - 3600 : std::min(finite.constFirst().time, m_now - 60);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(qint64(start * 1000));
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(qint64(m_now * 1000));
    const double span = m_now - start;
    m_span = span;
    fitTimeAxis(m_axisX, span, chart()->plotArea().width(), font());
    if (m_axisX->min() != from || m_axisX->max() != to)
        m_axisX->setRange(from, to);

    // Y: the values with round ticks just outside them; a constant value
    // gets a band around it.
    if (finite.isEmpty()) {
        lo = 0;
        hi = 1;
    } else if (lo == hi) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const double rawStep = (hi - lo) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= rawStep)
            break;
    }
    const double bottom = std::floor(lo / step) * step;
    const double top = std::ceil(hi / step) * step;
    m_axisY->setRange(bottom, top);
    m_axisY->setTickCount(int(std::lround((top - bottom) / step)) + 1);
    const double largest = std::max(std::abs(bottom), std::abs(top));
    m_axisY->setLabelFormat(largest >= 1e6 || (largest > 0 && largest < 1e-3) ? u"%.3g"_s : u"%g"_s);

    QString title;
    if (!m_series.isValid()) {
        title = tr("Select a series to follow its value across polls");
    } else {
        title = m_series.displayText();
        if (title.size() > 90)
            title = title.left(88) + u"\u2026"_s;
        if (m_values.isEmpty())
            title += tr(" \u2013 waiting for the next poll");
        else if (skipped > 0)
            title += skipped == 1 ? tr(" \u2013 1 value not shown (NaN or infinite)")
                                  : tr(" \u2013 %1 values not shown (NaN or infinite)").arg(skipped);
    }
    setSummary(title);
}

} // namespace PushDeck
