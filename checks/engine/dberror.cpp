// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/dberror.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

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
                u"^(?<method>.*?)-?[Aa]uthentifizierung für Benutzer »(?<name>.*?)« fehlgeschlagen"_s },
            { u"28000", K::RoleNotFound, V::Plain, u"^role \"(?<name>.*)\" does not exist"_s },
            { u"28000", K::RoleNotFound, V::Plain, u"^Rolle »(?<name>.*)« existiert nicht"_s },
            { u"28000", K::LoginNotPermitted, V::Plain,
                u"^role \"(?<name>.*)\" is not permitted to log in"_s },
            { u"28000", K::LoginNotPermitted, V::Plain,
                u"^Rolle »(?<name>.*)« hat keine Berechtigung zum Einloggen"_s },
            { u"28000", K::HbaRejected, V::HbaNoEntry,
                u"^no pg_hba.conf entry for host \"(?<host>.*?)\", user \"(?<name>.*?)\", database \"(?<db>.*?)\""_s },
            { u"28000", K::HbaRejected, V::HbaNoEntry,
                u"^kein pg_hba.conf-Eintrag für Host »(?<host>.*?)«, Benutzer »(?<name>.*?)«, Datenbank »(?<db>.*?)«"_s },
            { u"28000", K::HbaRejected, V::HbaReject,
                u"^pg_hba.conf rejects connection for host \"(?<host>.*?)\", user \"(?<name>.*?)\", database \"(?<db>.*?)\""_s },
            { u"28000", K::HbaRejected, V::HbaReject,
                u"^pg_hba.conf lehnt Verbindung ab für Host »(?<host>.*?)«, Benutzer »(?<name>.*?)«, Datenbank »(?<db>.*?)«"_s },
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
                u"connection to server on socket \"(?<host>.*?)\" failed: No such file or directory"_s },
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
        u"connection to server at \"(?<host>[^\"]*)\"(?: \\([^)]*\\))?, port (?<port>\\d+) failed"_s);
    return re;
}

QString refusedAdvice()
{
    return u"Check that the server is running and listens on this host and port."_s;
}

QString connectTimeoutAdvice(int connectTimeoutSec)
{
    return u"No answer within %1 s: check the host, the port, firewalls and whether the server is overloaded."_s
        .arg(connectTimeoutSec);
}

QString quoted(const QString &name, const QString &placeholder)
{
    return name.isEmpty() ? placeholder : u'"' + name + u'"';
}

