// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Password prompts on the dashboard (issue 12, item 4), offscreen with real widgets and the
// real runner against the fixture server, which wants a password (scram-sha-256), the
// prompt answered through SecretStore: what needs no password runs at once, one prompt per
// server and role, "remember for this session", a cancelled prompt gives "no password
// given" until the user asks again, and a trust server is not asked for. The real dialog:
// tst_pg_passwordprompt_dialog.
#include "engine/checkregistry.h"
#include "mainwindow.h"
#include "passwordpromptfixture.h"
#include "postgres/connectivitycheck.h"
#include "privatepgserver.h"
#include "remediationpanel.h"
#include "secretstore.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace PromptBoard;

namespace {
const QString &Connectivity = ConnectivityCheck::Id;
} // namespace

class TestPgPasswordPrompt : public QObject
{
    Q_OBJECT
private:
    PasswordPromptFixture m_fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fx.setUp(), qPrintable(m_fx.error())); }

    // Three environments, two sharing a server and role: exactly one prompt, for both; the
    // SQLite one has its results before it is answered; the answer runs both.
    void onePromptPerServerAndRoleWhileTheRestRuns()
    {
        MainWindow w(m_fx.kb());
        w.show();
        SecretStore *store = w.secretStore();
        QList<PasswordRequest> asked;
        store->setPrompt([&](const PasswordRequest &r) { asked << r; });
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(m_fx.three(), u"fixture"_s);
        w.runAll();

        QTRY_VERIFY_WITH_TIMEOUT(hasFreshResults(w, u"local"_s), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 10000);
        QCOMPARE(asked[0].key, m_fx.key());
        QCOMPARE(asked[0].environments, QStringList({ u"alpha"_s, u"beta"_s }));
        QVERIFY(!asked[0].target.contains(m_fx.pg().password()));
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

        store->answer(asked[0].key, PasswordAnswer { m_fx.pg().password(), true, false });
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

        const QByteArray secret = m_fx.pg().password().toUtf8();
        for (const QString &title : windowTitles())
            QVERIFY2(!title.contains(m_fx.pg().password()), qPrintable(title));
        QCOMPARE(filesContaining(m_fx.home(), secret), QStringList());
    }

    // Cancel: both environments "no password given" (not an authentication failure, no
    // fixes), F5 does not ask again, Run Selected Environment and Enter Password… do.
    void cancelledPromptIsNotRepeatedUntilAskedFor()
    {
        MainWindow w(m_fx.kb());
        w.show();
        SecretStore *store = w.secretStore();
        QList<PasswordRequest> asked;
        store->setPrompt([&](const PasswordRequest &r) { asked << r; });
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.setEnvironments(m_fx.three(), u"fixture"_s);
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
        store->answer(asked[2].key, PasswordAnswer { m_fx.pg().password(), false, false });
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

        MainWindow w(m_fx.kb());
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
