#include "operations/groupoperations.h"

#include "operations/auditlog.h"
#include "format/exposition.h"
#include "core/urls.h"
#include "format/expositioncheck.h"

#include <QCoreApplication>
#include <QPromise>
#include <QSet>
#include <QTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("GroupOperations", text, disambiguation, n);
}

// A promise shared by the steps of one asynchronous operation.
template<typename T>
class Completion
{
public:
    Completion() : m_promise(std::make_shared<QPromise<Result<T>>>()) { m_promise->start(); }
    QFuture<Result<T>> future() const { return m_promise->future(); }
    void operator()(Result<T> result) const
    {
        m_promise->addResult(std::move(result));
        m_promise->finish();
    }

private:
    std::shared_ptr<QPromise<Result<T>>> m_promise;
};

template<typename T>
QFuture<Result<T>> failNow(Error error)
{
    return QtFuture::makeReadyFuture(Result<T>(std::move(error)));
}

std::optional<Group> findGroup(const QList<Group> &groups, const GroupingKey &key)
{
    for (const Group &group : groups) {
        if (group.key == key)
            return group;
    }
    return std::nullopt;
}

// Another existing group whose key differs from `key` only by empty-valued
// labels: both together poison the gateway (every push fails afterwards).
std::optional<GroupingKey> collidingGroup(const QList<Group> &groups, const GroupingKey &key,
                                          const QList<GroupingKey> &ignore = {})
{
    const GroupingKey collision = key.collisionKey();
    for (const Group &group : groups) {
        if (group.key != key && !ignore.contains(group.key) && group.key.collisionKey() == collision)
            return group.key;
    }
    return std::nullopt;
}

Error collisionError(const GroupingKey &key, const GroupingKey &other)
{
    return Error::make(Error::Invalid,
                       tr("refused: %1 and the existing group %2 differ only by empty labels; with both on the gateway "
                          "every push would fail. Delete %2 first or choose another key")
                           .arg(key.toString(), other.toString()));
}

Error notFound(const GroupingKey &key)
{
    return Error::make(Error::Invalid, tr("there is no group %1 on the gateway (any more)").arg(key.toString()));
}

// What a family list looks like after a push of these families to `key`,
// when `replace` is false: families of the same name are replaced, others kept.
QList<MetricFamily> merged(const QList<MetricFamily> &current, const QList<MetricFamily> &pushed)
{
    QList<MetricFamily> out;
    QSet<QString> names;
    for (const auto &family : pushed)
        names.insert(family.name);
    for (const auto &family : current) {
        if (!names.contains(family.name))
            out.append(family);
    }
    out.append(pushed);
    return out;
}

// The first family that differs, for a message.
QString firstDifference(const QList<MetricFamily> &expected, const QList<MetricFamily> &actual)
{
    for (const auto &e : expected) {
        auto it = std::find_if(actual.cbegin(), actual.cend(), [&](const MetricFamily &a) { return a.name == e.name; });
        if (it == actual.cend())
            return tr("family %1 is missing").arg(e.name);
        if (!sameFamily(e, *it))
            return tr("family %1 differs").arg(e.name);
    }
    for (const auto &a : actual) {
        if (std::none_of(expected.cbegin(), expected.cend(), [&](const MetricFamily &e) { return e.name == a.name; }))
            return tr("family %1 was not pushed").arg(a.name);
    }
    return {};
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

// An operation whose change reached the gateway (`done` says what it did)
// but not the audit log: an error, and it says plainly that the change is
// made.
Error doneButNotAudited(const QString &done, const Error &audit)
{
    return Error::make(audit.kind, tr("%1, but the audit log could not be written: %2").arg(done, audit.message));
}

// An operation that failed, with its audit entry's failure, if any, added.
Error failedAndAudited(Error error, const Result<Done> &audited)
{
    if (!audited)
        error.message += u"; "_s + tr("the audit log could not be written either: %1").arg(audited.errorString());
    return error;
}

} // namespace

// RestoreReport ---------------------------------------------------------------

QString restoreOutcomeName(RestoreReport::Outcome outcome)
{
    switch (outcome) {
    case RestoreReport::Outcome::Restored: return u"restored"_s;
    case RestoreReport::Outcome::Replaced: return u"replaced"_s;
    case RestoreReport::Outcome::Skipped: return u"skipped"_s;
    case RestoreReport::Outcome::Failed: return u"failed"_s;
    case RestoreReport::Outcome::Removed: return u"removed"_s;
    }
    return {};
}

int RestoreReport::count(Outcome outcome) const
{
    return int(std::count_if(items.cbegin(), items.cend(), [outcome](const Item &item) { return item.outcome == outcome; }));
}

bool RestoreReport::ok() const
{
    return count(Outcome::Failed) == 0;
}

// Plumbing --------------------------------------------------------------------------

