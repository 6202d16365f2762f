// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "resultsmodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CheckResult make(const QString &env, const QString &check, CheckStatus status)
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = status;
    r.message = env + u' ' + check;
    return r;
}
} // namespace

class TestResultsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsConfiguredOrderWhateverTheArrivalOrder()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrdering({ u"dev"_s, u"prod"_s }, { u"a"_s, u"b"_s });
        model.upsert(make(u"prod"_s, u"b"_s, CheckStatus::Pass));
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Pass));
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Warn));
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        QCOMPARE(model.rowCount(), 4);
        QStringList order;
        for (int r = 0; r < model.rowCount(); ++r)
            order << model.index(r, ResultsModel::MessageColumn).data().toString();
        QCOMPARE(order, (QStringList { u"dev a"_s, u"dev b"_s, u"prod a"_s, u"prod b"_s }));
    }

    void upsertReplacesTheSameCheck()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Fail));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ResultsModel::StatusColumn).data().toString(),
            ResultsModel::statusText(CheckStatus::Fail));
    }

    // One check, several subjects (the migrations check's one result per history): a row
    // each, replaced by subject, and the Check column names the subject only then.
    void severalSubjectsOfOneCheck()
    {
        ResultsModel model;
        model.setOrdering({ u"dev"_s }, { u"a"_s, u"b"_s });
        CheckResult flyway = make(u"dev"_s, u"a"_s, CheckStatus::Fail);
        flyway.subject = u"flyway public.flyway_schema_history"_s;
        CheckResult ef = make(u"dev"_s, u"a"_s, CheckStatus::Pass);
        ef.subject = u"efcore public.__EFMigrationsHistory"_s;
        CheckResult alone = make(u"dev"_s, u"b"_s, CheckStatus::Pass);
        alone.subject = u"only one"_s;
        model.upsert(flyway);
        model.upsert(ef);
        model.upsert(alone);
        QCOMPARE(model.rowCount(), 3);
        flyway.status = CheckStatus::Pass;
        model.upsert(flyway); // replaces its own row only
        QCOMPARE(model.rowCount(), 3);
        const int fw = model.rowOf(u"dev"_s, u"a"_s, flyway.subject);
        QCOMPARE(model.resultAt(fw)->status, CheckStatus::Pass);
        QCOMPARE(model.index(0, ResultsModel::CheckColumn).data().toString(),
            u"a · efcore public.__EFMigrationsHistory"_s); // subjects sorted
        QCOMPARE(model.index(1, ResultsModel::CheckColumn).data().toString(),
            u"a · flyway public.flyway_schema_history"_s);
        QCOMPARE(model.index(2, ResultsModel::CheckColumn).data().toString(), u"b"_s);
    }

    void worstStatusPerEnvironment()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Warn));
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Error));
        model.upsert(make(u"prod"_s, u"b"_s, CheckStatus::NotRun));
        QCOMPARE(model.worstStatus(u"dev"_s), CheckStatus::Warn);
        QCOMPARE(model.worstStatus(u"prod"_s), CheckStatus::Error);
        model.upsert(
            make(u"prod"_s, u"c"_s, CheckStatus::Fail)); // a failed connection is the worst
        QCOMPARE(model.worstStatus(u"prod"_s), CheckStatus::Fail);
        QVERIFY(!model.worstStatus(u"none"_s).has_value());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.worstStatus(u"dev"_s).has_value());
    }

    // clear() is a model reset: views and proxies drop every row and index, and the model
    // fills again from empty; clearing an empty model changes nothing.
    void clearResetsTheModel()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear(); // empty already: no reset
        QCOMPARE(reset.size(), 0);
        model.setOrdering({ u"dev"_s, u"prod"_s }, { u"a"_s, u"b"_s });
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Fail));
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        const QPersistentModelIndex kept = model.index(1, ResultsModel::StatusColumn);
        QVERIFY(kept.isValid());
        model.clear();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(!kept.isValid());
        QVERIFY(!model.resultAt(0));
        QCOMPARE(model.rowOf(u"prod"_s, u"a"_s), -1);
        model.upsert(make(u"prod"_s, u"b"_s, CheckStatus::Warn));
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Pass)); // the ordering survives
        QCOMPARE(model.index(0, ResultsModel::EnvironmentColumn).data().toString(), u"dev"_s);
        QCOMPARE(proxy.rowCount(), 2);
    }

    // A run marks its environments' rows stale: they stay, greyed, with the time they were
    // checked, until each is replaced; what a completed run did not replace goes.
    void staleRowsStayUntilReplaced()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrdering({ u"dev"_s, u"prod"_s }, { u"a"_s, u"b"_s });
        CheckResult a = make(u"dev"_s, u"a"_s, CheckStatus::Pass);
        a.checkedAt = QDateTime(QDate(2026, 1, 2), QTime(14, 2, 11));
        model.upsert(a);
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Warn));
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Pass));
        const QBrush normal
            = model.index(0, ResultsModel::MessageColumn).data(Qt::ForegroundRole).value<QBrush>();

        model.markStale({ u"dev"_s });
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.index(0, 0).data(ResultsModel::StaleRole).toBool());
        QVERIFY(model.index(1, 0).data(ResultsModel::StaleRole).toBool());
        QVERIFY(!model.index(2, 0).data(ResultsModel::StaleRole).toBool());
        QCOMPARE(model.index(0, ResultsModel::CheckedColumn).data().toString(), u"14:02:11"_s);
        QVERIFY2(model.index(0, ResultsModel::MessageColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(u"Checked at 14:02:11"),
            qPrintable(
                model.index(0, ResultsModel::MessageColumn).data(Qt::ToolTipRole).toString()));
        const QBrush grey
            = model.index(0, ResultsModel::MessageColumn).data(Qt::ForegroundRole).value<QBrush>();
        QCOMPARE(
            grey.color(), QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        QVERIFY(grey != normal);
        QVERIFY(model.index(0, 0).data(Qt::FontRole).value<QFont>().italic());

        CheckResult fresh = make(u"dev"_s, u"a"_s, CheckStatus::Pass);
        fresh.checkedAt = QDateTime(QDate(2026, 1, 2), QTime(14, 7, 0));
        model.upsert(fresh);
        QVERIFY(!model.index(0, 0).data(ResultsModel::StaleRole).toBool());
        QCOMPARE(model.index(0, ResultsModel::CheckedColumn).data().toString(), u"14:07:00"_s);
        QVERIFY(model.index(1, 0).data(ResultsModel::StaleRole).toBool());

        model.finishRefresh(false);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(u"dev"_s, u"b"_s), -1);
    }

    // A cancelled run leaves the rows it did not replace, marked as not refreshed.
    void cancelledRefreshKeepsRowsAsNotRefreshed()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Fail));
        model.markStale({ u"dev"_s });
        model.finishRefresh(true);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, 0).data(ResultsModel::StaleRole).toBool());
        QVERIFY(model.index(0, 0).data(ResultsModel::NotRefreshedRole).toBool());
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"not refreshed"));
        QCOMPARE(model.worstStatus(u"dev"_s), CheckStatus::Fail); // the badge keeps it too
        model.markStale({ u"dev"_s }); // the next run: on its way again
        QVERIFY(!model.index(0, 0).data(ResultsModel::NotRefreshedRole).toBool());
    }

    // "Changed since the last run" lasts one run: it compares with the result replaced.
    void changedSinceTheLastRun()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        QVERIFY(!model.index(0, 0).data(ResultsModel::ChangedRole).toBool());
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Fail));
        QVERIFY(model.index(0, 0).data(ResultsModel::ChangedRole).toBool());
        QCOMPARE(model.index(0, 0).data(ResultsModel::PreviousStatusRole).toInt(),
            int(CheckStatus::Pass));
        QVERIFY(model.index(0, ResultsModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"was Pass, now Fail"));
        QVERIFY(model.index(0, ResultsModel::StatusColumn)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(u"changed from Pass"));
        // The icon differs from an unchanged one (the marker is drawn).
        const QImage changed = model.index(0, ResultsModel::StatusColumn)
                                   .data(Qt::DecorationRole)
                                   .value<QIcon>()
                                   .pixmap(16, 16)
                                   .toImage();
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Fail));
        QVERIFY(!model.index(0, 0).data(ResultsModel::ChangedRole).toBool());
        QVERIFY(model.index(0, 0).data(ResultsModel::PreviousStatusRole).isNull());
        const QImage same = model.index(0, ResultsModel::StatusColumn)
                                .data(Qt::DecorationRole)
                                .value<QIcon>()
                                .pixmap(16, 16)
                                .toImage();
        QVERIFY(changed != same);
    }

    // The Status column sorts by Status::rank (worst last ascending), not alphabetically;
    // Duration sorts by number.
    void statusSortsByRankAndDurationByNumber()
    {
        ResultsModel model;
        const QList<CheckStatus> statuses { CheckStatus::Error, CheckStatus::Pass,
            CheckStatus::Fail, CheckStatus::NotRun, CheckStatus::Skipped, CheckStatus::Warn };
        const QList<qint64> durations { 100, 9, 1000, 10, 2, 30 };
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            CheckResult r = make(u"dev"_s, QString::number(i), statuses[i]);
            r.durationMs = durations[i];
            model.upsert(r);
        }
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(ResultsModel::SortRole);
        proxy.sort(ResultsModel::StatusColumn, Qt::DescendingOrder);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order << proxy.index(r, ResultsModel::StatusColumn).data().toString();
        QCOMPARE(order,
            (QStringList {
                u"Fail"_s, u"Error"_s, u"Not run"_s, u"Warning"_s, u"Pass"_s, u"Skipped"_s }));
        proxy.sort(ResultsModel::DurationColumn, Qt::AscendingOrder);
        QList<qint64> ms;
        for (int r = 0; r < proxy.rowCount(); ++r)
            ms << proxy.index(r, 0).data(ResultsModel::ResultRole).value<CheckResult>().durationMs;
        QCOMPARE(ms, (QList<qint64> { 2, 9, 10, 30, 100, 1000 }));
    }

    // Reopening a file with environments renamed or reordered: rows of the ones gone go,
    // the others are re-sorted and a persistent index (the view's selection) follows its row.
    void retainAndReorderKeepPersistentIndexes()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrdering({ u"dev"_s, u"prod"_s, u"old"_s }, { u"a"_s });
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Fail));
        model.upsert(make(u"old"_s, u"a"_s, CheckStatus::Warn));
        const QPersistentModelIndex prod = model.index(1, ResultsModel::MessageColumn);
        model.retainEnvironments({ u"prod"_s, u"dev"_s });
        QCOMPARE(model.rowCount(), 2);
        model.setOrdering({ u"prod"_s, u"dev"_s }, { u"a"_s });
        QCOMPARE(model.index(0, ResultsModel::MessageColumn).data().toString(), u"prod a"_s);
        QVERIFY(prod.isValid());
        QCOMPARE(prod.row(), 0);
        QCOMPARE(prod.data().toString(), u"prod a"_s);
    }

    void notRunReadsAsSuch()
    {
        ResultsModel model;
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::NotRun));
        QCOMPARE(model.index(0, ResultsModel::StatusColumn).data().toString(), u"Not run"_s);
        // Greyed like a stale row: its root cause is another row.
        QCOMPARE(model.index(0, ResultsModel::MessageColumn)
                     .data(Qt::ForegroundRole)
                     .value<QBrush>()
                     .color(),
            QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Fail));
        QCOMPARE(model.worstStatus(u"dev"_s), CheckStatus::Fail);
    }

    void resultRoleCarriesTheValue()
    {
        ResultsModel model;
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Warn));
        const auto r = model.index(0, 0).data(ResultsModel::ResultRole).value<CheckResult>();
        QCOMPARE(r.checkId, u"a"_s);
        QCOMPARE(r.status, CheckStatus::Warn);
    }
};

QTEST_MAIN(TestResultsModel) // icons are painted: QGuiApplication
#include "tst_resultsmodel.moc"
