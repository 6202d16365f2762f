// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/appsettings.h"
#include "connection/connectionstring.h"

#include "config/relaxedjson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxFileSize = 4 * 1024 * 1024; // appsettings files are small; see environmentsfile

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

constexpr ConnStrPrefix ConnStrPrefixes[] = {
    { "MYSQLCONNSTR_"_L1, "MySql.Data.MySqlClient"_L1, "MySQL"_L1, 0, false },
    { "SQLAZURECONNSTR_"_L1, "System.Data.SqlClient"_L1, "Azure SQL Database"_L1, 0, false },
    { "SQLCONNSTR_"_L1, "System.Data.SqlClient"_L1, "SQL Server"_L1, 0, false },
    { "POSTGRESQLCONNSTR_"_L1, "Npgsql"_L1, "PostgreSQL"_L1, 10, true },
    { "APIHUBCONNSTR_"_L1, {}, "API Hub"_L1, 10, false },
    { "DOCDBCONNSTR_"_L1, {}, "DocumentDB"_L1, 10, false },
    { "EVENTHUBCONNSTR_"_L1, {}, "Event Hub"_L1, 10, false },
    { "NOTIFICATIONHUBCONNSTR_"_L1, {}, "Notification Hub"_L1, 10, false },
    { "REDISCACHECONNSTR_"_L1, {}, "Redis Cache"_L1, 10, false },
    { "SERVICEBUSCONNSTR_"_L1, {}, "Service Bus"_L1, 10, false },
    { "CUSTOMCONNSTR_"_L1, {}, "Custom"_L1, 0, true },
};

constexpr int NewestDotnet = 10; // the provider's newest prefix list (above)

// dotnetMajor 0: not known, read as the newest .NET does.
const ConnStrPrefix *connStrPrefix(const QString &variable, int dotnetMajor)
{
    for (const ConnStrPrefix &p : ConnStrPrefixes) {
        if (variable.startsWith(p.prefix, Qt::CaseInsensitive))
            return dotnetMajor == 0 || dotnetMajor >= p.sinceDotnet ? &p : nullptr;
    }
    return nullptr;
}

QString dotnetKey(QString name)
{
    return name.replace(u"__"_s, u":"_s).toLower();
}

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

// .NET's JsonConfigurationFileParser: nested objects and array indexes become
// "a:b:0"; scalars become strings; a repeated key is an error.
bool flatten(
    const QJsonValue &value, const QString &key, const QString &file, Config *layer, QString *error)
{
    if (value.isObject() || value.isArray()) {
        const QString prefix = key.isEmpty() ? key : key + u':';
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!flatten(it.value(), prefix + it.key(), file, layer, error))
                    return false;
            }
        } else {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!flatten(array[i], prefix + QString::number(i), file, layer, error))
                    return false;
            }
        }
        return true;
    }
    QString text;
    if (value.isBool())
        text = value.toBool() ? u"True"_s : u"False"_s; // what .NET's parser stores
    else if (!value.isNull())
        text = value.toVariant().toString();
    const QString lower = key.toLower();
    if (layer->contains(lower)) {
        *error
            = u"duplicate key '%1' (keys are case-insensitive; .NET refuses this file)"_s.arg(key);
        return false;
    }
    layer->insert(lower, Entry { text, file, {}, nullptr, {} });
    return true;
}

bool holdsPassword(const Config &layer)
{
    for (auto it = layer.cbegin(); it != layer.cend(); ++it) {
        if (it->value.trimmed().isEmpty())
            continue;
        const QString leaf = it.key().section(u':', -1);
        if (leaf.contains(u"password") || leaf == u"pwd")
            return true;
        if (it.key().startsWith(u"connectionstrings:")
            || it.key() == u"database:connectionstring") {
            const ParsedConnection parsed = ConnectionString::parse(it->value);
            if (parsed.ok() && !parsed.spec.password.isEmpty())
                return true;
        }
    }
    return false;
}

