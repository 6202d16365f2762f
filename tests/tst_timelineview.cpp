// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Timeline tab (issue 18) on real widgets, offscreen, from a real SQLite store holding
// three runs: a band per status with the run-to-run spans, the migrations check's pending
// count as a line of one point per run, a marker per run for other checks, hover texts
// with the run's time and message, a note without history, and the chart's colours from a
// light or dark palette.
#include "appearance.h"
#include "history/historystore.h"
#include "isolatedhome.h"
#include "resultsmodel.h"
#include "statusicons.h"
#include "timelineview.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace {
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;
const QString Subject = u"efcore public.__EFMigrationsHistory"_s;
const QDateTime T0(QDate(2026, 11, 27), QTime(10, 0), QTimeZone::UTC);
const QList<QDateTime> Runs { T0, T0.addDays(1), T0.addDays(3) };

CheckResult result(const QString &check, CheckStatus status, const QString &message,
    const QDateTime &at, int pending = -1)
{
    CheckResult r;
    r.environment = u"staging"_s;
    r.checkId = check;
    r.subject = pending >= 0 ? Subject : QString();
    r.status = status;
    r.message = message;
    if (pending >= 0)
        r.evidence = { { u"PendingCount"_s, pending } };
    r.checkedAt = at;
    return r;
}

