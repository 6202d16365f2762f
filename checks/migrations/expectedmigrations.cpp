// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/expectedmigrations.h"

#include "migrations/csharpclasses.h"
#include "migrations/sqllexer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using namespace SqlLex;

struct Row
{
    QString id;
    int line = 0;
};

// The history table's two columns as EF Core names them (MigrationId, ProductVersion) and as
// EFCore.NamingConventions renames them: migration_id (snake), migrationid (lower),
// MIGRATIONID (upper), MIGRATION_ID (upper snake), migrationId (camel), migration-id (kebab).
// Compared without case: quoted or not, the script names the column the table has.
enum class HistoryColumn { Other, Id, Version };

HistoryColumn historyColumn(const Token &t)
{
    if (!isIdent(t))
        return HistoryColumn::Other;
    for (const QStringView id : { u"MigrationId", u"Migration_Id", u"Migration-Id" }) {
        if (isColumn(t, id))
            return HistoryColumn::Id;
    }
    for (const QStringView version :
        { u"ProductVersion", u"Product_Version", u"Product-Version" }) {
        if (isColumn(t, version))
            return HistoryColumn::Version;
    }
    return HistoryColumn::Other;
}

// After INSERT: [INTO] name[.name...] (<id column>, <version column>) VALUES ('id', 'v')[, ...]
// with the two columns in either order; any other column list is not a history insert.
bool readHistoryInsert(SqlLexer &lx, QList<Row> &rows)
{
    Token t = lx.next();
    if (isKeyword(t, u"INTO"))
        t = lx.next();
    if (!isIdent(t))
        return false;
    for (t = lx.next(); isSymbol(t, u'.'); t = lx.next()) {
        if (!isIdent(lx.next()))
            return false;
    }
    if (!isSymbol(t, u'('))
        return false;
    const HistoryColumn first = historyColumn(lx.next());
    if (!isSymbol(lx.next(), u','))
        return false;
    const HistoryColumn second = historyColumn(lx.next());
    if (first == HistoryColumn::Other || second == HistoryColumn::Other || first == second
        || !isSymbol(lx.next(), u')') || !isKeyword(lx.next(), u"VALUES"))
        return false;
    QList<Row> found;
    for (;;) {
        const Token open = lx.next();
        const Token a = lx.next();
        const Token comma = lx.next();
        const Token b = lx.next();
        if (!isSymbol(open, u'(') || a.type != Token::String || !isSymbol(comma, u',')
            || b.type != Token::String || !isSymbol(lx.next(), u')'))
            return false;
        const Token &id = first == HistoryColumn::Id ? a : b;
        found.append({ stringValue(id.text), id.line });
        const SqlLexer beforeComma = lx;
        if (!isSymbol(lx.next(), u',')) {
            lx = beforeComma;
            break;
        }
    }
    rows += found;
    return true;
}

QString listSome(QStringList ids)
{
    ids.sort();
    const qsizetype shown = 3;
    QString text = ids.first(std::min(shown, ids.size())).join(u", "_s);
    if (ids.size() > shown)
        text += u" and %1 more"_s.arg(ids.size() - shown);
    return text;
}

