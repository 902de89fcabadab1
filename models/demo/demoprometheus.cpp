#include "demo/demoprometheus.h"

#include "demo/demoscenarios.h"
#include "session/gatewaysession.h"
#include "staleness/alertrules.h"

#include <QDateTime>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

constexpr int ScrapeMs = 2000;
constexpr double WindowSeconds = 180;

struct LineQuery
{
    QString caption;
    QString labelKey; // appended to the caption per series, e.g. instance
    QString expr;
    DemoPrometheus::Axis axis = DemoPrometheus::Axis::Left;
};
struct ObservationQuery
{
    QString caption;
    QString expr;
    bool seconds = false;
};
struct ScenarioQueries
{
    QString title;
    QString leftAxis;
    QList<LineQuery> lines;
    QList<ObservationQuery> observe;
    bool target = true; // also show the scrape target's health and last error
};

const QString Up = u"up{job=\"pushgateway\"}"_s;

ScenarioQueries queriesFor(int scenario)
{
    using Axis = DemoPrometheus::Axis;
    switch (scenario) {
    case DemoScenarios::RenamedInstance:
        return {DemoPrometheus::tr("What Prometheus sees: the age of disk-cleanup's last push, per instance"),
                DemoPrometheus::tr("age (s)"),
                {{DemoPrometheus::tr("age"), u"instance"_s, u"time() - push_time_seconds{job=\"disk-cleanup\"}"_s, Axis::Left},
                 {DemoPrometheus::tr("host-a answered"), {},
                  u"count(batch_duration_seconds{job=\"disk-cleanup\",instance=\"host-a\"})"_s, Axis::State}},
                {{u"batch_duration_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s,
                  u"batch_duration_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s},
                 {u"time() - push_time_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s,
                  u"time() - push_time_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s, true},
                 {u"time() - push_time_seconds{job=\"disk-cleanup\",instance=\"host-b\"}"_s,
                  u"time() - push_time_seconds{job=\"disk-cleanup\",instance=\"host-b\"}"_s, true}},
                false};
    case DemoScenarios::NoUp:
        return {DemoPrometheus::tr("What Prometheus sees: up of the gateway, the age of invoice-mailer, its alert"),
                DemoPrometheus::tr("age (s)"),
                {{DemoPrometheus::tr("age of invoice-mailer"), {}, u"time() - push_time_seconds{job=\"invoice-mailer\"}"_s, Axis::Left},
                 {u"up"_s, {}, Up, Axis::State},
                 {DemoPrometheus::tr("alert"), u"alertstate"_s,
                  u"ALERTS{alertname=\"PushgatewayGroupStale\",job=\"invoice-mailer\"}"_s, Axis::State}},
                {{Up, Up},
                 {u"time() - push_time_seconds{job=\"invoice-mailer\"}"_s, u"time() - push_time_seconds{job=\"invoice-mailer\"}"_s, true},
                 {u"ALERTS{job=\"invoice-mailer\"}"_s, u"ALERTS{job=\"invoice-mailer\"}"_s}},
                false};
    case DemoScenarios::LostState:
        return {DemoPrometheus::tr("What Prometheus sees: the pushed groups it scrapes, and up"),
                DemoPrometheus::tr("groups"),
                {{u"count(push_time_seconds)"_s, {}, u"count(push_time_seconds)"_s, Axis::Left},
                 {u"up"_s, {}, Up, Axis::State}},
                {{Up, Up},
                 {u"count(push_time_seconds)"_s, u"count(push_time_seconds)"_s},
                 {DemoPrometheus::tr("most in the last 3 min"), u"max_over_time(count(push_time_seconds)[3m:2s])"_s}},
                true};
    case DemoScenarios::CollidingGroups:
        return {DemoPrometheus::tr("What Prometheus sees: the scrape of the gateway"),
                DemoPrometheus::tr("samples"),
                {{u"scrape_samples_scraped"_s, {}, u"scrape_samples_scraped{job=\"pushgateway\"}"_s, Axis::Left},
                 {u"up"_s, {}, Up, Axis::State}},
                {{Up, Up}, {u"push_time_seconds{job=\"inventory-sync\"}"_s, u"push_time_seconds{job=\"inventory-sync\"}"_s}},
                true};
    default:
        return {};
    }
}

// The labels of a series that its caption does not already say.
QString labelsText(const QMap<QString, QString> &labels, const QString &caption)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const QString pair = it.key() + u"=\""_s + it.value() + u'"';
        if (it.key() != u"__name__"_s && !caption.contains(pair))
            parts.append(pair);
    }
    return parts.isEmpty() ? QString() : u'{' + parts.join(u',') + u'}';
}

