#pragma once

#include "connectionspec.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

// The database connection a StellaOps .NET service reads from its configuration, found
// the way the service itself would find it.
//
// Layers, lowest to highest (a higher layer overrides a key set by a lower one):
//   1. appsettings.json (the file given, or appsettings.json in the folder given);
//   2. appsettings.{Environment}.json next to it, when it exists. File names are
//      case-sensitive, as for .NET on Linux;
//   3. environment variables: "__" stands for ":", names case-insensitive.
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
// arguments, DOTNET_-prefixed copies of keys and Azure's *CONNSTR_ variables.
struct AppSettingsResult
{
    std::optional<ConnectionSpec> connection;
    // Which layer supplied it: "appsettings.Staging.json (ConnectionStrings:StellaOps)" or
    // "environment variable ConnectionStrings__StellaOps". Never the value.
    QString source;
    QString environmentName; // the .NET environment that chose appsettings.{Name}.json
    QString missingMessage; // set when the files were read but name no connection
    QStringList warnings;
    QStringList secretFiles; // files read that hold a password (for SecretFiles)
    QString error; // "FILE:LINE:COL: ..." or a bad connection string; never the password
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
