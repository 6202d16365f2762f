// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.vacuum on a private server of this test (issue 17; private because one
// case switches autovacuum off for the whole server): a table with autovacuum_enabled =
// false after a bulk UPDATE of every row, vacuumed before (overdue once notVacuumedSeconds
// passes) or never; the fixes the KB offers run and clear the finding; a VACUUM slowed by
// its cost delay, seen running with its progress, and hidden from a role without pg_monitor;
// and the acceptance path through `doctor run --format json`.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "lockholder.h"
#include "postgres/vacuumcheck.h"
#include "privatepgserver.h"
#include "runandwait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <libpq-fe.h>
#include <memory>

using namespace Qt::StringLiterals;

class TestPgVacuumCheck : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<PrivatePgServer> m_server;
    const QString m_db = u"vac"_s;

    const PgServer &pg() const { return m_server->server(); }

    CheckResult runVacuum(const QHash<QString, double> &thresholds = {}, const QString &role = {})
    {
        Environment env = pg().environment(u"vacuum"_s, m_db);
        for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it)
            env.thresholds.set.insert(u"vacuum/"_s + it.key(), it.value());
        if (!role.isEmpty()) {
            env.connection.user = role;
            env.connection.password = u"pw-vacuum-watcher"_s;
        }
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { VacuumCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // Table `name` of `rows` rows with autovacuum off, every row updated once: as many dead
    // tuples as live ones. vacuumFirst: a VACUUM before the UPDATE sets last_vacuum.
    void bloat(const QString &name, int rows, bool vacuumFirst)
    {
        const QString counts
            = u"SELECT n_live_tup, n_dead_tup FROM pg_stat_user_tables WHERE relname = '%1'"_s;
        QCOMPARE(
            pg().exec(m_db,
                { u"CREATE TABLE %1 (id int, v int) WITH (autovacuum_enabled = false)"_s.arg(name),
                    u"INSERT INTO %1 SELECT g, 0 FROM generate_series(1, %2) g"_s.arg(name).arg(
                        rows) }),
            QString());
        // A backend reports its counts when it ends: wait for them, so that the insert's are
        // not added after the VACUUM has set the live count.
        QTRY_COMPARE(pg().scalar(m_db, counts.arg(name)).toInt(), rows);
        if (vacuumFirst)
            QCOMPARE(pg().exec(m_db, { u"VACUUM %1"_s.arg(name) }), QString());
        QCOMPARE(pg().exec(m_db, { u"UPDATE %1 SET v = v + 1"_s.arg(name) }), QString());
        QTRY_COMPARE(
            pg().scalar(m_db,
                    u"SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = '%1'"_s.arg(name))
                .toInt(),
            rows);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<PrivatePgServer>();
        QVERIFY2(m_server->isValid(), qPrintable(m_server->error()));
        QCOMPARE(pg().exec(u"postgres"_s,
                     { u"CREATE DATABASE vac"_s,
                         u"CREATE ROLE watcher LOGIN PASSWORD 'pw-vacuum-watcher'"_s }),
            QString());
    }

    void cleanupTestCase() { m_server.reset(); }

    void cleanup()
    {
        QCOMPARE(pg().exec(m_db,
                     { u"DROP TABLE IF EXISTS bloated, fresh, big"_s,
                         u"ALTER SYSTEM RESET autovacuum"_s, u"SELECT pg_reload_conf()"_s }),
            QString());
    }

    void cleanTablePasses()
    {
        QCOMPARE(pg().exec(m_db,
                     { u"CREATE TABLE fresh (id int)"_s,
                         u"INSERT INTO fresh SELECT generate_series(1, 20000)"_s }),
            QString());
        const CheckResult r = runVacuum();
        QVERIFY2(r.status == CheckStatus::Pass, qPrintable(r.message));
        QCOMPARE(r.evidenceValue(u"OverdueTables"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"Autovacuum"_s).toBool(), true);
        QCOMPARE(r.evidenceValue(u"AutovacuumOffTables"_s).toStringList(), QStringList());
        QVERIFY2(r.message.startsWith(u"no table has 20 % or more dead tuples (at least 10000) "
                                      "without a vacuum for 86400 s"_s),
            qPrintable(r.message));
    }

    // Vacuumed seconds before the bulk UPDATE: overdue only once notVacuumedSeconds passed.
    void bulkUpdateWithAutovacuumOff()
    {
        bloat(u"bloated"_s, 50000, true);
        const CheckResult recent = runVacuum();
        QVERIFY2(recent.status == CheckStatus::Pass, qPrintable(recent.message));
        QCOMPARE(recent.evidenceValue(u"AutovacuumOffTables"_s).toStringList(),
            QStringList { u"public.bloated"_s });
        QVERIFY2(recent.message.contains(u"autovacuum is off for 1 table: public.bloated"_s),
            qPrintable(recent.message));

        QTest::qWait(1100);
        const CheckResult r = runVacuum({ { u"notVacuumedSeconds"_s, 1 } });
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"OverdueTables"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"DeadTupleTables"_s).toStringList(),
            QStringList { u"public.bloated"_s });
        QCOMPARE(r.evidenceValue(u"MostDeadTuples"_s).toInt(), 50000);
        QCOMPARE(r.evidenceValue(u"MostDeadTuplesPercent"_s).toDouble(), 50.0);
        const QString line = r.evidenceValue(u"Overdue"_s).toStringList().value(0);
        QVERIFY2(line.startsWith(u"public.bloated: 50000 dead tuples (50 % of 100000 rows), "
                                 "last vacuumed 20"_s),
            qPrintable(line));
        QVERIFY2(line.endsWith(u", autovacuum off for it"_s), qPrintable(line));
        // Fewer dead tuples than the minimum: no finding.
        QCOMPARE(
            runVacuum({ { u"notVacuumedSeconds"_s, 1 }, { u"deadTuplesMin"_s, 60000 } }).status,
            CheckStatus::Pass);

        // The KB's fixes, as the DBA runs them, clear the finding.
        QCOMPARE(pg().exec(m_db,
                     { u"VACUUM (VERBOSE, ANALYZE) public.bloated"_s,
                         u"ALTER TABLE public.bloated RESET (autovacuum_enabled)"_s }),
            QString());
        QTRY_COMPARE(pg().scalar(m_db,
                             u"SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = "
                             "'bloated'"_s)
                         .toInt(),
            0);
        const CheckResult after = runVacuum({ { u"notVacuumedSeconds"_s, 1 } });
        QVERIFY2(after.status == CheckStatus::Pass, qPrintable(after.message));
        QCOMPARE(after.evidenceValue(u"AutovacuumOffTables"_s).toStringList(), QStringList());
    }

    // Never vacuumed counts as longer than any threshold.
    void neverVacuumedIsOverdue()
    {
        bloat(u"bloated"_s, 20000, false);
        const CheckResult r = runVacuum();
        QCOMPARE(r.status, CheckStatus::Warn);
        QVERIFY2(
            r.evidenceValue(u"Overdue"_s).toStringList().value(0).contains(u"never vacuumed"_s),
            qPrintable(r.message));
    }

    void autovacuumOffForTheServer()
    {
        QCOMPARE(pg().exec(m_db,
                     { u"ALTER SYSTEM SET autovacuum = off"_s, u"SELECT pg_reload_conf()"_s }),
            QString());
        QTRY_COMPARE(pg().scalar(m_db, u"SHOW autovacuum"_s).toString(), u"off"_s);
        const CheckResult r = runVacuum();
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"Autovacuum"_s).toBool(), false);
        QVERIFY2(r.message.startsWith(u"autovacuum is off for the whole server"_s),
            qPrintable(r.message));
    }

    // A VACUUM slowed down by its cost delay (100 ms a page) runs while the check looks.
    void runningVacuumWithProgress()
    {
        QCOMPARE(pg().exec(m_db,
                     { u"CREATE TABLE big (id int, v int) WITH (autovacuum_enabled = off)"_s,
                         u"INSERT INTO big SELECT g, g FROM generate_series(1, 200000) g"_s }),
            QString());
        LockHolder vacuum(pg(), m_db, u"slow-vacuum"_s);
        QVERIFY2(vacuum.isOpen(), qPrintable(vacuum.error()));
        QCOMPARE(
            vacuum.exec(u"SET vacuum_cost_delay = 100; SET vacuum_cost_limit = 1"_s), QString());
        QVERIFY(vacuum.send(u"VACUUM big"_s));
        const QString progress = u"SELECT heap_blks_scanned > 0 FROM pg_stat_progress_vacuum "
                                 "WHERE pid = %1"_s.arg(vacuum.pid());
        QTRY_VERIFY(pg().scalar(m_db, progress).toBool());

        const CheckResult r = runVacuum();
        QCOMPARE(r.evidenceValue(u"RunningVacuums"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"Hidden"_s).toInt(), 0);
        const QString line = r.evidenceValue(u"Vacuums"_s).toStringList().value(0);
        QVERIFY2(line.startsWith(u"pid %1 VACUUM public.big: scanning heap, "_s.arg(vacuum.pid())),
            qPrintable(line));
        QVERIFY2(line.contains(u" heap blocks scanned ("_s), qPrintable(line));
        QVERIFY2(r.message.contains(u"running: pid %1"_s.arg(vacuum.pid())), qPrintable(r.message));

        // A role without pg_monitor sees the vacuum's pid only.
        const CheckResult blind = runVacuum({}, u"watcher"_s);
        QCOMPARE(blind.evidenceValue(u"RunningVacuums"_s).toInt(), 1);
        QCOMPARE(blind.evidenceValue(u"Hidden"_s).toInt(), 1);
        QVERIFY2(blind.message.endsWith(u"cannot see the table and progress of 1 running vacuum; "
                                        "GRANT pg_monitor TO watcher"_s),
            qPrintable(blind.message));

        QVERIFY(pg().scalar(m_db, u"SELECT pg_cancel_backend(%1)"_s.arg(vacuum.pid())).toBool());
        QVERIFY(!vacuum.finish().isEmpty()); // canceled
    }

    void jsonReport()
    {
        bloat(u"bloated"_s, 20000, false);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: prod\n    deployment: systemd\n"
                "    connection: \"%1\"\n    thresholds: {vacuum: {notVacuumedSeconds: 1}}\n"_s
                    .arg(pg().npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun run = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            VacuumCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(run.exitCode, 1); // a warning
        const QJsonArray results
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"warn"_s);
        const QJsonObject ev = result.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"OverdueTables"_s).toInt(), 1);
        QCOMPARE(ev.value(u"MostDeadTuples"_s).toInt(), 20000);
        QCOMPARE(ev.value(u"DeadTupleTables"_s).toArray().first().toString(), u"public.bloated"_s);
        QStringList commands;
        for (const QJsonValue &fix :
            result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
            if (fix.toObject().value(u"deployment"_s).toString() == u"systemd"_s)
                commands << fix.toObject().value(u"command"_s).toString();
        }
        const QString all = commands.join(u'\n');
        QVERIFY2(all.contains(u"sudo -u postgres psql -d <db-name> -c 'VACUUM (VERBOSE, ANALYZE) "
                              "public.bloated;'"_s),
            qPrintable(all));
        QVERIFY2(all.contains(u"'ALTER TABLE public.bloated RESET (autovacuum_enabled);'"_s),
            qPrintable(all));
        QVERIFY2(!all.contains(u"ALTER SYSTEM RESET autovacuum"_s), qPrintable(all));
        QVERIFY(!run.out.contains(pg().password()));
    }
};

QTEST_GUILESS_MAIN(TestPgVacuumCheck)
#include "tst_pg_vacuumcheck.moc"
