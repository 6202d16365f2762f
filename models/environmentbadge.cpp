// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "environmentbadge.h"

#include "postgres/lockscheck.h"
#include "postgres/migrationscheck.h"
#include "resultsmodel.h"
#include "statusicons.h"

using namespace Qt::StringLiterals;

QList<EnvironmentBadge> EnvironmentBadge::fromResults(const QList<const CheckResult *> &results)
{
    QStringList migrating;
    QStringList blocked;
    for (const CheckResult *r : results) {
        if (r->checkId == MigrationsCheck::Id
            && r->evidenceValue(u"MigrationLock"_s).toString() == u"in-progress") {
            migrating << r->message;
        } else if (r->checkId == LocksCheck::Id) {
            const int waiting = r->evidenceValue(u"Waiting"_s).toInt();
            const int ddl = r->evidenceValue(u"BlockedDdl"_s).toInt();
            if (waiting <= 0 && ddl <= 0)
                continue;
            QString text = tr("sessions waiting for a lock: %n", nullptr, waiting);
            if (ddl > 0)
                text += u", "_s + tr("blocked schema changes: %n", nullptr, ddl);
            const QString root = r->evidenceValue(u"RootBlocker"_s).toString();
            if (!root.isEmpty())
                text += u"\n"_s + tr("Root blocker: %1").arg(root);
            blocked << text;
        }
    }
    QList<EnvironmentBadge> badges;
    if (!migrating.isEmpty())
        badges << EnvironmentBadge { Kind::MigrationInProgress, migrating.join(u'\n') };
    if (!blocked.isEmpty())
        badges << EnvironmentBadge { Kind::Blocked, tr("Blocked: %1").arg(blocked.join(u'\n')) };
    return badges;
}

QList<EnvironmentBadge> EnvironmentBadge::of(
    const ResultsModel &results, const QString &environment)
{
    QList<const CheckResult *> rows;
    for (int row = 0; row < results.rowCount(); ++row) {
        if (const CheckResult *r = results.resultAt(row); r && r->environment == environment)
            rows << r;
    }
    return fromResults(rows);
}

QString EnvironmentBadge::title(Kind kind)
{
    return kind == Kind::MigrationInProgress ? tr("migration in progress") : tr("blocked");
}

QIcon EnvironmentBadge::icon(Kind kind)
{
    return kind == Kind::MigrationInProgress ? StatusIcons::migrationInProgress()
                                             : StatusIcons::blocked();
}
