// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The YAML environments file. Its folder holds an appsettings.json, so that
// "appsettings: appsettings.json" in an input reaches the appsettings layering too.

#include "config/environmentsfile.h"
#include "fuzzsupport.h"

#include <QSet>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString dir = [] {
        const QString d = Fuzz::scratchDir();
        Fuzz::writeFile(d + u"/appsettings.json"_s,
            R"({ "ConnectionStrings": { "StellaOps": "Host=db;Database=app;Password=pw" } })");
        Fuzz::writeFile(d + u"/appsettings.Staging.json"_s, "{ /* empty */ }");
        return d;
    }();
    static const QProcessEnvironment env = [] {
        QProcessEnvironment e;
        e.insert(u"DOTNET_ENVIRONMENT"_s, u"Staging"_s);
        return e;
    }();

    const EnvironmentsFile file
        = EnvironmentsFile::parse(Fuzz::bytes(data, size), dir + u"/environments.yaml"_s, env);
    if (!file.ok()) {
        Fuzz::require(file.environments.isEmpty(), "a failed parse kept environments", file.error);
        return 0;
    }
    QSet<QString> names;
    for (const Environment &e : file.environments) {
        Fuzz::require(!e.name.isEmpty(), "an environment without a name");
        Fuzz::require(!names.contains(e.name), "two environments with one name", e.name);
        names.insert(e.name);
        Fuzz::require(
            e.timeouts.connectSec >= 0 && e.timeouts.statementMs >= 0 && e.timeouts.lockMs >= 0,
            "a negative timeout", e.name);
        Fuzz::checkConnection({ e.connection, {}, {} });
    }
    return 0;
}
