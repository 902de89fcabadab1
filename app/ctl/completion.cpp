// pushdeckctl completion bash|zsh|fish: the completion scripts (completion/,
// embedded), and __complete, which they call for every TAB: commands,
// options, option values (--state, -o, --profile), sub-commands, and group
// keys read from the gateway for show, delete, push and repush --from/--to,
// within a bounded time (a slow or dead gateway completes nothing).
//
//   pushdeckctl __complete -- WORD... CURRENT
//       zsh, fish: the words after the program name, unquoted, the last
//       being the one at the cursor. Prints "value<TAB>description" lines.
//   pushdeckctl __complete --bash LINE CURRENT
//       bash: LINE is $COMP_LINE up to the cursor, CURRENT bash's own
//       current word (cut at COMP_WORDBREAKS). Prints COMPREPLY's entries,
//       quoted for where the cursor is (inside '...' or "...", or not).
// Directives come first, as lines of their own: ":files" (complete file
// names instead) and ":nospace" (do not add a space: "--state=fresh,").

#include "ctl/commands.h"
#include "ctl/context.h"
#include "core/printable.h"
#include "ctl/help.h"

#include "gateway/connectionprofile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace PushDeck {

namespace {

// The longest a TAB may wait for the gateway (and the keyring) in all.
constexpr int completionBudgetMs = 2000;

const QStringList states{u"fresh"_s, u"warning"_s, u"stale"_s, u"failed"_s, u"unknown"_s};

struct Candidate
{
    QString value;
    QString description;
    bool needsQuotes = false; // a key: {, ", = and , mean something to a shell
};

struct Completion
{
    QList<Candidate> candidates;
    bool files = false;
    bool noSpace = false;
};

struct OptionInfo
{
    QStringList names;
    QString valueName;
    QString description;
    bool global = false;
};

QList<OptionInfo> globalOptions()
{
    QList<OptionInfo> options;
    const CtlGlobalOptions globals;
    for (const QCommandLineOption &option : globals.all()) {
        OptionInfo info;
        for (const QString &name : option.names())
            info.names.append((name.size() == 1 ? u"-"_s : u"--"_s) + name);
        info.valueName = option.valueName();
        info.description = option.description();
        info.global = true;
        options.append(info);
    }
    return options;
}

QList<OptionInfo> commandOptions(const QString &command)
{
    QList<OptionInfo> options;
    for (const CtlOptionSpec &spec : optionsFromHelpText(ctlCommandHelpText(command)))
        options.append({spec.names, spec.valueName, spec.description, false});
    return options;
}

const OptionInfo *findOption(const QList<OptionInfo> &options, const QString &name)
{
    for (const OptionInfo &option : options) {
        if (option.names.contains(name))
            return &option;
    }
    return nullptr;
}

QStringList profileNames()
{
    QSettings settings(u"PushDeck"_s, u"pushdeck"_s); // the window's store
    QStringList names;
    for (const ConnectionProfile &profile : ConnectionProfile::loadAll(settings))
        names.append(profile.name);
    return names;
}

// The keys on the gateway the words name (--gateway, --profile, ... among
// `globalArgs`, on top of pushdeckctl.yml and the environment), in PromQL
// form, or as push paths when `paths`.
QStringList gatewayKeys(CtlContext &ctx, const QStringList &globalArgs, bool paths)
{
    QCommandLineParser parser;
    const CtlGlobalOptions globals;
    globals.addTo(parser);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{u"pushdeckctl"_s} + globalArgs) || globals.apply(parser, ctx, false))
        return {};
    ctx.options.timeoutMs = std::min(ctx.options.timeoutMs, completionBudgetMs);
    ctx.keyringTimeoutMs = completionBudgetMs / 2;
    if (ctx.prepareConnection())
        return {};
    const auto groups = ctx.fetchGroups();
    if (!groups)
        return {};
    QStringList keys;
    for (const Group &group : groups.value())
        keys.append(paths ? u"/"_s + group.key.toPath() : group.key.toString());
    return keys;
}

