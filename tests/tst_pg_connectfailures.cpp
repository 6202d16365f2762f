// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Every way a login can fail, produced on real servers: each is placed in its own class
// (DbError::Kind, evidence ConnectFailure) with its own words and advice, "Authenticated"
// says false only when the server judged the credentials, a server out of slots is the
// pool check's failure, and libpq's own text stays in the message and the evidence.
// A private server (small max_connections, its own pg_hba.conf, German and French
// lc_messages through a private LOCPATH) serves what the shared fixture must not see.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "connectiontester.h"
#include "engine/dbsession.h"
#include "kb/kblibrary.h"
#include "pgserver.h"
#include "privatepgserver.h"
#include "runandwait.h"
#include "silentserver.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <clocale>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Pool = u"check.postgres.pool"_s;
const QString RolePassword = u"Role-Pw-Sentinel-4711"_s;

// QPSQL sessions held open on this thread, to fill a server's connection slots.
class HeldSessions
{
public:
    ~HeldSessions() { closeAll(); }
    QString open(const PgServer &pg, const QString &user, const QString &password, int count)
    {
        for (int i = 0; i < count; ++i) {
            const QString name = DbSession::nextConnectionName();
            QSqlDatabase db = pg.addConnection(name, u"postgres"_s);
            db.setUserName(user);
            db.setPassword(password);
            m_names << name;
            if (!db.open())
                return db.lastError().text();
        }
        return {};
    }
    void closeAll()
    {
        for (const QString &name : std::as_const(m_names)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
        m_names.clear();
    }

private:
    QStringList m_names;
};

struct Expected
{
    DbError::Kind kind;
    QString sqlState; // empty: none expected
    int authenticated; // -1: no Authenticated evidence, 0 false, 1 true
    QString words; // in the message
};

// The lines of a server log that report a refused login ("FATAL" in every translation used).
int fatalLines(const QString &logPath)
{
    QFile f(logPath);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return int(f.readAll().count("FATAL:"));
}

} // namespace

class TestPgConnectFailures : public QObject
{
    Q_OBJECT
private:
    PgServer m_shared;
    QTemporaryDir m_locales;
    bool m_haveLocales = false;
    std::unique_ptr<PrivatePgServer> m_private;
    QString m_language = u"C"_s;
    KbLibrary m_kb;

    const PgServer &pg() const { return m_private->server(); }

    Environment envFor(const PgServer &server, const QString &user, const QString &password,
        const QString &database = u"postgres"_s) const
    {
        Environment e = server.environment(u"env"_s, database);
        e.connection.user = user;
        e.connection.password = password;
        return e;
    }

