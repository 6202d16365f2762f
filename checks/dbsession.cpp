#include "dbsession.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>
#include <libpq-fe.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

QString DbError::summary() const
{
    QString what;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::ConnectionRefused:
        what = u"Connection refused"_s;
        break;
    case Kind::Timeout:
        what = u"Connection timeout"_s;
        break;
    case Kind::AuthenticationFailed:
        what = u"Authentication failed"_s;
        break;
    case Kind::PermissionDenied:
        what = u"Permission denied"_s;
        break;
    case Kind::StatementTimeout:
        what = u"Query timed out (statement_timeout)"_s;
        break;
    case Kind::LockTimeout:
        what = u"Lock timeout: another session holds a conflicting lock"_s;
        break;
    case Kind::Cancelled:
        what = u"Cancelled"_s;
        break;
    case Kind::ConnectionLost:
        what = u"Connection lost"_s;
        break;
    case Kind::NoAnswer:
        what = u"No answer from the server"_s;
        break;
    case Kind::ReadOnly:
        what = u"Write refused in a read-only transaction"_s;
        break;
    case Kind::NotFound:
        what = u"Not found"_s;
        break;
    case Kind::Other:
        what = detail.section(u'\n', 0, 0).trimmed();
        if (what.isEmpty())
            what = u"Database error"_s;
        break;
    }
    return advice.isEmpty() ? what : what + u". "_s + advice;
}

namespace {

QString refusedAdvice()
{
    return u"Check that the server is running and listens on this host and port."_s;
}

QString connectTimeoutAdvice(int connectTimeoutSec)
{
    return u"No answer within %1 s: check the host, the port, firewalls and whether the server is overloaded."_s
        .arg(connectTimeoutSec);
}

// fromConnect() reads libpq's English text; with translated messages (a German desktop,
// say) it cannot place them. What libpq's ping answers does not depend on the language.
void refineByPing(DbError *e, const ConnectionSpec &spec, int connectTimeoutSec, qint64 elapsedMs)
{
    if (elapsedMs >= qint64(connectTimeoutSec) * 1000 - 100) {
        e->kind = DbError::Kind::Timeout;
        e->advice = connectTimeoutAdvice(connectTimeoutSec);
        return;
    }
    ConnectionSpec target = spec;
    target.connectTimeoutSec = connectTimeoutSec;
    switch (PQping(target.toKeywordString().toUtf8().constData())) {
    case PQPING_NO_RESPONSE:
        e->kind = DbError::Kind::ConnectionRefused;
        e->advice = refusedAdvice();
        break;
    case PQPING_REJECT:
        e->advice = u"The server is up but takes no connections now (starting up, shutting down "
                    "or recovering); try again shortly or read its log."_s;
        break;
    case PQPING_OK:
        e->advice = u"The server answered but refused this session: check the user, the password, "
                    "the database name, pg_hba.conf and the connection limits in the server's log."_s;
        break;
    case PQPING_NO_ATTEMPT:
        break;
    }
}

} // namespace

DbError DbError::fromConnect(const QSqlError &error, int connectTimeoutSec)
{
    DbError e;
    e.sqlState = error.nativeErrorCode();
    e.detail = error.databaseText().trimmed();
    const QString t = e.detail.toLower();
    if (t.contains(u"connection refused")) {
        e.kind = Kind::ConnectionRefused;
        e.advice = refusedAdvice();
    } else if (t.contains(u"timeout expired") || t.contains(u"timed out")) {
        e.kind = Kind::Timeout;
        e.advice = connectTimeoutAdvice(connectTimeoutSec);
    } else if (t.contains(u"password authentication failed") || t.contains(u"no password supplied")
        || t.contains(u"authentication failed") || e.sqlState == u"28P01"
        || e.sqlState == u"28000") {
        e.kind = Kind::AuthenticationFailed;
        e.advice
            = u"Check the user name and password (keychain, PGPASSWORD or .pgpass) and pg_hba.conf."_s;
    } else if (t.contains(u"does not exist") && t.contains(u"database")) {
        e.kind = Kind::NotFound;
        e.advice = u"Check the database name in the connection."_s;
    } else {
        e.kind = Kind::Other;
        e.advice = u"Check the connection settings."_s;
    }
    return e;
}


