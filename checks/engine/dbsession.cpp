// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/dbsession.h"

#include "engine/canceltoken.h"
#include "engine/pgpipeline.h"
#include "engine/startupprobe.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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
    // libpq keeps a start-up error's SQLSTATE in a private PGresult (PQerrorMessage gives
    // only the words), so an error in words DbError does not know (a server in another
    // language) is asked again without a password (StartupProbe, PQERRORS_SQLSTATE). Not when
    // PGPASSWORD or a service file could hand libpq a password behind our back: a wrong one is
    // never tried twice.
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

DbSession::DbSession(const Environment &env, CancelToken *token)
    : m_env(env)
    , m_token(token)
{ }

DbSession::~DbSession()
{
    if (m_conn) {
        if (m_token)
            m_token->detach(m_conn);
        PQfinish(m_conn);
    }
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    } // the last copy must be gone before removeDatabase, or Qt warns "still in use"
    QSqlDatabase::removeDatabase(m_name);
}

bool DbSession::isPostgres() const
{
    return m_env.connection.driver == ConnectionSpec::Driver::Postgres;
}

bool DbSession::open()
{
    if (m_token && m_token->isCancelled()) {
        m_error.kind = DbError::Kind::Cancelled;
        return false;
    }
    return isPostgres() ? openPostgres() : openSqlite();
}

bool DbSession::openPostgres()
{
    const ConnectionSpec &spec = m_env.connection;
    ConnectionSpec target = spec;
    target.connectTimeoutSec = m_env.timeouts.connectSec;
    target.password.clear(); // passed on its own below, never inside a string
    const QByteArray conninfo = target.toKeywordString().toUtf8();
    const QByteArray password = spec.password.toUtf8();
    // Entries before the expanded dbname are defaults the environment may override
    // (application_name); those after it win: the client encoding every conversion below
    // relies on, sent in the start-up packet rather than as a SET afterwards.
    const char *keywords[] = { "application_name", "dbname", "client_encoding",
        password.isEmpty() ? nullptr : "password", nullptr };
    const char *values[] = { "doctor-dashboard", conninfo.constData(), "UTF8",
        password.isEmpty() ? nullptr : password.constData(), nullptr };
    QElapsedTimer connecting;
    connecting.start();
    {
        const CMessagesOnThisThread englishLibpq;
        m_conn = PQconnectdbParams(keywords, values, 1);
    }
    if (!m_conn) {
        m_error.kind = DbError::Kind::Other;
        m_error.detail = u"libpq could not allocate a connection"_s;
        return false;
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_error = DbError::fromConnect(
            QString::fromUtf8(PQerrorMessage(m_conn)), m_env.timeouts.connectSec);
        PQfinish(m_conn);
        m_conn = nullptr;
        if (m_error.kind == DbError::Kind::Other)
            refineUnplaced(&m_error, spec, m_env.timeouts.connectSec, connecting.elapsed());
        return false;
    }
    if (m_token)
        m_token->attach(m_conn);
    return true;
}

bool DbSession::openSqlite()
{
    const ConnectionSpec &spec = m_env.connection;
    m_name = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    if (!db.isValid()) {
        m_error.kind = DbError::Kind::Other;
        m_error.detail = u"The Qt SQL driver QSQLITE is not installed."_s;
        return false;
    }
    // Read-only open: a check must never create a database file that is not there.
    db.setDatabaseName(spec.database);
    db.setConnectOptions(
        u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_env.timeouts.lockMs));
    if (!db.open()) {
        m_error = DbError::fromConnect(db.lastError().databaseText(), m_env.timeouts.connectSec);
        m_error.kind = DbError::Kind::NotFound;
        m_error.advice
            = u"Check that the SQLite file %1 exists and is readable."_s.arg(spec.database);
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA query_only = ON"_s)) {
        m_error = DbError::fromQuery(q.lastError());
        return false;
    }
    return true;
}

