// Integration tests of DbSession against the fixture's real PostgreSQL: what a check
// session's server settings are, whichever way the user's own server options arrive.
#include "dbsession.h"
#include "pgserver.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPgDbSession : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    // The settings a session sees, read through the session's own connection.
    static QString show(const DbSession &session, const QString &setting)
    {
        QSqlQuery q(QSqlDatabase::database(session.connectionName(), false));
        if (!q.exec(u"SELECT current_setting('%1')"_s.arg(setting)) || !q.next())
            return u"(error: %1)"_s.arg(q.lastError().text());
        return q.value(0).toString();
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
        const Environment env = environment();
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().detail));
        QCOMPARE(show(session, u"statement_timeout"_s), u"4321ms"_s);
        QCOMPARE(show(session, u"lock_timeout"_s), u"1234ms"_s);
        QCOMPARE(show(session, u"application_name"_s), u"doctor-dashboard"_s);
    }

    void theUsersServerOptionsAreKept()
    {
        Environment env = environment();
        env.connection.setOption(u"options"_s, u"-c work_mem=12345kB -c statement_timeout=99"_s);
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().detail));
        QCOMPARE(show(session, u"work_mem"_s), u"12345kB"_s);
        // The environment's timeout is the one doctor promises, so it wins.
        QCOMPARE(show(session, u"statement_timeout"_s), u"4321ms"_s);
        QCOMPARE(show(session, u"lock_timeout"_s), u"1234ms"_s);
    }

    void pgoptionsIsKeptWhenTheConnectionHasNoOptions()
    {
        qputenv("PGOPTIONS", "-c work_mem=23456kB");
        const Environment env = environment(); // DbSession keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().detail));
        QCOMPARE(show(session, u"work_mem"_s), u"23456kB"_s);
        QCOMPARE(show(session, u"statement_timeout"_s), u"4321ms"_s);
    }

    void optionsQpsqlCannotCarryStillGetTheTimeouts()
    {
        // A ';' cannot pass through QSqlDatabase's options; libpq gets PGOPTIONS as it is
        // and the timeouts are set after the connect instead.
        qputenv("PGOPTIONS", "-c search_path=a;b");
        const Environment env = environment(); // DbSession keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().detail));
        QCOMPARE(show(session, u"search_path"_s), u"a;b"_s);
        QCOMPARE(show(session, u"statement_timeout"_s), u"4321ms"_s);
        QCOMPARE(show(session, u"lock_timeout"_s), u"1234ms"_s);
    }
};

QTEST_GUILESS_MAIN(TestPgDbSession)
#include "tst_pg_dbsession.moc"
