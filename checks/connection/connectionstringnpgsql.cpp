// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Npgsql "Key=Value;Key=Value" strings (DbConnectionStringBuilder syntax), mapped to libpq.

#include "connection/connectionstring_p.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

namespace {

enum class Kind {
    Host,
    Port,
    Database,
    Username,
    Password,
    SslMode,
    TrustServerCertificate,
    Timeout,
    CommandTimeout,
    SearchPath,
    Options,
    Libpq, // value passed as is to the libpq keyword
    LibpqLowercase, // enum value ("Prefer") passed lower case
    TargetSession,
    LoadBalance,
    TcpKeepalive,
    NoEquivalent, // pooling and driver behaviour libpq does not have
};

struct Key
{
    Kind kind;
    QString libpq; // for Libpq and LibpqLowercase
    bool lenient = false; // accepted here, but Npgsql itself rejects the key
};

// Keys are compared lower case without spaces, so "User Id", "UserId" and "USER ID" match.
QString normalized(const QString &key)
{
    QString k = key.toLower();
    k.removeIf([](QChar c) { return c.isSpace(); });
    return k;
}

const QHash<QString, Key> &keyTable()
{
    static const QHash<QString, Key> table = [] {
        QHash<QString, Key> t;
        const auto add = [&t](std::initializer_list<const char16_t *> names, Key key) {
            for (const char16_t *name : names)
                t.insert(QString::fromUtf16(name), key);
        };
        add({ u"host", u"server" }, { Kind::Host, {} });
        add({ u"port" }, { Kind::Port, {} });
        add({ u"database", u"db" }, { Kind::Database, {} });
        add({ u"dbname" }, { Kind::Database, {}, true });
        add({ u"username", u"userid", u"uid" }, { Kind::Username, {} });
        add({ u"user" }, { Kind::Username, {}, true });
        add({ u"password", u"pwd", u"psw" }, { Kind::Password, {} });
        add({ u"sslmode" }, { Kind::SslMode, {} });
        add({ u"trustservercertificate" }, { Kind::TrustServerCertificate, {} });
        add({ u"timeout" }, { Kind::Timeout, {} });
        add({ u"commandtimeout" }, { Kind::CommandTimeout, {} });
        add({ u"applicationname" }, { Kind::Libpq, u"application_name"_s });
        add({ u"searchpath" }, { Kind::SearchPath, {} });
        add({ u"options" }, { Kind::Options, {} });
        add({ u"rootcertificate" }, { Kind::Libpq, u"sslrootcert"_s });
        add({ u"sslcertificate" }, { Kind::Libpq, u"sslcert"_s });
        add({ u"sslkey" }, { Kind::Libpq, u"sslkey"_s });
        add({ u"clientencoding" }, { Kind::Libpq, u"client_encoding"_s });
        add({ u"kerberosservicename", u"krbsrvname" }, { Kind::Libpq, u"krbsrvname"_s });
        add({ u"passfile" }, { Kind::Libpq, u"passfile"_s });
        add({ u"tcpkeepalivetime" }, { Kind::Libpq, u"keepalives_idle"_s });
        add({ u"tcpkeepaliveinterval" }, { Kind::Libpq, u"keepalives_interval"_s });
        add({ u"gssencryptionmode" }, { Kind::LibpqLowercase, u"gssencmode"_s });
        add({ u"channelbinding" }, { Kind::LibpqLowercase, u"channel_binding"_s });
        add({ u"sslnegotiation" }, { Kind::LibpqLowercase, u"sslnegotiation"_s });
        add({ u"targetsessionattributes" }, { Kind::TargetSession, {} });
        add({ u"loadbalancehosts" }, { Kind::LoadBalance, {} });
        add({ u"tcpkeepalive" }, { Kind::TcpKeepalive, {} });
        add({ u"pooling", u"minimumpoolsize", u"minpoolsize", u"maximumpoolsize", u"maxpoolsize",
                u"connectionidlelifetime", u"connectionpruninginterval", u"connectionlifetime",
                u"loadbalancetimeout", u"keepalive", u"includeerrordetail", u"logparameters",
                u"enlist", u"multiplexing", u"writecoalescingbufferthresholdbytes",
                u"noresetonclose", u"readbuffersize", u"writebuffersize",
                u"socketreceivebuffersize", u"socketsendbuffersize", u"maxautoprepare",
                u"autoprepareminusages", u"servercompatibilitymode", u"internalcommandtimeout",
                u"cancellationtimeout", u"arraynullabilitymode", u"persistsecurityinfo",
                u"checkcertificaterevocation", u"sslpassword", u"hostrecheckseconds",
                u"loadtablecomposites", u"includerealm", u"encoding", u"timezone",
                u"includefailedbatchedcommand", u"requireauth", u"integratedsecurity",
                u"replicationmode" },
            { Kind::NoEquivalent, {} });
        return t;
    }();
    return table;
}

struct Entry
{
    Key key;
    QString shownKey; // as written, for messages
    QString value;
};

bool isPasswordKey(const QString &key)
{
    const auto it = keyTable().constFind(normalized(key));
    return it != keyTable().cend() && it->kind == Kind::Password;
}

// Splits the text into key/value pairs; returns an error or empty.
QString split(const QString &text, QList<std::pair<QString, QString>> &pairs)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    QString previousKey, keyBeforeThat;
    const auto name = [](const QString &key, const QString &before) {
        return keyForMessage(key, isNpgsqlKeyword(key), isPasswordKey(before));
    };
    for (;;) {
        while (i < n && (text.at(i).isSpace() || text.at(i) == u';'))
            ++i;
        if (i >= n)
            return {};
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && text.at(i) != u';')
            ++i;
        if (i >= n || text.at(i) == u';') {
            // The stray text is often the tail of an unquoted value: do not quote it.
            if (previousKey.isEmpty())
                return u"The connection string starts with text that is not Key=Value."_s;
            return u"The text after the value of %1 is not Key=Value. If that value contains "
                   "';', put it in quotes: Key='...'."_s.arg(name(previousKey, keyBeforeThat));
        }
        const QString key = text.mid(keyStart, i - keyStart).trimmed();
        ++i;
        if (key.isEmpty())
            return u"There is a '=' with no key in front of it."_s;
        while (i < n && text.at(i).isSpace())
            ++i;
        QString value;
        if (i < n && (text.at(i) == u'\'' || text.at(i) == u'"')) {
            const QChar quote = text.at(i++);
            bool closed = false;
            while (i < n && !closed) {
                if (text.at(i) != quote) {
                    value += text.at(i++);
                } else if (i + 1 < n && text.at(i + 1) == quote) {
                    value += quote; // a doubled quote is a literal one
                    i += 2;
                } else {
                    ++i;
                    closed = true;
                }
            }
            if (!closed)
                return u"The value of %1 starts with a quote that is never closed. Close it, "
                       "and double any quote inside the value."_s.arg(name(key, previousKey));
            while (i < n && text.at(i).isSpace())
                ++i;
            if (i < n && text.at(i) != u';')
                return u"The value of %1 has text after its closing quote. Put the whole "
                       "value in quotes and double any quote inside it."_s.arg(
                           name(key, previousKey));
        } else {
            const qsizetype valueStart = i;
            while (i < n && text.at(i) != u';')
                ++i;
            value = text.mid(valueStart, i - valueStart).trimmed();
        }
        pairs.append({ key, value });
        keyBeforeThat = previousKey;
        previousKey = key;
    }
}

