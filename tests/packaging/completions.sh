#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# tests/packaging/completions.sh DOCTOR SOURCE_DIR: the bash and zsh completions of doctor
# (resources/completions, installed by the doctor package) against the doctor under test.
#  - bash: the file sourced into a plain bash (no bash-completion package), `complete -p
#    doctor` names _doctor, and for each line the words _doctor puts in COMPREPLY include
#    and exclude what each case says (commands, subcommands, options read from --help,
#    values of --format per command, check ids from doctor list, files after --config);
#  - zsh: tests/packaging/completions.zsh in a real interactive zsh (zpty).
set -euo pipefail
doctor=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/doctor-completions.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$doctor" "$work/bin/doctor"
export PATH=$work/bin:$PATH
failed=0

# shellcheck source=/dev/null
source "$src/resources/completions/doctor.bash"
[[ $(complete -p doctor) == "complete -F _doctor doctor" ]] \
    || { echo "FAIL: bash: complete -p doctor: $(complete -p doctor)"; failed=1; }

# complete LINE WANT... [-- UNWANTED...]: the completion of LINE's last word.
complete_line() {
    local line=$1 w unwanted=0 offered; shift
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    set +eu # as in an interactive shell
    _doctor doctor "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    set -eu
    offered=" ${COMPREPLY[*]} "
    for w in "$@"; do
        if [[ $w == -- ]]; then unwanted=1; continue; fi
        if [[ $unwanted == 1 && $offered == *" $w "* ]]; then
            echo "FAIL: bash: '$line<Tab>' offers $w"; failed=1
        elif [[ $unwanted == 0 && $offered != *" $w "* ]]; then
            echo "FAIL: bash: '$line<Tab>' does not offer $w (offered:$offered)"; failed=1
        fi
    done
}

complete_line 'doctor ' run list kb history matrix report store
complete_line 'doctor store ' init upgrade -- run
complete_line 'doctor r' run report -- list
complete_line 'doctor run --conf' --config -- --format
complete_line 'doctor run --' --config --shard --format --no-history --store --help
complete_line 'doctor run --check check.postgres.mig' check.postgres.migrations \
    -- check.postgres.connectivity
complete_line 'doctor run --format ' text json openmetrics -- csv html
complete_line 'doctor matrix --format ' csv -- openmetrics
complete_line 'doctor report --format ' html md json -- openmetrics
complete_line 'doctor --format json run --env ' -- run list # a name: nothing to guess
complete_line 'doctor --format json ' run list -- json
complete_line 'doctor kb ' list show lint -- run
complete_line 'doctor kb show check.postgres.conn' check.postgres.connectivity
complete_line 'doctor history ' migrations prune -- run
complete_line 'doctor run --deployment ' compose systemd kubernetes
touch "$work/fleet.yaml"
(cd "$work" && complete_line 'doctor run --config fl' fleet.yaml)

if command -v zsh >/dev/null; then
    zsh -n "$src/resources/completions/_doctor" || { echo "FAIL: zsh -n _doctor"; failed=1; }
    zsh -f "$src/tests/packaging/completions.zsh" "$src" "$work/bin" || failed=1
else
    echo "note: no zsh here; the zsh completion was not tried"
fi
[[ $failed == 0 ]] && echo "completions: all cases passed"
exit "$failed"