GroupOperations::GroupOperations(GatewayClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

GroupOperations::~GroupOperations() = default;

void GroupOperations::setVerification(int reads, int delayMs)
{
    m_verifyReads = std::max(1, reads);
    m_verifyDelayMs = std::max(0, delayMs);
}

namespace {
QString outcomeText(const Result<OperationResult> &result)
{
    return result ? result->message : result.errorString();
}
QString outcomeText(const Result<RestoreReport> &result)
{
    return result ? result->message : result.errorString();
}
bool succeeded(const Result<OperationResult> &result)
{
    return result.ok();
}
bool succeeded(const Result<RestoreReport> &result)
{
    return result && result->ok();
}
} // namespace

template<typename T>
QFuture<T> GroupOperations::track(const QString &action, QFuture<T> future)
{
    // A watcher, not a continuation: the caller attaches its own .then().
    ++m_running;
    Q_EMIT operationStarted(action);
    auto *watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, action] {
        watcher->deleteLater();
        --m_running;
        const QFuture<T> done = watcher->future();
        const T result = done.resultCount() > 0 ? done.result() : T();
        Q_EMIT operationFinished(action, succeeded(result), outcomeText(result));
    });
    watcher->setFuture(future);
    return future;
}

void GroupOperations::readGroupsUntil(GatewayClient *client, GroupsCheck check, GroupsDone done, int attempt)
{
    client->groups().then(this, [this, client, check = std::move(check), done = std::move(done), attempt](const Result<QList<Group>> &groups) mutable {
        const bool satisfied = groups && check(*groups);
        if (satisfied || attempt >= m_verifyReads) {
            done(groups, satisfied);
            return;
        }
        QTimer::singleShot(m_verifyDelayMs, this, [this, client, check = std::move(check), done = std::move(done), attempt]() mutable {
            readGroupsUntil(client, std::move(check), std::move(done), attempt + 1);
        });
    });
}

Result<QString> GroupOperations::writeSnapshot(const QString &action, const QList<Group> &groups,
                                               const QList<GroupingKey> &createdKeys, const QString &note)
{
    if (!m_store || (groups.isEmpty() && createdKeys.isEmpty()))
        return QString();
    Snapshot snapshot;
    snapshot.created = QDateTime::currentDateTimeUtc();
    snapshot.gatewayUrl = redactedUrl(m_client->baseUrl());
    snapshot.action = action;
    snapshot.note = note;
    snapshot.groups = groups;
    snapshot.createdKeys = createdKeys;
    // One or a few groups: quick enough to write here, and it must be on
    // disk before the request that changes them is sent.
    auto saved = m_store->save(snapshot);
    if (!saved)
        return Error::make(saved.error().kind, tr("the undo snapshot could not be written, nothing was changed: %1")
                                                   .arg(saved.errorString()));
    return saved;
}

Result<Done> GroupOperations::audit(const QString &action, const QList<std::pair<GroupingKey, QString>> &outcomes,
                                    const QString &snapshot, const QString &message, const QString &error, GatewayClient *client)
{
    if (!m_audit)
        return Done{};
    AuditEntry entry;
    entry.gateway = redactedUrl((client ? client : m_client)->baseUrl());
    entry.action = action;
    entry.run = AuditLog::newRunId();
    entry.phase = u"result"_s;
    entry.snapshot = snapshot;
    for (const auto &[key, outcome] : outcomes)
        entry.keys.append({key.toString(), outcome, error});
    entry.message = message;
    entry.error = error;
    return writeAudit(entry);
}

Result<Done> GroupOperations::writeAudit(const AuditEntry &entry)
{
    if (!m_audit)
        return Done{};
    if (auto appended = m_audit->append(entry); !appended)
        return appended;
    return m_audit->sync();
}

// Operations ------------------------------------------------------------------------

QFuture<Result<OperationResult>> GroupOperations::touch(const GroupingKey &key)
{
    if (!key.isValid())
        return failNow<OperationResult>(Error::make(Error::Invalid, tr("cannot touch: the grouping key has no job")));
    Completion<OperationResult> complete;
    const QString action = u"touch"_s;
    m_client->groups().then(this, [this, key, complete, action](const Result<QList<Group>> &groups) {
        if (!groups)
            return complete(groups.error());
        const auto before = findGroup(*groups, key);
        // A POST to a key that does not exist would create an empty group.
        if (!before)
            return complete(notFound(key));
        m_client->push(key, QByteArray(), false).then(this, [this, key, complete, action, before](const Result<PushResult> &pushed) {
            if (!pushed) {
                return complete(failedAndAudited(pushed.error(), audit(action, {{key, u"failed"_s}}, {}, {}, pushed.errorString())));
            }
            readGroupsUntil(
                m_client,
                [key, before](const QList<Group> &now) {
                    const auto g = findGroup(now, key);
                    return g && g->pushTime > before->pushTime;
                },
                [this, key, complete, action](const Result<QList<Group>> &now, bool satisfied) {
                    OperationResult result;
                    result.verified = satisfied;
                    if (now) {
                        if (auto g = findGroup(*now, key))
                            result.after = *g;
                    }
                    result.message = tr("touched %1: its push time is now %2. Warning: the data itself is unchanged, "
                                        "so stale data now looks fresh to every dashboard and alert that watches the push time.")
                                         .arg(key.toString(), nowText());
                    if (!satisfied)
                        result.message += u' ' + tr("(the new push time could not be read back yet)");
                    if (const auto audited = audit(action, {{key, u"touched"_s}}, {}, result.message, {}); !audited)
                        return complete(doneButNotAudited(result.message, audited.error()));
                    complete(result);
                });
        });
    });
    return track(action, complete.future());
}