// Fills what, advice and facts for a placed failure. m holds the names the message gave,
// or is null (a failure placed by its SQLSTATE alone).
void describe(DbError *e, Variant variant, const QRegularExpressionMatch *m, int connectTimeoutSec)
{
    const auto group = [m](const QString &name) { return m ? m->captured(name) : QString(); };
    const QString name = group(u"name"_s);
    const QString role = quoted(name, u"<role>"_s);
    const QString database = quoted(name, u"<database>"_s);
    switch (e->kind) {
    case K::HostNotFound:
        e->what = u"Host name %1 not found (DNS)"_s.arg(quoted(group(u"host"_s), u"<host>"_s));
        e->advice = u"Check the host name for typos. Inside a container or a cluster, use the name "
                    "of the database's service on that network; 'getent hosts %1' shows what this "
                    "machine resolves."_s.arg(
                        group(u"host"_s).isEmpty() ? u"<host>"_s : group(u"host"_s));
        break;
    case K::ConnectionRefused:
        if (variant == V::Socket) {
            e->what
                = u"No server listens on socket %1"_s.arg(quoted(group(u"host"_s), u"<socket>"_s));
            e->advice = u"Check that the server is running and that the host (the socket folder) "
                        "matches its unix_socket_directories."_s;
        } else {
            e->what = u"Connection refused"_s;
            e->advice = refusedAdvice();
        }
        break;
    case K::NoRoute:
        e->what = u"No route to the server's host"_s;
        e->advice = u"Check the address, the VPN or routing, and firewalls (a REJECT rule answers "
                    "like this)."_s;
        break;
    case K::Timeout:
        e->what = u"Connection timeout"_s;
        e->advice = connectTimeoutAdvice(connectTimeoutSec);
        break;
    case K::NotPostgres: {
        const QString byte = group(u"name"_s);
        e->what = byte == u"H"_s
            ? u"Not a PostgreSQL server on this port: it answered like an HTTP server"_s
            : u"Not a PostgreSQL server on this port: the answer is not PostgreSQL's protocol"_s;
        e->advice = u"Check the port (PostgreSQL's default is 5432): another service listens on "
                    "this one. On its host, 'ss -ltnp' shows which program it is."_s;
        break;
    }
    case K::TlsFailed:
        switch (variant) {
        case V::NoServerTls:
            e->what
                = u"TLS failed: the server does not offer TLS, but the connection requires it"_s;
            e->advice
                = u"Turn on ssl in the server's postgresql.conf (with a certificate and key), "
                  "or lower sslmode to prefer on a network you trust."_s;
            break;
        case V::NoRootCertificate:
            e->what = u"TLS failed: the CA file %1 to verify the server with does not exist"_s.arg(
                quoted(name, u"<file>"_s));
            e->advice
                = u"Set sslrootcert (Npgsql: Root Certificate) to the CA that signed the "
                  "server's certificate, or use sslmode=require to encrypt without verifying."_s;
            break;
        case V::NameMismatch:
            e->what = u"TLS failed: the server's certificate is not issued for host name %1"_s.arg(
                quoted(group(u"host"_s), u"<host>"_s));
            e->advice = u"Connect by a name the certificate lists (its subjectAltName), or reissue "
                        "the certificate with this name."_s;
            break;
        case V::VerifyFailed:
            e->what = u"TLS failed: the server's certificate could not be verified"_s;
            e->advice = u"Give the CA that signed it (sslrootcert, Npgsql: Root Certificate); a "
                        "self-signed server certificate is its own CA."_s;
            break;
        default:
            e->what = u"TLS failed: the handshake with the server did not complete"_s;
            e->advice = u"Check sslmode, the certificate files and the TLS versions both sides "
                        "allow (ssl_min_protocol_version); the server's log says why it ended "
                        "the handshake."_s;
        }
        break;
    case K::AuthenticationFailed:
        if (variant == V::NoPassword) {
            e->what = u"The server asks for a password and none was given"_s;
            e->advice = u"Give this environment's password (keychain, PGPASSWORD or .pgpass)."_s;
        } else if (variant == V::OtherMethodAuth) {
            const QString method = group(u"method"_s).remove(u'"').trimmed();
            e->what = u"Authentication (%1) failed for user %2"_s.arg(
                method.isEmpty() ? u"pg_hba.conf method"_s : method, role);
            e->advice = u"pg_hba.conf chose this method for the connection and it failed: check "
                        "what the method needs (peer and ident: the OS user must match the role "
                        "or a pg_ident.conf map), or add a line with the method you mean, above "
                        "this one. The server's log says more."_s;
        } else {
            e->what = u"Password authentication failed for user %1"_s.arg(role);
            e->advice = u"The password is wrong or the role does not exist: the server says the "
                        "same for both, on purpose. Check the password the connection uses "
                        "(keychain, PGPASSWORD or .pgpass) and that the role exists (SELECT "
                        "rolname FROM pg_roles); the server's log says which it was."_s;
        }
        break;
    case K::RoleNotFound:
        e->what = u"Role %1 does not exist"_s.arg(role);
        e->advice = u"Correct the user name in the connection, or create the role as a superuser "
                    "(CREATE ROLE %1 LOGIN)."_s.arg(name.isEmpty() ? u"<role>"_s : name);
        break;
    case K::LoginNotPermitted:
        e->what = u"Role %1 may not log in (NOLOGIN)"_s.arg(role);
        e->advice
            = u"As a superuser: ALTER ROLE %1 LOGIN; or connect with a role that may log in "
              "(group roles have NOLOGIN on purpose)."_s.arg(name.isEmpty() ? u"<role>"_s : name);
        break;
    case K::HbaRejected: {
        const QString who = m ? u"host %1, user %2, database %3"_s.arg(
                                group(u"host"_s), role, quoted(group(u"db"_s), u"<database>"_s))
                              : QString();
        if (variant == V::HbaReject) {
            e->what
                = u"pg_hba.conf rejects this connection: a \"reject\" line matches %1"_s.arg(who);
            e->advice
                = u"The first matching line decides: if this client should get in, put a line "
                  "that allows it above the reject line, then SELECT pg_reload_conf(); "
                  "pg_hba_file_rules lists the lines in the order they are tried."_s;
        } else {
            e->what = u"pg_hba.conf rejects this connection: no line matches %1"_s.arg(who);
            e->advice = u"Add a line for this client address, database and role (e.g. 'hostssl "
                        "<database> <role> <address>/32 scram-sha-256'), then SELECT "
                        "pg_reload_conf(); pg_hba_file_rules shows the lines the server loaded."_s;
        }
        e->facts << qMakePair(u"HbaRule"_s,
            QVariant(variant == V::HbaReject ? u"reject line"_s : u"no matching line"_s));
        break;
    }
    case K::LoginRejected:
        e->what = u"The server rejected the login (SQLSTATE 28000)"_s;
        e->advice = u"pg_hba.conf has no line for this client or rejects it, the role does not "
                    "exist or may not log in, or its authentication method failed; the server's "
                    "log names which."_s;
        break;
    case K::NoConnectPrivilege:
        e->what = u"The role may not connect to database %1 (no CONNECT privilege)"_s.arg(database);
        e->advice = u"As the database's owner or a superuser: GRANT CONNECT ON DATABASE %1 TO "
                    "<role> (REVOKE ... FROM PUBLIC took the default away)."_s.arg(
                        name.isEmpty() ? u"<database>"_s : name);
        break;
    case K::DatabaseNotFound:
        e->what = u"Database %1 does not exist on this server"_s.arg(database);
        e->advice = u"Check the database name in the connection ('psql -l' lists them); a new "
                    "server needs the database created first (migrations create tables, not the "
                    "database)."_s;
        break;
    case K::DatabaseNotAccepting:
        e->what
            = u"Database %1 does not accept connections (ALLOW_CONNECTIONS false)"_s.arg(database);
        e->advice = u"Someone closed it on purpose (maintenance, a template, a database about to "
                    "be dropped): ask why, then as its owner or a superuser ALTER DATABASE %1 "
                    "ALLOW_CONNECTIONS true."_s.arg(name.isEmpty() ? u"<database>"_s : name);
        break;
    case K::NoFreeSlot: {
        // The server gives no numbers at login; the tier is all the message tells.
        const QString reservedFor = group(u"name"_s);
        QString tier;
        if (variant == V::AllSlots) {
            tier = u"all max_connections slots are taken"_s;
            e->what = u"The server has no free connection slot, not even for a superuser: all "
                      "max_connections slots are taken"_s;
            e->advice
                = u"Nobody can log in to look, so look on the database host: 'ps -u postgres "
                  "-o pid,args' shows each backend's role, database and client. Stop or scale "
                  "down the client holding most (kill -TERM <pid> ends one backend, as "
                  "pg_terminate_backend does), then shrink the client pools or put a pooler "
                  "such as PgBouncer in front; raise max_connections (restart) only if the "
                  "pools cannot shrink."_s;
        } else {
            const bool roleTier = reservedFor.contains(u"pg_use_reserved_connections"_s);
            tier = roleTier
                ? u"only the reserved_connections slots are left (for pg_use_reserved_connections)"_s
                : u"only the superuser_reserved_connections slots are left"_s;
            e->what = u"The server has no free connection slot for this role: %1"_s.arg(tier);
            e->advice = u"Find who holds the connections: as a superuser (a reserved slot is "
                        "theirs) SELECT usename, application_name, state, count(*) FROM "
                        "pg_stat_activity GROUP BY 1, 2, 3. End idle sessions, shrink the client "
                        "pools or put a pooler such as PgBouncer in front; raise max_connections "
                        "(restart) only if the pools cannot shrink. The server gives no numbers at "
                        "login: SHOW max_connections, superuser_reserved_connections and "
                        "reserved_connections do."_s;
        }
        if (!m) {
            e->what = u"The server has no free connection slot for this role, or the role's or "
                      "the database's connection limit is reached (SQLSTATE 53300)"_s;
            tier.clear();
        }
        if (!tier.isEmpty())
            e->facts << qMakePair(u"SlotShortage"_s, QVariant(tier));
        break;
    }
    case K::RoleConnectionLimit:
        e->what = u"Role %1 has reached its connection limit (CONNECTION LIMIT)"_s.arg(role);
        e->advice
            = u"Its sessions: SELECT pid, application_name, state FROM pg_stat_activity "
              "WHERE usename = '%1'. End idle ones or shrink the pools that use this role, "
              "or raise the limit: ALTER ROLE %1 CONNECTION LIMIT <n> (pg_roles.rolconnlimit, "
              "-1 for none)."_s.arg(name.isEmpty() ? u"<role>"_s : name);
        break;
    case K::DatabaseConnectionLimit:
        e->what
            = u"Database %1 has reached its connection limit (CONNECTION LIMIT)"_s.arg(database);
        e->advice = u"Its sessions: SELECT usename, application_name, state FROM pg_stat_activity "
                    "WHERE datname = '%1'. End idle ones or shrink the pools, or raise the limit: "
                    "ALTER DATABASE %1 CONNECTION LIMIT <n> (pg_database.datconnlimit, -1 for "
                    "none)."_s.arg(name.isEmpty() ? u"<database>"_s : name);
        break;
    case K::ServerNotAccepting:
        switch (variant) {
        case V::StartingUp:
            e->what = u"The server is starting up and takes no connections yet"_s;
            e->advice = u"Run the check again in a moment; if it stays like this, the server is "
                        "replaying WAL after a crash: read its log."_s;
            break;
        case V::ShuttingDown:
            e->what = u"The server is shutting down and takes no new connections"_s;
            e->advice = u"A shutdown is in progress (a smart shutdown waits for every open session "
                        "to end): wait for the server to be started again, or ask who stopped it; "
                        "'systemctl status postgresql' or 'pg_ctl status' on its host."_s;
            break;
        case V::InRecovery:
            e->what = u"The server is in recovery and takes no connections"_s;
            e->advice = u"Wait for the recovery to finish; the server's log shows its progress."_s;
            break;
        case V::NotYetConsistent:
            e->what = u"The server is a standby that has not reached a consistent state yet"_s;
            e->advice
                = u"Wait until it has replayed enough WAL (its log says \"consistent recovery "
                  "state reached\"), or connect to the primary."_s;
            break;
        case V::HotStandbyOff:
            e->what = u"The server is a standby that takes no connections (hot_standby off)"_s;
            e->advice
                = u"Connect to the primary, or set hot_standby = on on this standby (restart) "
                  "for read-only sessions."_s;
            break;
        default:
            e->what = u"The server takes no connections now (starting up, shutting down or in "
                      "recovery)"_s;
            e->advice = u"Try again shortly, or read the server's log."_s;
        }
        break;
    case K::ConnectionLost:
        e->what = u"The server closed the connection during the login"_s;
        e->advice = u"The server may have crashed or restarted (read its log), or something other "
                    "than PostgreSQL listens on this port."_s;
        break;
    default:
        break;
    }
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

bool place(DbError *e, const QList<Pattern> &patterns, const QString &text, int connectTimeoutSec)
{
    for (const Pattern &p : patterns) {
        const QRegularExpressionMatch m = p.re.match(text);
        if (!m.hasMatch())
            continue;
        e->kind = p.kind;
        if (*p.sqlState)
            e->sqlState = QString::fromUtf16(p.sqlState);
        describe(e, p.variant, &m, connectTimeoutSec);
        e->authenticated = credentialsAccepted(p.kind, p.variant);
        return true;
    }
    return false;
}

} // namespace

