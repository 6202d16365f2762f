// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// What the parts of tst_pg_checkrunner share (tst_pg_checkrunner, _timeouts, _sessions): the
// ids of the checks they run and a database on the fixture server with a one-row EF Core
// history, so every built-in check passes on it. Header-only: each part is its own executable.

#include "pgserver.h"

#include <QString>

namespace CheckRunnerFixture {
using namespace Qt::StringLiterals;

inline const QString Migrations = u"check.postgres.migrations"_s;
inline const QString Connectivity = u"check.postgres.connectivity"_s;

// Creates a fresh database on pg holding "__EFMigrationsHistory" with one applied migration.
// Returns its name, or an empty string with *error set (the server's message).
inline QString createRunnerDatabase(const PgServer &pg, QString *error)
{
    const QString db = pg.createDatabase(u"runner"_s);
    if (db.isEmpty()) {
        *error = u"cannot create the database"_s;
        return {};
    }
    *error = pg.exec(db,
        { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, "
          "\"ProductVersion\" varchar(32) NOT NULL)"_s,
            u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_Initial', '9.0.6')"_s });
    return error->isEmpty() ? db : QString();
}
} // namespace CheckRunnerFixture
