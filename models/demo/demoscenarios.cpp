#include "demo/demoscenarios.h"

#include "staleness/alertrules.h"
#include "demo/demoseeder.h"
#include "demo/demotext.h"
#include "core/duration.h"
#include "staleness/lint.h"
#include "gateway/localgateway.h"

#include <QDateTime>
#include <QDir>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

GroupingKey makeKey(std::initializer_list<LabelPair> labels)
{
    return GroupingKey::fromLabels(LabelPairs(labels)).value();
}

double currentTime()
{
    return QDateTime::currentMSecsSinceEpoch() / 1000.0;
}

// The interval of the scenarios' own jobs: short, so that ages visibly tick
// during a presentation (DemoSeeder::demoPolicy() warns after 15 s).
constexpr int JobEverySeconds = 5;

// What the code knows of each scenario, in the order of DemoScenarios::Index:
// its id, which names its text (resources/demo/<id>.html, read by DemoText),
// and per step whether the step's outcome is re-read every second. What each
// step does is stepAction() and observer().
struct ScenarioShape
{
    QString id;
    QList<bool> liveSteps;
};

const QList<ScenarioShape> &scenarioShapes()
{
    static const QList<ScenarioShape> shapes{
        {u"renamed-instance"_s, {true, true, true, false}},
        {u"no-up"_s, {true, true, true, false}},
        {u"lost-state"_s, {false, false, true, false, false, false, false}},
        {u"colliding-groups"_s, {false, false, false, false, false}},
        {u"firewall-nat"_s, {false, false, false}},
    };
    Q_ASSERT(shapes.size() == DemoScenarios::ScenarioCount);
    return shapes;
}

QString keysText(const QList<GroupingKey> &keys, int max = 12)
{
    QStringList lines;
    for (qsizetype i = 0; i < keys.size() && i < max; ++i)
        lines.append(u"  "_s + keys.at(i).toString());
    if (keys.size() > max)
        lines.append(u"  ... and %1 more"_s.arg(keys.size() - max));
    return lines.join(u'\n');
}

int seriesTotal(const QList<Group> &groups)
{
    int total = 0;
    for (const Group &group : groups)
        total += group.seriesCount();
    return total;
}

