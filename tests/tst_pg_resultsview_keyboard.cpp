// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The keyboard on the dashboard, offscreen with real widgets and the real runner against
// the fixture server (issue 12 item 5): Tab leaves the results table (which shows a focus
// ring while it has the keyboard), Tab goes round the whole window, and Esc in a filter
// clears it before it cancels a run.
#include "articleview.h"
#include "engine/checkrunner.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "postgres/migrationscheck.h"
#include "remediationpanel.h"
#include "resultsviewfixture.h"
#include "silentserver.h"

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString &Migrations = MigrationsCheck::Id;
} // namespace

class TestPgResultsViewKeyboard : public QObject
{
    Q_OBJECT
private:
    ResultsViewFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fx.setUp(), qPrintable(m_fx.error())); }

    // Tab leaves the results table for the migrations filter (the table used to keep it,
    // moving from cell to cell); the focused table shows a ring.
    void tabLeavesTheTable()
    {
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(ResultsViewFixture::runToEnd(w, { m_fx.current(), m_fx.behind() }));
        w.environmentsView()->setFocus();
        QTest::keyClick(w.environmentsView(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), w.resultsView());
        auto *ring = w.resultsView()->findChild<QWidget *>(u"focusRing"_s);
        QVERIFY(ring && ring->isVisible());
        // The ring is painted in the highlight colour at the table's edge.
        const QImage shot = w.resultsView()->grab().toImage();
        const QColor highlight
            = w.resultsView()->palette().color(QPalette::Active, QPalette::Highlight);
        QCOMPARE(QColor(shot.pixel(shot.width() / 2, 0)).rgb(), highlight.rgb());
        QCOMPARE(QColor(shot.pixel(0, shot.height() / 2)).rgb(), highlight.rgb());

        QTest::keyClick(w.resultsView(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), w.migrationsView()->filterEdit());
        QVERIFY(!ring->isVisible());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), w.resultsView());
    }

    // Tab goes round the whole window and comes back: no pane keeps it (an item view that
    // moves from cell to cell on Tab is a trap).
    void tabGoesRoundTheWindow()
    {
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(ResultsViewFixture::runToEnd(w, { m_fx.current(), m_fx.behind() }));
        QVERIFY(w.selectResult(u"behind"_s, Migrations)); // evidence rows in the panel
        QTRY_VERIFY(!w.remediationPanel()->articleView()->toPlainText().isEmpty());
        w.environmentsView()->setFocus();
        QList<QWidget *> visited;
        for (int i = 0; i < 80; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            if (now == w.environmentsView())
                break;
            QVERIFY2(visited.count(now) < 3,
                qPrintable(u"Tab stays in %1 (%2)"_s.arg(
                    QString::fromLatin1(now->metaObject()->className()), now->accessibleName())));
            visited << now;
        }
        QCOMPARE(QApplication::focusWidget(), w.environmentsView());
        QVERIFY(visited.contains(w.resultsView()));
        QVERIFY(visited.contains(w.migrationsView()->filterEdit()));
        QVERIFY(visited.contains(w.migrationsView()->table()));
        bool inPanel = false;
        for (QWidget *v : std::as_const(visited))
            inPanel = inPanel || w.remediationPanel()->isAncestorOf(v);
        QVERIFY(inPanel);
    }

    // Esc in a filter with text clears it and leaves the run alone; the next Esc cancels.
    void escapeClearsTheFilterBeforeItCancels()
    {
        SilentServer server; // keeps the run going for its connect timeout
        Environment slow = m_fx.pg().environment(u"slow"_s, m_fx.currentDatabase());
        slow.connection.port = QString::number(server.port());
        slow.timeouts.connectSec = 5;
        MainWindow w(m_fx.kb());
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments({ m_fx.current(), slow }, u"fixture"_s);
        w.runAll();
        QVERIFY(w.runner()->isRunning());
        QLineEdit *filter = w.migrationsView()->filterEdit();
        filter->setFocus();
        QTest::keyClicks(filter, u"2024"_s);
        QCOMPARE(filter->text(), u"2024"_s);
        QTest::keyClick(filter, Qt::Key_Escape);
        QCOMPARE(filter->text(), QString());
        QVERIFY(w.runner()->isRunning());
        QCOMPARE(finished.size(), 0);
        QTest::keyClick(filter, Qt::Key_Escape);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), true); // cancelled
    }
};

QTEST_MAIN(TestPgResultsViewKeyboard)
#include "tst_pg_resultsview_keyboard.moc"
