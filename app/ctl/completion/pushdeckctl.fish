# fish completion for pushdeckctl. Printed by `pushdeckctl completion fish`;
# the Debian package installs it to /usr/share/fish/vendor_completions.d/.
# pushdeckctl works out the candidates (`pushdeckctl __complete -- WORDS`):
# commands, options and their values, profile names, and the group keys on
# the gateway for show, delete, push and repush, within two seconds.

function __pushdeckctl_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    # The token at the cursor without its quoting (an open quote included).
    set -l unquoted (string unescape -- $current 2>/dev/null)
    or set unquoted (string trim --left --chars="'\"" -- $current)
    set -l ctl $tokens[1]
    command -q -- $ctl; or test -x "$ctl"; or set ctl pushdeckctl
    set -l lines ($ctl __complete -- $tokens[2..-1] "$unquoted" 2>/dev/null)
    for line in $lines
        switch $line
            case :files
                __fish_complete_path $current
                return
            case ':*'
            case '*'
                echo $line
        end
    end
end

complete -c pushdeckctl -f -a '(__pushdeckctl_complete)'
