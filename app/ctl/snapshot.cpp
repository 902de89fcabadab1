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
    parser.addOptions({matchOption, noteOption, dryRunOption, yesOption, skipOption});
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Json});
    output.addTo(parser);
    parser.addPositionalArgument(u"ACTION"_s, u"save FILE, restore FILE, or list."_s, u"save|restore|list"_s);
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
    if ((action != u"save"_s && action != u"restore"_s) || positional.size() != 2)
        return ctx.fail(u"snapshot needs \"save FILE\", \"restore FILE\" or \"list\""_s, ExitUsage);
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
            // The data on stdout, nothing else there.
            out << snapshot.toJson() << Qt::flush;
            if (out.status() != QTextStream::Ok || std::fflush(stdout) != 0)
                return ctx.fail(u"cannot write the snapshot to stdout"_s, ExitCantCreate);
            return ExitOk;
        }
        const auto saved = snapshot.save(file);
        if (!saved)
            return ctx.fail(u"cannot write %1: %2"_s.arg(file, saved.errorString()), ExitCantCreate);
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
    QSet<GroupingKey> existing;
    for (const Group &g : groups.value())
        existing.insert(g.key);
    const bool skipExisting = parser.isSet(skipOption);
    QList<QStringList> rows;
    int replacing = 0;
    for (const Group &g : snapshot->groups) {
        QString what = u"create"_s;
        if (existing.contains(g.key)) {
            what = skipExisting ? u"skip (exists)"_s : u"replace"_s;
            if (!skipExisting)
                ++replacing;
        }
        rows.append({what, g.key.toString(), QString::number(g.families.size())});
    }
    int deleting = 0;
    for (const GroupingKey &key : snapshot->createdKeys) {
        if (existing.contains(key)) {
            rows.append({u"delete (created by the action)"_s, key.toString(), QString()});
            ++deleting;
        }
    }
    out << (dryRun ? "would restore " : "will restore ") << plural(snapshot->groups.size(), "group") << " from " << source
        << " to " << ctx.gateway().toDisplayString(QUrl::RemoveUserInfo) << ":\n";
    printTable(out, {u"ACTION"_s, u"KEY"_s, u"FAMILIES"_s}, rows, {2});
    out.flush();
    if (dryRun) {
        out << "dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (replacing + deleting > 0) {
        if (auto exit = ctx.confirm(u"Replace %1 and delete %2?"_s.arg(plural(replacing, "existing group"), plural(deleting, "group")),
                                    parser.isSet(yesOption), u"refusing to replace or delete groups"_s))
            return *exit;
    }
    GroupOperations &ops = *ctx.session().operations();
    RestoreOptions options;
    options.replaceExisting = !skipExisting;
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
