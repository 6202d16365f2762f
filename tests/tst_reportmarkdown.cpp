// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ReportMarkdown, read back by a real CommonMark parser (md4c, with GitHub's tables): every
// table keeps its columns whatever the cells hold, hostile text stays text (no raw HTML but
// the cells' <br>, no link, no image), fix commands come back verbatim from their fences.
#include "report/reportmarkdown.h"
#include "report/reportredactor.h"
#include "reportsample.h"

#include <QTest>
#include <md4c.h>

using namespace Qt::StringLiterals;

namespace {

// What md4c saw.
struct Parsed
{
    QList<QList<QStringList>> tables; // per table, per row, the cells' text
    QStringList headings; // "2 Summary"
    QStringList code; // fenced blocks' text
    QStringList rawHtml; // inline and block HTML
    QStringList paragraphs;
    int links = 0;
    int images = 0;

    // where text goes now
    QString *text = nullptr;
    QString current;
    int headingLevel = 0;
    bool inCell = false, inCode = false, inParagraph = false;
};

int enterBlock(MD_BLOCKTYPE type, void *detail, void *user)
{
    auto *p = static_cast<Parsed *>(user);
    switch (type) {
    case MD_BLOCK_TABLE:
        p->tables.append(QList<QStringList>());
        break;
    case MD_BLOCK_TR:
        p->tables.last().append(QStringList());
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        p->current.clear();
        p->inCell = true;
        break;
    case MD_BLOCK_H:
        p->headingLevel = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
        p->current.clear();
        break;
    case MD_BLOCK_CODE:
        p->inCode = true;
        p->current.clear();
        break;
    case MD_BLOCK_P:
        p->inParagraph = true;
        p->current.clear();
        break;
    case MD_BLOCK_HTML:
        p->rawHtml << u"(block)"_s;
        break;
    default:
        break;
    }
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void *, void *user)
{
    auto *p = static_cast<Parsed *>(user);
    switch (type) {
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
        p->tables.last().last() << p->current;
        p->inCell = false;
        break;
    case MD_BLOCK_H:
        p->headings << QString::number(p->headingLevel) + u' ' + p->current;
        p->headingLevel = 0;
        break;
    case MD_BLOCK_CODE:
        p->code << p->current;
        p->inCode = false;
        break;
    case MD_BLOCK_P:
        p->paragraphs << p->current;
        p->inParagraph = false;
        break;
    default:
        break;
    }
    return 0;
}

int enterSpan(MD_SPANTYPE type, void *, void *user)
{
    auto *p = static_cast<Parsed *>(user);
    p->links += type == MD_SPAN_A;
    p->images += type == MD_SPAN_IMG;
    return 0;
}

int leaveSpan(MD_SPANTYPE, void *, void *)
{
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR *chars, MD_SIZE size, void *user)
{
    auto *p = static_cast<Parsed *>(user);
    const QString t = QString::fromUtf8(chars, qsizetype(size));
    if (type == MD_TEXT_HTML) {
        p->rawHtml << t;
        p->current += u'\n'; // a cell's <br>
        return 0;
    }
    if (type == MD_TEXT_ENTITY) {
        p->current += t == u"&amp;" ? u"&"_s : t;
        return 0;
    }
    p->current += (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) ? u"\n"_s : t;
    return 0;
}

Parsed parse(const QByteArray &markdown)
{
    Parsed p;
    MD_PARSER parser {};
    // GitHub's tables and strikethrough; not its bare-URL autolinks: a URL in a message may
    // become a link where a renderer does that, which loads nothing.
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = enterSpan;
    parser.leave_span = leaveSpan;
    parser.text = text;
    const int rc = md_parse(markdown.constData(), MD_SIZE(markdown.size()), &parser, &p);
    if (rc != 0)
        qFatal("md_parse failed");
    return p;
}

} // namespace

class TestReportMarkdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sections()
    {
        const Parsed p = parse(ReportMarkdown::write(ReportSample::content()));
        QCOMPARE(p.headings,
            (QStringList { u"1 Doctor report"_s, u"2 Summary"_s,
                u"2 Migrations across environments"_s,
                u"3 In the same state in every environment (1)"_s, u"2 prod \u2014 FAIL"_s,
                u"3 FAIL check.postgres.locks"_s, // worst first
                u"3 PASS check.postgres.migrations (efcore public.__EFMigrationsHistory)"_s,
                u"2 staging \u2014 WARN"_s,
                u"3 WARN check.postgres.migrations (efcore public.__EFMigrationsHistory)"_s }));
        // Summary, matrix (differing rows, then the same ones), one evidence table per result.
        QCOMPARE(p.tables.size(), 6);
        const QList<QStringList> summary = p.tables.at(0);
        QCOMPARE(summary.size(), 3);
        QCOMPARE(summary.at(1),
            (QStringList { u"prod"_s, u"FAIL"_s, u"1"_s, u"0"_s, u"0"_s, u"0"_s, u"1"_s, u"0"_s,
                u"Docker Compose"_s, u"pg-prod.acme.internal:5432/orders as orders_app"_s }));
        const QList<QStringList> matrix = p.tables.at(1);
        QCOMPARE(matrix.at(0),
            (QStringList {
                u"Tool"_s, u"History"_s, u"Migration"_s, u"prod (FAIL)"_s, u"staging (WARN)"_s }));
        QCOMPARE(matrix.size(), 2);
        QCOMPARE(matrix.at(1),
            (QStringList { u"efcore"_s, u"public.__EFMigrationsHistory"_s, u"002_AddOrders"_s,
                u"absent"_s, u"pending"_s }));
        QCOMPARE(p.tables.at(2).value(1),
            (QStringList {
                u"efcore"_s, u"public.__EFMigrationsHistory"_s, u"001_Init"_s, u"applied"_s }));
        for (const QList<QStringList> &table : p.tables) {
            for (const QStringList &row : table)
                QCOMPARE(row.size(), table.first().size());
        }
    }

    void hostileTextStaysText()
    {
        ReportContent c = ReportSample::content();
        c.results[1].evidence << qMakePair(u"Odd | key"_s,
            QVariant(QStringList {
                u"a | b"_s, u"[x](https://evil.example) ![i](file:///etc/passwd)"_s }))
                              << qMakePair(u"Rows"_s,
                                     QVariant(
                                         QVariantList { u"# not a heading"_s, u"1. no list"_s }));
        c.results[1].message
            += u"\n# not a heading\n- not a list\n<b>bold</b> `code` *em* &amp; _em_ snake_case __dunder__\n1. no list\n---"_s;
        const QByteArray md = ReportMarkdown::write(c);
        const Parsed p = parse(md);
        // Only the cells' line breaks are HTML; no link or image was made.
        for (const QString &html : p.rawHtml)
            QCOMPARE(html, u"<br>"_s);
        QCOMPARE(p.links, 0);
        QCOMPARE(p.images, 0);
        QCOMPARE(p.headings.size(), 9);
        QVERIFY(p.paragraphs.contains(
            u"root blocker: pid 4242 (<script>alert('x')</script> | app, "
            "idle in transaction 900 s) from client 10.20.30.40 as "
            "alice; role dbadmin cannot read orders\n# not a heading\n"
            "- not a list\n<b>bold</b> `code` *em* &amp; _em_ snake_case __dunder__\n1. no list\n---"_s));
        const QList<QStringList> evidence = p.tables.at(3);
        QCOMPARE(evidence.last(), (QStringList { u"Rows"_s, u"# not a heading\n1. no list"_s }));
        QCOMPARE(evidence.at(evidence.size() - 2),
            (QStringList {
                u"Odd | key"_s, u"a | b, [x](https://evil.example) ![i](file:///etc/passwd)"_s }));
    }

    void fixesVerbatimInFences()
    {
        ReportContent c = ReportSample::content();
        const QString tricky = u"echo ``` and ````\ncat <<EOF | psql\n| x |\nEOF"_s;
        c.results[1].remediation.fixes
            << FixSuggestion { DeploymentStyle::Compose, u"Tricky"_s, tricky };
        const Parsed p = parse(ReportMarkdown::write(c));
        QVERIFY(p.code.contains(u"psql -h pg-prod.acme.internal -U orders_app -c 'SELECT "
                                "pg_terminate_backend(4242)' # alice\n"_s));
        QVERIFY(p.code.contains(tricky + u'\n'));
        // staging's Kubernetes fix, with its open placeholder; not its Compose one.
        QVERIFY(p.code.contains(u"kubectl -n <namespace> exec deploy/api -- psql -h 10.1.2.3 -U "
                                "stage_user -d db -c 'select 1'\n"_s));
        QCOMPARE(p.code.size(), 3);
        QVERIFY(ReportMarkdown::fence(u"a ``` b"_s).startsWith(u"````\n"_s));
    }

    // A shipped article is named by the command that prints it, a user's own by its path.
    void runbooksAReaderCanOpen()
    {
        ReportContent c = ReportSample::content();
        const QString before = QString::fromUtf8(ReportMarkdown::write(c));
        QVERIFY(before.contains(u"Runbook: doctor kb show check.postgres.migrations\n"_s));
        QVERIFY(!before.contains(u":/kb"_s));
        for (CheckResult &r : c.results) {
            if (!r.remediation.runbooks.isEmpty())
                r.remediation.runbooks << u"/srv/kb/migrations.md"_s;
        }
        QVERIFY(QString::fromUtf8(ReportMarkdown::write(c))
                .contains(
                    u"Runbook: doctor kb show check.postgres.migrations, /srv/kb/migrations.md\n"_s));
        // A migration tool's own article: the id kb show prints it by.
        for (CheckResult &r : c.results) {
            if (!r.remediation.runbooks.isEmpty()) {
                r.remediation.runbooks = { u":/kb/postgres/migrations/flyway.md"_s };
                r.remediation.article = u"check.postgres.migrations.flyway"_s;
            }
        }
        QVERIFY(QString::fromUtf8(ReportMarkdown::write(c))
                .contains(u"Runbook: doctor kb show check.postgres.migrations.flyway\n"_s));
    }

    void redacted()
    {
        const ReportContent source = ReportSample::content();
        ReportRedactor r;
        r.collect(source);
        const QString md = QString::fromUtf8(ReportMarkdown::write(r.apply(source)));
        QVERIFY(md.contains(u"**Redacted:**"_s));
        for (const QString &secret : ReportSample::secrets())
            QVERIFY2(!md.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
    }
};

QTEST_GUILESS_MAIN(TestReportMarkdown)
#include "tst_reportmarkdown.moc"
