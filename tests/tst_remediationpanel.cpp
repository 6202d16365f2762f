// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The remediation panel offers the fixes chosen by the result's evidence (KbFixChoice),
// folds the others away, and offers no command for a pass or a check that did not run.
#include "articleview.h"
#include "codeblockview.h"
#include "kb/kblibrary.h"
#include "postgres/connectivitycheck.h"
#include "postgres/migrationscheck.h"
#include "postgres/poolcheck.h"
#include "remediationpanel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

const QString &Connectivity = ConnectivityCheck::Id;
const QString &Migrations = MigrationsCheck::Id;
const QString &Pool = PoolCheck::Id;

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

    // Above the fixes: the article's title, badges (the result's status first, the
    // article's severity, plugin and tags), the "environment · status — message" line and
    // the evidence; below them links to the related checks, which ask for their article.
    void headerEvidenceAndRelatedChecks()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        QSignalSpy requested(&panel, &RemediationPanel::articleRequested);
        const Environment env = environment(DeploymentStyle::Compose);
        const CheckResult r = result(Pool, CheckStatus::Warn,
            { { u"IdleInTransaction"_s, 7 }, { u"Blind"_s, false } }, u"7 idle <in> transaction"_s);
        panel.showResult(m_kb.article(Pool), r, &env);
        QCOMPARE(panel.checkId(), Pool);
        const QStringList badges = panel.badgesText().split(u' ');
        QCOMPARE(badges.value(0), u"Warning"_s);
        QVERIFY2(panel.badgesText().contains(u"severity: warn"_s), qPrintable(panel.badgesText()));
        QVERIFY(panel.badgesText().contains(m_kb.article(Pool)->plugin));

        bool messageLine = false;
        for (const QLabel *l : panel.findChildren<QLabel *>()) {
            messageLine = messageLine
                || l->text() == u"<b>analytics · Warning</b> — 7 idle &lt;in&gt; transaction"_s;
        }
        QVERIFY(messageLine); // escaped: a message is never markup
        const QTableWidget *evidence = panel.evidenceTable();
        QCOMPARE(evidence->rowCount(), 2);
        QCOMPARE(evidence->item(0, 0)->text(), u"IdleInTransaction"_s);
        QCOMPARE(evidence->item(0, 1)->text(), u"7"_s);
        QVERIFY(!evidence->isHidden());

        const QStringList related = m_kb.article(Pool)->relatedChecks();
        QVERIFY(!related.isEmpty());
        QLabel *links = nullptr;
        for (QLabel *l : panel.findChildren<QLabel *>()) {
            if (l->text().startsWith(u"Related checks: "_s))
                links = l;
        }
        QVERIFY(links);
        QVERIFY(!links->isHidden());
        Q_EMIT links->linkActivated(ArticleView::articleLink(related.first()));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested[0][0].toString(), related.first());

        // clear(): the invitation, no badges, no evidence, no related checks.
        panel.clear();
        QVERIFY(panel.checkId().isEmpty());
        QVERIFY(panel.badgesText().isEmpty());
        QVERIFY(panel.evidenceTable()->isHidden());
        QVERIFY(links->isHidden());
        bool invitation = false;
        for (const QLabel *l : panel.findChildren<QLabel *>())
            invitation = invitation || l->text() == u"Select a result to see how to fix it"_s;
        QVERIFY(invitation);
    }

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
        panel.showResult(m_kb.article(Connectivity), r, &env);
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
        panel.showResult(m_kb.article(Migrations),
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
        panel.showResult(m_kb.article(Pool),
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
        panel.showResult(m_kb.article(Connectivity), std::nullopt, nullptr);
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

    // The failure text a migration tool stored is shown whole, with its line breaks and
    // markup-like characters as written, under the message; a result without one shows none.
    void failureTextShownWhole()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        const Environment env = environment(DeploymentStyle::Kubernetes);
        const QString failure = u"Migration name: 20240318080000_add_audit_log\n\nDatabase error:\n"
                                "ERROR: relation \"AuditLog\" already exists <42P07> & more"_s;
        panel.showResult(m_kb.article(Migrations),
            result(Migrations, CheckStatus::Fail,
                { { u"Tool"_s, u"prisma"_s }, { u"Status"_s, u"failed"_s },
                    { u"FailureText"_s, failure } },
                u"1 failed migration"_s),
            &env);
        QCOMPARE(panel.failureText(), u"What Prisma recorded:\n"_s + failure);
        bool shown = false;
        for (const QLabel *l : panel.findChildren<QLabel *>())
            shown = shown || (l->isVisible() && l->accessibleName() == u"Failure text"_s);
        QVERIFY(shown);
        panel.showResult(m_kb.article(Migrations),
            result(Migrations, CheckStatus::Pass, { { u"Status"_s, u"up-to-date"_s } },
                u"Up to date"_s),
            &env);
        QCOMPARE(panel.failureText(), QString());
        for (const QLabel *l : panel.findChildren<QLabel *>())
            QVERIFY(!(l->isVisible() && l->accessibleName() == u"Failure text"_s));
    }

    // An error whose evidence matches no block: said so, and every block folded.
    void errorMatchingNothing()
    {
        RemediationPanel panel;
        panel.setVisible(true);
        const Environment env = environment(DeploymentStyle::Compose);
        panel.showResult(m_kb.article(Migrations),
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
