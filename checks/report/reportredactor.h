// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "report/reportcontent.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QVariant>
#include <optional>

// Replaces the names that identify a customer's systems with stable aliases, so a report can
// be sent: host names (and addresses) become host-1, host-2 ..., database names db-1 ...,
// user (role) names user-1 ..., client addresses client-1 ... (RELIABILITY 29).
//
// collect() learns the values from a report's content: each environment's host (every host
// of a libpq host list), database and user; each result's target; and the evidence and
// details that name sessions: RootBlockerUser, BlockedDdlUser, OldestUser, OldestDatabase,
// LockHolderClient, map keys user/owner/client/clientHostName/database/Database (the
// long-transactions and replication checks' rows, the wraparound check's Databases) and the
// locks check's LockSession rows. Aliases are numbered in the order values are met, so the
// same run gives the same aliases. A value that is two things (a user and a database both
// called "orders") gets one alias, of the first kind met, so it reads the same everywhere.
//
// Not aliased: the databases every cluster has (postgres, template0, template1), "local" (a
// Unix socket client), and the shipped articles' runbook paths (":/kb/..."): they name
// nothing of the customer's.
//
// apply() then replaces every occurrence in every text a report shows: environment names,
// servers, subjects, messages, evidence values (inside lists and maps too), fix titles and
// commands, runbooks, the matrix's names. Matching is by whole token: a value is not replaced
// inside a longer word ("db" in "dbadmin", "postgres" in "check.postgres.migrations" or
// "postgresql"), where a token is bounded by anything but a letter, digit or '_', and a '.'
// only bounds it when no letter or digit follows (so "10.0.0.5." at a sentence's end is one).
// Longer values win over their prefixes, and replaced text is never matched again (one pass),
// so an alias is never rewritten. Host names match in any case (DNS ignores it); the others
// exactly (PostgreSQL names are case-sensitive). Results lose their details (the writers do
// not show them; the matrix was built from them before). Passwords are not handled here: no
// result or report field holds one (ConnectionSpec keeps it out of everything it writes).
class ReportRedactor
{
public:
    enum class Kind { Host, Database, User, Client };

    // content with the names of content itself replaced: collect() then apply().
    static ReportContent redact(const ReportContent &content);

    void collect(const ReportContent &content);
    // Adds one value (ignored when empty, "local" or already known).
    void add(Kind kind, const QString &value);

    // content with every known value replaced by its alias, and redacted set.
    ReportContent apply(const ReportContent &content) const;
    CheckResult apply(const CheckResult &result) const;
    QString apply(const QString &text) const;
    QVariant apply(const QVariant &value) const; // strings, string lists, lists and maps

    // The alias of a known value ("host-1"), empty for an unknown one.
    QString aliasOf(const QString &value) const;
    // The known values in the order they were met, and their aliases.
    QList<QPair<QString, QString>> aliases() const;

private:
    void collect(const CheckResult &result);
    void collectVariant(const QVariant &value, std::optional<Kind> kind);
    void rebuild();

    struct Entry
    {
        QString value;
        QString alias;
        Kind kind;
    };
    QList<Entry> m_entries;
    int m_counts[4] = { 0, 0, 0, 0 };
    QRegularExpression m_pattern; // every value, longest first; invalid while none
};
