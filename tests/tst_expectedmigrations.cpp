#include "expectedmigrations.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using Kind = ExpectedSet::Kind;
namespace EM = ExpectedMigrations;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(DOCTOR_TEST_DATA) + u"/expected/"_s + name;
}

// tests/data/expected: the Acme.Orders app (Npgsql script, Migrations folder, manifest) ...
const QStringList acmeIds = {
    u"20240115093000_InitialCreate"_s,
    u"20240203141522_AddOrders"_s,
    u"20240311080012_AddCustomerEmailIndex"_s,
    u"20240502161045_SeedRoles"_s,
    u"20240918120330_AddAuditTrigger"_s,
    u"20250107094500_AddInvoices"_s,
};
// ... a platform service with a schema-qualified history table ...
const QStringList platformIds = { u"20231120101500_Initial"_s, u"20240208134210_TenantQuotas"_s,
    u"20240617090000_TenantRegion"_s };
// ... and Contoso.Billing on SQL Server.
const QStringList contosoIds = {
    u"20231002110000_Initial"_s,
    u"20231020153000_AddInvoiceNumbers"_s,
    u"20231104091500_AddCustomerNotes"_s,
    u"20240122170000_SeedCurrencies"_s,
    u"20240226084500_AddBaselineProcedure"_s,
};

QString historyInsert(const QString &id)
{
    return u"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\")\n"
           "VALUES ('%1', '9.0.6');\n"_s.arg(id);
}

