// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/replicationcheck.h"

#include "engine/dbsession.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

const QString Short = u"replication"_s;

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

double oneDecimal(double v)
{
    return qRound(v * 10) / 10.0;
}

// 1536 -> "1.5 kB" (QLocale::formattedDataSize is IEC with the C locale: "1.5 KiB").
QString bytes(double b)
{
    return QLocale::c().formattedDataSize(qint64(b), 1, QLocale::DataSizeTraditionalFormat);
}

// The WAL position the lags and retained sizes are measured from: the server's own insert
// position on a primary; on a standby, where pg_current_wal_lsn() raises an error, what it
// received (what it replayed when it streams nothing, e.g. restoring from an archive).
const char16_t *hereLsn = u"(SELECT CASE WHEN pg_is_in_recovery() THEN COALESCE("
                          "pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) "
                          "ELSE pg_current_wal_lsn() END AS lsn)";

// This server: a standby's receive and replay positions, the replay delay and whether replay
// is paused (pg_is_wal_replay_paused() raises an error outside recovery: CASE keeps it from
// running on a primary). The replay delay is the time since the last replayed commit only
// while received WAL waits for replay; with nothing to replay an idle primary is no lag.
// The WAL receiver's status shows to pg_read_all_stats only (others see its pid); whether
// primary_conninfo is set shows in pg_settings to pg_read_all_settings only (the row is
// missing for others, so NULL: unknown). The role's name as the server quotes it.
const char16_t *serverSql = uR"(SELECT pg_is_in_recovery(),
  pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text,
  pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8,
  CASE WHEN pg_last_wal_receive_lsn() IS NULL THEN NULL
    WHEN pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8 END,
  CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() ELSE false END,
  (SELECT count(*) FROM pg_stat_wal_receiver)::int,
  (SELECT status FROM pg_stat_wal_receiver),
  (SELECT setting <> '' FROM pg_settings WHERE name = 'primary_conninfo'),
  format('%I', current_user))";

// The standbys (and logical subscribers) this server sends WAL to. Without pg_read_all_stats
// a role sees their pids only (pg_stat_get_wal_senders), so state is NULL: hidden. The lag
// columns (PostgreSQL 10 on) are intervals, NULL once a standby has caught up and idles.
const char16_t *standbysSql = uR"(SELECT r.pid, COALESCE(r.application_name, ''),
  COALESCE(host(r.client_addr), CASE WHEN r.client_port = -1 THEN 'local' END, ''),
  r.state, r.sync_state,
  pg_wal_lsn_diff(h.lsn, r.write_lsn)::float8, pg_wal_lsn_diff(h.lsn, r.flush_lsn)::float8,
  pg_wal_lsn_diff(h.lsn, r.replay_lsn)::float8,
  EXTRACT(EPOCH FROM r.write_lag)::float8, EXTRACT(EPOCH FROM r.flush_lag)::float8,
  EXTRACT(EPOCH FROM r.replay_lag)::float8
FROM pg_stat_replication r, %1 h
ORDER BY r.application_name, r.pid)";

// Every slot, readable by every role. wal_status (13 on): reserved, extended, unreserved
// (WAL will be removed at the next checkpoint) or lost; a lost slot's restart_lsn is NULL.
// Read through to_jsonb so one statement runs on 13 to 18: conflicting (16: a logical slot
// on a standby invalidated), invalidation_reason, inactive_since and synced (17).
const char16_t *slotsSql
    = uR"(SELECT s.slot_name::text, s.slot_type, COALESCE(s.database::text, ''),
  s.active, s.temporary, COALESCE(s.wal_status, ''),
  pg_wal_lsn_diff(h.lsn, s.restart_lsn)::float8, age(s.xmin), age(s.catalog_xmin),
  EXTRACT(EPOCH FROM clock_timestamp()
    - (to_jsonb(s) ->> 'inactive_since')::timestamptz)::float8,
  COALESCE((to_jsonb(s) ->> 'synced')::bool, false),
  COALESCE(to_jsonb(s) ->> 'invalidation_reason',
    CASE WHEN (to_jsonb(s) ->> 'conflicting')::bool THEN 'conflicting' END, '')
