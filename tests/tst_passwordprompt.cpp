// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// PasswordPrompt without a server: what it asks and offers, what it answers, and how
// open() wires it to a SecretStore owned below a window (as RunController owns it below the
// main window): a child of that window, OK answers, Cancel declines, a withdrawn request
// closes it without declining. On the dashboard against a server: tst_pg_passwordprompt_dialog.
#include "isolatedhome.h"
#include "passwordprompt.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Environment)

namespace {

// Needs a password (a user, none given); the store asks at once when told askAgain().
Environment locked(const QString &name)
{
    Environment e;
    e.name = name;
    e.connection.host = u"db.example"_s;
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    return e;
}

PasswordRequest request(bool keychain, const QString &notice = {})
{
    return { u"doctor@db.example:5432"_s, u"doctor on db.example:5432"_s,
        { u"prod"_s, u"<b>staging</b>"_s }, keychain, notice };
}

} // namespace

class TestPasswordPrompt : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    // A window, a plain QObject under it (as RunController) and the store under that.
    struct Owned
    {
        QWidget window;
        QObject *middle = new QObject(&window);
        SecretStore *store = new SecretStore(middle);
        QPointer<PasswordPrompt> prompt;
        explicit Owned(const QString &home)
        {
            QProcessEnvironment system;
            system.insert(u"HOME"_s, home); // no .pgpass
            store->setProcessEnvironment(system);
            store->setPrompt(
                [this](const PasswordRequest &r) { prompt = PasswordPrompt::open(store, r); });
        }
        // Asks for env's password straight away (no keychain, no probe).
        void ask(const Environment &env)
        {
            store->askAgain(env);
            store->resolve({ env });
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
    }

    // The question names the role on the server and every environment waiting (escaped);
    // the password is hidden; "remember for this session" is on; the keychain box only
    // when there is a keychain; the notice when there is one.
    void asksForTheRoleOnTheServer()
    {
        PasswordPrompt prompt(request(false, u"No keychain is available"_s));
        QCOMPARE(prompt.key(), u"doctor@db.example:5432"_s);
        QCOMPARE(prompt.windowTitle(), u"Password for doctor on db.example:5432"_s);
        QCOMPARE(prompt.windowModality(), Qt::NonModal);
        const QString question = prompt.findChild<QLabel *>(u"question"_s)->text();
        QVERIFY2(question.contains(u"<b>doctor on db.example:5432</b>"_s), qPrintable(question));
        QVERIFY2(question.contains(u"prod, &lt;b&gt;staging&lt;/b&gt;"_s), qPrintable(question));
        QCOMPARE(prompt.passwordEdit()->echoMode(), QLineEdit::Password);
        QVERIFY(prompt.rememberForSessionBox()->isChecked());
        QVERIFY(prompt.rememberInKeychainBox()->isHidden());
        QCOMPARE(prompt.findChild<QLabel *>(u"notice"_s)->text(), u"No keychain is available"_s);

        PasswordPrompt withKeychain(request(true));
        QVERIFY(!withKeychain.rememberInKeychainBox()->isHidden());
        QVERIFY(!withKeychain.findChild<QLabel *>(u"notice"_s));
        // More environments come to wait for it.
        PasswordRequest more = request(true);
        more.environments << u"dev"_s;
        withKeychain.setRequest(more);
        QVERIFY(withKeychain.findChild<QLabel *>(u"question"_s)->text().endsWith(u", dev"_s));
    }

    void answerIsWhatWasTyped()
    {
        PasswordPrompt prompt(request(true));
        QTest::keyClicks(prompt.passwordEdit(), u"s3cret"_s);
        prompt.rememberForSessionBox()->setChecked(false);
        prompt.rememberInKeychainBox()->setChecked(true);
        const PasswordAnswer a = prompt.answer();
        QCOMPARE(a.password, u"s3cret"_s);
        QVERIFY(!a.rememberForSession);
        QVERIFY(a.rememberInKeychain);
        // Without a keychain the hidden box is never an answer, whatever its state.
        PasswordPrompt noKeychain(request(false));
        noKeychain.rememberInKeychainBox()->setChecked(true);
        QVERIFY(!noKeychain.answer().rememberInKeychain);
    }

    // open(): a child of the window the store belongs to, though the store's own parent is
    // no widget; OK gives the waiting environment its password and closes the prompt.
    void okAnswersTheStore()
    {
        Owned o(m_home.path());
        QSignalSpy ready(o.store, &SecretStore::ready);
        o.ask(locked(u"prod"_s));
        QVERIFY(o.prompt);
        QCOMPARE(o.prompt->parentWidget(), &o.window);
        QVERIFY(o.prompt->isVisible());
        QCOMPARE(o.store->openPrompt(), o.prompt->key());
        QTest::keyClicks(o.prompt->passwordEdit(), u"s3cret"_s);
        o.prompt->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(ready.size(), 1);
        const auto envs = ready[0][0].value<QList<Environment>>();
        QCOMPARE(envs.size(), 1);
        QCOMPARE(envs[0].connection.password, u"s3cret"_s);
        QCOMPARE(o.store->sessionPassword(u"prod"_s), u"s3cret"_s); // remembered: box was on
        QTRY_VERIFY(!o.prompt); // closed and deleted
    }

    void cancelDeclines()
    {
        Owned o(m_home.path());
        QSignalSpy declined(o.store, &SecretStore::declined);
        o.ask(locked(u"prod"_s));
        QVERIFY(o.prompt);
        o.prompt->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(declined.size(), 1);
        QVERIFY(o.store->isDeclined(locked(u"prod"_s)));
        QTRY_VERIFY(!o.prompt);
    }

    // The run that wanted it is gone (cancel() with nothing replacing it): the prompt closes
    // on the next turn of the event loop, and that is not the user's Cancel.
    void withdrawnRequestClosesWithoutDeclining()
    {
        Owned o(m_home.path());
        QSignalSpy declined(o.store, &SecretStore::declined);
        o.ask(locked(u"prod"_s));
        QVERIFY(o.prompt);
        o.store->cancel();
        QTRY_VERIFY(!o.prompt);
        QCOMPARE(declined.size(), 0);
        QVERIFY(!o.store->isDeclined(locked(u"prod"_s)));
        QVERIFY(o.store->openPrompt().isEmpty());
    }
};

QTEST_MAIN(TestPasswordPrompt)
#include "tst_passwordprompt.moc"
