// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The results table's Since column (issue 18): how long a non-passing result has been in
// its status, from the run history's status spans (HistoryStore::currentSpans).
#include "resultsmodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QDateTime Checked(QDate(2026, 11, 30), QTime(14, 2, 11), QTimeZone::UTC);

CheckResult make(const QString &check, CheckStatus status, const QString &subject = {})
{
    CheckResult r;
    r.environment = u"prod"_s;
    r.checkId = check;
    r.subject = subject;
    r.status = status;
    r.checkedAt = Checked;
    return r;
}

StatusSpan span(
    const QString &check, CheckStatus status, qint64 secondsBefore, const QString &subject = {})
{
    return StatusSpan { u"prod"_s, check, subject, status, Checked.addSecs(-secondsBefore),
        Checked };
}

QString since(const ResultsModel &model, const QString &check, const QString &subject = {})
{
    return model.index(model.rowOf(u"prod"_s, check, subject), ResultsModel::SinceColumn)
        .data()
        .toString();
}
} // namespace

class TestResultsModelSince : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnIsTheFourth()
    {
        ResultsModel model;
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(
            model.headerData(ResultsModel::SinceColumn, Qt::Horizontal).toString(), u"Since"_s);
        QCOMPARE(int(ResultsModel::SinceColumn), int(ResultsModel::StatusColumn) + 1);
    }

    void textInWholeUnits_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("0 s") << qint64(0) << u"now"_s;
        QTest::newRow("59 s") << qint64(59) << u"now"_s;
        QTest::newRow("1 min") << qint64(60) << u"1 min"_s;
        QTest::newRow("12 min") << qint64(12 * 60 + 59) << u"12 min"_s;
        QTest::newRow("59 min") << qint64(3599) << u"59 min"_s;
        QTest::newRow("1 h") << qint64(3600) << u"1 h"_s;
        QTest::newRow("23 h") << qint64(86399) << u"23 h"_s;
        QTest::newRow("1 d") << qint64(86400) << u"1 d"_s;
        QTest::newRow("400 d") << qint64(400) * 86400 << u"400 d"_s;
    }
    void textInWholeUnits()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(ResultsModel::sinceText(seconds), text);
    }

    // Each failing row shows its own span's age up to its check; a passing or skipped row, a row
    // without a span, one whose span is of another status (recorded before this result) and
    // one of another subject show nothing.
    void showsHowLongEachNonPassingResultHasBeenSo()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString history = u"public.__EFMigrationsHistory"_s;
        model.upsert(make(u"fail"_s, CheckStatus::Fail));
        model.upsert(make(u"warn"_s, CheckStatus::Warn));
        model.upsert(make(u"error"_s, CheckStatus::Error));
        model.upsert(make(u"pass"_s, CheckStatus::Pass));
        model.upsert(make(u"skipped"_s, CheckStatus::Skipped));
        model.upsert(make(u"notrun"_s, CheckStatus::NotRun));
        model.upsert(make(u"nospan"_s, CheckStatus::Fail));
        model.upsert(make(u"changed"_s, CheckStatus::Fail));
        model.upsert(make(u"migrations"_s, CheckStatus::Warn, history));
        model.upsert(make(u"migrations"_s, CheckStatus::Warn, u"flyway_schema_history"_s));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSpans({ span(u"fail"_s, CheckStatus::Fail, 3 * 86400 + 2 * 3600),
            span(u"warn"_s, CheckStatus::Warn, 5 * 3600 + 10 * 60),
            span(u"error"_s, CheckStatus::Error, 12 * 60 + 5),
            span(u"pass"_s, CheckStatus::Pass, 9 * 86400),
            span(u"skipped"_s, CheckStatus::Skipped, 9 * 86400),
            span(u"notrun"_s, CheckStatus::NotRun, 2 * 3600),
            span(u"changed"_s, CheckStatus::Warn, 86400),
            span(u"migrations"_s, CheckStatus::Warn, 2 * 86400, history) });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().column(), int(ResultsModel::SinceColumn));
        QCOMPARE(changed[0][1].toModelIndex().column(), int(ResultsModel::SinceColumn));
        QCOMPARE(changed[0][1].toModelIndex().row(), model.rowCount() - 1);

        QCOMPARE(since(model, u"fail"_s), u"3 d"_s);
        QCOMPARE(since(model, u"warn"_s), u"5 h"_s);
        QCOMPARE(since(model, u"error"_s), u"12 min"_s);
        QCOMPARE(since(model, u"pass"_s), QString());
        QCOMPARE(since(model, u"skipped"_s), QString()); // not applicable: no trouble
        QCOMPARE(since(model, u"notrun"_s), u"2 h"_s);
        QCOMPARE(since(model, u"nospan"_s), QString());
        QCOMPARE(since(model, u"changed"_s), QString());
        QCOMPARE(since(model, u"migrations"_s, history), u"2 d"_s);
        QCOMPARE(since(model, u"migrations"_s, u"flyway_schema_history"_s), QString());
        QVERIFY(!model.sinceSpan(model.rowOf(u"prod"_s, u"pass"_s)));
        QVERIFY(model.sinceSpan(model.rowOf(u"prod"_s, u"fail"_s)));

        // A new set replaces the last one.
        model.setSpans({ span(u"nospan"_s, CheckStatus::Fail, 90) });
        QCOMPARE(since(model, u"fail"_s), QString());
        QCOMPARE(since(model, u"nospan"_s), u"1 min"_s);
    }

    // The tooltip gives the exact first time, in local time, with seconds.
    void toolTipHasTheFirstTime()
    {
        ResultsModel model;
        model.upsert(make(u"fail"_s, CheckStatus::Fail));
        model.setSpans({ span(u"fail"_s, CheckStatus::Fail, 3 * 86400 + 7) });
        const QString tip
            = model.index(0, ResultsModel::SinceColumn).data(Qt::ToolTipRole).toString();
        const QString first = QLocale().toString(
            Checked.addSecs(-(3 * 86400 + 7)).toLocalTime(), u"ddd d MMM yyyy HH:mm:ss"_s);
        QVERIFY2(tip.contains(u"Fail since "_s + first), qPrintable(tip));
        QVERIFY(model.index(0, ResultsModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .indexOf(u"since"_s)
            < 0);
    }

    // Sorting by the column orders by seconds; rows showing nothing sort first ascending.
    void sortsBySeconds()
    {
        ResultsModel model;
        model.upsert(make(u"a"_s, CheckStatus::Fail));
        model.upsert(make(u"b"_s, CheckStatus::Fail));
        model.upsert(make(u"c"_s, CheckStatus::Fail));
        model.upsert(make(u"d"_s, CheckStatus::Pass));
        model.setSpans({ span(u"a"_s, CheckStatus::Fail, 2 * 86400),
            span(u"b"_s, CheckStatus::Fail, 300), span(u"c"_s, CheckStatus::Fail, 5 * 3600) });
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(ResultsModel::SortRole);
        proxy.sort(ResultsModel::SinceColumn, Qt::AscendingOrder);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order << proxy.index(r, ResultsModel::SinceColumn).data().toString();
        QCOMPARE(order, (QStringList { QString(), u"5 min"_s, u"5 h"_s, u"2 d"_s }));
    }
};

QTEST_MAIN(TestResultsModelSince) // the tester asks for icons and palette colours
#include "tst_resultsmodel_since.moc"
