// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Password prompts on the dashboard (issue 12, item 4), offscreen with real widgets and the
// real runner against the fixture server, which wants a password (scram-sha-256): what
// needs no password runs at once, one prompt per server and role, not modal, "remember for
// this session", and a cancelled prompt gives "no password given" until the user asks again.
#include "engine/checkregistry.h"
#include "environmentsmodel.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "mainwindow.h"
#include "passwordprompt.h"
#include "pgserver.h"
#include "privatepgserver.h"
#include "remediationpanel.h"
#include "resultsmodel.h"
#include "secretstore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString Connectivity = u"check.postgres.connectivity"_s;

// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

QString note(const MainWindow &w, const QString &env)
{
    const EnvironmentsModel *m = w.environmentsModel();
    for (int r = 1; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r);
        if (i.data(EnvironmentsModel::EnvironmentNameRole).toString() == env)
            return i.data(EnvironmentsModel::NoteRole).toString();
    }
    return u"(no such environment)"_s;
}

void selectEnvironment(MainWindow &w, const QString &env)
{
    const EnvironmentsModel *m = w.environmentsModel();
    for (int r = 1; r < m->rowCount(); ++r) {
        if (m->index(r).data(EnvironmentsModel::EnvironmentNameRole).toString() == env)
            w.environmentsView()->setCurrentIndex(m->index(r));
    }
}

const CheckResult *result(const MainWindow &w, const QString &env, const QString &check)
{
    const int row = w.resultsModel()->rowOf(env, check);
    return row < 0 ? nullptr : w.resultsModel()->resultAt(row);
}

// The environment has a result for every check, none of them greyed as the last run's.
bool hasFreshResults(const MainWindow &w, const QString &env)
{
    int fresh = 0;
    for (int r = 0; r < w.resultsModel()->rowCount(); ++r) {
        if (w.resultsModel()->resultAt(r)->environment == env && !w.resultsModel()->isStale(r))
            ++fresh;
    }
    return fresh == CheckRegistry::builtin().checks().size();
}

QStringList windowTitles()
{
    QStringList titles;
    for (QWidget *w : QApplication::topLevelWidgets())
        titles << w->windowTitle();
    return titles;
}
} // namespace

