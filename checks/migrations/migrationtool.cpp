// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/migrationtool.h"

using namespace Qt::StringLiterals;

namespace {

struct ToolName
{
    MigrationTool tool;
    QString key;
    QString display;
};

const QList<ToolName> &names()
{
    static const QList<ToolName> list {
        { MigrationTool::EfCore, u"efcore"_s, u"EF Core"_s },
        { MigrationTool::Flyway, u"flyway"_s, u"Flyway"_s },
        { MigrationTool::Liquibase, u"liquibase"_s, u"Liquibase"_s },
        { MigrationTool::GolangMigrate, u"golang-migrate"_s, u"golang-migrate"_s },
        { MigrationTool::Alembic, u"alembic"_s, u"Alembic"_s },
        { MigrationTool::Rails, u"rails"_s, u"Rails"_s },
        { MigrationTool::Django, u"django"_s, u"Django"_s },
        { MigrationTool::Prisma, u"prisma"_s, u"Prisma"_s },
        { MigrationTool::Sqitch, u"sqitch"_s, u"Sqitch"_s },
        { MigrationTool::Atlas, u"atlas"_s, u"Atlas"_s },
        { MigrationTool::Goose, u"goose"_s, u"goose"_s },
        { MigrationTool::Knex, u"knex"_s, u"Knex"_s },
        { MigrationTool::TypeOrm, u"typeorm"_s, u"TypeORM"_s },
        { MigrationTool::Sequelize, u"sequelize"_s, u"Sequelize"_s },
        { MigrationTool::DbUp, u"dbup"_s, u"DbUp"_s },
        { MigrationTool::FluentMigrator, u"fluentmigrator"_s, u"FluentMigrator"_s },
        { MigrationTool::Diesel, u"diesel"_s, u"Diesel"_s },
        { MigrationTool::Sqlx, u"sqlx"_s, u"sqlx"_s },
        { MigrationTool::Dbmate, u"dbmate"_s, u"dbmate"_s },
        { MigrationTool::NodePgMigrate, u"node-pg-migrate"_s, u"node-pg-migrate"_s },
    };
    return list;
}

QString folded(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c != u'-' && c != u'_' && c != u' ')
            out += c.toLower();
    }
    return out;
}

} // namespace

namespace MigrationTools {

const QList<MigrationTool> &all()
{
    static const QList<MigrationTool> tools = [] {
        QList<MigrationTool> list;
        for (const ToolName &n : names())
            list << n.tool;
        return list;
    }();
    return tools;
}

QString key(MigrationTool tool)
{
    for (const ToolName &n : names()) {
        if (n.tool == tool)
            return n.key;
    }
    return u"unknown"_s;
}

QString displayName(MigrationTool tool)
{
    for (const ToolName &n : names()) {
        if (n.tool == tool)
            return n.display;
    }
    return u"unknown"_s;
}

MigrationTool fromName(const QString &name)
{
    // The key as MigrationEntry::tool and the reports carry it: no folded copies. The
    // migrations table asks for every row's tool name (100 000 rows: 300 000 allocations
    // on the folded path).
    for (const ToolName &n : names()) {
        if (n.key == name)
            return n.tool;
    }
    const QString f = folded(name);
    if (f == u"migrate")
        return MigrationTool::GolangMigrate;
    for (const ToolName &n : names()) {
        if (folded(n.key) == f || folded(n.display) == f)
            return n.tool;
    }
    return MigrationTool::Unknown;
}

} // namespace MigrationTools
