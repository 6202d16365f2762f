// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

// Internal to the Npgsql parser (npgsqlconnectionstring.cpp, npgsqlapplier.cpp) and the
// form detection: Npgsql's connection-string keys, with every alias, and what each maps to.
// Hand-written: Npgsql's own table (NpgsqlConnectionStringBuilder) is C#, and no C or C++
// library reads Npgsql strings. Source: Npgsql's documentation, "Connection String
// Parameters" (npgsql.org/doc/connection-string-parameters.html).

#include <QString>
#include <optional>

namespace NpgsqlKeys {

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

// The entry for KEY, compared as Npgsql does: lower case without spaces, so "User Id",
// "UserId" and "USER ID" are one key. nullopt for a key Npgsql does not have.
std::optional<Key> find(const QString &key);
inline bool isKey(const QString &key)
{
    return find(key).has_value();
}
bool isPasswordKey(const QString &key); // Password, PWD, Psw

} // namespace NpgsqlKeys
