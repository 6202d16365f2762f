// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ReportHtml: one self-contained file (no script, no external resource), every section
// present, hostile text escaped, each environment's fixes of its own deployment style.
#include "report/reporthtml.h"
#include "report/reportredactor.h"
#include "report/reportstyle.h"
#include "reportsample.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString html(const ReportContent &c)
{
    return QString::fromUtf8(ReportHtml::write(c));
}

// The text of the environment's section, up to the next one.
QString sectionOf(const QString &page, const QString &anchor)
{
    const qsizetype from = page.indexOf(u"<section class=\"env\" id=\"%1\""_s.arg(anchor));
    if (from < 0)
        return {};
    const qsizetype to = page.indexOf(u"</section>"_s, from);
    return page.mid(from, to - from);
}

} // namespace

class TestReportHtml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selfContained()
    {
        const QString page = html(ReportSample::content());
        QVERIFY(page.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(page.contains(u"<meta charset=\"utf-8\">"_s));
        QVERIFY(!page.contains(u"<script"_s, Qt::CaseInsensitive));
        for (const QString &tag : { u"<link"_s, u"<img"_s, u"<iframe"_s, u"<object"_s, u"<embed"_s,
                 u"<base"_s, u"<form"_s, u"@import"_s, u"url("_s })
            QVERIFY2(!page.contains(tag, Qt::CaseInsensitive), qPrintable(tag));
        // Every src= and href= stays in the file: anchors only.
        const QRegularExpression ref(
            u"(src|href)\\s*=\\s*[\"']?([^\"'\\s>]*)"_s, QRegularExpression::CaseInsensitiveOption);
        int anchors = 0;
        for (auto it = ref.globalMatch(page); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QVERIFY2(m.captured(1).toLower() == u"href" && m.captured(2).startsWith(u'#'),
                qPrintable(m.captured(0)));
            QVERIFY(!m.captured(2).contains(u"http"_s, Qt::CaseInsensitive));
            ++anchors;
        }
        QCOMPARE(anchors, 2); // the summary's links to the two environments
        QVERIFY(page.contains(u"@media print"_s));
    }

    void structure()
    {
        const QString page = html(ReportSample::content());
        for (const QString &open : { u"section"_s, u"article"_s, u"table"_s, u"tr"_s, u"pre"_s,
                 u"h2"_s, u"h3"_s, u"p"_s, u"td"_s, u"th"_s }) {
            const QRegularExpression o(u"<%1[ >]"_s.arg(open));
            QCOMPARE(page.count(o), page.count(u"</%1>"_s.arg(open)));
        }
        QCOMPARE(page.count(u"<article class=\"result"_s), 3);
        QCOMPARE(page.count(u"<section class=\"env\""_s), 2);
        // Summary: prod's worst is the locks failure, one pass; staging one warning.
        QVERIFY(page.contains(u"<tr><td><a href=\"#env-1\">prod</a></td><td><span class=\"badge "
                              "s-fail\">FAIL</span></td><td class=\"num\">1</td><td "
                              "class=\"num\">0</td><td class=\"num\">0</td><td "
                              "class=\"num\">0</td><td class=\"num\">1</td>"_s));
        QVERIFY(page.contains(u"<a href=\"#env-2\">staging</a></td><td><span class=\"badge "
                              "s-warn\">WARN</span>"_s));
        // Matrix: 002_AddOrders differs (absent in prod, pending in staging).
        QVERIFY(page.contains(u"<tr class=\"differs\"><td>efcore</td><td "
                              "class=\"mono\">public.__EFMigrationsHistory</td><td "
                              "class=\"mono\">002_AddOrders</td><td "
                              "class=\"c-absent\">absent</td><td "
                              "class=\"c-pending\">pending</td></tr>"_s));
        QVERIFY(page.contains(u"1 of 2 migrations differ"_s));
        QVERIFY(page.contains(u"<h3>In the same state in every environment (1)</h3>"_s));
        QVERIFY(page.contains(u"<td class=\"mono\">001_Init</td><td "
                              "class=\"c-applied\">applied</td></tr>"_s));
        // Evidence rows.
        QVERIFY(page.contains(u"<tr><th>RootBlockerUser</th><td>alice</td></tr>"_s));
        QVERIFY(page.contains(u"<tr><th>PendingMigrations</th><td>002_AddOrders</td></tr>"_s));
    }

    void fixesOfTheEnvironmentsDeployment()
    {
        const QString page = html(ReportSample::content());
        const QString prod = sectionOf(page, u"env-1"_s);
        const QString staging = sectionOf(page, u"env-2"_s);
        QVERIFY(prod.contains(u"How to fix (Docker Compose)"_s));
        QVERIFY(prod.contains(u"psql -h pg-prod.acme.internal -U orders_app"_s));
        QVERIFY(!prod.contains(u"kubectl"_s));
        QVERIFY(staging.contains(u"How to fix (Kubernetes / Helm)"_s));
        // The placeholder the environment leaves open stays visible, escaped.
        QVERIFY(staging.contains(u"kubectl -n &lt;namespace&gt; exec deploy/api -- psql -h "
                                 "10.1.2.3 -U stage_user -d db"_s));
        QVERIFY(!staging.contains(u"docker compose"_s));
        // The shipped article as the command that prints it: ":/kb/..." opens nowhere.
        QVERIFY(staging.contains(
            u"Runbook: <span class=\"mono\">doctor kb show check.postgres.migrations</span>"_s));
        QVERIFY(!page.contains(u":/kb"_s));
    }

    void hostileTextEscaped()
    {
        ReportContent c = ReportSample::content();
        c.results[1].checkId = u"<img src=x onerror=alert(1)>"_s;
        c.results[1].evidence << qMakePair(u"<b>key"_s, QVariant(u"\"quoted\" & <i>"_s));
        c.environments[0].name = u"prod <x>"_s;
        c.results[0].environment = c.results[1].environment = c.environments[0].name;
        const QString page = html(c);
        QVERIFY(!page.contains(u"<script"_s));
        QVERIFY(!page.contains(u"<img"_s));
        QVERIFY(!page.contains(u"<b>"_s));
        QVERIFY(!page.contains(u"<x>"_s));
        QVERIFY(page.contains(u"&lt;script&gt;alert('x')&lt;/script&gt; | app"_s));
        QVERIFY(page.contains(u"&lt;img src=x onerror=alert(1)&gt;"_s));
        QVERIFY(page.contains(u"<tr><th>&lt;b&gt;key</th><td>&quot;quoted&quot; &amp; "
                              "&lt;i&gt;</td></tr>"_s));
        QVERIFY(page.contains(u">prod &lt;x&gt;</a>"_s));
    }

    void redactedSaysSoAndHidesEverything()
    {
        const ReportContent source = ReportSample::content();
        ReportRedactor r;
        r.collect(source);
        const QString page = html(r.apply(source));
        QVERIFY(page.contains(u"Redacted: host names"_s));
        for (const QString &secret : ReportSample::secrets())
            QVERIFY2(!page.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
        QVERIFY(page.contains(u"host-1:5432/db-1 as user-1"_s));
        QVERIFY(!html(source).contains(u"Redacted"_s));
    }

    void bigMatrixShowsTheDifferences()
    {
        const QList<Environment> envs = ReportSample::environments();
        QStringList ids;
        for (int i = 0; i < ReportStyle::MaxMatrixRows + 50; ++i)
            ids << u"m%1"_s.arg(i, 4, 10, QChar(u'0'));
        const QList<CheckResult> results { ReportSample::migrations(envs.at(0), ids, {}),
            ReportSample::migrations(
                envs.at(1), ids.mid(0, ids.size() - 3), ids.mid(ids.size() - 3)) };
        const QString page = html(ReportContent::from(envs, results, {}, {}, u"1"_s));
        QCOMPARE(page.count(u"<tr class=\"differs\">"_s), 3);
        QVERIFY(page.contains(u"3 of 250 migrations differ between the environments. The 247 "
                              "in the same state everywhere are left out."_s));
        QVERIFY(!page.contains(u"In the same state in every environment"_s));
    }
};

QTEST_GUILESS_MAIN(TestReportHtml)
#include "tst_reporthtml.moc"
