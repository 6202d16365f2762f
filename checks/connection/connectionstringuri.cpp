// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// libpq URIs: postgresql://[user[:password]@][host][:port][,host[:port]...][/dbname][?k=v&...]

#include "connection/connectionstring_p.h"

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Percent-decoding as libpq does it ('+' stays '+', %00 is refused); nullopt when invalid.
std::optional<QString> decoded(const QString &text)
{
    if (!text.contains(u'%'))
        return text;
    QByteArray bytes;
    qsizetype i = 0;
    for (qsizetype pct; (pct = text.indexOf(u'%', i)) >= 0; i = pct + 3) {
        bytes += QStringView(text).sliced(i, pct - i).toUtf8();
        const int hi = pct + 2 < text.size() ? hexValue(text.at(pct + 1)) : -1;
        const int lo = hi >= 0 ? hexValue(text.at(pct + 2)) : -1;
        if (lo < 0 || (hi == 0 && lo == 0))
            return std::nullopt;
        bytes += char(hi * 16 + lo);
    }
    bytes += QStringView(text).sliced(i).toUtf8();
    return QString::fromUtf8(bytes);
}

const QString badEncoding = u"%1 in the URI has an invalid percent-encoding: '%' must be "
                            "followed by two hex digits (and %00 is not allowed)."_s;

} // namespace

ParsedConnection ConnectionString::parseUri(const QString &text)
{
    const qsizetype schemeEnd = text.indexOf(u"://");
    const QString scheme = schemeEnd < 0 ? QString() : text.left(schemeEnd).toLower();
    if (scheme != u"postgresql" && scheme != u"postgres")
        return failure(u"A PostgreSQL URI starts with postgresql:// or postgres://."_s);
    const QString rest = text.mid(schemeEnd + 3);
    const qsizetype n = rest.size();

    ParsedConnection pc;
    ConnectionSpec &spec = pc.spec;
    LibpqKeywords keywords(pc);

    // user[:password]@ ends at the last '@' before the first '/' (libpq takes the first;
    // the last also copes with an unencoded '@' in a password).
    qsizetype slash = rest.indexOf(u'/');
    if (slash < 0)
        slash = n;
    const qsizetype at = rest.left(slash).lastIndexOf(u'@');
    qsizetype i = 0;
    if (at >= 0) {
        const QString userInfo = rest.left(at);
        const qsizetype colon = userInfo.indexOf(u':');
        const std::optional<QString> user = decoded(userInfo.left(colon));
        if (!user)
            return failure(badEncoding.arg(u"The user name"_s));
        spec.user = *user;
        keywords.markSeen(u"user"_s);
        if (colon >= 0) {
            const std::optional<QString> password = decoded(userInfo.mid(colon + 1));
            if (!password)
                return failure(badEncoding.arg(u"The password"_s));
            spec.password = *password;
            keywords.markSeen(u"password"_s);
        }
        i = at + 1;
    }

    // host[:port] or [ipv6][:port], comma-separated. Hosts without a port keep an empty
    // element in the port list, as libpq builds it ("a,b:5433" -> port ",5433").
    QStringList hosts, ports;
    const auto endOfHost = [&](qsizetype from, QStringView stops) {
        while (from < n && !stops.contains(rest.at(from)))
            ++from;
        return from;
    };
    for (;;) {
        QString host, port;
        if (i < n && rest.at(i) == u'[') {
            const qsizetype close = rest.indexOf(u']', i);
            if (close < 0)
                return failure(u"An IPv6 address in the URI has no closing ']'."_s);
            host = rest.mid(i + 1, close - i - 1);
            i = close + 1;
            if (i < n && !QStringView(u":,/?").contains(rest.at(i)))
                return failure(
                    u"Unexpected text after the IPv6 address [%1] in the URI."_s.arg(host));
        } else {
            const qsizetype end = endOfHost(i, u":,/?");
            host = rest.mid(i, end - i);
            i = end;
        }
        if (i < n && rest.at(i) == u':') {
            const qsizetype end = endOfHost(i + 1, u",/?");
            port = rest.mid(i + 1, end - i - 1);
            i = end;
        }
        const std::optional<QString> h = decoded(host);
        const std::optional<QString> p = decoded(port);
        if (!h)
            return failure(badEncoding.arg(u"A host"_s));
        if (!p || !checkPortList(*p, {}, false).isEmpty() || p->contains(u','))
            return failure(u"A port in the URI is not a number between 1 and 65535."_s);
        hosts.append(*h);
        ports.append(*p);
        if (i < n && rest.at(i) == u',') {
            ++i;
            continue;
        }
        break;
    }
    spec.host = hosts.join(u',');
    if (!std::all_of(ports.cbegin(), ports.cend(), [](const QString &p) { return p.isEmpty(); }))
        spec.port = ports.join(u',');
    if (!spec.host.isEmpty())
        keywords.markSeen(u"host"_s);
    if (!spec.port.isEmpty())
        keywords.markSeen(u"port"_s);

    if (i < n && rest.at(i) == u'/') {
        const qsizetype end = endOfHost(i + 1, u"?");
        const std::optional<QString> db = decoded(rest.mid(i + 1, end - i - 1));
        if (!db)
            return failure(badEncoding.arg(u"The database name"_s));
        spec.database = *db;
        if (!db->isEmpty())
            keywords.markSeen(u"dbname"_s);
        i = end;
    }

    if (i < n && rest.at(i) == u'?') {
        QString previousKey, keyBeforeThat;
        const auto name = [](const QString &key, const QString &before) {
            return keyForMessage(key, isLibpqKeyword(key) || key == u"ssl", before == u"password");
        };
        for (const QString &param : rest.mid(i + 1).split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype eq = param.indexOf(u'=');
            const std::optional<QString> key = decoded(param.left(eq));
            if (eq < 0)
                return failure(previousKey.isEmpty()
                        ? u"A URI parameter has no '=' (write ?key=value)."_s
                        : u"The URI parameter after %1 has no '='. Encode '&' "
                          "inside a value as %26."_s.arg(name(previousKey, keyBeforeThat)),
                    pc.warnings);
            if (!key)
                return failure(badEncoding.arg(u"A parameter name"_s), pc.warnings);
            if (param.indexOf(u'=', eq + 1) >= 0)
                return failure(
                    u"The URI parameter %1 contains a second '='; libpq refuses "
                    "that. Encode '=' inside a value as %3D."_s.arg(name(*key, previousKey)),
                    pc.warnings);
            const std::optional<QString> value = decoded(param.mid(eq + 1));
            if (!value)
                return failure(
                    badEncoding.arg(u"The value of "_s + name(*key, previousKey)), pc.warnings);
            // libpq's own JDBC-compatibility alias.
            const bool sslTrue = *key == u"ssl" && *value == u"true";
            if (!keywords.apply(sslTrue ? u"sslmode"_s : *key, sslTrue ? u"require"_s : *value))
                return pc;
            keyBeforeThat = previousKey;
            previousKey = *key;
        }
    } else if (i < n) {
        return failure(u"Unexpected text after the host list of the URI; the database name "
                       "follows a '/'."_s);
    }
    keywords.finish();
    finishPostgres(pc);
    return pc;
}
