// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/dbsession.h"

#include "engine/canceltoken.h"
#include "engine/startupprobe.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>
#include <clocale>
#include <libpq-fe.h>
#include <locale.h>

using namespace Qt::StringLiterals;

namespace {

// libpq words its own messages, and strerror's, in the thread's LC_MESSAGES; DbError
// reads them in English. The connect therefore runs with C messages on this thread only
// (uselocale is per thread; gettext and strerror follow it). What the server sends is in
// the server's language whatever the client does.
class CMessagesOnThisThread
{
public:
    CMessagesOnThisThread()
    {
        const locale_t base = duplocale(uselocale(locale_t(nullptr)));
        m_c = base ? newlocale(LC_MESSAGES_MASK, "C", base) : locale_t(nullptr);
        if (!m_c && base)
            freelocale(base);
        if (m_c)
            m_previous = uselocale(m_c);
    }
    ~CMessagesOnThisThread()
    {
        if (!m_c)
            return;
        uselocale(m_previous);
        freelocale(m_c);
    }
    CMessagesOnThisThread(const CMessagesOnThisThread &) = delete;
    CMessagesOnThisThread &operator=(const CMessagesOnThisThread &) = delete;

private:
    locale_t m_c = nullptr;
    locale_t m_previous = nullptr;
};

// fromConnect() could not place the failure from the text.
void refineUnplaced(DbError *e, const ConnectionSpec &spec, int connectTimeoutSec, qint64 elapsedMs)
{
    if (elapsedMs >= qint64(connectTimeoutSec) * 1000 - 100) {
        e->kind = DbError::Kind::Timeout;
        e->advice = u"No answer within %1 s: check the host, the port, firewalls and whether the "
                    "server is overloaded."_s.arg(connectTimeoutSec);
        return;
    }
    if (!DbError::hasServerMessage(e->detail))
        return;
    // QPSQL finishes a failed connection before anyone can ask libpq for the SQLSTATE, so
    // an error in words DbError does not know (a server in another language) is asked
    // again without a password (StartupProbe). Not when PGPASSWORD or a service file could
    // hand libpq a password behind our back: a wrong one is never tried twice.
    if (qEnvironmentVariableIsSet("PGPASSWORD") || !spec.option(u"service"_s).isEmpty())
        return;
    const StartupProbe::Result probe = StartupProbe::run(spec, connectTimeoutSec);
    if (!probe.sqlState.isEmpty()) {
        e->placeByStartupSqlState(probe.sqlState);
    } else if (probe.askedForPassword) {
        e->advice = u"The server asked for the password and then refused the session, in words "
                    "this version does not know (the server's language): a wrong password or "
                    "role, a missing or closed database, a connection limit or no free slot. "
                    "The server's words are in the evidence; its log says more."_s;
    } else {
        e->advice = u"The server refused the session: check the user, the password, the database "
                    "name, pg_hba.conf and the connection limits in the server's log."_s;
    }
}

} // namespace

QString DbSession::nextConnectionName()
{
    // A counter, not the thread's address: pool threads are reused and must never
    // pick up a name another job still owns.
    static std::atomic<quint64> counter { 0 };
    return u"doctor-job-%1"_s.arg(++counter);
}

pg_conn *DbSession::pgConnection(const QString &connectionName)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt registers the handle under libpq's struct name ("pg_conn*" in Qt 6.8); older
    // releases used the typedef.
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0
            && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

DbSession::DbSession(const Environment &env, CancelToken *token)
    : m_env(env)
    , m_token(token)
    , m_name(nextConnectionName())
{ }

DbSession::~DbSession()
{
    if (m_token)
        m_token->detach(pgConnection(m_name));
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    } // the last copy must be gone before removeDatabase, or Qt warns "still in use"
    QSqlDatabase::removeDatabase(m_name);
}

bool DbSession::open()
{
    const ConnectionSpec &spec = m_env.connection;
    const bool pg = spec.driver == ConnectionSpec::Driver::Postgres;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(pg ? u"QPSQL"_s : u"QSQLITE"_s, m_name);
        if (!db.isValid()) {
            m_error.kind = DbError::Kind::Other;
            m_error.detail
                = u"The Qt SQL driver %1 is not installed."_s.arg(pg ? u"QPSQL"_s : u"QSQLITE"_s);
            return false;
        }
        if (pg) {
            ConnectionSpec forDriver = spec;
            forDriver.connectTimeoutSec = m_env.timeouts.connectSec;
            QString options = forDriver.qtConnectOptions();
            if (forDriver.option(u"application_name"_s).isEmpty())
                options += (options.isEmpty() ? u""_s : u";"_s)
                    + u"application_name=doctor-dashboard"_s;
            // QSqlDatabase::setPort takes one port; a libpq port list is passed as an option.
            // Both come from the parser as digits and commas only.
            if (spec.port.contains(u','))
                options += u";port="_s + spec.port;
            else if (!spec.port.isEmpty())
                db.setPort(spec.port.toInt());
            db.setConnectOptions(options);
            db.setHostName(spec.host);
            db.setDatabaseName(spec.database);
            db.setUserName(spec.user);
            db.setPassword(spec.password);
        } else {
            // Read-only open: a check must never create a database file that is not there.
            db.setDatabaseName(spec.database);
            db.setConnectOptions(
                u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_env.timeouts.lockMs));
        }
        if (m_token && m_token->isCancelled()) {
            m_error.kind = DbError::Kind::Cancelled;
            return false;
        }
        QElapsedTimer connecting;
        connecting.start();
        const CMessagesOnThisThread englishLibpq;
        if (!db.open()) {
            m_error = DbError::fromConnect(db.lastError(), m_env.timeouts.connectSec);
            if (pg && m_error.kind == DbError::Kind::Other)
                refineUnplaced(&m_error, spec, m_env.timeouts.connectSec, connecting.elapsed());
            if (!pg) {
                m_error.kind = DbError::Kind::NotFound;
                m_error.advice
                    = u"Check that the SQLite file %1 exists and is readable."_s.arg(spec.database);
            }
            return false;
        }
    }
    if (pg) {
        if (m_token)
            m_token->attach(pgConnection(m_name));
    } else if (!exec(u"PRAGMA query_only = ON"_s)) {
        return false;
    }
    return true;
}

bool DbSession::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.exec(sql)) {
        m_error = DbError::fromQuery(q.lastError());
        return false;
    }
    return true;
}

bool DbSession::beginReadOnly()
{
    if (m_env.connection.driver == ConnectionSpec::Driver::Sqlite)
        return exec(u"BEGIN"_s); // query_only already forbids writes
    // The timeouts are the transaction's own (set_config's is_local), never the session's:
    // behind PgBouncer in transaction pooling the session is a server connection that the
    // application's transactions get next, and a session setting would stay on it. Not in
    // libpq's startup "options" either: PgBouncer refuses or drops that parameter. Literals,
    // not bound values: QPSQL would send PREPARE, EXECUTE and DEALLOCATE for one statement.
    return exec(u"BEGIN TRANSACTION READ ONLY"_s)
        && exec(u"SELECT set_config('statement_timeout', '%1', true), "
                "set_config('lock_timeout', '%2', true)"_s.arg(m_env.timeouts.statementMs)
                    .arg(m_env.timeouts.lockMs));
}

void DbSession::rollback()
{
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    q.exec(u"ROLLBACK"_s);
}
