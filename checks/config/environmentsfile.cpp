// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/environmentsfile.h"

#include "config/appsettings.h"
#include "connection/connectionstring.h"
#include "config/yamlmerge.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

// Bounded read: configuration files are small, and an accidental multi-gigabyte file
// must not take the app down.
constexpr qint64 MaxFileSize = 4 * 1024 * 1024;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString where(const QString &path, const YAML::Mark &mark)
{
    // yaml-cpp marks are 0-based; editors count from 1.
    return u"%1:%2:%3"_s.arg(path).arg(mark.line + 1).arg(mark.column + 1);
}

struct Reader
{
    QString path;
    QProcessEnvironment processEnv;
    QStringList warnings;
    QStringList secretFiles;

    void warnUnknownKeys(const YAML::Node &map, const QSet<QString> &known, const QString &context)
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

    static QString scalar(const YAML::Node &node, const char *key)
    {
        const YAML::Node n = node[key];
        return n && n.IsScalar() ? qs(n.Scalar()) : QString();
    }

    QString resolvePath(const QString &value) const
    {
        if (value.isEmpty() || QDir::isAbsolutePath(value))
            return value;
        return QDir::cleanPath(QFileInfo(path).absoluteDir().filePath(value));
    }

    // A number in [min, max] under key of mapping n (named context in messages), or
    // fallback when the key is absent; sets *error when it is not such a number.
    double number(const YAML::Node &n, const char *key, double fallback, double min, double max,
        const QString &context, QString *error)
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
            *error = u"%1: %2.%3 must be a number from %4 to %5, got %6"_s.arg(
                where(path, v.Mark()), context, QString::fromLatin1(key), QString::number(min),
                QString::number(max), got);
            return fallback;
        }
        return d;
    }

    int seconds(const YAML::Node &n, const char *key, int fallback, QString *error, double scale)
    {
        const YAML::Node v = n[key];
        if (!v)
            return fallback;
        bool ok = false;
        const double d = qs(v.Scalar()).toDouble(&ok);
        if (!ok || !(d > 0 && d <= 86400)) { // NaN fails too
            *error = u"%1: timeouts.%2 must be a number of seconds between 0 and 86400, got '%3'"_s
                         .arg(where(path, v.Mark()), QString::fromLatin1(key), qs(v.Scalar()));
            return fallback;
        }
        // Rounded, not truncated: 1.001 s must read back as 1001 ms. Never 0, which libpq
        // and the server take as "no limit".
        return qMax(1, qRound(d * scale));
    }

    bool readPool(const YAML::Node &p, PoolThresholds *t, QString *error)
    {
        if (!p.IsMap()) {
            *error = u"%1: 'pool' must be a mapping like {usageWarn: 80, usageFail: 95}"_s.arg(
                where(path, p.Mark()));
            return false;
        }
        const QString c = u"pool"_s;
        warnUnknownKeys(p,
            { u"usageWarn"_s, u"usageFail"_s, u"idleInTransactionWarn"_s, u"idleSeconds"_s,
                u"transactionWarnSeconds"_s, u"transactionFailSeconds"_s,
                u"extraReservedConnections"_s },
            c);
        t->usageWarnPercent = number(p, "usageWarn", t->usageWarnPercent, 0, 100, c, error);
        t->usageFailPercent = number(p, "usageFail", t->usageFailPercent, 0, 100, c, error);
        t->idleInTransactionWarn = qRound(
            number(p, "idleInTransactionWarn", t->idleInTransactionWarn, 1, 100000, c, error));
        t->idleInTransactionMinSec
            = qRound(number(p, "idleSeconds", t->idleInTransactionMinSec, 1, 86400, c, error));
        t->longestTransactionWarnSec = number(
            p, "transactionWarnSeconds", t->longestTransactionWarnSec, 1, 31536000, c, error);
        t->longestTransactionFailSec = number(
            p, "transactionFailSeconds", t->longestTransactionFailSec, 1, 31536000, c, error);
        t->extraReservedConnections = qRound(number(
            p, "extraReservedConnections", t->extraReservedConnections, 0, 100000, c, error));
        if (!error->isEmpty())
            return false;
        // A warning above the failure would never be seen: the failure comes first.
        if (t->usageWarnPercent > t->usageFailPercent
            || t->longestTransactionWarnSec > t->longestTransactionFailSec) {
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

    // The connection from a .NET service's appsettings layers. Missing or broken settings
    // do not stop the file loading: the environment carries the reason to its checks.
    bool readAppSettings(const YAML::Node &node, Environment *env, QString *error)
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
            *error
                = u"%1: environment '%2' has both 'connection' and 'appsettings'; keep one"_s.arg(
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

    bool readEnvironment(const YAML::Node &node, Environment *env, QString *error)
    {
        static const QSet<QString> known = { u"name"_s, u"deployment"_s, u"connection"_s,
            u"expected"_s, u"reference"_s, u"history"_s, u"timeouts"_s, u"pool"_s, u"placeholders"_s,
            u"appsettings"_s, u"dotnetEnvironment"_s, u"dbContext"_s };
        if (!node.IsMap()) {
            *error
                = u"%1: each environment must be a mapping with 'name' and 'connection' or 'appsettings'"_s
                      .arg(where(path, node.Mark()));
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
                *error
                    = u"%1: 'history' must be a mapping like {schema: public, table: __EFMigrationsHistory}"_s
                          .arg(where(path, h.Mark()));
                return false;
            }
            warnUnknownKeys(h, { u"schema"_s, u"table"_s }, u"history"_s);
            if (const QString s = scalar(h, "schema"); !s.isEmpty())
                env->historySchema = s;
            if (const QString t = scalar(h, "table"); !t.isEmpty())
                env->historyTable = t;
        }
        if (const YAML::Node t = node["timeouts"]) {
            if (!t.IsMap()) {
                *error
                    = u"%1: 'timeouts' must be a mapping like {connect: 5, statement: 10, lock: 2}"_s
                          .arg(where(path, t.Mark()));
                return false;
            }
            warnUnknownKeys(t, { u"connect"_s, u"statement"_s, u"lock"_s }, u"timeouts"_s);
            env->timeouts.connectSec = seconds(t, "connect", env->timeouts.connectSec, error, 1);
            env->timeouts.statementMs
                = seconds(t, "statement", env->timeouts.statementMs, error, 1000);
            env->timeouts.lockMs = seconds(t, "lock", env->timeouts.lockMs, error, 1000);
            if (!error->isEmpty())
                return false;
        } else if (env->connection.connectTimeoutSec) {
            env->timeouts.connectSec = *env->connection.connectTimeoutSec;
        }
        if (env->connection.commandTimeoutSec && !node["timeouts"])
            env->timeouts.statementMs = *env->connection.commandTimeoutSec * 1000;
        if (const YAML::Node p = node["pool"]; p && !readPool(p, &env->pool, error))
            return false;
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
};

} // namespace

EnvironmentsFile EnvironmentsFile::load(const QString &path, const QProcessEnvironment &env)
{
    EnvironmentsFile result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = u"%1: cannot open the environments file: %2"_s.arg(path, file.errorString());
        return result;
    }
    // Not readAll() after checking size(): a device such as /dev/zero reports 0 and never ends.
    const QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize) {
        result.error
            = u"%1: the environments file is larger than 4 MiB; is it the right file?"_s.arg(path);
        return result;
    }
    return parse(data, path, env);
}

