#include "demo/demoseeder.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

GroupingKey key(std::initializer_list<LabelPair> labels)
{
    return GroupingKey::fromLabels(LabelPairs(labels)).value();
}

StalenessRule rule(const QString &selector, double warn, double stale)
{
    return StalenessRule{LabelMatcher::parse(selector).value(), warn, stale};
}

} // namespace

DemoSeeder::DemoSeeder(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_jobs = {
        // Service-level batch jobs: no instance label, one group each.
        {key({{u"job"_s, u"nightly-backup"_s}}), 0, false, true},
        {key({{u"job"_s, u"billing-export"_s}}), 10, false, true},
        {key({{u"job"_s, u"search-reindex"_s}}), 5, false, true},
        {key({{u"job"_s, u"etl"_s}, {u"stage"_s, u"extract"_s}}), 15, false, true},
        {key({{u"job"_s, u"etl"_s}, {u"stage"_s, u"load"_s}}), 15, false, true},
        // A value with a slash: needs @base64 in the push URL.
        {key({{u"job"_s, u"db-dump"_s}, {u"path"_s, u"/var/lib/postgresql"_s}}), 20, false, true},
        // Per-host cron jobs with an instance label: the anti-pattern.
        {key({{u"job"_s, u"logrotate"_s}, {u"instance"_s, u"web-1"_s}}), 10, false, true},
        {key({{u"job"_s, u"logrotate"_s}, {u"instance"_s, u"web-2"_s}}), 10, false, true},
        {key({{u"job"_s, u"logrotate"_s}, {u"instance"_s, u"web-3"_s}}), 0, false, true},
        // A job whose pushes fail (duplicate series): last push failed.
        {key({{u"job"_s, u"cert-renewal"_s}}), 10, true, true},
    };
    m_pushCount.fill(0, m_jobs.size());
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DemoSeeder::tick);
}

StalenessPolicy DemoSeeder::demoPolicy()
{
    StalenessPolicy policy;
    policy.setDefaults(60, 180);
    policy.setRules({
        rule(u"{job=\"nightly-backup\"}"_s, 26 * 3600, 48 * 3600),
        rule(u"{job=\"logrotate\"}"_s, 30, 60),
        // The Pitfalls scenarios' jobs push every 5 s and should visibly age
        // within a presentation.
        rule(u"{job=\"disk-cleanup\"}"_s, 15, 30),
        rule(u"{job=\"invoice-mailer\"}"_s, 15, 30),
    });
    return policy;
}

void DemoSeeder::addJob(const Job &job)
{
    m_jobs.append(job);
    m_pushCount.append(0);
    if (m_timer.isActive())
        pushJob(int(m_jobs.size()) - 1);
}

bool DemoSeeder::hasJob(const GroupingKey &key) const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [&key](const Job &job) { return job.key == key; });
}

bool DemoSeeder::renameJob(const GroupingKey &from, const GroupingKey &to)
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i].key != from)
            continue;
        m_jobs[i].key = to;
        if (m_timer.isActive() && m_jobs[i].enabled)
            pushJob(i);
        return true;
    }
    return false;
}

bool DemoSeeder::removeJob(const GroupingKey &key)
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs[i].key != key)
            continue;
        m_jobs.removeAt(i);
        m_pushCount.removeAt(i);
        return true;
    }
    return false;
}

void DemoSeeder::resume()
{
    if (m_startedAt == 0)
        m_startedAt = QDateTime::currentSecsSinceEpoch();
    m_timer.start();
}

void DemoSeeder::start()
{
    m_startedAt = QDateTime::currentSecsSinceEpoch();
    m_pendingInitial = int(m_jobs.size());
    for (int i = 0; i < m_jobs.size(); ++i)
        pushJob(i);
    m_timer.start();
}

void DemoSeeder::stop()
{
    m_timer.stop();
}

void DemoSeeder::setJobEnabled(const GroupingKey &key, bool enabled)
{
    for (Job &job : m_jobs) {
        if (job.key == key)
            job.enabled = enabled;
    }
}

void DemoSeeder::tick()
{
    const qint64 elapsed = QDateTime::currentSecsSinceEpoch() - m_startedAt;
    for (int i = 0; i < m_jobs.size(); ++i) {
        const Job &job = m_jobs[i];
        if (job.enabled && job.everySeconds > 0 && elapsed > 0 && elapsed % job.everySeconds == 0)
            pushJob(i);
    }
}

QByteArray DemoSeeder::payload(const GroupingKey &key, int n, bool failing)
{
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    const QByteArray job = key.job().toUtf8();
    QByteArray text;
    text += "# HELP batch_last_success_timestamp_seconds Unix time the job last completed successfully.\n"
            "# TYPE batch_last_success_timestamp_seconds gauge\n"
            "batch_last_success_timestamp_seconds "
            + QByteArray::number(now, 'f', 3) + "\n";
    const QByteArray duration = "batch_duration_seconds " + QByteArray::number(12.5 + (qHash(job) % 50) + (n % 7) * 0.75) + "\n";
    text += "# HELP batch_duration_seconds How long the last run took.\n"
            "# TYPE batch_duration_seconds gauge\n"
            + duration;
    // The same series twice: the gateway rejects the push (400) and marks
    // the group's last push as failed, keeping the old content.
    if (failing && n > 0)
        text += duration;
    text += "# HELP batch_records_processed_total Records handled by the job.\n"
            "# TYPE batch_records_processed_total counter\n"
            "batch_records_processed_total{kind=\"row\"} "
            + QByteArray::number(1000 * (n + 1) + qHash(job) % 997) + "\n";
    text += "# HELP batch_step_duration_seconds Duration of the job's steps.\n"
            "# TYPE batch_step_duration_seconds histogram\n"
            "batch_step_duration_seconds_bucket{le=\"0.5\"} " + QByteArray::number(3 + n) + "\n"
            "batch_step_duration_seconds_bucket{le=\"2\"} " + QByteArray::number(7 + 2 * n) + "\n"
            "batch_step_duration_seconds_bucket{le=\"10\"} " + QByteArray::number(9 + 2 * n) + "\n"
            "batch_step_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(10 + 2 * n) + "\n"
            "batch_step_duration_seconds_sum " + QByteArray::number(21.25 + 3.5 * n) + "\n"
            "batch_step_duration_seconds_count " + QByteArray::number(10 + 2 * n) + "\n";
    return text;
}

void DemoSeeder::pushJob(int index)
{
    const Job job = m_jobs[index];
    const int n = m_pushCount[index]++;
    const bool initial = n == 0;
    m_client->push(job.key, payload(job.key, n, job.failing), true).then(this, [this, job, initial](Result<PushResult> result) {
        if (!result && !job.failing)
            Q_EMIT pushFailed(job.key, result.errorString());
        if (initial && --m_pendingInitial == 0)
            Q_EMIT seeded();
    });
}

} // namespace PushDeck
