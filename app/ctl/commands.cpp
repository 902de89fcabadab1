// Dispatch: the global options and pushdeckctl.yml, the overall help, help
// COMMAND, "did you mean", and the parsing every command shares.

#include "ctl/commands.h"

#include "ctl/configfile.h"
#include "ctl/context.h"
#include "ctl/help.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// Set while ctlCommandHelpText() runs a command: parseCommandLine() records
// the help text here instead of parsing.
QString *describing = nullptr;

QStringList commandNames()
{
    QStringList names;
    for (const CtlCommandInfo &info : ctlCommandInfos()) {
        if (info.listed)
            names.append(info.name);
    }
    return names;
}

// Every option name a parser's help text lists, with dashes.
QStringList optionNames(const QString &helpText)
{
    QStringList names;
    for (const CtlOptionSpec &spec : optionsFromHelpText(helpText))
        names << spec.names;
    return names;
}

// QCommandLineParser's "Unknown option 'x'." with a suggestion from `known`.
QString parseErrorText(const QCommandLineParser &parser, const QStringList &known)
{
    QString text = parser.errorText();
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty()) {
        const QString name = unknown.first();
        const QString typed = (name.size() == 1 ? u"-"_s : u"--"_s) + name;
        text = u"unknown option %1%2"_s.arg(typed, didYouMean(typed, known));
    }
    return text;
}

} // namespace

CtlCommand ctlCommand(const QString &name)
{
    static const std::pair<const char *, CtlCommand> commands[] = {
        {"status", ctlStatus},     {"groups", ctlGroups},   {"show", ctlShow},         {"check", ctlCheck},
        {"push", ctlPush},         {"delete", ctlDelete},   {"prune", ctlPrune},       {"repush", ctlRepush},
        {"snapshot", ctlSnapshot}, {"wipe", ctlWipe},       {"lint", ctlLint},         {"profile", ctlProfile},
        {"alert-rules", ctlAlertRules},
        {"completion", ctlCompletion}, {"__complete", ctlComplete},
    };
    for (const auto &[command, run] : commands) {
        if (name == QLatin1StringView(command))
            return run;
    }
    return nullptr;
}

int runCtl(const QStringList &arguments)
{
    CtlContext ctx;
    const CtlGlobalOptions globals;
    QCommandLineParser parser;
    // Everything after the command name belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption versionOption({u"v"_s, u"version"_s}, u"Show the version, git revision and Qt version."_s);
    parser.addOption(helpOption);
    parser.addOption(versionOption);
    globals.addTo(parser);
    parser.addPositionalArgument(u"command"_s, u"The command to run (see above)."_s, u"<command> [args...]"_s);

    const QStringList positional0 = arguments.mid(1);
    const bool completing = positional0.contains(u"__complete"_s);
    if (!parser.parse(arguments)) {
        QCommandLineParser names;
        globals.addTo(names);
        return ctx.fail(parseErrorText(parser, optionNames(names.helpText()) << u"--help"_s << u"--version"_s), ExitUsage);
    }
    if (parser.isSet(versionOption)) {
        ctx.out() << ctlVersionText() << Qt::endl;
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        QCommandLineParser globalHelp;
        globalHelp.addOption(helpOption);
        globalHelp.addOption(versionOption);
        globals.addTo(globalHelp);
        const QString text = globalHelp.helpText();
        const qsizetype options = text.indexOf(u"Options:\n"_s);
        ctx.out() << ctlOverallHelp(options < 0 ? text : text.mid(options + 9)) << Qt::flush;
        return parser.isSet(helpOption) ? ExitOk : ExitUsage;
    }
    QString command = positional.first();
    QStringList rest = positional.mid(1);
    if (command == u"help"_s) {
        if (rest.isEmpty() || rest.first() == u"help"_s)
            return runCtl({arguments.first(), u"--help"_s});
        command = rest.first();
        rest = {u"--help"_s};
    }
    const CtlCommand run = ctlCommand(command);
    if (!run) {
        return ctx.fail(u"unknown command \"%1\"%2; see pushdeckctl --help"_s.arg(command, didYouMean(command, commandNames())),
                        ExitUsage);
    }

    // pushdeckctl.yml, then the environment and the options before the
    // command; those after it come in parseCommand(). Help works whatever
    // the file says; check stays a monitoring plugin (3 UNKNOWN).
    const bool helpAsked = rest.contains(u"--help"_s) || rest.contains(u"-h"_s);
    const auto config = helpAsked ? Result<std::optional<CtlConfigFile>>(std::optional<CtlConfigFile>())
                                  : CtlConfigFile::find(QProcessEnvironment::systemEnvironment(), globals.configKeys(),
                                                        globals.configPathKeys());
    if (!config) {
        if (completing)
            return ExitConfig;
        const int code = ctx.fail(config.errorString(), ExitConfig);
        return command == u"check"_s ? 3 : code;
    }
    if (*config) {
        if (auto exit = globals.applyConfigFile(**config, ctx))
            return command == u"check"_s ? 3 : *exit;
    }
    if (auto exit = globals.apply(parser, ctx, true)) {
        // check follows the monitoring-plugin convention also here: 3 UNKNOWN.
        return command == u"check"_s ? ctlCheckUnknown(ctx) : *exit;
    }
    return run(ctx, rest);
}

