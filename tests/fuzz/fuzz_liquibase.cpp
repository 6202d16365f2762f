// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Liquibase changelogs: LiquibaseChangelogFile::parse on each part in every format (XML,
// YAML/JSON, formatted and raw SQL), looksLikeChangelog, SnakeYamlScalar; then the parts
// written as a tree (master.<xml|yaml|sql by content>, a.yaml, b.sql, sub/c.xml, sub/d.json,
// e.xml) and the master read with LiquibaseChangelog::read, which follows the includes.
//
// Input: parts separated by 0xFF bytes (never in UTF-8). An input holding ".." is not
// walked: a relative include could then reach any folder of the machine (the product
// bounds that walk, the fuzzer's time would go to the file system). The tree sits seven
// folders deep in the run's own folder, beyond the six levels the search path is looked for.

#include "fuzzsupport.h"
#include "migrations/liquibasechangelog.h"
#include "migrations/liquibasechangelogparser.h"
#include "migrations/snakeyamlscalar.h"

#include <QSet>

using namespace Qt::StringLiterals;
using Format = LiquibaseChangelogFile::Format;

namespace {

void checkFile(const LiquibaseChangelogFile &f, const QString &file)
{
    if (!f.error.isEmpty()) {
        Fuzz::require(f.error.startsWith(file), "an error not naming the file", f.error);
        Fuzz::require(f.entries.isEmpty(), "entries beside an error", f.error);
        return;
    }
    for (const auto &e : f.entries) {
        Fuzz::require(e.line >= 1, "an entry without its line");
        if (e.kind == LiquibaseChangelogFile::Entry::Kind::ChangeSet)
            Fuzz::require(!e.id.trimmed().isEmpty() && !e.author.trimmed().isEmpty(),
                "a changeset without id or author");
        else
            Fuzz::require(!e.path.trimmed().isEmpty(), "an include without a path");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int run = 0;
    const QByteArray input = Fuzz::bytes(data, size);
    const QList<QByteArray> parts = input.split('\xff');
    for (const QByteArray &part : parts) {
        const QString text = QString::fromUtf8(part);
        LiquibaseChangelogFile::looksLikeChangelog(text);
        SnakeYamlScalar::javaString(text.left(200));
        for (const Format format :
            { Format::Xml, Format::Yaml, Format::FormattedSql, Format::RawSql }) {
            checkFile(LiquibaseChangelogFile::parse(text, u"f"_s, format), u"f"_s);
        }
    }
    if (input.contains(".."))
        return 0;
    // Seven levels deep: the search for Liquibase's search path (six levels up from the
    // master) stays inside this run's folder.
    const QString top = Fuzz::scratchDir() + u"/l"_s + QString::number(run++);
    const QString dir = top + u"/1/2/3/4/5/6/7"_s;
    QDir().mkpath(dir + u"/sub"_s);
    const QByteArray &first = parts[0];
    const QString master = first.trimmed().startsWith('<') ? u"master.xml"_s
        : LiquibaseChangelogFile::formatOf(u"m.sql"_s, QString::fromUtf8(first))
            == Format::FormattedSql
        ? u"master.sql"_s
        : u"master.yaml"_s;
    const QStringList names
        = { master, u"a.yaml"_s, u"b.sql"_s, u"sub/c.xml"_s, u"sub/d.json"_s, u"e.xml"_s };
    for (qsizetype i = 0; i < parts.size() && i < names.size(); ++i)
        Fuzz::writeFile(dir + u'/' + names[i], parts[i]);
    const ExpectedSet set = LiquibaseChangelog::read(dir + u'/' + master);
    QDir(top).removeRecursively();
    Fuzz::require(set.tool == MigrationTool::Liquibase, "not Liquibase's set");
    if (!set.error.isEmpty()) {
        Fuzz::require(set.ids.isEmpty(), "ids beside an error", set.error);
        return 0;
    }
    const QSet<QString> ids(set.ids.cbegin(), set.ids.cend());
    Fuzz::require(ids.size() == set.ids.size() && !ids.isEmpty(), "ids not unique or none");
    for (const QString &id : set.ids)
        Fuzz::require(id.count(u"::"_s) >= 2, "an id not file::id::author", id);
    return 0;
}
