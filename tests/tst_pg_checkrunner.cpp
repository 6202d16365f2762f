// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckRunner against real servers and real faults (RELIABILITY 1-7, 9, 10).
#include "engine/checkregistry.h"
#include "engine/canceltoken.h"
#include "engine/checkrunner.h"
#include "engine/dbsession.h"
#include "kb/kblibrary.h"
#include "pgserver.h"
#include "runandwait.h"
#include "silentserver.h"
#include "sqlwarningguard.h"
#include "stallprobe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QScopeGuard>
#include <QTest>
#include <QThread>
#include <QtConcurrent>

#include <csignal>
#include <sys/types.h>
using namespace Qt::StringLiterals;

namespace {
const QString Migrations = u"check.postgres.migrations"_s;
const QString Connectivity = u"check.postgres.connectivity"_s;

// A second session that holds ACCESS EXCLUSIVE on the history table until released,
// on a thread of its own (a QSqlDatabase stays on the thread that made it).
class LockHolder
{
public:
    LockHolder(const PgServer &pg, const QString &db)
    {
        m_future = QtConcurrent::run([this, pg, db] {
            const QString name = DbSession::nextConnectionName();
            {
                QSqlDatabase c = pg.addConnection(name, db);
                if (c.open()) {
                    QSqlQuery q(c);
                    q.exec(u"BEGIN"_s);
                    m_locked = q.exec(
                        u"LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE"_s);
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

class TestPgCheckRunner : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    Environment env(const QString &name = u"env"_s) const { return m_pg.environment(name, m_db); }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"runner"_s);
        QVERIFY(!m_db.isEmpty());
        QCOMPARE(
            m_pg.exec(m_db,
                { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY "
                  u"KEY, "
                  "\"ProductVersion\" varchar(32) NOT NULL)"_s,
                    u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', '9.0.6')"_s }),
            QString());
    }

    void allChecksPassOnAHealthyServer()
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env() }, {});
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), 3);
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QVERIFY(c);
        QCOMPARE(c->status, CheckStatus::Pass);
        QVERIFY(c->evidenceValue(u"ServerVersion"_s).toString().startsWith(u"1"));
        // libpq's default sslmode (prefer) encrypts but does not verify the server.
        QVERIFY2(c->evidenceValue(u"Tls"_s).toString().endsWith(u", unverified"_s),
                 qPrintable(c->evidenceValue(u"Tls"_s).toString()));
        const CheckResult *pool = out.find(u"env"_s, u"check.postgres.pool"_s);
        QVERIFY(pool);
        QCOMPARE(pool->status, CheckStatus::Pass);
        QVERIFY(pool->evidenceValue(u"MaxConnections"_s).toInt() >= 100);
        QVERIFY(pool->evidenceValue(u"ByApplication"_s).toMap().contains(u"doctor-dashboard"_s));
    }

    // RELIABILITY 20: sslmode is honoured and TLS that does not verify the server is labelled so.
    void tlsIsHonouredAndLabelled_data()
    {
        QTest::addColumn<QString>("sslmode");
        QTest::addColumn<bool>("withRootCert");
        QTest::addColumn<QString>("tls"); // expected Tls evidence suffix, or "" for a failed connect
        QTest::newRow("disable") << u"disable"_s << false << u"off"_s;
        QTest::newRow("require") << u"require"_s << false << u", unverified"_s;
        QTest::newRow("verify-full with CA") << u"verify-full"_s << true << u", certificate verified"_s;
        QTest::newRow("verify-ca with CA") << u"verify-ca"_s << true << u", certificate verified"_s;
        QTest::newRow("verify-full without CA") << u"verify-full"_s << false << QString();
    }
    void tlsIsHonouredAndLabelled()
    {
        QFETCH(QString, sslmode);
        QFETCH(bool, withRootCert);
        QFETCH(QString, tls);
        Environment e = env();
        e.connection.setOption(u"sslmode"_s, sslmode);
        e.connection.setOption(u"sslrootcert"_s, withRootCert ? m_pg.caCertificate() : u"/nonexistent/root.crt"_s);
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, {e}, {Connectivity});
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QVERIFY(c);
        if (tls.isEmpty()) {
            QCOMPARE(c->status, CheckStatus::Fail); // cannot verify: refuses to connect
            return;
        }
        QCOMPARE(c->status, CheckStatus::Pass);
        QVERIFY2(c->evidenceValue(u"Tls"_s).toString().endsWith(tls), qPrintable(c->evidenceValue(u"Tls"_s).toString()));
    }

