// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/runenvironments.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "cli/exitcode.h"
#include "config/appsettings.h"
#include "config/demo.h"
#include "config/environmentsfile.h"
#include "connection/connectionstring.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>
#include <algorithm>

using namespace Qt::StringLiterals;
using CliIo::err;

namespace {

RunEnvironments::Loaded stop(int code)
{
    RunEnvironments::Loaded l;
    l.exitCode = code;
    return l;
}

RunEnvironments::Loaded usageError(const QString &message)
{
    return stop(CliIo::usage(message));
}

void warn(const QStringList &warnings)
{
    for (const QString &w : warnings)
        err() << "doctor: warning: " << w << "\n";
}

} // namespace

RunEnvironments::Loaded RunEnvironments::load(const QCommandLineParser &p, const CliOptions &o,
    const QProcessEnvironment &env, QTemporaryDir *demoDir)
{
    const int sources = int(p.isSet(o.config)) + int(p.isSet(o.connection)) + int(p.isSet(o.demo))
        + int(p.isSet(o.appsettings));
    if (sources != 1)
        return usageError(u"give exactly one of --config FILE, --connection STRING, "
                          "--appsettings FILE or --demo"_s);
    if (p.isSet(o.dotnetEnvironment) && !p.isSet(o.appsettings))
        return usageError(u"--dotnet-environment goes with --appsettings"_s);
    const QString name = p.values(o.env).value(0, u"default"_s);
    if (p.isSet(o.config))
        return fromConfig(p.value(o.config), p.values(o.env), env);
    if (p.isSet(o.connection))
        return fromConnection(p.value(o.connection), name);
    if (p.isSet(o.appsettings))
        return fromAppSettings(p.value(o.appsettings), p.value(o.dotnetEnvironment), name, env);
    return fromDemo(demoDir);
}

RunEnvironments::Loaded RunEnvironments::fromConfig(
    const QString &path, const QStringList &names, const QProcessEnvironment &env)
{
    const EnvironmentsFile file = EnvironmentsFile::load(path, env);
    warn(file.warnings);
    if (!file.ok()) {
        err() << "doctor: " << file.error << "\n";
        err().flush();
        return stop(ExitCode::Usage);
    }
    Loaded l;
    l.secretFiles = file.secretFiles;
    for (const Environment &e : file.environments) {
        if (names.isEmpty() || names.contains(e.name))
            l.environments << e;
    }
    for (const QString &n : names) {
        if (std::none_of(file.environments.cbegin(), file.environments.cend(),
                [&](const Environment &e) { return e.name == n; }))
            return usageError(u"no environment named '%1' in %2"_s.arg(n, path));
    }
    return l;
}

RunEnvironments::Loaded RunEnvironments::fromConnection(const QString &text, const QString &name)
{
    const ParsedConnection parsed = ConnectionString::parse(text);
    warn(parsed.warnings);
    if (!parsed.ok())
        return usageError(u"--connection: "_s + parsed.error);
    Loaded l;
    Environment e;
    e.name = name;
    e.useConnection(parsed.spec, u"--connection"_s);
    l.environments << e;
    return l;
}

RunEnvironments::Loaded RunEnvironments::fromAppSettings(const QString &path,
    const QString &dotnetEnvironment, const QString &name, const QProcessEnvironment &env)
{
    const AppSettingsResult settings = AppSettings::resolve(path, dotnetEnvironment, env);
    warn(settings.warnings);
    if (!settings.ok()) {
        err() << "doctor: " << settings.error << "\n";
        err().flush();
        return stop(ExitCode::Usage);
    }
    Loaded l;
    l.secretFiles = settings.secretFiles;
    Environment e;
    e.name = name;
    // No connection is still a report: connectivity fails saying which keys to set.
    if (settings.connection)
        e.useConnection(*settings.connection, settings.source);
    else
        e.configurationError = settings.missingMessage;
    l.environments << e;
    return l;
}

RunEnvironments::Loaded RunEnvironments::fromDemo(QTemporaryDir *demoDir)
{
    if (!demoDir->isValid())
        return usageError(u"cannot create a temporary folder for the demo"_s);
    const Demo::Setup demo = Demo::create(demoDir->path());
    if (!demo.error.isEmpty()) {
        err() << "doctor: demo: " << demo.error << "\n";
        err().flush();
        return stop(ExitCode::CouldNotRun);
    }
    Loaded l;
    l.environments = demo.environments;
    return l;
}
