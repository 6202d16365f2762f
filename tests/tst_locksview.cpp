// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Locks view (issue 16, section 3) driven offscreen: it follows an environment's
// check.postgres.locks result, selecting a session shows the KB's fix commands with that
// session's pid (or a prepared transaction's gid) filled in, Refresh asks for a run of that
// environment, a stale result shows "refreshing" and the new one replaces it keeping the
// selected pid, the header is remembered, and the texts read on the dark palette too.
#include "appearance.h"
#include "codeblockview.h"
#include "environmentsmodel.h"
#include "fixtabs.h"
#include "isolatedhome.h"
#include "kb/kblibrary.h"
#include "lockstreemodel.h"
#include "locksview.h"
#include "postgres/lockscheck.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

LockSession session(int pid, QList<int> blockedBy, const QString &query)
{
    LockSession s;
    s.pid = pid;
    s.blockedBy = blockedBy;
    s.user = u"app_rw"_s;
    s.application = u"orders-api"_s;
    s.state = blockedBy.isEmpty() ? u"idle in transaction"_s : u"active"_s;
    s.transactionSeconds = 95;
    s.waitSeconds = blockedBy.isEmpty() ? 0 : 20;
    s.query = query;
    s.lockMode = u"AccessExclusiveLock"_s;
    s.relation = u"public.orders"_s;
    return s;
}

CheckResult locksResult(quint64 generation, const QList<LockSession> &sessions)
{
    CheckResult r;
    r.environment = u"prod"_s;
    r.checkId = LocksCheck::Id;
    r.status = CheckStatus::Fail;
    r.message = u"3 sessions wait for a lock"_s;
    r.evidence = { { u"RootBlockers"_s, 1 }, { u"Waiting"_s, 3 }, { u"BlockedDdl"_s, 1 },
        { u"RootBlockerPid"_s, 100 }, { u"RootBlockerUser"_s, u"app_rw"_s }, { u"Hidden"_s, 0 },
        { u"PreparedTransactions"_s, 0 } };
    r.details = QVariant::fromValue(sessions);
    r.generation = generation;
    r.checkedAt = QDateTime(QDate(2026, 11, 30), QTime(22, 15, 7));
    return r;
}

QList<LockSession> chain()
{
    LockSession a = session(100, {}, u"SELECT * FROM orders WHERE id = 1 FOR UPDATE"_s);
    a.waitersTotal = 3;
    LockSession b = session(200, { 100 }, u"ALTER TABLE orders ADD COLUMN note text"_s);
    b.ddl = true;
    b.waitersTotal = 2;
    LockSession prepared;
    prepared.preparedTransaction = true;
    prepared.query = u"xa-7"_s;
    prepared.state = u"prepared"_s;
    prepared.user = u"app_rw"_s;
    return { a, b, session(300, { 200 }, u"SELECT count(*) FROM orders"_s),
        session(400, { 200 }, u"INSERT INTO orders DEFAULT VALUES"_s), prepared };
}

QString commands(FixTabs *tabs, DeploymentStyle style)
{
    QStringList texts;
    for (const CodeBlockView *b : tabs->codeBlocks(style))
        texts << b->text();
    return texts.join(u'\n');
}

double contrast(const QColor &a, const QColor &b)
{
    const auto l = [](const QColor &c) {
        const auto ch = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    return (std::max(l(a), l(b)) + 0.05) / (std::min(l(a), l(b)) + 0.05);
}

} // namespace

