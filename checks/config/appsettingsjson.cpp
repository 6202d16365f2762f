// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The JSON-file layers of AppSettings (appsettings.json, appsettings.{Environment}.json),
// flattened into configuration keys as .NET's JsonConfigurationFileParser does.

#include "config/appsettings_p.h"
#include "config/relaxedjson.h"
#include "connection/connectionstring.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AppSettingsPrivate {

namespace {

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

} // namespace

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

} // namespace AppSettingsPrivate
