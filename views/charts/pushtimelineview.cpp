#include "views/charts/pushtimelineview.h"

#include "views/common/stateicons.h"
#include "views/common/tones.h"

#include <QCategoryAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QLocale>
#include <QLegend>
#include <QScatterSeries>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// batch-2 before batch-10, whatever the locale (QCollator's numeric mode
// needs ICU and a real locale).
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            // Compare the numbers by length without leading zeros, then digits.
            qsizetype si = i, sj = j;
            while (si + 1 < ei && a.at(si) == u'0')
                ++si;
            while (sj + 1 < ej && b.at(sj) == u'0')
                ++sj;
            if (ei - si != ej - sj)
                return ei - si < ej - sj;
            if (const int c = QStringView(a).mid(si, ei - si).compare(QStringView(b).mid(sj, ej - sj)); c != 0)
                return c < 0;
            i = ei;
            j = ej;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j);
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j;
    return a < b; // equal by the rules above (leading zeros): keep a total order
}

} // namespace

PushTimelineView::PushTimelineView(QWidget *parent)
    : ChartView(parent)
{
    setMinimumSize(200, 150);
    setAccessibleName(tr("Push timeline chart"));

    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);

    m_pushes = new QScatterSeries(chart);
    m_pushes->setName(tr("Push"));
    m_pushes->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_pushes->setMarkerSize(8);
    m_failures = new QScatterSeries(chart);
    m_failures->setName(tr("Failed push"));
    m_failures->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_failures->setMarkerSize(9);
    chart->addSeries(m_pushes);
    chart->addSeries(m_failures);

    m_axisX = new QDateTimeAxis(chart);
    m_axisX->setFormat(u"HH:mm"_s);
    m_axisX->setTickCount(7);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    m_axisY = new QCategoryAxis(chart);
    m_axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setGridLineVisible(true);
    // Qt Charts keeps the label width of the first layout when the lanes
    // change and elides every new name to "..."; job names must stay legible.
    m_axisY->setTruncateLabels(false);
    m_axisY->setRange(-0.5, 0.5);
    m_axisY->setStartValue(-0.5);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QScatterSeries *series : {m_pushes, m_failures}) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        connect(series, &QScatterSeries::clicked, this, &PushTimelineView::onClicked);
    }
    setChart(chart);
    m_now = double(QDateTime::currentSecsSinceEpoch());
    finishSetup();
    replot();
}

PushTimelineView::~PushTimelineView() = default;

void PushTimelineView::applyPalette(const QPalette &palette)
{
    const QColor push = StateIcons::color(Staleness::Fresh, palette);
    const QColor failure = StateIcons::color(Staleness::Failed, palette);
    const QColor text = palette.color(QPalette::Text);
    m_pushes->setColor(push);
    m_pushes->setBorderColor(Tones::mix(push, text, 0.3));
    m_failures->setColor(failure);
    m_failures->setBorderColor(Tones::mix(failure, text, 0.3));
}

void PushTimelineView::fitLabels(const QRectF &plotArea)
{
    fitTimeAxis(m_axisX, m_span, plotArea.width(), font());
    updateLaneLabels();
}

void PushTimelineView::setWindow(double seconds)
{
    m_window = seconds > 0 ? std::max(60.0, seconds) : 0;
    replot();
}

void PushTimelineView::setMaxLanes(int count)
{
    m_maxLanes = std::max(1, count);
    replot();
}

void PushTimelineView::setMaxPoints(int count)
{
    m_maxPoints = std::max(100, count);
    replot();
}

void PushTimelineView::setJobFilter(const QStringList &jobs)
{
    m_jobFilter = jobs;
    replot();
}

void PushTimelineView::setHistory(const StalenessHistory &history, double now)
{
    m_events.clear();
    for (const QString &job : history.jobs())
        m_events.insert(job, history.pushEvents(job)); // implicitly shared
    m_coverageStart = history.pushCoverageStart();
    m_now = now;
    replot();
}

QSize PushTimelineView::sizeHint() const
{
    return QSize(640, 90 + 22 * std::max<qsizetype>(3, m_lanes.size()));
}