Completion complete(CtlContext &ctx, const QStringList &words)
{
    Completion result;
    const QString current = words.value(words.size() - 1);
    const QList<OptionInfo> globals = globalOptions();
    QList<OptionInfo> options = globals;
    QString command;
    QStringList positional;
    QStringList globalArgs; // the global options typed so far, for the connection
    const OptionInfo *pending = nullptr; // an option whose value comes next
    bool onlyPositional = false;
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        const QString &word = words[i];
        if (pending) {
            if (pending->global)
                globalArgs << word;
            pending = nullptr;
            continue;
        }
        if (!onlyPositional && word == u"--"_s) {
            onlyPositional = true;
            continue;
        }
        if (!onlyPositional && word.size() > 1 && word.startsWith(u'-')) {
            const QString name = word.section(u'=', 0, 0);
            const OptionInfo *option = findOption(options, name);
            if (option && option->global)
                globalArgs << word;
            if (option && !option->valueName.isEmpty() && !word.contains(u'='))
                pending = option;
            continue;
        }
        if (command.isEmpty()) {
            command = word;
            if (ctlCommand(command))
                options = commandOptions(command) + globals;
            continue;
        }
        positional << word;
    }

    auto offer = [&](const QStringList &values, const QString &prefix = {}, bool quotes = false) {
        for (const QString &value : values) {
            const QString candidate = prefix + value;
            if (candidate.startsWith(current))
                result.candidates.append({candidate, {}, quotes});
        }
    };
    auto offerKeys = [&] {
        const bool paths = current.startsWith(u'/');
        QStringList keys = gatewayKeys(ctx, globalArgs, paths);
        for (const QString &typed : std::as_const(positional))
            keys.removeAll(typed);
        offer(keys, {}, !paths);
    };
    // The value of `option`, typed after `prefix` ("--state=" or nothing).
    auto offerValue = [&](const OptionInfo &option, const QString &prefix) {
        const QString value = current.mid(prefix.size());
        if (option.names.contains(u"--state"_s)) {
            // A comma-separated list: complete its last element.
            const qsizetype comma = value.lastIndexOf(u',');
            const QString head = prefix + value.left(comma + 1);
            const QStringList chosen = value.left(comma + 1).split(u',', Qt::SkipEmptyParts);
            QStringList rest;
            for (const QString &state : states) {
                if (!chosen.contains(state))
                    rest << state;
            }
            offer(rest, head);
            result.noSpace = true; // another state may follow after a comma
        } else if (option.names.contains(u"--output"_s)) {
            // "Output format: table|wide|json (...)", as output.cpp says it.
            const QString formats = option.description.section(u": "_s, 1).section(u' ', 0, 0);
            offer(formats.split(u'|', Qt::SkipEmptyParts), prefix);
        } else if (option.names.contains(u"--profile"_s)) {
            offer(profileNames(), prefix);
        } else if (option.names.contains(u"--auth"_s)) {
            offer({u"none"_s, u"basic"_s, u"bearer"_s}, prefix);
        } else if (command == u"repush"_s && (option.names.contains(u"--from"_s) || option.names.contains(u"--to"_s))) {
            if (prefix.isEmpty())
                offerKeys();
        } else if (option.valueName == u"file"_s) {
            result.files = true;
        }
    };

    if (pending) {
        offerValue(*pending, {});
        return result;
    }
    if (!onlyPositional && current.startsWith(u'-')) {
        if (current.startsWith(u"--"_s) && current.contains(u'=')) {
            const QString name = current.section(u'=', 0, 0);
            if (const OptionInfo *option = findOption(options, name); option && !option->valueName.isEmpty())
                offerValue(*option, name + u'=');
            return result;
        }
        if (command.isEmpty()) {
            options.prepend({{u"-h"_s, u"--help"_s}, {}, u"Show the help."_s, false});
            options.prepend({{u"-v"_s, u"--version"_s}, {}, u"Show the version."_s, false});
        }
        for (const OptionInfo &option : std::as_const(options)) {
            for (const QString &name : option.names) {
                if (name.startsWith(u"--"_s) && name.startsWith(current))
                    result.candidates.append({name, option.description.section(u". "_s, 0, 0), false});
            }
            // A short name only when it is all that was typed.
            for (const QString &name : option.names) {
                if (!name.startsWith(u"--"_s) && name == current)
                    result.candidates.append({name, option.description.section(u". "_s, 0, 0), false});
            }
        }
        return result;
    }
    if (command.isEmpty()) {
        for (const CtlCommandInfo &info : ctlCommandInfos()) {
            if (info.listed && info.name.startsWith(current))
                result.candidates.append({info.name, info.summary, false});
        }
        return result;
    }
    const CtlCommandInfo *info = ctlCommandInfo(command);
    if (!info)
        return result;
    if (command == u"help"_s) {
        if (positional.isEmpty())
            for (const CtlCommandInfo &other : ctlCommandInfos()) {
                if (other.listed && other.name != u"help"_s && other.name.startsWith(current))
                    result.candidates.append({other.name, other.summary, false});
            }
        return result;
    }
    if (!info->actions.isEmpty() && positional.isEmpty()) {
        offer(info->actions);
        return result;
    }
    const QString action = positional.value(0);
    if (command == u"snapshot"_s) {
        if ((action == u"save"_s || action == u"restore"_s) && positional.size() == 1)
            result.files = true;
    } else if (command == u"profile"_s) {
        if ((action == u"show"_s || action == u"remove"_s) && positional.size() == 1)
            offer(profileNames());
    } else if (command == u"show"_s) {
        if (positional.isEmpty())
            offerKeys();
    } else if (command == u"delete"_s) {
        offerKeys();
    } else if (command == u"push"_s) {
        if (positional.isEmpty())
            offerKeys();
        else if (positional.size() == 1)
            result.files = true;
    }
    return result;
}

