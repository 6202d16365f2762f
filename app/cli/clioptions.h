// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;
struct Environment;

// The options of `doctor run`, `list`, `history` and `matrix`, declared once: DoctorCli
// registers them, DoctorRun, RunEnvironments, DoctorHistory and DoctorMatrix read them.
// (`doctor kb`'s own are in DoctorCliKb.)
struct CliOptions
{
    CliOptions();
    void addTo(QCommandLineParser &parser) const;
    // Applies --tool, --history-schema, --history-table and --expected to environment E, over
    // what its file says. Without --tool, or with --tool efcore, the last three keep their
    // EF Core meaning (Environment::historySchema, historyTable, expectedSource); --tool
    // efcore also pins EF Core's history alone. With --tool X they pin one history of tool X
    // (Environment::migrationHistories becomes that one pin; an option not given leaves its
    // field to detection) and EF Core's fields stay as they were. Returns an empty string, or
    // the usage error: an unknown tool (naming the known ones), --tool given twice.
    QString applyHistoryOptions(const QCommandLineParser &parser, Environment *e) const;

    QCommandLineOption check;
    QCommandLineOption env;
    QCommandLineOption config;
    QCommandLineOption connection;
    QCommandLineOption appsettings;
    QCommandLineOption dotnetEnvironment;
    QCommandLineOption expected;
    QCommandLineOption context;
    QCommandLineOption tool;
    QCommandLineOption historySchema;
    QCommandLineOption historyTable;
    QCommandLineOption connectTimeout;
    QCommandLineOption statementTimeout;
    QCommandLineOption lockTimeout;
    QCommandLineOption deployment;
    QCommandLineOption format;
    QCommandLineOption output;
    QCommandLineOption kb;
    QCommandLineOption parallel;
    QCommandLineOption perServer;
    QCommandLineOption demo;
    // The run history (issue 18): where `run` and `matrix` record and `history` reads.
    QCommandLineOption history;
    QCommandLineOption noHistory;
    QCommandLineOption since; // doctor history
    QCommandLineOption limit; // doctor history
    QCommandLineOption olderThan; // doctor history prune
    QCommandLineOption all; // doctor matrix: every row, not only the differing ones
    // Fleet runs (issue 19): --shard I/N or auto/N, --push a Pushgateway URL.
    QCommandLineOption shard;
    QCommandLineOption push;
    QCommandLineOption store; // --store URL: the shared results store (cli/runhistory.h)
};
