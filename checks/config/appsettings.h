// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

// The database connection a StellaOps .NET service reads from its configuration, found
// the way the service itself would find it.
//
// Layers, lowest to highest (a higher layer overrides a key set by a lower one), in the
// order of Host.CreateDefaultBuilder / WebApplication.CreateBuilder:
//   1. appsettings.json (the file given, or appsettings.json in the folder given);
//   2. appsettings.{Environment}.json next to it, when it exists. File names are
//      case-sensitive, as for .NET on Linux;
//   3. environment variables, as AddEnvironmentVariables() without a prefix reads them:
//      "__" stands for ":", names case-insensitive, and Azure's connection-string variables
//      <PREFIX><name> become ConnectionStrings:<name>: POSTGRESQLCONNSTR_ (also sets
//      ConnectionStrings:<name>_ProviderName = Npgsql) and CUSTOMCONNSTR_ (no provider name).
//      POSTGRESQLCONNSTR_ is known from .NET 10 on: the service's version is taken from the
//      *.runtimeconfig.json next to appsettings.json; without one, .NET 10 is assumed and a
//      warning says what .NET 8 or 9 would read instead. MYSQLCONNSTR_, SQLCONNSTR_,
//      SQLAZURECONNSTR_ and .NET 10's Azure service prefixes (REDISCACHECONNSTR_ ...) for our
//      name are an error (wrong kind of connection), naming the variable, never its value.
//      When several variables set one key differently, .NET's choice changes between starts;
//      doctor takes a PostgreSQL-capable one, then the first by name, and warns.
// The environment name is the explicit one if given, else DOTNET_ENVIRONMENT, else
// ASPNETCORE_ENVIRONMENT, else "Production". That is WebApplicationBuilder's order since
// .NET 7 (DOTNET_ overrides ASPNETCORE_); older hosts and ConfigureWebHostDefaults let
// ASPNETCORE_ENVIRONMENT win, so set just one of them to be unambiguous.
//
// Keys are looked up in the merged configuration, ConnectionStrings:StellaOps first and
// Database:ConnectionString second, as the services do: whichever key is set wins,
// whatever layer set the other. An empty value counts as unset. JSON follows .NET's
// reader: keys case-insensitive, // and /* */ comments and trailing commas allowed,
// case-insensitively duplicate keys an error. Not read: user secrets, command-line
// arguments and DOTNET_-prefixed copies of keys. The sources of these facts are cited in
// appsettings.cpp.
struct AppSettingsResult
{
    std::optional<ConnectionSpec> connection;
    // Which layer supplied it: "appsettings.Staging.json (ConnectionStrings:StellaOps)",
    // "environment variable ConnectionStrings__StellaOps" or "environment variable
    // POSTGRESQLCONNSTR_StellaOps" (the variable's name as set). Never the value.
    QString source;
    QString environmentName; // the .NET environment that chose appsettings.{Name}.json
    // ConnectionStrings:StellaOps_ProviderName as the service sees it, when the connection
    // came from ConnectionStrings:StellaOps: "Npgsql" when POSTGRESQLCONNSTR_ supplied it,
    // empty when nothing sets it (CUSTOMCONNSTR_, ConnectionStrings__StellaOps, the files).
    QString providerName;
    QString missingMessage; // set when the files were read but name no connection
    QStringList warnings;
    QStringList secretFiles; // files read that hold a password (for SecretFiles)
    QString error; // "FILE:LINE:COL: ...", a bad or wrong-kind connection; never the password
    bool ok() const { return error.isEmpty(); }
};

namespace AppSettings {
// The configuration keys that may hold the connection, highest precedence first.
QStringList connectionKeys();
// The .NET environment name: explicit (when not empty), then the variables, then Production.
QString environmentName(const QString &explicitName, const QProcessEnvironment &env);
// Reads the layers. env is a parameter so that callers and tests decide which variables count.
AppSettingsResult resolve(const QString &appsettingsPath, const QString &dotnetEnvironment,
    const QProcessEnvironment &env);
} // namespace AppSettings
