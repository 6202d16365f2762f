// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// appsettings layering: relaxed JSON (comments, trailing commas) in appsettings.json and
// appsettings.Staging.json, then a fixed fake environment on top.
//
// Input: the base file, optionally followed by a 0xFF byte and the Staging file (0xFF never
// occurs in UTF-8, so the split does not take anything a real file could hold).

#include "config/appsettings.h"
#include "config/relaxedjson.h"
#include "fuzzsupport.h"

using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment fakeEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"DOTNET_ENVIRONMENT"_s, u"Staging"_s);
    // Two spellings of one key with different values: the "also set by" path.
    env.insert(u"Logging__LogLevel__Default"_s, u"Warning"_s);
    env.insert(u"LOGGING__LOGLEVEL__DEFAULT"_s, u"Error"_s);
    env.insert(u"ConnectionStrings__Other"_s, u"Host=elsewhere;Password=not-this-one"_s);
    env.insert(u"HOME"_s, u"/nonexistent"_s);
    return env;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QProcessEnvironment env = fakeEnvironment();
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\xff');
    const QByteArray base = split < 0 ? input : input.left(split);
    const QByteArray staging = split < 0 ? QByteArray() : input.mid(split + 1);

    for (const QByteArray &json : { base, staging }) {
        QString error;
        const QJsonDocument doc = RelaxedJson::parse(json, &error);
        Fuzz::require(
            doc.isNull() != error.isEmpty(), "RelaxedJson: error set iff no document", error);
        RelaxedJson::lineColumn(json, json.size() / 2);
    }

    const QString dir = Fuzz::scratchDir();
    const QString basePath = dir + u"/appsettings.json"_s;
    const QString stagingPath = dir + u"/appsettings.Staging.json"_s;
    Fuzz::writeFile(basePath, base);
    if (split < 0)
        QFile::remove(stagingPath);
    else
        Fuzz::writeFile(stagingPath, staging);

    const AppSettingsResult r = AppSettings::resolve(dir, {}, env);
    Fuzz::require(r.environmentName == u"Staging", "environment name from DOTNET_ENVIRONMENT");
    if (!r.ok()) {
        Fuzz::require(!r.connection, "a failed resolve handed back a connection", r.error);
        return 0;
    }
    Fuzz::require(bool(r.connection) == r.missingMessage.isEmpty(),
        "exactly one of connection and missingMessage", r.missingMessage);
    if (r.connection && !r.connection->password.isEmpty() && !r.source.startsWith(u"environment")) {
        // The file that supplied a password must be offered for the permission check.
        const QString file
            = r.source.startsWith(u"appsettings.Staging.json") ? stagingPath : basePath;
        Fuzz::require(
            r.secretFiles.contains(file), "a password file is missing from secretFiles", r.source);
    }
    return 0;
}