QList<GroupingKey> keysOf(const QList<Group> &groups)
{
    QList<GroupingKey> keys;
    keys.reserve(groups.size());
    for (const Group &group : groups)
        keys.append(group.key);
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

DemoScenarios::DemoScenarios(GatewaySession *session, LocalGateway *gateway, DemoSeeder *seeder, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_gateway(gateway)
    , m_seeder(seeder)
{
    m_liveTimer.setInterval(1000);
    connect(&m_liveTimer, &QTimer::timeout, this, &DemoScenarios::observeLive);
}

DemoScenarios::~DemoScenarios() = default;

const StalenessPolicy &DemoScenarios::policy() const
{
    static const StalenessPolicy none;
    return m_session ? m_session->policy() : none;
}

Result<DemoScenarios::Scenario> DemoScenarios::loadScenario(int index, const QLocale &locale)
{
    if (index < 0 || index >= ScenarioCount)
        return Error::make(Error::Invalid, tr("no scenario %1").arg(index + 1));
    const ScenarioShape &shape = scenarioShapes().at(index);
    Result<DemoText::Scenario> text = DemoText::scenario(shape.id, locale);
    if (!text)
        return text.error();
    if (text->steps.size() != shape.liveSteps.size())
        return Error::make(Error::Invalid, u"%1 (%2): %3 steps, but the scenario has %4"_s.arg(
                                              DemoText::resourcePath(shape.id), text->language)
                                              .arg(text->steps.size())
                                              .arg(shape.liveSteps.size()));
    Scenario scenario{shape.id, text->title, text->explanation, text->fix, {}};
    for (qsizetype i = 0; i < text->steps.size(); ++i) {
        const DemoText::Step &step = text->steps.at(i);
        scenario.steps.append(Step{step.title, step.text, step.fix, shape.liveSteps.at(i)});
    }
    return scenario;
}

const QList<DemoScenarios::Scenario> &DemoScenarios::scenarios()
{
    // Read once, in the language of the first call (the application's
    // locale is settled before the first window shows a scenario).
    static const QList<Scenario> list = [] {
        QList<Scenario> scenarios;
        for (int index = 0; index < ScenarioCount; ++index) {
            Result<Scenario> loaded = loadScenario(index);
            if (loaded) {
                scenarios.append(std::move(loaded).value());
                continue;
            }
            // A packaging bug (tst_demotext loads every text): keep the
            // steps working and say what is wrong where the text would be.
            qCritical("pushdeck: %s", qPrintable(loaded.errorString()));
            const ScenarioShape &shape = scenarioShapes().at(index);
            const QString problem = u"<p>"_s + tr("The text of this scenario could not be read: %1")
                                                   .arg(loaded.errorString()).toHtmlEscaped() + u"</p>"_s;
            Scenario scenario{shape.id, shape.id, problem, problem, {}};
            for (qsizetype step = 0; step < shape.liveSteps.size(); ++step)
                scenario.steps.append(Step{shape.id + u' ' + QString::number(step + 1), problem, {},
                                           shape.liveSteps.at(step)});
            scenarios.append(scenario);
        }
        return scenarios;
    }();
    return list;
}

const DemoScenarios::Scenario &DemoScenarios::scenario(int index)
{
    return scenarios().at(std::clamp(index, 0, int(scenarios().size()) - 1));
}

GroupingKey DemoScenarios::hostAKey()
{
    return makeKey({{u"job"_s, u"disk-cleanup"_s}, {u"instance"_s, u"host-a"_s}});
}

GroupingKey DemoScenarios::hostBKey()
{
    return makeKey({{u"job"_s, u"disk-cleanup"_s}, {u"instance"_s, u"host-b"_s}});
}

GroupingKey DemoScenarios::silentJobKey()
{
    return makeKey({{u"job"_s, u"invoice-mailer"_s}});
}

GroupingKey DemoScenarios::collidingKey()
{
    return makeKey({{u"job"_s, u"inventory-sync"_s}});
}

GroupingKey DemoScenarios::collidingEmptyKey()
{
    return makeKey({{u"job"_s, u"inventory-sync"_s}, {u"instance"_s, QString()}});
}

GroupingKey DemoScenarios::probeKey()
{
    return makeKey({{u"job"_s, u"pushdeck-probe"_s}});
}

QString DemoScenarios::staleAlertExpression(const GroupingKey &key, double staleAfter)
{
    QString matcher;
    for (const auto &[name, value] : key.labels()) {
        if (!matcher.isEmpty())
            matcher += u',';
        matcher += name + u'=' + AlertRules::promqlString(value);
    }
    return u"time() - push_time_seconds{%1} > %2"_s.arg(matcher, QString::number(staleAfter, 'g', 15));
}

// ---------------------------------------------------------------------------
// Navigation

QFuture<Result<QString>> DemoScenarios::selectScenario(int index)
{
    if (m_busy)
        return QtFuture::makeReadyFuture(Result<QString>(Error::make(Error::Invalid, tr("a step is still running"))));
    if (index < 0 || index >= ScenarioCount)
        return QtFuture::makeReadyFuture(Result<QString>(Error::make(Error::Invalid, tr("no scenario %1").arg(index + 1))));
    if (index == m_scenario && m_step < 0)
        return QtFuture::makeReadyFuture(Result<QString>(m_outcome));
    // Undo the scenario we leave: a collision left behind would block every
    // push in the next one.
    QList<PlanItem> plan;
    const int previous = m_scenario;
    const bool touched = m_step >= 0;
    if (touched)
        plan.append({-1, resetAction(previous)});
    plan.append({-1, [this, index](Finish finish) {
                      m_scenario = index;
                      m_headline.clear();
                      setFocus({});
                      finish(QString());
                  }});
    return runPlan(plan);
}

QFuture<Result<QString>> DemoScenarios::next()
{
    return goToStep(m_step + 1);
}

QFuture<Result<QString>> DemoScenarios::previous()
{
    return goToStep(m_step - 1);
}

QFuture<Result<QString>> DemoScenarios::reset()
{
    if (m_busy)
        return QtFuture::makeReadyFuture(Result<QString>(Error::make(Error::Invalid, tr("a step is still running"))));
    return runPlan({{-1, resetAction(m_scenario)}});
}

QFuture<Result<QString>> DemoScenarios::goToStep(int step)
{
    if (m_busy)
        return QtFuture::makeReadyFuture(Result<QString>(Error::make(Error::Invalid, tr("a step is still running"))));
    const int last = int(scenario(m_scenario).steps.size()) - 1;
    step = std::clamp(step, -1, last);
    if (step == m_step)
        return QtFuture::makeReadyFuture(Result<QString>(m_outcome));
    QList<PlanItem> plan;
    int from = m_step + 1;
    if (step < m_step) {
        // Back: undo everything and replay, so the gateway is exactly as the
        // way forward left it (minus the time that passed).
        plan.append({-1, resetAction(m_scenario)});
        from = 0;
    }
    for (int s = from; s <= step; ++s)
        plan.append({s, stepAction(m_scenario, s)});
    return runPlan(plan);
}

QFuture<Result<QString>> DemoScenarios::runPlan(QList<PlanItem> plan)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    QFuture<Result<QString>> future = promise->future();
    setBusy(true);
    runNext(std::make_shared<QList<PlanItem>>(std::move(plan)), 0, promise);
    return future;
}

void DemoScenarios::runNext(std::shared_ptr<QList<PlanItem>> plan, int index,
                            std::shared_ptr<QPromise<Result<QString>>> promise)
{
    if (index >= plan->size()) {
        setBusy(false);
        promise->addResult(Result<QString>(m_outcome));
        promise->finish();
        return;
    }
    const PlanItem item = plan->at(index);
    item.action([this, plan, index, promise, item](Result<QString> result) {
        if (!result) {
            setOutcome(tr("Failed: %1").arg(result.errorString()));
            setBusy(false);
            promise->addResult(result);
            promise->finish();
            return;
        }
        m_step = item.stepAfter;
        if (m_step < 0)
            m_headline.clear();
        setOutcome(result.value());
        Q_EMIT stateChanged();
        runNext(plan, index + 1, promise);
    });
}

void DemoScenarios::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    const bool live = !busy && m_step >= 0 && scenario(m_scenario).steps.at(m_step).live;
    if (live)
        m_liveTimer.start();
    else
        m_liveTimer.stop();
    Q_EMIT stateChanged();
}