DbError DbError::fromQuery(const QSqlError &error)
{
    DbError e;
    e.sqlState = error.nativeErrorCode();
    e.detail = error.databaseText().trimmed();
    if (e.detail.isEmpty())
        e.detail = error.text();
    const QString &s = e.sqlState;
    const QString t = e.detail.toLower();
    if (s == u"42501") {
        e.kind = Kind::PermissionDenied;
    } else if (s == u"57014") {
        // 57014 is both a statement_timeout and a cancel request. The server words it in its
        // own language (lc_messages), so the text cannot tell them apart; our own cancels are
        // known to the runner, which turns any error after one into "Cancelled". Only the
        // English text of someone else's cancel (pg_cancel_backend, a pooler) is told apart.
        if (t.contains(u"user request")) {
            e.kind = Kind::Other;
            e.advice
                = u"Another session or a connection pooler cancelled the query (pg_cancel_backend); run the check again."_s;
        } else {
            e.kind = Kind::StatementTimeout;
            e.advice
                = u"The server took longer than the statement timeout; raise it for this environment or check load."_s;
        }
    } else if (s == u"55P03") {
        e.kind = Kind::LockTimeout;
        e.advice
            = u"Look for the blocking session in pg_locks / pg_stat_activity (often a migration in progress)."_s;
    } else if (s == u"25006") {
        e.kind = Kind::ReadOnly;
    } else if (s == u"57P01" || s == u"57P02" || s == u"57P03" || s.startsWith(u"08")
        || t.contains(u"server closed the connection") || t.contains(u"no connection to the server")
        || t.contains(u"terminating connection")) {
        e.kind = Kind::ConnectionLost;
        e.advice
            = u"The server ended the session (restart, failover or pg_terminate_backend); run the check again."_s;
    } else {
        e.kind = Kind::Other;
    }
    return e;
}

DbError DbError::noAnswer(qint64 waitedMs)
{
    DbError e;
    e.kind = Kind::NoAnswer;
    e.detail = u"no answer within %1 s; the connection was closed"_s.arg(qRound(waitedMs / 1000.0));
    e.advice = u"The server stopped answering mid-query, beyond what statement_timeout can stop: "
               "a frozen server, a network partition, or a pooler with no free server "
               "connection (PgBouncer's query_wait_timeout). Check the server and the pooler, "
               "then run the check again."_s;
    return e;
}

CancelToken::~CancelToken()
{
    QMutexLocker lock(&m_mutex);
    for (const Attached &a : std::as_const(m_attached))
        PQfreeCancel(a.cancel);
    m_attached.clear();
}

void CancelToken::cancel()
{
    m_cancelled = true;
    // A server that PQcancel cannot reach would keep the job waiting: give it two more
    // seconds, then the watchdog closes the connection.
    const qint64 soon = QDeadlineTimer(2000).deadline();
    qint64 at = m_deadlineAt.load();
    while (at != 0 && at > soon && !m_deadlineAt.compare_exchange_weak(at, soon)) { }
    QMutexLocker lock(&m_mutex);
    // Every attached session: cancelling one that is idle does nothing.
    for (const Attached &a : std::as_const(m_attached)) {
        char buf[256];
        PQcancel(a.cancel, buf, sizeof buf); // thread-safe by libpq's contract
    }
}

void CancelToken::attach(void *pgconn)
{
    if (!pgconn)
        return;
    QMutexLocker lock(&m_mutex);
    m_attached.append({ pgconn, PQgetCancel(static_cast<PGconn *>(pgconn)), false });
}

void CancelToken::detach(void *pgconn)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = m_attached.size() - 1; i >= 0; --i) {
        if (m_attached.at(i).conn == pgconn) {
            PQfreeCancel(m_attached.at(i).cancel);
            m_attached.removeAt(i);
            return;
        }
    }
}

void CancelToken::setDeadline(qint64 ms)
{
    m_deadlineAt = ms > 0 ? QDeadlineTimer(ms).deadline() : 0;
}

bool CancelToken::wasAborted()
{
    QMutexLocker lock(&m_mutex);
    return !m_attached.isEmpty() && m_attached.last().aborted;
}

void CancelToken::abortIfOverdue()
{
    const qint64 at = m_deadlineAt.load();
    if (at == 0 || QDeadlineTimer::current().deadline() < at)
        return;
    QMutexLocker lock(&m_mutex);
    if (m_attached.isEmpty() || m_attached.last().aborted)
        return;
    // shutdown(), not close(): the descriptor stays the job's, so it cannot be reused
    // under it, and the job's blocked read returns at once with "connection closed".
    Attached &newest = m_attached.last();
    const int fd = PQsocket(static_cast<PGconn *>(newest.conn));
    if (fd >= 0) {
        newest.aborted = true;
        ::shutdown(fd, SHUT_RDWR);
    }
}

QString DbSession::nextConnectionName()
{
    // A counter, not the thread's address: pool threads are reused and must never
    // pick up a name another job still owns.
    static std::atomic<quint64> counter { 0 };
    return u"doctor-job-%1"_s.arg(++counter);
}

void *DbSession::pgConnection(const QString &connectionName)
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
        if (!db.open()) {
            m_error = DbError::fromConnect(db.lastError(), m_env.timeouts.connectSec);
            if (pg && m_error.kind == DbError::Kind::Other)
                refineByPing(&m_error, spec, m_env.timeouts.connectSec, connecting.elapsed());
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
