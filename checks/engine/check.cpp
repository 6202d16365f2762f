// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/check.h"

#include "engine/dbsession.h"

using namespace Qt::StringLiterals;

QString Check::plugin() const
{
    return u"stellaops.doctor.postgres"_s;
}

FlightAnswers CheckContext::query(const QList<QueryGroup> &groups) const
{
    return session.run(groups);
}

QList<QueryGroup> Check::plan(const CheckContext &) const
{
    return {};
}

bool Check::supports(ConnectionSpec::Driver driver) const
{
    return driver == ConnectionSpec::Driver::Postgres;
}

CheckResult Check::result(
    const QString &environment, CheckStatus status, const QString &message) const
{
    CheckResult r;
    r.environment = environment;
    r.checkId = id();
    r.plugin = plugin();
    r.severity = defaultSeverity();
    r.category = category();
    r.status = status;
    r.message = message;
    r.remediation.article = id();
    return r;
}

CheckResult Check::errorResult(const QString &environment, const DbError &error) const
{
    CheckResult r = result(environment,
        error.kind == DbError::Kind::Cancelled ? CheckStatus::Skipped : CheckStatus::Error,
        error.summary());
    if (!error.sqlState.isEmpty())
        r.evidence << qMakePair(u"SqlState"_s, QVariant(error.sqlState));
    r.evidence << qMakePair(u"Error"_s, QVariant(error.detail));
    return r;
}

CheckResult Check::connectionFailed(const Environment &env, const DbError &error) const
{
    return errorResult(env.name, error);
}
