// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connection/libpqkeyscan.h"

#include "connection/connectionstring_p.h"
#include "connection/libpqconninfo.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace ConnectionStringDetail;

namespace {

// libpq splits on isspace() of a C string: these six, never a Unicode space.
bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}

QString name(const QString &key, const QString &keyBefore)
{
    return keyForMessage(key, LibpqConninfo::isKeyword(key), keyBefore == u"password");
}

QString unknownKey(const QString &key, const QString &keyBefore, const QString &what)
{
    if (keyBefore == u"password")
        return u"The %1 after the password is not a libpq keyword, so libpq refuses the string. "
               "If the password contains spaces, quotes or '&', quote or encode it."_s.arg(what);
    return u"%1 is not a libpq keyword, so libpq refuses the string; check its spelling "
           "(libpq keywords are lower case)."_s.arg(keyForMessage(key, false, false));
}

// conninfo_parse: key, blanks, '=', blanks, then a value up to the next blank or a '...'
// value, both with backslash escapes. libpq checks the key after reading its value.
LibpqKeyScan scanKeywordValue(const QString &text)
{
    LibpqKeyScan s;
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto before = [&s](qsizetype back) {
        return s.keys.size() > back ? s.keys.at(s.keys.size() - 1 - back) : QString();
    };
    for (;;) {
        while (i < n && isBlank(text.at(i)))
            ++i;
        if (i >= n)
            return s;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && !isBlank(text.at(i)))
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        while (i < n && isBlank(text.at(i)))
            ++i;
        if (i >= n || text.at(i) != u'=') {
            // Often the second word of an unquoted value: name the key before it, not the word.
            s.problem = s.keys.isEmpty()
                ? u"The connection string does not start with key=value (host=... dbname=...)."_s
                : u"The text after the value of %1 is not key=value. If that value contains "
                  "spaces, put it in single quotes: key='...'."_s.arg(name(before(0), before(1)));
            return s;
        }
        ++i;
        while (i < n && isBlank(text.at(i)))
            ++i;
        if (i < n && text.at(i) == u'\'') {
            for (++i;;) {
                if (i >= n) {
                    s.problem = u"The value of %1 starts with a quote that is never closed. "
                                "Close it, and write a quote inside the value as \\'."_s.arg(
                                    name(key, before(0)));
                    return s;
                }
                const QChar c = text.at(i++);
                if (c == u'\\' && i < n)
                    ++i;
                else if (c == u'\'')
                    break;
            }
        } else {
            while (i < n && !isBlank(text.at(i)))
                i += text.at(i) == u'\\' ? 2 : 1;
        }
        if (key.isEmpty()) {
            s.problem = u"There is a '=' with no key in front of it."_s;
            return s;
        }
        if (!LibpqConninfo::isKeyword(key)) {
            s.problem = unknownKey(key, before(0), u"key"_s);
            return s;
        }
        s.keys.append(key);
    }
}

// '%' not followed by two hex digits, or %00: conninfo_uri_decode refuses both.
bool badPercent(QStringView text)
{
    static const QRegularExpression bad(u"%(?![0-9A-Fa-f]{2})|%00"_s);
    return bad.matchView(text).hasMatch();
}

QString percentDecoded(QStringView text)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text.toUtf8()));
}

const QString badEncoding = u"%1 in the URI has an invalid percent-encoding: '%' must be "
                            "followed by two hex digits (and %00 is not allowed)."_s;

