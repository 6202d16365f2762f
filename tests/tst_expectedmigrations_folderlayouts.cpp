// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::fromMigrationsFolder(): where a migration's id and DbContext are written
// (files, namespaces, attribute forms), and text that only looks like an attribute.

#include "migrationsources.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;

class TestExpectedMigrationsFolderLayouts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Where the id and the context are written, and text that only looks like an attribute.
    void folderLayouts_data()
    {
        addFolderColumns();
        const QString a = u"20240101000000_A"_s;
        const QString b = u"20240202000000_B"_s;
        const QString c = u"20240303000000_C"_s;
        const QString snapshot = snapshotSource();

        // ---- where the id and the context are written
        QTest::newRow("designer, snapshot and helpers; other files ignored")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"AppDbContextModelSnapshot.cs"_s, snapshot },
                       { u"SeedData.cs"_s, u"static class SeedData { }"_s },
                       { a + u".cs.orig"_s, mainSource(u"Old"_s) },
                       { u"README.md"_s, u"[Migration(\"20990101000000_Md\")]"_s } })
            << QString() << QStringList { a } << QString() << QStringList {};
        QTest::newRow("file names without timestamps")
            << plus(migrationPair(u"Initial"_s, a, u"A"_s), migrationPair(u"Second"_s, b, u"B"_s))
            << QString() << QStringList { a, b } << QString() << QStringList {};
        QTest::newRow("designer part under another name")
            << Files { { u"Tenants.cs"_s, mainSource(u"B"_s) },
                   { u"Tenants.Attributes.cs"_s, designerSource(b, u"B"_s) } }
            << QString() << QStringList { b } << QString() << QStringList {};
        QTest::newRow("attributes in the main file, no designer") << Files { { u"B.cs"_s,
            u"using Microsoft.EntityFrameworkCore.Infrastructure;\n"
            "using Microsoft.EntityFrameworkCore.Migrations;\n\n"
            "namespace App.Migrations;\n\n"
            "[DbContext(typeof(AppDbContext))]\n[Migration(\"%1\")]\n"
            "public class B : Migration\n{\n"
            "    protected override void Up(MigrationBuilder m) => m.Sql(\"SELECT 1\");\n"
            "}\n"_s.arg(b) } } << QString() << QStringList { b } << QString()
                                                                  << QStringList {};
        QTest::newRow("both attributes in one section")
            << Files { { u"B.cs"_s,
                   u"namespace App { [DbContext(typeof(AppDbContext)), Migration(\"%1\")] "
                   "public partial class B : Migration { } }"_s.arg(b) } }
            << QString() << QStringList { b } << QString() << QStringList {};
        QTest::newRow("fully qualified, global::, Attribute suffix") << Files {
            { u"B.cs"_s,
                u"namespace App.Migrations\n{\n"
                "    [global::Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute("
                "typeof(global::App.Data.AppDbContext))]\n"
                "    [Microsoft.EntityFrameworkCore.Migrations.Migration(\"%1\")]\n"
                "    public class B : global::Microsoft.EntityFrameworkCore.Migrations.Migration"
                "\n    {\n    }\n}\n"_s.arg(b) },
            { u"C.cs"_s,
                u"namespace App.Migrations\n{\n"
                "    [DbContext(typeof(App.Data.AppDbContext))]\n"
                "    [MigrationAttribute(\"%1\")]\n"
                "    public class C : Microsoft.EntityFrameworkCore.Migrations.Migration"
                " { }\n}\n"_s.arg(c) }
        } << QString() << QStringList { b, c } << QString() << QStringList {};
        QTest::newRow("whitespace, line breaks and comments inside attributes")
            << Files { { u"B.cs"_s,
                   u"namespace App {\n  [ DbContext ( typeof ( AppDbContext ) ) ]\n  [\n"
                   "    Migration( /* generated */\n      \"%1\" ) // keep\n  ]\n"
                   "  partial class B : Migration { }\n}\n"_s.arg(b) } }
            << QString() << QStringList { b } << QString() << QStringList {};
        QTest::newRow("named, verbatim and concatenated ids")
            << Files { { u"X.cs"_s,
                   u"namespace App {\n"
                   "[DbContext(typeof(AppDbContext))] [Migration(id: \"%1\")] "
                   "class A : Migration { }\n"
                   "[DbContext(typeof(AppDbContext))] [Migration(@\"%2\")] "
                   "class B : Migration { }\n"
                   "[DbContext(typeof(AppDbContext))] [Migration(\"20240303000000\" + \"_C\")] "
                   "class C : Migration { }\n}\n"_s.arg(a, b) } }
            << QString() << QStringList { a, b, c } << QString() << QStringList {};
        QTest::newRow("several migrations in one file, file-scoped namespace")
            << Files { { u"Manual.cs"_s,
                   u"namespace App.Migrations;\n\n"
                   "[DbContext(typeof(AppDbContext))]\n[Migration(\"%1\")]\n"
                   "public sealed class A : Migration { }\n\n"
                   "[DbContext(typeof(AppDbContext))]\n[Migration(\"%2\")]\n"
                   "public sealed class B : Migration { }\n"_s.arg(a, b) } }
            << QString() << QStringList { a, b } << QString() << QStringList {};
        QTest::newRow("preprocessor lines, BOM and CRLF")
            << Files { { u"B.cs"_s,
                   QString(QChar(0xFEFF)
                       + u"#nullable disable\r\n#region generated\r\nnamespace App\r\n{\r\n"
                         "#if DEBUG\r\n    [DbContext(typeof(AppDbContext))]\r\n#endif\r\n"
                         "    [Migration(\"%1\")]\r\n    partial class B : Migration { }\r\n}\r\n"
                         "#endregion\r\n"_s.arg(b)) } }
            << QString() << QStringList { b } << QString() << QStringList {};
        QTest::newRow("subfolders by year and feature")
            << plus(migrationPair(u"2024/"_s + a, a, u"A"_s),
                   plus(migrationPair(u"2024/Tenancy/AddTenants"_s, b, u"B"_s),
                       { { u"AppDbContextModelSnapshot.cs"_s, snapshot } }))
            << QString() << QStringList { a, b } << QString() << QStringList {};
        QTest::newRow("the whole project folder")
            << plus(migrationPair(u"Migrations/"_s + a, a, u"A"_s),
                   { { u"Program.cs"_s, u"var app = WebApplication.Create(args);\napp.Run();\n"_s },
                       { u"Data/AppDbContext.cs"_s,
                           u"namespace App.Data;\npublic class AppDbContext(DbContextOptions o) "
                           ": DbContext(o) where T : class { }\n"_s },
                       { u"bin/Debug/net9.0/Migrations/X.cs"_s,
                           designerSource(u"20990101000000_Bin"_s, u"X"_s) } })
            << QString() << QStringList { a } << QString() << QStringList {};
        QTest::newRow("bin, obj and hidden folders skipped")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"obj/X.Designer.cs"_s, designerSource(u"20990101000000_Obj"_s, u"X"_s) },
                       { u".vs/Y.cs"_s, designerSource(u"20990101000000_Vs"_s, u"Y"_s) } })
            << QString() << QStringList { a } << QString() << QStringList {};
        QTest::newRow("migrations of a project's own base class") << Files {
            { u"TenantMigration.cs"_s,
                u"namespace App;\npublic abstract class TenantMigration : Migration "
                "{ }\n"_s },
            { u"B.cs"_s, u"namespace App;\npublic partial class B : TenantMigration { }\n"_s },
            { u"B.Designer.cs"_s,
                u"namespace App;\n[DbContext(typeof(AppDbContext))]\n[Migration(\"%1\")]\n"
                "partial class B { }\n"_s.arg(b) }
        } << QString() << QStringList { b } << QString() << QStringList {};

        // ---- text that only looks like an attribute
        QTest::newRow("attributes in comments and strings") << plus(migrationPair(a, a, u"A"_s),
            { { u"Notes.cs"_s,
                u"namespace App {\n"
                "// [DbContext(typeof(AppDbContext))] [Migration(\"20990101000000_Line\")]\n"
                "/* [DbContext(typeof(AppDbContext))]\n"
                "[Migration(\"20990101000000_Block\")]\n"
                "class Fake : Migration { } */\n"
                "static class Sql {\n"
                "  const string S = \"[Migration(\\\"20990101000000_S\\\")] "
                "class F : Migration {\";\n"
                "  const string V = @\"\"\"[Migration(\"\"x\"\")]\"\" "
                "class G : Migration {\";\n"
                "  const string R = \"\"\"\n    [Migration(\"20990101000000_R\")] class H : "
                "Migration {\n    \"\"\";\n"
                "  static string I(bool q) => $\"{(q ? \"}\" : \"{\")} "
                "class I : Migration {\";\n"
                "  static string J(int n) => $$\"\"\"{{n}} { class J : Migration {\"\"\";\n"
                "  const char Quote = '\"', Brace = '{';\n"
                "}\n}\n"_s } }) << QString() << QStringList { a }
                                                            << QString() << QStringList {};
        QTest::newRow("a class after quotes and braces in strings") << Files { { u"B.cs"_s,
            u"namespace App {\nstatic class H { const string X = \"}\\\"}\"; "
            "const char C = '}'; static string F(int n) => $\"{{{n}}}\"; }\n"
            "[DbContext(typeof(AppDbContext))] [Migration(\"%1\")] class B : Migration "
            "{ }\n}\n"_s.arg(b) } } << QString() << QStringList { b }
                                                                    << QString() << QStringList {};
        QTest::newRow("FluentMigrator's [Migration(long)]")
            << plus(migrationPair(a, a, u"A"_s),
                   { { u"Fluent/AddX.cs"_s,
                       u"using FluentMigrator;\n[Migration(202401011200)]\n"
                       "public class AddX : Migration { public override void Up() { } }\n"_s } })
            << QString() << QStringList { a } << QString() << QStringList {};
    }
    void folderLayouts() { verifyFolderRow(); }
};

QTEST_GUILESS_MAIN(TestExpectedMigrationsFolderLayouts)
#include "tst_expectedmigrations_folderlayouts.moc"
