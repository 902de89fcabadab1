#pragma once
// The guided Pitfalls scenarios of `pushdeck --demo`: each shows one way the
// Pushgateway is misused, live on the real demo gateway, step by step, with
// the recommended fix. Steps act on the gateway (push, rename, restart, ...)
// and report what happened; going back resets the scenario and replays it.
//
// Only ever drive this against a throwaway gateway: scenario 4 blocks every
// push to the gateway and scenario 3 restarts it and throws its state away.

#include "session/gatewaysession.h"
#include "staleness/stalenesspolicy.h"

#include <QFuture>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QTimer>

#include <functional>
#include <memory>

class QTemporaryDir;

namespace PushDeck {

class DemoSeeder;
class LocalGateway;

class DemoScenarios final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoScenarios)
public:
    enum Index { RenamedInstance, NoUp, LostState, CollidingGroups, FirewallNat, ScenarioCount };

    struct Step
    {
        QString title;
        QString text;   // rich text: what happens and why
        QString fix;    // rich text; empty: the scenario's fix applies
        bool live = false; // the outcome is re-read every second (ages tick)
    };
    struct Scenario
    {
        QString id;          // stable, e.g. "renamed-instance"
        QString title;
        QString explanation; // rich text
        QString fix;         // rich text: the recommended fix
        QList<Step> steps;
    };

    // `session` is the demo gateway's (`gateway`; scenario 3 restarts and
    // stops it): steps read the gateway through it, so the table shows what
    // a step did as soon as the step sees it, and verdicts are the session's.
    // `seeder` is optional: with it, the scenarios' jobs are pushed on its
    // schedule; without it, each step pushes once itself.
    DemoScenarios(GatewaySession *session, LocalGateway *gateway, DemoSeeder *seeder = nullptr,
                  QObject *parent = nullptr);
    ~DemoScenarios() override;

    // The scenarios with their texts (DemoText: resources/demo/<id>.html) in
    // the language of QLocale() at the first call. A text that cannot be read
    // is logged and shown in its place; the steps still work.
    static const QList<Scenario> &scenarios();
    static const Scenario &scenario(int index);
    // One scenario with its texts in `locale`'s language, or why they cannot
    // be read (missing, malformed, or not as many steps as the code has).
    static Result<Scenario> loadScenario(int index, const QLocale &locale = QLocale());

    int currentScenario() const { return m_scenario; }
    // -1: the scenario's introduction, before its first step.
    int currentStep() const { return m_step; }
    bool isBusy() const { return m_busy; }
    // What the last step did and what the gateway now shows, plain text.
    QString outcome() const { return m_outcome; }
    // The groups the current step is about (for the main table's selection).
    QList<GroupingKey> focusKeys() const { return m_focus; }

    // What verdicts in the outcome text are judged by: the session's policy.
    const StalenessPolicy &policy() const;
    // The gateway scenario 3 runs while persistence is on (same port), or
    // nullptr. Exposed for tests.
    LocalGateway *persistentGateway() const { return m_persistent.get(); }

    // Each returns a future that finishes with the outcome text (or the
    // error) once the gateway actions are done; tests await it, the GUI
    // follows the signals. While busy, every call fails at once.
    //
    // Resets the current scenario (undoing its effects), then shows the
    // introduction of `index`.
    QFuture<Result<QString>> selectScenario(int index);
    QFuture<Result<QString>> next();
    // Reset, then replay up to the previous step.
    QFuture<Result<QString>> previous();
    // Undoes the scenario's effects on the gateway; back to the introduction.
    QFuture<Result<QString>> reset();
    QFuture<Result<QString>> goToStep(int step);

    // The groups the scenarios push.
    static GroupingKey hostAKey();      // {job="disk-cleanup",instance="host-a"}
    static GroupingKey hostBKey();      // {job="disk-cleanup",instance="host-b"}
    static GroupingKey silentJobKey();  // {job="invoice-mailer"}
    static GroupingKey collidingKey();  // {job="inventory-sync"}
    static GroupingKey collidingEmptyKey(); // {job="inventory-sync",instance=""}
    static GroupingKey probeKey();      // {job="pushdeck-probe"}
    // The alerting rule scenario 2 recommends for a group, e.g.
    // `time() - push_time_seconds{job="invoice-mailer"} > 30`.
    static QString staleAlertExpression(const GroupingKey &key, double staleAfter);

Q_SIGNALS:
    // Scenario, step or busy state changed.
    void stateChanged();
    void outcomeChanged(const QString &outcome);
    void focusChanged(const QList<GroupingKey> &keys);
    // The gateway was stopped, restarted or replaced: its groups changed
    // wholesale, and for a while it may not answer.
    void gatewayRestarted();

private:
    using Finish = std::function<void(Result<QString>)>;
    using Action = std::function<void(Finish)>;

    // An action and the step the scenario is at once it succeeded.
    struct PlanItem
    {
        int stepAfter;
        Action action;
    };
    QFuture<Result<QString>> runPlan(QList<PlanItem> plan);
    void runNext(std::shared_ptr<QList<PlanItem>> plan, int index, std::shared_ptr<QPromise<Result<QString>>> promise);
    void setBusy(bool busy);
    void setOutcome(const QString &text);
    void setFocus(const QList<GroupingKey> &keys);
    void observeLive();

    Action stepAction(int scenario, int step);
    Action resetAction(int scenario);
    // Re-reads what a live step shows; null for steps that are not live.
    Action observer(int scenario, int step);

    // Asynchronous building blocks; each calls `then` exactly once.
    void readGroups(std::function<void(Result<QList<Group>>)> then);
    void pushOnce(const GroupingKey &key, std::function<void(Result<PushResult>)> then);
    // The first step of a live scenario: one push of a job that keeps
    // pushing every JobEverySeconds, said in the headline, then observed.
    void pushThenObserve(const GroupingKey &key, int scenario, Finish finish);
    void deleteVerified(QList<GroupingKey> keys, std::function<void(Result<Done>)> then, int attempt = 0);
    void startGateway(LocalGateway *gateway, std::function<void(Result<Done>)> then);
    void waitForKeys(QList<GroupingKey> keys, std::function<void(Result<QList<Group>>)> then, int attempt = 0);
    void after(int ms, std::function<void()> then);

    // Scenario bodies.
    void ensureJob(const GroupingKey &key, int everySeconds);
    void describeGroups(const QList<GroupingKey> &keys, const QString &headline, Finish finish);
    QString describe(const QList<Group> &groups, const GroupingKey &key, double now) const;
    QString lintLines(const QList<Group> &groups, const QList<GroupingKey> &keys, double now) const;
    LocalGateway *activeGateway() const;
    void restartLostState(Finish finish);
    void enablePersistence(Finish finish);
    void restartPersistent(Finish finish);
    void stopGateway(Finish finish);
    void startAgain(Finish finish);
    void resetLostState(Finish finish);

    QPointer<GatewaySession> m_session; // guarded: closed with its tab
    QPointer<LocalGateway> m_gateway;
    QPointer<DemoSeeder> m_seeder;
    std::unique_ptr<LocalGateway> m_persistent;
    std::unique_ptr<QTemporaryDir> m_persistenceDir;
    QList<GroupingKey> m_keysBeforeRestart;

    int m_scenario = 0;
    int m_step = -1;
    bool m_busy = false;
    bool m_observing = false;
    QString m_outcome;
    QString m_headline; // what the current live step did, above what it observes
    int m_pushSerial = 0;
    QList<GroupingKey> m_focus;
    QTimer m_liveTimer;
};

} // namespace PushDeck
