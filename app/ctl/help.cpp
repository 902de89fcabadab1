#include "ctl/help.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace PushDeck {

const QList<CtlCommandInfo> &ctlCommandInfos()
{
    static const QList<CtlCommandInfo> infos{
        {u"status"_s, u"[-o json]"_s, u"the gateway's version, start time and flags"_s, {},
         u"  pushdeckctl status\n"
         "  pushdeckctl status -o json | jq -r .version\n"_s},
        {u"groups"_s, u"[--match SEL] [--state S,...] [--older-than D] [-o table|wide|json] [--no-headers]"_s,
         u"list groups with age, last push result, state"_s, {},
         u"  pushdeckctl groups --state stale,failed\n"
         "  pushdeckctl groups --match '{job=~\"batch-.*\"}' -o wide\n"
         "  pushdeckctl groups -o json | jq -r 'select(.age_seconds > 86400) | .key'\n"
         "  pushdeckctl groups --no-headers | awk '{print $1}'\n"
         "  pushdeckctl -g http://pg-a:9091 -g http://pg-b:9091 groups --older-than 7d\n"_s},
        {u"show"_s, u"KEY [--exposition | -o json]"_s, u"one group, KEY exactly as {job=\"a\",instance=\"b\"}"_s, {},
         u"  pushdeckctl show '{job=\"backup\",instance=\"db-1\"}'\n"
         "  pushdeckctl show '{job=\"backup\"}' --exposition > backup.prom   # ready to push again\n"
         "  pushdeckctl show /metrics/job/a/instance@base64/= -o json            # the push path works too\n"_s},
        {u"check"_s, u"[--match SEL] [-v]"_s, u"exit 0 all fresh, 1 warnings, 2 stale/failed, 3 unknown"_s, {},
         u"  pushdeckctl check --rules /etc/pushdeck/rules.json        # Nagios/Icinga/Sensu plugin\n"
         "  pushdeckctl check --match '{job=\"backup\"}' --stale-after 26h -v\n"_s},
        {u"lint"_s, u"[-o json] [--fan-out N] [--all]"_s, u"Pushgateway anti-patterns; exit 0 ok, 1 warnings, 2 critical"_s, {},
         u"  pushdeckctl lint\n"
         "  pushdeckctl lint -o json | jq '.summary'\n"_s},
        {u"alert-rules"_s, u"[-o FILE] [--tests FILE] [--for D] [--no-warnings]"_s,
         u"Prometheus alerting rules for --rules, with promtool tests"_s, {},
         u"  pushdeckctl alert-rules --rules staleness.json --for 5m\n"
         "  pushdeckctl alert-rules --rules staleness.json --write alerts.yml --tests alerts.test.yml && promtool test rules alerts.test.yml\n"_s},
        {u"push"_s, u"KEY [FILE|-] [--replace] [--dry-run]"_s, u"validate exposition text, then push it"_s, {},
         u"  pushdeckctl push '{job=\"backup\",instance=\"db-1\"}' metrics.prom\n"
         "  echo 'backup_ok 1' | pushdeckctl push '{job=\"backup\"}' -\n"
         "  pushdeckctl push '{job=\"backup\"}' metrics.prom --replace --dry-run\n"_s},
        {u"delete"_s, u"KEY... | --match SEL [--yes] [--dry-run]"_s,
         u"delete exactly these groups (preview, confirm, verify)"_s, {},
         u"  pushdeckctl delete '{job=\"backup\",instance=\"db-1\"}'\n"
         "  pushdeckctl delete --match '{job=\"old-batch\"}' --dry-run\n"
         "  pushdeckctl delete --match '{job=~\"ci-.*\"}' --yes                 # no terminal: --yes is required\n"_s},
        {u"prune"_s, u"--older-than D [--match SEL] [--state S,...] [--yes] [--dry-run]"_s,
         u"delete groups not pushed for D"_s, {},
         u"  pushdeckctl prune --older-than 7d --dry-run\n"
         "  pushdeckctl prune --older-than 7d --match '{job=~\"ci-.*\"}' --yes   # from cron or a systemd timer\n"_s},
        {u"repush"_s, u"--from KEY (--to KEY | --to-gateway URL) [--keep-old] [--overwrite]"_s,
         u"move or copy a group to another key or gateway"_s, {},
         u"  pushdeckctl repush --from '{job=\"etl\"}' --to '{job=\"etl\",site=\"b\"}' --yes\n"
         "  pushdeckctl repush --from '{job=\"etl\"}' --to-gateway http://pg-b:9091 --keep-old\n"_s},
        {u"snapshot"_s, u"save FILE|- [--match SEL] | restore FILE|- [--dry-run] | list [-o json]"_s,
         u"save groups exactly, push them back, list the undo snapshots"_s, {u"save"_s, u"restore"_s, u"list"_s},
         u"  pushdeckctl snapshot save backup.json --match '{job=\"backup\"}'\n"
         "  pushdeckctl snapshot save - | gzip > groups.json.gz\n"
         "  zcat groups.json.gz | pushdeckctl snapshot restore - --dry-run\n"
         "  pushdeckctl snapshot list -o json | jq -r .file\n"_s},
        {u"wipe"_s, u"[--yes] [--dry-run]"_s, u"delete everything (admin API)"_s, {},
         u"  pushdeckctl wipe --dry-run\n"
         "  pushdeckctl wipe --yes\n"_s},
        {u"profile"_s, u"list | show NAME | add NAME -g URL [auth/TLS options] | remove NAME"_s,
         u"the connection profiles the window uses"_s, {u"list"_s, u"show"_s, u"add"_s, u"remove"_s},
         u"  pushdeckctl profile list\n"
         "  pushdeckctl profile add prod -g https://pg:9091 --user ops --ca-file /etc/ssl/pg-ca.pem\n"
         "  pushdeckctl profile add prod -g https://pg:9091 --user ops --password-file pw --replace   # secret to the keyring\n"
         "  pushdeckctl profile add ci --http.config.file /etc/pushdeck/http.yml -g https://pg:9091\n"
         "  pushdeckctl --profile prod groups\n"
         "  pushdeckctl profile remove prod\n"_s},
        {u"completion"_s, u"bash|zsh|fish"_s, u"print the shell completion script"_s, {u"bash"_s, u"zsh"_s, u"fish"_s},
         u"  pushdeckctl completion bash > ~/.local/share/bash-completion/completions/pushdeckctl\n"
         "  source <(pushdeckctl completion bash)                      # this shell only\n"
         "  pushdeckctl completion zsh > \"${fpath[1]}/_pushdeckctl\"\n"
         "  pushdeckctl completion fish > ~/.config/fish/completions/pushdeckctl.fish\n"_s},
        {u"help"_s, u"[COMMAND]"_s, u"this help, or a command's (same as COMMAND --help)"_s, {},
         u"  pushdeckctl help prune\n"_s},
        {u"__complete"_s, {}, u"candidates for the shell completion scripts"_s, {}, {}, false},
    };
    return infos;
}