    // RELIABILITY 1
    void closedPortIsRefusedQuickly()
    {
        Environment e = env();
        e.connection.port = QString::number(closedLoopbackPort());
        CheckRunner runner(CheckRegistry::builtin());
        StallProbe probe(50);
        const RunOutcome out = runAndWait(runner, { e }, { Connectivity, Migrations });
        QVERIFY(out.finished);
        QVERIFY2(out.elapsedMs < 1000, qPrintable(QString::number(out.elapsedMs)));
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QCOMPARE(c->status, CheckStatus::Fail);
        QVERIFY2(c->message.contains(u"Connection refused"), qPrintable(c->message));
        QCOMPARE(out.find(u"env"_s, Migrations)->status, CheckStatus::NotRun);
        QVERIFY(probe.longestGapMs() < 200);
    }

    // Issue 12 item 1: a failed connection is the root cause. Connectivity fails with its
    // fixes; the checks that needed the connection are not run, with no fixes of their own,
    // pointing at connectivity.
    void closedPortConnectivityIsTheRootCause()
    {
        KbLibrary kb;
        kb.load();
        Environment e = env();
        e.connection.port = QString::number(closedLoopbackPort());
        CheckRunner runner(CheckRegistry::builtin(), &kb);
        const RunOutcome out = runAndWait(runner, { e }, {});
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), 3);
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QCOMPARE(c->status, CheckStatus::Fail);
        QVERIFY(!c->remediation.fixes.isEmpty());
        QVERIFY(c->checkedAt.isValid());
        for (const QString &id : { Migrations, u"check.postgres.pool"_s }) {
            const CheckResult *r = out.find(u"env"_s, id);
            QVERIFY(r);
            QCOMPARE(r->status, CheckStatus::NotRun);
            QVERIFY2(r->message.startsWith(u"Not run: no connection (Connection refused"), qPrintable(r->message));
            QVERIFY2(r->message.contains(Connectivity), qPrintable(r->message));
            QVERIFY(r->remediation.fixes.isEmpty());
            QCOMPARE(r->remediation.article, Connectivity);
            QCOMPARE(r->evidenceValue(u"RootCause"_s).toString(), Connectivity);
            QCOMPARE(r->durationMs, 0);
        }
    }

    // With no check of the run to claim the failure, the cause must still show: the checks
    // keep their error, with the connect failure's words.
    void withoutConnectivityTheErrorStays()
    {
        Environment e = env();
        e.connection.port = QString::number(closedLoopbackPort());
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, { Migrations });
        QVERIFY(out.finished);
        const CheckResult *m = out.find(u"env"_s, Migrations);
        QCOMPARE(m->status, CheckStatus::Error);
        QVERIFY2(m->message.contains(u"Connection refused"), qPrintable(m->message));
    }

    // No connection configured: connectivity's finding, the others not run; no connect.
    void unconfiguredEnvironmentIsConnectivitysFinding()
    {
        Environment e = env();
        e.configurationError = u"appsettings.json names no connection string"_s;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, {});
        QVERIFY(out.finished);
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QCOMPARE(c->status, CheckStatus::Fail);
        QCOMPARE(c->message, e.configurationError);
        QCOMPARE(c->evidenceValue(u"Configured"_s).toBool(), false);
        QVERIFY(!c->evidence.contains(qMakePair(u"Reachable"_s, QVariant(true))));
        const CheckResult *m = out.find(u"env"_s, Migrations);
        QCOMPARE(m->status, CheckStatus::NotRun);
        QVERIFY2(m->message.contains(u"none is configured"), qPrintable(m->message));
    }

    // One connect per environment, however many checks: a server that never answers is
    // waited for once, not once per check.
    void aDownServerIsTriedOncePerEnvironment()
    {
        SilentServer silent;
        Environment e = env(u"silent"_s);
        e.connection.port = QString::number(silent.port());
        e.timeouts.connectSec = 2;
        CheckRunner runner(CheckRegistry::builtin());
        RunOutcome out = runAndWait(runner, { e }, { Connectivity });
        QVERIFY(out.finished);
        const int oneCheck = silent.acceptedCount();
        QVERIFY(oneCheck >= 1);
        out = runAndWait(runner, { e }, {});
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), 3);
        QCOMPARE(silent.acceptedCount() - oneCheck, oneCheck);
        QVERIFY2(out.elapsedMs < 3500, qPrintable(QString::number(out.elapsedMs)));
        QCOMPARE(out.find(u"silent"_s, Migrations)->status, CheckStatus::NotRun);
    }

    // RELIABILITY 2: a silent server times out; other environments are not held up.
    void silentServerTimesOutAndOthersAreUnaffected()
    {
        SilentServer silent;
        Environment slow = env(u"silent"_s);
        slow.connection.port = QString::number(silent.port());
        slow.timeouts.connectSec = 2;
        CheckRunner runner(CheckRegistry::builtin());
        QElapsedTimer t;
        t.start();
        qint64 healthyAt = -1;
        connect(&runner, &CheckRunner::environmentFinished, this, [&](const QString &n) {
            if (n == u"healthy")
                healthyAt = t.elapsed();
        });
        StallProbe probe(50);
        const RunOutcome out = runAndWait(runner, { slow, env(u"healthy"_s) }, { Connectivity });
        QVERIFY(out.finished);
        QVERIFY2(out.elapsedMs >= 1900 && out.elapsedMs < 3200,
            qPrintable(QString::number(out.elapsedMs)));
        const CheckResult *c = out.find(u"silent"_s, Connectivity);
        QCOMPARE(c->status, CheckStatus::Fail);
        QVERIFY2(c->message.contains(u"timeout", Qt::CaseInsensitive), qPrintable(c->message));
        QCOMPARE(out.find(u"healthy"_s, Connectivity)->status, CheckStatus::Pass);
        QVERIFY2(healthyAt >= 0 && healthyAt < 1000, qPrintable(QString::number(healthyAt)));
        QVERIFY2(probe.longestGapMs() < 200, qPrintable(QString::number(probe.longestGapMs())));
    }

    // A role at its connection limit is named as such: the server answered (reachable) and
    // had accepted the password, so nothing points at the network or the password.
    // (Refusals in words DbError does not know: tst_pg_connectfailures.)
    void aRoleAtItsConnectionLimitIsNamed()
    {
        const QString role = u"doctor_nolimit_"_s + m_db.right(6).toLower();
        QCOMPARE(m_pg.exec(m_db, { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-limit' CONNECTION LIMIT 0"_s.arg(role) }),
            QString());
        Environment e = env();
        e.connection.user = role;
        e.connection.password = u"pw-limit"_s;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, { Connectivity });
        QVERIFY(out.finished);
        const CheckResult *r = out.find(u"env"_s, Connectivity);
        QVERIFY(r);
        QCOMPARE(r->status, CheckStatus::Fail);
        QVERIFY2(r->message.contains(u"too many connections"_s), qPrintable(r->message));
        QVERIFY2(r->message.contains(u"has reached its connection limit"_s), qPrintable(r->message));
        QCOMPARE(r->evidenceValue(u"ConnectFailure"_s).toString(), u"RoleConnectionLimit"_s);
        QCOMPARE(r->evidenceValue(u"Reachable"_s).toBool(), true);
        QCOMPARE(r->evidenceValue(u"Authenticated"_s).toBool(), true);
    }

    // RELIABILITY 3 and 5: statement and lock timeouts, then the next run succeeds.
    void lockTimeoutThenStatementTimeout()
    {
        LockHolder lock(m_pg, m_db);
        QVERIFY(lock.locked());
        Environment e = env();
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
        LockHolder lock(m_pg, m_db);
        Environment e = env();
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
        const QVariant waiting = m_pg.scalar(m_db,
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
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, "
                       "\"ProductVersion\" varchar(32) NOT NULL)"_s }),
            QString());
        const Environment reference = m_pg.environment(u"reference"_s, refDb);
        LockHolder lock(m_pg, m_db);
        Environment e = env();
        e.referenceEnvironment = u"reference"_s;
        e.timeouts.lockMs = 30000;
        e.timeouts.statementMs = 30000;
        CheckRunner runner(CheckRegistry::builtin());
        runner.start({ e, reference }, { Migrations });
        QTRY_VERIFY_WITH_TIMEOUT(
            m_pg.scalar(m_db,
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
        LockHolder lock(m_pg, m_db);
        Environment e = env();
        e.timeouts.lockMs = 60000;
        e.timeouts.statementMs = 500; // deadline 6 s
        CheckRunner runner(CheckRegistry::builtin());
        QSignalSpy finished(&runner, &CheckRunner::runFinished);
        QList<CheckResult> results;
        connect(&runner, &CheckRunner::resultReady, this, [&results](const CheckResult &r) { results << r; });
        QElapsedTimer t;
        t.start();
        runner.start({ e }, { Migrations });
        const QString waiting = u"SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                "AND application_name = 'doctor-dashboard' AND datname = current_database()"_s;
        QTRY_VERIFY_WITH_TIMEOUT(m_pg.scalar(m_db, waiting).toInt() > 0, 5000);
        const pid_t backend = m_pg.scalar(m_db, waiting).toInt();
        QCOMPARE(::kill(backend, SIGSTOP), 0);
        const auto thaw = qScopeGuard([backend] { ::kill(backend, SIGCONT); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        runner.disconnect(this);
        const qint64 ms = t.elapsed();
        QVERIFY2(ms >= 5500 && ms < 9000, qPrintable(QString::number(ms)));
        QCOMPARE(results.size(), 1);
        QCOMPARE(results[0].status, CheckStatus::Error);
        QVERIFY2(results[0].message.contains(u"No answer from the server"_s), qPrintable(results[0].message));
        QCOMPARE(finished.first().at(1).toBool(), false); // a finished run, not a cancelled one

        ::kill(backend, SIGCONT);
        lock.release();
        const RunOutcome out = runAndWait(runner, { env() }, { Migrations });
        QCOMPARE(out.find(u"env"_s, Migrations)->status, CheckStatus::Pass);
    }

    // RELIABILITY 6: the backend is terminated mid-run; the next run reconnects.
    void terminatedBackendIsConnectionLost()
    {
        Environment e = env();
        e.timeouts.lockMs = 30000;
        CheckRunner runner(CheckRegistry::builtin());
        RunOutcome out;
        {
            LockHolder lock(m_pg, m_db);
            QSignalSpy finished(&runner, &CheckRunner::runFinished);
            connect(&runner, &CheckRunner::resultReady, this,
                [&out](const CheckResult &r) { out.results << r; });
            runner.start({ e }, { Migrations });
            QTRY_VERIFY_WITH_TIMEOUT(
                m_pg.scalar(m_db,
                        u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        "AND application_name = 'doctor-dashboard'"_s)
                        .toInt()
                    == 1,
                5000);
            // Only sessions on this test's database: other test programs share the server.
            m_pg.exec(m_db,
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

    // RELIABILITY 9: a check session cannot write.
    void checkSessionsAreReadOnly()
    {
        const Environment e = env();
        CancelToken token;
        DbSession session(e, &token);
        QVERIFY(session.open());
        QVERIFY(session.beginReadOnly());
        QSqlQuery q(QSqlDatabase::database(session.connectionName(), false));
        QVERIFY(!q.exec(u"CREATE TABLE written_by_check (id int)"_s));
        QCOMPARE(q.lastError().nativeErrorCode(), u"25006"_s);
        QCOMPARE(DbError::fromQuery(q.lastError()).kind, DbError::Kind::ReadOnly);
        session.rollback();
    }

    // RELIABILITY 9: the server logs every modifying statement (log_statement = 'mod') with
    // its application name; a full run of every check writes none.
    void noStatementFromACheckSessionWrites()
    {
        QFile log(m_pg.logPath());
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(m_pg.logPath()));
        log.seek(log.size());
        Environment e = env(u"writes"_s);
        e.expectedSource = QStringLiteral(DOCTOR_TEST_DATA) + u"/expected/manifest.txt"_s;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, {e}, {});
        QCOMPARE(out.results.size(), 3);
        // The log is written asynchronously by the server's logger; give it a moment.
        QTest::qWait(300);
        // Sanity: the log does record modifying statements (this one is ours, not a check's).
        QCOMPARE(m_pg.exec(m_db, {u"CREATE TEMP TABLE log_probe (id int)"_s}), QString());
        QTRY_VERIFY_WITH_TIMEOUT(QFile(m_pg.logPath()).size() > log.pos(), 3000);
        const QByteArray written = log.readAll();
        QVERIFY2(written.contains("CREATE TEMP TABLE log_probe"), written.constData());
        QVERIFY2(!written.contains("app=doctor-dashboard"), written.constData());
    }

    // RELIABILITY 10: 50 environments at once, no thread warnings, no leftover connections.
    void fiftyEnvironmentsConcurrently()
    {
        SqlWarningGuard guard;
        QList<Environment> envs;
        for (int i = 0; i < 50; ++i)
            envs << env(u"env%1"_s.arg(i));
        CheckRunner runner(CheckRegistry::builtin());
        runner.setMaxParallel(50);
        const RunOutcome out = runAndWait(runner, envs, {}, 60000);
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), 150);
        for (const CheckResult &r : out.results)
            QVERIFY2(
                r.status == CheckStatus::Pass, qPrintable(r.environment + u": "_s + r.message));
        runner.waitForIdle();
        QCOMPARE(guard.offending(), QStringList());
        QCOMPARE(QSqlDatabase::connectionNames(), QStringList());
    }

    // RELIABILITY 7: a server restarted between runs is picked up by the next run.
    void serverRestartBetweenRuns()
    {
        CheckRunner runner(CheckRegistry::builtin());
        QCOMPARE(
            runAndWait(runner, { env() }, { Connectivity }).find(u"env"_s, Connectivity)->status,
            CheckStatus::Pass);
        QString message;
        QVERIFY2(m_pg.restart(&message), qPrintable(message));
        QCOMPARE(
            runAndWait(runner, { env() }, { Connectivity }).find(u"env"_s, Connectivity)->status,
            CheckStatus::Pass);
    }
};

QTEST_GUILESS_MAIN(TestPgCheckRunner)
#include "tst_pg_checkrunner.moc"