QFuture<Result<OperationResult>> GroupOperations::move(const GroupingKey &from, const GroupingKey &to, bool overwrite)
{
    if (!from.isValid() || !to.isValid())
        return failNow<OperationResult>(Error::make(Error::Invalid, tr("cannot move: a grouping key has no job")));
    if (from == to)
        return failNow<OperationResult>(Error::make(Error::Invalid, tr("cannot move %1 onto itself").arg(from.toString())));
    Completion<OperationResult> complete;
    const QString action = u"move"_s;
    m_client->groups().then(this, [=, this](const Result<QList<Group>> &groups) {
        if (!groups)
            return complete(groups.error());
        const auto source = findGroup(*groups, from);
        if (!source)
            return complete(notFound(from));
        const auto existing = findGroup(*groups, to);
        if (existing && !overwrite)
            return complete(Error::make(Error::Invalid, tr("%1 already exists; moving onto it would replace it (allow overwriting to do that)")
                                                            .arg(to.toString())));
        // `from` itself counts: both exist between the push and the delete.
        if (auto other = collidingGroup(*groups, to))
            return complete(collisionError(to, *other));
        // The gateway silently overwrites a series label with the key's
        // label of the same name: the moved data would not be the same.
        for (const auto &family : source->families) {
            for (const auto &series : family.series) {
                for (const auto &[name, value] : series.labels) {
                    if (!value.isEmpty() && !from.contains(name) && to.contains(name) && to.value(name) != value)
                        return complete(Error::make(Error::Invalid, tr("cannot move to %1: series of %2 carry the label %3=\"%4\", "
                                                                       "which the new key would overwrite")
                                                                        .arg(to.toString(), family.name, name, escapeLabelValue(value))));
                }
            }
        }

        QList<Group> saved{*source};
        if (existing)
            saved.append(*existing);
        auto snapshot = writeSnapshot(action, saved, existing ? QList<GroupingKey>{} : QList<GroupingKey>{to},
                                      tr("move %1 to %2").arg(from.toString(), to.toString()));
        if (!snapshot)
            return complete(snapshot.error());
        const QString snapshotPath = *snapshot;

        const QByteArray text = groupExposition(*source);
        const QList<MetricFamily> expected = withoutKeyLabels(source->families, from);
        m_client->push(to, text, true).then(this, [=, this](const Result<PushResult> &pushed) {
            if (!pushed) {
                const QString error = tr("nothing was deleted, %1 is unchanged: %2").arg(from.toString(), pushed.errorString());
                Error e = pushed.error();
                e.message = error;
                return complete(failedAndAudited(e, audit(action, {{from, u"kept"_s}, {to, u"failed"_s}}, snapshotPath, {}, error)));
            }
            readGroupsUntil(
                m_client,
                [to, expected](const QList<Group> &now) {
                    const auto g = findGroup(now, to);
                    return g && sameFamilies(withoutKeyLabels(g->families, to), expected);
                },
                [=, this](const Result<QList<Group>> &now, bool satisfied) {
                    if (!satisfied) {
                        QString why = now ? tr("the group read back from %1 does not have the same families").arg(to.toString())
                                          : now.errorString();
                        if (now) {
                            if (auto g = findGroup(*now, to))
                                why += u" ("_s + firstDifference(expected, withoutKeyLabels(g->families, to)) + u')';
                        }
                        const QString error = tr("move stopped before deleting, %1 is unchanged: %2").arg(from.toString(), why);
                        return complete(failedAndAudited(Error::make(now ? Error::Invalid : now.error().kind, error),
                                                         audit(action, {{from, u"kept"_s}, {to, u"unverified"_s}}, snapshotPath, {}, error)));
                    }
                    const Group after = *findGroup(*now, to);
                    m_client->deleteGroup(from).then(this, [=, this](const Result<Done> &deleted) {
                        if (!deleted) {
                            const QString error = tr("%1 was copied to %2, but deleting the old group failed (both exist now): %3")
                                                      .arg(from.toString(), to.toString(), deleted.errorString());
                            return complete(failedAndAudited(Error::make(deleted.error().kind, error),
                                                             audit(action, {{from, u"kept"_s}, {to, u"pushed"_s}}, snapshotPath, {}, error)));
                        }
                        readGroupsUntil(
                            m_client, [from](const QList<Group> &now) { return !findGroup(now, from); },
                            [=, this](const Result<QList<Group>> &, bool gone) {
                                OperationResult result;
                                result.snapshotPath = snapshotPath;
                                result.after = after;
                                result.verified = gone;
                                result.message = tr("moved %1 to %2 (its push time is now %3)").arg(from.toString(), to.toString(), nowText());
                                if (!gone)
                                    result.message += u"; "_s + tr("the old group was still listed after the delete was accepted");
                                const auto audited = audit(action, {{from, gone ? u"deleted"_s : u"still-present"_s}, {to, u"pushed"_s}},
                                                           snapshotPath, result.message, {});
                                if (!audited)
                                    return complete(doneButNotAudited(result.message, audited.error()));
                                complete(result);
                            });
                    });
                });
        });
    });
    return track(action, complete.future());
}

