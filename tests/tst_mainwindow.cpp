// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The dashboard driven offscreen on the embedded demo, through the real runner.
#include "codeblockview.h"
#include "config/demo.h"
#include "engine/checkrunner.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"
#include "migrationsview.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "testsupport/builtincount.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    KbLibrary m_kb;
    QTemporaryDir m_home; // settings and the run history the windows record (issue 18)

    QString evidence(const RemediationPanel *panel, const QString &key)
    {
        const QTableWidget *t = panel->evidenceTable();
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 0)->text() == key)
                return t->item(r, 1)->text();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // test mode, and never the user's history store
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
    }

    void firstStartOffersTheDemo()
    {
        MainWindow w(m_kb);
        w.show();
        QVERIFY(w.findChild<QPushButton *>() != nullptr);
        QVERIFY(!w.runAllAction()->isEnabled());
        QCOMPARE(w.windowTitle(), u"Doctor Dashboard"_s);
    }

    void demoShowsPendingMigrationsAndFixes()
    {
        MainWindow w(m_kb);
        QAbstractItemModelTester t1(
            w.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(
            w.environmentsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(w.migrationsView()->filterModel(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The results table's environment filter.
        QAbstractItemModelTester t4(
            w.resultsView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QVERIFY(w.startDemo());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(w.resultsModel()->rowCount(), 3 * builtinChecks());
        QCOMPARE(w.windowTitle(), u"demo — Doctor Dashboard"_s);

        // The most interesting result is selected first: prod's migrations.
        const RemediationPanel *panel = w.remediationPanel();
        QCOMPARE(panel->checkId(), u"check.postgres.migrations"_s);
        QCOMPARE(evidence(panel, u"PendingCount"_s), u"7"_s);
        QCOMPARE(evidence(panel, u"TableExists"_s), u"true"_s);
        QCOMPARE(evidence(panel, u"NotInExpectedSet"_s), u"20250402101500_HotfixAuditLogIndex"_s);
        QVERIFY(panel->badgesText().contains(u"severity: warn"));
        QVERIFY(panel->badgesText().contains(u"stellaops.doctor.postgres"));
        QCOMPARE(panel->fixTabs()->currentIndex(),
            int(DeploymentStyle::Kubernetes)); // prod runs on Kubernetes

        MigrationsView *mv = w.migrationsView();
        QCOMPARE(mv->countsText(), u"36 applied · 7 pending · 1 not in expected set"_s);
        QCOMPARE(mv->model()->rowCount(), 43);
        mv->pendingOnlyBox()->setChecked(true);
        QCOMPARE(mv->filterModel()->rowCount(), 7);
        QCOMPARE(mv->filterModel()->index(0, MigrationsModel::IdColumn).data().toString(),
            u"20250825122500_WebhookDeliveries"_s);
        QCOMPARE(mv->countsText(),
            u"7 of 43 shown · 0 applied · 7 pending"_s); // counts follow the filter
        mv->pendingOnlyBox()->setChecked(false);

        // Staging: three pending, systemd tab first.
        QVERIFY(w.selectResult(u"staging"_s, u"check.postgres.migrations"_s));
        QCOMPARE(mv->countsText(), u"39 applied · 3 pending"_s);
        QCOMPARE(panel->fixTabs()->currentIndex(), int(DeploymentStyle::Systemd));
        // Environment badges: dev passes, the others warn.
        QCOMPARE(w.environmentsModel()->index(1).data(EnvironmentsModel::WorstStatusRole).toInt(),
            int(CheckStatus::Pass));
        QCOMPARE(w.environmentsModel()->index(3).data(EnvironmentsModel::WorstStatusRole).toInt(),
            int(CheckStatus::Warn));

        // Choosing an environment filters the table (under the testers above).
        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(2));
        QCOMPARE(w.resultsView()->model()->rowCount(), builtinChecks());
        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(0)); // All
        QCOMPARE(w.resultsView()->model()->rowCount(), 3 * builtinChecks());
        // A second run replaces the rows in place while the filter shows one environment.
        w.environmentsView()->setCurrentIndex(w.environmentsModel()->index(3));
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(w.resultsView()->model()->rowCount(), builtinChecks());
        QCOMPARE(w.resultsModel()->rowCount(), 3 * builtinChecks());
    }

    void copyOnAKubernetesBlockFillsPlaceholders()
    {
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.startDemo();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(w.selectResult(u"prod"_s, u"check.postgres.migrations"_s));
        const QList<CodeBlockView *> blocks
            = w.remediationPanel()->codeBlocks(DeploymentStyle::Kubernetes);
        QVERIFY(blocks.size() >= 3);
        CodeBlockView *migrate = nullptr;
        for (CodeBlockView *b : blocks) {
            if (b->text().contains(u"-- stella db migrate\n")
                || b->text().endsWith(u"-- stella db migrate"))
                migrate = b;
        }
        QVERIFY(migrate);
        QCOMPARE(migrate->definitionName(), u"Bash"_s);
        QApplication::clipboard()->clear();
        QTest::mouseClick(migrate->copyButton(), Qt::LeftButton);
        const QString expected
            = u"# Evidence: PendingCount, Status - apply the pending migrations\n"
              "kubectl -n stellaops-prod exec -it stellaops-platform-7c9d5b6f4-x2k8q -- stella db migrate"_s;
        QCOMPARE(QApplication::clipboard()->text(), expected);
        QVERIFY(migrate->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly) != nullptr);
        // A placeholder the environment does not define stays visible.
        bool sawUnfilled = false;
        for (CodeBlockView *b : blocks)
            sawUnfilled = sawUnfilled || b->text().contains(u"<platform-secret>");
        QVERIFY(sawUnfilled);
    }

    void cancelledRunShowsNoResults()
    {
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.startDemo(); // starts a run
        w.cancelRun();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true);
        QTest::qWait(300); // let any stray queued results arrive
        QCOMPARE(w.resultsModel()->rowCount(), 0);
        QCOMPARE(w.progressLabel()->text(), u"Cancelled"_s);
    }

    void relatedCheckOpensItsArticle()
    {
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.startDemo();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        Q_EMIT w.remediationPanel()->articleRequested(u"check.postgres.pool"_s);
        QCOMPARE(w.remediationPanel()->checkId(), u"check.postgres.pool"_s);
    }

    // View > Pending Migrations Only (Ctrl+P) and the pane's "Pending only" box are one
    // setting: toggling either one moves the other, and the filter follows.
    void pendingOnlyMenuAndCheckboxAgree()
    {
        MainWindow w(m_kb);
        w.show();
        QAction *menu = nullptr;
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_P))
                menu = a;
        }
        QVERIFY(menu);
        QVERIFY(menu->isCheckable());
        QCheckBox *box = w.migrationsView()->pendingOnlyBox();
        QVERIFY(!menu->isChecked());
        QVERIFY(!box->isChecked());

        menu->trigger(); // the menu turns it on
        QVERIFY(box->isChecked());
        QVERIFY(w.migrationsView()->filterModel()->pendingOnly());
        box->click(); // the box turns it off
        QVERIFY(!box->isChecked());
        QVERIFY2(!menu->isChecked(), "the menu still says Pending only after the box was cleared");
        box->click(); // the box turns it on
        QVERIFY(menu->isChecked());
        menu->trigger(); // the menu turns it off
        QVERIFY(!box->isChecked());
        QVERIFY(!w.migrationsView()->filterModel()->pendingOnly());
    }

    void badEnvironmentsFileKeepsWhatWasShown()
    {
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.startDemo();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QTemporaryFile bad;
        QVERIFY(bad.open());
        bad.write("environments:\n  - name: [broken\n");
        bad.flush();
        // The warning box is modal; close it as a user would.
        QTimer::singleShot(100, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!w.openEnvironmentsFile(bad.fileName()));
        QCOMPARE(w.environmentsModel()->environments().size(), 3);
        QCOMPARE(w.windowTitle(), u"demo — Doctor Dashboard"_s);
    }

    // gui_main's start: the demo's files built beforehand (on another thread there), its
    // environments shown at once, the run held until the first frame is on screen. The
    // window keeps the files until it goes.
    void demoOnPreparedFilesWithTheRunHeld()
    {
        auto dir = std::make_unique<QTemporaryDir>();
        const Demo::Setup demo = Demo::create(dir->path());
        QVERIFY(demo.error.isEmpty());
        const QString path = dir->path();
        {
            MainWindow w(m_kb);
            w.show();
            QSignalSpy finished(&w, &MainWindow::runFinished);
            w.setDeferRuns(true);
            QVERIFY(w.startDemo(std::move(dir), demo));
            QCOMPARE(w.environmentsModel()->environments().size(), 3);
            QCOMPARE(w.windowTitle(), u"demo — Doctor Dashboard"_s);
            QTest::qWait(200);
            QVERIFY(!w.runner()->isRunning());
            QCOMPARE(finished.size(), 0);
            QCOMPARE(w.resultsModel()->rowCount(), 0);
            w.setDeferRuns(false);
            QVERIFY(w.runner()->isRunning() || finished.size() == 1);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
            QCOMPARE(w.resultsModel()->rowCount(), 3 * builtinChecks());
            QVERIFY(QFileInfo::exists(path + u"/prod.sqlite"_s));
        }
        QVERIFY(!QFileInfo::exists(path)); // went with the window
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
