// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Every way a server refuses a login, produced on a real one: each is placed in its own class
// (DbError::Kind, evidence ConnectFailure) with its own words and advice, "Authenticated"
// says false only when the server judged the credentials, a server out of slots is the
// pool check's failure, and libpq's own text stays in the message and the evidence.
// Failures before the server answers, TLS, and shutting down: tst_pg_connectfailures_network.
#include "connectfailuresfixture.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "runandwait.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPgConnectFailures : public QObject, protected ConnectFailuresFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpServers(); }

    // Each refusal a server sends at start-up, in English and German (words) and French
    // (words this version does not know: placed by the SQLSTATE of a password-less attempt).
    void serverRefusals_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<int>("authenticated");
        QTest::addColumn<QString>("words");
        const QString pw = RolePassword;
        for (const QString &lang : { u"C"_s, u"de"_s }) {
            const auto row = [&lang](const char *name) -> QTestData & {
                return QTest::newRow(qPrintable(lang + u": "_s + QLatin1StringView(name))) << lang;
            };
            row("wrong password")
                << u"app"_s << u"wrong-password"_s << u"postgres"_s
                << int(DbError::Kind::AuthenticationFailed) << u"28P01"_s << 0
                << u"Password authentication failed for user \"app\". The password is wrong or "
                   "the role does not exist"_s;
            row("missing role") << u"no_such_role"_s << pw << u"postgres"_s
                                << int(DbError::Kind::AuthenticationFailed) << u"28P01"_s << 0
                                << u"Password authentication failed for user \"no_such_role\""_s;
            row("missing database")
                << u"app"_s << pw << u"no_such_db"_s << int(DbError::Kind::DatabaseNotFound)
                << u"3D000"_s << 1 << u"Database \"no_such_db\" does not exist on this server"_s;
            row("role without LOGIN")
                << u"nologin_r"_s << pw << u"postgres"_s << int(DbError::Kind::LoginNotPermitted)
                << u"28000"_s << 1 << u"Role \"nologin_r\" may not log in (NOLOGIN)"_s;
            row("role connection limit")
                << u"lim"_s << pw << u"postgres"_s << int(DbError::Kind::RoleConnectionLimit)
                << u"53300"_s << 1 << u"Role \"lim\" has reached its connection limit"_s;
            row("database connection limit")
                << u"app"_s << pw << u"dlim"_s << int(DbError::Kind::DatabaseConnectionLimit)
                << u"53300"_s << 1 << u"Database \"dlim\" has reached its connection limit"_s;
            row("database closed") << u"app"_s << pw << u"closed_db"_s
                                   << int(DbError::Kind::DatabaseNotAccepting) << u"55000"_s << 1
                                   << u"Database \"closed_db\" does not accept connections "
                                      "(ALLOW_CONNECTIONS false)"_s;
            row("no CONNECT privilege")
                << u"app"_s << pw << u"noconn_db"_s << int(DbError::Kind::NoConnectPrivilege)
                << u"42501"_s << 1
                << u"may not connect to database \"noconn_db\" (no CONNECT privilege)"_s;
            row("pg_hba.conf reject line")
                << u"hba_reject"_s << pw << u"postgres"_s << int(DbError::Kind::HbaRejected)
                << u"28000"_s << -1
                << u"a \"reject\" line matches host 127.0.0.1, user \"hba_reject\", "
                   "database \"postgres\""_s;
            row("no pg_hba.conf line")
                << u"hba_none"_s << pw << u"postgres"_s << int(DbError::Kind::HbaRejected)
                << u"28000"_s << -1 << u"no line matches host 127.0.0.1, user \"hba_none\""_s;
            row("missing role, trust")
                << u"ghost_1"_s << QString() << u"postgres"_s << int(DbError::Kind::RoleNotFound)
                << u"28000"_s << -1 << u"Role \"ghost_1\" does not exist"_s;
        }
        // French: the words are unknown. Refusals before the password step get their SQLSTATE
        // from the second attempt; after it, the second attempt stops at the password prompt.
        const QString askedForPassword = u"The server asked for the password and then refused"_s;
        QTest::newRow("fr: wrong password")
            << u"fr"_s << u"app"_s << u"wrong-password"_s << u"postgres"_s
            << int(DbError::Kind::Other) << QString() << -1 << askedForPassword;
        QTest::newRow("fr: missing database")
            << u"fr"_s << u"app"_s << pw << u"no_such_db"_s << int(DbError::Kind::Other)
            << QString() << -1 << askedForPassword;
        QTest::newRow("fr: pg_hba.conf reject line")
            << u"fr"_s << u"hba_reject"_s << pw << u"postgres"_s
            << int(DbError::Kind::LoginRejected) << u"28000"_s << 0
            << u"The server rejected the login (SQLSTATE 28000)"_s;
        QTest::newRow("fr: missing role, trust")
            << u"fr"_s << u"ghost_1"_s << QString() << u"postgres"_s
            << int(DbError::Kind::LoginRejected) << u"28000"_s << 0
            << u"The server rejected the login"_s;
    }
    void serverRefusals()
    {
        QFETCH(QString, language);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, database);
        QFETCH(int, kind);
        QFETCH(QString, sqlState);
        QFETCH(int, authenticated);
        QFETCH(QString, words);
        if (!setLanguage(language))
            QSKIP(
                "no de_DE/fr_FR locale could be compiled (localedef); the server cannot speak it");
        const Environment e = envFor(pg(), user, password, database);
        const int fatalBefore = fatalLines(pg().logPath());
        connectivityFails(e, { DbError::Kind(kind), sqlState, authenticated, words }, language);
        if (QTest::currentTestFailed())
            return;
        // One login reached the password step: the password was tried once, never again.
        if (words.contains(u"asked for the password"_s) || user == u"app"_s)
            QTRY_COMPARE(fatalLines(pg().logPath()), fatalBefore + 1);
    }

    // Out of slots, tier by tier: the message says which slots are left and for whom, the
    // connectivity check does not blame the credentials, the pool check fails with its fixes.
    void slotShortage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"C"_s;
        QTest::newRow("German") << u"de"_s;
        QTest::newRow("French") << u"fr"_s;
    }
    void slotShortage()
    {
        QFETCH(QString, language);
        if (!setLanguage(language))
            QSKIP(
                "no de_DE/fr_FR locale could be compiled (localedef); the server cannot speak it");
        waitForSessions(0);
        // French has no translation of the reserved-slot messages (PostgreSQL 17's fr.po):
        // the server sends them in English. Only "too many clients" is in French.
        const bool known = language != u"fr"_s;
        const Environment app = envFor(pg(), u"app"_s, RolePassword);
        HeldSessions held;
        const auto runBoth = [&](const Environment &e) {
            CheckRunner runner(CheckRegistry::builtin(), &m_kb);
            return runAndWait(runner, { e }, { Connectivity, Pool });
        };
        const auto poolFails = [&](const RunOutcome &out, const QString &words) {
            const CheckResult *p = out.find(u"env"_s, Pool);
            QVERIFY(p);
            QVERIFY2(p->status == CheckStatus::Fail,
                qPrintable(Status::key(p->status) + u" "_s + p->message));
            QVERIFY2(p->message.contains(words), qPrintable(p->message));
            QVERIFY2(p->message.contains(u"(libpq: "_s), qPrintable(p->message));
            QCOMPARE(p->remediation.article, Pool);
            QVERIFY(!p->remediation.fixes.isEmpty());
        };

        // Tier 1: the 6 ordinary slots are taken; the last 2 are reserved.
        QCOMPARE(held.open(pg(), u"app"_s, RolePassword, 6), QString());
        RunOutcome out = runBoth(app);
        {
            checkFailure(*out.find(u"env"_s, Connectivity), app,
                { DbError::Kind::NoFreeSlot, u"53300"_s, 1,
                    u"The server has no free connection slot for this role: only the "
                    "reserved_connections slots are left (for pg_use_reserved_connections)"_s },
                u"tier 1"_s);
            QCOMPARE(out.find(u"env"_s, Connectivity)->evidenceValue(u"SlotShortage"_s).toString(),
                u"only the reserved_connections slots are left "
                "(for pg_use_reserved_connections)"_s);
            poolFails(out, u"no free connection slot for this role"_s);
        }
        if (QTest::currentTestFailed())
            return;

        // Tier 2: a role with pg_use_reserved_connections took the next; one slot is left,
        // for superusers.
        QCOMPARE(held.open(pg(), u"res"_s, RolePassword, 1), QString());
        out = runBoth(app);
        {
            checkFailure(*out.find(u"env"_s, Connectivity), app,
                { DbError::Kind::NoFreeSlot, u"53300"_s, 1,
                    u"no free connection slot for this role: only the "
                    "superuser_reserved_connections slots are left"_s },
                u"tier 2"_s);
            poolFails(out, u"superuser_reserved_connections"_s);
        }
        if (QTest::currentTestFailed())
            return;

        // Tier 3: every slot is taken; the server refuses before it asks for a password.
        QCOMPARE(held.open(m_private->server(), m_private->server().user(),
                     m_private->server().password(), 1),
            QString());
        for (const Environment &e : { app, envFor(pg(), pg().user(), pg().password()) }) {
            out = runBoth(e);
            checkFailure(*out.find(u"env"_s, Connectivity), e,
                { DbError::Kind::NoFreeSlot, u"53300"_s, -1,
                    known ? u"The server has no free connection slot, not even for a superuser"_s
                          : u"The server has no free connection slot for this role, or"_s },
                u"tier 3 as "_s + e.connection.user);
            poolFails(out, u"no free connection slot"_s);
            if (QTest::currentTestFailed())
                return;
        }
        held.closeAll();
        waitForSessions(0);
    }

    void cleanupTestCase() { m_private.reset(); }
};

QTEST_MAIN(TestPgConnectFailures)
#include "tst_pg_connectfailures.moc"