QFuture<Result<OperationResult>> GroupOperations::pushFlow(const QString &action, const GroupingKey &key, const QByteArray &text,
                                                           bool replace, bool mustExist)
{
    if (!key.isValid())
        return failNow<OperationResult>(Error::make(Error::Invalid, tr("cannot push: the grouping key has no job")));
    // Validate before anything is read or sent.
    auto parsed = validateForPush(text, key);
    if (!parsed)
        return failNow<OperationResult>(parsed.error());
    const QList<MetricFamily> pushedFamilies = *parsed;
    Completion<OperationResult> complete;
    m_client->groups().then(this, [=, this](const Result<QList<Group>> &groups) {
        if (!groups)
            return complete(groups.error());
        const auto existing = findGroup(*groups, key);
        if (mustExist && !existing)
            return complete(notFound(key));
        if (auto other = collidingGroup(*groups, key))
            return complete(collisionError(key, *other));
        auto snapshot = writeSnapshot(action, existing ? QList<Group>{*existing} : QList<Group>{},
                                      existing ? QList<GroupingKey>{} : QList<GroupingKey>{key});
        if (!snapshot)
            return complete(snapshot.error());
        const QString snapshotPath = *snapshot;
        const QList<MetricFamily> expected = withoutKeyLabels(
            replace || !existing ? pushedFamilies : merged(existing->families, pushedFamilies), key);
        m_client->push(key, text, replace).then(this, [=, this](const Result<PushResult> &pushed) {
            if (!pushed) {
                // The gateway's own words, unchanged: the user needs them to fix the text.
                const Error rejected = failedAndAudited(pushed.error(), audit(action, {{key, u"rejected"_s}}, snapshotPath, {}, pushed.errorString()));
                if (existing || pushed.error().kind != Error::Http)
                    return complete(rejected);
                // A rejected push to a new key still leaves an empty group
                // marked as failed on the gateway; remove exactly that, so a
                // rejected push changes nothing.
                m_client->groups().then(this, [=, this](const Result<QList<Group>> &now) {
                    const auto left = now ? findGroup(*now, key) : std::nullopt;
                    if (!left || !left->families.isEmpty() || left->lastPushSuccessful)
                        return complete(rejected);
                    // Best effort: whether the empty group went or not, the
                    // answer is the gateway's rejection.
                    m_client->deleteGroup(key).then(this, [=, this](const Result<Done> &) {
                        readGroupsUntil(
                            m_client, [key](const QList<Group> &now) { return !findGroup(now, key); },
                            [=](const Result<QList<Group>> &, bool) { complete(rejected); });
                    });
                });
                return;
            }
            readGroupsUntil(
                m_client,
                [key, expected](const QList<Group> &now) {
                    const auto g = findGroup(now, key);
                    return g && sameFamilies(withoutKeyLabels(g->families, key), expected);
                },
                [=, this](const Result<QList<Group>> &now, bool satisfied) {
                    OperationResult result;
                    result.snapshotPath = snapshotPath;
                    result.verified = satisfied;
                    std::optional<Group> after;
                    if (now)
                        after = findGroup(*now, key);
                    if (after)
                        result.after = *after;
                    result.message = existing ? tr("pushed to %1 (%2)").arg(key.toString(), replace ? u"PUT: replaced"_s : u"POST: updated"_s)
                                              : tr("pushed the new group %1").arg(key.toString());
                    if (!satisfied) {
                        result.message += u"; "_s
                            + (after ? tr("the gateway stores it differently from the text: %1")
                                           .arg(firstDifference(expected, withoutKeyLabels(after->families, key)))
                                     : now ? tr("the group could not be read back") : now.errorString());
                    }
                    const auto audited = audit(action, {{key, satisfied ? u"pushed"_s : u"pushed-differs"_s}}, snapshotPath, result.message, {});
                    if (!audited)
                        return complete(doneButNotAudited(result.message, audited.error()));
                    complete(result);
                });
        });
    });
    return track(action, complete.future());
}

QFuture<Result<OperationResult>> GroupOperations::editAndPush(const GroupingKey &key, const QByteArray &text, bool replace)
{
    return pushFlow(u"edit"_s, key, text, replace, true);
}

QFuture<Result<OperationResult>> GroupOperations::pushNew(const GroupingKey &key, const QByteArray &text, bool replace)
{
    return pushFlow(u"push"_s, key, text, replace, false);
}

