// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::fromFluentMigratorFolder(): the classes FluentMigrator's
// DefaultMigrationRunnerConventions take for migrations: those with a
// [Migration(long version, ...)] attribute (FluentMigrator.MigrationAttribute).

#include "migrations/csharpsourcetree_p.h"
#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QHash>
#include <QMap>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace {

// A C# integer literal as the attribute's number: 20240101120000, 20240101120000L,
// 2024_01_01_1200. Empty when it is not a decimal one (hex, a constant's name).
QString literalVersion(QString text)
{
    while (!text.isEmpty() && QStringLiteral("lLuU").contains(text.back()))
        text.chop(1);
    return decimal(text.remove(u'_'));
}

} // namespace

namespace ToolSources {

ExpectedSet fromFluentMigratorFolder(const QString &dir)
{
    ExpectedSet set = start(dir, MigrationTool::FluentMigrator);
    QMap<QString, CSharpSourceTree::Class> classes;
    if (!CSharpSourceTree::read(dir, &classes, &set))
        return set;
    QHash<QString, QString> classOf; // version -> where declared
    for (const CSharpSourceTree::Class &c : std::as_const(classes)) {
        for (const auto &[attribute, file] : c.attributes) {
            if (attribute.simpleName() != u"Migration")
                continue;
            const QString at = CSharpSourceTree::location(file, attribute.line);
            if (attribute.argument == CSharpAttribute::Argument::String)
                continue; // EF Core's [Migration("id")]
            const QString version = attribute.argument == CSharpAttribute::Argument::Number
                ? literalVersion(attribute.value)
                : QString();
            if (version.isEmpty() || !fitsIn(version, u"9223372036854775807"_s)) {
                set.warnings << u"%1: [Migration(%2)] is not a version this reader can read "
                                "(a decimal number); class %3 left out"_s.arg(
                                    at, attribute.value, c.name);
                continue;
            }
            if (classOf.contains(version)) {
                set.error
                    = u"%1: version %2 is also declared at %3; FluentMigrator refuses "
                      "duplicate versions: renumber one"_s.arg(at, version, classOf.value(version));
                return set;
            }
            classOf.insert(version, at);
            set.ids << version;
        }
    }
    std::sort(set.ids.begin(), set.ids.end(), lessNumeric);
    requireIds(&set, u"FluentMigrator migrations ([Migration(<version>)] classes)"_s,
        u"point to the project folder holding the migration classes"_s);
    return set;
}

} // namespace ToolSources