QString DbError::summary() const
{
    QString text = what;
    if (text.isEmpty()) {
        switch (kind) {
        case Kind::None:
            return {};
        case Kind::ConnectionRefused:
            text = u"Connection refused"_s;
            break;
        case Kind::Timeout:
            text = u"Connection timeout"_s;
            break;
        case Kind::AuthenticationFailed:
            text = u"Authentication failed"_s;
            break;
        case Kind::PermissionDenied:
            text = u"Permission denied"_s;
            break;
        case Kind::StatementTimeout:
            text = u"Query timed out (statement_timeout)"_s;
            break;
        case Kind::LockTimeout:
            text = u"Lock timeout: another session holds a conflicting lock"_s;
            break;
        case Kind::Cancelled:
            text = u"Cancelled"_s;
            break;
        case Kind::ConnectionLost:
            text = u"Connection lost"_s;
            break;
        case Kind::NoAnswer:
            text = u"No answer from the server"_s;
            break;
        case Kind::ReadOnly:
            text = u"Write refused in a read-only transaction"_s;
            break;
        case Kind::NotFound:
            text = u"Not found"_s;
            break;
        default:
            text = detail.section(u'\n', 0, 0).trimmed();
            if (text.isEmpty())
                text = u"Database error"_s;
            break;
        }
    }
    return advice.isEmpty() ? text : text + u". "_s + advice;
}

