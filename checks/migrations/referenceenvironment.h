// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"
#include "migrations/historydetection.h"

#include <QList>

struct CheckContext;

// The expected set of an environment whose `referenceEnvironment` names another one: that
// environment's applied migrations (EF Core's history), read through a session of its own
// on the calling worker thread, under the job's CancelToken.
namespace ReferenceEnvironment {

// The expected set for ctx.environment: kind Environment, source the reference's name, ids
// sorted. On failure `error` says which and why: the name is not among ctx.environments, the
// reference cannot be reached (DbError's summary), its history cannot be read, or it stopped
// answering within its own check deadline (Timeouts::checkDeadlineMs()). Afterwards the
// token's deadline is armed again for the rest of the calling check.
ExpectedSet read(const CheckContext &ctx);

// A reference history: one the reference environment has, as the expected set of the same
// tool's history here.
struct History
{
    DetectedHistory history;
    ExpectedSet expected; // kind Environment, tool set, ids in apply order, checksums stored
};
// Every migration history of the reference environment (the catalog statement, then every
// history's rows in one flight: two round trips on a session of its own), each as an
// expected set: the ids it recorded applied (not failed or dirty, not rolled back) in its
// order, and the checksums it stored, so a checksum here that differs from the
// reference's is Modified. What the tools store bounds it: golang-migrate's current version
// only, Alembic's heads only (without the graph). On failure one element with
// expected.error set (as read()'s) and no history.
QList<History> readHistories(const CheckContext &ctx);
// The reference history for H among HISTORIES: the same tool's, in the same schema and
// table when there is one, else of the same table name, else the tool's only one. An
// expected set with the error when there is none (or reading failed).
ExpectedSet pick(
    const QList<History> &histories, const DetectedHistory &h, const QString &reference);

} // namespace ReferenceEnvironment
