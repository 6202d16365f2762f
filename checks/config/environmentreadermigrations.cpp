// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// EnvironmentReader::readMigrationHistories: an environment's `migrations:` list, the
// migration histories it pins instead of leaving them to detection.

#include "config/environmentreader_p.h"
#include "migrations/migrationtool.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// "efcore, flyway, liquibase, ...": what a `tool:` may name, for messages. Taken from
// MigrationTools itself (config/ may include migrations/: tests/layers.cmake restricts only
// engine/ and connection/), so a tool added there is accepted here without a second list.
QString knownTools()
{
    QStringList keys;
    for (const MigrationTool tool : MigrationTools::all())
        keys << MigrationTools::key(tool);
    return keys.join(u", "_s);
}

} // namespace

bool EnvironmentReader::readMigrationHistories(
    const YAML::Node &list, Environment *env, QString *error)
{
    const QString example = u"{tool: flyway, schema: public, table: flyway_schema_history, "
                            "expected: ./db/migration}"_s;
    if (!list.IsSequence()) {
        *error = u"%1: 'migrations' must be a list of histories, each like %2"_s.arg(
            where(path, list.Mark()), example);
        return false;
    }
    QSet<QString> seen;
    for (const YAML::Node &entry : list) {
        if (!entry.IsMap()) {
            *error = u"%1: each entry of 'migrations' must be a mapping like %2"_s.arg(
                where(path, entry.Mark()), example);
            return false;
        }
        warnUnknownKeys(
            entry, { u"tool"_s, u"schema"_s, u"table"_s, u"expected"_s }, u"a migrations entry"_s);
        for (const char *key : { "tool", "schema", "table", "expected" }) {
            const YAML::Node v = entry[key];
            if (v && !v.IsScalar() && !v.IsNull()) {
                *error = u"%1: migrations entry's '%2' must be a single value, not a list or "
                         "mapping"_s.arg(where(path, v.Mark()), QString::fromLatin1(key));
                return false;
            }
        }
        const QString name = scalar(entry, "tool").trimmed();
        if (name.isEmpty()) {
            *error = u"%1: a migrations entry needs 'tool': one of %2"_s.arg(
                where(path, entry.Mark()), knownTools());
            return false;
        }
        const MigrationTool tool = MigrationTools::fromName(name);
        if (tool == MigrationTool::Unknown) {
            *error = u"%1: unknown migration tool '%2'; use one of %3"_s.arg(
                where(path, entry["tool"].Mark()), name, knownTools());
            return false;
        }
        MigrationHistoryPin pin;
        pin.tool = MigrationTools::key(tool); // the key, however the file spells the name
        // As written, as `history:` takes them: a quoted identifier may hold spaces.
        pin.schema = scalar(entry, "schema");
        pin.table = scalar(entry, "table");
        pin.expected = resolvePath(scalar(entry, "expected"));
        // Two entries for one history would give it two expected sets; which one counts
        // would be an accident of order.
        const QString id = pin.tool + u'\n' + pin.schema + u'\n' + pin.table;
        if (seen.contains(id)) {
            *error = u"%1: environment '%2' pins this history twice (tool %3, schema %4, "
                     "table %5); keep one entry"_s.arg(where(path, entry.Mark()), env->name,
                         pin.tool, pin.schema.isEmpty() ? u"any"_s : pin.schema,
                         pin.table.isEmpty() ? u"any"_s : pin.table);
            return false;
        }
        seen.insert(id);
        env->migrationHistories << pin;
    }
    return true;
}
