// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

struct DbError;

// check.postgres.migrations: compares EF Core's __EFMigrationsHistory with the
// migrations the application expects (see resources/kb/postgres/migrations.md).
class MigrationsCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.migrations");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL migration status"); }
    bool supports(ConnectionSpec::Driver) const override { return true; }
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    CheckResult run(const CheckContext &ctx) const override;
};
