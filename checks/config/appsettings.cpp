// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// AppSettings::resolve(): the layers in .NET's order, the .NET version from the
// runtimeconfig.json, and the connection key chosen. The JSON files are read in
// appsettingsjson.cpp, the environment variables in appsettingsenvironment.cpp.

#include "config/appsettings.h"

#include "config/appsettings_p.h"
#include "config/relaxedjson.h"
#include "connection/connectionstring.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace AppSettingsPrivate;

namespace {

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