FROM pg_replication_slots s, %1 h
ORDER BY s.wal_status = 'lost' DESC, pg_wal_lsn_diff(h.lsn, s.restart_lsn) DESC NULLS LAST,
  s.slot_name)";

struct Standby
{
    QString name, client, state, sync;
    double writeBytes = 0, flushBytes = 0, replayBytes = 0;
    QVariant writeSeconds, flushSeconds, replaySeconds;
    bool hidden() const { return state.isEmpty(); }
    double maxSeconds() const
    {
        return qMax(
            writeSeconds.toDouble(), qMax(flushSeconds.toDouble(), replaySeconds.toDouble()));
    }
    QString line() const
    {
        if (hidden())
            return u"%1 (state hidden)"_s.arg(name.isEmpty() ? u"unnamed"_s : name);
        auto secs = [](const QVariant &v) {
            return v.isNull() ? u"-"_s : u"%1 s"_s.arg(number(oneDecimal(v.toDouble())));
        };
        return u"%1 (%2, %3, %4): write %5 / %6, flush %7 / %8, replay %9 / %10"_s
            .arg(name.isEmpty() ? u"unnamed"_s : name, client, state, sync, bytes(writeBytes),
                secs(writeSeconds), bytes(flushBytes), secs(flushSeconds), bytes(replayBytes))
            .arg(secs(replaySeconds));
    }
};

struct Slot
{
    QString name, type, database, walStatus, invalidation;
    bool active = false, temporary = false, synced = false;
    QVariant retained, xminAge, catalogXminAge, inactiveSeconds;
    bool lost() const { return walStatus == u"lost"_s || !invalidation.isEmpty(); }
    bool inactive() const { return !active && !temporary && !synced; }
    QString line() const
    {
        QString s = u"%1 (%2%3, %4, %5)"_s.arg(name, type,
            database.isEmpty() ? QString() : u" on "_s + database,
            active ? u"active"_s : u"inactive"_s,
            walStatus.isEmpty() ? u"no WAL reserved"_s : walStatus);
        if (!retained.isNull())
            s += u": retains %1"_s.arg(bytes(retained.toDouble()));
        if (!invalidation.isEmpty())
            s += u"; invalidated: %1"_s.arg(invalidation);
        if (!xminAge.isNull())
            s += u"; xmin age %1"_s.arg(xminAge.toLongLong());
        if (!catalogXminAge.isNull())
            s += u"; catalog_xmin age %1"_s.arg(catalogXminAge.toLongLong());
        if (!active && !inactiveSeconds.isNull())
            s += u"; inactive for %1 s"_s.arg(qRound64(inactiveSeconds.toDouble()));
        return s;
    }
};

} // namespace

QStringList ReplicationCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"replication"_s, u"wal"_s };
}

QList<QueryGroup> ReplicationCheck::plan(const CheckContext &) const
{
    const QString here = QString::fromUtf16(hereLsn);
    return { { QString::fromUtf16(serverSql), QString::fromUtf16(standbysSql).arg(here),
        QString::fromUtf16(slotsSql).arg(here) } };
}

