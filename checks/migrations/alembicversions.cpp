// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// AlembicVersions: where an Alembic project keeps its revision scripts (alembic.ini), which
// files Alembic reads, and the revision graph it builds from them.

#include "migrations/alembicversions.h"

#include "migrations/expectedmigrations_p.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace ExpectedMigrationsPrivate;

namespace {

// The [alembic] section of alembic.ini, as configparser reads it: `key = value` or
// `key: value`, continuation lines indented, '#'/';' comment lines. Hand-read because
// QSettings' IniFormat gives '%', '\' and quotes meanings configparser does not.
QHash<QString, QString> alembicSection(const QString &text)
{
    QHash<QString, QString> values;
    bool inSection = false;
    QString lastKey;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.endsWith(u'\r') ? raw.chopped(1) : raw;
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(u'#') || t.startsWith(u';'))
            continue;
        if (t.startsWith(u'[')) {
            inSection = t == u"[alembic]";
            lastKey.clear();
            continue;
        }
        if (!inSection)
            continue;
        if (line.front().isSpace() && !lastKey.isEmpty()) {
            values[lastKey] += u'\n' + t;
            continue;
        }
        const qsizetype sep = t.indexOf(QRegularExpression(u"[=:]"_s));
        if (sep <= 0)
            continue;
        lastKey = t.first(sep).trimmed().toLower();
        values.insert(lastKey, t.sliced(sep + 1).trimmed());
    }
    return values;
}

QStringList foldersFromIni(const QString &dir)
{
    const FileText ini = readText(QDir(dir).filePath(u"alembic.ini"_s), 1024 * 1024);
    if (!ini.error.isEmpty())
        return {};
    const QHash<QString, QString> section = alembicSection(ini.text);
    auto resolve = [&](QString value) {
        value.replace(u"%(here)s"_s, dir);
        return QDir(dir).absoluteFilePath(value.trimmed());
    };
    if (const QString locations = section.value(u"version_locations"_s); !locations.isEmpty()) {
        // The first word: the template's own line carries a comment after it.
        const QString separator
            = section.value(u"path_separator"_s, section.value(u"version_path_separator"_s))
                  .section(u' ', 0, 0);
        static const QHash<QString, QString> chars
            = { { u"space"_s, u" "_s }, { u"newline"_s, u"\n"_s }, { u"os"_s, u":"_s },
                  { u":"_s, u":"_s }, { u";"_s, u";"_s } };
        const QStringList parts = chars.contains(separator)
            ? locations.split(chars.value(separator), Qt::SkipEmptyParts)
            : locations.split(QRegularExpression(u", *| +|\n"_s), Qt::SkipEmptyParts);
        QStringList folders;
        for (const QString &part : parts)
            if (!part.trimmed().isEmpty())
                folders.append(resolve(part));
        return folders;
    }
    const QString script = section.value(u"script_location"_s);
    if (script.isEmpty() || (script.contains(u':') && !QFileInfo(resolve(script)).isDir()))
        return {}; // none, or a package resource ("myapp:migrations")
    return { QDir(resolve(script)).filePath(u"versions"_s) };
}

// The revisions in topological order from the bases; empty when there is a cycle.
QStringList topologicalOrder(const QStringList &revisions,
    const QHash<QString, QStringList> &parents, const QHash<QString, qsizetype> &place)
{
    QHash<QString, int> waiting; // revision -> parents not yet placed
    QHash<QString, QStringList> children;
    for (const QString &rev : revisions) {
        const QStringList &ps = parents.value(rev);
        waiting.insert(rev, int(QSet<QString>(ps.cbegin(), ps.cend()).size()));
        for (const QString &p : QSet<QString>(ps.cbegin(), ps.cend()))
            children[p].append(rev);
    }
    auto byPlace = [&](const QString &a, const QString &b) { return place[a] > place[b]; };
    QStringList ready; // a heap, the revision whose file comes first on top
    for (const QString &rev : revisions)
        if (waiting[rev] == 0)
            ready.append(rev);
    std::make_heap(ready.begin(), ready.end(), byPlace);
    QStringList order;
    while (!ready.isEmpty()) {
        std::pop_heap(ready.begin(), ready.end(), byPlace);
        const QString rev = ready.takeLast();
        order.append(rev);
        for (const QString &child : children.value(rev)) {
            if (--waiting[child] == 0) {
                ready.append(child);
                std::push_heap(ready.begin(), ready.end(), byPlace);
            }
        }
    }
    return order.size() == revisions.size() ? order : QStringList();
}

} // namespace

