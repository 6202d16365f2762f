// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ExpectedMigrations::fromIdempotentScript(): the MigrationIds of the history inserts in
// `dotnet ef migrations script --idempotent` output, read with SqlLexer so that SQL inside
// comments, strings and function bodies does not count; and looksLikeScript(), which
// tells such a script from a manifest.

#include "migrations/expectedmigrations.h"
#include "migrations/expectedmigrations_p.h"
#include "migrations/sqllexer.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace ExpectedMigrationsPrivate;

namespace {

using namespace SqlLex;

struct Row
{
    QString id;
    int line = 0;
};

// The history table's two columns as EF Core names them (MigrationId, ProductVersion) and as
// EFCore.NamingConventions renames them: migration_id (snake), migrationid (lower),
// MIGRATIONID (upper), MIGRATION_ID (upper snake), migrationId (camel), migration-id (kebab).
// Compared without case: quoted or not, the script names the column the table has.
enum class HistoryColumn { Other, Id, Version };

HistoryColumn historyColumn(const Token &t)
{
    if (!isIdent(t))
        return HistoryColumn::Other;
    for (const QStringView id : { u"MigrationId", u"Migration_Id", u"Migration-Id" }) {
        if (isColumn(t, id))
            return HistoryColumn::Id;
    }
    for (const QStringView version :
        { u"ProductVersion", u"Product_Version", u"Product-Version" }) {
        if (isColumn(t, version))
            return HistoryColumn::Version;
    }
    return HistoryColumn::Other;
}

// After INSERT: [INTO] name[.name...] (<id column>, <version column>) VALUES ('id', 'v')[, ...]
// with the two columns in either order; any other column list is not a history insert.
bool readHistoryInsert(SqlLexer &lx, QList<Row> &rows)
{
    Token t = lx.next();
    if (isKeyword(t, u"INTO"))
        t = lx.next();
    if (!isIdent(t))
        return false;
    for (t = lx.next(); isSymbol(t, u'.'); t = lx.next()) {
        if (!isIdent(lx.next()))
            return false;
    }
    if (!isSymbol(t, u'('))
        return false;
    const HistoryColumn first = historyColumn(lx.next());
    if (!isSymbol(lx.next(), u','))
        return false;
    const HistoryColumn second = historyColumn(lx.next());
    if (first == HistoryColumn::Other || second == HistoryColumn::Other || first == second
        || !isSymbol(lx.next(), u')') || !isKeyword(lx.next(), u"VALUES"))
        return false;
    QList<Row> found;
    for (;;) {
        const Token open = lx.next();
        const Token a = lx.next();
        const Token comma = lx.next();
        const Token b = lx.next();
        if (!isSymbol(open, u'(') || a.type != Token::String || !isSymbol(comma, u',')
            || b.type != Token::String || !isSymbol(lx.next(), u')'))
            return false;
        const Token &id = first == HistoryColumn::Id ? a : b;
        found.append({ stringValue(id.text), id.line });
        const SqlLexer beforeComma = lx;
        if (!isSymbol(lx.next(), u',')) {
            lx = beforeComma;
            break;
        }
    }
    rows += found;
    return true;
}

QString listSome(QStringList ids)
{
    ids.sort();
    const qsizetype shown = 3;
    QString text = ids.first(std::min(shown, ids.size())).join(u", "_s);
    if (ids.size() > shown)
        text += u" and %1 more"_s.arg(ids.size() - shown);
    return text;
}

} // namespace

// A manifest may mention the table in a '#' comment; that alone does not make it SQL.
bool ExpectedMigrationsPrivate::looksLikeScript(const QString &text, const QString &path)
{
    if (path.endsWith(u".sql"_s, Qt::CaseInsensitive))
        return true;
    // The insert's column list under any naming convention (see historyColumn()).
    static const QRegularExpression insertColumns(
        uR"re(\(\s*["\[]?(?:migration[_-]?id["\]]?\s*,\s*["\[]?product[_-]?version|)re"
        uR"re(product[_-]?version["\]]?\s*,\s*["\[]?migration[_-]?id)["\]]?\s*\))re"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (insertColumns.match(text).hasMatch())
        return true;
    for (qsizetype at = text.indexOf(u"__EFMigrationsHistory"_s); at >= 0;
        at = text.indexOf(u"__EFMigrationsHistory"_s, at + 1)) {
        const qsizetype lineStart = text.lastIndexOf(u'\n', at) + 1;
        if (!QStringView(text).sliced(lineStart, at - lineStart).trimmed().startsWith(u'#'))
            return true;
    }
    return false;
}

ExpectedSet ExpectedMigrations::fromIdempotentScript(const QString &text, const QString &source)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::IdempotentScript;
    set.source = source;

    QList<Row> rows;
    QSet<QString> guarded; // ids in WHERE "MigrationId" = '...' guards
    bool deletes = false;
    bool inDelete = false;
    SqlLexer lx(text);
    for (Token t = lx.next(); t.type != Token::End; t = lx.next()) {
        if (isKeyword(t, u"INSERT")) {
            const SqlLexer afterInsert = lx;
            if (!readHistoryInsert(lx, rows))
                lx = afterInsert;
            inDelete = false;
        } else if (isKeyword(t, u"DELETE")) {
            const SqlLexer afterDelete = lx; // not the DELETE of ON DELETE CASCADE
            inDelete = isKeyword(lx.next(), u"FROM");
            lx = afterDelete;
        } else if (isSymbol(t, u';') || isKeyword(t, u"GO")) {
            inDelete = false;
        } else if (historyColumn(t) == HistoryColumn::Id) {
            const SqlLexer afterColumn = lx;
            const Token op = lx.next();
            const Token value = lx.next();
            if (isSymbol(op, u'=') && value.type == Token::String) {
                guarded.insert(stringValue(value.text));
                deletes = deletes || inDelete;
            } else {
                lx = afterColumn;
            }
        }
    }

    if (rows.isEmpty()) {
        set.error = deletes
            ? u"%1 only deletes rows from __EFMigrationsHistory (a rollback script?); the "
              "expected set needs the forward script from dotnet ef migrations script "
              "--idempotent"_s.arg(source)
            : u"no __EFMigrationsHistory inserts found in %1; is this an idempotent script "
              "from dotnet ef migrations script --idempotent?"_s.arg(source);
        return set;
    }
    for (const Row &row : std::as_const(rows)) {
        if (row.id.trimmed().isEmpty()) {
            set.error = u"%1:%2: empty MigrationId in a __EFMigrationsHistory insert; regenerate "
                        "the script with dotnet ef migrations script --idempotent"_s.arg(
                            source, QString::number(row.line));
            return set;
        }
        if (row.id.size() > MaxIdLength) {
            set.error = u"%1:%2: MigrationId is %3 characters long, but __EFMigrationsHistory "
                        "holds at most %4"_s.arg(source, QString::number(row.line),
                            QString::number(row.id.size()), QString::number(MaxIdLength));
            return set;
        }
        set.ids.append(row.id);
        guarded.remove(row.id);
    }
    sortUnique(set.ids);
    if (!guarded.isEmpty() && !deletes)
        set.warnings.append(u"%1: %2 guarded by IF NOT EXISTS but never inserted into the history "
                            "table; the script may be cut short or edited by hand"_s.arg(
                                source, listSome(guarded.values())));
    return set;
}
