// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::fromRailsMigrations() (ActiveRecord::MigrationContext: migration_files,
// parse_migration_filename, version.to_i) and fromDjangoProject() (Django's
// MigrationLoader.load_disk: the modules of each app's migrations package).

#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace ToolSources {

ExpectedSet fromRailsMigrations(const QString &dir)
{
    ExpectedSet set = start(dir, MigrationTool::Rails);
    // ActiveRecord::Migration::MigrationFilenameRegexp; the glob is "**/[0-9]*_*.rb".
    static const QRegularExpression pattern(u"\\A([0-9]+)_([_a-z0-9]*)\\.?([_a-z0-9]*)?\\.rb\\z"_s);
    static const QRegularExpression glob(
        u"\\A[0-9].*_.*\\.rb\\z"_s, QRegularExpression::DotMatchesEverythingOption);
    QHash<QString, QString> fileOf;
    for (const QString &relative : filesBelow(dir, &set)) {
        const QString name = QFileInfo(relative).fileName();
        const QString path = dir + u'/' + relative;
        if (!glob.match(name).hasMatch())
            continue;
        const auto m = pattern.match(name);
        if (!m.hasMatch()) {
            set.warnings << u"%1: Rails refuses this migration name (IllegalMigrationNameError): "
                            "use <version>_<snake_case_name>.rb"_s.arg(path);
            continue;
        }
        const QString version = decimal(m.captured(1)); // stored as version.to_i.to_s
        if (fileOf.contains(version)) {
            set.error = u"%1 and %2 are both version %3; Rails refuses to migrate "
                        "(DuplicateMigrationVersionError): renumber one"_s.arg(
                            fileOf.value(version), path, version);
            return set;
        }
        fileOf.insert(version, path);
        set.ids << version;
    }
    std::sort(set.ids.begin(), set.ids.end(), lessNumeric);
    requireIds(&set, u"Rails migrations (<version>_<name>.rb)"_s, u"point to db/migrate"_s);
    return set;
}

ExpectedSet fromDjangoProject(const QString &dir)
{
    ExpectedSet set = start(dir, MigrationTool::Django);
    // The migrations packages: DIR itself when it is one, else every migrations/ below.
    QStringList packages;
    if (QFileInfo(dir).fileName() == u"migrations") {
        packages << QDir::cleanPath(dir);
    } else {
        for (const QString &relative : filesBelow(dir, &set)) {
            const QFileInfo file(relative);
            if (file.path().section(u'/', -1) == u"migrations" && file.suffix() == u"py") {
                const QString package = QDir::cleanPath(dir + u'/' + file.path());
                if (!packages.contains(package))
                    packages << package;
            }
        }
    }
    QList<std::pair<QString, QString>> ids; // (app, module)
    QHash<QString, QString> packageOf; // app -> migrations folder
    for (const QString &package : packages) {
        const QString app = QFileInfo(QFileInfo(package).path()).fileName();
        if (!QFileInfo::exists(package + u"/__init__.py"_s)) {
            set.warnings << u"%1 has no __init__.py; Django does not load migrations from it "
                            "(add an empty __init__.py)"_s.arg(package);
            continue;
        }
        if (packageOf.contains(app)) {
            set.warnings << u"%1 and %2 belong to apps both labelled \"%3\"; Django refuses "
                            "duplicate labels (set AppConfig.label)"_s.arg(
                                packageOf.value(app), package, app);
        }
        packageOf.insert(app, package);
        for (const QString &name : fileNames(package)) {
            if (!name.endsWith(u".py"_s) || name.startsWith(u'_') || name.startsWith(u'~'))
                continue;
            const QString module = name.chopped(3);
            if (!readText(package + u'/' + name).contains(u"class Migration"_s))
                set.warnings << u"%1/%2 declares no class Migration; Django refuses it "
                                "(BadMigrationError)"_s.arg(package, name);
            ids.append({ app, module });
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const auto &[app, module] : ids)
        set.ids << app + u'.' + module;
    requireIds(&set, u"Django migrations (<app>/migrations/NNNN_<name>.py)"_s,
        u"point to the project folder or an app's migrations folder"_s);
    return set;
}

} // namespace ToolSources
