// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>

// The migration tools whose history the migrations check reads. Facts on each tool's table
// (name, columns, failure marker): ../shared/reference/migration-histories.md, checked
// against the tools' sources.
enum class MigrationTool {
    EfCore,
    Flyway,
    Liquibase,
    GolangMigrate,
    Alembic,
    Rails,
    Django,
    Prisma,
    Sqitch,
    Atlas,
    Goose,
    Knex,
    TypeOrm,
    Sequelize,
    DbUp,
    FluentMigrator,
    Diesel,
    Sqlx,
    Dbmate,
    NodePgMigrate,
    Unknown,
};

namespace MigrationTools {
// Every tool but Unknown, in the order above.
const QList<MigrationTool> &all();
// The stable key used in JSON (evidence "Tool"), the environments file (`tool:`), the CLI
// (--tool) and KB article ids: "efcore", "flyway", "liquibase", "golang-migrate", "alembic",
// "rails", "django", "prisma", "sqitch", "atlas", "goose", "knex", "typeorm", "sequelize",
// "dbup", "fluentmigrator", "diesel", "sqlx", "dbmate", "node-pg-migrate"; "unknown".
QString key(MigrationTool tool);
// The tool's own spelling, for people: "EF Core", "Flyway", "golang-migrate", "TypeORM" ...
QString displayName(MigrationTool tool);
// The tool named by a key or display name, case and '-'/'_'/' ' ignored ("EFCore", "ef-core",
// "golang_migrate", "migrate" for golang-migrate); Unknown when none matches.
MigrationTool fromName(const QString &name);
} // namespace MigrationTools