namespace AlembicVersions {

QStringList versionFolders(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return {};
    const QDir dir(path);
    if (info.fileName() == u"versions"
        && !dir.entryList({ u"*.py"_s }, QDir::Files | QDir::Hidden).isEmpty())
        return { path };
    if (dir.exists(u"alembic.ini"_s))
        return foldersFromIni(path);
    if (QFileInfo(dir.filePath(u"env.py"_s)).isFile()
        && QFileInfo(dir.filePath(u"versions"_s)).isDir())
        return { dir.filePath(u"versions"_s) };
    return {};
}

ExpectedSet fromScripts(const QList<AlembicScript> &scripts, const QString &source)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::ToolSource;
    set.tool = MigrationTool::Alembic;
    set.source = source;
    auto fail = [&](const QString &error) {
        set.error = error;
        set.ids.clear();
        set.parents.clear();
        return set;
    };
    static const QRegularExpression legacyName(u"^([a-f0-9]+)\\.py$"_s);
    QHash<QString, const AlembicScript *> byRevision;
    QHash<QString, qsizetype> place;
    QStringList revisions;
    for (qsizetype k = 0; k < scripts.size(); ++k) {
        const AlembicScript &script = scripts[k];
        if (!script.error.isEmpty())
            return fail(script.error);
        QString revision = script.revision;
        if (revision.isEmpty()) {
            const auto legacy = legacyName.match(QFileInfo(script.file).fileName());
            if (!legacy.hasMatch())
                return fail(u"%1: no module-level `revision = '...'` assignment; Alembic "
                            "cannot determine its revision id"_s.arg(script.file));
            revision = legacy.captured(1);
        }
        if (!script.hasDownRevision)
            return fail(u"%1: no module-level `down_revision = ...` assignment (None for a "
                        "first revision); Alembic cannot load it"_s.arg(script.file));
        if (const auto seen = byRevision.constFind(revision); seen != byRevision.cend()) {
            set.warnings.append(
                u"%1:%2: revision %3 is present more than once (also in %4); "
                "Alembic keeps this one"_s.arg(script.file, QString::number(script.revisionLine),
                    revision, seen.value()->file));
        } else {
            revisions.append(revision);
        }
        byRevision.insert(revision, &script);
        place.insert(revision, k);
        set.parents.insert(revision, script.downRevisions);
    }
    if (revisions.isEmpty())
        return fail(u"%1 holds no Alembic revision scripts (*.py with `revision = ...`); "
                    "point to the project's versions/ folder"_s.arg(source));
    for (const QString &revision : std::as_const(revisions)) {
        const AlembicScript *script = byRevision.value(revision);
        for (const QString &down : std::as_const(script->downRevisions))
            if (!byRevision.contains(down))
                return fail(u"%1:%2: down_revision %3 names no revision in %4 (Alembic: "
                            "\"Revision %3 referenced from %5 is not present\"); restore its "
                            "script or correct down_revision"_s.arg(script->file,
                                QString::number(script->downRevisionLine), down, source, revision));
    }
    set.ids = topologicalOrder(revisions, set.parents, place);
    if (set.ids.isEmpty())
        return fail(u"%1: the down_revision links form a cycle; Alembic refuses it (\"Cycle "
                    "is detected in revisions\")"_s.arg(source));
    QSet<QString> hasChild;
    for (const QString &revision : std::as_const(revisions))
        for (const QString &down : set.parents.value(revision))
            hasChild.insert(down);
    QStringList heads;
    for (const QString &revision : std::as_const(set.ids))
        if (!hasChild.contains(revision))
            heads.append(u"%1 (%2)"_s.arg(revision, byRevision.value(revision)->file));
    if (heads.size() > 1)
        set.warnings.append(
            u"%1 has %2 heads: %3; `alembic upgrade head` refuses several "
            "heads: join them with `alembic merge heads`, or upgrade to "
            "`heads`"_s.arg(source, QString::number(heads.size()), heads.join(u", "_s)));
    return set;
}

ExpectedSet read(const QString &path)
{
    const QStringList folders = versionFolders(path);
    if (folders.isEmpty()) {
        ExpectedSet set = fromScripts({}, path);
        set.error = u"%1 is not an Alembic project: no versions/ folder, alembic.ini or "
                    "env.py; point to the folder holding the revision scripts"_s.arg(path);
        return set;
    }
    QList<AlembicScript> scripts;
    static const QRegularExpression sourceFile(u"^(?!\\.#|__init__).*\\.py$"_s);
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists()) {
            ExpectedSet set = fromScripts({}, path);
            set.error = u"%1 does not exist; check script_location and version_locations in "
                        "%2"_s.arg(folder, QDir(path).filePath(u"alembic.ini"_s));
            return set;
        }
        // Alembic lists a folder's files sorted by name (ScriptDirectory._list_py_dir).
        const QStringList names = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
        for (const QString &name : names) {
            if (!sourceFile.match(name).hasMatch())
                continue;
            const QString file = dir.filePath(name);
            const FileText text = readText(file, ExpectedMigrations::MaxFileBytes);
            if (!text.error.isEmpty()) {
                ExpectedSet set = fromScripts({}, path);
                set.error = text.error;
                return set;
            }
            scripts.append(AlembicScript::parse(text.text, file));
        }
    }
    return fromScripts(scripts, folders.size() == 1 ? folders.first() : path);
}

} // namespace AlembicVersions
