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
// Longest MigrationId the history table can hold: "MigrationId" varchar(150).
inline constexpr qsizetype MaxIdLength = 150;
// load() refuses larger files rather than reading unbounded input.
inline constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

// Looks at PATH and picks the reader: a folder is an EF Core Migrations/ folder; a file
// containing __EFMigrationsHistory inserts (or named *.sql) is an idempotent script;
// anything else is a manifest. A '#' comment line mentioning the table does not count.
ExpectedSet load(const QString &path);
// `dotnet ef migrations script --idempotent` output, Npgsql or SQL Server form. The ids
// come from INSERTs with the ("MigrationId", "ProductVersion") column list into any table
// (the history table may be renamed or schema-qualified); comments, string literals and
// function bodies are skipped, so SQL quoted inside a migration is not mistaken for one.
ExpectedSet fromIdempotentScript(const QString &text, const QString &source);
// <14-digit timestamp>_<Name>.cs files, in DIR and its subfolders (projects that group
// migrations by year or feature still form one set); *.Designer.cs and *ModelSnapshot.cs
// are not migrations; bin/, obj/ and hidden folders are skipped. A [Migration("...")]
// attribute in the Designer.cs wins over the file name, as it does for EF Core. Two model
// snapshots of the same DbContext (one migrations set per database provider) are an error.
ExpectedSet fromMigrationsFolder(const QString &dir);
// One MigrationId per line; '#' starts a comment; blank lines ignored. A line with spaces
// or separators (, ; | quotes: pasted tool output) or over 150 characters is an error
// naming SOURCE:LINE; an id listed twice is a warning.
ExpectedSet fromManifest(const QString &text, const QString &source);
QString kindName(ExpectedSet::Kind kind);

// How fromMigrationsFolder() treats a folder entry, by its name alone: hidden entries and
// bin/, obj/ and node_modules/ are ignored, other folders searched, <14 digits>_<Name>.cs
// is a migration and *ModelSnapshot.cs a model snapshot.
enum class FolderEntry { Ignored, Folder, Migration, ModelSnapshot };
FolderEntry classifyFolderEntry(const QString &name, bool isDir);
} // namespace ExpectedMigrations
