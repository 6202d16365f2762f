// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "connection/connectionspec.h"
#include "engine/checkresult.h"
#include "engine/environment.h"
#include "engine/queryresult.h"

#include <QString>
#include <QStringList>
#include <atomic>

class CancelToken;
class DbSession;
struct DbError;

// What a check may use while it runs on a worker thread. The session belongs to this
// thread; every statement sent through it runs in a READ ONLY transaction with the
// environment's timeouts (DbSession::run()).
struct CheckContext
{
    const Environment &environment;
    DbSession &session;
    const std::atomic_bool &cancelled;
    // The job's token: a check that opens a second session (a reference environment's,
    // through DbSession) attaches it here, so cancel and the watchdog reach that one too.
    CancelToken &token;
    // Every environment of the run, for a check that compares with another one (the
    // migrations check's reference environment). Never the place to look up this one's.
    const QList<Environment> &environments;
    // The answers to the check's plan(): planned[g][s] for its group g's statement s. Empty
    // while plan() itself runs.
    const FlightAnswers &planned;

    bool isPostgres() const
    {
        return environment.connection.driver == ConnectionSpec::Driver::Postgres;
    }
    // Sends groups now, as one flight (one network round trip however many statements):
    // for statements that depend on an answer. See DbSession::run().
    FlightAnswers query(const QList<QueryGroup> &groups) const;
};

// A health check. Adding one means a new file with a subclass in its room (postgres/ for
// PostgreSQL checks), one line in builtinchecks.cpp, and its KB article.
class Check
{
public:
    virtual ~Check() = default;

    virtual QString id() const = 0;
    virtual QString plugin() const;
    virtual QString defaultSeverity() const = 0;
    virtual QString category() const = 0;
    virtual QStringList tags() const = 0;
    virtual QString title() const = 0;
    virtual bool supports(ConnectionSpec::Driver driver) const;

    // The statements the check will send before it looks at any answer, in groups (each its
    // own READ ONLY transaction: a failure ends only its group). The runner sends the plans
    // of all of an environment's checks as one flight, one network round trip for all of
    // them, and hands each check its answers in ctx.planned. Round trips are what a check
    // costs on a remote server (20 to 80 ms each from a laptop to a cloud region): put
    // everything a check can know in advance here, and use ctx.query() only for statements
    // built from an answer. Runs on the worker thread; ctx.planned is empty here.
    virtual QList<QueryGroup> plan(const CheckContext &ctx) const;

    // Runs on a worker thread after plan()'s flight; ctx.planned holds its answers.
    virtual CheckResult run(const CheckContext &ctx) const = 0;
    // What the runner calls: the check's results for the environment, at least one. A check
    // that reports on several things of one environment (the migrations check: one result
    // per migration history found) overrides this and sets each result's subject; run() then
    // gives the first. By default, run()'s one result.
    virtual QList<CheckResult> runAll(const CheckContext &ctx) const { return { run(ctx) }; }

    // A result with this check's identity filled in (id, plugin, severity, category, the KB
    // article) and the given outcome: the one place a result's common fields are set.
    CheckResult result(
        const QString &environment, CheckStatus status, const QString &message) const;
    CheckResult result(const CheckContext &ctx, CheckStatus status, const QString &message) const
    {
        return result(ctx.environment.name, status, message);
    }
    // The result for a check that could not run: the message says what happened and what to do.
    CheckResult errorResult(const QString &environment, const DbError &error) const;
    // The result when the environment's connection could not be opened, or none is
    // configured (the runner calls it instead of run(); no check opens a connection of its
    // own then). This is how a check declares whether it needs the connection:
    // - it needs it (the default): errorResult(). When another check of the run claims the
    //   failure, the runner turns this into CheckStatus::NotRun, with no fixes, pointing at
    //   that check's result (evidence RootCause).
    // - the failure is its finding (connectivity; the pool for a server out of slots): a
    //   verdict, fail or warn, with its evidence. That result is the root cause.
    // A cancelled connect gives Skipped either way.
    virtual CheckResult connectionFailed(const Environment &env, const DbError &error) const;
};
