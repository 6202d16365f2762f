// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

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

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_longestAt = 0;
    int m_ticks = 0;
};
