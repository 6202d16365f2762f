// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Checks shared by the connection-string parsers, whatever the form: the values bound for
// ConnectionSpec::options, ports, and the finished spec. Messages name keys, never values
// that could be (part of) a password.

#include "connection/connectionstring_p.h"
#include "connection/libpqconninfo.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ConnectionStringDetail {

namespace {

// "keyword=" or "keyword =" for any libpq keyword, not as the tail of a longer word
// ("report=" is fine). Case-insensitive although libpq is not: defence in depth.
QString smuggledKeyword(const QString &value)
{
    static const QRegularExpression re = [] {
        QStringList alternatives;
        for (const QString &keyword : LibpqConninfo::keywords())
            alternatives.append(QRegularExpression::escape(keyword));
        return QRegularExpression(u"(?:^|[^A-Za-z0-9_])("_s + alternatives.join(u'|') + u")\\s*="_s,
            QRegularExpression::CaseInsensitiveOption);
    }();
    const QRegularExpressionMatch m = re.match(value);
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

QString shownToken(const QString &token)
{
    // Enough to find the mistake, not the value after '=' (it may be a secret).
    const qsizetype eq = token.indexOf(u'=');
    return eq >= 0 ? token.left(eq + 1) + u"..."_s : token.left(30);
}

// The server splits "options" on whitespace with backslash escapes (pg_split_opts) and
// hands each piece to its command-line parser, so only "-c name=value" and
// "--name=value" are settings; anything else would be a command-line switch.
QString checkServerOptions(const QString &value, const QString &shownKey)
{
    QStringList tokens;
    QString current;
    bool inToken = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\' && i + 1 < value.size()) {
            current += value.at(++i);
            inToken = true;
        } else if (c.isSpace()) {
            if (inToken)
                tokens.append(current);
            current.clear();
            inToken = false;
        } else {
            current += c;
            inToken = true;
        }
    }
    if (inToken)
        tokens.append(current);

    static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_.-]*$"_s);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QString setting;
        if (tokens.at(i) == u"-c") {
            if (i + 1 == tokens.size())
                return u"%1 ends with \"-c\" and no setting after it. Write -c name=value."_s.arg(
                    shownKey);
            setting = tokens.at(++i);
        } else if (tokens.at(i).startsWith(u"--")) {
            setting = tokens.at(i).mid(2);
        } else {
            return u"%1 may only contain server settings written as \"-c name=value\"; "
                   "\"%2\" is not one. Give other connection settings as their own keys."_s.arg(
                       shownKey, shownToken(tokens.at(i)));
        }
        const qsizetype eq = setting.indexOf(u'=');
        if (eq <= 0 || !name.match(setting.left(eq)).hasMatch())
            return u"%1 contains \"%2\", which is not a server setting of the form "
                   "name=value."_s.arg(shownKey, shownToken(setting));
        if (const QString kw = smuggledKeyword(setting.mid(eq + 1)); !kw.isEmpty())
            return u"%1 contains \"%2=\" inside the value of %3: connection settings cannot "
                   "be hidden in a server setting. Give them as their own keys."_s.arg(
                       shownKey, kw, setting.left(eq));
    }
    return {};
}

} // namespace

ParsedConnection failure(const QString &error, const QStringList &warnings)
{
    ParsedConnection pc;
    pc.error = error;
    pc.warnings = warnings;
    return pc;
}

QString keyForMessage(const QString &key, bool known, bool afterPassword)
{
    if (known)
        return u'"' + key + u'"';
    if (afterPassword)
        return u"the key after the password"_s;
    static const QRegularExpression plain(u"^[A-Za-z0-9 _.-]{1,40}$"_s);
    if (!plain.match(key).hasMatch())
        return u"a key with unusual characters"_s;
    return u'"' + key + u'"';
}

QString unknownKeyWarning(const QString &key, bool afterPassword)
{
    if (afterPassword)
        return u"The key after the password is unknown and ignored. If the password contains "
               "';', '&' or spaces, quote or encode it."_s;
    const QString name = keyForMessage(key, false, false);
    if (!name.startsWith(u'"'))
        return u"An unknown key with unusual characters is ignored; check the quoting of the "
               "value before it."_s;
    return u"Unknown key %1 is ignored; check its spelling."_s.arg(name);
}

