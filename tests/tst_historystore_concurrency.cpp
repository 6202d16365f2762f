// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Two processes writing one SQLite history store at once (RELIABILITY 24): both start on a
// store that does not exist yet (so they also race to create the schema), each records 50
// runs of the same environments, and afterwards every result is there exactly once, with
// one current sighting per migration and one current span per result. The writers are this
// binary started again with --write (main() below).
#include "history/historystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Runs = 50;
constexpr int Envs = 3;
constexpr int Migrations = 200; // bulk, so that the two writers' transactions overlap

QList<CheckResult> results(int round)
{
    QList<CheckResult> out;
    for (int e = 0; e < Envs; ++e) {
        CheckResult m;
        m.environment = u"env-%1"_s.arg(e);
        m.checkId = u"check.postgres.migrations"_s;
        m.subject = u"efcore public.__EFMigrationsHistory"_s;
        QList<MigrationEntry> entries;
        for (int i = 0; i < Migrations; ++i) {
            MigrationEntry x;
            x.id = u"M%1"_s.arg(i);
            x.tool = u"efcore"_s;
            x.history = u"public.__EFMigrationsHistory"_s;
            x.state
                = (i + round) % 4 ? MigrationEntry::State::Applied : MigrationEntry::State::Pending;
            entries << x;
        }
        m.details = QVariant::fromValue(entries);
        m.status = CheckStatus::Warn;
        m.checkedAt = QDateTime::currentDateTimeUtc();
        CheckResult p;
        p.environment = m.environment;
        p.checkId = u"check.postgres.pool"_s;
        p.status = round % 3 ? CheckStatus::Pass : CheckStatus::Fail;
        p.checkedAt = m.checkedAt;
        out << m << p;
    }
    return out;
}

// One writer, once the test says go: runs runs with ids "<tag>-<n>"; exit code 0 when all were
// recorded.
int write(const QString &path, const QString &tag, int runs)
{
    // Both start together: each waits for the test to create path.go.
    while (!QFile::exists(path + u".go"_s))
        QThread::msleep(1);
    HistoryStore store;
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 2;
    }
    for (int n = 0; n < runs; ++n) {
        HistoryRun run;
        run.id = u"%1-%2"_s.arg(tag).arg(n);
        run.startedAt = QDateTime::currentDateTimeUtc();
        if (!store.record(run, results(n))) {
            std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
            return 3;
        }
    }
    return 0;
}

int count(const QString &path, const QString &sql)
{
    int out = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (db.open() && q.exec(sql) && q.next())
            out = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(u"count"_s);
    return out;
}

} // namespace

class tst_HistoryStoreConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoProcessesLoseNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"shared/history.sqlite"_s);
        QProcess a;
        QProcess b;
        a.start(QCoreApplication::applicationFilePath(),
            { u"--write"_s, path, u"a"_s, QString::number(Runs) });
        b.start(QCoreApplication::applicationFilePath(),
            { u"--write"_s, path, u"b"_s, QString::number(Runs) });
        QVERIFY(a.waitForStarted() && b.waitForStarted());
        QVERIFY(QDir().mkpath(dir.filePath(u"shared"_s)));
        QFile go(path + u".go"_s);
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.close();
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        QCOMPARE(a.exitStatus(), QProcess::NormalExit);
        QCOMPARE(b.exitStatus(), QProcess::NormalExit);
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());

        QCOMPARE(count(path, u"SELECT count(*) FROM runs"_s), 2 * Runs);
        // Every result of every run exactly once.
        QCOMPARE(count(path, u"SELECT count(*) FROM results"_s), 2 * Runs * Envs * 2);
        QCOMPARE(count(path,
                     u"SELECT count(*) FROM (SELECT DISTINCT run_id, environment, "
                     "check_id, subject FROM results)"_s),
            2 * Runs * Envs * 2);
        QCOMPARE(count(path,
                     u"SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM results "
                     "WHERE run_id = r.id) <> %1"_s.arg(Envs * 2)),
            0);
        // Each migration's transitions each from one run (no run inserted one twice), one
        // check of each history per run.
        QCOMPARE(count(path,
                     u"SELECT count(*) FROM (SELECT DISTINCT environment, tool, history, "
                     "migration_id FROM migration_transitions)"_s),
            Envs * Migrations);
        QCOMPARE(count(path,
                     u"SELECT count(*) FROM (SELECT environment, migration_id, run_id FROM "
                     "migration_transitions GROUP BY environment, migration_id, run_id "
                     "HAVING count(*) > 1)"_s),
            0);
        QCOMPARE(
            count(path, u"SELECT schema_version FROM store_meta"_s), HistoryStore::SchemaVersion);

        HistoryStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.results({}).size(), 2 * Runs * Envs * 2);
        // One current sighting per migration, one current span per result name.
        const QList<MigrationSighting> sightings = store.migrations({});
        QCOMPARE(std::count_if(sightings.begin(), sightings.end(),
                     [](const MigrationSighting &s) { return s.current; }),
            Envs * Migrations);
        QCOMPARE(store.currentSpans({}).size(), Envs * 2);
    }

    // Four processes open one new store at the same moment, five times over: one creates
    // the schema, the others wait for it and find it made (no "database is locked").
    void openersRaceToCreateTheSchema()
    {
        for (int round = 0; round < 5; ++round) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            const QString path = dir.filePath(u"history.sqlite"_s);
            std::vector<std::unique_ptr<QProcess>> writers;
            for (int w = 0; w < 4; ++w) {
                writers.push_back(std::make_unique<QProcess>());
                writers.back()->start(QCoreApplication::applicationFilePath(),
                    { u"--write"_s, path, u"w%1"_s.arg(w), u"1"_s });
                QVERIFY(writers.back()->waitForStarted());
            }
            QFile go(path + u".go"_s);
            QVERIFY(go.open(QIODevice::WriteOnly));
            go.close();
            for (const auto &w : writers) {
                QVERIFY(w->waitForFinished(60000));
                QVERIFY2(w->exitCode() == 0, w->readAllStandardError().constData());
            }
            QCOMPARE(count(path, u"SELECT count(*) FROM results"_s), 4 * Envs * 2);
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], "--write") == 0)
        return write(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
            QString::fromLocal8Bit(argv[4]).toInt());
    tst_HistoryStoreConcurrency test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historystore_concurrency.moc"
