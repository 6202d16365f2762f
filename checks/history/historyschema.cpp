// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The history store's schema, one Step per version, the same tables and columns in SQLite
// and PostgreSQL with each dialect's types: times are ISO 8601 UTC text in SQLite (it has no
// time type) and timestamptz in PostgreSQL, evidence text there and jsonb here, flags
// integer there and boolean here. Issue 19 puts a `latest` view over these names, so they
// stay plain.

#include "history/historystore_p.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {

// Version 1. Written with placeholders %ID (the surrogate key), %TIME, %JSON, %BOOL and
// %BIGINT, filled per dialect by dialect(), so that the two schemas cannot drift apart.
const QStringList Version1 = {
    u"CREATE TABLE IF NOT EXISTS store_meta ("
    "id integer PRIMARY KEY CHECK (id = 1), "
    "schema_version integer NOT NULL)"_s,

    u"CREATE TABLE IF NOT EXISTS runs ("
    "id text PRIMARY KEY, "
    "started_at %TIME NOT NULL, "
    "finished_at %TIME, "
    "ran_by text NOT NULL DEFAULT '', "
    "doctor_version text NOT NULL DEFAULT '', "
    "origin text NOT NULL DEFAULT '', "
    "environments %JSON NOT NULL)"_s,
    u"CREATE INDEX IF NOT EXISTS runs_started_at ON runs (started_at)"_s,

    u"CREATE TABLE IF NOT EXISTS results ("
    "id %ID, "
    "run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE, "
    "checked_at %TIME NOT NULL, "
    "environment text NOT NULL, "
    "check_id text NOT NULL, "
    "subject text NOT NULL DEFAULT '', "
    "status text NOT NULL, "
    "severity text NOT NULL DEFAULT '', "
    "message text NOT NULL DEFAULT '', "
    "evidence %JSON NOT NULL, "
    "duration_ms %BIGINT NOT NULL DEFAULT 0, "
    "UNIQUE (run_id, environment, check_id, subject))"_s,
    // doctor history --env/--check, the timelines and "since"
    u"CREATE INDEX IF NOT EXISTS results_subject "
    "ON results (environment, check_id, subject, checked_at)"_s,
    u"CREATE INDEX IF NOT EXISTS results_check ON results (check_id, checked_at)"_s,
    u"CREATE INDEX IF NOT EXISTS results_checked_at ON results (checked_at)"_s,

    u"CREATE TABLE IF NOT EXISTS migration_sightings ("
    "id %ID, "
    "environment text NOT NULL, "
    "tool text NOT NULL, "
    "history text NOT NULL, "
    "migration_id text NOT NULL, "
    "state text NOT NULL, "
    "first_seen %TIME NOT NULL, "
    "last_seen %TIME NOT NULL, "
    "first_run_id text NOT NULL, "
    "last_run_id text NOT NULL, "
    "is_current %BOOL NOT NULL)"_s,
    // at most one current sighting per migration: two writers can never both start one
    u"CREATE UNIQUE INDEX IF NOT EXISTS migration_sightings_current "
    "ON migration_sightings (environment, tool, history, migration_id) WHERE is_current"_s,
    u"CREATE INDEX IF NOT EXISTS migration_sightings_migration "
    "ON migration_sightings (environment, tool, history, migration_id, first_seen)"_s,
    u"CREATE INDEX IF NOT EXISTS migration_sightings_last_seen "
    "ON migration_sightings (last_seen)"_s,

    u"CREATE TABLE IF NOT EXISTS status_spans ("
    "id %ID, "
    "environment text NOT NULL, "
    "check_id text NOT NULL, "
    "subject text NOT NULL DEFAULT '', "
    "status text NOT NULL, "
    "since %TIME NOT NULL, "
    "last_seen %TIME NOT NULL, "
    "first_run_id text NOT NULL, "
    "last_run_id text NOT NULL, "
    "is_current %BOOL NOT NULL)"_s,
    u"CREATE UNIQUE INDEX IF NOT EXISTS status_spans_current "
    "ON status_spans (environment, check_id, subject) WHERE is_current"_s,
    u"CREATE INDEX IF NOT EXISTS status_spans_last_seen ON status_spans (last_seen)"_s,
};

