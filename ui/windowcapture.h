// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QObject>
#include <QString>

class MainWindow;

// For `tools/dev screenshot`: once the window shows its first finished run, grab the
// window from the real X server and save it as PNG, then quit with 0 (or 1 on failure).
class WindowCapture : public QObject
{
    Q_OBJECT
public:
    WindowCapture(MainWindow *window, const QString &path, int timeoutMs = 60000);

private:
    void capture();

    MainWindow *m_window;
    QString m_path;
    bool m_done = false;
};