QString DbSession::literal(const QString &value) const
{
    if (value.contains(QChar(0)))
        return {};
    if (!m_conn)
        return u'\'' + QString(value).replace(u'\'', u"''"_s) + u'\'';
    const QByteArray utf8 = value.toUtf8(); // client_encoding is UTF8 (openPostgres)
    char *escaped = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!escaped)
        return {};
    const QString out = QString::fromUtf8(escaped);
    PQfreemem(escaped);
    return out;
}

DbError DbSession::lostError() const
{
    DbError e;
    if (m_token && m_token->isCancelled()) {
        e.kind = DbError::Kind::Cancelled;
        return e;
    }
    if (m_token && m_token->wasAborted())
        return DbError::noAnswer(m_env.timeouts.checkDeadlineMs());
    e.kind = DbError::Kind::ConnectionLost;
    e.detail = m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : QString();
    return e;
}

FlightAnswers DbSession::run(const QList<QueryGroup> &groups)
{
    if (groups.isEmpty())
        return {};
    ++m_flights;
    return isPostgres() ? runPostgres(groups) : runSqlite(groups);
}

FlightAnswers DbSession::runPostgres(const QList<QueryGroup> &groups)
{
    // The timeouts and read-only mode are each transaction's own (set_config's is_local),
    // never the session's: behind PgBouncer in transaction pooling the session is a server
    // connection that the application's transactions get next, and a session setting would
    // stay on it. Not in libpq's start-up "options" either: PgBouncer refuses or drops that
    // parameter. transaction_read_only is what SET TRANSACTION READ ONLY sets: any write in
    // the group fails with 25006.
    const QByteArray preamble = QByteArrayLiteral("SELECT set_config('transaction_read_only', "
                                                  "'on', true), set_config('statement_timeout', '")
        + QByteArray::number(m_env.timeouts.statementMs)
        + QByteArrayLiteral("', true), set_config('lock_timeout', '")
        + QByteArray::number(m_env.timeouts.lockMs) + QByteArrayLiteral("', true)");
    PgPipeline::Flight flight = PgPipeline::send(m_conn, preamble, groups);
    m_roundTripMs = flight.firstAnswerMs;
    if (flight.broken) {
        const DbError lost = lostError();
        for (QList<QueryResult> &answers : flight.answers) {
            for (QueryResult &r : answers) {
                if (r.error.kind == DbError::Kind::ConnectionLost)
                    r.error = lost;
            }
        }
    }
    FlightAnswers out;
    out.reserve(flight.answers.size());
    for (QList<QueryResult> &answers : flight.answers)
        out.append(std::move(answers));
    return out;
}

FlightAnswers DbSession::runSqlite(const QList<QueryGroup> &groups)
{
    FlightAnswers out;
    QElapsedTimer timer;
    timer.start();
    bool first = true;
    const QSqlDatabase db = QSqlDatabase::database(m_name, false);
    for (const QueryGroup &group : groups) {
        QList<QueryResult> answers;
        QSqlQuery control(db);
        control.exec(u"BEGIN"_s); // query_only already forbids writes
        DbError failed;
        for (const QString &sql : group) {
            QueryResult r;
            if (failed.isError()) {
                r.error = failed;
                r.skipped = true;
                answers << r;
                continue;
            }
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(sql)) {
                failed = DbError::fromQuery(q.lastError());
                r.error = failed;
            } else {
                const QSqlRecord rec = q.record();
                for (int c = 0; c < rec.count(); ++c)
                    r.columns << rec.fieldName(c);
                while (q.next()) {
                    QVariantList row;
                    row.reserve(rec.count());
                    for (int c = 0; c < rec.count(); ++c)
                        row << q.value(c);
                    r.rows << row;
                }
                if (q.lastError().isValid()) {
                    failed = DbError::fromQuery(q.lastError());
                    r.error = failed;
                }
            }
            if (first) {
                m_roundTripMs = timer.nsecsElapsed() / 1e6;
                first = false;
            }
            answers << r;
        }
        control.exec(u"ROLLBACK"_s);
        out << answers;
    }
    return out;
}
