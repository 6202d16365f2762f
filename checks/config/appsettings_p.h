// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "config/appsettings.h"

#include <QHash>
#include <QLatin1StringView>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// What the layers of AppSettings::resolve() (appsettings.cpp) share: the JSON files
// (appsettingsjson.cpp) and the environment variables (appsettingsenvironment.cpp).
namespace AppSettingsPrivate {

// appsettings files are small; see environmentsfile.
constexpr qint64 MaxFileSize = 4 * 1024 * 1024;

// Connection strings that Azure App Service (and hosts copying it) hand a process as
// <PREFIX><name>. .NET's EnvironmentVariablesConfigurationProvider maps each to
// ConnectionStrings:<name> ("__" in <name> becoming ':', as for any variable) and, where it
// knows the provider, also sets ConnectionStrings:<name>_ProviderName. Prefixes match
// case-insensitively. Source: dotnet/runtime, src/libraries/Microsoft.Extensions.
// Configuration.EnvironmentVariables/src/EnvironmentVariablesConfigurationProvider.cs
// (main at 0fecc12 for .NET 10; the .NET 8/9 file, AzureEnvToAppEnv, knows only MYSQL,
// SQLAZURE, SQL and CUSTOM). POSTGRESQLCONNSTR_ and the six Azure service prefixes came
// with .NET 10 (dotnet/runtime#116037); before that such a variable is an ordinary key.
struct ConnStrPrefix
{
    QLatin1StringView prefix;
    QLatin1StringView providerName; // empty: .NET sets no _ProviderName
    QLatin1StringView kind; // the connection-string type as Azure's portal names it
    int sinceDotnet; // first .NET major version whose provider knows the prefix
    bool postgres; // a PostgreSQL connection string may arrive this way
};

constexpr int NewestDotnet = 10; // the newest .NET whose prefix list appsettingsenvironment.cpp has

struct Entry
{
    QString value;
    QString file; // path, for a JSON layer
    QString variable; // variable name, for the environment layer
    const ConnStrPrefix *prefix = nullptr; // the variable's connection-string prefix
    QStringList alsoSetBy; // other variables that set the same key to another value
    bool fitsPostgres() const { return !prefix || prefix->postgres; }
};
using Config = QHash<QString, Entry>; // keys lower case, ':' between sections

// The connection-string prefix VARIABLE starts with, as .NET DOTNETMAJOR knows them
// (0: not known, read as the newest .NET does); nullptr for an ordinary variable.
const ConnStrPrefix *connStrPrefix(const QString &variable, int dotnetMajor);
// A variable name as a configuration key: "__" becomes ':', lower case.
QString dotnetKey(QString name);
// The configuration the environment variables make, as .NET DOTNETMAJOR reads them.
// One key can be set by several variables: names that differ only in case, or
// ConnectionStrings__X beside POSTGRESQLCONNSTR_X. .NET keeps the one it enumerates last,
// and Environment.GetEnvironmentVariables() returns a Hashtable, whose order follows string
// hashes that .NET randomizes per process: the service may take a different one at each
// start. Doctor takes one that can hold a PostgreSQL connection over one that cannot, then
// the first by name (ordinal), and records the others that disagree so the caller warns.
Config environmentLayer(const QProcessEnvironment &env, int dotnetMajor);
// The value of the variable NAME, its name's case ignored, trimmed; empty when unset.
QString variable(const QProcessEnvironment &env, const QString &name);

// Reads one appsettings JSON file into CONFIG, over what it holds (a later file overrides
// an earlier one key by key). False with RESULT->error ("FILE: ...", "FILE:LINE:COL: ...")
// when it cannot be read or is not .NET's JSON; a file holding a password is added to
// RESULT->secretFiles.
bool readJson(const QString &path, Config *config, AppSettingsResult *result);

} // namespace AppSettingsPrivate