void sortUnique(QStringList &ids)
{
    std::sort(ids.begin(), ids.end()); // QString's operator< is ordinal (UTF-16 code units)
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

QString withoutBom(const QString &text)
{
    return text.startsWith(QChar(0xFEFF)) ? text.sliced(1) : text;
}

// ---- files ------------------------------------------------------------------------------

QString tooLarge(const QString &path)
{
    return u"%1 is larger than %2 MiB; an expected-migrations source should be a Migrations "
           "folder, an idempotent script or a manifest of MigrationIds"_s.arg(
               path, QString::number(ExpectedMigrations::MaxFileBytes / (1024 * 1024)));
}

struct FileText
{
    QString text;
    QString error;
    bool binary = false; // the error is that it holds NUL characters
};

// Reads at most MAXBYTES; UTF-16/32 with a BOM (PowerShell's `>` writes UTF-16) or UTF-8.
FileText readText(const QString &path, qint64 maxBytes, bool truncate = false)
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

// A manifest may mention the table in a '#' comment; that alone does not make it SQL.
bool looksLikeScript(const QString &text, const QString &path)
{
    if (path.endsWith(u".sql"_s, Qt::CaseInsensitive))
        return true;
    // The insert's column list under any naming convention (see historyColumn()).
    static const QRegularExpression insertColumns(
        uR"re(\(\s*["\[]?(?:migration[_-]?id["\]]?\s*,\s*["\[]?product[_-]?version|)re"
        uR"re(product[_-]?version["\]]?\s*,\s*["\[]?migration[_-]?id)["\]]?\s*\))re"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (insertColumns.match(text).hasMatch())
        return true;
    for (qsizetype at = text.indexOf(u"__EFMigrationsHistory"_s); at >= 0;
         at = text.indexOf(u"__EFMigrationsHistory"_s, at + 1)) {
        const qsizetype lineStart = text.lastIndexOf(u'\n', at) + 1;
        if (!QStringView(text).sliced(lineStart, at - lineStart).trimmed().startsWith(u'#'))
            return true;
    }
    return false;
}

// ---- Migrations folder ------------------------------------------------------------------

struct FolderScan
{
    QList<QFileInfo> sources; // every .cs file
    int entries = 0;
};

constexpr int MaxFolderDepth = 8;
constexpr int MaxFolderEntries = 100000;

void walk(const QString &dir, int depth, FolderScan &scan)
{
    using ExpectedMigrations::FolderEntry;
    const QFileInfoList entries
        = QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (++scan.entries > MaxFolderEntries)
            return;
        switch (ExpectedMigrations::classifyFolderEntry(entry.fileName(), entry.isDir())) {
        case FolderEntry::Folder:
            // A symlink could loop back to an ancestor.
            if (!entry.isSymLink() && depth < MaxFolderDepth)
                walk(entry.filePath(), depth + 1, scan);
            break;
        case FolderEntry::Source:
            scan.sources.append(entry);
            break;
        case FolderEntry::Ignored:
            break;
        }
    }
}

struct SourceFile
{
    QList<CSharpClass> classes;
    QString error; // the file could not be read: the set would be incomplete
    QString warning; // the file is not C# source (binary, huge) and was skipped
};

// EF Core's generated .Designer.cs and model snapshot files start with "// <auto-generated />"
// and declare one class, attributes first; the rest is the model, megabytes each in a large
// project. Their head is enough. Other files are read whole: one may declare several classes.
SourceFile readSource(const QFileInfo &file)
{
    constexpr qint64 HeadBytes = 64 * 1024;
    const QString path = file.filePath();
    if (file.size() > ExpectedMigrations::MaxFileBytes)
        return { {}, {},
            u"%1 is larger than %2 MiB; not read as C# source"_s.arg(
                path, QString::number(ExpectedMigrations::MaxFileBytes / (1024 * 1024))) };
    FileText text = readText(path, HeadBytes, true);
    if (text.error.isEmpty() && file.size() > HeadBytes) {
        if (withoutBom(text.text).trimmed().startsWith(u"// <auto-generated"_s)) {
            if (QList<CSharpClass> classes = CSharpClasses::scan(text.text); !classes.isEmpty())
                return { classes, {}, {} };
        }
        text = readText(path, ExpectedMigrations::MaxFileBytes);
    }
    if (text.binary)
        return { {}, {},
            u"%1 is not text (it holds NUL bytes); not read as C# source"_s.arg(path) };
    if (!text.error.isEmpty())
        return { {}, text.error, {} };
    return { CSharpClasses::scan(text.text), {}, {} };
}

// A qualifier that names namespace NS, fully or from one of its inner parts:
// "Microsoft.EntityFrameworkCore.Migrations", "Migrations" (after a using of the outer).
bool qualifies(QStringView qualifier, QStringView ns)
{
    return qualifier.isEmpty() || qualifier == ns
        || (ns.endsWith(qualifier) && ns[ns.size() - qualifier.size() - 1] == u'.');
}

