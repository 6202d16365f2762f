// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The UI thread never stalls while 50 environments wait on a server that never answers.
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "silentserver.h"
#include "stallprobe.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestUiStall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fiftySilentEnvironments()
    {
        QStandardPaths::setTestModeEnabled(true);
        SilentServer silent;
        KbLibrary kb;
        kb.load();
        // All 50 at once on the one server, as before its per-server limit (default 4).
        QList<Environment> envs = silentEnvironments(silent.port(), 50, 2);
        for (Environment &e : envs)
            e.perServerConnections = 50;
        {
            MainWindow w(kb);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QSignalSpy finished(&w, &MainWindow::runFinished);
            w.setEnvironments(envs, u"silent.yaml"_s);
            StallProbe probe(10);
            w.runAll();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            QVERIFY(probe.ticks() > 100);
            QVERIFY2(probe.longestGapMs() <= 50,
                qPrintable(
                    u"longest stall %1 ms, ending %2 ms into the run"_s.arg(probe.longestGapMs())
                        .arg(probe.longestGapEndedAtMs())));
            QCOMPARE(w.resultsModel()->rowCount(), 150);
            QVERIFY(silent.acceptedCount() >= 50);
        }
    }
};

QTEST_MAIN(TestUiStall)
#include "tst_uistall.moc"
