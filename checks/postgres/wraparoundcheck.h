// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.wraparound: how close the cluster is to transaction ID (and MultiXact ID)
// wraparound. PostgreSQL compares XIDs modulo 2^32, so a row's XID must be frozen before it
// is 2^31 transactions old; the server refuses new XIDs a few million before that
// ("Preventing Transaction ID Wraparound Failures" in the manual). Every role can read what
// this check reads (pg_database, pg_class, settings): nothing is hidden from it.
class WraparoundCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.wraparound");
    // The short name its thresholds are under (engine/checkthresholds.h).
    static inline const QString Thresholds = QStringLiteral("wraparound");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("fail"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override
    {
        return QStringLiteral("PostgreSQL transaction ID wraparound");
    }
    // One flight: every database's age(datfrozenxid) and mxid_age(datminmxid), the freeze
    // settings, and the connected database's oldest tables by relfrozenxid.
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Status: fail when an age (XID or MultiXact, any database) reaches failAge; warn when
    // one reaches warnAge or passes its autovacuum_(multixact_)freeze_max_age times
    // freezeMaxAgeFactor; pass otherwise. Ages are counted in transactions (MultiXacts).
    // Evidence: MaxXidAge, MaxMultiXactAge (numbers, over every database), OldestDatabase
    // (text, the database with the oldest XID age), XidsUntilWraparound (2^31 - MaxXidAge),
    // FreezeMaxAge, MultiXactFreezeMaxAge (the settings), Databases (list of maps Database,
    // XidAge, MultiXactAge, AllowConnections, oldest first), OldestTables (list of maps, at
    // most 10 tables of the connected database oldest first: Table (schema.name as
    // format('%I.%I') quotes it), XidAge (the older of the table and its TOAST table),
    // TableXidAge, ToastTable (pg_toast.name or empty), ToastXidAge (null without TOAST),
    // MultiXactAge, UntilFreezeMaxAge (autovacuum_freeze_max_age - XidAge; negative once
    // past: an anti-wraparound autovacuum is due), UntilWraparound (2^31 - XidAge)),
    // OldestTable (text, the first of them; empty when none), OldestTableXidAge (number),
    // NeedsFreeze (bool: the status is not pass, so the KB's freeze fixes apply),
    // Thresholds (text).
    CheckResult run(const CheckContext &ctx) const override;
};