QString valueText(double value, bool seconds)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (seconds)
        return QString::number(std::round(value)) + u" s"_s;
    return QString::number(value, 'g', 10);
}

} // namespace

DemoPrometheus::DemoPrometheus(DemoScenarios *scenarios, GatewaySession *session, LocalPrometheus *prometheus,
                               QObject *parent)
    : QObject(parent)
    , m_scenarios(scenarios)
    , m_session(session)
    , m_prometheus(prometheus)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DemoPrometheus::refresh);
    if (m_prometheus) {
        auto started = [this] {
            m_query.setUrl(m_prometheus->url());
            m_timer.start();
            refresh();
            Q_EMIT changed();
        };
        connect(m_prometheus, &LocalPrometheus::ready, this, started);
        connect(m_prometheus, &LocalPrometheus::failed, this, [this] {
            m_timer.stop();
            setSettled(true);
            Q_EMIT changed();
        });
        connect(m_prometheus, &LocalPrometheus::stopped, this, [this] {
            m_timer.stop();
            setSettled(true);
            Q_EMIT changed();
        });
        if (m_prometheus->isReady())
            started();
    }
    if (m_scenarios)
        connect(m_scenarios, &DemoScenarios::stateChanged, this, &DemoPrometheus::onScenarioState);
    m_stepClock.start();
    onScenarioState();
}

LocalPrometheusOptions DemoPrometheus::demoOptions(const QUrl &gateway, const StalenessPolicy &policy,
                                                   const QString &forDuration)
{
    LocalPrometheusOptions options;
    options.gateway = gateway;
    options.scrapeIntervalMs = ScrapeMs;
    options.evaluationIntervalMs = ScrapeMs;
    AlertRuleOptions rules;
    rules.forDuration = forDuration;
    options.rules = AlertRules::generate(policy, rules);
    return options;
}

DemoPrometheus::Status DemoPrometheus::status() const
{
    if (!m_prometheus)
        return Status::Unavailable;
    if (m_prometheus->isReady())
        return Status::Running;
    if (!m_prometheus->errorString().isEmpty())
        return Status::Failed;
    return m_prometheus->isRunning() ? Status::Starting : Status::Failed;
}

QString DemoPrometheus::statusText() const
{
    switch (status()) {
    case Status::Unavailable:
        return tr("Prometheus is not installed (Debian package prometheus): the scenarios run without it.");
    case Status::Starting:
        return tr("Starting Prometheus on %1\u2026").arg(m_prometheus->url().toString());
    case Status::Failed:
        return tr("Prometheus failed: %1").arg(m_prometheus->errorString().isEmpty() ? tr("it stopped")
                                                                                    : m_prometheus->errorString());
    case Status::Running:
        break;
    }
    QString text = tr("Prometheus %1 scrapes the demo gateway every %2 s with honor_labels: true and evaluates "
                      "PushDeck's generated alert rules.")
                       .arg(m_prometheus->url().toString())
                       .arg(m_prometheus->options().scrapeIntervalMs / 1000.0);
    if (!m_lastError.isEmpty())
        text += u' ' + tr("Last query failed: %1").arg(m_lastError);
    return text;
}

QUrl DemoPrometheus::url() const
{
    return m_prometheus ? m_prometheus->url() : QUrl();
}

double DemoPrometheus::scrapeIntervalSeconds() const
{
    return m_prometheus ? m_prometheus->options().scrapeIntervalMs / 1000.0 : 0;
}

QString DemoPrometheus::wouldShow(int scenario)
{
    switch (scenario) {
    case DemoScenarios::RenamedInstance:
        return tr("With Prometheus, this panel would show the ghost: batch_duration_seconds{instance=\"host-a\"} still "
                  "answered long after host-a was renamed, its real age only in time() - push_time_seconds.");
    case DemoScenarios::NoUp:
        return tr("With Prometheus, this panel would show up == 1 for the gateway while invoice-mailer is dead, and "
                  "the generated stale alert going pending, then firing.");
    case DemoScenarios::LostState:
        return tr("With Prometheus, this panel would show the restart as a gap and the lost series.");
    case DemoScenarios::CollidingGroups:
        return tr("With Prometheus, this panel would show the scrape itself failing: up == 0, /metrics answering 500.");
    default:
        return tr("Nothing to show in Prometheus for this scenario.");
    }
}

