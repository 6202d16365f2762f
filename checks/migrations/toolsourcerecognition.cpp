// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::recognise(), handles() and read(): which tool's migrations a folder holds,
// by the names and markers each tool's files carry, and the reader for it.

#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace {

using Found = ToolSources::Found;

// The tools' conventional folders, looked in when the folder given holds nothing known.
const QStringList &conventionalFolders()
{
    static const QStringList folders = { u"db/migrate"_s, u"db/migrations"_s,
        u"prisma/migrations"_s, u"migrations"_s, u"src/main/resources/db/migration"_s,
        u"db/migration"_s, u"src/migrations"_s, u"Migrations"_s, u"Scripts"_s };
    return folders;
}

bool anyMatch(const QStringList &names, const QRegularExpression &re, QString *which)
{
    for (const QString &name : names) {
        if (re.match(name).hasMatch()) {
            *which = name;
            return true;
        }
    }
    return false;
}

// A file among NAMES (in DIR) whose text contains MARKER (case ignored).
bool anyContains(const QString &dir, const QStringList &names, const QString &suffix,
    const QString &marker, QString *which)
{
    for (const QString &name : names) {
        if (name.endsWith(suffix)
            && readText(dir + u'/' + name).contains(marker, Qt::CaseInsensitive)) {
            *which = name;
            return true;
        }
    }
    return false;
}

Found subfolderTools(const QString &dir)
{
    static const QRegularExpression diesel(u"\\A[0-9][0-9-]*_.+\\z"_s);
    for (const QString &folder : folderNames(dir)) {
        const QString inside = dir + u'/' + folder;
        if (QFileInfo(inside + u"/migration.sql"_s).isFile())
            return { MigrationTool::Prisma, dir, folder + u"/migration.sql"_s };
        if (diesel.match(folder).hasMatch() && QFileInfo(inside + u"/up.sql"_s).isFile())
            return { MigrationTool::Diesel, dir, folder + u"/up.sql"_s };
    }
    if (QFileInfo(dir + u"/migration_lock.toml"_s).isFile())
        return { MigrationTool::Prisma, dir, u"migration_lock.toml"_s };
    return {};
}

// Recognition of one folder, without looking at conventional folders below it. WEAK: also
// by signs that a project root shows too (any .sql file: DbUp).
Found recogniseHere(const QString &dir, bool weak)
{
    // Flyway matches the prefix exactly, the suffix ignoring case.
    static const QRegularExpression flyway(u"\\A(V[0-9][0-9._]*__.*|R__.+)\\.[sS][qQ][lL]\\z"_s);
    static const QRegularExpression numberedSql(u"\\A[0-9]+_.*\\.sql\\z"_s);
    static const QRegularExpression upDown(u"\\A[0-9]+_.*\\.(up|down)\\.sql\\z"_s);
    static const QRegularExpression rails(u"\\A[0-9]+_[_a-z0-9]*\\.rb\\z"_s);
    static const QRegularExpression django(u"(\\A|/)migrations/[0-9]{4}_\\w+\\.py\\z"_s);
    static const QRegularExpression djangoModule(u"\\A[0-9]{4}_\\w+\\.py\\z"_s);
    static const QRegularExpression typeOrmName(u"\\A[0-9]{13}-\\w+\\.(ts|js)\\z"_s);
    static const QRegularExpression sequelizeName(u"\\A[0-9]{14}-[\\w.-]+\\.c?js\\z"_s);
    static const QRegularExpression script(u"\\.(js|cjs|mjs|ts|cts|mts)\\z"_s);
    if (Found f = subfolderTools(dir); f.tool != MigrationTool::Unknown)
        return f;
    const QStringList files = fileNames(dir);
    QString which;
    ExpectedSet scratch;
    const QStringList below = filesBelow(dir, &scratch);
    QStringList belowNames;
    for (const QString &relative : below)
        belowNames << QFileInfo(relative).fileName();
    // C# first: EF Core's [Migration("id")] anywhere keeps the folder EF Core's, whatever
    // else it holds; FluentMigrator's [Migration(<digits>)] counts when nothing else does.
    static const QRegularExpression fluent(u"\\[\\s*(?:[\\w.]+\\.)?Migration\\s*\\(\\s*[0-9]"_s);
    static const QRegularExpression efCore(u"\\[\\s*(?:[\\w.]+\\.)?Migration\\s*\\(\\s*@?\""_s);
    QString fluentFile;
    for (const QString &relative : below) {
        if (!relative.endsWith(u".cs"_s, Qt::CaseInsensitive))
            continue;
        const QString text = readText(dir + u'/' + relative);
        if (efCore.match(text).hasMatch())
            return { MigrationTool::EfCore, dir, relative };
        if (fluentFile.isEmpty() && fluent.match(text).hasMatch())
            fluentFile = relative;
    }
    if (anyMatch(belowNames, flyway, &which))
        return { MigrationTool::Flyway, dir, which };
    QString numberedName;
    const bool numbered = anyMatch(files, numberedSql, &numberedName);
    if (numbered && files.contains(u"atlas.sum"_s))
        return { MigrationTool::Atlas, dir, u"atlas.sum"_s };
    if (anyContains(dir, files, u".sql"_s, u"+goose up"_s, &which)
        || anyContains(dir, files, u".go"_s, u"goose.AddMigration"_s, &which))
        return { MigrationTool::Goose, dir, which };
    if (anyContains(dir, files, u".sql"_s, u"-- migrate:up"_s, &which))
        return { MigrationTool::Dbmate, dir, which };
    const bool rust = parentHolds(dir, u"Cargo.toml"_s);
    if (anyMatch(files, upDown, &which))
        return { rust ? MigrationTool::Sqlx : MigrationTool::GolangMigrate, dir, which };
    if (numbered && rust)
        return { MigrationTool::Sqlx, dir, numberedName + u" and a Cargo.toml above"_s };
    if (anyMatch(belowNames, rails, &which))
        return { MigrationTool::Rails, dir, which };
    if (anyMatch(below, django, &which)
        || (QFileInfo(dir).fileName() == u"migrations" && anyMatch(files, djangoModule, &which)))
        return { MigrationTool::Django, dir, which };
    QStringList scripts;
    for (const QString &name : files) {
        if (script.match(name).hasMatch() && !name.endsWith(u".d.ts"_s))
            scripts << name;
    }
    if (anyContains(dir, scripts, {}, u"MigrationInterface"_s, &which)
        || anyMatch(scripts, typeOrmName, &which))
        return { MigrationTool::TypeOrm, dir, which };
    if (anyContains(dir, scripts, {}, u"queryInterface"_s, &which)
        || anyMatch(scripts, sequelizeName, &which))
        return { MigrationTool::Sequelize, dir, which };
    if (anyContains(dir, scripts, {}, u"knex"_s, &which))
        return { MigrationTool::Knex, dir, which };
    if (!fluentFile.isEmpty())
        return { MigrationTool::FluentMigrator, dir, fluentFile };
    static const QRegularExpression sqlFile(
        u"\\.sql\\z"_s, QRegularExpression::CaseInsensitiveOption);
    QString sql;
    if (!weak || !anyMatch(belowNames, sqlFile, &sql))
        return {};
    if (parentHolds(dir + u"/x"_s, u".csproj"_s) || !numbered)
        return { MigrationTool::DbUp, dir, sql };
    return { MigrationTool::Unknown, dir,
        u"%1 holds numbered .sql files (%2) but no sign of the tool that runs them (sqlx, "
        "Atlas and DbUp name them alike); name the tool: `tool:` in the environment's "
        "migrations entry, or --tool"_s.arg(dir, numberedName) };
}

} // namespace

