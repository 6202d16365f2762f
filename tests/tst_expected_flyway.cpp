// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ToolSources::fromFlywayFolder(), flywayChecksum() and compareFlywayVersions(): Flyway's
// file names, version order and checksums, and load() recognising a Flyway folder.

#include "migrations/toolsources.h"
#include "migrationsources.h"
#include "testpaths.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using MigrationSources::writeFile;

namespace {

// V3__Couple.sql of Flyway's "Tutorial: Dry Runs" (flyway/flyway,
// documentation/Reference/Tutorials/Tutorial - Dry Runs.md), two lines ending in a blank.
// The dry-run output the tutorial shows holds the INSERT real Flyway wrote for it:
//   ... VALUES (2, '3', 'Couple', 'SQL', 'V3__Couple.sql', -722651034, 'SA', 0, 1);
const QByteArrayList coupleLines = { "create table COUPLE (", "    ID int not null,",
    "    PERSON1 int not null references PERSON(ID), ",
    "    PERSON2 int not null references PERSON(ID) ", ");" };
constexpr qint32 coupleChecksum = -722651034;

} // namespace

class TestExpectedFlyway : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checksumAsFlywayComputedIt_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("LF, final line break") << coupleLines.join('\n') + '\n';
        QTest::newRow("LF, none at the end") << coupleLines.join('\n');
        QTest::newRow("CRLF (a Windows checkout)") << coupleLines.join("\r\n") + "\r\n";
        QTest::newRow("CR") << coupleLines.join('\r');
        QTest::newRow("UTF-8 BOM") << "\xEF\xBB\xBF" + coupleLines.join('\n');
        QTest::newRow("blank lines") << "\n\n" + coupleLines.join("\n\r\n") + "\n\n";
    }
    void checksumAsFlywayComputedIt()
    {
        QFETCH(QByteArray, file);
        QCOMPARE(ToolSources::flywayChecksum(file), coupleChecksum);
    }

    void checksumSeesEdits()
    {
        QByteArrayList trimmed = coupleLines;
        trimmed[2] = trimmed[2].trimmed(); // the trailing blank is part of the line
        QVERIFY(ToolSources::flywayChecksum(trimmed.join('\n')) != coupleChecksum);
        QVERIFY(ToolSources::flywayChecksum(coupleLines.join(' ')) != coupleChecksum);
        QCOMPARE(ToolSources::flywayChecksum({}), 0); // CRC32 of nothing
        // A BOM is dropped only at the start of the file.
        QVERIFY(ToolSources::flywayChecksum("a\n\xEF\xBB\xBF"
                                            "b")
            != ToolSources::flywayChecksum("a\nb"));
    }

    void versionOrder_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("parts are numbers") << u"1.9"_s << u"1.10"_s << -1;
        QTest::newRow("underscore is a dot") << u"1_10"_s << u"1.9"_s << 1;
        QTest::newRow("trailing zeros") << u"1.0.0"_s << u"1"_s << 0;
        QTest::newRow("leading zeros") << u"010"_s << u"9"_s << 1;
        QTest::newRow("more parts") << u"2.0.1"_s << u"2"_s << 1;
        QTest::newRow("beyond 64 bits")
            << u"99999999999999999999"_s << u"100000000000000000000"_s << -1;
    }
    void versionOrder()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        const int got = ToolSources::compareFlywayVersions(a, b);
        QCOMPARE((got > 0) - (got < 0), order);
    }

    void folder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray sql = "select 1;\n";
        for (const char *name :
            { "V1__Create_person.sql", "V1_1__Add_email.sql", "V1_10__Later.sql",
                "V1.9__Earlier.sql", "2024/V2__In_a_subfolder.sql", "V010__Leading_zero.sql",
                "R__People_view.sql", "U2__Undo.sql", "B1__Baseline.sql", "beforeMigrate.sql",
                "afterMigrate__Grants.sql", "README.md", "V3__Upper_suffix.SQL" })
            QVERIFY(writeFile(dir.filePath(QString::fromLatin1(name)), sql));
        QVERIFY(writeFile(dir.filePath(u"V1_Init.sql"_s), sql)); // one underscore
        QVERIFY(writeFile(dir.filePath(u"Rollback__x.sql"_s), sql));
        const ExpectedSet set = ToolSources::fromFlywayFolder(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, ExpectedSet::Kind::ToolSource);
        QCOMPARE(set.tool, MigrationTool::Flyway);
        QCOMPARE(set.ids,
            QStringList({ u"1"_s, u"1.1"_s, u"1.9"_s, u"1.10"_s, u"2"_s, u"3"_s, u"010"_s,
                u"R__People_view"_s }));
        QCOMPARE(set.checksums.size(), set.ids.size());
        QCOMPARE(set.checksums.value(u"1.10"_s), QString::number(ToolSources::flywayChecksum(sql)));
        QCOMPARE(set.warnings.size(), 2);
        QVERIFY2(set.warnings.at(0).contains(u"Rollback__x.sql"_s), qPrintable(set.warnings.at(0)));
        QVERIFY2(set.warnings.at(1).contains(u"V1_Init.sql"_s), qPrintable(set.warnings.at(1)));
    }

    void checksumOfEachFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"V3__Couple.sql"_s), coupleLines.join("\r\n")));
        const ExpectedSet set = ToolSources::fromFlywayFolder(dir.path());
        QCOMPARE(set.ids, QStringList { u"3"_s });
        QCOMPARE(set.checksums.value(u"3"_s), QString::number(coupleChecksum));
    }

    void sameVersionTwice()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"V1__A.sql"_s), "a"));
        QVERIFY(writeFile(dir.filePath(u"sub/V1.0__B.sql"_s), "b"));
        const ExpectedSet set = ToolSources::fromFlywayFolder(dir.path());
        QVERIFY2(set.error.contains(u"V1__A.sql"_s) && set.error.contains(u"V1.0__B.sql"_s),
            qPrintable(set.error));
        QVERIFY(!set.isKnown());
    }

    void emptyFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"notes.txt"_s), "x"));
        const ExpectedSet set = ToolSources::fromFlywayFolder(dir.path());
        QVERIFY2(set.error.startsWith(u"no Flyway migrations"_s), qPrintable(set.error));
        QVERIFY(set.error.contains(dir.path()));
    }

    // The tree tests/data/histories/flyway.sql was applied from; its success scenario stores
    // these checksums (written by the fixture's author, so a cross-check of the fixtures,
    // not of Flyway: the Flyway-computed value is coupleChecksum above).
    void loadRecognisesFlyway()
    {
        const QString tree = TestPaths::testData() + u"/histories/flyway-src"_s;
        for (const ExpectedSet &set : { ExpectedMigrations::load(tree),
                 ExpectedMigrations::load(tree, {}, MigrationTool::Flyway) }) {
            QCOMPARE(set.error, QString());
            QCOMPARE(set.tool, MigrationTool::Flyway);
            QCOMPARE(set.ids, QStringList({ u"1"_s, u"1.1"_s, u"2"_s }));
            QCOMPARE(set.checksums.value(u"1"_s), u"112545635"_s);
            QCOMPARE(set.checksums.value(u"1.1"_s), u"-1520492755"_s);
            QCOMPARE(set.checksums.value(u"2"_s), u"719313139"_s);
        }
        // A project root: Flyway's default location below it.
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QVERIFY(writeFile(root.filePath(u"src/main/resources/db/migration/V1__A.sql"_s), "a"));
        QVERIFY(writeFile(root.filePath(u"pom.xml"_s), "<project/>"));
        // Build copies of the scripts are not a second V1 (Maven's target/, Gradle's build/).
        QVERIFY(writeFile(root.filePath(u"target/classes/db/migration/V1__A.sql"_s), "a"));
        QVERIFY(writeFile(root.filePath(u"build/resources/main/db/migration/V1__A.sql"_s), "a"));
        QCOMPARE(ExpectedMigrations::load(root.path()).ids, QStringList { u"1"_s });
        QCOMPARE(ExpectedMigrations::load(root.path(), {}, MigrationTool::Flyway).ids,
            QStringList { u"1"_s });
    }
};

QTEST_GUILESS_MAIN(TestExpectedFlyway)
#include "tst_expected_flyway.moc"
