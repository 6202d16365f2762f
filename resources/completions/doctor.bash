# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# bash completion for doctor (installed as /usr/share/bash-completion/completions/doctor).
# The options and which of them take a value are read from `doctor --help` itself, once a
# shell, so the completion stays true to the installed binary; the check ids come from
# `doctor list`. Needs nothing from the bash-completion package (tests/packaging/completions.sh).

_doctor_help() { # the option lines of `doctor --help`, cached for the shell
    [[ -n ${_doctor_help_text-} ]] || _doctor_help_text=$("${1:-doctor}" --help 2>/dev/null)
    printf '%s\n' "$_doctor_help_text"
}

# Options that take a value: their --help line shows <VALUE>. A here-string, not a pipe:
# grep -q stops reading at the first match, and under pipefail (set in scripts, and by some
# users) the writer's SIGPIPE made the answer "no" at random.
_doctor_takes_value() { # PROGRAM OPTION
    grep -qE "^ +(-[a-zA-Z], )?$2 <" <<<"$(_doctor_help "$1")"
}

_doctor() {
    local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev="" i word
    local -a words=()
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # The words before the cursor that are neither options nor an option's value:
    # the command and its subcommand (kb show, history prune ...).
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -* ]]; then
            _doctor_takes_value "$prog" "$word" && ((i++))
            continue
        fi
        words+=("$word")
    done

    case $prev in
        --config|--output|--appsettings|--result|--expected|--history)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return ;;
        --kb)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return ;;
        --format)
            local formats="text json openmetrics"
            case ${words[0]-} in
                matrix) formats="text json csv" ;;
                report) formats="html md json" ;;
            esac
            mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur")
            return ;;
        --deployment)
            mapfile -t COMPREPLY < <(compgen -W "compose systemd kubernetes" -- "$cur")
            return ;;
        --tool)
            mapfile -t COMPREPLY < <(compgen -W "efcore flyway liquibase golang-migrate alembic
                rails django prisma sqitch atlas goose knex typeorm sequelize dbup
                fluentmigrator diesel sqlx dbmate node-pg-migrate" -- "$cur")
            return ;;
        --check)
            mapfile -t COMPREPLY < <(compgen -W "$("$prog" list 2>/dev/null | cut -d' ' -f1)" \
                -- "$cur")
            return ;;
    esac
    if [[ $prev == -* ]] && _doctor_takes_value "$prog" "$prev"; then
        return # a value nothing can guess (a name, a number, a URL)
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_doctor_help "$prog" \
            | sed -nE 's/^ +(-[a-zA-Z], )?(--[a-zA-Z0-9-]+).*/\2/p')" -- "$cur")
        return
    fi
    case ${#words[@]}:${words[0]-} in
        0:) mapfile -t COMPREPLY < <(compgen -W "run list kb history matrix report store" -- "$cur") ;;
        1:kb) mapfile -t COMPREPLY < <(compgen -W "list show lint" -- "$cur") ;;
        1:history) mapfile -t COMPREPLY < <(compgen -W "migrations prune" -- "$cur") ;;
        1:store) mapfile -t COMPREPLY < <(compgen -W "init upgrade" -- "$cur") ;;
        2:kb)
            if [[ ${words[1]} == show ]]; then
                mapfile -t COMPREPLY < <(compgen -W "$("$prog" list 2>/dev/null | cut -d' ' -f1)" \
                    -- "$cur")
            elif [[ ${words[1]} == lint ]]; then
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            fi ;;
        *:kb)
            if [[ ${words[1]} == lint ]]; then
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            fi ;;
    esac
}
complete -F _doctor doctor
