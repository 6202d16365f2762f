// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "pgserver.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A PostgreSQL server of one test's own, started by tools/pg-fixture in a temporary state
// folder, for what the shared fixture must not see: a small max_connections, pg_hba.conf
// lines, another server language, a shutdown or a standby. The destructor stops it and
// deletes its files. Starting one takes a few seconds (initdb).
class PrivatePgServer
{
public:
    // environment: what the server process gets (e.g. LOCPATH for a locale of its own).
    explicit PrivatePgServer(
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    ~PrivatePgServer();
    PrivatePgServer(const PrivatePgServer &) = delete;
    PrivatePgServer &operator=(const PrivatePgServer &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // why it did not start
    const PgServer &server() const { return m_server; }

    // ALTER SYSTEM SET for each "name = value", then a restart (for max_connections and
    // the like). Returns an empty string or what went wrong.
    QString configure(const QStringList &settings);
    // Replaces pg_hba.conf with lines (the first matching line wins) and reloads.
    QString writeHba(const QStringList &lines);
    // pg_ctl ARGS -D PGDATA as the server's owner, with the server's environment; returns
    // an empty string or pg_ctl's output. E.g. {"stop", "-m", "smart", "-W"}.
    QString pgCtl(const QStringList &args);
    // pg_ctl start on the server's port, waiting until it runs (or is a standby).
    QString start();
    // Marks the data folder as a standby (standby.signal) without a primary, with
    // hot_standby off, and starts it: it takes no connections (57P03). Stop it first.
    QString startAsStandbyWithoutHotStandby();

private:
    QString fixture(const QString &command);

    QProcessEnvironment m_environment;
    QTemporaryDir m_state;
    PgServer m_server;
    QString m_error;
};
