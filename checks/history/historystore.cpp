// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "history/historystore.h"

#include "connection/libpqconninfo.h"
#include "engine/dbsession.h"
#include "history/historystore_p.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// How long a writer waits for another's transaction on a SQLite store before giving up:
// a big run of thousands of migrations takes a second or two to write.
constexpr int SqliteBusyTimeoutMs = 30000;

QString advice(bool postgres, HistoryStore::SchemaPolicy policy)
{
    // doctor run --store and doctor store: the shared store is the job's, not a history
    // location the user could swap.
    if (policy != HistoryStore::SchemaPolicy::CreateOrUpgrade)
        return u"Check the URL, that the server runs and takes connections, the password "
               "(PGPASSWORD or the pgpass file) and the role's grants (doctor store init "
               "prints them)."_s;
    return postgres ? u"Check the URL, that the server runs and takes connections, and the "
                      "password (PGPASSWORD or the pgpass file); or choose another --history "
                      "location, or --no-history."_s
                    : u"Check that the file and its folder are writable and the disk has room; "
                      "or choose another --history location, or --no-history."_s;
}

} // namespace

HistoryStore::HistoryStore() = default;

HistoryStore::~HistoryStore()
{
    close();
}

void HistoryStore::close()
{
    if (m_connection.isEmpty())
        return;
    HistoryDb::dropParked();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    } // the last copy must be gone before removeDatabase, or Qt warns "still in use"
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

bool HistoryStore::isOpen() const
{
    return !m_connection.isEmpty();
}

QString HistoryStore::errorString() const
{
    return m_error;
}

int HistoryStore::foundSchemaVersion() const
{
    return m_foundVersion;
}

void HistoryStore::fail(const QString &what, const QString &todo) const
{
    QString text = u"history store %1: %2. %3"_s.arg(displayLocation(m_location), what, todo);
    // libpq and the driver do not quote a password, but a message must never carry one
    // whatever a future driver says: the URL's own password is masked if it appears.
    if (HistoryLocation::isPostgresUrl(m_location)) {
        const auto options = LibpqConninfo::parse(m_location);
        for (const auto &[key, value] : options.value_or(LibpqConninfo::Options()))
            if (key == u"password" && !value.isEmpty())
                text.replace(value, u"***"_s);
    }
    m_error = text;
}

QString HistoryStore::schemaName() const
{
    if (!isOpen() || !m_postgres)
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    QString error;
    if (!HistoryDb::exec(q, u"SELECT current_schema()"_s, {}, &error) || !q.next())
        return {};
    return q.value(0).toString();
}

bool HistoryStore::open(const QString &location, SchemaPolicy policy)
{
    close();
    m_policy = policy;
    m_location = location.isEmpty() ? defaultPath() : location;
    m_postgres = HistoryLocation::isPostgresUrl(m_location);
    m_error.clear();
    m_foundVersion = 0;
    const QString name = DbSession::nextConnectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_postgres ? u"QPSQL"_s : u"QSQLITE"_s, name);
        ok = openConnection(db) && prepareSchema(db);
        if (!ok)
            db.close();
    }
    if (!ok) {
        QSqlDatabase::removeDatabase(name);
        return false;
    }
    m_connection = name;
    return true;
}

