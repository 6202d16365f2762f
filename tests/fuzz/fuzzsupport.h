// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the fuzz targets: input decoding, a scratch folder, and the invariants a parse
// result must keep whatever the input. A broken invariant aborts, which libFuzzer reports
// as a crash with the input that caused it.

#include "connection/connectionspec.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

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

inline QString optionList(const ConnectionSpec &spec)
{
    QStringList list;
    for (const auto &[key, value] : spec.options)
        list << key + u'=' + value;
    return list.join(u'|');
}

// Invariants of every connection-string parse:
// - a failed parse hands back no spec (so no partial password);
// - describe() and qtConnectOptions() never depend on the password;
// - a PostgreSQL spec survives the trip through QPSQL's conninfo: libpq (read by our own
//   libpq-syntax parser) sees exactly the fields and options the parser accepted, so no
//   value can smuggle in a setting or break the string.
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

    const QString conninfo = qpsqlConninfo(s);
    const ParsedConnection back = ConnectionString::parseKeywordValue(conninfo);
    require(
        back.ok(), "libpq would not accept the conninfo built from an accepted spec", back.error);
    ConnectionSpec expected = s;
    if (expected.connectTimeoutSec)
        expected.setOption(u"connect_timeout"_s, QString::number(*expected.connectTimeoutSec));
    const ConnectionSpec &b = back.spec;
    const bool samePort
        = s.port.contains(u',') ? b.port == s.port : b.port.toInt() == s.port.toInt();
    require(b.host == s.host && b.database == s.database && b.user == s.user
            && b.password == s.password && samePort && optionList(b) == optionList(expected),
        "the conninfo built from an accepted spec reads back differently",
        u"host [%1] -> [%2]\ndb [%3] -> [%4]\nuser [%5] -> [%6]\nport [%7] -> [%8]\n"
        "options [%9] -> [%10]"_s.arg(s.host, b.host, s.database, b.database, s.user, b.user,
            s.port, b.port, optionList(expected), optionList(b)));
}

} // namespace Fuzz