// An attribute or type of EF Core's: its simple name, bare or qualified by its namespace.
// Another namespace's Migration (FluentMigrator's) is not EF Core's.
bool isEfAttribute(const CSharpAttribute &a, QStringView name, QStringView ns)
{
    return a.simpleName() == name && qualifies(a.qualifier(), ns);
}

bool isEfType(const QString &type, QStringView name, QStringView ns)
{
    const QString simple = CSharpClasses::simpleTypeName(type);
    const qsizetype dot = type.lastIndexOf(u'.', type.indexOf(u'<'));
    return simple == name && qualifies(dot < 0 ? QStringView() : QStringView(type).first(dot), ns);
}

// "20240101000000_A" for ".../20240101000000_A.cs" and ".../20240101000000_A.Designer.cs".
QString fileStem(const QString &path)
{
    QString stem = QFileInfo(path).fileName().chopped(3);
    if (stem.endsWith(u".Designer"_s, Qt::CaseInsensitive))
        stem.chop(9);
    return stem;
}

QString at(const QString &path, int line)
{
    return u"%1:%2"_s.arg(path, QString::number(line));
}

// One class, its partial declarations (usually Name.cs and Name.Designer.cs) merged.
struct SourceClass
{
    QString name;
    QStringList files; // in the order read
    QString firstAt; // file:line of its first declaration
    QStringList bases;
    bool isAbstract = false;
    QString condition; // #if on build symbols around a declaration (CSharpClass::condition)
    QList<QPair<CSharpAttribute, QString>> attributes; // with the file each is in
};

// A DbContext as [DbContext(typeof(...))] names it; grouped by simple name, since one file
// may write typeof(AppDbContext) and another typeof(global::Acme.Data.AppDbContext).
struct ContextIds
{
    QStringList spellings; // as written: "AppDbContext", "Acme.Data.AppDbContext"
    QStringList ids;
    QStringList snapshotFolders; // relative to the folder read
};

// The named contexts, matched as `dotnet ef --context` does (DbContextOperations): the
// simple or full name, case ignored unless that leaves more than one.
QStringList pickContexts(const QMap<QString, ContextIds> &contexts, const QString &wanted)
{
    const auto matching = [&](Qt::CaseSensitivity cs) {
        QStringList matches;
        for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
            if (it.key().compare(wanted, cs) == 0 || it->spellings.contains(wanted, cs))
                matches << it.key();
        }
        return matches;
    };
    const QStringList anyCase = matching(Qt::CaseInsensitive);
    if (anyCase.size() <= 1)
        return anyCase;
    const QStringList exact = matching(Qt::CaseSensitive);
    return exact.size() == 1 ? exact : anyCase;
}

QString contextList(const QMap<QString, ContextIds> &contexts)
{
    QStringList parts;
    for (auto it = contexts.cbegin(); it != contexts.cend(); ++it)
        parts << u"%1 (%2 migrations)"_s.arg(it.key(), QString::number(it->ids.size()));
    return parts.join(u", "_s);
}

} // namespace

namespace ExpectedMigrations {

ExpectedSet fromIdempotentScript(const QString &text, const QString &source)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::IdempotentScript;
    set.source = source;

    QList<Row> rows;
    QSet<QString> guarded; // ids in WHERE "MigrationId" = '...' guards
    bool deletes = false;
    bool inDelete = false;
    SqlLexer lx(text);
    for (Token t = lx.next(); t.type != Token::End; t = lx.next()) {
        if (isKeyword(t, u"INSERT")) {
            const SqlLexer afterInsert = lx;
            if (!readHistoryInsert(lx, rows))
                lx = afterInsert;
            inDelete = false;
        } else if (isKeyword(t, u"DELETE")) {
            const SqlLexer afterDelete = lx; // not the DELETE of ON DELETE CASCADE
            inDelete = isKeyword(lx.next(), u"FROM");
            lx = afterDelete;
        } else if (isSymbol(t, u';') || isKeyword(t, u"GO")) {
            inDelete = false;
        } else if (historyColumn(t) == HistoryColumn::Id) {
            const SqlLexer afterColumn = lx;
            const Token op = lx.next();
            const Token value = lx.next();
            if (isSymbol(op, u'=') && value.type == Token::String) {
                guarded.insert(stringValue(value.text));
                deletes = deletes || inDelete;
            } else {
                lx = afterColumn;
            }
        }
    }