// Splits a command line as a POSIX shell reads it: blanks separate words,
// '...' is literal, "..." knows \" \\ \$ \`, a backslash outside quotes
// escapes the next character.
struct ShellWord
{
    QString raw;   // as typed
    QString value; // unquoted
    QChar openQuote; // ' or " when the line ends inside one
};

QList<ShellWord> splitShellLine(const QString &line)
{
    QList<ShellWord> words;
    ShellWord word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quote.isNull() && (c == u' ' || c == u'\t' || c == u'\n')) {
            if (inWord)
                words.append(word);
            word = {};
            inWord = false;
            continue;
        }
        inWord = true;
        word.raw += c;
        if (quote == u'\'') {
            if (c == u'\'')
                quote = {};
            else
                word.value += c;
        } else if (quote == u'"') {
            if (c == u'"') {
                quote = {};
            } else if (c == u'\\' && i + 1 < line.size() && QStringView(u"\"\\$`").contains(line[i + 1])) {
                word.raw += line[++i];
                word.value += line[i];
            } else {
                word.value += c;
            }
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word.raw += line[++i];
            word.value += line[i];
        } else {
            word.value += c;
        }
    }
    word.openQuote = quote;
    words.append(word); // the word at the cursor, maybe empty
    return words;
}

QString singleQuoted(const QString &value)
{
    QString quoted = value;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString backslashed(const QString &value, QStringView special)
{
    QString escaped;
    for (const QChar c : value) {
        if (special.contains(c))
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

// COMPREPLY's entries for bash. Readline replaces only its own current
// word: inside a quote, the text after the quote (and closes the quote
// itself); outside, the text after the last COMP_WORDBREAKS character,
// which is `cur`.
QStringList bashReplies(const Completion &completion, const ShellWord &word, const QString &cur)
{
    QStringList replies;
    for (const Candidate &candidate : completion.candidates) {
        if (word.openQuote == u'\'') {
            if (!candidate.value.contains(u'\''))
                replies.append(candidate.value);
            continue;
        }
        if (word.openQuote == u'"') {
            replies.append(backslashed(candidate.value, u"\"\\$`"));
            continue;
        }
        const QString text = candidate.needsQuotes ? singleQuoted(candidate.value)
                                                   : backslashed(candidate.value, u" \t'\"\\$`{}()[]<>|&;*?!#~");
        if (cur.size() > word.raw.size() || word.raw.right(cur.size()) != cur) // (a null raw "ends" with nothing)
            continue;
        const QString head = word.raw.chopped(cur.size());
        if (text.startsWith(head))
            replies.append(text.mid(head.size()));
    }
    return replies;
}

} // namespace

int ctlComplete(CtlContext &ctx, const QStringList &arguments)
{
    // Nothing may reach the terminal but the candidates, and a TAB must
    // not hang: past the budget (plus start-up), print nothing and leave.
    if (!std::freopen("/dev/null", "w", stderr)) {
        // stderr stays; warnings would show, nothing worse
    }
    QTimer::singleShot(completionBudgetMs + 1000, [] { std::_Exit(0); });
    QTextStream &out = ctx.out();
    const bool bash = arguments.value(0) == u"--bash"_s;
    Completion completion;
    QStringList replies;
    if (bash) {
        if (arguments.size() != 3)
            return ExitUsage;
        QList<ShellWord> words = splitShellLine(arguments[1]);
        words.removeFirst(); // the program
        QStringList values;
        for (const ShellWord &word : std::as_const(words))
            values.append(word.value);
        completion = complete(ctx, values);
        replies = bashReplies(completion, words.constLast(), arguments[2]);
        for (QString &reply : replies)
            reply = printable(reply);
    } else {
        if (arguments.value(0) != u"--"_s)
            return ExitUsage;
        completion = complete(ctx, arguments.mid(1).isEmpty() ? QStringList{QString()} : arguments.mid(1));
        for (const Candidate &candidate : std::as_const(completion.candidates))
            replies.append(candidate.description.isEmpty()
                               ? printable(candidate.value)
                               : printable(candidate.value) + u'\t' + printable(candidate.description));
    }
    // The TAB between a candidate and its description is the protocol with
    // the zsh and fish scripts: each field is escaped on its own (a key
    // with control characters cannot reach the terminal), the line is not.
    ctx.setRawDataOutput(true);
    if (completion.files)
        out << ":files\n";
    if (completion.noSpace)
        out << ":nospace\n";
    for (const QString &reply : std::as_const(replies))
        out << reply << '\n';
    out.flush();
    return ExitOk;
}

int ctlCompletion(CtlContext &ctx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"SHELL"_s, u"bash, zsh or fish."_s);
    if (auto exit = parseCommandLine(ctx, parser, u"completion"_s,
                                     u"Print the completion script for a shell. The Debian package installs them "
                                     "already (bash-completion, zsh, fish); elsewhere load one by hand, as in the "
                                     "examples. Completes commands, options, --state and -o values, profile names and "
                                     "the group keys on the gateway (for show, delete, push, repush)."_s,
                                     arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString shell = positional.value(0);
    if (positional.size() != 1 || (shell != u"bash"_s && shell != u"zsh"_s && shell != u"fish"_s))
        return ctx.fail(u"completion needs one of bash, zsh or fish%1"_s.arg(didYouMean(shell, {u"bash"_s, u"zsh"_s, u"fish"_s})),
                        ExitUsage);
    QFile script(u":/completion/pushdeckctl."_s + shell);
    if (!script.open(QIODevice::ReadOnly))
        return ctx.fail(u"the %1 completion script is missing from this build"_s.arg(shell));
    ctx.out() << script.readAll() << Qt::flush;
    return ExitOk;
}

} // namespace PushDeck
