// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::fromManifest(): one MigrationId per line; and the ordinal order of every set.

#include "migrationsources.h"

#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace MigrationSources;
using Kind = ExpectedSet::Kind;
namespace EM = ExpectedMigrations;

class TestExpectedMigrationsManifest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestExpectedMigrationsManifest)
#include "tst_expectedmigrations_manifest.moc"
