// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// EnvironmentsYaml: environments written as the environments file's YAML, with yaml-cpp's
// emitter. Saving the file (atomically, read back first) is EnvironmentsFile::save().

#include "config/environmentsyaml.h"

#include "config/lockthresholdbounds.h"
#include "config/poolthresholdbounds.h"
#include "engine/checkthresholds.h"

#include <QDir>
#include <QLocale>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

std::string s(const QString &text)
{
    return text.toStdString();
}

QString forFile(const QString &path, const QDir &base)
{
    if (path.isEmpty() || !QDir::isAbsolutePath(path))
        return path;
    const QString relative = base.relativeFilePath(path);
    if (relative == u".." || relative.startsWith(u"../") || QDir::isAbsolutePath(relative))
        return path;
    return relative;
}

// Whole seconds as an integer, others with the milliseconds the reader keeps.
std::string seconds(int ms)
{
    return s(ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'g', 10));
}

void emitEnvironment(YAML::Emitter &out, const Environment &env, const QDir &base)
{
    const Environment defaults;
    out << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << s(env.name);
    out << YAML::Key << "deployment" << YAML::Value << s(Deployment::key(env.deployment));
    if (!env.tags.isEmpty()) {
        out << YAML::Key << "tags" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const QString &tag : env.tags)
            out << s(tag);
        out << YAML::EndSeq;
    }
    if (!env.appSettingsPath.isEmpty()) {
        // The settings files, not the connection they resolved to: that may hold a password
        // and would go stale when the service's configuration changes.
        out << YAML::Key << "appsettings" << YAML::Value << s(forFile(env.appSettingsPath, base));
        if (!env.dotnetEnvironment.isEmpty())
            out << YAML::Key << "dotnetEnvironment" << YAML::Value << s(env.dotnetEnvironment);
    } else {
        const ConnectionSpec &c = env.connection;
        const QString text = c.driver == ConnectionSpec::Driver::Sqlite
            ? u"sqlite:"_s + forFile(c.database, base)
            : c.toKeywordString(); // never the password
        if (!text.isEmpty())
            out << YAML::Key << "connection" << YAML::Value << YAML::DoubleQuoted << s(text);
    }
    if (!env.expectedSource.isEmpty())
        out << YAML::Key << "expected" << YAML::Value << s(forFile(env.expectedSource, base));
    if (!env.dbContext.isEmpty())
        out << YAML::Key << "dbContext" << YAML::Value << s(env.dbContext);
    if (!env.referenceEnvironment.isEmpty())
        out << YAML::Key << "reference" << YAML::Value << s(env.referenceEnvironment);
    if (env.historySchema != defaults.historySchema || env.historyTable != defaults.historyTable) {
        out << YAML::Key << "history" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "schema" << YAML::Value << s(env.historySchema);
        out << YAML::Key << "table" << YAML::Value << s(env.historyTable);
        out << YAML::EndMap;
    }
    if (!env.migrationHistories.isEmpty()) {
        // Only the fields given: an empty one means "detected", which the reader takes
        // from a missing key.
        out << YAML::Key << "migrations" << YAML::Value << YAML::BeginSeq;
        for (const MigrationHistoryPin &pin : env.migrationHistories) {
            out << YAML::Flow << YAML::BeginMap;
            out << YAML::Key << "tool" << YAML::Value << s(pin.tool);
            if (!pin.schema.isEmpty())
                out << YAML::Key << "schema" << YAML::Value << s(pin.schema);
            if (!pin.table.isEmpty())
                out << YAML::Key << "table" << YAML::Value << s(pin.table);
            if (!pin.expected.isEmpty())
                out << YAML::Key << "expected" << YAML::Value << s(forFile(pin.expected, base));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    const Timeouts &t = env.timeouts;
    if (t.connectSec != defaults.timeouts.connectSec
        || t.statementMs != defaults.timeouts.statementMs || t.lockMs != defaults.timeouts.lockMs) {
        // All three: a reader of the file sees every bound in one place.
        out << YAML::Key << "timeouts" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "connect" << YAML::Value << s(QString::number(t.connectSec));
        out << YAML::Key << "statement" << YAML::Value << seconds(t.statementMs);
        out << YAML::Key << "lock" << YAML::Value << seconds(t.lockMs);
        out << YAML::EndMap;
    }
    if (!(env.pool == defaults.pool)) {
        // All of them, for the same reason as the timeouts.
        const PoolThresholds &p = env.pool;
        // The shortest text that reads back as the same double, never in exponent form.
        const auto n
            = [](double v) { return s(QString::number(v, 'f', QLocale::FloatingPointShortest)); };
        out << YAML::Key << "pool" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const PoolThresholdBound &b : PoolThresholdBounds::all())
            out << YAML::Key << b.key << YAML::Value << n(b.value(p));
        out << YAML::EndMap;
    }
    if (!(env.locks == defaults.locks)) {
        const auto n
            = [](double v) { return s(QString::number(v, 'f', QLocale::FloatingPointShortest)); };
        out << YAML::Key << "locks" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const LockThresholdBound &b : LockThresholdBounds::all())
            out << YAML::Key << b.key << YAML::Value << n(env.locks.*b.field);
        out << YAML::EndMap;
    }
    if (!env.thresholds.set.isEmpty()) {
        const auto n
            = [](double v) { return s(QString::number(v, 'f', QLocale::FloatingPointShortest)); };
        out << YAML::Key << "thresholds" << YAML::Value << YAML::BeginMap;
        for (const QString &check : CheckThresholds::checks()) {
            bool open = false;
            for (const ThresholdSpec &spec : CheckThresholds::all()) {
                const auto v
                    = env.thresholds.set.constFind(check + u'/' + QLatin1StringView(spec.key));
                if (check != QLatin1StringView(spec.check) || v == env.thresholds.set.cend())
                    continue;
                if (!open) {
                    out << YAML::Key << s(check) << YAML::Value << YAML::Flow << YAML::BeginMap;
                    open = true;
                }
                out << YAML::Key << spec.key << YAML::Value << n(*v);
            }
            if (open)
                out << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    if (env.perServerConnections != defaults.perServerConnections)
        out << YAML::Key << "perServerConnections" << YAML::Value << env.perServerConnections;
    if (!env.placeholders.isEmpty()) {
        out << YAML::Key << "placeholders" << YAML::Value << YAML::BeginMap;
        for (auto it = env.placeholders.cbegin(); it != env.placeholders.cend(); ++it)
            out << YAML::Key << s(it.key()) << YAML::Value << s(it.value());
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

} // namespace

QByteArray EnvironmentsYaml::toYaml(const QList<Environment> &environments, const QString &baseDir)
{
    const QDir base(baseDir);
    YAML::Emitter out;
    out << YAML::Comment("Doctor Dashboard environments. Passwords are never written here: they "
                         "come from the keychain, PGPASSWORD or ~/.pgpass.")
        << YAML::Newline;
    out << YAML::BeginMap << YAML::Key << "environments" << YAML::Value << YAML::BeginSeq;
    for (const Environment &env : environments)
        emitEnvironment(out, env, base);
    out << YAML::EndSeq << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}