bool sameSetting(const Key &a, const Key &b)
{
    return a.kind == b.kind && a.libpq == b.libpq && a.kind != Kind::NoEquivalent;
}

std::optional<bool> parseBool(const QString &value)
{
    if (value.compare(u"true", Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(u"false", Qt::CaseInsensitive) == 0)
        return false;
    return std::nullopt;
}

// Npgsql enum names ("VerifyFull", "PreferStandby") compared lower case without '-', '_' or
// spaces, so libpq's spelling ("verify-full") is accepted as well.
QString enumKey(const QString &value)
{
    QString v = value.toLower();
    v.remove(u'-').remove(u'_').removeIf([](QChar c) { return c.isSpace(); });
    return v;
}

// Npgsql's Host: a comma list of host, host:port or [ipv6]:port.
struct HostList
{
    QStringList hosts;
    QStringList ports; // empty element: no port given for that host
};

HostList splitHosts(const QString &value)
{
    HostList list;
    for (QString h : value.split(u',')) {
        h = h.trimmed();
        QString port;
        // Npgsql's rule: split at the last ':' when it is the only one or follows "[...]";
        // a bare IPv6 address ("::1") has no port.
        const qsizetype colon = h.lastIndexOf(u':');
        const qsizetype bracket = h.lastIndexOf(u']');
        const qsizetype otherColon = colon > 0 ? h.lastIndexOf(u':', colon - 1) : -1;
        if (colon >= 0 && (otherColon < 0 || (colon > bracket && otherColon < bracket))) {
            port = h.mid(colon + 1);
            h.truncate(colon);
        }
        if (h.startsWith(u'[') && h.endsWith(u']'))
            h = h.mid(1, h.size() - 2);
        list.hosts.append(h);
        list.ports.append(port);
    }
    return list;
}

class NpgsqlApplier
{
public:
    explicit NpgsqlApplier(ParsedConnection &pc)
        : m_pc(pc)
    { }
    QString apply(const Entry &e); // returns an error or empty
    QString finish();

private:
    ParsedConnection &m_pc;
    std::optional<QString> m_host, m_port, m_searchPath, m_options;
};

QString NpgsqlApplier::apply(const Entry &e)
{
    ConnectionSpec &spec = m_pc.spec;
    const QString shown = u'"' + e.shownKey + u'"';
    const QString &v = e.value;
    switch (e.key.kind) {
    case Kind::Host:
        m_host = v;
        return {};
    case Kind::Port:
        m_port = v;
        return v.contains(u',') ? u"%1 takes one port; give one port per host in Host "
                                  "(Host=a:5432,b:5433)."_s.arg(shown)
                                : checkPortList(v, shown, true);
    case Kind::Database:
        spec.database = v;
        return {};
    case Kind::Username:
        spec.user = v;
        return {};
    case Kind::Password:
        spec.password = v;
        return {};
    case Kind::SslMode: {
        static const QHash<QString, QString> modes = {
            { u"disable"_s, u"disable"_s },
            { u"allow"_s, u"allow"_s },
            { u"prefer"_s, u"prefer"_s },
            { u"require"_s, u"require"_s },
            { u"verifyca"_s, u"verify-ca"_s },
            { u"verifyfull"_s, u"verify-full"_s },
        };
        const QString mode = modes.value(enumKey(v));
        if (mode.isEmpty())
            return u"%1 must be one of Disable, Allow, Prefer, Require, VerifyCA, "
                   "VerifyFull."_s.arg(shown);
        spec.setOption(u"sslmode"_s, mode);
        return {};
    }
    case Kind::TrustServerCertificate: {
        const std::optional<bool> b = parseBool(v);
        if (!b)
            return u"%1 must be true or false."_s.arg(shown);
        spec.trustServerCertificate = *b;
        return {};
    }
    case Kind::Timeout:
    case Kind::CommandTimeout: {
        const std::optional<int> seconds = parseCount(v);
        if (!seconds)
            return u"%1 \"%2\" is not a whole number of seconds."_s.arg(shown, v);
        if (e.key.kind == Kind::CommandTimeout) {
            spec.commandTimeoutSec = seconds;
        } else {
            spec.connectTimeoutSec = seconds;
            spec.setOption(u"connect_timeout"_s, QString::number(*seconds));
        }
        return {};
    }
    case Kind::SearchPath:
        m_searchPath = v;
        return checkOptionValue(u"search_path"_s, v, shown);
    case Kind::Options:
        m_options = v;
        return checkOptionValue(u"options"_s, v, shown);
    case Kind::Libpq:
    case Kind::LibpqLowercase: {
        const QString value = e.key.kind == Kind::Libpq ? v : v.toLower();
        if (const QString error = checkOptionValue(e.key.libpq, value, shown); !error.isEmpty())
            return error;
        spec.setOption(e.key.libpq, value);
        return {};
    }
    case Kind::TargetSession: {
        static const QHash<QString, QString> attrs = {
            { u"any"_s, u"any"_s },
            { u"primary"_s, u"primary"_s },
            { u"standby"_s, u"standby"_s },
            { u"preferstandby"_s, u"prefer-standby"_s },
            { u"readwrite"_s, u"read-write"_s },
            { u"readonly"_s, u"read-only"_s },
            { u"preferprimary"_s, QString() },
        };
        const QString key = enumKey(v);
        if (!attrs.contains(key))
            return u"%1 must be one of Any, Primary, Standby, PreferPrimary, PreferStandby, "
                   "ReadWrite, ReadOnly."_s.arg(shown);
        if (attrs.value(key).isEmpty())
            m_pc.warnings.append(u"%1=PreferPrimary has no libpq equivalent; the doctor "
                                 "connects to the first host that answers."_s.arg(shown));
        else
            spec.setOption(u"target_session_attrs"_s, attrs.value(key));
        return {};
    }
    case Kind::LoadBalance:
    case Kind::TcpKeepalive: {
        const std::optional<bool> b = parseBool(v);
        if (!b)
            return u"%1 must be true or false."_s.arg(shown);
        if (e.key.kind == Kind::LoadBalance)
            spec.setOption(u"load_balance_hosts"_s, *b ? u"random"_s : u"disable"_s);
        else
            spec.setOption(u"keepalives"_s, *b ? u"1"_s : u"0"_s);
        return {};
    }
    case Kind::NoEquivalent:
        m_pc.warnings.append(u"%1 is an Npgsql setting libpq does not have (connection pooling "
                             "or driver behaviour); the doctor ignores it."_s.arg(shown));
        return {};
    }
    return {};
}

QString NpgsqlApplier::finish()
{
    ConnectionSpec &spec = m_pc.spec;
    if (m_host) {
        const HostList list = splitHosts(*m_host);
        for (const QString &h : list.hosts) {
            if (h.isEmpty())
                return u"\"Host\" has an empty entry. List hosts as Host=a,b or Host=a:5432,b:5433."_s;
        }
        if (QString error = checkPortList(list.ports.join(u','), u"A port in \"Host\""_s, true);
            !error.isEmpty())
            return error;
        spec.host = list.hosts.join(u',');
        if (std::all_of(list.ports.cbegin(), list.ports.cend(),
                [](const QString &p) { return p.isEmpty(); })) {
            spec.port = m_port.value_or(QString());
        } else {
            // Npgsql fills hosts without a port from Port, else 5432.
            QStringList ports = list.ports;
            for (QString &p : ports) {
                if (p.isEmpty())
                    p = m_port.value_or(u"5432"_s);
            }
            spec.port = ports.join(u',');
        }
    } else {
        spec.port = m_port.value_or(QString());
        m_pc.warnings.append(u"No Host is given: Npgsql would refuse this connection string. "
                             "The doctor uses libpq's default (the local socket)."_s);
    }

    QStringList serverOptions;
    if (m_options && !m_options->trimmed().isEmpty())
        serverOptions.append(m_options->trimmed());
    if (m_searchPath)
        serverOptions.append(u"-c search_path="_s + escapeServerOptionValue(*m_searchPath));
    if (!serverOptions.isEmpty())
        spec.setOption(u"options"_s, serverOptions.join(u' '));

    const QString mode = spec.option(u"sslmode"_s);
    if (spec.trustServerCertificate && (mode == u"verify-ca" || mode == u"verify-full"))
        m_pc.warnings.append(u"Trust Server Certificate=true contradicts SSL Mode=%1 (Npgsql "
                             "rejects the pair). The doctor verifies the certificate but reports "
                             "the connection as unverified."_s.arg(mode));
    return {};
}

} // namespace

