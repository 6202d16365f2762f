// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ResultsView's selection without a server: after a run the most interesting row is chosen
// (the worst root cause, then the migrations result with the most pending), only among the
// rows the environment filter shows, and never over a row the user chose. The table under
// the filter stays a valid model (QAbstractItemModelTester) while rows come and go.
// The table's reading, copying and keyboard: tst_pg_resultsview, tst_pg_resultsview_keyboard.
#include "resultsmodel.h"
#include "resultsproxymodel.h"
#include "resultsview.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;

CheckResult make(const QString &env, const QString &check, CheckStatus status, int pending = 0)
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = status;
    r.message = env + u' ' + check;
    if (pending > 0)
        r.evidence << qMakePair(u"PendingCount"_s, QVariant(pending));
    return r;
}

// A ResultsModel under the view's filter, as MainWindow sets them up: the proxy has its
// source before the view is made.
struct Models
{
    ResultsModel model;
    ResultsProxyModel proxy;
    Models() { proxy.setSourceModel(&model); }
};

struct Fixture : Models
{
    ResultsView view { &proxy };
    QAbstractItemModelTester modelTester { &model,
        QAbstractItemModelTester::FailureReportingMode::QtTest };
    QAbstractItemModelTester proxyTester { &proxy,
        QAbstractItemModelTester::FailureReportingMode::QtTest };

    Fixture()
    {
        model.setOrdering(
            { u"dev"_s, u"staging"_s, u"prod"_s }, { Connectivity, Migrations, Pool });
    }
    std::optional<CheckResult> current() const { return view.currentResult(); }
};

QString idOf(const std::optional<CheckResult> &r)
{
    return r ? r->environment + u'/' + r->checkId : u"(none)"_s;
}

} // namespace

