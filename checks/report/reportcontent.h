// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"
#include "migrations/migrationmatrix.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

// What the report a customer sends holds, taken from one run: each environment as a reader
// needs it (its server, never its password), every result, the cross-environment migration
// matrix. ReportHtml, ReportMarkdown and ReportJson render it; ReportRedactor rewrites it
// with aliases in place of host, database, user and client names.
struct ReportContent
{
    struct Server
    {
        QString name; // the environment's name
        DeploymentStyle deployment = DeploymentStyle::Compose;
        bool sqlite = false;
        QString host; // as configured (a libpq host list stays comma-separated); empty: default
        QString port;
        QString database; // SQLite: the database file
        QString user;
        QString tls; // ConnectionSpec::tlsVerification(): "verified", "unverified", "off"
    };
    // One environment's line of the summary.
    struct Summary
    {
        QString environment;
        CheckStatus worst = CheckStatus::Skipped; // the highest Status::rank() of its results
        QMap<CheckStatus, int> counts; // results per status; statuses with none are absent
    };

    QDateTime startedAt; // UTC; invalid when unknown
    QDateTime finishedAt;
    QString doctorVersion;
    bool redacted = false; // set by ReportRedactor::apply()
    QList<Server> environments; // in the run's order
    QList<CheckResult> results; // in the run's order
    MigrationMatrix matrix;

    // The content of a run: servers from the environments (connection fields only), results
    // as given, the matrix from MigrationMatrices::build (firstSeen: the history's sightings,
    // when the caller has a store). Results of an environment not in the list are kept and
    // shown after the listed ones.
    static ReportContent from(const QList<Environment> &environments,
        const QList<CheckResult> &results, const QDateTime &startedAt, const QDateTime &finishedAt,
        const QString &doctorVersion, const MigrationMatrices::FirstSeen &firstSeen = {});

    // Every environment named by a server or a result, servers' order first.
    QStringList environmentNames() const;
    // The environment's results, worst first (Status::rank), the run's order among equals:
    // what needs attention leads each environment's section.
    QList<CheckResult> resultsOf(const QString &environment) const;
    Summary summaryOf(const QString &environment) const;
    // The deployment style the environment's fixes are shown for (Compose when unknown).
    DeploymentStyle deploymentOf(const QString &environment) const;
    // The result's fix suggestions for its environment's deployment style, in their order;
    // their placeholders were filled when the runner attached them (KbLibrary).
    QList<FixSuggestion> fixesFor(const CheckResult &result) const;
    // "host:port/database as user" (fields left out when empty; "sqlite FILE" for SQLite).
    static QString serverText(const Server &server);
    // An evidence value as text: ResultText::evidenceValue, and one line per item of a list
    // (a list of maps such as the wraparound check's Databases).
    static QString evidenceText(const QVariant &value);
    // The result's runbooks as a reader of the report can open them, comma-separated: a
    // shipped article's resource path (":/kb/postgres/pool.md") means nothing outside the
    // program, so it becomes the command that prints it ("doctor kb show ARTICLE_ID", the
    // result's Remediation::article: a migration tool's own article by its id); a
    // user's own article keeps its file path. Empty when there are none.
    static QString runbooksText(const CheckResult &result);
};