std::optional<int> parseCount(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 9
        || !std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return std::nullopt;
    return t.toInt();
}

QString checkPortList(const QString &ports, const QString &shownKey, bool showValue)
{
    for (const QString &p : ports.split(u',')) {
        if (p.trimmed().isEmpty())
            continue; // libpq: an empty element means the default port
        const std::optional<int> n = parseCount(p);
        if (!n || *n < 1 || *n > 65535)
            return showValue ? u"%1 \"%2\" is not a port number (1-65535)."_s.arg(shownKey, p)
                             : u"%1 is not a port number (1-65535)."_s.arg(shownKey);
    }
    return {};
}

QString checkOptionValue(const QString &libpqKey, const QString &value, const QString &shownKey)
{
    if (std::any_of(value.cbegin(), value.cend(),
            [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
        return u"%1 contains a control character (a line break or tab, for example). "
               "Remove it."_s.arg(shownKey);
    if (libpqKey == u"options")
        return checkServerOptions(value, shownKey);
    // Quoting alone would keep "x host=evil" harmless; rejecting it anyway means no later
    // change in quoting (or a driver that does not quote) can turn it into a setting.
    if (const QString kw = smuggledKeyword(value); !kw.isEmpty())
        return u"%1 contains \"%2=\": connection settings cannot be hidden in another "
               "setting's value. Give them as their own keys."_s.arg(shownKey, kw);
    if (libpqKey == u"sslmode") {
        static const QStringList modes = { u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s,
            u"verify-ca"_s, u"verify-full"_s };
        if (!modes.contains(value))
            return u"%1 must be one of %2."_s.arg(shownKey, modes.join(u", "_s));
    }
    static const QStringList counts
        = { u"connect_timeout"_s, u"keepalives"_s, u"keepalives_idle"_s, u"keepalives_interval"_s,
              u"keepalives_count"_s, u"tcp_user_timeout"_s, u"sslcompression"_s };
    if (counts.contains(libpqKey) && !parseCount(value))
        return u"%1 is not a whole number."_s.arg(shownKey);
    return {};
}

QString escapeServerOptionValue(const QString &value)
{
    QString out;
    for (QChar c : value) {
        if (c.isSpace() || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out;
}

bool finishPostgres(ParsedConnection &pc)
{
    // Each port was checked with the blanks around it trimmed, but libpq takes the list as
    // is: an unquoted list ends at the first blank ("5432, 5433"), and libpq refuses a port
    // of " " ("invalid integer value"). Keep only the digits and commas; and no
    // list at all when no element has a port (libpq reads "postgresql://a,b" as port ",").
    QStringList ports = pc.spec.port.split(u',');
    for (QString &p : ports)
        p = p.trimmed();
    const bool none
        = std::all_of(ports.cbegin(), ports.cend(), [](const QString &p) { return p.isEmpty(); });
    pc.spec.port = none ? QString() : ports.join(u',');
    const QString &db = pc.spec.database;
    // libpq expands a dbname that looks like a connection string when asked to
    // (PQconnectdbParams with expand_dbname): refuse one rather than hope nobody asks.
    if (db.contains(u'=') || db.startsWith(u"postgres://", Qt::CaseInsensitive)
        || db.startsWith(u"postgresql://", Qt::CaseInsensitive)) {
        pc = failure(u"The database name looks like a connection string ('=' or a URI); "
                     "libpq could read settings from it. Give only the database name."_s,
            pc.warnings);
        return false;
    }
    const ConnectionSpec &s = pc.spec;
    for (const QString *field : { &s.host, &s.port, &s.database, &s.user, &s.password }) {
        // libpq takes C strings: a NUL would silently cut the value short.
        if (field->contains(QChar(0))) {
            pc = failure(
                u"The connection string contains a NUL character. Remove it."_s, pc.warnings);
            return false;
        }
    }
    return true;
}

} // namespace ConnectionStringDetail
