// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// FixTabs on the shipped knowledge base: one tab per deployment style, the environment's
// own style in front, placeholders filled from the environment, only the tab in view built
// (on the next turn of the event loop), and a copied command announced. Which blocks a
// result is offered: tst_remediationpanel (through the panel) and tst_kbfixchoice.
#include "codeblockview.h"
#include "deploymenttext.h"
#include "fixtabs.h"
#include "kb/kblibrary.h"
#include "postgres/connectivitycheck.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

Environment environment(DeploymentStyle style)
{
    Environment e;
    e.name = u"analytics"_s;
    e.deployment = style;
    e.placeholders = { { u"db-user"_s, u"stella"_s }, { u"db-host"_s, u"db.internal"_s } };
    return e;
}

// The blocks built on the page of style's tab so far, without building anything.
QList<CodeBlockView *> builtOn(const FixTabs &tabs, DeploymentStyle style)
{
    return tabs.widget(int(Deployment::all().indexOf(style)))->findChildren<CodeBlockView *>();
}

} // namespace

class TestFixTabs : public QObject
{
    Q_OBJECT
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
        QVERIFY(m_kb.article(ConnectivityCheck::Id));
    }

    void oneTabPerStyleTheEnvironmentsInFront()
    {
        FixTabs tabs;
        QCOMPARE(tabs.count(), int(Deployment::all().size()));
        for (int i = 0; i < tabs.count(); ++i)
            QCOMPARE(tabs.tabText(i), DeploymentText::title(Deployment::all().at(i)));
        const Environment k8s = environment(DeploymentStyle::Kubernetes);
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), std::nullopt, &k8s);
        QCOMPARE(tabs.currentIndex(), int(Deployment::all().indexOf(DeploymentStyle::Kubernetes)));
        tabs.setCurrentIndex(0);
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), std::nullopt, nullptr);
        QCOMPARE(tabs.currentIndex(), 0); // no environment: the user's tab stays
    }

    // Building every highlighted block of every style at once made selecting a result slow:
    // the tab in view is built on the next turn of the event loop, the others when shown.
    void onlyTheTabInViewIsBuilt()
    {
        FixTabs tabs;
        tabs.show();
        const Environment compose = environment(DeploymentStyle::Compose);
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), std::nullopt, &compose);
        QVERIFY(builtOn(tabs, DeploymentStyle::Compose).isEmpty()); // not yet
        QTRY_VERIFY(!builtOn(tabs, DeploymentStyle::Compose).isEmpty());
        QVERIFY(builtOn(tabs, DeploymentStyle::Systemd).isEmpty());
        QVERIFY(builtOn(tabs, DeploymentStyle::Kubernetes).isEmpty());
        tabs.setCurrentIndex(int(Deployment::all().indexOf(DeploymentStyle::Systemd)));
        QVERIFY(!builtOn(tabs, DeploymentStyle::Systemd).isEmpty());
        QVERIFY(builtOn(tabs, DeploymentStyle::Kubernetes).isEmpty());
        // New fixes: the blocks of the old ones go, the new ones are built the same way.
        tabs.setFixes(nullptr, std::nullopt, &compose);
        QTRY_VERIFY(builtOn(tabs, DeploymentStyle::Compose).isEmpty());
        QVERIFY(tabs.codeBlocks(DeploymentStyle::Systemd).isEmpty());
    }

    void placeholdersFromTheEnvironment()
    {
        FixTabs tabs;
        const Environment env = environment(DeploymentStyle::Systemd);
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), std::nullopt, &env);
        QString all;
        for (const CodeBlockView *b : tabs.codeBlocks(DeploymentStyle::Systemd))
            all += b->text();
        QVERIFY2(all.contains(u"stella"_s), qPrintable(all));
        QVERIFY2(!all.contains(u"<db-user>"_s), qPrintable(all));
        // Without an environment the placeholders stay for the reader to fill in.
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), std::nullopt, nullptr);
        all.clear();
        for (const CodeBlockView *b : tabs.codeBlocks(DeploymentStyle::Systemd))
            all += b->text();
        QVERIFY2(all.contains(u"<db-user>"_s), qPrintable(all));
    }

    void copyIsAnnounced()
    {
        FixTabs tabs;
        QSignalSpy copied(&tabs, &FixTabs::commandCopied);
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), std::nullopt, nullptr);
        const QList<CodeBlockView *> blocks = tabs.codeBlocks(DeploymentStyle::Compose);
        QVERIFY(!blocks.isEmpty());
        blocks.first()->copyButton()->click();
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied[0][0].toString(), blocks.first()->text());
        QCOMPARE(QApplication::clipboard()->text(), blocks.first()->text());
    }

    // Under the German translator the tab's words are German (translations/doctor_de.ts,
    // context FixTabs).
    void germanVerdict()
    {
        QTranslator german;
        QVERIFY(german.load(u":/i18n/doctor_de.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&german));
        FixTabs tabs;
        CheckResult passed;
        passed.checkId = ConnectivityCheck::Id;
        passed.status = CheckStatus::Pass;
        tabs.setFixes(m_kb.article(ConnectivityCheck::Id), passed, nullptr);
        QCOMPARE(tabs.verdictText(DeploymentStyle::Compose),
            u"Nichts zu tun: Diese Prüfung ist bestanden."_s);
        QCOMPARE(tabs.accessibleName(), u"Befehle zur Behebung nach Bereitstellungsart"_s);
        QCoreApplication::removeTranslator(&german);
    }
};

QTEST_MAIN(TestFixTabs)
#include "tst_fixtabs.moc"
