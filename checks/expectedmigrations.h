#pragma once

#include <QString>
#include <QStringList>

// The set of migrations the application code expects, from one of several sources.
struct ExpectedSet
{
    enum class Kind { None, IdempotentScript, MigrationsFolder, Manifest, Environment };
    Kind kind = Kind::None;
    QStringList ids; // MigrationIds, sorted ascending (ordinal), no duplicates
    QString source; // file, folder or environment it came from
    QString error; // empty on success; names the file and, where it applies, the line
    QStringList warnings;

    bool isKnown() const { return kind != Kind::None && error.isEmpty(); }
};

namespace ExpectedMigrations {
// Looks at PATH and picks the reader: a folder is an EF Core Migrations/ folder; a file
// containing __EFMigrationsHistory inserts is an idempotent script; anything else is a manifest.
ExpectedSet load(const QString &path);
// `dotnet ef migrations script --idempotent` output, Npgsql or SQL Server form.
ExpectedSet fromIdempotentScript(const QString &text, const QString &source);
// <timestamp>_<Name>.cs files; *.Designer.cs and *ModelSnapshot.cs are not migrations.
ExpectedSet fromMigrationsFolder(const QString &dir);
// One MigrationId per line; '#' starts a comment; blank lines ignored.
ExpectedSet fromManifest(const QString &text, const QString &source);
QString kindName(ExpectedSet::Kind kind);
} // namespace ExpectedMigrations
