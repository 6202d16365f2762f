// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// LiquibaseChangelog: a master changelog and its includes; SnakeYamlScalar: YAML 1.1 values.

#include "migrations/liquibasechangelog.h"
#include "migrations/liquibasechangelogparser.h"
#include "migrations/snakeyamlscalar.h"
#include "migrationsources.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;

namespace {

QByteArray xml(const QByteArray &body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog "
           "xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
        + body + "</databaseChangeLog>\n";
}

ExpectedSet readTree(
    QTemporaryDir &dir, const QMap<QString, QByteArray> &files, const QString &master)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        writeFile(dir.filePath(it.key()), it.value());
    return ExpectedMigrations::load(dir.filePath(master));
}

} // namespace

class TestExpectedLiquibase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // tests/data/expected/liquibase: a Spring Boot layout. The master (XML) includes an XML
    // file from the classpath root, YAML and formatted SQL files relative to itself, and a
    // folder of releases with includeAll.
    void springBootTree()
    {
        const QString master
            = dataPath(u"liquibase/src/main/resources/db/changelog/db.changelog-master.xml"_s);
        const ExpectedSet set = ExpectedMigrations::load(master);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, ExpectedSet::Kind::ToolSource);
        QCOMPARE(set.tool, MigrationTool::Liquibase);
        const QString changes = u"db/changelog/changes/"_s;
        QCOMPARE(set.ids,
            (QStringList {
                changes + u"001-create-accounts.xml::1::alice"_s,
                changes + u"001-create-accounts.xml::2::alice"_s, // 2-oracle is not for pg
                changes + u"002-orders.yaml::orders-1::bob"_s,
                changes + u"002-orders.yaml::16::bob"_s, // id: 0020 is octal in YAML 1.1
                changes + u"003-invoices.sql::invoices-1::carol"_s,
                changes + u"003-invoices.sql::invoices-2::Carol Jones"_s,
                u"audit/audit-log.xml::audit-1::dave"_s, // its logicalFilePath
                u"db/changelog/releases/2024.02/020-seed.sql::seed-1::erin"_s,
                u"db/changelog/db.changelog-master.xml::tag-1.0::ops"_s,
            }));
        QCOMPARE(set.warnings.size(), 1);
        QVERIFY2(set.warnings[0].contains(u"README.md is not a changelog format"_s),
            qPrintable(set.warnings[0]));
        QVERIFY2(set.warnings[0].startsWith(master + u":12: "_s), qPrintable(set.warnings[0]));
        QVERIFY(set.checksums.isEmpty());
    }

    void yamlMasterAndLogicalPaths()
    {
        // A YAML master with a logicalFilePath of its own, which included changelogs inherit
        // (Liquibase 4.31+ default) unless they or the include set one; raw SQL never does.
        QTemporaryDir dir;
        const ExpectedSet set = readTree(dir,
            { { u"master.yaml"_s,
                  "databaseChangeLog:\n  - logicalFilePath: app/master\n"
                  "  - include:\n      file: a.xml\n      relativeToChangelogFile: true\n"
                  "  - include:\n      file: b.xml\n      relativeToChangelogFile: yes\n"
                  "      logicalFilePath: app/b\n"
                  "  - include:\n      file: sub/c.json\n      relativeToChangelogFile: true\n"
                  "  - include: {file: raw.sql, relativeToChangelogFile: true}\n"
                  "  - changeSet:\n      id: 1.10\n      author: 'ops'\n" },
                { u"a.xml"_s, xml("<changeSet id=\"a1\" author=\"x\"/>\n") },
                { u"b.xml"_s, xml("<changeSet id=\"b1\" author=\"x\"/>\n") },
                { u"sub/c.json"_s,
                    R"({"databaseChangeLog": [{"changeSet": {"id": "c1", "author": "x",)"
                    R"( "logicalFilePath": "/c-own.json"}}]})" },
                { u"raw.sql"_s, "CREATE TABLE t (id int);\n" } },
            u"master.yaml"_s);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.ids,
            (QStringList { u"app/master::a1::x"_s, u"app/b::b1::x"_s, u"c-own.json::c1::x"_s,
                u"raw.sql::raw::includeAll"_s, u"app/master::1.1::ops"_s }));
    }

    void searchPathFromTheMastersFolderUp()
    {
        // No include resolves from a folder above: the master's folder is the search path.
        QTemporaryDir dir;
        const ExpectedSet set = readTree(dir,
            { { u"db/master.xml"_s, xml("<include file=\"changes/x.sql\"/>\n") },
                { u"db/changes/x.sql"_s,
                    "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n" } },
            u"db/master.xml"_s);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList { u"changes/x.sql::1::a"_s });
    }

    void includeProblems_data()
    {
        QTest::addColumn<QString>("master");
        QTest::addColumn<QByteArray>("other"); // other.xml
        QTest::addColumn<QString>("error"); // a part, after the temporary folder
        QTest::addColumn<QString>("warning");
        QTest::newRow("cycle")
            << u"<include file=\"other.xml\"/>\n"_s
            << xml("<include file=\"master.xml\" relativeToChangelogFile=\"true\"/>\n")
            << u"other.xml:3: including "_s << QString();
        QTest::newRow("missing include")
            << u"<changeSet id=\"1\" author=\"a\"/>\n<include file=\"nope.xml\"/>\n"_s
            << QByteArray() << u"master.xml:4: included file nope.xml not found"_s << QString();
        QTest::newRow("missing include allowed")
            << u"<changeSet id=\"1\" author=\"a\"/>\n"
               "<include file=\"nope.xml\" errorIfMissing=\"false\"/>\n"_s
            << QByteArray() << QString() << u"master.xml:4: included file nope.xml not found"_s;
        QTest::newRow("absolute path, never looked up in /")
            << u"<include file=\"/etc/passwd\"/>\n"_s << QByteArray()
            << u"master.xml:3: included file /etc/passwd not found"_s << QString();
        QTest::newRow("missing includeAll folder")
            << u"<includeAll path=\"nope/\" relativeToChangelogFile=\"true\"/>\n"_s << QByteArray()
            << u"master.xml:3: includeAll folder nope/ not found"_s << QString();
        QTest::newRow("included file of no changelog format")
            << u"<include file=\"notes.txt\" relativeToChangelogFile=\"true\"/>\n"_s << QByteArray()
            << u"notes.txt: not a changelog format"_s << QString();
        QTest::newRow("malformed XML in an included file")
            << u"<include file=\"other.xml\"/>\n"_s
            << QByteArray("<databaseChangeLog>\n<changeSet id=\"1\" author=\"a\">\n")
            << u"other.xml:3:1: "_s << QString();
        QTest::newRow("changeSet without author")
            << u"<changeSet id=\"1\"/>\n"_s << QByteArray()
            << u"master.xml:3: a changeSet needs both an id and an author"_s << QString();
        QTest::newRow("duplicate identity")
            << u"<changeSet id=\"1\" author=\"a\"/>\n<changeSet id=\"1\" author=\"a\"/>\n"_s
            << QByteArray() << QString()
            << u"master.xml:4: changeset master.xml::1::a is declared again"_s;
        QTest::newRow("property in an id")
            << u"<changeSet id=\"${v}-1\" author=\"a\"/>\n"_s << QByteArray() << QString()
            << u"master.xml:3: \"${v}-1\" uses a changelog property"_s;
    }
    void includeProblems()
    {
        QFETCH(QString, master);
        QFETCH(QByteArray, other);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        QMap<QString, QByteArray> files { { u"master.xml"_s, xml(master.toUtf8()) } };
        if (!other.isEmpty())
            files.insert(u"other.xml"_s, other);
        files.insert(u"notes.txt"_s, "notes");
        const ExpectedSet set = readTree(dir, files, u"master.xml"_s);
        if (error.isEmpty()) {
            QCOMPARE(set.error, QString());
        } else {
            QVERIFY2(set.error.contains(dir.path() + u'/' + error), qPrintable(set.error));
            QVERIFY(set.ids.isEmpty());
        }
        if (warning.isEmpty()) {
            QCOMPARE(set.warnings, QStringList());
        } else {
            QCOMPARE(set.warnings.size(), 1);
            QVERIFY2(
                set.warnings[0].contains(dir.path() + u'/' + warning), qPrintable(set.warnings[0]));
        }
    }

    void cycleNamesTheChain()
    {
        QTemporaryDir dir;
        const ExpectedSet set = readTree(dir,
            { { u"a.yaml"_s, "databaseChangeLog:\n  - include:\n      file: b.sql\n" },
                { u"b.sql"_s, "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n" },
                { u"c/master.xml"_s,
                    xml("<includeAll path=\"loop\" relativeToChangelogFile=\"true\"/>\n") },
                { u"c/loop/x.xml"_s,
                    xml("<include file=\"../master.xml\" relativeToChangelogFile=\"true\"/>\n") } },
            u"c/master.xml"_s);
        QVERIFY2(set.error.contains(u"makes a cycle (%1 -> %2 -> %1)"_s.arg(
                     dir.filePath(u"c/master.xml"_s), dir.filePath(u"c/loop/x.xml"_s))),
            qPrintable(set.error));
    }

    void formattedSql_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids"); // id::author
        QTest::addColumn<QString>("error");
        QTest::newRow("quoted, attributes, other dbms")
            << u"\n  -- Liquibase Formatted SQL logicalFilePath:x\n--changeset \"a b\":\"i 1\" "
               "context:dev\nSELECT 1;\n--changeset a:2 dbms:oracle,h2\nSELECT 2;\n"
               "--changeset a:3 dbms:!oracle\nSELECT 3;\n"_s
            << QStringList { u"i 1::a b"_s, u"3::a"_s } << QString();
        QTest::newRow("blank after the colon")
            << u"--liquibase formatted sql\n--changeset a: 1\n"_s << QStringList()
            << u"f.sql:2: write the changeset line as --changeset <author>:<id>"_s;
        QTest::newRow("no author and id")
            << u"--liquibase formatted sql\n--changeset\n"_s << QStringList()
            << u"f.sql:2: write the changeset line"_s;
    }
    void formattedSql()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        QFETCH(QString, error);
        QCOMPARE(LiquibaseChangelogFile::formatOf(u"f.sql"_s, text),
            LiquibaseChangelogFile::Format::FormattedSql);
        const auto f = LiquibaseChangelogFile::parse(
            text, u"f.sql"_s, LiquibaseChangelogFile::Format::FormattedSql);
        QStringList got;
        for (const auto &e : f.entries)
            got.append(e.id + u"::"_s + e.author);
        QCOMPARE(got, ids);
        if (error.isEmpty())
            QCOMPARE(f.error, QString());
        else
            QVERIFY2(f.error.contains(error), qPrintable(f.error));
    }

    void detection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("changelog");
        QTest::newRow("xml") << u"<?xml version=\"1.0\"?>\n<!-- c -->\n<databaseChangeLog/>"_s
                             << true;
        QTest::newRow("xml, other root") << u"<project><databaseChangeLog/></project>"_s << false;
        QTest::newRow("yaml") << u"# master\ndatabaseChangeLog:\n  - include: {file: a}\n"_s
                              << true;
        QTest::newRow("json") << u"{ \"databaseChangeLog\": [] }"_s << true;
        QTest::newRow("formatted sql") << u"\n--liquibase formatted sql\n"_s << true;
        QTest::newRow("plain sql") << u"CREATE TABLE t (id int);\n"_s << false;
        QTest::newRow("ef core manifest") << u"20240115093000_InitialCreate\n"_s << false;
    }
    void detection()
    {
        QFETCH(QString, text);
        QFETCH(bool, changelog);
        QCOMPARE(LiquibaseChangelog::isChangelog(text), changelog);
    }

    void snakeYamlScalars_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("java");
        const QList<std::pair<QString, QString>> rows = { { u"1"_s, u"1"_s },
            { u"0020"_s, u"16"_s }, { u"0089"_s, u"0089"_s }, { u"1_000"_s, u"1000"_s },
            { u"0x1F"_s, u"31"_s }, { u"0b101"_s, u"5"_s }, { u"-0"_s, u"0"_s },
            { u"1.10"_s, u"1.1"_s }, { u"2.0"_s, u"2.0"_s }, { u"1e3"_s, u"1000.0"_s },
            { u"12345678.5"_s, u"1.23456785E7"_s }, { u"0.0001"_s, u"1.0E-4"_s },
            { u"yes"_s, u"true"_s }, { u"Off"_s, u"false"_s }, { u"y"_s, u"y"_s },
            { u"20240115-01"_s, u"20240115-01"_s }, { u"1.2.3"_s, u"1.2.3"_s },
            { u"99999999999999999999"_s, u"99999999999999999999"_s } };
        for (const auto &[text, java] : rows)
            QTest::newRow(qPrintable(text)) << text << java;
    }
    void snakeYamlScalars()
    {
        QFETCH(QString, text);
        QFETCH(QString, java);
        QCOMPARE(SnakeYamlScalar::javaString(text), java);
    }
};

QTEST_GUILESS_MAIN(TestExpectedLiquibase)
#include "tst_expected_liquibase.moc"
