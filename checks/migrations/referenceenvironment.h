// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"

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

} // namespace ReferenceEnvironment
