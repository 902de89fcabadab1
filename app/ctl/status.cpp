// pushdeckctl status: the gateway's version, start time and flags, as text
// or (-o json) one JSON object.

#include "ctl/commands.h"
#include "ctl/context.h"
#include "ctl/format.h"
#include "ctl/output.h"

#include "core/awaitfuture.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace PushDeck {

int ctlStatus(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const CtlOutputOptions output({CtlFormat::Table, CtlFormat::Json}, false);
    output.addTo(parser);
    if (auto exit = parseCommand(ctx, parser, u"status"_s, u"Show the gateway's version, start time and flags."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"status takes no arguments"_s, ExitUsage);
    const auto format = output.format(parser, ctx);
    if (!format)
        return ctx.fail(format.errorString(), ExitUsage);
    const auto status = awaitFuture(ctx.client().status());
    if (!status)
        return ctx.fail(status.error());
    QTextStream &out = ctx.out();
    if (*format == CtlFormat::Json) {
        // {gateway, version, revision, go_version, start_time (unix seconds
        // or null), admin_api, flags: {name: value}}
        QJsonObject flags;
        for (const auto &[name, value] : status->flags)
            flags.insert(name, value);
        const QJsonObject object{
            {u"gateway"_s, ctx.gateway().toDisplayString(QUrl::RemoveUserInfo)},
            {u"version"_s, status->version},
            {u"revision"_s, status->revision},
            {u"go_version"_s, status->goVersion},
            {u"start_time"_s, status->startTime > 0 ? QJsonValue(status->startTime) : QJsonValue()},
            {u"admin_api"_s, status->adminApiEnabled},
            {u"flags"_s, flags},
        };
        out << jsonLine(object) << Qt::endl;
        return ExitOk;
    }
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
