# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# tests/packaging/completions.zsh SOURCE_DIR BIN_DIR: the zsh completion _doctor in a real
# interactive zsh (zpty), as a person pressing Tab: compinit finds it on the fpath, and for
# each line the words it offers (the matches compadd keeps for the prefix typed, logged by a
# wrapper, until the completer logs its end) include and exclude what each case says. BIN_DIR holds the doctor under test.
# Prints FAIL lines; exit 1 on any.
emulate -L zsh
zmodload zsh/zpty || { print "SKIPPED: zsh has no zpty module"; exit 0 }
src=$1 bin=$2 log=$(mktemp) failed=0 sync=0
trap 'zpty -d z 2>/dev/null; rm -f $log' EXIT
zpty -b z zsh -f -i
zpty -w z "PS1='> '; PATH=${(q)bin}:\$PATH; fpath=(${(q)src}/resources/completions \$fpath)
autoload -Uz compinit; compinit -u -D; unsetopt beep
compadd() { local -a m; builtin compadd -O m \"\$@\"; print -rl -- \$m >>${(q)log}
    builtin compadd \"\$@\" }
_logged_complete() { _complete; local r=\$?; print -r -- '<done>' >>${(q)log}; return r }
zstyle ':completion:*' completer _logged_complete
print ready"
# Waits until the shell printed WORD, or 20 s.
expect() {
    local out="" line t=0
    while (( t < 200 )); do
        while zpty -r -t z line; do out+=$line; done
        [[ $out == *$1* ]] && return 0
        sleep 0.1; (( t++ ))
    done
    return 1
}
expect ready || { print "FAIL: zsh did not start"; exit 1 }

# complete LINE WANT... [-- UNWANTED...]: Tab after LINE offers every WANT, no UNWANTED.
complete() {
    local line=$1 w offered unwanted=0; shift
    local t=0
    : >$log
    zpty -w -n z "$line"$'\t'
    # The completer logs <done> when the completion has ended (keys typed before that would
    # be typeahead, which zle treats differently).
    while (( t < 200 )) && ! grep -q '^<done>$' $log; do sleep 0.1; (( t++ )); done
    # Then a fresh prompt: the shell prints what only it can compute.
    (( sync++ ))
    zpty -w z $'\C-u'$'\C-c'
    zpty -w z "print sync\$((1000+$sync))"
    expect "sync$((1000 + sync))" || { print "FAIL: zsh did not come back"; exit 1 }
    offered=" $(grep -v '^<done>$' $log | tr '\n' ' ') "
    for w in "$@"; do
        if [[ $w == -- ]]; then unwanted=1; continue; fi
        if (( unwanted )) && [[ $offered == *" $w "* ]]; then
            print -r -- "FAIL: zsh: '$line<Tab>' offers $w"; failed=1
        elif (( ! unwanted )) && [[ $offered != *" $w "* ]]; then
            print -r -- "FAIL: zsh: '$line<Tab>' does not offer $w (offered:$offered)"; failed=1
        fi
    done
}

complete 'doctor ' run list kb history matrix report store
complete 'doctor store ' init upgrade
complete 'doctor run --conf' --config -- --format
complete 'doctor run --' --config --shard --format --no-history
complete 'doctor run --check check.postgres.mig' check.postgres.migrations
complete 'doctor run --format ' text json openmetrics -- csv html
complete 'doctor matrix --format ' csv -- openmetrics
complete 'doctor report --format ' html md -- openmetrics
complete 'doctor kb ' list show lint -- run
complete 'doctor kb show check.postgres.conn' check.postgres.connectivity
complete 'doctor history ' migrations prune -- run
complete 'doctor --deployment ' compose systemd kubernetes
exit $failed
