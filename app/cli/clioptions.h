// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QCommandLineOption>

class QCommandLineParser;

// The options of `doctor run` and `doctor list`, declared once: DoctorCli registers them,
// DoctorRun and RunEnvironments read them. (`doctor kb`'s own are in DoctorCliKb.)
struct CliOptions
{
    CliOptions();
    void addTo(QCommandLineParser &parser) const;

    QCommandLineOption check;
    QCommandLineOption env;
    QCommandLineOption config;
    QCommandLineOption connection;
    QCommandLineOption appsettings;
    QCommandLineOption dotnetEnvironment;
    QCommandLineOption expected;
    QCommandLineOption context;
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
};
