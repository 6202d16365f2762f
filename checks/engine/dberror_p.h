// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/dberror.h"

#include <QList>
#include <QRegularExpression>
#include <optional>

// What DbError's methods (dberror.cpp) share with the message tables (dberrorpatterns.cpp)
// and the wording of each kind (dberroradvice.cpp).
namespace DbErrorPrivate {

// Sub-cases a kind is worded by.
enum class Variant {
    Plain,
    AllSlots, // "sorry, too many clients already": not even a superuser gets in
    ReservedSlots, // only reserved slots left; the message names for whom
    PasswordAuth,
    OtherMethodAuth, // peer, ident, cert, LDAP ... ("<method> authentication failed")
    NoPassword, // libpq: "fe_sendauth: no password supplied"
    HbaNoEntry,
    HbaReject,
    StartingUp,
    ShuttingDown,
    InRecovery,
    NotYetConsistent,
    HotStandbyOff,
    Socket, // refused on a Unix-domain socket
    NoServerTls,
    NoRootCertificate,
    NameMismatch,
    VerifyFailed,
};

struct Pattern
{
    const char16_t *sqlState; // the errcode PostgreSQL's source gives this message
    DbError::Kind kind;
    Variant variant;
    QRegularExpression re; // named groups: name (role/database/user), host, db, method
};

// The start-up errors a PostgreSQL 17 server sends, in English and German, matched against
// the primary message (the text after "FATAL:  "). In dberrorpatterns.cpp.
const QList<Pattern> &serverPatterns();
// libpq's own connection-failure messages (libpq 17, English). In dberrorpatterns.cpp.
const QList<Pattern> &clientPatterns();
// A server's error in libpq's text: "SEVERITY:  primary" (group "primary"), one per line.
const QRegularExpression &serverLine();
// "connection to server at "HOST" (ADDR), port PORT failed" (groups "host", "port").
const QRegularExpression &attemptLine();
// Whether the server had accepted the role's credentials when it sent this failure;
// nullopt when the failure came before it judged them. In dberrorpatterns.cpp.
std::optional<bool> credentialsAccepted(DbError::Kind kind, Variant variant);

// Fills e->what, e->advice and e->facts for a placed failure of kind e->kind. M holds the
// names the message gave (groups name, host, db, method), or is null for a failure placed
// by its SQLSTATE alone. In dberroradvice.cpp.
void describe(DbError *e, Variant variant, const QRegularExpressionMatch *m, int connectTimeoutSec);

} // namespace DbErrorPrivate
