// The German translation is built, embedded and chosen from the locale (as with
// LANG=de_DE.UTF-8), or overridden in Settings; it reaches the menus, the results' status,
// the welcome page and the Settings dialog, which says the articles stay English.
#include "isolatedhome.h"
#include "kblibrary.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "settingsdialog.h"
#include "translator.h"
#include "welcomepage.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
QStringList menuTitles(const MainWindow &w)
{
    QStringList menus;
    for (QAction *a : w.menuBar()->actions())
        menus << a->text();
    return menus;
}

void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}
} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private:
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QLocale::system().language(), QLocale::German); // set up in main()
        m_kb.load();
    }

    void cleanup()
    {
        removeTranslators();
        QSettings().remove(SettingsDialog::languageKey());
    }

    void germanFromTheLocale()
    {
        QVERIFY(QSettings().value(SettingsDialog::languageKey()).toString().isEmpty());
        QCOMPARE(UiTranslator::install(qApp), u"de"_s);
        MainWindow w(m_kb);
        QCOMPARE(
            menuTitles(w), (QStringList { u"&Datei"_s, u"&Prüfen"_s, u"&Ansicht"_s, u"&Hilfe"_s }));
        QCOMPARE(w.runAllAction()->text(), u"&Alle prüfen"_s);
        // The status the results table shows, with its colour and icon.
        QCOMPARE(ResultsModel::statusText(CheckStatus::Fail), u"Fehlgeschlagen"_s);
        QCOMPARE(ResultsModel::statusText(CheckStatus::Pass), u"Bestanden"_s);

        auto *welcome = w.findChild<WelcomePage *>();
        QVERIFY(welcome);
        QCOMPARE(welcome->newEnvironmentButton()->text(), u"&Neue Umgebung …"_s);
        QCOMPARE(welcome->sampleFileButton()->text(), u"&Beispieldatei …"_s);

        SettingsDialog settings;
        QCOMPARE(settings.windowTitle(), u"Einstellungen — Doctor Dashboard"_s);
        QVERIFY(!settings.englishArticlesNote()->isHidden());
        QVERIFY2(settings.englishArticlesNote()->text().contains(u"auf Englisch"_s),
            qPrintable(settings.englishArticlesNote()->text()));
    }

    void englishChosenInSettingsWins()
    {
        QSettings().setValue(SettingsDialog::languageKey(), u"en"_s);
        QCOMPARE(UiTranslator::install(qApp), u"en"_s);
        MainWindow w(m_kb);
        QCOMPARE(menuTitles(w), (QStringList { u"&File"_s, u"&Run"_s, u"&View"_s, u"&Help"_s }));
        QCOMPARE(ResultsModel::statusText(CheckStatus::Fail), u"Fail"_s);
    }

    void germanChosenInSettings()
    {
        QSettings().setValue(SettingsDialog::languageKey(), u"de"_s);
        QCOMPARE(UiTranslator::install(qApp), u"de"_s);
        MainWindow w(m_kb);
        QCOMPARE(menuTitles(w).first(), u"&Datei"_s);
    }
};

int main(int argc, char *argv[])
{
    // The locale as `LANG=de_DE.UTF-8 doctor-dashboard` gives it (tools/dev ctest sets
    // LC_ALL=C.UTF-8, which would win). Qt reads these before QApplication exists.
    for (const char *name : { "LC_ALL", "LC_MESSAGES", "LANGUAGE" })
        qunsetenv(name);
    qputenv("LANG", "de_DE.UTF-8");
    QTemporaryDir home;
    isolateHome(home.path());
    QApplication app(argc, argv);
    TestTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translation.moc"
