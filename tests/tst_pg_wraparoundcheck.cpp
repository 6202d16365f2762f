// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.wraparound against the fixture's real PostgreSQL (issue 17): transaction IDs
// consumed for real with txid_current() in committed transactions, a table left unfrozen
// while every other table of this test's database is frozen, so that it is the oldest, and
// thresholds set to a few thousand transactions. XIDs are cluster-wide: each test consumes
// 2000 and no more. The database is this test's own and dropped at the end.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "lockholder.h"
#include "pgserver.h"
#include "postgres/wraparoundcheck.h"
#include "runandwait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <libpq-fe.h> // lockholder.h; tells testtraits.cmake to link libpq

using namespace Qt::StringLiterals;

namespace {

constexpr int Consumed = 2000;

QVariantMap entry(
    const CheckResult &r, const QString &list, const QString &key, const QString &value)
{
    for (const QVariant &v : r.evidenceValue(list).toList()) {
        if (v.toMap().value(key).toString() == value)
            return v.toMap();
    }
    return {};
}

} // namespace

class TestPgWraparoundCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;

    CheckResult runCheck(const QHash<QString, double> &thresholds = {})
    {
        Environment env = m_pg.environment(u"wrap"_s, m_db);
        for (auto it = thresholds.cbegin(); it != thresholds.cend(); ++it)
            env.thresholds.set.insert(u"wraparound/"_s + it.key(), it.value());
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { WraparoundCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // Consumes Consumed XIDs, each in its own committed transaction (txid_current() assigns
    // one), then freezes every table of the database but t, which keeps its old
    // relfrozenxid. VACUUM cannot run inside a function, hence the list built first.
    void ageTableT()
    {
        LockHolder s(m_pg, m_db, u"xid-burner"_s);
        QVERIFY2(s.isOpen(), qPrintable(s.error()));
        QCOMPARE(s.exec(u"DO $$ BEGIN FOR i IN 1..%1 LOOP PERFORM txid_current(); COMMIT; "
                        "END LOOP; END $$"_s.arg(Consumed)),
            QString());
        const QString others = m_pg.scalar(m_db,
                                       u"SELECT string_agg(format('%I.%I', n.nspname, c.relname), "
                                       "', ') FROM pg_class c JOIN pg_namespace n ON n.oid = "
                                       "c.relnamespace WHERE c.relkind IN ('r', 'm') "
                                       "AND c.oid <> 'public.t'::regclass"_s)
                                   .toString();
        QVERIFY(!others.isEmpty());
        // VACUUM freezes up to the cluster's oldest running transaction: the shared catalogs
        // (pg_auth_members, say) are held back by a transaction in any database, and the
        // catalogs by a replication slot's catalog_xmin. A clean-clone run once found a shared
        // catalog older than t here, with nothing to tell what held it. So: freeze again while
        // something else is older than t, for up to 20 s, then fail naming what holds it.
        const QString oldest = u"SELECT c.oid::regclass::text FROM pg_class c WHERE c.relkind "
                               "IN ('r', 'm') ORDER BY age(c.relfrozenxid) DESC, c.oid LIMIT 1"_s;
        for (int attempt = 0;; ++attempt) {
            QCOMPARE(m_pg.exec(m_db, { u"VACUUM (FREEZE) "_s + others }), QString());
            const QString found = m_pg.scalar(m_db, oldest).toString();
            if (found == u"t"_s || found == u"public.t"_s)
                return;
            if (attempt == 40) {
                const QString holders
                    = m_pg.scalar(m_db,
                              u"SELECT coalesce(string_agg(format('pid %s db %s app %s state %s "
                              u"xmin %s "
                              "xid %s: %s', pid, datname, application_name, state, backend_xmin, "
                              "backend_xid, left(query, 60)), '; '), 'no session') || ' | slots: ' "
                              "|| "
                              "coalesce((SELECT string_agg(format('%s xmin %s catalog_xmin %s', "
                              "slot_name, xmin, catalog_xmin), '; ') FROM pg_replication_slots), "
                              "'none') || ' | prepared: ' || (SELECT count(*) FROM "
                              "pg_prepared_xacts) "
                              "FROM pg_stat_activity WHERE (backend_xmin IS NOT NULL OR "
                              "backend_xid IS "
                              "NOT NULL) AND pid <> pg_backend_pid()"_s)
                          .toString();
                QFAIL(
                    qPrintable(u"%1 stays older than t after freezing: %2"_s.arg(found, holders)));
            }
            QTest::qWait(500);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"wrap"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_db.isEmpty())
            QCOMPARE(m_pg.exec(u"postgres"_s, { u"DROP DATABASE %1 WITH (FORCE)"_s.arg(m_db) }),
                QString());
    }

    void init()
    {
        QCOMPARE(
            m_pg.exec(m_db,
                { u"DROP TABLE IF EXISTS t"_s, u"CREATE TABLE t (id int PRIMARY KEY, doc text)"_s,
                    u"INSERT INTO t SELECT g, repeat('x', 5000) FROM generate_series(1, 3) g"_s }),
            QString());
    }

    // A young cluster at the default thresholds: a pass that still reports the ages.
    void passesAtTheDefaults()
    {
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Pass);
        const qint64 maxAge = r.evidenceValue(u"MaxXidAge"_s).toLongLong();
        QVERIFY(maxAge > 0);
        QCOMPARE(
            r.evidenceValue(u"XidsUntilWraparound"_s).toLongLong(), Q_INT64_C(2147483648) - maxAge);
        QCOMPARE(r.evidenceValue(u"FreezeMaxAge"_s).toLongLong(),
            m_pg.scalar(m_db, u"SELECT current_setting('autovacuum_freeze_max_age')::bigint"_s)
                .toLongLong());
        QCOMPARE(r.evidenceValue(u"NeedsFreeze"_s).toBool(), false);
        const QVariantMap mine = entry(r, u"Databases"_s, u"Database"_s, m_db);
        QVERIFY2(!mine.isEmpty(), qPrintable(m_db));
        QVERIFY(mine.value(u"XidAge"_s).toLongLong() <= maxAge);
        QVERIFY(mine.value(u"AllowConnections"_s).toBool());
        // template0 counts although nobody connects to it.
        QVERIFY(!entry(r, u"Databases"_s, u"Database"_s, u"template0"_s).isEmpty());
        QVERIFY2(r.message.contains(u"transactions until wraparound"_s), qPrintable(r.message));
    }

    void oldTableWarnsThenFails()
    {
        // A MultiXact on t: two sessions share a row lock.
        LockHolder a(m_pg, m_db, u"share-a"_s), b(m_pg, m_db, u"share-b"_s);
        QCOMPARE(a.exec(u"BEGIN; SELECT * FROM t WHERE id = 1 FOR SHARE"_s), QString());
        QCOMPARE(b.exec(u"BEGIN; SELECT * FROM t WHERE id = 1 FOR SHARE"_s), QString());
        QCOMPARE(a.exec(u"COMMIT"_s), QString());
        QCOMPARE(b.exec(u"COMMIT"_s), QString());
        ageTableT();
        if (QTest::currentTestFailed())
            return;

        const CheckResult r = runCheck({ { u"warnAge"_s, 1000 } });
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"NeedsFreeze"_s).toBool(), true);
        QVERIFY(r.evidenceValue(u"MaxXidAge"_s).toLongLong() >= Consumed);
        QVERIFY(r.evidenceValue(u"MaxMultiXactAge"_s).toLongLong() >= 1);
        QVERIFY(entry(r, u"Databases"_s, u"Database"_s, m_db).value(u"XidAge"_s).toLongLong()
            >= Consumed);
        QCOMPARE(r.evidenceValue(u"OldestTable"_s).toString(), u"public.t"_s);
        const QVariantMap t = r.evidenceValue(u"OldestTables"_s).toList().value(0).toMap();
        const qint64 age = t.value(u"XidAge"_s).toLongLong();
        QVERIFY(age >= Consumed);
        QCOMPARE(r.evidenceValue(u"OldestTableXidAge"_s).toLongLong(), age);
        QVERIFY2(t.value(u"ToastTable"_s).toString().startsWith(u"pg_toast.pg_toast_"_s),
            qPrintable(t.value(u"ToastTable"_s).toString()));
        QVERIFY(t.value(u"ToastXidAge"_s).toLongLong() >= Consumed);
        QVERIFY(t.value(u"MultiXactAge"_s).toLongLong() >= 1);
        QCOMPARE(t.value(u"UntilFreezeMaxAge"_s).toLongLong(),
            r.evidenceValue(u"FreezeMaxAge"_s).toLongLong() - age);
        QCOMPARE(t.value(u"UntilWraparound"_s).toLongLong(), Q_INT64_C(2147483648) - age);
        // The other tables were frozen just now: t is older than all of them.
        const QVariantMap next = r.evidenceValue(u"OldestTables"_s).toList().value(1).toMap();
        QVERIFY(next.value(u"XidAge"_s).toLongLong() < age);
        QVERIFY2(
            r.message.contains(u"reached the warning threshold 1000"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"oldest table here: public.t"_s), qPrintable(r.message));

        const CheckResult failing = runCheck({ { u"warnAge"_s, 1000 }, { u"failAge"_s, 1500 } });
        QCOMPARE(failing.status, CheckStatus::Fail);
        QVERIFY2(failing.message.contains(u"reached the failure threshold 1500"_s),
            qPrintable(failing.message));
        // Above every age in the cluster: a pass again.
        QCOMPARE(
            runCheck({ { u"warnAge"_s, 2e9 }, { u"failAge"_s, 2e9 } }).status, CheckStatus::Pass);
    }

    // The table frozen without its TOAST table (PROCESS_TOAST, PostgreSQL 14 on): the TOAST
    // table's age is the table's age.
    void toastTableKeepsTheTableOld()
    {
        ageTableT();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_pg.exec(m_db, { u"VACUUM (FREEZE, PROCESS_TOAST false) t"_s }), QString());
        const CheckResult r = runCheck({ { u"warnAge"_s, 1000 } });
        const QVariantMap t = entry(r, u"OldestTables"_s, u"Table"_s, u"public.t"_s);
        QVERIFY(!t.isEmpty());
        QVERIFY(t.value(u"TableXidAge"_s).toLongLong() < Consumed / 2);
        QVERIFY(t.value(u"ToastXidAge"_s).toLongLong() >= Consumed);
        QCOMPARE(t.value(u"XidAge"_s), t.value(u"ToastXidAge"_s));
        QCOMPARE(r.evidenceValue(u"OldestTable"_s).toString(), u"public.t"_s);
    }

    // The acceptance path: `doctor run --format json`, thresholds from the environments file,
    // the fix with the oldest table filled in; running that fix freezes the table.
    void jsonReportAndTheFix()
    {
        ageTableT();
        if (QTest::currentTestFailed())
            return;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: prod\n    deployment: systemd\n"
                "    connection: \"%1\"\n    thresholds:\n      wraparound: {warnAge: 1000}\n"_s
                    .arg(m_pg.npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun run = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            WraparoundCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(run.exitCode, 1); // the worst result is a warning
        const QJsonArray results
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"warn"_s);
        const QJsonObject ev = result.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"OldestTable"_s).toString(), u"public.t"_s);
        QVERIFY(ev.value(u"OldestTableXidAge"_s).toInteger() >= Consumed);
        QVERIFY(ev.value(u"OldestTables"_s).toArray().first().toObject().contains(u"ToastTable"_s));
        QStringList commands;
        for (const QJsonValue &fix :
            result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
            if (fix.toObject().value(u"deployment"_s).toString() == u"systemd"_s)
                commands << fix.toObject().value(u"command"_s).toString();
        }
        const QString all = commands.join(u'\n');
        const QString freeze = u"VACUUM (FREEZE, VERBOSE) public.t;"_s;
        QVERIFY2(all.contains(u"sudo -u postgres psql -d <db-name> -c '%1'"_s.arg(freeze)),
            qPrintable(all));
        QVERIFY2(all.contains(u"vacuumdb -d %1 --freeze --verbose --jobs 4"_s.arg(
                     ev.value(u"OldestDatabase"_s).toString())),
            qPrintable(all));
        QVERIFY(!run.out.contains(m_pg.password()));

        // The fix as the report gives it: t's age drops to about nothing.
        QCOMPARE(m_pg.exec(m_db, { freeze.chopped(1) }), QString());
        const CheckResult after = runCheck({ { u"warnAge"_s, 1000 } });
        const QVariantMap t = entry(after, u"OldestTables"_s, u"Table"_s, u"public.t"_s);
        QVERIFY(t.value(u"XidAge"_s).toLongLong() < Consumed / 2);
        QVERIFY(entry(after, u"Databases"_s, u"Database"_s, m_db).value(u"XidAge"_s).toLongLong()
            < Consumed / 2);
    }
};

QTEST_GUILESS_MAIN(TestPgWraparoundCheck)
#include "tst_pg_wraparoundcheck.moc"
