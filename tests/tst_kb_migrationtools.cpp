// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The shipped migration-tool articles through KbLibrary, as the runner attaches them: a
// migrations result gets the article of its evidence's Tool, and the fixes of its Status for
// every deployment style, in the tool's own commands with every placeholder filled. EF Core
// results keep the check's own article and fixes.

#include "engine/checkregistry.h"
#include "engine/environment.h"
#include "kb/kbfixchoice.h"
#include "kb/kblibrary.h"
#include "kb/kbplaceholders.h"
#include "migrations/migrationtool.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Migrations = u"check.postgres.migrations"_s;

// What each tool's history table is called (the evidence HistoryTable), and what every fix of
// that tool runs: its own command line.
struct ToolFacts
{
    const char *key;
    const char *table;
    const char *command;
    QStringList statuses; // the Status values the tool's history can be in, besides pass
};

const QList<ToolFacts> &tools()
{
    const QStringList common { u"pending"_s, u"table-missing"_s, u"not-readable"_s, u"unknown"_s };
    static const QList<ToolFacts> all {
        { "flyway", "flyway_schema_history", "flyway ",
            common + QStringList { u"failed"_s, u"modified"_s } },
        { "liquibase", "databasechangelog", "liquibase ",
            common + QStringList { u"failed"_s, u"modified"_s } },
        { "golang-migrate", "schema_migrations", "migrate -path ",
            common + QStringList { u"dirty"_s } },
        { "alembic", "alembic_version", "alembic ", common },
        { "rails", "schema_migrations", "bin/rails db:migrate", common },
        { "django", "django_migrations", "python manage.py ", common },
        { "prisma", "_prisma_migrations", "npx prisma migrate ",
            common + QStringList { u"failed"_s, u"modified"_s } },
        { "sqitch", "changes", "sqitch ", common + QStringList { u"failed"_s, u"modified"_s } },
        { "atlas", "atlas_schema_revisions", "atlas migrate ",
            common + QStringList { u"failed"_s } },
        { "goose", "goose_db_version", "goose -dir ", common },
        { "knex", "knex_migrations", "npx knex migrate:", common },
        { "typeorm", "migrations", "npx typeorm migration:", common },
        { "sequelize", "SequelizeMeta", "npx sequelize-cli db:migrate", common },
        { "dbup", "schemaversions", "\"public\".\"schemaversions\"", common },
        { "fluentmigrator", "VersionInfo", "dotnet fm ", common },
        { "diesel", "__diesel_schema_migrations", "diesel migration ", common },
        { "sqlx", "_sqlx_migrations", "sqlx migrate ",
            common + QStringList { u"failed"_s, u"modified"_s } },
        { "dbmate", "schema_migrations", "dbmate ", common },
        { "node-pg-migrate", "pgmigrations", "npx node-pg-migrate up", common },
    };
    return all;
}

const ToolFacts &facts(const QString &key)
{
    for (const ToolFacts &t : tools()) {
        if (QLatin1StringView(t.key) == key)
            return t;
    }
    qFatal("no facts for %s", qPrintable(key));
}

// A migrations result as the check reports it (issue 15 contract), with `extra` evidence
// replacing or adding keys.
CheckResult result(const QString &tool, const QString &status, const Evidence &extra = {})
{
    CheckResult r;
    r.environment = u"prod"_s;
    r.checkId = Migrations;
    r.remediation.article = Migrations; // as Check::result() sets it
    r.status = status == u"pending" || status == u"table-missing" || status == u"unknown"
        ? CheckStatus::Warn
        : status == u"not-readable" ? CheckStatus::Error
                                    : CheckStatus::Fail;
    const bool failed = status == u"failed" || status == u"dirty";
    // Ids as the tool records them: Prisma's folder names, a version elsewhere.
    const QString suffix = tool == u"prisma" ? u"_add_orders"_s : QString();
    r.evidence = { { u"Tool"_s, tool }, { u"HistorySchema"_s, u"public"_s },
        { u"HistoryTable"_s, QString::fromLatin1(facts(tool).table) },
        { u"TableExists"_s, status != u"table-missing" }, { u"AppliedCount"_s, 3 },
        { u"PendingCount"_s, 1 }, { u"LatestApplied"_s, u"20240101000000"_s },
        { u"PendingMigrations"_s, QStringList { u"20240301000000"_s + suffix } },
        { u"FailedMigrations"_s,
            failed ? QStringList { u"20240201000000"_s + suffix } : QStringList {} },
        { u"ModifiedMigrations"_s,
            status == u"modified" ? QStringList { u"20231201000000_init"_s } : QStringList {} },
        { u"AheadMigrations"_s, QStringList {} }, { u"OutOfOrderMigrations"_s, QStringList {} },
        { u"Status"_s, status } };
    for (const auto &[key, value] : extra) { // replaces the key: the first of a name counts
        const auto it = std::find_if(r.evidence.begin(), r.evidence.end(),
            [&](const QPair<QString, QVariant> &p) { return p.first == key; });
        if (it == r.evidence.end())
            r.evidence << qMakePair(key, value);
        else
            it->second = value;
    }
    return r;
}

