// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QList>
#include <QString>

// The embedded demo: three SQLite databases with EF Core histories in different
// states, and a manifest of the migrations the "application" expects. Lets a new user
// see the dashboard work with no server.
namespace Demo {
struct Setup
{
    QList<Environment> environments; // dev, staging, prod, each on its own SQLite file
    QString expectedManifest; // path of the manifest written
    QString error; // "FILE: why it could not be written"; empty on success
};
// Writes the demo files into dir (which must exist), overwriting earlier ones: the
// manifest expected-migrations.txt and dev.sqlite (up to date), staging.sqlite (3
// pending) and prod.sqlite (7 pending and one applied by hand), and returns environments
// on them. Stops at the first file it cannot write.
Setup create(const QString &dir);
// The demo release's 42 MigrationIds, "yyyyMMddHHmmss_Name", oldest first.
QStringList expectedMigrationIds();
} // namespace Demo
