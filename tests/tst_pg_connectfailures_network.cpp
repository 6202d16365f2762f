// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Connect failures before a PostgreSQL server answers (closed port, DNS, silence, HTTP), TLS,
// libpq's words on a German desktop, the connection tester's text, and a server shutting down
// or a standby taking none. Refusals and slot shortage: tst_pg_connectfailures.
#include "connectfailuresfixture.h"
#include "connectiontester.h"
#include "engine/dbsession.h"
#include "pgserver.h"
#include "silentserver.h"

#include <QFile>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>
#include <clocale>

using namespace Qt::StringLiterals;

class TestPgConnectFailuresNetwork : public QObject, protected ConnectFailuresFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpServers(); }

    // Failures before a PostgreSQL server answers, and TLS.
    void networkAndTls()
    {
        QVERIFY(setLanguage(u"C"_s));
        struct Case
        {
            QString name;
            Environment env;
            Expected expected;
            bool reachable;
        };
        QList<Case> cases;
        const auto add = [&](const QString &name, Environment e, Expected x, bool reachable) {
            e.timeouts.connectSec = 2;
            cases.append({ name, e, x, reachable });
        };

        Environment closed = envFor(m_shared, m_shared.user(), m_shared.password());
        const int closedPort = closedLoopbackPort();
        closed.connection.port = QString::number(closedPort);
        add(u"closed port"_s, closed,
            { DbError::Kind::ConnectionRefused, {}, -1,
                u"Connection refused by 127.0.0.1 port %1. Check that the server is running"_s.arg(
                    closedPort) },
            false);

        Environment dns = envFor(m_shared, m_shared.user(), m_shared.password());
        dns.connection.host = u"doctor-test.invalid"_s;
        add(u"DNS"_s, dns,
            { DbError::Kind::HostNotFound, {}, -1,
                u"Host name \"doctor-test.invalid\" not found (DNS)"_s },
            false);

        SilentServer silent;
        Environment hung = envFor(m_shared, m_shared.user(), m_shared.password());
        hung.connection.port = QString::number(silent.port());
        add(u"silent listener"_s, hung, { DbError::Kind::Timeout, {}, -1, u"Connection timeout"_s },
            false);

        AnsweringServer http("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                             "Content-Length: 11\r\nConnection: close\r\n\r\nBad Request");
        for (const QString &mode : { QString(), u"disable"_s }) {
            Environment e = envFor(m_shared, m_shared.user(), m_shared.password());
            e.connection.port = QString::number(http.port());
            if (!mode.isEmpty())
                e.connection.setOption(u"sslmode"_s, mode);
            add(u"HTTP listener, sslmode=%1"_s.arg(mode.isEmpty() ? u"prefer"_s : mode), e,
                { DbError::Kind::NotPostgres, {}, -1,
                    u"Not a PostgreSQL server on this port: it answered like an HTTP server"_s },
                false);
        }

        Environment noCa = envFor(m_shared, m_shared.user(), m_shared.password());
        noCa.connection.setOption(u"sslmode"_s, u"verify-full"_s);
        noCa.connection.setOption(u"sslrootcert"_s, u"/nonexistent/doctor-ca.crt"_s);
        add(u"CA file missing"_s, noCa,
            { DbError::Kind::TlsFailed, {}, -1,
                u"TLS failed: the CA file \"/nonexistent/doctor-ca.crt\" to verify the server "
                "with does not exist"_s },
            true);

        // The private server's certificate is another self-signed one: not the shared
        // server's CA.
        Environment wrongCa = envFor(m_shared, m_shared.user(), m_shared.password());
        wrongCa.connection.setOption(u"sslmode"_s, u"verify-ca"_s);
        wrongCa.connection.setOption(u"sslrootcert"_s, pg().caCertificate());
        add(u"wrong CA"_s, wrongCa,
            { DbError::Kind::TlsFailed, {}, -1,
                u"TLS failed: the server's certificate could not be verified"_s },
            true);

        // "localhost" is tried on ::1 (refused: the server listens on 127.0.0.1 only), then
        // on 127.0.0.1, where the certificate (for 127.0.0.1) does not fit: the last decides.
        Environment wrongName = envFor(m_shared, m_shared.user(), m_shared.password());
        wrongName.connection.host = u"localhost"_s;
        wrongName.connection.setOption(u"sslmode"_s, u"verify-full"_s);
        wrongName.connection.setOption(u"sslrootcert"_s, m_shared.caCertificate());
        add(u"certificate for another name"_s, wrongName,
            { DbError::Kind::TlsFailed, {}, -1,
                u"TLS failed: the server's certificate is not issued for host name "
                "\"localhost\""_s },
            true);

        Environment noTls = envFor(pg(), pg().user(), pg().password());
        noTls.connection.setOption(u"sslmode"_s, u"require"_s);
        add(u"server without TLS"_s, noTls,
            { DbError::Kind::TlsFailed, {}, -1,
                u"TLS failed: the server does not offer TLS, but the connection requires it"_s },
            true);

        for (const Case &c : std::as_const(cases)) {
            const CheckResult r = connectivityFails(c.env, c.expected, c.name);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(r.evidenceValue(u"Reachable"_s).toBool() == c.reachable, qPrintable(c.name));
        }
        QVERIFY(http.answeredCount() >= 2);
    }

    // libpq words its own messages in the desktop's language; the connect reads them in
    // English, so a German desktop gets the same classes (and the raw text in English).
    void libpqWordsStayEnglishOnAGermanDesktop()
    {
        if (!m_haveLocales)
            QSKIP("no de_DE locale could be compiled (localedef)");
        const QByteArray oldLocpath = qgetenv("LOCPATH");
        const QByteArray oldLanguage = qgetenv("LANGUAGE");
        const QByteArray oldMessages = setlocale(LC_MESSAGES, nullptr);
        qputenv("LOCPATH", QFile::encodeName(m_locales.path()));
        qputenv("LANGUAGE", "de");
        QVERIFY(setlocale(LC_MESSAGES, "de_DE.UTF-8"));
        const auto restore = qScopeGuard([&] {
            setlocale(LC_MESSAGES, oldMessages.constData());
            oldLocpath.isNull() ? qunsetenv("LOCPATH") : qputenv("LOCPATH", oldLocpath);
            oldLanguage.isNull() ? qunsetenv("LANGUAGE") : qputenv("LANGUAGE", oldLanguage);
        });
        // Without the thread's C messages, libpq answers in German here.
        {
            const QString name = DbSession::nextConnectionName();
            {
                QSqlDatabase db = m_shared.addConnection(name, u"postgres"_s);
                db.setHostName(u"doctor-test.invalid"_s);
                QVERIFY(!db.open());
                const QString text = db.lastError().databaseText();
                QVERIFY2(!text.contains(u"could not translate host name"_s), qPrintable(text));
            }
            QSqlDatabase::removeDatabase(name);
        }
        Environment dns = envFor(m_shared, m_shared.user(), m_shared.password());
        dns.connection.host = u"doctor-test.invalid"_s;
        const CheckResult r = connectivityFails(dns,
            { DbError::Kind::HostNotFound, {}, -1,
                u"Host name \"doctor-test.invalid\" not found"_s },
            u"German desktop"_s);
        QVERIFY2(
            r.evidenceValue(u"Error"_s).toString().contains(u"could not translate host name"_s),
            qPrintable(r.evidenceValue(u"Error"_s).toString()));
    }

    // Test Connection shows the classified words and libpq's own text.
    void testConnectionShowsLibpqText()
    {
        QVERIFY(setLanguage(u"C"_s));
        ConnectionTester tester;
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        tester.start(envFor(pg(), u"app"_s, u"wrong-password"_s));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(!finished.first().at(0).toBool());
        const QString text = tester.resultLabel()->text();
        QVERIFY2(
            text.contains(u"Password authentication failed for user \"app\""_s), qPrintable(text));
        QVERIFY2(
            text.contains(u"(libpq: connection to server at \"127.0.0.1\", port %1 failed: FATAL: "
                          "password authentication failed for user \"app\")"_s.arg(pg().port())),
            qPrintable(text));
        QVERIFY(!text.contains(u"wrong-password"_s));
    }

    // Last: these stop the private server. A smart shutdown waits for open sessions and
    // turns new ones away; a standby with hot_standby off takes none.
    void shuttingDownAndStandby()
    {
        for (const QString &language : { u"C"_s, u"de"_s }) {
            if (!setLanguage(language))
                continue;
            HeldSessions held;
            QCOMPARE(held.open(pg(), pg().user(), pg().password(), 1), QString());
            QCOMPARE(m_private->pgCtl({ u"stop"_s, u"-m"_s, u"smart"_s, u"-W"_s }), QString());
            QTest::qWait(300); // the postmaster takes the signal
            connectivityFails(envFor(pg(), u"app"_s, RolePassword),
                { DbError::Kind::ServerNotAccepting, u"57P03"_s, -1,
                    u"The server is shutting down and takes no new connections"_s },
                language + u" shutting down"_s);
            held.closeAll();
            if (QTest::currentTestFailed())
                return;
            // The last session gone, the smart shutdown completes ("pg_ctl status" exits 3).
            QTRY_VERIFY_WITH_TIMEOUT(!m_private->pgCtl({ u"status"_s }).isEmpty(), 15000);
            QCOMPARE(m_private->start(), QString());
        }
        QCOMPARE(m_private->pgCtl({ u"stop"_s, u"-m"_s, u"fast"_s, u"-w"_s }), QString());
        QCOMPARE(m_private->startAsStandbyWithoutHotStandby(), QString());
        connectivityFails(envFor(pg(), u"app"_s, RolePassword),
            { DbError::Kind::ServerNotAccepting, u"57P03"_s, -1,
                u"The server is a standby that takes no connections (hot_standby off)"_s },
            m_language + u" standby"_s);
    }

    void cleanupTestCase() { m_private.reset(); }
};

QTEST_MAIN(TestPgConnectFailuresNetwork)
#include "tst_pg_connectfailures_network.moc"