void DemoScenarios::setOutcome(const QString &text)
{
    if (m_outcome == text)
        return;
    m_outcome = text;
    Q_EMIT outcomeChanged(m_outcome);
}

void DemoScenarios::setFocus(const QList<GroupingKey> &keys)
{
    m_focus = keys;
    Q_EMIT focusChanged(m_focus);
}

void DemoScenarios::observeLive()
{
    if (m_busy || m_observing || m_step < 0)
        return;
    const Action observe = observer(m_scenario, m_step);
    if (!observe)
        return;
    m_observing = true;
    const int scenarioNow = m_scenario, stepNow = m_step;
    observe([this, scenarioNow, stepNow](Result<QString> result) {
        m_observing = false;
        // A step taken meanwhile has its own outcome.
        if (m_busy || m_scenario != scenarioNow || m_step != stepNow)
            return;
        setOutcome(result ? result.value() : tr("Failed: %1").arg(result.errorString()));
    });
}

// ---------------------------------------------------------------------------
// Building blocks

namespace {
Error noClient()
{
    return Error::make(Error::Cancelled, DemoScenarios::tr("the demo gateway's session is gone (its tab was closed)"));
}
} // namespace

void DemoScenarios::readGroups(std::function<void(Result<QList<Group>>)> then)
{
    if (!m_session) {
        then(noClient());
        return;
    }
    // Through the session: what a step reads is what the table shows.
    m_session->readGroups().then(this, [then](Result<QList<Group>> result) { then(std::move(result)); });
}

void DemoScenarios::pushOnce(const GroupingKey &key, std::function<void(Result<PushResult>)> then)
{
    if (!m_session) {
        then(noClient());
        return;
    }
    m_session->client()->push(key, DemoSeeder::payload(key, m_pushSerial++, false), true)
        .then(this, [then](Result<PushResult> result) { then(std::move(result)); });
}

void DemoScenarios::pushThenObserve(const GroupingKey &key, int scenario, Finish finish)
{
    pushOnce(key, [this, key, scenario, finish](Result<PushResult> pushed) {
        if (!pushed) {
            finish(pushed.error());
            return;
        }
        m_headline = tr("Pushed to /%1: HTTP %2. The job pushes every %3 s.")
                         .arg(key.toPath())
                         .arg(pushed->httpStatus)
                         .arg(JobEverySeconds);
        observer(scenario, 0)(finish);
    });
}

void DemoScenarios::deleteVerified(QList<GroupingKey> keys, std::function<void(Result<Done>)> then, int attempt)
{
    // DELETE answers 202 at once and is applied later: delete, re-read,
    // repeat until the groups are gone.
    auto pending = std::make_shared<int>(int(keys.size()));
    auto failure = std::make_shared<std::optional<Error>>();
    auto check = [this, keys, then, attempt, failure] {
        if (*failure) {
            then(**failure);
            return;
        }
        readGroups([this, keys, then, attempt](Result<QList<Group>> groups) {
            if (!groups) {
                then(groups.error());
                return;
            }
            const QList<GroupingKey> present = keysOf(groups.value());
            QList<GroupingKey> left;
            for (const GroupingKey &key : keys) {
                if (present.contains(key))
                    left.append(key);
            }
            if (left.isEmpty()) {
                then(Done{});
            } else if (attempt >= 40) {
                then(Error::make(Error::Http, tr("%1 is still on the gateway after deleting it").arg(left.first().toString())));
            } else {
                after(100, [this, left, then, attempt] { deleteVerified(left, then, attempt + 1); });
            }
        });
    };
    if (keys.isEmpty() || !m_session) {
        check();
        return;
    }
    for (const GroupingKey &key : std::as_const(keys)) {
        m_session->client()->deleteGroup(key).then(this, [pending, failure, check](Result<Done> result) {
            if (!result && !*failure)
                *failure = result.error();
            if (--*pending == 0)
                check();
        });
    }
}