    if (rows.isEmpty()) {
        set.error = deletes
            ? u"%1 only deletes rows from __EFMigrationsHistory (a rollback script?); the "
              "expected set needs the forward script from dotnet ef migrations script "
              "--idempotent"_s.arg(source)
            : u"no __EFMigrationsHistory inserts found in %1; is this an idempotent script "
              "from dotnet ef migrations script --idempotent?"_s.arg(source);
        return set;
    }
    for (const Row &row : std::as_const(rows)) {
        if (row.id.trimmed().isEmpty()) {
            set.error = u"%1:%2: empty MigrationId in a __EFMigrationsHistory insert; regenerate "
                        "the script with dotnet ef migrations script --idempotent"_s.arg(
                            source, QString::number(row.line));
            return set;
        }
        if (row.id.size() > MaxIdLength) {
            set.error = u"%1:%2: MigrationId is %3 characters long, but __EFMigrationsHistory "
                        "holds at most %4"_s.arg(source, QString::number(row.line),
                            QString::number(row.id.size()), QString::number(MaxIdLength));
            return set;
        }
        set.ids.append(row.id);
        guarded.remove(row.id);
    }
    sortUnique(set.ids);
    if (!guarded.isEmpty() && !deletes)
        set.warnings.append(u"%1: %2 guarded by IF NOT EXISTS but never inserted into the history "
                            "table; the script may be cut short or edited by hand"_s.arg(
                                source, listSome(guarded.values())));
    return set;
}

