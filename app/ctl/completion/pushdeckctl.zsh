#compdef pushdeckctl
# zsh completion for pushdeckctl. Printed by `pushdeckctl completion zsh`;
# the Debian package installs it as /usr/share/zsh/vendor-completions/_pushdeckctl.
# pushdeckctl works out the candidates (`pushdeckctl __complete -- WORDS`):
# commands, options and their values, profile names, and the group keys on
# the gateway for show, delete, push and repush, within two seconds.

_pushdeckctl() {
    local -a lines values descriptions
    local line ctl=${words[1]} nospace=0
    (( $+commands[$ctl] )) || [[ -x $ctl ]] || ctl=pushdeckctl
    # The words before the cursor unquoted, then the current word's prefix
    # (zsh gives it unquoted in $PREFIX).
    lines=("${(@f)$($ctl __complete -- "${(@Q)words[2,CURRENT-1]}" "$PREFIX" 2>/dev/null)}")
    for line in $lines; do
        case $line in
            :files) _files; return ;;
            :nospace) nospace=1 ;;
            '') ;;
            *)
                values+=("${line%%$'\t'*}")
                if [[ $line == *$'\t'* ]]; then
                    descriptions+=("${line%%$'\t'*} -- ${line#*$'\t'}")
                else
                    descriptions+=("${line}")
                fi
                ;;
        esac
    done
    (( ${#values} )) || return 1
    if (( nospace )); then
        compadd -S '' -d descriptions -a values
    else
        compadd -d descriptions -a values
    fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _pushdeckctl "$@"
else
    compdef _pushdeckctl pushdeckctl
fi