QList<qreal> ys(const QXYSeries *series)
{
    QList<qreal> values;
    for (const QPointF &p : series->points())
        values << p.y();
    return values;
}
} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        // Three runs: the migrations check 3 pending, 2 pending (one applied between), none;
        // the pool check pass, fail, pass.
        HistoryStore store;
        QVERIFY2(store.open(m_home.filePath(u"h.sqlite"_s)), qPrintable(store.errorString()));
        const QList<int> pending { 3, 2, 0 };
        const QList<CheckStatus> pool { CheckStatus::Pass, CheckStatus::Fail, CheckStatus::Pass };
        for (int i = 0; i < 3; ++i) {
            HistoryRun run;
            run.startedAt = Runs[i];
            run.finishedAt = Runs[i].addSecs(3);
            run.origin = u"dashboard"_s;
            run.environments = { u"staging"_s };
            const CheckStatus migrations = pending[i] ? CheckStatus::Warn : CheckStatus::Pass;
            QVERIFY2(store.record(run,
                         { result(Migrations, migrations,
                               u"%1 migrations pending"_s.arg(pending[i]), Runs[i], pending[i]),
                             result(Pool, pool[i], u"pool run %1"_s.arg(i), Runs[i]) }),
                qPrintable(store.errorString()));
        }
        m_migrations = store.timeline(u"staging"_s, Migrations, Subject);
        m_pool = store.timeline(u"staging"_s, Pool, {});
        QCOMPARE(m_migrations.size(), 3);
        QCOMPARE(m_pool.size(), 3);
    }

    void migrationsBandsAndPendingLine()
    {
        TimelineView view;
        view.setResult(u"staging"_s, Migrations, Subject);
        QVERIFY(!view.isChartShown()); // "loading" until the points come
        view.setPoints(m_migrations);
        QVERIFY(view.isChartShown());
        QVERIFY2(view.title()->text().contains(u"3 runs"_s), qPrintable(view.title()->text()));
        // Warning (two runs, one band) and Pass (the last run to the axis' end).
        const QList<QAreaSeries *> bands = view.bandSeries();
        QCOMPARE(bands.size(), 2);
        QCOMPARE(bands[0]->name(), u"Pass"_s);
        QCOMPARE(bands[1]->name(), u"Warning"_s);
        const qreal t0 = T0.toMSecsSinceEpoch(), t2 = Runs[2].toMSecsSinceEpoch();
        const QList<QPointF> warn = bands[1]->upperSeries()->points();
        QCOMPARE(warn.size(), 4);
        QCOMPARE(warn.first(), QPointF(t0, 0));
        QCOMPARE(warn.last(), QPointF(t2, 0)); // up to the run that passed
        QCOMPARE(bands[0]->upperSeries()->points().first(), QPointF(t2, 0));
        QVERIFY(!view.runSeries());
        QXYSeries *line = view.pendingSeries();
        QVERIFY(line);
        QCOMPARE(ys(line), (QList<qreal> { 3, 2, 0 }));
        QCOMPARE(line->points().at(1).x(), qreal(Runs[1].toMSecsSinceEpoch()));
        const auto axes = view.chart()->axes(Qt::Vertical, line);
        QCOMPARE(axes.size(), 1);
        QVERIFY(axes.first()->isVisible());
        QCOMPARE(static_cast<QValueAxis *>(axes.first())->max(), 4.0);
        QCOMPARE(view.chart()->series().size(), 3);
    }

    void otherChecksGetARunMarkerEach()
    {
        TimelineView view;
        view.setResult(u"staging"_s, Pool, {});
        view.setPoints(m_pool);
        QCOMPARE(view.bandSeries().size(), 2);
        QCOMPARE(view.bandSeries()[0]->name(), u"Pass"_s);
        QCOMPARE(view.bandSeries()[0]->upperSeries()->count(), 8); // two bands of pass
        QCOMPARE(view.bandSeries()[1]->name(), u"Fail"_s);
        QCOMPARE(view.bandSeries()[1]->upperSeries()->count(), 4);
        QVERIFY(!view.pendingSeries());
        QVERIFY(view.runSeries());
        QCOMPARE(view.runSeries()->count(), 3);
        QCOMPARE(view.chart()->series().size(), 3);
    }

    // The pointer on the second point of the line and on the fail band: that run's time
    // (local, to the second) and message, and the pending count.
    void hoverShowsRunTimeAndMessage()
    {
        TimelineView view;
        view.resize(900, 420);
        view.setResult(u"staging"_s, Migrations, Subject);
        view.setPoints(m_migrations);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QChart *chart = view.chart();
        const QPointF second = view.pendingSeries()->points().at(1);
        const QPoint at = view.chartView()->mapFromScene(
            chart->mapToScene(chart->mapToPosition(second, view.pendingSeries())));
        QTest::mouseMove(view.chartView()->viewport(), at);
        QTRY_VERIFY(!view.shownHoverText().isEmpty());
        const QString text = view.shownHoverText();
        const QString time
            = QLocale().toString(Runs[1].toLocalTime(), u"ddd d MMM yyyy HH:mm:ss"_s);
        QVERIFY2(text.contains(time), qPrintable(text));
        QVERIFY2(text.contains(u"Warning: 2 migrations pending"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Pending migrations: 2"_s), qPrintable(text));

        // What a band shows: the run it starts from.
        const qreal between = (Runs[1].toMSecsSinceEpoch() + Runs[2].toMSecsSinceEpoch()) / 2.0;
        QVERIFY(view.hoverText(between, false).contains(u"2 migrations pending"_s));
        QVERIFY(view.hoverText(Runs[2].toMSecsSinceEpoch() + 1000.0, false)
                .contains(u"Pass: 0 migrations pending"_s));
        // What a point shows: the nearest run.
        QVERIFY(view.hoverText(Runs[2].toMSecsSinceEpoch() - 1000.0, true)
                .contains(u"0 migrations pending"_s));
    }

    // The time axis's labels as QDateTimeAxis draws them: its format at each of its ticks.
    // No two may read the same (a single run's axis read "10:59 10:59 11:00 11:00 11:00 11:01").
    void axisLabelsDiffer_data()
    {
        QTest::addColumn<QList<qint64>>("offsetsMs"); // the runs, from T0
        QTest::newRow("one run") << QList<qint64> { 0 };
        QTest::newRow("one run off the minute") << QList<qint64> { 37'500 };
        QTest::newRow("two runs 10 s apart") << QList<qint64> { 0, 10'000 };
        QTest::newRow("an hour") << QList<qint64> { 0, 3'600'000 };
        QTest::newRow("three days") << QList<qint64> { 0, 86'400'000, 3 * 86'400'000LL };
        QTest::newRow("a month") << QList<qint64> { 0, 30 * 86'400'000LL };
    }
    void axisLabelsDiffer()
    {
        QFETCH(QList<qint64>, offsetsMs);
        QList<TimelinePoint> points;
        for (const qint64 ms : offsetsMs) {
            TimelinePoint p;
            p.at = T0.addMSecs(ms);
            p.status = CheckStatus::Pass;
            points << p;
        }
        TimelineView view;
        view.setResult(u"staging"_s, Pool, {});
        view.setPoints(points);
        const auto axes = view.chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        const auto *axis = qobject_cast<QDateTimeAxis *>(axes.first());
        QVERIFY(axis);
        const qint64 min = axis->min().toMSecsSinceEpoch(), max = axis->max().toMSecsSinceEpoch();
        QVERIFY(min < points.first().at.toMSecsSinceEpoch());
        QVERIFY(max > points.last().at.toMSecsSinceEpoch());
        QStringList labels;
        for (int i = 0; i < axis->tickCount(); ++i) {
            const qint64 at = min + (max - min) * i / (axis->tickCount() - 1);
            labels << QDateTime::fromMSecsSinceEpoch(at).toString(axis->format());
        }
        QStringList distinct = labels;
        QVERIFY2(distinct.removeDuplicates() == 0, qPrintable(labels.join(u", "_s)));
    }

    void noHistoryIsANote()
    {
        TimelineView view;
        QVERIFY(!view.isChartShown());
        QVERIFY(view.note()->text().contains(u"Select a result"_s));
        view.setResult(u"staging"_s, Pool, {});
        view.setPoints({});
        QVERIFY(!view.isChartShown());
        QVERIFY(view.note()->text().contains(u"No history"_s));
        QVERIFY(view.chart()->series().isEmpty());
    }

    // Dark palette: the dark chart theme, the palette's base behind it, its text on the
    // axes; the bands keep the status colours. And back to light.
    void chartFollowsThePalette()
    {
        TimelineView view;
        view.setResult(u"staging"_s, Pool, {});
        view.setPoints(m_pool);
        for (const bool dark : { true, false }) {
            const QPalette palette = dark ? Appearance::darkPalette() : Appearance::lightPalette();
            view.setPalette(palette);
            QCOMPARE(
                view.chart()->theme(), dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
            QCOMPARE(view.chart()->backgroundBrush().color(), palette.color(QPalette::Base));
            QCOMPARE(view.chart()->legend()->labelColor(), palette.color(QPalette::Text));
            for (QAbstractAxis *axis : view.chart()->axes(Qt::Horizontal))
                QCOMPARE(axis->labelsColor(), palette.color(QPalette::Text));
            const QColor fail = view.bandSeries()[1]->brush().color();
            QCOMPARE(fail.rgb(), StatusIcons::colour(CheckStatus::Fail).rgb());
        }
    }

private:
    QTemporaryDir m_home;
    QList<TimelinePoint> m_migrations, m_pool;
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
