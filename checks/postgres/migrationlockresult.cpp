// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "postgres/migrationlockresult.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

double oneDecimal(double seconds)
{
    return std::round(seconds * 10) / 10;
}

QString holderText(const MigrationLock &lock)
{
    const LockHolder &h = lock.holder;
    QStringList who;
    if (!h.application.isEmpty())
        who << h.application;
    if (!h.client.isEmpty() || !h.clientHostName.isEmpty())
        who << u"client "_s + (h.client.isEmpty() ? h.clientHostName : h.client);
    QString text = u"pid %1"_s.arg(h.pid);
    if (!who.isEmpty())
        text += u" ("_s + who.join(u", "_s) + u')';
    return text;
}

QString sessionText(const LockHolder &h)
{
    if (h.state.isEmpty())
        return u"its state is hidden from this role (GRANT pg_read_all_stats, or pg_monitor, "
               "shows it)"_s;
    QStringList parts { h.state };
    if (h.idleSeconds >= 0)
        parts.last() += u" for %1 s"_s.arg(oneDecimal(h.idleSeconds));
    if (h.transactionSeconds >= 0)
        parts << u"in a transaction for %1 s"_s.arg(oneDecimal(h.transactionSeconds));
    if (!h.queryStart.isEmpty())
        parts << u"statement started %1"_s.arg(h.queryStart);
    return parts.join(u", "_s);
}

} // namespace

namespace MigrationLockResult {

QString describe(const MigrationLock &lock, const QString &history)
{
    if (!lock.hasHolder)
        return history + u": "_s + lock.detail;
    QString text = u"%1: %2 %3"_s.arg(history, holderText(lock), lock.detail);
    if (lock.kind == u"lock-row")
        text = u"%1: %2; held by %3"_s.arg(history, lock.detail, holderText(lock));
    return text + u"; "_s + sessionText(lock.holder);
}

void apply(CheckResult *r, const MigrationLock &lock, const QString &history)
{
    if (!lock.isSet())
        return;
    const QString status = r->evidenceValue(u"Status"_s).toString();
    const QString tool = r->evidenceValue(u"Tool"_s).toString();
    if (lock.state == MigrationLock::State::Stale) {
        r->status = CheckStatus::Fail;
        r->message = u"Stale migration lock: %1. Every later migration run waits for it or "
                     "fails; release it (see the fixes). Also: %2"_s.arg(
                         describe(lock, history), r->message);
    } else {
        // What a running migration writes while it runs, not a failure of its own.
        const bool running = (tool == u"golang-migrate" && status == u"dirty")
            || (tool == u"prisma" && status == u"failed");
        if (running && r->status == CheckStatus::Fail)
            r->status = CheckStatus::Warn;
        if (Status::rank(r->status) < Status::rank(CheckStatus::Warn))
            r->status = CheckStatus::Warn;
        r->message = u"Migration in progress: %1. %2%3"_s.arg(describe(lock, history),
            running ? u"(the %1 state is the running migration's) "_s.arg(status) : QString(),
            r->message);
    }
    r->evidence << qMakePair(u"MigrationLock"_s, QVariant(lock.stateKey()))
                << qMakePair(u"LockKind"_s, QVariant(lock.kind));
    if (lock.hasHolder) {
        const LockHolder &h = lock.holder;
        r->evidence << qMakePair(u"LockHolderPid"_s, QVariant(h.pid))
                    << qMakePair(u"LockHolderApplication"_s, QVariant(h.application))
                    << qMakePair(u"LockHolderClient"_s,
                           QVariant(h.client.isEmpty() ? h.clientHostName : h.client))
                    << qMakePair(u"LockHolderState"_s, QVariant(h.state))
                    << qMakePair(u"LockHolderTransactionSeconds"_s,
                           h.transactionSeconds < 0 ? QVariant()
                                                    : QVariant(oneDecimal(h.transactionSeconds)))
                    << qMakePair(u"LockHolderQueryStart"_s,
                           h.queryStart.isEmpty() ? QVariant() : QVariant(h.queryStart));
    }
    r->evidence << qMakePair(u"LockDetail"_s, QVariant(lock.detail));
}

CheckResult notRead(const Check &check, const CheckContext &ctx, const DetectedHistory &h,
    bool efCore, const MigrationLock &lock)
{
    const bool stale = lock.state == MigrationLock::State::Stale;
    CheckResult r = check.result(ctx, stale ? CheckStatus::Fail : CheckStatus::Warn,
        u"the history is not read while that lock is held (a read would wait behind it); run "
        "the check again when the migration has committed"_s);
    r.subject = h.subject();
    if (!efCore)
        r.evidence << qMakePair(u"Tool"_s, QVariant(MigrationTools::key(h.tool)))
                   << qMakePair(u"HistorySchema"_s, QVariant(h.schema))
                   << qMakePair(u"HistoryTable"_s, QVariant(h.table));
    r.evidence << qMakePair(u"TableExists"_s, QVariant(true))
               << qMakePair(u"AppliedCount"_s, QVariant(u"unknown"_s))
               << qMakePair(u"PendingCount"_s, QVariant(u"unknown"_s))
               << qMakePair(u"LatestApplied"_s, QVariant())
               << qMakePair(u"PendingMigrations"_s, QVariant())
               << qMakePair(u"Status"_s, QVariant(stale ? u"stale-lock"_s : u"in-progress"_s));
    const QString history
        = u"%1 history %2"_s.arg(MigrationTools::displayName(h.tool), h.qualified());
    apply(&r, lock, history);
    return r;
}

} // namespace MigrationLockResult
