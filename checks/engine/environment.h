// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"
#include "engine/checkthresholds.h"
#include "engine/deploymentstyle.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Bounds for every database call a check makes; defaults are the product's.
struct Timeouts
{
    int connectSec = 5;
    int statementMs = 10000;
    int lockMs = 2000;

    // How long one check may go without finishing before the runner's watchdog closes its
    // connection, in ms. Each statement is bounded by statement_timeout on the server; this
    // only catches a server that cannot enforce that any more (frozen, unreachable
    // mid-query, a pooler's queue).
    qint64 checkDeadlineMs() const { return 2 * qint64(statementMs) + 5000; }

    // Takes the connect and command timeouts a connection string gives (libpq's
    // connect_timeout, Npgsql's Timeout and Command Timeout), in whole seconds. 0 means "wait
    // forever" to both libraries; a diagnostic run must end, so 0 keeps the bound already
    // set. Values are capped at one day (86400 s), which also keeps milliseconds in an int.
    void takeFrom(const ConnectionSpec &spec);
};

// When check.postgres.pool warns and fails; defaults are the product's. A server behind
// a pooler such as PgBouncer runs close to its limit by design and wants higher ones.
struct PoolThresholds
{
    double usageWarnPercent = 80;
    double usageFailPercent = 95;
    int idleInTransactionWarn = 5;
    // A session idle in a transaction for a moment is normal; only ones left idle this
    // long hold locks and snapshots that hurt.
    int idleInTransactionMinSec = 30;
    double longestTransactionWarnSec = 300;
    double longestTransactionFailSec = 3600;
    // Slots a managed service keeps for its own administrator beyond what the server's
    // settings show (the check already reads RDS's rds.rds_superuser_reserved_connections).
    int extraReservedConnections = 0;

    bool operator==(const PoolThresholds &) const = default;
};

// When check.postgres.locks warns and fails; defaults are the product's. Set per environment
// under `locks:` in the environments file (config/lockthresholdbounds.h has the keys).
struct LockThresholds
{
    // A session that has waited for a lock this long is reported: a warning from
    // waitWarnSec on, a failure from waitFailSec on. Short waits are how locks work.
    double waitWarnSec = 5;
    double waitFailSec = 60;
    // A prepared transaction (PREPARE TRANSACTION) holds its locks until someone commits or
    // rolls it back, and no session shows it; one older than this is a warning.
    double preparedTransactionWarnSec = 300;

    bool operator==(const LockThresholds &) const = default;
};

// A migration history an environment names instead of leaving it to detection (the
// environments file's `migrations:` list; doctor run --tool, --history-schema,
// --history-table). Empty fields are detected: a pin with only `tool: flyway` reads every
// Flyway history found.
struct MigrationHistoryPin
{
    QString tool; // MigrationTools::key() ("flyway", "efcore" ...)
    QString schema;
    QString table;
    QString expected; // that history's expected-migrations source (path), empty when none
};

// One configured database environment: what to connect to and how it is deployed.
struct Environment
{
    QString name;
    DeploymentStyle deployment = DeploymentStyle::Compose;
    ConnectionSpec connection;
    QString connectionSource; // which file/layer/flag supplied the connection
    // Where the connection is read from when it comes from a .NET service's settings
    // (absolute path and DOTNET_ENVIRONMENT name); kept so that saving writes these
    // back rather than the connection they resolved to.
    QString appSettingsPath;
    QString dotnetEnvironment;
    // Why there is no usable connection (e.g. appsettings name none). When set, the
    // runner does not connect: connectivity fails with this text, other checks error.
    QString configurationError;
    QString expectedSource; // path of the expected-migration source, empty when unknown
    // Which DbContext's migrations a Migrations folder holding several is read for: its
    // simple or full class name, or "*" for all (see ExpectedMigrations::fromMigrationsFolder).
    QString dbContext;
    QString referenceEnvironment; // take the expected set from this environment's applied list
    QString historySchema = QStringLiteral("public");
    QString historyTable = QStringLiteral("__EFMigrationsHistory");
    // What the migrations check reads: empty = every history detected (EF Core's from
    // historySchema/historyTable above, the other tools' by their tables' names and columns);
    // otherwise only these.
    QList<MigrationHistoryPin> migrationHistories;
    Timeouts timeouts;
    PoolThresholds pool;
    LockThresholds locks;
    // The thresholds of the checks that read theirs from `thresholds:` (issue 17's checks):
    // only those the file sets; threshold() gives the default for the rest.
    ThresholdValues thresholds;
    // At most this many of the doctor's jobs (one connection each) run at once on this
    // environment's server, its host and port as configured (ServerSlots::serverOf); jobs
    // over it wait their turn. A job starts only while fewer than its own environment's
    // number run there. 1 to 64 (perServerConnections in the file, doctor run --per-server).
    int perServerConnections = 4;
    static constexpr int MaxPerServerConnections = 64;
    QMap<QString, QString> placeholders; // values for <name> placeholders in fix commands
    // The environments file's `tags: [eu-west, prod]`: one word each, in the file's order,
    // without repeats. Recorded with each run (HistoryRun::tags); the fleet view filters by
    // them.
    QStringList tags;

    // Sets the connection and its source, taking the connect and command timeouts from
    // the connection string when it has them.
    void useConnection(const ConnectionSpec &spec, const QString &source);
    // This environment's value of a threshold of engine/checkthresholds.h: check is the short
    // name ("long-transactions"), key the file's key ("queryWarnSeconds").
    double threshold(const QString &check, const QString &key) const
    {
        return thresholds.value(check, key);
    }
};
