#pragma once

#include <QStringList>

// Records Qt's thread-misuse warnings for QSqlDatabase ("does not belong to the calling
// thread", "still in use", "QThread: Destroyed while thread is still running") while it
// lives, so a test can assert there were none. Other messages pass through unchanged.
class SqlWarningGuard
{
public:
    SqlWarningGuard();
    ~SqlWarningGuard();
    QStringList offending() const;
};
