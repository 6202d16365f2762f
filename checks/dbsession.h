#pragma once

#include "environment.h"

#include <QMutex>
#include <QSqlError>
#include <QString>
#include <atomic>

struct pg_cancel;

// Why a database call failed, in words a DBA can act on.
struct DbError
{
    enum class Kind {
        None,
        ConnectionRefused,
        Timeout,
        AuthenticationFailed,
        PermissionDenied,
        StatementTimeout,
        LockTimeout,
        Cancelled,
        ConnectionLost,
        ReadOnly,
        NotFound,
        Other
    };
    Kind kind = Kind::None;
    QString sqlState;
    QString detail; // the driver's text, password-free
    QString advice; // what to do about it

    bool isError() const { return kind != Kind::None; }
    QString summary() const; // "what happened: what to do"

    static DbError fromConnect(const QSqlError &error, int connectTimeoutSec);
    static DbError fromQuery(const QSqlError &error);
};

// Lets another thread stop the query a job is running (PQcancel), and tells the job
// to stop between statements.
class CancelToken
{
public:
    ~CancelToken();
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }
    const std::atomic_bool &flag() const { return m_cancelled; }

    void attach(void *pgconn); // called by the job's thread after connecting
    void detach(); // called by the job's thread before closing

private:
    std::atomic_bool m_cancelled { false };
    QMutex m_mutex;
    pg_cancel *m_handle = nullptr;
};

// One job's own connection: created, used and removed on the calling thread only.
// The QSqlDatabase lives in Qt's registry under a unique name, never in a member.
class DbSession
{
public:
    DbSession(const Environment &env, CancelToken *token);
    ~DbSession(); // closes and removes the connection
    DbSession(const DbSession &) = delete;
    DbSession &operator=(const DbSession &) = delete;

    bool open();
    QString connectionName() const { return m_name; }
    const DbError &error() const { return m_error; }

    // Each check runs inside its own READ ONLY transaction.
    bool beginReadOnly();
    void rollback();

    static QString nextConnectionName();
    // libpq's connection behind a QPSQL connection, or nullptr.
    static void *pgConnection(const QString &connectionName);

private:
    bool exec(const QString &sql);

    const Environment &m_env;
    CancelToken *m_token;
    QString m_name;
    DbError m_error;
};
