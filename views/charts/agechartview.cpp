#include "views/charts/agechartview.h"

#include "views/charts/countaxis.h"
#include "core/duration.h"
#include "views/common/stateicons.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLegend>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Roughly ×3 apart: a log scale a person can read without a log axis.
constexpr std::array<double, 9> Bounds{60, 300, 900, 3600, 3 * 3600, 12 * 3600, 86400, 3 * 86400, 7 * 86400};

// Stacking order, bottom first; also the legend order.
constexpr std::array<Staleness, StalenessCount> StackOrder{
    Staleness::Fresh, Staleness::Warning, Staleness::Stale, Staleness::Failed, Staleness::Unknown};

QString countText(int n)
{
    return QLocale().toString(n);
}

} // namespace

AgeChartView::AgeChartView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 220);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // 10k groups, polled: no animation churn
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_series = new QStackedBarSeries(chart);
    m_series->setBarWidth(0.8);
    m_counts.resize(bucketCount());
    for (Staleness state : StackOrder) {
        auto *set = new QBarSet(StateIcons::label(state), m_series);
        set->setColor(StateIcons::color(state));
        set->setBorderColor(StateIcons::color(state).darker(125));
        for (int b = 0; b < bucketCount(); ++b)
            set->append(0);
        m_sets[size_t(state)] = set;
        m_series->append(set);
        connect(set, &QBarSet::clicked, this, [this, state](int bucket) {
            const auto [min, max] = bucketRange(bucket);
            Q_EMIT bucketClicked(min, max, state);
        });
        connect(set, &QBarSet::hovered, this, [this, state](bool over, int bucket) { onHovered(state, over, bucket); });
    }
    chart->addSeries(m_series);

    m_axisX = new QBarCategoryAxis(chart);
    QStringList categories;
    for (int b = 0; b < bucketCount(); ++b)
        categories.append(bucketLabel(b));
    m_axisX->append(categories);
    m_axisX->setTitleText(tr("Age of the last successful push"));
    m_axisX->setTruncateLabels(false);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    m_series->attachAxis(m_axisX);

    m_axisY = new QValueAxis(chart);
    m_axisY->setLabelFormat(u"%d"_s);
    m_axisY->setRange(0, 5);
    m_axisY->setTickCount(6);
    m_axisY->setMinorTickCount(0);
    m_axisY->setTitleText(tr("Groups"));
    chart->addAxis(m_axisY, Qt::AlignLeft);
    m_series->attachAxis(m_axisY);

    setChart(chart);
    setCounts(m_counts, 0);
}

AgeChartView::~AgeChartView() = default;

int AgeChartView::bucketCount()
{
    return int(Bounds.size()) + 1;
}

int AgeChartView::bucketOf(double age)
{
    if (std::isnan(age) || std::isinf(age))
        return -1;
    int b = 0;
    while (b < int(Bounds.size()) && age >= Bounds[size_t(b)])
        ++b;
    return b;
}

std::pair<double, double> AgeChartView::bucketRange(int bucket)
{
    const double min = bucket <= 0 ? 0 : Bounds[size_t(bucket - 1)];
    const double max = bucket >= int(Bounds.size()) ? qInf() : Bounds[size_t(bucket)];
    return {min, max};
}

QString AgeChartView::bucketLabel(int bucket)
{
    // Short enough for ten categories side by side: the unit is written
    // once when both ends share it ("5–15m", "15m–1h"). No "<": axis labels
    // are rich text, where "<1m" would read as a tag.
    const auto [min, max] = bucketRange(bucket);
    if (std::isinf(max))
        return u"\u2265"_s + formatDuration(min);
    const QString from = formatDuration(min);
    const QString to = formatDuration(max);
    const auto singleUnit = [](const QString &text) {
        qsizetype digits = 0;
        while (digits < text.size() && text.at(digits).isDigit())
            ++digits;
        return digits > 0 && digits == text.size() - 1 ? text.right(1) : QString();
    };
    if (min <= 0)
        return u"0\u2013"_s + to;
    const QString unit = singleUnit(from);
    if (!unit.isEmpty() && unit == singleUnit(to))
        return from.chopped(1) + u"\u2013"_s + to;
    return from + u"\u2013"_s + to;
}

void AgeChartView::setGroups(const QList<Group> &groups, const QList<StalenessVerdict> &verdicts, double now)
{
    QList<StateCounts> counts(bucketCount());
    int never = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const double pushTime = groups.at(i).pushTime;
        const int bucket = pushTime > 0 ? bucketOf(std::max(0.0, now - pushTime)) : -1;
        if (bucket < 0) {
            ++never;
            continue;
        }
        counts[bucket].add(i < verdicts.size() ? verdicts.at(i).state : Staleness::Unknown);
    }
    setCounts(counts, never);
}

void AgeChartView::setGroups(const QList<Group> &groups, const StalenessPolicy &policy, double now)
{
    QList<StalenessVerdict> verdicts;
    verdicts.reserve(groups.size());
    for (const Group &group : groups)
        verdicts.append(policy.evaluate(group, now));
    setGroups(groups, verdicts, now);
}

void AgeChartView::setCounts(const QList<StateCounts> &perBucket, int neverPushed)
{
    m_counts = perBucket;
    m_counts.resize(bucketCount());
    m_neverPushed = neverPushed;

    StateCounts totals;
    int highest = 0;
    for (int b = 0; b < bucketCount(); ++b) {
        const StateCounts &c = m_counts.at(b);
        for (Staleness state : StackOrder) {
            QBarSet *set = m_sets[size_t(state)];
            // Only touch what changed: every replace() repaints.
            if (set->at(b) != c.value(state))
                set->replace(b, c.value(state));
            totals.add(state, c.value(state));
        }
        highest = std::max(highest, c.total());
    }

    const auto [top, ticks] = countAxis(highest);
    if (m_axisY->max() != top || m_axisY->tickCount() != ticks) {
        m_axisY->setRange(0, top);
        m_axisY->setTickCount(ticks);
    }

    QStringList parts;
    for (Staleness state : StackOrder) {
        if (totals.value(state) > 0)
            parts.append(countText(totals.value(state)) + u' ' + stalenessName(state));
    }
    if (m_neverPushed > 0)
        parts.append(tr("%1 never pushed").arg(countText(m_neverPushed)));
    const QString title = parts.isEmpty() ? tr("No groups") : parts.join(u"  \u00b7  "_s);
    if (chart()->title() != title)
        chart()->setTitle(title);
}

void AgeChartView::onHovered(Staleness state, bool over, int bucket)
{
    if (!over || bucket < 0 || bucket >= m_counts.size()) {
        QToolTip::hideText();
        return;
    }
    const int n = m_counts.at(bucket).value(state);
    QToolTip::showText(QCursor::pos(),
                       tr("%1 %2 groups, last push %3 ago\nClick to show them in the table")
                           .arg(countText(n), stalenessName(state), bucketLabel(bucket)),
                       this);
}

} // namespace PushDeck
