// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.long-transactions against the fixture's real PostgreSQL (issue 17): a
// session running pg_sleep and one left idle in a transaction, held by this test; a role
// without pg_monitor, which cannot see them. Thresholds are set low (directly, or through
// the environments file's thresholds: section) so that nothing sleeps over a second, and
// every session is ended before the next test.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "lockholder.h"
#include "pgserver.h"
#include "postgres/longtransactionscheck.h"
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

class TestPgLongTransactionsCheck : public QObject
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

    // Runs the check with these thresholds ("key" -> seconds; the rest default).
    CheckResult runCheck(const QHash<QString, double> &thresholds, const QString &role = {})
    {
        Environment env = m_pg.environment(u"longtx"_s, m_db);
        if (!role.isEmpty()) {
            env.connection.user = role;
            env.connection.password = u"pw-longtx-role"_s;
        }
        for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it)
            env.thresholds.set.insert(u"long-transactions/"_s + it.key(), it.value());
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { LongTransactionsCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // A session sleeping in a query (report-job), then one idle in a transaction (web-1),
    // both older than 0.3 s; null on failure.
    QPair<LockHolder *, LockHolder *> holdSessions()
    {
        LockHolder *sleeper = open(u"report-job"_s);
        LockHolder *idle = open(u"web-1"_s);
        if (!sleeper->isOpen() || !idle->isOpen() || !sleeper->send(u"SELECT pg_sleep(60)"_s))
            return {};
        QThread::msleep(50); // the sleeper's transaction is the older one
        if (!idle->exec(u"BEGIN; UPDATE t SET v = v + 1 WHERE id = 1"_s).isEmpty())
            return {};
        QThread::msleep(300); // past the 0.2 s thresholds
        return { sleeper, idle };
    }

    static const inline QHash<QString, double> Short { { u"queryWarnSeconds"_s, 0.2 },
        { u"idleInTransactionWarnSeconds"_s, 0.2 } };

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"longtx"_s);
        QVERIFY(!m_db.isEmpty());
        QCOMPARE(m_pg.exec(m_db,
                     { u"CREATE TABLE t (id int PRIMARY KEY, v int)"_s,
                         u"INSERT INTO t VALUES (1, 1), (2, 2)"_s }),
            QString());
    }

    // No session left behind: every held session is ended, and gone from the server.
    void cleanup() { QVERIFY(endHeld(m_pg, m_db, m_held)); }

    void passesWithoutLongSessions()
    {
        LockHolder *idle = open(u"idle-outside-tx"_s);
        QVERIFY(idle->isOpen());
        const CheckResult r = runCheck(Short);
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"LongQueries"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"LongTransactions"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"IdleInTransaction"_s).toInt(), 0);
        QVERIFY(r.evidenceValue(u"OldestPid"_s).isNull());
        QVERIFY(r.evidenceValue(u"Sessions"_s).toStringList().isEmpty());
        QCOMPARE(r.evidenceValue(u"Blind"_s).toBool(), false);
        QVERIFY2(r.message.startsWith(u"no transaction open over 300 s, no query running over "
                                      "0.2 s, no session idle in a transaction over 0.2 s"_s),
            qPrintable(r.message));
    }

    void sleepingQueryAndIdleTransaction()
    {
        const auto [sleeper, idle] = holdSessions();
        QVERIFY(sleeper && idle);
        const CheckResult r = runCheck(Short);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"LongQueries"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"IdleInTransaction"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"LongTransactions"_s).toInt(), 0); // 300 s by default
        QVERIFY(r.evidenceValue(u"LongestQuerySeconds"_s).toDouble() >= 0.3);
        QVERIFY(r.evidenceValue(u"OldestTransactionSeconds"_s).toDouble() >= 0.3);
        QCOMPARE(r.evidenceValue(u"OldestPid"_s).toInt(), sleeper->pid());
        QCOMPARE(r.evidenceValue(u"OldestUser"_s).toString(), m_pg.user());
        const QStringList sessions = r.evidenceValue(u"Sessions"_s).toStringList();
        QCOMPARE(sessions.size(), 2);
        QVERIFY2(sessions[0].startsWith(
                     u"pid %1 (report-job, client 127.0.0.1, running "_s.arg(sleeper->pid())),
            qPrintable(sessions[0]));
        QVERIFY2(sessions[0].endsWith(u"): SELECT pg_sleep(60)"_s), qPrintable(sessions[0]));
        QVERIFY2(sessions[0].contains(u", query started 20"_s), qPrintable(sessions[0]));
        QVERIFY2(sessions[0].contains(u", xmin age "_s), qPrintable(sessions[0])); // a snapshot
        QVERIFY2(sessions[1].startsWith(
                     u"pid %1 (web-1, client 127.0.0.1, idle in transaction "_s.arg(idle->pid())),
            qPrintable(sessions[1]));
        QVERIFY2(sessions[1].contains(u", xmin age "_s), qPrintable(sessions[1])); // its xid
        QVERIFY2(sessions[1].endsWith(u"): BEGIN; UPDATE t SET v = v + 1 WHERE id = 1"_s),
            qPrintable(sessions[1]));
        QCOMPARE(r.evidenceValue(u"Oldest"_s).toString(), sessions[0]);
        QVERIFY2(r.message.contains(u"1 query running over 0.2 s"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"1 session idle in a transaction over 0.2 s"_s),
            qPrintable(r.message));
        const QVariantList details = r.details.toList();
        QCOMPARE(details.size(), 2);
        QCOMPARE(details[1].toMap().value(u"state"_s).toString(), u"idle in transaction"_s);

        // Open transactions over their warning, then over their failure.
        QHash<QString, double> t = Short;
        t.insert(u"transactionWarnSeconds"_s, 0.2);
        const CheckResult warn = runCheck(t);
        QCOMPARE(warn.status, CheckStatus::Warn);
        QCOMPARE(warn.evidenceValue(u"LongTransactions"_s).toInt(), 2);
        t.insert(u"transactionFailSeconds"_s, 0.2);
        const CheckResult fail = runCheck(t);
        QCOMPARE(fail.status, CheckStatus::Fail);
        QVERIFY2(
            fail.message.startsWith(u"2 transactions open over 0.2 s"_s), qPrintable(fail.message));
        // Under the defaults (60 s, 5 minutes) nothing is long yet.
        QCOMPARE(runCheck({}).status, CheckStatus::Pass);

        // Once the idle one commits it is no finding any more.
        QCOMPARE(idle->exec(u"COMMIT"_s), QString());
        const CheckResult after = runCheck(Short);
        QCOMPARE(after.evidenceValue(u"IdleInTransaction"_s).toInt(), 0);
        QCOMPARE(after.evidenceValue(u"LongQueries"_s).toInt(), 1);
    }

    // The acceptance path: `doctor run --format json` with the thresholds from the
    // environments file, the fixes with the oldest session's pid and role filled in.
    void jsonReport()
    {
        const auto [sleeper, idle] = holdSessions();
        QVERIFY(sleeper && idle);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: prod\n    deployment: kubernetes\n"
                "    connection: \"%1\"\n    thresholds:\n      long-transactions: "
                "{queryWarnSeconds: 0.2, idleInTransactionWarnSeconds: 0.2}\n"_s
                    .arg(m_pg.npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun r = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            LongTransactionsCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 1); // the worst result is a warning
        const QJsonArray results
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"warn"_s);
        const QJsonObject ev = result.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"OldestPid"_s).toInt(), sleeper->pid());
        QCOMPARE(ev.value(u"LongQueries"_s).toInt(), 1);
        QCOMPARE(ev.value(u"IdleInTransaction"_s).toInt(), 1);
        QCOMPARE(ev.value(u"Sessions"_s).toArray().size(), 2);
        QVERIFY2(ev.value(u"Thresholds"_s).toString().startsWith(u"query warn 0.2 s;"_s),
            r.out.toUtf8().constData());
        QStringList commands;
        for (const QJsonValue &fix :
            result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
            if (fix.toObject().value(u"deployment"_s).toString() == u"kubernetes"_s)
                commands << fix.toObject().value(u"command"_s).toString();
        }
        const QString all = commands.join(u'\n');
        QVERIFY2(
            all.contains(u"kubectl -n <namespace> exec <postgres-pod> -- psql"_s), qPrintable(all));
        QVERIFY2(all.contains(u"pg_cancel_backend(%1)"_s.arg(sleeper->pid())), qPrintable(all));
        QVERIFY2(all.contains(u"pg_terminate_backend(%1)"_s.arg(sleeper->pid())), qPrintable(all));
        QVERIFY2(
            all.contains(u"ALTER ROLE \\\"%1\\\" SET idle_in_transaction_session_timeout"_s.arg(
                m_pg.user())),
            qPrintable(all));
        QVERIFY2(!all.contains(u"<oldest-pid>"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"GRANT pg_monitor"_s), qPrintable(all)); // nothing hidden
        QVERIFY(!r.out.contains(m_pg.password()));
    }

    // Without pg_monitor the role cannot read another role's state and times: a session of
    // the fixture's superuser idle in a transaction is hidden, so the result is no pass but
    // a warning naming the GRANT (the role quoted as the server quotes it). With the grant
    // it sees the session and, under the default thresholds, passes.
    void roleWithoutPgMonitor()
    {
        const QString role = u"Doctor-LongTx-"_s + m_db.right(6).toLower();
        QCOMPARE(
            m_pg.exec(m_db, { u"CREATE ROLE \"%1\" LOGIN PASSWORD 'pw-longtx-role'"_s.arg(role) }),
            QString());
        LockHolder *idle = open(u"web-1"_s);
        QVERIFY(idle->isOpen());
        QCOMPARE(idle->exec(u"BEGIN; UPDATE t SET v = v + 1 WHERE id = 2"_s), QString());

        const CheckResult blind = runCheck({}, role);
        QCOMPARE(blind.status, CheckStatus::Warn);
        QCOMPARE(blind.evidenceValue(u"Blind"_s).toBool(), true);
        QVERIFY(blind.evidenceValue(u"Hidden"_s).toInt() >= 1);
        QCOMPARE(blind.evidenceValue(u"HiddenInTransaction"_s).toInt(), 1);
        QVERIFY2(blind.message.endsWith(u"cannot see the state and times of 1 session of other "
                                        "roles inside a transaction; GRANT pg_monitor TO "
                                        "\"%1\""_s.arg(role)),
            qPrintable(blind.message));

        QCOMPARE(m_pg.exec(m_db, { u"GRANT pg_monitor TO \"%1\""_s.arg(role) }), QString());
        const CheckResult seeing = runCheck({}, role);
        QCOMPARE(seeing.status, CheckStatus::Pass);
        QCOMPARE(seeing.evidenceValue(u"Hidden"_s).toInt(), 0);
        QCOMPARE(seeing.evidenceValue(u"Blind"_s).toBool(), false);
        QVERIFY2(!seeing.message.contains(u"GRANT"_s), qPrintable(seeing.message));
        // And it sees the idle session once its threshold is passed.
        QThread::msleep(300);
        QCOMPARE(runCheck(Short, role).evidenceValue(u"IdleInTransaction"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPgLongTransactionsCheck)
#include "tst_pg_longtransactionscheck.moc"
