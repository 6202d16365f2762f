// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The remediation panel offers the fixes chosen by the result's evidence (KbFixChoice),
// folds the others away, and offers no command for a pass or a check that did not run.
#include "codeblockview.h"
#include "kb/kblibrary.h"
#include "remediationpanel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

const QString Connectivity = u"check.postgres.connectivity"_s;
const QString Migrations = u"check.postgres.migrations"_s;
const QString Pool = u"check.postgres.pool"_s;

CheckResult result(
    const QString &checkId, CheckStatus status, const Evidence &evidence, const QString &message)
{
    CheckResult r;
    r.environment = u"analytics"_s;
    r.checkId = checkId;
    r.status = status;
    r.evidence = evidence;
    r.message = message;
    return r;
}

Environment environment(DeploymentStyle style)
{
    Environment e;
    e.name = u"analytics"_s;
    e.deployment = style;
    e.placeholders = { { u"db-user"_s, u"stella"_s }, { u"db-host"_s, u"db.internal"_s } };
    return e;
}

} // namespace

class TestRemediationPanel : public QObject
{
    Q_OBJECT
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase() { m_kb.load(); }

    void wrongPasswordFoldsTheServerFixes()
    {
        RemediationPanel panel;
        panel.resize(700, 900);
        panel.setVisible(true);
        const Environment env = environment(DeploymentStyle::Systemd);
        const CheckResult r = result(Connectivity, CheckStatus::Fail,
            { { u"Reachable"_s, true }, { u"Authenticated"_s, false },
                { u"ConnectFailure"_s, u"AuthenticationFailed"_s } },
            u"Authentication failed"_s);
        panel.show(m_kb.article(Connectivity), r, &env);
        QCOMPARE(panel.fixTabs()->currentIndex(), int(DeploymentStyle::Systemd));

        const QList<CodeBlockView *> shown = panel.codeBlocks(DeploymentStyle::Systemd);
        QVERIFY(shown.size() >= 4);
        // First: log in with the platform's password file, placeholders filled.
        QVERIFY2(
            shown.first()->text().contains(u"PGPASSFILE="_s), qPrintable(shown.first()->text()));
        QVERIFY(shown.first()->text().contains(u"user=stella"_s));
        for (const CodeBlockView *b : shown)
            QVERIFY2(!b->text().contains(u"systemctl start"_s), qPrintable(b->text()));
        QVERIFY(panel.fixVerdictText(DeploymentStyle::Systemd).isEmpty());

        // The server-down fixes are folded under a closed toggle that counts them.
        QToolButton *toggle = panel.otherFixesToggle(DeploymentStyle::Systemd);
        QVERIFY(toggle);
        const int folded = int(
            m_kb.article(Connectivity)->fixesFor(DeploymentStyle::Systemd).size() - shown.size());
        QCOMPARE(toggle->text(), u"%1 other fixes that do not match this result"_s.arg(folded));
        QTRY_VERIFY(toggle->isVisible()); // widgets added to a shown page appear on the next turn
        QWidget *box = toggle->parentWidget()->findChild<QWidget *>(u"otherFixes"_s);
        QVERIFY(box);
        QVERIFY(!box->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(box->isVisible());
        const QList<CodeBlockView *> other = panel.otherCodeBlocks(DeploymentStyle::Systemd);
        QCOMPARE(other.size(), folded);
        QVERIFY(std::any_of(other.cbegin(), other.cend(), [](const CodeBlockView *b) {
            return b->text().contains(u"sudo systemctl start postgresql"_s);
        }));
        for (const CodeBlockView *b : other)
            QTRY_VERIFY(b->isVisible());
        // Each block says the evidence it is for.
        const QList<QLabel *> conditions = box->findChildren<QLabel *>(u"fixCondition"_s);
        QCOMPARE(conditions.size(), folded);
        QCOMPARE(conditions.first()->text(), u"When: Reachable = false"_s);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!box->isVisible());

        // Every style is chosen the same way.
        for (DeploymentStyle style : Deployment::all()) {
            const QList<CodeBlockView *> blocks = panel.codeBlocks(style);
            QVERIFY(!blocks.isEmpty());
            for (const CodeBlockView *b : blocks)
                QVERIFY2(!b->text().contains(u"systemctl start"_s), qPrintable(b->text()));
            QVERIFY(panel.otherFixesToggle(style));
        }
    }

    void passShowsNothingToDo()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        const Environment env = environment(DeploymentStyle::Kubernetes);
        panel.show(m_kb.article(Migrations),
            result(Migrations, CheckStatus::Pass,
                { { u"TableExists"_s, true }, { u"PendingCount"_s, 0 },
                    { u"Status"_s, u"up-to-date"_s } },
                u"Up to date"_s),
            &env);
        for (DeploymentStyle style : Deployment::all()) {
            QCOMPARE(panel.fixVerdictText(style), u"Nothing to do: this check passed."_s);
            QVERIFY(panel.codeBlocks(style).isEmpty());
            QVERIFY(!panel.otherFixesToggle(style));
        }
        const QWidget *page = panel.fixTabs()->currentWidget();
        QVERIFY(page->findChildren<CodeBlockView *>().isEmpty());
        const QLabel *verdict = page->findChild<QLabel *>(u"fixVerdict"_s);
        QVERIFY(verdict);
        QTRY_VERIFY(verdict->isVisible());
    }

    void notRunShowsWhy()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        const Environment env = environment(DeploymentStyle::Compose);
        // Evidence an "always" block would match: the status still decides.
        panel.show(m_kb.article(Pool),
            result(Pool, CheckStatus::Skipped, { { u"IdleInTransaction"_s, 7 } },
                u"not run: no connection"_s),
            &env);
        for (DeploymentStyle style : Deployment::all()) {
            QVERIFY2(panel.fixVerdictText(style).endsWith(u"Why: not run: no connection"_s),
                qPrintable(panel.fixVerdictText(style)));
            QVERIFY(panel.codeBlocks(style).isEmpty());
        }
        QVERIFY(panel.fixTabs()->currentWidget()->findChildren<CodeBlockView *>().isEmpty());
    }

    // The KB browser (no result) shows every block, each with its condition.
    void articleAloneShowsEveryBlock()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        panel.show(m_kb.article(Connectivity), std::nullopt, nullptr);
        for (DeploymentStyle style : Deployment::all()) {
            QCOMPARE(
                panel.codeBlocks(style).size(), m_kb.article(Connectivity)->fixesFor(style).size());
            QVERIFY(!panel.otherFixesToggle(style));
            QVERIFY(panel.fixVerdictText(style).isEmpty());
        }
        // The condition is beside the block, not in what Copy puts on the clipboard.
        for (const CodeBlockView *b : panel.codeBlocks(DeploymentStyle::Compose))
            QVERIFY2(!b->text().contains(u"When:"_s), qPrintable(b->text()));
    }

    // An error whose evidence matches no block: said so, and every block folded.
    void errorMatchingNothing()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        const Environment env = environment(DeploymentStyle::Compose);
        panel.show(m_kb.article(Migrations),
            result(Migrations, CheckStatus::Error, { { u"SqlState"_s, u"42501"_s } },
                u"permission denied"_s),
            &env);
        QVERIFY(panel.codeBlocks(DeploymentStyle::Compose).isEmpty());
        QVERIFY(panel.fixVerdictText(DeploymentStyle::Compose)
                    .startsWith(u"No fix for Docker Compose matches"_s));
        QVERIFY(panel.otherFixesToggle(DeploymentStyle::Compose));
    }
};

QTEST_MAIN(TestRemediationPanel)
#include "tst_remediationpanel.moc"
