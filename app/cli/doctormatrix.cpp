// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctormatrix.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "cli/doctorrun.h"
#include "cli/exitcode.h"
#include "cli/runhistory.h"
#include "history/historystore.h"
#include "migrations/migrationmatrix.h"
#include "report/matrixwriter.h"

#include <QCommandLineParser>
#include <QHash>

using namespace Qt::StringLiterals;
using CliIo::err;
using CliIo::usage;

namespace {

QString sightingKey(const QString &environment, const QString &tool, const QString &history,
    const QString &migrationId, MigrationEntry::State state)
{
    return QStringList { environment, tool, history, migrationId, QString::number(int(state)) }
        .join(QChar(0x1f)); // the unit separator: in no name
}

// When each environment first saw each migration in each state, from the history. Of
// several sightings in one state the current one wins, else the newest: a migration
// applied, rolled back and applied again is applied since the last time. Empty (with a
// warning) when the store cannot be read: the matrix is still right, only without times.
QHash<QString, QDateTime> firstSeenTimes(const RunHistory::Target &target)
{
    QHash<QString, QDateTime> times;
    if (!target.enabled)
        return times;
    HistoryStore store;
    QList<MigrationSighting> sightings;
    if (store.open(target.location))
        sightings = store.migrations(QString());
    if (!store.errorString().isEmpty()) {
        err() << "doctor: warning: first-seen times not available: " << store.errorString() << "\n";
        err().flush();
        return times;
    }
    QHash<QString, std::pair<bool, QDateTime>> best; // key -> (current, firstSeen)
    for (const MigrationSighting &s : std::as_const(sightings)) {
        const QString key = sightingKey(s.environment, s.tool, s.history, s.migrationId, s.state);
        const std::pair<bool, QDateTime> candidate { s.current, s.firstSeen };
        const auto it = best.constFind(key);
        if (it == best.cend() || *it < candidate)
            best.insert(key, candidate);
    }
    for (auto it = best.cbegin(); it != best.cend(); ++it)
        times.insert(it.key(), it->second);
    return times;
}

} // namespace

QStringList DoctorMatrix::defaultChecks()
{
    return { u"check.postgres.connectivity"_s, u"check.postgres.migrations"_s };
}

int DoctorMatrix::run(const QCommandLineParser &p, const CliOptions &o)
{
    const QString format = p.value(o.format);
    if (format != u"text" && format != u"json" && format != u"csv")
        return usage(u"--format must be text, json or csv for 'doctor matrix'"_s);
    for (const QCommandLineOption *option : { &o.since, &o.limit, &o.olderThan }) {
        if (p.isSet(*option))
            return usage(
                u"--%1 does not go with 'doctor matrix'"_s.arg(option->names().constFirst()));
    }
    RunHistory::Target history;
    if (auto s = RunHistory::readTarget(p, o, &history))
        return *s;
    const DoctorRun::Collected c = DoctorRun::collect(p, o, defaultChecks());
    if (c.exitCode)
        return *c.exitCode;
    QStringList names;
    for (const Environment &e : c.environments)
        names << e.name;
    // Recorded first, so that a migration seen for the first time now has this run's time.
    RunHistory::record(history, c.environments, c.results, c.startedAt, c.finishedAt);
    const QHash<QString, QDateTime> times = firstSeenTimes(history);
    const MigrationMatrix matrix = MigrationMatrices::build(c.results, names,
        [&times](const QString &env, const QString &tool, const QString &historyTable,
            const QString &id, MigrationEntry::State state) {
            return times.value(sightingKey(env, tool, historyTable, id, state));
        });
    const bool all = p.isSet(o.all);
    const QByteArray data = format == u"json" ? MatrixWriter::json(matrix, all)
        : format == u"csv"                    ? MatrixWriter::csv(matrix, all)
                                              : MatrixWriter::text(matrix, all).toUtf8();
    if (const int code = CliIo::write(data, p.value(o.output)); code != ExitCode::AllPassed)
        return code;
    return ExitCode::forResults(c.results);
}
