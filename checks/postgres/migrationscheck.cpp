#include "migrationscheck.h"

#include "dbsession.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString qualified(const Environment &env)
{
    return env.historySchema + u'.' + env.historyTable;
}

bool failWith(const QSqlQuery &q, DbError *error)
{
    *error = DbError::fromQuery(q.lastError());
    return false;
}

// The (MigrationId, ProductVersion) rows of an executed history query.
bool collect(QSqlQuery &rows, QList<MigrationsCheck::Applied> *applied, DbError *error)
{
    while (rows.next())
        applied->append({ rows.value(0).toString(), rows.value(1).toString() });
    // Rows arrive one by one; a failover or a timeout part-way ends the loop like the last
    // row would, and a short list must not be reported as the history.
    if (rows.lastError().isValid())
        return failWith(rows, error);
    return true;
}

// PostgreSQL: names from configuration are bound as values and quoted by the server
// (format %I), never pasted into SQL.
bool readPostgres(
    const CheckContext &ctx, bool *exists, QList<MigrationsCheck::Applied> *applied, DbError *error)
{
    const Environment &env = ctx.environment;
    QSqlQuery q(ctx.database());
    // to_regclass() raises 42501 instead of answering when the role lacks USAGE on the
    // schema, and the transaction would be lost with it; so the schema privilege is asked
    // first and to_regclass() only runs (CASE is evaluated lazily) where it may.
    q.prepare(u"SELECT s.usage, c.oid IS NOT NULL, CASE WHEN c.oid IS NULL THEN false ELSE "
              u"has_table_privilege(c.oid, 'SELECT') END, "
              "format('SELECT \"MigrationId\", \"ProductVersion\" FROM %I.%I ORDER BY "
              "\"MigrationId\" DESC', ?::text, ?::text), "
              "format('GRANT USAGE ON SCHEMA %I TO %I; GRANT SELECT ON %I.%I TO %I', ?::text, "
              "current_user, ?::text, ?::text, current_user) "
              "FROM (SELECT n.oid IS NULL OR has_schema_privilege(n.oid, 'USAGE') AS usage "
              "      FROM (SELECT (SELECT oid FROM pg_namespace WHERE nspname = ?::text) AS oid) n) s "
              "CROSS JOIN LATERAL (SELECT CASE WHEN s.usage "
              "      THEN to_regclass(format('%I.%I', ?::text, ?::text)) END AS oid) c"_s);
    // Qt binds positionally, so each use of the schema and table names is its own parameter.
    for (const QString &v : { env.historySchema, env.historyTable, env.historySchema,
             env.historySchema, env.historyTable, env.historySchema, env.historySchema,
             env.historyTable })
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return failWith(q, error);
    const bool schemaUsable = q.value(0).toBool();
    *exists = q.value(1).toBool();
    const bool canSelect = q.value(2).toBool();
    const QString select = q.value(3).toString();
    const QString grant = q.value(4).toString();
    if (!schemaUsable) {
        error->kind = DbError::Kind::PermissionDenied;
        error->sqlState = u"42501"_s;
        error->detail = u"permission denied for schema %1"_s.arg(env.historySchema);
        error->advice = u"The check's role cannot look into schema %1, so it cannot tell whether "
                        "%2 exists. A DBA can fix it with: %3"_s.arg(env.historySchema, qualified(env), grant);
        return false;
    }
    if (!*exists)
        return true;
    if (!canSelect) {
        error->kind = DbError::Kind::PermissionDenied;
        error->sqlState = u"42501"_s;
        error->detail = u"permission denied for table %1"_s.arg(qualified(env));
        error->advice = u"The check's role cannot read %1. A DBA can fix it with: %2"_s.arg(
            qualified(env), grant);
        return false;
    }
    QSqlQuery rows(ctx.database());
    rows.setForwardOnly(true);
    if (!rows.exec(select)) {
        if (!failWith(rows, error) && error->kind == DbError::Kind::PermissionDenied)
            error->advice = u"A DBA can fix it with: %1"_s.arg(grant);
        return false;
    }
    return collect(rows, applied, error);
}

// SQLite (the embedded demo; EF Core uses the same table there). The name is checked
// against sqlite_master as a bound value first, so quoting it below only ever names an
// existing table.
bool readSqlite(
    const CheckContext &ctx, bool *exists, QList<MigrationsCheck::Applied> *applied, DbError *error)
{
    QSqlQuery q(ctx.database());
    q.prepare(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s);
    q.addBindValue(ctx.environment.historyTable);
    if (!q.exec() || !q.next())
        return failWith(q, error);
    *exists = q.value(0).toInt() > 0;
    if (!*exists)
        return true;
    QString quoted = ctx.environment.historyTable;
    quoted.replace(u'"', u"\"\""_s);
    QSqlQuery rows(ctx.database());
    rows.setForwardOnly(true);
    if (!rows.exec(
            u"SELECT \"MigrationId\", \"ProductVersion\" FROM \"%1\" ORDER BY \"MigrationId\" DESC"_s
                .arg(quoted)))
        return failWith(rows, error);
    return collect(rows, applied, error);
}

} // namespace

