// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

// Where and how to connect, independent of the text it was parsed from.
// The password is held only to hand it to the driver: describe() and every
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

    // The options string for QSqlDatabase::setConnectOptions(): "k=v;k=v" with libpq
    // quoting. Empty for SQLite.
    QString qtConnectOptions() const;
    // A libpq "key=value" string that ConnectionString::parse() (connectionstring.h) reads
    // back to this spec, minus what libpq cannot say (Npgsql's Trust Server Certificate and
    // Command Timeout). Never includes the password: it is what files are written with.
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
