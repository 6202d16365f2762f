// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// LiquibaseChangelog::read(): follows a master changelog's include and includeAll entries,
// and names each changeset's file as DATABASECHANGELOG records it.

#include "migrations/liquibasechangelog.h"

#include "migrations/expectedmigrations_p.h"
#include "migrations/liquibasechangelogparser.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ExpectedMigrationsPrivate;
using Entry = LiquibaseChangelogFile::Entry;

namespace {

// Bounds on what one master changelog may pull in; beyond them the tree is not a plausible
// set of migrations (and a link farm could make the walk endless).
constexpr int MaxFiles = 20000;
constexpr int MaxDepth = 100;
// How far above the master's folder Liquibase's search path is looked for: Spring Boot's
// db/changelog/ below src/main/resources/ is two levels, a versioned subfolder three.
constexpr int MaxSearchUp = 6;

// What Liquibase's DatabaseChangeLog.normalizePath() does to a path it records.
QString normalized(QString path)
{
    if (path.startsWith(u"classpath:"))
        path.remove(0, 10);
    path.replace(u'\\', u'/');
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    path = QDir::cleanPath(path);
    return path == u"." ? QString() : path;
}

struct Changeset
{
    QString file; // absolute path of the changelog holding it
    QString logicalFilePath; // the one that applies, if any
    QString id;
    QString author;
    QString where; // FILE:LINE
};

class Walker
{
public:
    explicit Walker(const QString &master)
        : masterDir(QFileInfo(master).absolutePath())
    { }

    // Reads FILE (absolute) and what it includes. INCLUDELOGICAL: the including entry's
    // logicalFilePath; ANCESTORLOGICAL: the nearest including changelog's own. FROM: the
    // including entry's FILE:LINE, empty for the master. UNKNOWNSKIPPED: includeAll's
    // leniency towards files of no changelog format.
    bool readFile(const QString &file, const QString &includeLogical,
        const QString &ancestorLogical, const QString &from, bool unknownSkipped)
    {
        if (stack.contains(file)) {
            QStringList chain = stack.mid(stack.indexOf(file));
            chain.append(file);
            return fail(u"%1: including %2 makes a cycle (%3); remove one of these "
                        "includes"_s.arg(from, file, chain.join(u" -> "_s)));
        }
        if (stack.size() >= MaxDepth || ++files > MaxFiles)
            return fail(u"%1: includes nest deeper than %2 levels or reach more than %3 files; "
                        "is a folder included into itself?"_s.arg(
                            from, QString::number(MaxDepth), QString::number(MaxFiles)));
        // The extension tells the format (only .sql needs the text): other files are not read.
        const bool known
            = LiquibaseChangelogFile::formatOf(file, {}) != LiquibaseChangelogFile::Format::Unknown;
        if (!known && unknownSkipped) {
            set.warnings.append(u"%1: %2 is not a changelog format Liquibase reads; includeAll "
                                "skips it"_s.arg(from, file));
            return true;
        }
        const FileText text = known ? readText(file, ExpectedMigrations::MaxFileBytes) : FileText();
        if (!text.error.isEmpty())
            return fail(from.isEmpty() ? text.error : u"%1: %2"_s.arg(from, text.error));
        const auto format = LiquibaseChangelogFile::formatOf(file, text.text);
        const LiquibaseChangelogFile parsed
            = LiquibaseChangelogFile::parse(withoutBom(text.text), file, format);
        set.warnings += parsed.warnings;
        if (!parsed.error.isEmpty())
            return fail(
                from.isEmpty() ? parsed.error : u"%1 (included at %2)"_s.arg(parsed.error, from));
        const bool raw = format == LiquibaseChangelogFile::Format::RawSql;
        const QString inherited = includeLogical.isEmpty() ? ancestorLogical : includeLogical;
        const QString childAncestor
            = parsed.logicalFilePath.isEmpty() ? ancestorLogical : parsed.logicalFilePath;
        stack.append(file);
        for (const Entry &e : parsed.entries) {
            const QString where = u"%1:%2"_s.arg(file, QString::number(e.line));
            if (e.kind == Entry::Kind::ChangeSet) {
                QString logical = e.logicalFilePath;
                if (logical.isEmpty())
                    logical = parsed.logicalFilePath;
                if (logical.isEmpty() && !raw)
                    logical = inherited;
                changesets.append(Changeset { file, logical, e.id, e.author, where });
                continue;
            }
            const QString target = resolve(file, e, where);
            if (!error.isEmpty())
                return false;
            if (target.isEmpty())
                continue; // missing, and allowed to be
            if (e.kind == Entry::Kind::Include) {
                if (!readFile(target, e.logicalFilePath, childAncestor, where, false))
                    return false;
                continue;
            }
            const QStringList found = listFolder(target, where);
            if (!error.isEmpty())
                return false;
            if (found.isEmpty() && e.errorIfMissing)
                return fail(u"%1: includeAll folder %2 holds no files; Liquibase refuses an "
                            "empty includeAll (errorIfMissingOrEmpty)"_s.arg(where, target));
            for (const QString &f : found)
                if (!readFile(f, e.logicalFilePath, childAncestor, where, true))
                    return false;
        }
        stack.removeLast();
        return true;
    }

