// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// What DbError says for each kind of connection failure: what happened, with the names the
// server gave, and what to do about it (DbErrorPrivate::describe()).

#include "engine/dberror_p.h"

using namespace Qt::StringLiterals;

namespace DbErrorPrivate {

namespace {

using K = DbError::Kind;
using V = Variant;

QString refusedAdvice()
{
    return u"Check that the server is running and listens on this host and port."_s;
}

QString connectTimeoutAdvice(int connectTimeoutSec)
{
    return u"No answer within %1 s: check the host, the port, firewalls and whether the "
           "server is overloaded."_s.arg(connectTimeoutSec);
}

QString quoted(const QString &name, const QString &placeholder)
{
    return name.isEmpty() ? placeholder : u'"' + name + u'"';
}

} // namespace

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
            tier = roleTier ? u"only the reserved_connections slots are left (for "
                              "pg_use_reserved_connections)"_s
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

} // namespace DbErrorPrivate
