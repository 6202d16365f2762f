// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckRunner sessions: read-only, fifty environments, a server restart (RELIABILITY 7, 9, 10).
#include "checkrunnerfixture.h"
#include "engine/canceltoken.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dberror.h"
#include "engine/dbsession.h"
#include "pgserver.h"
#include "runandwait.h"
#include "sqlwarningguard.h"
#include "testpaths.h"
#include "testsupport/builtincount.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace CheckRunnerFixture;

class TestPgCheckRunnerSessions : public QObject
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

    // RELIABILITY 9: a check session cannot write.
    void checkSessionsAreReadOnly()
    {
        const Environment e = env();
        CancelToken token;
        DbSession session(e, &token);
        QVERIFY(session.open());
        const QueryResult r
            = session.run({ { u"CREATE TABLE written_by_check (id int)"_s } }).value(0).value(0);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.sqlState, u"25006"_s);
        QCOMPARE(r.error.kind, DbError::Kind::ReadOnly);
        QCOMPARE(m_pg.exec(m_db, { u"SELECT 1 FROM written_by_check"_s }).isEmpty(), false);
    }

    // RELIABILITY 9: the server logs every modifying statement (log_statement = 'mod') with
    // its application name; a full run of every check writes none.
    void noStatementFromACheckSessionWrites()
    {
        QFile log(m_pg.logPath());
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(m_pg.logPath()));
        log.seek(log.size());
        Environment e = env(u"writes"_s);
        e.expectedSource = TestPaths::testData() + u"/expected/manifest.txt"_s;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { e }, {});
        QCOMPARE(out.results.size(), builtinChecks());
        // The log is written asynchronously by the server's logger; give it a moment.
        QTest::qWait(300);
        // Sanity: the log does record modifying statements (this one is ours, not a check's).
        QCOMPARE(m_pg.exec(m_db, { u"CREATE TEMP TABLE log_probe (id int)"_s }), QString());
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
        for (int i = 0; i < 50; ++i) {
            envs << env(u"env%1"_s.arg(i));
            envs.last().perServerConnections = 50; // one server: above its default limit
        }
        CheckRunner runner(CheckRegistry::builtin());
        runner.setMaxParallel(50);
        const RunOutcome out = runAndWait(runner, envs, {}, 60000);
        QVERIFY(out.finished);
        QCOMPARE(out.results.size(), 50 * builtinChecks());
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

QTEST_GUILESS_MAIN(TestPgCheckRunnerSessions)
#include "tst_pg_checkrunner_sessions.moc"
