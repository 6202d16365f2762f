// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reportcontent.h"

#include "report/resulttext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ReportContent ReportContent::from(const QList<Environment> &environments,
    const QList<CheckResult> &results, const QDateTime &startedAt, const QDateTime &finishedAt,
    const QString &doctorVersion, const MigrationMatrices::FirstSeen &firstSeen)
{
    ReportContent c;
    c.startedAt = startedAt.toUTC();
    c.finishedAt = finishedAt.toUTC();
    c.doctorVersion = doctorVersion;
    for (const Environment &e : environments) {
        const ConnectionSpec &s = e.connection;
        const bool sqlite = s.driver == ConnectionSpec::Driver::Sqlite;
        c.environments << Server { e.name, e.deployment, sqlite, s.host, s.port, s.database, s.user,
            sqlite ? QString() : s.tlsVerification() };
    }
    c.results = results;
    c.matrix = MigrationMatrices::build(results, c.environmentNames(), firstSeen);
    return c;
}

QStringList ReportContent::environmentNames() const
{
    QStringList names;
    for (const Server &s : environments)
        names << s.name;
    for (const CheckResult &r : results) {
        if (!names.contains(r.environment))
            names << r.environment;
    }
    return names;
}

QList<CheckResult> ReportContent::resultsOf(const QString &environment) const
{
    QList<CheckResult> out;
    for (const CheckResult &r : results) {
        if (r.environment == environment)
            out << r;
    }
    std::stable_sort(out.begin(), out.end(), [](const CheckResult &a, const CheckResult &b) {
        return Status::rank(a.status) > Status::rank(b.status);
    });
    return out;
}

ReportContent::Summary ReportContent::summaryOf(const QString &environment) const
{
    Summary s { environment, CheckStatus::Skipped, {} };
    bool any = false;
    for (const CheckResult &r : results) {
        if (r.environment != environment)
            continue;
        ++s.counts[r.status];
        if (!any || Status::rank(r.status) > Status::rank(s.worst))
            s.worst = r.status;
        any = true;
    }
    return s;
}

DeploymentStyle ReportContent::deploymentOf(const QString &environment) const
{
    for (const Server &s : environments) {
        if (s.name == environment)
            return s.deployment;
    }
    return DeploymentStyle::Compose;
}

QList<FixSuggestion> ReportContent::fixesFor(const CheckResult &result) const
{
    const DeploymentStyle style = deploymentOf(result.environment);
    QList<FixSuggestion> out;
    for (const FixSuggestion &f : result.remediation.fixes) {
        if (f.deployment == style)
            out << f;
    }
    return out;
}

QString ReportContent::serverText(const Server &s)
{
    if (s.sqlite)
        return u"sqlite "_s + s.database;
    QString text = s.host.isEmpty() ? u"(default host)"_s : s.host;
    if (!s.port.isEmpty())
        text += u':' + s.port;
    if (!s.database.isEmpty())
        text += u'/' + s.database;
    if (!s.user.isEmpty())
        text += u" as "_s + s.user;
    return text;
}

QString ReportContent::runbooksText(const CheckResult &result)
{
    // A variant's own id (check.postgres.migrations.flyway): kb show prints that article.
    const QString articleId
        = result.remediation.article.isEmpty() ? result.checkId : result.remediation.article;
    QStringList out;
    for (const QString &runbook : result.remediation.runbooks) {
        const QString shown
            = runbook.startsWith(u":/kb/") ? u"doctor kb show %1"_s.arg(articleId) : runbook;
        if (!out.contains(shown))
            out << shown;
    }
    return out.join(u", "_s);
}

QString ReportContent::evidenceText(const QVariant &value)
{
    if (value.typeId() != QMetaType::QVariantList)
        return ResultText::evidenceValue(value);
    const QVariantList list = value.toList();
    if (list.isEmpty())
        return u"(none)"_s;
    QStringList lines;
    for (const QVariant &item : list)
        lines << ResultText::evidenceValue(item);
    return lines.join(u'\n');
}