class TestLocksView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    KbLibrary m_kb;
    ResultsModel *m_results = nullptr;
    EnvironmentsModel *m_environments = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        m_kb.load();
        QVERIFY2(m_kb.errors().isEmpty(), qPrintable(m_kb.errors().join(u'\n')));
        QVERIFY(m_kb.article(LocksCheck::Id));
    }
    void init()
    {
        QSettings().remove(LocksView::headerStateKey());
        Appearance::apply(Appearance::Theme::Light);
        m_results = new ResultsModel(this);
        m_environments = new EnvironmentsModel(this);
        Environment prod;
        prod.name = u"prod"_s;
        prod.deployment = DeploymentStyle::Kubernetes;
        prod.placeholders = { { u"namespace"_s, u"shop"_s }, { u"postgres-pod"_s, u"pg-0"_s },
            { u"db-name"_s, u"orders"_s } };
        Environment dev;
        dev.name = u"dev"_s;
        m_environments->setEnvironments({ prod, dev });
        m_results->upsert(locksResult(1, chain()));
    }
    void cleanup()
    {
        delete m_results;
        delete m_environments;
    }

    // The tree of the followed environment, the first root selected with its fixes: the
    // environment's deployment style first, cancel and terminate with the root's pid.
    void selectionShowsFixesWithPid()
    {
        LocksView view;
        view.resize(1000, 700);
        view.setSource(m_results, LocksCheck::Id, &m_kb, m_environments);
        view.show();
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.statusText().contains(u"select an environment"_s));
        QVERIFY(!view.refreshButton()->isEnabled());
        view.showEnvironment(u"prod"_s);
        QCOMPARE(view.headingText(), u"Locks of prod"_s);
        QCOMPARE(view.model()->rowCount(), 2); // the chain's root and the prepared transaction
        QVERIFY(view.tree()->isExpanded(view.model()->index(0, 0)));
        QCOMPARE(view.currentSession()->pid, 100);
        QVERIFY2(view.statusText().contains(u"checked at 22:15:07"_s)
                && view.statusText().contains(u"root blockers: 2"_s)
                && view.statusText().contains(u"waiting: 3"_s),
            qPrintable(view.statusText()));
        QVERIFY(view.selectionText().contains(u"pid 100"_s));
        QCOMPARE(view.fixTabs()->currentIndex(), int(DeploymentStyle::Kubernetes));
        const QString k8s = commands(view.fixTabs(), DeploymentStyle::Kubernetes);
        QVERIFY2(k8s.contains(u"kubectl -n shop exec pg-0 -- psql -U postgres -d orders -c "
                              "'SELECT pg_terminate_backend(100);'"_s)
                && k8s.contains(u"pg_cancel_backend(100)"_s)
                && k8s.contains(u"ALTER ROLE \\\"app_rw\\\""_s),
            qPrintable(k8s));
        QVERIFY(!k8s.contains(u"ROLLBACK PREPARED"_s)); // not the selected session's fix
        QVERIFY(commands(view.fixTabs(), DeploymentStyle::Compose)
                .contains(u"docker compose"_s)); // every style has them

        // A waiter: the commands name it, not the root (cancelling a blocked ALTER is a fix).
        const QModelIndex b = view.model()->indexOfPid(200);
        view.tree()->setCurrentIndex(b);
        QVERIFY(view.selectionText().contains(u"pid 200"_s));
        const QString forB = commands(view.fixTabs(), DeploymentStyle::Kubernetes);
        QVERIFY2(forB.contains(u"pg_cancel_backend(200)"_s), qPrintable(forB));
        QVERIFY(!forB.contains(u"(100)"_s));

        // The prepared transaction: its gid, no pg_terminate_backend(0).
        view.tree()->setCurrentIndex(view.model()->index(1, 0));
        QVERIFY(view.selectionText().contains(u"Prepared transaction 'xa-7'"_s));
        const QString forPrepared = commands(view.fixTabs(), DeploymentStyle::Kubernetes);
        QVERIFY2(forPrepared.contains(u"ROLLBACK PREPARED 'xa-7'"_s), qPrintable(forPrepared));
        QVERIFY(!forPrepared.contains(u"pg_terminate_backend"_s));
        QVERIFY(!forPrepared.contains(u"<root-pid>"_s));

        // Another environment without a locks result: nothing left of prod's.
        view.showEnvironment(u"dev"_s);
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.statusText().contains(u"not checked yet"_s));
        QVERIFY(commands(view.fixTabs(), DeploymentStyle::Kubernetes).isEmpty());
    }

    // Refresh asks for the followed environment; while the result is stale the view says it
    // is refreshing; the new result replaces the tree and keeps the selected pid.
    void refreshWiring()
    {
        LocksView view;
        view.setSource(m_results, LocksCheck::Id, &m_kb, m_environments);
        view.show();
        view.showEnvironment(u"prod"_s);
        QSignalSpy asked(&view, &LocksView::refreshRequested);
        QVERIFY(view.refreshButton()->isEnabled());
        QTest::mouseClick(view.refreshButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), u"prod"_s);
        view.setRefreshEnabled(false); // a run is going
        QVERIFY(!view.refreshButton()->isEnabled());

        view.tree()->setCurrentIndex(view.model()->indexOfPid(300));
        m_results->markStale({ u"prod"_s }, { LocksCheck::Id });
        QVERIFY(view.isRefreshing());
        QVERIFY(view.statusText().startsWith(u"refreshing"_s));
        QVERIFY(view.findChild<QProgressBar *>()->isVisible());
        QCOMPARE(view.currentSession()->pid, 300); // the tree stays while it refreshes

        QList<LockSession> next = chain();
        next.removeAt(3); // 400 ended
        m_results->upsert(locksResult(2, next));
        view.setRefreshEnabled(true);
        QVERIFY(!view.isRefreshing());
        QVERIFY(!view.findChild<QProgressBar *>()->isVisible());
        QVERIFY(!view.model()->indexOfPid(400).isValid());
        QCOMPARE(view.currentSession()->pid, 300);
        QVERIFY(view.statusText().startsWith(u"checked at"_s));
        QVERIFY(view.refreshButton()->isEnabled());

        // A result with nothing waiting: its message instead of a tree.
        CheckResult calm = locksResult(3, {});
        calm.status = CheckStatus::Pass;
        calm.message = u"No session waits for a lock"_s;
        m_results->upsert(calm);
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.statusText().contains(u"No session waits for a lock"_s));
        QVERIFY(!view.currentSession());
    }

    // Shown before its first result, as in the window: the stretched Query column follows
    // the view's width, which is no choice of the user's, so the PID column is still fitted
    // to "100 · 3 waiting" when the tree comes (it was cut to the default width).
    void pidColumnFittedAfterShow()
    {
        LocksView view;
        view.resize(1000, 700);
        view.setSource(m_results, LocksCheck::Id, &m_kb, m_environments);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resize(1200, 700); // the last section stretches again
        QCoreApplication::processEvents();
        view.showEnvironment(u"prod"_s);
        const auto *tree = static_cast<const QAbstractItemView *>(view.tree());
        QTRY_VERIFY2(view.tree()->columnWidth(LocksTreeModel::PidColumn)
                >= tree->sizeHintForColumn(LocksTreeModel::PidColumn),
            qPrintable(u"%1 < %2"_s.arg(view.tree()->columnWidth(LocksTreeModel::PidColumn))
                    .arg(tree->sizeHintForColumn(LocksTreeModel::PidColumn))));
        QVERIFY(!QSettings().contains(LocksView::headerStateKey())); // nothing of the user's
    }

    // The header's widths come back in the next view (QSettings).
    void headerRemembered()
    {
        {
            LocksView view;
            view.show();
            view.tree()->header()->resizeSection(LocksTreeModel::LockColumn, 321);
        }
        QVERIFY(QSettings().contains(LocksView::headerStateKey()));
        LocksView again;
        QCOMPARE(again.tree()->header()->sectionSize(LocksTreeModel::LockColumn), 321);
    }

    // The dark palette: the view draws with the palette's roles only, so its texts read.
    void darkMode()
    {
        Appearance::apply(Appearance::Theme::Dark);
        LocksView view;
        view.setSource(m_results, LocksCheck::Id, &m_kb, m_environments);
        view.showEnvironment(u"prod"_s);
        view.show();
        const QPalette p = view.tree()->palette();
        QVERIFY(Appearance::isDark(p));
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::AlternateBase)) >= 4.5);
        for (const QLabel *label : view.findChildren<QLabel *>()) {
            const QPalette lp = label->palette();
            QVERIFY(contrast(lp.color(label->foregroundRole()), lp.color(QPalette::Window)) >= 4.5);
            QVERIFY2(!label->text().contains(u"color:"_s), qPrintable(label->text()));
        }
        // The model sets no colour of its own that could vanish on a dark base.
        const QModelIndex root = view.model()->index(0, 0);
        for (int c = 0; c < LocksTreeModel::ColumnCount; ++c)
            QVERIFY(view.model()->index(0, c, root.parent()).data(Qt::ForegroundRole).isNull());
        Appearance::apply(Appearance::Theme::Light);
    }
};

QTEST_MAIN(TestLocksView)
#include "tst_locksview.moc"
