// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"

#include <QList>
#include <functional>

class CancelToken;
class Check;
class RemediationSource;

// One environment's work, run by CheckRunner on a pool thread: opens the environment's one
// session (a down server costs one connect timeout, not one per check), sends every check's
// plan as one flight (Check::plan(), one network round trip for all of them), then runs the
// checks in order on their answers. A failed or unconfigured connection is reported once per
// check through Check::connectionFailed(), the root cause's fixes attached and the others
// NotRun pointing at it.
namespace EnvironmentJob {

// Called on the job's thread for each result, in the order of `checks`; every check gets
// exactly one (Skipped when cancelled, Error with what happened when it could not run).
using Report = std::function<void(CheckResult)>;

// all: every environment of the run (a check's reference environment is looked up there);
// kb: where the results' fixes come from, none when null; token: cancel and the watchdog's
// deadline, attached to the session.
void run(const Environment &env, const QList<Environment> &all, const QList<const Check *> &checks,
    const RemediationSource *kb, CancelToken *token, const Report &report);

} // namespace EnvironmentJob
