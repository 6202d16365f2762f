// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ToolSources::fromVersionedSqlFolder() and fromDbUpFolder(): golang-migrate, goose,
// dbmate, sqlx, Atlas and DbUp folders as each tool names its files, sqlx's checksum.

#include "migrations/toolsources.h"
#include "migrationsources.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using MigrationSources::writeFile;

namespace {

// Writes FILES (relative path -> content) into a fresh folder.
bool writeTree(const QTemporaryDir &dir, const QMap<QString, QByteArray> &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!writeFile(dir.filePath(it.key()), it.value()))
            return false;
    }
    return true;
}

bool anyContains(const QStringList &list, const QString &part)
{
    return std::any_of(
        list.cbegin(), list.cend(), [&](const QString &s) { return s.contains(part); });
}

} // namespace

class TestExpectedSqlFolders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void golangMigrate()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"000001_create_users.up.sql"_s, "create table users();" },
                { u"000001_create_users.down.sql"_s, "drop table users;" },
                { u"000010_add_index.up.sql"_s, "create index;" },
                { u"000002_add_email.up.sql"_s, "alter table;" },
                { u"000002_add_email.down.sql"_s, "alter table;" },
                { u"3_no_direction.sql"_s, "x" }, { u"README.md"_s, "x" } }));
        const ExpectedSet set
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::GolangMigrate);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::GolangMigrate);
        QCOMPARE(set.ids, QStringList({ u"1"_s, u"2"_s, u"10"_s })); // leading zeros dropped
        QVERIFY(set.checksums.isEmpty());
        QCOMPARE(set.warnings, QStringList()); // 3_no_direction.sql is no golang-migrate file

        QVERIFY(writeFile(dir.filePath(u"01_dup.up.sql"_s), "x"));
        const ExpectedSet dup
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::GolangMigrate);
        QVERIFY2(dup.error.contains(u"01_dup.up.sql"_s) && dup.error.contains(u"000001_"_s),
            qPrintable(dup.error));
    }

    void goose()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"20240105093000_create_users.sql"_s, "-- +goose Up\ncreate table users();\n" },
                { u"20240212141500_backfill.go"_s, "package migrations\n" },
                { u"20240212141500_backfill_test.go"_s, "package migrations\n" },
                { u"main.go"_s, "package main\n" },
                { u"00003_no_annotation.sql"_s, "create table t();\n" },
                { u"0_zero.sql"_s, "-- +goose Up\n" } }));
        const ExpectedSet set
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::Goose);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList({ u"3"_s, u"20240105093000"_s, u"20240212141500"_s }));
        QCOMPARE(set.warnings.size(), 2);
        QVERIFY(anyContains(set.warnings, u"0_zero.sql"_s));
        QVERIFY(anyContains(set.warnings, u"00003_no_annotation.sql has no"_s));
    }

    void dbmateKeepsTheVersionAsWritten()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"20240105093000_create_users.sql"_s, "-- migrate:up\ncreate table u();\n" },
                { u"001_first.sql"_s, "-- migrate:up\n-- migrate:down\n" },
                { u"20240212141500_no_marker.sql"_s, "create table t();\n" },
                { u"schema.sql"_s, "create table;\n" } }));
        const ExpectedSet set
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::Dbmate);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList({ u"001"_s, u"20240105093000"_s, u"20240212141500"_s }));
        QCOMPARE(set.warnings.size(), 2);
        QVERIFY(anyContains(set.warnings, u"20240212141500_no_marker.sql has no"_s));
        QVERIFY(anyContains(set.warnings, u"schema.sql: not a dbmate migration name"_s));
    }

    void sqlxChecksums()
    {
        QTemporaryDir dir;
        const QByteArray users = "CREATE TABLE users (id BIGSERIAL PRIMARY KEY);\r\n";
        QVERIFY(writeTree(dir,
            { { u"20240105093000_create_users.sql"_s, users },
                { u"20240212141500_add_tenants.up.sql"_s, "abc" },
                { u"20240212141500_add_tenants.down.sql"_s, "y" },
                { u"99999999999999999999_too_big.sql"_s, "z" } }));
        const ExpectedSet set
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::Sqlx);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList({ u"20240105093000"_s, u"20240212141500"_s }));
        // SHA-384 of the bytes as read (sqlx hashes the file's string, CRLF and all).
        QCOMPARE(set.checksums.value(u"20240105093000"_s),
            QString::fromLatin1(
                QCryptographicHash::hash(users, QCryptographicHash::Sha384).toHex()));
        // FIPS 180-2's SHA-384 example "abc": lowercase hex, all 48 bytes.
        QCOMPARE(set.checksums.value(u"20240212141500"_s),
            u"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
            "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"_s);
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY(anyContains(set.warnings, u"too_big.sql: version"_s));
    }

    // The tree of tests/data/histories/sqlx.sql: the checksums its success rows store.
    void sqlxFixtureTree()
    {
        const QString tree = TestPaths::testData() + u"/histories/sqlx-src"_s;
        const ExpectedSet set = ExpectedMigrations::load(tree, {}, MigrationTool::Sqlx);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids,
            QStringList({ u"20240105093000"_s, u"20240212141500"_s, u"20240318080000"_s }));
        QCOMPARE(set.checksums.value(u"20240105093000"_s),
            u"4ddba47f9bd1231f2e0fe9bd1c20f5c10fdb53fda6c0c34d"
            "b4f66eb1e162b0b3d4005f7d5e58fdc970a7a1887795d242"_s);
        QCOMPARE(set.checksums.value(u"20240318080000"_s),
            u"0d564083f2fc90b66c9bf9a3372a5edf4c1fdc4a3361b1fa"
            "2a28ad5e786bb821edae02b62513f87fb518bcfca14252a4"_s);
    }

    void atlas()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"20240105093000_init.sql"_s, "x" }, { u"20240212141500.sql"_s, "y" },
                { u"atlas.sum"_s, "h1:abc=\n" }, { u"v2_named.sql"_s, "z" } }));
        const ExpectedSet set
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::Atlas);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList({ u"20240105093000"_s, u"20240212141500"_s }));
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY(set.warnings.first().contains(u"v2_named.sql"_s));
    }

    void dbUp()
    {
        QTemporaryDir dir;
        QVERIFY(writeTree(dir,
            { { u"Scripts/Script0002 - Add tenants.sql"_s, "x" },
                { u"Scripts/Script0001 - Create.sql"_s, "y" },
                { u"Scripts/Later/Script0003 - Audit.SQL"_s, "z" },
                { u"Other/Script0001 - Create.sql"_s, "y" }, { u"bin/Debug/Copied.sql"_s, "y" },
                { u"App.csproj"_s, "<Project/>" } }));
        const ExpectedSet set = ToolSources::fromDbUpFolder(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.tool, MigrationTool::DbUp);
        QCOMPARE(set.ids,
            QStringList({ u"Script0001 - Create.sql"_s, u"Script0002 - Add tenants.sql"_s,
                u"Script0003 - Audit.SQL"_s }));
        QCOMPARE(set.warnings.size(), 1); // the name in two folders
        QVERIFY(set.warnings.first().contains(u"Other/Script0001 - Create.sql"_s));
    }

    void emptyFolderSaysWhatToDo()
    {
        QTemporaryDir dir;
        const ExpectedSet set
            = ToolSources::fromVersionedSqlFolder(dir.path(), MigrationTool::GolangMigrate);
        QVERIFY2(set.error.startsWith(u"no golang-migrate migrations"_s), qPrintable(set.error));
        QVERIFY(set.error.contains(u".up.sql"_s));
    }
};

QTEST_GUILESS_MAIN(TestExpectedSqlFolders)
#include "tst_expected_sqlfolders.moc"
