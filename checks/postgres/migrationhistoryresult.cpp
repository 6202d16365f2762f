// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/migrationhistoryresult.h"

#include "engine/dberror.h"

using namespace Qt::StringLiterals;

namespace {

CheckResult base(const Check &check, const CheckContext &ctx, const DetectedHistory &h,
    CheckStatus status, const QString &message)
{
    CheckResult r = check.result(ctx, status, message);
    r.subject = h.subject();
    r.evidence << qMakePair(u"Tool"_s, QVariant(MigrationTools::key(h.tool)))
               << qMakePair(u"HistorySchema"_s, QVariant(h.schema))
               << qMakePair(u"HistoryTable"_s, QVariant(h.table));
    return r;
}

QString name(const DetectedHistory &h)
{
    return u"%1 history %2"_s.arg(MigrationTools::displayName(h.tool), h.qualified());
}

} // namespace

namespace MigrationHistoryResult {

CheckResult verdict(const Check &check, const CheckContext &ctx, const DetectedHistory &h,
    const HistoryStates &s, const ExpectedSet &expected)
{
    const bool known = expected.isKnown();
    CheckStatus outcome = CheckStatus::Pass;
    QString status;
    QString message;
    const QString latest = s.latestApplied.isEmpty() ? u"none"_s : s.latestApplied;
    if (!s.dirty.isEmpty()) {
        outcome = CheckStatus::Fail;
        status = u"dirty"_s;
        message = u"%1: version %2 is dirty (a migration failed part-way and its changes may "
                  "be half applied); repair the schema by hand, then force the version"_s.arg(
                      name(h), s.dirty.first());
    } else if (!s.failed.isEmpty()) {
        outcome = CheckStatus::Fail;
        status = u"failed"_s;
        message = u"%1: %2 failed migration(s), first %3"_s.arg(name(h))
                      .arg(s.failed.size())
                      .arg(s.failed.first());
        if (!s.failureText.isEmpty())
            message += u" (%1)"_s.arg(s.failureText.left(160));
    } else if (!s.modified.isEmpty()) {
        outcome = CheckStatus::Fail;
        status = u"modified"_s;
        message = u"%1: %2 applied migration(s) changed since they ran (the stored checksum "
                  "differs from the file's), first %3"_s.arg(name(h))
                      .arg(s.modified.size())
                      .arg(s.modified.first());
    } else if (!known) {
        status = u"unknown"_s;
        message = u"%1: %2 migrations applied, latest %3; pending is unknown because no "
                  "expected set is configured"_s.arg(name(h))
                      .arg(s.applied.size())
                      .arg(latest);
    } else if (!s.pending.isEmpty()) {
        outcome = CheckStatus::Warn;
        status = u"pending"_s;
        message = u"%1: %2 pending migration(s), first %3; %4 applied"_s.arg(name(h))
                      .arg(s.pending.size())
                      .arg(s.pending.first())
                      .arg(s.applied.size());
    } else {
        status = u"up-to-date"_s;
        message = u"%1: up to date, %2 migrations applied, latest %3"_s.arg(name(h))
                      .arg(s.applied.size())
                      .arg(latest);
    }
    if (status != u"dirty" && status != u"failed" && !s.pending.isEmpty() && known
        && status != u"pending")
        message += u"; %1 pending"_s.arg(s.pending.size());
    if (!s.outOfOrder.isEmpty()) {
        if (outcome == CheckStatus::Pass)
            outcome = CheckStatus::Warn;
        message += u"; %1 applied out of order (after a higher version), first %2"_s.arg(
            QString::number(s.outOfOrder.size()), s.outOfOrder.first());
    }
    if (s.heads.size() > 1) {
        if (outcome == CheckStatus::Pass)
            outcome = CheckStatus::Warn;
        message += u"; %1 heads (%2): the branches need a merge"_s.arg(
            QString::number(s.heads.size()), s.heads.join(u", "_s));
    }
    if (!s.ahead.isEmpty())
        message += u"; %1 applied migration(s) not in the expected set (database ahead of "
                   "code?)"_s.arg(s.ahead.size());
    if (known && !expected.warnings.isEmpty()) {
        if (outcome == CheckStatus::Pass)
            outcome = CheckStatus::Warn;
        message += u"; the expected set has %1 warning(s), first: %2"_s.arg(
            QString::number(expected.warnings.size()), expected.warnings.first());
    }

    CheckResult r = base(check, ctx, h, outcome, message);
    r.evidence << qMakePair(u"TableExists"_s, QVariant(true))
               << qMakePair(u"AppliedCount"_s, QVariant(int(s.applied.size())))
               << qMakePair(u"PendingCount"_s,
                      known ? QVariant(int(s.pending.size())) : QVariant(u"unknown"_s))
               << qMakePair(u"LatestApplied"_s,
                      s.latestApplied.isEmpty() ? QVariant() : QVariant(s.latestApplied));
    if (s.latestAppliedAt.isValid())
        r.evidence << qMakePair(
            u"LatestAppliedAt"_s, QVariant(s.latestAppliedAt.toString(Qt::ISODateWithMs)));
    r.evidence << qMakePair(u"PendingMigrations"_s, known ? QVariant(s.pending) : QVariant())
               << qMakePair(u"FailedMigrations"_s, QVariant(s.failed + s.dirty))
               << qMakePair(u"ModifiedMigrations"_s, QVariant(s.modified))
               << qMakePair(u"AheadMigrations"_s, QVariant(s.ahead));
    if (!s.outOfOrder.isEmpty())
        r.evidence << qMakePair(u"OutOfOrderMigrations"_s, QVariant(s.outOfOrder));
    if (!s.failureText.isEmpty())
        r.evidence << qMakePair(u"FailureText"_s, QVariant(s.failureText));
    if (h.tool == MigrationTool::Alembic)
        r.evidence << qMakePair(u"Heads"_s, QVariant(s.heads));
    if (!expected.source.isEmpty() && known)
        r.evidence << qMakePair(u"ExpectedSource"_s, QVariant(expected.source));
    if (known && !expected.warnings.isEmpty())
        r.evidence << qMakePair(u"ExpectedSetWarnings"_s, QVariant(expected.warnings));
    r.evidence << qMakePair(u"Status"_s, QVariant(status));
    r.details = QVariant::fromValue(s.entries);
    return r;
}

CheckResult notReadable(const Check &check, const CheckContext &ctx, const DetectedHistory &h)
{
    CheckResult r = base(check, ctx, h, CheckStatus::Error,
        u"%1 is there but the check's role may not read it, so its migrations are unknown. A "
        "DBA can fix it with: %2"_s.arg(name(h), h.grant));
    r.evidence << qMakePair(u"TableExists"_s, QVariant(true))
               << qMakePair(u"SqlState"_s, QVariant(u"42501"_s))
               << qMakePair(u"Grant"_s, QVariant(h.grant))
               << qMakePair(u"Status"_s, QVariant(u"not-readable"_s));
    return r;
}

CheckResult readFailed(
    const Check &check, const CheckContext &ctx, const DetectedHistory &h, const DbError &error)
{
    CheckResult r = check.errorResult(ctx.environment.name, error);
    r.message = u"%1 could not be read: %2"_s.arg(name(h), error.summary());
    r.subject = h.subject();
    r.evidence.prepend(qMakePair(u"HistoryTable"_s, QVariant(h.table)));
    r.evidence.prepend(qMakePair(u"HistorySchema"_s, QVariant(h.schema)));
    r.evidence.prepend(qMakePair(u"Tool"_s, QVariant(MigrationTools::key(h.tool))));
    if (error.kind == DbError::Kind::PermissionDenied)
        r.evidence << qMakePair(u"Grant"_s, QVariant(h.grant));
    r.evidence << qMakePair(u"Status"_s, QVariant(u"not-readable"_s));
    return r;
}

CheckResult missing(const Check &check, const CheckContext &ctx, const DetectedHistory &h)
{
    const QString where = h.table.isEmpty() ? u"any table"_s : h.qualified();
    CheckResult r = base(check, ctx, h, CheckStatus::Warn,
        u"No %1 migration history in %2: the database was never migrated by %1, or the "
        "environment names the wrong schema or table"_s.arg(
            MigrationTools::displayName(h.tool), where));
    r.evidence << qMakePair(u"TableExists"_s, QVariant(false))
               << qMakePair(u"AppliedCount"_s, QVariant(0))
               << qMakePair(u"Status"_s, QVariant(u"table-missing"_s));
    return r;
}

CheckResult expectedUnreadable(const Check &check, const CheckContext &ctx,
    const DetectedHistory &h, const ExpectedSet &expected)
{
    CheckResult r = base(check, ctx, h, CheckStatus::Error,
        u"Cannot read the expected migrations of the %1: %2"_s.arg(name(h), expected.error));
    r.evidence << qMakePair(u"ExpectedSource"_s, QVariant(expected.source))
               << qMakePair(u"Error"_s, QVariant(expected.error));
    return r;
}

} // namespace MigrationHistoryResult
