// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkregistry.h"

void CheckRegistry::add(std::unique_ptr<Check> check)
{
    Q_ASSERT(!find(check->id()));
    m_checks.push_back(std::move(check));
}

const Check *CheckRegistry::find(const QString &id) const
{
    for (const auto &c : m_checks) {
        if (c->id() == id)
            return c.get();
    }
    return nullptr;
}

QList<const Check *> CheckRegistry::checks() const
{
    QList<const Check *> list;
    for (const auto &c : m_checks)
        list << c.get();
    return list;
}

QStringList CheckRegistry::ids() const
{
    QStringList list;
    for (const auto &c : m_checks)
        list << c->id();
    return list;
}
