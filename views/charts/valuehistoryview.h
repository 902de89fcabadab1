#pragma once
// One selected series' value across polls: a step line (a pushed value holds
// until the next push) up to now, with a marker at each push while there are
// few enough to tell apart.

#include "staleness/stalenesshistory.h"
#include "views/charts/chartview.h"


class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace PushDeck {

class ValueHistoryView final : public ChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueHistoryView)
public:
    explicit ValueHistoryView(QWidget *parent = nullptr);
    ~ValueHistoryView() override;

    // At most this many pushes drawn; beyond that, each bin keeps its
    // lowest and highest value so spikes stay visible.
    int maxPoints() const { return m_maxPoints; }
    void setMaxPoints(int count);

    // Re-plots in place from the history's tracked series.
    void setHistory(const StalenessHistory &history, double now);
    void setValues(const SeriesRef &series, const QList<ValuePoint> &values, double now);

    QLineSeries *lineSeries() const { return m_line; }
    QScatterSeries *pointSeries() const { return m_points; }
    QDateTimeAxis *timeAxis() const { return m_axisX; }
    // Every value kept, newest first: time and value as the gateway wrote it.
    ChartTable table() const override;

protected:
    void applyPalette(const QPalette &palette) override;
    void fitLabels(const QRectF &plotArea) override;

private:
    void replot();

    QLineSeries *m_line = nullptr;
    QScatterSeries *m_points = nullptr;
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    SeriesRef m_series;
    QList<ValuePoint> m_values;
    double m_now = 0;
    double m_span = 3600;
    int m_maxPoints = 2000;
};

} // namespace PushDeck
