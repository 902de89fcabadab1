#pragma once
// The Prometheus side of the Pitfalls scenarios: what the demo's own
// Prometheus (LocalPrometheus, scraping the demo gateway with honor_labels
// and PushDeck's generated alert rules) sees of the current step, queried
// live over its HTTP API. Per scenario it keeps the lines of a chart (range
// queries), an observation (instant queries and the scrape target), and what
// the current step waits for before it is visible in Prometheus.
//
// Without Prometheus (not installed, or it failed) the scenarios still run;
// this then says what Prometheus would add.

#include "demo/localprometheus.h"
#include "demo/prometheusquery.h"
#include "staleness/stalenesspolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace PushDeck {

class DemoScenarios;
class GatewaySession;

class DemoPrometheus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoPrometheus)
public:
    enum class Status { Unavailable, Starting, Running, Failed };
    enum class Axis { Left, State }; // State: 0/1 (up, series present, alert)

    struct Line
    {
        QString label;
        Axis axis = Axis::Left;
        QList<QPointF> points; // x: ms since the epoch; a gap where Prometheus had no sample
    };
    // What a step waits for: visible once `expr` returns any series.
    struct Expectation
    {
        QString description; // for people: "host-a's push time scraped"
        QString expr;        // PromQL; `%GROUPS%` is the number of groups the table shows
    };

    // `prometheus` may be nullptr (not installed): then status() is
    // Unavailable. Neither pointer is owned.
    DemoPrometheus(DemoScenarios *scenarios, GatewaySession *session, LocalPrometheus *prometheus,
                   QObject *parent = nullptr);

    // The options the demo starts its Prometheus with: scrape `gateway` every
    // 2 s with honor_labels, evaluate every 2 s, and load the alert rules
    // AlertRules generates from `policy` (with a short `for:` so that the
    // stale alert is seen pending, then firing).
    static LocalPrometheusOptions demoOptions(const QUrl &gateway, const StalenessPolicy &policy,
                                              const QString &forDuration = alertForDuration());
    // The `for:` of the demo's alert rules.
    static QString alertForDuration() { return QStringLiteral("10s"); }

    Status status() const;
    // One line: where Prometheus runs and what it does, or why it does not.
    QString statusText() const;
    // The running Prometheus (empty/0 without one).
    QUrl url() const;
    double scrapeIntervalSeconds() const;
    // Without Prometheus: what it would show for this scenario.
    static QString wouldShow(int scenario);

    QString chartTitle() const { return m_chartTitle; }
    QString leftAxisTitle() const { return m_leftAxisTitle; }
    QList<Line> lines() const { return m_lines; }
    // What Prometheus answers now, plain text.
    QString observation() const { return m_observation; }

    // The current step's expectation in Prometheus (null expr: none).
    static Expectation expectation(int scenario, int step);
    // Empty once the current step's effect is visible in Prometheus (or
    // there is nothing to wait for, or no Prometheus); else what it waits
    // for, for people.
    QString waitingFor() const;
    bool isSettled() const { return m_settled; }
    // The last step's expectation was not seen within this time: the step
    // is offered anyway, with a note.
    static constexpr int SettleTimeoutSeconds = 120;

    // One round of queries now (also run every second while Prometheus runs).
    void refresh();

Q_SIGNALS:
    // Lines, observation or status changed.
    void changed();
    // isSettled() or waitingFor() changed.
    void settledChanged();

private:
    void onScenarioState();
    void setSettled(bool settled);
    QString expanded(const QString &expr) const;

    QPointer<DemoScenarios> m_scenarios;
    QPointer<GatewaySession> m_session;
    QPointer<LocalPrometheus> m_prometheus;
    PrometheusQuery m_query;
    QTimer m_timer;

    int m_scenario = -1;
    int m_step = -2;
    bool m_busy = false;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_settled = true;
    bool m_timedOut = false;
    QElapsedTimer m_stepClock;

    QString m_chartTitle;
    QString m_leftAxisTitle;
    QList<Line> m_lines;
    QString m_observation;
    QString m_lastError;
};

} // namespace PushDeck
