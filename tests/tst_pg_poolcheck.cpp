// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Integration tests of check.postgres.pool against the fixture's real PostgreSQL: the
// counts come from sessions this test holds open, and the environment's thresholds are
// set low so that each finding can be produced in about a second.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dbsession.h"
#include "pgserver.h"
#include "runandwait.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
const QString Pool = u"check.postgres.pool"_s;

// A session of "another application", opened on the test thread and kept open until the
// object goes; inTransaction() leaves it idle inside an open transaction.
class HeldSession
{
public:
    HeldSession(const PgServer &pg, const QString &db, const QString &applicationName)
        : m_name(DbSession::nextConnectionName())
    {
        QSqlDatabase c = pg.addConnection(m_name, db);
        if (!applicationName.isEmpty())
            c.setConnectOptions(u"application_name="_s + applicationName);
        m_open = c.open();
    }
    ~HeldSession()
    {
        {
            QSqlDatabase c = QSqlDatabase::database(m_name, false);
            c.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    bool inTransaction()
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        // A snapshot is taken by the SELECT, so xact_start is set as it would be for an
        // application that read something and then forgot to commit.
        return q.exec(u"BEGIN"_s) && q.exec(u"SELECT 1"_s);
    }

private:
    QString m_name;
    bool m_open = false;
};

} // namespace

class TestPgPoolCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    CheckResult runPool(const PoolThresholds &t)
    {
        Environment env = m_pg.environment(u"pool"_s, m_db);
        env.pool = t;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Pool });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // Runs the pool check as role (created by createRole) with thresholds t.
    CheckResult runPoolAs(const QString &role, const PoolThresholds &t)
    {
        Environment env = m_pg.environment(u"pool"_s, m_db);
        env.connection.user = role;
        env.connection.password = rolePassword();
        env.pool = t;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Pool });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // A login role named prefix plus this run's suffix; with pg_read_all_stats when
    // readAllStats. Returns the name, empty on failure.
    QString createRole(const QString &prefix, bool readAllStats)
    {
        const QString role = prefix + m_db.right(6).toLower();
        QStringList sql { u"CREATE ROLE \"%1\" LOGIN PASSWORD '%2'"_s.arg(role, rolePassword()) };
        if (readAllStats)
            sql << u"GRANT pg_read_all_stats TO \"%1\""_s.arg(role);
        const QString error = m_pg.exec(m_db, sql);
        return error.isEmpty() ? role : QString();
    }

    static QString rolePassword() { return u"pw-monitor-role"_s; }

    static QString uniqueApplication(const QString &prefix)
    {
        return prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128).left(8);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"pool"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void slotsAreTheServersSettings()
    {
        const CheckResult r = runPool({});
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"HiddenSessions"_s).toInt(), 0); // a superuser sees all
        QCOMPARE(r.evidenceValue(u"HiddenInTransaction"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"Blind"_s), QVariant(false));
        QCOMPARE(r.evidenceValue(u"MaxConnections"_s).toInt(),
            m_pg.scalar(m_db, u"SELECT current_setting('max_connections')::int"_s).toInt());
        QCOMPARE(r.evidenceValue(u"ReservedConnections"_s).toInt(),
            m_pg.scalar(m_db,
                    u"SELECT current_setting('superuser_reserved_connections')::int "
                    "+ COALESCE(current_setting('reserved_connections', true)::int, 0)"_s)
                .toInt());
        // A managed service's own reserved slots come off the usable ones too.
        PoolThresholds azure;
        azure.extraReservedConnections = 15;
        QCOMPARE(runPool(azure).evidenceValue(u"ReservedConnections"_s).toInt(),
            r.evidenceValue(u"ReservedConnections"_s).toInt() + 15);
        // At least the check's own session is a client backend.
        QVERIFY(r.evidenceValue(u"ConnectionsInUse"_s).toInt() >= 1);
    }

    void sessionsAreCountedByApplication()
    {
        const QString app = uniqueApplication(u"billing-api"_s);
        std::vector<std::unique_ptr<HeldSession>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<HeldSession>(m_pg, m_db, app));
            QVERIFY(held.back()->isOpen());
        }
        held.push_back(std::make_unique<HeldSession>(m_pg, m_db, QString()));
        QVERIFY(held.back()->isOpen());

        const CheckResult r = runPool({});
        const QVariantMap byApp = r.evidenceValue(u"ByApplication"_s).toMap();
        QCOMPARE(byApp.value(app).toInt(), 3);
        QVERIFY2(byApp.value(u"(unnamed)"_s).toInt() >= 1, qPrintable(byApp.keys().join(u", ")));
        QVERIFY(byApp.value(u"doctor-dashboard"_s).toInt() >= 1);
        QVERIFY(r.evidenceValue(u"ConnectionsInUse"_s).toInt() >= 5);

        held.clear();
        // A backend leaves the session list a moment after its client has gone.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_pg.scalar(m_db,
                    u"SELECT count(*) FROM pg_stat_activity WHERE application_name = '%1'"_s.arg(
                        app))
                .toInt(),
            0, 5000);
        const CheckResult after = runPool({});
        QVERIFY(!after.evidenceValue(u"ByApplication"_s).toMap().contains(app));
    }

    void idleInTransactionCountsOnlySessionsIdleLongerThanTheMinimum()
    {
        HeldSession a(m_pg, m_db, uniqueApplication(u"forgetful"_s));
        HeldSession b(m_pg, m_db, uniqueApplication(u"forgetful"_s));
        QVERIFY(a.inTransaction());
        QVERIFY(b.inTransaction());
        QThread::msleep(1500);

        PoolThresholds t;
        t.idleInTransactionMinSec = 3600; // nobody on the fixture has been idle that long
        const CheckResult young = runPool(t);
        QCOMPARE(young.evidenceValue(u"IdleInTransaction"_s).toInt(), 0);

        t.idleInTransactionMinSec = 1;
        t.idleInTransactionWarn = 2;
        const CheckResult old = runPool(t);
        QVERIFY(old.evidenceValue(u"IdleInTransaction"_s).toInt() >= 2);
        QCOMPARE(old.status, CheckStatus::Warn);
        QVERIFY2(
            old.message.contains(u"idle in transaction for over 1 s"_s), qPrintable(old.message));
        // The reader sees what the values were held against.
        QVERIFY2(old.evidenceValue(u"Thresholds"_s)
                     .toString()
                     .contains(u"warn at 2 sessions idle over 1 s"_s),
            qPrintable(old.evidenceValue(u"Thresholds"_s).toString()));
    }

    void anOldTransactionWarnsAndFails()
    {
        HeldSession s(m_pg, m_db, uniqueApplication(u"batch"_s));
        QVERIFY(s.inTransaction());
        QThread::msleep(1500);

        PoolThresholds t;
        t.idleInTransactionWarn = 1000; // only the transaction's age may decide here
        t.longestTransactionWarnSec = 1;
        const CheckResult warn = runPool(t);
        QCOMPARE(warn.status, CheckStatus::Warn);
        QVERIFY(warn.evidenceValue(u"LongestTransactionSeconds"_s).toDouble() >= 1.4);
        QVERIFY2(
            warn.message.contains(u"a transaction has been open for"_s), qPrintable(warn.message));

        t.longestTransactionFailSec = 1;
        QCOMPARE(runPool(t).status, CheckStatus::Fail);
    }

    // A monitoring role is rarely a superuser: without pg_read_all_stats it sees other
    // roles' sessions without their state, and the check must still work and count them.
    void anOrdinaryRoleCanRunIt()
    {
        const QString role = u"doctor_monitor_"_s + m_db.right(6).toLower();
        QCOMPARE(m_pg.exec(m_db, { u"CREATE ROLE %1 LOGIN PASSWORD 'pw-monitor'"_s.arg(role) }),
            QString());
        const QString app = uniqueApplication(u"superuser-job"_s);
        HeldSession other(m_pg, m_db, app); // the fixture's superuser, someone else to this role
        QVERIFY(other.isOpen());

        Environment env = m_pg.environment(u"pool"_s, m_db);
        env.connection.user = role;
        env.connection.password = u"pw-monitor"_s;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Pool });
        QVERIFY(out.finished);
        const CheckResult *r = out.find(u"pool"_s, Pool);
        QVERIFY(r);
        QVERIFY2(r->status == CheckStatus::Pass || r->status == CheckStatus::Warn,
            qPrintable(r->message));
        QVERIFY(r->evidenceValue(u"ConnectionsInUse"_s).toInt() >= 2);
        // application_name is visible for every session, whoever owns it.
        QCOMPARE(r->evidenceValue(u"ByApplication"_s).toMap().value(app).toInt(), 1);
        // What this role cannot see is said, with the grant that shows it.
        QVERIFY(r->evidenceValue(u"HiddenSessions"_s).toInt() >= 1);
        QVERIFY2(
            r->message.contains(u"GRANT pg_read_all_stats TO "_s + role), qPrintable(r->message));

        // A WAL sender (here a replication connection) is not a client session, even when
        // this role cannot see its type.
        const QString walApp = uniqueApplication(u"standby"_s);
        HeldSession walsender(m_pg, m_db, walApp + u";replication=database"_s);
        QVERIFY(walsender.isOpen());
        QCOMPARE(
            m_pg.scalar(m_db,
                    u"SELECT backend_type FROM pg_stat_activity WHERE application_name = '%1'"_s
                        .arg(walApp))
                .toString(),
            u"walsender"_s);
        const RunOutcome withWal = runAndWait(runner, { env }, { Pool });
        const CheckResult *w = withWal.find(u"pool"_s, Pool);
        QVERIFY(w);
        QVERIFY(!w->evidenceValue(u"ByApplication"_s).toMap().contains(walApp));

        // With the grant nothing is hidden, and the superuser's session is counted as before.
        QCOMPARE(m_pg.exec(m_db, { u"GRANT pg_read_all_stats TO %1"_s.arg(role) }), QString());
        const RunOutcome granted = runAndWait(runner, { env }, { Pool });
        const CheckResult *g = granted.find(u"pool"_s, Pool);
        QVERIFY(g);
        QCOMPARE(g->evidenceValue(u"HiddenSessions"_s).toInt(), 0);
        QVERIFY(!g->message.contains(u"pg_read_all_stats"_s));
        QCOMPARE(g->evidenceValue(u"ByApplication"_s).toMap().value(app).toInt(), 1);
    }

    // Issue 12 item 3, the trial's scenario: a role without pg_read_all_stats, and seven
    // sessions of another role idle in a transaction for longer than the minimum. The role
    // sees none of them idle, yet the check must not pass: it warns, says how many sessions
    // it cannot see and names the grant. With the grant the same server gives the real
    // finding; a fail is never lowered.
    void neverGreenWhileBlind()
    {
        // Upper case and a hyphen: the GRANT in the message must quote the name as the
        // server does (format('%I')).
        const QString blindRole = createRole(u"Doctor-Blind-"_s, false);
        QVERIFY(!blindRole.isEmpty());
        const QString seeingRole = createRole(u"doctor_stats_"_s, true);
        QVERIFY(!seeingRole.isEmpty());

        const QString app = uniqueApplication(u"billing-api"_s);
        std::vector<std::unique_ptr<HeldSession>> held;
        for (int i = 0; i < 7; ++i) {
            held.push_back(std::make_unique<HeldSession>(m_pg, m_db, app));
            QVERIFY(held.back()->isOpen());
            QVERIFY(held.back()->inTransaction());
        }
        QThread::msleep(1500);

        PoolThresholds t; // the defaults: warn at 5 sessions idle in a transaction ...
        t.idleInTransactionMinSec = 1; // ... for over 1 s instead of 30, to keep this short

        const CheckResult blind = runPoolAs(blindRole, t);
        QCOMPARE(blind.status, CheckStatus::Warn);
        QCOMPARE(blind.evidenceValue(u"Blind"_s), QVariant(true));
        // What the role saw was green: none of its own sessions idle in a transaction.
        QCOMPARE(blind.evidenceValue(u"IdleInTransaction"_s).toInt(), 0);
        const int hidden = blind.evidenceValue(u"HiddenSessions"_s).toInt();
        QVERIFY2(hidden >= 7, qPrintable(QString::number(hidden)));
        const int hiddenInTx = blind.evidenceValue(u"HiddenInTransaction"_s).toInt();
        QVERIFY2(hiddenInTx >= 7 && hiddenInTx <= hidden, qPrintable(QString::number(hiddenInTx)));
        const QString expected
            = u"cannot see %1 sessions; GRANT pg_read_all_stats TO \"%2\""_s.arg(hidden).arg(
                blindRole);
        QVERIFY2(blind.message.startsWith(expected), qPrintable(blind.message));
        // Usage stays exact: the hidden sessions are counted, by application too.
        QCOMPARE(blind.evidenceValue(u"ByApplication"_s).toMap().value(app).toInt(), 7);
        QVERIFY(blind.evidenceValue(u"ConnectionsInUse"_s).toInt() >= 8);

        // With pg_read_all_stats the role sees the real finding, with its counts.
        const CheckResult seeing = runPoolAs(seeingRole, t);
        QCOMPARE(seeing.status, CheckStatus::Warn);
        QCOMPARE(seeing.evidenceValue(u"Blind"_s), QVariant(false));
        QCOMPARE(seeing.evidenceValue(u"HiddenSessions"_s).toInt(), 0);
        QCOMPARE(seeing.evidenceValue(u"HiddenInTransaction"_s).toInt(), 0);
        const int idle = seeing.evidenceValue(u"IdleInTransaction"_s).toInt();
        QVERIFY2(idle >= 7, qPrintable(QString::number(idle)));
        QVERIFY2(
            seeing.message.contains(u"%1 sessions idle in transaction for over 1 s"_s.arg(idle)),
            qPrintable(seeing.message));
        QVERIFY2(!seeing.message.contains(u"cannot see"_s), qPrintable(seeing.message));

        // A fail stays a fail: what is hidden cannot make it worse, and it is still said.
        t.usageFailPercent = 0.01;
        const CheckResult failed = runPoolAs(blindRole, t);
        QCOMPARE(failed.status, CheckStatus::Fail);
        QCOMPARE(failed.evidenceValue(u"Blind"_s), QVariant(false));
        QVERIFY2(failed.message.contains(u"usable connections in use; cannot see "_s),
            qPrintable(failed.message));
    }

    // Hidden sessions outside a transaction are neither idle in one nor old: they cannot
    // change the verdict, so the check passes, and still names what it cannot see.
    void hiddenSessionsOutsideATransactionChangeNothing()
    {
        const QString role = createRole(u"doctor_outline_"_s, false);
        QVERIFY(!role.isEmpty());
        HeldSession idle(m_pg, m_db, uniqueApplication(u"idle-pool"_s));
        QVERIFY(idle.isOpen());

        // Other tests share the server, and a session of theirs inside a transaction at the
        // moment of the scan is hidden from this role too: then the result must warn. Some
        // scan within a few seconds finds none and must pass.
        bool sawClean = false;
        for (int attempt = 0; attempt < 20 && !sawClean; ++attempt) {
            const CheckResult r = runPoolAs(role, {});
            QVERIFY(r.evidenceValue(u"HiddenSessions"_s).toInt() >= 1);
            const int inTx = r.evidenceValue(u"HiddenInTransaction"_s).toInt();
            if (inTx > 0) {
                QCOMPARE(r.status, CheckStatus::Warn);
                QCOMPARE(r.evidenceValue(u"Blind"_s), QVariant(true));
                QThread::msleep(250);
                continue;
            }
            sawClean = true;
            QCOMPARE(r.status, CheckStatus::Pass);
            QCOMPARE(r.evidenceValue(u"Blind"_s), QVariant(false));
            QVERIFY2(!r.message.contains(u"cannot see"_s), qPrintable(r.message));
            const QString note = u"none in a transaction (GRANT pg_read_all_stats TO "_s + role;
            QVERIFY2(r.message.contains(note), qPrintable(r.message));
        }
        QVERIFY2(sawClean, "every scan met a hidden session in a transaction");
    }

    void usageThresholdsWarnAndFail()
    {
        PoolThresholds t;
        t.usageWarnPercent = 0.01; // one session in use is above it
        CheckResult r = runPool(t);
        QCOMPARE(r.status, CheckStatus::Warn);
        QVERIFY2(r.message.contains(u"usable connections in use"_s), qPrintable(r.message));

        t.usageFailPercent = 0.01;
        r = runPool(t);
        QCOMPARE(r.status, CheckStatus::Fail);
    }
};

QTEST_GUILESS_MAIN(TestPgPoolCheck)
#include "tst_pg_poolcheck.moc"
