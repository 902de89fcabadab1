// pushdeckctl alert-rules: the Prometheus alerting rules the window's rules
// dialog generates (AlertRules, the same code) from --rules and the default
// thresholds, and with --tests a `promtool test rules` file that proves them
// (AlertRuleTests). For GitOps: the rules file lives in the repository, CI
// regenerates the alerts and runs promtool.

#include "ctl/commands.h"
#include "ctl/context.h"

#include "core/duration.h"
#include "staleness/alertruletests.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

std::optional<int> writeFile(CtlContext &ctx, const QString &path, const QString &text, const QString &what)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return ctx.fail(u"%1: cannot write %2: %3"_s.arg(what, path, file.errorString()), ExitCantCreate);
    return std::nullopt;
}

} // namespace

int ctlAlertRules(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption outputOption(u"write"_s, u"Write the rules to this file instead of stdout."_s, u"file"_s);
    const QCommandLineOption testsOption(u"tests"_s,
                                         u"Also write a `promtool test rules` file that proves every rule (needs --write: "
                                         "its rule_files names that file)."_s,
                                         u"file"_s);
    const QCommandLineOption forOption(u"for"_s, u"Hold time before an alert fires (the rules' `for:`), e.g. 5m."_s, u"duration"_s);
    const QCommandLineOption noWarningsOption(u"no-warnings"_s, u"Only stale and failed-push alerts, no warning (late) alerts."_s);
    const QCommandLineOption cadenceOption(u"cadence"_s,
                                           u"Also approximate the learned cadence in PromQL for groups no rule covers "
                                           "(when the rules file enables it)."_s);
    const QCommandLineOption groupOption(u"group-name"_s, u"Name of the rule group (default pushdeck-staleness)."_s, u"name"_s);
    parser.addOptions({outputOption, testsOption, forOption, noWarningsOption, cadenceOption, groupOption});
    if (auto exit = parseCommand(ctx, parser, u"alert-rules"_s,
                                 u"Print the Prometheus alerting rules for the staleness rules (--rules) and default thresholds, "
                                 "exactly as the window's rules dialog generates them; with --tests also a promtool test file."_s,
                                 arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return ctx.fail(u"alert-rules takes no arguments (use --rules FILE)"_s, ExitUsage);

    AlertRuleOptions options;
    options.warnings = !parser.isSet(noWarningsOption);
    options.cadenceAlerts = parser.isSet(cadenceOption);
    if (parser.isSet(groupOption)) {
        options.groupName = parser.value(groupOption).trimmed();
        if (options.groupName.isEmpty())
            return ctx.fail(u"--group-name must not be empty"_s, ExitUsage);
    }
    if (parser.isSet(forOption)) {
        const auto seconds = ctx.parseDurationArg(parser.value(forOption), u"--for"_s);
        if (!seconds)
            return ctx.fail(seconds.error());
        if (*seconds < 0)
            return ctx.fail(u"--for must not be negative"_s, ExitUsage);
        if (*seconds > 0)
            options.forDuration = formatDuration(*seconds); // Prometheus' own duration syntax
    }
    const QString output = parser.value(outputOption);
    const QString tests = parser.value(testsOption);
    if (!tests.isEmpty() && output.isEmpty())
        return ctx.fail(u"--tests needs --write FILE: the tests load the rules from that file"_s, ExitUsage);
    if (!tests.isEmpty() && QFileInfo(tests).absoluteFilePath() == QFileInfo(output).absoluteFilePath())
        return ctx.fail(u"--tests and --write must be different files"_s, ExitUsage);

    const QString rules = AlertRules::generate(ctx.policy, options);
    if (output.isEmpty() || output == u"-"_s) {
        ctx.out() << rules << Qt::flush;
    } else if (auto exit = writeFile(ctx, output, rules, u"--write"_s)) {
        return *exit;
    }
    if (!tests.isEmpty()) {
        // promtool resolves rule_files relative to the test file.
        const QString rulesPath = QFileInfo(tests).absoluteDir().relativeFilePath(QFileInfo(output).absoluteFilePath());
        const AlertRuleTestFile file = AlertRuleTests::generate(ctx.policy, options, rulesPath);
        if (auto exit = writeFile(ctx, tests, file.yaml, u"--tests"_s))
            return *exit;
        ctx.err() << "pushdeckctl: " << file.testCount << " promtool tests written to " << tests << "; run: promtool test rules "
                  << tests << Qt::endl;
        for (const QString &note : file.notes)
            ctx.err() << "pushdeckctl: not tested: " << note << Qt::endl;
    }
    return ExitOk;
}

} // namespace PushDeck
