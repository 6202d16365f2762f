// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbfixchoice.h"
#include "kb/kblibrary.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;

CheckResult result(const QString &checkId, CheckStatus status, const Evidence &evidence,
    const QString &message = u"m"_s)
{
    CheckResult r;
    r.environment = u"env"_s;
    r.checkId = checkId;
    r.status = status;
    r.evidence = evidence;
    r.message = message;
    return r;
}

// What the connectivity check reports for a wrong password (tst_pg_wrongpassword shows
// the real check does).
CheckResult wrongPassword()
{
    return result(Connectivity, CheckStatus::Fail,
        { { u"Reachable"_s, true }, { u"Authenticated"_s, false },
            { u"ConnectFailure"_s, u"AuthenticationFailed"_s } });
}

QString shown(const KbCodeBlock &b)
{
    return b.caption + u'\n' + b.text;
}

} // namespace

class TestKbFixChoice : public QObject
{
    Q_OBJECT
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        m_kb.load();
        QVERIFY2(m_kb.errors().isEmpty(), qPrintable(m_kb.errors().join(u'\n')));
        QVERIFY(m_kb.article(Connectivity));
    }

    // The trial's wrong password: the first fix of every deployment style is about the
    // password, none starts the server or touches listen_addresses.
    void wrongPasswordGetsThePasswordFirst_data()
    {
        QTest::addColumn<DeploymentStyle>("style");
        for (DeploymentStyle s : Deployment::all())
            QTest::newRow(qPrintable(Deployment::key(s))) << s;
    }

    void wrongPasswordGetsThePasswordFirst()
    {
        QFETCH(DeploymentStyle, style);
        const CheckResult r = wrongPassword();
        const KbFixChoice c = KbFixChoice::choose(*m_kb.article(Connectivity), style, &r);
        QCOMPARE(c.verdict, KbFixChoice::Verdict::Chosen);
        QVERIFY(c.matching.size() >= 3);
        QVERIFY2(shown(c.matching.first()).contains(u"password"_s),
            qPrintable(shown(c.matching.first())));
        bool setsPassword = false, hba = false;
        for (const KbCodeBlock &b : c.matching) {
            QVERIFY2(!b.text.contains(u"systemctl start"_s), qPrintable(b.text));
            QVERIFY2(!b.text.contains(u"listen_addresses"_s), qPrintable(b.text));
            QVERIFY2(!b.text.contains(u"pg_isready"_s), qPrintable(b.text));
            setsPassword = setsPassword || b.text.contains(u"\\password <db-user>"_s);
            hba = hba || b.text.contains(u"pg_hba_file_rules"_s);
        }
        QVERIFY(setsPassword);
        QVERIFY(hba);
        // The server-down blocks are folded, not lost.
        QVERIFY(!c.other.isEmpty());
        for (const KbCodeBlock &b : c.other)
            QVERIFY2(!b.appliesTo(r.evidence), qPrintable(b.text));
        // Matching and folded together are the article's blocks, each in the article's order.
        const QList<KbCodeBlock> all = m_kb.article(Connectivity)->fixesFor(style);
        QCOMPARE(c.matching.size() + c.other.size(), all.size());
        int last = 0;
        for (const KbCodeBlock &b : c.matching) {
            QVERIFY(b.line > last);
            last = b.line;
        }
    }

    // Connection refused: the server's state first, and no password advice.
    void serverDownGetsTheServerFirst()
    {
        const CheckResult r = result(Connectivity, CheckStatus::Fail,
            { { u"Reachable"_s, false }, { u"ConnectFailure"_s, u"ConnectionRefused"_s } });
        const KbFixChoice systemd
            = KbFixChoice::choose(*m_kb.article(Connectivity), DeploymentStyle::Systemd, &r);
        QVERIFY(systemd.matching.first().text.contains(u"sudo systemctl start postgresql"_s));
        for (DeploymentStyle style : Deployment::all()) {
            const KbFixChoice c = KbFixChoice::choose(*m_kb.article(Connectivity), style, &r);
            QVERIFY(!c.matching.isEmpty());
            for (const KbCodeBlock &b : c.matching)
                QVERIFY2(!b.text.contains(u"\\password"_s), qPrintable(b.text));
        }
    }

    // Refusals that say nothing against the password (pg_hba.conf turns the connection away
    // before it is asked for; NOLOGIN and CONNECT are checked after it was accepted): no
    // password advice, and the block that fits the refusal is offered.
    void refusalsThatAreNotThePassword_data()
    {
        QTest::addColumn<DeploymentStyle>("style");
        QTest::addColumn<QString>("failure");
        QTest::addColumn<QVariant>("authenticated");
        QTest::addColumn<QString>("expect");
        for (DeploymentStyle s : Deployment::all()) {
            const QString k = Deployment::key(s);
            QTest::newRow(qPrintable(k + u" hba"_s))
                << s << u"HbaRejected"_s << QVariant() << u"pg_hba"_s;
            QTest::newRow(qPrintable(k + u" nologin"_s))
                << s << u"LoginNotPermitted"_s << QVariant(true) << u"LOGIN"_s;
            QTest::newRow(qPrintable(k + u" connect"_s))
                << s << u"NoConnectPrivilege"_s << QVariant(true) << u"CONNECT"_s;
        }
    }
    void refusalsThatAreNotThePassword()
    {
        QFETCH(DeploymentStyle, style);
        QFETCH(QString, failure);
        QFETCH(QVariant, authenticated);
        QFETCH(QString, expect);
        Evidence e { { u"Reachable"_s, true }, { u"ConnectFailure"_s, failure } };
        if (authenticated.isValid())
            e.append({ u"Authenticated"_s, authenticated });
        const CheckResult r = result(Connectivity, CheckStatus::Fail, e);
        const KbFixChoice c = KbFixChoice::choose(*m_kb.article(Connectivity), style, &r);
        QCOMPARE(c.verdict, KbFixChoice::Verdict::Chosen);
        QVERIFY(!c.matching.isEmpty());
        bool fits = false;
        for (const KbCodeBlock &b : c.matching) {
            QVERIFY2(!b.text.contains(u"\\password"_s), qPrintable(b.text));
            QVERIFY2(!b.text.contains(u"systemctl start"_s), qPrintable(b.text));
            fits = fits || shown(b).contains(expect);
        }
        QVERIFY2(fits, qPrintable(expect));
    }

    // The JSON report's remediation.fixes are the same choice, for every style in turn.
    void suggestionsAreTheMatchingBlocks()
    {
        const CheckResult r = wrongPassword();
        const QList<FixSuggestion> fixes = KbFixChoice::suggestions(
            *m_kb.article(Connectivity), r, { { u"db-user"_s, u"stella"_s } });
        QList<DeploymentStyle> firstOf;
        for (const FixSuggestion &f : fixes) {
            QVERIFY2(!f.command.contains(u"systemctl start"_s), qPrintable(f.command));
            if (!firstOf.contains(f.deployment)) {
                firstOf << f.deployment;
                QVERIFY2(QString(f.title + f.command).contains(u"password"_s), qPrintable(f.title));
            }
        }
        QCOMPARE(firstOf, Deployment::all());
        QVERIFY(std::any_of(fixes.cbegin(), fixes.cend(),
            [](const FixSuggestion &f) { return f.command.contains(u"\\password stella"_s); }));
    }

    void passingChecksHaveNothingToDo_data()
    {
        QTest::addColumn<QString>("checkId");
        QTest::addColumn<Evidence>("evidence");
        QTest::newRow("migrations up to date")
            << Migrations
            << Evidence { { u"TableExists"_s, true }, { u"PendingCount"_s, 0 },
                   { u"Status"_s, u"up-to-date"_s } };
        // Pass with evidence a fix block would match: the status decides, not the blocks.
        QTest::newRow("pool pass, always blocks")
            << Pool << Evidence { { u"IdleInTransaction"_s, 0 } };
        QTest::newRow("connectivity pass")
            << Connectivity << Evidence { { u"Reachable"_s, true }, { u"Authenticated"_s, true } };
    }

    void passingChecksHaveNothingToDo()
    {
        QFETCH(QString, checkId);
        QFETCH(Evidence, evidence);
        const CheckResult r = result(checkId, CheckStatus::Pass, evidence);
        for (DeploymentStyle style : Deployment::all()) {
            const KbFixChoice c = KbFixChoice::choose(*m_kb.article(checkId), style, &r);
            QCOMPARE(c.verdict, KbFixChoice::Verdict::NothingToDo);
            QVERIFY(c.matching.isEmpty());
            QVERIFY(c.other.isEmpty());
        }
        QVERIFY(KbFixChoice::suggestions(*m_kb.article(checkId), r, {}).isEmpty());
    }

    // Skipped and not run (and any status added later): the reason, never a command.
    void checksThatDidNotRunSayWhy_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("skipped") << int(CheckStatus::Skipped);
        for (int s = int(CheckStatus::Skipped) + 1; !Status::key(CheckStatus(s)).isEmpty(); ++s)
            QTest::newRow(qPrintable(Status::key(CheckStatus(s)))) << s;
    }

    void checksThatDidNotRunSayWhy()
    {
        QFETCH(int, status);
        const CheckResult r = result(Pool, CheckStatus(status), { { u"IdleInTransaction"_s, 9 } },
            u"not run: no connection"_s);
        const KbFixChoice c
            = KbFixChoice::choose(*m_kb.article(Pool), DeploymentStyle::Systemd, &r);
        QCOMPARE(c.verdict, KbFixChoice::Verdict::NotRun);
        QCOMPARE(c.reason, u"not run: no connection"_s);
        QVERIFY(c.matching.isEmpty());
        QVERIFY(KbFixChoice::suggestions(*m_kb.article(Pool), r, {}).isEmpty());
    }

    void pendingMigrationsGetTheMigrate()
    {
        const CheckResult r = result(Migrations, CheckStatus::Warn,
            { { u"TableExists"_s, true }, { u"PendingCount"_s, 3 } });
        const KbFixChoice c
            = KbFixChoice::choose(*m_kb.article(Migrations), DeploymentStyle::Kubernetes, &r);
        // Every fix for pending migrations, none of those for a migration lock (issue 16).
        qsizetype forPending = 0;
        for (const KbCodeBlock &b : m_kb.article(Migrations)->fixesFor(DeploymentStyle::Kubernetes))
            forPending += b.when && b.when->text.contains(u"PendingCount"_s) ? 1 : 0;
        QVERIFY(forPending >= 3);
        QCOMPARE(c.matching.size(), forPending);
        // An error reading the history matches no fix: the message says what to do.
        const CheckResult e = result(Migrations, CheckStatus::Error,
            { { u"SqlState"_s, u"42501"_s }, { u"Error"_s, u"permission denied"_s } });
        const KbFixChoice none
            = KbFixChoice::choose(*m_kb.article(Migrations), DeploymentStyle::Kubernetes, &e);
        QCOMPARE(none.verdict, KbFixChoice::Verdict::Chosen);
        QVERIFY(none.matching.isEmpty());
        QCOMPARE(none.other.size(),
            m_kb.article(Migrations)->fixesFor(DeploymentStyle::Kubernetes).size());
    }

    void idleInTransactionGetsTheTerminate()
    {
        const CheckResult r = result(Pool, CheckStatus::Warn,
            { { u"UsagePercent"_s, 20.0 }, { u"IdleInTransaction"_s, 7 },
                { u"LongestTransactionSeconds"_s, 90.0 } });
        const KbFixChoice c
            = KbFixChoice::choose(*m_kb.article(Pool), DeploymentStyle::Compose, &r);
        QVERIFY(std::any_of(c.matching.cbegin(), c.matching.cend(),
            [](const KbCodeBlock &b) { return b.text.contains(u"pg_terminate_backend"_s); }));
        // Usage is low: nothing raises max_connections or shrinks the pools.
        for (const KbCodeBlock &b : c.matching)
            QVERIFY2(!b.text.contains(u"Maximum Pool Size"_s), qPrintable(b.text));
    }

    void noResultShowsEveryBlock()
    {
        const KbFixChoice c
            = KbFixChoice::choose(*m_kb.article(Connectivity), DeploymentStyle::Compose, nullptr);
        QCOMPARE(c.verdict, KbFixChoice::Verdict::Article);
        QCOMPARE(c.matching.size(),
            m_kb.article(Connectivity)->fixesFor(DeploymentStyle::Compose).size());
    }
};

QTEST_GUILESS_MAIN(TestKbFixChoice)
#include "tst_kbfixchoice.moc"
