// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/referenceenvironment.h"

#include "engine/canceltoken.h"
#include "engine/check.h"
#include "engine/dbsession.h"
#include "migrations/efcorehistory.h"
#include "migrations/historyreader.h"

#include <QScopeGuard>
#include <algorithm>

using namespace Qt::StringLiterals;

ExpectedSet ReferenceEnvironment::read(const CheckContext &ctx)
{
    const Environment &env = ctx.environment;
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::Environment;
    set.source = env.referenceEnvironment;
    const auto ref = std::find_if(ctx.environments.cbegin(), ctx.environments.cend(),
        [&](const Environment &e) { return e.name == env.referenceEnvironment; });
    if (ref == ctx.environments.cend()) {
        set.error = u"reference environment '%1' is not configured"_s.arg(env.referenceEnvironment);
        return set;
    }
    CancelToken &token = ctx.token;
    DbSession session(*ref, &token);
    token.setDeadline(ref->timeouts.checkDeadlineMs());
    // The deadline applies to the newest session; once this one is gone the calling check's
    // own connection gets a full budget again.
    const auto rearm = qScopeGuard([&] { token.setDeadline(env.timeouts.checkDeadlineMs()); });
    if (!session.open()) {
        set.error = u"reference environment '%1': %2"_s.arg(ref->name, session.error().summary());
        return set;
    }
    const FlightAnswers none;
    const CheckContext planning { *ref, session, ctx.cancelled, token, ctx.environments, none };
    const FlightAnswers planned = session.run(EfCoreHistory::plan(planning));
    const CheckContext refCtx { *ref, session, ctx.cancelled, token, ctx.environments, planned };
    bool exists = false;
    QList<EfCoreHistory::Applied> applied;
    DbError error;
    if (!EfCoreHistory::read(refCtx, planned, &exists, &applied, &error)) {
        if (token.wasAborted())
            error = DbError::noAnswer(ref->timeouts.checkDeadlineMs());
        set.error = u"reference environment '%1': %2"_s.arg(ref->name, error.summary());
    } else {
        for (const auto &a : std::as_const(applied))
            set.ids << a.id;
        std::sort(set.ids.begin(), set.ids.end());
    }
    return set;
}

namespace {

ExpectedSet failed(const QString &reference, const QString &why)
{
    ExpectedSet set;
    set.kind = ExpectedSet::Kind::Environment;
    set.source = reference;
    set.error = u"reference environment '%1': %2"_s.arg(reference, why);
    return set;
}

} // namespace

QList<ReferenceEnvironment::History> ReferenceEnvironment::readHistories(const CheckContext &ctx)
{
    const Environment &env = ctx.environment;
    const auto ref = std::find_if(ctx.environments.cbegin(), ctx.environments.cend(),
        [&](const Environment &e) { return e.name == env.referenceEnvironment; });
    if (ref == ctx.environments.cend()) {
        ExpectedSet set;
        set.error = u"reference environment '%1' is not configured"_s.arg(env.referenceEnvironment);
        return { { {}, set } };
    }
    if (ref->connection.driver != ConnectionSpec::Driver::Postgres)
        return { { {},
            failed(ref->name, u"only PostgreSQL references have other tools' histories"_s) } };
    CancelToken &token = ctx.token;
    DbSession session(*ref, &token);
    token.setDeadline(ref->timeouts.checkDeadlineMs());
    const auto rearm = qScopeGuard([&] { token.setDeadline(env.timeouts.checkDeadlineMs()); });
    if (!session.open())
        return { { {}, failed(ref->name, session.error().summary()) } };
    const QueryResult catalog
        = session.run({ { HistoryDetection::catalogStatement() } }).value(0).value(0);
    if (!catalog.ok())
        return { { {}, failed(ref->name, catalog.error.summary()) } };
    QList<History> out;
    QList<QueryGroup> flight;
    for (const DetectedHistory &h : HistoryDetection::fromCatalog(catalog)) {
        const QString select = HistoryReader::selectStatement(h);
        if (!h.readable || select.isEmpty())
            continue;
        out << History { h, {} };
        flight << QueryGroup { select };
    }
    const FlightAnswers answers = flight.isEmpty() ? FlightAnswers() : session.run(flight);
    for (qsizetype i = 0; i < out.size(); ++i) {
        ExpectedSet &set = out[i].expected;
        set.kind = ExpectedSet::Kind::Environment;
        set.tool = out[i].history.tool;
        set.source = ref->name;
        const QueryResult rows = answers.value(i).value(0);
        if (!rows.ok()) {
            set.error = u"reference environment '%1': %2"_s.arg(ref->name,
                token.wasAborted() ? DbError::noAnswer(ref->timeouts.checkDeadlineMs()).summary()
                                   : rows.error.summary());
            continue;
        }
        for (const HistoryRow &r : HistoryReader::rows(rows)) {
            if (r.failed || r.dirty || r.kind == u"rolled-back" || r.kind == u"DELETE"
                || set.ids.contains(r.id))
                continue;
            set.ids << r.id;
            if (!r.checksum.isEmpty())
                set.checksums.insert(r.id, r.checksum);
        }
    }
    return out;
}

ExpectedSet ReferenceEnvironment::pick(
    const QList<History> &histories, const DetectedHistory &h, const QString &reference)
{
    const History *sameTable = nullptr;
    const History *sameTool = nullptr;
    int ofTool = 0;
    for (const History &r : histories) {
        if (!r.expected.error.isEmpty() && r.history.tool == MigrationTool::Unknown)
            return r.expected; // reading the reference failed as a whole
        if (r.history.tool != h.tool)
            continue;
        ++ofTool;
        sameTool = &r;
        if (r.history.schema == h.schema && r.history.table == h.table)
            return r.expected;
        if (r.history.table == h.table)
            sameTable = &r;
    }
    if (sameTable)
        return sameTable->expected;
    if (ofTool == 1)
        return sameTool->expected;
    return failed(reference,
        ofTool == 0 ? u"it has no %1 history"_s.arg(MigrationTools::displayName(h.tool))
                    : u"it has several %1 histories and none is %2"_s.arg(
                          MigrationTools::displayName(h.tool), h.qualified()));
}
