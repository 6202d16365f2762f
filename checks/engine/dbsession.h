// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/dberror.h"
#include "engine/environment.h"

#include <QString>

class CancelToken;
struct pg_conn;

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
    static pg_conn *pgConnection(const QString &connectionName);

private:
    bool exec(const QString &sql);

    const Environment &m_env;
    CancelToken *m_token;
    QString m_name;
    DbError m_error;
};
