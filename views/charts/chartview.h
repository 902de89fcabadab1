#pragma once
// What the chart docks share: a QChartView painted with the widget palette
// (and repainted when it changes), axes whose labels are fitted to the
// width the chart has (fewer ticks, shorter or fewer labels, never text run
// together), a one-line summary shown above the chart instead of a title
// that would be cut, and the chart's numbers as a table: the text
// alternative for people who cannot see the chart.

#include <QChartView>
#include <QColor>
#include <QStringList>

class QDateTimeAxis;

namespace PushDeck {

// One entry of a chart's legend: a colour and what it stands for ("167
// stale"). Qt Charts' own legend cuts its labels to "Wa…" in a narrow dock;
// ChartPanel shows these as wrapping text instead.
struct LegendEntry
{
    QString id;          // for legendEntryActivated()
    QString text;
    QColor color;
    bool hidden = false; // shown struck out
    bool clickable = false;
};

// A chart's numbers: what the table view of a ChartPanel shows.
struct ChartTable
{
    QStringList headers;
    QList<QStringList> rows;
};

class ChartView : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)
public:
    explicit ChartView(QWidget *parent = nullptr);
    ~ChartView() override;

    // What the chart shows in one sentence ("295 fresh · 3 stale"), for the
    // panel above it and for screen readers.
    QString summary() const { return m_summary; }
    // The chart's numbers, rows in reading order.
    virtual ChartTable table() const = 0;
    // The legend, and what the summary says beyond it (the whole summary
    // for charts without a legend).
    virtual QList<LegendEntry> legendEntries() const { return {}; }
    virtual QString legendNote() const { return m_summary; }
    // A clickable legend entry was clicked (e.g. hides a state).
    virtual void legendEntryActivated(const QString &id) { Q_UNUSED(id) }

    // Ticks and format of a time axis for `spanSeconds` in `width` pixels:
    // as many labels as fit side by side with a gap, seconds only for short
    // spans, the date only for long ones. Returns the tick count.
    static int fitTimeAxis(QDateTimeAxis *axis, double spanSeconds, qreal width, const QFont &font);

Q_SIGNALS:
    // The summary or the numbers changed (after every re-plot).
    void contentChanged();

protected:
    void setSummary(const QString &text);
    // Colours of series and markers from `palette`; the base class has
    // already themed background, titles, labels and grid.
    virtual void applyPalette(const QPalette &palette) { Q_UNUSED(palette) }
    // The plot area changed size: fit the axis labels to it.
    virtual void fitLabels(const QRectF &plotArea) { Q_UNUSED(plotArea) }
    // Call at the end of the subclass constructor (after setChart()).
    void finishSetup();
    void changeEvent(QEvent *event) override;

private:
    void themeChart();

    QString m_summary;
    bool m_fitting = false;
};

} // namespace PushDeck
