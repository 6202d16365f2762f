// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::fromMigrationSubfolders(): tools that keep each migration in a folder of its
// own: Prisma (prisma-engines, schema-connector: migrations_directory.rs, checksum.rs) and
// Diesel (diesel_migrations: file_based_migrations.rs).

#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace {

// Diesel's version: the folder name up to the first '_', dashes removed
// ("2023-01-01-000000_create_users" -> "20230101000000"); empty when not digits.
QString dieselVersion(const QString &folder)
{
    static const QRegularExpression shape(
        u"\\A([0-9][0-9-]*)_.+\\z"_s, QRegularExpression::DotMatchesEverythingOption);
    const auto m = shape.match(folder);
    return m.hasMatch() ? QString(m.captured(1)).remove(u'-') : QString();
}

} // namespace

namespace ToolSources {

ExpectedSet fromMigrationSubfolders(const QString &dir, MigrationTool tool)
{
    ExpectedSet set = start(dir, tool);
    const bool prisma = tool == MigrationTool::Prisma;
    const QString script = prisma ? u"migration.sql"_s : u"up.sql"_s;
    QList<std::pair<QString, QString>> found; // (order, id)
    for (const QString &folder : folderNames(dir)) {
        const QString path = dir + u'/' + folder + u'/' + script;
        if (!QFileInfo(path).isFile()) {
            set.warnings << u"%1 has no %2; %3 does not take it for a migration"_s.arg(
                dir + u'/' + folder, script, MigrationTools::displayName(tool));
            continue;
        }
        if (prisma) {
            // The checksum Prisma stores: SHA-256 of migration.sql, lowercase hex, zero-padded.
            QByteArray bytes;
            QString error;
            if (!readBytes(path, &bytes, &error)) {
                set.error = error;
                return set;
            }
            // Prisma also accepts the checksum of the script with its line endings swapped
            // (a checkout on Windows: prisma-engines checksum.rs, script_matches_checksum):
            // kept after a space, as an alternative.
            QByteArray swapped = bytes;
            if (bytes.contains("\r\n"))
                swapped.replace("\r\n", "\n");
            else
                swapped.replace("\n", "\r\n");
            const auto sha = [](const QByteArray &b) {
                return QString::fromLatin1(
                    QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
            };
            set.checksums.insert(folder, sha(bytes) + u' ' + sha(swapped));
            found.append({ folder, folder });
            continue;
        }
        const QString version = dieselVersion(folder);
        if (version.isEmpty()) {
            set.warnings << u"%1: not a Diesel migration folder name (<YYYY-MM-DD-HHMMSS>_<name>); "
                            "Diesel refuses it"_s.arg(dir + u'/' + folder);
            continue;
        }
        if (std::any_of(
                found.cbegin(), found.cend(), [&](const auto &f) { return f.second == version; })) {
            set.error = u"%1: version %2 is taken by another folder; Diesel refuses two "
                        "migrations of one version: rename one"_s.arg(dir + u'/' + folder, version);
            return set;
        }
        found.append({ version, version });
    }
    std::stable_sort(found.begin(), found.end());
    for (const auto &f : found)
        set.ids << f.second;
    requireIds(&set,
        prisma ? u"Prisma migrations (<timestamp>_<name>/migration.sql)"_s
               : u"Diesel migrations (<YYYY-MM-DD-HHMMSS>_<name>/up.sql)"_s,
        prisma ? u"point to prisma/migrations"_s : u"point to the project's migrations folder"_s);
    return set;
}

} // namespace ToolSources