bool readJson(const QString &path, Config *config, AppSettingsResult *result)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result->error = u"%1: cannot read the appsettings file: %2"_s.arg(path, file.errorString());
        return false;
    }
    // Read at most one byte too many rather than trust size(): a device or FIFO reports 0
    // and readAll() would never end on /dev/zero.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize) {
        result->error = u"%1: larger than 4 MiB; is it the right file?"_s.arg(path);
        return false;
    }
    QString error;
    const QJsonDocument doc = RelaxedJson::parse(data, &error);
    if (doc.isNull()) {
        result->error
            = u"%1:%2; fix the JSON (comments and trailing commas are fine)"_s.arg(path, error);
        return false;
    }
    if (!doc.isObject()) {
        result->error = u"%1:1:1: the top-level JSON value must be an object { ... }"_s.arg(path);
        return false;
    }
    Config layer;
    if (!flatten(doc.object(), {}, path, &layer, &error)) {
        result->error = u"%1: %2"_s.arg(path, error);
        return false;
    }
    if (holdsPassword(layer))
        result->secretFiles << path;
    config->insert(layer);
    return true;
}

// One key can be set by several variables: names that differ only in case, or
// ConnectionStrings__X beside POSTGRESQLCONNSTR_X. .NET keeps the one it enumerates last,
// and Environment.GetEnvironmentVariables() returns a Hashtable, whose order follows string
// hashes that .NET randomizes per process: the service may take a different one at each
// start. Doctor takes one that can hold a PostgreSQL connection over one that cannot, then
// the first by name (ordinal), and records the others that disagree so the caller warns.
Config environmentLayer(const QProcessEnvironment &env, int dotnetMajor)
{
    QStringList names = env.keys();
    std::sort(names.begin(), names.end());
    QHash<QString, QList<Entry>> candidates;
    for (const QString &name : std::as_const(names)) {
        const QString value = env.value(name);
        if (const ConnStrPrefix *p = connStrPrefix(name, dotnetMajor)) {
            const QString key = u"connectionstrings:"_s + dotnetKey(name.mid(p->prefix.size()));
            candidates[key] << Entry { value, {}, name, p, {} };
            if (!p->providerName.isEmpty())
                candidates[key + u"_providername"_s]
                    << Entry { p->providerName.toString(), {}, name, p, {} };
        } else {
            candidates[dotnetKey(name)] << Entry { value, {}, name, nullptr, {} };
        }
    }
    Config layer;
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        QList<Entry> &c = it.value();
        std::stable_sort(c.begin(), c.end(),
            [](const Entry &a, const Entry &b) { return a.fitsPostgres() && !b.fitsPostgres(); });
        Entry chosen = c.first();
        for (qsizetype i = 1; i < c.size(); ++i) {
            if (c[i].value != chosen.value)
                chosen.alsoSetBy << (c[i].fitsPostgres()
                        ? c[i].variable
                        : u"%1 (%2)"_s.arg(c[i].variable, c[i].prefix->kind));
        }
        layer.insert(it.key(), chosen);
    }
    return layer;
}

// The .NET version of the service, from the runtimeconfig.json that `dotnet publish` puts
// next to the app (normally also appsettings.json's folder): runtimeOptions.tfm, such as
// "net8.0" or "netcoreapp3.1". The configuration assembly comes with that framework; an app
// that pins a newer Microsoft.Extensions.Configuration.EnvironmentVariables is not seen.
struct DotnetTarget
{
    int major = 0; // 0: not known
    QString tfm;
    QString file; // the runtimeconfig.json's name
};

DotnetTarget dotnetTarget(const QDir &dir, QStringList *warnings)
{
    DotnetTarget target;
    const QStringList files
        = dir.entryList({ u"*.runtimeconfig.json"_s }, QDir::Files | QDir::Readable, QDir::Name);
    static const QRegularExpression tfmPattern(
        u"^net(?:coreapp)?(\\d+)\\.\\d+"_s, QRegularExpression::CaseInsensitiveOption);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        QString error;
        QString tfm;
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonDocument doc = RelaxedJson::parse(file.read(MaxFileSize), &error);
            tfm = doc[u"runtimeOptions"_s][u"tfm"_s].toString();
        }
        const QRegularExpressionMatch m = tfmPattern.match(tfm);
        if (!m.hasMatch()) {
            *warnings << u"%1: no runtimeOptions.tfm that names a .NET version; environment "
                         u"variables are read as .NET %2 reads them"_s.arg(file.fileName())
                             .arg(NewestDotnet);
            continue;
        }
        const int major = m.captured(1).toInt();
        if (target.major != 0 && target.major != major) {
            *warnings << u"%1 and %2 name different .NET versions (%3, %4); environment "
                         u"variables are read as .NET %5 reads them"_s
                             .arg(target.file, name, target.tfm, tfm)
                             .arg(NewestDotnet);
            return {};
        }
        target = { major, tfm, name };
    }
    return target;
}

