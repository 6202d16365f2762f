// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// RunStatus: the status bar's text and progress bar follow a real CheckRunner; progress is
// shown at most ten times a second, never after the run ended, and the bar goes with it.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "runstatus.h"
#include "silentserver.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// Connects to a server that accepts and never answers: the run lasts the connect timeout.
Environment silent(const SilentServer &server)
{
    Environment e;
    e.name = u"silent"_s;
    e.connection.host = u"127.0.0.1"_s;
    e.connection.port = QString::number(server.port());
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    e.connection.password = u"unused"_s;
    e.timeouts.connectSec = 2;
    return e;
}

} // namespace

class TestRunStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readyAndNoBarAtFirst()
    {
        CheckRunner runner(CheckRegistry::builtin());
        QStatusBar bar;
        RunStatus status(&runner, &bar);
        QCOMPARE(status.label()->text(), u"Ready"_s);
        QVERIFY(status.progressBar()->isHidden());
        QCOMPARE(status.label()->parentWidget(), &bar);
        status.setText(u"9 results"_s);
        QCOMPARE(status.label()->text(), u"9 results"_s);
    }

    // A burst of progress is shown once, on the next tick of its 100 ms timer, as the last
    // value; the run's end hides the bar and a late tick does not bring it back.
    void progressIsThrottledAndEndsWithTheRun()
    {
        SilentServer server;
        CheckRunner runner(CheckRegistry::builtin());
        QStatusBar bar;
        bar.show();
        RunStatus status(&runner, &bar);
        runner.start({ silent(server) });
        QVERIFY(runner.isRunning());
        for (int done = 0; done <= 3; ++done)
            Q_EMIT runner.progressChanged(done, 9);
        QCOMPARE(status.label()->text(), u"Ready"_s); // not on every value
        QVERIFY(status.progressBar()->isHidden());
        QTRY_COMPARE_WITH_TIMEOUT(status.label()->text(), u"Checking 4 of 9"_s, 1000);
        QVERIFY(status.progressBar()->isVisible());
        QCOMPARE(status.progressBar()->value(), 3);
        QCOMPARE(status.progressBar()->maximum(), 9);
        Q_EMIT runner.progressChanged(8, 9);
        QCOMPARE(status.label()->text(), u"Checking 4 of 9"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status.label()->text(), u"Checking 9 of 9"_s, 1000);

        Q_EMIT runner.progressChanged(9, 9); // a tick is due ...
        runner.cancel(); // ... when the run ends
        QVERIFY(!runner.isRunning());
        QVERIFY(status.progressBar()->isHidden());
        status.setText(u"Cancelled"_s);
        QTest::qWait(250);
        QCOMPARE(status.label()->text(), u"Cancelled"_s);
        QVERIFY(status.progressBar()->isHidden());
    }

    // Under the German translator (translations/doctor_de.ts, context RunStatus).
    void german()
    {
        QTranslator german;
        QVERIFY(german.load(u":/i18n/doctor_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&german));
        CheckRunner runner(CheckRegistry::builtin());
        QStatusBar bar;
        RunStatus status(&runner, &bar);
        QCOMPARE(status.label()->text(), u"Bereit"_s);
        QCoreApplication::removeTranslator(&german);
    }
};

QTEST_MAIN(TestRunStatus)
#include "tst_runstatus.moc"
