// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define DOCTOR_STALL_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define DOCTOR_STALL_SANITIZED 1
#endif
#endif

// Measures how long the calling thread's event loop goes without running a timer:
// a 10 ms timer that records the longest gap between its ticks. A UI thread that
// blocks shows up as a stall far above the interval.
//
// A gap counts what the thread itself did or waited for: its work, and any sleep in a
// blocking call (a connect, a lock, a file). It does not count the time the thread was ready
// to run but every core was taken by other processes (Linux: run_delay, the second field of
// /proc/thread-self/schedstat, in ns). A CI machine's 2 cores running a package build beside
// the test stretched a 50 ms gap of our own to 334 ms of wall time; that is the machine's
// load, not a stall of ours. Where schedstat is missing, gaps are wall time.
class StallProbe : public QObject
{
    Q_OBJECT
public:
    explicit StallProbe(int intervalMs = 10, QObject *parent = nullptr);
    ~StallProbe() override;
    // The longest gap in ms, less the time the thread waited for a core in it.
    qint64 longestGapMs() const { return m_longest; }
    qint64 longestGapEndedAtMs() const { return m_longestAt; } // since start/reset, for diagnosis
    // The wall-clock length of that gap in ms, the wait for a core included (diagnosis).
    qint64 longestGapWallMs() const { return m_longestWall; }
    // The longest wall-clock gap of all, waits for a core included, in ms.
    qint64 longestWallGapMs() const { return m_longestAnyWall; }
    int ticks() const { return m_ticks; }
    void reset();
    // A stall budget for this build: ms as it is, ten times ms under ASan or TSan, where the
    // UI thread's own work runs 5-15 times slower and a budget of tens of milliseconds would
    // measure the sanitizer (testtraits.cmake). Ten times still fails a UI thread that blocks
    // on the work itself (a record on the UI thread stalled 3 729 ms in the dev build).
    static constexpr qint64 budgetMs(qint64 ms)
    {
#ifdef DOCTOR_STALL_SANITIZED
        return ms * 10;
#else
        return ms;
#endif
    }

private:
    qint64 runDelayNs() const; // -1 without schedstat
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_schedstat = -1; // this thread's /proc/thread-self/schedstat, or -1
    qint64 m_last = 0; // ns since start
    qint64 m_lastDelay = 0; // run_delay at the last tick, ns
    qint64 m_longest = 0;
    qint64 m_longestAt = 0;
    qint64 m_longestWall = 0;
    qint64 m_longestAnyWall = 0;
    int m_ticks = 0;
};
