// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The results table's proxy: environment filter, sorting by rank and by number, the
// Status cell's colour and the summary line's counts (issue 12 item 5).
#include "resultsmodel.h"
#include "resultsproxymodel.h"
#include "statusicons.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CheckResult make(const QString &env, const QString &check, CheckStatus status, qint64 ms,
    const QTime &at = QTime(14, 2, 5))
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = status;
    r.durationMs = ms;
    r.message = env + u' ' + check;
    r.checkedAt = QDateTime(QDate::currentDate(), at);
    return r;
}

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

// WCAG 2 contrast ratio, as the proxy computes it.
double contrast(const QColor &a, const QColor &b)
{
    auto lum = [](const QColor &c) {
        auto ch = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double la = lum(a), lb = lum(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}
} // namespace

class TestResultsProxyModel : public QObject
{
    Q_OBJECT
private:
    ResultsModel m_model;
    ResultsProxyModel m_proxy;

private Q_SLOTS:
    void init()
    {
        m_model.clear();
        m_model.setOrdering({ u"a"_s, u"b"_s }, { u"c1"_s, u"c2"_s, u"c3"_s });
        m_model.upsert(make(u"a"_s, u"c1"_s, CheckStatus::Pass, 9));
        m_model.upsert(make(u"a"_s, u"c2"_s, CheckStatus::Warn, 10));
        m_model.upsert(make(u"a"_s, u"c3"_s, CheckStatus::Pass, 100, QTime(14, 5, 1)));
        m_model.upsert(make(u"b"_s, u"c1"_s, CheckStatus::Fail, 2));
        m_model.upsert(make(u"b"_s, u"c2"_s, CheckStatus::NotRun, 2));
        m_model.upsert(make(u"b"_s, u"c3"_s, CheckStatus::Error, 1000));
        m_proxy.setSourceModel(&m_model);
        m_proxy.setEnvironment({});
        m_proxy.sort(-1);
    }

    // The environment filter under QAbstractItemModelTester while the filter changes and
    // the model below it gains, changes, loses and resets rows.
    void modelTester()
    {
        QAbstractItemModelTester tester(
            &m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sourceTester(
            &m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxy.setEnvironment(u"b"_s);
        m_proxy.sort(ResultsModel::StatusColumn, Qt::DescendingOrder);
        m_model.upsert(make(u"b"_s, u"c1"_s, CheckStatus::Pass, 3)); // changed, re-sorted
        m_model.upsert(make(u"b"_s, u"c4"_s, CheckStatus::Warn, 3)); // inserted, shown
        m_model.upsert(make(u"a"_s, u"c4"_s, CheckStatus::Warn, 3)); // inserted, filtered out
        QCOMPARE(m_proxy.rowCount(), 4);
        m_model.markStale({ u"a"_s, u"b"_s });
        m_model.upsert(make(u"b"_s, u"c2"_s, CheckStatus::Pass, 3));
        m_model.finishRefresh(false); // the stale rows go
        QCOMPARE(m_proxy.rowCount(), 1);
        m_proxy.setEnvironment({});
        QCOMPARE(m_proxy.rowCount(), 1);
        m_model.clear();
        QCOMPARE(m_proxy.rowCount(), 0);
        m_proxy.setEnvironment(u"a"_s);
        m_model.upsert(make(u"a"_s, u"c1"_s, CheckStatus::Fail, 3));
        m_model.upsert(make(u"b"_s, u"c1"_s, CheckStatus::Fail, 3));
        QCOMPARE(m_proxy.rowCount(), 1);
        m_proxy.sort(-1);
        m_model.retainEnvironments({ u"b"_s });
        QCOMPARE(m_proxy.rowCount(), 0);
        m_proxy.setEnvironment({});
        QCOMPARE(m_proxy.rowCount(), 1);
    }

    // Worst first: Fail, Error, Not run, Warn, Pass (Status::rank), not the alphabet.
    void statusSortsByRank()
    {
        m_proxy.sort(ResultsModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(column(m_proxy, ResultsModel::StatusColumn),
            (QStringList {
                u"Fail"_s, u"Error"_s, u"Not run"_s, u"Warning"_s, u"Pass"_s, u"Pass"_s }));
        m_proxy.sort(ResultsModel::StatusColumn, Qt::AscendingOrder);
        QCOMPARE(column(m_proxy, ResultsModel::StatusColumn).first(), u"Pass"_s);
        QCOMPARE(column(m_proxy, ResultsModel::StatusColumn).last(), u"Fail"_s);
    }

    // 2 < 9 < 10 < 100 < 1000 ms; as text "10 ms" would come before "2 ms".
    void durationSortsByNumber()
    {
        m_proxy.sort(ResultsModel::DurationColumn, Qt::AscendingOrder);
        QStringList ms = column(m_proxy, ResultsModel::DurationColumn);
        for (QString &m : ms)
            m.remove(QLocale().groupSeparator());
        QCOMPARE(ms,
            (QStringList {
                u"2 ms"_s, u"2 ms"_s, u"9 ms"_s, u"10 ms"_s, u"100 ms"_s, u"1000 ms"_s }));
    }

    // The table shows the id without the "check." all ids share; the tooltip has it all.
    void checkColumnShortened()
    {
        m_model.upsert(make(u"a"_s, u"check.postgres.pool"_s, CheckStatus::Pass, 1));
        const QModelIndex pool = m_proxy.mapFromSource(m_model.index(
            m_model.rowOf(u"a"_s, u"check.postgres.pool"_s), ResultsModel::CheckColumn));
        QCOMPARE(pool.data().toString(), u"postgres.pool"_s);
        QCOMPARE(pool.data(Qt::ToolTipRole).toString(), u"check.postgres.pool"_s);
        QCOMPARE(pool.data(ResultsModel::ResultRole).value<CheckResult>().checkId,
            u"check.postgres.pool"_s);
        m_model.markStale({ u"a"_s });
        QVERIFY(pool.data(Qt::ToolTipRole)
                .toString()
                .startsWith(u"check.postgres.pool\nChecked at "_s));
        QCOMPARE(m_proxy.index(0, ResultsModel::CheckColumn).data().toString(),
            u"c1"_s); // no prefix: as is
    }

    void environmentFilter()
    {
        m_proxy.setEnvironment(u"a"_s);
        QCOMPARE(m_proxy.rowCount(), 3);
        QCOMPARE(column(m_proxy, ResultsModel::EnvironmentColumn), (QStringList(3, u"a"_s)));
        m_proxy.setEnvironment({});
        QCOMPARE(m_proxy.rowCount(), 6);
    }

    // Counts worst first, of the rows shown, and when they were checked.
    void summaryCounts()
    {
        QCOMPARE(m_proxy.summary(),
            u"1 fail · 1 error · 1 not run · 1 warn · 2 pass, checked 14:02–14:05"_s);
        m_proxy.setEnvironment(u"b"_s);
        QCOMPARE(m_proxy.summary(), u"1 fail · 1 error · 1 not run, checked 14:02"_s);
        m_model.markStale({ u"b"_s });
        QCOMPARE(
            m_proxy.summary(), u"1 fail · 1 error · 1 not run · 3 refreshing, checked 14:02"_s);
        m_model.finishRefresh(true);
        QCOMPARE(
            m_proxy.summary(), u"1 fail · 1 error · 1 not run · 3 not refreshed, checked 14:02"_s);
        m_proxy.setEnvironment(u"nobody"_s);
        QCOMPARE(m_proxy.summary(), QString());
    }

    // The Status cell is in its status's colour, dark enough to read on the base; the
    // greyed rows (not run, from an earlier run) stay grey.
    void statusColourReadable()
    {
        const QColor base = QGuiApplication::palette().color(QPalette::Base);
        for (int row = 0; row < m_proxy.rowCount(); ++row) {
            const QModelIndex status = m_proxy.index(row, ResultsModel::StatusColumn);
            const auto r = status.data(ResultsModel::ResultRole).value<CheckResult>();
            const QColor fg = status.data(Qt::ForegroundRole).value<QBrush>().color();
            if (r.status == CheckStatus::NotRun) {
                QCOMPARE(fg, QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
                continue;
            }
            QVERIFY2(
                contrast(fg, base) >= 4.5, qPrintable(Status::key(r.status) + u' ' + fg.name()));
            // Still recognisably the status's hue: red stays red, green stays green.
            const QColor badge = StatusIcons::colour(r.status);
            QVERIFY2(qAbs(fg.hslHue() - badge.hslHue()) <= 10 || badge.hslSaturation() < 30,
                qPrintable(Status::key(r.status) + u' ' + fg.name() + u" vs " + badge.name()));
            // Other columns keep the palette's text colour.
            QVERIFY(!m_proxy.index(row, ResultsModel::MessageColumn)
                    .data(Qt::ForegroundRole)
                    .isValid());
        }
    }
};

QTEST_MAIN(TestResultsProxyModel)
#include "tst_resultsproxymodel.moc"
