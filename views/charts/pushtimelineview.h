#pragma once
// The push timeline: one lane per job, a point for each push PushDeck saw
// over the last hours (failed pushes in red), so a missing nightly run or a
// job that went quiet stands out as a gap in an otherwise regular lane.

#include "staleness/stalenesshistory.h"
#include "views/charts/chartview.h"


class QCategoryAxis;
class QDateTimeAxis;
class QScatterSeries;

namespace PushDeck {

class PushTimelineView final : public ChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushTimelineView)
public:
    explicit PushTimelineView(QWidget *parent = nullptr);
    ~PushTimelineView() override;

    // Seconds before `now` to show; 0 (the default): follow the data, from
    // the oldest push in the history (at least 10 minutes back) to now.
    double window() const { return m_window; }
    void setWindow(double seconds);
    // The span shown at the last re-plot (the window, or what the data needs).
    double shownSpan() const { return m_span; }
    // At most this many lanes (jobs, by name) and points over all lanes;
    // pushes closer than a lane can show apart are merged into one point.
    int maxLanes() const { return m_maxLanes; }
    void setMaxLanes(int count);
    int maxPoints() const { return m_maxPoints; }
    void setMaxPoints(int count);
    // Only these jobs (e.g. those the table's filter shows); empty: all.
    void setJobFilter(const QStringList &jobs);

    // Re-plots in place from the history's push events.
    void setHistory(const StalenessHistory &history, double now);

    QStringList lanes() const { return m_lanes; }
    int hiddenJobCount() const { return m_hiddenJobs; }
    QScatterSeries *pushSeries() const { return m_pushes; }
    QScatterSeries *failureSeries() const { return m_failures; }

    QSize sizeHint() const override; // grows with the lanes
    QDateTimeAxis *timeAxis() const { return m_axisX; }
    // The axis labels of the lanes, top to bottom (shortened to fit).
    QStringList laneLabels() const { return m_laneLabels; }
    // Per lane: job, pushes and failed pushes in the span, the last push.
    ChartTable table() const override;
    QList<LegendEntry> legendEntries() const override;

Q_SIGNALS:
    // A lane's point was clicked: the job and the time (unix seconds).
    void pushClicked(const QString &job, double time);

protected:
    void applyPalette(const QPalette &palette) override;
    void fitLabels(const QRectF &plotArea) override;

private:
    void replot();
    void updateLaneLabels();
    QString formatWindow() const;
    void onClicked(const QPointF &point);

    QScatterSeries *m_pushes = nullptr;
    QScatterSeries *m_failures = nullptr;
    QDateTimeAxis *m_axisX = nullptr;
    QCategoryAxis *m_axisY = nullptr;
    QHash<QString, QList<PushEvent>> m_events; // job -> events, shared with the history
    double m_coverageStart = 0;
    double m_now = 0;
    QStringList m_lanes;
    QStringList m_laneLabels;
    QStringList m_jobFilter;
    int m_hiddenJobs = 0;
    double m_window = 0;
    double m_span = 600;
    int m_maxLanes = 25;
    int m_maxPoints = 6000;
};

} // namespace PushDeck
