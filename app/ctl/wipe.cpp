// pushdeckctl wipe: every group, through the admin API (undo snapshot first).

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"
#include "operations/groupoperations.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlWipe(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption yesOption({u"y"_s, u"yes"_s}, u"Do not ask for confirmation."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Say what would be deleted; send nothing."_s);
    parser.addOptions({yesOption, dryRunOption});
    if (auto exit = parseCommand(ctx, parser, u"wipe"_s,
                                 u"Delete every group through the admin API (undo snapshot first, verified)."_s, arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"wipe takes no arguments"_s, ExitUsage);
    const bool dryRun = parser.isSet(dryRunOption);
    if (!dryRun) {
        if (auto exit = ctx.refuseIfReadOnly(u"wipe"_s))
            return *exit;
    }
    const QString gateway = ctx.gateway().toDisplayString(QUrl::RemoveUserInfo);
    // Said before any question: there is no point confirming what the
    // gateway will refuse.
    const auto status = awaitFuture(ctx.client().status());
    if (!status)
        return ctx.fail(status.error());
    if (!status->adminApiEnabled)
        return ctx.fail(u"wipe refused: the admin API is not enabled on %1 (start it with --web.enable-admin-api, "
                        "or delete groups with pushdeckctl delete --match)"_s.arg(gateway),
                        ExitError);
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return ctx.fail(groups.error());
    ctx.out() << (dryRun ? "would delete" : "will delete") << " all " << plural(groups->size(), "group") << " on "
              << gateway << Qt::endl;
    if (dryRun) {
        ctx.out() << "dry run: nothing sent" << Qt::endl;
        return ExitOk;
    }
    if (auto exit = ctx.confirm(u"Wipe all %1 from %2?"_s.arg(plural(groups->size(), "group"), gateway),
                                parser.isSet(yesOption), u"refusing to wipe %1"_s.arg(gateway)))
        return *exit;
    GroupOperations &ops = *ctx.session().operations();
    const auto result = awaitFuture(ops.wipe());
    if (!result)
        return ctx.fail(result.error(), CtlContext::ErrorOrigin::Operation);
    ctx.out() << result->message << Qt::endl;
    return ExitOk;
}

} // namespace PushDeck
