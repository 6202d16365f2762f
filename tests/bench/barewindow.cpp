// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Baseline for tests/bench/startup: the least a Qt Widgets program can do to show a
// window. It exits as soon as the window is exposed, like `doctor-dashboard --quit-when-shown`,
// and marks its start as the dashboard does (DOCTOR_STARTUP_TRACE, ui/startuptrace.h).
#include "startuptrace.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QWindow>

namespace {
class ExitOnExpose : public QObject
{
protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Expose) {
            StartupTrace::mark("first expose");
            QCoreApplication::exit(0);
        }
        return false;
    }
};
} // namespace

int main(int argc, char *argv[])
{
    StartupTrace::mark("main");
    QApplication app(argc, argv);
    StartupTrace::mark("QApplication");
    QLabel window(QStringLiteral("bare window"));
    window.resize(1500, 900);
    window.show();
    StartupTrace::mark("show");
    ExitOnExpose filter;
    window.windowHandle()->installEventFilter(&filter);
    return QApplication::exec();
}
