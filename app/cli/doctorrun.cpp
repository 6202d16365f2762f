// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorrun.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "cli/exitcode.h"
#include "cli/pushgateway.h"
#include "cli/runenvironments.h"
#include "cli/runhistory.h"
#include "config/secretfiles.h"
#include "config/shardselection.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "kb/kblibrary.h"
#include "report/openmetrics.h"
#include "report/resultjson.h"
#include "report/resulttext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QProcessEnvironment>
#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using CliIo::err;
using CliIo::usage;

namespace {

// What collect() reads besides the environments.
struct RunOptions
{
    QList<Environment> environments;
    QStringList checks;
    QStringList kbDirs;
    int parallel = CheckRunner::defaultMaxParallel();
};

// Each returns the exit code to stop with, or nothing to go on.
using Stop = std::optional<int>;

Stop readRunOptions(const QCommandLineParser &p, const CliOptions &o,
    const QStringList &defaultChecks, RunOptions *opt)
{
    opt->kbDirs = p.values(o.kb);
    opt->checks = p.isSet(o.check) ? p.values(o.check) : defaultChecks;
    for (const QString &id : std::as_const(opt->checks)) {
        if (!CheckRegistry::builtin().find(id))
            return usage(u"unknown check '%1' (see 'doctor list')"_s.arg(id));
    }
    if (p.isSet(o.parallel)) {
        bool ok = false;
        opt->parallel = p.value(o.parallel).toInt(&ok);
        if (!ok || opt->parallel < 1 || opt->parallel > 256)
            return usage(u"--parallel must be a number from 1 to 256"_s);
    }
    return {};
}

// A number of seconds from the command line, scaled to the unit of *target; nothing when
// the option is absent. wholeSeconds: libpq's connect_timeout counts whole seconds, so a
// fraction is refused rather than cut off.
Stop readSeconds(const QCommandLineParser &p, const QCommandLineOption &o, int *target, int scale,
    bool wholeSeconds)
{
    if (!p.isSet(o))
        return {};
    const QString text = p.value(o);
    const QString name = u"--"_s + o.names().constFirst();
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (wholeSeconds && (!ok || v != double(qint64(v)) || v < 1 || v > 86400))
        return usage(u"%1 must be a whole number of seconds from 1 to 86400 (libpq's "
                     "connect_timeout counts whole seconds), not '%2'"_s.arg(name, text));
    if (!ok || v <= 0 || v > 86400)
        return usage(
            u"%1 must be a number of seconds above 0 and up to 86400, not '%2'"_s.arg(name, text));
    *target = int(v * scale);
    return {};
}

// Command-line settings override the file's for every selected environment.
Stop applyOverrides(const QCommandLineParser &p, const CliOptions &o, QList<Environment> *envs)
{
    if (p.isSet(o.deployment)) {
        if (p.isSet(o.config) || p.isSet(o.demo))
            return usage(u"--deployment goes with --connection or --appsettings; the "
                         "environments file sets it per environment"_s);
        const auto style = Deployment::fromKey(p.value(o.deployment));
        if (!style)
            return usage(u"--deployment must be compose, systemd or kubernetes"_s);
        envs->first().deployment = *style;
    }
    for (Environment &env : *envs) {
        if (Stop s = readSeconds(p, o.connectTimeout, &env.timeouts.connectSec, 1, true))
            return s;
        if (Stop s = readSeconds(p, o.statementTimeout, &env.timeouts.statementMs, 1000, false))
            return s;
        if (Stop s = readSeconds(p, o.lockTimeout, &env.timeouts.lockMs, 1000, false))
            return s;
        if (p.isSet(o.context))
            env.dbContext = p.value(o.context);
        if (const QString error = o.applyHistoryOptions(p, &env); !error.isEmpty())
            return usage(error);
    }
    if (p.isSet(o.perServer)) {
        bool ok = false;
        const int n = p.value(o.perServer).toInt(&ok);
        if (!ok || n < 1 || n > Environment::MaxPerServerConnections)
            return usage(u"--per-server must be a whole number from 1 to %1 (connections to one "
                         "server at once), not '%2'"_s.arg(Environment::MaxPerServerConnections)
                             .arg(p.value(o.perServer)));
        for (Environment &env : *envs)
            env.perServerConnections = n;
    }
    return {};
}

// --shard: keeps the environments of the shard (config/shardselection.h); *shard becomes its
// index, "0" without the option. A shard may be empty: it runs nothing and reports so.
Stop selectShard(const QCommandLineParser &p, const CliOptions &o, const QProcessEnvironment &env,
    QList<Environment> *envs, QString *shard)
{
    *shard = u"0"_s;
    if (!p.isSet(o.shard))
        return {};
    QString error;
    const auto selected = ShardSelection::parse(p.value(o.shard), env, &error);
    if (!selected)
        return usage(error);
    *shard = QString::number(selected->index);
    envs->removeIf([&](const Environment &e) {
        return ShardSelection::shardOf(e.name, selected->count) != selected->index;
    });
    return {};
}

void warnAboutSecretFiles(QStringList files, const QProcessEnvironment &env)
{
    if (const QString pgpass = SecretFiles::pgpassPath(env); !pgpass.isEmpty())
        files << pgpass;
    for (const QString &w : SecretFiles::permissionWarnings(files))
        err() << "doctor: warning: " << w << "\n";
    err().flush();
}

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

bool wantsColour(bool toFile)
{
    return !toFile && qEnvironmentVariableIsEmpty("NO_COLOR") && isatty(fileno(stdout));
}

int writeReport(const QString &format, const QString &output, const QList<CheckResult> &results,
    const QDateTime &startedAt, const QByteArray &metrics)
{
    const bool json = format == u"json";
    const QByteArray data = format == u"openmetrics" ? metrics
        : json ? ResultJson::report(results, { startedAt, QCoreApplication::applicationVersion() })
               : ResultText::format(results, wantsColour(!output.isEmpty())).toUtf8();
    if (const int written = CliIo::write(data, output); written != ExitCode::AllPassed)
        return written;
    return ExitCode::forResults(results);
}

} // namespace