// Values for the placeholders the environment supplies (the rest come from the evidence).
Environment environment()
{
    Environment env;
    env.name = u"prod"_s;
    for (const QString &name : { u"app-deployment"_s, u"app-dir"_s, u"app-service"_s,
             u"compose-file"_s, u"datasource-file"_s, u"db-name"_s, u"db-service"_s, u"db-user"_s,
             u"migrations-assembly"_s, u"migrations-dir"_s, u"namespace"_s, u"postgres-pod"_s,
             u"previous-version"_s, u"secret-env-file"_s, u"service-name"_s })
        env.placeholders.insert(name, u"v-"_s + name);
    return env;
}

// The fixes' command lines for one style, without comment lines (a "# Check first:" comment
// naming a command is no command).
QString commands(const CheckResult &r, DeploymentStyle style)
{
    QStringList lines;
    for (const FixSuggestion &f : r.remediation.fixes) {
        if (f.deployment != style)
            continue;
        for (const QString &line : f.command.split(u'\n')) {
            if (!line.trimmed().startsWith(u'#'))
                lines << line;
        }
    }
    return lines.join(u'\n');
}

} // namespace

class TestKbMigrationTools : public QObject
{
    Q_OBJECT
private:
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        m_kb.load();
        QVERIFY2(m_kb.errors().isEmpty(), qPrintable(m_kb.errors().join(u'\n')));
    }

    // Every tool the check recognises but EF Core has its article, chosen by Tool alone.
    void everyToolHasItsArticle()
    {
        QStringList keys;
        for (MigrationTool tool : MigrationTools::all()) {
            if (tool == MigrationTool::EfCore)
                continue;
            const QString key = MigrationTools::key(tool);
            keys << key;
            const KbArticle *a = m_kb.articleFor(result(key, u"pending"_s));
            QVERIFY2(a, qPrintable(key));
            QCOMPARE(a->articleId, Migrations + u'.' + key);
            QCOMPARE(a->checkId, Migrations);
            QCOMPARE(a->sourcePath, u":/kb/postgres/migrations/%1.md"_s.arg(key));
            QCOMPARE(m_kb.article(a->articleId), a);
            QVERIFY2(a->title.contains(MigrationTools::displayName(tool), Qt::CaseInsensitive),
                qPrintable(a->title));
        }
        QStringList variants;
        for (const KbArticle &v : m_kb.variants())
            variants << v.articleId.mid(Migrations.size() + 1);
        keys.sort();
        QCOMPARE(variants, keys); // no article for a tool the check does not know
        // The KB browser and `kb list` still list one article per check.
        QCOMPARE(m_kb.articles().size(), int(CheckRegistry::builtin().checks().size()));
    }

    void fixesForEveryState_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("status");
        for (const ToolFacts &t : tools()) {
            for (const QString &status : t.statuses)
                QTest::addRow("%s %s", t.key, qPrintable(status))
                    << QString::fromLatin1(t.key) << status;
        }
    }

    // Non-empty fixes for all three styles, in the tool's own commands, the article named,
    // and no placeholder left to fill.
    void fixesForEveryState()
    {
        QFETCH(QString, tool);
        QFETCH(QString, status);
        CheckResult r = result(tool, status);
        m_kb.attachRemediation(&r, environment());
        QCOMPARE(r.remediation.article, Migrations + u'.' + tool);
        QCOMPARE(
            r.remediation.runbooks, QStringList { u":/kb/postgres/migrations/%1.md"_s.arg(tool) });
        for (DeploymentStyle style : Deployment::all()) {
            const QString text = commands(r, style);
            QVERIFY2(!text.isEmpty(), qPrintable(Deployment::key(style)));
            QVERIFY2(text.contains(QLatin1StringView(facts(tool).command)),
                qPrintable(Deployment::key(style) + u": "_s + text));
        }
        for (const FixSuggestion &f : std::as_const(r.remediation.fixes)) {
            QVERIFY2(KbPlaceholders::find(f.command).isEmpty(), qPrintable(f.command));
            QVERIFY2(KbPlaceholders::find(f.title).isEmpty(), qPrintable(f.title));
        }
    }

    void stateCommands_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("command"); // in the fixes of every style
        QTest::addColumn<QString>("absent"); // in the fixes of no style ("" for no test)
        const auto row = [](const char *tool, const char *status, const QString &command,
                             const QString &absent = {}) {
            QTest::addRow("%s %s", tool, status)
                << QString::fromLatin1(tool) << QString::fromLatin1(status) << command << absent;
        };
        row("flyway", "pending", u"flyway migrate"_s, u"repair"_s);
        row("flyway", "failed", u"flyway repair"_s, u"-outOfOrder"_s);
        row("flyway", "modified", u"flyway validate"_s);
        row("flyway", "table-missing", u"flyway -baselineOnMigrate=true migrate"_s);
        row("liquibase", "failed", u"liquibase release-locks"_s, u"clear-checksums"_s);
        row("liquibase", "modified", u"liquibase clear-checksums"_s, u"release-locks"_s);
        row("liquibase", "table-missing", u"liquibase changelog-sync"_s);
        row("golang-migrate", "dirty", u"force 20240101000000"_s);
        row("golang-migrate", "pending", u"\"$DATABASE_URL\" up"_s, u"force"_s);
        row("alembic", "pending", u"alembic upgrade head"_s, u"stamp"_s);
        row("alembic", "table-missing", u"alembic stamp head"_s);
        row("rails", "pending", u"bin/rails db:migrate\n"_s);
        row("django", "table-missing", u"python manage.py migrate --fake-initial"_s);
        row("prisma", "failed",
            u"npx prisma migrate resolve --rolled-back 20240201000000_add_orders"_s,
            u"migrate resolve --applied 20240301000000"_s);
        row("prisma", "table-missing",
            u"npx prisma migrate resolve --applied 20240301000000_add_orders"_s);
        row("sqitch", "modified", u"sqitch revert --modified -y"_s);
        row("sqitch", "pending", u"sqitch deploy --verify"_s, u"revert"_s);
        row("atlas", "failed", u"atlas migrate set v-previous-version"_s);
        row("knex", "pending", u"npx knex migrate:unlock"_s);
        row("typeorm", "pending", u"npx typeorm migration:run -d v-datasource-file"_s);
        row("dbup", "pending", u"restart"_s);
        row("fluentmigrator", "pending", u"dotnet fm migrate -p Postgres"_s);
        row("diesel", "pending", u"diesel migration run"_s);
        row("sqlx", "failed",
            u"DELETE FROM \"public\".\"_sqlx_migrations\" WHERE version = 20240201000000 AND"_s);
        row("sqlx", "pending", u"sqlx migrate run --source v-migrations-dir"_s, u"DELETE"_s);
        row("dbmate", "pending", u"dbmate --no-dump-schema --migrations-dir v-migrations-dir up"_s);
        row("goose", "not-readable",
            u"GRANT SELECT ON \"public\".\"goose_db_version\" TO v-db-user"_s,
            u"-dir v-migrations-dir up"_s);
        row("sqitch", "not-readable", u"GRANT SELECT ON ALL TABLES IN SCHEMA \"public\""_s);
    }

    // Each state gets its own commands, and not another state's.
    void stateCommands()
    {
        QFETCH(QString, tool);
        QFETCH(QString, status);
        QFETCH(QString, command);
        QFETCH(QString, absent);
        CheckResult r = result(tool, status);
        m_kb.attachRemediation(&r, environment());
        for (DeploymentStyle style : Deployment::all()) {
            const QString text = commands(r, style) + u'\n';
            QVERIFY2(text.contains(command), qPrintable(Deployment::key(style) + u": "_s + text));
            if (!absent.isEmpty())
                QVERIFY2(!text.contains(absent), qPrintable(text));
        }
    }

    // States the evidence's lists carry rather than Status: counted in the condition.
    void listStates()
    {
        const Environment env = environment();
        CheckResult plain = result(u"flyway"_s, u"pending"_s);
        CheckResult outOfOrder = result(
            u"flyway"_s, u"pending"_s, { { u"OutOfOrderMigrations"_s, QStringList { u"1.5"_s } } });
        m_kb.attachRemediation(&plain, env);
        m_kb.attachRemediation(&outOfOrder, env);
        QVERIFY(!commands(plain, DeploymentStyle::Compose).contains(u"-outOfOrder=true"_s));
        QVERIFY(commands(outOfOrder, DeploymentStyle::Compose)
                .contains(u"flyway -outOfOrder=true migrate"_s));
        CheckResult heads = result(u"alembic"_s, u"pending"_s,
            { { u"Heads"_s, QVariantList { u"ae1027a6acf"_s, u"27c6a30d7c24"_s } } });
        m_kb.attachRemediation(&heads, env);
        QVERIFY(commands(heads, DeploymentStyle::Systemd).contains(u"alembic upgrade heads"_s));
    }

    // EF Core results, and results without a Tool, keep the check's own article and exactly
    // the fixes it gave before the variants existed.
    void efCoreUnchanged_data()
    {
        QTest::addColumn<bool>("withTool");
        QTest::newRow("Tool=efcore") << true;
        QTest::newRow("no Tool") << false;
    }

    void efCoreUnchanged()
    {
        QFETCH(bool, withTool);
        CheckResult r;
        r.checkId = Migrations;
        r.remediation.article = Migrations;
        r.status = CheckStatus::Warn;
        r.evidence = { { u"TableExists"_s, true }, { u"AppliedCount"_s, 3 },
            { u"PendingCount"_s, 2 }, { u"LatestApplied"_s, u"20240101000000_Init"_s },
            { u"PendingMigrations"_s, QStringList { u"20240301000000_Orders"_s } },
            { u"Status"_s, u"pending"_s } };
        if (withTool)
            r.evidence << qMakePair(u"Tool"_s, QVariant(u"efcore"_s));
        Environment env;
        env.placeholders.insert(u"namespace"_s, u"stellaops"_s);
        const KbArticle *own = m_kb.article(Migrations);
        QVERIFY(own);
        QCOMPARE(m_kb.articleFor(r), own);
        const QList<FixSuggestion> before = KbFixChoice::suggestions(*own, r, env.placeholders);
        m_kb.attachRemediation(&r, env);
        QCOMPARE(r.remediation.article, Migrations);
        QCOMPARE(r.remediation.runbooks, QStringList { u":/kb/postgres/migrations.md"_s });
        QCOMPARE(r.remediation.fixes.size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            QCOMPARE(r.remediation.fixes.at(i).command, before.at(i).command);
            QCOMPARE(r.remediation.fixes.at(i).title, before.at(i).title);
        }
        QVERIFY(commands(r, DeploymentStyle::Kubernetes)
                .contains(u"kubectl -n stellaops exec -it <platform-pod> -- stella db migrate"_s));
    }

    // The environment's value wins over the evidence's; names a shell would read otherwise
    // (spaces, quotes, $) are not taken from the evidence.
    void evidenceValues()
    {
        const Evidence evidence { { u"HistorySchema"_s, u"Tenant A"_s },
            { u"HistoryTable"_s, u"flyway_schema_history"_s },
            { u"FailedMigrations"_s, QVariantList { u"$(rm -rf ~)"_s } },
            { u"ModifiedMigrations"_s, QStringList { u"V2__x.sql"_s, u"V3__y.sql"_s } },
            { u"LatestApplied"_s, u"2.1"_s } };
        const QMap<QString, QString> values = KbPlaceholders::fromEvidence(evidence);
        QCOMPARE(values,
            (QMap<QString, QString> { { u"history-table"_s, u"flyway_schema_history"_s },
                { u"latest-applied"_s, u"2.1"_s }, { u"modified-migration"_s, u"V2__x.sql"_s } }));
        for (const QString &name : values.keys())
            QVERIFY2(KbPlaceholders::known().contains(name), qPrintable(name));

        CheckResult r = result(u"flyway"_s, u"pending"_s);
        Environment env = environment();
        env.placeholders.insert(u"history-table"_s, u"chosen_by_user"_s);
        r.status = CheckStatus::Error;
        r.evidence.replace(r.evidence.size() - 1, { u"Status"_s, u"not-readable"_s });
        m_kb.attachRemediation(&r, env);
        QVERIFY(commands(r, DeploymentStyle::Systemd).contains(u"\"chosen_by_user\""_s));
    }

    // A pass has nothing to fix, but the result still names the article it is shown with.
    void passNamesTheArticle()
    {
        CheckResult r = result(u"sqitch"_s, u"up-to-date"_s);
        r.status = CheckStatus::Pass;
        m_kb.attachRemediation(&r, environment());
        QCOMPARE(r.remediation.article, Migrations + u".sqitch"_s);
        QVERIFY(r.remediation.fixes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKbMigrationTools)
#include "tst_kb_migrationtools.moc"