bool ConnectionStringDetail::isNpgsqlKeyword(const QString &key)
{
    return keyTable().contains(normalized(key));
}

ParsedConnection ConnectionString::parseNpgsql(const QString &text)
{
    QList<std::pair<QString, QString>> pairs;
    if (const QString error = split(text, pairs); !error.isEmpty())
        return failure(error);

    ParsedConnection pc;
    // Duplicates: last value wins, at the place of the first (the order options are kept in).
    QList<Entry> entries;
    QString previousKey;
    for (const auto &[shownKey, value] : std::as_const(pairs)) {
        const bool afterPassword = isPasswordKey(previousKey);
        previousKey = shownKey;
        const auto it = keyTable().constFind(normalized(shownKey));
        if (it == keyTable().cend()) {
            pc.warnings.append(unknownKeyWarning(shownKey, afterPassword));
            continue;
        }
        if (it->lenient)
            pc.warnings.append(u"\"%1\" is a libpq name; Npgsql rejects it (write %2). The doctor "
                               "accepts it."_s.arg(shownKey,
                                   it->kind == Kind::Database ? u"Database"_s : u"Username"_s));
        const auto same = std::find_if(entries.begin(), entries.end(),
            [&](const Entry &e) { return sameSetting(e.key, *it); });
        if (same == entries.end()) {
            entries.append({ *it, shownKey, value });
            continue;
        }
        pc.warnings.append(same->shownKey.compare(shownKey, Qt::CaseInsensitive) == 0
                ? u"\"%1\" is given more than once; the last value is used."_s.arg(shownKey)
                : u"\"%1\" and \"%2\" set the same thing; the last one is used."_s.arg(
                    same->shownKey, shownKey));
        same->shownKey = shownKey;
        same->value = value;
    }

    NpgsqlApplier applier(pc);
    for (const Entry &e : std::as_const(entries)) {
        if (const QString error = applier.apply(e); !error.isEmpty())
            return failure(error, pc.warnings);
    }
    if (const QString error = applier.finish(); !error.isEmpty())
        return failure(error, pc.warnings);
    finishPostgres(pc);
    return pc;
}
