// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/vacuumcheck.h"

#include "engine/dbsession.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

const QString Short = u"vacuum"_s;
constexpr int MaxListed = 20;

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

double oneDecimal(double v)
{
    return qRound(v * 10) / 10.0;
}

// autovacuum_enabled as the server's boolean parser reads it (parse_bool: any prefix of
// false/off/no, or 0), in a table's own reloptions or its TOAST table's (toast.* options are
// stored on the TOAST table).
const char16_t *offOption = uR"(EXISTS (SELECT 1 FROM unnest(%1) o
  WHERE o ~* '^autovacuum_enabled=(f(a(l(se?)?)?)?|no?|off?|0)$'))";

// The tables over the dead-tuple thresholds (not vacuumed for long, or with autovacuum off)
// and those with autovacuum off, most dead tuples first. pg_stat_user_tables shows every
// role every table's counters. Dead tuples are a share of live + dead, so 0 to 100; a
// table never vacuumed has NULL seconds.
const char16_t *tablesSql = uR"(SELECT format('%I.%I', s.schemaname, s.relname), s.n_live_tup,
  s.n_dead_tup,
  (100.0 * s.n_dead_tup / NULLIF(s.n_live_tup + s.n_dead_tup, 0))::float8,
  EXTRACT(EPOCH FROM clock_timestamp() - GREATEST(s.last_vacuum, s.last_autovacuum))::float8,
  %1 OR %2,
  to_char(GREATEST(s.last_vacuum, s.last_autovacuum) AT TIME ZONE 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
WHERE %1 OR %2 OR (s.n_dead_tup >= %3
  AND 100.0 * s.n_dead_tup / NULLIF(s.n_live_tup + s.n_dead_tup, 0) >= %4)
ORDER BY s.n_dead_tup DESC, 1 LIMIT 200)";

// The server's settings and the role's name as the server quotes it.
const char16_t *settingsSql = uR"(SELECT current_setting('autovacuum')::bool,
  current_setting('track_counts')::bool, format('%I', current_user))";

// Vacuums running in this database. Without pg_read_all_stats another role's vacuum (every
// autovacuum worker's) shows its pid but not its table or progress: phase is NULL.
// heap_blks_* are blocks of the table's heap (PostgreSQL 9.6 on, unchanged to 18).
const char16_t *progressSql = uR"(SELECT p.pid,
  COALESCE((SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = p.relid), p.relid::text, ''),
  COALESCE(p.phase, ''), p.heap_blks_total, p.heap_blks_scanned,
  EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start)::float8,
  COALESCE(a.backend_type = 'autovacuum worker', false),
  COALESCE(a.query LIKE '%to prevent wraparound%', false)
FROM pg_stat_progress_vacuum p LEFT JOIN pg_stat_activity a ON a.pid = p.pid
WHERE p.datname = current_database() ORDER BY p.pid)";

} // namespace

QStringList VacuumCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"vacuum"_s, u"autovacuum"_s, u"bloat"_s };
}

QList<QueryGroup> VacuumCheck::plan(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    const QString tableOff = QString::fromUtf16(offOption).arg(u"c.reloptions"_s);
    const QString toastOff = QString::fromUtf16(offOption).arg(u"t.reloptions"_s);
    const QString tables = QString::fromUtf16(tablesSql)
                               .arg(tableOff, toastOff)
                               .arg(qint64(env.threshold(Short, u"deadTuplesMin"_s)))
                               .arg(number(env.threshold(Short, u"deadTuplesPercent"_s)));
    return { { tables, QString::fromUtf16(settingsSql), QString::fromUtf16(progressSql) } };
}

