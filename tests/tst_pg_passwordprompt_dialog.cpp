// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The real password dialog (PasswordPrompt, SecretStore's default prompt) on the dashboard,
// offscreen against the fixture server, which wants a password: not modal, one for every
// environment of the role, kept open (with what was typed) over F5, OK runs them, Cancel
// gives "no password given", and closing the window while it is open is clean. The prompt's
// flow through SecretStore: tst_pg_passwordprompt.
#include "mainwindow.h"
#include "passwordprompt.h"
#include "passwordpromptfixture.h"
#include "postgres/connectivitycheck.h"
#include "secretstore.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace PromptBoard;

namespace {
const QString &Connectivity = ConnectivityCheck::Id;
} // namespace

class TestPgPasswordPromptDialog : public QObject
{
    Q_OBJECT
private:
    PasswordPromptFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fx.setUp(), qPrintable(m_fx.error())); }

    // SecretStore::defaultPrompt: the real dialog, not modal, one for both environments; F5
    // while it is open keeps it (and what was typed); OK runs both and closes it.
    void realDialogAnswersEveryEnvironmentOfTheRole()
    {
        MainWindow w(m_fx.kb());
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(m_fx.three(), u"fixture"_s);
        w.runAll();
        QPointer<PasswordPrompt> prompt;
        QTRY_VERIFY_WITH_TIMEOUT(
            (prompt = w.findChild<PasswordPrompt *>()) && prompt->isVisible(), 10000);
        QCOMPARE(w.findChildren<PasswordPrompt *>().size(), 1);
        QCOMPARE(prompt->windowModality(), Qt::NonModal);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY2(
            prompt->windowTitle().contains(m_fx.pg().user()), qPrintable(prompt->windowTitle()));
        const QString question = prompt->findChild<QLabel *>(u"question"_s)->text();
        QVERIFY2(question.contains(u"alpha") && question.contains(u"beta"), qPrintable(question));
        QVERIFY(!question.contains(u"local"));
        QVERIFY(prompt->rememberForSessionBox()->isChecked());
        QVERIFY(prompt->rememberForSessionBox()->isVisible());
        QVERIFY(!prompt->rememberInKeychainBox()->isVisible()); // no keychain here
        QCOMPARE(prompt->passwordEdit()->echoMode(), QLineEdit::Password);
        // The board is usable meanwhile and the SQLite environment has run.
        QTRY_VERIFY_WITH_TIMEOUT(hasFreshResults(w, u"local"_s), 10000);
        QVERIFY(w.runAllAction()->isEnabled());

        // The waiting board and the prompt, for a person to look at.
        if (const QString shots = qEnvironmentVariable("DOCTOR_TEST_SHOTS"); !shots.isEmpty()) {
            QVERIFY(w.grab().save(shots + u"/waiting-for-password.png"_s));
            QVERIFY(prompt->grab().save(shots + u"/password-prompt.png"_s));
        }
        QTest::keyClicks(prompt->passwordEdit(), u"typed"_s);
        w.runAll(); // F5 while the prompt is open
        QTest::qWait(300);
        QVERIFY(prompt);
        QVERIFY(prompt->isVisible());
        QCOMPARE(w.findChildren<PasswordPrompt *>().size(), 1);
        QCOMPARE(prompt->passwordEdit()->text(), u"typed"_s);

        prompt->passwordEdit()->clear();
        QTest::keyClicks(prompt->passwordEdit(), m_fx.pg().password());
        for (const QString &title : windowTitles())
            QVERIFY2(!title.contains(m_fx.pg().password()), qPrintable(title));
        auto *buttons = prompt->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!prompt, 5000); // closed and deleted
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !finished.last().first().toBool(), 20000);
        QCOMPARE(result(w, u"alpha"_s, Connectivity)->status, CheckStatus::Pass);
        QCOMPARE(result(w, u"beta"_s, Connectivity)->status, CheckStatus::Pass);
        QCOMPARE(filesContaining(m_fx.home(), m_fx.pg().password().toUtf8()), QStringList());
    }

    // Cancel on the real dialog counts as the user's cancel.
    void realDialogCancelGivesNoPassword()
    {
        MainWindow w(m_fx.kb());
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments({ m_fx.onServer(u"gamma"_s, m_fx.firstDatabase()) }, u"fixture"_s);
        w.runAll();
        QPointer<PasswordPrompt> prompt;
        QTRY_VERIFY_WITH_TIMEOUT(
            (prompt = w.findChild<PasswordPrompt *>()) && prompt->isVisible(), 10000);
        auto *buttons = prompt->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!prompt, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(result(w, u"gamma"_s, Connectivity)->status, CheckStatus::NotRun);
        QCOMPARE(note(w, u"gamma"_s), u"no password given"_s);
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QVERIFY(!w.findChild<PasswordPrompt *>());
    }

    // Quitting while environments wait and a prompt is open: no crash, the prompt goes.
    void closingWhileWaitingIsClean()
    {
        auto *w = new MainWindow(m_fx.kb());
        w->show();
        w->setEnvironments(m_fx.three(), u"fixture"_s);
        w->runAll();
        QPointer<PasswordPrompt> prompt;
        QTRY_VERIFY_WITH_TIMEOUT(
            (prompt = w->findChild<PasswordPrompt *>()) && prompt->isVisible(), 10000);
        QVERIFY(w->secretStore()->isResolving());
        delete w;
        QVERIFY(!prompt);
    }
};

QTEST_MAIN(TestPgPasswordPromptDialog)
#include "tst_pg_passwordprompt_dialog.moc"