DoctorRun::Collected DoctorRun::collect(
    const QCommandLineParser &p, const CliOptions &o, const QStringList &defaultChecks)
{
    Collected c;
    RunOptions opt;
    if (Stop s = readRunOptions(p, o, defaultChecks, &opt)) {
        c.exitCode = s;
        return c;
    }
    const QProcessEnvironment processEnv = QProcessEnvironment::systemEnvironment();
    QTemporaryDir demoDir; // the demo's databases live as long as the checks run
    RunEnvironments::Loaded loaded = RunEnvironments::load(p, o, processEnv, &demoDir);
    if (loaded.exitCode) {
        c.exitCode = loaded.exitCode;
        return c;
    }
    opt.environments = loaded.environments;
    if (Stop s = selectShard(p, o, processEnv, &opt.environments, &c.shard)) {
        c.exitCode = s;
        return c;
    }
    if (Stop s = applyOverrides(p, o, &opt.environments)) {
        c.exitCode = s;
        return c;
    }
    warnAboutSecretFiles(loaded.secretFiles, processEnv);

    KbLibrary kb;
    kb.load(opt.kbDirs);
    for (const QString &e : kb.errors())
        err() << "doctor: warning: " << e << "\n";
    err().flush();
    c.environments = opt.environments;
    c.startedAt = QDateTime::currentDateTimeUtc();
    c.results = runChecks(opt, kb);
    c.finishedAt = QDateTime::currentDateTimeUtc();
    return c;
}

int DoctorRun::run(const QCommandLineParser &p, const CliOptions &o)
{
    const QString format = p.value(o.format);
    if (format != u"text" && format != u"json" && format != u"openmetrics")
        return usage(u"--format must be text, json or openmetrics"_s);
    if (const QString e = p.isSet(o.push) ? Pushgateway::urlError(p.value(o.push)) : QString();
        !e.isEmpty())
        return usage(e);
    RunHistory::Target history;
    if (Stop s = RunHistory::readTarget(p, o, &history))
        return *s;
    const Collected c = collect(p, o);
    if (c.exitCode)
        return *c.exitCode;
    const QByteArray metrics = OpenMetrics::exposition(c.results, { c.shard, c.finishedAt });
    const int code = writeReport(format, p.value(o.output), c.results, c.startedAt, metrics);
    // After the report, and whatever became of it: a history that cannot be written warns
    // and changes neither the report nor the exit code (RELIABILITY: the run comes first).
    // --store: a failed write is the job's failure (exit 4), after the report, like --push;
    // when both fail the store's code wins (the push is still tried and its error printed).
    const bool stored
        = RunHistory::record(history, c.environments, c.results, c.startedAt, c.finishedAt, c.shard)
        || !history.shared;
    // Last, after the report: an unreachable gateway costs the push, never the report.
    if (p.isSet(o.push)) {
        if (const QString e = Pushgateway::push(p.value(o.push), c.shard, metrics); !e.isEmpty()) {
            err() << "doctor: " << e << "; the report was written, but this run's metrics "
                  << "did not reach Prometheus\n";
            err().flush();
            return stored ? ExitCode::PushFailed : ExitCode::StoreFailed;
        }
    }
    return stored ? code : int(ExitCode::StoreFailed);
}
