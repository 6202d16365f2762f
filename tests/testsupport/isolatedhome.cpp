// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "isolatedhome.h"

#include <QStandardPaths>
#include <QtGlobal>

void isolateHome(const QString &home)
{
    qputenv("HOME", home.toUtf8());
    qputenv("XDG_RUNTIME_DIR", home.toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/doctor-test-bus");
    for (const char *name :
        { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "PGPASSWORD" })
        qunsetenv(name);
    QStandardPaths::setTestModeEnabled(true);
}
