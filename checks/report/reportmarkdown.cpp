// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "report/reportmarkdown.h"

#include "report/reportstyle.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : u"unknown"_s;
}

QString row(const QStringList &cells)
{
    return u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
}

void summary(QString &md, const ReportContent &c)
{
    md += u"## Summary\n\n"_s;
    QStringList head { u"Environment"_s, u"Worst"_s };
    QStringList rule { u"---"_s, u"---"_s };
    for (CheckStatus s : ReportStyle::countedStatuses()) {
        head << ReportStyle::statusLabel(s);
        rule << u"---:"_s;
    }
    head << u"Deployment"_s << u"Server"_s;
    rule << u"---"_s << u"---"_s;
    md += row(head) + row(rule);
    for (const QString &name : c.environmentNames()) {
        const ReportContent::Summary s = c.summaryOf(name);
        QStringList cells { ReportMarkdown::cell(name),
            s.counts.isEmpty() ? u"-"_s : ReportStyle::statusLabel(s.worst) };
        for (CheckStatus st : ReportStyle::countedStatuses())
            cells << QString::number(s.counts.value(st));
        const auto server = ReportStyle::serverOf(c, name);
        cells << Deployment::title(c.deploymentOf(name))
              << (server ? ReportMarkdown::cell(ReportContent::serverText(*server)) : u"-"_s);
        md += row(cells);
    }
    md += u'\n';
}

void matrix(QString &md, const ReportContent &c)
{
    const MigrationMatrix &m = c.matrix;
    md += u"## Migrations across environments\n\n"_s;
    if (m.rows.isEmpty()) {
        md += u"No migration history was read.\n\n"_s;
        return;
    }
    const ReportStyle::MatrixParts parts = ReportStyle::matrixParts(m);
    md += ReportMarkdown::escape(parts.note) + u"\n\n"_s;
    if (!parts.differing.isEmpty()) {
        QStringList head { u"Tool"_s, u"History"_s, u"Migration"_s };
        QStringList rule { u"---"_s, u"---"_s, u"---"_s };
        for (const MigrationMatrix::Column &col : m.columns) {
            head << ReportMarkdown::cell(col.environment) + u" ("_s
                    + ReportStyle::statusLabel(col.worst) + u')';
            rule << u"---"_s;
        }
        md += row(head) + row(rule);
        for (int r : parts.differing) {
            const MigrationMatrix::Row &mr = m.rows.at(r);
            QStringList cells { ReportMarkdown::cell(mr.tool), ReportMarkdown::cell(mr.history),
                ReportMarkdown::cell(mr.migrationId) };
            for (MigrationMatrix::Cell cell : mr.cells)
                cells << MigrationMatrices::cellKey(cell);
            md += row(cells);
        }
        md += u'\n';
    }
    if (!parts.same.isEmpty()) {
        md += u"### In the same state in every environment (%1)\n\n"_s.arg(parts.same.size());
        md += row({ u"Tool"_s, u"History"_s, u"Migration"_s, u"State"_s })
            + row({ u"---"_s, u"---"_s, u"---"_s, u"---"_s });
        for (int r : parts.same) {
            const MigrationMatrix::Row &mr = m.rows.at(r);
            md += row({ ReportMarkdown::cell(mr.tool), ReportMarkdown::cell(mr.history),
                ReportMarkdown::cell(mr.migrationId), ReportStyle::sameState(mr) });
        }
        md += u'\n';
    }
}

void result(QString &md, const ReportContent &c, const CheckResult &r)
{
    md += u"### "_s + ReportStyle::statusLabel(r.status) + u' ' + ReportMarkdown::escape(r.checkId);
    if (!r.subject.isEmpty())
        md += u" ("_s + ReportMarkdown::escape(r.subject) + u')';
    md += u"\n\n"_s;
    if (!r.message.isEmpty())
        md += ReportMarkdown::paragraph(r.message) + u"\n\n"_s;
    if (!r.evidence.isEmpty()) {
        md += row({ u"Evidence"_s, u"Value"_s }) + row({ u"---"_s, u"---"_s });
        for (const auto &[key, value] : r.evidence)
            md += row({ ReportMarkdown::cell(key),
                ReportMarkdown::cell(ReportContent::evidenceText(value)) });
        md += u'\n';
    }
    const QList<FixSuggestion> fixes = c.fixesFor(r);
    if (!fixes.isEmpty()) {
        md += u"**How to fix ("_s + Deployment::title(c.deploymentOf(r.environment)) + u")**\n\n"_s;
        for (const FixSuggestion &f : fixes) {
            if (!f.title.isEmpty())
                md += u"*"_s + ReportMarkdown::escape(f.title) + u"*\n\n"_s;
            md += ReportMarkdown::fence(f.command) + u'\n';
        }
    }
    if (!r.remediation.runbooks.isEmpty())
        md += u"Runbook: "_s + ReportMarkdown::escape(ReportContent::runbooksText(r)) + u"\n\n"_s;
}

} // namespace

