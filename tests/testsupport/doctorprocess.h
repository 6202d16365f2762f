// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "testpaths.h"

#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// The real `doctor` binary of this build, run to its end, so that argument parsing and exit
// codes are tested as users meet them. The binary is this build's (TestPaths::binaryDir()).
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList outLines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
};

// Stops the test program (qFatal) when the binary is missing or does not finish in 30 s.
inline CliRun doctor(const QStringList &args)
{
    const QString binary = TestPaths::binaryDir() + QStringLiteral("/app/doctor");
    if (!QFileInfo(binary).isExecutable())
        qFatal("%s is not built; build the whole project first", qPrintable(binary));
    QProcess p;
    // doctor run records into the user's data folder (issue 18): a test that did not choose
    // one (XDG_DATA_HOME unset) gets a folder of its own for the whole test program, so no
    // test writes to the real user's run history.
    if (qEnvironmentVariableIsEmpty("XDG_DATA_HOME")) {
        static QTemporaryDir dataHome;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.path());
        p.setProcessEnvironment(env);
    }
    p.start(binary, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit)
        qFatal("doctor %s did not finish", qPrintable(args.join(u' ')));
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()) };
}
