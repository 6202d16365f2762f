// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// DbError's reading of driver errors. For queries the SQLSTATE decides and the server's words
// (in its own lc_messages language) only refine; for a failed connect QPSQL gives no SQLSTATE,
// so libpq's text is read (texts below as libpq 17 and PostgreSQL 17 write them; each class
// is also produced on a real server in tst_pg_connectfailures).
#include "engine/dberror.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDbError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queryCancelKinds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("english timeout")
            << u"ERROR:  canceling statement due to statement timeout"_s
            << int(DbError::Kind::StatementTimeout);
        QTest::newRow("german timeout")
            << u"FEHLER:  storniere Anfrage wegen Zeitüberschreitung der Anweisung"_s
            << int(DbError::Kind::StatementTimeout);
        QTest::newRow("french timeout")
            << u"ERREUR:  annulation de la requête à cause du délai écoulé pour l'exécution de l'instruction"_s
            << int(DbError::Kind::StatementTimeout);
        // Someone else's cancel is an error to report, not a skipped check.
        QTest::newRow("english cancel by another session")
            << u"ERROR:  canceling statement due to user request"_s << int(DbError::Kind::Other);
    }
    void queryCancelKinds()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const DbError e = DbError::fromQuery(QSqlError(
            u"QPSQL: Unable to create query"_s, text, QSqlError::StatementError, u"57014"_s));
        QCOMPARE(int(e.kind), kind);
        QVERIFY(!e.advice.isEmpty());
        QVERIFY(e.summary().contains(e.advice));
    }

    void connectFailures_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sqlState");
        QTest::addColumn<QString>("words"); // in summary()
        const QString at
            = u"connection to server at \"db.example\" (10.0.0.5), port 5432 failed: "_s;
        const auto row = [](const char *name, const QString &text, DbError::Kind kind,
                             const QString &state, const QString &words) {
            QTest::newRow(name) << text << int(kind) << state << words;
        };
        using K = DbError::Kind;
        row("too many clients",
            at + u"FATAL:  sorry, too many clients already\n"_s + at
                + u"FATAL:  sorry, too many clients already"_s,
            K::NoFreeSlot, u"53300"_s,
            u"not even for a superuser: all max_connections slots are taken"_s);
        row("too many clients, German", at + u"FATAL:  tut mir leid, schon zu viele Verbindungen"_s,
            K::NoFreeSlot, u"53300"_s, u"all max_connections slots are taken"_s);
        row("superuser reserved (16+)",
            at + u"FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute"_s,
            K::NoFreeSlot, u"53300"_s,
            u"The server has no free connection slot for this role: only the superuser_reserved_connections slots are left"_s);
        row("superuser reserved (15)",
            at + u"FATAL:  remaining connection slots are reserved for non-replication superuser connections"_s,
            K::NoFreeSlot, u"53300"_s, u"only the superuser_reserved_connections slots are left"_s);
        row("reserved_connections",
            at + u"FATAL:  remaining connection slots are reserved for roles with privileges of the \"pg_use_reserved_connections\" role"_s,
            K::NoFreeSlot, u"53300"_s,
            u"only the reserved_connections slots are left (for pg_use_reserved_connections)"_s);
        row("reserved_connections, German",
            at + u"FATAL:  die verbleibenden Verbindungen sind für Rollen mit den Privilegien der Rolle »pg_use_reserved_connections« reserviert"_s,
            K::NoFreeSlot, u"53300"_s, u"only the reserved_connections slots are left"_s);
        row("superuser reserved, German",
            at + u"FATAL:  die verbleibenden Verbindungen sind für Rollen mit dem SUPERUSER-Attribut reserviert"_s,
            K::NoFreeSlot, u"53300"_s, u"only the superuser_reserved_connections slots are left"_s);
        row("role limit", at + u"FATAL:  too many connections for role \"app\""_s,
            K::RoleConnectionLimit, u"53300"_s, u"Role \"app\" has reached its connection limit"_s);
        row("database limit, German", at + u"FATAL:  zu viele Verbindungen für Datenbank »shop«"_s,
            K::DatabaseConnectionLimit, u"53300"_s,
            u"Database \"shop\" has reached its connection limit"_s);
        row("database missing", at + u"FATAL:  database \"shop\" does not exist"_s,
            K::DatabaseNotFound, u"3D000"_s, u"Database \"shop\" does not exist"_s);
        row("database closed",
            at + u"FATAL:  database \"shop\" is not currently accepting connections"_s,
            K::DatabaseNotAccepting, u"55000"_s, u"ALLOW_CONNECTIONS false"_s);
        row("password", at + u"FATAL:  password authentication failed for user \"app\""_s,
            K::AuthenticationFailed, u"28P01"_s,
            u"Password authentication failed for user \"app\""_s);
        row("password, German",
            at + u"FATAL:  Passwort-Authentifizierung für Benutzer »app« fehlgeschlagen"_s,
            K::AuthenticationFailed, u"28P01"_s,
            u"Password authentication failed for user \"app\""_s);
        row("peer", at + u"FATAL:  Peer authentication failed for user \"app\""_s,
            K::AuthenticationFailed, u"28000"_s,
            u"Authentication (Peer) failed for user \"app\""_s);
        row("no password given", at + u"fe_sendauth: no password supplied"_s,
            K::AuthenticationFailed, QString(),
            u"The server asks for a password and none was given"_s);
        row("role missing", at + u"FATAL:  role \"ghost\" does not exist"_s, K::RoleNotFound,
            u"28000"_s, u"Role \"ghost\" does not exist"_s);
        row("NOLOGIN", at + u"FATAL:  role \"grp\" is not permitted to log in"_s,
            K::LoginNotPermitted, u"28000"_s, u"Role \"grp\" may not log in"_s);
        row("no hba line",
            at + u"FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"app\", database \"shop\", SSL encryption\n"_s
                + at
                + u"FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"app\", database \"shop\", no encryption"_s,
            K::HbaRejected, u"28000"_s,
            u"no line matches host 10.0.0.9, user \"app\", database \"shop\""_s);
        row("hba reject, German",
            at + u"FATAL:  pg_hba.conf lehnt Verbindung ab für Host »10.0.0.9«, Benutzer »app«, Datenbank »shop«, keine Verschlüsselung"_s,
            K::HbaRejected, u"28000"_s, u"a \"reject\" line matches host 10.0.0.9"_s);
        row("no CONNECT",
            at + u"FATAL:  permission denied for database \"shop\"\nDETAIL:  User does not have CONNECT privilege."_s,
            K::NoConnectPrivilege, u"42501"_s, u"GRANT CONNECT ON DATABASE shop"_s);
        row("starting up", at + u"FATAL:  the database system is starting up"_s,
            K::ServerNotAccepting, u"57P03"_s, u"starting up"_s);
        row("starting up, German", at + u"FATAL:  das Datenbanksystem startet"_s,
            K::ServerNotAccepting, u"57P03"_s, u"starting up"_s);
        row("shutting down", at + u"FATAL:  the database system is shutting down"_s,
            K::ServerNotAccepting, u"57P03"_s, u"shutting down"_s);
        row("recovery", at + u"FATAL:  the database system is in recovery mode"_s,
            K::ServerNotAccepting, u"57P03"_s, u"in recovery"_s);
        row("not yet consistent",
            at + u"FATAL:  the database system is not yet accepting connections\nDETAIL:  Consistent recovery state has not been yet reached."_s,
            K::ServerNotAccepting, u"57P03"_s, u"not reached a consistent state"_s);
        row("hot standby off, German",
            at + u"FATAL:  das Datenbanksystem nimmt keine Verbindungen an\nDETAIL:  Hot-Standby-Modus ist deaktiviert."_s,
            K::ServerNotAccepting, u"57P03"_s, u"hot_standby off"_s);
        row("DNS",
            u"could not translate host name \"db.invalid\" to address: Name or service not known"_s,
            K::HostNotFound, QString(), u"Host name \"db.invalid\" not found (DNS)"_s);
        row("DNS, no resolver",
            u"could not translate host name \"db.example\" to address: Temporary failure in name resolution"_s,
            K::HostNotFound, QString(), u"not found (DNS)"_s);
        row("refused",
            at + u"Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?"_s,
            K::ConnectionRefused, QString(), u"Connection refused by db.example port 5432"_s);
        row("socket",
            u"connection to server on socket \"/run/postgresql/.s.PGSQL.5432\" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?"_s,
            K::ConnectionRefused, QString(),
            u"No server listens on socket \"/run/postgresql/.s.PGSQL.5432\""_s);
        row("no route",
            at + u"No route to host\n\tIs the server running on that host and accepting TCP/IP connections?"_s,
            K::NoRoute, QString(), u"No route to the server's host"_s);
        row("timeout", at + u"timeout expired"_s, K::Timeout, QString(), u"Connection timeout"_s);
        row("HTTP answers the SSL request",
            at + u"received invalid response to SSL negotiation: H"_s, K::NotPostgres, QString(),
            u"it answered like an HTTP server"_s);
        row("HTTP answers the start-up",
            at + u"expected authentication request from server, but received H"_s, K::NotPostgres,
            QString(), u"it answered like an HTTP server"_s);
        row("something else answers", at + u"received invalid response to SSL negotiation: +"_s,
            K::NotPostgres, QString(), u"the answer is not PostgreSQL's protocol"_s);
        row("TLS required", at + u"server does not support SSL, but SSL was required"_s,
            K::TlsFailed, QString(), u"does not offer TLS"_s);
        row("TLS verify", at + u"SSL error: certificate verify failed"_s, K::TlsFailed, QString(),
            u"could not be verified"_s);
        row("TLS other", at + u"SSL error: tlsv1 alert protocol version"_s, K::TlsFailed, QString(),
            u"the handshake with the server did not complete"_s);
        // The last attempt decides among libpq's own words: ::1 refused, 127.0.0.1 TLS.
        row("TLS name after a refused address",
            u"connection to server at \"localhost\" (::1), port 5432 failed: Connection "
            u"refused\n\tIs the server running on that host and accepting TCP/IP connections?\n"
            "connection to server at \"localhost\" (127.0.0.1), port 5432 failed: server certificate for \"127.0.0.1\" (and 1 other name) does not match host name \"localhost\""_s,
            K::TlsFailed, QString(), u"not issued for host name \"localhost\""_s);
        // A server's words beat libpq's: one host refused, the next one answered.
        row("server words beat a refusal",
            at + u"FATAL:  database \"shop\" does not exist\n"_s
                + u"connection to server at \"db2.example\" (10.0.0.6), port 5432 failed: Connection refused"_s,
            K::DatabaseNotFound, u"3D000"_s, u"Database \"shop\" does not exist"_s);
        row("unknown words", at + u"FATAL:  trop de connexions pour le rôle « app »"_s, K::Other,
            QString(), u"trop de connexions"_s);
    }
    void connectFailures()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, sqlState);
        QFETCH(QString, words);
        const DbError e = DbError::fromConnect(text, 5);
        QCOMPARE(DbError::kindName(e.kind), DbError::kindName(DbError::Kind(kind)));
        QCOMPARE(e.sqlState, sqlState);
        QCOMPARE(e.detail, text);
        QVERIFY2(e.summary().contains(words), qPrintable(e.summary()));
        QVERIFY(!e.advice.isEmpty());
        QCOMPARE(DbError::hasServerMessage(text), text.contains(u":  "_s));
    }

    // What the evidence says about the login, per class.
    void reachableAndAuthenticated()
    {
        const auto of = [](const QString &text) { return DbError::fromConnect(text, 5); };
        DbError e = of(u"FATAL:  sorry, too many clients already"_s);
        QVERIFY(e.reachedServer());
        QVERIFY(!e.authenticated.has_value()); // refused before the password was looked at
        e = of(
            u"FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute"_s);
        QCOMPARE(e.authenticated, std::optional<bool>(true)); // after it
        e = of(u"FATAL:  password authentication failed for user \"app\""_s);
        QCOMPARE(e.authenticated, std::optional<bool>(false));
        e = of(
            u"could not translate host name \"x.invalid\" to address: Name or service not known"_s);
        QVERIFY(!e.reachedServer());
        QVERIFY(!e.authenticated.has_value());
        e = of(u"received invalid response to SSL negotiation: H"_s);
        QVERIFY(!e.reachedServer());
    }

    // A SQLSTATE learnt from a second attempt (another server language) places the failure.
    void placeByStartupSqlState()
    {
        DbError e = DbError::fromConnect(u"FATAL:  trop de connexions"_s, 5);
        QCOMPARE(e.kind, DbError::Kind::Other);
        e.placeByStartupSqlState(u"53300"_s);
        QCOMPARE(e.kind, DbError::Kind::NoFreeSlot);
        QCOMPARE(e.sqlState, u"53300"_s);
        QVERIFY(!e.authenticated.has_value());
        QVERIFY(e.summary().contains(u"no free connection slot"_s));
        QCOMPARE(e.detail, u"FATAL:  trop de connexions"_s);
        e.placeByStartupSqlState(u"28000"_s);
        QCOMPARE(e.kind, DbError::Kind::LoginRejected);
        QCOMPARE(e.authenticated, std::optional<bool>(false));
        e.placeByStartupSqlState(u"XX000"_s); // unknown: left as it was
        QCOMPARE(e.kind, DbError::Kind::LoginRejected);
    }
};

QTEST_GUILESS_MAIN(TestDbError)
#include "tst_dberror.moc"
