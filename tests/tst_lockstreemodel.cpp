// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Locks view's tree (issue 16, section 3): root blockers at the top level, waiters below
// every pid their blockedBy names, the waiter counts, a prepared transaction (pid 0), and the
// sessions a broken list would lose (unknown blocker, a cycle) still shown once.
#include "lockstreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

LockSession session(int pid, QList<int> blockedBy, const QString &query = u"SELECT 1"_s)
{
    LockSession s;
    s.pid = pid;
    s.blockedBy = blockedBy;
    s.user = u"app"_s;
    s.application = u"app-%1"_s.arg(pid);
    s.client = u"10.0.0.7"_s;
    s.state = blockedBy.isEmpty() ? u"idle in transaction"_s : u"active"_s;
    s.transactionSeconds = 3725;
    s.waitSeconds = blockedBy.isEmpty() ? 0 : 12;
    s.query = query;
    s.lockMode = blockedBy.isEmpty() ? u"RowExclusiveLock"_s : u"AccessExclusiveLock"_s;
    s.relation = u"public.orders"_s;
    return s;
}

// A idle in transaction holding a row lock, B's ALTER TABLE waiting on A, C and D on B.
QList<LockSession> chain()
{
    LockSession a = session(100, {}, u"SELECT * FROM orders\n  WHERE id = 1 FOR UPDATE"_s);
    a.waitersDirect = 1;
    a.waitersTotal = 3;
    LockSession b = session(200, { 100 }, u"ALTER TABLE orders ADD COLUMN note text"_s);
    b.ddl = true;
    b.waitersDirect = 2;
    b.waitersTotal = 2;
    // Listed before their blocker: the tree must not depend on the order.
    return { session(300, { 200 }), a, session(400, { 200 }), b };
}

QList<int> pidsUnder(const LocksTreeModel &m, const QModelIndex &parent)
{
    QList<int> pids;
    for (int r = 0; r < m.rowCount(parent); ++r)
        pids << m.index(r, 0, parent).data(LocksTreeModel::PidRole).toInt();
    return pids;
}

} // namespace

class TestLocksTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chainRootWaitersBelow()
    {
        LocksTreeModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSessions(chain());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(pidsUnder(model, {}), QList<int> { 100 });
        const QModelIndex a = model.index(0, 0);
        QVERIFY(a.data(LocksTreeModel::IsRootRole).toBool());
        QCOMPARE(a.data(LocksTreeModel::WaitersTotalRole).toInt(), 3);
        QCOMPARE(pidsUnder(model, a), QList<int> { 200 });
        const QModelIndex b = model.index(0, 0, a);
        QVERIFY(!b.data(LocksTreeModel::IsRootRole).toBool());
        QCOMPARE(b.parent(), a);
        QCOMPARE(pidsUnder(model, b), (QList<int> { 300, 400 }));
        QCOMPARE(model.rowCount(model.index(0, 0, b)), 0);
        QCOMPARE(model.index(1, 0, b).parent(), b);
        QCOMPARE(model.rootCount(), 1);
        QCOMPARE(model.waitingCount(), 3);

        // Counts on the rows others wait behind; the chain's words in the other columns.
        QCOMPARE(a.data().toString(), u"100 · 3 waiting"_s);
        QCOMPARE(b.data().toString(), u"200 · 2 waiting"_s);
        QCOMPARE(model.index(0, 0, b).data().toString(), u"300"_s);
        const auto cell = [&](const QModelIndex &i, int c) {
            return model.index(i.row(), c, i.parent()).data().toString();
        };
        QCOMPARE(cell(a, LocksTreeModel::StateColumn), u"idle in transaction"_s);
        QCOMPARE(cell(b, LocksTreeModel::StateColumn), u"active · waiting 12 s"_s);
        QCOMPARE(cell(a, LocksTreeModel::AgeColumn), u"1 h 02 min"_s);
        QCOMPARE(cell(a, LocksTreeModel::LockColumn), u"holds RowExclusiveLock on public.orders"_s);
        QCOMPARE(cell(b, LocksTreeModel::LockColumn),
            u"waits for AccessExclusiveLock on public.orders"_s);
        QCOMPARE(cell(a, LocksTreeModel::QueryColumn),
            u"SELECT * FROM orders WHERE id = 1 FOR UPDATE"_s); // on one line
        QCOMPARE(cell(a, LocksTreeModel::ApplicationColumn), u"app-100"_s);
        QVERIFY(a.data(Qt::ToolTipRole).toString().contains(u"User app, client 10.0.0.7"_s));
        QVERIFY(!a.data(Qt::DecorationRole).value<QIcon>().isNull()); // root badge
        QVERIFY(!b.data(Qt::DecorationRole).value<QIcon>().isNull()); // blocked DDL badge
        QVERIFY(model.index(0, 0, b).data(Qt::DecorationRole).isNull());
        const QString tip = b.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Waits for: 100"_s) && tip.contains(u"blocked migration"_s)
                && tip.contains(u"ALTER TABLE orders"_s),
            qPrintable(tip));
        QVERIFY(a.data(Qt::ToolTipRole).toString().contains(u"Root blocker"_s));

        QCOMPARE(model.sessionAt(b)->pid, 200);
        QCOMPARE(model.indexOfPid(400).data(LocksTreeModel::PidRole).toInt(), 400);
        QCOMPARE(model.indexOfPid(400).parent(), b);
        QVERIFY(!model.indexOfPid(999).isValid());
        QCOMPARE(
            model.headerData(LocksTreeModel::QueryColumn, Qt::Horizontal).toString(), u"Query"_s);

        model.setSessions({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rootCount(), 0);
    }

    // A prepared transaction holds its locks under pid 0; its waiter hangs below it. A
    // session that waits for two blockers shows under each.
    void preparedTransactionAndTwoBlockers()
    {
        LockSession prepared;
        prepared.pid = 0;
        prepared.preparedTransaction = true;
        prepared.query = u"gid-42"_s;
        prepared.transactionSeconds = 900;
        prepared.waitersTotal = 2;
        LockSession both = session(600, { 0, 100 });
        QList<LockSession> sessions = chain();
        sessions << prepared << session(500, { 0 }) << both;
        LocksTreeModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions(sessions);
        QCOMPARE(pidsUnder(model, {}), (QList<int> { 100, 0 }));
        const QModelIndex p = model.index(1, 0);
        QCOMPARE(p.data().toString(), u"prepared · 2 waiting"_s);
        QVERIFY(p.data(LocksTreeModel::IsRootRole).toBool());
        QCOMPARE(model.index(1, LocksTreeModel::StateColumn).data().toString(),
            u"prepared transaction"_s);
        QVERIFY(p.data(Qt::ToolTipRole).toString().contains(u"ROLLBACK PREPARED"_s));
        QCOMPARE(pidsUnder(model, p), (QList<int> { 500, 600 }));
        QCOMPARE(pidsUnder(model, model.index(0, 0)), (QList<int> { 200, 600 }));
        QCOMPARE(model.rootCount(), 2);
        QCOMPARE(model.waitingCount(), 5); // 600 counted once
        QVERIFY(model.index(0, 0, p)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"Waits for: a prepared transaction"_s));
    }

    // Sessions whose blocker is missing, or that only a cycle reaches, are shown at the top
    // level (once, with the cycle cut) rather than lost.
    void unknownBlockerAndCycle()
    {
        LocksTreeModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSessions({ session(700, { 999 }), session(800, { 900 }), session(900, { 800 }) });
        QCOMPARE(pidsUnder(model, {}), (QList<int> { 700, 800 }));
        QCOMPARE(pidsUnder(model, model.index(1, 0)), QList<int> { 900 });
        QCOMPARE(model.rowCount(model.index(0, 0, model.index(1, 0))), 0); // cut: 800 not again
        QCOMPARE(model.rootCount(), 0); // none of them waits for nobody
        QVERIFY(!model.index(0, 0).data(LocksTreeModel::IsRootRole).toBool());
    }

    // A session the role may not see (no pg_monitor): its query and state say so.
    void hiddenSession()
    {
        LockSession s = session(100, {});
        s.query.clear();
        s.state.clear();
        s.transactionSeconds = -1;
        LocksTreeModel model;
        model.setSessions({ s });
        QCOMPARE(model.index(0, LocksTreeModel::QueryColumn).data().toString(), u"(hidden)"_s);
        QCOMPARE(model.index(0, LocksTreeModel::StateColumn).data().toString(), u"(hidden)"_s);
        QCOMPARE(model.index(0, LocksTreeModel::AgeColumn).data().toString(), u"—"_s);
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"pg_monitor"_s));
    }

    void ageText()
    {
        QCOMPARE(LocksTreeModel::ageText(0.4), u"0 s"_s);
        QCOMPARE(LocksTreeModel::ageText(59.9), u"59 s"_s);
        QCOMPARE(LocksTreeModel::ageText(60), u"1 min"_s);
        QCOMPARE(LocksTreeModel::ageText(3600 * 3 + 300), u"3 h 05 min"_s);
        QCOMPARE(LocksTreeModel::ageText(86400 * 2 + 3600 * 4 + 5), u"2 d 4 h"_s);
        QCOMPARE(LocksTreeModel::ageText(-1), u"—"_s);
    }
};

QTEST_MAIN(TestLocksTreeModel)
#include "tst_lockstreemodel.moc"
