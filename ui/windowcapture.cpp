// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "windowcapture.h"

#include "mainwindow.h"

#include <QApplication>
#include <QPixmap>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

WindowCapture::WindowCapture(MainWindow *window, const QString &path, int timeoutMs)
    : QObject(window)
    , m_window(window)
    , m_path(path)
{
    connect(window, &MainWindow::runFinished, this, [this] {
        // Let layouts and the panel settle after the last result.
        QTimer::singleShot(700, this, &WindowCapture::capture);
    });
    QTimer::singleShot(
        timeoutMs, this, [this] {
            if (!m_done) {
                QTextStream(stderr)
                    << "screenshot: no finished run within the time limit; capturing anyway\n";
                capture();
            }
        });
}

void WindowCapture::capture()
{
    if (m_done)
        return;
    m_done = true;
    QScreen *screen = m_window->windowHandle() ? m_window->windowHandle()->screen()
                                               : QApplication::primaryScreen();
    // From the display server, frame and all, as a person would see it; the widget
    // render is the fallback where the platform cannot grab (offscreen).
    QPixmap shot = screen ? screen->grabWindow(m_window->winId()) : QPixmap();
    if (shot.isNull())
        shot = m_window->grab();
    const bool ok = shot.save(m_path, "PNG");
    if (!ok)
        QTextStream(stderr) << "screenshot: cannot write " << m_path << "\n";
    QApplication::exit(ok ? 0 : 1);
}
