#include "views/charts/agechartview.h"

#include "views/charts/countaxis.h"
#include "core/duration.h"
#include "views/common/stateicons.h"
#include "views/common/tones.h"

#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QFontMetricsF>
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
    : ChartView(parent)
{
    setMinimumSize(200, 150);
    setAccessibleName(tr("Age distribution chart"));

    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);

    m_series = new QStackedBarSeries(chart);
    m_series->setBarWidth(0.8);
    m_counts.resize(bucketCount());
    for (Staleness state : StackOrder) {
        auto *set = new QBarSet(StateIcons::label(state), m_series);
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
    m_axisLabels = axisLabelsFor(1e6, font());
    m_axisX->append(m_axisLabels);
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
    finishSetup();
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

QString AgeChartView::shortBucketLabel(int bucket)
{
    const auto [min, max] = bucketRange(bucket);
    if (std::isinf(max))
        return u"\u2265"_s + formatDuration(min);
    return min <= 0 ? u"0"_s : formatDuration(min);
}

QStringList AgeChartView::axisLabelsFor(qreal width, const QFont &font)
{
    const QFontMetricsF metrics(font);
    const qreal gap = metrics.averageCharWidth() * 1.5;
    const qreal slot = width / bucketCount();
    const auto fits = [&](const QStringList &labels, int every) {
        for (qsizetype b = 0; b < labels.size(); b += every) {
            if (metrics.horizontalAdvance(labels.at(b)) + gap > slot * every)
                return false;
        }
        return true;
    };
    QStringList full, lower;
    for (int b = 0; b < bucketCount(); ++b) {
        full.append(bucketLabel(b));
        lower.append(shortBucketLabel(b));
    }
    if (fits(full, 1))
        return full;
    if (fits(lower, 1))
        return lower;
    // Every other bound (the first and "≥1w" are always shown); the others
    // must still be distinct categories: zero-width spaces, never seen.
    int every = 2;
    while (every < bucketCount() && !fits(lower, every))
        ++every;
    QStringList thinned;
    for (int b = 0; b < bucketCount(); ++b)
        thinned.append(b % every == 0 ? lower.at(b) : QString(b, QChar(0x200b)));
    return thinned;
}

void AgeChartView::fitLabels(const QRectF &plotArea)
{
    if (plotArea.width() <= 0)
        return;
    // The axis title in full where it fits, else shorter.
    const QString title = QFontMetricsF(font()).horizontalAdvance(tr("Age of the last successful push")) * 1.15 < plotArea.width()
                              ? tr("Age of the last successful push")
                              : tr("Age of the last push");
    if (m_axisX->titleText() != title)
        m_axisX->setTitleText(title);
    const QStringList labels = axisLabelsFor(plotArea.width(), font());
    if (labels == m_axisLabels)
        return;
    m_axisLabels = labels;
    m_axisX->setCategories(labels);
}

void AgeChartView::applyPalette(const QPalette &palette)
{
    for (Staleness state : StackOrder) {
        QBarSet *set = m_sets[size_t(state)];
        const QColor color = StateIcons::color(state, palette);
        set->setColor(color);
        set->setBorderColor(Tones::mix(color, palette.color(QPalette::Text), 0.25));
        set->setLabelColor(palette.color(QPalette::Text));
    }
}

QList<LegendEntry> AgeChartView::legendEntries() const
{
    // States without groups stay out: an empty entry says nothing.
    QList<LegendEntry> entries;
    for (Staleness state : StackOrder) {
        int total = 0;
        for (const StateCounts &c : std::as_const(m_counts))
            total += c.value(state);
        if (total > 0)
            entries.append({stalenessName(state), StateIcons::countText(state, total), m_sets[size_t(state)]->color()});
    }
    return entries;
}

QString AgeChartView::legendNote() const
{
    if (legendEntries().isEmpty() && m_neverPushed == 0)
        return tr("No groups");
    return m_neverPushed > 0 ? tr("%1 never pushed").arg(countText(m_neverPushed)) : QString();
}

ChartTable AgeChartView::table() const
{
    ChartTable t;
    t.headers.append(tr("Age of the last push"));
    for (Staleness state : StackOrder)
        t.headers.append(StateIcons::label(state));
    t.headers.append(tr("All"));
    for (int b = 0; b < bucketCount(); ++b) {
        QStringList row{bucketLabel(b)};
        const StateCounts &c = m_counts.at(b);
        for (Staleness state : StackOrder)
            row.append(countText(c.value(state)));
        row.append(countText(c.total()));
        t.rows.append(row);
    }
    t.rows.append({tr("never pushed"), {}, {}, {}, {}, {}, countText(m_neverPushed)});
    return t;
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
            parts.append(StateIcons::countText(state, totals.value(state)));
    }
    if (m_neverPushed > 0)
        parts.append(tr("%1 never pushed").arg(countText(m_neverPushed)));
    setSummary(parts.isEmpty() ? tr("No groups") : parts.join(u" \u00b7 "_s));
}

void AgeChartView::onHovered(Staleness state, bool over, int bucket)
{
    if (!over || bucket < 0 || bucket >= m_counts.size()) {
        QToolTip::hideText();
        return;
    }
    const int n = m_counts.at(bucket).value(state);
    QToolTip::showText(QCursor::pos(),
                       tr("%1, last push %2 ago\nClick to show them in the table")
                           .arg(StateIcons::countText(state, n), bucketLabel(bucket)),
                       this);
}

} // namespace PushDeck
