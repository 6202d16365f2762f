// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// What the parts of tst_pg_migrationscheck share (tst_pg_migrationscheck, _tables, _layouts):
// the fixture server, two expected sets on disk (five seeds, issue 11's A, B, C), databases with
// a history, and runs of the migrations check. A test class derives from it after QObject.
// Header-only: each part is its own executable.

#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "migrations/migrationentry.h"
#include "pgserver.h"
#include "runandwait.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class MigrationsCheckFixture
{
protected:
    static inline const QString Migrations = u"check.postgres.migrations"_s;

    // The migrations table's rows, as the check hands them to the dashboard.
    static QList<MigrationEntry> rows(const CheckResult &r)
    {
        return r.details.value<QList<MigrationEntry>>();
    }

    static QString historyDdl(const QString &qualifiedName)
    {
        return u"CREATE TABLE %1 (\"MigrationId\" varchar(150) PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s
            .arg(qualifiedName);
    }

    // Issue 11's names: A, B, C.
    static inline const QString A = u"20240105093000_InitialCreate"_s;
    static inline const QString B = u"20240212141500_AddTenants"_s;
    static inline const QString C = u"20240318080000_AddAuditLog"_s;

    static QString insertRows(const QString &qualifiedName, const QStringList &ids)
    {
        QStringList values;
        for (const QString &id : ids)
            values << u"('%1', '9.0.6')"_s.arg(id);
        return u"INSERT INTO %1 VALUES %2"_s.arg(qualifiedName, values.join(u", "_s));
    }

    PgServer m_pg;
    QTemporaryDir m_tmp;
    QString m_manifest;
    QString m_abc; // expected A, B, C
    QStringList m_expected { u"20240101000000_Initial"_s, u"20240201000000_AddUsers"_s,
        u"20240301000000_AddRoles"_s, u"20240401000000_AddAudit"_s,
        u"20240501000000_AddIndexes"_s };

    // The result for EF Core's configured history (the check gives one result per history:
    // another tool's, or an EF Core history under another name, would be further results).
    CheckResult runMigrations(const Environment &env)
    {
        const QList<CheckResult> all = runMigrationsAll(env);
        const QString subject = u"efcore %1.%2"_s.arg(env.historySchema, env.historyTable);
        for (const CheckResult &r : all) {
            if (r.subject == subject)
                return r;
        }
        [&] { QVERIFY2(all.size() == 1, "no result for EF Core's configured history"); }();
        return all.value(0); // a connection failure has no subject
    }
    QList<CheckResult> runMigrationsAll(const Environment &env)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { Migrations });
        [&] {
            QVERIFY(out.finished);
            QVERIFY(!out.results.isEmpty());
        }();
        return out.results;
    }

    Environment withHistory(const QStringList &applied, const QString &prefix)
    {
        const QString db = m_pg.createDatabase(prefix);
        const QString error = m_pg.exec(db, { historyDdl(u"\"__EFMigrationsHistory\""_s) });
        if (!applied.isEmpty())
            m_pg.exec(db, { insertRows(u"\"__EFMigrationsHistory\""_s, applied) });
        Environment env = m_pg.environment(prefix, db);
        env.expectedSource = m_manifest;
        return env;
    }

    // A database holding statements' objects, checked against A, B, C.
    Environment withStatements(const QString &prefix, const QStringList &statements)
    {
        const QString db = m_pg.createDatabase(prefix);
        const QString error = m_pg.exec(db, statements);
        [&] { QVERIFY2(error.isEmpty(), qPrintable(error)); }();
        Environment env = m_pg.environment(prefix, db);
        env.expectedSource = m_abc;
        return env;
    }

    // The migrations check, then the pool check on the same connection: the pool check
    // runs only if the migrations check left no aborted transaction behind.
    CheckResult runMigrationsThenPool(const Environment &env)
    {
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out
            = runAndWait(runner, { env }, { Migrations, u"check.postgres.pool"_s });
        const CheckResult *m = out.find(env.name, Migrations);
        const CheckResult *pool = out.find(env.name, u"check.postgres.pool"_s);
        [&] {
            QVERIFY(out.finished);
            QVERIFY(m);
            QVERIFY(pool);
            QVERIFY2(pool->status != CheckStatus::Error, qPrintable(pool->message));
        }();
        return m ? *m : CheckResult();
    }

    static QStringList evidenceKeys(const CheckResult &r)
    {
        QStringList keys;
        for (const auto &kv : r.evidence)
            keys << kv.first;
        return keys;
    }

    // In initTestCase(): the fixture server and the two expected sets; a QTest failure if not.
    void initFixture()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_manifest = m_tmp.filePath(u"expected.txt"_s);
        QFile f(m_manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# expected set\n" + m_expected.join(u'\n').toUtf8() + "\n");
        m_abc = m_tmp.filePath(u"abc.txt"_s);
        QFile abc(m_abc);
        QVERIFY(abc.open(QIODevice::WriteOnly));
        abc.write(QStringList { A, B, C }.join(u'\n').toUtf8() + "\n");
    }
};
