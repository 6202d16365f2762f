// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/referenceenvironment.h"

#include "engine/canceltoken.h"
#include "engine/check.h"
#include "engine/dbsession.h"
#include "migrations/efcorehistory.h"

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
