# bash completion for pushdeckctl                         -*- shell-script -*-
# Printed by `pushdeckctl completion bash`; the Debian package installs it to
# /usr/share/bash-completion/completions/pushdeckctl. pushdeckctl itself
# works out the candidates (`pushdeckctl __complete --bash LINE CUR`): the
# commands, options and their values, profile names, and the group keys on
# the gateway named on the line (or by PUSHDECK_GATEWAY, pushdeckctl.yml)
# for show, delete, push and repush, within two seconds.

_pushdeckctl()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local line=${COMP_LINE:0:COMP_POINT}
    local ctl=${COMP_WORDS[0]}
    [[ $ctl == "~/"* ]] && ctl=$HOME/${ctl#"~/"}
    type -P -- "$ctl" >/dev/null 2>&1 || ctl=pushdeckctl

    local IFS=$'\n'
    local -a replies
    replies=($("$ctl" __complete --bash "$line" "$cur" 2>/dev/null))
    COMPREPLY=()
    local reply files=0
    for reply in "${replies[@]}"; do
        case $reply in
            :files) files=1 ;;
            :nospace) compopt -o nospace 2>/dev/null ;;
            *) COMPREPLY+=("$reply") ;;
        esac
    done
    if ((files)); then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -F _pushdeckctl pushdeckctl
