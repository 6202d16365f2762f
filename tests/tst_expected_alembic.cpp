// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// AlembicVersions and AlembicScript: an Alembic project's revisions and their graph.

#include "migrations/alembicversions.h"
#include "migrationsources.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace MigrationSources;
namespace AV = AlembicVersions;

namespace {

// tests/data/expected/alembic: made with Alembic 1.13.2 (`alembic init migrations`, three
// revisions, a branch from the first with --splice, `alembic merge heads`, one more; the
// orders revision rewritten in the untyped form older Alembic writes). `alembic upgrade head
// --sql` runs them in this order; `alembic history` shows the same graph.
const QStringList flipIds = { u"60e588ce4360"_s, u"9d771d1721ed"_s, u"fa9a7a7bf406"_s,
    u"0a74e81a8641"_s, u"c912cef8b67b"_s, u"8b23efd9a51e"_s };

QString script(const QString &rev, const QString &down)
{
    return u"\"\"\"x\n\nRevision ID: %1\nRevises: \n\"\"\"\nfrom alembic import op\n\n"
           "revision = '%1'\ndown_revision = %2\nbranch_labels = None\n\n"
           "def upgrade():\n    pass\n"_s.arg(rev, down);
}

// Writes FILES into a new versions/ folder and reads it.
ExpectedSet readVersions(QTemporaryDir &dir, const Files &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        writeFile(dir.filePath(u"versions/"_s + it.key()), it.value().toUtf8());
    return AV::read(dir.filePath(u"versions"_s));
}

} // namespace

