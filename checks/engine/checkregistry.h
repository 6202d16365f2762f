// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

#include <QList>
#include <QString>
#include <memory>
#include <vector>

// The checks this build knows, in display order. Read-only once built, so worker
// threads may share it.
class CheckRegistry
{
public:
    void add(std::unique_ptr<Check> check);
    const Check *find(const QString &id) const;
    QList<const Check *> checks() const;
    QStringList ids() const;

    static const CheckRegistry &builtin();

private:
    std::vector<std::unique_ptr<Check>> m_checks;
};