class TestPgPasswordPrompt : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    KbLibrary m_kb;
    PgServer m_pg;
    QString m_db1;
    QString m_db2;
    QString m_sqlite;

    // On the fixture server as its superuser, without the password: the server asks.
    Environment onServer(const QString &name, const QString &database) const
    {
        Environment e = m_pg.environment(name, database);
        e.connection.password.clear();
        return e;
    }
    // alpha and beta share host, port and user (other databases); local is SQLite.
    QList<Environment> three() const
    {
        Environment local;
        local.name = u"local"_s;
        local.connection.driver = ConnectionSpec::Driver::Sqlite;
        local.connection.database = m_sqlite;
        return { onServer(u"alpha"_s, m_db1), onServer(u"beta"_s, m_db2), local };
    }
    QString key() const
    {
        return u"%1@%2:%3"_s.arg(m_pg.user(), m_pg.host().toLower()).arg(m_pg.port());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // no keychain, no PGPASSWORD, no .pgpass
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db1 = m_pg.createDatabase(u"prompt"_s);
        m_db2 = m_pg.createDatabase(u"prompt"_s);
        QVERIFY(!m_db1.isEmpty() && !m_db2.isEmpty());
        m_sqlite = m_home.filePath(u"local.db"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"make"_s);
            db.setDatabaseName(m_sqlite);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" "
                                       "TEXT PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL)"_s));
        }
        QSqlDatabase::removeDatabase(u"make"_s);
    }

    // Three environments, two sharing a server and role: exactly one prompt, for both; the
    // SQLite one has its results before it is answered; the answer runs both.
    void onePromptPerServerAndRoleWhileTheRestRuns()
    {
        MainWindow w(m_kb);
        w.show();
        SecretStore *store = w.secretStore();
        QList<PasswordRequest> asked;
        store->setPrompt([&](const PasswordRequest &r) { asked << r; });
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(three(), u"fixture"_s);
        w.runAll();

        QTRY_VERIFY_WITH_TIMEOUT(hasFreshResults(w, u"local"_s), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 10000);
        QCOMPARE(asked[0].key, key());
        QCOMPARE(asked[0].environments, QStringList({ u"alpha"_s, u"beta"_s }));
        QVERIFY(!asked[0].target.contains(m_pg.password()));
        QVERIFY(!asked[0].notice.isEmpty()); // no keychain here: said once
        // Unanswered: the two wait, shown so, and the refresh is not over.
        QVERIFY(!result(w, u"alpha"_s, Connectivity));
        QVERIFY(!result(w, u"beta"_s, Connectivity));
        QCOMPARE(note(w, u"alpha"_s), u"waiting for password"_s);
        QCOMPARE(note(w, u"beta"_s), u"waiting for password"_s);
        QCOMPARE(note(w, u"local"_s), QString());
        QVERIFY2(
            w.progressLabel()->text().contains(u"alpha"), qPrintable(w.progressLabel()->text()));
        QVERIFY(w.cancelAction()->isEnabled());
        QTest::qWait(300);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(finished.size(), 0);

        store->answer(asked[0].key, PasswordAnswer { m_pg.password(), true, false });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY(!finished[0][0].toBool());
        for (const QString &env : { u"alpha"_s, u"beta"_s }) {
            const CheckResult *r = result(w, env, Connectivity);
            QVERIFY2(r, qPrintable(env));
            QVERIFY2(r->status == CheckStatus::Pass, qPrintable(env + u": "_s + r->message));
            QCOMPARE(note(w, env), QString());
        }
        QVERIFY(hasFreshResults(w, u"local"_s));

        // Remembered for this session: F5 asks nothing and runs everything.
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(result(w, u"beta"_s, Connectivity)->status, CheckStatus::Pass);

        const QByteArray secret = m_pg.password().toUtf8();
        for (const QString &title : windowTitles())
            QVERIFY2(!title.contains(m_pg.password()), qPrintable(title));
        QCOMPARE(filesContaining(m_home.path(), secret), QStringList());
    }

    // Cancel: both environments "no password given" (not an authentication failure, no
    // fixes), F5 does not ask again, Run Selected Environment and Enter Password… do.
    void cancelledPromptIsNotRepeatedUntilAskedFor()
    {
        MainWindow w(m_kb);
        w.show();
        SecretStore *store = w.secretStore();
        QList<PasswordRequest> asked;
        store->setPrompt([&](const PasswordRequest &r) { asked << r; });
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(three(), u"fixture"_s);
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(hasFreshResults(w, u"local"_s), 10000);
        store->decline(asked[0].key);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(!finished[0][0].toBool());

        const auto checkNoPassword = [&](const QString &env) {
            QVERIFY(hasFreshResults(w, env));
            for (const Check *check : CheckRegistry::builtin().checks()) {
                const CheckResult *r = result(w, env, check->id());
                QVERIFY(r);
                QCOMPARE(r->status, CheckStatus::NotRun);
                QVERIFY2(r->message.contains(u"no password given"), qPrintable(r->message));
                QVERIFY(r->remediation.fixes.isEmpty());
            }
            QCOMPARE(note(w, env), u"no password given"_s);
        };
        checkNoPassword(u"alpha"_s);
        checkNoPassword(u"beta"_s);
        // The panel says why instead of offering an authentication fix.
        QVERIFY(w.selectResult(u"alpha"_s, Connectivity));
        for (DeploymentStyle style : Deployment::all())
            QVERIFY(w.remediationPanel()->codeBlocks(style).isEmpty());

        // F5: no prompt; the two stay "no password given"; the refresh still ends.
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QTest::qWait(200);
        QCOMPARE(asked.size(), 1);
        checkNoPassword(u"alpha"_s);
        checkNoPassword(u"beta"_s);

        // Run Selected Environment on one of them asks again, for that one.
        selectEnvironment(w, u"beta"_s);
        w.runSelected();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 10000);
        QCOMPARE(asked[1].environments, QStringList({ u"beta"_s }));
        QCOMPARE(note(w, u"beta"_s), u"waiting for password"_s);
        store->decline(asked[1].key);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
        QCOMPARE(note(w, u"beta"_s), u"no password given"_s);

        // Enter Password… (the environment's context menu) asks again and runs it.
        selectEnvironment(w, u"alpha"_s);
        QVERIFY(w.environmentsView()->actions().contains(w.enterPasswordAction()));
        QVERIFY(w.enterPasswordAction()->isEnabled());
        w.enterPasswordAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 3, 10000);
        QCOMPARE(asked[2].environments, QStringList({ u"alpha"_s }));
        store->answer(asked[2].key, PasswordAnswer { m_pg.password(), false, false });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 20000);
        QCOMPARE(result(w, u"alpha"_s, Connectivity)->status, CheckStatus::Pass);
        QCOMPARE(note(w, u"alpha"_s), QString());
        QCOMPARE(result(w, u"beta"_s, Connectivity)->status, CheckStatus::NotRun); // not rerun

        // Not remembered, and no longer refused: the next F5 asks, for both.
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 4, 10000);
        QCOMPARE(asked[3].environments, QStringList({ u"alpha"_s, u"beta"_s }));
        w.cancelRun();
        QVERIFY(!store->isResolving());
        QCOMPARE(note(w, u"alpha"_s), QString());
    }

    // SecretStore::defaultPrompt: the real dialog, not modal, one for both environments; F5
    // while it is open keeps it (and what was typed); OK runs both and closes it.
    void realDialogAnswersEveryEnvironmentOfTheRole()
    {
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(three(), u"fixture"_s);
        w.runAll();
        QPointer<PasswordPrompt> prompt;
        QTRY_VERIFY_WITH_TIMEOUT(
            (prompt = w.findChild<PasswordPrompt *>()) && prompt->isVisible(), 10000);
        QCOMPARE(w.findChildren<PasswordPrompt *>().size(), 1);
        QCOMPARE(prompt->windowModality(), Qt::NonModal);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY2(prompt->windowTitle().contains(m_pg.user()), qPrintable(prompt->windowTitle()));
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
        QTest::keyClicks(prompt->passwordEdit(), m_pg.password());
        for (const QString &title : windowTitles())
            QVERIFY2(!title.contains(m_pg.password()), qPrintable(title));
        auto *buttons = prompt->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!prompt, 5000); // closed and deleted
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !finished.last().first().toBool(), 20000);
        QCOMPARE(result(w, u"alpha"_s, Connectivity)->status, CheckStatus::Pass);
        QCOMPARE(result(w, u"beta"_s, Connectivity)->status, CheckStatus::Pass);
        QCOMPARE(filesContaining(m_home.path(), m_pg.password().toUtf8()), QStringList());
    }

    // Cancel on the real dialog counts as the user's cancel.
    void realDialogCancelGivesNoPassword()
    {
        MainWindow w(m_kb);
        w.show();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments({ onServer(u"gamma"_s, m_db1) }, u"fixture"_s);
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
        auto *w = new MainWindow(m_kb);
        w->show();
        w->setEnvironments(three(), u"fixture"_s);
        w->runAll();
        QPointer<PasswordPrompt> prompt;
        QTRY_VERIFY_WITH_TIMEOUT(
            (prompt = w->findChild<PasswordPrompt *>()) && prompt->isVisible(), 10000);
        QVERIFY(w->secretStore()->isResolving());
        delete w;
        QVERIFY(!prompt);
    }

    // A server that lets the role in on trust gets no prompt (PasswordProbe), although no
    // password is configured anywhere.
    void trustServerIsNotAskedFor()
    {
        PrivatePgServer server;
        QVERIFY2(server.isValid(), qPrintable(server.error()));
        const PgServer &pg = server.server();
        QCOMPARE(pg.exec(u"postgres"_s, { u"CREATE ROLE trusted LOGIN"_s }), QString());
        QCOMPARE(server.writeHba(
                     { u"local all all scram-sha-256"_s, u"host all trusted 127.0.0.1/32 trust"_s,
                         u"host all all 127.0.0.1/32 scram-sha-256"_s }),
            QString());
        Environment trusted = pg.environment(u"trusted"_s, u"postgres"_s);
        trusted.connection.user = u"trusted"_s;
        trusted.connection.password.clear();
        Environment asking = pg.environment(u"asking"_s, u"postgres"_s);
        asking.connection.password.clear();

        MainWindow w(m_kb);
        w.show();
        QList<PasswordRequest> asked;
        w.secretStore()->setPrompt([&](const PasswordRequest &r) { asked << r; });
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments({ trusted, asking }, u"private"_s);
        w.runAll();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 10000);
        QCOMPARE(asked[0].environments, QStringList({ u"asking"_s }));
        QTRY_VERIFY_WITH_TIMEOUT(hasFreshResults(w, u"trusted"_s), 10000);
        QCOMPARE(result(w, u"trusted"_s, Connectivity)->status, CheckStatus::Pass);
        w.secretStore()->decline(asked[0].key);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(asked.size(), 1);
    }
};

QTEST_MAIN(TestPgPasswordPrompt)
#include "tst_pg_passwordprompt.moc"
