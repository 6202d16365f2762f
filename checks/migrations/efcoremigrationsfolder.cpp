// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ExpectedMigrations::fromMigrationsFolder(): which classes of a source tree EF Core takes
// for migrations, of which DbContext, as MigrationsAssembly does; the DbContext chosen.

#include "migrations/csharpsourcetree_p.h"
#include "migrations/expectedmigrations.h"
#include "migrations/expectedmigrations_p.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ExpectedMigrationsPrivate;

namespace {

using CSharpSourceTree::location;
using SourceClass = CSharpSourceTree::Class;

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

bool ExpectedMigrationsPrivate::isMigrationFileName(const QString &fileName)
{
    static const QRegularExpression migrationLikeName(u"^\\d+_[^.]+(\\.Designer)?\\.cs\\z"_s);
    return migrationLikeName.match(fileName).hasMatch();
}

ExpectedSet ExpectedMigrations::fromMigrationsFolder(const QString &dir, const QString &dbContext)
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

    QMap<QString, SourceClass> classes; // ordered: messages come out the same on every run
    if (!CSharpSourceTree::read(dir, &classes, &set))
        return set;
    const QDir root(dir);

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
                                    location(migrationFile, migration->line), it.key(),
                                    migration->value, location(file, a.line), a.value);
                    return set;
                }
                if (migration)
                    set.warnings.append(u"%1: class %2 is declared again at %3 with the same "
                                        "[Migration(\"%4\")] (a copy?); counted once"_s.arg(
                                            location(migrationFile, migration->line), it.key(),
                                            location(file, a.line), a.value));
                migration = &a;
                migrationFile = file;
            } else if (isEfAttribute(
                           a, u"DbContext", u"Microsoft.EntityFrameworkCore.Infrastructure")) {
                context = &a;
                contextFile = file;
            }
        }
        const bool isSnapshot = !c.bases.isEmpty()
            && isEfType(
                c.bases.first(), u"ModelSnapshot", u"Microsoft.EntityFrameworkCore.Infrastructure");
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
        const QString where = location(migrationFile, migration->line);
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
            set.warnings.append(
                u"%1: migration %2 is also declared at %3; counted once (EF Core "
                "refuses two migrations with one id)"_s.arg(where, id, seen.value()));
        } else {
            classOfId.insert(id, where);
        }
        // Which symbols the build defines is in the project file and the build's command
        // line; counted (a pending one is never hidden), with a warning to check.
        if (!c.condition.isEmpty())
            set.warnings.append(
                u"%1: migration %2 is declared inside #if %3; counted, but the "
                "app holds it only if the build defines that"_s.arg(c.firstAt, id, c.condition));
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
            if (stem != id && isMigrationFileName(stem + u".cs"_s)) {
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
                        "database uses"_s.arg(
                            dir, QString::number(folders.size()), name, folders.join(u", "_s));
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
