// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ToolSources::fromJavaScriptMigrations(): Knex, Sequelize and TypeORM migration folders
// as their CLIs write them.

#include "migrations/toolsources.h"
#include "migrationsources.h"

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

// `typeorm migration:create src/migrations/AddTenants` (TypeORM 0.3).
QByteArray typeOrmSource(const QByteArray &cls)
{
    return "import { MigrationInterface, QueryRunner } from \"typeorm\"\n\n"
           "export class "
        + cls
        + " implements MigrationInterface {\n"
          "    public async up(queryRunner: QueryRunner): Promise<void> {\n    }\n\n"
          "    public async down(queryRunner: QueryRunner): Promise<void> {\n    }\n}\n";
}

} // namespace

class TestExpectedJavaScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knex()
    {
        QTemporaryDir dir;
        const QByteArray knexFile = "exports.up = function (knex) {\n  return knex.schema;\n};\n"
                                    "exports.down = function (knex) {};\n";
        QVERIFY(writeTree(dir,
            { { u"20240212141500_add_tenants.ts"_s, knexFile },
                { u"20240105093000_create_users.js"_s, knexFile },
                { u"20240301000000_esm.mjs"_s, knexFile }, { u"types.d.ts"_s, "x" },
                { u"README.md"_s, "x" } }));
        const ExpectedSet set
            = ToolSources::fromJavaScriptMigrations(dir.path(), MigrationTool::Knex);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::Knex);
        QCOMPARE(set.ids,
            QStringList({ u"20240105093000_create_users.js"_s, u"20240212141500_add_tenants.ts"_s,
                u"20240301000000_esm.mjs"_s }));
        const ExpectedSet loaded = ExpectedMigrations::load(dir.path());
        QCOMPARE(loaded.tool, MigrationTool::Knex);
        QCOMPARE(loaded.ids, set.ids);
    }

    void sequelize()
    {
        QTemporaryDir dir;
        const QByteArray file = "'use strict';\nmodule.exports = {\n"
                                "  async up (queryInterface, Sequelize) {},\n"
                                "  async down (queryInterface, Sequelize) {}\n};\n";
        QVERIFY(writeTree(dir,
            { { u"migrations/20240105093000-create-user.js"_s, file },
                { u"migrations/20240212141500-add-tenants.cjs"_s, file },
                { u"config/config.json"_s, "{}" }, { u"models/index.js"_s, "x" } }));
        const ExpectedSet set = ToolSources::fromJavaScriptMigrations(
            dir.filePath(u"migrations"_s), MigrationTool::Sequelize);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids,
            QStringList(
                { u"20240105093000-create-user.js"_s, u"20240212141500-add-tenants.cjs"_s }));
        // The project root: migrations/ is found, and its files say Sequelize.
        const ExpectedSet loaded = ExpectedMigrations::load(dir.path());
        QCOMPARE(loaded.tool, MigrationTool::Sequelize);
        QCOMPARE(loaded.ids, set.ids);
    }

    void typeOrm()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"1705000000000-AddTenants.ts"_s, typeOrmSource("AddTenants1705000000000") },
                // Renamed class: the class name is what the migrations table holds.
                { u"1704440000000-Init.ts"_s, typeOrmSource("InitialSchema1704440000000") },
                // Compiled JavaScript.
                { u"1706000000000-Audit.js"_s,
                    "class Audit1706000000000 {\n  async up(queryRunner) {}\n}\n"
                    "exports.Audit1706000000000 = Audit1706000000000;\n" },
                { u"1707000000000-Unreadable.ts"_s, "export default {}\n" },
                { u"index.ts"_s, "export * from './x'\n" },
                { u"1708000000000-NoTimestamp.ts"_s, typeOrmSource("NoTimestamp") } }));
        const ExpectedSet set
            = ToolSources::fromJavaScriptMigrations(dir.path(), MigrationTool::TypeOrm);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::TypeOrm);
        QCOMPARE(set.ids,
            QStringList({ u"InitialSchema1704440000000"_s, u"AddTenants1705000000000"_s,
                u"Audit1706000000000"_s, u"Unreadable1707000000000"_s }));
        QCOMPARE(set.warnings.size(), 2);
        QVERIFY(set.warnings.at(0).contains(u"1707000000000-Unreadable.ts: no class"_s));
        QVERIFY(set.warnings.at(1).contains(u"NoTimestamp does not end in a 13-digit"_s));
        QCOMPARE(ExpectedMigrations::load(dir.path()).tool, MigrationTool::TypeOrm);
    }

    void emptyFolder()
    {
        QTemporaryDir dir;
        const ExpectedSet set
            = ToolSources::fromJavaScriptMigrations(dir.path(), MigrationTool::Knex);
        QVERIFY2(set.error.startsWith(u"no Knex migrations"_s), qPrintable(set.error));
    }
};

QTEST_GUILESS_MAIN(TestExpectedJavaScript)
#include "tst_expected_javascript.moc"
