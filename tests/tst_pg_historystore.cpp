// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The run-history store on the fixture's real PostgreSQL (a postgresql:// location): the
// same API as on SQLite reads back what it wrote, with the dialect's own column types; a
// newer store is refused and left as it is; eight writers recording at once into a new
// store (racing to create its schema too) leave every result exactly once (RELIABILITY 24).
#include "history/historystore.h"
#include "pgserver.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
const QString Migrations = u"check.postgres.migrations"_s;
const QDateTime T0 = QDateTime(QDate(2026, 11, 2), QTime(9, 30, 0, 250), QTimeZone::UTC);

MigrationEntry entry(const QString &id, MigrationEntry::State state)
{
    MigrationEntry e;
    e.id = id;
    e.state = state;
    e.tool = u"flyway"_s;
    e.history = u"public.flyway_schema_history"_s;
    return e;
}

QList<CheckResult> runResults(
    const QString &env, const QList<MigrationEntry> &entries, CheckStatus pool, const QDateTime &at)
{
    CheckResult m;
    m.environment = env;
    m.checkId = Migrations;
    m.subject = u"flyway public.flyway_schema_history"_s;
    int pending = 0;
    for (const MigrationEntry &e : entries)
        pending += e.state == MigrationEntry::State::Pending ? 1 : 0;
    m.status = pending ? CheckStatus::Warn : CheckStatus::Pass;
    m.message = u"%1 pending"_s.arg(pending);
    m.evidence = { { u"PendingCount"_s, pending }, { u"Note"_s, u"it's \"quoted\" ü"_s } };
    m.details = QVariant::fromValue(entries);
    m.checkedAt = at;
    CheckResult p;
    p.environment = env;
    p.checkId = u"check.postgres.pool"_s;
    p.status = pool;
    p.checkedAt = at;
    return { m, p };
}

HistoryRun run(const QDateTime &at, const QString &id = {})
{
    HistoryRun r;
    r.id = id;
    r.startedAt = at;
    r.finishedAt = at.addSecs(1);
    r.origin = u"cli"_s;
    r.environments = { u"prod"_s };
    return r;
}
} // namespace