void DemoScenarios::startGateway(LocalGateway *gateway, std::function<void(Result<Done>)> then)
{
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    auto finish = [this, connections, then](Result<Done> result) {
        for (const auto &c : std::as_const(*connections))
            disconnect(c);
        connections->clear();
        // Not from inside the gateway's own signal: the next action may stop
        // or restart it.
        QTimer::singleShot(0, this, [then, result] { then(result); });
    };
    connections->append(connect(gateway, &LocalGateway::ready, this, [finish] { finish(Done{}); }));
    connections->append(connect(gateway, &LocalGateway::failed, this,
                                [finish](const QString &message) { finish(Error::make(Error::Process, message)); }));
    gateway->start();
}

void DemoScenarios::waitForKeys(QList<GroupingKey> keys, std::function<void(Result<QList<Group>>)> then, int attempt)
{
    readGroups([this, keys, then, attempt](Result<QList<Group>> groups) {
        if (groups) {
            const QList<GroupingKey> present = keysOf(groups.value());
            const bool all = std::all_of(keys.cbegin(), keys.cend(), [&present](const GroupingKey &k) { return present.contains(k); });
            if (all) {
                then(std::move(groups));
                return;
            }
        }
        if (attempt >= 50) {
            then(groups ? Result<QList<Group>>(Error::make(Error::Timeout, tr("the demo's jobs did not push again within 10 s")))
                        : groups);
            return;
        }
        after(200, [this, keys, then, attempt] { waitForKeys(keys, then, attempt + 1); });
    });
}

void DemoScenarios::after(int ms, std::function<void()> then)
{
    QTimer::singleShot(ms, this, std::move(then));
}

void DemoScenarios::ensureJob(const GroupingKey &key, int everySeconds)
{
    if (!m_seeder)
        return;
    if (m_seeder->hasJob(key)) {
        m_seeder->setJobEnabled(key, true);
        return;
    }
    DemoSeeder::Job job;
    job.key = key;
    job.everySeconds = everySeconds;
    m_seeder->addJob(job);
}

QString DemoScenarios::describe(const QList<Group> &groups, const GroupingKey &key, double now) const
{
    for (const Group &group : groups) {
        if (group.key != key)
            continue;
        const StalenessVerdict verdict = policy().evaluate(group, now);
        QString line = key.toString() + u"\n  "_s;
        if (group.pushTime > 0)
            line += tr("last push %1 ago").arg(formatAge(now - group.pushTime));
        else
            line += tr("never pushed successfully");
        line += u" \u2014 "_s + stalenessName(verdict.state);
        if (verdict.staleAfter > 0)
            line += u"\n  "_s + tr("(warning after %1, stale after %2)").arg(formatDuration(verdict.warnAfter), formatDuration(verdict.staleAfter));
        return line;
    }
    return key.toString() + u"\n  "_s + tr("not on the gateway");
}

QString DemoScenarios::lintLines(const QList<Group> &groups, const QList<GroupingKey> &keys, double now) const
{
    QStringList lines;
    for (const LintFinding &finding : Lint::run(groups, policy(), now)) {
        const bool relevant = std::any_of(keys.cbegin(), keys.cend(),
                                          [&finding](const GroupingKey &k) { return finding.groups.contains(k); });
        if (relevant)
            lines.append(tr("Lint %1: %2").arg(lintSeverityName(finding.severity), finding.title));
    }
    return lines.join(u'\n');
}

void DemoScenarios::describeGroups(const QList<GroupingKey> &keys, const QString &headline, Finish finish)
{
    readGroups([this, keys, headline, finish](Result<QList<Group>> groups) {
        if (!groups) {
            finish(groups.error());
            return;
        }
        // The session's clock: what the table shows for the same read.
        const double now = m_session ? m_session->now() : currentTime();
        QStringList parts;
        if (!headline.isEmpty())
            parts.append(headline);
        for (const GroupingKey &key : keys)
            parts.append(describe(groups.value(), key, now));
        const QString lint = lintLines(groups.value(), keys, now);
        if (!lint.isEmpty())
            parts.append(lint);
        finish(parts.join(u"\n\n"_s));
    });
}

LocalGateway *DemoScenarios::activeGateway() const
{
    return m_persistent ? m_persistent.get() : m_gateway.data();
}

// ---------------------------------------------------------------------------
// Steps

