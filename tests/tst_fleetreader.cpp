// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// FleetReader on SQLite stores written by HistoryStore: of several runs the newest result of
// each check wins, the environment's worst status and ages follow it, a shard column is read
// when the runs table has one, each environment's tags come from its newest run that recorded
// any (none, and no error, from a store older than the tags), the current migration states
// are read for the matrix, and a missing or foreign file is an error naming it.
#include "doctorprocess.h"
#include "history/fleetreader.h"
#include "history/historystore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
const QDateTime T0 = QDateTime(QDate(2026, 11, 1), QTime(8, 0, 0), QTimeZone::UTC);

CheckResult result(const QString &env, const QString &check, CheckStatus status,
    const QDateTime &at, const QString &subject = {})
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.subject = subject;
    r.status = status;
    r.message = Status::key(status) + u" at "_s + at.toString(Qt::ISODate);
    r.checkedAt = at;
    return r;
}

MigrationEntry entry(const QString &id, MigrationEntry::State state)
{
    MigrationEntry e;
    e.id = id;
    e.state = state;
    e.tool = u"efcore"_s;
    e.history = u"public.__EFMigrationsHistory"_s;
    return e;
}

CheckResult migrations(
    const QString &env, const QList<MigrationEntry> &entries, const QDateTime &at)
{
    CheckResult r = result(env, u"check.postgres.migrations"_s, CheckStatus::Pass, at,
        u"efcore public.__EFMigrationsHistory"_s);
    r.details = QVariant::fromValue(entries);
    return r;
}

bool record(HistoryStore &store, const QDateTime &at, const QList<CheckResult> &results,
    const QString &shard = {}, const QHash<QString, QStringList> &tags = {})
{
    HistoryRun run;
    run.shard = shard;
    run.tags = tags;
    run.startedAt = at;
    run.finishedAt = at.addSecs(1);
    run.origin = u"cli"_s;
    for (const CheckResult &r : results)
        if (!run.environments.contains(r.environment))
            run.environments << r.environment;
    return store.record(run, results);
}
} // namespace

