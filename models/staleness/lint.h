#pragma once
// Anti-pattern lint over a gateway's groups: finds the ways teams misuse the
// Pushgateway (per-instance keys, colliding keys that block every push,
// failing and stale groups, fan-out, empty pushes) and says how to fix each.
// Used by the GUI's Pitfalls panel and by `pushdeckctl lint`.
//
//   colliding-keys  critical  keys equal after dropping empty-valued labels
//                             (the gateway then rejects every push)
//   push-failed     warning   last push failed
//   stale           warning   stale by the staleness policy (age alone)
//   instance-label  warning   instance/host/pod/ip-like label, or an address
//                             value, in the grouping key (one per label name)
//   fan-out         warning   a job with >= N groups differing in one label
//   empty-push      info      a group holding only push_time_seconds

#include "core/metrics.h"
#include "staleness/stalenesspolicy.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace PushDeck {

enum class LintSeverity { Info, Warning, Critical };
QString lintSeverityName(LintSeverity severity); // "info", "warning", "critical"
std::optional<LintSeverity> lintSeverityFromName(QStringView name);

struct LintFinding
{
    // Rule ids, stable for scripts (`pushdeckctl lint --json`).
    static constexpr QLatin1StringView CollidingKeys{"colliding-keys"};
    static constexpr QLatin1StringView PushFailed{"push-failed"};
    static constexpr QLatin1StringView Stale{"stale"};
    static constexpr QLatin1StringView InstanceLabel{"instance-label"};
    static constexpr QLatin1StringView FanOut{"fan-out"};
    static constexpr QLatin1StringView EmptyPush{"empty-push"};

    LintSeverity severity = LintSeverity::Info;
    QString id;        // one of the rule ids above
    // What the finding is about within its rule (a label name, a collision
    // key, "job/label"); empty for rules that report all their groups at
    // once. id + subject identify a finding across runs.
    QString subject;
    QString title;     // one line for people
    QString advice;    // the recommended fix, plain text, may span lines
    QList<GroupingKey> groups; // affected groups, sorted by key
    QStringList notes;         // per group (same order), may be empty strings

    QString identity() const { return id + u'\x1f' + subject; }
    QJsonObject toJson() const;
};

struct LintOptions
{
    // Label names that identify a machine or a process rather than a job
    // (case-insensitive), and name suffixes that do (`host_ip`, `kubernetes_pod`).
    QStringList instanceLabelNames{QStringLiteral("instance"), QStringLiteral("host"), QStringLiteral("hostname"),
                                   QStringLiteral("host_name"), QStringLiteral("node"), QStringLiteral("nodename"),
                                   QStringLiteral("node_name"), QStringLiteral("pod"), QStringLiteral("pod_name"),
                                   QStringLiteral("ip"), QStringLiteral("ip_address"), QStringLiteral("addr"),
                                   QStringLiteral("machine"), QStringLiteral("fqdn"), QStringLiteral("container"),
                                   QStringLiteral("container_id")};
    QStringList instanceLabelSuffixes{QStringLiteral("_instance"), QStringLiteral("_host"), QStringLiteral("_hostname"),
                                      QStringLiteral("_node"), QStringLiteral("_pod"), QStringLiteral("_ip")};
    // Values that look like an address (IPv4, IPv6, host:port) flag their
    // label whatever its name.
    bool addressValues = true;
    // A job with at least this many groups that differ in only one label is
    // fanned out (cardinality). 0 switches the rule off.
    int fanOutThreshold = 10;
};

class Lint
{
public:
    // Findings ordered by severity (critical first), then rule, then subject.
    // `now` in unix seconds, for the staleness rule.
    static QList<LintFinding> run(const QList<Group> &groups, const StalenessPolicy &policy, double now,
                                  const LintOptions &options = {});

    // Whether a label (name and value) marks a per-machine/per-process key.
    static bool isInstanceLike(const QString &name, const QString &value, const LintOptions &options = {});

    // The worst severity present; nullopt for no findings.
    static std::optional<LintSeverity> worst(const QList<LintFinding> &findings);
    static int count(const QList<LintFinding> &findings, LintSeverity severity);
    // "1 critical, 2 warnings, 0 info" / "no findings".
    static QString summary(const QList<LintFinding> &findings);

    // `pushdeckctl lint` output: a block per finding (severity, id, title,
    // groups with notes, the fix), then the summary line. `maxGroups` > 0
    // lists at most that many groups per finding, then "... and N more".
    static QString toText(const QList<LintFinding> &findings, int maxGroups = 0);
    // `pushdeckctl lint --json`: {"findings":[...], "summary":{"critical":n,
    // "warning":n, "info":n, "groups":n}} where each finding is
    // LintFinding::toJson(): severity, id, subject, title, advice,
    // groups:[{key, labels, note}].
    static QJsonObject toJson(const QList<LintFinding> &findings, int groupCount);
};

} // namespace PushDeck
