#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# Runs every fuzz target of a fuzz build for SECONDS against its seed corpus, two at a time
# (or nproc), and fails when any target finds a crash, leak, UB, timeout or broken
# invariant. New interesting inputs go to BUILD/fuzz-work/<target>/ (kept between runs),
# findings to BUILD/fuzz-work/<target>-crash-* and the like. Called by `tools/dev fuzz`.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
set -uo pipefail

build=${1:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if [[ ${#targets[@]} == 0 ]]; then
    mapfile -t targets < <(cd "$build/tests/fuzz" && ls seeds-*.txt | sed 's/^seeds-//; s/\.txt$//')
fi
work=$build/fuzz-work
mkdir -p "$work"

run_one() { # target
    local t=$1 bin=$build/tests/fuzz/fuzz_$1 log=$work/$1.log
    [[ -x $bin ]] || { echo "$t: no binary $bin" >"$log"; return 1; }
    mkdir -p "$work/$t"
    local -a seeds
    # corpus/<target>/ and the tree's real inputs, as tests/fuzz/CMakeLists.txt lists them.
    [[ -f $build/tests/fuzz/seeds-$t.txt ]] || { echo "$t: no seeds list in $build/tests/fuzz" >"$log"; return 1; }
    mapfile -t seeds <"$build/tests/fuzz/seeds-$t.txt"
    # detect_leaks: libFuzzer reports a leak of any single input as a finding.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$work/$t-" "$work/$t" "${seeds[@]}" >"$log" 2>&1
}
export -f run_one
export build work seconds

results=$(mktemp)
start=$SECONDS
printf '%s\n' "${targets[@]}" | xargs -P "$(nproc)" -I{} bash -c 'run_one {}; echo "$? {}"' \
    >"$results" 2>&1
passed=0 failed=0
for t in "${targets[@]}"; do
    rc=$(awk -v t="$t" '$2 == t { print $1 }' "$results")
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -n1)
    if [[ $rc == 0 ]]; then
        passed=$((passed + 1))
        echo "fuzz_$t: ok, ${execs:-?} inputs in ${seconds}s, $cov"
    else
        failed=$((failed + 1))
        echo "fuzz_$t: FAILED (exit $rc); the finding and its input (under $work/):"
        grep -E 'ERROR|invariant|SUMMARY|Test unit written|^    #[0-9]+ ' "$work/$t.log" | head -n 25
    fi
done
echo "fuzzing took $((SECONDS - start)) s"
echo "fuzz: $passed passed, $failed failed"
[[ $failed == 0 ]]