QStringList MigrationsCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"migrations"_s, u"schema"_s };
}

bool MigrationsCheck::readHistory(
    const CheckContext &ctx, bool *tableExists, QList<Applied> *applied, DbError *error)
{
    return ctx.isPostgres() ? readPostgres(ctx, tableExists, applied, error)
                            : readSqlite(ctx, tableExists, applied, error);
}

CheckResult MigrationsCheck::run(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    if (!ctx.expected.error.isEmpty()) {
        DbError e;
        e.kind = DbError::Kind::Other;
        e.detail = ctx.expected.error;
        e.advice = u"Fix the expected-migration source of this environment."_s;
        CheckResult r = errorResult(env.name, e);
        r.message = u"Cannot read the expected migrations: %1"_s.arg(ctx.expected.error);
        return r;
    }

    bool exists = false;
    QList<Applied> applied;
    DbError error;
    if (!readHistory(ctx, &exists, &applied, &error))
        return errorResult(env.name, error);

    const bool known = ctx.expected.isKnown();
    const QStringList &expected = ctx.expected.ids;
    QSet<QString> appliedIds;
    for (const Applied &a : std::as_const(applied))
        appliedIds.insert(a.id);
    const QSet<QString> expectedIds(expected.cbegin(), expected.cend());

    QStringList pending;
    QList<MigrationEntry> rows;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (!appliedIds.contains(expected[i])) {
            pending << expected[i];
            rows << MigrationEntry { expected[i], QString(), MigrationEntry::State::Pending,
                int(i + 1) };
        }
    }
    QStringList ahead;
    for (const Applied &a : std::as_const(applied)) {
        const qsizetype pos = known ? expected.indexOf(a.id) : -1;
        const bool notExpected = known && pos < 0;
        if (notExpected)
            ahead << a.id;
        rows << MigrationEntry { a.id, a.productVersion,
            notExpected ? MigrationEntry::State::NotExpected : MigrationEntry::State::Applied,
            int(pos + 1) };
    }
    std::sort(rows.begin(), rows.end(),
        [](const MigrationEntry &a, const MigrationEntry &b) { return a.id < b.id; });
    std::sort(ahead.begin(), ahead.end());

    QString status;
    CheckStatus outcome = CheckStatus::Pass;
    QString message;
    const QString latest = applied.isEmpty() ? QString() : applied.first().id;
    if (!exists) {
        status = u"table-missing"_s;
        outcome = CheckStatus::Warn;
        message
            = u"Migration history table %1 does not exist: the database was never migrated by EF Core"_s
                  .arg(qualified(env));
        if (known)
            message += u" (%1 migrations expected)"_s.arg(expected.size());
    } else if (!known) {
        status = u"unknown"_s;
        message
            = u"%1 migrations applied, latest %2; pending is unknown because no expected set is configured"_s
                  .arg(applied.size())
                  .arg(latest.isEmpty() ? u"none"_s : latest);
    } else if (!pending.isEmpty()) {
        status = u"pending"_s;
        outcome = CheckStatus::Warn;
        message = u"%1 pending migration(s), first %2; %3 applied"_s.arg(pending.size())
                      .arg(pending.first())
                      .arg(applied.size());
    } else {
        status = u"up-to-date"_s;
        message = u"Up to date: %1 migrations applied, latest %2"_s.arg(applied.size())
                      .arg(latest.isEmpty() ? u"none"_s : latest);
    }
    if (exists && !ahead.isEmpty())
        message
            += u"; %1 applied migration(s) not in the expected set (database ahead of code?)"_s.arg(
                ahead.size());

    CheckResult r = result(ctx, outcome, message);
    r.evidence << qMakePair(u"TableExists"_s, QVariant(exists))
               << qMakePair(u"AppliedCount"_s, QVariant(int(applied.size())))
               << qMakePair(u"PendingCount"_s,
                      known ? QVariant(int(pending.size())) : QVariant(u"unknown"_s))
               << qMakePair(u"LatestApplied"_s, latest.isEmpty() ? QVariant() : QVariant(latest))
               << qMakePair(u"PendingMigrations"_s, known ? QVariant(pending) : QVariant())
               << qMakePair(u"Status"_s, QVariant(status));
    // Informational only: a database may legitimately run a newer release than this code.
    if (!ahead.isEmpty())
        r.evidence << qMakePair(u"NotInExpectedSet"_s, QVariant(ahead));
    r.migrations = rows;
    return r;
}
