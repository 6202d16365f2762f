// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/clioptions.h"

#include "engine/checkrunner.h"
#include "engine/environment.h"
#include "migrations/migrationtool.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace {

// "efcore, flyway, ...", for the help text and the error on an unknown --tool.
QString toolKeys()
{
    QStringList keys;
    for (const MigrationTool t : MigrationTools::all())
        keys << MigrationTools::key(t);
    return keys.join(u", "_s);
}

} // namespace

CliOptions::CliOptions()
    : check { u"check"_s, u"Run only this check (repeatable)."_s, u"ID"_s }
    , env { u"env"_s, u"Only this environment of the config file (repeatable)."_s, u"NAME"_s }
    , config { u"config"_s, u"YAML environments file."_s, u"FILE"_s }
    , connection { u"connection"_s,
        u"Npgsql string, libpq URI or key=value string, or sqlite:PATH."_s, u"STRING"_s }
    , appsettings { u"appsettings"_s,
        u"A .NET service's appsettings.json (or its folder): the connection comes from it, "
        "appsettings.{Environment}.json and environment variables."_s,
        u"FILE"_s }
    , dotnetEnvironment { u"dotnet-environment"_s,
        u"Environment for appsettings.{NAME}.json (default: $DOTNET_ENVIRONMENT, "
        "$ASPNETCORE_ENVIRONMENT, Production)."_s,
        u"NAME"_s }
    , expected { u"expected"_s,
        u"Expected migrations: idempotent script, Migrations/ folder or manifest; with --tool, "
        "that history's expected set."_s,
        u"PATH"_s }
    , context { u"context"_s,
        u"The DbContext whose migrations a Migrations/ folder holding several is read for "
        "(its class name, or * for all), as dotnet ef --context."_s,
        u"NAME"_s }
    , tool { u"tool"_s,
        u"Read only this tool's migration history (default: every history found): %1. With "
        "it, --history-schema, --history-table and --expected name that history."_s.arg(toolKeys()),
        u"TOOL"_s }
    , historySchema { u"history-schema"_s,
        u"Schema of EF Core's history table (public); with --tool, of that tool's history "
        "(default: found)."_s,
        u"S"_s }
    , historyTable { u"history-table"_s,
        u"EF Core's history table (__EFMigrationsHistory); with --tool, that tool's history "
        "table (default: found)."_s,
        u"T"_s }
    , connectTimeout { u"connect-timeout"_s,
        u"Connect timeout in whole seconds, as libpq's connect_timeout (5)."_s, u"SECONDS"_s }
    , statementTimeout { u"statement-timeout"_s, u"Statement timeout (10)."_s, u"SECONDS"_s }
    , lockTimeout { u"lock-timeout"_s, u"Lock timeout (2)."_s, u"SECONDS"_s }
    , deployment { u"deployment"_s,
        u"compose | systemd | kubernetes, for --connection, --appsettings and kb show."_s,
        u"STYLE"_s }
    , format { u"format"_s, u"text (default) or json; run also openmetrics, matrix csv."_s,
        u"FORMAT"_s, u"text"_s }
    , output { u"output"_s, u"Write the report to FILE instead of stdout."_s, u"FILE"_s }
    , kb { u"kb"_s, u"Extra knowledge-base folder (repeatable)."_s, u"DIR"_s }
    , parallel { u"parallel"_s,
        u"Environments checked at once, over all servers (%1 here: 16 per core, 32 to 128)."_s.arg(
            CheckRunner::defaultMaxParallel()),
        u"N"_s }
    , perServer { u"per-server"_s,
        u"Connections to one server (host and port) at once, 1 to 64, for every environment "
        "(default 4, or the file's perServerConnections)."_s,
        u"N"_s }
    , demo { u"demo"_s, u"Check the embedded SQLite demo environments."_s }
    , history { u"history"_s,
        u"Run history store: a SQLite file or a postgresql:// URL shared by a team (default: "
        "history.sqlite in the user's data folder)."_s,
        u"PATH_OR_URL"_s }
    , noHistory { u"no-history"_s, u"Do not record this run in the run history."_s }
    , since { u"since"_s,
        u"history: results checked since DATE (2026-11-30, 2026-11-30T08:00:00Z, UTC) or "
        "for the last AGE (7d, 12h)."_s,
        u"DATE"_s }
    , limit { u"limit"_s, u"history: at most N results, the newest (default: all)."_s, u"N"_s }
    , olderThan { u"older-than"_s,
        u"history prune: remove runs that started longer ago than AGE (90d, 36h)."_s, u"AGE"_s }
    , all { u"all"_s, u"matrix: every migration, not only the rows that differ."_s }
    , shard { u"shard"_s,
        u"run: only shard I of N (0-based) of the environments, by a hash of each name; "
        "auto/N takes I from $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job)."_s,
        u"I/N"_s }
    , push { u"push"_s,
        u"run: also PUT the run's OpenMetrics to this Prometheus Pushgateway, group "
        "job=doctor, shard=I (replacing its previous push)."_s,
        u"URL"_s }
    , store { u"store"_s,
        u"run: record the run in this shared results store (postgresql:// URL) instead of "
        "the run history; never changes its schema (doctor store init|upgrade URL does)."_s,
        u"URL"_s }
{ }

void CliOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ check, env, config, connection, appsettings, dotnetEnvironment, expected,
        context, tool, historySchema, historyTable, connectTimeout, statementTimeout, lockTimeout,
        deployment, format, output, kb, parallel, perServer, demo, history, noHistory, since, limit,
        olderThan, all, shard, push, store });
}

QString CliOptions::applyHistoryOptions(const QCommandLineParser &p, Environment *e) const
{
    const QStringList tools = p.values(tool);
    if (tools.size() > 1)
        return u"give --tool once; the environments file's migrations: list pins several "
               "histories"_s;
    const MigrationTool t
        = tools.isEmpty() ? MigrationTool::EfCore : MigrationTools::fromName(tools.constFirst());
    if (t == MigrationTool::Unknown)
        return u"--tool must name a migration tool (%1), not '%2'"_s.arg(
            toolKeys(), tools.constFirst());
    if (t == MigrationTool::EfCore) {
        if (p.isSet(expected))
            e->expectedSource = p.value(expected);
        if (p.isSet(historySchema))
            e->historySchema = p.value(historySchema);
        if (p.isSet(historyTable))
            e->historyTable = p.value(historyTable);
    }
    if (!tools.isEmpty()) {
        // Only what was given: a schema or table left out is found by detection.
        e->migrationHistories = { { MigrationTools::key(t), p.value(historySchema),
            p.value(historyTable), p.value(expected) } };
    }
    return {};
}
