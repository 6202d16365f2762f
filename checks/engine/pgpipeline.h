// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/queryresult.h"

#include <QByteArray>
#include <QList>

struct pg_conn;

// One flight of statement groups on an open libpq connection in pipeline mode (libpq's
// "Pipeline Mode"): every group is written as [preamble, statements..., Sync] before the
// first answer is read, so the whole flight waits for the network once. Statements go
// through the extended protocol without parameters (PQsendQueryParams with none): literals
// are escaped by the caller (PQescapeLiteral). Rows are read in chunks (libpq 17's chunked
// rows mode) and converted as they arrive; a statement that fails part-way answers its error
// and no rows. Blocking; on the connection's thread.
namespace PgPipeline {

struct Flight
{
    // answers[g][s]: group g's statement s (the preamble's answer is not included).
    // Statements the server skipped after a failure in their group are `skipped` with
    // that failure. When the connection broke, every statement without an answer has
    // error.kind ConnectionLost and `broken` is set.
    QList<QList<QueryResult>> answers;
    bool broken = false;
    // Milliseconds from the end of writing to the first answer (the first preamble).
    double firstAnswerMs = 0;
};

Flight send(pg_conn *conn, const QByteArray &preamble, const QList<QueryGroup> &groups);

// A PGresult's rows as QueryResult values (see QueryResult for the type mapping).
// Exposed for tests.
QVariant value(const char *text, int length, unsigned int typeOid);

} // namespace PgPipeline
