// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The history store's schema on real SQLite files (RELIABILITY 23): a store of a newer
// schema version is refused and left byte for byte as it was; a version-0 (partial) store
// is completed; an upgrade to a next version (a step list of the test's own, through the
// steps hook) runs whole or not at all; and a writer killed (SIGKILL) in the middle of big
// records leaves a store that opens and holds only whole runs. The killed writer is this
// binary started again with --write-until-killed (main() below).
#include "history/historystore.h"
#include "history/historystore_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Runs statements on the SQLite file path through a connection of its own; the last
// statement's first value.
QVariant raw(const QString &path, const QStringList &statements)
{
    static int n = 0;
    const QString name = u"raw-%1"_s.arg(++n);
    QVariant out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        for (const QString &s : statements)
            if (!q.exec(s))
                qFatal("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
        if (q.isSelect() && q.next())
            out = q.value(0);
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QByteArray bytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// ENVS environments, each with a migrations result of MIGRATIONS entries and a pool result.
QList<CheckResult> bigRun(int envs, int migrations, int round)
{
    QList<CheckResult> out;
    for (int e = 0; e < envs; ++e) {
        CheckResult m;
        m.environment = u"env-%1"_s.arg(e);
        m.checkId = u"check.postgres.migrations"_s;
        m.subject = u"flyway public.flyway_schema_history"_s;
        QList<MigrationEntry> entries;
        for (int i = 0; i < migrations; ++i) {
            MigrationEntry x;
            x.id = u"V%1"_s.arg(i);
            x.tool = u"flyway"_s;
            x.history = u"public.flyway_schema_history"_s;
            // a state that changes every round, so each record starts sightings too
            x.state
                = (i + round) % 3 ? MigrationEntry::State::Applied : MigrationEntry::State::Pending;
            entries << x;
        }
        m.details = QVariant::fromValue(entries);
        m.status = CheckStatus::Warn;
        CheckResult p;
        p.environment = m.environment;
        p.checkId = u"check.postgres.pool"_s;
        p.status = round % 2 ? CheckStatus::Pass : CheckStatus::Warn;
        out << m << p;
    }
    return out;
}

constexpr int BigEnvs = 20;
constexpr int BigMigrations = 300;

// The writer the kill test kills: records big runs until it is killed, saying "committed"
// after each.
int writeUntilKilled(const QString &path)
{
    HistoryStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 2;
    }
    for (int round = 0;; ++round) {
        HistoryRun run;
        run.startedAt = QDateTime::currentDateTimeUtc();
        if (!store.record(run, bigRun(BigEnvs, BigMigrations, round))) {
            std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
            return 3;
        }
        std::printf("committed\n");
        std::fflush(stdout);
    }
}

} // namespace

