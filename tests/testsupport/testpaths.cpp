// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "testpaths.h"

QString TestPaths::sourceDir()
{
    return QStringLiteral(DOCTOR_SOURCE_DIR);
}

QString TestPaths::binaryDir()
{
    return QStringLiteral(DOCTOR_BINARY_DIR);
}

QString TestPaths::testData()
{
    return QStringLiteral(DOCTOR_SOURCE_DIR "/tests/data");
}
