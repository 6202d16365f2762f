// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Integration tests of DbSession against the fixture's real PostgreSQL: what a check
// session's server settings are, whichever way the user's own server options arrive.
// The environment's timeouts hold inside each check's transaction and win over the user's.
#include "engine/dbsession.h"
#include "pgserver.h"

#include <QTest>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

class TestPgDbSession : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    // Opens a session for env and reads settings through its own connection: inside a
    // flight's group (a check's transaction), or (inTransaction false) with libpq directly
    // after the flight, as the next user of a pooled server connection would see them.
    static QStringList settingsOf(
        const Environment &env, const QStringList &names, bool inTransaction = true)
    {
        DbSession session(env, nullptr);
        if (!session.open())
            return { u"(open failed: %1)"_s.arg(session.error().detail) };
        QueryGroup group;
        for (const QString &name : names)
            group << u"SELECT current_setting(%1)"_s.arg(session.literal(name));
        const QList<QueryResult> answers = session.run({ group }).value(0);
        QStringList values;
        if (inTransaction) {
            for (const QueryResult &r : answers)
                values << (r.ok() ? r.value(0, 0).toString()
                                  : u"(error: %1)"_s.arg(r.error.detail));
            return values;
        }
        PGconn *conn = session.pgConnection();
        for (const QString &name : names) {
            const QByteArray sql = "SELECT current_setting('" + name.toLatin1() + "')";
            PGresult *res = PQexec(conn, sql.constData());
            values << (PQresultStatus(res) == PGRES_TUPLES_OK
                    ? QString::fromUtf8(PQgetvalue(res, 0, 0))
                    : u"(error: %1)"_s.arg(QString::fromUtf8(PQresultErrorMessage(res))));
            PQclear(res);
        }
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
                     { u"statement_timeout"_s, u"lock_timeout"_s, u"application_name"_s,
                         u"transaction_read_only"_s, u"client_encoding"_s }),
            QStringList({ u"4321ms"_s, u"1234ms"_s, u"doctor-dashboard"_s, u"on"_s, u"UTF8"_s }));
    }

    // Every group is a READ ONLY transaction: a write fails with 25006 (no table appears),
    // and a failure ends its own group only: the next statement of it is skipped with the
    // same error, the next group runs.
    void groupsAreReadOnlyAndFailAlone()
    {
        const Environment env = environment(); // the session keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().summary()));
        const FlightAnswers a
            = session.run({ { u"CREATE TABLE doctor_wrote_here (x int)"_s, u"SELECT 1"_s },
                { u"SELECT to_regclass('doctor_wrote_here') IS NULL, 2::int8"_s } });
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0].size(), 2);
        QCOMPARE(a[0][0].error.kind, DbError::Kind::ReadOnly);
        QCOMPARE(a[0][0].error.sqlState, u"25006"_s);
        QVERIFY(!a[0][0].skipped);
        QVERIFY(a[0][1].skipped);
        QCOMPARE(a[0][1].error.sqlState, u"25006"_s);
        QVERIFY2(a[1][0].ok(), qPrintable(a[1][0].error.summary()));
        QCOMPARE(a[1][0].value(0, 0), QVariant(true));
        QCOMPARE(a[1][0].value(0, 1), QVariant(qlonglong(2)));
        QCOMPARE(session.flights(), 1);
    }

    // The values come typed as the header promises, NULL as a null QVariant.
    void valuesAreTyped()
    {
        const Environment env = environment(); // the session keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().summary()));
        const QueryResult r = session
                                  .run({ { u"SELECT true, false, 7::int2, 42, "
                                           "9000000000::int8, 1.5::float8, 2.25::numeric, "
                                           "'Grüße'::text, NULL::int, 'x'::name"_s } })
                                  .value(0)
                                  .value(0);
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
        QCOMPARE(r.columns.size(), 10);
        QCOMPARE(r.value(0, 0), QVariant(true));
        QCOMPARE(r.value(0, 1), QVariant(false));
        QCOMPARE(r.value(0, 2), QVariant(7));
        QCOMPARE(r.value(0, 3), QVariant(42));
        QCOMPARE(r.value(0, 4), QVariant(qlonglong(9000000000)));
        QCOMPARE(r.value(0, 5), QVariant(1.5));
        QCOMPARE(r.value(0, 6), QVariant(2.25));
        QCOMPARE(r.value(0, 7), QVariant(u"Grüße"_s));
        QVERIFY(r.value(0, 8).isNull());
        QCOMPARE(r.value(0, 9), QVariant(u"x"_s));
        QVERIFY(r.value(1, 0).isNull()); // no second row
    }

    // Values a column repeats are converted once and shared (PgPipeline), and still every
    // row has its own: a few distinct texts (one a prefix of another, an empty one beside
    // NULL), a column that passes the few remembered (20 distinct values), long texts, ints.
    void repeatedValuesKeepTheirRows()
    {
        const Environment env = environment(); // the session keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().summary()));
        const QueryResult r
            = session
                  .run({ { u"SELECT (ARRAY['9.0.6', '9.0', '', NULL])[i % 4 + 1], i % 20, "
                           "'v' || (i % 20), repeat('x', 60 + i % 3), 'id' || i "
                           "FROM generate_series(0, 199) AS i"_s } })
                  .value(0)
                  .value(0);
        QVERIFY2(r.ok(), qPrintable(r.error.summary()));
        QCOMPARE(r.size(), 200);
        const QStringList versions { u"9.0.6"_s, u"9.0"_s, u""_s };
        for (int i = 0; i < 200; ++i) {
            const QString row = u"row %1"_s.arg(i);
            if (i % 4 == 3)
                QVERIFY2(r.value(i, 0).isNull(), qPrintable(row));
            else
                QCOMPARE(r.value(i, 0), QVariant(versions[i % 4]));
            QCOMPARE(r.value(i, 1), QVariant(i % 20));
            QCOMPARE(r.value(i, 2), QVariant(u"v%1"_s.arg(i % 20)));
            QCOMPARE(r.value(i, 3), QVariant(QString(60 + i % 3, u'x')));
            QCOMPARE(r.value(i, 4), QVariant(u"id%1"_s.arg(i)));
        }
        // Shared, not only equal: 100 000 rows of two versions hold two texts.
        QCOMPARE(r.value(4, 0).toString().constData(), r.value(0, 0).toString().constData());
    }

    // Large results arrive in chunks (PgPipeline): every row, in order; a statement that
    // fails after some chunks came answers its error and no rows, and the next group runs.
    void chunkedRowsAreWholeOrNone()
    {
        const Environment env = environment(); // the session keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().summary()));
        const FlightAnswers a
            = session.run({ { u"SELECT i, 'row ' || i FROM generate_series(1, 20000) AS i"_s },
                { u"SELECT 1 / (i - 15000) FROM generate_series(1, 20000) AS i"_s },
                { u"SELECT 3"_s } });
        QCOMPARE(a.size(), 3);
        const QueryResult all = a[0].value(0);
        QVERIFY2(all.ok(), qPrintable(all.error.summary()));
        QCOMPARE(all.columns.size(), 2);
        QCOMPARE(all.size(), 20000);
        for (int i = 0; i < 20000; i += 997) {
            QCOMPARE(all.value(i, 0), QVariant(i + 1));
            QCOMPARE(all.value(i, 1), QVariant(u"row %1"_s.arg(i + 1)));
        }
        QCOMPARE(all.value(19999, 0), QVariant(20000));
        const QueryResult failed = a[1].value(0);
        QCOMPARE(failed.error.sqlState, u"22012"_s); // division_by_zero, at row 15 000
        QCOMPARE(failed.size(), 0);
        QVERIFY(failed.columns.isEmpty());
        QCOMPARE(a[2].value(0).value(0, 0), QVariant(3));
        QCOMPARE(session.flights(), 1);
    }

    // A lost connection answers every statement still open with an error, never a hang
    // or an empty success.
    void aLostConnectionFailsTheRest()
    {
        const Environment env = environment(); // the session keeps a reference
        DbSession session(env, nullptr);
        QVERIFY2(session.open(), qPrintable(session.error().summary()));
        const FlightAnswers a
            = session.run({ { u"SELECT pg_terminate_backend(pg_backend_pid())"_s, u"SELECT 1"_s },
                { u"SELECT 2"_s } });
        QCOMPARE(a.size(), 2);
        QVERIFY(!a[0][0].ok());
        QVERIFY(!a[0][1].ok());
        QVERIFY(!a[1][0].ok());
        QCOMPARE(a[1][0].error.kind, DbError::Kind::ConnectionLost);
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
