// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// EnvironmentReader: one environment of the environments file, from its YAML mapping to an
// Environment, with file:line:col in every message.

#include "config/appsettings.h"
#include "config/environmentreader_p.h"
#include "config/lockthresholdbounds.h"
#include "config/poolthresholdbounds.h"
#include "connection/connectionstring.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

void EnvironmentReader::warnUnknownKeys(
    const YAML::Node &map, const QSet<QString> &known, const QString &context)
{
    for (const auto &kv : map) {
        const QString key = qs(kv.first.Scalar());
        // x-... is an extension key, as in docker-compose files: a place for notes or
        // for anchors to merge elsewhere, ignored on purpose.
        if (known.contains(key) || key.startsWith(u"x-"))
            continue;
        const QString warning = u"%1: unknown key '%2' in %3 (ignored)"_s.arg(
            where(path, kv.first.Mark()), key, context);
        // A key merged into several environments is one mistake at one place.
        if (!warnings.contains(warning))
            warnings << warning;
    }
}

QString EnvironmentReader::scalar(const YAML::Node &node, const char *key)
{
    const YAML::Node n = node[key];
    return n && n.IsScalar() ? qs(n.Scalar()) : QString();
}

QString EnvironmentReader::resolvePath(const QString &value) const
{
    if (value.isEmpty() || QDir::isAbsolutePath(value))
        return value;
    return QDir::cleanPath(QFileInfo(path).absoluteDir().filePath(value));
}

// A number in [min, max] under key of mapping n (named context in messages), or
// fallback when the key is absent; sets *error when it is not such a number.
double EnvironmentReader::number(const YAML::Node &n, const char *key, double fallback, double min,
    double max, const QString &context, QString *error)
{
    const YAML::Node v = n[key];
    if (!v)
        return fallback;
    bool ok = false;
    const double d = v.IsScalar() ? qs(v.Scalar()).toDouble(&ok) : 0;
    // Written so that NaN, which toDouble() accepts as "nan", fails the range test.
    if (!ok || !(d >= min && d <= max)) {
        const QString got = v.IsScalar() ? u"'%1'"_s.arg(qs(v.Scalar()))
            : v.IsNull()                 ? u"nothing"_s
                                         : u"a list or mapping"_s;
        *error = u"%1: %2.%3 must be a number from %4 to %5, got %6"_s.arg(where(path, v.Mark()),
            context, QString::fromLatin1(key), QString::number(min), QString::number(max), got);
        return fallback;
    }
    return d;
}

int EnvironmentReader::seconds(
    const YAML::Node &n, const char *key, int fallback, QString *error, double scale)
{
    const YAML::Node v = n[key];
    if (!v)
        return fallback;
    bool ok = false;
    const double d = qs(v.Scalar()).toDouble(&ok);
    if (!ok || !(d > 0 && d <= 86400)) { // NaN fails too
        *error = u"%1: timeouts.%2 must be a number of seconds between 0 and 86400, got '%3'"_s.arg(
            where(path, v.Mark()), QString::fromLatin1(key), qs(v.Scalar()));
        return fallback;
    }
    // Rounded, not truncated: 1.001 s must read back as 1001 ms. Never 0, which libpq
    // and the server take as "no limit".
    return qMax(1, qRound(d * scale));
}

bool EnvironmentReader::readPool(const YAML::Node &p, PoolThresholds *t, QString *error)
{
    if (!p.IsMap()) {
        *error = u"%1: 'pool' must be a mapping like {usageWarn: 80, usageFail: 95}"_s.arg(
            where(path, p.Mark()));
        return false;
    }
    const QString c = u"pool"_s;
    QSet<QString> keys;
    for (const PoolThresholdBound &b : PoolThresholdBounds::all())
        keys.insert(QString::fromLatin1(b.key));
    warnUnknownKeys(p, keys, c);
    // Every key is read, so the last bad one is the one reported.
    for (const PoolThresholdBound &b : PoolThresholdBounds::all())
        b.set(t, number(p, b.key, b.value(*t), b.minimum, b.maximum, c, error));
    if (!error->isEmpty())
        return false;
    if (PoolThresholdBounds::order(*t) != PoolThresholdBounds::Order::Fine) {
        *error = u"%1: pool warning thresholds must not be above the failure ones "
                 "(usageWarn %2 > usageFail %3, or transactionWarnSeconds %4 > "
                 "transactionFailSeconds %5)"_s.arg(where(path, p.Mark()))
                     .arg(t->usageWarnPercent)
                     .arg(t->usageFailPercent)
                     .arg(t->longestTransactionWarnSec)
                     .arg(t->longestTransactionFailSec);
        return false;
    }
    return true;
}

