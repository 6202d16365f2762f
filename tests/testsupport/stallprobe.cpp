// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "stallprobe.h"

#include <QByteArrayView>
#include <fcntl.h>
#include <unistd.h>

StallProbe::StallProbe(int intervalMs, QObject *parent)
    : QObject(parent)
{
    // Opened here, on the thread measured: thread-self is the opening thread's entry.
    m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
    reset();
    m_timer.start();
}

StallProbe::~StallProbe()
{
    if (m_schedstat >= 0)
        ::close(m_schedstat);
}

qint64 StallProbe::runDelayNs() const
{
    // "<on-cpu ns> <run_delay ns> <timeslices>" (Documentation/scheduler/sched-stats.rst).
    char buf[96];
    const ssize_t n = m_schedstat >= 0 ? ::pread(m_schedstat, buf, sizeof buf - 1, 0) : -1;
    if (n <= 0)
        return -1;
    const QByteArrayView text(buf, n);
    const qsizetype first = text.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : text.indexOf(' ', first + 1);
    bool ok = false;
    const qint64 delay
        = second < 0 ? 0 : text.sliced(first + 1, second - first - 1).toLongLong(&ok);
    return ok ? delay : -1;
}

void StallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 delay = runDelayNs();
    const qint64 wall = now - m_last;
    const qint64 own = delay < 0 ? wall : wall - qMax<qint64>(0, delay - m_lastDelay);
    if (own / 1000000 > m_longest) {
        m_longest = own / 1000000;
        m_longestAt = now / 1000000;
        m_longestWall = wall / 1000000;
    }
    m_longestAnyWall = qMax(m_longestAnyWall, wall / 1000000);
    m_last = now;
    m_lastDelay = qMax<qint64>(0, delay);
    ++m_ticks;
}

void StallProbe::reset()
{
    m_clock.restart();
    m_last = 0;
    m_lastDelay = qMax<qint64>(0, runDelayNs());
    m_longest = 0;
    m_longestAt = 0;
    m_longestWall = 0;
    m_longestAnyWall = 0;
    m_ticks = 0;
}
