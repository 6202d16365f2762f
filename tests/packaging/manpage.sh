#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# tests/packaging/manpage.sh DOCTOR SOURCE_DIR: the man page docs/doctor.1 is valid roff
# (groff -man -ww: no warning) and true to the doctor under test: every option and command
# `doctor --help` lists is in it, and it names no option doctor does not know, but those
# other work is adding (PENDING, printed as not yet accepted).
set -euo pipefail
doctor=$1 page=$2/docs/doctor.1
PENDING=" --store "
failed=0
fail() { echo "FAIL: $*"; failed=1; }

if command -v groff >/dev/null; then
    warnings=$(groff -man -ww -z "$page" 2>&1) || fail "groff failed on $page"
    [[ -z $warnings ]] || fail "groff warns on $page: $warnings"
else
    echo "note: no groff here; the roff was not checked"
fi

help=$("$doctor" --help)
mapfile -t options < <(sed -nE 's/^ +(-[a-zA-Z], )?(--[a-zA-Z0-9-]+).*/\2/p' <<<"$help" | sort -u)
((${#options[@]} > 10)) || fail "doctor --help lists only ${#options[@]} options"
# In roff a minus is \- : the page's options as a reader sees them.
text=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$page")
mapfile -t documented < <(grep -oE -- '--[a-zA-Z0-9-]+' <<<"$text" | sort -u)
for o in "${options[@]}"; do
    grep -qE -- "(^|[^a-zA-Z0-9-])$o([^a-zA-Z0-9-]|$)" <<<"$text" \
        || fail "doctor --help lists $o, the man page does not"
done
for o in "${documented[@]}"; do
    [[ " ${options[*]} " == *" $o "* ]] && continue
    if [[ $PENDING == *" $o "* ]]; then
        echo "NOT YET ACCEPTED by doctor: $o (in the man page)"
    else
        fail "the man page names $o, which doctor --help does not list"
    fi
done
commands=$(sed -nE 's/^ +command +(.*)$/\1/p' <<<"$help" | tr -d '|')
[[ -n $commands ]] || fail "doctor --help names no commands"
for c in $commands; do
    grep -qE "^\.B $c\b" "$page" || fail "the man page's COMMANDS has no $c"
done
[[ $failed == 0 ]] && echo "man page: ${#options[@]} options and the commands" $commands "documented"
exit "$failed"
