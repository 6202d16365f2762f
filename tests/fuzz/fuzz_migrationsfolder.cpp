// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The Migrations-folder reader. The whole input, and each of its lines, is a file name
// for the name classifier. Then each line (with '/' for subfolders, optionally followed by
// a tab and the file's content, C# source whose attributes, classes and snapshots are
// scanned) is created as a file in a fresh folder, and the folder is read, once without a
// DbContext name and once with "*".

#include "fuzzsupport.h"
#include "migrations/expectedmigrations.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;
using ExpectedMigrations::FolderEntry;

namespace {

// A relative path the file system can hold, inside the folder.
bool usable(const QString &path)
{
    if (path.isEmpty() || path.contains(QChar(0)) || path.toUtf8().size() > 1000)
        return false;
    for (const QString &part : path.split(u'/')) {
        if (part.isEmpty() || part == u"." || part == u".." || part.toUtf8().size() > 200)
            return false;
    }
    return true;
}

void checkName(const QString &name)
{
    const FolderEntry asFile = ExpectedMigrations::classifyFolderEntry(name, false);
    const FolderEntry asDir = ExpectedMigrations::classifyFolderEntry(name, true);
    Fuzz::require(asDir == FolderEntry::Folder || asDir == FolderEntry::Ignored,
        "a folder classified as a file", name);
    Fuzz::require(asFile != FolderEntry::Folder, "a file classified as a folder", name);
    // Every .cs file is read (the [Migration] attribute makes a migration), nothing else.
    if (asFile == FolderEntry::Source)
        Fuzz::require(name.endsWith(u".cs"_s, Qt::CaseInsensitive), "a source not named .cs", name);
    else if (asFile == FolderEntry::Ignored && !name.startsWith(u'.'))
        Fuzz::require(!name.endsWith(u".cs"_s, Qt::CaseInsensitive), "a .cs file ignored", name);
    if (name.startsWith(u'.'))
        Fuzz::require(asFile == FolderEntry::Ignored && asDir == FolderEntry::Ignored,
            "a hidden entry not ignored", name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int run = 0;
    const QString text = Fuzz::utf8(data, size);
    // A Linux file name may hold any character but '/' and NUL, line breaks included.
    if (!text.contains(u'/') && !text.contains(QChar(0)))
        checkName(text);
    const QString dir = Fuzz::scratchDir() + u"/m"_s + QString::number(run++);
    QDir().mkpath(dir);
    int files = 0;
    for (const QString &line : text.split(u'\n')) {
        const qsizetype tab = line.indexOf(u'\t');
        const QString path = tab < 0 ? line : line.left(tab);
        for (const QString &part : path.split(u'/'))
            checkName(part);
        if (!usable(path) || ++files > 32)
            continue;
        // Another line may have made a part of the path a file, or the whole a folder.
        const QString full = dir + u'/' + path;
        QFile file(full);
        if (QDir().mkpath(QFileInfo(full).path()) && !QFileInfo(full).isDir()
            && file.open(QIODevice::WriteOnly))
            file.write(tab < 0 ? QByteArray() : line.mid(tab + 1).toUtf8());
    }
    const ExpectedSet one = ExpectedMigrations::fromMigrationsFolder(dir);
    const ExpectedSet all = ExpectedMigrations::fromMigrationsFolder(dir, u"*"_s);
    QDir(dir).removeRecursively();
    // One context's migrations are among all contexts' migrations.
    if (one.error.isEmpty() && all.error.isEmpty()) {
        for (const QString &id : one.ids)
            Fuzz::require(all.ids.contains(id), "a context's id missing from \"*\"", id);
    }
    for (const ExpectedSet &set : { one, all }) {
        if (!set.error.isEmpty())
            continue;
        Fuzz::require(!set.ids.isEmpty(), "a folder set without ids");
        for (qsizetype i = 0; i < set.ids.size(); ++i) {
            Fuzz::require(set.ids.at(i).size() <= ExpectedMigrations::MaxIdLength,
                "a MigrationId over 150", set.ids.at(i));
            Fuzz::require(i == 0 || set.ids.at(i - 1) < set.ids.at(i), "ids not sorted", dir);
            Fuzz::require(!set.ids.at(i).trimmed().isEmpty(), "a blank MigrationId", dir);
        }
    }
    return 0;
}
