#include "appsettings.h"

#include "relaxedjson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxFileSize = 4 * 1024 * 1024; // appsettings files are small; see environmentsfile

struct Entry
{
    QString value;
    QString file; // path, for a JSON layer
    QString variable; // variable name, for the environment layer
    QStringList alsoSetBy; // other variables that differ only in case
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
    layer->insert(lower, Entry { text, file, {}, {} });
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

// Sorted so that, when two variables differ only in case, the choice is stable.
Config environmentLayer(const QProcessEnvironment &env)
{
    QStringList names = env.keys();
    std::sort(names.begin(), names.end());
    Config layer;
    for (const QString &name : std::as_const(names)) {
        const QString key = QString(name).replace(u"__"_s, u":"_s).toLower();
        const auto it = layer.find(key);
        if (it == layer.end())
            layer.insert(key, Entry { env.value(name), {}, name, {} });
        else if (it->value != env.value(name))
            it->alsoSetBy << name;
    }
    return layer;
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

    Config config;
    if (!readJson(base.filePath(), &config, &result))
        return result;
    QStringList read { base.fileName() };
    const QString envName = u"%1.%2.json"_s.arg(base.completeBaseName(), result.environmentName);
    const QString envPath = base.dir().filePath(envName);
    if (QFileInfo::exists(envPath)) {
        if (!readJson(envPath, &config, &result))
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
    config.insert(environmentLayer(env));

    for (const QString &key : connectionKeys()) {
        const auto it = config.constFind(key.toLower());
        if (it == config.cend() || it->value.trimmed().isEmpty())
            continue;
        const bool fromFile = it->variable.isEmpty();
        result.source = fromFile ? u"%1 (%2)"_s.arg(QFileInfo(it->file).fileName(), key)
                                 : u"environment variable %1"_s.arg(it->variable);
        if (!it->alsoSetBy.isEmpty())
            result.warnings << u"%1 is also set, differently, by %2; .NET may use either, "
                               u"doctor used %3"_s.arg(
                                   key, it->alsoSetBy.join(u", "_s), it->variable);
        const ParsedConnection parsed = ConnectionString::parse(it->value);
        if (!parsed.ok()) {
            result.error = u"%1: %2"_s.arg(
                fromFile ? u"%1 (%2)"_s.arg(it->file, key) : result.source, parsed.error);
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
    result.missingMessage
        = u"%1 or %2 must be configured (read %3 and the environment variables)"_s.arg(
            connectionKeys().at(0), connectionKeys().at(1), read.join(u", "_s));
    return result;
}