QString DbError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::HostNotFound:
        return u"HostNotFound"_s;
    case Kind::ConnectionRefused:
        return u"ConnectionRefused"_s;
    case Kind::NoRoute:
        return u"NoRoute"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::NotPostgres:
        return u"NotPostgres"_s;
    case Kind::TlsFailed:
        return u"TlsFailed"_s;
    case Kind::AuthenticationFailed:
        return u"AuthenticationFailed"_s;
    case Kind::RoleNotFound:
        return u"RoleNotFound"_s;
    case Kind::LoginNotPermitted:
        return u"LoginNotPermitted"_s;
    case Kind::HbaRejected:
        return u"HbaRejected"_s;
    case Kind::LoginRejected:
        return u"LoginRejected"_s;
    case Kind::NoConnectPrivilege:
        return u"NoConnectPrivilege"_s;
    case Kind::DatabaseNotFound:
        return u"DatabaseNotFound"_s;
    case Kind::DatabaseNotAccepting:
        return u"DatabaseNotAccepting"_s;
    case Kind::NoFreeSlot:
        return u"NoFreeSlot"_s;
    case Kind::RoleConnectionLimit:
        return u"RoleConnectionLimit"_s;
    case Kind::DatabaseConnectionLimit:
        return u"DatabaseConnectionLimit"_s;
    case Kind::ServerNotAccepting:
        return u"ServerNotAccepting"_s;
    case Kind::PermissionDenied:
        return u"PermissionDenied"_s;
    case Kind::StatementTimeout:
        return u"StatementTimeout"_s;
    case Kind::LockTimeout:
        return u"LockTimeout"_s;
    case Kind::Cancelled:
        return u"Cancelled"_s;
    case Kind::ConnectionLost:
        return u"ConnectionLost"_s;
    case Kind::NoAnswer:
        return u"NoAnswer"_s;
    case Kind::ReadOnly:
        return u"ReadOnly"_s;
    case Kind::NotFound:
        return u"NotFound"_s;
    case Kind::Other:
        return u"Other"_s;
    }
    return {};
}

