// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"
#include "migrations/expectedmigrations.h"
#include "migrations/historydetection.h"
#include "migrations/referenceenvironment.h"

#include <QHash>

// The migrations check's expected sets, read once per source whatever the number of
// histories using it (moved out of postgres/migrationscheck.cpp unchanged).
class ExpectedSets
{
public:
    explicit ExpectedSets(const CheckContext &ctx)
        : m_ctx(ctx)
    { }
    // Whether PIN (an environment's migrations: entry) names history H; empty fields match.
    static bool matches(const MigrationHistoryPin &pin, const DetectedHistory &h);
    // The environment's own: a reference environment's applied list (EF Core), its
    // expected source (any tool's tree, recognised), or nothing known.
    const ExpectedSet &environmentSet();
    // The set for one history: its pin's own source, else the environment's when it is of
    // the history's tool, else nothing known.
    ExpectedSet forHistory(const DetectedHistory &h);
    // The tool of the database's one history other than EF Core's, Unknown when there are
    // none or several.
    void setOnlyOtherTool(MigrationTool tool) { m_onlyOtherTool = tool; }

private:
    const CheckContext &m_ctx;
    bool m_environmentRead = false;
    ExpectedSet m_environment;
    QHash<QString, ExpectedSet> m_pinned;
    MigrationTool m_onlyOtherTool = MigrationTool::Unknown;
    ExpectedSet m_hinted;
    bool m_referenceRead = false;
    QList<ReferenceEnvironment::History> m_reference;
};