bool EnvironmentReader::readLocks(const YAML::Node &l, LockThresholds *t, QString *error)
{
    if (!l.IsMap()) {
        *error
            = u"%1: 'locks' must be a mapping like {waitWarnSeconds: 5, waitFailSeconds: 60}"_s.arg(
                where(path, l.Mark()));
        return false;
    }
    const QString c = u"locks"_s;
    QSet<QString> keys;
    for (const LockThresholdBound &b : LockThresholdBounds::all())
        keys.insert(QString::fromLatin1(b.key));
    warnUnknownKeys(l, keys, c);
    for (const LockThresholdBound &b : LockThresholdBounds::all())
        t->*b.field = number(l, b.key, t->*b.field, b.minimum, b.maximum, c, error);
    if (!error->isEmpty())
        return false;
    if (!LockThresholdBounds::ordered(*t)) {
        *error = u"%1: locks.waitWarnSeconds (%2) must not be above locks.waitFailSeconds (%3)"_s
                     .arg(where(path, l.Mark()))
                     .arg(t->waitWarnSec)
                     .arg(t->waitFailSec);
        return false;
    }
    return true;
}

// The connection from a .NET service's appsettings layers. Missing or broken settings
// do not stop the file loading: the environment carries the reason to its checks.
bool EnvironmentReader::readAppSettings(const YAML::Node &node, Environment *env, QString *error)
{
    const QString file = scalar(node, "appsettings");
    if (file.isEmpty()) {
        if (node["dotnetEnvironment"])
            warnings << u"%1: dotnetEnvironment without appsettings (ignored)"_s.arg(
                where(path, node["dotnetEnvironment"].Mark()));
        return true;
    }
    const QString at = where(path, node["appsettings"].Mark());
    if (node["connection"]) {
        *error = u"%1: environment '%2' has both 'connection' and 'appsettings'; keep one"_s.arg(
            at, env->name);
        return false;
    }
    env->appSettingsPath = resolvePath(file);
    env->dotnetEnvironment = scalar(node, "dotnetEnvironment").trimmed();
    const AppSettingsResult a
        = AppSettings::resolve(env->appSettingsPath, env->dotnetEnvironment, processEnv);
    for (const QString &w : a.warnings)
        warnings << u"%1: %2"_s.arg(at, w);
    for (const QString &s : a.secretFiles) {
        if (!secretFiles.contains(s))
            secretFiles << s;
    }
    if (a.connection)
        env->useConnection(*a.connection, a.source);
    else
        env->configurationError = a.ok() ? a.missingMessage : a.error;
    return true;
}

