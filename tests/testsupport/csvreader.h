// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

// Reads CSV with Python's csv module, a reader that is not ours, so that a test of a CSV
// writer does not agree with itself. Returns the records, or nothing with *error set.
// Header-only.
inline QList<QStringList> readCsv(const QByteArray &csv, QString *error)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        *error = QStringLiteral("python3 is not installed");
        return {};
    }
    QProcess p;
    p.start(python,
        { QStringLiteral("-c"),
            QStringLiteral("import csv, io, json, sys\n"
                           "data = sys.stdin.buffer.read().decode('utf-8')\n"
                           "rows = list(csv.reader(io.StringIO(data, newline=''), strict=True))\n"
                           "print(json.dumps(rows))\n") });
    p.write(csv);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QList<QStringList> rows;
    for (const QJsonValue &row : QJsonDocument::fromJson(p.readAllStandardOutput()).array()) {
        QStringList fields;
        for (const QJsonValue &f : row.toArray())
            fields << f.toString();
        rows << fields;
    }
    return rows;
}
