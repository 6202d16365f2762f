// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/wraparoundcheck.h"

#include "engine/dbsession.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

// XIDs compare modulo 2^32: a frozen-less XID older than 2^31 would read as in the future.
constexpr qint64 XidLimit = Q_INT64_C(2147483648);

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest); // 1073741824, not 1.07e+09
}

// Every database, oldest first. datfrozenxid and datminmxid are the oldest unfrozen
// XID/MultiXact of any table in it (VACUUM advances them); template0 counts too: it
// cannot be connected to, but autovacuum freezes it like any other.
const char16_t *databasesSql = uR"(SELECT datname::text, age(datfrozenxid)::bigint,
  mxid_age(datminmxid)::bigint, datallowconn
FROM pg_database ORDER BY 2 DESC, 3 DESC, 1)";

// autovacuum_freeze_max_age: the table age at which autovacuum starts an anti-wraparound
// vacuum even when it is disabled; the MultiXact one likewise. Both exist in 13 to 18.
const char16_t *settingsSql = uR"(SELECT current_setting('autovacuum_freeze_max_age')::bigint,
  current_setting('autovacuum_multixact_freeze_max_age')::bigint)";

// The connected database's oldest tables and materialized views, each with its TOAST table,
// which has its own relfrozenxid and is vacuumed (and frozen) with its table. System
// catalogs count: their relfrozenxid holds datfrozenxid back like any table's.
// pg_class is readable by every role.
const char16_t *tablesSql = uR"(SELECT format('%I.%I', n.nspname, c.relname),
  greatest(age(c.relfrozenxid), age(t.relfrozenxid))::bigint,
  age(c.relfrozenxid)::bigint,
  CASE WHEN t.oid IS NOT NULL THEN format('%I.%I', tn.nspname, t.relname) ELSE '' END,
  CASE WHEN t.oid IS NOT NULL THEN age(t.relfrozenxid)::bigint END,
  mxid_age(c.relminmxid)::bigint
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE c.relkind IN ('r', 'm')
ORDER BY 2 DESC, 1 LIMIT 10)";

} // namespace

QStringList WraparoundCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"vacuum"_s, u"wraparound"_s };
}

QList<QueryGroup> WraparoundCheck::plan(const CheckContext &) const
{
    return { { QString::fromUtf16(databasesSql), QString::fromUtf16(settingsSql),
        QString::fromUtf16(tablesSql) } };
}

