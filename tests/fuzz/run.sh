#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# Runs every fuzz target of a fuzz build for SECONDS against its seed corpus, two at a time
# (or nproc), and fails when any target finds a crash, leak, UB, timeout or broken
# invariant. New interesting inputs go to KEPT/<target>/ (kept between runs; KEPT is
# $DOCTOR_FUZZ_CORPUS, else BUILD/fuzz-work), findings and logs to BUILD/fuzz-work/
# (<target>-crash-* and the like). Called by `tools/dev fuzz` and `tools/dev test`, which
# keep KEPT in the build root beside the compiler cache, so that every run starts from the
# coverage of all earlier runs on the machine, whatever the clone.
#
# DOCTOR_FUZZ_RESUME_SECONDS=N: a target whose KEPT/<target>/ already holds inputs fuzzes N
# seconds instead (it starts from what earlier runs found: replaying that corpus already
# covers what SECONDS from the seeds alone reach; BENCHMARKS.md, "Build and test time").
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
kept=${DOCTOR_FUZZ_CORPUS:-$work}
resume=${DOCTOR_FUZZ_RESUME_SECONDS:-}
mkdir -p "$work" "$kept"

run_one() { # target
    local t=$1 bin=$build/tests/fuzz/fuzz_$1 log=$work/$1.log
    [[ -x $bin ]] || { echo "$t: no binary $bin" >"$log"; return 1; }
    local s=$seconds
    if [[ -n $resume && -n $(ls -A "$kept/$t" 2>/dev/null) ]]; then s=$resume; fi
    echo "$s" >"$work/$t.seconds"
    mkdir -p "$kept/$t"
    local -a seeds
    # corpus/<target>/ and the tree's real inputs, as tests/fuzz/CMakeLists.txt lists them.
    [[ -f $build/tests/fuzz/seeds-$t.txt ]] || { echo "$t: no seeds list in $build/tests/fuzz" >"$log"; return 1; }
    mapfile -t seeds <"$build/tests/fuzz/seeds-$t.txt"
    # detect_leaks: libFuzzer reports a leak of any single input as a finding.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" -max_total_time="$s" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$work/$t-" "$kept/$t" "${seeds[@]}" >"$log" 2>&1
}
export -f run_one
export build work kept seconds resume

results=$(mktemp)
start=$SECONDS
printf '%s\n' "${targets[@]}" | xargs -P "$(nproc)" -I{} bash -c 'run_one {}; echo "$? {}"' \
    >"$results" 2>&1
passed=0 failed=0
for t in "${targets[@]}"; do
    rc=$(awk -v t="$t" '$2 == t { print $1 }' "$results")
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -n1)
    inited=$(grep -o 'INITED cov: [0-9]*' "$work/$t.log" | grep -o '[0-9]*$')
    if [[ $rc == 0 ]]; then
        passed=$((passed + 1))
        echo "fuzz_$t: ok, ${execs:-?} inputs in $(cat "$work/$t.seconds")s, $cov" \
            "(${inited:-?} after replaying the seeds and $(ls "$kept/$t" | wc -l) kept inputs)"
    else
        failed=$((failed + 1))
        echo "fuzz_$t: FAILED (exit $rc); the finding and its input (under $work/):"
        grep -E 'ERROR|invariant|SUMMARY|Test unit written|^    #[0-9]+ ' "$work/$t.log" | head -n 25
    fi
done
echo "fuzzing took $((SECONDS - start)) s"
echo "fuzz: $passed passed, $failed failed"
[[ $failed == 0 ]]
