// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorcli.h"

#include "config/appsettings.h"
#include "connection/connectionstring.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "cli/cliio.h"
#include "config/demo.h"
#include "cli/doctorclikb.h"
#include "config/environmentsfile.h"
#include "kb/kblibrary.h"
#include "report/resultjson.h"
#include "report/resulttext.h"
#include "config/secretfiles.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

using CliIo::err;
using CliIo::out;
using CliIo::usage;

namespace {

bool wantsColour(bool toFile)
{
    return !toFile && qEnvironmentVariableIsEmpty("NO_COLOR") && isatty(fileno(stdout));
}

int listChecks()
{
    for (const Check *c : CheckRegistry::builtin().checks()) {
        out() << qSetFieldWidth(30) << Qt::left << c->id() << qSetFieldWidth(0) << "  "
              << c->plugin() << "  " << c->defaultSeverity() << "  " << c->tags().join(u',')
              << "\n";
    }
    out().flush();
    return DoctorCli::AllPassed;
}

struct RunOptions
{
    QList<Environment> environments;
    QStringList checks;
    QString format = u"text"_s;
    QString output;
    QStringList kbDirs;
    int parallel = 16;
};

// Collects results in a stable order (environment order, then registry order) so text
// and JSON reports are reproducible whatever order the threads finish in.
QList<CheckResult> runChecks(const RunOptions &opt, const KbLibrary &kb)
{
    CheckRunner runner(CheckRegistry::builtin(), &kb);
    runner.setMaxParallel(opt.parallel);
    QList<CheckResult> results;
    QObject::connect(
        &runner, &CheckRunner::resultReady, [&results](const CheckResult &r) { results << r; });
    QObject::connect(
        &runner, &CheckRunner::runFinished, QCoreApplication::instance(),
        [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    runner.start(opt.environments, opt.checks);
    if (runner.isRunning())
        QCoreApplication::exec();
    const QStringList order = CheckRegistry::builtin().ids();
    QStringList envOrder;
    for (const Environment &e : opt.environments)
        envOrder << e.name;
    std::stable_sort(
        results.begin(), results.end(), [&](const CheckResult &a, const CheckResult &b) {
            const auto ea = envOrder.indexOf(a.environment), eb = envOrder.indexOf(b.environment);
            return ea != eb ? ea < eb : order.indexOf(a.checkId) < order.indexOf(b.checkId);
        });
    return results;
}

int writeReport(
    const RunOptions &opt, const QList<CheckResult> &results, const QDateTime &startedAt)
{
    const bool json = opt.format == u"json";
    const QByteArray data = json
        ? ResultJson::report(results, { startedAt, QCoreApplication::applicationVersion() })
        : ResultText::format(results, wantsColour(!opt.output.isEmpty())).toUtf8();
    if (opt.output.isEmpty()) {
        fwrite(data.constData(), 1, size_t(data.size()), stdout);
        fflush(stdout);
    } else {
        QSaveFile file(opt.output); // atomic: a failed write leaves an earlier report intact
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
            err() << "doctor: cannot write " << opt.output << ": " << file.errorString() << "\n";
            err().flush();
            return DoctorCli::CouldNotRun;
        }
    }
    return ResultText::exitCode(results);
}

} // namespace

int DoctorCli::run(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Doctor: health checks for database environments.\n\n"
        "Commands:\n  run    run checks and report\n  list   list the checks\n"
        "  kb     knowledge base: kb list | kb show CHECK_ID | kb lint [DIR...] (shipped + DIR)\n"_s);
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(u"command"_s, u"run | list | kb"_s);
    const QCommandLineOption checkOpt(u"check"_s, u"Run only this check (repeatable)."_s, u"ID"_s);
    const QCommandLineOption envOpt(
        u"env"_s, u"Only this environment of the config file (repeatable)."_s, u"NAME"_s);
    const QCommandLineOption configOpt(u"config"_s, u"YAML environments file."_s, u"FILE"_s);
    const QCommandLineOption connOpt(u"connection"_s,
        u"Npgsql string, libpq URI or key=value string, or sqlite:PATH."_s, u"STRING"_s);
    const QCommandLineOption appsettingsOpt(u"appsettings"_s,
        u"A .NET service's appsettings.json (or its folder): the connection comes from it, "
        "appsettings.{Environment}.json and environment variables."_s,
        u"FILE"_s);
    const QCommandLineOption dotnetEnvOpt(u"dotnet-environment"_s,
        u"Environment for appsettings.{NAME}.json (default: $DOTNET_ENVIRONMENT, "
        "$ASPNETCORE_ENVIRONMENT, Production)."_s,
        u"NAME"_s);
    const QCommandLineOption expectedOpt(u"expected"_s,
        u"Expected migrations: idempotent script, Migrations/ folder or manifest."_s, u"PATH"_s);
    const QCommandLineOption contextOpt(u"context"_s,
        u"The DbContext whose migrations a Migrations/ folder holding several is read for "
        "(its class name, or * for all), as dotnet ef --context."_s,
        u"NAME"_s);
    const QCommandLineOption schemaOpt(
        u"history-schema"_s, u"Schema of the history table (public)."_s, u"S"_s);
    const QCommandLineOption tableOpt(
        u"history-table"_s, u"History table (__EFMigrationsHistory)."_s, u"T"_s);
    const QCommandLineOption connectTimeoutOpt(
        u"connect-timeout"_s, u"Connect timeout (5)."_s, u"SECONDS"_s);
    const QCommandLineOption statementTimeoutOpt(
        u"statement-timeout"_s, u"Statement timeout (10)."_s, u"SECONDS"_s);
    const QCommandLineOption lockTimeoutOpt(
        u"lock-timeout"_s, u"Lock timeout (2)."_s, u"SECONDS"_s);
    const QCommandLineOption deploymentOpt(u"deployment"_s,
        u"compose | systemd | kubernetes, for --connection, --appsettings and kb show."_s,
        u"STYLE"_s);
    const QCommandLineOption formatOpt(
        u"format"_s, u"text (default) or json."_s, u"FORMAT"_s, u"text"_s);
    const QCommandLineOption outputOpt(
        u"output"_s, u"Write the report to FILE instead of stdout."_s, u"FILE"_s);
    const QCommandLineOption kbOpt(
        u"kb"_s, u"Extra knowledge-base folder (repeatable)."_s, u"DIR"_s);
    const QCommandLineOption parallelOpt(
        u"parallel"_s, u"Environments checked at once (16)."_s, u"N"_s);
    const QCommandLineOption demoOpt(u"demo"_s, u"Check the embedded SQLite demo environments."_s);
    p.addOptions({ checkOpt, envOpt, configOpt, connOpt, appsettingsOpt, dotnetEnvOpt, expectedOpt, contextOpt,
        schemaOpt, tableOpt, connectTimeoutOpt, statementTimeoutOpt, lockTimeoutOpt, deploymentOpt,
        formatOpt, outputOpt, kbOpt, parallelOpt, demoOpt });
    DoctorCliKb::addOptions(p);
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(u"help"_s)) {
        out() << p.helpText();
        out().flush();
        return AllPassed;
    }
    if (p.isSet(u"version"_s)) {
        out() << "doctor " << QCoreApplication::applicationVersion() << "\n";
        out().flush();
        return AllPassed;
    }
    const QStringList pos = p.positionalArguments();
    const QString command = pos.value(0, u"run"_s);
    if (command == u"list")
        return listChecks();
    if (command == u"kb")
        return DoctorCliKb::run(p);
    if (command != u"run")
        return usage(u"unknown command '%1'"_s.arg(command));

    RunOptions opt;
    opt.format = p.value(formatOpt);
    if (opt.format != u"text" && opt.format != u"json")
        return usage(u"--format must be text or json"_s);
    opt.output = p.value(outputOpt);
    opt.kbDirs = p.values(kbOpt);
    opt.checks = p.values(checkOpt);
    for (const QString &id : std::as_const(opt.checks)) {
        if (!CheckRegistry::builtin().find(id))
            return usage(u"unknown check '%1' (see 'doctor list')"_s.arg(id));
    }
    if (p.isSet(parallelOpt)) {
        bool ok = false;
        opt.parallel = p.value(parallelOpt).toInt(&ok);
        if (!ok || opt.parallel < 1 || opt.parallel > 256)
            return usage(u"--parallel must be a number from 1 to 256"_s);
    }

    QTemporaryDir demoDir;
    const QProcessEnvironment processEnv = QProcessEnvironment::systemEnvironment();
    QStringList secretFiles; // checked for loose permissions once the sources are read
    const int sources = int(p.isSet(configOpt)) + int(p.isSet(connOpt)) + int(p.isSet(demoOpt))
        + int(p.isSet(appsettingsOpt));
    if (sources != 1)
        return usage(
            u"give exactly one of --config FILE, --connection STRING, --appsettings FILE or --demo"_s);
    if (p.isSet(dotnetEnvOpt) && !p.isSet(appsettingsOpt))
        return usage(u"--dotnet-environment goes with --appsettings"_s);
    if (p.isSet(configOpt)) {
        const EnvironmentsFile file = EnvironmentsFile::load(p.value(configOpt), processEnv);
        for (const QString &w : file.warnings)
            err() << "doctor: warning: " << w << "\n";
        if (!file.ok()) {
            err() << "doctor: " << file.error << "\n";
            err().flush();
            return Usage;
        }
        secretFiles << file.secretFiles;
        const QStringList wanted = p.values(envOpt);
        for (const Environment &e : file.environments) {
            if (wanted.isEmpty() || wanted.contains(e.name))
                opt.environments << e;
        }
        for (const QString &name : wanted) {
            if (std::none_of(file.environments.cbegin(), file.environments.cend(),
                    [&](const Environment &e) { return e.name == name; }))
                return usage(u"no environment named '%1' in %2"_s.arg(name, p.value(configOpt)));
        }
    } else if (p.isSet(connOpt)) {
        const ParsedConnection parsed = ConnectionString::parse(p.value(connOpt));
        for (const QString &w : parsed.warnings)
            err() << "doctor: warning: " << w << "\n";
        if (!parsed.ok())
            return usage(u"--connection: "_s + parsed.error);
        Environment env;
        env.name = p.values(envOpt).value(0, u"default"_s);
        env.useConnection(parsed.spec, u"--connection"_s);
        opt.environments << env;
    } else if (p.isSet(appsettingsOpt)) {
        const AppSettingsResult settings
            = AppSettings::resolve(p.value(appsettingsOpt), p.value(dotnetEnvOpt), processEnv);
        for (const QString &w : settings.warnings)
            err() << "doctor: warning: " << w << "\n";
        if (!settings.ok()) {
            err() << "doctor: " << settings.error << "\n";
            err().flush();
            return Usage;
        }
        secretFiles << settings.secretFiles;
        Environment env;
        env.name = p.values(envOpt).value(0, u"default"_s);
        // No connection is still a report: connectivity fails saying which keys to set.
        if (settings.connection)
            env.useConnection(*settings.connection, settings.source);
        else
            env.configurationError = settings.missingMessage;
        opt.environments << env;
    } else {
        if (!demoDir.isValid())
            return usage(u"cannot create a temporary folder for the demo"_s);
        const Demo::Setup demo = Demo::create(demoDir.path());
        if (!demo.error.isEmpty()) {
            err() << "doctor: demo: " << demo.error << "\n";
            return CouldNotRun;
        }
        opt.environments = demo.environments;
    }

    if (p.isSet(deploymentOpt)) {
        if (p.isSet(configOpt) || p.isSet(demoOpt))
            return usage(u"--deployment goes with --connection or --appsettings; the "
                         "environments file sets it per environment"_s);
        const auto style = Deployment::fromKey(p.value(deploymentOpt));
        if (!style)
            return usage(u"--deployment must be compose, systemd or kubernetes"_s);
        opt.environments.first().deployment = *style;
    }
    if (const QString pgpass = SecretFiles::pgpassPath(processEnv); !pgpass.isEmpty())
        secretFiles << pgpass;
    for (const QString &w : SecretFiles::permissionWarnings(secretFiles))
        err() << "doctor: warning: " << w << "\n";

    // Command-line settings override the file's for every selected environment.
    auto seconds = [&](const QCommandLineOption &o, int *target, int scale) -> bool {
        if (!p.isSet(o))
            return true;
        bool ok = false;
        const double v = p.value(o).toDouble(&ok);
        if (!ok || v <= 0 || v > 86400)
            return false;
        *target = int(v * scale);
        return true;
    };
    for (Environment &env : opt.environments) {
        if (!seconds(connectTimeoutOpt, &env.timeouts.connectSec, 1) || env.timeouts.connectSec < 1)
            return usage(u"--connect-timeout must be a whole number of seconds from 1 to 86400"_s);
        if (!seconds(statementTimeoutOpt, &env.timeouts.statementMs, 1000))
            return usage(u"--statement-timeout must be a number of seconds"_s);
        if (!seconds(lockTimeoutOpt, &env.timeouts.lockMs, 1000))
            return usage(u"--lock-timeout must be a number of seconds"_s);
        if (p.isSet(expectedOpt))
            env.expectedSource = p.value(expectedOpt);
        if (p.isSet(contextOpt))
            env.dbContext = p.value(contextOpt);
        if (p.isSet(schemaOpt))
            env.historySchema = p.value(schemaOpt);
        if (p.isSet(tableOpt))
            env.historyTable = p.value(tableOpt);
    }
    err().flush();

    KbLibrary kb;
    kb.load(opt.kbDirs);
    for (const QString &e : kb.errors())
        err() << "doctor: warning: " << e << "\n";
    err().flush();
    const QDateTime startedAt = QDateTime::currentDateTime();
    return writeReport(opt, runChecks(opt, kb), startedAt);
}