class TestResultsView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A failed connection beats the checks it kept from running and every warning.
    void worstRootCauseFirst()
    {
        Fixture f;
        f.model.upsert(make(u"dev"_s, Migrations, CheckStatus::Warn, 9));
        f.model.upsert(make(u"prod"_s, Connectivity, CheckStatus::Fail));
        f.model.upsert(make(u"prod"_s, Migrations, CheckStatus::NotRun));
        f.model.upsert(make(u"prod"_s, Pool, CheckStatus::NotRun));
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"prod/check.postgres.connectivity"_s);
        QVERIFY(!f.view.hasUserSelection());
    }

    // Among equals: the preferred (migrations) result, the one with the most pending;
    // among equal migrations results the first in the model's order, whatever the sort.
    void migrationsWithTheMostPendingAmongEquals()
    {
        Fixture f;
        f.model.upsert(make(u"dev"_s, Pool, CheckStatus::Warn));
        f.model.upsert(make(u"dev"_s, Migrations, CheckStatus::Warn, 3));
        f.model.upsert(make(u"staging"_s, Migrations, CheckStatus::Warn, 7));
        f.model.upsert(make(u"prod"_s, Migrations, CheckStatus::Warn, 7));
        f.view.table()->sortByColumn(ResultsModel::EnvironmentColumn, Qt::DescendingOrder);
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"staging/check.postgres.migrations"_s);
        QVERIFY(f.view.table()->selectionModel()->isRowSelected(
            f.view.table()->currentIndex().row(), {}));
    }

    // Only what the environment filter shows is chosen from.
    void onlyTheRowsShown()
    {
        Fixture f;
        f.model.upsert(make(u"dev"_s, Pool, CheckStatus::Warn));
        f.model.upsert(make(u"prod"_s, Connectivity, CheckStatus::Fail));
        f.view.setEnvironment(u"dev"_s);
        QVERIFY(f.view.table()->isColumnHidden(ResultsModel::EnvironmentColumn));
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"dev/check.postgres.pool"_s);
        QVERIFY(!f.view.selectResult(u"prod"_s, Connectivity)); // hidden by the filter
        QVERIFY(!f.view.selectResult(u"nowhere"_s, Connectivity));
        QCOMPARE(idOf(f.current()), u"dev/check.postgres.pool"_s);
        f.view.setEnvironment(u"nobody"_s);
        QVERIFY(!f.view.currentResult());
        f.view.selectMostInteresting(Migrations); // nothing shown: nothing chosen
        QVERIFY(!f.view.currentResult());
    }

    // The automatic choice moves to a worse root cause on a later run; a user's choice,
    // by selectResult() or a click on the table, is never moved.
    void theUsersChoiceStays()
    {
        Fixture f;
        QSignalSpy changed(&f.view, &ResultsView::currentResultChanged);
        f.model.upsert(make(u"dev"_s, Pool, CheckStatus::Warn));
        f.model.upsert(make(u"prod"_s, Pool, CheckStatus::Pass));
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"dev/check.postgres.pool"_s);
        QCOMPARE(changed.size(), 1);
        f.model.upsert(make(u"prod"_s, Pool, CheckStatus::Fail));
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"prod/check.postgres.pool"_s); // automatic: moves
        QCOMPARE(changed.size(), 2);

        QVERIFY(f.view.selectResult(u"dev"_s, Pool));
        QVERIFY(f.view.hasUserSelection());
        QCOMPARE(changed.size(), 3);
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"dev/check.postgres.pool"_s);

        // A click is the user's choice too.
        Fixture g;
        g.model.upsert(make(u"dev"_s, Pool, CheckStatus::Pass));
        g.model.upsert(make(u"prod"_s, Pool, CheckStatus::Fail));
        g.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(g.current()), u"prod/check.postgres.pool"_s);
        g.view.resize(600, 300);
        g.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&g.view));
        QTableView *t = g.view.table();
        const QRect cell = t->visualRect(g.proxy.index(0, ResultsModel::MessageColumn));
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(idOf(g.current()), u"dev/check.postgres.pool"_s);
        QVERIFY(g.view.hasUserSelection());
        g.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(g.current()), u"dev/check.postgres.pool"_s);
    }

    // Rows replaced, removed and reset under the filter keep the view and proxy valid; a
    // model reset leaves no row current and the next choice is automatic again.
    void rowsComeAndGoUnderTheFilter()
    {
        Fixture f;
        f.model.upsert(make(u"dev"_s, Pool, CheckStatus::Warn));
        f.model.upsert(make(u"prod"_s, Pool, CheckStatus::Warn));
        QVERIFY(f.view.selectResult(u"prod"_s, Pool));
        f.view.setEnvironment(u"prod"_s);
        f.model.markStale({ u"prod"_s });
        f.model.upsert(make(u"prod"_s, Pool, CheckStatus::Pass));
        QCOMPARE(idOf(f.current()), u"prod/check.postgres.pool"_s);
        f.model.retainEnvironments({ u"dev"_s });
        QVERIFY(!f.current());
        f.view.setEnvironment({});
        f.model.clear();
        QCOMPARE(f.proxy.rowCount(), 0);
        QVERIFY(!f.view.hasUserSelection());
        f.model.upsert(make(u"dev"_s, Pool, CheckStatus::Fail));
        f.view.selectMostInteresting(Migrations);
        QCOMPARE(idOf(f.current()), u"dev/check.postgres.pool"_s);
        QVERIFY(!f.view.hasUserSelection());
    }

    // Every column but the message fits its contents; the message takes the rest.
    void fitColumns()
    {
        Fixture f;
        f.model.upsert(make(u"a-rather-long-environment-name"_s, Pool, CheckStatus::Warn));
        f.view.resize(900, 300);
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QHeaderView *h = f.view.table()->horizontalHeader();
        h->resizeSection(ResultsModel::EnvironmentColumn, 20);
        f.view.fitColumns();
        QVERIFY(f.view.fitPending()); // a column a turn: the UI thread never measures them all
        QTRY_VERIFY(!f.view.fitPending());
        const QAbstractItemView *table = f.view.table(); // QTableView hides it
        QVERIFY(h->sectionSize(ResultsModel::EnvironmentColumn)
            >= table->sizeHintForColumn(ResultsModel::EnvironmentColumn));
        QCOMPARE(h->sectionResizeMode(ResultsModel::MessageColumn), QHeaderView::Stretch);

        // A run that ends while one environment is chosen (its column hidden) fits that
        // column too: all environments shown again, the names are not cut.
        h->resizeSection(ResultsModel::EnvironmentColumn, 20);
        f.view.setEnvironment(u"a-rather-long-environment-name"_s);
        QVERIFY(f.view.table()->isColumnHidden(ResultsModel::EnvironmentColumn));
        f.view.fitColumns();
        QTRY_VERIFY(!f.view.fitPending());
        f.view.setEnvironment({});
        QVERIFY(!f.view.table()->isColumnHidden(ResultsModel::EnvironmentColumn));
        QVERIFY2(h->sectionSize(ResultsModel::EnvironmentColumn)
                >= table->sizeHintForColumn(ResultsModel::EnvironmentColumn),
            qPrintable(u"width %1, needs %2"_s.arg(h->sectionSize(ResultsModel::EnvironmentColumn))
                    .arg(table->sizeHintForColumn(ResultsModel::EnvironmentColumn))));
    }
};

QTEST_MAIN(TestResultsView)
#include "tst_resultsview.moc"
