// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// The YAML environments file (see README "Configuration"), read with yaml-cpp and written
// with its emitter (config/environmentsyaml.h).
struct EnvironmentsFile
{
    QList<Environment> environments; // in file order; empty when error is set
    QStringList warnings; // "FILE:LINE:COL: ..." for unknown keys and the like
    QString error; // "FILE:LINE:COL: ..."; empty on success
    // This file when a connection in it has a password, and the appsettings files it
    // points at that hold one: candidates for SecretFiles::permissionWarnings().
    QStringList secretFiles;
    bool ok() const { return error.isEmpty(); }

    // Reads PATH (at most 4 MiB) and parses it. Errors: the file cannot be opened or is
    // larger, or parse()'s. env supplies the variables that override an environment's
    // appsettings files.
    static EnvironmentsFile load(const QString &path,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // YAML holds the file's bytes; PATH names it in messages and anchors relative paths.
    // Errors: YAML that does not parse or whose merges fail, no top-level "environments:"
    // list, an environment that cannot be used (no name, a bad connection or value), two
    // environments of one name. Never throws.
    static EnvironmentsFile parse(const QByteArray &yaml, const QString &path,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Writes environments to path atomically (QSaveFile): on failure the file on disk is
    // as it was and *error (when not null) says why: an environment without a name, two
    // of one name, YAML that would not read back, or the file system's error. Passwords
    // are never written. True when the file was replaced.
    static bool save(const QString &path, const QList<Environment> &environments, QString *error);
};
