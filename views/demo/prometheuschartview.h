#pragma once
// The Prometheus side of the current Pitfalls step as a chart: the lines
// DemoPrometheus read from the demo's Prometheus over the last minutes, with
// gaps where Prometheus had no sample (a restart, a failed scrape). Values on
// the left axis, 0/1 states (up, series answered, alert) on the right.

#include <QChartView>

class QCategoryAxis;
class QDateTimeAxis;
class QValueAxis;

namespace PushDeck {

class DemoPrometheus;

class PrometheusChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusChartView)
public:
    explicit PrometheusChartView(DemoPrometheus *prometheus, QWidget *parent = nullptr);

    // Presenter mode: title, legend and axis labels this much larger.
    void setFontScale(double factor);

    // Series drawn (a line with gaps is several), for tests.
    int segmentCount() const;

private:
    void rebuild();

    DemoPrometheus *m_prometheus;
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisLeft = nullptr;
    QCategoryAxis *m_axisState = nullptr;
    double m_fontScale = 1.0;
    QFont m_baseTitle, m_baseLegend, m_baseLabels;
};

} // namespace PushDeck
