// pushdeckctl snapshot save|restore|list: groups saved exactly to a file and
// pushed back later; the undo snapshots PushDeck wrote. FILE "-" is stdout
// for save and stdin for restore (`snapshot save - | gzip`).

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"
#include "ctl/output.h"

#include "core/awaitfuture.h"
#include "operations/groupoperations.h"
#include "operations/snapshot.h"
#include "staleness/pruneselection.h"
#include "core/urls.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlSnapshot(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption matchOption({u"m"_s, u"match"_s}, u"save: only groups whose key matches this selector."_s,
                                         u"selector"_s);
    const QCommandLineOption noteOption(u"note"_s, u"save: a note stored in the snapshot."_s, u"text"_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"restore: say what would be pushed; send nothing."_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"restore: do not ask before replacing or deleting groups."_s);
    const QCommandLineOption skipOption(u"skip-existing"_s, u"restore: leave groups that exist now alone."_s);
    const QCommandLineOption keepOption(u"keep"_s, u"prune: keep the newest N undo snapshots."_s, u"N"_s);
    const QCommandLineOption olderThanOption(u"older-than"_s, u"prune: remove undo snapshots older than this duration."_s,
                                             u"duration"_s);
    parser.addOptions({matchOption, noteOption, dryRunOption, yesOption, skipOption, keepOption, olderThanOption});
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Json});
    output.addTo(parser);
    parser.addPositionalArgument(u"ACTION"_s,
                                 u"save FILE (a FIFO or device is written, not replaced), restore FILE, list, or prune "
                                 "(--keep N, --older-than D)."_s,
                                 u"save|restore|list|prune"_s);
    parser.addPositionalArgument(u"FILE"_s,
                                 u"The snapshot file; - is stdout (save) or stdin (restore, which then needs --yes to "
                                 "replace groups). restore also takes a name from snapshot list."_s,
                                 u"[FILE|-]"_s);
    if (auto exit = parseCommand(ctx, parser, u"snapshot"_s,
                                 u"Save groups exactly (values, help, every label) to a file, push them back later, or "
                                 "list the undo snapshots PushDeck wrote before destructive actions."_s,
                                 arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    QTextStream &out = ctx.out();

    if (action == u"list"_s) {
        if (positional.size() != 1)
            return ctx.fail(u"snapshot list takes no further arguments"_s, ExitUsage);
        const auto format = output.format(parser, ctx);
        if (!format)
            return ctx.fail(format.errorString(), ExitUsage);
        QList<QStringList> rows;
        for (const SnapshotStore::Entry &entry : ctx.snapshotStore().list()) {
            const QString created = entry.created.toString(Qt::ISODateWithMs);
            if (*format == CtlFormat::Json) {
                // JSON Lines, newest first: {created, action, bytes, file}
                out << jsonLine({{u"created"_s, created},
                                 {u"action"_s, entry.action},
                                 {u"bytes"_s, double(entry.bytes)},
                                 {u"file"_s, entry.path}})
                    << '\n';
                continue;
            }
            rows.append({created, entry.action, QString::number(entry.bytes), entry.path});
        }
        if (*format != CtlFormat::Json)
            printRows(out, {u"CREATED"_s, u"ACTION"_s, u"BYTES"_s, u"FILE"_s}, rows, {2}, output.noHeaders(parser));
        out.flush();
        return ExitOk;
    }
    if (action == u"prune"_s) {
        // Retention for the undo snapshots: the newest --keep N stay, and
        // with --older-than only those younger than D.
        if (positional.size() != 1 || (!parser.isSet(keepOption) && !parser.isSet(olderThanOption)))
            return ctx.fail(u"snapshot prune needs --keep N and/or --older-than D"_s, ExitUsage);
        int keep = -1;
        if (parser.isSet(keepOption)) {
            bool ok = false;
            keep = parser.value(keepOption).toInt(&ok);
            if (!ok || keep < 0)
                return ctx.fail(u"--keep: expected a whole number of 0 or more, found \"%1\""_s.arg(parser.value(keepOption)), ExitUsage);
        }
        double olderThan = -1;
        if (parser.isSet(olderThanOption)) {
            const auto d = CtlContext::parseDurationArg(parser.value(olderThanOption), u"--older-than"_s);
            if (!d)
                return ctx.fail(d.errorString(), ExitUsage);
            olderThan = *d;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<SnapshotStore::Entry> entries = ctx.snapshotStore().list(); // newest first
        int removed = 0;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const SnapshotStore::Entry &entry = entries[i];
            const bool beyondKeep = keep >= 0 && i >= keep;
            const bool old = olderThan >= 0 && entry.created.isValid() && entry.created.msecsTo(now) > qint64(olderThan * 1000);
            // Both given: removed when either says so.
            if (!beyondKeep && !old)
                continue;
            if (parser.isSet(dryRunOption)) {
                out << "would remove " << entry.path << '\n';
                ++removed;
                continue;
            }
            const auto done = ctx.snapshotStore().remove(entry.path);
            if (!done)
                return ctx.fail(done.errorString(), ExitCantCreate);
            out << "removed " << entry.path << '\n';
            ++removed;
        }
        out << (parser.isSet(dryRunOption) ? "dry run: would remove " : "removed ") << plural(removed, "snapshot") << ", kept "
            << (entries.size() - removed) << Qt::endl;
        return ExitOk;
    }
    if ((action != u"save"_s && action != u"restore"_s) || positional.size() != 2)
        return ctx.fail(u"snapshot needs \"save FILE\", \"restore FILE\", \"list\" or \"prune\""_s, ExitUsage);
    const QString file = positional[1];
    if (action == u"save"_s) {
        LabelMatcher matcher;
        if (parser.isSet(matchOption)) {
            auto m = ctx.parseMatcher(parser.value(matchOption));
            if (!m)
                return ctx.failParse(m.error(), parser.value(matchOption));
            matcher = *m;
        }
        const auto groups = ctx.fetchGroups();
        if (!groups)
            return ctx.fail(groups.error());
        Snapshot snapshot;
        snapshot.created = QDateTime::currentDateTimeUtc();
        snapshot.gatewayUrl = redactedUrl(ctx.gateway());
        snapshot.action = u"snapshot"_s;
        snapshot.note = parser.value(noteOption);
        snapshot.groups = selectByMatcher(groups.value(), matcher);
        if (file == u"-"_s) {
            // The JSON, and nothing else, to stdout (and nothing on stderr:
            // `save - | gzip` stays quiet), as it is into a pipe or file (on
            // a terminal the \uHHHH the escaping adds is still the same JSON).
            ctx.setRawDataOutput(!isatty(STDOUT_FILENO));
            out << snapshot.toJson() << Qt::flush;
            ctx.setRawDataOutput(false);
            if (out.status() != QTextStream::Ok || std::fflush(stdout) != 0)
                return ctx.fail(u"cannot write the snapshot to stdout"_s, ExitCantCreate);
            return ExitOk;
        }
        // A regular file is replaced atomically, a FIFO or device written
        // as it is (never replaced by a file), anything else refused.
        const auto saved = snapshot.save(file);
        if (!saved)
            return ctx.fail(saved.errorString(), ExitCantCreate);
        out << "saved " << plural(snapshot.groups.size(), "group") << " to " << file << Qt::endl;
        return ExitOk;
    }

    // restore
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"snapshot restore"_s))
            return *exit;
    }
    const bool fromStdin = file == u"-"_s;
    const QString source = fromStdin ? u"stdin"_s : file;
    Result<Snapshot> snapshot;
    if (fromStdin) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(u"cannot read stdin: %1"_s.arg(input.errorString()), ExitNoInput);
        snapshot = Snapshot::fromJson(input.readAll());
    } else {
        if (!QFileInfo::exists(file) && !QFileInfo::exists(ctx.snapshotStore().directory() + u'/' + file))
            return ctx.fail(u"cannot read %1: no such file"_s.arg(file), ExitNoInput);
        snapshot = ctx.snapshotStore().load(file);
    }
    if (!snapshot)
        return ctx.fail(u"cannot restore %1: %2"_s.arg(source, snapshot.errorString()), ExitDataError);
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    // The plan the real run follows (GroupOperations::planRestore): a
    // dry run shows, and fails on, what the gateway would refuse.
    const bool skipExisting = parser.isSet(skipOption);
    RestoreOptions options;
    options.replaceExisting = !skipExisting;
    const RestorePlan plan = GroupOperations::planRestore(*snapshot, groups.value(), options);
    QList<QStringList> rows;
    int replacing = 0;
    int refused = 0;
    for (qsizetype i = 0; i < plan.items.size(); ++i) {
        const RestoreReport::Item &item = plan.items[i];
        QString what;
        QString note;
        switch (item.outcome) {
        case RestoreReport::Outcome::Restored: what = u"create"_s; break;
        case RestoreReport::Outcome::Replaced: what = u"replace"_s; ++replacing; break;
        case RestoreReport::Outcome::Skipped: what = u"skip (exists)"_s; break;
        default: what = u"refused"_s; note = item.error; ++refused; break;
        }
        rows.append({what, item.key.toString(), QString::number(snapshot->groups[i].families.size()), note});
    }
    const int deleting = int(plan.remove.size());
    for (const GroupingKey &key : plan.remove)
        rows.append({u"delete (created by the action)"_s, key.toString(), QString(), QString()});
    out << (dryRun ? "would restore " : "will restore ") << plural(snapshot->groups.size(), "group") << " from " << source
        << " to " << ctx.gateway().toDisplayString(QUrl::RemoveUserInfo) << ":\n";
    printTable(out, {u"ACTION"_s, u"KEY"_s, u"FAMILIES"_s, u"NOTE"_s}, rows, {2});
    out.flush();
    if (dryRun) {
        out << "dry run: nothing sent" << Qt::endl;
        if (refused > 0)
            return ctx.fail(u"the gateway would refuse %1 (see above)"_s.arg(plural(refused, "group")), ExitError);
        return ExitOk;
    }
    if (replacing + deleting > 0) {
        if (auto exit = ctx.confirm(u"Replace %1 and delete %2?"_s.arg(plural(replacing, "existing group"), plural(deleting, "group")),
                                    parser.isSet(yesOption), u"refusing to replace or delete groups"_s))
            return *exit;
    }
    GroupOperations &ops = *ctx.session().operations();
    const auto report = awaitFuture(ops.restore(*snapshot, options));
    if (!report)
        return ctx.fail(report.error(), CtlContext::ErrorOrigin::Operation);
    for (const RestoreReport::Item &item : report->items) {
        out << restoreOutcomeName(item.outcome) << ' ' << item.key.toString();
        if (!item.error.isEmpty())
            out << ": " << item.error;
        out << '\n';
    }
    if (!report->message.isEmpty())
        out << report->message << '\n';
    out.flush();
    if (!report->ok())
        return ctx.fail(u"restore incomplete: %1 failed"_s.arg(report->count(RestoreReport::Outcome::Failed)), ExitError);
    return ExitOk;
}

} // namespace PushDeck
