// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The throwaway PostgreSQL started by tools/pg-fixture for the CTest fixture "postgres".
// Tests read its address from $DOCTOR_PG_STATE/server.env and create their own databases.
class PgServer
{
public:
    static PgServer fromFixture();
    // A server tools/pg-fixture started with STATE_DIR stateDir (see PrivatePgServer).
    static PgServer fromState(const QString &stateDir);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString logPath() const { return m_log; }
    QString stateDirectory() const { return m_state; }
    QString dataDirectory() const { return m_data; } // PGDATA
    QString binDirectory() const { return m_bin; } // pg_ctl, initdb ...
    QString caCertificate() const
    {
        return m_ca;
    } // the server's self-signed certificate // statements that modify anything are logged

    // A superuser environment on database (deployment compose, default timeouts).
    Environment environment(const QString &name, const QString &database) const;
    QString npgsqlString(const QString &database) const;

    // Adds a superuser QPSQL connection to database under connectionName, not yet open;
    // it belongs to the calling thread.
    QSqlDatabase addConnection(const QString &connectionName, const QString &database) const;
    // Runs statements one by one as the superuser on the calling thread; returns the first
    // error's text, or an empty string.
    QString exec(const QString &database, const QStringList &statements) const;
    // The first column of the first row of a query, as the superuser.
    QVariant scalar(const QString &database, const QString &sql) const;
    // CREATE DATABASE with a unique name starting with prefix; returns the name.
    QString createDatabase(const QString &prefix) const;
    // Restarts the server through tools/pg-fixture; false with a message on failure.
    bool restart(QString *message) const;

private:
    QString m_error;
    QString m_state;
    QString m_host;
    int m_port = 0;
    QString m_user;
    QString m_password;
    QString m_log;
    QString m_ca;
    QString m_data;
    QString m_bin;
};
