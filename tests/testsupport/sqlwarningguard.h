// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QStringList>

// Records Qt's thread-misuse warnings for QSqlDatabase ("does not belong to the calling
// thread", "still in use", "QThread: Destroyed while thread is still running") and every
// message of Qt's SQL layer (categories qt.sql.*, e.g. QPSQL's "Unable to free statement")
// while it lives, so a test can assert there were none. All messages still pass through.
class SqlWarningGuard
{
public:
    SqlWarningGuard();
    ~SqlWarningGuard();
    QStringList offending() const;
};
