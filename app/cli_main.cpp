// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// doctor: the headless command line. Composition root only; see app/cli/doctorcli.cpp.
#include "cli/doctorcli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("doctor"));
    QCoreApplication::setOrganizationName(QStringLiteral("Doctor Dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOCTOR_VERSION));
    return DoctorCli::run(QCoreApplication::arguments());
}
