// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the fuzz targets: input decoding, a scratch folder, and the invariants a parse
// result must keep whatever the input. A broken invariant aborts, which libFuzzer reports
// as a crash with the input that caused it.

#include "connection/connectionstring.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <libpq-fe.h>
#include <optional>

namespace Fuzz {

using namespace Qt::StringLiterals;

[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n%s\n", what, detail.toUtf8().constData());
    std::abort();
}

inline void require(bool condition, const char *what, const QString &detail = {})
{
    if (!condition)
        fail(what, detail);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QString utf8(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A folder for targets that must go through files, on tmpfs where there is one; removed
// when the process ends normally.
inline const QString &scratchDir()
{
    static QTemporaryDir dir(QDir(u"/dev/shm"_s).exists()
            ? u"/dev/shm/doctor-fuzz-XXXXXX"_s
            : QDir::tempPath() + u"/doctor-fuzz-XXXXXX"_s);
    if (!dir.isValid())
        fail("cannot create a scratch folder");
    static const QString path = dir.path();
    return path;
}

inline void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        fail("cannot write a scratch file", path);
}

// How Qt's QPSQL driver quotes the fields it puts into the libpq conninfo.
inline QString qpsqlQuoted(QString s)
{
    s.replace(u'\\', u"\\\\"_s);
    s.replace(u'\'', u"\\'"_s);
    return u'\'' + s + u'\'';
}

// The conninfo string libpq receives for SPEC: what DbSession::open() hands QSqlDatabase,
// assembled the way QPSQL assembles it (quoted fields, then the options with ';' -> ' ').
inline QString qpsqlConninfo(const ConnectionSpec &spec)
{
    QString options = spec.qtConnectOptions();
    QStringList parts;
    if (!spec.host.isEmpty())
        parts << u"host="_s + qpsqlQuoted(spec.host);
    if (!spec.database.isEmpty())
        parts << u"dbname="_s + qpsqlQuoted(spec.database);
    if (!spec.user.isEmpty())
        parts << u"user="_s + qpsqlQuoted(spec.user);
    if (!spec.password.isEmpty())
        parts << u"password="_s + qpsqlQuoted(spec.password);
    if (spec.port.contains(u','))
        options += (options.isEmpty() ? u""_s : u";"_s) + u"port="_s + spec.port;
    else if (!spec.port.isEmpty())
        parts << u"port="_s + qpsqlQuoted(QString::number(spec.port.toInt()));
    if (!options.isEmpty())
        parts << options.replace(u';', u' ');
    return parts.join(u' ');
}

// What libpq itself reads from CONNINFO: PQconninfoParse, asked for no error text (it would
// quote the string). Keyword -> value for the keywords the string sets; nullopt when libpq
// refuses the string.
inline std::optional<QMap<QString, QString>> libpqReads(const QString &conninfo)
{
    require(!conninfo.contains(QChar(0)), "a NUL in a string handed to libpq");
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), nullptr);
    if (!options)
        return std::nullopt;
    QMap<QString, QString> set;
    for (const PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val)
            set.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    return set;
}

inline QString describeSettings(QMap<QString, QString> settings)
{
    settings.remove(u"password"_s);
    QStringList list;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        list << it.key() + u'=' + it.value();
    return list.join(u'|');
}

// Invariants of every connection-string parse:
// - a failed parse hands back no spec (so no partial password);
// - describe() and qtConnectOptions() never depend on the password;
// - a PostgreSQL spec survives the trip through QPSQL's conninfo: libpq itself
//   (PQconninfoParse, not the doctor's code) reads exactly the fields and options the parser
//   accepted, and nothing else, so no value can smuggle in a setting or break the string.
inline void checkConnection(const ParsedConnection &pc)
{
    const ConnectionSpec &s = pc.spec;
    if (!pc.ok()) {
        require(s.host.isEmpty() && s.port.isEmpty() && s.database.isEmpty() && s.user.isEmpty()
                && s.password.isEmpty() && s.options.isEmpty(),
            "a failed parse handed back a spec", pc.error);
        return;
    }
    ConnectionSpec other = s;
    other.password = s.password + u"x"_s;
    require(other.describe() == s.describe() && other.qtConnectOptions() == s.qtConnectOptions(),
        "describe() or qtConnectOptions() depends on the password");
    if (s.driver != ConnectionSpec::Driver::Postgres)
        return;

    const std::optional<QMap<QString, QString>> back = libpqReads(qpsqlConninfo(s));
    require(back.has_value(), "libpq refuses the conninfo built from an accepted spec");
    QMap<QString, QString> expected;
    const auto expect = [&expected](const QString &key, const QString &value) {
        if (!value.isEmpty())
            expected.insert(key, value);
    };
    expect(u"host"_s, s.host);
    expect(u"dbname"_s, s.database);
    expect(u"user"_s, s.user);
    expect(u"password"_s, s.password);
    if (!s.port.isEmpty())
        expect(u"port"_s, s.port.contains(u',') ? s.port : QString::number(s.port.toInt()));
    for (const auto &[key, value] : s.options)
        expected.insert(key, value);
    if (s.connectTimeoutSec)
        expected.insert(u"connect_timeout"_s, QString::number(*s.connectTimeoutSec));
    require(*back == expected, "libpq reads the conninfo built from an accepted spec differently",
        u"expected [%1]\nlibpq    [%2]\npassword %3"_s.arg(describeSettings(expected),
            describeSettings(*back),
            back->value(u"password"_s) == s.password ? u"same"_s : u"differs"_s));
}

} // namespace Fuzz