// Version 2 (issue 19, the shared store): the shard a run was (`doctor run --shard I/N`:
// "I"; "" for runs recorded before it or by the dashboard), and `latest`, each environment's
// newest result per (check_id, subject) with its run's shard: what a fleet reader or a
// read-only role asks for. Newest is the greatest checked_at, then the later row (id), as
// results() orders them. row_number() rather than PostgreSQL's DISTINCT ON, so that one
// statement serves both dialects (SQLite has window functions since 3.25).
const QStringList Version2 = {
    u"ALTER TABLE runs ADD COLUMN shard text NOT NULL DEFAULT ''"_s,
    u"CREATE VIEW latest AS SELECT environment, check_id, subject, status, severity, message, "
    "evidence, duration_ms, checked_at, run_id, shard FROM ("
    "SELECT r.environment, r.check_id, r.subject, r.status, r.severity, r.message, r.evidence, "
    "r.duration_ms, r.checked_at, r.run_id, u.shard, row_number() OVER (PARTITION BY "
    "r.environment, r.check_id, r.subject ORDER BY r.checked_at DESC, r.id DESC) AS newest "
    "FROM results r JOIN runs u ON u.id = r.run_id) ranked WHERE newest = 1"_s,
};

// Version 3 (issue 19): each environment's tags as the run's environments file gave them
// (`tags: [eu-west, prod]`), one row per tag, so a fleet reader filters by tag from the
// environment's newest run that recorded any.
const QStringList Version3 = {
    u"CREATE TABLE environment_tags ("
    "run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE, "
    "environment text NOT NULL, "
    "tag text NOT NULL, "
    "PRIMARY KEY (run_id, environment, tag))"_s,
    u"CREATE INDEX environment_tags_environment ON environment_tags (environment, run_id)"_s,

    // Append-only migration state (issue 19: the writer's role needs INSERT and SELECT only).
    // A transition is inserted when a migration's state differs from its newest one ('absent'
    // when a history the run read no longer lists it); a check row says a run read a history.
    // A sighting is a transition up to the next one; its last seen is the newest check of its
    // history before that. No foreign key on run_id: a transition outlives its run when
    // prune() removes old runs (the applied state of years ago is still current).
    u"CREATE TABLE migration_transitions ("
    "id %ID, "
    "environment text NOT NULL, "
    "tool text NOT NULL, "
    "history text NOT NULL, "
    "migration_id text NOT NULL, "
    "state text NOT NULL, "
    "since %TIME NOT NULL, "
    "run_id text NOT NULL)"_s,
    u"CREATE INDEX migration_transitions_migration "
    "ON migration_transitions (environment, tool, history, migration_id, id)"_s,
    u"CREATE TABLE migration_checks ("
    "run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE, "
    "environment text NOT NULL, "
    "tool text NOT NULL, "
    "history text NOT NULL, "
    "checked_at %TIME NOT NULL, "
    "PRIMARY KEY (run_id, environment, tool, history))"_s,
    u"CREATE INDEX migration_checks_history "
    "ON migration_checks (environment, tool, history, checked_at)"_s,
    // Version 2's sightings become transitions (their first sighting, in the order written)
    // and checks (the runs that started and last extended them, still in the store), so
    // every first seen and last seen reads back as it was.
    u"INSERT INTO migration_transitions (environment, tool, history, migration_id, state, "
    "since, run_id) SELECT environment, tool, history, migration_id, state, first_seen, "
    "first_run_id FROM migration_sightings ORDER BY id"_s,
    u"INSERT INTO migration_checks (run_id, environment, tool, history, checked_at) "
    "SELECT run_id, environment, tool, history, max(at) FROM ("
    "SELECT first_run_id AS run_id, environment, tool, history, first_seen AS at "
    "FROM migration_sightings UNION ALL "
    "SELECT last_run_id, environment, tool, history, last_seen FROM migration_sightings) s "
    "WHERE run_id IN (SELECT id FROM runs) GROUP BY run_id, environment, tool, history"_s,
    // Status spans the same way: a change is inserted when a result's status differs from
    // its subject's newest change; a span runs from it to the newest result before the next.
    // Kept apart from results so that "since" outlives the pruning of its first results.
    u"CREATE TABLE status_changes ("
    "id %ID, "
    "environment text NOT NULL, "
    "check_id text NOT NULL, "
    "subject text NOT NULL DEFAULT '', "
    "status text NOT NULL, "
    "since %TIME NOT NULL, "
    "run_id text NOT NULL)"_s,
    u"CREATE INDEX status_changes_subject "
    "ON status_changes (environment, check_id, subject, id)"_s,
    u"INSERT INTO status_changes (environment, check_id, subject, status, since, run_id) "
    "SELECT environment, check_id, subject, status, since, first_run_id FROM status_spans "
    "ORDER BY id"_s,
    u"DROP TABLE migration_sightings"_s,
    u"DROP TABLE status_spans"_s,
};

