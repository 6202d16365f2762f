// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "sqlwarningguard.h"

#include <QMutex>

using namespace Qt::StringLiterals;

namespace {
QMutex mutex;
QStringList recorded;
QtMessageHandler previous = nullptr;

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    // Qt's SQL drivers log under qt.sql.* (QPSQL's "Unable to free statement" after a
    // statement failed in the transaction is qt.sql.postgresql).
    const bool sqlDriver = ctx.category && qstrncmp(ctx.category, "qt.sql.", 7) == 0;
    if (sqlDriver || msg.contains(u"does not belong to the calling thread")
        || msg.contains(u"still in use") || msg.contains(u"Destroyed while thread")) {
        QMutexLocker lock(&mutex);
        recorded << msg;
    }
    if (previous)
        previous(type, ctx, msg);
}
} // namespace

SqlWarningGuard::SqlWarningGuard()
{
    QMutexLocker lock(&mutex);
    recorded.clear();
    previous = qInstallMessageHandler(handler);
}

SqlWarningGuard::~SqlWarningGuard()
{
    qInstallMessageHandler(previous);
}

QStringList SqlWarningGuard::offending() const
{
    QMutexLocker lock(&mutex);
    return recorded;
}
