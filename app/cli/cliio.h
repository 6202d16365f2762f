// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "cli/exitcode.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QString>
#include <QTextStream>
#include <cstdio>

// The CLI's output streams and its usage-error exit, shared by every `doctor` command.
namespace CliIo {
inline QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

inline QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

inline int usage(const QString &message)
{
    err() << "doctor: " << message << "\nTry 'doctor --help'.\n";
    err().flush();
    return ExitCode::Usage;
}

// Writes data to stdout (output empty) or to the file output, atomically (QSaveFile: a failed
// write leaves an earlier file intact); an existing output that is no regular file (/dev/null,
// /dev/stdout, a FIFO such as a shell's >(gzip)) is written directly, as QSaveFile's rename
// would replace the device or pipe by a file, and fails on /dev (EBUSY). Returns
// ExitCode::AllPassed, or CouldNotRun with the reason on stderr naming the file.
inline int write(const QByteArray &data, const QString &output)
{
    if (output.isEmpty()) {
        fwrite(data.constData(), 1, size_t(data.size()), stdout);
        fflush(stdout);
        return ExitCode::AllPassed;
    }
    const QFileInfo target(output);
    if (target.exists() && !target.isFile() && !target.isDir()) {
        QFile device(output);
        if (device.open(QIODevice::WriteOnly) && device.write(data) == data.size()
            && device.flush())
            return ExitCode::AllPassed;
        err() << "doctor: cannot write " << output << ": " << device.errorString() << "\n";
        err().flush();
        return ExitCode::CouldNotRun;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        err() << "doctor: cannot write " << output << ": " << file.errorString() << "\n";
        err().flush();
        return ExitCode::CouldNotRun;
    }
    return ExitCode::AllPassed;
}
} // namespace CliIo