class tst_HistoryStoreSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { HistorySchema::overrideStepsForTest(std::nullopt); }

    void newerStoreRefusedUnchanged_data()
    {
        QTest::addColumn<QString>("journal");
        QTest::newRow("wal") << u"WAL"_s;
        QTest::newRow("rollback journal") << u"DELETE"_s; // WAL would rewrite its header
    }
    void newerStoreRefusedUnchanged()
    {
        QFETCH(QString, journal);
        const QString path = m_dir.filePath(u"newer-%1.sqlite"_s.arg(journal));
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.record(HistoryRun(), bigRun(2, 3, 0)));
        }
        raw(path,
            { u"PRAGMA journal_mode = "_s + journal,
                u"UPDATE store_meta SET schema_version = 7"_s });
        const QByteArray before = bytes(path);
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY(!before.isEmpty());
        {
            HistoryStore store;
            QVERIFY(!store.open(path));
            QVERIFY(!store.isOpen());
            QCOMPARE(store.foundSchemaVersion(), 7);
            const QString e = store.errorString();
            QVERIFY2(e.contains(path), qPrintable(e));
            QVERIFY2(e.contains(u"newer doctor"_s), qPrintable(e));
            QVERIFY2(e.contains(u"another --history location"_s), qPrintable(e));
            QVERIFY(!store.record(HistoryRun(), bigRun(1, 1, 0))); // refused, nothing written
        }
        QVERIFY(bytes(path) == before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), filesBefore);
        QCOMPARE(raw(path, { u"SELECT count(*) FROM results"_s }).toInt(), 4);
    }

    void partialVersion0StoreCompleted()
    {
        const QString path = m_dir.filePath(u"partial.sqlite"_s);
        raw(path,
            { u"CREATE TABLE runs (id text PRIMARY KEY, started_at text NOT NULL, "
              "finished_at text, ran_by text NOT NULL DEFAULT '', doctor_version text NOT "
              "NULL DEFAULT '', origin text NOT NULL DEFAULT '', environments text NOT "
              "NULL)"_s,
                u"INSERT INTO runs (id, started_at, environments) VALUES "
                "('old', '2026-01-01T00:00:00.000Z', '[]')"_s });
        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(store.foundSchemaVersion(), 0);
        QCOMPARE(raw(path, { u"SELECT schema_version FROM store_meta"_s }).toInt(),
            HistoryStore::SchemaVersion);
        QCOMPARE(raw(path, { u"SELECT count(*) FROM runs"_s }).toInt(), 1);
        QVERIFY(store.record(HistoryRun(), bigRun(1, 2, 0)));
        QCOMPARE(
            raw(path, { u"SELECT journal_mode FROM pragma_journal_mode"_s }).toString(), u"wal"_s);
    }

    void upgradeToNextVersion()
    {
        const QString path = m_dir.filePath(u"upgrade.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.record(HistoryRun(), bigRun(1, 2, 0)));
        }
        const int next = HistoryStore::SchemaVersion + 1;
        QList<HistorySchema::Step> steps = HistorySchema::steps();
        steps << HistorySchema::Step { next,
            { u"ALTER TABLE runs ADD COLUMN note text NOT NULL DEFAULT ''"_s,
                u"CREATE TABLE run_notes (run_id text)"_s },
            {} };
        HistorySchema::overrideStepsForTest(steps);
        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(store.foundSchemaVersion(), HistoryStore::SchemaVersion);
        QCOMPARE(raw(path, { u"SELECT schema_version FROM store_meta"_s }).toInt(), next);
        QCOMPARE(raw(path, { u"SELECT count(*) FROM runs WHERE note = ''"_s }).toInt(), 1);
        QVERIFY(store.record(HistoryRun(), bigRun(1, 2, 1)));
        QCOMPARE(store.results({}).size(), 4);
    }

    void failedUpgradeChangesNothing()
    {
        const QString path = m_dir.filePath(u"failed-upgrade.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
        }
        const int next = HistoryStore::SchemaVersion + 1;
        QList<HistorySchema::Step> steps = HistorySchema::steps();
        steps << HistorySchema::Step { next,
            { u"CREATE TABLE run_notes (run_id text)"_s,
                u"ALTER TABLE runs ADD COLUMN note text NOT NULL DEFAULT ''"_s,
                u"ALTER TABLE no_such_table ADD COLUMN x text"_s },
            {} };
        HistorySchema::overrideStepsForTest(steps);
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY2(store.errorString().contains(u"schema version %1"_s.arg(next)),
            qPrintable(store.errorString()));
        QVERIFY2(store.errorString().contains(u"nothing was changed"_s),
            qPrintable(store.errorString()));
        QCOMPARE(raw(path, { u"SELECT schema_version FROM store_meta"_s }).toInt(),
            HistoryStore::SchemaVersion);
        QCOMPARE(
            raw(path, { u"SELECT count(*) FROM sqlite_master WHERE name = 'run_notes'"_s }).toInt(),
            0);
        QCOMPARE(raw(path,
                     { u"SELECT count(*) FROM pragma_table_info('runs') "
                       "WHERE name = 'note'"_s })
                     .toInt(),
            0);
    }

    void killedWriterLeavesWholeRuns_data()
    {
        QTest::addColumn<int>("delayMs");
        QTest::newRow("0 ms after a commit") << 0;
        QTest::newRow("37 ms") << 37;
        QTest::newRow("151 ms") << 151;
    }
    void killedWriterLeavesWholeRuns()
    {
        QFETCH(int, delayMs);
        const QString path = m_dir.filePath(u"killed-%1.sqlite"_s.arg(delayMs));
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(), { u"--write-until-killed"_s, path });
        QVERIFY(writer.waitForStarted());
        int committed = 0;
        while (committed < 2) {
            QVERIFY2(writer.waitForReadyRead(60000), writer.readAllStandardError().constData());
            committed += int(writer.readAll().count("committed"));
        }
        QTest::qWait(delayMs);
        writer.kill(); // SIGKILL: no destructor, no rollback, no checkpoint
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(raw(path, { u"PRAGMA integrity_check"_s }).toString(), u"ok"_s);
        const int runs = raw(path, { u"SELECT count(*) FROM runs"_s }).toInt();
        QVERIFY(runs >= 2);
        // Every run whole: all its results, and no result without its run.
        QCOMPARE(raw(path, { u"SELECT count(*) FROM results"_s }).toInt(), runs * BigEnvs * 2);
        QCOMPARE(raw(path,
                     { u"SELECT count(*) FROM (SELECT run_id FROM results GROUP BY run_id "
                       "HAVING count(*) <> %1)"_s.arg(BigEnvs * 2) })
                     .toInt(),
            0);
        const QList<MigrationSighting> sightings = store.migrations({});
        QCOMPARE(std::count_if(sightings.begin(), sightings.end(),
                     [](const MigrationSighting &s) { return s.current; }),
            BigEnvs * BigMigrations);
        for (const QString &table : { u"migration_transitions"_s, u"migration_checks"_s })
            QCOMPARE(raw(path,
                         { u"SELECT count(*) FROM %1 s WHERE NOT EXISTS "
                           "(SELECT 1 FROM runs r WHERE r.id = s.run_id)"_s.arg(table) })
                         .toInt(),
                0);
        QVERIFY(store.record(HistoryRun(), bigRun(1, 1, 0)));
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--write-until-killed") == 0)
        return writeUntilKilled(QString::fromLocal8Bit(argv[2]));
    tst_HistoryStoreSchema test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historystore_schema.moc"
