// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckRunner when queries wait: lock/statement timeouts, cancel, frozen or killed backends.
#include "checkrunnerfixture.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dbsession.h"
#include "pgserver.h"
#include "runandwait.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QtConcurrent>
#include <atomic>
#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace CheckRunnerFixture;

namespace {
// A second session that holds ACCESS EXCLUSIVE on a table until released, on a thread of
// its own (a QSqlDatabase stays on the thread that made it). On the history itself the
// migrations check's lock probe sees it (a migration in progress, RELIABILITY 5); on the
// table behind a history view (m_waitDb) it does not, so the check's read waits, as it
// would for a lock taken between the probe and the read.
class LockHolder
{
public:
    LockHolder(const PgServer &pg, const QString &db,
        const QString &table = u"\"__EFMigrationsHistory\""_s)
    {
        m_future = QtConcurrent::run([this, pg, db, table] {
            const QString name = DbSession::nextConnectionName();
            {
                QSqlDatabase c = pg.addConnection(name, db);
                if (c.open()) {
                    QSqlQuery q(c);
                    q.exec(u"BEGIN"_s);
                    m_locked = q.exec(u"LOCK TABLE %1 IN ACCESS EXCLUSIVE MODE"_s.arg(table));
                    m_ready = true;
                    while (!m_release)
                        QThread::msleep(10);
                    q.exec(u"ROLLBACK"_s);
                }
                m_ready = true;
            }
            QSqlDatabase::removeDatabase(name);
        });
        while (!m_ready)
            QThread::msleep(5);
    }
    ~LockHolder() { release(); }
    bool locked() const { return m_locked; }
    void release()
    {
        m_release = true;
        m_future.waitForFinished();
    }

private:
    std::atomic_bool m_ready { false };
    std::atomic_bool m_locked { false };
    std::atomic_bool m_release { false };
    QFuture<void> m_future;
};
} // namespace