// conninfo_uri_parse_options: [user[:password]@] up to the first '@' before any '/'; hosts
// ([ipv6] or name, each with an optional :port) separated by ','; /dbname; ?key=value&...
LibpqKeyScan scanUri(const QString &text)
{
    LibpqKeyScan s;
    const qsizetype n = text.size();
    qsizetype i = text.indexOf(u"://") + 3;
    for (qsizetype j = i; j < n && text.at(j) != u'/'; ++j) {
        if (text.at(j) == u'@') {
            i = j + 1;
            break;
        }
    }
    static const QString hostEnd = u":/?,"_s;
    for (;;) {
        if (i < n && text.at(i) == u'[') {
            const qsizetype close = text.indexOf(u']', i);
            if (close < 0)
                return { {}, u"An IPv6 address in the URI has no closing ']'."_s };
            if (close == i + 1)
                return { {}, u"An IPv6 address in the URI is empty ('[]')."_s };
            i = close + 1;
            if (i < n && !hostEnd.contains(text.at(i)))
                return { {},
                    u"Unexpected text after the IPv6 address in the URI: ']' must be "
                    "followed by ':port', '/', '?' or ','."_s };
        } else {
            while (i < n && !hostEnd.contains(text.at(i)))
                ++i;
        }
        if (i < n && text.at(i) == u':') {
            while (i < n && !QStringView(u"/?,").contains(text.at(i)))
                ++i;
        }
        if (i < n && text.at(i) == u',') {
            ++i;
            continue;
        }
        break;
    }
    const qsizetype query = text.indexOf(u'?', i);
    const QString beforeQuery = query < 0 ? text : text.left(query);
    if (badPercent(beforeQuery))
        return { {}, badEncoding.arg(u"The user name, password, host, port or database name"_s) };
    // What libpq reads before the query, from libpq: the keys only, in its order.
    if (const auto options = LibpqConninfo::parse(beforeQuery)) {
        for (const auto &option : *options)
            s.keys.append(option.first);
    }
    if (query < 0)
        return s;

    QStringList params = text.mid(query + 1).split(u'&');
    if (params.last().isEmpty())
        params.removeLast(); // "?" and a trailing '&' end the query; other empty ones do not
    QString previousKey;
    for (const QString &param : std::as_const(params)) {
        const qsizetype eq = param.indexOf(u'=');
        const QString key = eq < 0 || badPercent(QStringView(param).left(eq))
            ? QString()
            : percentDecoded(QStringView(param).left(eq));
        const QString shown = key.isEmpty() ? u"a parameter"_s : name(key, previousKey);
        if (param.isEmpty())
            s.problem = u"The URI has an empty parameter ('&&', or '&' right after '?'). "
                        "Remove it."_s;
        else if (eq < 0)
            s.problem = previousKey.isEmpty()
                ? u"A URI parameter has no '=' (write ?key=value)."_s
                : u"The URI parameter after %1 has no '='. Encode '&' inside a value as "
                  "%26."_s.arg(name(previousKey, {}));
        else if (param.indexOf(u'=', eq + 1) >= 0)
            s.problem = u"The URI parameter %1 contains a second '='; libpq refuses that. "
                        "Encode '=' inside a value as %3D."_s.arg(shown);
        else if (eq == 0)
            s.problem = u"A URI parameter has no name in front of its '='."_s;
        else if (badPercent(QStringView(param).left(eq)))
            s.problem = badEncoding.arg(u"A parameter name"_s);
        else if (badPercent(QStringView(param).mid(eq + 1)))
            s.problem = badEncoding.arg(u"The value of "_s + shown);
        else if (key == u"ssl" && percentDecoded(QStringView(param).mid(eq + 1)) != u"true")
            s.problem = u"libpq takes \"ssl\" only as ssl=true (the same as sslmode=require); "
                        "write sslmode=disable, prefer, require, verify-ca or verify-full."_s;
        else if (key != u"ssl" && !LibpqConninfo::isKeyword(key))
            s.problem = unknownKey(key, previousKey, u"URI parameter"_s);
        if (!s.problem.isEmpty())
            return s;
        s.keys.append(key);
        previousKey = key;
    }
    return s;
}

} // namespace

LibpqKeyScan LibpqKeyScan::scan(const QString &text)
{
    // libpq reads a URI only with this exact, lower-case prefix (uri_prefix_length).
    if (text.startsWith(u"postgresql://") || text.startsWith(u"postgres://"))
        return scanUri(text);
    return scanKeywordValue(text);
}
