// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The fixes the KB gives a migrations result with a migration lock (issue 16): a stale lock's
// holder terminated with its pid filled in, Liquibase's and Knex's own release commands for
// a lock row, the holder watched while a migration is in progress, in every style.
#include "engine/environment.h"
#include "kb/kblibrary.h"
#include "kb/kbplaceholders.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Migrations = u"check.postgres.migrations"_s;

CheckResult locked(
    const QString &tool, const QString &table, const QString &state, const QString &kind, int pid)
{
    CheckResult r;
    r.checkId = Migrations;
    r.remediation.article = Migrations;
    r.status = state == u"stale" ? CheckStatus::Fail : CheckStatus::Warn;
    if (!tool.isEmpty())
        r.evidence << qMakePair(u"Tool"_s, QVariant(tool));
    r.evidence << qMakePair(u"HistorySchema"_s, QVariant(u"public"_s))
               << qMakePair(u"HistoryTable"_s, QVariant(table))
               << qMakePair(u"TableExists"_s, QVariant(true))
               << qMakePair(u"AppliedCount"_s, QVariant(3))
               << qMakePair(u"Status"_s, QVariant(u"up-to-date"_s))
               << qMakePair(u"MigrationLock"_s, QVariant(state))
               << qMakePair(u"LockKind"_s, QVariant(kind));
    if (pid > 0)
        r.evidence << qMakePair(u"LockHolderPid"_s, QVariant(pid));
    return r;
}

QString commands(const CheckResult &r, DeploymentStyle style)
{
    QStringList lines;
    for (const FixSuggestion &f : r.remediation.fixes) {
        if (f.deployment == style)
            lines << f.command;
    }
    return lines.join(u'\n');
}

} // namespace

class TestKbMigrationLocks : public QObject
{
    Q_OBJECT
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        m_kb.load();
        QVERIFY2(m_kb.errors().isEmpty(), qPrintable(m_kb.errors().join(u'\n')));
    }

    void fixes_data()
    {
        QTest::addColumn<QString>("tool"); // "" for EF Core's configured history
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("pid");
        QTest::addColumn<QString>("wanted");
        QTest::addColumn<QString>("absent");
        const QString terminate = u"pg_terminate_backend(4242)"_s;
        QTest::newRow("efcore stale") << QString() << u"__EFMigrationsHistory"_s << u"stale"_s
                                      << u"relation"_s << 4242 << terminate << QString();
        for (const char *t : { "flyway", "prisma", "rails", "golang-migrate", "goose" })
            QTest::addRow("%s stale", t) << QString::fromLatin1(t) << u"t"_s << u"stale"_s
                                         << u"advisory"_s << 4242 << terminate << QString();
        QTest::newRow("flyway in progress")
            << u"flyway"_s << u"flyway_schema_history"_s << u"in-progress"_s << u"advisory"_s
            << 4242 << u"WHERE pid = 4242"_s << u"pg_terminate_backend"_s;
        QTest::newRow("liquibase stale row")
            << u"liquibase"_s << u"databasechangelog"_s << u"stale"_s << u"lock-row"_s << 0
            << u"liquibase release-locks"_s << u"pg_terminate_backend"_s;
        QTest::newRow("knex stale row")
            << u"knex"_s << u"knex_migrations"_s << u"stale"_s << u"lock-row"_s << 0
            << u"npx knex migrate:unlock"_s << u"pg_terminate_backend"_s;
        QTest::newRow("liquibase live row")
            << u"liquibase"_s << u"databasechangelog"_s << u"in-progress"_s << u"lock-row"_s << 77
            << u"WHERE pid = 77"_s << u"release-locks"_s;
    }

    void fixes()
    {
        QFETCH(QString, tool);
        QFETCH(QString, table);
        QFETCH(QString, state);
        QFETCH(QString, kind);
        QFETCH(int, pid);
        QFETCH(QString, wanted);
        QFETCH(QString, absent);
        CheckResult r = locked(tool, table, state, kind, pid);
        Environment env;
        for (const QString &name : KbPlaceholders::known())
            env.placeholders.insert(name, u"v-"_s + name);
        env.placeholders.remove(u"lock-holder-pid"_s); // from the evidence
        m_kb.attachRemediation(&r, env);
        for (DeploymentStyle style : Deployment::all()) {
            const QString text = commands(r, style);
            QVERIFY2(text.contains(wanted), qPrintable(Deployment::key(style) + u": "_s + text));
            if (!absent.isEmpty())
                QVERIFY2(!text.contains(absent), qPrintable(text));
            QVERIFY2(!text.contains(u"<lock-holder-pid>"_s), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestKbMigrationLocks)
#include "tst_kb_migrationlocks.moc"
