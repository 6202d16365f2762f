// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ToolSources::fromFlywayFolder(), flywayChecksum() and compareFlywayVersions(): Flyway's
// SQL migrations as Flyway resolves them (flyway/flyway, flyway-core:
// SqlMigrationResolver, ResourceNameParser, MigrationVersion, ChecksumCalculator).

#include "migrations/toolsourcefiles_p.h"
#include "migrations/toolsources.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace ToolSourceFiles;

namespace {

// Flyway's callback events (org.flywaydb.core.api.callback.Event): a script named after
// one (beforeMigrate.sql, afterEachMigrate__log.sql) is a callback, not a migration.
bool isCallback(const QString &stem)
{
    static const QStringList events = { u"beforeMigrate"_s, u"beforeRepeatables"_s,
        u"beforeEachMigrate"_s, u"beforeEachMigrateStatement"_s, u"afterEachMigrateStatement"_s,
        u"afterEachMigrateStatementError"_s, u"afterEachMigrate"_s, u"afterEachMigrateError"_s,
        u"afterMigrate"_s, u"afterMigrateApplied"_s, u"afterVersioned"_s, u"afterMigrateError"_s,
        u"beforeUndo"_s, u"beforeEachUndo"_s, u"afterEachUndo"_s, u"afterEachUndoError"_s,
        u"afterUndo"_s, u"afterUndoError"_s, u"beforeClean"_s, u"afterClean"_s,
        u"afterCleanError"_s, u"beforeInfo"_s, u"afterInfo"_s, u"afterInfoError"_s,
        u"beforeValidate"_s, u"afterValidate"_s, u"afterValidateError"_s, u"beforeBaseline"_s,
        u"afterBaseline"_s, u"afterBaselineError"_s, u"beforeRepair"_s, u"afterRepair"_s,
        u"afterRepairError"_s, u"createSchema"_s, u"beforeConnect"_s, u"afterConnect"_s };
    const QString event = stem.section(u"__"_s, 0, 0);
    return events.contains(event);
}

// MigrationVersion's parts: the version with '_' read as '.', split at dots, each an
// integer, trailing zero parts dropped ("1.0" is "1"). Empty when not a version.
QStringList versionParts(const QString &version)
{
    static const QRegularExpression shape(u"\\A[0-9]+(?:[._][0-9]+)*\\z"_s);
    if (!shape.match(version).hasMatch())
        return {};
    QStringList parts = QString(version).replace(u'_', u'.').split(u'.');
    for (QString &part : parts)
        part = decimal(part);
    while (parts.size() > 1 && parts.last() == u"0")
        parts.removeLast();
    return parts;
}

int compareParts(const QStringList &a, const QStringList &b)
{
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString x = i < a.size() ? a.at(i) : u"0"_s;
        const QString y = i < b.size() ? b.at(i) : u"0"_s;
        if (x != y)
            return lessNumeric(x, y) ? -1 : 1;
    }
    return 0;
}

struct Versioned
{
    QString id; // as the version column holds it
    QStringList parts;
    QString file;
};

} // namespace

namespace ToolSources {

qint32 flywayChecksum(const QByteArray &fileBytes)
{
    // Java's BufferedReader.readLine() ends a line at \n, \r or \r\n and drops the
    // terminator; every line's bytes go to the CRC, so the sum is the CRC of the file with
    // every \r and \n removed. Flyway strips a BOM from the first line (BomFilter).
    QByteArrayView rest(fileBytes);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    uLong crc = crc32(0L, Z_NULL, 0);
    while (!rest.isEmpty()) {
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != '\n' && rest[end] != '\r')
            ++end;
        // The bytes are UTF-8 already: Flyway decodes them with the UTF-8 default encoding
        // and encodes each line back, which gives the same bytes for valid UTF-8.
        if (end > 0)
            crc = crc32(crc, reinterpret_cast<const Bytef *>(rest.data()), uInt(end));
        rest = rest.sliced(std::min(end + 1, rest.size()));
    }
    return qint32(quint32(crc)); // Java's (int) of the CRC32's long value
}

int compareFlywayVersions(const QString &a, const QString &b)
{
    return compareParts(versionParts(a), versionParts(b));
}

ExpectedSet fromFlywayFolder(const QString &dir)
{
    ExpectedSet set = start(dir, MigrationTool::Flyway);
    QList<Versioned> versioned;
    QStringList repeatables;
    QHash<QString, QString> repeatableFiles;
    QStringList paths;
    for (const QString &relative : filesBelow(dir, &set)) {
        const QString name = QFileInfo(relative).fileName();
        // Flyway matches the suffix ignoring case, the prefix exactly (ResourceNameParser).
        if (!name.endsWith(u".sql"_s, Qt::CaseInsensitive))
            continue;
        const QString stem = name.chopped(4);
        const QString path = dir + u'/' + relative;
        if (isCallback(stem) || stem.startsWith(u'U') || stem.startsWith(u'B'))
            continue; // callbacks; undo (Teams) and baseline scripts are not in the order
        const qsizetype separator = stem.indexOf(u"__"_s);
        if (stem.startsWith(u'R')) {
            if (separator != 1) {
                set.warnings << u"%1: not a Flyway repeatable migration name (R__<description>"
                                ".sql); Flyway ignores it"_s.arg(path);
                continue;
            }
            if (repeatableFiles.contains(stem)) {
                set.error = u"%1 and %2 are both repeatable migration %3; Flyway refuses two "
                            "scripts of one description: rename or remove one"_s.arg(
                                repeatableFiles.value(stem), path, stem);
                return set;
            }
            repeatableFiles.insert(stem, path);
            repeatables << stem;
            continue;
        }
        const QString version = separator > 1 ? stem.sliced(1, separator - 1) : QString();
        const QStringList parts = versionParts(version);
        if (!stem.startsWith(u'V') || parts.isEmpty()) {
            set.warnings << u"%1: not a Flyway migration name (V<version>__<description>.sql, "
                            "the version digits with . or _); Flyway ignores it"_s.arg(path);
            continue;
        }
        versioned.append({ QString(version).replace(u'_', u'.'), parts, path });
    }
    std::stable_sort(versioned.begin(), versioned.end(),
        [](const Versioned &a, const Versioned &b) { return compareParts(a.parts, b.parts) < 0; });
    for (qsizetype i = 1; i < versioned.size(); ++i) {
        if (compareParts(versioned.at(i - 1).parts, versioned.at(i).parts) == 0) {
            set.error = u"%1 and %2 are both version %3; Flyway refuses to migrate with two "
                        "scripts of one version: renumber one"_s.arg(
                            versioned.at(i - 1).file, versioned.at(i).file, versioned.at(i).id);
            return set;
        }
    }
    std::sort(repeatables.begin(), repeatables.end());
    for (const Versioned &v : versioned) {
        set.ids << v.id;
        paths << v.file;
    }
    for (const QString &r : repeatables) {
        set.ids << r;
        paths << repeatableFiles.value(r);
    }
    for (qsizetype i = 0; i < set.ids.size(); ++i) {
        QByteArray bytes;
        QString error;
        if (!readBytes(paths.at(i), &bytes, &error)) {
            set.error = error;
            return set;
        }
        set.checksums.insert(set.ids.at(i), QString::number(flywayChecksum(bytes)));
    }
    requireIds(&set, u"Flyway migrations (V<version>__<description>.sql)"_s,
        u"point to the folder Flyway's locations name (by default db/migration)"_s);
    return set;
}

} // namespace ToolSources
