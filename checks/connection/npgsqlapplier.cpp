// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connection/npgsqlapplier.h"

#include "connection/connectionstring_p.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;
using NpgsqlKeys::Kind;

namespace {

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

} // namespace

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
                return u"\"Host\" has an empty entry. List hosts as Host=a,b or "
                       "Host=a:5432,b:5433."_s;
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
