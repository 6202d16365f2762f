// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connection/npgsqlkeys.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace NpgsqlKeys {

namespace {

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

} // namespace

std::optional<Key> find(const QString &key)
{
    const auto it = keyTable().constFind(normalized(key));
    if (it == keyTable().cend())
        return std::nullopt;
    return *it;
}

bool isPasswordKey(const QString &key)
{
    const std::optional<Key> k = find(key);
    return k && k->kind == Kind::Password;
}

} // namespace NpgsqlKeys
