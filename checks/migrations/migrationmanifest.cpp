// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ExpectedMigrations::fromManifest(): a list of MigrationIds, one per line.

#include "migrations/expectedmigrations.h"
#include "migrations/expectedmigrations_p.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ExpectedMigrationsPrivate;

ExpectedSet ExpectedMigrations::fromManifest(const QString &text, const QString &source)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::Manifest;
    set.source = source;
    QHash<QString, int> firstLine;
    QStringList problems;
    const QStringList lines = withoutBom(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int line = int(i + 1);
        QStringView entry = lines[i];
        if (const qsizetype hash = entry.indexOf(u'#'); hash >= 0)
            entry = entry.first(hash);
        entry = entry.trimmed();
        if (entry.isEmpty())
            continue;
        const QString id = entry.toString();
        // Separators of pasted tool output (psql tables, CSV, `migrations list`) cannot be
        // part of an EF Core MigrationId, which is a timestamp and a C# class name.
        const auto separator = std::find_if(id.cbegin(), id.cend(),
            [](QChar c) { return c.isSpace() || QStringView(u",;|'\"`").contains(c); });
        if (separator != id.cend()) {
            const QString what = separator->isSpace() ? u"spaces"_s : u"'%1'"_s.arg(*separator);
            problems.append(u"%1:%2: \"%3\" is not a MigrationId (it contains %4); write one "
                            "MigrationId per line, comments after #"_s.arg(
                                source, QString::number(line), id.left(80), what));
        } else if (id.size() > MaxIdLength) {
            problems.append(u"%1:%2: MigrationId is %3 characters long, but __EFMigrationsHistory "
                            "holds at most %4"_s.arg(source, QString::number(line),
                                QString::number(id.size()), QString::number(MaxIdLength)));
        } else if (const auto first = firstLine.constFind(id); first != firstLine.cend()) {
            set.warnings.append(u"%1:%2: %3 is listed again (first on line %4); counted once"_s.arg(
                source, QString::number(line), id, QString::number(first.value())));
        } else {
            firstLine.insert(id, line);
            set.ids.append(id);
        }
    }
    if (!problems.isEmpty()) {
        set.error = problems.first();
        if (problems.size() > 1)
            set.error += u" (and %1 more such lines)"_s.arg(problems.size() - 1);
        set.ids.clear();
        return set;
    }
    if (set.ids.isEmpty()) {
        set.error = u"%1 lists no MigrationIds; write one per line, e.g. "
                    "20240115093000_InitialCreate"_s.arg(source);
        return set;
    }
    sortUnique(set.ids);
    return set;
}