DemoPrometheus::Expectation DemoPrometheus::expectation(int scenario, int step)
{
    const QString groups = u"count(push_time_seconds) >= %GROUPS%"_s;
    switch (scenario) {
    case DemoScenarios::RenamedInstance:
        switch (step) {
        case 0: return {tr("host-a's push time scraped"), u"push_time_seconds{job=\"disk-cleanup\",instance=\"host-a\"}"_s};
        case 1: return {tr("host-b's push time scraped"), u"push_time_seconds{job=\"disk-cleanup\",instance=\"host-b\"}"_s};
        case 2:
            return {tr("host-a still answered, its age past 15 s"),
                    u"time() - push_time_seconds{job=\"disk-cleanup\",instance=\"host-a\"} > 15"_s};
        case 3: return {tr("host-a's series gone"), u"absent(push_time_seconds{job=\"disk-cleanup\",instance=\"host-a\"})"_s};
        }
        break;
    case DemoScenarios::NoUp:
        switch (step) {
        case 0: return {tr("invoice-mailer's push time scraped"), u"push_time_seconds{job=\"invoice-mailer\"}"_s};
        case 1: return {tr("the gateway's up, still 1"), u"up{job=\"pushgateway\"} == 1"_s};
        case 2:
            return {tr("the generated stale alert for invoice-mailer (pending)"),
                    u"ALERTS{alertname=\"PushgatewayGroupStale\",job=\"invoice-mailer\"}"_s};
        case 3:
            return {tr("the stale alert firing"),
                    u"ALERTS{alertname=\"PushgatewayGroupStale\",job=\"invoice-mailer\",alertstate=\"firing\"}"_s};
        }
        break;
    case DemoScenarios::LostState:
        switch (step) {
        case 0: return {tr("as many pushed groups as the table shows"), groups};
        case 1: return {tr("the pushed series gone"), u"absent(push_time_seconds)"_s};
        case 2:
        case 3:
        case 4:
        case 6: return {tr("as many pushed groups as the table shows"), groups};
        case 5: return {tr("the scrape failing: up == 0"), u"up{job=\"pushgateway\"} == 0"_s};
        }
        break;
    case DemoScenarios::CollidingGroups:
        switch (step) {
        case 0: return {tr("inventory-sync's push time scraped"), u"push_time_seconds{job=\"inventory-sync\"}"_s};
        case 1:
        case 2:
        case 3: return {tr("the scrape failing: up == 0"), u"up{job=\"pushgateway\"} == 0"_s};
        case 4: return {tr("the scrape working again: up == 1"), u"up{job=\"pushgateway\"} == 1"_s};
        }
        break;
    default:
        break;
    }
    return {};
}

QString DemoPrometheus::expanded(const QString &expr) const
{
    QString out = expr;
    const int groups = m_session ? int(m_session->groups().size()) : 0;
    return out.replace(u"%GROUPS%"_s, QString::number(groups));
}

QString DemoPrometheus::waitingFor() const
{
    if (m_busy)
        return tr("Waiting for the step to finish on the gateway and show in the table\u2026");
    if (m_settled)
        return {};
    const Expectation expect = expectation(m_scenario, m_step);
    return tr("Waiting for Prometheus to show %1: %2 (%3 s)")
        .arg(expect.description, expanded(expect.expr))
        .arg(m_stepClock.elapsed() / 1000);
}

void DemoPrometheus::setSettled(bool settled)
{
    if (m_settled == settled)
        return;
    m_settled = settled;
    Q_EMIT settledChanged();
}

void DemoPrometheus::onScenarioState()
{
    if (!m_scenarios)
        return;
    const int scenario = m_scenarios->currentScenario();
    const int step = m_scenarios->currentStep();
    const bool busy = m_scenarios->isBusy();
    const bool moved = scenario != m_scenario || step != m_step;
    const bool busyChanged = busy != m_busy;
    m_busy = busy;
    if (moved) {
        m_scenario = scenario;
        m_step = step;
        ++m_generation; // answers for the step before are dropped
        m_timedOut = false;
        m_stepClock.restart();
        const ScenarioQueries queries = queriesFor(scenario);
        m_chartTitle = queries.title;
        m_leftAxisTitle = queries.leftAxis;
        m_lines.clear();
        m_observation.clear();
        Q_EMIT changed();
    }
    if (moved || busyChanged) {
        const bool nothingToWaitFor = expectation(m_scenario, m_step).expr.isEmpty() || status() != Status::Running;
        m_settled = !m_busy && nothingToWaitFor;
        Q_EMIT settledChanged();
        if (!m_busy && status() == Status::Running)
            refresh();
    }
}