bool HistoryStore::openConnection(QSqlDatabase &db)
{
    if (!db.isValid()) {
        fail(u"the Qt SQL driver %1 is not installed"_s.arg(m_postgres ? u"QPSQL" : u"QSQLITE"),
            u"Install it (Debian: libqt6sql6-%1), or use --no-history."_s.arg(
                m_postgres ? u"psql" : u"sqlite"));
        return false;
    }
    QString error;
    if (m_postgres) {
        if (!HistoryLocation::configurePostgres(db, m_location, &error)) {
            // doctor run --store and doctor store take the shared store's URL, not a --history.
            fail(error,
                m_policy == SchemaPolicy::CreateOrUpgrade ? u"Correct the --history URL."_s
                                                          : u"Correct the store's URL."_s);
            return false;
        }
    } else {
        const QString folder = QFileInfo(m_location).absolutePath();
        if (!QDir().mkpath(folder)) {
            fail(u"cannot create the folder %1"_s.arg(folder), advice(false, m_policy));
            return false;
        }
        db.setDatabaseName(m_location);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(SqliteBusyTimeoutMs));
    }
    if (!db.open()) {
        const QSqlError e = db.lastError();
        fail(u"cannot open it: %1"_s.arg(
                 (e.databaseText().isEmpty() ? e.text() : e.databaseText()).trimmed()),
            advice(m_postgres, m_policy));
        return false;
    }
    QSqlQuery q(db);
    // Stored times are UTC; so is what the session hands back.
    if (m_postgres && !HistoryDb::exec(q, u"SET TIME ZONE 'UTC'"_s, {}, &error)) {
        fail(error, advice(true, m_policy));
        return false;
    }
    return true;
}

bool HistoryStore::prepareSchema(QSqlDatabase &db)
{
    QString error;
    // Read before anything is written, so a newer store is left exactly as it was.
    m_foundVersion = HistorySchema::readVersion(db, m_postgres, &error);
    if (m_foundVersion < 0) {
        m_foundVersion = 0;
        fail(u"cannot read it (%1); it may not be a doctor history store"_s.arg(error),
            advice(m_postgres, m_policy));
        return false;
    }
    const int newest = HistorySchema::newestVersion();
    if (m_foundVersion > newest) {
        fail(u"it was written by a newer doctor (schema version %1; this doctor knows up to "
             "%2) and is left as it is"_s.arg(m_foundVersion)
                 .arg(newest),
            u"Use a newer doctor, or another --history location."_s);
        return false;
    }
    const QString shown = displayLocation(m_location);
    if (m_policy == SchemaPolicy::RequireCurrent && m_foundVersion < newest) {
        // The scheduled job's role has no CREATE; the schema is the operator's to change.
        fail(m_foundVersion == 0
                ? u"it holds no results store (no store_meta table)"_s
                : u"its schema is version %1, this doctor writes version %2"_s.arg(m_foundVersion)
                      .arg(newest),
            u"Nothing was written. Run doctor store %1 %2 as the store's owner."_s.arg(
                m_foundVersion == 0 ? u"init"_s : u"upgrade"_s, shown));
        return false;
    }
    if (m_policy == SchemaPolicy::CreateOnly && m_foundVersion > 0 && m_foundVersion < newest) {
        fail(u"it already holds a store of schema version %1"_s.arg(m_foundVersion),
            u"Run doctor store upgrade %1 to bring it to version %2."_s.arg(shown).arg(newest));
        return false;
    }
    if (m_policy == SchemaPolicy::UpgradeOnly && m_foundVersion == 0) {
        fail(u"it holds no results store to upgrade"_s,
            u"Run doctor store init %1 to create one."_s.arg(shown));
        return false;
    }
    if (m_foundVersion == 0 && !m_postgres) {
        // A SQLite file of someone else's (a mistyped --history): not a store to add tables
        // to. A shared PostgreSQL database may well hold other tables beside the store.
        const QString foreign = HistorySchema::foreignTable(db, &error);
        if (!foreign.isEmpty() || !error.isEmpty()) {
            fail(error.isEmpty()
                    ? u"it is a database with other tables (%1), not a doctor history store; "
                      "it is left as it is"_s.arg(foreign)
                    : u"cannot read it (%1)"_s.arg(error),
                u"Choose another --history location."_s);
            return false;
        }
    }
    QSqlQuery q(db);
    if (!m_postgres) {
        // WAL: readers do not block the writer, and two processes may write in turn.
        // Persistent in the file; outside any transaction, as SQLite requires.
        if (!HistoryDb::enableWal(db, SqliteBusyTimeoutMs, &error)
            || !HistoryDb::exec(q, u"PRAGMA foreign_keys = ON"_s, {}, &error)) {
            fail(u"cannot set it up: %1"_s.arg(error), advice(false, m_policy));
            return false;
        }
    }
    q.finish();
    if (m_foundVersion < newest && !HistorySchema::upgrade(db, m_postgres, &error)) {
        fail(u"cannot create or upgrade its schema from version %1 to %2 (%3); nothing was "
             "changed"_s.arg(m_foundVersion)
                 .arg(newest)
                 .arg(error),
            advice(m_postgres, m_policy));
        return false;
    }
    return true;
}

