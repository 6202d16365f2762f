// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Integration tests of DbSession against the fixture's real PostgreSQL: what a check
// session's server settings are, whichever way the user's own server options arrive.
// The environment's timeouts hold inside each check's transaction and win over the user's.
#include "engine/dbsession.h"
#include "pgserver.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPgDbSession : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    // Opens a session for env and reads settings through its own connection: inside a
    // check's READ ONLY transaction, or (inTransaction false) after it has ended.
    static QStringList settingsOf(
        const Environment &env, const QStringList &names, bool inTransaction = true)
    {
        DbSession session(env, nullptr);
        if (!session.open())
            return { u"(open failed: %1)"_s.arg(session.error().detail) };
        if (!session.beginReadOnly())
            return { u"(begin failed: %1)"_s.arg(session.error().detail) };
        if (!inTransaction)
            session.rollback();
        QStringList values;
        QSqlQuery q(QSqlDatabase::database(session.connectionName(), false));
        for (const QString &name : names) {
            q.prepare(u"SELECT current_setting(?)"_s);
            q.addBindValue(name);
            values << (q.exec() && q.next() ? q.value(0).toString()
                                            : u"(error: %1)"_s.arg(q.lastError().text()));
        }
        if (inTransaction)
            session.rollback();
        return values;
    }

    Environment environment() const
    {
        Environment env = m_pg.environment(u"session"_s, m_db);
        env.timeouts.statementMs = 4321;
        env.timeouts.lockMs = 1234;
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"session"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void init() { qunsetenv("PGOPTIONS"); }
    void cleanup() { qunsetenv("PGOPTIONS"); }

    void timeoutsAreTheEnvironments()
    {
        QCOMPARE(settingsOf(environment(),
                     { u"statement_timeout"_s, u"lock_timeout"_s, u"application_name"_s }),
            QStringList({ u"4321ms"_s, u"1234ms"_s, u"doctor-dashboard"_s }));
    }

    // Behind PgBouncer in transaction pooling the session is a server connection that an
    // application gets next: nothing of doctor's may stay on it after a check.
    void nothingStaysOnTheSessionAfterACheck()
    {
        Environment env = environment();
        env.connection.setOption(u"options"_s, u"-c statement_timeout=7777"_s);
        QCOMPARE(settingsOf(env, { u"statement_timeout"_s, u"lock_timeout"_s }, false),
            QStringList({ u"7777ms"_s, u"0"_s }));
    }

    void theUsersServerOptionsAreKept()
    {
        Environment env = environment();
        env.connection.setOption(u"options"_s, u"-c work_mem=12345kB -c statement_timeout=99"_s);
        // The environment's timeout is the one doctor promises, so it wins.
        QCOMPARE(settingsOf(env, { u"work_mem"_s, u"statement_timeout"_s, u"lock_timeout"_s }),
            QStringList({ u"12345kB"_s, u"4321ms"_s, u"1234ms"_s }));
    }

    void pgoptionsIsKeptWhenTheConnectionHasNoOptions()
    {
        qputenv("PGOPTIONS", "-c work_mem=23456kB");
        QCOMPARE(settingsOf(environment(), { u"work_mem"_s, u"statement_timeout"_s }),
            QStringList({ u"23456kB"_s, u"4321ms"_s }));
    }
};

QTEST_GUILESS_MAIN(TestPgDbSession)
#include "tst_pg_dbsession.moc"