QFuture<Result<OperationResult>> GroupOperations::copyToGateway(const GroupingKey &key, const QUrl &targetUrl,
                                                                const ClientOptions &targetOptions,
                                                                const GroupingKey &targetKey, bool overwrite)
{
    // The target client lives as long as the copy runs, whoever asked for it.
    auto *target = new GatewayClient(targetUrl, this);
    target->setOptions(targetOptions);
    auto future = copyToGateway(key, target, targetKey, overwrite);
    auto *watcher = new QFutureWatcher<Result<OperationResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, target] {
        watcher->deleteLater();
        target->deleteLater();
    });
    watcher->setFuture(future);
    return future;
}

QFuture<Result<OperationResult>> GroupOperations::copyToGateway(const GroupingKey &key, GatewayClient *target,
                                                                const GroupingKey &targetKey, bool overwrite)
{
    if (!target)
        return failNow<OperationResult>(Error::make(Error::Invalid, tr("cannot copy: no target gateway")));
    const GroupingKey to = targetKey.isValid() ? targetKey : key;
    Completion<OperationResult> complete;
    const QString action = u"copy"_s;
    m_client->groups().then(this, [=, this](const Result<QList<Group>> &groups) {
        if (!groups)
            return complete(groups.error());
        const auto source = findGroup(*groups, key);
        if (!source)
            return complete(notFound(key));
        target->groups().then(this, [=, this](const Result<QList<Group>> &targetGroups) {
            if (!targetGroups)
                return complete(targetGroups.error());
            const auto existing = findGroup(*targetGroups, to);
            if (existing && !overwrite)
                return complete(Error::make(Error::Invalid, tr("%1 already exists on %2; copying would replace it (allow overwriting to do that)")
                                                                .arg(to.toString(), redactedUrl(target->baseUrl()))));
            if (auto other = collidingGroup(*targetGroups, to))
                return complete(collisionError(to, *other));
            QString snapshotPath;
            if (m_store) {
                // The snapshot belongs to the target: that is where undo acts.
                Snapshot snapshot;
                snapshot.created = QDateTime::currentDateTimeUtc();
                snapshot.gatewayUrl = redactedUrl(target->baseUrl());
                snapshot.action = action;
                snapshot.note = tr("copy %1 from %2").arg(key.toString(), redactedUrl(m_client->baseUrl()));
                if (existing)
                    snapshot.groups.append(*existing);
                else
                    snapshot.createdKeys.append(to);
                auto saved = m_store->save(snapshot);
                if (!saved)
                    return complete(Error::make(saved.error().kind, tr("the undo snapshot could not be written, nothing was changed: %1")
                                                                        .arg(saved.errorString())));
                snapshotPath = *saved;
            }
            const QList<MetricFamily> expected = withoutKeyLabels(source->families, key);
            target->push(to, groupExposition(*source), true).then(this, [=, this](const Result<PushResult> &pushed) {
                if (!pushed) {
                    return complete(failedAndAudited(pushed.error(),
                                                     audit(action, {{to, u"rejected"_s}}, snapshotPath, {}, pushed.errorString(), target)));
                }
                readGroupsUntil(
                    target,
                    [to, expected](const QList<Group> &now) {
                        const auto g = findGroup(now, to);
                        return g && sameFamilies(withoutKeyLabels(g->families, to), expected);
                    },
                    [=, this](const Result<QList<Group>> &now, bool satisfied) {
                        OperationResult result;
                        result.snapshotPath = snapshotPath;
                        result.verified = satisfied;
                        if (now) {
                            if (auto g = findGroup(*now, to))
                                result.after = *g;
                        }
                        result.message = tr("copied %1 to %2 as %3").arg(key.toString(), redactedUrl(target->baseUrl()), to.toString());
                        if (!satisfied)
                            result.message += u"; "_s + tr("the copy could not be verified to have the same families");
                        const auto audited = audit(action, {{to, satisfied ? u"pushed"_s : u"pushed-differs"_s}}, snapshotPath,
                                                   result.message, {}, target);
                        if (!audited)
                            return complete(doneButNotAudited(result.message, audited.error()));
                        complete(result);
                    });
            });
        });
    });
    return track(action, complete.future());
}