class tst_PgHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        if (!m_pg.isValid())
            QSKIP(qPrintable(m_pg.error()));
    }

    void roundTrip()
    {
        const QString db = m_pg.createDatabase(u"history"_s);
        const QString url = urlOf(db);
        HistoryStore store;
        QVERIFY2(store.open(url), qPrintable(store.errorString()));
        QCOMPARE(store.foundSchemaVersion(), 0);
        const auto A = MigrationEntry::State::Applied;
        const auto P = MigrationEntry::State::Pending;
        const QDateTime t1 = T0.addSecs(3600);
        const QDateTime t2 = T0.addSecs(7200);
        QVERIFY2(store.record(run(T0, u"r0"_s),
                     runResults(
                         u"prod"_s, { entry(u"1"_s, A), entry(u"2"_s, P) }, CheckStatus::Pass, T0)),
            qPrintable(store.errorString()));
        QVERIFY(store.record(run(t1),
            runResults(u"prod"_s, { entry(u"1"_s, A), entry(u"2"_s, P) }, CheckStatus::Fail, t1)));
        QVERIFY(store.record(run(t2),
            runResults(u"prod"_s, { entry(u"1"_s, A), entry(u"2"_s, A) }, CheckStatus::Fail, t2)));
        QVERIFY(!store.record(run(t2, u"r0"_s), {})); // a run id twice: refused whole

        const QList<MigrationSighting> s = store.migrations(u"prod"_s);
        QCOMPARE(s.size(), 3);
        QCOMPARE(s[0].migrationId, u"1"_s);
        QCOMPARE(s[0].firstSeen, T0);
        QCOMPARE(s[0].lastSeen, t2);
        QCOMPARE(s[1].state, P);
        QCOMPARE(s[1].lastSeen, t1);
        QVERIFY(!s[1].current);
        QCOMPARE(s[2].state, A);
        QCOMPARE(s[2].firstSeen, t2);
        QVERIFY(s[2].current);

        const QList<StatusSpan> spans = store.currentSpans({ u"prod"_s });
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans[1].checkId, u"check.postgres.pool"_s);
        QCOMPARE(spans[1].status, CheckStatus::Fail);
        QCOMPARE(spans[1].since, t1);
        QCOMPARE(spans[1].lastSeen, t2);

        const QList<TimelinePoint> points
            = store.timeline(u"prod"_s, Migrations, u"flyway public.flyway_schema_history"_s);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points[0].pendingCount, 1);
        QCOMPARE(points[2].pendingCount, 0);
        QCOMPARE(points[2].at, t2);

        HistoryFilter f;
        f.checkId = Migrations;
        f.since = t1;
        const QList<StoredResult> some = store.results(f);
        QCOMPARE(some.size(), 2);
        QCOMPARE(some[0].checkedAt, t2);
        QCOMPARE(some[0].evidence.value(u"Note"_s).toString(), u"it's \"quoted\" ü"_s);
        QCOMPARE(store.results({}).size(), 6);

        // The dialect's own types: timestamptz and jsonb.
        QCOMPARE(m_pg.scalar(db,
                         u"SELECT data_type FROM information_schema.columns WHERE "
                         "table_name = 'results' AND column_name = 'checked_at'"_s)
                     .toString(),
            u"timestamp with time zone"_s);
        QCOMPARE(m_pg.scalar(db,
                         u"SELECT evidence->>'PendingCount' FROM results "
                         "WHERE run_id = 'r0' AND check_id = '%1'"_s.arg(Migrations))
                     .toString(),
            u"1"_s);

        QCOMPARE(store.prune(t1), 1);
        QCOMPARE(store.results({}).size(), 4);
        HistoryStore again;
        QVERIFY(again.open(url));
        QCOMPARE(again.foundSchemaVersion(), HistoryStore::SchemaVersion);
    }

    void newerStoreRefused()
    {
        const QString db = m_pg.createDatabase(u"history_newer"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(urlOf(db)));
            QVERIFY(store.record(run(T0), runResults(u"prod"_s, {}, CheckStatus::Pass, T0)));
        }
        QCOMPARE(m_pg.exec(db, { u"UPDATE store_meta SET schema_version = 5"_s }), QString());
        const QString before = dump(db);
        HistoryStore store;
        QVERIFY(!store.open(urlOf(db)));
        QCOMPARE(store.foundSchemaVersion(), 5);
        QVERIFY2(store.errorString().contains(u"newer doctor"_s), qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(u"/" + db));
        QCOMPARE(dump(db), before);
    }

    void eightWritersAtOnce()
    {
        const QString db = m_pg.createDatabase(u"history_shards"_s);
        const QString url = urlOf(db);
        constexpr int Writers = 8;
        constexpr int Runs = 15;
        std::atomic<int> failures { 0 };
        std::vector<QString> errors(Writers);
        std::vector<std::thread> threads;
        for (int w = 0; w < Writers; ++w) {
            threads.emplace_back([&, w] {
                HistoryStore store; // its own connection, in its thread
                if (!store.open(url)) {
                    errors[w] = store.errorString();
                    ++failures;
                    return;
                }
                for (int n = 0; n < Runs; ++n) {
                    QList<MigrationEntry> entries;
                    for (int i = 0; i < 30; ++i)
                        entries << entry(u"V%1"_s.arg(i),
                            (i + n + w) % 5 ? MigrationEntry::State::Applied
                                            : MigrationEntry::State::Pending);
                    QList<CheckResult> results;
                    for (const QString &env : { u"prod"_s, u"stage"_s })
                        results << runResults(env, entries,
                            n % 2 ? CheckStatus::Pass : CheckStatus::Warn,
                            QDateTime::currentDateTimeUtc());
                    if (!store.record(
                            run(QDateTime::currentDateTimeUtc(), u"w%1-%2"_s.arg(w).arg(n)),
                            results)) {
                        errors[w] = store.errorString();
                        ++failures;
                        return;
                    }
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QVERIFY2(failures == 0, qPrintable(QStringList(errors.begin(), errors.end()).join(u'\n')));
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM runs"_s).toInt(), Writers * Runs);
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM results"_s).toInt(), Writers * Runs * 4);
        QCOMPARE(m_pg.scalar(db,
                         u"SELECT count(*) FROM (SELECT DISTINCT run_id, environment, "
                         "check_id, subject FROM results) d"_s)
                     .toInt(),
            Writers * Runs * 4);
        HistoryStore reader;
        QVERIFY2(reader.open(urlOf(db)), qPrintable(reader.errorString()));
        const QList<MigrationSighting> sightings = reader.migrations({});
        QCOMPARE(std::count_if(sightings.begin(), sightings.end(),
                     [](const MigrationSighting &s) { return s.current; }),
            2 * 30);
        QCOMPARE(reader.currentSpans({}).size(), 4);
        // Serialized writers: no migration got two transitions from one run.
        QCOMPARE(m_pg.scalar(db,
                         u"SELECT count(*) FROM (SELECT 1 FROM migration_transitions GROUP BY "
                         "environment, migration_id, run_id HAVING count(*) > 1) d"_s)
                     .toInt(),
            0);
        QCOMPARE(m_pg.scalar(db, u"SELECT schema_version FROM store_meta"_s).toInt(),
            HistoryStore::SchemaVersion);
    }

    // A fleet-sized history: 3 environments of 2000 migrations, recorded twice with one
    // migration applied in between; the sightings keep the expected order.
    void bigHistory()
    {
        const QString db = m_pg.createDatabase(u"history_big"_s);
        HistoryStore store;
        QVERIFY(store.open(urlOf(db)));
        for (int round = 0; round < 2; ++round) {
            QList<CheckResult> results;
            for (const QString &env : { u"dev"_s, u"stage"_s, u"prod"_s }) {
                QList<MigrationEntry> entries;
                for (int i = 0; i < 2000; ++i)
                    entries << entry(u"V%1"_s.arg(2000 - i), // not in text order
                        i == 1999 && round == 0 ? MigrationEntry::State::Pending
                                                : MigrationEntry::State::Applied);
                results << runResults(env, entries, CheckStatus::Pass, T0.addSecs(round));
            }
            QVERIFY2(
                store.record(run(T0.addSecs(round)), results), qPrintable(store.errorString()));
        }
        const QList<MigrationSighting> s = store.migrations(u"prod"_s);
        QCOMPARE(s.size(), 2001);
        QCOMPARE(s.first().migrationId, u"V2000"_s);
        QCOMPARE(s.first().lastSeen, T0.addSecs(1));
        QCOMPARE(s.last().migrationId, u"V1"_s);
        QCOMPARE(s.last().state, MigrationEntry::State::Applied);
        QCOMPARE(s.last().firstSeen, T0.addSecs(1));
        QCOMPARE(s[1999].state, MigrationEntry::State::Pending);
        QCOMPARE(store.migrations({}).size(), 3 * 2001);
    }

    void unreachableServer()
    {
        HistoryStore store;
        QVERIFY(!store.open(u"postgresql://doctor@127.0.0.1:1/history?connect_timeout=3"_s));
        QVERIFY2(store.errorString().startsWith(
                     u"history store postgresql://doctor@127.0.0.1:1/history"_s),
            qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(u"--no-history"_s));
        QVERIFY(!store.record(HistoryRun(), {}));
    }

private:
    QString urlOf(const QString &db) const
    {
        QUrl url;
        url.setScheme(u"postgresql"_s);
        url.setHost(m_pg.host());
        url.setPort(m_pg.port());
        url.setUserName(m_pg.user());
        url.setPassword(m_pg.password());
        url.setPath(u"/"_s + db);
        return url.toString(QUrl::FullyEncoded);
    }
    // Every table's rows as text, to compare a store before and after.
    QString dump(const QString &db) const
    {
        QString out;
        for (const QString &t : { u"store_meta"_s, u"runs"_s, u"results"_s, u"environment_tags"_s,
                 u"migration_transitions"_s, u"migration_checks"_s, u"status_changes"_s })
            out += m_pg.scalar(db,
                           u"SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM %1 t"_s.arg(
                               t))
                       .toString();
        out += m_pg.scalar(db,
                       u"SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                       "WHERE schemaname = 'public'"_s)
                   .toString();
        return out;
    }

    PgServer m_pg;
};

QTEST_GUILESS_MAIN(tst_PgHistoryStore)
#include "tst_pg_historystore.moc"