class tst_FleetReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void latestPerCheckWins()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fleet.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY2(store.open(path), qPrintable(store.errorString()));
            // Run 1: prod fails its pool; run 2 (newer) passes it: prod's worst is the
            // newest results' worst (warn from locks), not the old fail.
            QVERIFY(record(store, T0,
                { result(u"prod"_s, u"pool"_s, CheckStatus::Fail, T0),
                    result(u"prod"_s, u"locks"_s, CheckStatus::Pass, T0),
                    result(u"stage"_s, u"pool"_s, CheckStatus::Pass, T0) }));
            const QDateTime t1 = T0.addSecs(3600);
            QVERIFY(record(store, t1,
                { result(u"prod"_s, u"pool"_s, CheckStatus::Pass, t1),
                    result(u"prod"_s, u"locks"_s, CheckStatus::Warn, t1),
                    result(u"prod"_s, u"migrations"_s, CheckStatus::Pass, t1, u"efcore a"_s),
                    result(u"prod"_s, u"migrations"_s, CheckStatus::Error, t1, u"flyway b"_s) }));
            // A run recorded later but of an older time does not override the newer result.
            const QDateTime old = T0.addSecs(-600);
            QVERIFY(record(store, old, { result(u"prod"_s, u"locks"_s, CheckStatus::Fail, old) }));
        }
        FleetReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
        const QDateTime now = T0.addSecs(7200);
        const FleetSnapshot s = reader.read(now);
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QCOMPARE(s.readAt, now);
        QVERIFY(s.hasShards); // schema 2; these runs were recorded without a shard
        QCOMPARE(s.environments.size(), 2);
        const FleetEnvironment &prod = s.environments[0];
        QCOMPARE(prod.name, u"prod"_s);
        QCOMPARE(prod.results.size(), 4); // locks, two migrations subjects, pool
        QStringList seen;
        for (const StoredResult &r : prod.results) {
            seen << r.checkId + u'/' + r.subject + u'=' + Status::key(r.status);
            QCOMPARE(r.checkedAt, T0.addSecs(3600));
        }
        QCOMPARE(seen,
            QStringList({ u"locks/=warn"_s, u"migrations/efcore a=pass"_s,
                u"migrations/flyway b=error"_s, u"pool/=pass"_s }));
        QCOMPARE(prod.worst, CheckStatus::Error);
        QCOMPARE(prod.latest, T0.addSecs(3600));
        QCOMPARE(prod.latest.secsTo(now), 3600); // the age the view shows
        QVERIFY(prod.shard.isEmpty());
        const FleetEnvironment &stage = s.environments[1];
        QCOMPARE(stage.name, u"stage"_s);
        QCOMPARE(stage.worst, CheckStatus::Pass);
        QCOMPARE(stage.latest, T0);
        QCOMPARE(stage.results.size(), 1);
        QCOMPARE(stage.results[0].message, u"pass at 2026-11-01T08:00:00Z"_s);
    }

    void shardOfTheNewestRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fleet.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(
                record(store, T0, { result(u"a"_s, u"pool"_s, CheckStatus::Pass, T0) }, u"1"_s));
            QVERIFY(record(store, T0.addSecs(60),
                { result(u"a"_s, u"locks"_s, CheckStatus::Pass, T0.addSecs(60)) }, u"3"_s));
        }
        FleetReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
        const FleetSnapshot s = reader.read(T0.addSecs(120));
        QVERIFY(s.hasShards);
        QCOMPARE(s.environments.size(), 1);
        QCOMPARE(s.environments[0].shard, u"3"_s); // the newest run's
        QCOMPARE(s.environments[0].oldest, T0);
    }

    void versionOneStoreHasNoShards()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v1.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(record(store, T0, { result(u"a"_s, u"pool"_s, CheckStatus::Warn, T0) }));
        }
        {
            // Back to what schema version 1 had: no latest view, no runs.shard.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"DROP TABLE environment_tags"_s));
            QVERIFY(q.exec(u"DROP TABLE migration_transitions"_s)); // version 3's, as the tags
            QVERIFY(q.exec(u"DROP TABLE migration_checks"_s));
            QVERIFY(q.exec(u"DROP VIEW latest"_s));
            QVERIFY(q.exec(u"ALTER TABLE runs DROP COLUMN shard"_s));
            QVERIFY(q.exec(u"UPDATE store_meta SET schema_version = 1"_s));
        }
        QSqlDatabase::removeDatabase(u"v1"_s);
        FleetReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
        const FleetSnapshot s = reader.read(T0.addSecs(120));
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QVERIFY(!s.hasShards);
        QVERIFY(!s.hasTags); // no environment_tags table: no tags, and no error
        QCOMPARE(s.environments.size(), 1);
        QVERIFY(s.environments[0].tags.isEmpty());
        QCOMPARE(s.environments[0].worst, CheckStatus::Warn);
        QVERIFY(s.environments[0].shard.isEmpty());
        // The matrix's states came with version 3: what to do, not "no such table".
        QVERIFY(reader.currentMigrations().isEmpty());
        QVERIFY2(reader.errorString().contains(u"doctor store upgrade "_s + path)
                && !reader.errorString().contains(u"no such table"_s),
            qPrintable(reader.errorString()));
        // The snapshot is still read after that.
        QCOMPARE(reader.read(T0.addSecs(120)).environments.size(), 1);
        QVERIFY(reader.errorString().isEmpty());
    }

    // Each environment's tags are those of its newest run that recorded any: not a merge of
    // every run's, not the run recorded last.
    void tagsOfTheNewestRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fleet.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(record(store, T0,
                { result(u"prod"_s, u"pool"_s, CheckStatus::Pass, T0),
                    result(u"stage"_s, u"pool"_s, CheckStatus::Pass, T0),
                    result(u"dev"_s, u"pool"_s, CheckStatus::Pass, T0) },
                {},
                { { u"prod"_s, { u"prod"_s, u"eu-west"_s } }, { u"stage"_s, { u"eu-west"_s } } }));
            const QDateTime t1 = T0.addSecs(3600);
            QVERIFY(record(store, t1, { result(u"prod"_s, u"pool"_s, CheckStatus::Pass, t1) }, {},
                { { u"prod"_s, { u"us-east"_s, u"prod"_s } } }));
            const QDateTime old = T0.addSecs(-600); // recorded last, but older
            QVERIFY(record(store, old, { result(u"prod"_s, u"locks"_s, CheckStatus::Pass, old) },
                {}, { { u"prod"_s, { u"legacy"_s } } }));
        }
        FleetReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
        const FleetSnapshot s = reader.read(T0.addSecs(7200));
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QVERIFY(s.hasTags);
        QCOMPARE(s.environments.size(), 3);
        QCOMPARE(s.environments[0].name, u"dev"_s);
        QVERIFY(s.environments[0].tags.isEmpty()); // no run gave it tags
        QCOMPARE(s.environments[1].name, u"prod"_s);
        QCOMPARE(s.environments[1].tags, QStringList({ u"prod"_s, u"us-east"_s }));
        QCOMPARE(s.environments[2].tags, QStringList { u"eu-west"_s });
    }

    // The writer's side through the real CLI: doctor run records each environment's tags from
    // the environments file (RunHistory::record -> HistoryRun::tags), and the reader gets them.
    void cliRunRecordsTheFilesTags()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(u"envs.yaml"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("environments:\n"
                "  - name: eu-one\n    connection: \"sqlite:one.db\"\n    tags: [eu-west, prod]\n"
                "  - name: plain\n    connection: \"sqlite:two.db\"\n");
        f.close();
        const QString store = dir.filePath(u"h.sqlite"_s);
        const CliRun r = doctor({ u"run"_s, u"--config"_s, config, u"--history"_s, store,
            u"--check"_s, u"check.postgres.connectivity"_s, u"--format"_s, u"json"_s });
        QVERIFY2(!r.err.contains(u"not recorded"_s), qPrintable(r.err));
        FleetReader reader;
        QVERIFY2(reader.open(store), qPrintable(reader.errorString()));
        const FleetSnapshot s = reader.read();
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QCOMPARE(s.environments.size(), 2);
        QCOMPARE(s.environments[0].name, u"eu-one"_s);
        QCOMPARE(s.environments[0].tags, QStringList({ u"eu-west"_s, u"prod"_s }));
        QVERIFY(s.environments[1].tags.isEmpty());
    }

    // The current state of each migration, as the newest run saw it; the older sightings
    // (pending before it was applied) are not among them.
    void currentMigrations()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fleet.sqlite"_s);
        using S = MigrationEntry::State;
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(record(store, T0,
                { migrations(
                      u"prod"_s, { entry(u"A"_s, S::Applied), entry(u"B"_s, S::Pending) }, T0),
                    migrations(u"stage"_s, { entry(u"A"_s, S::Applied) }, T0) }));
            const QDateTime t1 = T0.addSecs(3600);
            QVERIFY(record(store, t1,
                { migrations(
                    u"prod"_s, { entry(u"A"_s, S::Applied), entry(u"B"_s, S::Applied) }, t1) }));
        }
        FleetReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
        const QList<MigrationSighting> current = reader.currentMigrations();
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QStringList seen;
        for (const MigrationSighting &m : current) {
            QVERIFY(m.current);
            QCOMPARE(m.tool, u"efcore"_s);
            QCOMPARE(m.history, u"public.__EFMigrationsHistory"_s);
            seen << m.environment + u'/' + m.migrationId + u'='
                    + (m.state == S::Applied ? u"applied"_s : u"other"_s);
            if (m.environment == u"prod" && m.migrationId == u"B")
                QCOMPARE(m.firstSeen, T0.addSecs(3600)); // applied since the second run
        }
        QCOMPARE(
            seen, QStringList({ u"prod/A=applied"_s, u"prod/B=applied"_s, u"stage/A=applied"_s }));
    }

    void errorsNameTheStore()
    {
        QTemporaryDir dir;
        FleetReader missing;
        QVERIFY(!missing.open(dir.filePath(u"nope.sqlite"_s)));
        QVERIFY(missing.errorString().contains(u"nope.sqlite"_s));
        QVERIFY(!QFile::exists(dir.filePath(u"nope.sqlite"_s))); // never created

        const QString foreign = dir.filePath(u"other.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"CREATE TABLE notes (x text)"_s));
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
        FleetReader reader;
        QVERIFY(reader.open(foreign));
        const FleetSnapshot s = reader.read();
        QVERIFY(s.environments.isEmpty());
        QVERIFY2(reader.errorString().contains(u"other.sqlite"_s)
                && reader.errorString().contains(u"results"_s),
            qPrintable(reader.errorString()));
    }

    void passwordNeverShown()
    {
        FleetReader reader;
        QVERIFY(!reader.open(u"postgresql://u:s3cretpw@127.0.0.1:1/db?connect_timeout=2"_s));
        QVERIFY(!reader.errorString().isEmpty());
        QVERIFY2(!reader.errorString().contains(u"s3cretpw"_s), qPrintable(reader.errorString()));
    }
};

QTEST_GUILESS_MAIN(tst_FleetReader)
#include "tst_fleetreader.moc"
