// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/pgpipeline.h"

#include <QElapsedTimer>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace {

// Type OIDs of pg_type.dat (src/include/catalog/pg_type.dat); stable across releases.
enum : Oid {
    BoolOid = 16,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    OidOid = 26,
    Float4Oid = 700,
    Float8Oid = 701,
    NumericOid = 1700,
};

// The values a column repeats share one QString: a column with a handful of distinct texts
// (EF Core's ProductVersion, a tool's type or state) is converted once per distinct text
// instead of once per row (a QString allocated and converted from UTF-8 each time). A column
// is remembered while it has at most FewValues distinct short texts; beyond that (ids,
// names) it is converted value by value. Same values as without it, in less time and memory:
// 100 000 history rows, bench_history, Session 9.
class RepeatedValues
{
public:
    static constexpr qsizetype FewValues = 8;
    static constexpr int ShortText = 64; // bytes; longer ones are compared by nobody

    // The value of TEXT: an equal one converted before, or CONVERT's, remembered.
    template <typename Convert> QVariant value(QByteArrayView text, Convert convert)
    {
        if (m_off || text.size() > ShortText)
            return convert();
        for (const auto &[bytes, value] : std::as_const(m_seen)) {
            if (bytes == text)
                return value;
        }
        QVariant v = convert();
        if (m_seen.size() < FewValues)
            m_seen.append({ text.toByteArray(), v }); // a copy: chunks are freed as read
        else
            m_off = true;
        return v;
    }

private:
    QList<std::pair<QByteArray, QVariant>> m_seen;
    bool m_off = false;
};

// A statement's rows as they arrive, one PGresult (or chunk of one) after another.
class RowReader
{
public:
    void append(QueryResult *r, const PGresult *res)
    {
        const int columns = PQnfields(res);
        if (m_types.isEmpty() && columns > 0) {
            for (int c = 0; c < columns; ++c) {
                r->columns << QString::fromUtf8(PQfname(res, c));
                m_types << PQftype(res, c);
            }
            m_repeated.resize(columns);
        }
        const int rows = PQntuples(res);
        if (r->rows.isEmpty()) // later chunks: the list grows geometrically, not per chunk
            r->rows.reserve(rows);
        for (int i = 0; i < rows; ++i) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c) {
                if (PQgetisnull(res, i, c)) {
                    row.emplace_back();
                    continue;
                }
                const char *text = PQgetvalue(res, i, c);
                const int length = PQgetlength(res, i, c);
                const Oid type = m_types[c];
                row.emplace_back(m_repeated[c].value(QByteArrayView(text, length),
                    [&] { return PgPipeline::value(text, length, type); }));
            }
            r->rows.emplace_back(std::move(row));
        }
    }

private:
    QList<Oid> m_types;
    QList<RepeatedValues> m_repeated;
};

#ifdef LIBPQ_HAS_CHUNK_MODE
// Rows per chunk (libpq 17's chunked rows mode): a large result is converted while the rest
// of it is still on its way, instead of after the last row came (a 100 000-row history: the
// conversion overlaps the server sending it; bench_history, Session 9).
constexpr int ChunkRows = 4096;
#endif

DbError errorOf(const PGresult *res)
{
    return DbError::fromQuery(QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE)),
        QString::fromUtf8(PQresultErrorMessage(res)));
}

// Whatever else libpq has for the query just read: nothing in pipeline mode but the NULL that
// ends each query's results. Returns false when the connection broke instead.
bool endOfQuery(PGconn *conn)
{
    bool clean = true;
    while (PGresult *extra = PQgetResult(conn)) {
        clean = PQresultStatus(extra) != PGRES_FATAL_ERROR;
        PQclear(extra);
    }
    return clean && PQstatus(conn) == CONNECTION_OK;
}

void markUnanswered(PgPipeline::Flight *f, qsizetype fromGroup, qsizetype fromStatement)
{
    f->broken = true;
    DbError lost;
    lost.kind = DbError::Kind::ConnectionLost;
    for (qsizetype g = fromGroup; g < f->answers.size(); ++g) {
        for (qsizetype s = g == fromGroup ? fromStatement : 0; s < f->answers[g].size(); ++s) {
            if (!f->answers[g][s].error.isError())
                f->answers[g][s].error = lost;
        }
    }
}