QString variable(const QProcessEnvironment &env, const QString &name)
{
    QStringList names = env.keys();
    std::sort(names.begin(), names.end());
    for (const QString &n : std::as_const(names)) {
        if (n.compare(name, Qt::CaseInsensitive) == 0 && !env.value(n).trimmed().isEmpty())
            return env.value(n).trimmed();
    }
    return {};
}

} // namespace

QStringList AppSettings::connectionKeys()
{
    return { u"ConnectionStrings:StellaOps"_s, u"Database:ConnectionString"_s };
}

QString AppSettings::environmentName(const QString &explicitName, const QProcessEnvironment &env)
{
    if (!explicitName.trimmed().isEmpty())
        return explicitName.trimmed();
    for (const QString &name : { u"DOTNET_ENVIRONMENT"_s, u"ASPNETCORE_ENVIRONMENT"_s }) {
        if (const QString value = variable(env, name); !value.isEmpty())
            return value;
    }
    return u"Production"_s;
}

namespace {

// The first connection key that is set, as the services look them up.
std::optional<std::pair<QString, Entry>> chooseConnection(const Config &config)
{
    for (const QString &key : AppSettings::connectionKeys()) {
        const auto it = config.constFind(key.toLower());
        if (it != config.cend() && !it->value.trimmed().isEmpty())
            return std::pair { key, *it };
    }
    return std::nullopt;
}

QString describe(const std::pair<QString, Entry> &chosen)
{
    const Entry &e = chosen.second;
    return e.variable.isEmpty() ? u"%1 (%2)"_s.arg(QFileInfo(e.file).fileName(), chosen.first)
                                : u"environment variable %1"_s.arg(e.variable);
}

// Never the value: it may hold a password.
QString wrongKind(const Entry &e, int dotnetMajor)
{
    const QString name = e.variable.mid(e.prefix->prefix.size());
    const QString sets = e.prefix->providerName.isEmpty()
        ? u"ConnectionStrings:%1"_s.arg(name)
        : u"ConnectionStrings:%1 and ConnectionStrings:%1_ProviderName = %2"_s.arg(
            name, e.prefix->providerName);
    const QString pg = dotnetMajor == 0 || dotnetMajor >= NewestDotnet
        ? u"POSTGRESQLCONNSTR_%1 (type PostgreSQL), "_s.arg(name)
        : QString();
    return u"environment variable %1 holds a connection string of type %2, not a PostgreSQL "
           u"connection (.NET sets %3 from it; StellaOps connects with Npgsql); hand the "
           u"connection over as %4CUSTOMCONNSTR_%5 (type Custom) or ConnectionStrings__%5"_s.arg(
               e.variable, e.prefix->kind, sets, pg, name);
}

} // namespace

