// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// FleetReader on SQLite stores written by HistoryStore: of several runs the newest result of
// each check wins, the environment's worst status and ages follow it, a shard column is read
// when the runs table has one, and a missing or foreign file is an error naming it.
#include "history/fleetreader.h"
#include "history/historystore.h"

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

bool record(HistoryStore &store, const QDateTime &at, const QList<CheckResult> &results,
    const QString &shard = {})
{
    HistoryRun run;
    run.shard = shard;
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
        QCOMPARE(s.environments.size(), 1);
        QCOMPARE(s.environments[0].worst, CheckStatus::Warn);
        QVERIFY(s.environments[0].shard.isEmpty());
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
