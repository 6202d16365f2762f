// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkregistry.h"

// How many results a run of the built-in registry gives per environment: one per check (a
// check that does not apply says so in a Skipped result; behind a failed connection the
// others are NotRun). Tests that count a run's results count in these terms, so a check
// added to builtinchecks.cpp changes no test. (A database with several migration histories
// gives more; these tests' databases have one or none.)
inline int builtinChecks()
{
    return int(CheckRegistry::builtin().checks().size());
}
