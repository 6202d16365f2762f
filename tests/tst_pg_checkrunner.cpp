// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckRunner on real servers: healthy runs, TLS, connection failures (RELIABILITY 1, 2, 20).
#include "checkrunnerfixture.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "kb/kblibrary.h"
#include "pgserver.h"
#include "runandwait.h"
#include "silentserver.h"
#include "stallprobe.h"
#include "testsupport/builtincount.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CheckRunnerFixture;

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
        QString error;
        m_db = createRunnerDatabase(m_pg, &error);
        QVERIFY2(!m_db.isEmpty(), qPrintable(error));
    }

    void allChecksPassOnAHealthyServer()
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env() }, {});
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), builtinChecks());
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
        QTest::addColumn<QString>(
            "tls"); // expected Tls evidence suffix, or "" for a failed connect
        QTest::newRow("disable") << u"disable"_s << false << u"off"_s;
        QTest::newRow("require") << u"require"_s << false << u", unverified"_s;
        QTest::newRow("verify-full with CA")
            << u"verify-full"_s << true << u", certificate verified"_s;
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
        e.connection.setOption(
            u"sslrootcert"_s, withRootCert ? m_pg.caCertificate() : u"/nonexistent/root.crt"_s);
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, { Connectivity });
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QVERIFY(c);
        if (tls.isEmpty()) {
            QCOMPARE(c->status, CheckStatus::Fail); // cannot verify: refuses to connect
            return;
        }
        QCOMPARE(c->status, CheckStatus::Pass);
        QVERIFY2(c->evidenceValue(u"Tls"_s).toString().endsWith(tls),
            qPrintable(c->evidenceValue(u"Tls"_s).toString()));
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
        QCOMPARE(out.results.size(), builtinChecks());
        const CheckResult *c = out.find(u"env"_s, Connectivity);
        QCOMPARE(c->status, CheckStatus::Fail);
        QVERIFY(!c->remediation.fixes.isEmpty());
        QVERIFY(c->checkedAt.isValid());
        for (const QString &id : { Migrations, u"check.postgres.pool"_s }) {
            const CheckResult *r = out.find(u"env"_s, id);
            QVERIFY(r);
            QCOMPARE(r->status, CheckStatus::NotRun);
            QVERIFY2(r->message.startsWith(u"Not run: no connection (Connection refused"),
                qPrintable(r->message));
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
        QCOMPARE(out.results.size(), builtinChecks());
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
        QCOMPARE(
            m_pg.exec(m_db,
                { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-limit' CONNECTION LIMIT 0"_s.arg(role) }),
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
        QVERIFY2(
            r->message.contains(u"has reached its connection limit"_s), qPrintable(r->message));
        QCOMPARE(r->evidenceValue(u"ConnectFailure"_s).toString(), u"RoleConnectionLimit"_s);
        QCOMPARE(r->evidenceValue(u"Reachable"_s).toBool(), true);
        QCOMPARE(r->evidenceValue(u"Authenticated"_s).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestPgCheckRunner)
#include "tst_pg_checkrunner.moc"
