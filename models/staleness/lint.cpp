#include "staleness/lint.h"

#include "core/duration.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace PushDeck {

QString lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Info: return u"info"_s;
    case LintSeverity::Warning: return u"warning"_s;
    case LintSeverity::Critical: return u"critical"_s;
    }
    return {};
}

std::optional<LintSeverity> lintSeverityFromName(QStringView name)
{
    for (auto s : {LintSeverity::Info, LintSeverity::Warning, LintSeverity::Critical}) {
        if (name.compare(lintSeverityName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

namespace {

int ruleRank(const QString &id)
{
    static const QLatin1StringView order[] = {LintFinding::CollidingKeys, LintFinding::PushFailed, LintFinding::Stale,
                                              LintFinding::InstanceLabel, LintFinding::FanOut, LintFinding::EmptyPush};
    for (int i = 0; i < int(std::size(order)); ++i) {
        if (id == order[i])
            return i;
    }
    return int(std::size(order));
}

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

// "job a", "jobs a, b, c and 2 more"
QString jobList(const QList<GroupingKey> &keys)
{
    QStringList jobs;
    for (const GroupingKey &key : keys) {
        if (!jobs.contains(key.job()))
            jobs.append(key.job());
    }
    std::sort(jobs.begin(), jobs.end());
    const qsizetype shown = std::min<qsizetype>(jobs.size(), 3);
    QString text = (jobs.size() == 1 ? u"job "_s : u"jobs "_s) + jobs.mid(0, shown).join(u", "_s);
    if (jobs.size() > shown)
        text += u" and %1 more"_s.arg(jobs.size() - shown);
    return text;
}

bool looksLikeAddress(const QString &value)
{
    static const QRegularExpression ipv4(uR"(^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?$)"_s);
    static const QRegularExpression ipv6(uR"(^\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?(:\d{1,5})?$)"_s);
    // host:port with a name or dotted host part; "10:30" is a time, not an address.
    static const QRegularExpression hostPort(uR"(^(?=[^:]*[A-Za-z.])[A-Za-z0-9][A-Za-z0-9.-]*:\d{1,5}$)"_s);
    return ipv4.match(value).hasMatch() || ipv6.match(value).hasMatch() || hostPort.match(value).hasMatch();
}

QString labelText(const QString &name, const QString &value)
{
    return name + u"=\""_s + escapeLabelValue(value) + u'"';
}

// Word-wrapped to `width` columns for terminals, each line after the first
// indented like the first one's text.
QString wrapped(const QString &text, const QString &first, const QString &rest, int width)
{
    QString out = first;
    qsizetype column = first.size();
    bool lineEmpty = true;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!lineEmpty && column + 1 + word.size() > width) {
            out += u'\n' + rest;
            column = rest.size();
            lineEmpty = true;
        }
        if (!lineEmpty) {
            out += u' ';
            ++column;
        }
        out += word;
        column += word.size();
        lineEmpty = false;
    }
    return out;
}

// Sorts groups by key and keeps the notes in step.
void sortGroups(LintFinding &finding)
{
    QList<std::pair<GroupingKey, QString>> pairs;
    pairs.reserve(finding.groups.size());
    for (qsizetype i = 0; i < finding.groups.size(); ++i)
        pairs.append({finding.groups.at(i), i < finding.notes.size() ? finding.notes.at(i) : QString()});
    std::sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    finding.groups.clear();
    finding.notes.clear();
    for (auto &[key, note] : pairs) {
        finding.groups.append(key);
        finding.notes.append(note);
    }
}

const QString collisionAdvice = u"The gateway keeps these as separate groups, but once empty-valued labels are dropped "
                                "their series are the same, so its consistency check now rejects every push from every "
                                "job (\"pushed metrics are invalid or inconsistent with existing metrics\") until one of "
                                "them is deleted. Delete one of the groups, usually the one with the empty-valued label "
                                "(pushed to a URL like /metrics/job/x/instance@base64/=). Then fix the client that builds "
                                "its grouping key with an empty value: leave the label out instead."_s;

const QString pushFailedAdvice = u"The gateway rejected the latest push and still serves the previous values, so "
                                 "dashboards show old data as if it were current. The client's log has the gateway's "
                                 "reason (invalid text, a duplicate series, a type or help text that differs from other "
                                 "groups, timestamps). If groups collide, fix that first: it makes every push fail. Alert "
                                 "on push_failure_time_seconds > push_time_seconds."_s;

const QString staleAdvice = u"A pushed group never goes away on its own and has no `up`: a job that stopped, was renamed "
                            "or moved to another key looks just like one that is late. Find out which it is, delete "
                            "orphaned groups deliberately (prune previews and snapshots them first), and alert on "
                            "time() - push_time_seconds{...} > threshold so that Prometheus reports the next one."_s;

const QString instanceAdvice = u"A label that names a machine or process makes one group per host. When the host is "
                               "renamed, replaced or removed, its group stays on the gateway forever and its last values "
                               "keep being scraped as if they were current. For a service-level batch job, push without "
                               "this label (one group per job). For a machine-level job, such as a per-host cron job, "
                               "write its metrics with the node exporter's textfile collector on that host, so they go "
                               "away with the host. Where the label must stay, delete a host's group when the host goes "
                               "away."_s;

const QString fanOutAdvice = u"Each value of this label makes its own group, and the gateway keeps, serves and checks "
                             "every one until it is deleted: it becomes a registry of targets without Prometheus' "
                             "service discovery, `up` or staleness handling. Push one service-level result per job "
                             "(aggregate in the job, or drop the label); use the node exporter textfile collector for "
                             "per-machine data; scrape per-target data directly (PushProx for targets behind NAT)."_s;

const QString emptyAdvice = u"These groups hold only the gateway's own push_time_seconds and push_failure_time_seconds: "
                            "the client pushed an empty body or an empty registry (a PUT with nothing registered, or a "
                            "POST without metrics). As a deliberate heartbeat this works, but a last-success timestamp "
                            "pushed by the job itself says more. Otherwise check what the client registers before it "
                            "pushes, and delete the empty group."_s;

void lintCollisions(const QList<Group> &groups, QList<LintFinding> &out)
{
    QHash<GroupingKey, QList<GroupingKey>> byCollision;
    for (const Group &group : groups)
        byCollision[group.key.collisionKey()].append(group.key);
    for (auto it = byCollision.cbegin(); it != byCollision.cend(); ++it) {
        QList<GroupingKey> keys = it.value();
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        if (keys.size() < 2)
            continue;
        LintFinding finding;
        finding.severity = LintSeverity::Critical;
        finding.id = LintFinding::CollidingKeys;
        finding.subject = it.key().toString();
        if (keys.size() == 2)
            finding.title = u"Every push fails: groups %1 and %2 collide"_s.arg(keys[0].toString(), keys[1].toString());
        else
            finding.title = u"Every push fails: %1 groups collide as %2"_s.arg(keys.size()).arg(finding.subject);
        finding.advice = collisionAdvice;
        for (const GroupingKey &key : std::as_const(keys)) {
            QStringList empty;
            for (const auto &[name, value] : key.labels()) {
                if (value.isEmpty())
                    empty.append(name);
            }
            finding.groups.append(key);
            finding.notes.append(empty.isEmpty() ? u"no empty-valued labels"_s
                                                 : u"empty-valued: "_s + empty.join(u", "_s));
        }
        out.append(finding);
    }
}

void lintPushFailed(const QList<Group> &groups, double now, QList<LintFinding> &out)
{
    LintFinding finding;
    finding.severity = LintSeverity::Warning;
    finding.id = LintFinding::PushFailed;
    finding.advice = pushFailedAdvice;
    for (const Group &group : groups) {
        if (group.lastPushSuccessful && !(group.pushFailureTime > group.pushTime))
            continue;
        QString note;
        if (group.pushFailureTime > 0)
            note = u"failed %1 ago"_s.arg(formatAge(now - group.pushFailureTime));
        else
            note = u"failed"_s;
        note += group.pushTime > 0 ? u"; last success %1 ago"_s.arg(formatAge(now - group.pushTime))
                                   : u"; never pushed successfully"_s;
        finding.groups.append(group.key);
        finding.notes.append(note);
    }
    if (finding.groups.isEmpty())
        return;
    finding.title = finding.groups.size() == 1 ? u"Last push failed: %1"_s.arg(finding.groups.first().toString())
                                               : u"Last push failed for %1 groups"_s.arg(finding.groups.size());
    out.append(finding);
}

void lintStale(const QList<Group> &groups, const StalenessPolicy &policy, double now, QList<LintFinding> &out)
{
    LintFinding finding;
    finding.severity = LintSeverity::Warning;
    finding.id = LintFinding::Stale;
    finding.advice = staleAdvice;
    for (const Group &group : groups) {
        // Judged by age alone: a failing group can be stale as well, and the
        // push-failed rule reports the failure.
        Group byAge = group;
        byAge.lastPushSuccessful = true;
        byAge.pushFailureTime = 0;
        const StalenessVerdict verdict = policy.evaluate(byAge, now);
        if (verdict.state != Staleness::Stale)
            continue;
        finding.groups.append(group.key);
        finding.notes.append(u"last push %1 ago; %2"_s.arg(formatAge(now - group.pushTime), policy.explain(verdict)));
    }
    if (finding.groups.isEmpty())
        return;
    finding.title = finding.groups.size() == 1 ? u"Stale by its rules: %1"_s.arg(finding.groups.first().toString())
                                               : u"%1 groups are stale by their rules"_s.arg(finding.groups.size());
    out.append(finding);
}

void lintInstanceLabels(const QList<Group> &groups, const LintOptions &options, QList<LintFinding> &out)
{
    QMap<QString, LintFinding> byLabel; // ordered by label name
    for (const Group &group : groups) {
        for (const auto &[name, value] : group.key.labels()) {
            if (name == u"job"_s || !Lint::isInstanceLike(name, value, options))
                continue;
            LintFinding &finding = byLabel[name];
            finding.groups.append(group.key);
            finding.notes.append(labelText(name, value));
        }
    }
    for (auto it = byLabel.begin(); it != byLabel.end(); ++it) {
        LintFinding &finding = it.value();
        finding.severity = LintSeverity::Warning;
        finding.id = LintFinding::InstanceLabel;
        finding.subject = it.key();
        finding.title = u"%1 in the grouping key of %2 (%3)"_s.arg(quoted(it.key()),
                                                                   plural(finding.groups.size(), u"group"_s, u"groups"_s),
                                                                   jobList(finding.groups));
        finding.advice = instanceAdvice;
        out.append(finding);
    }
}

void lintFanOut(const QList<Group> &groups, const LintOptions &options, QList<LintFinding> &out)
{
    if (options.fanOutThreshold <= 0)
        return;
    QMap<QString, QList<GroupingKey>> byJob;
    for (const Group &group : groups)
        byJob[group.key.job()].append(group.key);
    for (auto job = byJob.cbegin(); job != byJob.cend(); ++job) {
        if (job.value().size() < options.fanOutThreshold)
            continue;
        // For each label: keys that agree on every other label.
        QMap<QString, QHash<LabelPairs, QList<GroupingKey>>> byLabel;
        for (const GroupingKey &key : job.value()) {
            for (qsizetype i = 0; i < key.labels().size(); ++i) {
                const QString &name = key.labels().at(i).first;
                if (name == u"job"_s)
                    continue;
                LabelPairs rest = key.labels();
                rest.removeAt(i);
                byLabel[name][rest].append(key);
            }
        }
        for (auto label = byLabel.cbegin(); label != byLabel.cend(); ++label) {
            LintFinding finding;
            QSet<QString> values;
            for (const QList<GroupingKey> &bucket : label.value()) {
                if (bucket.size() < options.fanOutThreshold)
                    continue;
                for (const GroupingKey &key : bucket) {
                    finding.groups.append(key);
                    finding.notes.append(labelText(label.key(), key.value(label.key())));
                    values.insert(key.value(label.key()));
                }
            }
            if (finding.groups.isEmpty())
                continue;
            finding.severity = LintSeverity::Warning;
            finding.id = LintFinding::FanOut;
            finding.subject = job.key() + u'/' + label.key();
            finding.title = u"Job %1 fans out over %2 by %3 (%4 values)"_s.arg(
                quoted(job.key()), plural(finding.groups.size(), u"group"_s, u"groups"_s), quoted(label.key()))
                                .arg(values.size());
            finding.advice = fanOutAdvice;
            out.append(finding);
        }
    }
}

void lintEmpty(const QList<Group> &groups, QList<LintFinding> &out)
{
    LintFinding finding;
    finding.severity = LintSeverity::Info;
    finding.id = LintFinding::EmptyPush;
    finding.advice = emptyAdvice;
    for (const Group &group : groups) {
        // A group whose only push ever failed holds nothing either, but that
        // is the push-failed rule's business.
        if (!group.families.isEmpty() || !(group.pushTime > 0))
            continue;
        finding.groups.append(group.key);
        finding.notes.append(u"only push_time_seconds"_s);
    }
    if (finding.groups.isEmpty())
        return;
    finding.title = finding.groups.size() == 1 ? u"Pushed empty: %1 holds no metrics"_s.arg(finding.groups.first().toString())
                                               : u"%1 groups hold no metrics (pushed empty)"_s.arg(finding.groups.size());
    out.append(finding);
}

} // namespace

bool Lint::isInstanceLike(const QString &name, const QString &value, const LintOptions &options)
{
    // An empty value is no instance: {instance=""} is the collision rule's.
    if (value.isEmpty() || name == u"job"_s)
        return false;
    for (const QString &candidate : options.instanceLabelNames) {
        if (name.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    for (const QString &suffix : options.instanceLabelSuffixes) {
        if (name.endsWith(suffix, Qt::CaseInsensitive) && name.size() > suffix.size())
            return true;
    }
    return options.addressValues && looksLikeAddress(value);
}

QList<LintFinding> Lint::run(const QList<Group> &groups, const StalenessPolicy &policy, double now,
                             const LintOptions &options)
{
    QList<LintFinding> findings;
    lintCollisions(groups, findings);
    lintPushFailed(groups, now, findings);
    lintStale(groups, policy, now, findings);
    lintInstanceLabels(groups, options, findings);
    lintFanOut(groups, options, findings);
    lintEmpty(groups, findings);
    for (LintFinding &finding : findings)
        sortGroups(finding);
    std::stable_sort(findings.begin(), findings.end(), [](const LintFinding &a, const LintFinding &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        const int ra = ruleRank(a.id), rb = ruleRank(b.id);
        if (ra != rb)
            return ra < rb;
        return a.subject < b.subject;
    });
    return findings;
}

std::optional<LintSeverity> Lint::worst(const QList<LintFinding> &findings)
{
    std::optional<LintSeverity> result;
    for (const LintFinding &finding : findings) {
        if (!result || finding.severity > *result)
            result = finding.severity;
    }
    return result;
}

int Lint::count(const QList<LintFinding> &findings, LintSeverity severity)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [severity](const LintFinding &f) { return f.severity == severity; }));
}

QString Lint::summary(const QList<LintFinding> &findings)
{
    if (findings.isEmpty())
        return u"no findings"_s;
    return u"%1 critical, %2, %3 info"_s.arg(count(findings, LintSeverity::Critical))
        .arg(plural(count(findings, LintSeverity::Warning), u"warning"_s, u"warnings"_s))
        .arg(count(findings, LintSeverity::Info));
}

QString Lint::toText(const QList<LintFinding> &findings, int maxGroups)
{
    QString text;
    for (const LintFinding &finding : findings) {
        text += lintSeverityName(finding.severity).toUpper() + u' ' + finding.id + u": "_s + finding.title + u'\n';
        const qsizetype shown = maxGroups > 0 ? std::min<qsizetype>(maxGroups, finding.groups.size()) : finding.groups.size();
        for (qsizetype i = 0; i < shown; ++i) {
            text += u"  "_s + finding.groups.at(i).toString();
            const QString note = i < finding.notes.size() ? finding.notes.at(i) : QString();
            if (!note.isEmpty())
                text += u"  ("_s + note + u')';
            text += u'\n';
        }
        if (shown < finding.groups.size())
            text += u"  ... and %1 more\n"_s.arg(finding.groups.size() - shown);
        text += wrapped(finding.advice, u"  Fix: "_s, u"       "_s, 100) + u"\n\n"_s;
    }
    const int total = int(findings.size());
    text += total == 0 ? u"No findings.\n"_s
                       : u"%1: %2\n"_s.arg(plural(total, u"finding"_s, u"findings"_s), summary(findings));
    return text;
}

QJsonObject LintFinding::toJson() const
{
    QJsonArray groupArray;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        QJsonObject labels;
        for (const auto &[name, value] : groups.at(i).labels())
            labels.insert(name, value);
        groupArray.append(QJsonObject{
            {u"key"_s, groups.at(i).toString()},
            {u"labels"_s, labels},
            {u"note"_s, i < notes.size() ? notes.at(i) : QString()},
        });
    }
    return QJsonObject{
        {u"severity"_s, lintSeverityName(severity)},
        {u"id"_s, id},
        {u"subject"_s, subject},
        {u"title"_s, title},
        {u"advice"_s, advice},
        {u"groups"_s, groupArray},
    };
}

QJsonObject Lint::toJson(const QList<LintFinding> &findings, int groupCount)
{
    QJsonArray array;
    for (const LintFinding &finding : findings)
        array.append(finding.toJson());
    const QJsonObject summaryObject{
        {u"critical"_s, count(findings, LintSeverity::Critical)},
        {u"warning"_s, count(findings, LintSeverity::Warning)},
        {u"info"_s, count(findings, LintSeverity::Info)},
        {u"groups"_s, groupCount},
    };
    return QJsonObject{{u"findings"_s, array}, {u"summary"_s, summaryObject}};
}

} // namespace PushDeck
