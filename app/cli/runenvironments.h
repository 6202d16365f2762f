// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <optional>

class QCommandLineParser;
class QProcessEnvironment;
struct CliOptions;

// Where `doctor run` takes its environments from: exactly one of --config, --connection,
// --appsettings or --demo, one function per source.
namespace RunEnvironments {

struct Loaded
{
    QList<Environment> environments; // in the source's order
    QStringList secretFiles; // files that held secrets, for the permission warning
    // Set when the command must stop: the exit code (ExitCode::Usage, CouldNotRun); the
    // message has been written to stderr.
    std::optional<int> exitCode;
};

// Reads the one source the arguments name. Warnings go to stderr as "doctor: warning: ...";
// errors name the file (and line) and what to do. demoDir holds the demo's databases while
// the run lasts.
Loaded load(const QCommandLineParser &p, const CliOptions &o, const QProcessEnvironment &env,
    QTemporaryDir *demoDir);

Loaded fromConfig(const QString &path, const QStringList &names, const QProcessEnvironment &env);
Loaded fromConnection(const QString &text, const QString &name);
Loaded fromAppSettings(const QString &path, const QString &dotnetEnvironment, const QString &name,
    const QProcessEnvironment &env);
Loaded fromDemo(QTemporaryDir *demoDir);

} // namespace RunEnvironments
