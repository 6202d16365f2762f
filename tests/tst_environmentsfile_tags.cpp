// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The environments file's `tags:` list (the fleet view's tag filter, issue 19 §5): read in the
// file's order without repeats, refused with FILE:LINE:COL and what to write instead, and
// written back by EnvironmentsYaml only when there are some.
#include "config/environmentsfile.h"
#include "config/environmentsyaml.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvironmentsFileTags : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheTags()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(R"(environments:
  - name: prod
    connection: "Host=db;Database=app"
    tags: [eu-west, prod, "pci:1"]
  - name: staging
    connection: "Host=db;Database=app"
    tags:
      - eu-west
      - 2026
  - name: dev
    connection: "Host=db;Database=app"
    tags: []
)",
            u"envs.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QCOMPARE(f.environments[0].tags, QStringList({ u"eu-west"_s, u"prod"_s, u"pci:1"_s }));
        // A number is a word too: YAML's 2026 is the text the file shows.
        QCOMPARE(f.environments[1].tags, QStringList({ u"eu-west"_s, u"2026"_s }));
        QVERIFY(f.environments[2].tags.isEmpty());
    }

    void aRepeatIsKeptOnceWithAWarning()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(
            "environments:\n  - name: a\n    tags: [prod, eu, prod]\n", u"f.yaml"_s);
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.environments[0].tags, QStringList({ u"prod"_s, u"eu"_s }));
        QCOMPARE(
            f.warnings, QStringList { u"f.yaml:3:22: tag 'prod' is given twice (one kept)"_s });
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("one word, not a list")
            << QByteArray("environments:\n  - name: a\n    tags: prod\n")
            << u"f.yaml:3:11: 'tags' must be a list of words like [eu-west, prod]"_s;
        QTest::newRow("a mapping")
            << QByteArray("environments:\n  - name: a\n    tags: {region: eu}\n")
            << u"f.yaml:3:11: 'tags' must be a list of words like [eu-west, prod]"_s;
        QTest::newRow("a list in the list")
            << QByteArray("environments:\n  - name: a\n    tags: [prod, [eu, us]]\n")
            << u"f.yaml:3:18: each tag must be one word like eu-west, not a list or mapping"_s;
        QTest::newRow("a mapping in the list")
            << QByteArray("environments:\n  - name: a\n    tags: [prod, {region: eu}]\n")
            << u"f.yaml:3:18: each tag must be one word like eu-west, not a list or mapping"_s;
        QTest::newRow("nothing")
            << QByteArray("environments:\n  - name: a\n    tags: [prod, ~]\n")
            << u"f.yaml:3:18: each tag must be one word like eu-west, not nothing"_s;
        QTest::newRow("a space")
            << QByteArray("environments:\n  - name: a\n    tags: [\"eu west\"]\n")
            << u"f.yaml:3:12: tag 'eu west' must be one word without spaces or commas, like "
               "eu-west; write several tags as a list: [eu-west, prod]"_s;
        QTest::newRow("a comma")
            << QByteArray("environments:\n  - name: a\n    tags: [\"eu,prod\"]\n")
            << u"f.yaml:3:12: tag 'eu,prod' must be one word without spaces or commas"_s;
        QTest::newRow("empty") << QByteArray("environments:\n  - name: a\n    tags: [\"\"]\n")
                               << u"f.yaml:3:12: tag '' must be one word"_s;
        QTest::newRow("a tab") << QByteArray("environments:\n  - name: a\n    tags: [\"eu\\tx\"]\n")
                               << u"f.yaml:3:12: tag 'eu\tx' must be one word"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, u"f.yaml"_s);
        QVERIFY(!f.ok());
        QVERIFY2(f.error.startsWith(error), qPrintable(f.error));
        QVERIFY(f.environments.isEmpty());
    }

    void writtenBackOnlyWhenSet()
    {
        Environment e;
        e.name = u"prod"_s;
        e.connection.host = u"db"_s;
        QVERIFY(!EnvironmentsYaml::toYaml({ e }, {}).contains("tags"));
        e.tags = QStringList { u"eu-west"_s, u"prod"_s, u"2026"_s };
        const QByteArray yaml = EnvironmentsYaml::toYaml({ e }, {});
        QVERIFY2(yaml.contains("tags: [eu-west, prod, 2026]"), yaml.constData());
        const EnvironmentsFile back = EnvironmentsFile::parse(yaml, u"back.yaml"_s);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.environments.value(0).tags, e.tags);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsFileTags)
#include "tst_environmentsfile_tags.moc"
