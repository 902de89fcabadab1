// Dispatch: the global options, the overall help, and the parsing every
// command shares.

#include "ctl/commands.h"

#include "ctl/context.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

const char *commandsHelp =
    "Commands (pushdeckctl COMMAND --help for each one's options):\n"
    "  status                            the gateway's version, start time and flags\n"
    "  groups [--match SEL] [--state S] [--older-than D] [--json|--wide]\n"
    "                                    list groups with age, last push result, state\n"
    "  show KEY [--exposition|--json]    one group, KEY exactly as {job=\"a\",instance=\"b\"}\n"
    "  check [--match SEL] [-v]          exit 0 all fresh, 1 warnings, 2 stale/failed, 3 unknown\n"
    "  lint [--json]                     Pushgateway anti-patterns; exit 0 ok, 1 warnings, 2 critical\n"
    "  push KEY [FILE|-] [--replace]     validate exposition text, then push it\n"
    "  delete KEY... | --match SEL       delete exactly these groups (preview, confirm, verify)\n"
    "  prune --older-than D [--match SEL] delete groups not pushed for D\n"
    "  repush --from KEY --to KEY [--keep-old] [--to-gateway URL]\n"
    "                                    move or copy a group to another key or gateway\n"
    "  snapshot save FILE [--match SEL]  save groups exactly, to restore later\n"
    "  snapshot restore FILE [--dry-run] push a snapshot's groups back\n"
    "  snapshot list                     the undo snapshots PushDeck wrote\n"
    "  wipe [--yes]                      delete everything (admin API)\n"
    "\n"
    "Several gateways: groups, delete and prune take --gateway more than once (or\n"
    "URL1,URL2): rows carry their gateway, previews name the gateway of every group,\n"
    "a gateway that cannot be read is reported on stderr and the others still done.\n"
    "\n"
    "Durations are Prometheus durations (90s, 15m, 1h30m, 7d) or seconds.\n"
    "Connections: --profile NAME uses a PushDeck connection profile; credentials come only from\n"
    "PUSHDECK_PASSWORD / PUSHDECK_TOKEN or --password-file / --token-file (then the keyring),\n"
    "never from a bare argument. https: --ca-file, --cert/--key, --insecure-skip-verify.\n"
    "Exit codes: 0 ok, 1 failed, 64 usage, 65 bad input data, 66 unreadable input,\n"
    "69 gateway unavailable, 73 cannot write output, 77 refused (read-only, not confirmed).\n";

} // namespace

int runCtl(const QStringList &arguments)
{
    CtlContext ctx;
    const CtlGlobalOptions globals;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Lists, checks and cleans up the groups of a Prometheus Pushgateway.\n\n"_s
                                     + QString::fromLatin1(commandsHelp));
    // Everything after the command name belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    globals.addTo(parser);
    parser.addPositionalArgument(u"command"_s, u"The command to run (see above)."_s, u"<command> [args...]"_s);

    if (!parser.parse(arguments))
        return ctx.fail(parser.errorText(), ExitUsage);
    if (parser.isSet(versionOption)) {
        ctx.out() << "pushdeckctl " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        ctx.out() << parser.helpText() << Qt::flush;
        return parser.isSet(helpOption) ? ExitOk : ExitUsage;
    }
    const QString command = positional.first();
    if (auto exit = globals.apply(parser, ctx, true)) {
        // check follows the monitoring-plugin convention also here: 3 UNKNOWN.
        return command == u"check"_s ? ctlCheckUnknown(ctx) : *exit;
    }

    const QStringList rest = positional.mid(1);
    using Command = int (*)(CtlContext &, const QStringList &);
    static const std::pair<const char *, Command> commands[] = {
        {"status", ctlStatus}, {"groups", ctlGroups}, {"show", ctlShow},   {"check", ctlCheck},
        {"push", ctlPush},     {"delete", ctlDelete}, {"prune", ctlPrune}, {"repush", ctlRepush},
        {"snapshot", ctlSnapshot}, {"wipe", ctlWipe},   {"lint", ctlLint},
    };
    for (const auto &[name, run] : commands) {
        if (command == QLatin1StringView(name))
            return run(ctx, rest);
    }
    return ctx.fail(u"unknown command \"%1\" (see pushdeckctl --help)"_s.arg(command), ExitUsage);
}

std::optional<int> parseCommand(CtlContext &ctx, QCommandLineParser &parser, const QString &command,
                                const QString &description, const QStringList &arguments)
{
    static const CtlGlobalOptions globals;
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    globals.addTo(parser);
    if (!parser.parse(QStringList{u"pushdeckctl "_s + command} + arguments))
        return ctx.fail(u"%1: %2"_s.arg(command, parser.errorText()), ExitUsage);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // The usage line names the binary's full path; say what a user types.
        const qsizetype eol = text.indexOf(u'\n');
        const QString usage = text.left(eol);
        const qsizetype options = usage.indexOf(u"[options]"_s);
        if (options >= 0)
            text = u"Usage: pushdeckctl "_s + command + u' ' + usage.mid(options) + text.mid(eol);
        ctx.out() << text << Qt::flush;
        return ExitOk;
    }
    if (auto exit = globals.apply(parser, ctx, false))
        return exit;
    if (ctx.options.gateways.size() > 1 && !ctlSupportsSeveralGateways(command))
        return ctx.fail(u"%1 works on one gateway; several --gateway values are for groups, delete and prune"_s.arg(command),
                        ExitUsage);
    if (auto exit = ctx.preparePolicy())
        return exit;
    // Rules scoped to a gateway apply to this one (several: per gateway).
    ctx.policy.setGateway(ctx.gateway());
    return ctx.prepareConnection();
}

bool ctlSupportsSeveralGateways(const QString &command)
{
    return command == u"groups"_s || command == u"delete"_s || command == u"prune"_s;
}

} // namespace PushDeck
