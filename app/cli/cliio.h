// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "cli/exitcode.h"

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
} // namespace CliIo
