// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CancelToken on the fixture server: cancel reaches a running query, the watchdog's
// deadline closes a session that is overdue, and a disarmed deadline leaves it alone.

#include "engine/canceltoken.h"
#include "engine/dbsession.h"
#include "pgserver.h"

#include <QElapsedTimer>
#include <QTest>
#include <QtConcurrent>
#include <atomic>

using namespace Qt::StringLiterals;

namespace {

struct QueryOutcome
{
    bool opened = false;
    bool ok = false;
    QString sqlState;
    qint64 elapsedMs = 0;
    bool aborted = false; // CancelToken::wasAborted() right after the query
};

} // namespace

class TestPgCancelToken : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    // Runs SQL on a session of its own thread (as a check's job does) while this thread,
    // as the runner's watchdog does, calls TICK every 50 ms until the job is done; returns
    // how the query ended.
    QueryOutcome runWhile(CancelToken &token, const QString &sql, const std::function<void()> &tick,
        qint64 deadlineMs = -1)
    {
        std::atomic_bool started = false;
        const Environment env = m_pg.environment(u"env"_s, m_db);
        QFuture<QueryOutcome> job = QtConcurrent::run([&] {
            QueryOutcome o;
            DbSession session(env, &token);
            o.opened = session.open();
            if (!o.opened) {
                started = true;
                return o;
            }
            if (deadlineMs >= 0)
                token.setDeadline(deadlineMs);
            QElapsedTimer t;
            t.start();
            started = true;
            const QueryResult r = session.run({ { sql } }).value(0).value(0);
            o.ok = r.ok();
            o.elapsedMs = t.elapsed();
            o.sqlState = r.error.sqlState;
            o.aborted = token.wasAborted();
            return o;
        });
        while (!started)
            QThread::msleep(5);
        QThread::msleep(200); // the statement is on its way to the server
        for (int i = 0; i < 200 && !job.isFinished(); ++i) {
            tick();
            QThread::msleep(50);
        }
        job.waitForFinished();
        return job.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"canceltoken"_s);
        QVERIFY(!m_db.isEmpty());
    }

    // Nothing attached: cancel sets the flag a job checks between statements; the
    // watchdog and detach have nothing to act on.
    void withoutSessions()
    {
        CancelToken token;
        QVERIFY(!token.isCancelled());
        QVERIFY(!token.flag());
        token.attach(nullptr);
        token.detach(nullptr);
        token.setDeadline(1);
        QThread::msleep(5);
        token.abortIfOverdue();
        QVERIFY(!token.wasAborted());
        token.cancel();
        QVERIFY(token.isCancelled());
        QVERIFY(token.flag());
    }

    // PQcancel from another thread: the server stops the statement (57014) at once.
    void cancelStopsARunningQuery()
    {
        CancelToken token;
        const QueryOutcome o = runWhile(token, u"SELECT pg_sleep(10)"_s, [&] { token.cancel(); });
        QVERIFY(o.opened);
        QVERIFY(!o.ok);
        QCOMPARE(o.sqlState, u"57014"_s);
        QVERIFY2(o.elapsedMs < 3000, qPrintable(QString::number(o.elapsedMs)));
        QVERIFY(!o.aborted); // cancelled, not cut off
        QVERIFY(token.isCancelled());
    }

    // The watchdog (here: this thread) closes the socket of a session past its deadline,
    // which is what reaches a server that no longer answers.
    void overdueSessionIsCutOff()
    {
        CancelToken token;
        const QueryOutcome o
            = runWhile(token, u"SELECT pg_sleep(10)"_s, [&] { token.abortIfOverdue(); }, 300);
        QVERIFY(o.opened);
        QVERIFY(!o.ok);
        QVERIFY(o.aborted);
        QVERIFY2(o.elapsedMs < 3000, qPrintable(QString::number(o.elapsedMs)));
        QVERIFY(!token.isCancelled());
    }

    // Deadline 0 disarms: a slow but finite statement is left to finish.
    void disarmedDeadlineLeavesTheSessionAlone()
    {
        CancelToken token;
        const QueryOutcome o
            = runWhile(token, u"SELECT pg_sleep(1)"_s, [&] { token.abortIfOverdue(); }, 0);
        QVERIFY(o.opened);
        QVERIFY2(o.ok, qPrintable(o.sqlState));
        QVERIFY(!o.aborted);
    }
};

QTEST_GUILESS_MAIN(TestPgCancelToken)
#include "tst_pg_canceltoken.moc"
