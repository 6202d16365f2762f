// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationentry.h"
#include "report/reportcontent.h"

#include <QTimeZone>

// A run of two environments for the report tests (tst_reportredactor, tst_reporthtml,
// tst_reportmarkdown): names a redaction must hide, a hostile message, a migration that
// prod lacks, and fixes of two deployment styles.
namespace ReportSample {

using namespace Qt::StringLiterals;

inline const QString SentinelPassword = u"S3ntinel-Pa55word-7f3a"_s;

inline Environment environment(const QString &name, DeploymentStyle style, const QString &host,
    const QString &database, const QString &user)
{
    Environment e;
    e.name = name;
    e.deployment = style;
    e.connection.host = host;
    e.connection.port = u"5432"_s;
    e.connection.database = database;
    e.connection.user = user;
    e.connection.password = SentinelPassword;
    return e;
}

inline QList<Environment> environments()
{
    return { environment(u"prod"_s, DeploymentStyle::Compose, u"pg-prod.acme.internal"_s,
                 u"orders"_s, u"orders_app"_s),
        environment(
            u"staging"_s, DeploymentStyle::Kubernetes, u"10.1.2.3"_s, u"db"_s, u"stage_user"_s) };
}

inline CheckResult migrations(
    const Environment &e, const QStringList &applied, const QStringList &pending)
{
    CheckResult r;
    r.environment = e.name;
    r.checkId = u"check.postgres.migrations"_s;
    r.plugin = u"stellaops.doctor.postgres"_s;
    r.status = pending.isEmpty() ? CheckStatus::Pass : CheckStatus::Warn;
    r.severity = u"warn"_s;
    r.subject = u"efcore public.__EFMigrationsHistory"_s;
    r.message = pending.isEmpty()
        ? u"all applied"_s
        : u"%1 pending migrations on %2"_s.arg(pending.size()).arg(e.connection.database);
    r.evidence = { { u"TableExists"_s, true }, { u"PendingCount"_s, int(pending.size()) },
        { u"PendingMigrations"_s, pending } };
    r.target = { e.connection.host, e.connection.port, e.connection.database, e.connection.user };
    QList<MigrationEntry> entries;
    int position = 0;
    for (const QString &id : applied)
        entries << MigrationEntry { id, {}, MigrationEntry::State::Applied, ++position, u"efcore"_s,
            u"public.__EFMigrationsHistory"_s, {}, {} };
    for (const QString &id : pending)
        entries << MigrationEntry { id, {}, MigrationEntry::State::Pending, ++position, u"efcore"_s,
            u"public.__EFMigrationsHistory"_s, {}, {} };
    r.details = QVariant::fromValue(entries);
    if (!pending.isEmpty()) {
        r.remediation.runbooks = { u":/kb/postgres/migrations.md"_s };
        r.remediation.fixes = {
            { DeploymentStyle::Compose, u"Apply the migrations"_s,
                u"docker compose exec api dotnet ef database update --connection "
                "\"Host=%1;Database=%2;Username=%3\""_s.arg(
                    e.connection.host, e.connection.database, e.connection.user) },
            { DeploymentStyle::Kubernetes, u"Apply the migrations"_s,
                u"kubectl -n <namespace> exec deploy/api -- psql -h %1 -U %3 -d %2 -c 'select 1'"_s
                    .arg(e.connection.host, e.connection.database, e.connection.user) },
        };
    }
    return r;
}

inline CheckResult locks(const Environment &e)
{
    CheckResult r;
    r.environment = e.name;
    r.checkId = u"check.postgres.locks"_s;
    r.status = CheckStatus::Fail;
    r.message = u"root blocker: pid 4242 (<script>alert('x')</script> | app, idle in transaction "
                "900 s) from client 10.20.30.40 as alice; role dbadmin cannot read %1"_s.arg(
                    e.connection.database);
    r.evidence = { { u"RootBlockerUser"_s, u"alice"_s },
        { u"LockHolderClient"_s, u"10.20.30.40"_s }, { u"RootBlockerPid"_s, 4242 },
        { u"Sessions"_s,
            QVariantList { QVariantMap { { u"user"_s, u"bob"_s }, { u"client"_s, u"fe80::1"_s },
                { u"query"_s, u"UPDATE t SET x = 1 -- by bob from fe80::1"_s } } } } };
    r.target = { e.connection.host, e.connection.port, e.connection.database, e.connection.user };
    r.remediation.fixes = { { e.deployment, u"End the blocker"_s,
        u"psql -h %1 -U %2 -c 'SELECT pg_terminate_backend(4242)' # alice"_s.arg(
            e.connection.host, e.connection.user) } };
    return r;
}

inline ReportContent content()
{
    const QList<Environment> envs = environments();
    const QList<CheckResult> results { migrations(envs.at(0), { u"001_Init"_s }, {}),
        locks(envs.at(0)), migrations(envs.at(1), { u"001_Init"_s }, { u"002_AddOrders"_s }) };
    return ReportContent::from(envs, results,
        QDateTime(QDate(2026, 3, 1), QTime(14, 2, 7, 250), QTimeZone::UTC),
        QDateTime(QDate(2026, 3, 1), QTime(14, 2, 9, 0), QTimeZone::UTC), u"1.2.3"_s);
}

// Every value the redacted report must not show.
inline QStringList secrets()
{
    return { u"pg-prod.acme.internal"_s, u"orders_app"_s, u"10.1.2.3"_s, u"stage_user"_s,
        u"10.20.30.40"_s, u"alice"_s, u"bob"_s, u"fe80::1"_s, SentinelPassword };
}

} // namespace ReportSample
