// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/sequencescheck.h"

#include "engine/dbsession.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QString number(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

// Each sequence of this database with every column it feeds (a row per pair; a sequence
// feeding none has one row with NULL columns). A column is fed by a sequence that is OWNED
// BY it (serial: pg_depend deptype 'a') or is its identity ('i'), or whose DEFAULT calls
// nextval() on it (the default's pg_attrdef row depends on the sequence, deptype 'n').
// The column's range comes from its type, through a domain to the base type; only smallint
// and integer are narrower than a sequence can be. pg_sequence and pg_depend are readable by
// every role; the last value needs SELECT or USAGE on the sequence, as in the pg_sequences
// view, and is NULL before the first nextval(). Other sessions' temporary sequences are
// skipped, and unlogged ones on a standby, where pg_sequence_last_value() raises an error
// before PostgreSQL 17 (and minor releases of 15 and 16 from August 2024).
const char16_t *sequencesSql = uR"(WITH feeds AS (
  SELECT d.objid AS seq, d.refobjid AS rel, d.refobjsubid AS att FROM pg_depend d
  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
  UNION
  SELECT d.refobjid, ad.adrelid, ad.adnum FROM pg_depend d
  JOIN pg_attrdef ad ON ad.oid = d.objid
  WHERE d.classid = 'pg_attrdef'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.deptype = 'n'
)
SELECT format('%I.%I', n.nspname, c.relname), format_type(s.seqtypid, NULL), s.seqmin, s.seqmax,
  s.seqincrement,
  CASE WHEN has_sequence_privilege(c.oid, 'SELECT,USAGE')
        AND NOT (c.relpersistence = 'u' AND pg_is_in_recovery())
       THEN pg_sequence_last_value(c.oid) END,
  has_sequence_privilege(c.oid, 'SELECT,USAGE'),
  CASE WHEN a.attnum IS NOT NULL THEN format('%I.%I', tn.nspname, t.relname) END,
  CASE WHEN a.attnum IS NOT NULL THEN format('%I', a.attname) END,
  CASE WHEN a.attnum IS NOT NULL THEN format_type(a.atttypid, a.atttypmod) END,
  CASE COALESCE(NULLIF(ty.typbasetype, 0), a.atttypid)
    WHEN 'int2'::regtype THEN -32768 WHEN 'int4'::regtype THEN -2147483648 END,
  CASE COALESCE(NULLIF(ty.typbasetype, 0), a.atttypid)
    WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 END,
  format('%I', current_user), format('%I', n.nspname)
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN feeds f ON f.seq = c.oid
LEFT JOIN pg_class t ON t.oid = f.rel
LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = f.rel AND a.attnum = f.att AND NOT a.attisdropped
LEFT JOIN pg_type ty ON ty.oid = a.atttypid
WHERE NOT pg_is_other_temp_schema(n.oid)
ORDER BY 1, 8, 9)";

struct Feed
{
    QString sequence;
    QString sequenceType;
    QString table;
    QString column;
    QString columnType;
    qint64 lastValue = 0;
    qint64 limit = 0;
    bool limitedByColumn = false;
    double percent = 0;
};

// How much of its range a sequence (and the column it feeds) has used: the last value as a
// percent of the limit it runs towards, the lower of the sequence's MAXVALUE and the
// column's maximum (descending: the higher of the minimums). A sequence that has not
// started has used nothing.
Feed feedFrom(const QVariantList &row)
{
    Feed f;
    f.sequence = row.value(0).toString();
    f.sequenceType = row.value(1).toString();
    f.table = row.value(7).toString();
    f.column = row.value(8).toString();
    f.columnType = row.value(9).toString();
    const bool ascending = row.value(4).toLongLong() > 0;
    const qint64 seqLimit = ascending ? row.value(3).toLongLong() : row.value(2).toLongLong();
    const QVariant colLimit = ascending ? row.value(11) : row.value(10);
    f.limit = seqLimit;
    if (!colLimit.isNull()) {
        const qint64 c = colLimit.toLongLong();
        if (ascending ? c < seqLimit : c > seqLimit) {
            f.limit = c;
            f.limitedByColumn = true;
        }
    }
    f.lastValue = row.value(5).toLongLong();
    if (!row.value(5).isNull() && f.limit != 0 && (f.lastValue > 0) == (f.limit > 0))
        f.percent = qMax(0.0, 100.0 * double(f.lastValue) / double(f.limit));
    return f;
}

QString describe(const Feed &f)
{
    const QString fed = f.table.isEmpty()
        ? QString()
        : u" feeds %1.%2 (%3)"_s.arg(f.table, f.column, f.columnType);
    return u"%1%2: %3 % of %4 (%5)"_s.arg(f.sequence, fed, number(qRound(f.percent * 10) / 10.0),
        f.limitedByColumn ? u"the column's maximum"_s : u"the sequence's maximum"_s,
        QString::number(f.limit));
}

} // namespace

