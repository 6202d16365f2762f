// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The German translation is built, embedded and chosen from the locale (as with
// LANG=de_DE.UTF-8), or overridden in Settings; it reaches the menus, the results' status,
// the welcome page and the Settings dialog, which says the articles stay English, and
// the badges: the remediation panel's status and severity, the results' summary counts and
// the environment list's worst result are German words, not the JSON keys ("fail", "warn");
// the deployment names in the fix tabs, the environment list and the connection dialog are
// German too, while the CLI's JSON keeps Deployment::title()'s English.
#include "connectiondialog.h"
#include "deploymenttext.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kbfixchoice.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "remediationpanel.h"
#include "report/resultjson.h"
#include "resultsmodel.h"
#include "resultsproxymodel.h"
#include "settingsdialog.h"
#include "translator.h"
#include "welcomepage.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
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

    void germanBadgesAndSummary()
    {
        QCOMPARE(UiTranslator::install(qApp), u"de"_s);
        Environment env;
        env.name = u"prod"_s;
        env.deployment = DeploymentStyle::Systemd;
        CheckResult failed;
        failed.environment = env.name;
        failed.checkId = u"check.postgres.connectivity"_s;
        failed.status = CheckStatus::Fail;
        failed.evidence = { { u"Reachable"_s, false } };
        failed.message = u"Connection refused"_s;
        failed.checkedAt = QDateTime::currentDateTime();

        // The panel's badges: the status first, then the article's severity.
        RemediationPanel panel;
        panel.showResult(m_kb.article(failed.checkId), failed, &env);
        const QStringList badges = panel.badgesText().split(u' ');
        QVERIFY2(badges.value(0) == u"Fehlgeschlagen"_s, qPrintable(panel.badgesText()));
        QVERIFY2(panel.badgesText().contains(u"Schweregrad: Fehlschlag"_s),
            qPrintable(panel.badgesText()));
        QVERIFY2(!badges.contains(u"fail"_s), qPrintable(panel.badgesText()));
        // The line above the evidence: "prod · Fehlgeschlagen — Connection refused".
        bool messageLine = false;
        for (const QLabel *l : panel.findChildren<QLabel *>())
            messageLine = messageLine || l->text().contains(u"prod · Fehlgeschlagen"_s);
        QVERIFY(messageLine);

        // The summary line above the results table counts in German.
        ResultsModel results;
        results.upsert(failed);
        CheckResult passed = failed;
        passed.status = CheckStatus::Pass;
        for (const QString &id : { u"check.postgres.pool"_s, u"check.postgres.migrations"_s }) {
            passed.checkId = id;
            results.upsert(passed);
        }
        ResultsProxyModel proxy;
        proxy.setSourceModel(&results);
        const QString summary = proxy.summary();
        QVERIFY2(
            summary.startsWith(u"1 fehlgeschlagen · 2 bestanden, geprüft "_s), qPrintable(summary));

        // The environment list's tooltip and accessible text name the worst status.
        EnvironmentsModel environments;
        environments.setEnvironments({ env });
        environments.setWorstStatus(env.name, CheckStatus::Fail);
        const QString tip = environments.index(1).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Schlechtestes Ergebnis: Fehlgeschlagen"_s), qPrintable(tip));
        const QString spoken = environments.index(1).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(u"schlechtestes Ergebnis Fehlgeschlagen"_s), qPrintable(spoken));
    }

    // Deployment names: German where the UI shows them, English in the CLI's JSON.
    void germanDeploymentNames()
    {
        QCOMPARE(UiTranslator::install(qApp), u"de"_s);
        const int systemd = int(Deployment::all().indexOf(DeploymentStyle::Systemd));
        QVERIFY(systemd >= 0);

        RemediationPanel panel;
        QCOMPARE(panel.fixTabs()->tabText(systemd), u"Bare Metal / systemd"_s);

        Environment env;
        env.name = u"prod"_s;
        env.deployment = DeploymentStyle::Systemd;
        EnvironmentsModel environments;
        environments.setEnvironments({ env });
        const QString line = environments.index(1).data().toString();
        QVERIFY2(line.contains(u"Bare Metal / systemd"_s), qPrintable(line));
        const QString tip = environments.index(1).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Bare Metal / systemd"_s), qPrintable(tip));

        ConnectionDialog dialog({});
        auto *combo = dialog.findChild<QComboBox *>(u"deployment"_s);
        QVERIFY(combo);
        const int item = combo->findData(int(DeploymentStyle::Systemd));
        QVERIFY(item >= 0);
        QCOMPARE(combo->itemText(item), u"Bare Metal / systemd"_s);

        // The CLI and the JSON stay English under the same translator: a fix block without a
        // caption is titled by its deployment style, from doctor_core.
        QCOMPARE(Deployment::title(DeploymentStyle::Systemd), u"Bare metal / systemd"_s);
        KbArticle article;
        article.checkId = u"check.postgres.connectivity"_s;
        KbCodeBlock block;
        block.language = u"bash"_s;
        block.text = u"sudo systemctl start postgresql"_s;
        block.deployment = DeploymentStyle::Systemd;
        block.fix = true;
        article.codeBlocks = { block };
        CheckResult failed;
        failed.environment = env.name;
        failed.checkId = article.checkId;
        failed.status = CheckStatus::Fail;
        failed.remediation.fixes = KbFixChoice::suggestions(article, failed, {});
        const QJsonArray fixes = ResultJson::toJson(failed)
                                     .value(u"remediation"_s)
                                     .toObject()
                                     .value(u"fixes"_s)
                                     .toArray();
        QCOMPARE(fixes.size(), 1);
        QCOMPARE(fixes.at(0).toObject().value(u"title"_s).toString(), u"Bare metal / systemd"_s);
    }

    void englishChosenInSettingsWins()
    {
        QSettings().setValue(SettingsDialog::languageKey(), u"en"_s);
        QCOMPARE(UiTranslator::install(qApp), u"en"_s);
        MainWindow w(m_kb);
        QCOMPARE(menuTitles(w), (QStringList { u"&File"_s, u"&Run"_s, u"&View"_s, u"&Help"_s }));
        QCOMPARE(ResultsModel::statusText(CheckStatus::Fail), u"Fail"_s);
        QCOMPARE(DeploymentText::title(DeploymentStyle::Systemd), u"Bare metal / systemd"_s);
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
