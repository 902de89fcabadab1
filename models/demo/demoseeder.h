#pragma once
// Feeds the `--demo` gateway with a realistic mix of batch jobs on a
// schedule: service-level jobs without an instance label (the good pattern),
// per-host cron jobs with one (the anti-pattern), and a job whose pushes fail.

#include "gateway/gatewayclient.h"
#include "staleness/stalenesspolicy.h"

#include <QObject>
#include <QTimer>

namespace PushDeck {

class DemoSeeder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSeeder)
public:
    struct Job
    {
        GroupingKey key;
        int everySeconds = 0; // 0: pushed once at start, then left to age
        bool failing = false; // every push after the first one is rejected
        bool enabled = true;
    };

    explicit DemoSeeder(GatewayClient *client, QObject *parent = nullptr);

    const QList<Job> &jobs() const { return m_jobs; }
    // Staleness rules that suit the demo's short rhythms, so that groups
    // turn warning and stale within a minute or two of a job stopping.
    static StalenessPolicy demoPolicy();

    // Pushes every job once, then keeps pushing the periodic ones.
    void start();
    void stop();
    // Stops or resumes pushing one job (its group stays on the gateway).
    void setJobEnabled(const GroupingKey &key, bool enabled);
    void addJob(const Job &job);

    // For the Pitfalls scenarios.
    bool hasJob(const GroupingKey &key) const;
    bool isRunning() const { return m_timer.isActive(); }
    // Pushes as `to` from now on instead of `from` (a renamed host); the
    // group under `from` stays on the gateway. Pushes at once when running.
    bool renameJob(const GroupingKey &from, const GroupingKey &to);
    // Stops pushing a job and forgets it; its group stays on the gateway.
    bool removeJob(const GroupingKey &key);
    // Picks the schedule up again after stop() without the initial round:
    // one-shot jobs stay missing, as they would after a real outage.
    void resume();
    // The exposition text the seeder pushes for a job, at push number n.
    static QByteArray payload(const GroupingKey &key, int n, bool failing);

Q_SIGNALS:
    // After the first round of pushes has been answered.
    void seeded();
    void pushFailed(const GroupingKey &key, const QString &message);

private:
    void tick();
    void pushJob(int index);

    GatewayClient *m_client;
    QList<Job> m_jobs;
    QList<int> m_pushCount;
    QTimer m_timer;
    qint64 m_startedAt = 0;
    int m_pendingInitial = 0;
};

} // namespace PushDeck