QStringList dialect(const QStringList &statements, bool postgres)
{
    QStringList out;
    for (QString s : statements) {
        s.replace(u"%ID"_s,
            postgres ? u"bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"_s
                     : u"integer PRIMARY KEY AUTOINCREMENT"_s);
        s.replace(u"%TIME"_s, postgres ? u"timestamptz"_s : u"text"_s);
        s.replace(u"%JSON"_s, postgres ? u"jsonb"_s : u"text"_s);
        s.replace(u"%BOOL"_s, postgres ? u"boolean"_s : u"integer"_s);
        s.replace(u"%BIGINT"_s, postgres ? u"bigint"_s : u"integer"_s);
        out << s;
    }
    return out;
}

std::optional<QList<HistorySchema::Step>> &overridden()
{
    static std::optional<QList<HistorySchema::Step>> steps;
    return steps;
}

} // namespace

const QList<HistorySchema::Step> &HistorySchema::steps()
{
    if (overridden())
        return *overridden();
    static const QList<Step> own = {
        { 1, dialect(Version1, false), dialect(Version1, true) },
        { 2, Version2, Version2 },
        { 3, dialect(Version3, false), dialect(Version3, true) },
    };
    return own;
}

void HistorySchema::overrideStepsForTest(std::optional<QList<Step>> steps)
{
    overridden() = std::move(steps);
}

int HistorySchema::newestVersion()
{
    return steps().isEmpty() ? 0 : steps().last().version;
}

int HistorySchema::readVersion(QSqlDatabase &db, bool postgres, QString *error)
{
    QSqlQuery q(db);
    const QString exists = postgres
        // A query of the catalog, not to_regclass(): that reads the session's catalog
        // cache, which (no lock taken) can still miss a table another writer committed
        // while this transaction waited for the store's lock, and the schema would be
        // created twice.
        ? u"SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = "
          "current_schema() AND tablename = 'store_meta')"_s
        : u"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'"_s;
    if (!HistoryDb::exec(q, exists, {}, error) || !q.next())
        return -1;
    if (!q.value(0).toBool())
        return 0;
    if (!HistoryDb::exec(q, u"SELECT schema_version FROM store_meta WHERE id = 1"_s, {}, error))
        return -1;
    return q.next() ? q.value(0).toInt() : 0; // the table but no row: a partial version 0
}

QString HistorySchema::foreignTable(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!HistoryDb::exec(q,
            u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('store_meta', 'runs', 'results', 'migration_sightings', "
            "'status_spans', 'environment_tags', 'migration_transitions', 'migration_checks', "
            "'status_changes') ORDER BY name"_s,
            {}, error))
        return {};
    return q.next() ? q.value(0).toString() : QString();
}

bool HistorySchema::upgrade(QSqlDatabase &db, bool postgres, QString *error)
{
    if (!HistoryDb::begin(db, postgres, error))
        return false;
    // Again under the write lock: another process may have upgraded it meanwhile.
    const int found = readVersion(db, postgres, error);
    bool ok = found >= 0;
    if (ok && found > newestVersion()) {
        *error = u"it was upgraded meanwhile to schema version %1 by a newer doctor"_s.arg(found);
        ok = false;
    }
    QSqlQuery q(db);
    for (const Step &step : steps()) {
        if (!ok)
            break;
        if (step.version <= found)
            continue;
        for (const QString &statement : postgres ? step.postgres : step.sqlite) {
            if (!HistoryDb::exec(q, statement, {}, error)) {
                *error = u"schema version %1: %2"_s.arg(step.version).arg(*error);
                ok = false;
                break;
            }
        }
    }
    if (ok && found < newestVersion())
        ok = HistoryDb::exec(q,
            u"INSERT INTO store_meta (id, schema_version) VALUES (1, ?) "
            "ON CONFLICT (id) DO UPDATE SET schema_version = excluded.schema_version"_s,
            { newestVersion() }, error);
    q.finish();
    if (ok)
        return HistoryDb::commit(db, error);
    HistoryDb::rollback(db);
    return false;
}
