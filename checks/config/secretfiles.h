// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Files that hold passwords should be private to their owner (RELIABILITY 19). libpq
// ignores a .pgpass readable by others; appsettings and environments files have no such
// guard, so doctor warns about all of them.
namespace SecretFiles {
// A warning naming the file and its mode when group or others have any permission on
// it; empty when it is 0600 or stricter, or does not exist.
QString permissionWarning(const QString &path);
// permissionWarning() for each distinct file, empty ones left out.
QStringList permissionWarnings(const QStringList &paths);
// libpq's password file: $PGPASSFILE, else ~/.pgpass; empty when that file does not exist.
QString pgpassPath(const QProcessEnvironment &env);
} // namespace SecretFiles
