// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

struct CheckResult;
struct Environment;

// Where the runner gets the remediation of a result: the KB article's runbook and the fix
// commands that fit the result's evidence and the environment's deployment. An interface
// so the engine knows no KB (KbLibrary implements it, kb/kblibrary.h); the runner calls it
// once per result, the one place every consumer (CLI, dashboard, report) gets fixes from.
class RemediationSource
{
public:
    virtual ~RemediationSource() = default;
    // Fills r->remediation (runbooks, fixes); leaves it as it is when there is no article.
    // Called on worker threads: implementations are read-only after construction.
    virtual void attachRemediation(CheckResult *r, const Environment &env) const = 0;
};