DemoScenarios::Action DemoScenarios::stepAction(int scenarioIndex, int step)
{
    if (!m_gateway)
        return [this](Finish finish) {
            finish(Error::make(Error::Invalid,
                               tr("the Pitfalls scenarios run only on the local demo gateway (pushdeck --demo)")));
        };

    switch (scenarioIndex) {
    case RenamedInstance:
        switch (step) {
        case 0:
            return [this](Finish finish) {
                if (m_seeder && m_seeder->hasJob(hostBKey()))
                    m_seeder->renameJob(hostBKey(), hostAKey());
                else
                    ensureJob(hostAKey(), JobEverySeconds);
                setFocus({hostAKey()});
                pushThenObserve(hostAKey(), RenamedInstance, finish);
            };
        case 1:
            return [this](Finish finish) {
                if (m_seeder)
                    m_seeder->renameJob(hostAKey(), hostBKey());
                setFocus({hostAKey(), hostBKey()});
                pushOnce(hostBKey(), [this, finish](Result<PushResult> pushed) {
                    if (!pushed) {
                        finish(pushed.error());
                        return;
                    }
                    m_headline = tr("The job now pushes to /%1. host-a's group is still there:").arg(hostBKey().toPath());
                    observer(RenamedInstance, 1)(finish);
                });
            };
        case 2:
            return [this](Finish finish) {
                setFocus({hostAKey()});
                m_headline = tr("Nobody pushes to host-a any more; its group only gets older:");
                observer(RenamedInstance, 2)(finish);
            };
        case 3:
            return [this](Finish finish) {
                setFocus({hostBKey()});
                deleteVerified({hostAKey()}, [this, finish](Result<Done> deleted) {
                    if (!deleted) {
                        finish(deleted.error());
                        return;
                    }
                    m_headline = tr("Deleted %1 (DELETE /%2), and re-read the gateway: it is gone.")
                                     .arg(hostAKey().toString(), hostAKey().toPath());
                    describeGroups({hostAKey(), hostBKey()}, m_headline, finish);
                });
            };
        }
        break;
    case NoUp:
        switch (step) {
        case 0:
            return [this](Finish finish) {
                ensureJob(silentJobKey(), JobEverySeconds);
                setFocus({silentJobKey()});
                pushThenObserve(silentJobKey(), NoUp, finish);
            };
        case 1:
            return [this](Finish finish) {
                if (m_seeder)
                    m_seeder->setJobEnabled(silentJobKey(), false);
                setFocus({silentJobKey()});
                m_headline = tr("invoice-mailer stopped pushing. On the gateway:");
                observer(NoUp, 1)(finish);
            };
        case 2:
            return [this](Finish finish) {
                setFocus({silentJobKey()});
                m_headline = tr("Still no push. The values are served as before; only the age tells:");
                observer(NoUp, 2)(finish);
            };
        case 3:
            return [this](Finish finish) {
                setFocus({silentJobKey()});
                // The rule for exactly this job, from the thresholds that apply
                // to it (DemoSeeder::demoPolicy(): warn 15 s, stale 30 s).
                Group probe;
                probe.key = silentJobKey();
                probe.pushTime = currentTime();
                const StalenessVerdict verdict = policy().evaluate(probe, currentTime());
                const double staleAfter = verdict.staleAfter > 0 ? verdict.staleAfter : 30;
                StalenessPolicy policy;
                policy.setDefaults(0, 0);
                policy.setCadenceSettings({false, 2, 4, 3});
                policy.setRules({StalenessRule(LabelMatcher::parse(silentJobKey().toString()).value(), verdict.warnAfter,
                                               staleAfter, u"invoice-mailer"_s)});
                AlertRuleOptions options;
                options.forDuration = u"1m"_s;
                const QString yaml = AlertRules::generate(policy, options);
                finish(tr("Alert when the last push is too old:\n\n  %1\n\nAs a Prometheus rules file:\n\n%2")
                           .arg(staleAlertExpression(silentJobKey(), staleAfter), yaml.trimmed()));
            };
        }
        break;
    case LostState:
        switch (step) {
        case 0:
            return [this](Finish finish) {
                setFocus({});
                readGroups([this, finish](Result<QList<Group>> groups) {
                    if (!groups) {
                        finish(groups.error());
                        return;
                    }
                    const QString file = activeGateway()->options().persistenceFile;
                    finish(tr("%1 groups with %2 series, all held by this one gateway process.\n\nPersistence file: %3.")
                               .arg(groups->size())
                               .arg(seriesTotal(groups.value()))
                               .arg(file.isEmpty() ? tr("none, memory only") : file));
                });
            };
        case 1: return [this](Finish finish) { restartLostState(finish); };
        case 2:
            return [this](Finish finish) {
                if (m_seeder)
                    m_seeder->resume();
                m_headline = m_seeder ? tr("The demo's jobs push again, each on its own schedule.")
                                      : tr("Without the demo's jobs, nothing pushes again.");
                observer(LostState, 2)(finish);
            };
        case 3: return [this](Finish finish) { enablePersistence(finish); };
        case 4: return [this](Finish finish) { restartPersistent(finish); };
        case 5: return [this](Finish finish) { stopGateway(finish); };
        case 6: return [this](Finish finish) { startAgain(finish); };
        }
        break;
    case CollidingGroups:
        switch (step) {
        case 0:
            return [this](Finish finish) {
                setFocus({collidingKey()});
                pushOnce(collidingKey(), [finish](Result<PushResult> pushed) {
                    if (!pushed) {
                        finish(pushed.error());
                        return;
                    }
                    finish(tr("PUT /%1: HTTP %2.").arg(collidingKey().toPath()).arg(pushed->httpStatus));
                });
            };
        case 1:
            return [this](Finish finish) {
                setFocus({collidingKey(), collidingEmptyKey()});
                pushOnce(collidingEmptyKey(), [this, finish](Result<PushResult> pushed) {
                    const QString answer = pushed ? tr("HTTP %1").arg(pushed->httpStatus) : pushed.errorString();
                    readGroups([this, finish, answer](Result<QList<Group>> groups) {
                        if (!groups) {
                            finish(groups.error());
                            return;
                        }
                        const QList<GroupingKey> keys = keysOf(groups.value());
                        const bool both = keys.contains(collidingKey()) && keys.contains(collidingEmptyKey());
                        finish(tr("PUT /%1:\n  %2\n\n%3")
                                   .arg(collidingEmptyKey().toPath(), answer,
                                        both ? tr("The gateway now holds both groups:\n%1")
                                                   .arg(keysText({collidingKey(), collidingEmptyKey()}))
                                             : tr("Only one of the two groups exists; the collision did not happen.")));
                    });
                });
            };
        case 2:
            return [this](Finish finish) {
                setFocus({collidingKey(), collidingEmptyKey()});
                pushOnce(probeKey(), [finish](Result<PushResult> pushed) {
                    if (pushed) {
                        finish(tr("PUT /%1: HTTP %2, accepted: this gateway did not block the push.")
                                   .arg(probeKey().toPath())
                                   .arg(pushed->httpStatus));
                        return;
                    }
                    finish(tr("A push from an unrelated job:\n\n  %1\n\nThe rejected push even left an empty, failed "
                              "group for %2 behind.")
                               .arg(pushed.errorString(), probeKey().toString()));
                });
            };
        case 3:
            return [this](Finish finish) {
                setFocus({collidingKey(), collidingEmptyKey()});
                readGroups([this, finish](Result<QList<Group>> groups) {
                    if (!groups) {
                        finish(groups.error());
                        return;
                    }
                    QList<LintFinding> collisions;
                    for (const LintFinding &finding : Lint::run(groups.value(), policy(), currentTime())) {
                        if (finding.id == LintFinding::CollidingKeys)
                            collisions.append(finding);
                    }
                    if (collisions.isEmpty()) {
                        finish(tr("The lint finds no colliding groups."));
                        return;
                    }
                    QStringList lines;
                    for (const LintFinding &finding : std::as_const(collisions)) {
                        lines.append(tr("CRITICAL colliding-keys\n%1\n").arg(finding.title));
                        for (qsizetype i = 0; i < finding.groups.size(); ++i)
                            lines.append(u"  "_s + finding.groups.at(i).toString() + u"\n    "_s + finding.notes.value(i));
                    }
                    lines.append(u"\n"_s + tr("Fix: delete one of them, usually the one with the empty-valued label."));
                    finish(lines.join(u'\n'));
                });
            };
        case 4:
            return [this](Finish finish) {
                setFocus({collidingKey()});
                deleteVerified({collidingEmptyKey()}, [this, finish](Result<Done> deleted) {
                    if (!deleted) {
                        finish(deleted.error());
                        return;
                    }
                    pushOnce(probeKey(), [this, finish](Result<PushResult> pushed) {
                        const QString answer = pushed ? tr("HTTP %1: pushes work again.").arg(pushed->httpStatus)
                                                      : pushed.errorString();
                        deleteVerified({probeKey()}, [finish, answer](Result<Done>) {
                            finish(tr("Deleted %1 and confirmed it is gone.\n\nPUT /%2:\n  %3\n\n(The probe group was "
                                      "deleted again.)")
                                       .arg(collidingEmptyKey().toString(), probeKey().toPath(), answer));
                        });
                    });
                });
            };
        }
        break;
    case FirewallNat:
        return [](Finish finish) {
            finish(tr("Nothing happens on the gateway in this scenario: it is about where the metrics should flow."));
        };
    }
    return [](Finish finish) { finish(Error::make(Error::Invalid, tr("no such step"))); };
}

