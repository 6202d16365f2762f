// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// doctor-dashboard: the desktop application. Composition root only.
#include "appearance.h"
#include "config/demo.h"
#include "highlighting.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "startuptrace.h"
#include "translator.h"
#include "windowcapture.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QWindow>
#include <functional>
#include <future>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Calls done on the window's first expose event, which the first frame is painted right
// after (a zero-timer started from done runs once it is on screen).
class OnFirstExpose : public QObject
{
public:
    OnFirstExpose(QWindow *window, std::function<void()> done)
        : QObject(window)
        , m_done(std::move(done))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && m_done)
            std::exchange(m_done, nullptr)();
        return false;
    }

private:
    std::function<void()> m_done;
};

struct DemoFiles
{
    std::unique_ptr<QTemporaryDir> dir;
    Demo::Setup setup;
};

} // namespace

int main(int argc, char *argv[])
{
    StartupTrace::mark("main");
    QApplication app(argc, argv);
    StartupTrace::mark("QApplication");
    // The syntax definitions load on a thread of their own while the window is built; the
    // first fix command shown, long after the first paint, takes them from there.
    Highlighting::preload();
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

    // What the first frame does not show is prepared on threads of their own while the
    // window is built (tests/bench/startup --trace): the knowledge base, which nothing reads
    // before the first run, and the demo's SQLite files. Neither has a widget.
    KbLibrary kb;
    // Folders from Settings first, then --kb: the command line has the last word.
    const QStringList kbDirs
        = QSettings().value(SettingsDialog::kbDirsKey()).toStringList() + parser.values(kbDir);
    std::future<void> kbLoaded = std::async(std::launch::async, [&kb, kbDirs] { kb.load(kbDirs); });
    std::future<DemoFiles> demoFiles;
    if (parser.isSet(demo) && !parser.isSet(config)) {
        demoFiles = std::async(std::launch::async, [] {
            DemoFiles files { std::make_unique<QTemporaryDir>(), {} };
            files.setup = Demo::create(files.dir->path());
            return files;
        });
    }

    MainWindow window(kb); // reads nothing of the knowledge base while it is built
    StartupTrace::mark("MainWindow");
    if (parser.isSet(screenshot))
        new WindowCapture(&window, parser.value(screenshot));
    window.show();
    StartupTrace::mark("show");
    kbLoaded.get();
    for (const QString &e : kb.errors())
        QTextStream(stderr) << "doctor-dashboard: knowledge base: " << e << "\n";
    StartupTrace::mark("knowledge base");

    // The first run starts once the first frame is on screen: its first results come in
    // at once (the demo's), and the first paint would wait for them.
    window.setDeferRuns(true);
    const bool quit = parser.isSet(quitWhenShown);
    new OnFirstExpose(window.windowHandle(), [&window, quit] {
        StartupTrace::mark("first expose");
        if (quit) { // tests/bench/startup: on screen, the knowledge base loaded, no run yet
            QCoreApplication::exit(0);
            return;
        }
        QTimer::singleShot(0, &window, [&window] { window.setDeferRuns(false); });
    });
    if (parser.isSet(config)) {
        window.openEnvironmentsFile(parser.value(config));
    } else if (parser.isSet(demo)) {
        DemoFiles files = demoFiles.get();
        window.startDemo(std::move(files.dir), files.setup);
    }
    StartupTrace::mark("environments");
    return QApplication::exec();
}