void PushTimelineView::replot()
{
    // The span follows the data: from the oldest push kept (or the fixed
    // window), at least ten minutes, so a session's first pushes spread
    // over the axis instead of sitting at its right edge.
    double span = m_window;
    if (span <= 0) {
        double oldest = m_now;
        for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
            if (!it->isEmpty() && (m_jobFilter.isEmpty() || m_jobFilter.contains(it.key())))
                oldest = std::min(oldest, it->constFirst().time);
        }
        // A little room before the first push, so its point is not cut.
        span = std::max(600.0, (m_now - oldest) * 1.03);
    }
    m_span = span;
    const double start = m_now - span;
    const auto inWindow = [start](const QList<PushEvent> &events) {
        return !events.isEmpty() && events.constLast().time >= start;
    };

    // Lanes: jobs with a push in the window, by name.
    QStringList jobs;
    if (m_jobFilter.isEmpty()) {
        for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
            if (inWindow(*it))
                jobs.append(it.key());
        }
    } else {
        for (const QString &job : m_jobFilter) {
            if (inWindow(m_events.value(job)))
                jobs.append(job);
        }
    }
    std::sort(jobs.begin(), jobs.end(), naturalLess);
    jobs.removeDuplicates();
    m_hiddenJobs = int(std::max<qsizetype>(0, jobs.size() - m_maxLanes));
    if (jobs.size() > m_maxLanes)
        jobs.resize(m_maxLanes);

    if (jobs != m_lanes) {
        m_lanes = jobs;
        updateLaneLabels();
        m_axisY->setRange(-0.5, std::max<double>(0.5, double(m_lanes.size()) - 0.5));
        updateGeometry();
    }

    // Merge pushes a lane could not show apart: at most m_maxPoints overall.
    const qsizetype lanes = std::max<qsizetype>(1, m_lanes.size());
    const double bins = std::floor(std::clamp<double>(double(m_maxPoints) / double(lanes), 20, 2000));
    const double binWidth = span / bins;
    QList<QPointF> pushes, failures;
    for (qsizetype i = 0; i < m_lanes.size(); ++i) {
        const double y = double(m_lanes.size() - 1 - i);
        const QList<PushEvent> events = m_events.value(m_lanes.at(i));
        auto it = std::lower_bound(events.cbegin(), events.cend(), start, [](const PushEvent &e, double t) { return e.time < t; });
        qint64 lastPushBin = -1, lastFailureBin = -1;
        for (; it != events.cend(); ++it) {
            const qint64 bin = std::min<qint64>(qint64(bins) - 1, qint64((it->time - start) / binWidth));
            const double x = it->time * 1000;
            if (it->pushes > 0 && bin != lastPushBin) {
                pushes.append(QPointF(x, y));
                lastPushBin = bin;
            }
            if (it->failures > 0 && bin != lastFailureBin) {
                failures.append(QPointF(x, y));
                lastFailureBin = bin;
            }
        }
    }
    m_pushes->replace(pushes);
    m_failures->replace(failures);

    const QDateTime from = QDateTime::fromMSecsSinceEpoch(qint64(start * 1000));
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(qint64(m_now * 1000));
    fitTimeAxis(m_axisX, span, chart()->plotArea().width(), font());
    if (m_axisX->min() != from || m_axisX->max() != to)
        m_axisX->setRange(from, to);

    QString title;
    if (m_lanes.isEmpty())
        title = tr("No pushes seen in the last %1").arg(formatWindow());
    else
        title = tr("Pushes seen in the last %1").arg(formatWindow());
    if (m_hiddenJobs > 0)
        title += m_hiddenJobs == 1 ? tr(" (1 more job not shown)") : tr(" (%1 more jobs not shown)").arg(m_hiddenJobs);
    if (m_coverageStart > start)
        title += tr(" \u2013 older pushes dropped to save memory");
    setSummary(title);
}

void PushTimelineView::updateLaneLabels()
{
    // Top to bottom in name order; a lane's label sits on its value.
    // QCategoryAxis wants increasing values (bottom lane first) and unique
    // labels. Names are shortened in the middle to at most a third of the
    // chart's width, unless that would make two lanes look alike.
    const QFontMetricsF metrics(font());
    const qreal room = std::max<qreal>(metrics.averageCharWidth() * 8, width() / 3.0);
    QStringList labels;
    for (const QString &job : std::as_const(m_lanes))
        labels.append(metrics.elidedText(job, Qt::ElideMiddle, room));
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (labels.count(labels.at(i)) > 1)
            labels[i] = m_lanes.at(i);
    }
    if (labels == m_laneLabels && m_axisY->count() == labels.size())
        return;
    m_laneLabels = labels;
    const QStringList old = m_axisY->categoriesLabels();
    for (const QString &label : old)
        m_axisY->remove(label);
    for (qsizetype i = m_lanes.size() - 1; i >= 0; --i)
        m_axisY->append(labels.at(i), double(m_lanes.size() - 1 - i));
}

QList<LegendEntry> PushTimelineView::legendEntries() const
{
    return {{u"push"_s, m_pushes->name(), m_pushes->color()}, {u"failed"_s, m_failures->name(), m_failures->color()}};
}

ChartTable PushTimelineView::table() const
{
    ChartTable t;
    t.headers = {tr("Job"), tr("Pushes"), tr("Failed pushes"), tr("Last push")};
    const double start = m_now - m_span;
    const QLocale locale;
    for (const QString &job : m_lanes) {
        int pushes = 0, failures = 0;
        double last = 0;
        for (const PushEvent &e : m_events.value(job)) {
            if (e.time < start)
                continue;
            pushes += e.pushes;
            failures += e.failures;
            if (e.pushes > 0)
                last = std::max(last, e.time);
        }
        t.rows.append({job, locale.toString(pushes), locale.toString(failures),
                       last > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(last * 1000)).time(), QLocale::ShortFormat)
                                : tr("none")});
    }
    return t;
}

QString PushTimelineView::formatWindow() const
{
    const double hours = m_span / 3600;
    if (hours >= 1 && std::abs(hours - std::round(hours)) < 1e-9)
        return hours == 1 ? tr("hour") : tr("%1 hours").arg(int(std::round(hours)));
    if (hours >= 2)
        return tr("%1 hours").arg(QLocale().toString(hours, 'f', 1));
    const int minutes = int(std::round(m_span / 60));
    return minutes == 1 ? tr("minute") : tr("%1 minutes").arg(minutes);
}

void PushTimelineView::onClicked(const QPointF &point)
{
    const int lane = int(std::lround(point.y()));
    const qsizetype index = m_lanes.size() - 1 - lane;
    if (index < 0 || index >= m_lanes.size())
        return;
    Q_EMIT pushClicked(m_lanes.at(index), point.x() / 1000);
}

} // namespace PushDeck
