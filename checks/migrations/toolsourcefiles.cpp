// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSourceFiles: the folder listing, file reading and decimal versions the readers of
// toolsources.h share.

#include "migrations/toolsourcefiles_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace ToolSourceFiles {

ExpectedSet start(const QString &dir, MigrationTool tool)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::ToolSource;
    set.tool = tool;
    set.source = dir;
    return set;
}

namespace {

QStringList names(const QString &dir, QDir::Filters filter)
{
    QStringList found = QDir(dir).entryList(filter | QDir::NoDotAndDotDot, QDir::Name);
    found.removeIf([](const QString &name) { return name.startsWith(u'.'); });
    std::sort(found.begin(), found.end()); // QDir::Name may follow the locale
    return found;
}

bool skippedFolder(const QFileInfo &entry)
{
    // Build output (Maven's target/, Gradle's build/, .NET's bin/ and obj/ hold copies of
    // the scripts) and dependencies (node_modules/, vendor/ with bundled gems, site-packages/).
    static const QSet<QString> skipped = { u"bin"_s, u"obj"_s, u"node_modules"_s, u"__pycache__"_s,
        u"site-packages"_s, u"target"_s, u"build"_s, u"vendor"_s };
    return entry.fileName().startsWith(u'.') || skipped.contains(entry.fileName())
        || entry.isSymLink() // could loop back to an ancestor
        || QFileInfo::exists(entry.filePath() + u"/pyvenv.cfg"_s);
}

void walk(const QDir &root, const QString &dir, int depth, int *entries, QStringList *files,
    ExpectedSet *set)
{
    const QFileInfoList list = QDir(dir).entryInfoList(
        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo &entry : list) {
        if (++*entries > MaxEntries) {
            set->warnings << u"%1 holds more than %2 entries; read only the first"_s.arg(
                root.path(), QString::number(MaxEntries));
            return;
        }
        if (entry.isDir()) {
            if (skippedFolder(entry))
                continue;
            if (depth >= MaxDepth) {
                set->warnings << u"%1 is more than %2 folders deep; not read"_s.arg(
                    entry.filePath(), QString::number(MaxDepth));
                continue;
            }
            walk(root, entry.filePath(), depth + 1, entries, files, set);
            if (*entries > MaxEntries)
                return;
        } else if (!entry.fileName().startsWith(u'.')) {
            // Both absolute: QDir::relativeFilePath() of a relative folder and file (doctor
            // run --expected db/migrations) would give the path unchanged, read twice over.
            files->append(root.relativeFilePath(entry.absoluteFilePath()));
        }
    }
}

} // namespace

QStringList fileNames(const QString &dir)
{
    return names(dir, QDir::Files);
}

QStringList folderNames(const QString &dir)
{
    return names(dir, QDir::Dirs);
}

QStringList filesBelow(const QString &dir, ExpectedSet *set)
{
    QStringList files;
    int entries = 0;
    walk(QDir(QFileInfo(dir).absoluteFilePath()), dir, 0, &entries, &files, set);
    std::sort(files.begin(), files.end());
    return files;
}

bool readBytes(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1 (%2); check that it is readable by this user"_s.arg(
            path, file.errorString());
        return false;
    }
    *bytes = file.read(ExpectedMigrations::MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *error
            = u"cannot read %1 (%2); check the file and the disk"_s.arg(path, file.errorString());
        return false;
    }
    if (bytes->size() > ExpectedMigrations::MaxFileBytes) {
        *error = u"%1 is larger than %2 MiB; a migration script should not be"_s.arg(
            path, QString::number(ExpectedMigrations::MaxFileBytes / (1024 * 1024)));
        return false;
    }
    return true;
}

QString readText(const QString &path)
{
    QByteArray bytes;
    QString error;
    if (!readBytes(path, &bytes, &error))
        return {};
    QString text = QString::fromUtf8(bytes);
    return text.startsWith(QChar(0xFEFF)) ? text.sliced(1) : text;
}

QString decimal(QStringView digits)
{
    if (digits.isEmpty())
        return {};
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return {};
    }
    qsizetype first = 0;
    while (first < digits.size() - 1 && digits[first] == u'0')
        ++first;
    return digits.sliced(first).toString();
}

bool fitsIn(const QString &d, const QString &max)
{
    return d.size() < max.size() || (d.size() == max.size() && d <= max);
}

bool lessNumeric(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size();
    return a < b;
}

void requireIds(ExpectedSet *set, const QString &what, const QString &hint)
{
    if (set->ids.isEmpty() && set->error.isEmpty())
        set->error = u"no %1 found in %2; %3"_s.arg(what, set->source, hint);
}

bool parentHolds(const QString &dir, const QString &name)
{
    QDir parent(QFileInfo(dir).absoluteFilePath());
    for (int level = 0; level < 4 && parent.cdUp(); ++level) {
        if (!name.startsWith(u'.')) {
            if (QFileInfo::exists(parent.filePath(name)))
                return true;
        } else if (!parent.entryList({ u"*"_s + name }, QDir::Files).isEmpty()) {
            return true;
        }
    }
    return false;
}

} // namespace ToolSourceFiles
