// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.migrations on the fixture: the history against the expected set (issue 11).
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "migrations/migrationentry.h"
#include "migrationscheckfixture.h"
#include "pgserver.h"
#include "runandwait.h"
#include "sqlwarningguard.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPgMigrationsCheck : public QObject, protected MigrationsCheckFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initFixture(); }

    void evidenceKeysAreTheSeedsInOrder()
    {
        const CheckResult r = runMigrations(withHistory(m_expected, u"keys"_s));
        QStringList keys;
        for (const auto &kv : r.evidence)
            keys << kv.first;
        QCOMPARE(keys,
            (QStringList { u"TableExists"_s, u"AppliedCount"_s, u"PendingCount"_s,
                u"LatestApplied"_s, u"PendingMigrations"_s, u"Status"_s }));
    }

    void noHistoryTableWarns()
    {
        const QString db = m_pg.createDatabase(u"nohistory"_s);
        Environment env = m_pg.environment(u"nohistory"_s, db);
        env.expectedSource = m_manifest;
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"TableExists"_s).toBool(), false);
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"table-missing"_s);
        QVERIFY2(r.message.contains(u"does not exist"), qPrintable(r.message));
    }

    void emptyTableHasEverythingPending()
    {
        const CheckResult r = runMigrations(withHistory({}, u"empty"_s));
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 5);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected);
        QVERIFY(r.evidenceValue(u"LatestApplied"_s).isNull());
    }

    void allAppliedPasses()
    {
        const CheckResult r = runMigrations(withHistory(m_expected, u"uptodate"_s));
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"AppliedCount"_s).toInt(), 5);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), m_expected.last());
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"up-to-date"_s);
    }

    // A migration class the folder reader could not give an id (here: no [Migration]
    // attribute) might be pending: never "Up to date" while one is there.
    void expectedSetDoubtsAreNotAPass()
    {
        const QString folder = m_tmp.filePath(u"doubtful"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString data = TestPaths::testData() + u"/expected/RenamedFiles/"_s;
        for (const QString &name : QDir(data).entryList(QDir::Files))
            QVERIFY(QFile::copy(data + name, folder + u'/' + name));
        QFile extra(folder + u"/AddBilling.cs"_s);
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write(
            "namespace StellaOps.Data.Migrations {\n"
            "public partial class AddBilling : Microsoft.EntityFrameworkCore.Migrations.Migration\n"
            "{ protected override void Up(MigrationBuilder b) { } }\n}\n");
        extra.close();

        Environment env = withHistory({ A, B }, u"doubts"_s);
        env.expectedSource = folder;
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 0);
        QCOMPARE(r.status, CheckStatus::Warn);
        const QStringList doubts = r.evidenceValue(u"ExpectedSetWarnings"_s).toStringList();
        QCOMPARE(doubts.size(), 1);
        QVERIFY2(doubts.first().contains(u"AddBilling"_s), qPrintable(doubts.first()));
        QVERIFY2(r.message.contains(u"AddBilling"_s), qPrintable(r.message));
    }

    void somePendingListedInOrder()
    {
        const CheckResult r = runMigrations(withHistory(m_expected.mid(0, 2), u"pending"_s));
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toInt(), 3);
        QCOMPARE(r.evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected.mid(2));
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), m_expected[1]);
        QCOMPARE(rows(r).size(), 5);
        QCOMPARE(rows(r)[2].state, MigrationEntry::State::Pending);
        QCOMPARE(rows(r)[2].position, 3);
    }

    void databaseAheadIsInformational()
    {
        const QString extra = u"20240601000000_Hotfix"_s;
        const CheckResult r
            = runMigrations(withHistory(m_expected + QStringList { extra }, u"ahead"_s));
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"NotInExpectedSet"_s).toStringList(), QStringList { extra });
        QCOMPARE(rows(r).last().state, MigrationEntry::State::Ahead);
    }

    void noExpectedSetSaysPendingIsUnknown()
    {
        Environment env = withHistory(m_expected.mid(0, 3), u"unknown"_s);
        env.expectedSource.clear();
        const CheckResult r = runMigrations(env);
        QCOMPARE(r.evidenceValue(u"PendingCount"_s).toString(), u"unknown"_s);
        QCOMPARE(r.evidenceValue(u"Status"_s).toString(), u"unknown"_s);
        QVERIFY(r.message.contains(u"unknown"));
    }

    // The server sends the history by id in the column's collation; the rows come by id as
    // QString orders ids (code units) whatever that is: ICU's puts a before B, code units B
    // before a. Without an expected set (the rows taken oldest first) and with one.
    void rowsAreInCodeUnitOrderWhateverTheCollation()
    {
        const QString a = u"20240101000000_a"_s, upperB = u"20240101000000_B"_s,
                      b = u"20240101000000_b"_s, upperC = u"20240101000000_C"_s;
        const QString db = m_pg.createDatabase(u"collation"_s);
        QCOMPARE(m_pg.exec(db,
                     { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                       "COLLATE \"und-x-icu\" PRIMARY KEY, \"ProductVersion\" varchar(32) "
                       "NOT NULL)"_s,
                         insertRows(u"\"__EFMigrationsHistory\""_s, { a, upperB, b, upperC }) }),
            QString());
        Environment env = m_pg.environment(u"collation"_s, db);
        const auto ids = [](const CheckResult &r) {
            QStringList out;
            for (const MigrationEntry &m : rows(r))
                out << m.id;
            return out;
        };
        CheckResult r = runMigrations(env);
        QCOMPARE(ids(r), QStringList({ upperB, upperC, a, b }));
        QCOMPARE(r.evidenceValue(u"LatestApplied"_s).toString(), upperC); // the server's first
        env.expectedSource = m_abc; // none of these: all four ahead, A, B, C pending
        r = runMigrations(env);
        QCOMPARE(ids(r), QStringList({ upperB, upperC, a, b, A, B, C }));
    }

    // Expected set (d): another environment taken as the reference.
    void referenceEnvironmentIsTheExpectedSet()
    {
        Environment reference = withHistory(m_expected, u"reference"_s);
        Environment behind = withHistory(m_expected.mid(0, 3), u"behind"_s);
        behind.expectedSource.clear();
        behind.referenceEnvironment = reference.name;
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { reference, behind }, { Migrations });
        const CheckResult *r = out.find(behind.name, Migrations);
        QVERIFY(r);
        QCOMPARE(r->status, CheckStatus::Warn);
        QCOMPARE(r->evidenceValue(u"PendingMigrations"_s).toStringList(), m_expected.mid(3));
        behind.referenceEnvironment = u"nowhere"_s;
        const CheckResult missing = runMigrations(behind);
        QCOMPARE(missing.status, CheckStatus::Error);
        QVERIFY2(
            missing.message.contains(u"'nowhere' is not configured"), qPrintable(missing.message));
    }
};

QTEST_GUILESS_MAIN(TestPgMigrationsCheck)
#include "tst_pg_migrationscheck.moc"