CheckResult WraparoundCheck::run(const CheckContext &ctx) const
{
    const QList<QueryResult> answers = ctx.planned.value(0);
    for (int i = 0; i < 3; ++i) {
        if (!answers.value(i).ok())
            return errorResult(ctx.environment.name, answers.value(i).error);
    }
    const Environment &env = ctx.environment;
    const double warnAge = env.threshold(Thresholds, u"warnAge"_s);
    const double failAge = env.threshold(Thresholds, u"failAge"_s);
    const double factor = env.threshold(Thresholds, u"freezeMaxAgeFactor"_s);
    const qint64 freezeMaxAge = answers.value(1).value(0, 0).toLongLong();
    const qint64 mxFreezeMaxAge = answers.value(1).value(0, 1).toLongLong();

    QVariantList databases;
    qint64 maxXid = 0;
    qint64 maxMx = 0;
    QString oldestDatabase;
    for (const QVariantList &row : answers.value(0).rows) {
        const qint64 xid = row.value(1).toLongLong();
        const qint64 mx = row.value(2).toLongLong();
        if (oldestDatabase.isEmpty())
            oldestDatabase = row.value(0).toString(); // sorted by XID age
        maxXid = qMax(maxXid, xid);
        maxMx = qMax(maxMx, mx);
        databases << QVariantMap { { u"Database"_s, row.value(0).toString() }, { u"XidAge"_s, xid },
            { u"MultiXactAge"_s, mx }, { u"AllowConnections"_s, row.value(3).toBool() } };
    }
    QVariantList tables;
    for (const QVariantList &row : answers.value(2).rows) {
        const qint64 age = row.value(1).toLongLong();
        tables << QVariantMap { { u"Table"_s, row.value(0).toString() }, { u"XidAge"_s, age },
            { u"TableXidAge"_s, row.value(2).toLongLong() },
            { u"ToastTable"_s, row.value(3).toString() },
            { u"ToastXidAge"_s,
                row.value(4).isNull() ? QVariant() : QVariant(row.value(4).toLongLong()) },
            { u"MultiXactAge"_s, row.value(5).toLongLong() },
            { u"UntilFreezeMaxAge"_s, freezeMaxAge - age },
            { u"UntilWraparound"_s, XidLimit - age } };
    }
    const QVariantMap oldestTable = tables.value(0).toMap();

    CheckStatus status = CheckStatus::Pass;
    QStringList findings;
    const qint64 worst = qMax(maxXid, maxMx);
    const QString what = maxXid >= maxMx
        ? u"transaction ID age %1 (database %2)"_s.arg(maxXid).arg(oldestDatabase)
        : u"MultiXact age %1"_s.arg(maxMx);
    if (worst >= failAge) {
        status = CheckStatus::Fail;
        findings << u"%1 reached the failure threshold %2 (%3 % of the 2^31 limit)"_s.arg(
            what, number(failAge), number(qRound(1000.0 * worst / XidLimit) / 10.0));
    } else if (worst >= warnAge) {
        status = CheckStatus::Warn;
        findings << u"%1 reached the warning threshold %2"_s.arg(what, number(warnAge));
    }
    // Past autovacuum_freeze_max_age by the factor: anti-wraparound autovacuums are due and
    // not finishing (something holds the xmin horizon back, or they are cancelled).
    if (status == CheckStatus::Pass && maxXid > factor * freezeMaxAge) {
        status = CheckStatus::Warn;
        findings << u"transaction ID age %1 is past %2 x autovacuum_freeze_max_age (%3)"_s
                        .arg(maxXid)
                        .arg(number(factor))
                        .arg(freezeMaxAge);
    }
    if (status == CheckStatus::Pass && maxMx > factor * mxFreezeMaxAge) {
        status = CheckStatus::Warn;
        findings << u"MultiXact age %1 is past %2 x autovacuum_multixact_freeze_max_age (%3)"_s
                        .arg(maxMx)
                        .arg(number(factor))
                        .arg(mxFreezeMaxAge);
    }
    QString message = findings.isEmpty()
        ? u"oldest transaction ID age %1 (database %2), MultiXact age %3; %4 transactions until "
          "wraparound"_s.arg(maxXid)
              .arg(oldestDatabase)
              .arg(maxMx)
              .arg(XidLimit - maxXid)
        : findings.join(u"; "_s);
    if (!oldestTable.isEmpty() && status != CheckStatus::Pass) {
        message
            += u"; oldest table here: %1 (age %2)"_s.arg(oldestTable.value(u"Table"_s).toString(),
                QString::number(oldestTable.value(u"XidAge"_s).toLongLong()));
    }

    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"MaxXidAge"_s, QVariant(maxXid))
               << qMakePair(u"MaxMultiXactAge"_s, QVariant(maxMx))
               << qMakePair(u"OldestDatabase"_s, QVariant(oldestDatabase))
               << qMakePair(u"XidsUntilWraparound"_s, QVariant(XidLimit - maxXid))
               << qMakePair(u"FreezeMaxAge"_s, QVariant(freezeMaxAge))
               << qMakePair(u"MultiXactFreezeMaxAge"_s, QVariant(mxFreezeMaxAge))
               << qMakePair(u"Databases"_s, QVariant(databases))
               << qMakePair(u"OldestTables"_s, QVariant(tables))
               << qMakePair(u"OldestTable"_s, oldestTable.value(u"Table"_s, QString()))
               << qMakePair(u"OldestTableXidAge"_s, oldestTable.value(u"XidAge"_s, 0))
               << qMakePair(u"NeedsFreeze"_s, QVariant(status != CheckStatus::Pass))
               << qMakePair(u"Thresholds"_s,
                      QVariant(u"warn at age %1, fail at age %2, warn past %3 x "
                               "autovacuum_freeze_max_age"_s.arg(
                                   number(warnAge), number(failAge), number(factor))));
    return r;
}
