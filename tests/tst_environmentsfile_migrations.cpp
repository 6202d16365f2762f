// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The environments file's `migrations:` list (issue 15): the histories an environment pins,
// read into Environment::migrationHistories, refused with FILE:LINE:COL and the known tools,
// and written back by EnvironmentsFile::save() without loss.
#include "config/environmentsfile.h"
#include "migrations/migrationtool.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Pinned = R"(environments:
  - name: estate
    connection: "host=db dbname=estate user=doctor"
    history: {schema: platform, table: __EFMigrationsHistory}
    migrations:
      - {tool: flyway, schema: identity, table: flyway_schema_history, expected: ./db/migration}
      - tool: EF Core
      - {tool: golang_migrate, table: schema_migrations, expected: /srv/registry/migrations}
  - name: plain
    connection: "host=db dbname=plain user=doctor"
)";

// One pin as a line, for comparing lists of them.
QString line(const MigrationHistoryPin &p)
{
    return QStringList { p.tool, p.schema, p.table, p.expected }.join(u" | "_s);
}

QStringList lines(const QList<MigrationHistoryPin> &pins)
{
    QStringList out;
    for (const MigrationHistoryPin &p : pins)
        out << line(p);
    return out;
}

} // namespace

class TestEnvironmentsFileMigrations : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString file() const { return m_dir.filePath(u"envs.yaml"_s); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Tools by key or display name, stored as the key; relative expected paths resolve
    // against the file's folder as `expected:` does; EF Core's own keys are left alone.
    void readsPins()
    {
        const EnvironmentsFile f = EnvironmentsFile::parse(Pinned, file());
        QVERIFY2(f.ok(), qPrintable(f.error));
        QVERIFY2(f.warnings.isEmpty(), qPrintable(f.warnings.join(u'\n')));
        QCOMPARE(f.environments.size(), 2);
        const Environment &e = f.environments[0];
        QCOMPARE(lines(e.migrationHistories),
            (QStringList { u"flyway | identity | flyway_schema_history | "_s
                    + QDir::cleanPath(m_dir.path() + u"/db/migration"_s),
                u"efcore |  |  | "_s,
                u"golang-migrate |  | schema_migrations | /srv/registry/migrations"_s }));
        QCOMPARE(e.historySchema, u"platform"_s);
        QCOMPARE(e.historyTable, u"__EFMigrationsHistory"_s);
        QVERIFY(e.expectedSource.isEmpty());
        // No list: nothing pinned, every history is detected; EF Core's defaults as before.
        const Environment &plain = f.environments[1];
        QVERIFY(plain.migrationHistories.isEmpty());
        QCOMPARE(plain.historySchema, u"public"_s);
        QCOMPARE(plain.historyTable, u"__EFMigrationsHistory"_s);
    }