bool EnvironmentReader::readEnvironment(const YAML::Node &node, Environment *env, QString *error)
{
    static const QSet<QString> known = { u"name"_s, u"deployment"_s, u"connection"_s, u"expected"_s,
        u"reference"_s, u"history"_s, u"timeouts"_s, u"pool"_s, u"locks"_s, u"placeholders"_s,
        u"appsettings"_s, u"dotnetEnvironment"_s, u"dbContext"_s, u"perServerConnections"_s,
        u"migrations"_s, u"thresholds"_s, u"tags"_s };
    if (!node.IsMap()) {
        *error = u"%1: each environment must be a mapping with 'name' and 'connection' or "
                 "'appsettings'"_s.arg(where(path, node.Mark()));
        return false;
    }
    warnUnknownKeys(node, known, u"an environment"_s);
    env->name = scalar(node, "name").trimmed();
    if (env->name.isEmpty()) {
        *error = u"%1: environment without a 'name'"_s.arg(where(path, node.Mark()));
        return false;
    }
    if (const QString d = scalar(node, "deployment"); !d.isEmpty()) {
        const auto style = Deployment::fromKey(d);
        if (!style) {
            *error = u"%1: deployment '%2' is not one of compose, systemd, kubernetes"_s.arg(
                where(path, node["deployment"].Mark()), d);
            return false;
        }
        env->deployment = *style;
    }
    if (const QString c = scalar(node, "connection"); !c.isEmpty()) {
        const ParsedConnection parsed = ConnectionString::parse(c);
        if (!parsed.ok()) {
            *error = u"%1: connection of '%2': %3"_s.arg(
                where(path, node["connection"].Mark()), env->name, parsed.error);
            return false;
        }
        env->connection = parsed.spec;
        if (!parsed.spec.password.isEmpty() && !secretFiles.contains(path))
            secretFiles << path;
        if (env->connection.driver == ConnectionSpec::Driver::Sqlite)
            env->connection.database = resolvePath(env->connection.database);
        env->connectionSource
            = u"%1 (environment '%2')"_s.arg(QFileInfo(path).fileName(), env->name);
        for (const QString &w : parsed.warnings)
            warnings << u"%1: %2"_s.arg(where(path, node["connection"].Mark()), w);
    }
    if (!readAppSettings(node, env, error))
        return false;
    env->expectedSource = resolvePath(scalar(node, "expected"));
    env->dbContext = scalar(node, "dbContext").trimmed();
    env->referenceEnvironment = scalar(node, "reference");
    if (const YAML::Node h = node["history"]) {
        if (!h.IsMap()) {
            *error = u"%1: 'history' must be a mapping like {schema: public, table: "
                     "__EFMigrationsHistory}"_s.arg(where(path, h.Mark()));
            return false;
        }
        warnUnknownKeys(h, { u"schema"_s, u"table"_s }, u"history"_s);
        if (const QString s = scalar(h, "schema"); !s.isEmpty())
            env->historySchema = s;
        if (const QString t = scalar(h, "table"); !t.isEmpty())
            env->historyTable = t;
    }
    if (const YAML::Node t = node["tags"]; t && !readTags(t, env, error))
        return false;
    if (const YAML::Node m = node["migrations"]; m && !readMigrationHistories(m, env, error))
        return false;
    if (const YAML::Node t = node["timeouts"]) {
        if (!t.IsMap()) {
            *error = u"%1: 'timeouts' must be a mapping like {connect: 5, statement: 10, lock: 2}"_s
                         .arg(where(path, t.Mark()));
            return false;
        }
        warnUnknownKeys(t, { u"connect"_s, u"statement"_s, u"lock"_s }, u"timeouts"_s);
        env->timeouts.connectSec = seconds(t, "connect", env->timeouts.connectSec, error, 1);
        env->timeouts.statementMs = seconds(t, "statement", env->timeouts.statementMs, error, 1000);
        env->timeouts.lockMs = seconds(t, "lock", env->timeouts.lockMs, error, 1000);
        if (!error->isEmpty())
            return false;
    } else {
        env->timeouts.takeFrom(env->connection); // the file's timeouts win over the string's
    }
    if (const YAML::Node p = node["pool"]; p && !readPool(p, &env->pool, error))
        return false;
    if (const YAML::Node l = node["locks"]; l && !readLocks(l, &env->locks, error))
        return false;
    if (const YAML::Node t = node["thresholds"]; t && !readThresholds(t, &env->thresholds, error))
        return false;
    if (const YAML::Node n = node["perServerConnections"]) {
        bool ok = false;
        const int v = n.IsScalar() ? qs(n.Scalar()).toInt(&ok) : 0;
        if (!ok || v < 1 || v > Environment::MaxPerServerConnections) {
            const QString got = n.IsScalar() ? u"'%1'"_s.arg(qs(n.Scalar()))
                : n.IsNull()                 ? u"nothing"_s
                                             : u"a list or mapping"_s;
            *error = u"%1: perServerConnections must be a whole number from 1 to %2 (how many "
                     "connections the doctor opens to this environment's server at once; "
                     "default 4), got %3"_s.arg(where(path, n.Mark()))
                         .arg(Environment::MaxPerServerConnections)
                         .arg(got);
            return false;
        }
        env->perServerConnections = v;
    }
    if (const YAML::Node p = node["placeholders"]) {
        if (!p.IsMap()) {
            *error = u"%1: 'placeholders' must be a mapping of name: value"_s.arg(
                where(path, p.Mark()));
            return false;
        }
        for (const auto &kv : p)
            env->placeholders.insert(qs(kv.first.Scalar()), qs(kv.second.Scalar()));
    }
    return true;
}
