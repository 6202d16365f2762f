// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <string>
#include <yaml-cpp/yaml.h>

// Reads the environments of an environments file, one YAML mapping at a time, for
// EnvironmentsFile::parse() (environmentsfile.cpp). Internal to config/.

// yaml-cpp's text as a QString.
inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// "PATH:LINE:COL" of a yaml-cpp mark, 1-based as editors count (yaml-cpp's are 0-based).
inline QString where(const QString &path, const YAML::Mark &mark)
{
    return QStringLiteral("%1:%2:%3").arg(path).arg(mark.line + 1).arg(mark.column + 1);
}

class EnvironmentReader
{
public:
    QString path; // the environments file, for messages and relative paths
    QProcessEnvironment processEnv; // the variables that override appsettings files
    QStringList warnings; // "FILE:LINE:COL: ..." collected over every environment read
    QStringList secretFiles; // files read that hold a password, without repeats

    // Reads one entry of the environments: list into ENV. False with *ERROR
    // ("FILE:LINE:COL: what to do") when the entry cannot be used; unknown keys and the
    // like become warnings. An appsettings file that names no usable connection is not an
    // error here: ENV carries the reason in configurationError.
    bool readEnvironment(const YAML::Node &node, Environment *env, QString *error);

private:
    void warnUnknownKeys(const YAML::Node &map, const QSet<QString> &known, const QString &context);
    static QString scalar(const YAML::Node &node, const char *key);
    QString resolvePath(const QString &value) const;
    double number(const YAML::Node &n, const char *key, double fallback, double min, double max,
        const QString &context, QString *error);
    int seconds(const YAML::Node &n, const char *key, int fallback, QString *error, double scale);
    bool readPool(const YAML::Node &p, PoolThresholds *t, QString *error);
    bool readLocks(const YAML::Node &l, LockThresholds *t, QString *error);
    // The `thresholds:` section (environmentreaderthresholds.cpp).
    bool readThresholds(const YAML::Node &t, ThresholdValues *values, QString *error);
    bool readAppSettings(const YAML::Node &node, Environment *env, QString *error);
    // The `migrations:` list (environmentreadermigrations.cpp): the histories ENV pins.
    bool readMigrationHistories(const YAML::Node &list, Environment *env, QString *error);
    // The `tags:` list (environmentreadertags.cpp): one word each, repeats dropped with a
    // warning.
    bool readTags(const YAML::Node &list, Environment *env, QString *error);
};
