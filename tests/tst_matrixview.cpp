// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Matrix view (issue 18) with real widgets: "Only rows that differ" on by default and
// remembered, the filter box, the matrix following the results, tooltips with first seen,
// headers fitted; in the dashboard, a clicked cell selects that environment, its result of
// that history (the remediation panel shows it) and the migration.
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "matrixdifferencefilter.h"
#include "matrixview.h"
#include "migrationmatrixmodel.h"
#include "migrationsview.h"
#include "postgres/migrationscheck.h"
#include "remediationpanel.h"
#include "resultsmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

using namespace Qt::StringLiterals;
using State = MigrationEntry::State;

namespace {

const QString Ef = u"public.__EFMigrationsHistory"_s;
const QString Flyway = u"public.flyway_schema_history"_s;

CheckResult migrations(const QString &env, const QString &tool, const QString &history,
    const QList<std::pair<QString, State>> &ids)
{
    QList<MigrationEntry> entries;
    int position = 0;
    bool pending = false;
    for (const auto &[id, state] : ids) {
        entries << MigrationEntry { id, {}, state, ++position, tool, history, {}, {} };
        pending = pending || state == State::Pending;
    }
    CheckResult r;
    r.environment = env;
    r.checkId = MigrationsCheck::Id;
    r.subject = tool + u' ' + history;
    r.status = pending ? CheckStatus::Warn : CheckStatus::Pass;
    r.message = u"%1 migrations"_s.arg(ids.size());
    r.details = QVariant::fromValue(entries);
    r.generation = 1;
    return r;
}

// dev is ahead of staging by one EF Core migration and of prod by two; Flyway's "2" is
// pending in prod only.
QList<CheckResult> threeEnvironments()
{
    const auto ef = [](int applied) {
        QList<std::pair<QString, State>> out;
        for (int i = 1; i <= 5; ++i)
            out << std::pair { u"2026110%1_Step%1"_s.arg(i),
                i <= applied ? State::Applied : State::Pending };
        return out;
    };
    const QList<std::pair<QString, State>> flyway { { u"1"_s, State::Applied },
        { u"2"_s, State::Applied } };
    return { migrations(u"dev"_s, u"efcore"_s, Ef, ef(5)),
        migrations(u"staging"_s, u"efcore"_s, Ef, ef(4)),
        migrations(u"prod"_s, u"efcore"_s, Ef, ef(3)),
        migrations(u"dev"_s, u"flyway"_s, Flyway, flyway),
        migrations(u"staging"_s, u"flyway"_s, Flyway, flyway),
        migrations(u"prod"_s, u"flyway"_s, Flyway,
            { { u"1"_s, State::Applied }, { u"2"_s, State::Pending } }) };
}

Environment unconfigured(const QString &name)
{
    Environment e;
    e.name = name;
    e.connection.host = u"127.0.0.1"_s;
    e.connection.port = u"1"_s;
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    e.configurationError = u"no connection configured (test)"_s;
    return e;
}

QList<Environment> environments()
{
    return { unconfigured(u"dev"_s), unconfigured(u"staging"_s), unconfigured(u"prod"_s) };
}

QStringList shownIds(const MatrixView &view)
{
    QStringList ids;
    const QAbstractItemModel *m = view.table()->model();
    for (int row = 0; row < m->rowCount(); ++row)
        ids << m->index(row, MigrationMatrixModel::MigrationColumn).data().toString();
    return ids;
}

// The view's index of (migration id, environment column).
QModelIndex cellOf(const MatrixView &view, const QString &id, int environment)
{
    const QAbstractItemModel *m = view.table()->model();
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex i
            = m->index(row, MigrationMatrixModel::FirstEnvironmentColumn + environment);
        if (i.data(MigrationMatrixModel::MigrationIdRole).toString() == id)
            return i;
    }
    return {};
}

} // namespace

