// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// StallProbe, which the UI stall tests gate on: a thread's own work and its blocking waits
// count as a stall; the time it waits for a core that other threads hold does not.
#include "stallprobe.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <atomic>
#include <sched.h>

using namespace Qt::StringLiterals;

namespace {

// Busy on the calling thread for ms of its own CPU time (not wall time: under load the wall
// time is longer, the work the same).
void spinCpu(int ms)
{
    timespec start {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
    for (;;) {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        const qint64 spent
            = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (spent >= ms)
            return;
    }
}

bool pinToCpu0()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0; // 0: the calling thread
}

} // namespace

class TestStallProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBlockingCallIsAStall()
    {
        StallProbe probe(10);
        QTest::qWait(50);
        QTimer::singleShot(0, this, [] { QThread::msleep(250); }); // a connect that hangs
        QTest::qWait(100);
        QTRY_VERIFY(probe.ticks() > 5);
        QVERIFY2(probe.longestGapMs() >= 240, qPrintable(QString::number(probe.longestGapMs())));
        QVERIFY(probe.longestGapMs() <= probe.longestGapWallMs());
    }

    void ownWorkIsAStall()
    {
        StallProbe probe(10);
        QTest::qWait(50);
        QTimer::singleShot(0, this, [] { spinCpu(200); }); // a sort of 100 000 rows
        QTest::qWait(100);
        QVERIFY2(probe.longestGapMs() >= 190, qPrintable(QString::number(probe.longestGapMs())));
    }

    // Two threads on one core, both busy: this one's 30 ms pieces of work take about twice
    // that in wall time (the scheduler shares the core), and its stall stays 30 ms.
    void waitingForACoreIsNotAStall()
    {
        QVERIFY(pinToCpu0());
        std::atomic<bool> stop = false;
        std::atomic<bool> pinned = false;
        std::unique_ptr<QThread> hog(QThread::create([&] {
            pinned = pinToCpu0();
            while (!stop)
                ; // a build beside the test
        }));
        hog->start();
        QTRY_VERIFY(pinned);
        StallProbe probe(10);
        for (int i = 0; i < 8; ++i) {
            QTimer::singleShot(0, this, [] { spinCpu(30); });
            QTest::qWait(100);
        }
        stop = true;
        hog->wait();
        cpu_set_t all;
        CPU_ZERO(&all);
        for (int c = 0; c < CPU_SETSIZE; ++c)
            CPU_SET(c, &all);
        sched_setaffinity(0, sizeof all, &all);
        const QString figures
            = u"own %1 ms, wall %2 ms"_s.arg(probe.longestGapMs()).arg(probe.longestWallGapMs());
        qInfo("%s", qPrintable(figures));
        QVERIFY2(probe.longestGapMs() >= 30, qPrintable(figures)); // the work is a stall
        QVERIFY2(probe.longestGapMs() < 55, qPrintable(figures)); // the waits are not
        QVERIFY2(probe.longestWallGapMs() >= probe.longestGapMs() + 20, qPrintable(figures));
    }
};

QTEST_MAIN(TestStallProbe)
#include "tst_stallprobe.moc"
