#pragma once
// Staleness over time: how many groups were fresh, warning, stale, failed or
// unknown at each poll, as stacked areas over the session or the last 24 h.
// Clicking a legend entry hides that state and rescales to the others, so a
// handful of stale groups can be seen next to thousands of fresh ones.

#include "staleness/stalenesshistory.h"
#include "views/charts/chartview.h"

#include <array>

class QAreaSeries;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace PushDeck {

class StalenessTrendView final : public ChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StalenessTrendView)
public:
    explicit StalenessTrendView(QWidget *parent = nullptr);
    ~StalenessTrendView() override;

    // Seconds before `now` to show; 0: everything the history holds.
    double window() const { return m_window; }
    void setWindow(double seconds);
    // At most this many points per state: samples are binned, and each bin
    // shows its worst sample (most groups not fresh), so spikes survive.
    int maxPoints() const { return m_maxPoints; }
    void setMaxPoints(int count);

    // Re-plots from the history's samples in place (no series re-created).
    void setHistory(const StalenessHistory &history, double now);
    void setSamples(const QList<StateSample> &samples, double now);

    bool isStateVisible(Staleness state) const { return !m_hidden[size_t(state)]; }
    void setStateVisible(Staleness state, bool visible);

    QAreaSeries *areaSeries(Staleness state) const { return m_areas[size_t(state)]; }
    QLineSeries *upperSeries(Staleness state) const { return m_upper[size_t(state)]; }
    QDateTimeAxis *timeAxis() const { return m_axisX; }
    // The poll samples plotted (binned), oldest first.
    ChartTable table() const override;
    // A note after the summary, e.g. that the history counts every group
    // whatever the table's filter shows.
    void setNote(const QString &note);
    QList<LegendEntry> legendEntries() const override;
    QString legendNote() const override;
    void legendEntryActivated(const QString &id) override;

protected:
    void applyPalette(const QPalette &palette) override;
    void fitLabels(const QRectF &plotArea) override;

private:
    void replot();

    std::array<QAreaSeries *, StalenessCount> m_areas{};
    std::array<QLineSeries *, StalenessCount> m_upper{};
    std::array<bool, StalenessCount> m_hidden{};
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QList<StateSample> m_samples;
    QList<StateSample> m_shown; // what replot() drew, for table()
    QString m_note;
    double m_span = 3600;
    double m_now = 0;
    double m_window = 0;
    int m_maxPoints = 600;
};

} // namespace PushDeck