ExpectedSet fromMigrationsFolder(const QString &dir, const QString &dbContext)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::MigrationsFolder;
    set.source = dir;
    const QFileInfo info(dir);
    if (!info.isDir()) {
        set.error
            = u"%1 is not a folder; point to the project's EF Core Migrations folder"_s.arg(dir);
        return set;
    }
    if (!info.isReadable() || !info.isExecutable()) {
        set.error = u"cannot list %1; check that the folder is readable by this user"_s.arg(dir);
        return set;
    }

    FolderScan scan;
    walk(dir, 0, scan);
    const QDir root(dir);

    // Read every .cs file; merge the partial declarations of each class by its full name.
    QMap<QString, SourceClass> classes; // ordered: messages come out the same on every run
    static const QRegularExpression migrationLikeName(u"^\\d+_[^.]+(\\.Designer)?\\.cs\\z"_s);
    for (const QFileInfo &file : std::as_const(scan.sources)) {
        const SourceFile source = readSource(file);
        if (!source.error.isEmpty()) {
            set.error = source.error; // it may hold a migration: the set would be incomplete
            return set;
        }
        if (!source.warning.isEmpty())
            set.warnings.append(source.warning);
        if (source.classes.isEmpty() && source.warning.isEmpty()
            && migrationLikeName.match(file.fileName()).hasMatch())
            set.warnings.append(u"%1 is named like a migration but declares no class; not "
                                "counted"_s.arg(file.filePath()));
        for (const CSharpClass &c : source.classes) {
            SourceClass &merged = classes[c.fullName];
            if (merged.files.isEmpty()) {
                merged.name = c.name;
                merged.firstAt = at(file.filePath(), c.line);
            }
            merged.files.append(file.filePath());
            if (merged.bases.isEmpty())
                merged.bases = c.bases; // the base class comes first in its one base list
            merged.isAbstract = merged.isAbstract || c.isAbstract;
            if (merged.condition.isEmpty())
                merged.condition = c.condition;
            for (const CSharpAttribute &a : c.attributes)
                merged.attributes.append({ a, file.filePath() });
        }
    }
    if (scan.entries > MaxFolderEntries)
        set.warnings.append(u"%1 has more than %2 entries; stopped looking after that many"_s.arg(
            dir, QString::number(MaxFolderEntries)));

    // Classes deriving from Migration, directly or through the project's own base classes.
    QSet<QString> customBases;
    const auto derivesFromMigration = [&customBases](const SourceClass &c) {
        if (c.bases.isEmpty())
            return false;
        const QString &base = c.bases.first();
        return isEfType(base, u"Migration", u"Microsoft.EntityFrameworkCore.Migrations")
            || customBases.contains(CSharpClasses::simpleTypeName(base));
    };
    for (bool grew = true; grew;) {
        grew = false;
        for (const SourceClass &c : std::as_const(classes)) {
            if (!customBases.contains(c.name) && derivesFromMigration(c)) {
                customBases.insert(c.name);
                grew = true;
            }
        }
    }

    QMap<QString, ContextIds> contexts; // by simple name
    QHash<QString, QString> classOfId; // id -> file:line of the class that declares it
    // A file renamed by hand keeps its class's id; say so when its name claims another id,
    // unless the file also declares a migration of that id (several migrations in one file).
    QList<QPair<QString, QString>> misnamed; // (file, its class's id), in the order found
    QHash<QString, QSet<QString>> idsInFile; // file -> ids of the migrations declared in it
    for (auto it = classes.cbegin(); it != classes.cend(); ++it) {
        const SourceClass &c = it.value();
        const CSharpAttribute *migration = nullptr;
        const CSharpAttribute *context = nullptr;
        QString migrationFile;
        QString contextFile;
        for (const auto &[a, file] : c.attributes) {
            if (isEfAttribute(a, u"Migration", u"Microsoft.EntityFrameworkCore.Migrations")) {
                if (migration && migration->value != a.value) {
                    set.error = u"%1: class %2 has two [Migration] attributes (\"%3\" and, at "
                                "%4, \"%5\"); one of its files is a stale copy: remove it"_s.arg(
                                    at(migrationFile, migration->line), it.key(), migration->value,
                                    at(file, a.line), a.value);
                    return set;
                }
                if (migration)
                    set.warnings.append(u"%1: class %2 is declared again at %3 with the same "
                                        "[Migration(\"%4\")] (a copy?); counted once"_s.arg(
                                            at(migrationFile, migration->line), it.key(),
                                            at(file, a.line), a.value));
                migration = &a;
                migrationFile = file;
            } else if (isEfAttribute(
                           a, u"DbContext", u"Microsoft.EntityFrameworkCore.Infrastructure")) {
                context = &a;
                contextFile = file;
            }
        }
        const bool isSnapshot = !c.bases.isEmpty()
            && isEfType(c.bases.first(), u"ModelSnapshot",
                u"Microsoft.EntityFrameworkCore.Infrastructure");
        if (isSnapshot) {
            QString name = context && context->argument == CSharpAttribute::Argument::TypeOf
                ? CSharpClasses::simpleTypeName(context->value)
                : c.name.chopped(c.name.endsWith(u"ModelSnapshot"_s) ? 13 : 0);
            contexts[name].snapshotFolders.append(
                root.relativeFilePath(QFileInfo(c.files.first()).path()));
            continue;
        }
        if (!migration) {
            // EF Core logs MigrationAttributeMissingWarning and skips such a class.
            if (derivesFromMigration(c) && !c.isAbstract)
                set.warnings.append(
                    u"%1: class %2 derives from Migration but has no [Migration(\"<id>\")] "
                    "attribute, so EF Core skips it; not counted (is its .Designer.cs "
                    "missing?)"_s.arg(c.firstAt, c.name));
            continue;
        }
        if (migration->argument == CSharpAttribute::Argument::Number)
            continue; // FluentMigrator's [Migration(202401011200)]: not an EF Core migration
        const QString where = at(migrationFile, migration->line);
        if (migration->argument != CSharpAttribute::Argument::String) {
            set.error = u"%1: [Migration(%2)] does not give the MigrationId as a string literal, "
                        "which the doctor can only read from the compiled app; write the id "
                        "there, or use a manifest or an idempotent script"_s.arg(
                            where, migration->value.left(80));
            return set;
        }
        const QString id = migration->value;
        if (id.trimmed().isEmpty() || id.size() > MaxIdLength) {
            set.error = id.trimmed().isEmpty()
                ? u"%1: empty MigrationId in [Migration(\"\")]"_s.arg(where)
                : u"%1: MigrationId is %2 characters long, but __EFMigrationsHistory holds at "
                  "most %3; shorten the migration name"_s.arg(
                      where, QString::number(id.size()), QString::number(MaxIdLength));
            return set;
        }
        if (c.isAbstract) {
            set.warnings.append(u"%1: migration %2 is abstract; EF Core only applies classes it "
                                "can create; not counted"_s.arg(where, id));
            continue;
        }
        if (!context || context->argument != CSharpAttribute::Argument::TypeOf) {
            set.warnings.append(u"%1: migration %2 has no [DbContext(typeof(...))] attribute; "
                                "EF Core applies a migration only for the DbContext it names, "
                                "so it is never applied; not counted"_s.arg(where, id));
            continue;
        }
        if (const auto seen = classOfId.constFind(id); seen != classOfId.cend()) {
            set.warnings.append(u"%1: migration %2 is also declared at %3; counted once (EF Core "
                                "refuses two migrations with one id)"_s.arg(
                                    where, id, seen.value()));
        } else {
            classOfId.insert(id, where);
        }
        // Which symbols the build defines is in the project file and the build's command
        // line; counted (a pending one is never hidden), with a warning to check.
        if (!c.condition.isEmpty())
            set.warnings.append(u"%1: migration %2 is declared inside #if %3; counted, but the "
                                "app holds it only if the build defines that"_s.arg(
                                    c.firstAt, id, c.condition));
        ContextIds &ids = contexts[CSharpClasses::simpleTypeName(context->value)];
        if (!ids.spellings.contains(context->value))
            ids.spellings.append(context->value);
        ids.ids.append(id);
        QStringList files = c.files; // the main part's file first: the one people rename
        std::stable_partition(files.begin(), files.end(),
            [](const QString &f) { return !f.endsWith(u".Designer.cs"_s, Qt::CaseInsensitive); });
        for (const QString &file : std::as_const(files))
            idsInFile[file].insert(id);
        for (const QString &file : std::as_const(files)) {
            const QString stem = fileStem(file);
            if (stem != id && migrationLikeName.match(stem + u".cs"_s).hasMatch()) {
                misnamed.append({ file, id });
                break;
            }
        }
    }
    for (const auto &[file, id] : std::as_const(misnamed)) {
        if (!idsInFile.value(file).contains(fileStem(file)))
            set.warnings.append(u"%1: the file name differs from its class's "
                                "[Migration(\"%2\")]; EF Core records %2"_s.arg(file, id));
    }
    // The contexts asked for.
    QStringList chosen;
    QMap<QString, ContextIds> withIds;
    for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
        if (!it->ids.isEmpty())
            withIds.insert(it.key(), it.value());
    }
    if (dbContext.trimmed() == u"*") {
        chosen = withIds.keys();
    } else if (!dbContext.trimmed().isEmpty()) {
        chosen = pickContexts(withIds, dbContext.trimmed());
        if (chosen.size() > 1) {
            set.error = u"%1: the DbContext name %2 matches %3; write it with the case or the "
                        "namespace of one of them"_s.arg(dir, dbContext, chosen.join(u", "_s));
            return set;
        }
        if (chosen.isEmpty() && !withIds.isEmpty()) {
            set.error = u"%1 holds no migrations of a DbContext named %2; it holds "
                        "migrations of %3"_s.arg(dir, dbContext, contextList(withIds));
            return set;
        }
    } else if (withIds.size() > 1) {
        set.error = u"%1 holds migrations of %2 DbContexts: %3. Name the DbContext whose "
                    "history this database keeps (dbContext: in the environments file, "
                    "--context for doctor run; \"*\" if they share one history table), or "
                    "point to one context's folder"_s.arg(
                        dir, QString::number(withIds.size()), contextList(withIds));
        return set;
    } else {
        chosen = withIds.keys();
    }

    // Two snapshots of one DbContext: one migrations set per database provider, and only
    // one of them applies to this database.
    for (const QString &name : std::as_const(chosen)) {
        QStringList folders = contexts.value(name).snapshotFolders;
        if (folders.size() > 1) {
            folders.sort();
            set.error = u"%1 holds %2 model snapshots of %3 (in %4), usually one migrations set "
                        "per database provider; point to the folder of the provider this "
                        "database uses"_s.arg(dir, QString::number(folders.size()), name,
                            folders.join(u", "_s));
            return set;
        }
    }
    for (const QString &name : std::as_const(chosen))
        set.ids += contexts.value(name).ids;
    set.dbContext = chosen.join(u", "_s);
    if (set.ids.isEmpty()) {
        set.error = u"no EF Core migrations found in %1 (looked for classes with a "
                    "[Migration(\"<id>\")] attribute in .cs files, also in subfolders); point "
                    "to the project's Migrations folder"_s.arg(dir);
        return set;
    }
    sortUnique(set.ids);
    return set;
}

