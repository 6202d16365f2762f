// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.sequences: sequences and the columns they feed (serial, identity, a column
// whose DEFAULT calls nextval()) close to their maximum. The limit is the lower of the
// sequence's MAXVALUE and the column type's: an integer column fed by a bigint sequence
// overflows at 2^31 - 1 although its sequence goes on. Descending sequences are held against
// their minimum the same way.
class SequencesCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.sequences");
    // The short name its thresholds are under (engine/checkthresholds.h).
    static inline const QString Thresholds = QStringLiteral("sequences");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("fail"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override
    {
        return QStringLiteral("PostgreSQL sequences near their limit");
    }
    // One statement: the connected database's sequences (pg_sequence), the columns they feed
    // (pg_depend: owned-by and identity links, and column defaults that call nextval()), and
    // each one's last value where the role may read it.
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    // Status: fail when a sequence or the column it feeds has used failPercent of its range,
    // warn at warnPercent, pass otherwise. A sequence whose value the role may not read
    // (no SELECT or USAGE on it) is counted in Unreadable; a pass then becomes a warning
    // naming "GRANT SELECT ON ALL SEQUENCES IN SCHEMA <schemas> TO <role>", both quoted by
    // the server.
    // Evidence: Sequences (number of sequences), OverWarning, OverFailure (numbers),
    // Highest (text: "public.orders_id_seq feeds public.orders.id (integer): 93.1 %"),
    // HighestPercent (number, one decimal), HighestSequence, HighestTable, HighestColumn
    // (texts, as format('%I') quotes them; the table and column empty for a sequence that
    // feeds no column), Near (list of maps, highest first, those at or over warnPercent, at
    // most 20: Sequence, SequenceType, Table, Column, ColumnType, LastValue, Limit, LimitedBy
    // ("column" or "sequence"), Percent), Unreadable (number), Thresholds (text).
    CheckResult run(const CheckContext &ctx) const override;
};