bool writeFile(const QString &path, const QByteArray &content = {})
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestExpectedMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- idempotent scripts ----

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

    // ---- Migrations folder ----

    void migrationsFolder()
    {
        const ExpectedSet set = EM::load(dataPath(u"Migrations"_s));
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, Kind::MigrationsFolder);
        QCOMPARE(set.ids, acmeIds); // 2025/ holds the last one
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.source, dataPath(u"Migrations"_s));
    }

    void folderLayouts_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("warning");
        const QString a = u"20240101000000_A"_s;
        const QString b = u"20240202000000_B"_s;
        QTest::newRow("designer, snapshot and helpers ignored")
            << QStringList { a + u".cs"_s, a + u".Designer.cs"_s, u"AppDbContextModelSnapshot.cs"_s,
                   u"SeedData.cs"_s, a + u".cs.orig"_s, u"README.md"_s }
            << QStringList { a } << QString() << QString();
        QTest::newRow("timestamps of 13 and 15 digits")
            << QStringList { a + u".cs"_s, u"2024010100000_Short.cs"_s,
                   u"202401010000000_Long.cs"_s, u"Initial_20240101000000.cs"_s }
            << QStringList { a } << QString() << QString();
        QTest::newRow("subfolders grouped by year")
            << QStringList { u"2024/"_s + a + u".cs"_s, u"2024/"_s + a + u".Designer.cs"_s,
                   u"2025/Q1/"_s + b + u".cs"_s, u"AppDbContextModelSnapshot.cs"_s }
            << QStringList { a, b } << QString() << QString();
        QTest::newRow("bin, obj and hidden folders skipped")
            << QStringList { a + u".cs"_s, u"bin/Debug/net9.0/20990101000000_Bin.cs"_s,
                   u"obj/20990101000000_Obj.cs"_s, u".vs/20990101000000_Vs.cs"_s }
            << QStringList { a } << QString() << QString();
        QTest::newRow("same id in two subfolders")
            << QStringList { u"Old/"_s + a + u".cs"_s, u"New/"_s + a + u".cs"_s }
            << QStringList { a } << QString() << u"counted once"_s;
        QTest::newRow("two DbContexts")
            << QStringList { u"App/"_s + a + u".cs"_s, u"App/AppDbContextModelSnapshot.cs"_s,
                   u"Identity/"_s + b + u".cs"_s, u"Identity/IdentityDbContextModelSnapshot.cs"_s }
            << QStringList { a, b } << QString()
            << u"2 DbContexts (AppDbContext, IdentityDbContext)"_s;
        QTest::newRow("empty folder")
            << QStringList {} << QStringList {} << u"no EF Core migrations found in"_s << QString();
        QTest::newRow("only designers and snapshot")
            << QStringList { a + u".Designer.cs"_s, u"AppDbContextModelSnapshot.cs"_s }
            << QStringList {} << u"no EF Core migrations found in"_s << QString();
    }
    void folderLayouts()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, ids);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &file : std::as_const(files))
            QVERIFY(writeFile(dir.filePath(file)));
        const ExpectedSet set = EM::fromMigrationsFolder(dir.path());
        QCOMPARE(set.kind, Kind::MigrationsFolder);
        QCOMPARE(set.ids, ids);
        if (error.isEmpty()) {
            QCOMPARE(set.error, QString());
        } else {
            QVERIFY2(set.error.contains(error), qPrintable(set.error));
            QVERIFY2(set.error.contains(dir.path()), qPrintable(set.error));
        }
        if (warning.isEmpty()) {
            QCOMPARE(set.warnings, QStringList());
        } else {
            QCOMPARE(set.warnings.size(), 1);
            QVERIFY2(set.warnings.first().contains(warning), qPrintable(set.warnings.first()));
        }
    }

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

    void designerAttributeWinsOverFileName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Renamed on disk, but EF Core discovers migrations by their attribute.
        QVERIFY(writeFile(dir.filePath(u"20240301000000_AddIndexes.cs"_s)));
        QVERIFY(writeFile(dir.filePath(u"20240301000000_AddIndexes.Designer.cs"_s),
            "namespace App.Migrations\n{\n    [DbContext(typeof(AppDbContext))]\n"
            "    [Migration(\"20240301000000_AddIdx\")]\n    partial class AddIndexes\n"
            "    {\n    }\n}\n"));
        const ExpectedSet set = EM::fromMigrationsFolder(dir.path());
        QCOMPARE(set.ids, QStringList { u"20240301000000_AddIdx"_s });
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY2(set.warnings.first().contains(u"20240301000000_AddIndexes.cs"_s),
            qPrintable(set.warnings.first()));
    }

    void missingFolderIsNamed()
    {
        const QString path = dataPath(u"NoSuchMigrations"_s);
        const ExpectedSet set = EM::fromMigrationsFolder(path);
        QVERIFY2(set.error.contains(path), qPrintable(set.error));
        QVERIFY(!set.isKnown());
    }

    // ---- manifests ----

    void manifestFile()
    {
        // Its header mentions __EFMigrationsHistory in a # comment: still a manifest.
        const ExpectedSet set = EM::load(dataPath(u"manifest.txt"_s));
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, Kind::Manifest);
        QCOMPARE(set.ids, acmeIds);
        QCOMPARE(set.warnings, QStringList());
    }

    void manifestSnippets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("warning");
        const QString a = u"20240101000000_A"_s;
        const QString b = u"20240202000000_B"_s;
        QTest::newRow("comments, blanks, trimming")
            << u"# header\n\n  %1  \n\t%2\t# trailing\n   # indented comment\n"_s.arg(a, b)
            << QStringList { a, b } << QString() << QString();
        QTest::newRow("CRLF and BOM") << QString(QChar(0xFEFF) + u"%1\r\n%2\r\n"_s.arg(a, b))
                                      << QStringList { a, b } << QString() << QString();
        QTest::newRow("no trailing newline")
            << u"%1\n%2"_s.arg(a, b) << QStringList { a, b } << QString() << QString();
        QTest::newRow("150 characters fit")
            << u"2"_s.repeated(150) << QStringList { u"2"_s.repeated(150) } << QString()
            << QString();
        QTest::newRow("duplicate")
            << u"# x\n%1\n%2\n%1 # again\n"_s.arg(a, b) << QStringList { a, b } << QString()
            << u"m.txt:4: %1 is listed again (first on line 2)"_s.arg(a);
        QTest::newRow("151 characters")
            << u"%1\n%2\n"_s.arg(a, u"2"_s.repeated(151)) << QStringList {}
            << u"m.txt:2: MigrationId is 151 characters long"_s << QString();
        QTest::newRow("spaces inside")
            << u"%1\n\n%2 (Pending)\n"_s.arg(a, b) << QStringList {}
            << u"m.txt:3: \"%1 (Pending)\" is not a MigrationId (it contains spaces)"_s.arg(b)
            << QString();
        QTest::newRow("CSV export of the history table")
            << u"MigrationId,ProductVersion\n%1,9.0.6\n"_s.arg(a) << QStringList {}
            << u"m.txt:1: \"MigrationId,ProductVersion\" is not a MigrationId (it contains ',')"_s
            << QString();
        QTest::newRow("quoted id")
            << u"'%1'\n"_s.arg(a) << QStringList {}
            << u"m.txt:1: \"'%1'\" is not a MigrationId (it contains ''')"_s.arg(a) << QString();
        QTest::newRow("several bad lines")
            << u"a b\nc d\n"_s << QStringList {} << u"m.txt:1: \"a b\" is not a MigrationId"_s
            << QString();
        QTest::newRow("only comments") << u"# nothing yet\n\n"_s << QStringList {}
                                       << u"m.txt lists no MigrationIds"_s << QString();
        QTest::newRow("empty") << QString() << QStringList {} << u"m.txt lists no MigrationIds"_s
                               << QString();
    }
    void manifestSnippets()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        const ExpectedSet set = EM::fromManifest(text, u"m.txt"_s);
        QCOMPARE(set.kind, Kind::Manifest);
        QCOMPARE(set.ids, ids);
        if (error.isEmpty())
            QCOMPARE(set.error, QString());
        else
            QVERIFY2(set.error.startsWith(error), qPrintable(set.error));
        if (warning.isEmpty()) {
            QCOMPARE(set.warnings, QStringList());
        } else {
            QCOMPARE(set.warnings.size(), 1);
            QVERIFY2(set.warnings.first().startsWith(warning), qPrintable(set.warnings.first()));
        }
    }

    void severalBadLinesAreCounted()
    {
        const ExpectedSet set = EM::fromManifest(u"a b\nc d\ne f\n"_s, u"m.txt"_s);
        QVERIFY2(set.error.endsWith(u"(and 2 more such lines)"_s), qPrintable(set.error));
    }

    void manifestFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("warning");
        QTest::newRow("duplicate") << u"manifest-duplicate.txt"_s << QString()
                                   << u":5: 20240203141522_AddOrders is listed again"_s;
        QTest::newRow("pasted list output")
            << u"manifest-list-output.txt"_s
            << u":4: \"20240311080012_AddCustomerEmailIndex (Pending)\""_s << QString();
        QTest::newRow("too long") << u"manifest-too-long.txt"_s << u":3: MigrationId is"_s
                                  << QString();
        QTest::newRow("only comments")
            << u"manifest-only-comments.txt"_s << u" lists no MigrationIds"_s << QString();
    }
    void manifestFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        const QString path = dataPath(file);
        const ExpectedSet set = EM::load(path);
        QCOMPARE(set.kind, Kind::Manifest);
        if (error.isEmpty()) {
            QCOMPARE(set.error, QString());
        } else {
            QVERIFY2(set.error.startsWith(path), qPrintable(set.error));
            QVERIFY2(set.error.contains(error), qPrintable(set.error));
        }
        if (!warning.isEmpty()) {
            QCOMPARE(set.warnings.size(), 1);
            QVERIFY2(
                set.warnings.first().startsWith(path + warning), qPrintable(set.warnings.first()));
        }
    }

    // ---- sorting and de-duplication ----

    void sortedOrdinalAndUnique_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        const QStringList order = { u"20240101000000_b"_s, u"20240101000000_B"_s,
            u"20231231235959_Z"_s, u"20240101000000_B"_s, u"20240101000000_a"_s };
        QString script;
        for (const QString &id : order)
            script += historyInsert(id);
        QTest::newRow("manifest") << u"m.txt"_s << order.join(u'\n');
        QTest::newRow("script") << u"s.sql"_s << script;
    }
    void sortedOrdinalAndUnique()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        const ExpectedSet set = path.endsWith(u".sql"_s) ? EM::fromIdempotentScript(text, path)
                                                         : EM::fromManifest(text, path);
        // Ordinal: digits, then upper case, then lower case; no locale collation.
        const QStringList expected = { u"20231231235959_Z"_s, u"20240101000000_B"_s,
            u"20240101000000_a"_s, u"20240101000000_b"_s };
        QCOMPARE(set.ids, expected);
        QVERIFY(std::is_sorted(set.ids.cbegin(), set.ids.cend()));
    }

    // ---- load(): detection and file errors ----

    void loadDetects_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("known");
        QTest::newRow("folder") << dataPath(u"Migrations"_s) << int(Kind::MigrationsFolder) << true;
        QTest::newRow("npgsql script")
            << dataPath(u"npgsql-idempotent.sql"_s) << int(Kind::IdempotentScript) << true;
        QTest::newRow("sql server script")
            << dataPath(u"sqlserver-idempotent.sql"_s) << int(Kind::IdempotentScript) << true;
        QTest::newRow("utf-16 script") << dataPath(u"npgsql-schema-history-utf16.sql"_s)
                                       << int(Kind::IdempotentScript) << true;
        QTest::newRow(".sql without history inserts")
            << dataPath(u"schema-dump.sql"_s) << int(Kind::IdempotentScript) << false;
        QTest::newRow("rollback script")
            << dataPath(u"rollback-to-audit-trigger.sql"_s) << int(Kind::IdempotentScript) << false;
        QTest::newRow("manifest mentioning the table in a comment")
            << dataPath(u"manifest.txt"_s) << int(Kind::Manifest) << true;
        QTest::newRow("bad manifest")
            << dataPath(u"manifest-list-output.txt"_s) << int(Kind::Manifest) << false;
    }
    void loadDetects()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(bool, known);
        const ExpectedSet set = EM::load(path);
        QCOMPARE(int(set.kind), kind);
        QCOMPARE(set.isKnown(), known);
        QCOMPARE(set.source, path);
        if (!known)
            QVERIFY2(set.error.contains(path), qPrintable(set.error));
    }

    void loadDetectsByContent_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::newRow("insert shape, quoted") << QByteArray(
            "INSERT INTO h (\"MigrationId\", \"ProductVersion\") VALUES ('1_A', '9');")
                                              << int(Kind::IdempotentScript);
        QTest::newRow("insert shape, brackets")
            << QByteArray("INSERT INTO [h] ([MigrationId],[ProductVersion]) VALUES (N'1_A', N'8');")
            << int(Kind::IdempotentScript);
        QTest::newRow("history table named in code")
            << QByteArray("DELETE FROM \"__EFMigrationsHistory\";") << int(Kind::IdempotentScript);
        QTest::newRow("ids only") << QByteArray("20240101000000_A\n") << int(Kind::Manifest);
    }
    void loadDetectsByContent()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"expected.txt"_s);
        QVERIFY(writeFile(path, content));
        QCOMPARE(int(EM::load(path).kind), kind);
    }

    void loadErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing") << u"missing.sql"_s << QByteArray() << qint64(-1)
                                 << u"does not exist; check the expected-migrations path"_s;
        QTest::newRow("binary") << u"App.dll"_s << QByteArray("MZ\x90\0\x03\0\0\0", 8) << qint64(-1)
                                << u"is a binary file"_s;
        QTest::newRow("larger than the limit")
            << u"huge.sql"_s << QByteArray() << EM::MaxFileBytes + 1 << u"larger than 64 MiB"_s;
    }
    void loadErrors()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(qint64, size);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        if (!name.startsWith(u"missing"_s)) {
            QVERIFY(writeFile(path, content));
            if (size >= 0)
                QVERIFY(QFile::resize(path, size)); // sparse: costs no disk
        }
        const ExpectedSet set = EM::load(path);
        QCOMPARE(set.kind, Kind::None);
        QVERIFY(set.ids.isEmpty());
        QVERIFY2(set.error.startsWith(path), qPrintable(set.error));
        QVERIFY2(set.error.contains(error), qPrintable(set.error));
    }

    void emptyPathIsAnError()
    {
        const ExpectedSet set = EM::load(QString());
        QVERIFY(set.error.startsWith(u"no expected-migrations source given"_s));
        QVERIFY(!set.isKnown());
    }

    void unreadableFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"expected.txt"_s);
        QVERIFY(writeFile(path, "20240101000000_A\n"));
        QVERIFY(QFile::setPermissions(path, QFile::WriteOwner));
        if (QFile(path).open(QIODevice::ReadOnly))
            QSKIP("running with privileges that ignore file permissions");
        const ExpectedSet set = EM::load(path);
        QVERIFY2(set.error.startsWith(u"cannot read %1"_s.arg(path)), qPrintable(set.error));
        QVERIFY(set.error.contains(u"readable"_s));
    }

    void deviceIsNotRead()
    {
        const QString zero = u"/dev/zero"_s; // endless: must never be read
        if (!QFileInfo::exists(zero))
            QSKIP("no /dev/zero here");
        const ExpectedSet set = EM::load(zero);
        QVERIFY2(set.error.contains(u"is not a regular file"_s), qPrintable(set.error));
    }

    // ---- the rest ----

    void kindNames_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("none") << int(Kind::None) << u"none"_s;
        QTest::newRow("script") << int(Kind::IdempotentScript) << u"idempotent script"_s;
        QTest::newRow("folder") << int(Kind::MigrationsFolder) << u"Migrations folder"_s;
        QTest::newRow("manifest") << int(Kind::Manifest) << u"manifest"_s;
        QTest::newRow("environment") << int(Kind::Environment) << u"environment"_s;
    }
    void kindNames()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QCOMPARE(EM::kindName(Kind(kind)), name);
    }

    void sourcesOfOneReleaseAgree()
    {
        // The Acme.Orders test data describe one release three ways.
        for (const QString &source :
            { u"npgsql-idempotent.sql"_s, u"Migrations"_s, u"manifest.txt"_s })
            QCOMPARE(EM::load(dataPath(source)).ids, acmeIds);
    }

    // The name classifier behind fromMigrationsFolder() (fuzzed by tests/fuzz).
    void classifiesFolderEntries_data()
    {
        using FE = ExpectedMigrations::FolderEntry;
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isDir");
        QTest::addColumn<FE>("entry");
        QTest::newRow("migration")
            << u"20240115093000_InitialCreate.cs"_s << false << FE::Migration;
        QTest::newRow("designer") << u"20240115093000_InitialCreate.Designer.cs"_s << false
                                  << FE::Ignored;
        QTest::newRow("snapshot") << u"AppDbContextModelSnapshot.cs"_s << false
                                  << FE::ModelSnapshot;
        QTest::newRow("13 digits") << u"2024011509300_X.cs"_s << false << FE::Ignored;
        QTest::newRow("other file") << u"MigrationBuilderExtensions.cs"_s << false << FE::Ignored;
        QTest::newRow("hidden file") << u".20240115093000_X.cs"_s << false << FE::Ignored;
        QTest::newRow("folder") << u"2025"_s << true << FE::Folder;
        QTest::newRow("bin") << u"bin"_s << true << FE::Ignored;
        QTest::newRow("OBJ") << u"OBJ"_s << true << FE::Ignored;
        QTest::newRow("hidden folder") << u".git"_s << true << FE::Ignored;
        // '$' also matched before a final line break: "X.cs\n" passed for X.cs (review for
        // tests/fuzz; a Linux file name may end in a line break).
        QTest::newRow("trailing newline") << u"20240115093000_X.cs\n"_s << false << FE::Ignored;
    }

    void classifiesFolderEntries()
    {
        QFETCH(QString, name);
        QFETCH(bool, isDir);
        QTEST(ExpectedMigrations::classifyFolderEntry(name, isDir), "entry");
    }
};

QTEST_GUILESS_MAIN(TestExpectedMigrations)
#include "tst_expectedmigrations.moc"
