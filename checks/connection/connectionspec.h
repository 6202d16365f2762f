// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

// Where and how to connect, independent of the text it was parsed from.
// The password is held only to hand it to libpq on its own: describe() and every
// serialisation leave it out.
struct ConnectionSpec
{
    enum class Driver { Postgres, Sqlite };
    Driver driver = Driver::Postgres;

    QString host; // may be a comma-separated list, as libpq accepts
    QString port; // may be a comma-separated list matching host
    QString database; // for SQLite: the database file path
    QString user;
    QString password;

    // libpq keywords beyond host/port/dbname/user/password, in order, keys lower case.
    // Only keys for which isAllowedOption() holds are ever stored here.
    QList<QPair<QString, QString>> options;

    std::optional<int> connectTimeoutSec; // Npgsql "Timeout", libpq connect_timeout
    std::optional<int> commandTimeoutSec; // Npgsql "Command Timeout" -> statement_timeout
    bool trustServerCertificate = false; // Npgsql: encrypt but do not verify

    QString option(const QString &key) const; // empty when unset
    void setOption(const QString &key, const QString &value); // replaces, keeps order

    // A libpq "key=value" string: host, port, dbname and user, then the options (with
    // connect_timeout from connectTimeoutSec, which wins over an option of that name); empty
    // values left out. It is what libpq receives (DbSession and StartupProbe hand it to
    // PQconnectdbParams as the expanded dbname) and what files are written with, so it never
    // includes the password. ConnectionString::parse() (connectionstring.h) reads it back to
    // this spec, minus what libpq cannot say (Npgsql's Trust Server Certificate and Command
    // Timeout). Values with a blank, quote, backslash, '=', ';' or control character are
    // quoted ('...', with \' and \\). A value libpq could not be handed intact is left out,
    // with its key: one with a NUL (libpq takes a C string: the NUL would cut it there and
    // drop every setting after it, sslmode included), and an option with any control
    // character (U+0000-U+001F, U+007F). The parsers refuse both, so only other code can put
    // one there. Host, dbname and user keep other control characters, quoted: the parsers
    // accept them (PostgreSQL allows them in names) and libpq reads them back intact.
    // Empty for SQLite and for a spec with nothing set.
    QString toKeywordString() const;
    // A one-line, password-free description for windows, logs and reports.
    QString describe() const;
    // "verified", "unverified" or "off", from sslmode (libpq's default "prefer" is unverified).
    QString tlsVerification() const;

    // The libpq keywords the doctor passes on (TLS, timeouts, keepalives, application name,
    // server options, target session, service, passfile, ...): the allow-list every parser
    // and setOption() hold spec.options to. Case-sensitive, as libpq is.
    static bool isAllowedOption(const QString &libpqKey);
};