EnvironmentsFile EnvironmentsFile::parse(
    const QByteArray &yaml, const QString &path, const QProcessEnvironment &processEnv)
{
    EnvironmentsFile result;
    Reader reader { path, processEnv, {}, {} };
    try {
        YAML::Node root = YAML::Load(yaml.toStdString());
        // Before anything is read, so every key of every block can come from a merge. Top-level
        // keys other than 'environments' are not read: that is where anchors to merge live.
        if (const QString e = YamlMerge::apply(root, path); !e.isEmpty()) {
            result.error = e;
            return result;
        }
        const YAML::Node list = root.IsMap() ? root["environments"] : YAML::Node();
        if (!list || !list.IsSequence()) {
            result.error = u"%1:1:1: expected a top-level 'environments:' list"_s.arg(path);
            return result;
        }
        QSet<QString> names;
        for (const YAML::Node &node : list) {
            Environment env;
            QString error;
            if (!reader.readEnvironment(node, &env, &error)) {
                result.error = error;
                result.environments.clear();
                return result;
            }
            if (names.contains(env.name)) {
                result.error
                    = u"%1: a second environment is named '%2'; names must be unique"_s.arg(
                        where(path, node.Mark()), env.name);
                result.environments.clear();
                return result;
            }
            names.insert(env.name);
            result.environments << env;
        }
    } catch (const YAML::Exception &e) {
        result.error = u"%1: %2"_s.arg(where(path, e.mark), qs(e.msg));
        result.environments.clear();
    }
    result.warnings = reader.warnings;
    result.secretFiles = reader.secretFiles;
    return result;
}
