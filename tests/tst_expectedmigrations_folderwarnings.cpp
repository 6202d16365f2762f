// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::fromMigrationsFolder(): warnings and errors, never a silent drop.

#include "migrationsources.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;

class TestExpectedMigrationsFolderWarnings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Nothing is silently dropped: what EF Core leaves out is a warning, what it cannot
    // read an error; #if branches as the compiler sees them.
    void folderWarnings_data()
    {
        addFolderColumns();
        const QString a = u"20240101000000_A"_s;
        const QString b = u"20240202000000_B"_s;
        const QString c = u"20240303000000_C"_s;
        const QString snapshot = snapshotSource();

        // ---- never silently dropped
        QTest::newRow("migration class without attribute (Designer.cs missing)")
            << plus(migrationPair(a, a, u"A"_s), { { b + u".cs"_s, mainSource(u"B"_s) } })
            << QString() << QStringList { a } << QString()
            << QStringList { b
                   + u".cs:5: class B derives from Migration but has no "
                     "[Migration(\"<id>\")] attribute, so EF Core skips it"_s };
        QTest::newRow("only a migration class without attribute")
            << Files { { b + u".cs"_s, mainSource(u"B"_s) } } << QString() << QStringList {}
            << u"no EF Core migrations found in"_s
            << QStringList { u"class B derives from Migration but has no"_s };
        QTest::newRow("without [DbContext]")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"B.cs"_s,
                       u"namespace App {\n[Migration(\"%1\")]\n"
                       "public class B : Migration { }\n}\n"_s.arg(b) } })
            << QString() << QStringList { a } << QString()
            << QStringList { u"B.cs:2: migration %1 has no [DbContext(typeof(...))] "
                             "attribute"_s.arg(b) };
        QTest::newRow("abstract") << plus(migrationPair(a, a, u"A"_s),
            { { u"B.cs"_s,
                u"[DbContext(typeof(AppDbContext))]\n[Migration(\"%1\")]\n"
                "public abstract class B : Migration { }\n"_s.arg(b) } })
                                  << QString() << QStringList { a } << QString()
                                  << QStringList { u"B.cs:2: migration %1 is abstract"_s.arg(b) };
        QTest::newRow("named like a migration, declares no class")
            << plus(migrationPair(a, a, u"A"_s), { { b + u".cs"_s, u"// removed\n"_s } })
            << QString() << QStringList { a } << QString()
            << QStringList { b + u".cs is named like a migration but declares no class"_s };
        QTest::newRow("id from a constant")
            << Files { { u"B.Designer.cs"_s,
                   u"namespace App\n{\n    [DbContext(typeof(AppDbContext))]\n"
                   "    [Migration(Ids.Tenants)]\n    partial class B { }\n}\n"_s } }
            << QString() << QStringList {}
            << u"B.Designer.cs:4: [Migration(Ids.Tenants)] does not give the MigrationId as a "
               "string literal"_s
            << QStringList {};
        QTest::newRow("interpolated id")
            << Files { { u"B.cs"_s,
                   u"[DbContext(typeof(AppDbContext))] [Migration($\"{Prefix}_B\")] "
                   "class B : Migration { }"_s } }
            << QString() << QStringList {} << u"B.cs:1: [Migration($\"{Prefix}_B\")] does not"_s
            << QStringList {};
        QTest::newRow("id over 150 characters")
            << migrationPair(u"Long"_s, u"2"_s.repeated(151), u"L"_s) << QString() << QStringList {}
            << u"Long.Designer.cs:8: MigrationId is 151 characters long"_s << QStringList {};
        QTest::newRow("150 characters fit")
            << migrationPair(u"Long"_s, u"2"_s.repeated(150), u"L"_s) << QString()
            << QStringList { u"2"_s.repeated(150) } << QString() << QStringList {};
        QTest::newRow("two ids for one class")
            << plus(migrationPair(u"Old/"_s + a, a, u"A"_s),
                   { { u"New/A.Designer.cs"_s, designerSource(b, u"A"_s) } })
            << QString() << QStringList {}
            << u"class App.Migrations.A has two [Migration] attributes"_s << QStringList {};
        QTest::newRow("same id in two namespaces")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"Copy/A2.cs"_s,
                       u"namespace Copy { [DbContext(typeof(AppDbContext))] [Migration(\"%1\")] "
                       "class A : Migration { } }"_s.arg(a) } })
            << QString() << QStringList { a } << QString()
            << QStringList { u"A2.cs:1: migration %1 is also declared at"_s.arg(a) };
        QTest::newRow("renamed by hand to another id's name")
            << Files { { u"20240101000000_Old.cs"_s, mainSource(u"A"_s) },
                   { u"20240101000000_Old.Designer.cs"_s, designerSource(a, u"A"_s) } }
            << QString() << QStringList { a } << QString()
            << QStringList { u"20240101000000_Old.cs: the file name differs from its class's "
                             "[Migration(\"%1\")]"_s.arg(a) };
        // Review of issue 11: a file holding several migrations, one of them its namesake.
        QTest::newRow("several migrations in a file named after one of them")
            << Files { { a + u".cs"_s,
                   u"namespace App.Migrations {\n"
                   "[DbContext(typeof(AppDbContext))] [Migration(\"%1\")] class A : Migration { }\n"
                   "[DbContext(typeof(AppDbContext))] [Migration(\"%2\")] class B : Migration { }\n"
                   "}\n"_s.arg(a, b) } }
            << QString() << QStringList { a, b } << QString() << QStringList {};
        // #if false is dead code to the compiler; a branch on a symbol may be live or not.
        const QString conditional = u"namespace App.Migrations {\n"
                                    "#if %1\n"
                                    "[DbContext(typeof(AppDbContext))] [Migration(\"%2\")]\n"
                                    "class B : Migration { string s = \"\\\"\"; }\n"
                                    "#else\n"
                                    "[DbContext(typeof(AppDbContext))] [Migration(\"%3\")]\n"
                                    "class C : Migration { }\n"
                                    "#endif\n"
                                    "}\n"_s;
        QTest::newRow("#if false, #else") << plus(
            migrationPair(a, a, u"A"_s), { { u"Cond.cs"_s, conditional.arg(u"false"_s, b, c) } })
                                          << QString() << QStringList { a, c } << QString()
                                          << QStringList {};
        QTest::newRow("#if true, #else")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"Cond.cs"_s, conditional.arg(u"!false // on"_s, b, c) } })
            << QString() << QStringList { a, b } << QString() << QStringList {};
        QTest::newRow("#if on a symbol: both branches counted, with warnings")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"Cond.cs"_s, conditional.arg(u"LEGACY"_s, b, c) } })
            << QString() << QStringList { a, b, c } << QString()
            << QStringList { u"Cond.cs:4: migration %1 is declared inside #if LEGACY;"_s.arg(b),
                   u"Cond.cs:7: migration %1 is declared inside #if !(LEGACY);"_s.arg(c) };
        QTest::newRow("#if false around a symbol's #if")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"Cond.cs"_s,
                       u"#if false\n#if X\n#endif\n/* unterminated in dead code\n"
                       "class Dead : Migration { }\n#endif\n"_s
                           + conditional.arg(u"false"_s, b, c) } })
            << QString() << QStringList { a, c } << QString() << QStringList {};
        QTest::newRow("empty folder") << Files {} << QString() << QStringList {}
                                      << u"no EF Core migrations found in"_s << QStringList {};
        QTest::newRow("only a snapshot")
            << Files { { u"AppDbContextModelSnapshot.cs"_s, snapshot } } << QString()
            << QStringList {} << u"no EF Core migrations found in"_s << QStringList {};
    }
    void folderWarnings() { verifyFolderRow(); }
};

QTEST_GUILESS_MAIN(TestExpectedMigrationsFolderWarnings)
#include "tst_expectedmigrations_folderwarnings.moc"
