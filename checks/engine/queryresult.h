// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/dberror.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// What one statement of a flight answered (DbSession::run()): its rows, or why there are
// none. Values are converted by the column's type: PostgreSQL bool -> bool, int2/int4 ->
// int, int8 -> qlonglong, oid -> uint, float4/float8/numeric -> double, everything else
// (text, names, timestamps in the server's DateStyle) -> QString; SQL NULL -> a null
// QVariant. SQLite values are what QSqlQuery gives.
struct QueryResult
{
    // Kind::None when the statement ran. A statement after a failed one of the same group
    // was not run: its error is the one that stopped the group, with `skipped` set.
    DbError error;
    bool skipped = false;
    QStringList columns;
    QList<QVariantList> rows;

    bool ok() const { return !error.isError(); }
    qsizetype size() const { return rows.size(); }
    // Row `row`, column `column`; a null QVariant when out of range (no row came back).
    QVariant value(qsizetype row, qsizetype column) const
    {
        if (row < 0 || row >= rows.size() || column < 0 || column >= rows[row].size())
            return {};
        return rows[row][column];
    }
};

// The statements a check sends together: each group runs in a READ ONLY transaction of its
// own with the environment's statement and lock timeouts; a failed statement ends its group
// (the rest of it is not run), never another group.
using QueryGroup = QStringList;
// The answers to a flight of groups: answers[g][s] is group g's statement s.
using FlightAnswers = QList<QList<QueryResult>>;
