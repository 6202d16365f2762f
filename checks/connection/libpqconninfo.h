// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Internal to the connection-string parsers: the one place that asks libpq to read a
// connection string. libpq is the source of truth for the keyword/value and URI syntax
// (PQconninfoParse) and for the keyword list (PQconndefaults); nothing here re-implements
// either.

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace LibpqConninfo {

// What PQconninfoParse reads from TEXT (keyword/value, or a URI starting with the lower-case
// postgresql:// or postgres://): only the keywords the string sets, each once with its last
// value, in libpq's own keyword order (not the string's); URI parts percent-decoded; values
// converted from UTF-8. requiressl and a URI's ssl=true arrive as sslmode. No defaults
// (environment, service file) are added. nullopt when libpq refuses the string. libpq's
// error text is never asked for: it quotes the string, password included.
// TEXT must not contain NUL: libpq takes a C string, and a NUL would cut it short.
using Options = QList<QPair<QString, QString>>;
std::optional<Options> parse(const QString &text);

// Every keyword libpq accepts in a connection string, case-sensitive as libpq is: those
// PQconndefaults() lists (libpq 17: host ... load_balance_hosts, 41 of them), plus the legacy
// requiressl, which libpq still accepts without listing it (kept only while PQconninfoParse
// accepts it).
const QStringList &keywords();
bool isKeyword(const QString &key);

// The keyword libpq stores KEY's value under: sslmode for requiressl (conninfo_storeval in
// libpq's fe-connect.c) and for a URI's ssl (conninfo_uri_parse_params), KEY itself otherwise.
QString storedKey(const QString &key);

} // namespace LibpqConninfo
