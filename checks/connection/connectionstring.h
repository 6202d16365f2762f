// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"

#include <QString>
#include <QStringList>

// The result of reading a connection string.
struct ParsedConnection
{
    ConnectionSpec spec;
    QStringList warnings; // e.g. pooling keys libpq does not have, settings not passed on
    QString error; // empty on success; never contains the password
                   // (on failure spec is left empty: no partial password)
    bool ok() const { return error.isEmpty(); }
};

// Reading connection strings into a ConnectionSpec. Every function returns a
// ParsedConnection: on success the spec and any warnings; on failure an error that says what
// is wrong and names keys, never values (a value may be, or hold part of, the password), and
// an empty spec. Beyond the syntax, every form is checked the same way: ports 1-65535, only
// ConnectionSpec::isAllowedOption() keys reach spec.options, no value hides another setting
// ("x host=evil"), no control character in an option, sslmode and counts valid,
// "options" only "-c name=value", the database name not itself a connection string, no NUL.
namespace ConnectionString {

// Detects the form and reads it: "sqlite:PATH"; a postgresql:// or postgres:// URI (the
// scheme in lower case, as libpq requires; another scheme or case is an error); an Npgsql
// "Key=Value;..." string (a first key libpq does not know, or an unquoted ';' between
// pairs); otherwise a libpq "key=value key=value" string. Leading and trailing blanks are
// ignored; an empty text is an error.
ParsedConnection parse(const QString &text);

// An Npgsql (ADO.NET DbConnectionStringBuilder) string, mapped to libpq settings. Keys are
// case- and space-insensitive with all of Npgsql's aliases; pooling and driver keys libpq
// has no equivalent for, and unknown keys, are warnings; a key given twice warns and the last
// value wins. Read by the doctor's own parser: no C or C++ library reads Npgsql strings.
ParsedConnection parseNpgsql(const QString &text);

// A libpq connection string, keyword/value ("host=db dbname=app") or URI
// ("postgresql://user@db:5432/app?sslmode=require"), read by libpq itself
// (PQconninfoParse): libpq is the source of truth for the syntax, the quoting, the
// percent-decoding and the keywords (PQconndefaults). So a key libpq does not know is an
// error, as it is for libpq; a libpq keyword the doctor does not pass on is a warning; a key
// given twice warns and the last value wins, at the place of the first (spec.options keep
// the order written); requiressl and a URI's ssl=true arrive as sslmode, as libpq stores
// them; hostaddr alone is the host, next to host it is ignored with a warning. A raw '@' in
// a URI's password is an error (libpq would read the rest as the host name). When libpq
// refuses the string, its own message is not used (it quotes the string, password
// included): the error is the doctor's, naming the key or the part of the URI at fault.
ParsedConnection parseLibpq(const QString &text);

} // namespace ConnectionString