ExpectedSet fromManifest(const QString &text, const QString &source)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::Manifest;
    set.source = source;
    QHash<QString, int> firstLine;
    QStringList problems;
    const QStringList lines = withoutBom(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int line = int(i + 1);
        QStringView entry = lines[i];
        if (const qsizetype hash = entry.indexOf(u'#'); hash >= 0)
            entry = entry.first(hash);
        entry = entry.trimmed();
        if (entry.isEmpty())
            continue;
        const QString id = entry.toString();
        // Separators of pasted tool output (psql tables, CSV, `migrations list`) cannot be
        // part of an EF Core MigrationId, which is a timestamp and a C# class name.
        const auto separator = std::find_if(id.cbegin(), id.cend(),
            [](QChar c) { return c.isSpace() || QStringView(u",;|'\"`").contains(c); });
        if (separator != id.cend()) {
            const QString what = separator->isSpace() ? u"spaces"_s : u"'%1'"_s.arg(*separator);
            problems.append(u"%1:%2: \"%3\" is not a MigrationId (it contains %4); write one "
                            "MigrationId per line, comments after #"_s.arg(
                                source, QString::number(line), id.left(80), what));
        } else if (id.size() > MaxIdLength) {
            problems.append(u"%1:%2: MigrationId is %3 characters long, but __EFMigrationsHistory "
                            "holds at most %4"_s.arg(source, QString::number(line),
                                QString::number(id.size()), QString::number(MaxIdLength)));
        } else if (const auto first = firstLine.constFind(id); first != firstLine.cend()) {
            set.warnings.append(u"%1:%2: %3 is listed again (first on line %4); counted once"_s.arg(
                source, QString::number(line), id, QString::number(first.value())));
        } else {
            firstLine.insert(id, line);
            set.ids.append(id);
        }
    }
    if (!problems.isEmpty()) {
        set.error = problems.first();
        if (problems.size() > 1)
            set.error += u" (and %1 more such lines)"_s.arg(problems.size() - 1);
        set.ids.clear();
        return set;
    }
    if (set.ids.isEmpty()) {
        set.error = u"%1 lists no MigrationIds; write one per line, e.g. "
                    "20240115093000_InitialCreate"_s.arg(source);
        return set;
    }
    sortUnique(set.ids);
    return set;
}

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
    if (info.isDir())
        return fromMigrationsFolder(path, dbContext);
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
    return looksLikeScript(file.text, path) ? fromIdempotentScript(file.text, path)
                                            : fromManifest(file.text, path);
}

FolderEntry classifyFolderEntry(const QString &name, bool isDir)
{
    if (name.isEmpty() || name.startsWith(u'.'))
        return FolderEntry::Ignored; // hidden (QDir leaves these out already), "." and ".."
    if (isDir) {
        // Build output holds copies of the migrations.
        static const QStringList skipped = { u"bin"_s, u"obj"_s, u"node_modules"_s };
        return skipped.contains(name, Qt::CaseInsensitive) ? FolderEntry::Ignored
                                                           : FolderEntry::Folder;
    }
    // Any name: EF Core finds migrations by their attributes, and files get renamed.
    return name.endsWith(u".cs"_s, Qt::CaseInsensitive) ? FolderEntry::Source
                                                        : FolderEntry::Ignored;
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
    case ExpectedSet::Kind::None:
        break;
    }
    return u"none"_s;
}

} // namespace ExpectedMigrations
