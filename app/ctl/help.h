#pragma once
// What pushdeckctl says about its commands, in one table: the overall help's
// one-line summaries, the examples at the end of each COMMAND --help, the
// words completion offers, and "did you mean" for a mistyped command or
// option.

#include <QList>
#include <QString>
#include <QStringList>

namespace PushDeck {

struct CtlCommandInfo
{
    QString name;
    QString synopsis;        // the usage after the name: "[--match SEL] [--state S,...]"
    QString summary;         // one line
    QStringList actions;     // sub-commands (snapshot: save restore list)
    QString examples;        // lines, each "  pushdeckctl ..." with an optional "# why"
    bool listed = true;      // false: works, but not in the overall help (__complete)
};

const QList<CtlCommandInfo> &ctlCommandInfos();
const CtlCommandInfo *ctlCommandInfo(const QString &name);

// The overall help: usage, commands, the global options (`globalOptions`,
// QCommandLineParser's text for them, listed here once), the environment,
// files and exit codes.
QString ctlOverallHelp(const QString &globalOptions);

// Words of `candidates` close to `word` (an edit distance of at most a
// third of its length, at least 1; or `word` is a prefix of them), best
// first, at most three.
QStringList similarWords(const QString &word, const QStringList &candidates);
// " (did you mean groups?)" or " (did you mean --match or --mark?)"; empty without one.
QString didYouMean(const QString &word, const QStringList &candidates);

// An option as QCommandLineParser's help text lists it.
struct CtlOptionSpec
{
    QStringList names;   // with dashes: "-m", "--match"
    QString valueName;   // "selector"; empty for a flag
    QString description; // the first line
};
// The options listed in a QCommandLineParser help text (its "Options:" part).
QList<CtlOptionSpec> optionsFromHelpText(const QString &helpText);

} // namespace PushDeck
