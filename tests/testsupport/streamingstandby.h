// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "pgserver.h"

#include <QString>
#include <QTemporaryDir>

// A real streaming standby of a test's own primary (check.postgres.replication, issue 17):
// pg_basebackup -R -X stream from the primary into a folder of its own, started with hot
// standby on another free port, so a test can read it, pause its replay and watch the
// primary see it. The primary's pg_hba.conf must allow replication connections of its
// superuser from 127.0.0.1, which initdb's does (tools/pg-fixture). The destructor stops the
// standby (immediate) and deletes its files; the primary's slot, if any, stays.
class StreamingStandby
{
public:
    // slot: a physical slot pg_basebackup creates on the primary (-C -S) and the standby
    // streams through; empty for none. Takes a few seconds (a base backup and a start).
    explicit StreamingStandby(const PgServer &primary, const QString &slot = {});
    ~StreamingStandby();
    StreamingStandby(const StreamingStandby &) = delete;
    StreamingStandby &operator=(const StreamingStandby &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // why it is not running
    // The standby as a server: its port, the primary's superuser and password.
    const PgServer &server() const { return m_server; }

    // Waits until the standby has received (replayed) all WAL the primary has inserted so
    // far (a synchronous commit flushes it first); false after timeoutMs.
    bool waitForReceive(int timeoutMs = 10000) const;
    bool waitForReplay(int timeoutMs = 10000) const;
    // Waits until the primary's pg_stat_replication shows this standby's replay at the
    // primary's WAL flush position (the standby reports every second here).
    bool waitUntilPrimarySeesReplay(int timeoutMs = 10000) const;

private:
    QString asOwner(const QString &program, const QStringList &args) const;
    bool waitFor(const QString &standbyFunction, int timeoutMs) const;

    PgServer m_primary;
    QTemporaryDir m_state; // server.env for PgServer::fromState
    QString m_dir; // the standby's folder: data/, server.log, its socket
    PgServer m_server;
    QString m_error;
};
