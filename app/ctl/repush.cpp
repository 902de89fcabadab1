// pushdeckctl repush --from KEY --to KEY [--to-gateway URL]: move or copy a
// group to another key and/or gateway, verified before the old one goes.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"
#include "operations/bulkdeleter.h"
#include "operations/groupoperations.h"
#include "staleness/pruneselection.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlRepush(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOption(u"from"_s, u"The group to copy (exact key)."_s, u"key"_s);
    const QCommandLineOption toOption(u"to"_s, u"The new key (default: the same key, with --to-gateway)."_s, u"key"_s);
    const QCommandLineOption toGatewayOption(u"to-gateway"_s, u"Push to this other gateway."_s, u"url"_s);
    const QCommandLineOption keepOption(u"keep-old"_s, u"Keep the old group (copy instead of move)."_s);
    const QCommandLineOption overwriteOption(u"overwrite"_s, u"Replace the target group when it exists."_s);
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask before deleting the old group."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Say what would be done; send nothing."_s);
    parser.addOptions({fromOption, toOption, toGatewayOption, keepOption, overwriteOption, yesOption, dryRunOption});
    if (auto exit = parseCommand(ctx, parser, u"repush"_s,
                                 u"Push a group's families to another key and/or gateway, verify the copy, then (unless "
                                 "--keep-old) delete the old group."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"repush takes no arguments (use --from KEY --to KEY)"_s, ExitUsage);
    if (!parser.isSet(fromOption) || (!parser.isSet(toOption) && !parser.isSet(toGatewayOption)))
        return ctx.fail(u"repush needs --from KEY and --to KEY and/or --to-gateway URL"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"repush"_s))
            return *exit;
    }
    const auto from = ctx.parseKey(parser.value(fromOption), u"--from"_s);
    if (!from)
        return ctx.failParse(from.error(), parser.value(fromOption));
    GroupingKey to = *from;
    if (parser.isSet(toOption)) {
        const auto key = ctx.parseKey(parser.value(toOption), u"--to"_s);
        if (!key)
            return ctx.failParse(key.error(), parser.value(toOption));
        to = *key;
    }
    std::optional<QUrl> target;
    QString targetName = ctx.gateway().toDisplayString(QUrl::RemoveUserInfo);
    if (parser.isSet(toGatewayOption)) {
        const auto url = GatewayClient::normalizeUrl(parser.value(toGatewayOption));
        if (!url)
            return ctx.fail(u"--to-gateway: %1"_s.arg(url.errorString()), ExitUsage);
        if (url.value() != ctx.gateway()) {
            target = url.value();
            targetName = url->toDisplayString(QUrl::RemoveUserInfo);
        }
    }
    if (!target && to == *from)
        return ctx.fail(u"--from and --to are the same group on the same gateway: nothing to do"_s, ExitUsage);
    const bool keepOld = parser.isSet(keepOption);
    const bool overwrite = parser.isSet(overwriteOption);

    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    const QList<Group> source = selectByKeys(groups.value(), {*from});
    if (source.isEmpty())
        return ctx.fail(u"no group %1 on %2%3"_s.arg(from->toString(), ctx.gateway().toDisplayString(QUrl::RemoveUserInfo),
                                                     similarKeysHint(*from, groups.value())));
    const QString plan = u"%1 %2 to %3 on %4"_s.arg(keepOld ? u"copy"_s : u"move"_s, from->toString(), to.toString(), targetName);
    if (dryRun) {
        ctx.out() << "would " << plan << "; dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (!keepOld) {
        if (auto exit = ctx.confirm(u"%1? The old group is deleted once the copy reads back."_s.arg(plan),
                                    parser.isSet(yesOption), u"refusing to delete %1"_s.arg(from->toString())))
            return *exit;
    }

    GroupOperations &ops = *ctx.session().operations();
    Result<OperationResult> result;
    if (!target && !keepOld)
        result = awaitFuture(ops.move(*from, to, overwrite));
    else
        result = target ? awaitFuture(ops.copyToGateway(*from, *target, ctx.clientOptionsFor(*target), to, overwrite))
                        : awaitFuture(ops.copyToGateway(*from, &ctx.client(), to, overwrite));
    if (!result)
        return ctx.fail(result.error(), CtlContext::ErrorOrigin::Operation);
    ctx.out() << result->message << Qt::endl;
    if (target && !keepOld) {
        // Across gateways a move is a verified copy, then a verified delete
        // of exactly the old group.
        BulkDeleteOptions options;
        options.action = u"move"_s;
        const BulkDeleteReport report = awaitFuture(ctx.session().startBulkDelete(source, options)->run());
        if (!report.allDeleted())
            return ctx.fail(u"copied, but the old group %1 was not deleted: %2"_s.arg(from->toString(), report.summary()));
        ctx.out() << "deleted " << from->toString() << " on " << ctx.gateway().toDisplayString(QUrl::RemoveUserInfo) << Qt::endl;
    }
    return ExitOk;
}

} // namespace PushDeck