bool DbError::reachedServer() const
{
    switch (kind) {
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::NoRoute:
    case Kind::Timeout:
    case Kind::NotPostgres:
        return false;
    default:
        return true;
    }
}

QString DbError::detailOneLine() const
{
    return detail.simplified();
}

bool DbError::hasServerMessage(const QString &libpqText)
{
    return serverLine().match(libpqText).hasMatch();
}

DbError DbError::fromConnect(const QSqlError &error, int connectTimeoutSec)
{
    DbError e;
    e.sqlState = error.nativeErrorCode();
    e.detail = error.databaseText().trimmed();
    // The server's messages first, the last one that places: libpq lists every attempt
    // (each host, and with sslmode=prefer a second one without TLS), the last is final.
    QStringList primaries;
    for (const QRegularExpressionMatch &m : serverLine().globalMatch(e.detail))
        primaries.append(m.captured(u"primary"_s));
    for (auto it = primaries.crbegin(); it != primaries.crend(); ++it) {
        if (place(&e, serverPatterns(), *it, connectTimeoutSec))
            return e;
    }
    // Then libpq's own words, the last attempt first ("localhost" that refuses on ::1 and
    // fails the certificate on 127.0.0.1 is a certificate failure).
    static const QRegularExpression attemptStart(u"\n(?=connection to server )"_s);
    const QStringList attempts = e.detail.split(attemptStart);
    for (auto it = attempts.crbegin(); it != attempts.crend(); ++it) {
        if (!place(&e, clientPatterns(), *it, connectTimeoutSec))
            continue;
        if (e.kind == Kind::ConnectionRefused && e.what == u"Connection refused"_s) {
            if (const QRegularExpressionMatch m = attemptLine().match(*it); m.hasMatch())
                e.what += u" by %1 port %2"_s.arg(m.captured(u"host"_s), m.captured(u"port"_s));
        }
        return e;
    }
    if (!e.sqlState.isEmpty()) {
        e.placeByStartupSqlState(e.sqlState);
        if (e.kind != Kind::None)
            return e;
    }
    e.kind = Kind::Other;
    e.advice = u"Check the connection settings."_s;
    return e;
}

