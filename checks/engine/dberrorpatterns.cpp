// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The tables that classify a failed connection: the server's start-up messages (English
// and German), libpq's own messages, and what each kind says about the credentials.

#include "engine/dberror_p.h"

#include <tuple>

using namespace Qt::StringLiterals;

namespace DbErrorPrivate {

using K = DbError::Kind;
using V = Variant;

// The start-up errors a PostgreSQL 17 server sends, in English and German (msgids and
// de.po of PostgreSQL 17; each checked against a real server in tst_pg_connectfailures).
// Matched against the primary message, the text after "FATAL:  ".
const QList<Pattern> &serverPatterns()
{
    static const QList<Pattern> patterns = [] {
        const QList<std::tuple<const char16_t *, K, V, QString>> rows {
            { u"53300", K::NoFreeSlot, V::AllSlots, u"^sorry, too many clients already"_s },
            { u"53300", K::NoFreeSlot, V::AllSlots,
                u"^tut mir leid, schon zu viele Verbindungen"_s },
            // PostgreSQL 16+: "... for roles with the SUPERUSER attribute" or "... with
            // privileges of the "pg_use_reserved_connections" role"; before 16: "... for
            // non-replication superuser connections".
            { u"53300", K::NoFreeSlot, V::ReservedSlots,
                u"^remaining connection slots are reserved for (?<name>.+)$"_s },
            { u"53300", K::NoFreeSlot, V::ReservedSlots,
                u"^(?:die )?verbleibenden? Verbindung\\S* sind für (?<name>.+) reserviert"_s },
            { u"53300", K::RoleConnectionLimit, V::Plain,
                u"^too many connections for role \"(?<name>.*)\""_s },
            { u"53300", K::RoleConnectionLimit, V::Plain,
                u"^zu viele Verbindungen von Rolle »(?<name>.*)«"_s },
            { u"53300", K::DatabaseConnectionLimit, V::Plain,
                u"^too many connections for database \"(?<name>.*)\""_s },
            { u"53300", K::DatabaseConnectionLimit, V::Plain,
                u"^zu viele Verbindungen für Datenbank »(?<name>.*)«"_s },
            { u"3D000", K::DatabaseNotFound, V::Plain,
                u"^database \"(?<name>.*)\" does not exist"_s },
            { u"3D000", K::DatabaseNotFound, V::Plain,
                u"^Datenbank »(?<name>.*)« existiert nicht"_s },
            { u"55000", K::DatabaseNotAccepting, V::Plain,
                u"^database \"(?<name>.*)\" is not currently accepting connections"_s },
            { u"55000", K::DatabaseNotAccepting, V::Plain,
                u"^Datenbank »(?<name>.*)« akzeptiert gegenwärtig keine Verbindungen"_s },
            { u"28P01", K::AuthenticationFailed, V::PasswordAuth,
                u"^password authentication failed for user \"(?<name>.*)\""_s },
            { u"28P01", K::AuthenticationFailed, V::PasswordAuth,
                u"^Passwort-Authentifizierung für Benutzer »(?<name>.*)« fehlgeschlagen"_s },
            { u"28000", K::AuthenticationFailed, V::OtherMethodAuth,
                u"^(?<method>.*?) ?authentication failed for user \"(?<name>.*?)\""_s },
            { u"28000", K::AuthenticationFailed, V::OtherMethodAuth,
                u"^(?<method>.*?)-?[Aa]uthentifizierung für Benutzer »(?<name>.*?)« "
                "fehlgeschlagen"_s },
            { u"28000", K::RoleNotFound, V::Plain, u"^role \"(?<name>.*)\" does not exist"_s },
            { u"28000", K::RoleNotFound, V::Plain, u"^Rolle »(?<name>.*)« existiert nicht"_s },
            { u"28000", K::LoginNotPermitted, V::Plain,
                u"^role \"(?<name>.*)\" is not permitted to log in"_s },
            { u"28000", K::LoginNotPermitted, V::Plain,
                u"^Rolle »(?<name>.*)« hat keine Berechtigung zum Einloggen"_s },
            { u"28000", K::HbaRejected, V::HbaNoEntry,
                u"^no pg_hba.conf entry for host \"(?<host>.*?)\", user \"(?<name>.*?)\", "
                "database \"(?<db>.*?)\""_s },
            { u"28000", K::HbaRejected, V::HbaNoEntry,
                u"^kein pg_hba.conf-Eintrag für Host »(?<host>.*?)«, Benutzer »(?<name>.*?)«, "
                "Datenbank »(?<db>.*?)«"_s },
            { u"28000", K::HbaRejected, V::HbaReject,
                u"^pg_hba.conf rejects connection for host \"(?<host>.*?)\", user "
                "\"(?<name>.*?)\", database \"(?<db>.*?)\""_s },
            { u"28000", K::HbaRejected, V::HbaReject,
                u"^pg_hba.conf lehnt Verbindung ab für Host »(?<host>.*?)«, Benutzer "
                "»(?<name>.*?)«, Datenbank »(?<db>.*?)«"_s },
            { u"42501", K::NoConnectPrivilege, V::Plain,
                u"^permission denied for database \"(?<name>.*)\""_s },
            { u"42501", K::NoConnectPrivilege, V::Plain,
                u"^keine Berechtigung für Datenbank »(?<name>.*)«"_s },
            { u"57P03", K::ServerNotAccepting, V::StartingUp,
                u"^the database system is starting up"_s },
            { u"57P03", K::ServerNotAccepting, V::StartingUp, u"^das Datenbanksystem startet"_s },
            { u"57P03", K::ServerNotAccepting, V::ShuttingDown,
                u"^the database system is shutting down"_s },
            { u"57P03", K::ServerNotAccepting, V::ShuttingDown,
                u"^das Datenbanksystem fährt herunter"_s },
            { u"57P03", K::ServerNotAccepting, V::InRecovery,
                u"^the database system is in recovery mode"_s },
            { u"57P03", K::ServerNotAccepting, V::InRecovery,
                u"^das Datenbanksystem ist im Wiederherstellungsmodus"_s },
            { u"57P03", K::ServerNotAccepting, V::NotYetConsistent,
                u"^the database system is not yet accepting connections"_s },
            { u"57P03", K::ServerNotAccepting, V::NotYetConsistent,
                u"^das Datenbanksystem nimmt noch keine Verbindungen an"_s },
            { u"57P03", K::ServerNotAccepting, V::HotStandbyOff,
                u"^the database system is not accepting connections"_s },
            { u"57P03", K::ServerNotAccepting, V::HotStandbyOff,
                u"^das Datenbanksystem nimmt keine Verbindungen an"_s },
        };
        QList<Pattern> list;
        for (const auto &[state, kind, variant, re] : rows)
            list.append({ state, kind, variant, QRegularExpression(re) });
        return list;
    }();
    return patterns;
}

// libpq's own messages (libpq 17). DbSession connects with C messages on its thread, so
// they arrive in English whatever the desktop's language.
const QList<Pattern> &clientPatterns()
{
    static const QList<Pattern> patterns = [] {
        const QList<std::tuple<K, V, QString>> rows {
            { K::HostNotFound, V::Plain,
                u"could not translate host name \"(?<host>.*?)\" to address"_s },
            { K::ConnectionRefused, V::Plain, u"Connection refused"_s },
            { K::ConnectionRefused, V::Socket,
                u"connection to server on socket \"(?<host>.*?)\" failed: "
                "No such file or directory"_s },
            { K::NoRoute, V::Plain,
                u"No route to host|Network is unreachable|Host is unreachable"_s },
            { K::Timeout, V::Plain, u"timeout expired|Connection timed out"_s },
            // The first byte of the answer: a PostgreSQL server answers the SSL request
            // with 'S' or 'N' and the start-up packet with 'R' or 'E'; an HTTP server with 'H'.
            { K::NotPostgres, V::Plain,
                u"received invalid response to (?:SSL|GSSAPI) negotiation: ?(?<name>.?)"_s },
            { K::NotPostgres, V::Plain,
                u"expected authentication request from server, but received (?<name>.?)"_s },
            { K::TlsFailed, V::NoServerTls,
                u"server does not support SSL, but SSL was required"_s },
            { K::TlsFailed, V::NoRootCertificate,
                u"root certificate file \"(?<name>.*?)\" does not exist"_s },
            { K::TlsFailed, V::NameMismatch, u"does not match host name \"(?<host>.*?)\""_s },
            { K::TlsFailed, V::VerifyFailed, u"certificate verify failed"_s },
            { K::TlsFailed, V::Plain,
                u"SSL error|SSL SYSCALL error|SSL connection has been closed unexpectedly|"
                "could not read root certificate file|could not load private key|"
                "certificate present, but not private key|could not (?:open|read) certificate"_s },
            { K::AuthenticationFailed, V::NoPassword, u"no password supplied"_s },
            { K::ConnectionLost, V::Plain, u"server closed the connection unexpectedly"_s },
        };
        QList<Pattern> list;
        for (const auto &[kind, variant, re] : rows)
            list.append({ u"", kind, variant, QRegularExpression(re) });
        return list;
    }();
    return patterns;
}

// libpq writes a server's error as "SEVERITY:  primary" (two spaces; fe-protocol3.c,
// pqBuildErrorMessage3), since libpq 14 after "connection to server ... failed: ".
// The severity is translated too ("FEHLER"), so any upper-case word is accepted.
const QRegularExpression &serverLine()
{
    static const QRegularExpression re(
        u"(?:^|: )(\\p{Lu}+):  (?<primary>.+)$"_s, QRegularExpression::MultilineOption);
    return re;
}

// "connection to server at "HOST" (ADDR), port PORT failed: ..."
const QRegularExpression &attemptLine()
{
    static const QRegularExpression re(
        u"connection to server at \"(?<host>[^\"]*)\"(?: \\([^)]*\\))?, "
        "port (?<port>\\d+) failed"_s);
    return re;
}

// Whether the server had accepted the role's credentials when it sent this failure.
std::optional<bool> credentialsAccepted(DbError::Kind kind, Variant variant)
{
    switch (kind) {
    case K::AuthenticationFailed:
    case K::LoginRejected:
        return false;
    // pg_hba.conf turns the connection away before any credential is asked for, and a
    // missing role under trust was never asked for one: no verdict on the password.
    case K::HbaRejected:
    case K::RoleNotFound:
        return std::nullopt;
    // PostgreSQL checks these after the authentication (InitPostgres(): the role's LOGIN
    // in InitializeSessionUserId(), CONNECT in CheckMyDatabase()); a wrong password is
    // refused first with 28P01, so reaching them proves the password was right.
    case K::LoginNotPermitted:
    case K::NoConnectPrivilege:
    case K::DatabaseNotFound:
    case K::DatabaseNotAccepting:
    case K::RoleConnectionLimit:
    case K::DatabaseConnectionLimit:
        return true;
    case K::NoFreeSlot:
        // "too many clients" comes before the authentication (InitProcess()), the reserved
        // slots after it; a bare SQLSTATE does not say which.
        return variant == V::ReservedSlots ? std::optional<bool>(true) : std::nullopt;
    default:
        return std::nullopt;
    }
}

} // namespace DbErrorPrivate