    void mergedFromAnAnchor()
    {
        const QByteArray yaml = R"(x-pins: &pins
  migrations: [{tool: liquibase, schema: auth}]
environments:
  - <<: *pins
    name: a
    connection: "host=db"
)";
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, file());
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(lines(f.environments[0].migrationHistories),
            QStringList { u"liquibase | auth |  | "_s });
    }

    void refusedWithPlaceAndWhatToDo_data()
    {
        QTest::addColumn<QByteArray>("entries");
        QTest::addColumn<QString>("where"); // line:column in the file
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown tool")
            << QByteArray("      - {tool: flywey, schema: app}\n") << u"4:16"_s
            << u"unknown migration tool 'flywey'; use one of"_s;
        QTest::newRow("no tool") << QByteArray("      - {schema: app}\n") << u"4:9"_s
                                 << u"a migrations entry needs 'tool': one of"_s;
        QTest::newRow("empty tool") << QByteArray("      - tool: \"\"\n") << u"4:9"_s
                                    << u"a migrations entry needs 'tool': one of"_s;
        QTest::newRow("not a list")
            << QByteArray("      tool: flyway\n") << u"4:7"_s
            << u"'migrations' must be a list of histories, each like {tool:"_s;
        QTest::newRow("entry not a mapping") << QByteArray("      - flyway\n") << u"4:9"_s
                                             << u"each entry of 'migrations' must be a mapping"_s;
        QTest::newRow("list as schema") << QByteArray("      - {tool: flyway, schema: [a, b]}\n")
                                        << u"4:32"_s << u"'schema' must be a single value"_s;
        QTest::newRow("twice") << QByteArray("      - {tool: sqlx, table: _sqlx_migrations}\n"
                                             "      - {tool: SQLx, table: _sqlx_migrations}\n")
                               << u"5:9"_s
                               << u"environment 'e' pins this history twice (tool sqlx, schema "
                                  "any, table _sqlx_migrations); keep one entry"_s;
    }
    void refusedWithPlaceAndWhatToDo()
    {
        QFETCH(QByteArray, entries);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const QByteArray yaml = "environments:\n  - name: e\n    migrations:\n" + entries
            + "    connection: \"host=db\"\n";
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, file());
        QVERIFY2(!f.ok(), "accepted");
        QVERIFY(f.environments.isEmpty());
        QVERIFY2(f.error.startsWith(file() + u':' + where + u": "_s), qPrintable(f.error));
        QVERIFY2(f.error.contains(message), qPrintable(f.error));
        if (message.contains(u"one of"_s)) { // names every tool it would take
            for (const MigrationTool t : MigrationTools::all())
                QVERIFY2(f.error.contains(MigrationTools::key(t)), qPrintable(f.error));
        }
    }

    void unknownKeyInAnEntryWarns()
    {
        const QByteArray yaml = "environments:\n  - name: e\n    connection: \"host=db\"\n"
                                "    migrations:\n      - {tool: goose, tabel: goose_db_version}\n";
        const EnvironmentsFile f = EnvironmentsFile::parse(yaml, file());
        QVERIFY2(f.ok(), qPrintable(f.error));
        QCOMPARE(f.warnings,
            QStringList {
                file() + u":5:23: unknown key 'tabel' in a migrations entry (ignored)"_s });
        QCOMPARE(lines(f.environments[0].migrationHistories), QStringList { u"goose |  |  | "_s });
    }

    // What was read is what is written: fields as given, paths inside the folder relative,
    // others absolute, names YAML would take for something else quoted.
    void roundTrip()
    {
        EnvironmentsFile f = EnvironmentsFile::parse(Pinned, file());
        QVERIFY2(f.ok(), qPrintable(f.error));
        f.environments[1].migrationHistories = {
            { u"prisma"_s, u" Mixed Case "_s, u"null"_s, QString() },
            { u"atlas"_s, u"~"_s, u"true"_s, QDir::tempPath() + u"/elsewhere/atlas"_s },
        };
        const QString saved = m_dir.filePath(u"saved.yaml"_s);
        QString error;
        QVERIFY2(EnvironmentsFile::save(saved, f.environments, &error), qPrintable(error));
        QFile bytes(saved);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray text = bytes.readAll();
        QVERIFY2(text.contains("expected: db/migration}"), text.constData());
        const EnvironmentsFile again = EnvironmentsFile::load(saved);
        QVERIFY2(again.ok(), qPrintable(again.error + u'\n' + QString::fromUtf8(text)));
        QVERIFY2(again.warnings.isEmpty(), qPrintable(again.warnings.join(u'\n')));
        for (qsizetype i = 0; i < f.environments.size(); ++i) {
            QCOMPARE(lines(again.environments[i].migrationHistories),
                lines(f.environments[i].migrationHistories));
            QCOMPARE(again.environments[i].historySchema, f.environments[i].historySchema);
            QCOMPARE(again.environments[i].historyTable, f.environments[i].historyTable);
        }
    }

    // An environment that pins nothing is written as before: no `migrations:` key.
    void nothingPinnedWritesNoKey()
    {
        Environment e;
        e.name = u"plain"_s;
        e.connection.host = u"db"_s;
        const QString saved = m_dir.filePath(u"plain.yaml"_s);
        QString error;
        QVERIFY2(EnvironmentsFile::save(saved, { e }, &error), qPrintable(error));
        QFile bytes(saved);
        QVERIFY(bytes.open(QIODevice::ReadOnly));
        const QByteArray text = bytes.readAll();
        QVERIFY2(!text.contains("migrations") && !text.contains("history"), text.constData());
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsFileMigrations)
#include "tst_environmentsfile_migrations.moc"
