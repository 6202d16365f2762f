// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::fromIdempotentScript(): `dotnet ef migrations script --idempotent` output.

#include "migrationsources.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;
using Kind = ExpectedSet::Kind;
namespace EM = ExpectedMigrations;

class TestExpectedMigrationsScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scriptFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("npgsql, traps in bodies") << u"npgsql-idempotent.sql"_s << acmeIds;
        QTest::newRow("npgsql, schema-qualified history")
            << u"npgsql-schema-history.sql"_s << platformIds;
        QTest::newRow("npgsql, UTF-16 with BOM and CRLF (PowerShell >)")
            << u"npgsql-schema-history-utf16.sql"_s << platformIds;
        QTest::newRow("sql server, CRLF, UTF-8 BOM, EXEC strings")
            << u"sqlserver-idempotent.sql"_s << contosoIds;
        // Issue 11, item 2: scripts of an app using EFCore.NamingConventions.
        QTest::newRow("npgsql, snake_case history columns")
            << u"npgsql-idempotent-snake.sql"_s << QStringList { ida, idb, idc };
        QTest::newRow("sql server, UPPER_SNAKE history columns, CRLF")
            << u"sqlserver-idempotent-upper-snake.sql"_s << QStringList { ida, idb, idc };
    }
    void scriptFiles()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, ids);
        const ExpectedSet set = EM::load(dataPath(file));
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, Kind::IdempotentScript);
        QCOMPARE(set.ids, ids);
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.source, dataPath(file));
        QVERIFY(set.isKnown());
    }

    void scriptSnippets_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("ids");
        const QString a = u"20240101000000_A"_s;
        const QString real = historyInsert(a);
        const QString columns = u"(\"MigrationId\", \"ProductVersion\")"_s;

        QTest::newRow("renamed table")
            << u"INSERT INTO my_history (\"MigrationId\", \"ProductVersion\") VALUES ('%1', "
               "'9.0.6');"_s.arg(a)
            << QStringList { a };
        QTest::newRow("quoted schema")
            << u"INSERT INTO \"platform\".\"__EFMigrationsHistory\" %1 VALUES ('%2', '9.0.6');"_s
                   .arg(columns, a)
            << QStringList { a };
        QTest::newRow("sql server, three-part name")
            << u"INSERT INTO [billing].[dbo].[__EFMigrationsHistory] ([MigrationId], "
               "[ProductVersion])\r\nVALUES (N'%1', N'8.0.4');\r\nGO\r\n"_s.arg(a)
            << QStringList { a };
        QTest::newRow("lower-case keywords and columns")
            << u"insert into __efmigrationshistory (migrationid, productversion) values "
               "('%1','9.0.6');"_s.arg(a)
            << QStringList { a };
        QTest::newRow("doubled quotes in N'' literal")
            << u"INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion]) VALUES "
               "(N'20240101000000_It''s', N'8.0.4');"_s
            << QStringList { u"20240101000000_It's"_s };
        QTest::newRow("several rows in one VALUES")
            << u"INSERT INTO \"__EFMigrationsHistory\" %1 VALUES ('20240102000000_B', '9'), "
               "('%2', '9');"_s.arg(columns, a)
            << QStringList { a, u"20240102000000_B"_s };
        QTest::newRow("BOM and CRLF")
            << QString(QChar(0xFEFF) + QString(real).replace(u"\n"_s, u"\r\n"_s))
            << QStringList { a };
        QTest::newRow("E'' literal")
            << u"INSERT INTO h %1 VALUES (E'%2', E'9.0.6');"_s.arg(columns, a) << QStringList { a };
        QTest::newRow("line comment")
            << u"-- %1\n%2"_s.arg(historyInsert(u"20000101000000_Comment"_s), real)
            << QStringList { a };
        QTest::newRow("nested block comment") << u"/* outer /* inner */ %1 */\n%2"_s.arg(
            historyInsert(u"20000101000000_Comment"_s), real)
                                              << QStringList { a };
        QTest::newRow("string literal")
            << u"SELECT 'INSERT INTO \"__EFMigrationsHistory\" %1 VALUES (''20000101000000_S'', "
               "''9'')';\n%2"_s.arg(columns, real)
            << QStringList { a };
        QTest::newRow("function body inside DO $EF$")
            << u"DO $EF$\nBEGIN\nCREATE FUNCTION f() RETURNS void AS $fn$ BEGIN %1 END $fn$ "
               "LANGUAGE plpgsql;\n%2END $EF$;\n"_s.arg(
                   historyInsert(u"20000101000000_Function"_s), real)
            << QStringList { a };
        QTest::newRow("$$ body inside DO $EF$")
            << u"DO $EF$\nBEGIN\nCREATE FUNCTION f() RETURNS void AS $$ BEGIN %1 END $$ "
               "LANGUAGE plpgsql;\nEND $EF$;\n%2"_s.arg(
                   historyInsert(u"20000101000000_Function"_s), real)
            << QStringList { a };
        QTest::newRow("EXEC(N'...') in T-SQL")
            << u"EXEC(N'INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion]) "
               "VALUES (N''20000101000000_Exec'', N''8.0.4'')');\nINSERT INTO "
               "[__EFMigrationsHistory] ([MigrationId], [ProductVersion]) VALUES (N'%1', "
               "N'8.0.4');"_s.arg(a)
            << QStringList { a };
        QTest::newRow("same columns from SELECT")
            << u"INSERT INTO audit.copy %1 SELECT \"MigrationId\", \"ProductVersion\" FROM "
               "\"__EFMigrationsHistory\";\n%2"_s.arg(columns, real)
            << QStringList { a };
        QTest::newRow("seed data into another table")
            << u"INSERT INTO \"Roles\" (\"Id\", \"Name\") VALUES (1, '20000101000000_Seed');\n%1"_s
                   .arg(real)
            << QStringList { a };
        QTest::newRow("$1 is not a dollar quote")
            << u"PREPARE p AS SELECT $1;\n%1"_s.arg(real) << QStringList { a };
        QTest::newRow("columns in the other order")
            << u"INSERT INTO \"__EFMigrationsHistory\" (product_version, migration_id) VALUES "
               "('9.0.6', '%1');"_s.arg(a)
            << QStringList { a };
        QTest::newRow("plain (non-idempotent) script")
            << u"START TRANSACTION;\nCREATE TABLE t (id int);\n%1COMMIT;\n"_s.arg(real)
            << QStringList { a };
    }
    void scriptSnippets()
    {
        QFETCH(QString, sql);
        QFETCH(QStringList, ids);
        const ExpectedSet set = EM::fromIdempotentScript(sql, u"snippet.sql"_s);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, ids);
        QCOMPARE(set.kind, Kind::IdempotentScript);
        QCOMPARE(set.source, u"snippet.sql"_s);
    }

    void scriptErrors_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("error");
        QTest::newRow("no inserts")
            << u"CREATE TABLE t (id int);"_s
            << u"no __EFMigrationsHistory inserts found in s.sql; is this an idempotent script "
               "from dotnet ef migrations script --idempotent?"_s;
        QTest::newRow("empty text")
            << QString() << u"no __EFMigrationsHistory inserts found in s.sql"_s;
        QTest::newRow("insert only inside a string")
            << u"SELECT '%1';"_s.arg(historyInsert(u"x"_s).replace(u"'"_s, u"''"_s))
            << u"no __EFMigrationsHistory inserts found in s.sql"_s;
        QTest::newRow("unterminated string")
            << u"SELECT 'oops;\n%1"_s.arg(historyInsert(u"20240101000000_A"_s))
            << u"no __EFMigrationsHistory inserts found in s.sql"_s;
        QTest::newRow("unterminated dollar quote")
            << u"SELECT $x$ oops;\n"_s << u"no __EFMigrationsHistory inserts found"_s;
        QTest::newRow("rollback script")
            << u"DELETE FROM \"__EFMigrationsHistory\"\nWHERE \"MigrationId\" = "
               "'20250107094500_AddInvoices';\n"_s
            << u"s.sql only deletes rows from __EFMigrationsHistory"_s;
        QTest::newRow("rollback script, snake_case")
            << u"DELETE FROM \"__EFMigrationsHistory\"\nWHERE migration_id = "
               "'20250107094500_AddInvoices';\n"_s
            << u"s.sql only deletes rows from __EFMigrationsHistory"_s;
        // A column list that is not the history's two columns is not a history insert.
        QTest::newRow("a third column")
            << u"INSERT INTO \"__EFMigrationsHistory\" (migration_id, product_version, "
               "applied_at) VALUES ('20240101000000_A', '9.0.6', now());"_s
            << u"no __EFMigrationsHistory inserts found"_s;
        QTest::newRow("the id column twice")
            << u"INSERT INTO h (migration_id, \"MigrationId\") VALUES ('20240101000000_A', "
               "'20240101000000_A');"_s
            << u"no __EFMigrationsHistory inserts found"_s;
        QTest::newRow("one column")
            << u"INSERT INTO h (migration_id) VALUES ('20240101000000_A');"_s
            << u"no __EFMigrationsHistory inserts found"_s;
        QTest::newRow("similar names")
            << u"INSERT INTO h (migration_ids, product_version) VALUES ('20240101000000_A', "
               "'9');\nINSERT INTO h (\"Migration Id\", \"ProductVersion\") VALUES "
               "('20240101000000_B', '9');"_s
            << u"no __EFMigrationsHistory inserts found"_s;
        QTest::newRow("id longer than the column")
            << u"-- 1\n-- 2\n%1"_s.arg(historyInsert(u"2"_s.repeated(151)))
            << u"s.sql:4: MigrationId is 151 characters long"_s;
        QTest::newRow("empty id") << u"\n%1"_s.arg(historyInsert(QString()))
                                  << u"s.sql:3: empty MigrationId"_s;
    }
    void scriptErrors()
    {
        QFETCH(QString, sql);
        QFETCH(QString, error);
        const ExpectedSet set = EM::fromIdempotentScript(sql, u"s.sql"_s);
        QVERIFY2(set.error.contains(error), qPrintable(set.error));
        QVERIFY(set.ids.isEmpty());
        QVERIFY(!set.isKnown());
    }

    void cutAnywhereStaysSafe_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("npgsql") << u"npgsql-idempotent.sql"_s << acmeIds;
        QTest::newRow("sql server") << u"sqlserver-idempotent.sql"_s << contosoIds;
    }
    void cutAnywhereStaysSafe()
    {
        // A script cut short (a failed copy, a full disk) at any point, in the middle of a
        // string, a comment or a dollar quote: no crash, and no id that is not in the script.
        QFETCH(QString, file);
        QFETCH(QStringList, ids);
        QFile script(dataPath(file));
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(script.readAll());
        for (qsizetype cut = 0; cut <= text.size(); cut += 7) {
            const ExpectedSet set = EM::fromIdempotentScript(text.first(cut), file);
            for (const QString &id : set.ids)
                QVERIFY2(ids.contains(id), qPrintable(u"%1 at %2"_s.arg(id).arg(cut)));
        }
    }

    // Issue 11, item 2: every EFCore.NamingConventions naming of the history's columns, in
    // the Npgsql and SQL Server script forms; the guard of a migration whose insert is
    // missing is read under the same names (it yields the warning).
    void namingConventions_data()
    {
        QTest::addColumn<QString>("sql");
        struct Convention
        {
            const char *name;
            QString id;
            QString version;
            bool bare; // Npgsql writes it without quotes
        };
        const Convention conventions[] = {
            { "none", u"MigrationId"_s, u"ProductVersion"_s, false },
            { "snake", u"migration_id"_s, u"product_version"_s, true },
            { "lower", u"migrationid"_s, u"productversion"_s, true },
            { "upper", u"MIGRATIONID"_s, u"PRODUCTVERSION"_s, false },
            { "upper snake", u"MIGRATION_ID"_s, u"PRODUCT_VERSION"_s, false },
            { "camel", u"migrationId"_s, u"productVersion"_s, false },
            { "kebab", u"migration-id"_s, u"product-version"_s, false },
        };
        for (const Convention &c : conventions) {
            const auto pg = [](const QString &name, bool quoted) {
                return quoted ? u"\"%1\""_s.arg(name) : name;
            };
            for (const bool quoted : { true, false }) {
                if (!quoted && !c.bare)
                    continue;
                QString sql;
                for (const QString &id : { ida, idb }) {
                    sql += u"DO $EF$\nBEGIN\n    IF NOT EXISTS(SELECT 1 FROM "
                           "\"__EFMigrationsHistory\" WHERE %1 = '%2') THEN\n"
                           "    CREATE TABLE t (id int);\n    END IF;\nEND $EF$;\n"_s.arg(
                               pg(c.id, quoted), id);
                }
                sql += u"DO $EF$\nBEGIN\n    IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" "
                       "WHERE %1 = '%3') THEN\n    INSERT INTO \"__EFMigrationsHistory\" (%1, %2)\n"
                       "    VALUES ('%3', '9.0.6');\n    END IF;\nEND $EF$;\n"_s.arg(
                           pg(c.id, quoted), pg(c.version, quoted), ida);
                QTest::addRow("npgsql, %s, %s", c.name, quoted ? "quoted" : "bare") << sql;
            }
            QString tsql;
            for (const QString &id : { ida, idb }) {
                tsql += u"IF NOT EXISTS (\r\n    SELECT * FROM [__EFMigrationsHistory]\r\n"
                        "    WHERE [%1] = N'%2'\r\n)\r\nBEGIN\r\n    CREATE TABLE [T] ([Id] "
                        "int);\r\nEND;\r\nGO\r\n\r\n"_s.arg(c.id, id);
            }
            tsql += u"IF NOT EXISTS (\r\n    SELECT * FROM [__EFMigrationsHistory]\r\n"
                    "    WHERE [%1] = N'%3'\r\n)\r\nBEGIN\r\n    INSERT INTO "
                    "[__EFMigrationsHistory] ([%1], [%2])\r\n    VALUES (N'%3', N'9.0.6');\r\n"
                    "END;\r\nGO\r\n"_s.arg(c.id, c.version, ida);
            QTest::addRow("sql server, %s", c.name) << tsql;
        }
    }
    void namingConventions()
    {
        QFETCH(QString, sql);
        const ExpectedSet set = EM::fromIdempotentScript(sql, u"s.sql"_s);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList { ida });
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY2(set.warnings.first().contains(idb), qPrintable(set.warnings.first()));
        // Saved without the .sql extension, load() still takes it for a script.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"expected.txt"_s);
        QVERIFY(writeFile(path, sql.toUtf8()));
        QCOMPARE(EM::load(path).kind, Kind::IdempotentScript);
        QCOMPARE(EM::load(path).ids, QStringList { ida });
    }

    void idAtTheColumnLimitIsAccepted()
    {
        const QString id = u"20240101000000_"_s + u"X"_s.repeated(EM::MaxIdLength - 15);
        QCOMPARE(EM::fromIdempotentScript(historyInsert(id), u"s.sql"_s).ids, QStringList { id });
    }

    void truncatedScriptWarns()
    {
        // A migration's statements are there but its history insert is not.
        const QString sql
            = u"DO $EF$\nBEGIN\n    IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" "
              "WHERE \"MigrationId\" = '20240102000000_Cut') THEN\n    CREATE TABLE t "
              "(id int);\n    END IF;\nEND $EF$;\n"_s;
        const ExpectedSet set
            = EM::fromIdempotentScript(historyInsert(u"20240101000000_A"_s) + sql, u"s.sql"_s);
        QCOMPARE(set.ids, QStringList { u"20240101000000_A"_s });
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY2(set.warnings.first().contains(u"20240102000000_Cut"_s),
            qPrintable(set.warnings.first()));
        QVERIFY(set.warnings.first().startsWith(u"s.sql"_s));
    }
};

QTEST_GUILESS_MAIN(TestExpectedMigrationsScript)
#include "tst_expectedmigrations_script.moc"