CheckResult ReplicationCheck::run(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    const double lagWarnSeconds = env.threshold(Short, u"lagWarnSeconds"_s);
    const double lagWarnBytes = env.threshold(Short, u"lagWarnBytes"_s);
    const double slotFailBytes = env.threshold(Short, u"slotRetainedFailBytes"_s);
    const QList<QueryResult> answers = ctx.planned.value(0);
    for (int i = 0; i < 3; ++i) {
        if (!answers.value(i).ok())
            return errorResult(env.name, answers.value(i).error);
    }
    const QueryResult &server = answers.value(0);
    const bool standby = server.value(0, 0).toBool();
    const QString receiveLsn = server.value(0, 1).toString();
    const QString replayLsn = server.value(0, 2).toString();
    const QVariant pendingBytes = server.value(0, 3);
    const QVariant replayDelay = server.value(0, 4);
    const bool paused = server.value(0, 5).toBool();
    const int receivers = server.value(0, 6).toInt();
    const QString receiverStatus = server.value(0, 7).toString();
    const QVariant conninfoSet = server.value(0, 8);
    const QString role = server.value(0, 9).toString();

    QList<Standby> standbys;
    for (const QVariantList &row : answers.value(1).rows) {
        Standby s;
        s.name = row.value(1).toString();
        s.client = row.value(2).toString();
        s.state = row.value(3).toString();
        s.sync = row.value(4).toString();
        s.writeBytes = qMax(0.0, row.value(5).toDouble());
        s.flushBytes = qMax(0.0, row.value(6).toDouble());
        s.replayBytes = qMax(0.0, row.value(7).toDouble());
        s.writeSeconds = row.value(8);
        s.flushSeconds = row.value(9);
        s.replaySeconds = row.value(10);
        standbys << s;
    }
    QList<Slot> slots;
    for (const QVariantList &row : answers.value(2).rows) {
        Slot s;
        s.name = row.value(0).toString();
        s.type = row.value(1).toString();
        s.database = row.value(2).toString();
        s.active = row.value(3).toBool();
        s.temporary = row.value(4).toBool();
        s.walStatus = row.value(5).toString();
        s.retained = row.value(6);
        s.xminAge = row.value(7);
        s.catalogXminAge = row.value(8);
        s.inactiveSeconds = row.value(9);
        s.synced = row.value(10).toBool();
        s.invalidation = row.value(11).toString();
        slots << s;
    }

    CheckStatus status = CheckStatus::Pass;
    auto raise = [&status](CheckStatus s) {
        if (Status::rank(s) > Status::rank(status))
            status = s;
    };
    QStringList findings;

    // Standbys fed by this server.
    int lagging = 0, hidden = 0;
    double maxLagBytes = 0;
    QVariant maxLagSeconds;
    const Standby *worst = nullptr;
    QStringList standbyLines;
    QVariantList standbyRows;
    for (const Standby &s : std::as_const(standbys)) {
        standbyLines << s.line();
        standbyRows << QVariantMap { { u"name"_s, s.name }, { u"client"_s, s.client },
            { u"state"_s, s.state }, { u"syncState"_s, s.sync },
            { u"writeLagBytes"_s, s.writeBytes }, { u"flushLagBytes"_s, s.flushBytes },
            { u"replayLagBytes"_s, s.replayBytes }, { u"writeLagSeconds"_s, s.writeSeconds },
            { u"flushLagSeconds"_s, s.flushSeconds }, { u"replayLagSeconds"_s, s.replaySeconds } };
        if (s.hidden()) {
            ++hidden;
            continue;
        }
        const double bytesBehind = qMax(s.writeBytes, qMax(s.flushBytes, s.replayBytes));
        maxLagBytes = qMax(maxLagBytes, bytesBehind);
        if (!s.writeSeconds.isNull() || !s.flushSeconds.isNull() || !s.replaySeconds.isNull())
            maxLagSeconds = qMax(maxLagSeconds.toDouble(), s.maxSeconds());
        if (bytesBehind >= lagWarnBytes || s.maxSeconds() >= lagWarnSeconds) {
            ++lagging;
            if (!worst || bytesBehind > qMax(worst->replayBytes, worst->writeBytes))
                worst = &s;
        }
    }
    if (lagging > 0) {
        raise(CheckStatus::Warn);
        findings << u"%1 %2 behind by %3 or %4 s or more; most behind: %5"_s.arg(lagging)
                        .arg(lagging == 1 ? u"standby"_s : u"standbys"_s)
                        .arg(bytes(lagWarnBytes), number(lagWarnSeconds), worst->line());
    }

    // This server as a standby.
    if (standby) {
        if (!pendingBytes.isNull())
            maxLagBytes = qMax(maxLagBytes, pendingBytes.toDouble());
        if (!replayDelay.isNull())
            maxLagSeconds = qMax(maxLagSeconds.toDouble(), replayDelay.toDouble());
        if (paused) {
            raise(CheckStatus::Warn);
            findings << u"WAL replay is paused (pg_wal_replay_pause()); %1 received and not "
                        "replayed"_s.arg(bytes(pendingBytes.toDouble()));
        }
        const bool behind
            = pendingBytes.toDouble() >= lagWarnBytes || replayDelay.toDouble() >= lagWarnSeconds;
        if (behind && !paused) {
            raise(CheckStatus::Warn);
            findings << u"replay is behind: %1 received and not replayed, last replayed commit "
                        "%2 s ago"_s.arg(bytes(pendingBytes.toDouble()))
                            .arg(number(oneDecimal(replayDelay.toDouble())));
        }
        // No WAL receiver: not streaming. Fine for a standby that only restores from an
        // archive (primary_conninfo empty); unknown to a role that cannot read the setting.
        if (receivers == 0 && conninfoSet.toBool()) {
            raise(CheckStatus::Warn);
            findings << u"no WAL receiver: this standby has primary_conninfo set but does not "
                        "stream from its primary"_s;
        }
    }

    // Slots.
    int inactive = 0, lost = 0, overLimit = 0;
    double maxRetained = 0;
    QVariant oldestXmin;
    QStringList inactiveNames, inactiveLabels, slotLines, lostNames, overNames;
    QVariantList slotRows;
    bool unreserved = false;
    for (const Slot &s : std::as_const(slots)) {
        slotLines << s.line();
        slotRows << QVariantMap { { u"name"_s, s.name }, { u"type"_s, s.type },
            { u"database"_s, s.database }, { u"active"_s, s.active },
            { u"walStatus"_s, s.walStatus }, { u"retainedBytes"_s, s.retained },
            { u"xminAge"_s, s.xminAge }, { u"catalogXminAge"_s, s.catalogXminAge },
            { u"invalidationReason"_s, s.invalidation } };
        maxRetained = qMax(maxRetained, s.retained.toDouble());
        for (const QVariant &age : { s.xminAge, s.catalogXminAge }) {
            if (!age.isNull()
                && (oldestXmin.isNull() || age.toLongLong() > oldestXmin.toLongLong()))
                oldestXmin = age.toLongLong();
        }
        if (s.lost()) {
            ++lost;
            lostNames << s.name;
        } else if (s.retained.toDouble() >= slotFailBytes) {
            ++overLimit;
            overNames << s.name;
        }
        if (s.walStatus == u"unreserved"_s)
            unreserved = true;
        // Lost first, then by WAL retained (the SQL's order); a lost slot serves nobody.
        if (s.inactive() || (s.lost() && !s.temporary))
            inactiveNames << s.name;
        if (s.inactive()) {
            ++inactive;
            inactiveLabels << u"%1 (%2)"_s.arg(
                s.name, s.retained.isNull() ? u"no WAL"_s : bytes(s.retained.toDouble()));
        }
    }
    if (lost > 0) {
        raise(CheckStatus::Fail);
        findings << u"%1 %2 lost the WAL %3 standby needs (wal_status lost): %4"_s.arg(lost)
                        .arg(lost == 1 ? u"slot"_s : u"slots"_s)
                        .arg(lost == 1 ? u"its"_s : u"their"_s)
                        .arg(lostNames.join(u", "_s));
    }
    if (overLimit > 0) {
        raise(CheckStatus::Fail);
        findings << u"%1 %2 %3 or more WAL: %4"_s.arg(overLimit)
                        .arg(overLimit == 1 ? u"slot retains"_s : u"slots retain"_s)
                        .arg(bytes(slotFailBytes), overNames.join(u", "_s));
    }
    if (inactive > 0) {
        raise(CheckStatus::Warn);
        findings << u"%1 inactive %2 keeping WAL: %3"_s.arg(inactive)
                        .arg(inactive == 1 ? u"slot"_s : u"slots"_s)
                        .arg(inactiveLabels.join(u", "_s));
    }
    if (unreserved) {
        raise(CheckStatus::Warn);
        findings << u"a slot's WAL is past max_slot_wal_keep_size (wal_status unreserved): the "
                    "next checkpoint removes it"_s;
    }

    const QString grant = u"GRANT pg_monitor TO %1"_s.arg(role);
    if (hidden > 0 && status != CheckStatus::Fail)
        raise(CheckStatus::Warn);

    QString message;
    if (findings.isEmpty()) {
        message = standby
            ? u"standby replaying: %1 received and not replayed, %2 slot(s)"_s
                  .arg(bytes(pendingBytes.toDouble()))
                  .arg(slots.size())
            : u"%1 standby(s) within %2 and %3 s, %4 slot(s) active"_s.arg(standbys.size() - hidden)
                  .arg(bytes(lagWarnBytes), number(lagWarnSeconds))
                  .arg(slots.size());
    } else {
        message = findings.join(u"; "_s);
    }
    if (hidden > 0) {
        message += u"; cannot see the state and lag of %1 %2; %3"_s.arg(hidden)
                       .arg(hidden == 1 ? u"standby"_s : u"standbys"_s)
                       .arg(grant);
    }

    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"Role"_s, QVariant(standby ? u"standby"_s : u"primary"_s))
               << qMakePair(u"Standbys"_s, QVariant(int(standbys.size())))
               << qMakePair(u"StandbysLagging"_s, QVariant(lagging))
               << qMakePair(u"MaxLagBytes"_s, QVariant(maxLagBytes))
               << qMakePair(u"MaxLagSeconds"_s,
                      maxLagSeconds.isNull() ? QVariant(QMetaType(QMetaType::Double))
                                             : QVariant(oneDecimal(maxLagSeconds.toDouble())))
               << qMakePair(u"LaggingStandby"_s, QVariant(worst ? worst->line() : QString()))
               << qMakePair(u"StandbyLags"_s, QVariant(standbyLines))
               << qMakePair(u"ReplayPaused"_s, QVariant(paused))
               << qMakePair(u"ReceiveLsn"_s, QVariant(receiveLsn))
               << qMakePair(u"ReplayLsn"_s, QVariant(replayLsn))
               << qMakePair(u"WalReceiver"_s,
                      QVariant(!standby                  ? QString()
                              : receivers == 0           ? u"none"_s
                              : receiverStatus.isEmpty() ? u"hidden"_s
                                                         : receiverStatus))
               << qMakePair(u"Slots"_s, QVariant(int(slots.size())))
               << qMakePair(u"InactiveSlots"_s, QVariant(inactive))
               << qMakePair(u"LostSlots"_s, QVariant(lost))
               << qMakePair(u"SlotsOverLimit"_s, QVariant(overLimit))
               << qMakePair(u"SlotRetainedBytes"_s, QVariant(maxRetained))
               << qMakePair(u"OldestSlotXminAge"_s,
                      oldestXmin.isNull() ? QVariant(QMetaType(QMetaType::LongLong)) : oldestXmin)
               << qMakePair(u"InactiveSlotNames"_s, QVariant(inactiveNames))
               << qMakePair(u"SlotList"_s, QVariant(slotLines))
               << qMakePair(u"Hidden"_s, QVariant(hidden))
               << qMakePair(u"Thresholds"_s,
                      QVariant(u"lag warn %1 s or %2; a slot retaining %3 fails"_s.arg(
                          number(lagWarnSeconds), bytes(lagWarnBytes), bytes(slotFailBytes))));
    r.details = QVariantMap { { u"standbys"_s, standbyRows }, { u"slots"_s, slotRows } };
    return r;
}
