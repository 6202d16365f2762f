// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "connection/connectionspec.h"
#include "engine/environment.h"
#include "migrations/expectedmigrations.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <atomic>

struct DbError;

// What a check may use while it runs on a worker thread. The connection belongs to
// this thread and is already inside a READ ONLY transaction.
struct CheckContext
{
    const Environment &environment;
    QString connectionName;
    const ExpectedSet &expected;
    const std::atomic_bool &cancelled;

    QSqlDatabase database() const { return QSqlDatabase::database(connectionName, false); }
    bool isPostgres() const
    {
        return environment.connection.driver == ConnectionSpec::Driver::Postgres;
    }
};

// A health check. Adding one means a new file with a subclass and one line in
// CheckRegistry::withBuiltinChecks().
class Check
{
public:
    virtual ~Check() = default;

    virtual QString id() const = 0;
    virtual QString plugin() const;
    virtual QString defaultSeverity() const = 0;
    virtual QString category() const = 0;
    virtual QStringList tags() const = 0;
    virtual QString title() const = 0;
    virtual bool supports(ConnectionSpec::Driver driver) const;

    // Runs on a worker thread. Every QSqlQuery must be gone when it returns.
    virtual CheckResult run(const CheckContext &ctx) const = 0;

    // A result with this check's identity filled in and the given outcome.
    CheckResult result(const CheckContext &ctx, CheckStatus status, const QString &message) const;
    // The result for a check that could not run: the message says what happened and what to do.
    CheckResult errorResult(const QString &environment, const DbError &error) const;
    // The result when the environment's connection could not be opened, or none is
    // configured (the runner calls it instead of run(); no check opens a connection of its
    // own then). This is how a check declares whether it needs the connection:
    // - it needs it (the default): errorResult(). When another check of the run claims the
    //   failure, the runner turns this into CheckStatus::NotRun, with no fixes, pointing at
    //   that check's result (evidence RootCause).
    // - the failure is its finding (connectivity; the pool for a server out of slots): a
    //   verdict, fail or warn, with its evidence. That result is the root cause.
    // A cancelled connect gives Skipped either way.
    virtual CheckResult connectionFailed(const Environment &env, const DbError &error) const;
};