class TestExpectedAlembic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void projectWithMerge_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("project (alembic.ini)") << dataPath(u"alembic"_s);
        QTest::newRow("script location (env.py)") << dataPath(u"alembic/migrations"_s);
        QTest::newRow("versions folder") << dataPath(u"alembic/migrations/versions"_s);
    }
    void projectWithMerge()
    {
        QFETCH(QString, path);
        const ExpectedSet set = ExpectedMigrations::load(path);
        QCOMPARE(set.error, QString());
        QCOMPARE(set.kind, ExpectedSet::Kind::ToolSource);
        QCOMPARE(set.tool, MigrationTool::Alembic);
        QCOMPARE(set.ids, flipIds);
        QCOMPARE(set.warnings, QStringList());
        QCOMPARE(set.parents.size(), 6);
        QCOMPARE(set.parents.value(u"60e588ce4360"_s), QStringList());
        QCOMPARE(set.parents.value(u"fa9a7a7bf406"_s), QStringList { u"60e588ce4360"_s });
        QCOMPARE(set.parents.value(u"c912cef8b67b"_s),
            (QStringList { u"0a74e81a8641"_s, u"9d771d1721ed"_s }));
        QVERIFY(set.checksums.isEmpty());
    }

    void assignments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QStringList>("down"); // {"<none>"}: no down_revision assignment
        QTest::addColumn<QString>("error"); // a part; empty: none
        QTest::newRow("typed, Alembic 1.13")
            << u"revision: str = \"ab12\"\ndown_revision: Union[str, None] = \"cd34\"\n"_s
            << u"ab12"_s << QStringList { u"cd34"_s } << QString();
        QTest::newRow("base") << u"revision = 'ab12'\ndown_revision = None\n"_s << u"ab12"_s
                              << QStringList() << QString();
        QTest::newRow("merge, tuple over lines")
            << u"revision = 'm1'\ndown_revision = (\n    'a1',  # left\n    'b2',\n)\n"_s << u"m1"_s
            << QStringList { u"a1"_s, u"b2"_s } << QString();
        QTest::newRow("merge, list and bare tuple")
            << u"revision = 'm1'\ndown_revision = ['a1', \"b2\"]\ndown_revision = 'a1', 'c3'\n"_s
            << u"m1"_s << QStringList { u"a1"_s, u"c3"_s } << QString();
        QTest::newRow("adjacent literals, raw prefix, continuation")
            << u"revision = r'ab' \"12\"\ndown_revision = \\\n    u'cd34'\n"_s << u"ab12"_s
            << QStringList { u"cd34"_s } << QString();
        QTest::newRow("docstring and indented assignments are not the module's")
            << u"\"\"\"msg\nrevision = 'doc'\n\"\"\"\nrevision = 'real'\ndown_revision = None\n"
               "def f():\n    revision = 'inner'\nif x:\n    down_revision = 'inner'\n"
               "revision == 'cmp'\n"_s
            << u"real"_s << QStringList() << QString();
        QTest::newRow("no down_revision")
            << u"revision = 'x1'\n"_s << u"x1"_s << QStringList { u"<none>"_s } << QString();
        QTest::newRow("computed value")
            << u"revision = 'x1'\n\ndown_revision = pick('a')\n"_s << u"x1"_s
            << QStringList { u"<none>"_s } << u"v.py:3: down_revision is not None"_s;
        QTest::newRow("revision None")
            << u"revision = None\ndown_revision = None\n"_s << QString() << QStringList()
            << u"v.py:1: revision must be one non-empty string"_s;
        QTest::newRow("number") << u"revision = 12\ndown_revision = None\n"_s << QString()
                                << QStringList() << u"v.py:1: revision is not None"_s;
    }
    void assignments()
    {
        QFETCH(QString, text);
        QFETCH(QString, revision);
        QFETCH(QStringList, down);
        QFETCH(QString, error);
        const AlembicScript s = AlembicScript::parse(text, u"v.py"_s);
        QCOMPARE(s.revision, revision);
        if (down == QStringList { u"<none>"_s })
            QVERIFY(!s.hasDownRevision);
        else
            QCOMPARE(s.downRevisions, down);
        if (error.isEmpty())
            QCOMPARE(s.error, QString());
        else
            QVERIFY2(s.error.contains(error), qPrintable(s.error));
    }

    void graphProblems_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("error"); // a part, after the folder; empty: none
        QTest::addColumn<QString>("warning"); // a part; empty: none
        QTest::newRow("unknown down revision")
            << Files { { u"a1_x.py"_s, script(u"a1"_s, u"None"_s) },
                   { u"b2_y.py"_s, script(u"b2"_s, u"'zz99'"_s) } }
            << QStringList() << u"b2_y.py:9: down_revision zz99 names no revision"_s << QString();
        QTest::newRow("two heads")
            << Files { { u"a1_x.py"_s, script(u"a1"_s, u"None"_s) },
                   { u"b2_y.py"_s, script(u"b2"_s, u"'a1'"_s) },
                   { u"c3_z.py"_s, script(u"c3"_s, u"'a1'"_s) } }
            << QStringList { u"a1"_s, u"b2"_s, u"c3"_s } << QString() << u"has 2 heads: b2 ("_s;
        QTest::newRow("cycle") << Files { { u"a1_x.py"_s, script(u"a1"_s, u"'b2'"_s) },
            { u"b2_y.py"_s, script(u"b2"_s, u"'a1'"_s) } }
                               << QStringList() << u"form a cycle"_s << QString();
        QTest::newRow("revision twice")
            << Files { { u"a1_x.py"_s, script(u"a1"_s, u"None"_s) },
                   { u"a1_copy.py"_s, script(u"a1"_s, u"None"_s) } }
            << QStringList { u"a1"_s } << QString() << u"a1_x.py:8: revision a1 is present more"_s;
        QTest::newRow("no revision assignment")
            << Files { { u"notes.py"_s, u"down_revision = None\n"_s } } << QStringList()
            << u"notes.py: no module-level `revision"_s << QString();
        QTest::newRow("legacy file name") << Files { { u"ae10.py"_s, u"down_revision = None\n"_s } }
                                          << QStringList { u"ae10"_s } << QString() << QString();
        QTest::newRow("no down_revision")
            << Files { { u"a1_x.py"_s, u"revision = 'a1'\n"_s } } << QStringList()
            << u"a1_x.py: no module-level `down_revision"_s << QString();
        QTest::newRow("__init__.py, editor locks and other files are not scripts") << Files {
            { u"a1_x.py"_s, script(u"a1"_s, u"None"_s) }, { u"__init__.py"_s, u"x = 1\n"_s },
            { u".#a1_x.py"_s, u"x = 1\n"_s }, { u"README"_s, u"revision = 'no'\n"_s }
        } << QStringList { u"a1"_s } << QString() << QString();
        QTest::newRow("branch order: the file listed first goes first")
            << Files { { u"1_base.py"_s, script(u"base"_s, u"None"_s) },
                   { u"3_left.py"_s, script(u"left"_s, u"'base'"_s) },
                   { u"2_right.py"_s, script(u"right"_s, u"'base'"_s) },
                   { u"4_merge.py"_s, script(u"merge"_s, u"('left', 'right')"_s) } }
            << QStringList { u"base"_s, u"right"_s, u"left"_s, u"merge"_s } << QString()
            << QString();
    }
    void graphProblems()
    {
        QFETCH(Files, files);
        QFETCH(QStringList, ids);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        QTemporaryDir dir;
        const ExpectedSet set = readVersions(dir, files);
        QCOMPARE(set.ids, ids);
        if (error.isEmpty()) {
            QCOMPARE(set.error, QString());
        } else {
            QVERIFY2(set.error.contains(error), qPrintable(set.error));
            QVERIFY2(set.error.contains(dir.path()), qPrintable(set.error));
            QVERIFY(set.parents.isEmpty());
        }
        if (warning.isEmpty()) {
            QCOMPARE(set.warnings, QStringList());
        } else {
            QCOMPARE(set.warnings.size(), 1);
            QVERIFY2(set.warnings[0].contains(warning), qPrintable(set.warnings[0]));
        }
    }

    void iniLocations()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"alembic.ini"_s),
            "[alembic]\nscript_location = db\nversion_locations = %(here)s/one, %(here)s/two\n"
            "path_separator = space  # comment\n[loggers]\nkeys = root\n"));
        QVERIFY(writeFile(dir.filePath(u"one/a1_x.py"_s), script(u"a1"_s, u"None"_s).toUtf8()));
        QVERIFY(writeFile(dir.filePath(u"two/b2_y.py"_s), script(u"b2"_s, u"'a1'"_s).toUtf8()));
        QCOMPARE(AV::versionFolders(dir.path()),
            (QStringList { dir.filePath(u"one,"_s), dir.filePath(u"two"_s) }));
        QVERIFY(writeFile(dir.filePath(u"alembic.ini"_s),
            "[alembic]\nscript_location = db\nversion_locations = %(here)s/one %(here)s/two\n"));
        const ExpectedSet set = ExpectedMigrations::load(dir.path());
        QCOMPARE(set.error, QString());
        QCOMPARE(set.ids, (QStringList { u"a1"_s, u"b2"_s }));
    }

    void notAlembic()
    {
        // An EF Core Migrations folder stays EF Core's; a versions/ folder without scripts
        // is not Alembic's.
        QCOMPARE(ExpectedMigrations::load(dataPath(u"Migrations"_s)).tool, MigrationTool::EfCore);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"versions/readme.txt"_s)));
        QVERIFY(AV::versionFolders(dir.filePath(u"versions"_s)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExpectedAlembic)
#include "tst_expected_alembic.moc"
