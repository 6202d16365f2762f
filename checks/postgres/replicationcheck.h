// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.replication: on a primary, each standby's state and write/flush/replay lag
// (pg_stat_replication) and every replication slot with the WAL it retains, its wal_status
// and the age of its xmin/catalog_xmin (pg_replication_slots); on a standby, the WAL
// received but not yet replayed, the replay delay and a paused replay. Read-only: three
// statements in one flight (one round trip), none of which errors on a primary or a standby.
class ReplicationCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.replication");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL replication"); }
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Thresholds (Environment::threshold("replication", ...)): lagWarnSeconds, lagWarnBytes,
    // slotRetainedFailBytes. Status: fail when a slot lost its WAL (wal_status lost, or
    // invalidated) or retains slotRetainedFailBytes or more; warn when a standby (or, on a
    // standby, this server's replay) lags by lagWarnBytes or lagWarnSeconds, replay is
    // paused, a standby with primary_conninfo has no WAL receiver, a slot is inactive
    // (synced failover slots of PostgreSQL 17 excepted) or unreserved, or standbys' lag is
    // hidden from the role; pass otherwise.
    // Evidence: Role (text: primary or standby), Standbys (int, pg_stat_replication rows),
    // StandbysLagging (int), MaxLagBytes (number: on a primary the most behind standby's
    // replay lag, on a standby the WAL received and not replayed), MaxLagSeconds (number,
    // one decimal; PostgreSQL's measured lag on a primary, which stays at its last value
    // while a standby replays nothing, so bytes are what shows a stuck replay; on a standby
    // the time since the last replayed commit while WAL waits, else 0; null when unknown),
    // LaggingStandby (text, the most behind standby, empty when none lags), StandbyLags
    // (list of text, one line per standby), ReplayPaused (bool), ReceiveLsn and ReplayLsn
    // (text, empty on a primary), WalReceiver (text: its status, "none" on a standby
    // without one, empty on a primary), Slots (int), InactiveSlots (int), LostSlots (int),
    // SlotsOverLimit (int), SlotRetainedBytes (number, the most any slot retains),
    // OldestSlotXminAge (int, transactions; null without one), InactiveSlotNames (list: the
    // lost slots first, then the inactive ones by WAL retained; the KB's drop fix names the
    // first), SlotList (list of text, one line per slot), Hidden (int: standbys whose state
    // and lag the role cannot read; the message names "GRANT pg_monitor TO <role>"),
    // Thresholds (text). details: QVariantMap {standbys, slots}, each a QVariantList of
    // QVariantMap rows.
    CheckResult run(const CheckContext &ctx) const override;
};
