// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The run-history store on real SQLite files: what record() writes reads back the same,
// migration sightings and status spans start and extend as states change, timelines carry
// the pending count, prune removes what is older, and the filters filter.
#include "history/historystore.h"
#include "isolatedhome.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;
const QDateTime T0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0, 0, 123), QTimeZone::UTC);

MigrationEntry entry(const QString &id, MigrationEntry::State state)
{
    MigrationEntry e;
    e.id = id;
    e.state = state;
    e.tool = u"efcore"_s;
    e.history = u"public.__EFMigrationsHistory"_s;
    return e;
}

CheckResult migrationsResult(
    const QString &env, const QList<MigrationEntry> &entries, const QDateTime &at)
{
    CheckResult r;
    r.environment = env;
    r.checkId = Migrations;
    r.subject = u"efcore public.__EFMigrationsHistory"_s;
    int pending = 0;
    for (const MigrationEntry &e : entries)
        pending += e.state == MigrationEntry::State::Pending ? 1 : 0;
    r.status = pending ? CheckStatus::Warn : CheckStatus::Pass;
    r.severity = u"warn"_s;
    r.message = u"%1 pending"_s.arg(pending);
    r.evidence = { { u"PendingCount"_s, pending }, { u"History"_s, u"efcore"_s } };
    r.details = QVariant::fromValue(entries);
    r.checkedAt = at;
    r.durationMs = 12;
    return r;
}

CheckResult poolResult(const QString &env, CheckStatus status, const QDateTime &at)
{
    CheckResult r;
    r.environment = env;
    r.checkId = Pool;
    r.status = status;
    r.message = Status::key(status);
    r.evidence = { { u"Connections"_s, 7 } };
    r.checkedAt = at;
    return r;
}

HistoryRun run(const QDateTime &at, const QStringList &envs = { u"prod"_s })
{
    HistoryRun r;
    r.startedAt = at;
    r.finishedAt = at.addSecs(2);
    r.ranBy = u"dba"_s;
    r.doctorVersion = u"1.0.0"_s;
    r.origin = u"cli"_s;
    r.environments = envs;
    return r;
}
} // namespace

