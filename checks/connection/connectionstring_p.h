// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Internal to the connection-string parsers (connectionstring.cpp, libpqconnectionstring.cpp,
// npgsqlconnectionstring.cpp): the checks and messages they share, in
// connectionstringchecks.cpp. Not part of the API. Messages name keys, never values.

#include "connection/connectionstring.h"

#include <optional>

namespace ConnectionStringDetail {

// A failed parse: no spec (so no password) is handed back, only the message and warnings.
ParsedConnection failure(const QString &error, const QStringList &warnings = {});

// How a message names a key that may be the tail of an unquoted password ("Password=a;b=c"
// makes "b" a key): known keys by name, others only when plain and not right after a password.
QString keyForMessage(const QString &key, bool known, bool afterPassword);
QString unknownKeyWarning(const QString &key, bool afterPassword);

// A whole number >= 0 (digits only), as libpq and Npgsql take seconds and counts.
std::optional<int> parseCount(const QString &text);
// Empty when every element of the comma list is empty or a port 1-65535, else an error.
// The value is quoted in the message only when showValue is set: a broken string can shift
// password text into the port position.
QString checkPortList(const QString &ports, const QString &shownKey, bool showValue);

// Checks a value bound for ConnectionSpec::options (or the free-text parts of one):
// no control characters, no embedded "keyword=" that libpq would read as another setting,
// valid sslmode and numbers, and "options" limited to "-c name=value" settings. A ';' is
// fine: libpq takes it as an ordinary character, and ConnectionSpec::toKeywordString()
// quotes it. Returns an error naming shownKey, or empty.
QString checkOptionValue(const QString &libpqKey, const QString &value, const QString &shownKey);

// Backslash-escapes whitespace and backslashes, as the server splits the "options" value.
QString escapeServerOptionValue(const QString &value);

// Checks shared by every PostgreSQL form once the spec is complete; false sets pc.error.
bool finishPostgres(ParsedConnection &pc);

} // namespace ConnectionStringDetail