CheckResult VacuumCheck::run(const CheckContext &ctx) const
{
    const Environment &env = ctx.environment;
    const double deadPercent = env.threshold(Short, u"deadTuplesPercent"_s);
    const double deadMin = env.threshold(Short, u"deadTuplesMin"_s);
    const double notVacuumed = env.threshold(Short, u"notVacuumedSeconds"_s);
    const QList<QueryResult> answers = ctx.planned.value(0);
    for (int i = 0; i < 3; ++i) {
        if (!answers.value(i).ok())
            return errorResult(env.name, answers.value(i).error);
    }
    const bool autovacuum = answers.value(1).value(0, 0).toBool();
    const bool trackCounts = answers.value(1).value(0, 1).toBool();
    const QString role = answers.value(1).value(0, 2).toString();

    QStringList overdueNames, overdueLines, offTables;
    double mostDead = 0, mostDeadPercent = 0;
    for (const QVariantList &row : answers.value(0).rows) {
        const QString table = row.value(0).toString();
        const double dead = row.value(2).toDouble();
        const double percent = row.value(3).toDouble();
        const QVariant since = row.value(4);
        const bool off = row.value(5).toBool();
        if (off && offTables.size() < MaxListed)
            offTables << table;
        const bool over = dead >= deadMin && percent >= deadPercent;
        const bool old = since.isNull() || since.toDouble() >= notVacuumed;
        if (!over || !old)
            continue;
        if (overdueNames.isEmpty()) {
            mostDead = dead;
            mostDeadPercent = oneDecimal(percent);
        }
        if (overdueNames.size() < MaxListed) {
            overdueNames << table;
            overdueLines << u"%1: %2 dead tuples (%3 % of %4 rows), %5%6"_s.arg(table)
                                .arg(qint64(dead))
                                .arg(number(oneDecimal(percent)))
                                .arg(qint64(dead + row.value(1).toDouble()))
                                .arg(since.isNull() ? u"never vacuumed"_s
                                                    : u"last vacuumed %1 (%2 s ago)"_s
                                                          .arg(row.value(6).toString())
                                                          .arg(qRound64(since.toDouble())),
                                    off ? u", autovacuum off for it"_s : QString());
        }
    }
    int overdue = 0;
    for (const QVariantList &row : answers.value(0).rows) {
        const QVariant since = row.value(4);
        if (row.value(2).toDouble() >= deadMin && row.value(3).toDouble() >= deadPercent
            && (since.isNull() || since.toDouble() >= notVacuumed))
            ++overdue;
    }

    QStringList vacuums;
    int hidden = 0;
    for (const QVariantList &row : answers.value(2).rows) {
        const QString phase = row.value(2).toString();
        if (phase.isEmpty()) {
            ++hidden;
            continue;
        }
        const double total = row.value(3).toDouble();
        const double scanned = row.value(4).toDouble();
        vacuums << u"pid %1 %2 %3: %4, %5 of %6 heap blocks scanned (%7 %), %8 s"_s
                       .arg(row.value(0).toInt())
                       .arg(row.value(6).toBool()
                               ? (row.value(7).toBool() ? u"autovacuum (to prevent wraparound)"_s
                                                        : u"autovacuum"_s)
                               : u"VACUUM"_s,
                           row.value(1).toString(), phase)
                       .arg(qint64(scanned))
                       .arg(qint64(total))
                       .arg(number(total > 0 ? oneDecimal(100.0 * scanned / total) : 0))
                       .arg(qRound64(row.value(5).toDouble()));
    }
    const int running = int(answers.value(2).rows.size());

    CheckStatus status = CheckStatus::Pass;
    QStringList findings;
    if (!autovacuum || !trackCounts) {
        status = CheckStatus::Warn;
        findings << (!autovacuum ? u"autovacuum is off for the whole server (autovacuum = off); "
                                   "only anti-wraparound vacuums still run"_s
                                 : u"track_counts is off: autovacuum never starts and the dead "
                                   "tuple counts are not kept"_s);
    }
    if (overdue > 0) {
        status = CheckStatus::Warn;
        findings << u"%1 %2 %3 % or more dead tuples (at least %4) and no vacuum for %5 s: %6"_s
                        .arg(overdue)
                        .arg(overdue == 1 ? u"table has"_s : u"tables have"_s)
                        .arg(number(deadPercent))
                        .arg(qint64(deadMin))
                        .arg(number(notVacuumed))
                        .arg(overdueLines.first());
    }
    if (!offTables.isEmpty()) {
        findings << u"autovacuum is off for %1 %2: %3"_s.arg(offTables.size())
                        .arg(offTables.size() == 1 ? u"table"_s : u"tables"_s)
                        .arg(offTables.join(u", "_s));
    }
    if (!vacuums.isEmpty())
        findings << u"running: "_s + vacuums.join(u"; "_s);
    QString message = findings.join(u"; "_s);
    if (status == CheckStatus::Pass && overdue == 0) {
        message.prepend(u"no table has %1 % or more dead tuples (at least %2) without a vacuum "
                        "for %3 s%4"_s.arg(number(deadPercent))
                            .arg(qint64(deadMin))
                            .arg(number(notVacuumed))
                            .arg(findings.isEmpty() ? QString() : u"; "_s));
    }
    if (hidden > 0) {
        message += u"; cannot see the table and progress of %1 running %2; GRANT pg_monitor "
                   "TO %3"_s.arg(hidden)
                       .arg(hidden == 1 ? u"vacuum"_s : u"vacuums"_s)
                       .arg(role);
    }

    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"OverdueTables"_s, QVariant(overdue))
               << qMakePair(u"DeadTupleTables"_s, QVariant(overdueNames))
               << qMakePair(u"MostDeadTuples"_s, QVariant(mostDead))
               << qMakePair(u"MostDeadTuplesPercent"_s, QVariant(mostDeadPercent))
               << qMakePair(u"Overdue"_s, QVariant(overdueLines))
               << qMakePair(u"AutovacuumOffTables"_s, QVariant(offTables))
               << qMakePair(u"Autovacuum"_s, QVariant(autovacuum))
               << qMakePair(u"TrackCounts"_s, QVariant(trackCounts))
               << qMakePair(u"RunningVacuums"_s, QVariant(running))
               << qMakePair(u"Vacuums"_s, QVariant(vacuums))
               << qMakePair(u"Hidden"_s, QVariant(hidden))
               << qMakePair(u"Thresholds"_s,
                      QVariant(u"dead tuples %1 % and %2, not vacuumed for %3 s"_s
                              .arg(number(deadPercent))
                              .arg(qint64(deadMin))
                              .arg(number(notVacuumed))));
    return r;
}
