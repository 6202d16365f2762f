// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Environments as the YAML of an environments file (the shape EnvironmentsFile reads),
// written with yaml-cpp's emitter. Connections never carry a password.
namespace EnvironmentsWriter {
// Paths inside baseDir (the folder the file goes to) are written relative to it, so the
// folder can move as a whole; others stay absolute.
QByteArray toYaml(const QList<Environment> &environments, const QString &baseDir);
} // namespace EnvironmentsWriter
