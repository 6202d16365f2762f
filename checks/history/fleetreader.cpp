// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The fleet's latest results, read from the history store with SELECT only.

#include "history/fleetreader.h"

#include "history/historystore.h"
#include "history/historystore_p.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

FleetReader::FleetReader() = default;

FleetReader::~FleetReader()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    } // the last copy must be gone before removeDatabase
    QSqlDatabase::removeDatabase(m_connection);
}

void FleetReader::fail(const QString &what)
{
    m_error = u"results store %1: %2"_s.arg(HistoryStore::displayLocation(m_location), what);
}

bool FleetReader::open(const QString &location)
{
    m_location = location;
    m_postgres = HistoryLocation::isPostgresUrl(location);
    m_connection = u"doctor-fleet-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db
        = QSqlDatabase::addDatabase(m_postgres ? u"QPSQL"_s : u"QSQLITE"_s, m_connection);
    if (!db.isValid()) {
        fail(u"the Qt SQL driver is not installed. Install libqt6sql6-%1."_s.arg(
            m_postgres ? u"psql" : u"sqlite"));
        return false;
    }
    QString error;
    if (m_postgres) {
        if (!HistoryLocation::configurePostgres(db, location, &error)) {
            fail(error + u". Correct the URL."_s);
            return false;
        }
    } else {
        // Read-only and never created: a mistyped path is an error, not a new empty store.
        if (!QFileInfo::exists(location)) {
            fail(u"no such file. Choose a store written by doctor run --history."_s);
            return false;
        }
        db.setDatabaseName(location);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (!db.open()) {
        const QSqlError e = db.lastError();
        fail(u"cannot open it: %1. Check the URL, that the server takes connections and the "
             "password (PGPASSWORD or the pgpass file)."_s.arg(
                 (e.databaseText().isEmpty() ? e.text() : e.databaseText()).trimmed()));
        return false;
    }
    QSqlQuery q(db);
    if (m_postgres && !HistoryDb::exec(q, u"SET TIME ZONE 'UTC'"_s, {}, &error)) {
        fail(error);
        return false;
    }
    // runs.shard came with schema version 2 (issue 19's shared store), environment_tags with
    // version 3; an older store, still readable, has neither. Asked of the catalog once per
    // open, not per read.
    const QString catalog = m_postgres
        ? u"SELECT (SELECT count(*) FROM information_schema.columns WHERE table_schema = "
          "current_schema() AND table_name = 'runs' AND column_name = 'shard'), "
          "(SELECT count(*) FROM information_schema.tables WHERE table_schema = "
          "current_schema() AND table_name = 'environment_tags'), "
          "(SELECT count(*) FROM information_schema.tables WHERE table_schema = "
          "current_schema() AND table_name = 'migration_transitions')"_s
        : u"SELECT (SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'shard'), "
          "(SELECT count(*) FROM sqlite_master WHERE type = 'table' "
          "AND name = 'environment_tags'), "
          "(SELECT count(*) FROM sqlite_master WHERE type = 'table' "
          "AND name = 'migration_transitions')"_s;
    if (!HistoryDb::exec(q, catalog, {}, &error) || !q.next()) {
        fail(error);
        return false;
    }
    m_hasTags = q.value(1).toInt() > 0;
    m_hasShards = q.value(0).toInt() > 0;
    m_hasMigrationStates = q.value(2).toInt() > 0;
    return true;
}

QString FleetReader::latestQuery(bool postgres, bool withShard)
{
    const QString shard = withShard ? u"coalesce(CAST(u.shard AS text), '')"_s : u"''"_s;
    const QString columns = u"l.environment, l.check_id, l.subject, l.status, l.checked_at, "
                            "l.message, l.run_id, l.severity, l.duration_ms, l.evidence, "_s
        + shard;
    if (postgres)
        // DISTINCT ON keeps the first row of each key in the ORDER BY: the newest.
        return u"SELECT "_s + columns
            + u" FROM (SELECT DISTINCT ON (environment, check_id, subject) * FROM results "
              "ORDER BY environment, check_id, subject, checked_at DESC, id DESC) l "
              "JOIN runs u ON u.id = l.run_id ORDER BY l.environment, l.check_id, l.subject"_s;
    // SQLite has DISTINCT ON no more than a fast window function over 45 000 rows; a MAX per
    // key answered from the results_subject index is (FleetBench measures it).
    return u"SELECT "_s + columns
        + u" FROM results l JOIN runs u ON u.id = l.run_id "
          "WHERE l.id = (SELECT r.id FROM results r WHERE r.environment = l.environment "
          "AND r.check_id = l.check_id AND r.subject = l.subject "
          "ORDER BY r.checked_at DESC, r.id DESC LIMIT 1) "
          "ORDER BY l.environment, l.check_id, l.subject"_s;
}

QString FleetReader::tagsQuery()
{
    // The newest run is the one started last (started_at, as the runs are listed); two runs
    // started in the same millisecond give the union of their tags, which read() merges.
    return u"SELECT t.environment, t.tag FROM environment_tags t "
           "JOIN runs u ON u.id = t.run_id "
           "JOIN (SELECT t2.environment, max(u2.started_at) AS newest FROM environment_tags t2 "
           "JOIN runs u2 ON u2.id = t2.run_id GROUP BY t2.environment) n "
           "ON n.environment = t.environment AND n.newest = u.started_at "
           "ORDER BY t.environment, t.tag"_s;
}

bool FleetReader::readTags(QSqlDatabase &db, FleetSnapshot *snapshot)
{
    if (!m_hasTags)
        return true;
    QHash<QString, FleetEnvironment *> byName;
    byName.reserve(snapshot->environments.size());
    for (FleetEnvironment &env : snapshot->environments)
        byName.insert(env.name, &env);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString error;
    if (!HistoryDb::exec(q, tagsQuery(), {}, &error)) {
        fail(error + u". May this role SELECT from environment_tags?"_s);
        return false;
    }
    while (q.next()) {
        FleetEnvironment *env = byName.value(q.value(0).toString());
        const QString tag = q.value(1).toString();
        // Rows come sorted by tag: a repeat (two newest runs) is the one before.
        if (env && (env->tags.isEmpty() || env->tags.constLast() != tag))
            env->tags << tag;
    }
    return true;
}

FleetSnapshot FleetReader::read(const QDateTime &now)
{
    FleetSnapshot snapshot;
    snapshot.readAt = now.toUTC();
    snapshot.hasShards = m_hasShards;
    if (m_connection.isEmpty()) {
        fail(u"not open"_s);
        return snapshot;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!HistoryDb::exec(q, latestQuery(m_postgres, m_hasShards), {}, &error)) {
        fail(error
            + u". Is it a store written by doctor run --history, and may this role "
              "SELECT from its tables?"_s);
        return snapshot;
    }
    FleetEnvironment *env = nullptr;
    QDateTime shardAt; // the checkedAt of the result env->shard came from
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (!env || env->name != name) {
            snapshot.environments.append(FleetEnvironment());
            env = &snapshot.environments.last();
            env->name = name;
            shardAt = {};
        }
        StoredResult r;
        r.environment = name;
        r.checkId = q.value(1).toString();
        r.subject = q.value(2).toString();
        r.status = HistoryDb::statusFromKey(q.value(3).toString()).value_or(CheckStatus::Error);
        r.checkedAt = HistoryDb::readTime(q.value(4));
        r.message = q.value(5).toString();
        r.runId = q.value(6).toString();
        r.severity = q.value(7).toString();
        r.durationMs = q.value(8).toLongLong();
        r.evidence = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
        if (env->results.isEmpty() || Status::rank(r.status) > Status::rank(env->worst))
            env->worst = r.status;
        if (!env->latest.isValid() || r.checkedAt > env->latest)
            env->latest = r.checkedAt;
        if (!env->oldest.isValid() || r.checkedAt < env->oldest)
            env->oldest = r.checkedAt;
        if (!shardAt.isValid() || r.checkedAt > shardAt) {
            env->shard = q.value(10).toString();
            shardAt = r.checkedAt;
        }
        env->results.append(r);
    }
    q.finish();
    snapshot.hasTags = m_hasTags;
    if (!readTags(db, &snapshot))
        return {};
    snapshot.queryMs = timer.elapsed();
    m_error.clear();
    return snapshot;
}

QList<TimelinePoint> FleetReader::timeline(
    const QString &environment, const QString &checkId, const QString &subject)
{
    if (m_connection.isEmpty()) {
        fail(u"not open"_s);
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    QList<TimelinePoint> points
        = HistoryQueries::timeline(db, environment, checkId, subject, &error);
    if (!error.isEmpty())
        fail(error);
    else
        m_error.clear();
    return points;
}

QList<MigrationSighting> FleetReader::currentMigrations()
{
    if (m_connection.isEmpty()) {
        fail(u"not open"_s);
        return {};
    }
    if (!m_hasMigrationStates) {
        // Said as what to do, not as the SQL error "no such table: migration_transitions".
        fail(u"its schema predates the migration states the matrix reads (schema version 3). "
             "Have the store's owner run doctor store upgrade %1"_s.arg(
                 HistoryStore::displayLocation(m_location)));
        return {};
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    QList<MigrationSighting> all = HistoryQueries::migrations(db, QString(), &error);
    if (!error.isEmpty()) {
        fail(error + u". May this role SELECT from the store's migration tables?"_s);
        return {};
    }
    all.removeIf([](const MigrationSighting &s) { return !s.current; });
    m_error.clear();
    return all;
}
