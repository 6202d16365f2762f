// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The other tools' source-tree readers (toolsources.h) and the recognition of a folder.
// The first line names the tool (its key, e.g. "goose"; anything else picks one by its
// length); each further line is a path ('/' for subfolders) with, after a tab, the file's
// content ("\n" in it written as the two characters \n). The folder is read as that tool's
// (ToolSources::read), then recognised (ToolSources::recognise) and read as it says.

#include "fuzzsupport.h"
#include "migrations/toolsources.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

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

const QList<MigrationTool> &tools()
{
    static const QList<MigrationTool> handled = [] {
        QList<MigrationTool> list;
        for (const MigrationTool tool : MigrationTools::all()) {
            if (ToolSources::handles(tool) && tool != MigrationTool::Flyway) // fuzz_flywayfolder
                list << tool;
        }
        return list;
    }();
    return handled;
}

// Ids stored as integers (golang-migrate's uint, goose's and sqlx's int64, Rails' to_i,
// FluentMigrator's long): decimals without leading zeros, in numeric order.
bool decimalIds(MigrationTool tool)
{
    return tool == MigrationTool::GolangMigrate || tool == MigrationTool::Goose
        || tool == MigrationTool::Sqlx || tool == MigrationTool::Rails
        || tool == MigrationTool::FluentMigrator;
}

void check(const ExpectedSet &set, MigrationTool tool, const QString &dir)
{
    if (!set.error.isEmpty())
        return;
    Fuzz::require(set.kind == ExpectedSet::Kind::ToolSource, "not a tool source set", dir);
    Fuzz::require(set.tool == tool, "the set names another tool", MigrationTools::key(set.tool));
    Fuzz::require(!set.ids.isEmpty(), "a set without ids", dir);
    for (qsizetype i = 0; i < set.ids.size(); ++i) {
        const QString &id = set.ids.at(i);
        Fuzz::require(!id.trimmed().isEmpty(), "a blank id", dir);
        Fuzz::require(set.ids.indexOf(id) == i, "an id twice", id);
        if (!decimalIds(tool))
            continue;
        Fuzz::require(!id.isEmpty() && (id == u"0" || !id.startsWith(u'0')), "a leading zero", id);
        for (const QChar c : id)
            Fuzz::require(c >= u'0' && c <= u'9', "an integer id with a non-digit", id);
        const QString &prev = i > 0 ? set.ids.at(i - 1) : QString();
        Fuzz::require(i == 0 || prev.size() < id.size() || (prev.size() == id.size() && prev < id),
            "integer ids out of order", prev + u' ' + id);
    }
    for (auto it = set.checksums.cbegin(); it != set.checksums.cend(); ++it)
        Fuzz::require(set.ids.contains(it.key()), "a checksum of no id", it.key());
    const bool checksums = tool == MigrationTool::Sqlx || tool == MigrationTool::Prisma;
    Fuzz::require(checksums == !set.checksums.isEmpty(), "checksums missing or unexpected", dir);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int run = 0;
    QStringList lines = Fuzz::utf8(data, size).split(u'\n');
    const QString first = lines.takeFirst();
    MigrationTool tool = MigrationTools::fromName(first);
    if (!ToolSources::handles(tool) || tool == MigrationTool::Flyway)
        tool = tools().at(first.size() % tools().size());
    const QString dir = Fuzz::scratchDir() + u"/t"_s + QString::number(run++);
    QDir().mkpath(dir);
    int files = 0;
    for (const QString &line : std::as_const(lines)) {
        const qsizetype tab = line.indexOf(u'\t');
        const QString path = tab < 0 ? line : line.left(tab);
        if (!usable(path) || ++files > 32)
            continue;
        const QString full = dir + u'/' + path;
        QFile file(full);
        if (QDir().mkpath(QFileInfo(full).path()) && !QFileInfo(full).isDir()
            && file.open(QIODevice::WriteOnly))
            file.write(
                tab < 0 ? QByteArray() : line.mid(tab + 1).replace(u"\\n"_s, u"\n"_s).toUtf8());
    }
    check(ToolSources::read(dir, tool), tool, dir);
    const ToolSources::Found found = ToolSources::recognise(dir);
    if (found.tool != MigrationTool::Unknown) {
        Fuzz::require(ToolSources::handles(found.tool), "recognised a tool without a reader");
        Fuzz::require(found.folder.startsWith(dir), "recognised a folder outside", found.folder);
        check(ToolSources::read(found.folder, found.tool), found.tool, dir);
    }
    QDir(dir).removeRecursively();
    return 0;
}
