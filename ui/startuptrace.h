// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Where the dashboard's start spends its time (tests/bench/startup --trace, BENCHMARKS.md).
// Off unless the environment variable DOCTOR_STARTUP_TRACE is set; then each mark prints
// "startup: <ms> ms <cpu> cpu-ms  <what>" on stderr: the wall-clock time and the calling
// thread's CPU time (POSIX CLOCK_THREAD_CPUTIME_ID; -1 where there is none). The wall-clock
// milliseconds count from DOCTOR_STARTUP_TRACE's value when it is a time in nanoseconds
// since the epoch (`date +%s%N` just before the program is started, so the dynamic
// linker's share shows), else from the first mark.
namespace StartupTrace {
bool enabled();
void mark(const char *what);
} // namespace StartupTrace
