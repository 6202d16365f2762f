// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// What the parts of tst_pg_connectfailures share (tst_pg_connectfailures, _network): the
// fixture server and a private one (small max_connections, its own pg_hba.conf, German and
// French lc_messages through a private LOCPATH) with the roles and databases each failure
// needs, sessions held open to fill slots, and the checks every failure must pass.
// A test class derives from it after QObject. Header-only: each part is its own executable.

#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "engine/dbsession.h"
#include "kb/kblibrary.h"
#include "pgserver.h"
#include "privatepgserver.h"
#include "runandwait.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class ConnectFailuresFixture
{
protected:
    static inline const QString Connectivity = u"check.postgres.connectivity"_s;
    static inline const QString Pool = u"check.postgres.pool"_s;
    static inline const QString RolePassword = u"Role-Pw-Sentinel-4711"_s;

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
    static int fatalLines(const QString &logPath)
    {
        QFile f(logPath);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        return int(f.readAll().count("FATAL:"));
    }

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

    // The fixture server and the private one (8 slots, roles and databases that fail each
    // login, pg_hba.conf lines, German and French messages); called by initTestCase.
    void setUpServers()
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
};