void DemoPrometheus::refresh()
{
    if (status() != Status::Running || m_inFlight || m_scenario < 0)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    const ScenarioQueries queries = queriesFor(m_scenario);
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    const double step = m_prometheus->options().scrapeIntervalMs / 1000.0;

    struct Round
    {
        QList<Line> lines;
        QList<QStringList> observed;
        QString target;
        bool expectationSeen = false;
        QString error;
        int pending = 0;
    };
    auto round = std::make_shared<Round>();
    round->lines.resize(0);
    round->observed.resize(queries.observe.size());
    const QList<LineQuery> lineQueries = queries.lines;
    auto lineResults = std::make_shared<QList<QList<Line>>>(lineQueries.size());

    auto done = [this, round, generation, lineResults] {
        if (--round->pending > 0)
            return;
        m_inFlight = false;
        if (generation != m_generation)
            return; // the step changed meanwhile: its own round follows
        QList<Line> lines;
        for (const QList<Line> &group : std::as_const(*lineResults))
            lines += group;
        m_lines = lines;
        QStringList text;
        if (!round->target.isEmpty())
            text.append(round->target);
        for (const QStringList &block : std::as_const(round->observed))
            text += block;
        m_observation = text.join(u'\n');
        m_lastError = round->error;
        if (round->expectationSeen && !m_busy)
            setSettled(true);
        else if (!m_settled && !m_busy && m_stepClock.elapsed() > SettleTimeoutSeconds * 1000) {
            m_timedOut = true;
            m_observation += u"\n\n"_s + tr("Not seen in Prometheus within %1 s: %2")
                                               .arg(SettleTimeoutSeconds)
                                               .arg(expectation(m_scenario, m_step).description);
            setSettled(true);
        }
        Q_EMIT changed();
        Q_EMIT settledChanged(); // the waiting time ticks
    };

    round->pending = int(lineQueries.size() + queries.observe.size()) + 1 + (queries.target ? 1 : 0);

    for (qsizetype i = 0; i < lineQueries.size(); ++i) {
        const LineQuery query = lineQueries.at(i);
        m_query.range(query.expr, now - WindowSeconds, now, step,
                      [round, lineResults, i, query, done](Result<QList<PromSeries>> result) {
                          if (!result) {
                              round->error = result.errorString();
                          } else {
                              for (const PromSeries &series : result.value()) {
                                  Line line;
                                  line.axis = query.axis;
                                  line.label = query.caption;
                                  if (!query.labelKey.isEmpty())
                                      line.label += u' ' + series.labels.value(query.labelKey);
                                  line.points = series.points;
                                  (*lineResults)[i].append(line);
                              }
                          }
                          done();
                      });
    }
    for (qsizetype i = 0; i < queries.observe.size(); ++i) {
        const ObservationQuery query = queries.observe.at(i);
        m_query.instant(query.expr, [round, i, query, done](Result<QList<PromSeries>> result) {
            QStringList &lines = round->observed[i];
            if (!result) {
                lines.append(query.caption + u": "_s + result.errorString());
                round->error = result.errorString();
            } else if (result->isEmpty()) {
                lines.append(query.caption + u": "_s + tr("no series"));
            } else {
                for (const PromSeries &series : result.value()) {
                    const QString labels = labelsText(series.labels, query.caption);
                    lines.append(query.caption + (labels.isEmpty() ? QString() : u" "_s + labels)
                                 + u" = "_s + valueText(series.lastValue(), query.seconds));
                }
            }
            done();
        });
    }
    if (queries.target) {
        m_query.targets([round, done](Result<QList<ScrapeTarget>> targets) {
            if (targets) {
                for (const ScrapeTarget &target : targets.value()) {
                    round->target = tr("Scrape of %1: %2").arg(target.scrapeUrl, target.health);
                    if (!target.lastError.isEmpty())
                        round->target += u" \u2014 "_s + target.lastError;
                }
            }
            done();
        });
    }
    const Expectation expect = expectation(m_scenario, m_step);
    if (expect.expr.isEmpty() || m_settled || m_busy) {
        QTimer::singleShot(0, this, done);
    } else {
        m_query.instant(expanded(expect.expr), [round, done](Result<QList<PromSeries>> result) {
            round->expectationSeen = result && !result->isEmpty();
            done();
        });
    }
}

} // namespace PushDeck
