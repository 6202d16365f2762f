#include "expectedmigrations.h"

#include "sqllexer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
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

// After INSERT: [INTO] name[.name...] ("MigrationId", "ProductVersion") VALUES ('id', 'v')[, ...]
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
    if (!isSymbol(t, u'(') || !isColumn(lx.next(), u"MigrationId") || !isSymbol(lx.next(), u',')
        || !isColumn(lx.next(), u"ProductVersion") || !isSymbol(lx.next(), u')')
        || !isKeyword(lx.next(), u"VALUES"))
        return false;
    QList<Row> found;
    for (;;) {
        const Token open = lx.next();
        const Token id = lx.next();
        if (!isSymbol(open, u'(') || id.type != Token::String || !isSymbol(lx.next(), u',')
            || lx.next().type != Token::String || !isSymbol(lx.next(), u')'))
            return false;
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
};

// Reads at most MAXBYTES; UTF-16/32 with a BOM (PowerShell's `>` writes UTF-16) or UTF-8.
FileText readText(const QString &path, qint64 maxBytes, bool truncate = false)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return { {},
            u"cannot read %1 (%2); check that it is readable by this user"_s.arg(
                path, file.errorString()) };
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes && truncate)
        bytes.truncate(maxBytes);
    else if (bytes.size() > maxBytes)
        return { {}, tooLarge(path) };
    const auto encoding = QStringConverter::encodingForData(bytes);
    QStringDecoder decode(encoding.value_or(QStringConverter::Utf8));
    QString text = decode(bytes);
    if (text.contains(QChar(0)))
        return { {},
            u"%1 is a binary file; point to a Migrations folder, an idempotent script "
            "(.sql) or a manifest of MigrationIds"_s.arg(path) };
    return { text, {} };
}

// A manifest may mention the table in a '#' comment; that alone does not make it SQL.
bool looksLikeScript(const QString &text, const QString &path)
{
    if (path.endsWith(u".sql"_s, Qt::CaseInsensitive))
        return true;
    static const QRegularExpression insertColumns(
        uR"(\(\s*["\[]?MigrationId["\]]?\s*,\s*["\[]?ProductVersion["\]]?\s*\))"_s,
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
    QList<QFileInfo> migrations;
    QList<QFileInfo> snapshots;
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
        case FolderEntry::ModelSnapshot:
            scan.snapshots.append(entry);
            break;
        case FolderEntry::Migration:
            scan.migrations.append(entry);
            break;
        case FolderEntry::Ignored:
            break;
        }
    }
}

// The attributes sit near the top of generated files; their model part can be megabytes.
QString fileHead(const QString &path)
{
    return readText(path, 64 * 1024, true).text;
}

QString firstCapture(const QString &text, const QRegularExpression &re)
{
    return re.match(text).captured(1);
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
        } else if (isColumn(t, u"MigrationId")) {
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

ExpectedSet fromMigrationsFolder(const QString &dir)
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

    // One snapshot per DbContext is normal; two for the same DbContext means one migrations
    // set per database provider, and only one of them applies to this database.
    static const QRegularExpression dbContext(uR"(\[DbContext\(typeof\(\s*([\w.]+)\s*\)\)\])"_s);
    QHash<QString, QStringList> snapshotFolders;
    for (const QFileInfo &snapshot : std::as_const(scan.snapshots)) {
        QString context = firstCapture(fileHead(snapshot.filePath()), dbContext);
        if (context.isEmpty())
            context = snapshot.fileName().chopped(u"ModelSnapshot.cs"_s.size());
        snapshotFolders[context].append(root.relativeFilePath(snapshot.path()));
    }
    for (auto it = snapshotFolders.cbegin(); it != snapshotFolders.cend(); ++it) {
        if (it.value().size() > 1) {
            QStringList folders = it.value();
            folders.sort();
            set.error = u"%1 holds %2 model snapshots of %3 (in %4), usually one migrations set "
                        "per database provider; point to the folder of the provider this "
                        "database uses"_s.arg(
                            dir, QString::number(folders.size()), it.key(), folders.join(u", "_s));
            return set;
        }
    }
    if (snapshotFolders.size() > 1) {
        QStringList contexts = snapshotFolders.keys();
        contexts.sort();
        set.warnings.append(
            u"%1 holds migrations of %2 DbContexts (%3); all are expected in one "
            "history table; point to one context's folder if they use separate "
            "history tables"_s.arg(dir, QString::number(contexts.size()), contexts.join(u", "_s)));
    }

    static const QRegularExpression migrationAttribute(
        uR"re(\[Migration\(\s*"([^"]+)"\s*\)\])re"_s);
    QHash<QString, QString> fileOfId;
    for (const QFileInfo &file : std::as_const(scan.migrations)) {
        QString id = file.completeBaseName();
        // EF Core records the attribute's id; a renamed file keeps its old id.
        const QString designer = file.path() + u'/' + id + u".Designer.cs"_s;
        const QString attributeId = QFileInfo::exists(designer)
            ? firstCapture(fileHead(designer), migrationAttribute)
            : QString();
        if (!attributeId.isEmpty() && attributeId != id) {
            set.warnings.append(
                u"%1: [Migration(\"%2\")] in its Designer.cs differs from the "
                "file name; EF Core records %2"_s.arg(file.filePath(), attributeId));
            id = attributeId;
        }
        if (id.size() > MaxIdLength) {
            set.error = u"%1: MigrationId is %2 characters long, but __EFMigrationsHistory "
                        "holds at most %3; shorten the migration name"_s.arg(file.filePath(),
                            QString::number(id.size()), QString::number(MaxIdLength));
            return set;
        }
        if (fileOfId.contains(id))
            set.warnings.append(u"%1: migration %2 is also in %3; counted once"_s.arg(
                file.filePath(), id, fileOfId.value(id)));
        else
            fileOfId.insert(id, file.filePath());
        set.ids.append(id);
    }
    if (scan.entries > MaxFolderEntries)
        set.warnings.append(u"%1 has more than %2 entries; stopped looking after that many"_s.arg(
            dir, QString::number(MaxFolderEntries)));
    if (set.ids.isEmpty()) {
        set.error
            = u"no EF Core migrations found in %1 (looked for <14-digit timestamp>_<Name>.cs, "
              "also in subfolders); point to the project's Migrations folder"_s.arg(dir);
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

ExpectedSet load(const QString &path)
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
        return fromMigrationsFolder(path);
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
    if (name.endsWith(u"ModelSnapshot.cs"_s))
        return FolderEntry::ModelSnapshot;
    // \z, not $: '$' also matches before a final line break, which a file name can hold.
    static const QRegularExpression migrationFile(u"^\\d{14}_[^.]+\\.cs\\z"_s);
    return migrationFile.match(name).hasMatch() ? FolderEntry::Migration : FolderEntry::Ignored;
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