namespace ToolSources {

Found recognise(const QString &dir)
{
    // Clear signs first, here and then in the conventional folders; weak ones after. EF
    // Core's [Migration("id")] anywhere leaves the folder to the EF Core reader.
    QStringList folders = { dir };
    for (const QString &below : conventionalFolders()) {
        if (QFileInfo(dir + u'/' + below).isDir())
            folders << dir + u'/' + below;
    }
    QString ambiguity;
    for (const bool weak : { false, true }) {
        for (const QString &folder : std::as_const(folders)) {
            const Found f = recogniseHere(folder, weak);
            if (f.tool == MigrationTool::EfCore)
                return {};
            if (f.tool != MigrationTool::Unknown)
                return f;
            if (ambiguity.isEmpty())
                ambiguity = f.why;
        }
    }
    return { MigrationTool::Unknown, dir, ambiguity };
}

bool handles(MigrationTool tool)
{
    switch (tool) {
    case MigrationTool::Flyway:
    case MigrationTool::GolangMigrate:
    case MigrationTool::Goose:
    case MigrationTool::Dbmate:
    case MigrationTool::Sqlx:
    case MigrationTool::Atlas:
    case MigrationTool::DbUp:
    case MigrationTool::Prisma:
    case MigrationTool::Diesel:
    case MigrationTool::Rails:
    case MigrationTool::Django:
    case MigrationTool::Knex:
    case MigrationTool::TypeOrm:
    case MigrationTool::Sequelize:
    case MigrationTool::FluentMigrator:
        return true;
    default:
        return false;
    }
}

namespace {

ExpectedSet readFolder(const QString &dir, MigrationTool tool)
{
    switch (tool) {
    case MigrationTool::Flyway:
        return fromFlywayFolder(dir);
    case MigrationTool::DbUp:
        return fromDbUpFolder(dir);
    case MigrationTool::Prisma:
    case MigrationTool::Diesel:
        return fromMigrationSubfolders(dir, tool);
    case MigrationTool::Rails:
        return fromRailsMigrations(dir);
    case MigrationTool::Django:
        return fromDjangoProject(dir);
    case MigrationTool::Knex:
    case MigrationTool::TypeOrm:
    case MigrationTool::Sequelize:
        return fromJavaScriptMigrations(dir, tool);
    case MigrationTool::FluentMigrator:
        return fromFluentMigratorFolder(dir);
    default:
        return fromVersionedSqlFolder(dir, tool);
    }
}

} // namespace

ExpectedSet read(const QString &path, MigrationTool tool)
{
    // A project root: the tool's conventional folder below it first, since a reader that
    // searches subfolders (Flyway, Rails, DbUp) would also take what is not the tool's
    // source there (a build's copies of the scripts, another project's). Django's reader
    // looks for every app's migrations/ itself.
    if (tool != MigrationTool::Django) {
        for (const QString &below : conventionalFolders()) {
            const QString folder = path + u'/' + below;
            if (!QFileInfo(folder).isDir())
                continue;
            if (ExpectedSet there = readFolder(folder, tool); !there.ids.isEmpty())
                return there;
        }
    }
    return readFolder(path, tool);
}

} // namespace ToolSources