DemoScenarios::Action DemoScenarios::observer(int scenarioIndex, int step)
{
    switch (scenarioIndex) {
    case RenamedInstance:
        if (step == 0)
            return [this](Finish finish) { describeGroups({hostAKey()}, m_headline, finish); };
        if (step == 1 || step == 2)
            return [this](Finish finish) { describeGroups({hostAKey(), hostBKey()}, m_headline, finish); };
        break;
    case NoUp:
        if (step >= 0 && step <= 2)
            return [this](Finish finish) { describeGroups({silentJobKey()}, m_headline, finish); };
        break;
    case LostState:
        if (step == 2)
            return [this](Finish finish) {
                readGroups([this, finish](Result<QList<Group>> groups) {
                    if (!groups) {
                        finish(groups.error());
                        return;
                    }
                    const QList<GroupingKey> present = keysOf(groups.value());
                    QList<GroupingKey> missing;
                    for (const GroupingKey &key : std::as_const(m_keysBeforeRestart)) {
                        if (!present.contains(key))
                            missing.append(key);
                    }
                    QString text = m_headline + u"\n\n"_s
                                   + tr("%1 of %2 groups are back.").arg(m_keysBeforeRestart.size() - missing.size()).arg(m_keysBeforeRestart.size());
                    if (!missing.isEmpty())
                        text += u"\n\n"_s + tr("Still missing:\n%1").arg(keysText(missing));
                    finish(text);
                });
            };
        break;
    default:
        break;
    }
    return {};
}

