// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// EfCoreHistory on SQLite (the demo's engine; PostgreSQL's reading is covered through the
// migrations check on the fixture server): the layouts EF Core and EFCore.NamingConventions
// write, the applied rows newest first, a missing table, a table that is not a history.

#include "engine/canceltoken.h"
#include "engine/dberror.h"
#include "engine/dbsession.h"
#include "migrations/efcorehistory.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEfCoreHistory : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;

    struct Read
    {
        bool ok = false;
        bool exists = false;
        QList<EfCoreHistory::Applied> applied;
        DbError error;
        EfCoreHistory::HistoryColumns columns;
        QStringList ids() const
        {
            QStringList out;
            for (const auto &a : applied)
                out << a.id;
            return out;
        }
    };

    // A fresh SQLite database with STATEMENTS run, then EfCoreHistory::read on it for an
    // environment whose history table is TABLE.
    Read readAfter(const QStringList &statements, const QString &table = u"__EFMigrationsHistory"_s)
    {
        const QString name = u"tst_efcorehistory"_s;
        Environment env;
        env.name = u"e"_s;
        env.connection.driver = ConnectionSpec::Driver::Sqlite;
        env.connection.database = m_dir.filePath(u"db%1.sqlite"_s.arg(++m_files));
        env.historyTable = table;
        Read r;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(env.connection.database);
            if (db.open()) {
                for (const QString &sql : statements) {
                    QSqlQuery q(db);
                    if (!q.exec(sql))
                        qFatal("%s", qPrintable(sql));
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        // Read through a session of the check's own, as the runner does: plan, one flight,
        // then read (which sends a second flight for the rows).
        const std::atomic_bool cancelled = false;
        CancelToken token;
        const QList<Environment> environments { env };
        DbSession session(env, &token);
        if (!session.open())
            qFatal("%s", qPrintable(session.error().summary()));
        const FlightAnswers none;
        const CheckContext planning { env, session, cancelled, token, environments, none };
        const FlightAnswers planned = session.run(EfCoreHistory::plan(planning));
        const CheckContext ctx { env, session, cancelled, token, environments, planned };
        r.ok = EfCoreHistory::read(ctx, planned, &r.exists, &r.applied, &r.error, &r.columns);
        return r;
    }

private Q_SLOTS:
    void layouts()
    {
        const QList<EfCoreHistory::HistoryLayout> &l = EfCoreHistory::historyLayouts();
        QCOMPARE(l.first().idColumn, u"MigrationId"_s); // EF Core's own first
        QCOMPARE(l.first().versionColumn, u"ProductVersion"_s);
        QSet<QString> ids;
        for (const auto &layout : l) {
            QVERIFY(!layout.convention.isEmpty());
            ids.insert(layout.idColumn);
        }
        QCOMPARE(ids.size(), l.size());
        QVERIFY(ids.contains(u"migration_id"_s));
    }

    void missingTableIsNotAnError()
    {
        const Read r = readAfter({ u"CREATE TABLE other (id int)"_s });
        QVERIFY(r.ok);
        QVERIFY(!r.exists);
        QVERIFY(r.applied.isEmpty());
        QCOMPARE(r.columns.layout, -1);
    }

    void defaultLayoutNewestFirst()
    {
        const Read r = readAfter({ u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT "
                                   "PRIMARY KEY, \"ProductVersion\" TEXT NOT NULL)"_s,
            u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_A', '8.0.11'), "
            "('20240301000000_C', '9.0.6'), ('20240201000000_B', '9.0.6')"_s });
        QVERIFY2(r.ok, qPrintable(r.error.summary()));
        QVERIFY(r.exists);
        QCOMPARE(r.ids(),
            (QStringList { u"20240301000000_C"_s, u"20240201000000_B"_s, u"20240101000000_A"_s }));
        QCOMPARE(r.applied.last().productVersion, u"8.0.11"_s);
        QCOMPARE(r.columns.found, (QStringList { u"MigrationId"_s, u"ProductVersion"_s }));
        QCOMPARE(r.columns.layout, 0);
    }

    void emptyHistory()
    {
        const Read r = readAfter({ u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT, "
                                   "\"ProductVersion\" TEXT)"_s });
        QVERIFY(r.ok);
        QVERIFY(r.exists);
        QVERIFY(r.applied.isEmpty());
    }

    // EFCore.NamingConventions renames the columns (the table keeps its name); a table
    // renamed with MigrationsHistoryTable is read under the environment's name.
    void namingConventionsAndRenamedTable()
    {
        const Read snake = readAfter({ u"CREATE TABLE \"__EFMigrationsHistory\" (migration_id "
                                       "TEXT, product_version TEXT)"_s,
            u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('20240101000000_A', '9.0.6')"_s });
        QVERIFY2(snake.ok, qPrintable(snake.error.summary()));
        QCOMPARE(snake.ids(), QStringList { u"20240101000000_A"_s });
        QCOMPARE(EfCoreHistory::historyLayouts()[snake.columns.layout].idColumn, u"migration_id"_s);

        const Read renamed = readAfter({ u"CREATE TABLE \"my \"\"history\"\"\" (\"MigrationId\" "
                                         "TEXT, \"ProductVersion\" TEXT, applied_at TEXT)"_s,
                                           u"INSERT INTO \"my \"\"history\"\"\" VALUES "
                                           "('20240101000000_A', '9.0.6', 'now')"_s },
            u"my \"history\""_s);
        QVERIFY2(renamed.ok, qPrintable(renamed.error.summary()));
        QCOMPARE(renamed.ids(), QStringList { u"20240101000000_A"_s });
        QCOMPARE(renamed.columns.found.size(), 3);
    }

    // Both EF Core's and snake_case columns: the first complete layout, EF Core's.
    void firstCompleteLayoutWins()
    {
        const Read r = readAfter({ u"CREATE TABLE \"__EFMigrationsHistory\" (migration_id TEXT, "
                                   "\"MigrationId\" TEXT, \"ProductVersion\" TEXT)"_s,
            u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('x', '20240101000000_A', '9')"_s });
        QVERIFY(r.ok);
        QCOMPARE(r.columns.layout, 0);
        QCOMPARE(r.ids(), QStringList { u"20240101000000_A"_s });
    }

    // A table of that name that is not a history: an error naming its columns and the
    // layouts understood, not an empty history (which would say "never migrated").
    void unknownColumnsAreAnError()
    {
        const Read r
            = readAfter({ u"CREATE TABLE \"__EFMigrationsHistory\" (id INTEGER, version TEXT)"_s });
        QVERIFY(!r.ok);
        QVERIFY(r.exists);
        QCOMPARE(r.columns.layout, -1);
        const QString text = r.error.detail + u' ' + r.error.advice;
        for (const QString &part :
            { u"__EFMigrationsHistory"_s, u"id, version"_s, u"MigrationId/ProductVersion"_s,
                u"migration_id/product_version (UseSnakeCaseNamingConvention)"_s })
            QVERIFY2(text.contains(part), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestEfCoreHistory)
#include "tst_efcorehistory.moc"
