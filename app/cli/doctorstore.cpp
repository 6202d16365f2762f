// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorstore.h"

#include "cli/cliio.h"
#include "cli/exitcode.h"
#include "history/historystore.h"

#include <QCommandLineParser>
#include <initializer_list>

using namespace Qt::StringLiterals;
using CliIo::err;
using CliIo::out;

namespace {

// An identifier quoted as PostgreSQL reads it (quote_ident's rule): the schema name comes
// from the server and may need it.
QString ident(const QString &name)
{
    QString n = name;
    return u'"' + n.replace(u'"', u"\"\""_s) + u'"';
}

// The grants, matching HistoryStore::record()'s documented needs: the writer (the job)
// only inserts and selects, every write being an INSERT (no UPDATE, no DELETE: a stolen
// writer password cannot rewrite the fleet's history); the reader only selects. The role
// names are examples for the operator to replace.
QString grants(const QString &schema)
{
    const QString s = ident(schema);
    const auto list = [&](std::initializer_list<const char *> tables) {
        QStringList names;
        for (const char *n : tables)
            names << s + u'.' + QString::fromLatin1(n);
        return names.join(u", "_s);
    };
    const QString written = list({ "runs", "results", "environment_tags", "migration_transitions",
        "migration_checks", "status_changes" });
    const QString read = list({ "store_meta", "runs", "results", "environment_tags",
        "migration_transitions", "migration_checks", "status_changes", "latest" });
    return u"-- A writer role for `doctor run --store` (the scheduled job):\n"
           "GRANT USAGE ON SCHEMA %1 TO doctor_writer;\n"
           "GRANT SELECT ON %2 TO doctor_writer;\n"
           "GRANT INSERT ON %3 TO doctor_writer;\n"
           "-- A read-only role (the dashboard's fleet view, doctor history):\n"
           "GRANT USAGE ON SCHEMA %1 TO doctor_reader;\n"
           "GRANT SELECT ON %2 TO doctor_reader;\n"_s.arg(s, read, written);
}

} // namespace

int DoctorStore::run(const QCommandLineParser &p)
{
    const QStringList args = p.positionalArguments();
    const QString verb = args.value(1);
    if ((verb != u"init" && verb != u"upgrade") || args.size() != 3)
        return CliIo::usage(u"write doctor store init URL or doctor store upgrade URL"_s);
    const QString url = args.value(2);
    if (!HistoryStore::isPostgresLocation(url))
        return CliIo::usage(u"doctor store needs a postgresql:// URL (the shared results "
                            "store)"_s);
    HistoryStore store;
    const auto policy = verb == u"init" ? HistoryStore::SchemaPolicy::CreateOnly
                                        : HistoryStore::SchemaPolicy::UpgradeOnly;
    if (!store.open(url, policy)) {
        err() << "doctor: " << store.errorString() << "\n";
        err().flush();
        return ExitCode::StoreFailed;
    }
    const int found = store.foundSchemaVersion();
    const QString shown = HistoryStore::displayLocation(url);
    if (found == HistoryStore::SchemaVersion)
        out() << "doctor: results store " << shown << " is at schema version " << found
              << " already; nothing changed\n";
    else if (found == 0)
        out() << "doctor: results store " << shown << " created at schema version "
              << HistoryStore::SchemaVersion << "\n";
    else
        out() << "doctor: results store " << shown << " upgraded from schema version " << found
              << " to " << HistoryStore::SchemaVersion << "\n";
    out() << "\n" << grants(store.schemaName());
    out().flush();
    return ExitCode::AllPassed;
}
