// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.replication's failing slots on a private primary of this test (issue 17;
// private because max_slot_wal_keep_size is a server setting): a physical slot whose WAL
// the server removed (wal_status lost, after WAL switches and a checkpoint past a 1 MB
// max_slot_wal_keep_size), and a slot retaining more WAL than slotRetainedFailBytes.
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "postgres/replicationcheck.h"
#include "privatepgserver.h"
#include "runandwait.h"

#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestPgReplicationCheckSlots : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<PrivatePgServer> m_server;
    const QString m_db = u"slots"_s;

    const PgServer &pg() const { return m_server->server(); }

    CheckResult runReplication(const QHash<QString, double> &thresholds = {})
    {
        Environment env = pg().environment(u"replication"_s, m_db);
        for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it)
            env.thresholds.set.insert(u"replication/"_s + it.key(), it.value());
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { ReplicationCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // Writes and switches WAL segments `segments` times.
    void writeWal(int segments)
    {
        for (int i = 0; i < segments; ++i) {
            QCOMPARE(pg().exec(m_db,
                         { u"INSERT INTO t SELECT generate_series(1, 1000)"_s,
                             u"SELECT pg_switch_wal()"_s }),
                QString());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<PrivatePgServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->error()));
        QCOMPARE(pg().exec(u"postgres"_s, { u"CREATE DATABASE slots"_s }), QString());
        QCOMPARE(pg().exec(m_db, { u"CREATE TABLE t (v int)"_s }), QString());
    }

    void cleanupTestCase() { m_server.reset(); }

    void cleanup()
    {
        QCOMPARE(
            pg().exec(m_db,
                { u"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"_s,
                    u"ALTER SYSTEM RESET max_slot_wal_keep_size"_s, u"SELECT pg_reload_conf()"_s }),
            QString());
    }

    void noSlotsNoStandbysPass()
    {
        const CheckResult r = runReplication();
        QVERIFY2(r.status == CheckStatus::Pass, qPrintable(r.message));
        QCOMPARE(r.evidenceValue(u"Role"_s).toString(), u"primary"_s);
        QCOMPARE(r.evidenceValue(u"Standbys"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"Slots"_s).toInt(), 0);
        QVERIFY(r.evidenceValue(u"OldestSlotXminAge"_s).isNull());
        QCOMPARE(r.evidenceValue(u"WalReceiver"_s).toString(), QString());
    }

    void slotOverTheLimitFails()
    {
        QCOMPARE(
            pg().exec(m_db, { u"SELECT pg_create_physical_replication_slot('behind', true)"_s }),
            QString());
        writeWal(1);
        // Inactive: a warning at the default 10 GB.
        const CheckResult warned = runReplication();
        QCOMPARE(warned.status, CheckStatus::Warn);
        QCOMPARE(warned.evidenceValue(u"SlotsOverLimit"_s).toInt(), 0);
        const double retained = warned.evidenceValue(u"SlotRetainedBytes"_s).toDouble();
        QVERIFY2(retained > 1024, qPrintable(warned.message));

        const CheckResult r = runReplication({ { u"slotRetainedFailBytes"_s, 1024 } });
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"SlotsOverLimit"_s).toInt(), 1);
        QVERIFY2(r.message.startsWith(u"1 slot retains 1.0 kB or more WAL: behind; 1 inactive "
                                      "slot keeping WAL: behind ("_s),
            qPrintable(r.message));
        QCOMPARE(
            r.evidenceValue(u"InactiveSlotNames"_s).toStringList(), QStringList { u"behind"_s });
    }

    // max_slot_wal_keep_size removed the WAL of an inactive slot: wal_status lost fails.
    void lostSlotFails()
    {
        QCOMPARE(pg().exec(m_db,
                     { u"ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'"_s,
                         u"SELECT pg_reload_conf()"_s,
                         u"SELECT pg_create_physical_replication_slot('gone', true)"_s }),
            QString());
        QTRY_COMPARE(pg().scalar(m_db, u"SHOW max_slot_wal_keep_size"_s).toString(), u"1MB"_s);
        writeWal(4);
        QCOMPARE(pg().exec(m_db, { u"CHECKPOINT"_s }), QString());
        QTRY_COMPARE(pg().scalar(m_db,
                             u"SELECT wal_status FROM pg_replication_slots "
                             "WHERE slot_name = 'gone'"_s)
                         .toString(),
            u"lost"_s);

        const CheckResult r = runReplication();
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"LostSlots"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"InactiveSlotNames"_s).toStringList().value(0), u"gone"_s);
        QVERIFY2(r.message.startsWith(
                     u"1 slot lost the WAL its standby needs (wal_status lost): gone"_s),
            qPrintable(r.message));
        const QString line = r.evidenceValue(u"SlotList"_s).toStringList().value(0);
        QVERIFY2(line.startsWith(u"gone (physical, inactive, lost)"_s), qPrintable(line));
        // PostgreSQL 17 names why (invalidation_reason); older ones say lost only.
        if (pg().scalar(m_db, u"SHOW server_version_num"_s).toInt() >= 170000)
            QVERIFY2(line.contains(u"invalidated: wal_removed"_s), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestPgReplicationCheckSlots)
#include "tst_pg_replicationcheck_slots.moc"
