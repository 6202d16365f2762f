// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "cli/doctorcli.h"

#include "cli/cliio.h"
#include "cli/clioptions.h"
#include "cli/doctorclikb.h"
#include "cli/doctorhistory.h"
#include "cli/doctormatrix.h"
#include "cli/doctorreport.h"
#include "cli/doctorrun.h"
#include "cli/doctorstore.h"
#include "cli/exitcode.h"
#include "engine/checkregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;
using CliIo::out;
using CliIo::usage;

namespace {

int listChecks()
{
    for (const Check *c : CheckRegistry::builtin().checks()) {
        out() << qSetFieldWidth(30) << Qt::left << c->id() << qSetFieldWidth(0) << "  "
              << c->plugin() << "  " << c->defaultSeverity() << "  " << c->tags().join(u',')
              << "\n";
    }
    out().flush();
    return ExitCode::AllPassed;
}

int printText(const QString &text)
{
    out() << text;
    out().flush();
    return ExitCode::AllPassed;
}

} // namespace

int DoctorCli::run(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Doctor: health checks for database environments.\n\n"
        "Commands:\n  run    run checks and report; records the run in the run history\n"
        "  list   list the checks\n"
        "  kb     knowledge base: kb list | kb show CHECK_ID | kb lint [DIR...] "
        "(shipped + DIR)\n"
        "  history  past results, newest first (--env, --check, --since, --limit);\n"
        "           history migrations [--env]: each migration's state, since when, first\n"
        "           seen applied and first seen pending; history prune --older-than AGE\n"
        "           (90d, 36h): removes older runs\n"
        "  matrix   which migration is where: runs the connectivity and migrations checks\n"
        "           (or --check ...) and prints one row per migration, one column per\n"
        "           environment; only the rows that differ unless --all\n"
        "  report   the report a customer can send: runs the checks and writes one file\n"
        "           (--format html|md|json, --output FILE); --redact replaces host,\n"
        "           database, user and client names with aliases\n"
        "  store    store init URL | store upgrade URL: create or upgrade the shared\n"
        "           results store (the only commands that change its schema) and print\n"
        "           the GRANTs its writer and reader roles need; run --store URL writes it\n"
        "\nThe run history is history.sqlite in the user's data folder unless --history\n"
        "names a file or a postgresql:// URL; --no-history records nothing.\n"_s);
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(u"command"_s, u"run | list | kb | history | matrix | report | store"_s);
    const CliOptions options;
    options.addTo(p);
    DoctorCliKb::addOptions(p);
    DoctorReport::addOptions(p);
    if (!p.parse(arguments))
        return usage(p.errorText());
    // --help-all (QCommandLineParser adds it with --help) lists Qt's own options too; doctor
    // has none worth listing, so both print the same text rather than --help-all failing.
    if (p.isSet(u"help"_s) || p.isSet(u"help-all"_s))
        return printText(p.helpText());
    if (p.isSet(u"version"_s))
        return printText(u"doctor "_s + QCoreApplication::applicationVersion() + u"\n"_s);
    const QString command = p.positionalArguments().value(0, u"run"_s);
    if (command == u"list")
        return listChecks();
    if (command == u"kb")
        return DoctorCliKb::run(p);
    if (command == u"run")
        return DoctorRun::run(p, options);
    if (command == u"history")
        return DoctorHistory::run(p, options);
    if (command == u"matrix")
        return DoctorMatrix::run(p, options);
    if (command == u"store")
        return DoctorStore::run(p);
    if (command == u"report")
        return DoctorReport::run(p, options);
    return usage(u"unknown command '%1'"_s.arg(command));
}
