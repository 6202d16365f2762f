// The German translation is built, embedded, chosen from Settings and reaches the menus.
#include "kblibrary.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "translator.h"

#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanFromSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().setValue(SettingsDialog::languageKey(), u"de"_s);
        QCOMPARE(UiTranslator::install(qApp), u"de"_s);
        KbLibrary kb;
        kb.load();
        MainWindow w(kb);
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList { u"&Datei"_s, u"&Prüfen"_s, u"&Ansicht"_s, u"&Hilfe"_s }));
        QCOMPARE(w.runAllAction()->text(), u"&Alle prüfen"_s);
        QSettings().remove(SettingsDialog::languageKey());
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