bool HistoryStore::readable() const
{
    if (isOpen())
        return true;
    fail(u"it is not open"_s, u"Open it first."_s);
    return false;
}

bool HistoryStore::record(HistoryRun run, const QList<CheckResult> &results)
{
    if (!isOpen()) {
        fail(u"it is not open"_s, u"Open it first."_s);
        return false;
    }
    if (run.id.isEmpty())
        run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!run.startedAt.isValid())
        run.startedAt = QDateTime::currentDateTimeUtc();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    if (!HistoryDb::begin(db, m_postgres, &error)) {
        fail(u"cannot start a write (%1); this run was not recorded"_s.arg(error),
            advice(m_postgres, m_policy));
        return false;
    }
    if (!HistoryWrite::record(db, m_postgres, run, results, &error)) {
        HistoryDb::rollback(db);
        fail(u"cannot write (%1); this run was not recorded"_s.arg(error),
            advice(m_postgres, m_policy));
        return false;
    }
    if (!HistoryDb::commit(db, &error)) {
        fail(u"cannot commit (%1); this run was not recorded"_s.arg(error),
            advice(m_postgres, m_policy));
        return false;
    }
    return true;
}

QList<StoredResult> HistoryStore::results(const HistoryFilter &filter) const
{
    if (!readable())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    auto out = HistoryQueries::results(db, m_postgres, filter, &error);
    if (!error.isEmpty())
        fail(u"cannot read results: %1"_s.arg(error), advice(m_postgres, m_policy));
    return out;
}

QList<MigrationSighting> HistoryStore::migrations(const QString &environment) const
{
    if (!readable())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    auto out = HistoryQueries::migrations(db, environment, &error);
    if (!error.isEmpty())
        fail(u"cannot read migration sightings: %1"_s.arg(error), advice(m_postgres, m_policy));
    return out;
}

QList<StatusSpan> HistoryStore::currentSpans(const QStringList &environments) const
{
    if (!readable())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    auto out = HistoryQueries::currentSpans(db, m_postgres, environments, &error);
    if (!error.isEmpty())
        fail(u"cannot read status spans: %1"_s.arg(error), advice(m_postgres, m_policy));
    return out;
}

QList<TimelinePoint> HistoryStore::timeline(
    const QString &environment, const QString &checkId, const QString &subject) const
{
    if (!readable())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    auto out = HistoryQueries::timeline(db, environment, checkId, subject, &error);
    if (!error.isEmpty())
        fail(u"cannot read the timeline: %1"_s.arg(error), advice(m_postgres, m_policy));
    return out;
}

int HistoryStore::prune(const QDateTime &cutoff)
{
    if (!isOpen()) {
        fail(u"it is not open"_s, u"Open it first."_s);
        return -1;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QString error;
    if (!HistoryDb::begin(db, m_postgres, &error)) {
        fail(u"cannot start pruning (%1)"_s.arg(error), advice(m_postgres, m_policy));
        return -1;
    }
    const int removed = HistoryQueries::prune(db, m_postgres, cutoff, &error);
    if (removed < 0) {
        HistoryDb::rollback(db);
        // On a shared store the usual cause is the role: doctor store init's writer and
        // reader roles have no DELETE (every write of a run is an INSERT).
        QString what = advice(m_postgres, m_policy);
        if (m_postgres)
            what.prepend(u"Pruning deletes rows: run it as the store's owner or a role with "
                         "DELETE on its tables. "_s);
        fail(u"cannot prune (%1); nothing was removed"_s.arg(error), what);
        return -1;
    }
    if (!HistoryDb::commit(db, &error)) {
        fail(u"cannot commit the pruning (%1); nothing was removed"_s.arg(error),
            advice(m_postgres, m_policy));
        return -1;
    }
    return removed;
}