void DemoScenarios::restartLostState(Finish finish)
{
    setFocus({});
    if (m_seeder)
        m_seeder->stop();
    // Let pushes already on their way land before the restart, so what
    // survives is only what the gateway kept.
    after(300, [this, finish] {
        readGroups([this, finish](Result<QList<Group>> before) {
            if (!before) {
                finish(before.error());
                return;
            }
            m_keysBeforeRestart = keysOf(before.value());
            LocalGateway *gateway = activeGateway();
            gateway->stop();
            Q_EMIT gatewayRestarted();
            startGateway(gateway, [this, finish](Result<Done> started) {
                if (!started) {
                    finish(started.error());
                    return;
                }
                Q_EMIT gatewayRestarted();
                readGroups([this, finish](Result<QList<Group>> afterRestart) {
                    if (!afterRestart) {
                        finish(afterRestart.error());
                        return;
                    }
                    finish(tr("Restarted the gateway without a persistence file.\n\nBefore: %1 groups. After: %2.\n\n"
                              "Every pushed value is gone, including the last-success timestamps that alerts look at.")
                               .arg(m_keysBeforeRestart.size())
                               .arg(afterRestart->size()));
                });
            });
        });
    });
}

void DemoScenarios::enablePersistence(Finish finish)
{
    setFocus({});
    if (m_seeder)
        m_seeder->stop();
    m_persistenceDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/pushdeck-demo-XXXXXX"_s);
    if (!m_persistenceDir->isValid()) {
        finish(Error::make(Error::Process, tr("cannot create a directory for the persistence file: %1")
                                               .arg(m_persistenceDir->errorString())));
        return;
    }
    LocalGatewayOptions options = m_gateway->options();
    options.persistenceFile = m_persistenceDir->filePath(u"pushgateway.data"_s);
    options.persistenceIntervalMs = 1000;
    options.port = m_gateway->port(); // same URL: the main window keeps polling it
    m_gateway->stop();
    if (m_persistent)
        m_persistent->stop();
    m_persistent = std::make_unique<LocalGateway>(options);
    Q_EMIT gatewayRestarted();
    startGateway(m_persistent.get(), [this, finish](Result<Done> started) {
        if (!started) {
            finish(started.error());
            return;
        }
        Q_EMIT gatewayRestarted();
        auto report = [this, finish](Result<QList<Group>> groups) {
            if (!groups) {
                finish(groups.error());
                return;
            }
            finish(tr("Restarted with --persistence.file=%1 (in-memory state lost once more); the jobs pushed again.\n\n"
                      "%2 groups, now also written to the file every second and on shutdown.")
                       .arg(m_persistent->options().persistenceFile)
                       .arg(groups->size()));
        };
        QList<GroupingKey> expected;
        if (m_seeder) {
            for (const DemoSeeder::Job &job : m_seeder->jobs())
                expected.append(job.key);
            m_seeder->start(); // every job once, then on schedule
            waitForKeys(expected, report);
            return;
        }
        // Without the demo's jobs, put back what was there before step 2.
        expected = m_keysBeforeRestart;
        auto pending = std::make_shared<int>(int(expected.size()));
        if (expected.isEmpty()) {
            readGroups(report);
            return;
        }
        for (const GroupingKey &key : std::as_const(expected)) {
            pushOnce(key, [this, pending, expected, report](Result<PushResult>) {
                if (--*pending == 0)
                    waitForKeys(expected, report);
            });
        }
    });
}

