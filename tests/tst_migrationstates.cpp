// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The one state model (issue 15): each tool's history rows against an expected set, and
// which tool wrote a table.
#include "migrations/historydetection.h"
#include "migrations/migrationstates.h"

#include <QTest>

using namespace Qt::StringLiterals;
using State = MigrationEntry::State;

namespace {

HistoryRow row(const QString &id, qint64 order = 0)
{
    HistoryRow r;
    r.id = id;
    r.order = order;
    return r;
}

ExpectedSet expected(MigrationTool tool, const QStringList &ids)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::ToolSource;
    set.tool = tool;
    set.ids = ids;
    return set;
}

State stateOf(const HistoryStates &s, const QString &id)
{
    for (const MigrationEntry &e : s.entries) {
        if (e.id == id)
            return e.state;
    }
    return State(-1);
}

} // namespace

class TestMigrationStates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flywayFailedModifiedAndPending()
    {
        HistoryRow v1 = row(u"1"_s, 1), v11 = row(u"1.1"_s, 2), v2 = row(u"2"_s, 3);
        v1.checksum = u"-1001"_s;
        v11.checksum = u"42"_s;
        v2.failed = true;
        v2.failure = u"ERROR: relation \"x\" does not exist"_s;
        ExpectedSet want = expected(MigrationTool::Flyway, { u"1"_s, u"1.1"_s, u"2"_s, u"3"_s });
        want.checksums = { { u"1"_s, u"-1001"_s }, { u"1.1"_s, u"43"_s } };
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::Flyway, u"public.flyway_schema_history"_s, { v1, v11, v2 }, &want);
        QCOMPARE(stateOf(s, u"1"_s), State::Applied);
        QCOMPARE(stateOf(s, u"1.1"_s), State::Modified);
        QCOMPARE(stateOf(s, u"2"_s), State::Failed);
        QCOMPARE(stateOf(s, u"3"_s), State::Pending);
        QCOMPARE(s.failed, QStringList { u"2"_s });
        QCOMPARE(s.modified, QStringList { u"1.1"_s });
        QCOMPARE(s.pending, QStringList { u"3"_s });
        QCOMPARE(s.failureText, u"ERROR: relation \"x\" does not exist"_s);
        QCOMPARE(s.latestApplied, u"1.1"_s);
        for (const MigrationEntry &e : s.entries) {
            QCOMPARE(e.tool, u"flyway"_s);
            QCOMPARE(e.history, u"public.flyway_schema_history"_s);
        }
    }

    void flywayVersionsCompareByNumber()
    {
        // "1.01" in the history is "1.1" of the file V1_1__x.sql; "2.0" is "2".
        const ExpectedSet want = expected(MigrationTool::Flyway, { u"1.1"_s, u"2"_s });
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::Flyway, u"h"_s, { row(u"1.01"_s, 1), row(u"2.0"_s, 2) }, &want);
        QVERIFY2(s.pending.isEmpty(), qPrintable(s.pending.join(u',')));
        QVERIFY(s.ahead.isEmpty());
        QCOMPARE(s.applied.size(), 2);
    }

    void flywayBaselineDeleteAndOutOfOrder()
    {
        HistoryRow baseline = row(u"3"_s, 1);
        baseline.kind = u"BASELINE"_s;
        HistoryRow five = row(u"5"_s, 2), four = row(u"4"_s, 3), six = row(u"6"_s, 4);
        HistoryRow deleted = row(u"6"_s, 5);
        deleted.kind = u"DELETE"_s;
        const ExpectedSet want
            = expected(MigrationTool::Flyway, { u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s });
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::Flyway, u"h"_s, { baseline, five, four, six, deleted }, &want);
        QCOMPARE(stateOf(s, u"1"_s), State::Applied); // below the baseline
        QCOMPARE(stateOf(s, u"4"_s), State::OutOfOrder); // applied after 5
        QCOMPARE(stateOf(s, u"5"_s), State::Applied);
        QCOMPARE(stateOf(s, u"6"_s), State::Pending); // its row was deleted by repair
        QCOMPARE(s.outOfOrder, QStringList { u"4"_s });
    }

    void prismaTwoUnpaddedChecksumIsNotModified()
    {
        HistoryRow old = row(u"20240101_init"_s, 1), changed = row(u"20240201_add"_s, 2);
        old.checksum = u"abc"_s; // 0a0b0c as Prisma 2 wrote it, without padding
        changed.checksum = u"ffff"_s;
        ExpectedSet want
            = expected(MigrationTool::Prisma, { u"20240101_init"_s, u"20240201_add"_s });
        want.checksums = { { u"20240101_init"_s, u"0a0b0c"_s }, { u"20240201_add"_s, u"0a0b"_s } };
        const HistoryStates s
            = MigrationStates::evaluate(MigrationTool::Prisma, u"h"_s, { old, changed }, &want);
        QCOMPARE(s.modified, QStringList { u"20240201_add"_s });
    }

    void sqitchReworkedChangeKeepsItsEarlierHash()
    {
        HistoryRow users = row(u"users"_s, 1), roles = row(u"roles"_s, 2);
        users.checksum = u"1111"_s; // the version before the rework, tagged @v1.0
        roles.checksum = u"9999"_s; // edited since
        ExpectedSet want = expected(MigrationTool::Sqitch, { u"users"_s, u"roles"_s });
        want.checksums = { { u"users"_s, u"2222"_s }, { u"users@v1.0"_s, u"1111"_s },
            { u"roles"_s, u"3333"_s } };
        const HistoryStates s
            = MigrationStates::evaluate(MigrationTool::Sqitch, u"h"_s, { users, roles }, &want);
        QCOMPARE(s.modified, QStringList { u"roles"_s });
    }

    void golangMigrateDirtyVersion()
    {
        HistoryRow current = row(u"3"_s);
        current.dirty = true;
        const ExpectedSet want
            = expected(MigrationTool::GolangMigrate, { u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"10"_s });
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::GolangMigrate, u"public.schema_migrations"_s, { current }, &want);
        QCOMPARE(stateOf(s, u"1"_s), State::Applied);
        QCOMPARE(stateOf(s, u"2"_s), State::Applied);
        QCOMPARE(stateOf(s, u"3"_s), State::Dirty);
        QCOMPARE(stateOf(s, u"4"_s), State::Pending);
        QCOMPARE(stateOf(s, u"10"_s), State::Pending); // 10 > 3 as numbers, not as text
        QCOMPARE(s.dirty, QStringList { u"3"_s });
    }

    void alembicPendingIsOffThePathToTheHeads()
    {
        // base -> a -> b -> c, and a -> x (a branch): the database is at b and x.
        ExpectedSet want
            = expected(MigrationTool::Alembic, { u"base"_s, u"a"_s, u"b"_s, u"x"_s, u"c"_s });
        want.parents = { { u"base"_s, {} }, { u"a"_s, { u"base"_s } }, { u"b"_s, { u"a"_s } },
            { u"x"_s, { u"a"_s } }, { u"c"_s, { u"b"_s } } };
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::Alembic, u"h"_s, { row(u"b"_s), row(u"x"_s) }, &want);
        QCOMPARE(s.pending, QStringList { u"c"_s });
        QCOMPARE(stateOf(s, u"base"_s), State::Applied);
        QCOMPARE(s.heads, (QStringList { u"b"_s, u"x"_s }));
    }

    void prismaRolledBackIsPendingAgain()
    {
        HistoryRow rolledBack = row(u"20240201_add"_s, 2);
        rolledBack.kind = u"rolled-back"_s;
        const ExpectedSet want
            = expected(MigrationTool::Prisma, { u"20240101_init"_s, u"20240201_add"_s });
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::Prisma, u"h"_s, { row(u"20240101_init"_s, 1), rolledBack }, &want);
        QCOMPARE(s.pending, QStringList { u"20240201_add"_s });
        QVERIFY(s.failed.isEmpty());
    }

    void liquibaseAndDbUpIdentities()
    {
        // Liquibase records the changelog path as it was given; the file name decides.
        const ExpectedSet lb = expected(MigrationTool::Liquibase,
            { u"db/changelog/001.xml::1::alice"_s, u"db/changelog/001.xml::2::bob"_s });
        const HistoryStates l = MigrationStates::evaluate(
            MigrationTool::Liquibase, u"h"_s, { row(u"classpath:db/001.xml::1::alice"_s, 1) }, &lb);
        QCOMPARE(l.pending, QStringList { u"db/changelog/001.xml::2::bob"_s });
        QVERIFY(l.ahead.isEmpty());
        // DbUp from embedded resources stores Namespace.Folder.file.sql.
        const ExpectedSet du = expected(
            MigrationTool::DbUp, { u"Script0001 - Create.sql"_s, u"Script0002 - Index.sql"_s });
        const HistoryStates d = MigrationStates::evaluate(
            MigrationTool::DbUp, u"h"_s, { row(u"App.Scripts.Script0001 - Create.sql"_s, 1) }, &du);
        QCOMPARE(d.pending, QStringList { u"Script0002 - Index.sql"_s });
        QVERIFY(d.ahead.isEmpty());
    }

    void aheadAndUnknown()
    {
        const ExpectedSet want = expected(MigrationTool::Sqlx, { u"1"_s });
        const HistoryStates s = MigrationStates::evaluate(
            MigrationTool::Sqlx, u"h"_s, { row(u"0001"_s, 1), row(u"2"_s, 2) }, &want);
        QCOMPARE(s.ahead, QStringList { u"2"_s });
        QVERIFY(s.pending.isEmpty());
        const HistoryStates unknown
            = MigrationStates::evaluate(MigrationTool::Sqlx, u"h"_s, { row(u"1"_s) }, nullptr);
        QVERIFY(unknown.ahead.isEmpty());
        QCOMPARE(unknown.applied, QStringList { u"1"_s });
    }

    void failureTextIsShortAndHasNoPassword()
    {
        const QString text = u"connect to postgres://app:hunter2@db:5432/x failed; "
                             "Password=s3cr3t;Host=db "_s
            + QString(900, u'x');
        const QString s = MigrationStates::shortened(text);
        QVERIFY(!s.contains(u"hunter2"_s));
        QVERIFY(!s.contains(u"s3cr3t"_s));
        const QString sql = MigrationStates::shortened(
            u"CREATE ROLE app LOGIN PASSWORD 'p4ss'; ALTER ROLE x PASSWORD 'q'"_s);
        QVERIFY2(!sql.contains(u"p4ss"_s), qPrintable(sql));
        QCOMPARE(s.size(), MigrationStates::MaxFailureText);
        QVERIFY(s.endsWith(u'…'));
    }

    void classifyByNameAndColumns()
    {
        using HistoryDetection::classify;
        QCOMPARE(classify(u"schema_migrations"_s, { u"version"_s, u"dirty"_s }, {}),
            MigrationTool::GolangMigrate);
        QCOMPARE(classify(u"schema_migrations"_s, { u"version"_s }, { u"ar_internal_metadata"_s }),
            MigrationTool::Rails);
        QCOMPARE(classify(u"schema_migrations"_s, { u"version"_s }, {}), MigrationTool::Dbmate);
        QCOMPARE(classify(u"migrations"_s, { u"id"_s, u"timestamp"_s, u"name"_s }, {}),
            MigrationTool::TypeOrm);
        // Laravel's migrations table is not a tool we read.
        QCOMPARE(classify(u"migrations"_s, { u"id"_s, u"migration"_s, u"batch"_s }, {}),
            MigrationTool::Unknown);
        // An application's own "changes" table is not Sqitch's without its events beside it.
        const QStringList sqitch { u"change_id"_s, u"change"_s, u"project"_s, u"script_hash"_s };
        QCOMPARE(classify(u"changes"_s, sqitch, {}), MigrationTool::Unknown);
        QCOMPARE(classify(u"changes"_s, sqitch, { u"events"_s }), MigrationTool::Sqitch);
        QCOMPARE(classify(u"AnyName"_s, { u"migration_id"_s, u"product_version"_s }, {}),
            MigrationTool::EfCore);
        QCOMPARE(classify(u"VersionInfo"_s, { u"Version"_s, u"AppliedOn"_s }, {}),
            MigrationTool::FluentMigrator);
        QCOMPARE(classify(u"flyway_schema_history"_s, { u"installed_rank"_s }, {}),
            MigrationTool::Unknown);
        QCOMPARE(classify(u"pgmigrations"_s, { u"id"_s, u"name"_s, u"run_on"_s }, {}),
            MigrationTool::NodePgMigrate);
        // Every name classify() knows is one the catalog statement asks for (lower case).
        const QString statement = HistoryDetection::catalogStatement();
        for (const char *name : { "flyway_schema_history", "schema_version", "databasechangelog",
                 "schema_migrations", "alembic_version", "django_migrations", "_prisma_migrations",
                 "changes", "atlas_schema_revisions", "goose_db_version", "knex_migrations",
                 "migrations", "sequelizemeta", "schemaversions", "versioninfo",
                 "__diesel_schema_migrations", "_sqlx_migrations", "pgmigrations" })
            QVERIFY2(statement.contains(u"'%1'"_s.arg(QLatin1StringView(name))), name);
    }
};

QTEST_GUILESS_MAIN(TestMigrationStates)
#include "tst_migrationstates.moc"