class TestPgCheckRunnerTimeouts : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    QString m_waitDb; // EF Core's history as a view over ef_rows (see LockHolder)
    static inline const QString Behind = u"ef_rows"_s;

    Environment env(const QString &name = u"env"_s) const { return m_pg.environment(name, m_db); }
    Environment waitEnv() const { return m_pg.environment(u"env"_s, m_waitDb); }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        QString error;
        m_db = createRunnerDatabase(m_pg, &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
        // ef_rows' columns are no history's, so the check reads only the view.
        m_waitDb = m_pg.createDatabase(u"waits"_s);
        QCOMPARE(m_pg.exec(m_waitDb,
                     { u"CREATE TABLE ef_rows (id varchar(150) PRIMARY KEY, version varchar(32))"_s,
                         u"INSERT INTO ef_rows VALUES ('20240101000000_Initial', '9.0.6')"_s,
                         u"CREATE VIEW \"__EFMigrationsHistory\" AS SELECT id AS \"MigrationId\", "
                         "version AS \"ProductVersion\" FROM ef_rows"_s }),
            QString());
    }

    // RELIABILITY 5: another session holds ACCESS EXCLUSIVE on the history (EF Core 9 while
    // it migrates): "migration in progress" with the holder's pid and application, within the
    // lock timeout's bound and without waiting for the lock; never a bare 55P03.
    void accessExclusiveHolderIsAMigrationInProgress()
    {
        LockHolder lock(m_pg, m_db);
        QVERIFY(lock.locked());
        const Environment e = env(); // lock_timeout 2 s
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, { Migrations });
        const CheckResult *r = out.find(u"env"_s, Migrations);
        QVERIFY(r);
        QCOMPARE(r->status, CheckStatus::Warn);
        QCOMPARE(r->evidenceValue(u"MigrationLock"_s).toString(), u"in-progress"_s);
        QVERIFY(r->evidenceValue(u"LockHolderPid"_s).toInt() > 0);
        QVERIFY(r->evidenceValue(u"LockHolderTransactionSeconds"_s).toDouble() >= 0);
        QVERIFY(r->evidenceValue(u"SqlState"_s).isNull());
        QVERIFY2(r->message.startsWith(u"Migration in progress: "), qPrintable(r->message));
        QVERIFY2(out.elapsedMs < e.timeouts.lockMs, qPrintable(QString::number(out.elapsedMs)));
        lock.release();
        QCOMPARE(runAndWait(runner, { e }, { Migrations }).find(u"env"_s, Migrations)->status,
            CheckStatus::Pass);
    }

    // RELIABILITY 3: a lock the probe cannot see still ends on lock_timeout, and on
    // statement_timeout when that is shorter; then the next run succeeds.
    void lockTimeoutThenStatementTimeout()
    {
        LockHolder lock(m_pg, m_waitDb, Behind);
        QVERIFY(lock.locked());
        Environment e = waitEnv();
        e.timeouts.lockMs = 500;
        CheckRunner runner(CheckRegistry::builtin());
        RunOutcome out = runAndWait(runner, { e }, { Migrations });
        QVERIFY(out.finished);
        const CheckResult *r = out.find(u"env"_s, Migrations);
        QCOMPARE(r->status, CheckStatus::Error);
        QCOMPARE(r->evidenceValue(u"SqlState"_s).toString(), u"55P03"_s);
        QVERIFY(out.elapsedMs < 1500);

        e.timeouts.lockMs = 10000;
        e.timeouts.statementMs = 1000;
        out = runAndWait(runner, { e }, { Migrations });
        r = out.find(u"env"_s, Migrations);
        QCOMPARE(r->evidenceValue(u"SqlState"_s).toString(), u"57014"_s);
        QVERIFY2(r->message.contains(u"statement_timeout"), qPrintable(r->message));
        QVERIFY2(out.elapsedMs < 1500, qPrintable(QString::number(out.elapsedMs)));

        lock.release();
        out = runAndWait(runner, { e }, { Migrations });
        QCOMPARE(out.find(u"env"_s, Migrations)->status, CheckStatus::Pass);
    }

    // RELIABILITY 4: cancel stops a running query through PQcancel.
    void cancelStopsARunningQuery()
    {
        LockHolder lock(m_pg, m_waitDb, Behind);
        Environment e = waitEnv();
        e.timeouts.lockMs = 30000;
        e.timeouts.statementMs = 30000;
        CheckRunner runner(CheckRegistry::builtin());
        QSignalSpy finished(&runner, &CheckRunner::runFinished);
        QSignalSpy results(&runner, &CheckRunner::resultReady);
        runner.start({ e }, { Migrations });
        QTest::qWait(500);
        QElapsedTimer t;
        t.start();
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);
        runner.waitForIdle(); // the job itself has stopped, not just the view
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QTest::qWait(50);
        QCOMPARE(results.size(), 0); // a cancelled run's results never arrive
        const QVariant waiting = m_pg.scalar(m_waitDb,
            u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND application_name = 'doctor-dashboard'"_s);
        QCOMPARE(waiting.toInt(), 0);
    }

    // The expected set read from a reference environment uses a second session on the
    // job's thread; when it ends, the job's own session must still be cancellable.
    void cancelReachesTheQueryAfterAReferenceWasRead()
    {
        const QString refDb = m_pg.createDatabase(u"reference"_s);
        QCOMPARE(m_pg.exec(refDb,
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                       u"PRIMARY KEY, "
                       "\"ProductVersion\" varchar(32) NOT NULL)"_s }),
            QString());
        const Environment reference = m_pg.environment(u"reference"_s, refDb);
        LockHolder lock(m_pg, m_waitDb, Behind);
        Environment e = waitEnv();
        e.referenceEnvironment = u"reference"_s;
        e.timeouts.lockMs = 30000;
        e.timeouts.statementMs = 30000;
        CheckRunner runner(CheckRegistry::builtin());
        runner.start({ e, reference }, { Migrations });
        QTRY_VERIFY_WITH_TIMEOUT(
            m_pg.scalar(m_waitDb,
                    u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND application_name = 'doctor-dashboard' AND datname = current_database()"_s)
                    .toInt()
                == 1,
            5000);
        QElapsedTimer t;
        t.start();
        runner.cancel();
        runner.waitForIdle();
        // PQcancel answers in milliseconds; without the handle only the watchdog's 2 s would.
        QVERIFY2(t.elapsed() < 1500, qPrintable(QString::number(t.elapsed())));
    }

    // A server that stops answering mid-query is beyond statement_timeout and PQcancel: here
    // the check's backend is frozen (SIGSTOP) while it waits for a lock. The watchdog closes
    // the connection at the check's deadline (2 x statement_timeout + 5 s), the result says
    // so, and nothing waits for the frozen backend.
    void aServerThatStopsAnsweringIsCutOff()
    {
        LockHolder lock(m_pg, m_waitDb, Behind);
        Environment e = waitEnv();
        e.timeouts.lockMs = 60000;
        e.timeouts.statementMs = 500; // deadline 6 s
        CheckRunner runner(CheckRegistry::builtin());
        QSignalSpy finished(&runner, &CheckRunner::runFinished);
        QList<CheckResult> results;
        connect(&runner, &CheckRunner::resultReady, this,
            [&results](const CheckResult &r) { results << r; });
        QElapsedTimer t;
        t.start();
        runner.start({ e }, { Migrations });
        const QString waiting
            = u"SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
              "AND application_name = 'doctor-dashboard' AND datname = current_database()"_s;
        QTRY_VERIFY_WITH_TIMEOUT(m_pg.scalar(m_waitDb, waiting).toInt() > 0, 5000);
        const pid_t backend = m_pg.scalar(m_waitDb, waiting).toInt();
        QCOMPARE(::kill(backend, SIGSTOP), 0);
        const auto thaw = qScopeGuard([backend] { ::kill(backend, SIGCONT); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        runner.disconnect(this);
        const qint64 ms = t.elapsed();
        QVERIFY2(ms >= 5500 && ms < 9000, qPrintable(QString::number(ms)));
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].status, CheckStatus::Error);
        QVERIFY2(results[0].message.contains(u"No answer from the server"_s),
            qPrintable(results[0].message));
        QCOMPARE(finished.first().at(1).toBool(), false); // a finished run, not a cancelled one

        ::kill(backend, SIGCONT);
        lock.release();
        const RunOutcome out = runAndWait(runner, { waitEnv() }, { Migrations });
        QCOMPARE(out.find(u"env"_s, Migrations)->status, CheckStatus::Pass);
    }

    // RELIABILITY 6: the backend is terminated mid-run; the next run reconnects.
    void terminatedBackendIsConnectionLost()
    {
        Environment e = waitEnv();
        e.timeouts.lockMs = 30000;
        CheckRunner runner(CheckRegistry::builtin());
        RunOutcome out;
        {
            LockHolder lock(m_pg, m_waitDb, Behind);
            QSignalSpy finished(&runner, &CheckRunner::runFinished);
            connect(&runner, &CheckRunner::resultReady, this,
                [&out](const CheckResult &r) { out.results << r; });
            runner.start({ e }, { Migrations });
            QTRY_VERIFY_WITH_TIMEOUT(
                m_pg.scalar(m_waitDb,
                        u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        "AND application_name = 'doctor-dashboard'"_s)
                        .toInt()
                    == 1,
                5000);
            // Only sessions on this test's database: other test programs share the server.
            m_pg.exec(m_waitDb,
                { u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name "
                  "= 'doctor-dashboard' AND datname = current_database()"_s });
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
            runner.disconnect(this);
        }
        QCOMPARE(out.results.size(), 1);
        QVERIFY2(out.results[0].message.contains(u"Connection lost"),
            qPrintable(out.results[0].message));
        out = runAndWait(runner, { e }, { Migrations });
        QCOMPARE(out.find(u"env"_s, Migrations)->status, CheckStatus::Pass);
    }
};

QTEST_GUILESS_MAIN(TestPgCheckRunnerTimeouts)
#include "tst_pg_checkrunner_timeouts.moc"