class TestMatrixView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        m_kb.load();
    }

    void init() { QSettings().remove(MatrixView::onlyDifferingKey()); }

    void onlyDifferingRowsByDefaultAndRemembered()
    {
        ResultsModel results;
        EnvironmentsModel envs;
        envs.setEnvironments(environments());
        MatrixView view;
        view.resize(800, 400);
        view.setSource(&results, &envs);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.table()->model()->rowCount(), 0);
        for (const CheckResult &r : threeEnvironments())
            results.upsert(r);
        // The results arrived: the matrix follows them.
        QTRY_COMPARE(view.model()->rowCount(), 7);
        QVERIFY(view.onlyDifferingBox()->isChecked());
        QCOMPARE(shownIds(view), QStringList({ u"20261104_Step4"_s, u"20261105_Step5"_s, u"2"_s }));
        QVERIFY2(view.summaryText().contains(u"3 of 7"_s), qPrintable(view.summaryText()));
        // Two histories: the History column tells the rows apart.
        QVERIFY(!view.table()->isColumnHidden(MigrationMatrixModel::HistoryColumn));

        view.onlyDifferingBox()->click();
        QCOMPARE(view.table()->model()->rowCount(), 7);
        QCOMPARE(QSettings().value(MatrixView::onlyDifferingKey()).toBool(), false);
        MatrixView again;
        QVERIFY(!again.onlyDifferingBox()->isChecked());
        QVERIFY(!again.filterModel()->onlyDiffering());

        QTest::keyClicks(view.filterEdit(), u"step"_s);
        QCOMPARE(shownIds(view).size(), 5);
        view.onlyDifferingBox()->click();
        QCOMPARE(shownIds(view), QStringList({ u"20261104_Step4"_s, u"20261105_Step5"_s }));
        QVERIFY2(view.summaryText().contains(u"2 shown"_s), qPrintable(view.summaryText()));
        QTest::keyClick(view.filterEdit(), Qt::Key_Escape); // clears
        QCOMPARE(shownIds(view).size(), 3);
        // The legend names the states the matrix shows, and only those.
        QVERIFY(view.legend()->text().contains(u"pending"_s));
        QVERIFY(view.legend()->text().contains(u"applied"_s));
        QVERIFY(!view.legend()->text().contains(u"failed"_s));
    }

    void headersFitAndCarryTheWorstStatus()
    {
        ResultsModel results;
        EnvironmentsModel envs;
        QList<Environment> list = environments();
        list[2].name = u"production-eu-west-with-a-long-name"_s;
        envs.setEnvironments(list);
        QList<CheckResult> all = threeEnvironments();
        for (CheckResult &r : all) {
            if (r.environment == u"prod"_s)
                r.environment = list[2].name;
            results.upsert(r);
        }
        MatrixView view;
        view.setSource(&results, &envs);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int column = MigrationMatrixModel::FirstEnvironmentColumn + 2;
        const QHeaderView *header = view.table()->horizontalHeader();
        const int needed = header->fontMetrics().horizontalAdvance(list[2].name)
            + view.table()->iconSize().width();
        QVERIFY2(view.table()->columnWidth(column) > needed,
            qPrintable(u"%1 <= %2"_s.arg(view.table()->columnWidth(column)).arg(needed)));
        QVERIFY(!view.model()->headerData(column, Qt::Horizontal, Qt::DecorationRole).isNull());
        QVERIFY(view.model()
                ->headerData(column, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(u"warn"_s));
    }

    void tooltipShowsFirstSeen()
    {
        ResultsModel results;
        EnvironmentsModel envs;
        envs.setEnvironments(environments());
        for (const CheckResult &r : threeEnvironments())
            results.upsert(r);
        MatrixView view;
        view.resize(900, 400);
        view.setSource(&results, &envs);
        const QDateTime seen(QDate(2026, 11, 28), QTime(9, 30, 0), QTimeZone::UTC);
        MigrationSighting s;
        s.environment = u"prod"_s;
        s.tool = u"efcore"_s;
        s.history = Ef;
        s.migrationId = u"20261104_Step4"_s;
        s.state = State::Pending;
        s.firstSeen = seen;
        s.lastSeen = seen.addDays(2);
        s.current = true;
        view.setSightings({ s });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex cell = cellOf(view, u"20261104_Step4"_s, 2);
        QVERIFY(cell.isValid());
        const QRect rect = view.table()->visualRect(cell);
        QVERIFY(!rect.isEmpty());
        QHelpEvent help(
            QEvent::ToolTip, rect.center(), view.table()->viewport()->mapToGlobal(rect.center()));
        QCoreApplication::sendEvent(view.table()->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(seen.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)), qPrintable(tip));
        QVERIFY(tip.contains(u"prod"_s));
        QVERIFY(tip.contains(u"Pending"_s));
        QToolTip::hideText();
    }

    void hiddenViewRebuildsWhenShown()
    {
        ResultsModel results;
        EnvironmentsModel envs;
        envs.setEnvironments(environments());
        MatrixView view;
        view.setSource(&results, &envs);
        for (const CheckResult &r : threeEnvironments())
            results.upsert(r);
        QTest::qWait(300); // past the rebuild delay: hidden, nothing is built
        QCOMPARE(view.model()->rowCount(), 0);
        view.show();
        QTRY_COMPARE(view.model()->rowCount(), 7);
    }

    void clickSelectsEnvironmentResultAndMigration()
    {
        MainWindow w(m_kb);
        w.setEnvironments(environments(), u"test"_s);
        for (const CheckResult &r : threeEnvironments())
            w.resultsModel()->upsert(r);
        w.resize(1500, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.showMatrixAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
        w.showMatrixAction()->trigger();
        QCOMPARE(w.lowerTabs()->currentWidget(), static_cast<QWidget *>(w.matrixView()));
        MatrixView *view = w.matrixView();
        QTRY_COMPARE(view->table()->model()->rowCount(), 3);

        // Flyway's "2" in prod: the flyway result, not the environment's first (EF Core's).
        const QModelIndex cell = cellOf(*view, u"2"_s, 2);
        QVERIFY(cell.isValid());
        QCOMPARE(cell.data().toString(), u"pending"_s);
        view->table()->scrollTo(cell);
        QTest::mouseClick(view->table()->viewport(), Qt::LeftButton, {},
            view->table()->visualRect(cell).center());
        const QModelIndex env = w.environmentsView()->currentIndex();
        QCOMPARE(env.data(EnvironmentsModel::EnvironmentNameRole).toString(), u"prod"_s);
        const auto shown
            = w.resultsView()->currentIndex().data(ResultsModel::ResultRole).value<CheckResult>();
        QCOMPARE(shown.environment, u"prod"_s);
        QCOMPARE(shown.subject, u"flyway "_s + Flyway);
        QCOMPARE(w.remediationPanel()->checkId(), MigrationsCheck::Id);
        QTRY_VERIFY(w.migrationsView()->currentMigration().has_value());
        QCOMPARE(w.migrationsView()->currentMigration()->id, u"2"_s);
        QCOMPARE(w.migrationsView()->currentMigration()->tool, u"flyway"_s);
        // The matrix stays in view.
        QCOMPARE(w.lowerTabs()->currentWidget(), static_cast<QWidget *>(view));

        // staging's EF Core Step5 (pending there).
        const QModelIndex staging = cellOf(*view, u"20261105_Step5"_s, 1);
        QTest::mouseClick(view->table()->viewport(), Qt::LeftButton, {},
            view->table()->visualRect(staging).center());
        QCOMPARE(w.environmentsView()
                     ->currentIndex()
                     .data(EnvironmentsModel::EnvironmentNameRole)
                     .toString(),
            u"staging"_s);
        QTRY_COMPARE(w.migrationsView()->currentMigration().value_or(MigrationEntry()).id,
            u"20261105_Step5"_s);
    }
};

QTEST_MAIN(TestMatrixView)
#include "tst_matrixview.moc"
