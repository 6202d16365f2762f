// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations: choosing among the DbContexts of a Migrations folder (--context).

#include "migrationsources.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;
using Kind = ExpectedSet::Kind;
namespace EM = ExpectedMigrations;

class TestExpectedMigrationsDbContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void severalDbContexts_data()
    {
        addFolderColumns();
        const QString a = u"20240101000000_A"_s;
        const QString b = u"20240202000000_B"_s;
        const QString c = u"20240303000000_C"_s;
        const Files ab = plus(migrationPair(a, a, u"A"_s), migrationPair(b, b, u"B"_s));

        // ---- several DbContexts
        const Files two = plus(migrationPair(u"App/"_s + a, a, u"A"_s),
            plus(migrationPair(u"Identity/"_s + b, b, u"B"_s, u"Acme.Identity.IdentityDbContext"_s),
                { { u"Identity/C.cs"_s,
                    u"[DbContext(typeof(IdentityDbContext))] [Migration(\"%1\")] "
                    "class C : Migration { }"_s.arg(c) } }));
        QTest::newRow("two contexts, none named")
            << two << QString() << QStringList {}
            << u"holds migrations of 2 DbContexts: AppDbContext (1 migrations), "
               "IdentityDbContext (2 migrations). Name the DbContext"_s
            << QStringList {};
        QTest::newRow("two contexts, one named")
            << two << u"IdentityDbContext"_s << QStringList { b, c } << QString() << QStringList {};
        QTest::newRow("named without case")
            << two << u"appdbcontext"_s << QStringList { a } << QString() << QStringList {};
        QTest::newRow("named with its namespace")
            << two << u"Acme.Identity.IdentityDbContext"_s << QStringList { b, c } << QString()
            << QStringList {};
        QTest::newRow("all of them")
            << two << u"*"_s << QStringList { a, b, c } << QString() << QStringList {};
        QTest::newRow("a name that is not there")
            << two << u"BillingDbContext"_s << QStringList {}
            << u"holds no migrations of a DbContext named BillingDbContext; it holds migrations "
               "of AppDbContext (1 migrations), IdentityDbContext (2 migrations)"_s
            << QStringList {};
        QTest::newRow("one context, named")
            << ab << u"AppDbContext"_s << QStringList { a, b } << QString() << QStringList {};
        QTest::newRow("one context, another named")
            << ab << u"Identity"_s << QStringList {}
            << u"holds no migrations of a DbContext named Identity"_s << QStringList {};
        QTest::newRow("names that differ in case")
            << plus(migrationPair(a, a, u"A"_s, u"Ctx"_s), migrationPair(b, b, u"B"_s, u"CTX"_s))
            << u"ctx"_s << QStringList {} << u"the DbContext name ctx matches CTX, Ctx"_s
            << QStringList {};
        QTest::newRow("names that differ in case, exact")
            << plus(migrationPair(a, a, u"A"_s, u"Ctx"_s), migrationPair(b, b, u"B"_s, u"CTX"_s))
            << u"CTX"_s << QStringList { b } << QString() << QStringList {};
        QTest::newRow("snapshot of another context does not count") << plus(ab,
            { { u"IdentityDbContextModelSnapshot.cs"_s, snapshotSource(u"IdentityDbContext"_s) } })
                                                                    << QString()
                                                                    << QStringList { a, b }
                                                                    << QString() << QStringList {};
    }
    void severalDbContexts() { verifyFolderRow(); }

    void onePerProviderIsAnError()
    {
        const ExpectedSet set = EM::load(dataPath(u"MultiProvider"_s));
        QCOMPARE(set.kind, Kind::MigrationsFolder);
        QVERIFY(!set.isKnown());
        for (const QString &part :
            { dataPath(u"MultiProvider"_s), u"AppDbContext"_s, u"Postgres, SqlServer"_s })
            QVERIFY2(set.error.contains(part), qPrintable(set.error));
        // Pointing at one provider's folder is the fix the message asks for.
        const ExpectedSet postgres = EM::load(dataPath(u"MultiProvider/Postgres"_s));
        QCOMPARE(postgres.error, QString());
        QCOMPARE(postgres.ids, QStringList { u"20240115093000_InitialCreate"_s });
    }

    void contextIsPassedByLoad()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"A.Designer.cs"_s),
            designerSource(u"20240101000000_A"_s, u"A"_s).toUtf8()));
        QVERIFY(writeFile(dir.filePath(u"B.Designer.cs"_s),
            designerSource(u"20240202000000_B"_s, u"B"_s, u"IdentityDbContext"_s).toUtf8()));
        QVERIFY(!EM::load(dir.path()).isKnown());
        const ExpectedSet set = EM::load(dir.path(), u"IdentityDbContext"_s);
        QCOMPARE(set.ids, QStringList { u"20240202000000_B"_s });
        QCOMPARE(set.dbContext, u"IdentityDbContext"_s);
        // A script or manifest holds one context's migrations already.
        QCOMPARE(EM::load(dataPath(u"manifest.txt"_s), u"IdentityDbContext"_s).ids, acmeIds);
    }
};

QTEST_GUILESS_MAIN(TestExpectedMigrationsDbContext)
#include "tst_expectedmigrations_dbcontext.moc"
