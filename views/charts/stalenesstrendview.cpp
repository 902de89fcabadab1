#include "views/charts/stalenesstrendview.h"

#include "views/charts/countaxis.h"
#include "views/common/stateicons.h"
#include "views/common/tones.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Bottom first: the states that need attention sit on the baseline, where
// even a thin band is easy to see.
constexpr std::array<Staleness, StalenessCount> StackOrder{
    Staleness::Failed, Staleness::Stale, Staleness::Warning, Staleness::Unknown, Staleness::Fresh};

int attention(const StateCounts &c)
{
    return c.value(Staleness::Failed) + c.value(Staleness::Stale) + c.value(Staleness::Warning);
}

} // namespace

StalenessTrendView::StalenessTrendView(QWidget *parent)
    : ChartView(parent)
{
    setMinimumSize(200, 150);
    setAccessibleName(tr("Staleness over time chart"));
    setToolTip(tr("Click a state above the chart to hide it; the others rescale."));

    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);

    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(u"HH:mm"_s);
    m_axisX->setTickCount(7);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    m_axisY = new QValueAxis(chart);
    m_axisY->setLabelFormat(u"%d"_s);
    m_axisY->setRange(0, 5);
    m_axisY->setTitleText(tr("Groups"));
    chart->addAxis(m_axisY, Qt::AlignLeft);

    QLineSeries *below = nullptr;
    for (Staleness state : StackOrder) {
        auto *upper = new QLineSeries(chart);
        auto *area = new QAreaSeries(upper, below);
        area->setName(StateIcons::label(state));
        chart->addSeries(area);
        area->attachAxis(m_axisX);
        area->attachAxis(m_axisY);
        m_areas[size_t(state)] = area;
        m_upper[size_t(state)] = upper;
        below = upper;
    }
    setChart(chart);

    m_now = double(QDateTime::currentSecsSinceEpoch());
    finishSetup();
    replot();
}

void StalenessTrendView::applyPalette(const QPalette &palette)
{
    for (Staleness state : StackOrder) {
        QAreaSeries *area = m_areas[size_t(state)];
        const QColor color = StateIcons::color(state, palette);
        // Calm states lighter, so the bands that need attention stand out.
        const bool calm = state == Staleness::Fresh || state == Staleness::Unknown;
        area->setBrush(Tones::mix(palette.color(QPalette::Base), color, calm ? 0.45 : 0.85));
        area->setPen(QPen(color, 1));
    }
}

void StalenessTrendView::fitLabels(const QRectF &plotArea)
{
    fitTimeAxis(m_axisX, m_span, plotArea.width(), font());
}

void StalenessTrendView::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    replot();
}

QList<LegendEntry> StalenessTrendView::legendEntries() const
{
    // The counts of the last poll; a click hides a state (and rescales).
    QList<LegendEntry> entries;
    const StateCounts last = m_samples.isEmpty() ? StateCounts{} : m_samples.constLast().counts;
    for (Staleness state : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown}) {
        if (last.value(state) == 0 && isStateVisible(state) && state != Staleness::Stale && state != Staleness::Failed)
            continue;
        LegendEntry entry{stalenessName(state), StateIcons::countText(state, last.value(state)),
                          StateIcons::color(state, palette())};
        entry.hidden = !isStateVisible(state);
        entry.clickable = true;
        entries.append(entry);
    }
    return entries;
}

QString StalenessTrendView::legendNote() const
{
    if (m_samples.isEmpty())
        return tr("No polls recorded yet");
    return m_note;
}

void StalenessTrendView::legendEntryActivated(const QString &id)
{
    if (const auto state = stalenessFromName(id))
        setStateVisible(*state, !isStateVisible(*state));
}

ChartTable StalenessTrendView::table() const
{
    ChartTable t;
    t.headers.append(tr("Time"));
    for (Staleness state : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown})
        t.headers.append(StateIcons::label(state));
    const QLocale locale;
    // Newest first: what a reader wants to hear first.
    for (auto it = m_shown.crbegin(); it != m_shown.crend(); ++it) {
        QStringList row{locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(it->time * 1000)), QLocale::ShortFormat)};
        for (Staleness state : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown})
            row.append(locale.toString(it->counts.value(state)));
        t.rows.append(row);
    }
    return t;
}

StalenessTrendView::~StalenessTrendView() = default;

void StalenessTrendView::setWindow(double seconds)
{
    m_window = std::max(0.0, seconds);
    replot();
}

void StalenessTrendView::setMaxPoints(int count)
{
    m_maxPoints = std::max(10, count);
    replot();
}

void StalenessTrendView::setHistory(const StalenessHistory &history, double now)
{
    setSamples(history.samples(), now);
}

