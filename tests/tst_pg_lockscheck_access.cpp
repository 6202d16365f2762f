// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.locks on what is hard to see (issue 16): a prepared transaction, which no
// session shows but which holds its locks (the fixture runs with max_prepared_transactions
// > 0), and a role without pg_monitor, which sees the locks but not the sessions' state and
// queries. Every session and prepared transaction is ended before the next test.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "lockholder.h"
#include "pgserver.h"
#include "postgres/lockscheck.h"
#include "postgres/locksession.h"
#include "runandwait.h"

#include <QTest>
#include <QUuid>
#include <libpq-fe.h>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TestPgLocksCheckAccess : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    std::vector<std::unique_ptr<LockHolder>> m_held;
    QString m_gid; // a prepared transaction to roll back in cleanup()

    LockHolder *open(const QString &application)
    {
        m_held.push_back(std::make_unique<LockHolder>(m_pg, m_db, application));
        return m_held.back().get();
    }

    CheckResult runLocks(const LockThresholds &t, const QString &role = {})
    {
        Environment env = m_pg.environment(u"locks"_s, m_db);
        if (!role.isEmpty()) {
            env.connection.user = role;
            env.connection.password = u"pw-locks-role"_s;
        }
        env.locks = t;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { LocksCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"lockaccess"_s);
        QVERIFY(!m_db.isEmpty());
        QCOMPARE(m_pg.exec(m_db,
                     { u"CREATE TABLE t (id int PRIMARY KEY, v int)"_s,
                         u"INSERT INTO t VALUES (1, 1), (2, 2)"_s, u"GRANT ALL ON t TO PUBLIC"_s }),
            QString());
    }

    void cleanup()
    {
        if (!m_gid.isEmpty())
            QCOMPARE(m_pg.exec(m_db, { u"ROLLBACK PREPARED '%1'"_s.arg(m_gid) }), QString());
        m_gid.clear();
        QVERIFY(endHeld(m_pg, m_db, m_held));
    }

    // A prepared transaction older than its threshold warns with its gid; one that a session
    // waits for is that chain's root, as pid 0 (pg_blocking_pids()'s name for it), and no
    // pid to terminate.
    void preparedTransaction()
    {
        LockHolder *p = open(u"xa-coordinator"_s);
        QVERIFY2(p->isOpen(), qPrintable(p->error()));
        const QString gid = u"doctor-test-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QCOMPARE(
            p->exec(u"BEGIN; UPDATE t SET v = 5 WHERE id = 1; PREPARE TRANSACTION '%1'"_s.arg(gid)),
            QString());
        m_gid = gid;

        LockThresholds t;
        QCOMPARE(runLocks(t).status, CheckStatus::Pass); // 300 s by default: young
        QThread::msleep(1100);
        t.preparedTransactionWarnSec = 1;
        const CheckResult old = runLocks(t);
        QCOMPARE(old.status, CheckStatus::Warn);
        QCOMPARE(old.evidenceValue(u"PreparedTransactions"_s).toInt(), 1);
        QCOMPARE(
            old.evidenceValue(u"PreparedTransactionIds"_s).toStringList(), QStringList { gid });
        QCOMPARE(old.evidenceValue(u"RootBlockers"_s).toInt(), 0); // nobody waits for it yet
        QVERIFY2(old.message.contains(u"1 prepared transaction older than 1 s (%1)"_s.arg(gid)),
            qPrintable(old.message));
        const QList<LockSession> alone = old.details.value<QList<LockSession>>();
        QCOMPARE(alone.size(), 1);
        QVERIFY(alone.first().preparedTransaction);
        QCOMPARE(alone.first().query, gid);

        // A session that wants the row waits for the prepared transaction.
        LockHolder *w = open(u"web-1"_s);
        QVERIFY(w->send(u"UPDATE t SET v = 6 WHERE id = 1"_s));
        QVERIFY(w->waitsForLock(m_pg, m_db));
        QThread::msleep(300);
        t.waitWarnSec = 0.2;
        const CheckResult blocked = runLocks(t);
        QCOMPARE(blocked.status, CheckStatus::Warn);
        QCOMPARE(blocked.evidenceValue(u"RootBlockers"_s).toInt(), 1);
        QCOMPARE(blocked.evidenceValue(u"Waiting"_s).toInt(), 1);
        QVERIFY(blocked.evidenceValue(u"RootBlockerPid"_s).isNull()); // nothing to terminate
        const QString root = blocked.evidenceValue(u"RootBlocker"_s).toString();
        QVERIFY2(root.startsWith(u"prepared transaction '%1' (%2)"_s.arg(gid, m_pg.user())),
            qPrintable(root));
        QVERIFY2(root.endsWith(u", 1 waiting"_s), qPrintable(root));
        const QList<LockSession> s = blocked.details.value<QList<LockSession>>();
        QCOMPARE(s.size(), 2);
        QCOMPARE(s.first().pid, 0);
        QVERIFY(s.first().preparedTransaction);
        QCOMPARE(s.first().waitersTotal, 1);
        QCOMPARE(s.last().pid, w->pid());
        QCOMPARE(s.last().blockedBy, QList<int> { 0 });

        // Rolled back, it is gone, and the waiter goes on.
        QCOMPARE(m_pg.exec(m_db, { u"ROLLBACK PREPARED '%1'"_s.arg(gid) }), QString());
        m_gid.clear();
        QCOMPARE(w->finish(), QString());
        QCOMPARE(runLocks(t).status, CheckStatus::Pass);
    }

    // Without pg_monitor the role still sees who waits, for how long and for whom (pg_locks
    // and pg_blocking_pids() are everyone's), but not the sessions' state and queries: the
    // result says how many it cannot see and names the GRANT, the role quoted as the
    // server quotes it. With the grant nothing is hidden.
    void roleWithoutPgMonitor()
    {
        const QString role = u"Doctor-Locks-"_s + m_db.right(6).toLower();
        QCOMPARE(
            m_pg.exec(m_db, { u"CREATE ROLE \"%1\" LOGIN PASSWORD 'pw-locks-role'"_s.arg(role) }),
            QString());
        LockHolder *a = open(u"report-job"_s);
        LockHolder *b = open(u"migrator"_s);
        QVERIFY(a->isOpen() && b->isOpen());
        QCOMPARE(a->exec(u"BEGIN; UPDATE t SET v = 7 WHERE id = 2"_s), QString());
        QVERIFY(b->send(u"ALTER TABLE t ADD COLUMN IF NOT EXISTS w int"_s));
        QVERIFY(b->waitsForLock(m_pg, m_db));
        QThread::msleep(300);
        LockThresholds t;
        t.waitWarnSec = 0.2;

        const CheckResult blind = runLocks(t, role);
        QCOMPARE(blind.status, CheckStatus::Warn);
        QCOMPARE(blind.evidenceValue(u"RootBlockerPid"_s).toInt(), a->pid());
        QCOMPARE(blind.evidenceValue(u"Waiting"_s).toInt(), 1);
        QVERIFY(blind.evidenceValue(u"LongestWaitSeconds"_s).toDouble() >= 0.3); // waitstart
        QCOMPARE(blind.evidenceValue(u"Hidden"_s).toInt(), 2);
        // The ALTER is hidden, but its AccessExclusiveLock request says it is a schema change.
        QCOMPARE(blind.evidenceValue(u"BlockedDdl"_s).toInt(), 1);
        QVERIFY2(blind.message.endsWith(u"cannot see the state and query of 2 sessions in the "
                                        "chains; GRANT pg_monitor TO \"%1\""_s.arg(role)),
            qPrintable(blind.message));
        QVERIFY2(blind.evidenceValue(u"RootBlocker"_s)
                     .toString()
                     .startsWith(u"pid %1 (report-job, state hidden)"_s.arg(a->pid())),
            qPrintable(blind.evidenceValue(u"RootBlocker"_s).toString()));
        for (const LockSession &s : blind.details.value<QList<LockSession>>()) {
            QVERIFY(s.state.isEmpty() && s.query.isEmpty() && s.client.isEmpty());
            QCOMPARE(s.user, m_pg.user()); // the role's name is no secret
        }

        QCOMPARE(m_pg.exec(m_db, { u"GRANT pg_monitor TO \"%1\""_s.arg(role) }), QString());
        const CheckResult seeing = runLocks(t, role);
        QCOMPARE(seeing.evidenceValue(u"Hidden"_s).toInt(), 0);
        QVERIFY2(!seeing.message.contains(u"GRANT"_s), qPrintable(seeing.message));
        QVERIFY2(seeing.evidenceValue(u"RootBlocker"_s)
                     .toString()
                     .contains(u"(report-job, idle in transaction "_s),
            qPrintable(seeing.evidenceValue(u"RootBlocker"_s).toString()));
    }
};

QTEST_GUILESS_MAIN(TestPgLocksCheckAccess)
#include "tst_pg_lockscheck_access.moc"
