// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.locks against the fixture's real PostgreSQL, on sessions this test opens and
// holds (issue 16): A idle in a transaction holding a row lock, B's ALTER TABLE waiting for
// A, C and D waiting behind B. Thresholds are set low so that nothing sleeps over a second,
// and every session is ended before the next test.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "lockholder.h"
#include "pgserver.h"
#include "postgres/lockscheck.h"
#include "postgres/locksession.h"
#include "runandwait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <libpq-fe.h>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const LockSession *find(const QList<LockSession> &list, int pid)
{
    for (const LockSession &s : list) {
        if (s.pid == pid)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestPgLocksCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    std::vector<std::unique_ptr<LockHolder>> m_held;

    LockHolder *open(const QString &application)
    {
        m_held.push_back(std::make_unique<LockHolder>(m_pg, m_db, application));
        return m_held.back().get();
    }

    CheckResult runLocks(const LockThresholds &t)
    {
        Environment env = m_pg.environment(u"locks"_s, m_db);
        env.locks = t;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { LocksCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    static LockThresholds shortWaits()
    {
        LockThresholds t;
        t.waitWarnSec = 0.2;
        return t;
    }

    // The chain of issue 16 on table t; returns A, B, C, D (null on failure).
    QList<LockHolder *> holdChain()
    {
        LockHolder *a = open(u"report-job"_s);
        LockHolder *b = open(u"migrator"_s);
        LockHolder *c = open(u"web-1"_s);
        LockHolder *d = open(u"web-2"_s);
        for (LockHolder *h : { a, b, c, d }) {
            if (!h->isOpen()) {
                qWarning("%s", qPrintable(h->error()));
                return {};
            }
        }
        if (!a->exec(u"BEGIN; UPDATE t SET v = v + 1 WHERE id = 1"_s).isEmpty()
            || !b->send(u"ALTER TABLE t ADD COLUMN w int"_s) || !b->waitsForLock(m_pg, m_db)
            || !c->send(u"SELECT * FROM t"_s) || !d->send(u"SELECT * FROM t"_s)
            || !c->waitsForLock(m_pg, m_db) || !d->waitsForLock(m_pg, m_db))
            return {};
        QThread::msleep(300); // past the 0.2 s warning
        return { a, b, c, d };
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"locks"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void init()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"DROP TABLE IF EXISTS t"_s, u"CREATE TABLE t (id int PRIMARY KEY, v int)"_s,
                         u"INSERT INTO t VALUES (1, 1), (2, 2)"_s }),
            QString());
    }

    // No session left behind: every held session is ended, and gone from the server.
    void cleanup() { QVERIFY(endHeld(m_pg, m_db, m_held)); }

    void passesWithoutWaits()
    {
        LockHolder *idle = open(u"idle-in-tx"_s);
        QVERIFY(idle->isOpen());
        QCOMPARE(idle->exec(u"BEGIN; UPDATE t SET v = 3 WHERE id = 2"_s), QString());
        const CheckResult r = runLocks(shortWaits());
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"Waiting"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"RootBlockers"_s).toInt(), 0);
        QVERIFY(r.evidenceValue(u"RootBlockerPid"_s).isNull());
        QVERIFY2(r.message.startsWith(u"no session has waited for a lock over 0.2 s"_s),
            qPrintable(r.message));
        QVERIFY(r.details.value<QList<LockSession>>().isEmpty());
    }

    void chainNamesTheRootAndTheBlockedMigration()
    {
        const QList<LockHolder *> chain = holdChain();
        QCOMPARE(chain.size(), 4);
        const int a = chain[0]->pid(), b = chain[1]->pid(), c = chain[2]->pid(),
                  d = chain[3]->pid();

        const CheckResult r = runLocks(shortWaits());
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"RootBlockers"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"RootBlockerPid"_s).toInt(), a);
        QCOMPARE(r.evidenceValue(u"RootBlockerUser"_s).toString(), m_pg.user());
        QCOMPARE(r.evidenceValue(u"Waiting"_s).toInt(), 3);
        QCOMPARE(r.evidenceValue(u"BlockedDdl"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"Hidden"_s).toInt(), 0);
        QVERIFY(r.evidenceValue(u"LongestWaitSeconds"_s).toDouble() >= 0.3);
        const QString root = r.evidenceValue(u"RootBlocker"_s).toString();
        QVERIFY2(root.startsWith(u"pid %1 (report-job, idle in transaction "_s.arg(a)),
            qPrintable(root));
        QVERIFY2(
            root.endsWith(u"holds RowExclusiveLock on public.t, 3 waiting"_s), qPrintable(root));
        QVERIFY2(r.message.contains(u"blocked migration: pid %1 waits for AccessExclusiveLock "
                                    "on public.t with 2 queued behind it"_s.arg(b)),
            qPrintable(r.message));

        const QList<LockSession> s = r.details.value<QList<LockSession>>();
        QCOMPARE(s.size(), 4);
        QCOMPARE(s.first().pid, a); // roots first
        const LockSession *sa = find(s, a);
        QVERIFY(sa->blockedBy.isEmpty());
        QCOMPARE(sa->waitersDirect, 1);
        QCOMPARE(sa->waitersTotal, 3);
        QCOMPARE(sa->state, u"idle in transaction"_s);
        QCOMPARE(sa->application, u"report-job"_s);
        QCOMPARE(sa->client, u"127.0.0.1"_s);
        QVERIFY(sa->query.startsWith(u"BEGIN; UPDATE t"_s));
        QVERIFY(sa->transactionSeconds >= 0.3);
        QVERIFY(sa->queryStart.isValid() && sa->queryStart.timeSpec() == Qt::UTC);
        QVERIFY(!sa->waiting && !sa->ddl);
        const LockSession *sb = find(s, b);
        QCOMPARE(sb->blockedBy, QList<int> { a });
        QVERIFY(sb->waiting && sb->ddl);
        QCOMPARE(sb->lockMode, u"AccessExclusiveLock"_s);
        QCOMPARE(sb->relation, u"public.t"_s);
        QCOMPARE(sb->waitersDirect, 2);
        QCOMPARE(sb->waitersTotal, 2);
        QVERIFY(sb->waitSeconds >= 0.3);
        for (int waiter : { c, d }) {
            const LockSession *w = find(s, waiter);
            QVERIFY(w);
            QCOMPARE(w->blockedBy, QList<int> { b });
            QVERIFY(w->waiting && !w->ddl);
            QCOMPARE(w->lockMode, u"AccessShareLock"_s);
            QCOMPARE(w->waitersTotal, 0);
        }

        // A minute's wait is a fail; here the fail threshold is lowered instead.
        LockThresholds failing = shortWaits();
        failing.waitFailSec = 0.2;
        QCOMPARE(runLocks(failing).status, CheckStatus::Fail);
        // Waits under the warning are no finding.
        LockThresholds patient;
        patient.waitWarnSec = 3600;
        patient.waitFailSec = 3600;
        QCOMPARE(runLocks(patient).status, CheckStatus::Pass);

        // Once A ends its transaction the chain drains and the check passes again.
        QCOMPARE(chain[0]->exec(u"ROLLBACK"_s), QString());
        for (int i = 1; i < 4; ++i)
            QCOMPARE(chain[i]->finish(), QString());
        const CheckResult after = runLocks(shortWaits());
        QCOMPARE(after.status, CheckStatus::Pass);
        QCOMPARE(after.evidenceValue(u"Waiting"_s).toInt(), 0);
    }

    // The acceptance path: `doctor run --format json` with the thresholds from the
    // environments file, the fixes with the root's pid filled in.
    void jsonReportOfTheChain()
    {
        const QList<LockHolder *> chain = holdChain();
        QCOMPARE(chain.size(), 4);
        const int a = chain[0]->pid();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: prod\n    deployment: kubernetes\n"
                "    connection: \"%1\"\n    locks: {waitWarnSeconds: 0.2}\n"_s
                    .arg(m_pg.npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun r = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            LocksCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 1); // the worst result is a warning
        const QJsonArray results
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"warn"_s);
        const QJsonObject ev = result.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"RootBlockerPid"_s).toInt(), a);
        QCOMPARE(ev.value(u"RootBlockers"_s).toInt(), 1);
        QCOMPARE(ev.value(u"Waiting"_s).toInt(), 3);
        QCOMPARE(ev.value(u"BlockedDdl"_s).toInt(), 1);
        QVERIFY2(ev.value(u"RootBlocker"_s)
                     .toString()
                     .startsWith(u"pid %1 (report-job, idle in transaction"_s.arg(a)),
            r.out.toUtf8().constData());
        // Every style's matching fixes; the Kubernetes ones through kubectl exec.
        QStringList commands;
        for (const QJsonValue &fix :
            result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
            if (fix.toObject().value(u"deployment"_s).toString() == u"kubernetes"_s)
                commands << fix.toObject().value(u"command"_s).toString();
        }
        const QString all = commands.join(u'\n');
        QVERIFY2(
            all.contains(u"kubectl -n <namespace> exec <postgres-pod> -- psql"_s), qPrintable(all));
        QVERIFY2(all.contains(u"pg_terminate_backend(%1)"_s.arg(a)), qPrintable(all));
        QVERIFY2(all.contains(u"pg_cancel_backend(%1)"_s.arg(a)), qPrintable(all));
        QVERIFY2(
            all.contains(u"ALTER ROLE \\\"%1\\\" SET idle_in_transaction_session_timeout"_s.arg(
                m_pg.user())),
            qPrintable(all));
        QVERIFY2(!all.contains(u"<root-pid>"_s), qPrintable(all));
        // The migration's role gives up on a lock instead of queueing its table behind it.
        QCOMPARE(ev.value(u"BlockedDdlUser"_s).toString(), m_pg.user());
        QVERIFY2(all.contains(
                     u"ALTER ROLE \\\"%1\\\" IN DATABASE \\\"<db-name>\\\" SET lock_timeout"_s.arg(
                         m_pg.user())),
            qPrintable(all));
        QVERIFY2(!all.contains(u"ROLLBACK PREPARED"_s), qPrintable(all)); // none is prepared
        QVERIFY(!r.out.contains(m_pg.password()));
    }
};

QTEST_GUILESS_MAIN(TestPgLocksCheck)
#include "tst_pg_lockscheck.moc"
