// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/runhistory.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "history/historystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using CliIo::err;

std::optional<int> RunHistory::readTarget(
    const QCommandLineParser &p, const CliOptions &o, Target *target)
{
    if (p.isSet(o.store)) {
        if (p.isSet(o.history) || p.isSet(o.noHistory))
            return CliIo::usage(u"give --store URL or --history / --no-history, not both: "
                                "--store records the run in the shared store instead"_s);
        target->enabled = true;
        target->shared = true;
        target->location = p.value(o.store);
        if (!HistoryStore::isPostgresLocation(target->location))
            return CliIo::usage(u"--store needs a postgresql:// URL (the shared results "
                                "store); a SQLite file is a --history"_s);
        return {};
    }
    if (p.isSet(o.history) && p.isSet(o.noHistory))
        return CliIo::usage(u"give --history PATH_OR_URL or --no-history, not both"_s);
    // The demo's environments (dev, staging, prod on temporary SQLite files) are recorded
    // only into a --history given for them: in the default store they would mix with real
    // environments of those names, and "since when" would answer from the demo's runs.
    target->enabled = !p.isSet(o.noHistory) && !(p.isSet(o.demo) && !p.isSet(o.history));
    target->location = p.value(o.history);
    if (p.isSet(o.history) && target->location.trimmed().isEmpty())
        return CliIo::usage(u"--history needs a SQLite file or a postgresql:// URL; leave it "
                            "out for the default store"_s);
    return {};
}

QString RunHistory::osUser()
{
    // The password database rather than $USER first: sudo and su keep $USER of the caller.
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    if (const QString user = qEnvironmentVariable("USER"); !user.isEmpty())
        return user;
    return u"uid %1"_s.arg(geteuid());
}

bool RunHistory::record(const Target &target, const QList<Environment> &environments,
    const QList<CheckResult> &results, const QDateTime &startedAt, const QDateTime &finishedAt,
    const QString &shard)
{
    if (!target.enabled)
        return true;
    HistoryStore store;
    HistoryRun run;
    run.startedAt = startedAt;
    run.finishedAt = finishedAt;
    run.ranBy = osUser();
    run.doctorVersion = QCoreApplication::applicationVersion();
    run.origin = u"cli"_s;
    for (const Environment &e : environments) {
        run.environments << e.name;
        if (!e.tags.isEmpty())
            run.tags.insert(e.name, e.tags);
    }
    run.shard = shard;
    const auto policy = target.shared ? HistoryStore::SchemaPolicy::RequireCurrent
                                      : HistoryStore::SchemaPolicy::CreateOrUpgrade;
    if (store.open(target.location, policy) && store.record(run, results))
        return true;
    if (target.shared) {
        err() << "doctor: error: results store not written: " << store.errorString() << "\n";
        err().flush();
        return false;
    }
    err() << "doctor: warning: run history not recorded: " << store.errorString() << "\n";
    err().flush();
    return false;
}
