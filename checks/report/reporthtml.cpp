// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reporthtml.h"

#include "report/reportstyle.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString badge(CheckStatus status)
{
    return u"<span class=\"badge s-%1\">%2</span>"_s.arg(
        Status::key(status), ReportStyle::statusLabel(status));
}

QString time(const QDateTime &t)
{
    return t.isValid() ? esc(t.toUTC().toString(Qt::ISODateWithMs)) : u"unknown"_s;
}

QString anchorOf(int index)
{
    return u"env-%1"_s.arg(index + 1);
}

void header(QString &h, const ReportContent &c)
{
    h += u"<header><h1>Doctor report</h1>\n<p class=\"meta\">Run started "_s + time(c.startedAt)
        + u", finished "_s + time(c.finishedAt) + u" (UTC) &middot; doctor "_s
        + esc(c.doctorVersion) + u" &middot; "_s + QString::number(c.environmentNames().size())
        + u" environments, "_s + QString::number(c.results.size()) + u" results</p>\n"_s;
    if (c.redacted)
        h += u"<p class=\"note\">Redacted: host names, database names, user names and client "
             "addresses are replaced by aliases (host-1, db-1, user-1, client-1), the same "
             "alias everywhere in this file. No password is ever included.</p>\n"_s;
    h += u"</header>\n"_s;
}

void summary(QString &h, const ReportContent &c)
{
    h += u"<section id=\"summary\"><h2>Summary</h2>\n<table class=\"summary\"><thead><tr>"
         "<th>Environment</th><th>Worst</th>"_s;
    const QList<CheckStatus> order = ReportStyle::countedStatuses();
    for (CheckStatus s : order)
        h += u"<th class=\"num\">"_s + ReportStyle::statusLabel(s) + u"</th>"_s;
    h += u"<th>Deployment</th><th>Server</th></tr></thead>\n<tbody>\n"_s;
    const QStringList names = c.environmentNames();
    for (int i = 0; i < names.size(); ++i) {
        const ReportContent::Summary s = c.summaryOf(names.at(i));
        h += u"<tr><td><a href=\"#%1\">%2</a></td><td>%3</td>"_s.arg(
            anchorOf(i), esc(names.at(i)), s.counts.isEmpty() ? u"-"_s : badge(s.worst));
        for (CheckStatus st : order)
            h += u"<td class=\"num\">%1</td>"_s.arg(s.counts.value(st));
        const auto server = ReportStyle::serverOf(c, names.at(i));
        h += u"<td>%1</td><td class=\"mono\">%2</td></tr>\n"_s.arg(
            esc(Deployment::title(c.deploymentOf(names.at(i)))),
            server ? esc(ReportContent::serverText(*server)) : u"-"_s);
    }
    h += u"</tbody></table></section>\n"_s;
}

void matrix(QString &h, const ReportContent &c)
{
    const MigrationMatrix &m = c.matrix;
    h += u"<section id=\"matrix\"><h2>Migrations across environments</h2>\n"_s;
    if (m.rows.isEmpty()) {
        h += u"<p>No migration history was read.</p></section>\n"_s;
        return;
    }
    const ReportStyle::MatrixParts parts = ReportStyle::matrixParts(m);
    h += u"<p>"_s + esc(parts.note) + u"</p>\n"_s;
    if (!parts.differing.isEmpty()) {
        h += u"<table class=\"matrix\"><thead><tr><th>Tool</th><th>History</th>"
             "<th>Migration</th>"_s;
        for (const MigrationMatrix::Column &col : m.columns)
            h += u"<th>%1<br>%2</th>"_s.arg(esc(col.environment), badge(col.worst));
        h += u"</tr></thead>\n<tbody>\n"_s;
    }
    for (int r : parts.differing) {
        const MigrationMatrix::Row &row = m.rows.at(r);
        h += u"<tr class=\"differs\"><td>%1</td><td class=\"mono\">%2</td><td "
             "class=\"mono\">%3</td>"_s.arg(esc(row.tool), esc(row.history), esc(row.migrationId));
        for (qsizetype i = 0; i < row.cells.size(); ++i) {
            const QString key = MigrationMatrices::cellKey(row.cells.at(i));
            const QDateTime seen = row.firstSeen.value(i);
            h += u"<td class=\"c-%1\"%2>%3</td>"_s.arg(key,
                seen.isValid() ? u" title=\"first seen %1\""_s.arg(time(seen)) : QString(),
                esc(key));
        }
        h += u"</tr>\n"_s;
    }
    if (!parts.differing.isEmpty())
        h += u"</tbody></table>\n"_s;
    if (!parts.same.isEmpty()) {
        h += u"<h3>In the same state in every environment (%1)</h3>\n<table class=\"matrix "
             "same\"><thead><tr><th>Tool</th><th>History</th><th>Migration</th><th>State</th>"
             "</tr></thead>\n<tbody>\n"_s.arg(parts.same.size());
        for (int r : parts.same) {
            const MigrationMatrix::Row &row = m.rows.at(r);
            const QString key = ReportStyle::sameState(row);
            h += u"<tr><td>%1</td><td class=\"mono\">%2</td><td class=\"mono\">%3</td>"
                 "<td class=\"c-%4\">%4</td></tr>\n"_s.arg(
                     esc(row.tool), esc(row.history), esc(row.migrationId), key);
        }
        h += u"</tbody></table>\n"_s;
    }
    h += u"</section>\n"_s;
}

