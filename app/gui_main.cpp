// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// doctor-dashboard: the desktop application. Composition root only.
#include "appearance.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "startuptrace.h"
#include "translator.h"
#include "windowcapture.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace {
class ExitOnExpose : public QObject
{
public:
    using QObject::QObject;

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
    QApplication::setApplicationName(u"doctor-dashboard"_s);
    QApplication::setApplicationDisplayName(u"Doctor Dashboard"_s);
    QApplication::setOrganizationName(u"Doctor Dashboard"_s);
    QApplication::setApplicationVersion(QStringLiteral(DOCTOR_VERSION));
    QApplication::setDesktopFileName(u"doctor-dashboard"_s);

    UiTranslator::install(&app);
    StartupTrace::mark("translator");

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Diagnostics dashboard for database environments."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s, u"Start with the embedded SQLite demo."_s);
    const QCommandLineOption config(u"config"_s, u"Open this environments file."_s, u"FILE"_s);
    const QCommandLineOption kbDir(
        u"kb"_s, u"Extra knowledge-base folder (repeatable)."_s, u"DIR"_s);
    const QCommandLineOption theme(u"theme"_s,
        u"Colour theme for this run: system, light or dark (default: the one chosen in Settings)."_s,
        u"THEME"_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s, u"Save a PNG of the window after the first run, then quit."_s, u"FILE"_s);
    // For tests/bench/startup: exit as soon as the window is on screen (KB already loaded).
    QCommandLineOption quitWhenShown(u"quit-when-shown"_s, u"Exit once the window is shown."_s);
    quitWhenShown.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ demo, config, kbDir, theme, screenshot, quitWhenShown });
    parser.process(app);

    std::optional<Appearance::Theme> chosenTheme = Appearance::saved();
    if (parser.isSet(theme)) {
        chosenTheme = Appearance::fromKey(parser.value(theme));
        if (!chosenTheme) {
            QTextStream(stderr) << "doctor-dashboard: --theme " << parser.value(theme)
                                << ": use system, light or dark\n";
            return 64; // EX_USAGE, as the doctor CLI
        }
    }
    // Also System: it records the start style the other themes are reversed to.
    Appearance::apply(*chosenTheme);
    StartupTrace::mark("options, theme");

    KbLibrary kb;
    // Folders from Settings first, then --kb: the command line has the last word.
    kb.load(QSettings().value(SettingsDialog::kbDirsKey()).toStringList() + parser.values(kbDir));
    for (const QString &e : kb.errors())
        QTextStream(stderr) << "doctor-dashboard: knowledge base: " << e << "\n";
    StartupTrace::mark("knowledge base");

    MainWindow window(kb);
    StartupTrace::mark("MainWindow");
    if (parser.isSet(screenshot))
        new WindowCapture(&window, parser.value(screenshot));
    window.show();
    StartupTrace::mark("show");
    if (parser.isSet(quitWhenShown))
        window.windowHandle()->installEventFilter(new ExitOnExpose(&window));
    if (parser.isSet(config))
        window.openEnvironmentsFile(parser.value(config));
    else if (parser.isSet(demo))
        window.startDemo();
    StartupTrace::mark("environments, run started");
    return QApplication::exec();
}