void StalenessTrendView::setSamples(const QList<StateSample> &samples, double now)
{
    m_samples = samples; // implicitly shared with the history: no copy
    m_now = now;
    replot();
}

void StalenessTrendView::setStateVisible(Staleness state, bool visible)
{
    if (m_hidden[size_t(state)] == !visible)
        return;
    m_hidden[size_t(state)] = !visible;
    replot();
}

void StalenessTrendView::replot()
{
    // The samples in the window.
    // The whole history: from its first sample (at least 10 s back, so a
    // session's first poll does not sit on a zero-width axis).
    const double start = m_window > 0 ? m_now - m_window
                                      : (m_samples.isEmpty() ? m_now - 3600 : std::min(m_samples.constFirst().time, m_now - 10));
    const auto first = std::lower_bound(m_samples.cbegin(), m_samples.cend(), start,
                                        [](const StateSample &s, double t) { return s.time < t; });
    const qsizetype count = m_samples.cend() - first;

    // Bin to at most m_maxPoints, keeping each bin's worst sample.
    QList<const StateSample *> shown;
    shown.reserve(std::min<qsizetype>(count, m_maxPoints));
    const double span = std::max(1.0, m_now - start);
    if (count <= m_maxPoints) {
        for (auto it = first; it != m_samples.cend(); ++it)
            shown.append(&*it);
    } else {
        const double width = span / m_maxPoints;
        qint64 currentBin = -1;
        for (auto it = first; it != m_samples.cend(); ++it) {
            const qint64 bin = std::min<qint64>(m_maxPoints - 1, qint64((it->time - start) / width));
            if (bin != currentBin || shown.isEmpty()) {
                shown.append(&*it);
                currentBin = bin;
            } else if (attention(it->counts) > attention(shown.constLast()->counts)) {
                shown.last() = &*it;
            }
        }
    }

    // Gaps (PushDeck was closed, the gateway was unreachable) drop to zero
    // instead of drawing a straight line across hours nobody watched.
    double gap = 0;
    if (shown.size() >= 3) {
        QList<double> steps;
        steps.reserve(shown.size() - 1);
        for (qsizetype i = 1; i < shown.size(); ++i)
            steps.append(shown.at(i)->time - shown.at(i - 1)->time);
        std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
        gap = std::max(60.0, 5 * steps.at(steps.size() / 2));
    }

    std::array<QList<QPointF>, StalenessCount> points;
    for (auto &list : points)
        list.reserve(shown.size() + 8);
    double highest = 0;
    auto addPoint = [&](double time, const StateCounts *counts) {
        const double x = time * 1000;
        double cumulative = 0;
        for (Staleness state : StackOrder) {
            if (counts && !m_hidden[size_t(state)])
                cumulative += counts->value(state);
            points[size_t(state)].append(QPointF(x, cumulative));
        }
        highest = std::max(highest, cumulative);
    };
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const StateSample *s = shown.at(i);
        if (i > 0 && gap > 0 && s->time - shown.at(i - 1)->time > gap) {
            addPoint(shown.at(i - 1)->time + 1, nullptr);
            addPoint(s->time - 1, nullptr);
        }
        addPoint(s->time, &s->counts);
    }

    for (Staleness state : StackOrder)
        m_upper[size_t(state)]->replace(points[size_t(state)]);
    m_shown.clear();
    m_shown.reserve(shown.size());
    for (const StateSample *sample : std::as_const(shown))
        m_shown.append(*sample);

    const QDateTime from = QDateTime::fromMSecsSinceEpoch(qint64(start * 1000));
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(qint64(m_now * 1000));
    m_span = span;
    fitTimeAxis(m_axisX, span, chart()->plotArea().width(), font());
    if (m_axisX->min() != from || m_axisX->max() != to)
        m_axisX->setRange(from, to);
    const auto [top, ticks] = countAxis(highest);
    if (m_axisY->max() != top || m_axisY->tickCount() != ticks) {
        m_axisY->setRange(0, top);
        m_axisY->setTickCount(ticks);
    }

    QString title;
    if (!m_samples.isEmpty()) {
        const StateCounts &last = m_samples.constLast().counts;
        QStringList parts;
        for (Staleness state : {Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown}) {
            if (last.value(state) > 0 || state == Staleness::Stale || state == Staleness::Failed)
                parts.append(StateIcons::countText(state, last.value(state)));
        }
        title = tr("Now: %1").arg(parts.join(u" \u00b7 "_s));
    } else {
        title = tr("No polls recorded yet");
    }
    if (!m_note.isEmpty())
        title += u" \u2013 "_s + m_note;
    setSummary(title);
}

} // namespace PushDeck
