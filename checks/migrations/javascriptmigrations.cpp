// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::fromJavaScriptMigrations(): Knex (lib/migrations/migrate/sources:
// FsMigrations, the default loadExtensions), Sequelize (sequelize-cli with umzug: the
// file name is the SequelizeMeta name) and TypeORM (MigrationExecutor: the migration's
// name is its class name, the timestamp its last 13 digits).

#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace {

bool hasExtension(const QString &name, const QStringList &extensions)
{
    if (name.endsWith(u".d.ts"_s) || name.endsWith(u".d.cts"_s) || name.endsWith(u".d.mts"_s))
        return false; // type declarations
    return std::any_of(
        extensions.cbegin(), extensions.cend(), [&](const QString &e) { return name.endsWith(e); });
}

// The class TEXT declares as a TypeORM migration: "export class X implements
// MigrationInterface", or compiled JavaScript's "class X { ... async up(queryRunner)".
QString typeOrmClass(const QString &text)
{
    static const QRegularExpression implementing(
        u"\\bclass\\s+([A-Za-z_$][\\w$]*)\\s+implements\\s+MigrationInterface\\b"_s);
    static const QRegularExpression anyClass(u"\\bclass\\s+([A-Za-z_$][\\w$]*)"_s);
    if (const auto m = implementing.match(text); m.hasMatch())
        return m.captured(1);
    if (text.contains(u"queryRunner"_s)) {
        if (const auto m = anyClass.match(text); m.hasMatch())
            return m.captured(1);
    }
    return {};
}

// TypeORM's timestamp: the last 13 digits of the name (MigrationExecutor.getMigrations).
QString typeOrmTimestamp(const QString &name)
{
    static const QRegularExpression digits(u"([0-9]{13})\\z"_s);
    const auto m = digits.match(name);
    return m.hasMatch() ? decimal(m.captured(1)) : QString();
}

} // namespace

namespace ToolSources {

ExpectedSet fromJavaScriptMigrations(const QString &dir, MigrationTool tool)
{
    ExpectedSet set = start(dir, tool);
    if (tool == MigrationTool::Knex || tool == MigrationTool::Sequelize) {
        const QStringList extensions = tool == MigrationTool::Knex
            ? QStringList { u".js"_s, u".cjs"_s, u".mjs"_s, u".ts"_s, u".cts"_s, u".mts"_s }
            : QStringList { u".js"_s, u".cjs"_s, u".ts"_s, u".cts"_s };
        for (const QString &name : fileNames(dir)) {
            if (hasExtension(name, extensions))
                set.ids << name; // both tools record the file name; ordered by it
        }
        requireIds(&set,
            u"%1 migrations (%2 files)"_s.arg(
                MigrationTools::displayName(tool), extensions.join(u", "_s)),
            u"point to the migrations directory of the %1 configuration"_s.arg(
                MigrationTools::displayName(tool)));
        return set;
    }
    // TypeORM: <timestamp>-<Name>.ts as `typeorm migration:create` writes it.
    static const QRegularExpression fileName(u"\\A([0-9]+)-(.+)\\.(ts|js|mts|cts|mjs|cjs)\\z"_s);
    QList<std::pair<QString, QString>> found; // (timestamp, class)
    for (const QString &name : fileNames(dir)) {
        const QString path = dir + u'/' + name;
        if (!hasExtension(name, { u".ts"_s, u".js"_s, u".mts"_s, u".cts"_s, u".mjs"_s, u".cjs"_s }))
            continue;
        const auto m = fileName.match(name);
        QString className = typeOrmClass(readText(path));
        if (className.isEmpty() && !m.hasMatch())
            continue; // an index.ts or helper beside the migrations
        if (className.isEmpty()) {
            className = m.captured(2) + m.captured(1);
            set.warnings << u"%1: no class implementing MigrationInterface found; assumed "
                            "%2, the name typeorm migration:create gives it"_s.arg(path, className);
        }
        QString timestamp = typeOrmTimestamp(className);
        if (timestamp.isEmpty()) {
            set.warnings << u"%1: class %2 does not end in a 13-digit timestamp; TypeORM "
                            "refuses it (\"migration name is wrong\")"_s.arg(path, className);
            continue;
        }
        found.append({ timestamp, className });
    }
    std::stable_sort(found.begin(), found.end(),
        [](const auto &a, const auto &b) { return lessNumeric(a.first, b.first); });
    for (const auto &f : found) {
        if (set.ids.contains(f.second))
            set.warnings << u"class %1 is declared twice in %2; TypeORM refuses duplicate "
                            "migrations: rename one"_s.arg(f.second, dir);
        else
            set.ids << f.second;
    }
    requireIds(&set, u"TypeORM migrations (<timestamp>-<Name>.ts)"_s,
        u"point to the folder the DataSource's migrations setting names"_s);
    return set;
}

} // namespace ToolSources
