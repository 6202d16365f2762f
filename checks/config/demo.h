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
    QList<Environment> environments;
    QString expectedManifest;
    QString error; // empty on success
};
// Writes the demo files into dir (which must exist) and returns environments on them.
Setup create(const QString &dir);
QStringList expectedMigrationIds();
} // namespace Demo
