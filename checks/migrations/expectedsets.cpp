// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/expectedsets.h"

bool ExpectedSets::matches(const MigrationHistoryPin &pin, const DetectedHistory &h)
{
    return (pin.tool.isEmpty() || MigrationTools::fromName(pin.tool) == h.tool)
        && (pin.schema.isEmpty() || pin.schema == h.schema)
        && (pin.table.isEmpty() || pin.table == h.table);
}

const ExpectedSet &ExpectedSets::environmentSet()
{
    const Environment &env = m_ctx.environment;
    if (!m_environmentRead) {
        m_environmentRead = true;
        if (!env.referenceEnvironment.isEmpty())
            m_environment = ReferenceEnvironment::read(m_ctx);
        else if (!env.expectedSource.isEmpty())
            m_environment = ExpectedMigrations::load(env.expectedSource, env.dbContext);
    }
    return m_environment;
}

ExpectedSet ExpectedSets::forHistory(const DetectedHistory &h)
{
    for (const MigrationHistoryPin &pin : m_ctx.environment.migrationHistories) {
        if (!pin.expected.isEmpty() && matches(pin, h)) {
            if (!m_pinned.contains(pin.expected))
                m_pinned.insert(pin.expected,
                    ExpectedMigrations::load(pin.expected, m_ctx.environment.dbContext, h.tool));
            return m_pinned.value(pin.expected);
        }
    }
    if (!m_ctx.environment.referenceEnvironment.isEmpty() && h.tool != MigrationTool::EfCore) {
        if (!m_referenceRead) { // one session for all of the reference's histories
            m_referenceRead = true;
            m_reference = ReferenceEnvironment::readHistories(m_ctx);
        }
        return ReferenceEnvironment::pick(m_reference, h, m_ctx.environment.referenceEnvironment);
    }
    const ExpectedSet &own = environmentSet();
    if (own.tool == h.tool && own.error.isEmpty())
        return own;
    // A tree load() could not place (numbered .sql files with no sign of their tool) is
    // the database's only other history's: read as that tool's. With several, the error
    // (which says to name the tool) is each one's.
    const Environment &env = m_ctx.environment;
    if (!own.error.isEmpty() && env.referenceEnvironment.isEmpty() && !env.expectedSource.isEmpty()
        && h.tool != MigrationTool::EfCore) {
        if (h.tool != m_onlyOtherTool)
            return own;
        if (!m_hinted.isKnown() && m_hinted.error.isEmpty())
            m_hinted = ExpectedMigrations::load(env.expectedSource, env.dbContext, h.tool);
        return m_hinted;
    }
    return {};
}