void DbError::placeByStartupSqlState(const QString &state)
{
    static const QList<QPair<QString, Kind>> byState {
        { u"53300"_s, Kind::NoFreeSlot },
        { u"3D000"_s, Kind::DatabaseNotFound },
        { u"28P01"_s, Kind::AuthenticationFailed },
        { u"28000"_s, Kind::LoginRejected },
        { u"42501"_s, Kind::NoConnectPrivilege },
        { u"55000"_s, Kind::DatabaseNotAccepting },
        { u"57P03"_s, Kind::ServerNotAccepting },
    };
    for (const auto &[code, k] : byState) {
        if (code != state)
            continue;
        kind = k;
        sqlState = state;
        what.clear();
        advice.clear();
        facts.clear();
        const Variant variant
            = k == Kind::AuthenticationFailed ? Variant::PasswordAuth : Variant::Plain;
        describe(this, variant, nullptr, 0);
        authenticated = credentialsAccepted(k, variant);
        return;
    }
}

DbError DbError::fromQuery(const QSqlError &error)
{
    DbError e;
    e.sqlState = error.nativeErrorCode();
    e.detail = error.databaseText().trimmed();
    if (e.detail.isEmpty())
        e.detail = error.text();
    const QString &s = e.sqlState;
    const QString t = e.detail.toLower();
    if (s == u"42501") {
        e.kind = Kind::PermissionDenied;
    } else if (s == u"57014") {
        // 57014 is both a statement_timeout and a cancel request. The server words it in its
        // own language (lc_messages), so the text cannot tell them apart; our own cancels are
        // known to the runner, which turns any error after one into "Cancelled". Only the
        // English text of someone else's cancel (pg_cancel_backend, a pooler) is told apart.
        if (t.contains(u"user request")) {
            e.kind = Kind::Other;
            e.advice
                = u"Another session or a connection pooler cancelled the query (pg_cancel_backend); run the check again."_s;
        } else {
            e.kind = Kind::StatementTimeout;
            e.advice
                = u"The server took longer than the statement timeout; raise it for this environment or check load."_s;
        }
    } else if (s == u"55P03") {
        e.kind = Kind::LockTimeout;
        e.advice
            = u"Look for the blocking session in pg_locks / pg_stat_activity (often a migration in progress)."_s;
    } else if (s == u"25006") {
        e.kind = Kind::ReadOnly;
    } else if (s == u"57P01" || s == u"57P02" || s == u"57P03" || s.startsWith(u"08")
        || t.contains(u"server closed the connection") || t.contains(u"no connection to the server")
        || t.contains(u"terminating connection")) {
        e.kind = Kind::ConnectionLost;
        e.advice
            = u"The server ended the session (restart, failover or pg_terminate_backend); run the check again."_s;
    } else {
        e.kind = Kind::Other;
    }
    return e;
}

DbError DbError::noAnswer(qint64 waitedMs)
{
    DbError e;
    e.kind = Kind::NoAnswer;
    e.detail = u"no answer within %1 s; the connection was closed"_s.arg(qRound(waitedMs / 1000.0));
    e.advice = u"The server stopped answering mid-query, beyond what statement_timeout can stop: "
               "a frozen server, a network partition, or a pooler with no free server "
               "connection (PgBouncer's query_wait_timeout). Check the server and the pooler, "
               "then run the check again."_s;
    return e;
}
