// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "startuptrace.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

std::int64_t nowNs()
{
    // The wall clock, not a monotonic one: the origin is a `date +%s%N` taken by the shell.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

struct Trace
{
    bool on = false;
    std::int64_t originNs = 0;
};

const Trace &trace()
{
    static const Trace t = [] {
        Trace r;
        const char *value = std::getenv("DOCTOR_STARTUP_TRACE");
        r.on = value != nullptr;
        if (r.on) {
            const long long origin = std::strtoll(value, nullptr, 10);
            // Only a plausible `date +%s%N` (after 2001) is a start time; "1" is just "on".
            r.originNs = origin > 1'000'000'000'000'000'000LL ? origin : nowNs();
        }
        return r;
    }();
    return t;
}

} // namespace

bool StartupTrace::enabled()
{
    return trace().on;
}

void StartupTrace::mark(const char *what)
{
    if (!trace().on)
        return;
    // The calling thread's CPU time too: on a machine shared with builds the wall clock
    // mostly measures the others, the CPU time what this thread did (the dynamic loader's
    // work included, for the main thread).
    double cpuMs = -1; // where there is no such clock
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec cpu {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) == 0)
        cpuMs = double(cpu.tv_sec) * 1e3 + double(cpu.tv_nsec) / 1e6;
#endif
    std::fprintf(stderr, "startup: %8.1f ms %8.1f cpu-ms  %s\n",
        double(nowNs() - trace().originNs) / 1e6, cpuMs, what);
}
