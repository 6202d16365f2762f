// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::load(): which tool's source tree a folder is (ToolSources::recognise),
// the tool hint of pinned histories, FluentMigrator, and EF Core folders left as they were.

#include "migrations/toolsources.h"
#include "migrationsources.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;

namespace {

bool writeTree(const QTemporaryDir &dir, const QMap<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!writeFile(dir.filePath(it.key()), it.value()))
            return false;
    }
    return true;
}

using Tree = QMap<QString, QByteArray>;

// FluentMigrator's migration as its documentation writes one.
QByteArray fluentSource(const QByteArray &attribute, const QByteArray &cls)
{
    return "using FluentMigrator;\n\nnamespace App.Migrations\n{\n    " + attribute
        + "\n    public class " + cls
        + " : Migration\n    {\n"
          "        public override void Up() { }\n        public override void Down() { }\n"
          "    }\n}\n";
}

} // namespace

class TestExpectedRecognition : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recognisedByContents_data()
    {
        QTest::addColumn<Tree>("tree");
        QTest::addColumn<MigrationTool>("tool");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("Flyway") << Tree { { u"db/migration/V1__a.sql"_s, "x" } }
                                << MigrationTool::Flyway << QStringList { u"1"_s };
        QTest::newRow("golang-migrate") << Tree { { u"migrations/1_a.up.sql"_s, "x" },
            { u"migrations/1_a.down.sql"_s, "x" }, { u"go.mod"_s, "module x" } }
                                        << MigrationTool::GolangMigrate << QStringList { u"1"_s };
        QTest::newRow("sqlx reversible")
            << Tree { { u"migrations/20240105093000_a.up.sql"_s, "x" },
                   { u"migrations/20240105093000_a.down.sql"_s, "x" }, { u"Cargo.toml"_s, "" } }
            << MigrationTool::Sqlx << QStringList { u"20240105093000"_s };
        QTest::newRow("sqlx simple")
            << Tree { { u"migrations/0001_a.sql"_s, "x" }, { u"Cargo.toml"_s, "" } }
            << MigrationTool::Sqlx << QStringList { u"1"_s };
        QTest::newRow("goose") << Tree { { u"db/migrations/00001_a.sql"_s, "-- +goose Up\nx" } }
                               << MigrationTool::Goose << QStringList { u"1"_s };
        QTest::newRow("dbmate") << Tree { { u"db/migrations/20240105093000_a.sql"_s,
            "-- migrate:up\nx\n-- migrate:down\n" } }
                                << MigrationTool::Dbmate << QStringList { u"20240105093000"_s };
        QTest::newRow("Atlas") << Tree { { u"migrations/20240105093000_a.sql"_s, "x" },
            { u"migrations/atlas.sum"_s, "h1:" } }
                               << MigrationTool::Atlas << QStringList { u"20240105093000"_s };
        QTest::newRow("Diesel") << Tree { { u"migrations/2024-01-05-093000_a/up.sql"_s, "x" } }
                                << MigrationTool::Diesel << QStringList { u"20240105093000"_s };
        QTest::newRow("DbUp") << Tree { { u"Scripts/Script0001 - Create.sql"_s, "x" },
            { u"App.csproj"_s, "" } }
                              << MigrationTool::DbUp
                              << QStringList { u"Script0001 - Create.sql"_s };
        QTest::newRow("FluentMigrator")
            << Tree { { u"Migrations/M001_Init.cs"_s,
                          fluentSource("[Migration(20240105093000)]", "Init") },
                   { u"Migrations/M002_Tenants.cs"_s,
                       fluentSource("[Migration(20240212141500L, \"Tenants\")]", "Tenants") },
                   { u"Migrations/Helpers.cs"_s, "static class Helpers { }\n" } }
            << MigrationTool::FluentMigrator
            << QStringList { u"20240105093000"_s, u"20240212141500"_s };
    }
    void recognisedByContents()
    {
        QFETCH(Tree, tree);
        QFETCH(MigrationTool, tool);
        QFETCH(QStringList, ids);
        QTemporaryDir dir;
        QVERIFY(writeTree(dir, tree));
        const ExpectedSet set = ExpectedMigrations::load(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, ExpectedSet::Kind::ToolSource);
        QCOMPARE(MigrationTools::key(set.tool), MigrationTools::key(tool));
        QCOMPARE(set.ids, ids);
        // The same with the tool pinned.
        const ExpectedSet pinned = ExpectedMigrations::load(dir.path(), {}, tool);
        QCOMPARE(pinned.error, QString());
        QCOMPARE(pinned.ids, ids);
    }

    void ambiguousFolderSaysToNameTheTool()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir, { { u"0001_a.sql"_s, "x" }, { u"0002_b.sql"_s, "y" } }));
        const ExpectedSet set = ExpectedMigrations::load(dir.path());
        QVERIFY(!set.isKnown());
        QVERIFY2(set.error.contains(u"0001_a.sql"_s) && set.error.contains(u"--tool"_s),
            qPrintable(set.error));
        // Pinned, it reads as the tool says.
        const ExpectedSet atlas = ExpectedMigrations::load(dir.path(), {}, MigrationTool::Atlas);
        QCOMPARE(atlas.ids, QStringList({ u"0001"_s, u"0002"_s }));
        const ExpectedSet sqlx = ExpectedMigrations::load(dir.path(), {}, MigrationTool::Sqlx);
        QCOMPARE(sqlx.ids, QStringList({ u"1"_s, u"2"_s }));
        QCOMPARE(sqlx.checksums.size(), 2);
    }

    void hintOverridesRecognition()
    {
        // Numbered .up.sql files and a Cargo.toml say sqlx; the pinned history is
        // golang-migrate's, so it is read as such (no checksums).
        QTemporaryDir dir;
        QVERIFY(writeTree(dir, { { u"1_a.up.sql"_s, "x" }, { u"Cargo.toml"_s, "" } }));
        QCOMPARE(ExpectedMigrations::load(dir.path()).tool, MigrationTool::GolangMigrate);
        const ExpectedSet set
            = ExpectedMigrations::load(dir.path(), {}, MigrationTool::GolangMigrate);
        QCOMPARE(set.tool, MigrationTool::GolangMigrate);
        QVERIFY(set.checksums.isEmpty());
        // A manifest takes the pinned tool.
        QVERIFY(writeFile(dir.filePath(u"ids.txt"_s), "1\n2\n"));
        const ExpectedSet manifest
            = ExpectedMigrations::load(dir.filePath(u"ids.txt"_s), {}, MigrationTool::Goose);
        QCOMPARE(manifest.kind, ExpectedSet::Kind::Manifest);
        QCOMPARE(manifest.tool, MigrationTool::Goose);
        // Unknown is load() without a hint.
        QCOMPARE(ExpectedMigrations::load(dir.path(), {}, MigrationTool::Unknown).tool,
            ExpectedMigrations::load(dir.path()).tool);
    }

    void fluentMigratorVersionsTwice()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"A.cs"_s, fluentSource("[Migration(1)]", "A") },
                { u"B.cs"_s, fluentSource("[Migration(0001)]", "B") } }));
        const ExpectedSet set = ToolSources::fromFluentMigratorFolder(dir.path());
        QVERIFY2(set.error.contains(u"A.cs:5"_s) && set.error.contains(u"B.cs:5"_s),
            qPrintable(set.error));
        QVERIFY(writeFile(dir.filePath(u"B.cs"_s), fluentSource("[Migration(Versions.Two)]", "B")));
        const ExpectedSet warned = ToolSources::fromFluentMigratorFolder(dir.path());
        QCOMPARE(warned.ids, QStringList { u"1"_s });
        QCOMPARE(warned.warnings.size(), 1);
        QVERIFY2(
            warned.warnings.first().contains(u"B.cs:5"_s), qPrintable(warned.warnings.first()));
    }

    // EF Core folders keep their reader, even beside things other tools would claim.
    void efCoreFoldersUnchanged()
    {
        const ExpectedSet data = ExpectedMigrations::load(dataPath(u"Migrations"_s));
        QCOMPARE(data.kind, ExpectedSet::Kind::MigrationsFolder);
        QCOMPARE(data.ids, acmeIds);
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"Migrations/20240105093000_InitialCreate.cs"_s,
                  mainSource(u"InitialCreate"_s).toUtf8() },
                { u"Migrations/20240105093000_InitialCreate.Designer.cs"_s,
                    designerSource(ida, u"InitialCreate"_s).toUtf8() },
                { u"Scripts/Seed.sql"_s, "insert;" }, { u"App.csproj"_s, "<Project/>" },
                { u"db/migration/V1__flyway_too.sql"_s, "x" } }));
        const ExpectedSet set = ExpectedMigrations::load(dir.path());
        QCOMPARE(set.kind, ExpectedSet::Kind::MigrationsFolder);
        QCOMPARE(set.tool, MigrationTool::EfCore);
        QCOMPARE(set.ids, QStringList { ida });
        // An empty folder still gets EF Core's message.
        QTemporaryDir empty;
        QVERIFY2(ExpectedMigrations::load(empty.path()).error.contains(u"EF Core"_s),
            qPrintable(ExpectedMigrations::load(empty.path()).error));
    }
};

QTEST_GUILESS_MAIN(TestExpectedRecognition)
#include "tst_expected_recognition.moc"
