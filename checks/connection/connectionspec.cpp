// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connection/connectionspec.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f;
}

// libpq conninfo quoting. '=', '"', ';' and control characters are quoted too although
// libpq would not need it: a quoted value can never be mistaken for anything else, and
// ConnectionString::parse() takes a string with an unquoted ';' for an Npgsql one.
QString libpqQuoted(const QString &value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isSpace() || c == u'\'' || c == u'"' || c == u'\\' || c == u'=' || c == u';'
            || isControl(c);
    });
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace

QString ConnectionSpec::option(const QString &key) const
{
    const QString k = key.toLower();
    for (const auto &[name, value] : options) {
        if (name == k)
            return value;
    }
    return {};
}

void ConnectionSpec::setOption(const QString &key, const QString &value)
{
    const QString k = key.toLower();
    if (!isAllowedOption(k))
        return; // the allow-list is the contract of `options`; other keys never get in
    for (auto &entry : options) {
        if (entry.first == k) {
            entry.second = value;
            return;
        }
    }
    options.append({ k, value });
}

QString ConnectionSpec::toKeywordString() const
{
    if (driver != Driver::Postgres)
        return {};
    QStringList parts;
    // The parsers refuse a NUL anywhere and control characters in options; this guards
    // values set by other code (see the header): such a value is left out, never cut short.
    const auto add = [&parts](const QString &key, const QString &value, bool option) {
        if (value.isEmpty() || value.contains(QChar(0))
            || (option && std::any_of(value.cbegin(), value.cend(), isControl)))
            return;
        parts.append(key + u'=' + libpqQuoted(value));
    };
    add(u"host"_s, host, false);
    add(u"port"_s, port, false);
    add(u"dbname"_s, database, false);
    add(u"user"_s, user, false);
    // Deliberately no password: a written string must never carry one, and DbSession hands
    // it to libpq as a keyword of its own.
    ConnectionSpec copy = *this;
    if (connectTimeoutSec)
        copy.setOption(u"connect_timeout"_s, QString::number(*connectTimeoutSec));
    for (const auto &[key, value] : std::as_const(copy.options)) {
        if (isAllowedOption(key))
            add(key, value, true);
    }
    return parts.join(u' ');
}

QString ConnectionSpec::describe() const
{
    if (driver == Driver::Sqlite)
        return u"sqlite "_s + database;

    const QStringList hosts = host.split(u',');
    const QStringList ports = port.split(u',');
    QStringList endpoints;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        QString h = hosts.at(i).isEmpty() ? u"(default host)"_s : hosts.at(i);
        if (h.contains(u':') && !h.startsWith(u'/'))
            h = u'[' + h + u']';
        const QString p = ports.size() == 1 ? ports.first() : ports.value(i);
        endpoints.append(p.isEmpty() ? h : h + u':' + p);
    }
    QString text = u"postgres "_s + endpoints.join(u',');
    if (!database.isEmpty())
        text += u'/' + database;
    if (!user.isEmpty())
        text += u" as "_s + user;
    QStringList notes;
    if (const QString mode = option(u"sslmode"_s); !mode.isEmpty())
        notes.append(u"sslmode="_s + mode);
    if (trustServerCertificate)
        notes.append(u"server certificate trusted"_s);
    if (!notes.isEmpty())
        text += u" ("_s + notes.join(u", "_s) + u')';
    return text;
}

QString ConnectionSpec::tlsVerification() const
{
    const QString mode = option(u"sslmode"_s);
    if (driver != Driver::Postgres || mode == u"disable")
        return u"off"_s;
    // Npgsql's Trust Server Certificate skips verification, so never claim more than that.
    if (!trustServerCertificate && (mode == u"verify-ca" || mode == u"verify-full"))
        return u"verified"_s;
    return u"unverified"_s;
}

bool ConnectionSpec::isAllowedOption(const QString &libpqKey)
{
    static const QSet<QString> allowed = {
        u"sslmode"_s,
        u"sslrootcert"_s,
        u"sslcert"_s,
        u"sslkey"_s,
        u"sslcrl"_s,
        u"sslnegotiation"_s,
        u"sslcompression"_s,
        u"application_name"_s,
        u"fallback_application_name"_s,
        u"connect_timeout"_s,
        u"options"_s,
        u"target_session_attrs"_s,
        u"load_balance_hosts"_s,
        u"keepalives"_s,
        u"keepalives_idle"_s,
        u"keepalives_interval"_s,
        u"keepalives_count"_s,
        u"tcp_user_timeout"_s,
        u"service"_s,
        u"passfile"_s,
        u"gssencmode"_s,
        u"channel_binding"_s,
        u"krbsrvname"_s,
        u"require_auth"_s,
        u"client_encoding"_s,
    };
    return allowed.contains(libpqKey);
}
