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
// - describe() and toKeywordString() never depend on the password, and the keyword string
//   never carries one (DbSession hands libpq the password as a keyword of its own);
// - a PostgreSQL spec survives the trip to libpq: toKeywordString(), what DbSession hands
//   PQconnectdbParams as the expanded dbname, read by libpq itself (PQconninfoParse, the
//   parser libpq uses for it, not the doctor's code) gives exactly the fields (the port as
//   the spec holds it) and the non-empty options the parser accepted, and nothing else, so
//   no value can smuggle in a setting or break the string.
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
    require(other.describe() == s.describe() && other.toKeywordString() == s.toKeywordString(),
        "describe() or toKeywordString() depends on the password");
    if (s.driver != ConnectionSpec::Driver::Postgres)
        return;

    const std::optional<QMap<QString, QString>> back = libpqReads(s.toKeywordString());
    require(back.has_value(), "libpq refuses the keyword string of an accepted spec");
    require(!back->contains(u"password"_s), "the keyword string carries a password");
    QMap<QString, QString> expected;
    const auto expect = [&expected](const QString &key, const QString &value) {
        if (!value.isEmpty())
            expected.insert(key, value);
    };
    expect(u"host"_s, s.host);
    expect(u"port"_s, s.port);
    expect(u"dbname"_s, s.database);
    expect(u"user"_s, s.user);
    for (const auto &[key, value] : s.options)
        expect(key, value);
    if (s.connectTimeoutSec)
        expected.insert(u"connect_timeout"_s, QString::number(*s.connectTimeoutSec));
    require(*back == expected, "libpq reads the keyword string of an accepted spec differently",
        u"expected [%1]\nlibpq    [%2]"_s.arg(describeSettings(expected), describeSettings(*back)));
}

} // namespace Fuzz
