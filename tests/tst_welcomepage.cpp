// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// First run: the welcome page offers New environment, Sample file, Open and Demo; the
// sample file it writes is read by the real environments file reader without a complaint.
#include "config/environmentsfile.h"
#include "connectiondialog.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "welcomepage.h"

#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWelcomePage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
    }

    void firstStartShowsTheFourWays()
    {
        KbLibrary kb;
        kb.load();
        MainWindow w(kb);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *page = w.findChild<WelcomePage *>();
        QVERIFY(page);
        QVERIFY(page->isVisible());
        QStringList shown;
        for (QPushButton *b : { page->newEnvironmentButton(), page->sampleFileButton(),
                 page->openButton(), page->demoButton() }) {
            QVERIFY(b->isVisible());
            shown << b->text();
        }
        QCOMPARE(shown,
            (QStringList { u"&New environment…"_s, u"&Sample file…"_s,
                u"&Open environments file…"_s, u"Try the &demo"_s }));
    }

    void newEnvironmentOpensTheConnectionDialog()
    {
        KbLibrary kb;
        kb.load();
        MainWindow w(kb);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.findChildren<ConnectionDialog *>().isEmpty());
        QTest::mouseClick(w.findChild<WelcomePage *>()->newEnvironmentButton(), Qt::LeftButton);
        const auto dialogs = w.findChildren<ConnectionDialog *>();
        QCOMPARE(dialogs.size(), 1);
        QTRY_VERIFY(dialogs.first()->isVisible());
        QCOMPARE(dialogs.first()->windowTitle(), u"New Environment"_s);
        dialogs.first()->reject();
    }

    void sampleFileLoadsWithoutErrorsOrWarnings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"environments.yaml"_s);
        QString error;
        QVERIFY2(WelcomePage::writeSampleFile(path, &error), qPrintable(error));
        const EnvironmentsFile f = EnvironmentsFile::load(path);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QCOMPARE(f.environments.size(), 1);
        const Environment &local = f.environments.first();
        QCOMPARE(local.name, u"local"_s);
        QCOMPARE(local.deployment, DeploymentStyle::Systemd);
        QCOMPARE(local.connection.host, u"localhost"_s);
        QVERIFY(local.connection.password.isEmpty());
        QVERIFY(QFile(path).size() > 500); // commented, not a bare minimum
    }

    void sampleFileCommentedExamplesAreValidToo()
    {
        // Uncommenting the examples, as a user would, gives a file the reader accepts.
        QStringList lines = QString::fromUtf8(WelcomePage::sampleFile()).split(u'\n');
        int uncommented = 0;
        for (QString &line : lines) {
            if (line.startsWith(u"  # - "_s) || line.startsWith(u"  #   "_s)) {
                line = u"  "_s + line.mid(4);
                ++uncommented;
            }
        }
        QVERIFY(uncommented >= 8);
        const EnvironmentsFile f = EnvironmentsFile::parse(
            lines.join(u'\n').toUtf8(), u"sample.yaml"_s, QProcessEnvironment());
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QStringList names;
        for (const Environment &e : f.environments)
            names << e.name;
        QCOMPARE(names, (QStringList { u"local"_s, u"prod"_s, u"staging"_s }));
    }

    void sampleButtonWritesWhereChosenAndAsksToOpenIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"first.yaml"_s);
        WelcomePage page;
        QSignalSpy created(&page, &WelcomePage::sampleFileCreated);
        page.setSamplePathChooser([] { return QString(); }); // the user cancelled
        page.sampleFileButton()->click();
        QCOMPARE(created.size(), 0);
        page.setSamplePathChooser([&] { return path; });
        page.sampleFileButton()->click();
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().first().toString(), path);
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), WelcomePage::sampleFile());
    }

    void unwritableSamplePathIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing-folder/envs.yaml"_s);
        QString error;
        QVERIFY(!WelcomePage::writeSampleFile(path, &error));
        QVERIFY2(error.contains(u"missing-folder"_s), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
