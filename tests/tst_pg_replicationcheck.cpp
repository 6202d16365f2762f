// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.replication on a real primary and a real streaming standby (issue 17): a
// private primary of this test and a standby made from it with pg_basebackup -R through
// the slot standby1; lag made by pausing the standby's replay (pg_wal_replay_pause()) while
// the primary writes; an inactive physical slot; a role without pg_monitor; and the
// acceptance path through `doctor run --format json`. Every slot and pause is undone before
// the next test.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "postgres/replicationcheck.h"
#include "privatepgserver.h"
#include "runandwait.h"
#include "streamingstandby.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

class TestPgReplicationCheck : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<PrivatePgServer> m_primary;
    std::unique_ptr<StreamingStandby> m_standby;
    const QString m_db = u"repl"_s;

    const PgServer &primary() const { return m_primary->server(); }
    const PgServer &standby() const { return m_standby->server(); }

    CheckResult runOn(const PgServer &server, const QHash<QString, double> &thresholds = {},
        const QString &role = {})
    {
        Environment env = server.environment(u"replication"_s, m_db);
        for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it)
            env.thresholds.set.insert(u"replication/"_s + it.key(), it.value());
        if (!role.isEmpty()) {
            env.connection.user = role;
            env.connection.password = u"pw-repl-watcher"_s;
        }
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { ReplicationCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // Pauses the standby's replay and writes on the primary until the standby has received
    // what it does not replay.
    void pauseAndWrite()
    {
        // A commit replayed before the pause: the replay delay counts from its time.
        QCOMPARE(primary().exec(m_db, { u"INSERT INTO t VALUES (0)"_s }), QString());
        QVERIFY(m_standby->waitForReplay());
        QCOMPARE(standby().exec(m_db, { u"SELECT pg_wal_replay_pause()"_s }), QString());
        QTRY_COMPARE(standby().scalar(m_db, u"SELECT pg_get_wal_replay_pause_state()"_s).toString(),
            u"paused"_s);
        QCOMPARE(primary().exec(m_db, { u"INSERT INTO t SELECT generate_series(1, 1000)"_s }),
            QString());
        QVERIFY(m_standby->waitForReceive());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_primary = std::make_unique<PrivatePgServer>();
        QVERIFY2(m_primary->isValid(), qPrintable(m_primary->error()));
        QCOMPARE(primary().exec(u"postgres"_s, { u"CREATE DATABASE repl"_s }), QString());
        QCOMPARE(primary().exec(m_db,
                     { u"CREATE TABLE t (v int)"_s,
                         u"CREATE ROLE watcher LOGIN PASSWORD 'pw-repl-watcher'"_s }),
            QString());
        m_standby = std::make_unique<StreamingStandby>(primary(), u"standby1"_s);
        QVERIFY2(m_standby->isValid(), qPrintable(m_standby->error()));
        QVERIFY(m_standby->waitForReplay());
        QVERIFY(standby().scalar(m_db, u"SELECT pg_is_in_recovery()"_s).toBool());
    }

    void cleanupTestCase()
    {
        m_standby.reset();
        m_primary.reset();
    }

    void cleanup()
    {
        standby().exec(m_db, { u"SELECT pg_wal_replay_resume()"_s });
        primary().exec(m_db,
            { u"SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
              "WHERE slot_name <> 'standby1'"_s,
                u"REVOKE pg_monitor FROM watcher"_s });
        QVERIFY(m_standby->waitForReplay());
    }

    void caughtUpStandbyPasses()
    {
        QCOMPARE(primary().exec(m_db, { u"INSERT INTO t VALUES (1)"_s }), QString());
        QVERIFY(m_standby->waitForReplay());
        QVERIFY(m_standby->waitUntilPrimarySeesReplay());
        const CheckResult r = runOn(primary());
        QVERIFY2(r.status == CheckStatus::Pass, qPrintable(r.message));
        QCOMPARE(r.evidenceValue(u"Role"_s).toString(), u"primary"_s);
        QCOMPARE(r.evidenceValue(u"Standbys"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"StandbysLagging"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"Slots"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"InactiveSlots"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"Hidden"_s).toInt(), 0);
        const QString line = r.evidenceValue(u"StandbyLags"_s).toStringList().value(0);
        QVERIFY2(line.startsWith(u"walreceiver (127.0.0.1, streaming, async): write 0 bytes"_s),
            qPrintable(line));
        const QString slot = r.evidenceValue(u"SlotList"_s).toStringList().value(0);
        QVERIFY2(slot.startsWith(u"standby1 (physical, active, reserved)"_s), qPrintable(slot));

        const CheckResult s = runOn(standby());
        QVERIFY2(s.status == CheckStatus::Pass, qPrintable(s.message));
        QCOMPARE(s.evidenceValue(u"Role"_s).toString(), u"standby"_s);
        QCOMPARE(s.evidenceValue(u"ReplayPaused"_s).toBool(), false);
        QCOMPARE(s.evidenceValue(u"WalReceiver"_s).toString(), u"streaming"_s);
        QCOMPARE(s.evidenceValue(u"MaxLagBytes"_s).toDouble(), 0.0);
        QCOMPARE(s.evidenceValue(u"MaxLagSeconds"_s).toDouble(), 0.0);
        QCOMPARE(s.evidenceValue(u"ReceiveLsn"_s), s.evidenceValue(u"ReplayLsn"_s));
    }

    // pg_wal_replay_pause() on the standby: the standby warns at any threshold (its replay
    // is paused); the primary sees the standby's replay behind by bytes.
    void pausedReplayIsLagOnBothSides()
    {
        pauseAndWrite();
        const CheckResult s = runOn(standby());
        QCOMPARE(s.status, CheckStatus::Warn);
        QVERIFY(s.evidenceValue(u"ReplayPaused"_s).toBool());
        const QString lsns = u"%1: received %2, replayed %3"_s.arg(s.message,
            s.evidenceValue(u"ReceiveLsn"_s).toString(),
            s.evidenceValue(u"ReplayLsn"_s).toString());
        QVERIFY2(s.evidenceValue(u"MaxLagBytes"_s).toDouble() > 0, qPrintable(lsns));
        QVERIFY2(s.evidenceValue(u"MaxLagSeconds"_s).toDouble() > 0, qPrintable(lsns));
        QVERIFY(s.evidenceValue(u"ReceiveLsn"_s) != s.evidenceValue(u"ReplayLsn"_s));
        QVERIFY2(s.message.startsWith(u"WAL replay is paused (pg_wal_replay_pause()); "_s),
            qPrintable(s.message));

        // The primary: behind by bytes once the standby reports its write position.
        QTRY_VERIFY(primary()
                .scalar(m_db,
                    u"SELECT replay_lsn < flush_lsn "
                    "FROM pg_stat_replication"_s)
                .toBool());
        const CheckResult p = runOn(primary(), { { u"lagWarnBytes"_s, 1 } });
        QCOMPARE(p.status, CheckStatus::Warn);
        QCOMPARE(p.evidenceValue(u"StandbysLagging"_s).toInt(), 1);
        QVERIFY(p.evidenceValue(u"MaxLagBytes"_s).toDouble() > 1000);
        QVERIFY2(p.evidenceValue(u"LaggingStandby"_s).toString().startsWith(u"walreceiver"_s),
            qPrintable(p.message));
        // Under the default 1 GB the same lag is no finding.
        QCOMPARE(runOn(primary()).status, CheckStatus::Pass);

        // Resumed, the standby catches up and both pass again.
        QCOMPARE(standby().exec(m_db, { u"SELECT pg_wal_replay_resume()"_s }), QString());
        QVERIFY(m_standby->waitForReplay());
        QVERIFY(m_standby->waitUntilPrimarySeesReplay());
        QCOMPARE(runOn(standby()).status, CheckStatus::Pass);
        QCOMPARE(runOn(primary(), { { u"lagWarnBytes"_s, 1 } }).status, CheckStatus::Pass);
    }

    void inactiveSlotWarns()
    {
        QCOMPARE(primary().exec(
                     m_db, { u"SELECT pg_create_physical_replication_slot('forgotten', true)"_s }),
            QString());
        const CheckResult r = runOn(primary());
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"Slots"_s).toInt(), 2);
        QCOMPARE(r.evidenceValue(u"InactiveSlots"_s).toInt(), 1);
        QCOMPARE(
            r.evidenceValue(u"InactiveSlotNames"_s).toStringList(), QStringList { u"forgotten"_s });
        QCOMPARE(r.evidenceValue(u"LostSlots"_s).toInt(), 0);
        QVERIFY2(r.message.contains(u"1 inactive slot keeping WAL: forgotten ("_s),
            qPrintable(r.message));
    }

    // A role without pg_monitor sees the standby's pid only: never a clean pass.
    void hiddenStandbyIsNamedWithTheGrant()
    {
        const CheckResult r = runOn(primary(), {}, u"watcher"_s);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"Hidden"_s).toInt(), 1);
        QVERIFY2(r.message.contains(u"cannot see the state and lag of 1 standby; GRANT "
                                    "pg_monitor TO watcher"_s),
            qPrintable(r.message));
        QCOMPARE(primary().exec(m_db, { u"GRANT pg_monitor TO watcher"_s }), QString());
        const CheckResult granted = runOn(primary(), {}, u"watcher"_s);
        QVERIFY2(granted.status == CheckStatus::Pass, qPrintable(granted.message));
        QCOMPARE(granted.evidenceValue(u"Hidden"_s).toInt(), 0);
    }

    // The acceptance path: the primary with an inactive slot and the paused standby, through
    // `doctor run --format json`, with their fixes filled in.
    void jsonReport()
    {
        QCOMPARE(primary().exec(
                     m_db, { u"SELECT pg_create_physical_replication_slot('forgotten', true)"_s }),
            QString());
        pauseAndWrite();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: primary\n    deployment: kubernetes\n"
                "    connection: \"%1\"\n  - name: standby\n    deployment: compose\n"
                "    connection: \"%2\"\n    thresholds: {replication: {lagWarnBytes: 1}}\n"_s
                    .arg(primary().npgsqlString(m_db), standby().npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun run = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            ReplicationCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(run.exitCode, 1); // the worst result is a warning
        const QJsonArray results
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 2);
        QHash<QString, QJsonObject> byEnv;
        for (const QJsonValue &v : results)
            byEnv.insert(v.toObject().value(u"environment"_s).toString(), v.toObject());
        auto commands = [](const QJsonObject &result, const QString &deployment) {
            QStringList out;
            for (const QJsonValue &fix :
                result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
                if (fix.toObject().value(u"deployment"_s).toString() == deployment)
                    out << fix.toObject().value(u"command"_s).toString();
            }
            return out.join(u'\n');
        };

        const QJsonObject p = byEnv.value(u"primary"_s);
        QCOMPARE(p.value(u"status"_s).toString(), u"warn"_s);
        const QJsonObject pe = p.value(u"evidence"_s).toObject();
        QCOMPARE(pe.value(u"Role"_s).toString(), u"primary"_s);
        QCOMPARE(pe.value(u"InactiveSlots"_s).toInt(), 1);
        QCOMPARE(pe.value(u"Standbys"_s).toInt(), 1);
        const QString pk = commands(p, u"kubernetes"_s);
        QVERIFY2(pk.contains(u"kubectl -n <namespace> exec <postgres-pod> -- psql -U postgres "
                             "-d <db-name> -c \"SELECT pg_drop_replication_slot('forgotten');\""_s),
            qPrintable(pk));
        QVERIFY2(!pk.contains(u"pg_wal_replay_resume"_s), qPrintable(pk));

        const QJsonObject s = byEnv.value(u"standby"_s);
        QCOMPARE(s.value(u"status"_s).toString(), u"warn"_s);
        const QJsonObject se = s.value(u"evidence"_s).toObject();
        QCOMPARE(se.value(u"Role"_s).toString(), u"standby"_s);
        QCOMPARE(se.value(u"ReplayPaused"_s).toBool(), true);
        QVERIFY(se.value(u"MaxLagBytes"_s).toDouble() > 0);
        const QString sc = commands(s, u"compose"_s);
        QVERIFY2(sc.contains(u"pg_wal_replay_resume()"_s), qPrintable(sc));
        QVERIFY2(!sc.contains(u"pg_drop_replication_slot"_s), qPrintable(sc));
        QVERIFY(!run.out.contains(primary().password()));
    }
};

QTEST_GUILESS_MAIN(TestPgReplicationCheck)
#include "tst_pg_replicationcheck.moc"