QString ReportMarkdown::escape(const QString &text)
{
    // The characters that start markup inline (emphasis, code, links, images, raw HTML,
    // entities, table cells); '.', '-' and the like stay readable in the plain file.
    static const QString special = u"\\`*[]<>|&!~"_s;
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        // '_' between two letters or digits cannot open or close emphasis (CommonMark's
        // intraword rule), so migration ids such as 20240318080000_AddAuditLog stay as they are.
        const bool intraword = ch == u'_' && i > 0 && i + 1 < text.size()
            && text.at(i - 1).isLetterOrNumber() && text.at(i + 1).isLetterOrNumber();
        if (special.contains(ch) || (ch == u'_' && !intraword))
            out += u'\\';
        out += ch;
    }
    return out;
}

QString ReportMarkdown::paragraph(const QString &text)
{
    // At a line's start these make a heading, list, quote, rule or numbered list of a plain
    // sentence; a backslash before them (before the '.' or ')' after digits) keeps it text.
    static const QRegularExpression marker(uR"(^(#|[+=-]|\d{1,9}[.)])(?=[\s#=-]|$))"_s);
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        line = escape(line);
        const QRegularExpressionMatch m = marker.match(line);
        if (m.hasMatch())
            line.insert(m.capturedEnd() - 1, u'\\');
    }
    return lines.join(u"  \n"_s); // a hard line break, as the text had one
}

QString ReportMarkdown::cell(const QString &text)
{
    QString out = escape(text);
    out.replace(u"\r\n"_s, u"\n"_s);
    return out.replace(u'\n', u"<br>"_s);
}

QString ReportMarkdown::fence(const QString &code)
{
    // CommonMark: a fence closes only on a run of backticks at least as long as its opening.
    static const QRegularExpression ticks(u"`+"_s);
    qsizetype longest = 0;
    for (auto it = ticks.globalMatch(code); it.hasNext();)
        longest = qMax(longest, it.next().capturedLength());
    const QString f(qMax<qsizetype>(3, longest + 1), u'`');
    QString body = code;
    if (!body.endsWith(u'\n'))
        body += u'\n';
    return f + u'\n' + body + f + u'\n';
}

QByteArray ReportMarkdown::write(const ReportContent &c)
{
    QString md = u"# Doctor report\n\nRun started "_s + time(c.startedAt) + u", finished "_s
        + time(c.finishedAt) + u" (UTC); doctor "_s + escape(c.doctorVersion) + u".\n\n"_s;
    if (c.redacted)
        md += u"> **Redacted:** host names, database names, user names and client addresses are "
              "replaced by aliases (host-1, db-1, user-1, client-1), the same alias everywhere "
              "in this file. No password is ever included.\n\n"_s;
    summary(md, c);
    matrix(md, c);
    for (const QString &name : c.environmentNames()) {
        const ReportContent::Summary s = c.summaryOf(name);
        md += u"## "_s + escape(name);
        if (!s.counts.isEmpty())
            md += u" \u2014 "_s + ReportStyle::statusLabel(s.worst);
        md += u"\n\n"_s;
        if (const auto server = ReportStyle::serverOf(c, name)) {
            md += escape(ReportContent::serverText(*server)) + u"; "_s
                + Deployment::title(server->deployment);
            if (!server->tls.isEmpty())
                md += u"; TLS "_s + server->tls;
            md += u"\n\n"_s;
        }
        for (const CheckResult &r : c.resultsOf(name))
            result(md, c, r);
    }
    return md.toUtf8();
}
