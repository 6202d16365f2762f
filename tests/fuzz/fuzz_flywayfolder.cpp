// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Flyway's reader. The whole input is a script for flywayChecksum(); then each line (a
// path with '/' for subfolders, optionally a tab and the file's content) is created as a
// file in a fresh folder read by ToolSources::fromFlywayFolder().

#include "fuzzsupport.h"
#include "migrations/toolsources.h"

#include <QFileInfo>
#include <QRegularExpression>

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

// Flyway's checksum does not depend on line endings, blank lines or a leading BOM.
void checkChecksum(const QByteArray &input)
{
    const qint32 sum = ToolSources::flywayChecksum(input);
    QByteArray lf = input;
    lf.replace("\r\n", "\n").replace('\r', '\n');
    Fuzz::require(
        ToolSources::flywayChecksum(lf) == sum, "checksum depends on CR", QString::fromUtf8(input));
    QByteArray crlf = lf;
    crlf.replace("\n", "\r\n");
    Fuzz::require(ToolSources::flywayChecksum(crlf) == sum, "checksum depends on CRLF");
    Fuzz::require(
        ToolSources::flywayChecksum(lf + "\n\n") == sum, "checksum depends on blank lines");
    if (!input.startsWith("\xEF\xBB\xBF"))
        Fuzz::require(ToolSources::flywayChecksum("\xEF\xBB\xBF" + input) == sum,
            "checksum depends on a BOM");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int run = 0;
    const QByteArray input = Fuzz::bytes(data, size);
    checkChecksum(input);
    const QString text = Fuzz::utf8(data, size);
    const QString dir = Fuzz::scratchDir() + u"/f"_s + QString::number(run++);
    QDir().mkpath(dir);
    int files = 0;
    for (const QString &line : text.split(u'\n')) {
        const qsizetype tab = line.indexOf(u'\t');
        const QString path = tab < 0 ? line : line.left(tab);
        if (!usable(path) || ++files > 32)
            continue;
        const QString full = dir + u'/' + path;
        QFile file(full);
        if (QDir().mkpath(QFileInfo(full).path()) && !QFileInfo(full).isDir()
            && file.open(QIODevice::WriteOnly))
            file.write(tab < 0 ? QByteArray() : line.mid(tab + 1).toUtf8());
    }
    const ExpectedSet set = ToolSources::fromFlywayFolder(dir);
    QDir(dir).removeRecursively();
    if (!set.error.isEmpty())
        return 0;
    static const QRegularExpression version(u"\\A[0-9]+(\\.[0-9]+)*\\z"_s);
    Fuzz::require(set.kind == ExpectedSet::Kind::ToolSource && set.tool == MigrationTool::Flyway,
        "not a Flyway set");
    Fuzz::require(!set.ids.isEmpty(), "a Flyway set without ids");
    bool repeatables = false;
    for (qsizetype i = 0; i < set.ids.size(); ++i) {
        const QString &id = set.ids.at(i);
        Fuzz::require(set.ids.indexOf(id) == i, "an id twice", id);
        Fuzz::require(set.checksums.contains(id), "an id without a checksum", id);
        if (id.startsWith(u"R__"_s)) {
            repeatables = true;
            continue;
        }
        Fuzz::require(!repeatables, "a version after the repeatables", id);
        Fuzz::require(version.match(id).hasMatch(), "a version Flyway would not write", id);
        if (i > 0 && !set.ids.at(i - 1).startsWith(u"R__"_s)) {
            Fuzz::require(ToolSources::compareFlywayVersions(set.ids.at(i - 1), id) < 0,
                "versions out of order", set.ids.at(i - 1) + u' ' + id);
            Fuzz::require(ToolSources::compareFlywayVersions(id, set.ids.at(i - 1)) > 0,
                "version order not antisymmetric", id);
        }
    }
    Fuzz::require(set.checksums.size() == set.ids.size(), "a checksum without an id");
    return 0;
}
