// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// A .NET service's settings files for the tst_appsettings* tests: connection strings under
// the keys the services read, environment variables as a QProcessEnvironment, and a test
// base that writes a case's files into a fresh folder and resolves them. Header-only: each
// test is its own executable and takes what it needs.

#include "config/appsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace AppSettingsFiles {

using namespace Qt::StringLiterals;

using Files = QMap<QString, QString>; // file name -> content

inline const QString Missing
    = u"ConnectionStrings:StellaOps or Database:ConnectionString must be configured"_s;

inline QString conn(const QString &host)
{
    return u"Host=%1;Database=app;Username=u;Password=pw"_s.arg(host);
}

// {"ConnectionStrings": {"StellaOps": "Host=HOST;..."}}
inline QString stellaOps(const QString &host)
{
    return uR"({"ConnectionStrings": {"StellaOps": "%1"}})"_s.arg(conn(host));
}

inline QString database(const QString &host)
{
    return uR"({"Database": {"ConnectionString": "%1"}})"_s.arg(conn(host));
}

// "NAME=value" assignments as the variables a process would see.
inline QProcessEnvironment vars(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &a : assignments)
        env.insert(a.section(u'=', 0, 0), a.section(u'=', 1));
    return env;
}

inline bool write(const QString &path, const QString &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content.toUtf8()) >= 0;
}

// {"SECTION": {"KEY": "VALUE"}}, built with QJsonDocument so that any character in a
// password is escaped properly.
inline QByteArray settingsJson(const QString &section, const QString &key, const QString &value)
{
    return QJsonDocument(QJsonObject { { section, QJsonObject { { key, value } } } }).toJson();
}

// Writes a service's settings fresh into DIR and returns its appsettings.json. FILES maps a
// file name to the connection string it sets under ConnectionStrings:StellaOps; a name
// prefixed "raw:" maps to the file's whole content instead.
inline QString writeServiceSettings(const QString &dir, const Files &files)
{
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QByteArray json = it.key().startsWith(u"raw:")
            ? it.value().toUtf8()
            : settingsJson(u"ConnectionStrings"_s, u"StellaOps"_s, it.value());
        QFile f(QDir(dir).filePath(it.key().section(u':', -1)));
        if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
    }
    return QDir(dir).filePath(u"appsettings.json"_s);
}

struct CliRun
{
    int exitCode = -1; // -1: crashed or did not finish
    QString out;
    QString err;
};

// Runs the doctor binary with an environment free of the caller's .NET and libpq settings,
// HOME in a folder of its own, plus the ASSIGNMENTS.
inline CliRun runDoctor(const QString &binary, const QStringList &arguments,
    const QStringList &assignments, const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        const QString lower = name.toLower();
        if (lower.startsWith(u"connectionstrings__") || lower.startsWith(u"database__")
            || lower.contains(u"connstr_") || lower.endsWith(u"_environment")
            || lower.startsWith(u"pg"))
            env.remove(name);
    }
    env.insert(u"HOME"_s, home);
    env.insert(u"NO_COLOR"_s, u"1"_s);
    const QProcessEnvironment extra = vars(assignments);
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary, arguments);
    CliRun run;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        run.err = u"doctor did not finish"_s;
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

// Base of the test classes: m_dir holds the current case's files, m_path its
// appsettings.json.
class Fixture : public QObject
{
protected:
    QTemporaryDir m_dir;
    QString m_path;

    AppSettingsResult resolveFiles(
        const Files &files, const QStringList &assignments = {}, const QString &explicitEnv = {})
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            write(QDir(m_dir.path()).filePath(it.key()), it.value());
        m_path = QDir(m_dir.path()).filePath(u"appsettings.json"_s);
        return AppSettings::resolve(m_path, explicitEnv, vars(assignments));
    }
};

} // namespace AppSettingsFiles
