#include "sqlwarningguard.h"

#include <QMutex>

using namespace Qt::StringLiterals;

namespace {
QMutex mutex;
QStringList recorded;
QtMessageHandler previous = nullptr;

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (msg.contains(u"does not belong to the calling thread") || msg.contains(u"still in use")
        || msg.contains(u"Destroyed while thread")) {
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