void DemoScenarios::restartPersistent(Finish finish)
{
    if (!m_persistent) {
        finish(Error::make(Error::Invalid, tr("persistence is not on")));
        return;
    }
    if (m_seeder)
        m_seeder->stop();
    after(300, [this, finish] {
        readGroups([this, finish](Result<QList<Group>> before) {
            if (!before) {
                finish(before.error());
                return;
            }
            const QList<GroupingKey> keysBefore = keysOf(before.value());
            m_persistent->stop();
            Q_EMIT gatewayRestarted();
            startGateway(m_persistent.get(), [this, finish, keysBefore](Result<Done> started) {
                if (!started) {
                    finish(started.error());
                    return;
                }
                Q_EMIT gatewayRestarted();
                readGroups([this, finish, keysBefore](Result<QList<Group>> afterRestart) {
                    if (!afterRestart) {
                        finish(afterRestart.error());
                        return;
                    }
                    const QList<GroupingKey> keysAfter = keysOf(afterRestart.value());
                    int kept = 0;
                    for (const GroupingKey &key : keysBefore)
                        kept += keysAfter.contains(key) ? 1 : 0;
                    if (m_seeder)
                        m_seeder->resume();
                    finish(tr("Restarted with the persistence file.\n\nBefore: %1 groups. After: %2, read back from %3.")
                               .arg(keysBefore.size())
                               .arg(kept)
                               .arg(m_persistent->options().persistenceFile));
                });
            });
        });
    });
}

void DemoScenarios::stopGateway(Finish finish)
{
    if (m_seeder)
        m_seeder->stop();
    LocalGateway *gateway = activeGateway();
    gateway->stop();
    Q_EMIT gatewayRestarted();
    readGroups([finish](Result<QList<Group>> groups) {
        const QString answer = groups ? tr("unexpectedly answered with %1 groups").arg(groups->size()) : groups.errorString();
        finish(tr("The gateway is stopped. Reading it now:\n  %1\n\nFor Prometheus, every series pushed by every job "
                  "has disappeared at once; every push fails until the gateway is back.")
                   .arg(answer));
    });
}

void DemoScenarios::startAgain(Finish finish)
{
    LocalGateway *gateway = activeGateway();
    startGateway(gateway, [this, finish, gateway](Result<Done> started) {
        if (!started) {
            finish(started.error());
            return;
        }
        Q_EMIT gatewayRestarted();
        readGroups([this, finish, gateway](Result<QList<Group>> groups) {
            if (!groups) {
                finish(groups.error());
                return;
            }
            if (m_seeder)
                m_seeder->resume();
            const QString file = gateway->options().persistenceFile;
            finish(file.isEmpty() ? tr("Started again, without a persistence file: %1 groups.").arg(groups->size())
                                  : tr("Started again: %1 groups read back from %2.").arg(groups->size()).arg(file));
        });
    });
}

void DemoScenarios::resetLostState(Finish finish)
{
    if (m_seeder)
        m_seeder->stop();
    const bool replaced = bool(m_persistent);
    if (m_persistent) {
        m_persistent->stop();
        m_persistent.reset();
        Q_EMIT gatewayRestarted();
    }
    auto reseed = [this, finish] {
        m_persistenceDir.reset();
        if (!m_seeder) {
            finish(tr("Scenario reset."));
            return;
        }
        QList<GroupingKey> expected;
        for (const DemoSeeder::Job &job : m_seeder->jobs())
            expected.append(job.key);
        m_seeder->start();
        waitForKeys(expected, [finish](Result<QList<Group>> groups) {
            if (!groups) {
                finish(groups.error());
                return;
            }
            finish(tr("Scenario reset: the gateway runs in memory again and the demo's jobs pushed again (%1 groups).")
                       .arg(groups->size()));
        });
    };
    if (!m_gateway->isRunning() || replaced) {
        startGateway(m_gateway.data(), [this, reseed, finish](Result<Done> started) {
            if (!started) {
                finish(started.error());
                return;
            }
            Q_EMIT gatewayRestarted();
            reseed();
        });
        return;
    }
    reseed();
}

DemoScenarios::Action DemoScenarios::resetAction(int scenarioIndex)
{
    return [this, scenarioIndex](Finish finish) {
        m_liveTimer.stop();
        m_headline.clear();
        setFocus({});
        if (!m_gateway) {
            finish(tr("Scenario reset."));
            return;
        }
        auto deleted = [finish](Result<Done> result) {
            if (!result) {
                finish(result.error());
                return;
            }
            finish(tr("Scenario reset."));
        };
        switch (scenarioIndex) {
        case RenamedInstance:
            if (m_seeder) {
                m_seeder->removeJob(hostAKey());
                m_seeder->removeJob(hostBKey());
            }
            deleteVerified({hostAKey(), hostBKey()}, deleted);
            return;
        case NoUp:
            if (m_seeder)
                m_seeder->removeJob(silentJobKey());
            deleteVerified({silentJobKey()}, deleted);
            return;
        case LostState:
            if (m_step < 0 && !m_persistent && m_gateway->isRunning()) {
                finish(tr("Scenario reset."));
                return;
            }
            resetLostState(finish);
            return;
        case CollidingGroups:
            deleteVerified({collidingEmptyKey(), collidingKey(), probeKey()}, deleted);
            return;
        default:
            finish(tr("Scenario reset."));
            return;
        }
    };
}

} // namespace PushDeck
