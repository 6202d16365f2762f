// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// BlockingTree: the chains check.postgres.locks reports, built from session rows as the
// check reads them (pid, pg_blocking_pids(), waiting, wait time, query, lock mode).
#include "postgres/blockingtree.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

LockSession session(int pid, QList<int> blockedBy, double waitSeconds, const QString &query,
    const QString &mode = u"AccessShareLock"_s)
{
    LockSession s;
    s.pid = pid;
    s.blockedBy = blockedBy;
    s.waiting = !blockedBy.isEmpty();
    s.waitSeconds = waitSeconds;
    s.query = query;
    s.lockMode = mode;
    s.state = s.waiting ? u"active"_s : u"idle in transaction"_s;
    return s;
}

const LockSession *find(const QList<LockSession> &list, int pid)
{
    for (const LockSession &s : list) {
        if (s.pid == pid)
            return &s;
    }
    return nullptr;
}

QList<int> pids(const QList<LockSession> &list)
{
    QList<int> out;
    for (const LockSession &s : list)
        out << s.pid;
    return out;
}

} // namespace

class TestBlockingTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Issue 16's chain: A idle in a transaction holds a row lock; B's ALTER TABLE waits for
    // A; C and D wait for B (queued behind the ALTER's AccessExclusiveLock request).
    void migrationChain()
    {
        const QList<LockSession> read {
            session(40, { 20 }, 2, u"SELECT * FROM t"_s),
            session(10, {}, 0, u"UPDATE t SET v = 2 WHERE id = 1"_s, u"RowExclusiveLock"_s),
            session(20, { 10 }, 3, u"ALTER TABLE t ADD COLUMN w int"_s, u"AccessExclusiveLock"_s),
            session(30, { 20 }, 2.5, u"SELECT * FROM t"_s),
        };
        const QList<LockSession> tree = BlockingTree::build(read, 1);
        QCOMPARE(pids(tree), (QList<int> { 10, 20, 30, 40 })); // root, then longest wait
        const LockSession *a = find(tree, 10);
        QCOMPARE(a->waitersDirect, 1);
        QCOMPARE(a->waitersTotal, 3);
        QVERIFY(!a->ddl); // the root does not wait: its UPDATE is no blocked migration
        const LockSession *b = find(tree, 20);
        QVERIFY(b->ddl);
        QCOMPARE(b->waitersDirect, 2);
        QCOMPARE(b->waitersTotal, 2);
        QCOMPARE(find(tree, 30)->waitersTotal, 0);
        QVERIFY(!find(tree, 30)->ddl);
        QCOMPARE(pids(BlockingTree::roots(tree)), QList<int> { 10 });
    }

    // A chain is reported whole when one of its sessions waited long enough, and not at all
    // when none did: short waits are how locks work.
    void chainsWithoutALongWaitAreLeftOut()
    {
        const QList<LockSession> read {
            session(1, {}, 0, u"UPDATE a SET x = 1"_s),
            session(2, { 1 }, 0.2, u"UPDATE a SET x = 2"_s),
            session(3, {}, 0, u"UPDATE b SET x = 1"_s),
            session(4, { 3 }, 9, u"UPDATE b SET x = 2"_s),
            session(5, { 4 }, 0.1, u"UPDATE b SET x = 3"_s), // short, but in a long chain
        };
        const QList<LockSession> tree = BlockingTree::build(read, 5);
        QCOMPARE(pids(tree), (QList<int> { 3, 4, 5 }));
        QCOMPARE(find(tree, 3)->waitersTotal, 2);
        QCOMPARE(find(tree, 4)->waitersDirect, 1);
        QVERIFY(BlockingTree::build(read, 10).isEmpty());
    }

    // Two roots: the one with more sessions behind it comes first.
    void rootsByWaitersBehind()
    {
        const QList<LockSession> read {
            session(1, {}, 0, {}),
            session(2, { 1 }, 7, {}),
            session(3, {}, 0, {}),
            session(4, { 3 }, 7, {}),
            session(5, { 3 }, 7, {}),
        };
        const QList<LockSession> tree = BlockingTree::build(read, 5);
        QCOMPARE(pids(BlockingTree::roots(tree)), (QList<int> { 3, 1 }));
        QCOMPARE(tree.first().waitersTotal, 2);
    }

    // A session waiting for two blockers (pg_blocking_pids() names every holder of a
    // conflicting lock) counts once behind a common root.
    void twoBlockersCountOnce()
    {
        const QList<LockSession> read {
            session(1, {}, 0, {}),
            session(2, { 1 }, 6, {}),
            session(3, { 1, 2 }, 6, {}),
        };
        const QList<LockSession> tree = BlockingTree::build(read, 5);
        QCOMPARE(find(tree, 1)->waitersDirect, 2);
        QCOMPARE(find(tree, 1)->waitersTotal, 2);
        QCOMPARE(find(tree, 2)->waitersTotal, 1);
    }

    // A blocker that ended between two reads of the lock table is not in the rows: its
    // waiter becomes a root rather than pointing at nothing.
    void vanishedBlockerIsDropped()
    {
        const QList<LockSession> tree
            = BlockingTree::build({ session(2, { 99 }, 8, {}), session(3, { 2 }, 8, {}) }, 5);
        QCOMPARE(find(tree, 2)->blockedBy, QList<int>());
        QCOMPARE(pids(BlockingTree::roots(tree)), QList<int> { 2 });
        QCOMPARE(find(tree, 2)->waitersTotal, 1);
    }

    // In a deadlock (before the server's deadlock_timeout breaks it) everyone waits: the
    // counts end, and there is no root.
    void deadlockCycleEnds()
    {
        const QList<LockSession> tree
            = BlockingTree::build({ session(1, { 2 }, 8, {}), session(2, { 1 }, 8, {}) }, 5);
        QCOMPARE(tree.size(), 2);
        QCOMPARE(find(tree, 1)->waitersTotal, 1);
        QCOMPARE(find(tree, 2)->waitersTotal, 1);
        QVERIFY(BlockingTree::roots(tree).isEmpty());
    }

    void ddl_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("ddl");
        const QString share = u"AccessShareLock"_s;
        QTest::newRow("alter") << u"ALTER TABLE t ADD COLUMN w int"_s << u"AccessExclusiveLock"_s
                               << true;
        QTest::newRow("create index, lower case, after a comment")
            << u"-- add the index\n  create index ix on t (v)"_s << u"ShareLock"_s << true;
        QTest::newRow("drop in a batch") << u"BEGIN; DROP TABLE old_t"_s << share << true;
        QTest::newRow("truncate") << u"TRUNCATE t"_s << share << true;
        QTest::newRow("ef core's migration lock")
            << u"LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE"_s << share << true;
        QTest::newRow("select") << u"SELECT * FROM t"_s << share << false;
        QTest::newRow("drop in a string") << u"SELECT 'DROP TABLE t'"_s << share << false;
        QTest::newRow("alter in a comment")
            << u"/* ALTER later */ UPDATE t SET v = 1"_s << u"RowExclusiveLock"_s << false;
        QTest::newRow("column named drop") << u"SELECT drop FROM t"_s << share << false;
        QTest::newRow("hidden, access exclusive") << QString() << u"AccessExclusiveLock"_s << true;
        QTest::newRow("hidden, row exclusive") << QString() << u"RowExclusiveLock"_s << false;
    }

    void ddl()
    {
        QFETCH(QString, query);
        QFETCH(QString, mode);
        QFETCH(bool, ddl);
        QCOMPARE(BlockingTree::isDdl(query, mode), ddl);
    }
};

QTEST_GUILESS_MAIN(TestBlockingTree)
#include "tst_blockingtree.moc"