QStringList SequencesCheck::tags() const
{
    return { u"database"_s, u"postgres"_s, u"sequences"_s, u"schema"_s };
}

QList<QueryGroup> SequencesCheck::plan(const CheckContext &) const
{
    return { { QString::fromUtf16(sequencesSql) } };
}

CheckResult SequencesCheck::run(const CheckContext &ctx) const
{
    const QueryResult q = ctx.planned.value(0).value(0);
    if (!q.ok())
        return errorResult(ctx.environment.name, q.error);
    const double warn = ctx.environment.threshold(Thresholds, u"warnPercent"_s);
    const double fail = ctx.environment.threshold(Thresholds, u"failPercent"_s);

    QList<Feed> feeds;
    QSet<QString> sequences;
    QSet<QString> unreadable;
    QStringList schemas; // of the unreadable ones
    QString role;
    for (const QVariantList &row : q.rows) {
        role = row.value(12).toString();
        const Feed f = feedFrom(row);
        sequences.insert(f.sequence);
        if (!row.value(6).toBool()) {
            unreadable.insert(f.sequence);
            if (!schemas.contains(row.value(13).toString()))
                schemas << row.value(13).toString();
        }
        feeds << f;
    }
    std::stable_sort(feeds.begin(), feeds.end(),
        [](const Feed &a, const Feed &b) { return a.percent > b.percent; });
    int overWarn = 0;
    int overFail = 0;
    QVariantList near;
    for (const Feed &f : std::as_const(feeds)) {
        if (f.percent < warn)
            break;
        ++overWarn;
        if (f.percent >= fail)
            ++overFail;
        if (near.size() < 20) {
            near << QVariantMap { { u"Sequence"_s, f.sequence },
                { u"SequenceType"_s, f.sequenceType }, { u"Table"_s, f.table },
                { u"Column"_s, f.column }, { u"ColumnType"_s, f.columnType },
                { u"LastValue"_s, f.lastValue }, { u"Limit"_s, f.limit },
                { u"LimitedBy"_s, f.limitedByColumn ? u"column"_s : u"sequence"_s },
                { u"Percent"_s, qRound(f.percent * 10) / 10.0 } };
        }
    }
    const Feed highest = feeds.value(0);

    CheckStatus status = overFail > 0 ? CheckStatus::Fail
        : overWarn > 0                ? CheckStatus::Warn
                                      : CheckStatus::Pass;
    QString message;
    if (overWarn > 0) {
        message = u"%1 %2 over %3 % of %4 range; highest: %5"_s.arg(overWarn)
                      .arg(overWarn == 1 ? u"sequence is"_s : u"sequences are"_s)
                      .arg(number(overFail > 0 ? fail : warn))
                      .arg(overWarn == 1 ? u"its"_s : u"their"_s)
                      .arg(describe(highest));
        if (overFail > 0 && overFail != overWarn)
            message = u"%1 over %2 %, %3"_s.arg(overFail).arg(number(fail)).arg(message);
    } else {
        message = sequences.isEmpty()
            ? u"no sequences in this database"_s
            : u"%1 sequences, none over %2 % of its range; highest: %3"_s.arg(sequences.size())
                  .arg(number(warn))
                  .arg(describe(highest));
    }
    // Never a clean pass over what it cannot read: the unread ones could be at their limit.
    if (!unreadable.isEmpty()) {
        if (status == CheckStatus::Pass)
            status = CheckStatus::Warn;
        // SELECT on a sequence reads its value and cannot advance it (nextval needs USAGE
        // or UPDATE); pg_read_all_data would show every table's rows as well.
        message += u"; cannot read the value of %1 %2; GRANT SELECT ON ALL SEQUENCES IN SCHEMA "
                   "%3 TO %4"_s.arg(unreadable.size())
                       .arg(unreadable.size() == 1 ? u"sequence"_s : u"sequences"_s)
                       .arg(schemas.join(u", "_s), role);
    }

    CheckResult r = result(ctx, status, message);
    r.evidence << qMakePair(u"Sequences"_s, QVariant(int(sequences.size())))
               << qMakePair(u"OverWarning"_s, QVariant(overWarn))
               << qMakePair(u"OverFailure"_s, QVariant(overFail))
               << qMakePair(u"Highest"_s, QVariant(feeds.isEmpty() ? QString() : describe(highest)))
               << qMakePair(u"HighestPercent"_s, QVariant(qRound(highest.percent * 10) / 10.0))
               << qMakePair(u"HighestSequence"_s, QVariant(highest.sequence))
               << qMakePair(u"HighestTable"_s, QVariant(highest.table))
               << qMakePair(u"HighestColumn"_s, QVariant(highest.column))
               << qMakePair(u"Near"_s, QVariant(near))
               << qMakePair(u"Unreadable"_s, QVariant(int(unreadable.size())))
               << qMakePair(u"Thresholds"_s,
                      QVariant(u"warn at %1 %, fail at %2 % of the range"_s.arg(
                          number(warn), number(fail))));
    return r;
}
