// pushdeckctl status: the gateway's version, start time and flags.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"

#include "core/awaitfuture.h"

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlStatus(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (auto exit = parseCommand(ctx, parser, u"status"_s, u"Show the gateway's version, start time and flags."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"status takes no arguments"_s, ExitUsage);
    const auto status = awaitFuture(ctx.client().status());
    if (!status)
        return ctx.fail(status.error());
    QTextStream &out = ctx.out();
    out << "gateway:    " << ctx.gateway().toDisplayString(QUrl::RemoveUserInfo) << '\n';
    out << "version:    " << status->version;
    if (!status->revision.isEmpty())
        out << " (revision " << status->revision << ')';
    out << '\n';
    if (!status->goVersion.isEmpty())
        out << "go:         " << status->goVersion << '\n';
    if (status->startTime > 0)
        out << "started:    " << formatTime(status->startTime) << '\n';
    out << "admin API:  " << (status->adminApiEnabled ? "enabled" : "disabled") << '\n';
    out << "flags:\n";
    for (const auto &[name, value] : status->flags)
        out << "  " << name << '=' << value << '\n';
    out.flush();
    return ExitOk;
}

} // namespace PushDeck
