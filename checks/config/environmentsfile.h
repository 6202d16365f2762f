// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// The YAML environments file (see README "Configuration"), read with yaml-cpp.
struct EnvironmentsFile
{
    QList<Environment> environments;
    QStringList warnings; // "FILE:LINE:COL: ..." for unknown keys and the like
    QString error; // "FILE:LINE:COL: ..."; empty on success
    // This file when a connection in it has a password, and the appsettings files it
    // points at that hold one: candidates for SecretFiles::permissionWarnings().
    QStringList secretFiles;
    bool ok() const { return error.isEmpty(); }

    // env supplies the variables that override an environment's appsettings files.
    static EnvironmentsFile load(const QString &path,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    static EnvironmentsFile parse(const QByteArray &yaml, const QString &path,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Writes environments to path atomically (QSaveFile): on failure the file on disk is
    // as it was and *error says why. Passwords are never written. In environmentswriter.cpp.
    static bool save(const QString &path, const QList<Environment> &environments, QString *error);
};
