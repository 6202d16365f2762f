// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "config/demo.h"

#include "engine/dbsession.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTime>

using namespace Qt::StringLiterals;

namespace {

QString writeDatabase(const QString &path, const QStringList &applied)
{
    QFile::remove(path);
    const QString name = DbSession::nextConnectionName();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            db.transaction();
            q.exec(u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT NOT NULL PRIMARY "
                   u"KEY, "
                   "\"ProductVersion\" TEXT NOT NULL)"_s);
            q.prepare(u"INSERT INTO \"__EFMigrationsHistory\" VALUES (?, ?)"_s);
            for (const QString &id : applied) {
                q.addBindValue(id);
                q.addBindValue(id < u"20250101"_s ? u"8.0.11"_s : u"9.0.6"_s);
                if (!q.exec())
                    error = q.lastError().text();
            }
            db.commit();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

Environment demoEnvironment(const QString &name, DeploymentStyle style, const QString &dbPath,
    const QString &manifest, const QMap<QString, QString> &placeholders)
{
    Environment env;
    env.name = name;
    env.deployment = style;
    env.connection.driver = ConnectionSpec::Driver::Sqlite;
    env.connection.database = dbPath;
    env.connectionSource = u"embedded demo"_s;
    env.expectedSource = manifest;
    env.placeholders = placeholders;
    return env;
}

} // namespace

QStringList Demo::expectedMigrationIds()
{
    static const char *const names[] = { "InitialCreate", "AddTenants", "AddUsers", "AddRoles",
        "UserRoleIndex", "AddAuditLog", "AddReleases", "ReleaseChannels", "AddScanners",
        "ScanResults", "AddVexStatements", "VexIndexes", "AddPolicies", "PolicyVersions",
        "AddEvidenceLocker", "EvidenceRetention", "AddNotifications", "NotificationTemplates",
        "AddAttestations", "AttestationSubjects", "AddSbomComponents", "ComponentPurlIndex",
        "AddAdvisories", "AdvisoryAliases", "AddFindings", "FindingTriage", "AddExceptions",
        "ExceptionExpiry", "AddIntegrations", "IntegrationSecretsRef", "AddSchedules",
        "ScheduleJitter", "AddApiKeys", "ApiKeyScopes", "AddWebhooks", "WebhookDeliveries",
        "PartitionScanResults", "AddReleaseGates", "GateOverrides", "AddDoctorRuns",
        "DoctorRunEvidence", "DropLegacyFindingColumns" };
    QStringList ids;
    int day = 0;
    for (const char *n : names) {
        // Timestamps a few weeks apart across 2024-2025, as a real project's would be.
        const QDate date = QDate(2024, 1, 8).addDays(day);
        const QTime time(9 + day % 8, day * 7 % 60);
        ids << date.toString(u"yyyyMMdd"_s) + time.toString(u"HHmmss"_s) + u'_'
                + QString::fromLatin1(n);
        day += 17;
    }
    return ids;
}

Demo::Setup Demo::create(const QString &dir)
{
    Setup setup;
    const QStringList expected = expectedMigrationIds();
    setup.expectedManifest = QDir(dir).filePath(u"expected-migrations.txt"_s);
    QFile manifest(setup.expectedManifest);
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        setup.error = u"%1: %2"_s.arg(setup.expectedManifest, manifest.errorString());
        return setup;
    }
    manifest.write("# Migrations shipped with the demo release (one MigrationId per line)\n");
    manifest.write(expected.join(u'\n').toUtf8() + '\n');
    manifest.close();

    // dev: up to date. staging: the last 3 missing. prod: 7 missing, plus a hotfix that
    // was applied by hand and is not part of this release.
    QStringList prod = expected.mid(0, expected.size() - 7);
    prod << u"20250402101500_HotfixAuditLogIndex"_s;
    const struct
    {
        const char *name;
        DeploymentStyle style;
        QStringList applied;
    } plans[] = { { "dev", DeploymentStyle::Compose, expected },
        { "staging", DeploymentStyle::Systemd, expected.mid(0, expected.size() - 3) },
        { "prod", DeploymentStyle::Kubernetes, prod } };
    for (const auto &plan : plans) {
        const QString name = QString::fromLatin1(plan.name);
        const QString path = QDir(dir).filePath(name + u".sqlite"_s);
        if (const QString error = writeDatabase(path, plan.applied); !error.isEmpty()) {
            setup.error = u"%1: %2"_s.arg(path, error);
            return setup;
        }
        QMap<QString, QString> placeholders { { u"compose-file"_s,
                                                  u"docker-compose.stella-ops.yml"_s },
            { u"namespace"_s, u"stellaops-"_s + name },
            { u"platform-pod"_s, u"stellaops-platform-7c9d5b6f4-x2k8q"_s },
            { u"service-name"_s, u"stellaops-platform"_s } };
        setup.environments << demoEnvironment(
            name, plan.style, path, setup.expectedManifest, placeholders);
    }
    return setup;
}
