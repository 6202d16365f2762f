// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ToolSources::fromMigrationSubfolders() (Prisma, Diesel), fromRailsMigrations() and
// fromDjangoProject(): project trees as each tool lays them out.

#include "migrations/toolsources.h"
#include "migrationsources.h"
#include "testpaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using MigrationSources::writeFile;

namespace {

bool writeTree(const QTemporaryDir &dir, const QMap<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!writeFile(dir.filePath(it.key()), it.value()))
            return false;
    }
    return true;
}

const QByteArray djangoMigration
    = "from django.db import migrations\n\n"
      "class Migration(migrations.Migration):\n    dependencies = []\n";

} // namespace

class TestExpectedProjects : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The checksum is the first word of the value (alternatives Prisma also accepts may
    // follow it, after a space).
    void prisma()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"migrations/20240212141500_add_tenants/migration.sql"_s, "-- x\n" },
                { u"migrations/20240105093000_init/migration.sql"_s, "hello" },
                { u"migrations/migration_lock.toml"_s, "provider = \"postgresql\"\n" },
                { u"migrations/20240301000000_draft/notes.md"_s, "x" } }));
        const ExpectedSet set = ToolSources::fromMigrationSubfolders(
            dir.filePath(u"migrations"_s), MigrationTool::Prisma);
        QCOMPARE(set.error, QString());
        QCOMPARE(
            set.ids, QStringList({ u"20240105093000_init"_s, u"20240212141500_add_tenants"_s }));
        // prisma-engines, schema-engine/connectors/schema-connector/src/checksum.rs, test
        // format_checksum_does_not_strip_zeros: render_checksum("hello").
        QCOMPARE(set.checksums.value(u"20240105093000_init"_s).section(u' ', 0, 0),
            u"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"_s);
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY(set.warnings.first().contains(u"20240301000000_draft has no migration.sql"_s));
    }

    // The tree of tests/data/histories/prisma.sql and the checksums its success rows store;
    // the project root is recognised (prisma/migrations below it, or migrations/).
    void prismaFixtureTree()
    {
        const QString tree = TestPaths::testData() + u"/histories/prisma-src"_s;
        const ExpectedSet set = ExpectedMigrations::load(tree);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::Prisma);
        QCOMPARE(set.ids.size(), 3);
        QCOMPARE(set.checksums.value(u"20240105093000_init"_s).section(u' ', 0, 0),
            u"481547b0516e7b24d5c46deac974dc1f08fdac632288d82c27a8d2e6b14d665a"_s);
        QCOMPARE(set.checksums.value(u"20240318080000_add_audit_log"_s).section(u' ', 0, 0),
            u"c54f6f6dab0f609562e2d6b8bb3fb7406b8570d3df5c902e05068d96451e438c"_s);
    }

    void diesel()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"00000000000000_diesel_initial_setup/up.sql"_s, "x" },
                { u"00000000000000_diesel_initial_setup/down.sql"_s, "x" },
                { u"2024-02-12-141500_add_tenants/up.sql"_s, "x" },
                { u"2024-01-05-093000_create_users/up.sql"_s, "x" },
                { u"2024-01-05-093000_create_users/down.sql"_s, "x" }, { u"scratch/up.sql"_s, "x" },
                { u".keep"_s, "" } }));
        const ExpectedSet set
            = ToolSources::fromMigrationSubfolders(dir.path(), MigrationTool::Diesel);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::Diesel);
        QCOMPARE(set.ids,
            QStringList({ u"00000000000000"_s, u"20240105093000"_s, u"20240212141500"_s }));
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY(set.warnings.first().contains(u"scratch"_s));
        QVERIFY(set.checksums.isEmpty());
    }

    void rails()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"db/migrate/20240105093000_create_users.rb"_s, "class CreateUsers; end\n" },
                { u"db/migrate/20240212141500_add_tenants.rb"_s, "x" },
                { u"db/migrate/archive/003_old_style.rb"_s, "x" },
                { u"db/migrate/20240301000000_AddCamel.rb"_s, "x" },
                { u"db/migrate/helpers.rb"_s, "x" }, { u"db/schema.rb"_s, "x" } }));
        const ExpectedSet set = ToolSources::fromRailsMigrations(dir.filePath(u"db/migrate"_s));
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::Rails);
        // version.to_i: "003" is stored as "3"; subfolders are read (**/[0-9]*_*.rb).
        QCOMPARE(set.ids, QStringList({ u"3"_s, u"20240105093000"_s, u"20240212141500"_s }));
        QCOMPARE(set.warnings.size(), 1); // Rails refuses capitals in the name
        QVERIFY(set.warnings.first().contains(u"20240301000000_AddCamel.rb"_s));

        QVERIFY(writeFile(dir.filePath(u"db/migrate/20240105093000_again.rb"_s), "x"));
        const ExpectedSet dup = ToolSources::fromRailsMigrations(dir.filePath(u"db/migrate"_s));
        QVERIFY2(dup.error.contains(u"20240105093000_again.rb"_s), qPrintable(dup.error));
        // From the application's root, db/migrate is found.
        QVERIFY(QFile::remove(dir.filePath(u"db/migrate/20240105093000_again.rb"_s)));
        QCOMPARE(ExpectedMigrations::load(dir.path()).tool, MigrationTool::Rails);
        QCOMPARE(ExpectedMigrations::load(dir.path(), {}, MigrationTool::Rails).ids, set.ids);
    }

    void django()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"manage.py"_s, "x" }, { u"shop/migrations/__init__.py"_s, "" },
                { u"shop/migrations/0001_initial.py"_s, djangoMigration },
                { u"shop/migrations/0002_order_total.py"_s, djangoMigration },
                { u"shop/migrations/_helpers.py"_s, "x" },
                { u"accounts/migrations/__init__.py"_s, "" },
                { u"accounts/migrations/0001_initial.py"_s, djangoMigration },
                { u"accounts/migrations/0002_not_a_migration.py"_s, "x = 1\n" },
                { u"blog/migrations/0001_initial.py"_s, djangoMigration }, // no __init__.py
                { u".venv/pyvenv.cfg"_s, "x" },
                { u".venv/lib/site-packages/django/contrib/auth/migrations/0001_initial.py"_s,
                    "x" },
                { u"env/pyvenv.cfg"_s, "x" }, { u"env/lib/x/migrations/__init__.py"_s, "" },
                { u"env/lib/x/migrations/0001_initial.py"_s, djangoMigration } }));
        const ExpectedSet set = ToolSources::fromDjangoProject(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::Django);
        QCOMPARE(set.ids,
            QStringList({ u"accounts.0001_initial"_s, u"accounts.0002_not_a_migration"_s,
                u"shop.0001_initial"_s, u"shop.0002_order_total"_s }));
        QCOMPARE(set.warnings.size(), 2);
        // In the order the folders are read: accounts/, blog/.
        QVERIFY(
            set.warnings.at(0).contains(u"0002_not_a_migration.py declares no class Migration"_s));
        QVERIFY(set.warnings.at(1).contains(u"blog/migrations has no __init__.py"_s));
        // One app's migrations folder on its own; load() recognises both.
        const ExpectedSet shop = ToolSources::fromDjangoProject(dir.filePath(u"shop/migrations"_s));
        QCOMPARE(shop.ids, QStringList({ u"shop.0001_initial"_s, u"shop.0002_order_total"_s }));
        QCOMPARE(ExpectedMigrations::load(dir.path()).ids, set.ids);
        QCOMPARE(ExpectedMigrations::load(dir.filePath(u"shop/migrations"_s)).ids, shop.ids);
    }
};

QTEST_GUILESS_MAIN(TestExpectedProjects)
#include "tst_expected_projects.moc"
