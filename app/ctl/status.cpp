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
    // The gateway writes its groups to the file every interval: a delete
    // (or push) less than one interval before a crash is undone by the
    // restart, so a deleted group can come back.
    QString file;
    QString interval;
    for (const auto &[name, value] : status->flags) {
        if (name == u"persistence.file"_s)
            file = value;
        else if (name == u"persistence.interval"_s)
            interval = value;
    }
    if (file.isEmpty())
        out << "persistence: none (a restart loses every group)\n";
    else
        out << "persistence: " << file << " every " << (interval.isEmpty() ? u"5m"_s : interval)
            << "; warning: deletes and pushes of the last interval are lost in a crash, so deleted groups can come back\n";
    out << "flags:\n";
    for (const auto &[name, value] : status->flags)
        out << "  " << name << '=' << value << '\n';
    out.flush();
    return ExitOk;
}

} // namespace PushDeck
