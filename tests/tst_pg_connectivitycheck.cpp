// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ConnectivityCheck on the fixture server and on SQLite: what a connection that works
// reports, and how a failed one reads as this check's finding (the root cause of the rest).

#include "config/demo.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dberror.h"
#include "pgserver.h"
#include "postgres/connectivitycheck.h"
#include "runandwait.h"
#include "silentserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Id = ConnectivityCheck::Id;
const QString WrongPassword = u"Wrong-Pw-5512"_s;

QStringList keys(const CheckResult &r)
{
    QStringList k;
    for (const auto &[key, value] : r.evidence)
        k << key;
    return k;
}

// Everything a reader sees: the message and every evidence value.
QString shown(const CheckResult &r)
{
    QString text = r.message;
    for (const auto &[key, value] : r.evidence)
        text += u'\n' + key + u": "_s + value.toString();
    return text;
}

} // namespace

class TestPgConnectivityCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    // Runs the checks (all when empty) on env and returns the connectivity result.
    CheckResult run(const Environment &env, const QStringList &checks = { Id },
        QList<CheckResult> *all = nullptr)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, checks);
        if (all)
            *all = out.results;
        const CheckResult *r = out.find(env.name, Id);
        return r ? *r : CheckResult();
    }

    Environment env() const
    {
        Environment e = m_pg.environment(u"env"_s, m_db);
        e.connectionSource = u"test environments.yaml"_s;
        e.timeouts.connectSec = 3;
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"connectivity"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void identity()
    {
        const ConnectivityCheck check;
        QCOMPARE(check.id(), u"check.postgres.connectivity"_s);
        QCOMPARE(CheckRegistry::builtin().find(Id)->title(), check.title());
        QCOMPARE(check.defaultSeverity(), u"fail"_s);
        QVERIFY(check.tags().contains(u"connectivity"_s));
        QVERIFY(check.supports(ConnectionSpec::Driver::Postgres));
        QVERIFY(check.supports(ConnectionSpec::Driver::Sqlite));
    }

    void passReportsServerTlsAndLatency()
    {
        const Environment e = env();
        const CheckResult r = run(e);
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(keys(r),
            (QStringList { u"Reachable"_s, u"Authenticated"_s, u"Target"_s, u"ServerVersion"_s,
                u"Tls"_s, u"LatencyMs"_s, u"ConnectionSource"_s }));
        QCOMPARE(r.evidenceValue(u"Reachable"_s), QVariant(true));
        QCOMPARE(r.evidenceValue(u"Authenticated"_s), QVariant(true));
        const QString version = m_pg.scalar(m_db, u"SHOW server_version"_s).toString();
        QVERIFY(!version.isEmpty());
        QCOMPARE(r.evidenceValue(u"ServerVersion"_s).toString(), version);
        QCOMPARE(r.evidenceValue(u"Target"_s).toString(), e.connection.describe());
        QCOMPARE(r.evidenceValue(u"ConnectionSource"_s).toString(), e.connectionSource);
        const double latency = r.evidenceValue(u"LatencyMs"_s).toDouble();
        QVERIFY2(latency >= 0 && latency < 1000, qPrintable(QString::number(latency)));
        QVERIFY2(
            r.message.startsWith(u"Connected to %1 in "_s.arg(version)), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"; TLS "_s), qPrintable(r.message));
        QVERIFY2(!shown(r).contains(m_pg.password()), qPrintable(shown(r)));
    }

    void tlsOffIsSaid()
    {
        Environment e = env();
        e.connection.setOption(u"sslmode"_s, u"disable"_s);
        const CheckResult r = run(e);
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"Tls"_s).toString(), u"off"_s);
        QVERIFY2(r.message.endsWith(u"; TLS off"_s), qPrintable(r.message));
    }

    // The demo's SQLite file: the same check, with SQLite's version and no TLS.
    void sqlite()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Demo::Setup demo = Demo::create(dir.path());
        QCOMPARE(demo.error, QString());
        const CheckResult r = run(demo.environments.first());
        QCOMPARE(r.status, CheckStatus::Pass);
        QVERIFY2(r.evidenceValue(u"ServerVersion"_s).toString().startsWith(u"SQLite 3."_s),
            qPrintable(r.evidenceValue(u"ServerVersion"_s).toString()));
        QVERIFY(!r.evidenceValue(u"Tls"_s).isValid());
        QVERIFY2(!r.message.contains(u"TLS"_s), qPrintable(r.message));
    }

    // Not reaching the server is this check's fail, with libpq's own words; the checks that
    // needed the connection are not run and point to it.
    void closedPortIsTheRootCause()
    {
        Environment e = env();
        e.connection.port = QString::number(closedLoopbackPort());
        QList<CheckResult> all;
        const CheckResult r = run(e, {}, &all);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"Reachable"_s), QVariant(false));
        QVERIFY(!r.evidenceValue(u"Authenticated"_s).isValid()); // the server never judged
        QCOMPARE(r.evidenceValue(u"ConnectFailure"_s).toString(), u"ConnectionRefused"_s);
        QCOMPARE(keys(r).mid(0, 4),
            (QStringList {
                u"Reachable"_s, u"ConnectFailure"_s, u"Target"_s, u"ConnectionSource"_s }));
        QCOMPARE(keys(r).last(), u"Error"_s);
        QVERIFY2(r.message.contains(u"(libpq: "_s), qPrintable(r.message));
        QVERIFY(!r.message.contains(u'\n'));
        QVERIFY2(!shown(r).contains(m_pg.password()), qPrintable(shown(r)));
        QCOMPARE(all.size(), CheckRegistry::builtin().checks().size());
        for (const CheckResult &other : std::as_const(all)) {
            if (other.checkId == Id)
                continue;
            QCOMPARE(other.status, CheckStatus::NotRun);
            QCOMPARE(other.evidenceValue(u"RootCause"_s).toString(), Id);
        }
    }

    // The server judged the credentials: Authenticated false, 28P01, and the wrong password
    // appears nowhere.
    void wrongPassword()
    {
        Environment e = env();
        e.connection.password = WrongPassword;
        const CheckResult r = run(e);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"Reachable"_s), QVariant(true));
        QCOMPARE(r.evidenceValue(u"Authenticated"_s), QVariant(false));
        QCOMPARE(r.evidenceValue(u"ConnectFailure"_s).toString(), u"AuthenticationFailed"_s);
        QCOMPARE(r.evidenceValue(u"SqlState"_s).toString(), u"28P01"_s);
        QVERIFY2(!shown(r).contains(WrongPassword), qPrintable(shown(r)));
        QVERIFY2(!shown(r).contains(m_pg.password()), qPrintable(shown(r)));
    }

    void missingDatabase()
    {
        Environment e = env();
        e.connection.database = m_db + u"_gone"_s;
        const CheckResult r = run(e);
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"ConnectFailure"_s).toString(), u"DatabaseNotFound"_s);
        QCOMPARE(r.evidenceValue(u"SqlState"_s).toString(), u"3D000"_s);
        QVERIFY2(shown(r).contains(e.connection.database), qPrintable(shown(r)));
    }

    // connectionFailed() on its own: a cancelled connect is skipped, not failed; SQLite's
    // text is labelled as SQLite's; what the error told besides its kind follows the source.
    void connectionFailedShapes()
    {
        const ConnectivityCheck check;
        Environment e;
        e.name = u"e"_s;
        DbError cancelled;
        cancelled.kind = DbError::Kind::Cancelled;
        QCOMPARE(check.connectionFailed(e, cancelled).status, CheckStatus::Skipped);

        e.connection.driver = ConnectionSpec::Driver::Sqlite;
        e.connection.database = u"/nonexistent/app.db"_s;
        e.connectionSource = u"flag"_s;
        DbError notFound;
        notFound.kind = DbError::Kind::NotFound;
        notFound.detail = u"unable to open database file\nline two"_s;
        notFound.facts = { { u"Path"_s, u"/nonexistent/app.db"_s } };
        const CheckResult r = check.connectionFailed(e, notFound);
        QCOMPARE(r.status, CheckStatus::Fail);
        QVERIFY2(
            r.message.contains(u"(SQLite: unable to open database file"_s), qPrintable(r.message));
        QVERIFY(!r.message.contains(u'\n'));
        QCOMPARE(keys(r),
            (QStringList { u"Reachable"_s, u"ConnectFailure"_s, u"Target"_s, u"ConnectionSource"_s,
                u"Path"_s, u"Error"_s }));
        QCOMPARE(r.evidenceValue(u"Target"_s).toString(), u"sqlite /nonexistent/app.db"_s);
        QCOMPARE(r.evidenceValue(u"Error"_s).toString(), notFound.detail); // the lines kept
    }
};

QTEST_GUILESS_MAIN(TestPgConnectivityCheck)
#include "tst_pg_connectivitycheck.moc"
