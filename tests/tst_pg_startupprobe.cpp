// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// StartupProbe against the fixture server (scram-sha-256 for every role) and against
// servers that never answer or are not PostgreSQL: what one password-less attempt learns.

#include "engine/startupprobe.h"
#include "pgserver.h"
#include "silentserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = StartupProbe::Result::Outcome;

class TestPgStartupProbe : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    ConnectionSpec spec() const { return m_pg.environment(u"env"_s, m_db).connection; }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"startupprobe"_s);
        QVERIFY(!m_db.isEmpty());
        qunsetenv("PGPASSWORD"); // libpq would send it: DbSession checks it before probing
    }

    // The spec's password is dropped: the server asks for one, which is what the prompt
    // wants to know. Had it been sent, the probe would have connected.
    void asksForAPasswordItWasNeverGiven()
    {
        const ConnectionSpec s = spec();
        QVERIFY(!s.password.isEmpty());
        const StartupProbe::Result r = StartupProbe::run(s, 3);
        QCOMPARE(r.outcome, Outcome::Refused);
        QVERIFY(r.askedForPassword);
        QCOMPARE(r.sqlState, QString()); // it refused by asking, not with an error
    }

    // A password file with the right password (PGPASSFILE) stays out as well.
    void passwordFileStaysOut()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString passfile = dir.filePath(u"pgpass"_s);
        QFile f(passfile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"*:*:*:*:%1\n"_s.arg(m_pg.password()).toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        qputenv("PGPASSFILE", passfile.toUtf8());
        const StartupProbe::Result r = StartupProbe::run(spec(), 3);
        qunsetenv("PGPASSFILE");
        QCOMPARE(r.outcome, Outcome::Refused);
        QVERIFY(r.askedForPassword);
    }

    // Nothing listens: the attempt fails at once and says nothing about passwords or
    // SQLSTATEs (DbSession then keeps its own classification).
    void closedPortTeachesNothing()
    {
        ConnectionSpec s = spec();
        s.port = QString::number(closedLoopbackPort());
        QElapsedTimer t;
        t.start();
        const StartupProbe::Result r = StartupProbe::run(s, 3);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(r.outcome != Outcome::Connected);
        QVERIFY(!r.askedForPassword);
        QCOMPARE(r.sqlState, QString());
    }

    // A server that accepts and never answers: NoAnswer after the timeout, which is at
    // least one second (0 would be libpq's "wait forever").
    void silentServerIsNoAnswerInTime_data()
    {
        QTest::addColumn<int>("timeoutSec");
        QTest::addColumn<int>("atLeastMs");
        QTest::newRow("1 s") << 1 << 900;
        QTest::newRow("0 s means 1 s") << 0 << 900;
    }
    void silentServerIsNoAnswerInTime()
    {
        QFETCH(int, timeoutSec);
        QFETCH(int, atLeastMs);
        SilentServer silent;
        ConnectionSpec s = spec();
        s.host = u"127.0.0.1"_s;
        s.port = QString::number(silent.port());
        s.setOption(u"sslmode"_s, u"disable"_s);
        QElapsedTimer t;
        t.start();
        const StartupProbe::Result r = StartupProbe::run(s, timeoutSec);
        const qint64 ms = t.elapsed();
        QCOMPARE(r.outcome, Outcome::NoAnswer);
        QVERIFY(!r.askedForPassword);
        QVERIFY2(ms >= atLeastMs && ms < 3000, qPrintable(QString::number(ms)));
    }

    // Something else on the port (an HTTP server): refused, with nothing learnt.
    void notPostgres()
    {
        AnsweringServer http("HTTP/1.1 400 Bad Request\r\n\r\n");
        ConnectionSpec s = spec();
        s.host = u"127.0.0.1"_s;
        s.port = QString::number(http.port());
        const StartupProbe::Result r = StartupProbe::run(s, 3);
        QVERIFY(r.outcome != Outcome::Connected);
        QVERIFY(!r.askedForPassword);
        QCOMPARE(r.sqlState, QString());
    }
};

QTEST_GUILESS_MAIN(TestPgStartupProbe)
#include "tst_pg_startupprobe.moc"
