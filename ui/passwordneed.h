// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QProcessEnvironment>

// Whether an environment needs the doctor to supply a password, and whose password it is:
// PostgreSQL keeps one password per role for the whole cluster, so a password belongs to a
// role on a server (host, port, user), not to a database or an environment.
namespace PasswordNeed {

// True when a typed password could be used at all: PostgreSQL, configured, a user set and
// no password in the connection. What "Enter Password…" is offered for.
bool canAskFor(const Environment &env);

// True when the doctor must supply a password: canAskFor(), and nothing libpq would use
// instead in system (PGPASSWORD, a .pgpass file, or a passfile or service option: when such
// a file exists it is left to libpq, and an authentication failure says the rest).
bool needsPassword(const Environment &env, const QProcessEnvironment &system);

// "user@host:port" with libpq's defaults filled in from system (PGHOST, PGPORT, else the
// local socket and 5432); a host list stays a list. Host names compare case-insensitively.
QString keyOf(const ConnectionSpec &spec, const QProcessEnvironment &system);

// The server part of keyOf() for people: lower-case host (empty for the local socket) and
// port, with the same defaults.
QString hostOf(const ConnectionSpec &spec, const QProcessEnvironment &system);
QString portOf(const ConnectionSpec &spec, const QProcessEnvironment &system);

} // namespace PasswordNeed