bool write(PGconn *conn, const QByteArray &preamble, const QList<QueryGroup> &groups)
{
    for (qsizetype g = 0; g < groups.size(); ++g) {
        if (!PQsendQueryParams(
                conn, preamble.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0))
            return false;
        for (const QString &sql : groups[g]) {
            const QByteArray utf8 = sql.toUtf8();
            if (!PQsendQueryParams(
                    conn, utf8.constData(), 0, nullptr, nullptr, nullptr, nullptr, 0))
                return false;
        }
        const bool last = g == groups.size() - 1;
#ifdef LIBPQ_HAS_SEND_PIPELINE_SYNC
        // libpq 17: a Sync without a flush, so the flight leaves in as few packets as fit.
        if (!(last ? PQpipelineSync(conn) : PQsendPipelineSync(conn)))
            return false;
#else
        Q_UNUSED(last);
        if (!PQpipelineSync(conn)) // flushes; still no answer is read before the last
            return false;
#endif
    }
    return true;
}

} // namespace

QVariant PgPipeline::value(const char *text, int length, unsigned int typeOid)
{
    const QByteArrayView bytes(text, length);
    switch (typeOid) {
    case BoolOid:
        return QVariant(bytes == "t");
    case Int2Oid:
    case Int4Oid:
        return QVariant(bytes.toInt());
    case Int8Oid:
        return QVariant(bytes.toLongLong());
    case OidOid:
        return QVariant(bytes.toUInt());
    case Float4Oid:
    case Float8Oid:
    case NumericOid:
        return QVariant(bytes.toDouble());
    default:
        return QVariant(QString::fromUtf8(bytes));
    }
}

PgPipeline::Flight PgPipeline::send(
    pg_conn *conn, const QByteArray &preamble, const QList<QueryGroup> &groups)
{
    Flight f;
    f.answers.resize(groups.size());
    for (qsizetype g = 0; g < groups.size(); ++g)
        f.answers[g].resize(groups[g].size());
    if (!conn || PQstatus(conn) != CONNECTION_OK || !PQenterPipelineMode(conn)) {
        markUnanswered(&f, 0, 0);
        return f;
    }
    if (!write(conn, preamble, groups)) {
        markUnanswered(&f, 0, 0);
        PQexitPipelineMode(conn);
        return f;
    }
    QElapsedTimer waiting;
    waiting.start();
    bool firstAnswer = true;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        QList<QueryResult> &answers = f.answers[g];
        DbError groupError;
        // s == -1 is the preamble.
        for (qsizetype s = -1; s < answers.size(); ++s) {
#ifdef LIBPQ_HAS_CHUNK_MODE
            if (s >= 0) // before its first result is read, as libpq asks (0: not large)
                PQsetChunkedRowsMode(conn, ChunkRows);
#endif
            PGresult *res = PQgetResult(conn);
            if (firstAnswer) {
                f.firstAnswerMs = waiting.nsecsElapsed() / 1e6;
                firstAnswer = false;
            }
            if (!res) {
                markUnanswered(&f, g, qMax<qsizetype>(0, s));
                return f; // the connection is gone: leaving pipeline mode would fail too
            }
            ExecStatusType status = PQresultStatus(res);
            QueryResult r;
            RowReader reader;
#ifdef LIBPQ_HAS_CHUNK_MODE
            // Chunks, then the statement's end: TUPLES_OK without rows, or its error (then
            // the rows read so far are dropped: a result is whole or not at all).
            while (status == PGRES_TUPLES_CHUNK) {
                reader.append(&r, res);
                PQclear(res);
                res = PQgetResult(conn);
                if (!res) {
                    markUnanswered(&f, g, qMax<qsizetype>(0, s));
                    return f;
                }
                status = PQresultStatus(res);
            }
#endif
            if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
                reader.append(&r, res);
            } else if (status == PGRES_PIPELINE_ABORTED) {
                r.error = groupError;
                if (!r.error.isError()) { // the server skipped it without saying why
                    r.error.kind = DbError::Kind::Other;
                    r.error.detail = u"not run: an earlier statement of its group failed"_s;
                }
                r.skipped = true;
            } else {
                r = QueryResult(); // the rows of chunks before the error are not the result
                r.error = errorOf(res);
                groupError = r.error;
            }
            PQclear(res);
            if (s < 0) {
                if (r.error.isError() && !r.skipped) {
                    for (QueryResult &rest : answers) {
                        rest.error = r.error;
                        rest.skipped = true;
                    }
                }
            } else {
                answers[s] = std::move(r);
            }
            if (!endOfQuery(conn)) {
                markUnanswered(&f, g, s + 1);
                return f;
            }
        }
        PGresult *sync = PQgetResult(conn);
        const bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
        PQclear(sync);
        if (!synced) {
            markUnanswered(&f, g + 1, 0);
            return f;
        }
    }
    PQexitPipelineMode(conn);
    return f;
}
