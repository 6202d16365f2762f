// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Settings dialog: Ctrl+, opens it, the theme choice applies at once and is remembered,
// no label shows a literal "&", a non-English UI says the articles are in English, and the
// run history's store is remembered (a PostgreSQL URL without its password).
#include "appearance.h"
#include "historyclient.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using Appearance::Theme;

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        Appearance::apply(Theme::System);
    }

    void cleanup()
    {
        Appearance::apply(Theme::System);
        QSettings().clear();
    }

    void noLabelShowsALiteralAmpersand()
    {
        SettingsDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        int mnemonics = 0;
        for (const QLabel *label : d.findChildren<QLabel *>()) {
            QString text = label->text();
            text.remove(u"&&"_s);
            if (!text.contains(u'&'))
                continue;
            ++mnemonics;
            // A QLabel draws its "&" as a mnemonic only when it has a buddy.
            QVERIFY2(label->buddy() != nullptr, qPrintable(label->text()));
        }
        QCOMPARE(mnemonics, 4); // language, theme, knowledge-base folders, history store
        auto *kb = d.findChild<QWidget *>(u"kbDirs"_s);
        QVERIFY(kb);
        bool kbHasLabel = false;
        for (const QLabel *label : d.findChildren<QLabel *>())
            kbHasLabel |= label->buddy() == kb;
        QVERIFY(kbHasLabel);
    }

    void themeAppliesAtOnceAndIsRemembered()
    {
        {
            SettingsDialog d;
            QCOMPARE(d.themeBox()->currentData().toString(), u"system"_s);
            d.themeBox()->setCurrentIndex(d.themeBox()->findData(u"dark"_s));
            QVERIFY(!Appearance::isDark(QApplication::palette())); // nothing before OK
            d.accept();
        }
        QCOMPARE(QSettings().value(Appearance::settingsKey()).toString(), u"dark"_s);
        QCOMPARE(Appearance::current(), Theme::Dark);
        QVERIFY(Appearance::isDark(QApplication::palette()));
        {
            SettingsDialog d;
            QCOMPARE(d.themeBox()->currentData().toString(), u"dark"_s);
            d.themeBox()->setCurrentIndex(d.themeBox()->findData(u"light"_s));
            d.reject(); // Cancel changes nothing
        }
        QCOMPARE(Appearance::current(), Theme::Dark);
        QCOMPARE(QSettings().value(Appearance::settingsKey()).toString(), u"dark"_s);
    }

    void englishArticlesNoteFollowsTheLanguage()
    {
        SettingsDialog d;
        d.languageBox()->setCurrentIndex(d.languageBox()->findData(u"de"_s));
        QVERIFY(!d.englishArticlesNote()->isHidden());
        QVERIFY(d.englishArticlesNote()->text().contains(u"English"_s)); // no translator here
        d.languageBox()->setCurrentIndex(d.languageBox()->findData(u"en"_s));
        QVERIFY(d.englishArticlesNote()->isHidden());
    }

    // Run history: on by default in the default store; a file is remembered; a PostgreSQL
    // URL is saved without its password, and the note says where the password comes from;
    // a URL libpq cannot read is not saved.
    void historyLocationRememberedWithoutPassword()
    {
        {
            SettingsDialog d;
            QVERIFY(d.recordHistoryBox()->isChecked());
            QCOMPARE(SettingsDialog::HistoryKind(d.historyKindBox()->currentData().toInt()),
                SettingsDialog::HistoryKind::Default);
            QVERIFY(!d.historyLocationEdit()->isEnabled());
            d.historyKindBox()->setCurrentIndex(
                d.historyKindBox()->findData(int(SettingsDialog::HistoryKind::Postgres)));
            QVERIFY(d.historyNote()->text().contains(u"PGPASSWORD"_s));
            QVERIFY(d.historyNote()->text().contains(u".pgpass"_s));
            d.historyLocationEdit()->setText(u"postgresql://"_s); // no host: libpq reads it
            d.historyLocationEdit()->setText(u"postgresql://ops:S3cret-Sentinel@db.example:"
                                             "5433/history?sslmode=require"_s);
            d.accept();
            QVERIFY(d.result() == QDialog::Accepted);
        }
        const QString saved = QSettings().value(HistoryClient::locationKey()).toString();
        QVERIFY2(!saved.contains(u"S3cret"_s), qPrintable(saved));
        QVERIFY2(
            saved.startsWith(u"postgresql://ops@db.example:5433/history"_s), qPrintable(saved));
        QVERIFY2(saved.contains(u"sslmode=require"_s), qPrintable(saved));
        QVERIFY(QSettings().value(HistoryClient::recordKey()).toBool());
        {
            SettingsDialog d; // reopened: the saved URL, the kind it is
            QCOMPARE(d.historyLocationEdit()->text(), saved);
            d.historyLocationEdit()->setText(u"postgresql://a b:x@[bad"_s);
            QVERIFY(d.historyNote()->text().contains(u"cannot read"_s));
            d.accept(); // refused: stays open, nothing saved
            QVERIFY(d.result() != QDialog::Accepted);
            d.historyKindBox()->setCurrentIndex(
                d.historyKindBox()->findData(int(SettingsDialog::HistoryKind::File)));
            d.historyLocationEdit()->setText(m_home.filePath(u"team.sqlite"_s));
            d.recordHistoryBox()->setChecked(false);
            QVERIFY(!d.historyKindBox()->isEnabled());
            d.accept();
        }
        QCOMPARE(QSettings().value(HistoryClient::locationKey()).toString(),
            m_home.filePath(u"team.sqlite"_s));
        QVERIFY(!QSettings().value(HistoryClient::recordKey()).toBool());
        HistoryClient client; // what the dashboard takes from them
        QCOMPARE(client.location(), m_home.filePath(u"team.sqlite"_s));
        QVERIFY(!client.isEnabled());
    }

    void ctrlCommaOpensSettings()
    {
        KbLibrary kb;
        kb.load();
        MainWindow w(kb);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        bool opened = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *d = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget())) {
                opened = true;
                d->reject();
            }
        });
        poll.start(20);
        QTimer::singleShot(5000, &poll, [&] { poll.stop(); }); // no endless wait on failure
        QTest::keyClick(&w, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(opened);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
