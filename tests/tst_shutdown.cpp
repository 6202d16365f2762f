// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// RELIABILITY 8: quitting while connects are pending ends within connect_timeout + 1 s,
// with no thread or connection warnings.
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "silentserver.h"
#include "sqlwarningguard.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestShutdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quitWhileConnectsArePending()
    {
        QTemporaryDir home;
        isolateHome(home.path()); // test mode, and never the user's history store
        SqlWarningGuard guard;
        SilentServer silent;
        KbLibrary kb;
        kb.load();
        // One server: 16 connects under way by its per-server limit, 4 jobs waiting for it.
        QList<Environment> envs = silentEnvironments(silent.port(), 20, 3);
        for (Environment &e : envs)
            e.perServerConnections = 16;
        QElapsedTimer t;
        {
            auto *w = new MainWindow(kb);
            w->show();
            w->setEnvironments(envs, u"silent.yaml"_s);
            w->runAll();
            QTRY_VERIFY_WITH_TIMEOUT(
                silent.acceptedCount() >= 16, 3000); // the connects are under way
            t.start();
            w->close();
            delete w; // what QApplication's exit does with the main window
        }
        const qint64 ms = t.elapsed();
        QVERIFY2(ms < 4000, qPrintable(u"shutdown took %1 ms"_s.arg(ms)));
        QCOMPARE(guard.offending(), QStringList());
        QCOMPARE(QSqlDatabase::connectionNames(), QStringList());
    }
};

QTEST_MAIN(TestShutdown)
#include "tst_shutdown.moc"
