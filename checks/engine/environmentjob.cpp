// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/environmentjob.h"

#include "engine/canceltoken.h"
#include "engine/check.h"
#include "engine/dbsession.h"
#include "engine/remediationsource.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace {

void attachRemediation(CheckResult *r, const Environment &env, const RemediationSource *kb)
{
    if (kb)
        kb->attachRemediation(r, env);
}

DbError cancelledError()
{
    DbError e;
    e.kind = DbError::Kind::Cancelled;
    return e;
}

CheckResult notApplicable(const Check &check, const Environment &env)
{
    return check.result(env.name, CheckStatus::Skipped, u"Not applicable to SQLite"_s);
}

// What "not run" says: the connection failed and `cause` (a result of the same environment)
// holds the reason and the fixes. No fixes of its own: the migrations article's commands are
// no use while the server cannot be reached.
CheckResult notRun(
    const Check &check, const Environment &env, const CheckResult &cause, const QString &what)
{
    CheckResult r = check.result(env.name, CheckStatus::NotRun,
        u"Not run: no connection (%1). The cause and what to do are in %2."_s.arg(
            what, cause.checkId));
    r.remediation.article = cause.checkId;
    r.evidence << qMakePair(u"RootCause"_s, QVariant(cause.checkId));
    return r;
}

// The environment's connection could not be opened, or none is configured. Each check says
// what that means to it (Check::connectionFailed()): a verdict (fail, warn) when the failure
// is its finding, which makes it the root cause; an error when it needed the connection,
// which becomes NotRun pointing at the root cause. When no check of the run claims the
// failure (e.g. `--check check.postgres.migrations` alone) the errors stay: they are then
// the only place the cause shows. Cancelled (skipped) results stay as they are.
void reportConnectionFailure(const Environment &env, const QList<const Check *> &checks,
    const DbError &error, qint64 connectMs, const RemediationSource *kb,
    const EnvironmentJob::Report &report)
{
    const bool unconfigured = !env.configurationError.isEmpty();
    QList<CheckResult> results;
    const CheckResult *cause = nullptr;
    for (const Check *check : checks) {
        CheckResult r = check->connectionFailed(env, error);
        if (unconfigured && r.status != CheckStatus::Error) {
            // The check's evidence describes a connect attempt; there was none.
            r.message = env.configurationError;
            r.evidence = { { u"Configured"_s, false } };
        }
        r.durationMs = unconfigured ? 0 : connectMs;
        results << r;
    }
    for (const CheckResult &r : std::as_const(results)) {
        const bool verdict = r.status == CheckStatus::Fail || r.status == CheckStatus::Warn;
        if (verdict && (!cause || Status::rank(r.status) > Status::rank(cause->status)))
            cause = &r;
    }
    const QString what
        = unconfigured ? u"none is configured"_s : error.summary().section(u". "_s, 0, 0);
    for (qsizetype i = 0; i < results.size(); ++i) {
        CheckResult r = results[i];
        if (cause && r.status == CheckStatus::Error)
            r = notRun(*checks[i], env, *cause, what);
        else
            attachRemediation(&r, env, kb);
        report(r);
    }
}

} // namespace

void EnvironmentJob::run(const Environment &env, const QList<Environment> &all,
    const QList<const Check *> &checks, const RemediationSource *kb, CancelToken *token,
    const Report &report)
{
    if (!env.configurationError.isEmpty()) {
        DbError unconfigured;
        unconfigured.kind = DbError::Kind::Other;
        unconfigured.what = env.configurationError;
        reportConnectionFailure(env, checks, unconfigured, 0, kb, report);
        return;
    }
    // One session for all of the environment's checks: when it cannot be opened, no check
    // tries again (a down server costs one connect timeout, not one per check).
    QElapsedTimer connectTimer;
    connectTimer.start();
    DbSession session(env, token);
    if (!session.open()) {
        reportConnectionFailure(env, checks, session.error(), connectTimer.elapsed(), kb, report);
        return;
    }
    // Every check's plan goes out in one flight: one network round trip for all of them.
    struct Job
    {
        const Check *check;
        CheckResult early; // set when the check does not run
        bool runs = false;
        qsizetype firstGroup = 0;
        qsizetype groups = 0;
    };
    QList<Job> jobs;
    QList<QueryGroup> flight;
    const FlightAnswers nothingYet;
    int planning = 0;
    for (const Check *check : checks) {
        Job job { check, {}, false, flight.size(), 0 };
        if (!check->supports(env.connection.driver)) {
            job.early = notApplicable(*check, env);
        } else if (token->isCancelled()) {
            job.early = check->errorResult(env.name, cancelledError());
        } else {
            const CheckContext ctx { env, session, token->flag(), *token, all, nothingYet };
            const QList<QueryGroup> groups = check->plan(ctx);
            job.runs = true;
            job.groups = groups.size();
            flight << groups;
            planning += groups.isEmpty() ? 0 : 1;
        }
        jobs << job;
    }
    QElapsedTimer flightTimer;
    flightTimer.start();
    FlightAnswers answers;
    if (!flight.isEmpty() && !token->isCancelled()) {
        token->setDeadline(env.timeouts.checkDeadlineMs() * qMax(1, planning));
        answers = session.run(flight);
        token->setDeadline(0);
    }
    const qint64 flightMs = flightTimer.elapsed();
    for (const Job &job : std::as_const(jobs)) {
        const Check *check = job.check;
        QElapsedTimer timer;
        timer.start();
        QList<CheckResult> results { job.early };
        if (!job.runs) {
            // as decided above
        } else if (token->isCancelled()) {
            results = { check->errorResult(env.name, cancelledError()) };
        } else if (token->wasAborted()) {
            results = { check->errorResult(
                env.name, DbError::noAnswer(env.timeouts.checkDeadlineMs())) };
        } else {
            token->setDeadline(env.timeouts.checkDeadlineMs());
            const FlightAnswers planned = answers.mid(job.firstGroup, job.groups);
            const CheckContext ctx { env, session, token->flag(), *token, all, planned };
            results = check->runAll(ctx);
            token->setDeadline(0);
            if (token->wasAborted() && !token->isCancelled())
                results = { check->errorResult(env.name, DbError::noAnswer(timer.elapsed())) };
        }
        if (results.isEmpty()) // a check owes one result; an empty list is a bug, shown as one
            results
                = { check->result(env.name, CheckStatus::Error, u"The check gave no result"_s) };
        const qint64 durationMs = timer.elapsed() + (job.groups > 0 ? flightMs : 0);
        for (CheckResult &r : results) {
            if (token->isCancelled() && r.status == CheckStatus::Error)
                r = check->errorResult(env.name, cancelledError());
            r.durationMs = durationMs;
            attachRemediation(&r, env, kb);
            report(r);
        }
    }
}