AppSettingsResult AppSettings::resolve(const QString &appsettingsPath,
    const QString &dotnetEnvironment, const QProcessEnvironment &env)
{
    AppSettingsResult result;
    QFileInfo base(appsettingsPath);
    if (base.isDir())
        base = QFileInfo(QDir(appsettingsPath).filePath(u"appsettings.json"_s));
    result.environmentName = environmentName(dotnetEnvironment, env);
    if (result.environmentName.contains(u'/') || result.environmentName.contains(u'\\')) {
        result.error = u"'%1' is not a .NET environment name (it would name another folder)"_s.arg(
            result.environmentName);
        return result;
    }

    // The order of Host.CreateDefaultBuilder and WebApplication.CreateBuilder (dotnet/runtime
    // src/libraries/Microsoft.Extensions.Hosting/src/HostingHostBuilderExtensions.cs,
    // ConfigureDefaults): appsettings.json, appsettings.{Environment}.json, user secrets in
    // Development, AddEnvironmentVariables() without a prefix, the command line. A later
    // source overrides an earlier one key by key.
    Config files;
    if (!readJson(base.filePath(), &files, &result))
        return result;
    QStringList read { base.fileName() };
    const QString envName = u"%1.%2.json"_s.arg(base.completeBaseName(), result.environmentName);
    const QString envPath = base.dir().filePath(envName);
    if (QFileInfo::exists(envPath)) {
        if (!readJson(envPath, &files, &result))
            return result;
        read << envName;
    } else {
        read << envName + u" (not found)"_s;
        // QDir name filters ignore case unless told otherwise.
        const QStringList lookalikes = base.dir().entryList({ envName }, QDir::Files);
        for (const QString &other : lookalikes)
            result.warnings << u"%1 is not read: .NET on Linux looks for %2 (file names are "
                               u"case-sensitive)"_s.arg(other, envName);
    }
    const DotnetTarget target = dotnetTarget(base.dir(), &result.warnings);
    Config config = files;
    config.insert(environmentLayer(env, target.major));

    // A prefix this .NET does not know, for our name: the user meant it, the service ignores it.
    if (target.major != 0) {
        const QString ours = connectionKeys().constFirst().section(u':', 1).toLower();
        for (const QString &name : env.keys()) {
            const ConnStrPrefix *p = connStrPrefix(name, 0);
            if (p && !connStrPrefix(name, target.major) && p->postgres
                && dotnetKey(name.mid(p->prefix.size())) == ours)
                result.warnings << u"%1 is not read: %2 says the service targets %3, and .NET "
                                   u"reads the %4 prefix from version %5 on; use CUSTOMCONNSTR_%6 "
                                   u"or ConnectionStrings__%6"_s
                                       .arg(name, target.file, target.tfm, p->prefix)
                                       .arg(p->sinceDotnet)
                                       .arg(name.mid(p->prefix.size()));
        }
    }

    const auto chosen = chooseConnection(config);
    if (!chosen) {
        result.missingMessage
            = u"%1 or %2 must be configured (read %3 and the environment variables "
              u"ConnectionStrings__StellaOps, POSTGRESQLCONNSTR_StellaOps, CUSTOMCONNSTR_StellaOps "
              u"and Database__ConnectionString)"_s.arg(
                  connectionKeys().at(0), connectionKeys().at(1), read.join(u", "_s));
        return result;
    }
    const auto &[key, entry] = *chosen;
    result.source = describe(*chosen);
    if (!entry.alsoSetBy.isEmpty())
        result.warnings << u"%1 is also set, differently, by %2; .NET keeps whichever it "
                           u"enumerates last, in an order that can change at every start of the "
                           u"service; doctor used %3"_s.arg(
                               key, entry.alsoSetBy.join(u", "_s), entry.variable);
    if (!entry.fitsPostgres()) {
        result.error = wrongKind(entry, target.major);
        return result;
    }
    if (entry.prefix && target.major == 0 && entry.prefix->sinceDotnet > 0) {
        Config older = files;
        older.insert(environmentLayer(env, entry.prefix->sinceDotnet - 1));
        const auto olderChosen = chooseConnection(older);
        result.warnings << u"%1 is read as .NET %2 and later read it; a service on .NET 8 or 9 "
                           u"ignores the %3 prefix and %4 (put the service's *.runtimeconfig.json "
                           u"next to %5 for doctor to tell)"_s.arg(entry.variable)
                               .arg(entry.prefix->sinceDotnet)
                               .arg(entry.prefix->prefix,
                                   olderChosen ? u"would use "_s + describe(*olderChosen)
                                               : u"would find no connection"_s,
                                   base.fileName());
    }
    if (key == connectionKeys().constFirst())
        result.providerName = config.value(key.toLower() + u"_providername"_s).value;

    const ParsedConnection parsed = ConnectionString::parse(entry.value);
    if (!parsed.ok()) {
        result.error = u"%1: %2"_s.arg(
            entry.variable.isEmpty() ? u"%1 (%2)"_s.arg(entry.file, key) : result.source,
            parsed.error);
        return result;
    }
    for (const QString &w : parsed.warnings)
        result.warnings << u"%1: %2"_s.arg(result.source, w);
    ConnectionSpec spec = parsed.spec;
    // .NET resolves relative paths against the content root, normally the app folder.
    if (spec.driver == ConnectionSpec::Driver::Sqlite && QDir::isRelativePath(spec.database))
        spec.database = QDir::cleanPath(base.dir().absoluteFilePath(spec.database));
    result.connection = spec;
    return result;
}
