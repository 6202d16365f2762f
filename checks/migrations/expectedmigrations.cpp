// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ExpectedMigrations::load() (which reader a path gets), kindName(), and the file reading
// the readers share. The readers: efcoreidempotentscript.cpp, efcoremigrationsfolder.cpp,
// migrationmanifest.cpp.

#include "migrations/expectedmigrations.h"

#include "migrations/alembicversions.h"
#include "migrations/expectedmigrations_p.h"
#include "migrations/liquibasechangelog.h"
#include "migrations/sqitchplan.h"
#include "migrations/toolsources.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ExpectedMigrationsPrivate {

void sortUnique(QStringList &ids)
{
    std::sort(ids.begin(), ids.end()); // QString's operator< is ordinal (UTF-16 code units)
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

QString withoutBom(const QString &text)
{
    return text.startsWith(QChar(0xFEFF)) ? text.sliced(1) : text;
}

QString tooLarge(const QString &path)
{
    return u"%1 is larger than %2 MiB; an expected-migrations source should be a Migrations "
           "folder, an idempotent script or a manifest of MigrationIds"_s.arg(
               path, QString::number(ExpectedMigrations::MaxFileBytes / (1024 * 1024)));
}

FileText readText(const QString &path, qint64 maxBytes, bool truncate)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return { {},
            u"cannot read %1 (%2); check that it is readable by this user"_s.arg(
                path, file.errorString()),
            false };
    QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError) // e.g. EIO: a partial text would pass for whole
        return { {},
            u"cannot read %1 (%2); check the file and the disk"_s.arg(path, file.errorString()),
            false };
    if (bytes.size() > maxBytes && truncate)
        bytes.truncate(maxBytes);
    else if (bytes.size() > maxBytes)
        return { {}, tooLarge(path), false };
    const auto encoding = QStringConverter::encodingForData(bytes);
    QStringDecoder decode(encoding.value_or(QStringConverter::Utf8));
    QString text = decode(bytes);
    if (text.contains(QChar(0)))
        return { {},
            u"%1 is a binary file; point to a Migrations folder, an idempotent script "
            "(.sql) or a manifest of MigrationIds"_s.arg(path),
            true };
    return { text, {}, false };
}

} // namespace ExpectedMigrationsPrivate

namespace ExpectedMigrations {

using namespace ExpectedMigrationsPrivate;

ExpectedSet load(const QString &path, const QString &dbContext)
{
    ExpectedSet set;
    set.source = path;
    if (path.trimmed().isEmpty()) {
        set.error = u"no expected-migrations source given; set it to a Migrations folder, an "
                    "idempotent script or a manifest of MigrationIds"_s;
        return set;
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        set.error
            = u"%1 does not exist; check the expected-migrations path (a Migrations folder, "
              "a script from dotnet ef migrations script --idempotent, or a manifest)"_s.arg(path);
        return set;
    }
    if (info.isDir()) {
        if (SqitchPlan::isProjectFolder(path))
            return SqitchPlan::read(path);
        if (!AlembicVersions::versionFolders(path).isEmpty())
            return AlembicVersions::read(path);
        // Other tools' folders by their contents (toolsources.h); the rest is EF Core's.
        const ToolSources::Found found = ToolSources::recognise(path);
        if (found.tool != MigrationTool::Unknown)
            return ToolSources::read(found.folder, found.tool);
        ExpectedSet efCore = fromMigrationsFolder(path, dbContext);
        if (!efCore.error.isEmpty() && !found.why.isEmpty())
            efCore.error = found.why; // numbered .sql files of a tool not told apart
        return efCore;
    }
    if (!info.isFile()) {
        set.error = u"%1 is not a regular file; point to a Migrations folder, an idempotent "
                    "script or a manifest of MigrationIds"_s.arg(path);
        return set;
    }
    if (info.size() > MaxFileBytes) { // checked before opening; readText checks again
        set.error = tooLarge(path);
        return set;
    }
    const FileText file = readText(path, MaxFileBytes);
    if (!file.error.isEmpty()) {
        set.error = file.error;
        return set;
    }
    if (info.fileName() == u"sqitch.plan")
        return SqitchPlan::read(path);
    if (LiquibaseChangelog::isChangelog(file.text))
        return LiquibaseChangelog::read(path);
    return looksLikeScript(file.text, path) ? fromIdempotentScript(file.text, path)
                                            : fromManifest(file.text, path);
}

ExpectedSet load(const QString &path, const QString &dbContext, MigrationTool hint)
{
    // A pinned tool's folder is read as that tool's, whatever else it holds.
    if (ToolSources::handles(hint) && QFileInfo(path).isDir())
        return ToolSources::read(path, hint);
    ExpectedSet set = load(path, dbContext);
    if (set.kind == ExpectedSet::Kind::Manifest && hint != MigrationTool::Unknown)
        set.tool = hint; // a manifest lists the pinned tool's ids
    return set;
}

QString kindName(ExpectedSet::Kind kind)
{
    switch (kind) {
    case ExpectedSet::Kind::IdempotentScript:
        return u"idempotent script"_s;
    case ExpectedSet::Kind::MigrationsFolder:
        return u"Migrations folder"_s;
    case ExpectedSet::Kind::Manifest:
        return u"manifest"_s;
    case ExpectedSet::Kind::Environment:
        return u"environment"_s;
    case ExpectedSet::Kind::ToolSource:
        return u"source tree"_s;
    case ExpectedSet::Kind::None:
        break;
    }
    return u"none"_s;
}

} // namespace ExpectedMigrations
