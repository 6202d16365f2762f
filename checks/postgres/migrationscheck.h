#pragma once

#include "check.h"

struct DbError;

// check.postgres.migrations: compares EF Core's __EFMigrationsHistory with the
// migrations the application expects (see resources/kb/postgres/migrations.md).
class MigrationsCheck : public Check
{
public:
    QString id() const override { return QStringLiteral("check.postgres.migrations"); }
    QString defaultSeverity() const override { return QStringLiteral("warn"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL migration status"); }
    bool supports(ConnectionSpec::Driver) const override { return true; }
    CheckResult run(const CheckContext &ctx) const override;

    struct Applied
    {
        QString id;
        QString productVersion;
    };
    // Reads the history table on the context's connection; also used to take another
    // environment's applied list as the expected set. Returns false with *error set.
    static bool readHistory(
        const CheckContext &ctx, bool *tableExists, QList<Applied> *applied, DbError *error);
};
