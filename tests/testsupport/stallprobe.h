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
class StallProbe : public QObject
{
    Q_OBJECT
public:
    explicit StallProbe(int intervalMs = 10, QObject *parent = nullptr);
    qint64 longestGapMs() const { return m_longest; }
    qint64 longestGapEndedAtMs() const { return m_longestAt; } // since start/reset, for diagnosis
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
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_longestAt = 0;
    int m_ticks = 0;
};
