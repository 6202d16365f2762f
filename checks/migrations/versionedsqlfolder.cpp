// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::fromVersionedSqlFolder() and fromDbUpFolder(): folders of numbered .sql
// files as golang-migrate (source/parse.go), goose (migrate.go, NumericComponent), dbmate
// (pkg/dbmate/migration.go), sqlx (sqlx-core/src/migrate/source.rs) and Atlas
// (sql/migrate/dir.go) read them, and DbUp's scripts.

#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace {

const QString Int64Max = u"9223372036854775807"_s;
const QString UInt64Max = u"18446744073709551615"_s;

struct Script
{
    QString id;
    QString file; // path
    QString order; // what the tool sorts by
};

// What one tool takes from a file name: the version, or nothing when the file is none of
// its migrations (SKIP true: not even one that went wrong).
struct NameRule
{
    QString version; // as written
    bool skip = true;
    bool down = false;
};

NameRule parseName(MigrationTool tool, const QString &name)
{
    static const QRegularExpression golang(u"\\A([0-9]+)_(.*)\\.(down|up)\\.(.*)\\z"_s,
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression numbered(
        u"\\A([0-9]+)_.*\\z"_s, QRegularExpression::DotMatchesEverythingOption);
    NameRule rule;
    switch (tool) {
    case MigrationTool::GolangMigrate:
        if (const auto m = golang.match(name); m.hasMatch())
            return { m.captured(1), false, m.captured(3) == u"down" };
        rule.skip = !name.contains(u".up."_s) && !name.contains(u".down."_s);
        return rule;
    case MigrationTool::Goose:
        if (name.endsWith(u"_test.go"_s) || (!name.endsWith(u".sql"_s) && !name.endsWith(u".go"_s)))
            return rule;
        rule.skip = name.endsWith(u".go"_s) && !name.front().isDigit(); // main.go, helpers
        break;
    case MigrationTool::Sqlx:
        // sqlx: "<VERSION>_<DESCRIPTION>" where the description ends in .sql.
        if (!name.endsWith(u".sql"_s))
            return rule;
        rule.skip = false;
        rule.down = name.endsWith(u".down.sql"_s);
        break;
    case MigrationTool::Dbmate:
    case MigrationTool::Atlas:
    default:
        if (!name.endsWith(u".sql"_s))
            return rule;
        rule.skip = false;
        if (tool == MigrationTool::Atlas) { // "<version>[_<description>].sql"
            rule.version = name.chopped(4).section(u'_', 0, 0);
            if (decimal(rule.version).isEmpty())
                rule.version.clear();
            return rule;
        }
        break;
    }
    if (const auto m = numbered.match(name); m.hasMatch())
        rule.version = m.captured(1);
    return rule;
}

QString checkContent(MigrationTool tool, const QString &path)
{
    if (tool != MigrationTool::Goose && tool != MigrationTool::Dbmate)
        return {};
    if (!path.endsWith(u".sql"_s))
        return {};
    const QString text = readText(path);
    if (tool == MigrationTool::Goose && !text.contains(u"+goose up"_s, Qt::CaseInsensitive))
        return u"%1 has no \"-- +goose Up\" annotation; goose refuses it: add one before the "
               "statements"_s.arg(path);
    if (tool == MigrationTool::Dbmate && !text.contains(u"migrate:up"_s))
        return u"%1 has no \"-- migrate:up\" section; dbmate refuses it: add one before the "
               "statements"_s.arg(path);
    return {};
}

QString largest(MigrationTool tool)
{
    switch (tool) {
    case MigrationTool::GolangMigrate:
        return UInt64Max; // uint
    case MigrationTool::Goose:
    case MigrationTool::Sqlx:
        return Int64Max; // int64, i64
    default:
        return {}; // dbmate and Atlas keep the version as a string
    }
}

QString nameHint(MigrationTool tool)
{
    switch (tool) {
    case MigrationTool::GolangMigrate:
        return u"<version>_<name>.up.sql"_s;
    case MigrationTool::Goose:
        return u"<version>_<name>.sql or .go"_s;
    case MigrationTool::Sqlx:
        return u"<version>_<description>.sql or .up.sql"_s;
    case MigrationTool::Atlas:
        return u"<version>_<name>.sql"_s;
    default:
        return u"<version>_<name>.sql"_s;
    }
}

} // namespace