std::optional<int> parseCommandLine(CtlContext &ctx, QCommandLineParser &parser, const QString &command,
                                    const QString &description, const QStringList &arguments)
{
    static const CtlGlobalOptions globals;
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    parser.addOption(help);
    // The command's own options and arguments; the global ones are listed
    // once, in pushdeckctl --help.
    QString text = parser.helpText();
    {
        // The usage line names the binary's full path; say what a user types.
        const qsizetype eol = text.indexOf(u'\n');
        const QString usage = text.left(eol);
        const qsizetype options = usage.indexOf(u"[options]"_s);
        if (options >= 0)
            text = u"Usage: pushdeckctl [global options] "_s + command + u' ' + usage.mid(options) + text.mid(eol);
    }
    if (describing) {
        *describing = text;
        return ExitOk;
    }
    globals.addTo(parser);
    if (!parser.parse(QStringList{u"pushdeckctl "_s + command} + arguments)) {
        QCommandLineParser names;
        globals.addTo(names);
        const QStringList known = optionNames(text) + optionNames(names.helpText());
        return ctx.fail(u"%1: %2"_s.arg(command, parseErrorText(parser, known)), ExitUsage);
    }
    if (parser.isSet(help)) {
        if (const CtlCommandInfo *info = ctlCommandInfo(command); info && !info->examples.isEmpty())
            text += u"\nExamples:\n"_s + info->examples;
        text += u"\nGlobal options (--gateway, --profile, --http.config.file, --timeout, --rules, ...) go\n"
                "before or after the command: pushdeckctl --help lists them.\n"_s;
        ctx.out() << text << Qt::flush;
        return ExitOk;
    }
    return globals.apply(parser, ctx, false);
}

std::optional<int> parseCommand(CtlContext &ctx, QCommandLineParser &parser, const QString &command,
                                const QString &description, const QStringList &arguments)
{
    if (auto exit = parseCommandLine(ctx, parser, command, description, arguments))
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

QString ctlCommandHelpText(const QString &command)
{
    const CtlCommand run = ctlCommand(command);
    if (!run)
        return {};
    QString text;
    describing = &text;
    CtlContext ctx;
    (void)run(ctx, {}); // returns at once: parseCommandLine() only records
    describing = nullptr;
    return text;
}

bool ctlSupportsSeveralGateways(const QString &command)
{
    return command == u"groups"_s || command == u"delete"_s || command == u"prune"_s;
}

} // namespace PushDeck