void evidence(QString &h, const CheckResult &r)
{
    if (r.evidence.isEmpty())
        return;
    h += u"<table class=\"evidence\">\n"_s;
    for (const auto &[key, value] : r.evidence)
        h += u"<tr><th>%1</th><td>%2</td></tr>\n"_s.arg(
            esc(key), esc(ReportContent::evidenceText(value)));
    h += u"</table>\n"_s;
}

void fixes(QString &h, const ReportContent &c, const CheckResult &r)
{
    const QList<FixSuggestion> list = c.fixesFor(r);
    if (!list.isEmpty()) {
        h += u"<div class=\"fixes\"><h4>How to fix (%1)</h4>\n"_s.arg(
            esc(Deployment::title(c.deploymentOf(r.environment))));
        for (const FixSuggestion &f : list)
            h += u"<p class=\"fix-title\">%1</p>\n<pre><code>%2</code></pre>\n"_s.arg(
                esc(f.title), esc(f.command));
        h += u"</div>\n"_s;
    }
    if (!r.remediation.runbooks.isEmpty())
        h += u"<p class=\"runbooks\">Runbook: <span class=\"mono\">%1</span></p>\n"_s.arg(
            esc(ReportContent::runbooksText(r)));
}

void environment(QString &h, const ReportContent &c, const QString &name, int index)
{
    const ReportContent::Summary s = c.summaryOf(name);
    h += u"<section class=\"env\" id=\"%1\"><h2>%2 %3</h2>\n"_s.arg(
        anchorOf(index), esc(name), s.counts.isEmpty() ? QString() : badge(s.worst));
    if (const auto server = ReportStyle::serverOf(c, name)) {
        h += u"<p class=\"server\"><span class=\"mono\">%1</span> &middot; %2"_s.arg(
            esc(ReportContent::serverText(*server)), esc(Deployment::title(server->deployment)));
        if (!server->tls.isEmpty())
            h += u" &middot; TLS "_s + esc(server->tls);
        h += u"</p>\n"_s;
    }
    const QList<CheckResult> results = c.resultsOf(name);
    if (results.isEmpty())
        h += u"<p>No results.</p>\n"_s;
    for (const CheckResult &r : results) {
        h += u"<article class=\"result r-%1\"><h3>%2 %3"_s.arg(
            Status::key(r.status), badge(r.status), esc(r.checkId));
        if (!r.subject.isEmpty())
            h += u" <span class=\"subject\">%1</span>"_s.arg(esc(r.subject));
        h += u"</h3>\n<p class=\"message\">%1</p>\n"_s.arg(esc(r.message));
        evidence(h, r);
        fixes(h, c, r);
        h += u"</article>\n"_s;
    }
    h += u"</section>\n"_s;
}

} // namespace

QByteArray ReportHtml::write(const ReportContent &c)
{
    QString h;
    h += u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>Doctor report</title>\n<style>\n"_s
        + ReportStyle::css() + u"</style>\n</head>\n<body>\n"_s;
    header(h, c);
    summary(h, c);
    matrix(h, c);
    const QStringList names = c.environmentNames();
    for (int i = 0; i < names.size(); ++i)
        environment(h, c, names.at(i), i);
    h += u"<footer>Written by doctor "_s + esc(c.doctorVersion)
        + u". Times are UTC.</footer>\n</body>\n</html>\n"_s;
    return h.toUtf8();
}