class tst_HistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void newStoreCreatesFolderAndSchema()
    {
        const QString path = m_dir.filePath(u"new/deeper/history.sqlite"_s);
        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.foundSchemaVersion(), 0);
        QVERIFY(QFile::exists(path));
        HistoryStore again;
        QVERIFY2(again.open(path), qPrintable(again.errorString()));
        QCOMPARE(again.foundSchemaVersion(), HistoryStore::SchemaVersion);
    }

    void defaultPathIsInAppData()
    {
        isolateHome(m_dir.filePath(u"home"_s));
        QVERIFY(HistoryStore::defaultPath().startsWith(m_dir.filePath(u"home"_s)));
        QVERIFY(HistoryStore::defaultPath().endsWith(u"/history.sqlite"_s));
        QCOMPARE(HistoryStore::displayLocation({}), HistoryStore::defaultPath());
    }

    void recordReadsBack()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(u"readback.sqlite"_s)));
        HistoryRun r = run(T0);
        r.id = u"run-1"_s;
        CheckResult m = migrationsResult(u"prod"_s,
            { entry(u"A"_s, MigrationEntry::State::Applied),
                entry(u"B"_s, MigrationEntry::State::Pending) },
            T0.addMSecs(500));
        CheckResult p = poolResult(u"prod"_s, CheckStatus::Fail, T0.addMSecs(700));
        QVERIFY2(store.record(r, { m, p }), qPrintable(store.errorString()));

        const QList<StoredResult> all = store.results({});
        QCOMPARE(all.size(), 2);
        const StoredResult &newest = all[0]; // newest first
        QCOMPARE(newest.checkId, Pool);
        QCOMPARE(newest.runId, u"run-1"_s);
        QCOMPARE(newest.status, CheckStatus::Fail);
        QCOMPARE(newest.checkedAt, T0.addMSecs(700));
        QCOMPARE(newest.evidence.value(u"Connections"_s).toInt(), 7);
        const StoredResult &older = all[1];
        QCOMPARE(older.subject, m.subject);
        QCOMPARE(older.message, u"1 pending"_s);
        QCOMPARE(older.durationMs, 12);
        QCOMPARE(older.status, CheckStatus::Warn);
        QCOMPARE(older.evidence.value(u"PendingCount"_s).toInt(), 1);
        QCOMPARE(older.checkedAt.timeSpec(), Qt::UTC);

        // The same run id twice is refused whole: no result appears twice.
        QVERIFY(!store.record(r, { m, p }));
        QVERIFY(store.errorString().contains(u"readback.sqlite"_s));
        QCOMPARE(store.results({}).size(), 2);
    }

    void sightingsPendingThenApplied()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(u"sightings.sqlite"_s)));
        const auto A = MigrationEntry::State::Applied;
        const auto P = MigrationEntry::State::Pending;
        QVERIFY(store.record(run(T0),
            { migrationsResult(u"prod"_s, { entry(u"1_Init"_s, A), entry(u"2_Add"_s, P) }, T0) }));
        const QDateTime t1 = T0.addSecs(3600);
        QVERIFY(store.record(run(t1),
            { migrationsResult(u"prod"_s, { entry(u"1_Init"_s, A), entry(u"2_Add"_s, P) }, t1) }));
        const QDateTime t2 = T0.addSecs(7200);
        QVERIFY(store.record(run(t2),
            { migrationsResult(u"prod"_s, { entry(u"1_Init"_s, A), entry(u"2_Add"_s, A) }, t2) }));
        // Another environment's sightings are apart.
        QVERIFY(store.record(
            run(t2, { u"dev"_s }), { migrationsResult(u"dev"_s, { entry(u"1_Init"_s, A) }, t2) }));

        const QList<MigrationSighting> s = store.migrations(u"prod"_s);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s[0].migrationId, u"1_Init"_s);
        QCOMPARE(s[0].state, A);
        QCOMPARE(s[0].firstSeen, T0);
        QCOMPARE(s[0].lastSeen, t2);
        QVERIFY(s[0].current);
        QCOMPARE(s[1].migrationId, u"2_Add"_s);
        QCOMPARE(s[1].state, P);
        QCOMPARE(s[1].firstSeen, T0);
        QCOMPARE(s[1].lastSeen, t1);
        QVERIFY(!s[1].current);
        QCOMPARE(s[2].migrationId, u"2_Add"_s);
        QCOMPARE(s[2].state, A);
        QCOMPARE(s[2].firstSeen, t2); // "since when is it in prod?"
        QVERIFY(s[2].current);
        QCOMPARE(s[2].tool, u"efcore"_s);
        QCOMPARE(s[2].history, u"public.__EFMigrationsHistory"_s);
        QCOMPARE(store.migrations(u"dev"_s).size(), 1);
        QCOMPARE(store.migrations({}).size(), 4);
    }

    void spansAndTimeline()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(u"spans.sqlite"_s)));
        const QList<CheckStatus> statuses
            = { CheckStatus::Pass, CheckStatus::Warn, CheckStatus::Warn, CheckStatus::Warn };
        for (int i = 0; i < statuses.size(); ++i) {
            const QDateTime at = T0.addSecs(60 * i);
            QList<MigrationEntry> entries = { entry(u"1"_s, MigrationEntry::State::Applied) };
            for (int k = 0; k < i; ++k)
                entries << entry(u"p%1"_s.arg(k), MigrationEntry::State::Pending);
            QVERIFY(store.record(run(at, { u"prod"_s, u"dev"_s }),
                { poolResult(u"prod"_s, statuses[i], at),
                    poolResult(u"dev"_s, CheckStatus::Pass, at),
                    migrationsResult(u"prod"_s, entries, at) }));
        }
        const QList<StatusSpan> spans = store.currentSpans({ u"prod"_s });
        QCOMPARE(spans.size(), 2); // pool and migrations of prod
        const StatusSpan pool = spans[1].checkId == Pool ? spans[1] : spans[0];
        QCOMPARE(pool.checkId, Pool);
        QCOMPARE(pool.status, CheckStatus::Warn);
        QCOMPARE(pool.since, T0.addSecs(60));
        QCOMPARE(pool.lastSeen, T0.addSecs(180));
        QCOMPARE(store.currentSpans({}).size(), 3);
        QCOMPARE(store.currentSpans({ u"dev"_s }).first().since, T0);

        const QList<TimelinePoint> points
            = store.timeline(u"prod"_s, Migrations, u"efcore public.__EFMigrationsHistory"_s);
        QCOMPARE(points.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(points[i].at, T0.addSecs(60 * i)); // oldest first
            QCOMPARE(points[i].pendingCount, i);
        }
        QCOMPARE(points[1].message, u"1 pending"_s);
        const QList<TimelinePoint> poolPoints = store.timeline(u"prod"_s, Pool, {});
        QCOMPARE(poolPoints.size(), 4);
        QCOMPARE(poolPoints[0].status, CheckStatus::Pass);
        QCOMPARE(poolPoints[0].pendingCount, -1);
    }

    void filtersAndPrune()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(u"prune.sqlite"_s)));
        for (int day = 0; day < 10; ++day) {
            const QDateTime at = T0.addDays(day);
            QVERIFY(store.record(run(at, { u"prod"_s, u"dev"_s }),
                { poolResult(u"prod"_s, CheckStatus::Pass, at),
                    poolResult(u"dev"_s, CheckStatus::Pass, at),
                    migrationsResult(
                        u"dev"_s, { entry(u"1"_s, MigrationEntry::State::Applied) }, at) }));
        }
        QCOMPARE(store.results({}).size(), 30);
        HistoryFilter f;
        f.environment = u"dev"_s;
        QCOMPARE(store.results(f).size(), 20);
        f.checkId = Pool;
        QCOMPARE(store.results(f).size(), 10);
        f.since = T0.addDays(7);
        QCOMPARE(store.results(f).size(), 3);
        f.limit = 2;
        const QList<StoredResult> limited = store.results(f);
        QCOMPARE(limited.size(), 2);
        QCOMPARE(limited[0].checkedAt, T0.addDays(9));

        QCOMPARE(store.prune(T0.addDays(6)), 6);
        QCOMPARE(store.results({}).size(), 12);
        QCOMPARE(store.results({}).last().checkedAt, T0.addDays(6));
        // The spans and sightings last seen after the cutoff stay, with their first times.
        QCOMPARE(store.currentSpans({ u"prod"_s }).first().since, T0);
        QCOMPARE(store.migrations(u"dev"_s).first().firstSeen, T0);
        QCOMPARE(store.prune(T0.addDays(6)), 0);
        QCOMPARE(store.prune(T0.addDays(30)), 4);
        QVERIFY(store.currentSpans({}).isEmpty());
        QVERIFY(store.migrations({}).isEmpty());
    }

    void displayLocationHidesPassword()
    {
        const QString shown = HistoryStore::displayLocation(
            u"postgresql://doc:s3cr%21t@db.example:5433/history?sslmode=require"_s);
        QVERIFY2(!shown.contains(u"s3cr"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"db.example:5433"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"doc@"_s));
        QVERIFY(shown.contains(u"sslmode=require"_s));
        const QString param
            = HistoryStore::displayLocation(u"postgres://h/db?password=s3cr3t&user=u"_s);
        QVERIFY2(!param.contains(u"s3cr3t"_s), qPrintable(param));
        QCOMPARE(HistoryStore::displayLocation(u"/tmp/x.sqlite"_s), u"/tmp/x.sqlite"_s);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_HistoryStore)
#include "tst_historystore.moc"