namespace ToolSources {

ExpectedSet fromVersionedSqlFolder(const QString &dir, MigrationTool tool)
{
    ExpectedSet set = start(dir, tool);
    const QString toolName = MigrationTools::displayName(tool);
    const QString max = largest(tool);
    const bool asWritten = max.isEmpty();
    QList<Script> scripts;
    QHash<QString, QString> fileOf; // id -> file
    for (const QString &name : fileNames(dir)) {
        const QString path = dir + u'/' + name;
        const NameRule rule = parseName(tool, name);
        if (rule.skip || rule.down)
            continue;
        if (rule.version.isEmpty()) {
            set.warnings << u"%1: not a %2 migration name (%3); %2 does not apply it"_s.arg(
                path, toolName, nameHint(tool));
            continue;
        }
        const QString number = decimal(rule.version);
        if (!asWritten && !fitsIn(number, max)) {
            set.warnings << u"%1: version %2 is larger than %3 can hold; it refuses the file"_s.arg(
                path, rule.version, toolName);
            continue;
        }
        if (tool == MigrationTool::Goose && number == u"0") {
            set.warnings << u"%1: goose versions start at 1; goose refuses version 0"_s.arg(path);
            continue;
        }
        if (const QString problem = checkContent(tool, path); !problem.isEmpty())
            set.warnings << problem;
        const QString id = asWritten ? rule.version : number;
        if (fileOf.contains(id)) {
            set.error = u"%1 and %2 are both version %3; %4 refuses two migrations of one "
                        "version: renumber one"_s.arg(fileOf.value(id), path, id, toolName);
            return set;
        }
        fileOf.insert(id, path);
        scripts.append({ id, path, asWritten ? name : id });
    }
    std::stable_sort(scripts.begin(), scripts.end(), [asWritten](const Script &a, const Script &b) {
        return asWritten ? a.order < b.order : lessNumeric(a.order, b.order);
    });
    for (const Script &s : scripts) {
        set.ids << s.id;
        if (tool != MigrationTool::Sqlx)
            continue;
        // sqlx: Sha384::digest of the file as read_to_string read it (its bytes).
        QByteArray bytes;
        QString error;
        if (!readBytes(s.file, &bytes, &error)) {
            set.error = error;
            return set;
        }
        set.checksums.insert(s.id,
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha384).toHex()));
    }
    requireIds(&set, u"%1 migrations (%2)"_s.arg(toolName, nameHint(tool)),
        u"point to the folder %1 reads its migrations from"_s.arg(toolName));
    return set;
}

ExpectedSet fromDbUpFolder(const QString &dir)
{
    ExpectedSet set = start(dir, MigrationTool::DbUp);
    QHash<QString, QString> seen;
    for (const QString &relative : filesBelow(dir, &set)) {
        const QString name = QFileInfo(relative).fileName();
        if (!name.endsWith(u".sql"_s, Qt::CaseInsensitive))
            continue;
        if (seen.contains(name)) {
            set.warnings << u"%1 and %2 have one name; DbUp's journal records names, so the "
                            "second counts as run once the first is"_s.arg(
                                seen.value(name), dir + u'/' + relative);
            continue;
        }
        seen.insert(name, dir + u'/' + relative);
        set.ids << name;
    }
    std::sort(set.ids.begin(), set.ids.end());
    requireIds(&set, u"DbUp scripts (.sql)"_s,
        u"point to the folder of the scripts the upgrader embeds or reads"_s);
    return set;
}

} // namespace ToolSources
