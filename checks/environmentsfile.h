#pragma once

#include "environment.h"

#include <QList>
#include <QString>
#include <QStringList>

// The YAML environments file (see README "Configuration"), read with yaml-cpp.
struct EnvironmentsFile
{
    QList<Environment> environments;
    QStringList warnings; // "FILE:LINE:COL: ..." for unknown keys and the like
    QString error; // "FILE:LINE:COL: ..."; empty on success
    bool ok() const { return error.isEmpty(); }

    static EnvironmentsFile load(const QString &path);
    static EnvironmentsFile parse(const QByteArray &yaml, const QString &path);
};