QFuture<Result<OperationResult>> GroupOperations::wipe()
{
    Completion<OperationResult> complete;
    const QString action = u"wipe"_s;
    m_client->status().then(this, [=, this](const Result<GatewayStatus> &status) {
        if (!status)
            return complete(status.error());
        if (!status->adminApiEnabled)
            return complete(Error::make(Error::Invalid, tr("wipe refused: the admin API is off on %1 (the gateway must be started "
                                                           "with --web.enable-admin-api); nothing was deleted")
                                                            .arg(redactedUrl(m_client->baseUrl()))));
        m_client->groups().then(this, [=, this](const Result<QList<Group>> &groups) {
            if (!groups)
                return complete(groups.error());
            const QList<Group> before = *groups;
            // Everything goes, so everything is snapshotted, and on disk
            // before the wipe is sent. Thousands of groups take a while to
            // write: off this thread.
            QFuture<Result<QString>> saving = QtFuture::makeReadyFuture(Result<QString>(QString()));
            if (m_store) {
                Snapshot snapshot;
                snapshot.created = QDateTime::currentDateTimeUtc();
                snapshot.gatewayUrl = redactedUrl(m_client->baseUrl());
                snapshot.action = action;
                snapshot.note = tr("before wiping %n group(s)", nullptr, int(before.size()));
                snapshot.groups = before;
                saving = QtConcurrent::run([store = *m_store, snapshot] { return store.save(snapshot); });
            }
            saving.then(this, [=, this](const Result<QString> &snapshot) {
                if (!snapshot)
                    return complete(Error::make(snapshot.error().kind, tr("the undo snapshot could not be written, nothing was changed: %1")
                                                                          .arg(snapshot.errorString())));
                const QString snapshotPath = *snapshot;
                m_client->wipe().then(this, [=, this](const Result<Done> &wiped) {
                    if (!wiped)
                        return complete(failedAndAudited(wiped.error(), audit(action, {}, snapshotPath, {}, wiped.errorString())));
                    readGroupsUntil(
                        m_client, [](const QList<Group> &now) { return now.isEmpty(); },
                        [=, this](const Result<QList<Group>> &now, bool empty) {
                            OperationResult result;
                            result.snapshotPath = snapshotPath;
                            result.verified = empty;
                            result.message = tr("wiped %n group(s)", nullptr, int(before.size()));
                            if (!empty)
                                result.message += u"; "_s + (now ? tr("%n group(s) are still listed", nullptr, int(now->size()))
                                                                 : now.errorString());
                            QList<std::pair<GroupingKey, QString>> outcomes;
                            QSet<GroupingKey> left;
                            if (now) {
                                for (const auto &g : *now)
                                    left.insert(g.key);
                            }
                            for (const auto &g : before)
                                outcomes.append({g.key, left.contains(g.key) ? u"still-present"_s : u"deleted"_s});
                            if (const auto audited = audit(action, outcomes, snapshotPath, result.message, {}); !audited)
                                return complete(doneButNotAudited(result.message, audited.error()));
                            complete(result);
                        });
                });
            });
        });
    });
    return track(action, complete.future());
}

RestorePlan GroupOperations::planRestore(const Snapshot &snapshot, const QList<Group> &groups, const RestoreOptions &options)
{
    RestorePlan plan;
    QSet<GroupingKey> inSnapshot;
    for (const auto &g : snapshot.groups)
        inSnapshot.insert(g.key);
    // The gateway refuses a family whose type differs from a family of the
    // same name in any other group it keeps: "collected metric ... is not a
    // GAUGE". Groups this restore replaces or removes do not count.
    QHash<QString, std::pair<MetricType, GroupingKey>> typesKept;
    for (const Group &group : groups) {
        if (inSnapshot.contains(group.key) && options.replaceExisting)
            continue;
        if (options.deleteCreatedKeys && snapshot.createdKeys.contains(group.key))
            continue;
        for (const MetricFamily &family : group.families)
            typesKept.insert(family.name, {family.type, group.key});
    }
    for (qsizetype i = 0; i < snapshot.groups.size(); ++i) {
        const Group &g = snapshot.groups[i];
        RestoreReport::Item item;
        item.key = g.key;
        const auto existing = findGroup(groups, g.key);
        // Created keys are about to go, so they do not collide.
        const auto other = collidingGroup(groups, g.key, snapshot.createdKeys);
        if (existing && !options.replaceExisting) {
            item.outcome = RestoreReport::Outcome::Skipped;
            item.error = tr("exists on the gateway (pushed again since the snapshot)");
        } else if (other) {
            item.outcome = RestoreReport::Outcome::Failed;
            item.error = collisionError(g.key, *other).message;
        } else if (const auto valid = validateForPush(groupExposition(g), g.key); !valid) {
            item.outcome = RestoreReport::Outcome::Failed;
            item.error = tr("the gateway would refuse its text: %1").arg(valid.errorString());
        } else {
            item.outcome = existing ? RestoreReport::Outcome::Replaced : RestoreReport::Outcome::Restored;
            for (const MetricFamily &family : g.families) {
                const auto kept = typesKept.constFind(family.name);
                if (kept != typesKept.constEnd() && kept->first != family.type) {
                    item.outcome = RestoreReport::Outcome::Failed;
                    item.error = tr("the gateway would refuse it: family %1 is a %2 here, but a %3 in %4")
                                     .arg(family.name, metricTypeName(family.type), metricTypeName(kept->first),
                                          kept->second.toString());
                    break;
                }
            }
            if (item.outcome != RestoreReport::Outcome::Failed) {
                for (const MetricFamily &family : g.families)
                    typesKept.insert(family.name, {family.type, g.key});
            }
        }
        plan.items.append(item);
    }
    if (options.deleteCreatedKeys) {
        for (const auto &key : snapshot.createdKeys) {
            if (!inSnapshot.contains(key) && findGroup(groups, key))
                plan.remove.append(key);
        }
    }
    return plan;
}

// A push the gateway parses and then refuses ("pushed metrics must not have
// timestamps"): it records a failed push for the group and changes nothing
// else.
const QByteArray GroupOperations::FailedStateMarker = QByteArrayLiteral("pushdeck_restore_failed_state_marker 0 1\n");

