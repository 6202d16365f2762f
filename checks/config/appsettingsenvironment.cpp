// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The environment-variable layer of AppSettings: variables read as .NET's
// AddEnvironmentVariables() reads them, Azure's connection-string prefixes included.

#include "config/appsettings_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AppSettingsPrivate {

namespace {

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

} // namespace

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

} // namespace AppSettingsPrivate
