// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// SqitchPlan: sqitch.plan's changes, tags and reworks, and the deploy scripts' hashes.

#include "migrations/sqitchplan.h"
#include "migrationsources.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;

namespace {

const QString header = u"%syntax-version=1.0.0\n%project=flipr\n\n"_s;
const QString who = u" 2026-11-30T19:03:05Z Marge Vera <marge@example.com>"_s;

} // namespace

class TestExpectedSqitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // tests/data/expected/sqitch: made with sqitch 1.5.2 (init, add, tag, add, tag, rework,
    // add of a change in a subfolder). The hashes are what Sqitch itself computes
    // (App::Sqitch::Plan::Change->script_hash, printed with Sqitch's Perl API; sha1sum
    // agrees), for the files its rework wrote.
    void flipr_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("project folder") << dataPath(u"sqitch"_s);
        QTest::newRow("plan file") << dataPath(u"sqitch/sqitch.plan"_s);
    }
    void flipr()
    {
        QFETCH(QString, path);
        const ExpectedSet set = ExpectedMigrations::load(path);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, ExpectedSet::Kind::ToolSource);
        QCOMPARE(set.tool, MigrationTool::Sqitch);
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.ids,
            (QStringList {
                u"appschema"_s, u"users"_s, u"insert_user"_s, u"flips"_s, u"schemas/audit"_s }));
        const QHash<QString, QString> sqitchHashes = {
            { u"appschema"_s, u"5c4b2be44e4ed974a8268c671621c7a5904bd2b7"_s },
            { u"users"_s, u"5ec57395cc1fe8b3ffc4bb94828e7ce9e96159cf"_s },
            // insert_user@v1.0.0-dev1 is Sqitch's name for the first version, whose script
            // the rework moved to deploy/insert_user@v1.0.0-dev2.sql.
            { u"insert_user@v1.0.0-dev1"_s, u"5fbdbd1729f04eef1436cdb8f0fb0c3039329079"_s },
            { u"flips"_s, u"e0f2cbf7fdb1a520c729de0ffa6d4243f123e49a"_s },
            { u"insert_user"_s, u"dca8a857b2d4d35847fdfa738fed5848ee7fe767"_s },
            { u"schemas/audit"_s, u"66eeb13076d8427d8b09ee627fb5dd807ae0b159"_s },
        };
        QCOMPARE(set.checksums, sqitchHashes);
        QVERIFY(set.parents.isEmpty());
    }

    void planParse()
    {
        const auto plan = SqitchPlan::parse(header + u"a"_s + who + u" # note\n@t1"_s + who
                + u"\n@t2"_s + who + u"\n\n# a note line\nb [a !c x:y]"_s + who
                + u"\r\n  + a [a@t1]"_s + who + u"\n@t3"_s + who + u"\na"_s + who + u"\n"_s,
            u"sqitch.plan"_s);
        QCOMPARE(plan.error, QString());
        QCOMPARE(plan.project, u"flipr"_s);
        QCOMPARE(plan.changes.size(), 4);
        QCOMPARE(plan.changes[0].name, u"a"_s);
        QCOMPARE(plan.changes[0].line, 4);
        QCOMPARE(plan.changes[0].tags, (QStringList { u"t1"_s, u"t2"_s }));
        // Reworked at line 10: the tags after it (none on b), then its own.
        QCOMPARE(plan.changes[0].reworkTags, (QStringList { u"t1"_s, u"t2"_s }));
        QCOMPARE(plan.changes[1].name, u"b"_s);
        QCOMPARE(plan.changes[2].name, u"a"_s);
        QCOMPARE(plan.changes[2].tags, QStringList { u"t3"_s });
        QCOMPARE(plan.changes[2].reworkTags, QStringList { u"t3"_s });
        QCOMPARE(plan.changes[3].reworkTags, QStringList());
    }

    // The messages of sqitch 1.5.2 for these plans (`sqitch plan`): the same lines and words.
    void bracketsInsideNames()
    {
        // Plan.pm's name pattern allows '[' and ']' inside a name: sqitch 1.5.2 plans
        // "schemas/a[dit" and "a]b" (found by fuzz_sqitch, whose invariant said otherwise).
        const auto plan = SqitchPlan::parse(
            header + u"schemas/a[dit"_s + who + u"\na]b [schemas/a[dit]"_s + who, u"p"_s);
        QCOMPARE(plan.error, QString());
        QCOMPARE(plan.changes.size(), 2);
        QCOMPARE(plan.changes[0].name, u"schemas/a[dit"_s);
        QCOMPARE(plan.changes[1].name, u"a]b"_s);
    }

    void planErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("no project")
            << u"%syntax-version=1.0.0\n\na"_s + who << u"sqitch.plan:1: missing %project"_s;
        QTest::newRow("change in the header")
            << u"%project=p\na"_s + who << u"sqitch.plan:2: invalid pragma"_s;
        QTest::newRow("change twice without a tag")
            << header + u"a"_s + who + u"\nb"_s + who + u"\na"_s + who
            << u"sqitch.plan:6: change \"a\" duplicates earlier declaration on line 4"_s;
        QTest::newRow("tag before any change")
            << header + u"@v1"_s + who << u"sqitch.plan:4: tag \"v1\" declared without"_s;
        QTest::newRow("tag twice") << header + u"a"_s + who + u"\n@v1"_s + who + u"\nb"_s + who
                + u"\n@v1"_s + who << u"sqitch.plan:7: tag \"v1\" duplicates earlier"_s;
        QTest::newRow("no timestamp")
            << header + u"a Marge <m@x>"_s << u"sqitch.plan:4: missing timestamp"_s;
        QTest::newRow("no planner")
            << header + u"a 2026-11-30T19:03:05Z"_s << u"sqitch.plan:4: missing planner"_s;
        QTest::newRow("reserved") << header + u"HEAD"_s + who
                                  << u"sqitch.plan:4: \"HEAD\" is a reserved name"_s;
        QTest::newRow("like a SHA-1") << header + u"0123456789abcdef0123456789abcdef01234567"_s
                + who << u"could be confused with a SHA1 ID"_s;
        QTest::newRow("punctuation first")
            << header + u"-x-"_s + who << u"sqitch.plan:4: invalid name"_s;
        QTest::newRow("ends in punctuation and digits")
            << header + u"a^2"_s + who << u"sqitch.plan:4: invalid name"_s;
        QTest::newRow("tag with a slash") << header + u"a"_s + who + u"\n@v/a"_s + who
                                          << u"sqitch.plan:5: tag \"v/a\" contains"_s;
    }
    void planErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto plan = SqitchPlan::parse(text, u"sqitch.plan"_s);
        QVERIFY2(plan.error.contains(error), qPrintable(plan.error));
        QVERIFY(plan.changes.isEmpty());
    }

    void reworkedTwice()
    {
        // a, @t1, a (reworked, its first version in a@t1.sql), @t2, a: a@t1 and a@t2 are the
        // older versions' names; the third reads deploy/a.sql.
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"sqitch.plan"_s),
            (header + u"a"_s + who + u"\n@t1"_s + who + u"\na [a@t1]"_s + who + u"\n@t2"_s + who
                + u"\na [a@t2]"_s + who + u"\n"_s)
                .toUtf8()));
        QVERIFY(writeFile(dir.filePath(u"deploy/a@t1.sql"_s), "one"));
        QVERIFY(writeFile(dir.filePath(u"deploy/a@t2.sql"_s), "two"));
        QVERIFY(writeFile(dir.filePath(u"deploy/a.sql"_s), ""));
        const ExpectedSet set = SqitchPlan::read(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList { u"a"_s });
        QCOMPARE(set.checksums.value(u"a@t1"_s), u"fe05bcdcdc4928012781a5f1a2a77cbb5398e106"_s);
        QCOMPARE(set.checksums.value(u"a@t2"_s), u"ad782ecdac770fc6eb9a62e44f90873fb97fb26b"_s);
        // SHA-1 of no bytes.
        QCOMPARE(set.checksums.value(u"a"_s), u"da39a3ee5e6b4b0d3255bfef95601890afd80709"_s);
        QCOMPARE(set.warnings, QStringList());
    }

    void missingScriptAndLayout()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"sqitch.plan"_s), (header + u"a"_s + who).toUtf8()));
        QVERIFY(writeFile(dir.filePath(u"sqitch.conf"_s),
            "[core]\n\tengine = pg\n"
            "\ttop_dir = db\n"));
        const ExpectedSet set = ExpectedMigrations::load(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, QStringList { u"a"_s });
        QVERIFY(set.checksums.isEmpty());
        QCOMPARE(set.warnings.size(), 2);
        QVERIFY2(set.warnings[0].contains(u"sets top_dir"_s), qPrintable(set.warnings[0]));
        QVERIFY2(set.warnings[1].contains(dir.filePath(u"sqitch.plan:4: a has no deploy script"_s)),
            qPrintable(set.warnings[1]));
    }

    void emptyPlan()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"sqitch.plan"_s), header.toUtf8()));
        const ExpectedSet set = ExpectedMigrations::load(dir.path());
        QVERIFY2(set.error.contains(u"plans no changes"_s), qPrintable(set.error));
        QVERIFY(!set.isKnown());
    }
};

QTEST_GUILESS_MAIN(TestExpectedSqitch)
#include "tst_expected_sqitch.moc"