const CtlCommandInfo *ctlCommandInfo(const QString &name)
{
    for (const CtlCommandInfo &info : ctlCommandInfos()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

QString ctlOverallHelp(const QString &globalOptions)
{
    QString text = u"Usage: pushdeckctl [global options] COMMAND [options] [arguments]\n"
                   "Lists, checks and cleans up the groups of a Prometheus Pushgateway.\n\n"
                   "Commands (pushdeckctl help COMMAND, or COMMAND --help, for options and examples):\n"_s;
    for (const CtlCommandInfo &info : ctlCommandInfos()) {
        if (info.listed)
            text += u"  "_s + info.name.leftJustified(11) + u' ' + info.summary + u'\n';
    }
    text += u"\nGlobal options (before or after the command; the same for every command):\n"_s;
    text += globalOptions;
    text += u"\n"
            "Several gateways: groups, delete and prune take --gateway more than once (or\n"
            "URL1,URL2): rows carry their gateway, previews name the gateway of every group,\n"
            "a gateway that cannot be read is reported on stderr and the others still done.\n"
            "\n"
            "Durations are Prometheus durations (90s, 15m, 1h30m, 7d) or seconds.\n"
            "Credentials come only from PUSHDECK_PASSWORD / PUSHDECK_TOKEN, --password-file /\n"
            "--token-file, --http.config.file or the keyring (a profile's), never from an argument.\n"
            "\n"
            "Environment: PUSHDECK_GATEWAY, PUSHDECK_READ_ONLY, PUSHDECK_USER, PUSHDECK_PASSWORD,\n"
            "PUSHDECK_TOKEN. Settings: options > environment > the first of\n"
            "$XDG_CONFIG_HOME/pushdeck/pushdeckctl.yml (~/.config/...) and /etc/pushdeck/pushdeckctl.yml,\n"
            "whose keys are the long global option names and output, e.g.\n"
            "  gateway: http://pushgateway:9091\n"
            "  rules: rules.json\n"
            "  output: wide\n"
            "\n"
            "Exit codes: 0 ok, 1 failed, 64 usage, 65 bad input data, 66 unreadable input,\n"
            "69 gateway unavailable, 73 cannot write output, 77 refused (read-only, not\n"
            "confirmed), 78 bad pushdeckctl.yml. check and lint have their own (see their help).\n"_s;
    return text;
}

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two neighbours ("gorups") each count one typo.
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size(), m = b.size();
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

QStringList similarWords(const QString &word, const QStringList &candidates)
{
    if (word.isEmpty())
        return {};
    const int limit = std::max(1, int(word.size()) / 3);
    QList<std::pair<int, QString>> scored;
    for (const QString &candidate : candidates) {
        if (candidate == word)
            continue;
        int score = editDistance(word.toLower(), candidate.toLower());
        if (candidate.startsWith(word) && word.size() >= 2)
            score = std::min(score, 1);
        if (score <= limit)
            scored.append({score, candidate});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList result;
    for (const auto &[score, candidate] : std::as_const(scored)) {
        if (!result.contains(candidate))
            result.append(candidate);
        if (result.size() == 3)
            break;
    }
    return result;
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    const QStringList similar = similarWords(word, candidates);
    if (similar.isEmpty())
        return {};
    if (similar.size() == 1)
        return u" (did you mean %1?)"_s.arg(similar.first());
    return u" (did you mean %1 or %2?)"_s.arg(similar.mid(0, similar.size() - 1).join(u", "_s), similar.last());
}

QList<CtlOptionSpec> optionsFromHelpText(const QString &helpText)
{
    // QCommandLineParser's layout: "  -m, --match <selector>  Description",
    // continuation lines indented further, sections "Options:", "Arguments:".
    static const QRegularExpression optionLine(u"^  (-[^ ].*?)(?:  +(.*))?$"_s);
    QList<CtlOptionSpec> specs;
    bool inOptions = false;
    for (const QString &line : helpText.split(u'\n')) {
        if (!line.startsWith(u' ')) {
            inOptions = line == u"Options:"_s;
            continue;
        }
        if (!inOptions)
            continue;
        const QRegularExpressionMatch match = optionLine.match(line);
        if (!match.hasMatch())
            continue;
        CtlOptionSpec spec;
        for (QString name : match.captured(1).split(u", "_s)) {
            if (const qsizetype space = name.indexOf(u" <"_s); space >= 0) {
                spec.valueName = name.mid(space + 2).chopped(1);
                name.truncate(space);
            }
            spec.names.append(name);
        }
        spec.description = match.captured(2);
        specs.append(spec);
    }
    return specs;
}

} // namespace PushDeck
