#pragma once
// How old every group's last push is, at a glance: groups counted into
// log-scale age buckets, stacked by staleness state. Clicking a bar segment
// asks the main window to filter the table to that age range and state.

#include "staleness/stalenesshistory.h"
#include "views/charts/chartview.h"

#include <array>

class QBarCategoryAxis;
class QBarSet;
class QStackedBarSeries;
class QValueAxis;

namespace PushDeck {

class AgeChartView final : public ChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgeChartView)
public:
    explicit AgeChartView(QWidget *parent = nullptr);
    ~AgeChartView() override;

    // Buckets: [0, 1m), [1m, 5m), [5m, 15m), [15m, 1h), [1h, 3h), [3h, 12h),
    // [12h, 1d), [1d, 3d), [3d, 7d), [7d, inf). Negative ages (clock skew)
    // count as 0; groups that never pushed are not in any bucket.
    static int bucketCount();
    static int bucketOf(double age); // -1 for never pushed (NaN, inf)
    static std::pair<double, double> bucketRange(int bucket); // [min, max), max = +inf for the last
    static QString bucketLabel(int bucket);                    // "0–1m", "5–15m", "15m–1h", "≥1w"
    // The shorter form for narrow charts: the bucket's lower end ("0", "5m",
    // "1h", "≥1w").
    static QString shortBucketLabel(int bucket);
    // The labels the axis shows at `width` pixels of plot in `font`: the
    // full ranges when they fit side by side, else the lower ends, else
    // every other lower end (the others blank); hover shows the full range.
    static QStringList axisLabelsFor(qreal width, const QFont &font);
    QStringList axisLabels() const { return m_axisLabels; }

    // Counts once per poll (O(groups)) and updates the bars in place.
    // `verdicts` parallels `groups`.
    void setGroups(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now);
    void setGroups(const QList<Group> &groups, const StalenessPolicy &policy, double now);
    // Already counted: one StateCounts per bucket, plus how many groups
    // never pushed.
    void setCounts(const QList<StateCounts> &perBucket, int neverPushed = 0);
    const QList<StateCounts> &counts() const { return m_counts; }

    QBarSet *barSet(Staleness state) const { return m_sets[size_t(state)]; }
    int neverPushed() const { return m_neverPushed; }
    ChartTable table() const override;
    QList<LegendEntry> legendEntries() const override;
    QString legendNote() const override;

Q_SIGNALS:
    // A bar segment was clicked: groups with minAge <= age < maxAge in
    // `state` (maxAge is +inf for the last bucket).
    void bucketClicked(double minAge, double maxAge, Staleness state);

protected:
    void applyPalette(const QPalette &palette) override;
    void fitLabels(const QRectF &plotArea) override;

private:
    void onHovered(Staleness state, bool over, int bucket);

    QStackedBarSeries *m_series = nullptr;
    QBarCategoryAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    std::array<QBarSet *, StalenessCount> m_sets{};
    QList<StateCounts> m_counts;
    QStringList m_axisLabels;
    int m_neverPushed = 0;
};

} // namespace PushDeck