    // The path Liquibase records for FILE.
    QString recorded(const QString &file) const
    {
        return normalized(QDir(root.isEmpty() ? masterDir : root).relativeFilePath(file));
    }

    ExpectedSet set;
    QString error;
    QList<Changeset> changesets;

private:
    bool fail(const QString &why)
    {
        error = why;
        return false;
    }

    // An include's file or includeAll's folder as an absolute path; empty when it is
    // missing and allowed to be (a warning), or on error (set).
    QString resolve(const QString &file, const Entry &e, const QString &where)
    {
        const bool all = e.kind == Entry::Kind::IncludeAll;
        const QString path = normalized(e.path);
        auto exists = [all](const QString &p) {
            const QFileInfo info(p);
            return all ? info.isDir() : info.isFile();
        };
        QString target;
        QString lookedIn;
        if (e.relativeToChangelogFile) {
            target = QDir::cleanPath(QFileInfo(file).absoluteDir().filePath(path));
            lookedIn = QFileInfo(file).absolutePath();
        } else if (!root.isEmpty()) {
            target = QDir::cleanPath(QDir(root).filePath(path));
            lookedIn = root;
        } else {
            // The search path: the nearest folder, from the master's up, that has the file.
            // Never the file system's root: an absolute include path has lost its '/'.
            QDir dir(masterDir);
            for (int up = 0; up <= MaxSearchUp && !dir.isRoot(); ++up) {
                if (exists(dir.filePath(path))) {
                    root = dir.absolutePath();
                    target = QDir::cleanPath(dir.filePath(path));
                    break;
                }
                if (!dir.cdUp())
                    break;
            }
            lookedIn = u"%1 and %2 folders above it"_s.arg(masterDir, QString::number(MaxSearchUp));
        }
        if (!target.isEmpty() && exists(target))
            return target;
        const QString what = all ? u"includeAll folder"_s : u"included file"_s;
        const QString message
            = u"%1: %2 %3 not found (looked in %4)"_s.arg(where, what, e.path, lookedIn);
        if (!e.errorIfMissing) {
            set.warnings.append(message + u"; skipped, as errorIfMissing is false"_s);
            return {};
        }
        error = message
            + (e.relativeToChangelogFile
                    ? u"; check the path, relative to the including changelog"_s
                    : u"; check the path, relative to Liquibase's search path (set "
                      "relativeToChangelogFile=\"true\" for a path relative to the "
                      "including changelog)"_s);
        return {};
    }

    // includeAll: every file below FOLDER, sorted by the path Liquibase records.
    // Symbolic links to folders are not followed; more than MaxFiles entries is an error.
    QStringList listFolder(const QString &folder, const QString &where)
    {
        QStringList found;
        QDirIterator it(
            folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        for (int visited = 0; it.hasNext(); ++visited) {
            const QFileInfo info = it.nextFileInfo();
            if (visited >= MaxFiles) {
                fail(u"%1: includeAll folder %2 holds more than %3 entries; is it the "
                     "changelog folder?"_s.arg(where, folder, QString::number(MaxFiles)));
                return {};
            }
            if (info.isFile())
                found.append(info.absoluteFilePath());
        }
        std::sort(found.begin(), found.end());
        return found;
    }

    QString masterDir;
    QString root; // the inferred search path; empty until a non-relative include needs it
    QStringList stack;
    int files = 0;
};

} // namespace

namespace LiquibaseChangelog {

bool isChangelog(const QString &text)
{
    return LiquibaseChangelogFile::looksLikeChangelog(text);
}

ExpectedSet read(const QString &path)
{
    Walker walker(path);
    ExpectedSet &set = walker.set;
    set.kind = ExpectedSet::Kind::ToolSource;
    set.tool = MigrationTool::Liquibase;
    set.source = path;
    if (!walker.readFile(QFileInfo(path).absoluteFilePath(), {}, {}, {}, false)) {
        ExpectedSet failed = set;
        failed.error = walker.error;
        return failed;
    }
    QSet<QString> seen;
    for (const Changeset &c : std::as_const(walker.changesets)) {
        const QString file
            = c.logicalFilePath.isEmpty() ? walker.recorded(c.file) : normalized(c.logicalFilePath);
        const QString id = u"%1::%2::%3"_s.arg(file, c.id, c.author);
        if (seen.contains(id)) {
            set.warnings.append(u"%1: changeset %2 is declared again; Liquibase's validation "
                                "refuses duplicate identities"_s.arg(c.where, id));
            continue;
        }
        seen.insert(id);
        set.ids.append(id);
    }
    if (set.ids.isEmpty())
        set.error = u"%1 and its includes declare no changesets; point to the master "
                    "changelog"_s.arg(path);
    return set;
}

} // namespace LiquibaseChangelog