QFuture<Result<RestoreReport>> GroupOperations::restore(const Snapshot &snapshot, RestoreOptions options)
{
    Completion<RestoreReport> complete;
    const QString action = u"restore"_s;
    m_client->groups().then(this, [=, this](const Result<QList<Group>> &groups) {
        if (!groups)
            return complete(groups.error());
        auto report = std::make_shared<RestoreReport>();
        const RestorePlan plan = planRestore(snapshot, *groups, options);
        report->items = plan.items;
        QList<Group> replaced;
        QList<int> toPush; // indices into snapshot.groups / report->items
        for (qsizetype i = 0; i < snapshot.groups.size(); ++i) {
            const RestoreReport::Outcome outcome = report->items[i].outcome;
            if (outcome != RestoreReport::Outcome::Restored && outcome != RestoreReport::Outcome::Replaced)
                continue;
            if (outcome == RestoreReport::Outcome::Replaced)
                replaced.append(*findGroup(*groups, snapshot.groups[i].key));
            toPush.append(int(i));
        }
        const QList<GroupingKey> toRemove = plan.remove;
        // What the restore replaces or removes is snapshotted too, so that
        // the restore itself can be undone.
        QList<Group> removed;
        for (const auto &key : toRemove)
            removed.append(*findGroup(*groups, key));
        auto own = writeSnapshot(action, replaced + removed, {}, tr("before restoring a %1 snapshot").arg(snapshot.action));
        if (!own)
            return complete(own.error());
        const QString ownSnapshot = *own;

        // Push a few at a time, then remove created keys, then verify.
        struct State
        {
            QList<int> queue;
            int inFlight = 0;
            qsizetype next = 0;
            QList<GroupingKey> remove;
            qsizetype removeNext = 0;
        };
        auto state = std::make_shared<State>();
        state->queue = toPush;
        state->remove = toRemove;

        auto verify = [=, this] {
            QList<GroupingKey> removedKeys;
            for (qsizetype r = 0; r < state->remove.size(); ++r)
                removedKeys.append(state->remove[r]);
            readGroupsUntil(
                m_client,
                [=](const QList<Group> &now) {
                    for (int i : state->queue) {
                        if (report->items[i].outcome == RestoreReport::Outcome::Failed)
                            continue;
                        const auto g = findGroup(now, snapshot.groups[i].key);
                        if (!g || !sameFamilies(g->families, snapshot.groups[i].families))
                            return false;
                        if (options.keepFailedState && !snapshot.groups[i].lastPushSuccessful && g->lastPushSuccessful)
                            return false;
                    }
                    for (const auto &item : report->items) {
                        if (item.outcome == RestoreReport::Outcome::Removed && findGroup(now, item.key))
                            return false;
                    }
                    return true;
                },
                [=, this](const Result<QList<Group>> &now, bool satisfied) {
                    if (!satisfied) {
                        for (int i : state->queue) {
                            auto &item = report->items[i];
                            if (item.outcome == RestoreReport::Outcome::Failed)
                                continue;
                            const auto g = now ? findGroup(*now, item.key) : std::nullopt;
                            if (!now) {
                                item.outcome = RestoreReport::Outcome::Failed;
                                item.error = tr("pushed, but could not be read back: %1").arg(now.errorString());
                            } else if (!g) {
                                item.outcome = RestoreReport::Outcome::Failed;
                                item.error = tr("pushed, but not on the gateway when read back");
                            } else if (!sameFamilies(g->families, snapshot.groups[i].families)) {
                                item.outcome = RestoreReport::Outcome::Failed;
                                item.error = tr("pushed, but the gateway stores it differently: %1")
                                                 .arg(firstDifference(snapshot.groups[i].families, g->families));
                            } else if (options.keepFailedState && !snapshot.groups[i].lastPushSuccessful && g->lastPushSuccessful) {
                                item.outcome = RestoreReport::Outcome::Failed;
                                item.error = tr("restored, but it shows a successful last push; it had failed");
                            }
                        }
                        for (auto &item : report->items) {
                            if (item.outcome == RestoreReport::Outcome::Removed && now && findGroup(*now, item.key)) {
                                item.outcome = RestoreReport::Outcome::Failed;
                                item.error = tr("the delete was accepted, but the group is still listed");
                            }
                        }
                    }
                    const int restored = report->count(RestoreReport::Outcome::Restored) + report->count(RestoreReport::Outcome::Replaced);
                    report->message = tr("restored %n group(s) from the snapshot of %1 (%2).", nullptr, restored)
                                          .arg(snapshot.created.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s), snapshot.action)
                        + u' '
                        + tr("Their push time is now the time of this restore (%1), not the original push time: "
                             "dashboards and alerts will see them as freshly pushed.")
                              .arg(nowText());
                    int failedState = 0;
                    for (int i : state->queue) {
                        if (report->items[i].outcome != RestoreReport::Outcome::Failed && !snapshot.groups[i].lastPushSuccessful
                            && options.keepFailedState)
                            ++failedState;
                    }
                    if (failedState > 0)
                        report->message += u' ' + tr("%n of them had a failed last push when saved and are restored in that "
                                                     "state (marked failed again by a push the gateway refuses; failure "
                                                     "time now).", nullptr, failedState);
                    if (const int removedCount = report->count(RestoreReport::Outcome::Removed))
                        report->message += u' ' + tr("Removed %n group(s) the undone action had created.", nullptr, removedCount);
                    if (const int skipped = report->count(RestoreReport::Outcome::Skipped))
                        report->message += u' ' + tr("Skipped %n group(s) that exist on the gateway.", nullptr, skipped);
                    if (const int failed = report->count(RestoreReport::Outcome::Failed))
                        report->message += u' ' + tr("%n group(s) failed.", nullptr, failed);
                    if (m_audit) {
                        AuditEntry entry;
                        entry.gateway = redactedUrl(m_client->baseUrl());
                        entry.action = action;
                        entry.run = AuditLog::newRunId();
                        entry.phase = u"result"_s;
                        entry.snapshot = ownSnapshot;
                        for (const auto &item : report->items)
                            entry.keys.append({item.key.toString(), restoreOutcomeName(item.outcome), item.error});
                        entry.message = report->message;
                        if (const auto audited = writeAudit(entry); !audited)
                            return complete(doneButNotAudited(report->message, audited.error()));
                    }
                    complete(*report);
                });
        };

        // The steps below refer to themselves weakly; the pending request's
        // continuation holds the strong reference, so nothing leaks.
        auto removeNext = std::make_shared<std::function<void()>>();
        *removeNext = [=, this, self = std::weak_ptr<std::function<void()>>(removeNext)] {
            if (state->removeNext >= state->remove.size()) {
                verify();
                return;
            }
            const GroupingKey key = state->remove[state->removeNext++];
            m_client->deleteGroup(key).then(this, [=, removeNext = self.lock()](const Result<Done> &deleted) {
                RestoreReport::Item item;
                item.key = key;
                item.outcome = deleted ? RestoreReport::Outcome::Removed : RestoreReport::Outcome::Failed;
                if (!deleted)
                    item.error = deleted.errorString();
                report->items.append(item);
                (*removeNext)();
            });
        };

        constexpr int Concurrency = 4;
        auto pushMore = std::make_shared<std::function<void()>>();
        *pushMore = [=, this, self = std::weak_ptr<std::function<void()>>(pushMore)] {
            while (state->inFlight < Concurrency && state->next < state->queue.size()) {
                const int i = state->queue[state->next++];
                ++state->inFlight;
                const Group &g = snapshot.groups[i];
                m_client->push(g.key, groupExposition(g), true).then(this, [=, this, pushMore = self.lock()](const Result<PushResult> &pushed) {
                    if (!pushed) {
                        --state->inFlight;
                        report->items[i].outcome = RestoreReport::Outcome::Failed;
                        report->items[i].error = pushed.errorString();
                        (*pushMore)();
                        return;
                    }
                    if (g.lastPushSuccessful || !options.keepFailedState) {
                        --state->inFlight;
                        (*pushMore)();
                        return;
                    }
                    // The group's last push had failed: a PUT alone would
                    // make it look healthy to every alert on
                    // last_push_successful. A push the gateway must refuse
                    // after parsing (a sample with a timestamp) marks it
                    // failed again and leaves its content alone.
                    m_client->push(g.key, FailedStateMarker, false).then(this, [=](const Result<PushResult> &marked) {
                        --state->inFlight;
                        if (marked) {
                            report->items[i].outcome = RestoreReport::Outcome::Failed;
                            report->items[i].error = tr("restored, but the gateway accepted the push meant to mark it "
                                                        "failed again (it keeps timestamps?)");
                        } else if (marked.error().kind == Error::Http && marked.error().httpStatus == 400) {
                            report->items[i].error = tr("its last push had failed: restored in that state (failure time now)");
                        } else {
                            report->items[i].error = tr("restored, but not marked failed again as it was: %1").arg(marked.errorString());
                        }
                        (*pushMore)();
                    });
                });
            }
            if (state->inFlight == 0 && state->next >= state->queue.size())
                (*removeNext)();
        };
        (*pushMore)();
    });
    return track(action, complete.future());
}

QFuture<Result<RestoreReport>> GroupOperations::undoLatest(RestoreOptions options)
{
    if (!m_store)
        return failNow<RestoreReport>(Error::make(Error::Invalid, tr("nothing to undo: no snapshot store")));
    const auto latest = m_store->latest();
    if (!latest)
        return failNow<RestoreReport>(Error::make(Error::Invalid, tr("nothing to undo: there are no snapshots in %1").arg(m_store->directory())));
    // A snapshot of thousands of groups takes a second to parse: off this thread.
    Completion<RestoreReport> complete;
    const QString path = latest->path;
    QtConcurrent::run([path] { return Snapshot::load(path); }).then(this, [this, complete, options](const Result<Snapshot> &snapshot) {
        if (!snapshot)
            return complete(snapshot.error());
        restore(*snapshot, options).then(this, [complete](const Result<RestoreReport> &report) { complete(report); });
    });
    return complete.future();
}

} // namespace PushDeck
