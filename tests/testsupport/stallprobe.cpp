// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "stallprobe.h"

StallProbe::StallProbe(int intervalMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.elapsed();
        if (now - m_last > m_longest) {
            m_longest = now - m_last;
            m_longestAt = now;
        }
        m_last = now;
        ++m_ticks;
    });
    reset();
    m_timer.start();
}

void StallProbe::reset()
{
    m_clock.restart();
    m_last = 0;
    m_longest = 0;
    m_longestAt = 0;
    m_ticks = 0;
}