    // Locale definitions compiled into a folder of this test's own (LOCPATH), so the
    // server can speak German or French without touching the system's locales.
    bool compileLocales()
    {
        for (const QString &l : { u"de_DE"_s, u"fr_FR"_s }) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(u"localedef"_s,
                { u"-i"_s, l, u"-f"_s, u"UTF-8"_s, m_locales.filePath(l + u".UTF-8"_s) });
            if (!p.waitForFinished(60000)
                || !QFileInfo::exists(m_locales.filePath(l + u".UTF-8"_s))) {
                qWarning("localedef %s: %s", qPrintable(l), p.readAll().constData());
                return false;
            }
        }
        // The server may run as 'postgres' (tests as root): it must read them.
        QProcess::execute(u"chmod"_s, { u"-R"_s, u"a+rX"_s, m_locales.path() });
        return true;
    }

    // The server's lc_messages for new sessions ("C", "de", "fr").
    bool setLanguage(const QString &language)
    {
        if (language == m_language)
            return true;
        if (language != u"C"_s && !m_haveLocales)
            return false;
        const QString value = language == u"C"_s ? u"C"_s
            : language == u"de"_s                ? u"de_DE.UTF-8"_s
                                                 : u"fr_FR.UTF-8"_s;
        const QString e = pg().exec(u"postgres"_s,
            { u"ALTER SYSTEM SET lc_messages = '%1'"_s.arg(value), u"SELECT pg_reload_conf()"_s });
        if (!e.isEmpty()) {
            qWarning("%s", qPrintable(e));
            return false;
        }
        // The postmaster reads the file when it gets to the signal; new sessions follow.
        for (int i = 0; i < 100; ++i) {
            if (pg().scalar(u"postgres"_s, u"SHOW lc_messages"_s).toString() == value) {
                m_language = language;
                return true;
            }
            QTest::qWait(50);
        }
        return false;
    }

    // Waits until only the given number of client sessions are left (backends end a
    // little after their client closes).
    void waitForSessions(int atMost)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            pg().scalar(u"postgres"_s,
                    u"SELECT count(*) FROM pg_stat_activity WHERE "
                    "backend_type = 'client backend' AND pid <> pg_backend_pid()"_s)
                    .toInt()
                <= atMost,
            5000);
    }

    // The connectivity result of one run, checked against what every failure must show.
    CheckResult connectivityFails(const Environment &e, const Expected &x, const QString &context)
    {
        CheckRunner runner(CheckRegistry::builtin(), &m_kb);
        const RunOutcome out = runAndWait(runner, { e }, { Connectivity });
        const CheckResult *r = out.find(e.name, Connectivity);
        if (!r) {
            qWarning("%s: no result", qPrintable(context));
            return {};
        }
        checkFailure(*r, e, x, context);
        return *r;
    }

    void checkFailure(
        const CheckResult &r, const Environment &e, const Expected &x, const QString &context)
    {
        const QString where = context + u": "_s + r.message;
        const QString error = r.evidenceValue(u"Error"_s).toString();
        QVERIFY2(r.status == CheckStatus::Fail, qPrintable(where));
        QVERIFY2(r.evidenceValue(u"ConnectFailure"_s).toString() == DbError::kindName(x.kind),
            qPrintable(r.evidenceValue(u"ConnectFailure"_s).toString() + u" - "_s + where));
        QVERIFY2(r.message.contains(x.words), qPrintable(where));
        QVERIFY2(r.evidenceValue(u"SqlState"_s).toString() == x.sqlState,
            qPrintable(r.evidenceValue(u"SqlState"_s).toString() + u" - "_s + where));
        const QVariant authenticated = r.evidenceValue(u"Authenticated"_s);
        QVERIFY2(x.authenticated < 0
                ? !authenticated.isValid()
                : authenticated.isValid() && authenticated.toBool() == bool(x.authenticated),
            qPrintable(u"Authenticated=%1 - "_s.arg(authenticated.toString()) + where));
        // libpq's own text: in the evidence as it came, and on one line in the message.
        QVERIFY2(!error.isEmpty(), qPrintable(where));
        QVERIFY2(r.message.contains(u"(libpq: "_s + error.simplified() + u')'), qPrintable(where));
        if (!e.connection.password.isEmpty()) {
            QVERIFY2(!r.message.contains(e.connection.password), qPrintable(context));
            for (const auto &[key, value] : r.evidence)
                QVERIFY2(
                    !value.toString().contains(e.connection.password), qPrintable(context + key));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_kb.load();
        m_shared = PgServer::fromFixture();
        QVERIFY2(m_shared.isValid(), qPrintable(m_shared.error()));
        QVERIFY(m_locales.isValid());
        m_haveLocales = compileLocales();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (m_haveLocales)
            env.insert(u"LOCPATH"_s, m_locales.path());
        m_private = std::make_unique<PrivatePgServer>(env);
        QVERIFY2(m_private->isValid(), qPrintable(m_private->error()));
        // 8 slots: 1 for superusers, 1 for pg_use_reserved_connections, 6 for the rest.
        // No TLS, so libpq makes one attempt (with sslmode=prefer a refused TLS login is
        // tried again without) and the server log counts one line per login.
        QCOMPARE(m_private->configure(
                     { u"max_connections = 8"_s, u"superuser_reserved_connections = 1"_s,
                         u"reserved_connections = 1"_s, u"ssl = off"_s }),
            QString());
        const QString pw = RolePassword;
        QCOMPARE(pg().exec(u"postgres"_s,
                     { u"CREATE ROLE app LOGIN PASSWORD '%1'"_s.arg(pw),
                         u"CREATE ROLE res LOGIN PASSWORD '%1'"_s.arg(pw),
                         u"GRANT pg_use_reserved_connections TO res"_s,
                         u"CREATE ROLE nologin_r NOLOGIN PASSWORD '%1'"_s.arg(pw),
                         u"CREATE ROLE lim LOGIN PASSWORD '%1' CONNECTION LIMIT 0"_s.arg(pw),
                         u"CREATE ROLE hba_reject LOGIN PASSWORD '%1'"_s.arg(pw),
                         u"CREATE ROLE hba_none LOGIN PASSWORD '%1'"_s.arg(pw),
                         u"CREATE DATABASE dlim CONNECTION LIMIT 0"_s,
                         u"CREATE DATABASE closed_db ALLOW_CONNECTIONS false"_s,
                         u"CREATE DATABASE noconn_db"_s,
                         u"REVOKE CONNECT ON DATABASE noconn_db FROM PUBLIC"_s }),
            QString());
        // hba_none matches no line (PostgreSQL 16+ takes a regular expression for the role).
        QCOMPARE(m_private->writeHba({ u"local all all scram-sha-256"_s,
                     u"host all hba_reject 127.0.0.1/32 reject"_s,
                     u"host all /^ghost_ 127.0.0.1/32 trust"_s,
                     u"host all /^(?!hba_none$) 127.0.0.1/32 scram-sha-256"_s }),
            QString());
    }

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
                << u"Password authentication failed for user \"app\". The password is wrong or the role does not exist"_s;
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
            row("database closed")
                << u"app"_s << pw << u"closed_db"_s << int(DbError::Kind::DatabaseNotAccepting)
                << u"55000"_s << 1
                << u"Database \"closed_db\" does not accept connections (ALLOW_CONNECTIONS false)"_s;
            row("no CONNECT privilege")
                << u"app"_s << pw << u"noconn_db"_s << int(DbError::Kind::NoConnectPrivilege)
                << u"42501"_s << 1
                << u"may not connect to database \"noconn_db\" (no CONNECT privilege)"_s;
            row("pg_hba.conf reject line")
                << u"hba_reject"_s << pw << u"postgres"_s << int(DbError::Kind::HbaRejected)
                << u"28000"_s << -1
                << u"a \"reject\" line matches host 127.0.0.1, user \"hba_reject\", database \"postgres\""_s;
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
                u"only the reserved_connections slots are left (for pg_use_reserved_connections)"_s);
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
                    u"no free connection slot for this role: only the superuser_reserved_connections slots are left"_s },
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
                u"TLS failed: the CA file \"/nonexistent/doctor-ca.crt\" to verify the server with does not exist"_s },
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
                u"TLS failed: the server's certificate is not issued for host name \"localhost\""_s },
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

QTEST_MAIN(TestPgConnectFailures)
#include "tst_pg_connectfailures.moc"
