// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Schema version 2, the first real upgrade step (issue 19), on real SQLite files: a store
// written by version 1 (the steps hook limited to version 1) upgrades on open, keeps its
// runs (shard '') and readers' answers, and gains runs.shard and the `latest` view (newest
// result per environment, check and subject, with its run's shard); the schema policies
// refuse what they must and change nothing then; and the default store is one file for the
// dashboard and the CLI whatever the application's name.
#include "history/historystore.h"
#include "history/historystore_p.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// The rows of sql on the SQLite file path, each row's values joined by '|'.
QStringList rows(const QString &path, const QString &sql)
{
    static int n = 0;
    const QString name = u"upgrade-raw-%1"_s.arg(++n);
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        if (!q.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            out << values.join(u'|');
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

const QDateTime T0 = QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::UTC);

CheckResult result(const QString &env, const QString &check, CheckStatus s, int minutes)
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = s;
    r.message = Status::key(s);
    r.checkedAt = T0.addSecs(60 * minutes);
    return r;
}

HistoryRun run(const QString &shard)
{
    HistoryRun r;
    r.origin = u"cli"_s;
    r.shard = shard;
    return r;
}

} // namespace

class tst_HistoryStoreUpgrade : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { HistorySchema::overrideStepsForTest(std::nullopt); }

    void version1StoreUpgradesToVersion2()
    {
        QCOMPARE(HistoryStore::SchemaVersion, 3);
        const QString path = m_dir.filePath(u"v1.sqlite"_s);
        HistorySchema::overrideStepsForTest(HistorySchema::steps().mid(0, 1));
        {
            HistoryStore v1;
            QVERIFY2(v1.open(path), qPrintable(v1.errorString()));
        }
        // Rows as version 1's doctor wrote them (today's writer writes runs.shard).
        rows(path,
            u"INSERT INTO runs (id, started_at, environments) VALUES "
            "('v1', '2026-11-02T09:00:00.000Z', '[\"prod\"]')"_s);
        for (const QString &check : { u"pool"_s, u"locks"_s })
            rows(path,
                u"INSERT INTO results (run_id, checked_at, environment, check_id, status, "
                "evidence) VALUES ('v1', '2026-11-02T09:00:00.000Z', 'prod', '%1', '%2', "
                "'{}')"_s.arg(check, check == u"pool" ? u"pass"_s : u"warn"_s));
        QCOMPARE(rows(path,
                     u"SELECT count(*) FROM pragma_table_info('runs') WHERE name = "
                     "'shard'"_s),
            QStringList { u"0"_s });
        HistorySchema::overrideStepsForTest(std::nullopt);

        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(store.foundSchemaVersion(), 1);
        QCOMPARE(rows(path, u"SELECT schema_version FROM store_meta"_s), QStringList { u"3"_s });
        QCOMPARE(rows(path, u"SELECT shard FROM runs"_s), QStringList { QString() });
        // What version 1 wrote reads back as before.
        QCOMPARE(store.results({}).size(), 2);
        QCOMPARE(store.timeline(u"prod"_s, u"pool"_s, {}).size(), 1);

        QVERIFY(store.record(run(u"3"_s),
            { result(u"prod"_s, u"pool"_s, CheckStatus::Fail, 10),
                result(u"dev"_s, u"pool"_s, CheckStatus::Pass, 10) }));
        // An older result recorded later does not become the latest.
        QVERIFY(store.record(run(u"5"_s), { result(u"prod"_s, u"pool"_s, CheckStatus::Pass, 5) }));
        QCOMPARE(rows(path,
                     u"SELECT environment, check_id, status, shard FROM latest "
                     "ORDER BY environment, check_id"_s),
            (QStringList { u"dev|pool|pass|3"_s, u"prod|locks|warn|"_s, u"prod|pool|fail|3"_s }));
        QCOMPARE(store.timeline(u"prod"_s, u"pool"_s, {}).size(), 3);
    }

    // Version 3: a version-2 store (rows as version 2's writer left them) is converted to
    // the append-only tables: its sightings and spans read back as before (first and last
    // seen, current), the old tables are gone, and the new writer continues them with
    // INSERTs only: a migration no longer listed ends its sighting, tags are written.
    void version2StoreUpgradesToVersion3()
    {
        const QString path = m_dir.filePath(u"v2.sqlite"_s);
        HistorySchema::overrideStepsForTest(HistorySchema::steps().mid(0, 2));
        {
            HistoryStore v2;
            QVERIFY2(v2.open(path), qPrintable(v2.errorString()));
        }
        HistorySchema::overrideStepsForTest(std::nullopt);
        const QString t1 = u"2026-11-02T09:00:00.000Z"_s, t2 = u"2026-11-02T09:10:00.000Z"_s;
        for (const QString &sql :
            { u"INSERT INTO runs (id, started_at, environments) VALUES ('r1', '%1', '[]'), "
              "('r2', '%2', '[]')"_s,
                u"INSERT INTO results (run_id, checked_at, environment, check_id, status, "
                "evidence) VALUES ('r1', '%1', 'prod', 'pool', 'pass', '{}'), "
                "('r2', '%2', 'prod', 'pool', 'pass', '{}')"_s,
                u"INSERT INTO status_spans (environment, check_id, status, since, last_seen, "
                "first_run_id, last_run_id, is_current) VALUES "
                "('prod', 'pool', 'pass', '%1', '%2', 'r1', 'r2', 1)"_s,
                u"INSERT INTO migration_sightings (environment, tool, history, migration_id, "
                "state, first_seen, last_seen, first_run_id, last_run_id, is_current) VALUES "
                "('prod', 'efcore', 'public.h', 'M1', 'pending', '%1', '%1', 'r1', 'r1', 0), "
                "('prod', 'efcore', 'public.h', 'M2', 'applied', '%1', '%2', 'r1', 'r2', 1), "
                "('prod', 'efcore', 'public.h', 'M1', 'applied', '%2', '%2', 'r2', 'r2', 1)"_s })
            rows(path, sql.arg(t1, t2));

        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        QCOMPARE(store.foundSchemaVersion(), 2);
        QCOMPARE(rows(path, u"SELECT schema_version FROM store_meta"_s), QStringList { u"3"_s });
        QCOMPARE(rows(path,
                     u"SELECT name FROM sqlite_master WHERE name IN "
                     "('migration_sightings', 'status_spans')"_s),
            QStringList());
        const auto sightings = [&] {
            QStringList out;
            for (const MigrationSighting &m : store.migrations(u"prod"_s))
                out << u"%1 %2 %3-%4%5"_s.arg(m.migrationId, HistoryDb::stateKey(m.state),
                    m.firstSeen.toString(u"mm"_s), m.lastSeen.toString(u"mm"_s),
                    m.current ? u" current"_s : QString());
            return out;
        };
        QCOMPARE(sightings(),
            (QStringList { u"M1 pending 00-00"_s, u"M1 applied 10-10 current"_s,
                u"M2 applied 00-10 current"_s }));
        QCOMPARE(store.currentSpans({}).size(), 1);
        QCOMPARE(store.currentSpans({}).first().since, T0);
        QCOMPARE(store.currentSpans({}).first().lastSeen, T0.addSecs(600));

        // The new writer: M2 no longer listed, the pool failing; tags.
        HistoryRun tagged = run(u"1"_s);
        tagged.id = u"tagged"_s;
        tagged.tags = { { u"prod"_s, { u"eu-west"_s, u"prod"_s, u"eu-west"_s } },
            { u"dev"_s, { u"lab"_s } } };
        CheckResult migrations = result(u"prod"_s, u"migrations"_s, CheckStatus::Pass, 20);
        MigrationEntry m1;
        m1.id = u"M1"_s;
        m1.tool = u"efcore"_s;
        m1.history = u"public.h"_s;
        migrations.details = QVariant::fromValue(QList<MigrationEntry> { m1 });
        QVERIFY2(store.record(
                     tagged, { result(u"prod"_s, u"pool"_s, CheckStatus::Fail, 20), migrations }),
            qPrintable(store.errorString()));
        QCOMPARE(sightings(),
            (QStringList {
                u"M1 pending 00-00"_s, u"M1 applied 10-20 current"_s, u"M2 applied 00-10"_s }));
        QCOMPARE(rows(path,
                     u"SELECT migration_id, state FROM migration_transitions "
                     "WHERE run_id = 'tagged'"_s),
            QStringList { u"M2|absent"_s });
        QCOMPARE(store.currentSpans({ u"prod"_s }).first().since, T0.addSecs(1200));
        QCOMPARE(rows(path,
                     u"SELECT run_id, environment, tag FROM environment_tags "
                     "ORDER BY environment, tag"_s),
            (QStringList { u"tagged|dev|lab"_s, u"tagged|prod|eu-west"_s, u"tagged|prod|prod"_s }));
        QCOMPARE(store.prune(QDateTime::currentDateTimeUtc().addDays(1)), 3);
        QCOMPARE(rows(path, u"SELECT count(*) FROM environment_tags"_s), QStringList { u"0"_s });
        QVERIFY(store.migrations({}).isEmpty());
        QVERIFY(store.currentSpans({}).isEmpty());
    }

    void policiesRefuseAndChangeNothing()
    {
        const QString missing = m_dir.filePath(u"missing.sqlite"_s);
        {
            HistoryStore s;
            QVERIFY(!s.open(missing, HistoryStore::SchemaPolicy::RequireCurrent));
            QVERIFY2(s.errorString().contains(u"doctor store init "_s + missing),
                qPrintable(s.errorString()));
            QVERIFY(!s.open(missing, HistoryStore::SchemaPolicy::UpgradeOnly));
            QVERIFY2(s.errorString().contains(u"doctor store init"_s), qPrintable(s.errorString()));
        }
        QVERIFY(rows(missing, u"SELECT name FROM sqlite_master"_s).isEmpty());

        const QString old = m_dir.filePath(u"old.sqlite"_s);
        HistorySchema::overrideStepsForTest(HistorySchema::steps().mid(0, 1));
        {
            HistoryStore v1;
            QVERIFY(v1.open(old));
        }
        HistorySchema::overrideStepsForTest(std::nullopt);
        for (auto policy : { HistoryStore::SchemaPolicy::RequireCurrent,
                 HistoryStore::SchemaPolicy::CreateOnly }) {
            HistoryStore s;
            QVERIFY(!s.open(old, policy));
            QVERIFY2(s.errorString().contains(u"doctor store upgrade "_s + old),
                qPrintable(s.errorString()));
            QCOMPARE(rows(old, u"SELECT schema_version FROM store_meta"_s), QStringList { u"1"_s });
        }
        HistoryStore s;
        QVERIFY2(s.open(old, HistoryStore::SchemaPolicy::UpgradeOnly), qPrintable(s.errorString()));
        QCOMPARE(rows(old, u"SELECT schema_version FROM store_meta"_s), QStringList { u"3"_s });
        HistoryStore current;
        QVERIFY(current.open(old, HistoryStore::SchemaPolicy::RequireCurrent));
        QVERIFY(current.record(run(u"0"_s), { result(u"a"_s, u"pool"_s, CheckStatus::Pass, 0) }));
    }

    // The CLI (application "doctor") and the dashboard ("doctor-dashboard") name one file.
    void defaultPathIsSharedByDashboardAndCli()
    {
        QStandardPaths::setTestModeEnabled(false);
        const QString org = QCoreApplication::organizationName();
        const QString app = QCoreApplication::applicationName();
        QCoreApplication::setOrganizationName(u"Doctor Dashboard"_s);
        QCoreApplication::setApplicationName(u"doctor"_s);
        const QString cli = HistoryStore::defaultPath();
        QCoreApplication::setApplicationName(u"doctor-dashboard"_s);
        const QString dashboard = HistoryStore::defaultPath();
        QCoreApplication::setOrganizationName(org);
        QCoreApplication::setApplicationName(app);
        QCOMPARE(cli, dashboard);
        QCOMPARE(cli,
            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                + u"/doctor-dashboard/history.sqlite"_s);
        QVERIFY(!cli.contains(u"Doctor Dashboard"_s));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_HistoryStoreUpgrade)
#include "tst_historystore_upgrade.moc"
