// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::fromMigrationsFolder(): the test data folders, file sizes, encodings and
// unreadable files, and which folder entries are read.

#include "migrationsources.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;
using Kind = ExpectedSet::Kind;
namespace EM = ExpectedMigrations;

class TestExpectedMigrationsFolder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migrationsFolder()
    {
        const ExpectedSet set = EM::load(dataPath(u"Migrations"_s));
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, Kind::MigrationsFolder);
        QCOMPARE(set.ids, acmeIds); // 2025/ holds the last one
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.source, dataPath(u"Migrations"_s));
        QCOMPARE(set.dbContext, u"AppDbContext"_s);
    }

    // Issue 11, item 1: the id is the [Migration] attribute's, whatever the files are named.
    void issueFolders_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("ids");
        // Was "no EF Core migrations found" (exit 3): no file name had 14 digits.
        QTest::newRow("ticket-numbered ids")
            << u"TicketIds"_s
            << QStringList { u"0001_Initial"_s, u"0002_AddTenants"_s, u"0003_AddAuditLog"_s };
        // Was A alone, so "Up to date" against a database with A: AddTenants.cs was skipped.
        QTest::newRow("renamed files") << u"RenamedFiles"_s << QStringList { ida, idb };
    }
    void issueFolders()
    {
        QFETCH(QString, folder);
        QFETCH(QStringList, ids);
        const ExpectedSet set = EM::load(dataPath(folder));
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, Kind::MigrationsFolder);
        QCOMPARE(set.ids, ids);
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.dbContext, u"StellaDbContext"_s);
    }

    void designerAttributeWinsOverFileName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Renamed on disk, but EF Core discovers migrations by their attribute.
        QVERIFY(writeFile(
            dir.filePath(u"20240301000000_AddIndexes.cs"_s), mainSource(u"AddIndexes"_s).toUtf8()));
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

    void largeFiles()
    {
        // A generated Designer.cs is read by its head; a hand-written file whole, so a
        // migration declared after a long helper class is still found.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString model = u"            b.Property<string>(\"Name\");\n"_s.repeated(20000);
        QVERIFY(writeFile(dir.filePath(u"A.Designer.cs"_s),
            (designerSource(u"20240101000000_A"_s, u"A"_s)
                    .replace(u"    {\n    }\n}"_s,
                        u"    {\n        void M(ModelBuilder b)\n        {\n%1        }\n"
                        "    }\n}"_s.arg(model)))
                .toUtf8()));
        QVERIFY(writeFile(dir.filePath(u"Manual.cs"_s),
            (u"namespace App;\nstatic class Seed\n{\n"
             "    const string Rows = \"\"\"\n%1    \"\"\";\n}\n"
             "[DbContext(typeof(AppDbContext))]\n[Migration(\"20240202000000_B\")]\n"
             "class B : Migration { }\n"_s.arg(u"        ('x', 'y'),\n"_s.repeated(20000)))
                .toUtf8()));
        QVERIFY(QFileInfo(dir.filePath(u"Manual.cs"_s)).size() > 256 * 1024);
        const ExpectedSet set = EM::fromMigrationsFolder(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, (QStringList { u"20240101000000_A"_s, u"20240202000000_B"_s }));
        QCOMPARE(set.warnings, QStringList());
    }

    void sourceEncodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QString text = designerSource(u"20240101000000_A"_s, u"A"_s);
        QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF" + text.toUtf8());
        QByteArray utf16("\xFF\xFE", 2);
        utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        QTest::newRow("UTF-16 LE with BOM") << utf16;
    }
    void sourceEncodings()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"A.Designer.cs"_s), bytes));
        const ExpectedSet set = EM::fromMigrationsFolder(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList { u"20240101000000_A"_s });
    }

    void binarySourceIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"A.Designer.cs"_s),
            designerSource(u"20240101000000_A"_s, u"A"_s).toUtf8()));
        QVERIFY(writeFile(dir.filePath(u"Blob.cs"_s), QByteArray("MZ\x90\0\x03\0\0\0", 8)));
        const ExpectedSet set = EM::fromMigrationsFolder(dir.path());
        QCOMPARE(set.ids, QStringList { u"20240101000000_A"_s });
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY2(set.warnings.first().startsWith(dir.filePath(u"Blob.cs"_s) + u" is not text"_s),
            qPrintable(set.warnings.first()));
    }

    void unreadableSourceIsAnError()
    {
        // It may hold a migration: a set without it could say "Up to date" wrongly.
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"A.Designer.cs"_s),
            designerSource(u"20240101000000_A"_s, u"A"_s).toUtf8()));
        const QString locked = dir.filePath(u"B.cs"_s);
        QVERIFY(writeFile(locked, mainSource(u"B"_s).toUtf8()));
        QVERIFY(QFile::setPermissions(locked, QFile::WriteOwner));
        if (QFile(locked).open(QIODevice::ReadOnly)) {
            // Privileges that ignore permissions: a file that opens but fails to read (EIO
            // at address 0 of the reader's own memory) stands in for a failing disk.
            QVERIFY(QFile::remove(locked));
            QVERIFY(QFile::link(u"/proc/self/mem"_s, locked));
            QFile mem(locked);
            if (!mem.open(QIODevice::ReadOnly) || mem.read(1).size() == 1)
                QSKIP("no file here that cannot be read");
        }
        const ExpectedSet set = EM::fromMigrationsFolder(dir.path());
        QVERIFY(!set.isKnown());
        QVERIFY(set.ids.isEmpty());
        QVERIFY2(set.error.startsWith(u"cannot read %1"_s.arg(locked)), qPrintable(set.error));
    }

    void missingFolderIsNamed()
    {
        const QString path = dataPath(u"NoSuchMigrations"_s);
        const ExpectedSet set = EM::fromMigrationsFolder(path);
        QVERIFY2(set.error.contains(path), qPrintable(set.error));
        QVERIFY(!set.isKnown());
    }

    // The name classifier behind fromMigrationsFolder() (fuzzed by tests/fuzz).
    void classifiesFolderEntries_data()
    {
        using FE = ExpectedMigrations::FolderEntry;
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isDir");
        QTest::addColumn<FE>("entry");
        // Every .cs file is read: the [Migration] attribute, not the name, makes a migration.
        QTest::newRow("migration") << u"20240115093000_InitialCreate.cs"_s << false << FE::Source;
        QTest::newRow("designer") << u"20240115093000_InitialCreate.Designer.cs"_s << false
                                  << FE::Source;
        QTest::newRow("snapshot") << u"AppDbContextModelSnapshot.cs"_s << false << FE::Source;
        QTest::newRow("ticket id") << u"0001_Initial.cs"_s << false << FE::Source;
        QTest::newRow("any name") << u"AddTenants.cs"_s << false << FE::Source;
        QTest::newRow("upper-case extension") << u"AddTenants.CS"_s << false << FE::Source;
        QTest::newRow("backup copy") << u"AddTenants.cs.orig"_s << false << FE::Ignored;
        QTest::newRow("other file") << u"README.md"_s << false << FE::Ignored;
        QTest::newRow("hidden file") << u".20240115093000_X.cs"_s << false << FE::Ignored;
        QTest::newRow("folder") << u"2025"_s << true << FE::Folder;
        QTest::newRow("bin") << u"bin"_s << true << FE::Ignored;
        QTest::newRow("OBJ") << u"OBJ"_s << true << FE::Ignored;
        QTest::newRow("hidden folder") << u".git"_s << true << FE::Ignored;
        // '$' also matched before a final line break: "X.cs\n" passed for X.cs (review for
        // tests/fuzz; a Linux file name may end in a line break).
        QTest::newRow("trailing newline") << u"20240115093000_X.cs\n"_s << false << FE::Ignored;
        QTest::newRow("folder named like a file") << u"X.cs"_s << true << FE::Folder;
    }

    void classifiesFolderEntries()
    {
        QFETCH(QString, name);
        QFETCH(bool, isDir);
        QTEST(ExpectedMigrations::classifyFolderEntry(name, isDir), "entry");
    }
};

QTEST_GUILESS_MAIN(TestExpectedMigrationsFolder)
#include "tst_expectedmigrations_folder.moc"
