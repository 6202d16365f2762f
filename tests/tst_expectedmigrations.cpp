// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ExpectedMigrations::load(): which reader a path gets, file errors, kind names.

#include "migrationsources.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;
using Kind = ExpectedSet::Kind;
namespace EM = ExpectedMigrations;

class TestExpectedMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
        QTest::newRow("insert shape, snake_case, bare")
            << QByteArray("INSERT INTO h (migration_id, product_version) VALUES ('1_A', '9');")
            << int(Kind::IdempotentScript);
        QTest::newRow("insert shape, UPPER_SNAKE, brackets, reversed") << QByteArray(
            "INSERT INTO [h] ([PRODUCT_VERSION],[MIGRATION_ID]) "
            "VALUES (N'8', N'1_A');") << int(Kind::IdempotentScript);
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
};

QTEST_GUILESS_MAIN(TestExpectedMigrations)
#include "tst_expectedmigrations.moc"
