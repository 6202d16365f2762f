// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Form detection and SQLite. The libpq forms are read by libpq (libpqconnectionstring.cpp),
// Npgsql strings by npgsqlconnectionstring.cpp; their shared checks are in
// connectionstringchecks.cpp. Telling the forms apart is the doctor's own: no library does it.

#include "connection/connectionstring_p.h"
#include "connection/libpqconninfo.h"
#include "connection/npgsqlkeys.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

namespace {

// Position of the first ';' outside a quoted value, or -1. A quote only opens at the start
// of a value; libpq quoting is '...' with backslash escapes, Npgsql's '...' or "..." with
// doubled quotes.
qsizetype unquotedSemicolon(const QString &text, bool libpqQuoting)
{
    bool atValueStart = false;
    bool inQuote = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuote) {
            if (libpqQuoting && c == u'\\') {
                ++i;
            } else if (c == quote) {
                if (!libpqQuoting && i + 1 < text.size() && text.at(i + 1) == quote)
                    ++i;
                else
                    inQuote = false;
            }
            continue;
        }
        if (c == u';')
            return i;
        if (c == u'=') {
            atValueStart = true;
            continue;
        }
        if (c.isSpace())
            continue;
        if (atValueStart && (c == u'\'' || (!libpqQuoting && c == u'"'))) {
            inQuote = true;
            quote = c;
        }
        atValueStart = false;
    }
    return -1;
}

// A second libpq "keyword=" after whitespace: "host=a password=x;y" is a libpq string whose
// unquoted password happens to contain ';'.
bool hasSecondLibpqPair(const QString &segment)
{
    static const QRegularExpression pair(u"\\s([a-z_]+)\\s*="_s);
    for (const QRegularExpressionMatch &m : pair.globalMatch(segment)) {
        if (LibpqConninfo::isKeyword(m.captured(1)))
            return true;
    }
    return false;
}

bool looksLikeNpgsql(const QString &text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq < 0)
        return false; // libpq refuses it, and parseLibpq() explains the missing '='
    const QString firstKey = text.left(eq).trimmed();
    const bool libpqKey = LibpqConninfo::isKeyword(firstKey);
    const qsizetype semicolon = unquotedSemicolon(text, libpqKey);
    if (semicolon >= 0)
        return !(libpqKey && hasSecondLibpqPair(text.left(semicolon)));
    // One pair, or pairs without ';': "Host=db" or "Server=db" can only be Npgsql.
    return !libpqKey && NpgsqlKeys::isKey(firstKey);
}

ParsedConnection parseSqlite(const QString &path)
{
    if (path.isEmpty())
        return failure(u"\"sqlite:\" needs a database file after it, e.g. "
                       "sqlite:/var/lib/app/app.db (or sqlite::memory:)."_s);
    if (path.contains(QChar(0)))
        return failure(u"The SQLite path contains a NUL character."_s);
    ParsedConnection pc;
    pc.spec.driver = ConnectionSpec::Driver::Sqlite;
    pc.spec.database = path;
    return pc;
}

} // namespace

ParsedConnection ConnectionString::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return failure(u"The connection string is empty. Enter a PostgreSQL connection string "
                       "(Host=...;Database=..., host=... dbname=... or postgresql://...) or "
                       "sqlite:PATH."_s);
    if (trimmed.startsWith(u"sqlite:", Qt::CaseInsensitive))
        return parseSqlite(trimmed.mid(7));
    if (trimmed.startsWith(u"postgres://") || trimmed.startsWith(u"postgresql://"))
        return parseLibpq(trimmed);
    // libpq takes the scheme only in lower case (uri_prefix_length in fe-connect.c) and would
    // read "POSTGRESQL://..." as a broken key=value string.
    if (trimmed.startsWith(u"postgres://", Qt::CaseInsensitive)
        || trimmed.startsWith(u"postgresql://", Qt::CaseInsensitive))
        return failure(u"libpq reads a URI only when it starts with postgresql:// or "
                       "postgres:// in lower case. Write the scheme in lower case."_s);
    static const QRegularExpression otherScheme(u"^[A-Za-z][A-Za-z0-9+.-]*://"_s);
    if (otherScheme.match(trimmed).hasMatch())
        return failure(u"Only postgresql:// and postgres:// URIs are supported (or sqlite:PATH "
                       "for SQLite)."_s);
    if (looksLikeNpgsql(trimmed))
        return parseNpgsql(trimmed);
    return parseLibpq(trimmed);
}
