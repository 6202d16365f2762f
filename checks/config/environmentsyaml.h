// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Environments as the YAML of an environments file (the shape EnvironmentsFile reads),
// written with yaml-cpp's emitter. Connections never carry a password.
namespace EnvironmentsYaml {
// The whole file as UTF-8 bytes: a comment line, then "environments:" with one mapping per
// environment, each key only when it differs from the default (timeouts, pool and locks
// whole when any of their values does). Paths inside BASEDIR (the folder the file goes to) are
// written relative to it, so the folder can move as a whole; others stay absolute.
// Never fails; EnvironmentsFile::save() checks that the bytes read back.
QByteArray toYaml(const QList<Environment> &environments, const QString &baseDir);
} // namespace EnvironmentsYaml
