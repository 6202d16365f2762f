// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// KbParser: front matter, sections, code blocks and their "When:" lines, with file lines.

#include "kb/kbparser.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

KbArticle parseOk(const QByteArray &text, const QString &path = u"test.md"_s)
{
    const KbParseResult r = KbParser::parse(text, path);
    if (!r.ok())
        qWarning("unexpected parse error: %s", qPrintable(r.error));
    return r.article;
}

const QByteArray minimalFrontMatter = "---\ncheckId: check.x\n---\n";

} // namespace

class TestKbParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void frontMatterFields()
    {
        const KbParseResult r
            = KbParser::parse(readFile(TestPaths::testData() + u"/kb/sample.md"_s), u"sample.md"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.article.checkId, u"check.sample.thing"_s);
        QCOMPARE(r.article.plugin, u"stellaops.doctor.sample"_s);
        QCOMPARE(r.article.severity, u"warn"_s);
        QCOMPARE(r.article.tags, QStringList({ u"one"_s, u"two"_s }));
        QCOMPARE(r.article.title, u"Sample Article"_s);
        QCOMPARE(r.article.sourcePath, u"sample.md"_s);
        QCOMPARE(r.article.bodyLine, 9);
        QVERIFY(r.article.body.startsWith(u"\n# Sample Article\n"_s));
    }

    void tagsMayBeOneWordOrFlowList()
    {
        QCOMPARE(
            parseOk("---\ncheckId: check.x\ntags: solo\n---\n").tags, QStringList { u"solo"_s });
        QCOMPARE(parseOk("---\ncheckId: check.x\ntags: [a, b]\n---\n").tags,
            QStringList({ u"a"_s, u"b"_s }));
        QVERIFY(parseOk(minimalFrontMatter).tags.isEmpty());
    }

    void sectionsInOrderWithBodies()
    {
        const KbArticle a = parseOk(readFile(TestPaths::testData() + u"/kb/sample.md"_s));
        QStringList titles;
        QList<int> lines;
        for (const KbSection &s : a.sections) {
            titles << s.title;
            lines << s.line;
            QCOMPARE(s.level, 2);
        }
        QCOMPARE(titles,
            QStringList({ u"What it checks"_s, u"How To Fix"_s, u"Setext section"_s,
                u"Related checks"_s }));
        QCOMPARE(lines, QList<int>({ 14, 18, 50, 55 }));
        QCOMPARE(a.sections.at(0).markdown, u"It checks a thing."_s);
        // Sub-section headings stay in; the next level-2 heading does not.
        const QString fix = a.sections.at(1).markdown;
        QVERIFY(fix.startsWith(u"General advice.\n\n### Docker Compose\n"_s));
        QVERIFY(fix.endsWith(u"~~~yaml\nkey: <namespace>\n~~~"_s));
        QVERIFY(!fix.contains(u"Setext"_s));
        // The underline belongs to a setext heading, not to its body.
        QCOMPARE(a.sections.at(2).markdown, u"Body of setext."_s);
        QVERIFY(a.section(u"how to fix"_s));
        QVERIFY(!a.section(u"Nope"_s));
    }

    void codeBlocks()
    {
        const KbArticle a = parseOk(readFile(TestPaths::testData() + u"/kb/sample.md"_s));
        QCOMPARE(a.codeBlocks.size(), 4);

        const KbCodeBlock &first = a.codeBlocks.at(0);
        QCOMPARE(first.language, u"bash"_s);
        QCOMPARE(first.line, 26);
        QCOMPARE(first.text,
            u"docker compose -f <compose-file> restart platform\n\necho \"two  spaces\"  "_s);
        QCOMPARE(first.section, u"Docker Compose"_s);
        QCOMPARE(first.deployment, DeploymentStyle::Compose);
        QCOMPARE(first.caption, u"Restart the container."_s);

        // A paragraph introduces one block only; the next falls back to its comment.
        const KbCodeBlock &second = a.codeBlocks.at(1);
        QCOMPARE(second.line, 32);
        QCOMPARE(second.deployment, DeploymentStyle::Compose);
        QCOMPARE(second.caption, u"Evidence: Status - second block, no paragraph"_s);

        const KbCodeBlock &third = a.codeBlocks.at(2);
        QCOMPARE(third.language, u"sql"_s);
        QCOMPARE(third.line, 39);
        QCOMPARE(third.deployment, DeploymentStyle::Systemd);
        QCOMPARE(third.caption, u"Evidence: Count - comment caption"_s);
        QCOMPARE(third.text, u"-- Evidence: Count - comment caption\nSELECT 1;"_s);

        const KbCodeBlock &fourth = a.codeBlocks.at(3);
        QCOMPARE(fourth.language, u"yaml"_s);
        QCOMPARE(fourth.line, 46);
        QCOMPARE(fourth.deployment, DeploymentStyle::Kubernetes);
        QCOMPARE(fourth.text, u"key: <namespace>"_s);

        QCOMPARE(a.fixesFor(DeploymentStyle::Compose).size(), 2);
        QCOMPARE(a.fixesFor(DeploymentStyle::Systemd).size(), 1);
        QCOMPARE(a.fixesFor(DeploymentStyle::Kubernetes).size(), 1);
        QCOMPARE(
            a.relatedChecks(), QStringList({ u"check.sample.other"_s, u"check.sample.third"_s }));
    }

    void blocksOutsideHowToFixHaveNoDeployment()
    {
        const KbArticle a = parseOk(minimalFrontMatter
            + "## Verification\n\n### Docker Compose\n\n```bash\ntrue\n```\n"
              "## How to fix\n\n```bash\ntrue\n```\n");
        QCOMPARE(a.codeBlocks.size(), 2);
        QVERIFY(!a.codeBlocks.at(0).deployment.has_value());
        QVERIFY(!a.codeBlocks.at(1).deployment.has_value());
    }

    void codeBlockLineWithoutInfoOrText()
    {
        const KbArticle a
            = parseOk(minimalFrontMatter + "\n```\n\nfirst\n```\n\n```\n```\n```\n```\n");
        QCOMPARE(a.codeBlocks.size(), 3);
        QCOMPARE(a.codeBlocks.at(0).line, 5);
        QCOMPARE(a.codeBlocks.at(0).text, u"\nfirst"_s);
        QCOMPARE(a.codeBlocks.at(1).line, 10);
        QCOMPARE(a.codeBlocks.at(2).line, 12);
        QVERIFY(a.codeBlocks.at(1).language.isEmpty());
    }

    void crlfAndBom()
    {
        const KbArticle a = parseOk("\xEF\xBB\xBF---\r\ncheckId: check.x\r\n---\r\n# T\r\n\r\n"
                                    "```bash\r\necho hi\r\n```\r\n");
        QCOMPARE(a.title, u"T"_s);
        QCOMPARE(a.codeBlocks.size(), 1);
        QCOMPARE(a.codeBlocks.at(0).line, 6);
        QCOMPARE(a.codeBlocks.at(0).text, u"echo hi"_s);
    }

    void badFrontMatter_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected"); // prefix of the error

        QTest::newRow("unclosed flow list") << QByteArray(
            "---\ncheckId: check.x\nplugin: p\ntags: [a, b\nseverity: warn\n---\n# T\n")
                                            << u"bad.md:5: front matter: "_s;
        QTest::newRow("bad indentation") << QByteArray("---\ncheckId: check.x\n  plugin: p\n---\n")
                                         << u"bad.md:3: front matter: "_s;
        QTest::newRow("tags as mapping")
            << QByteArray("---\ncheckId: check.x\ntags:\n  a: b\n---\n")
            << u"bad.md:4: front matter: tags"_s;
        QTest::newRow("checkId as list") << QByteArray("---\nplugin: p\ncheckId: [a]\n---\n")
                                         << u"bad.md:3: front matter: \"checkId\""_s;
        QTest::newRow("nested tag")
            << QByteArray("---\ncheckId: check.x\ntags:\n  - a\n  - [b]\n---\n")
            << u"bad.md:5: front matter: each tag"_s;
        QTest::newRow("missing checkId") << QByteArray("---\nplugin: p\n---\n# T\n")
                                         << u"bad.md:1: front matter has no checkId"_s;
        QTest::newRow("empty checkId")
            << QByteArray("---\ncheckId:\n---\n") << u"bad.md:1: front matter has no checkId"_s;
        QTest::newRow("not a mapping")
            << QByteArray("---\n- a\n- b\n---\n") << u"bad.md:2: front matter:"_s;
        QTest::newRow("empty front matter")
            << QByteArray("---\n---\n") << u"bad.md:2: front matter:"_s;
        QTest::newRow("not closed") << QByteArray("---\ncheckId: check.x\n# T\n")
                                    << u"bad.md:1: front matter is not closed"_s;
        QTest::newRow("no front matter")
            << QByteArray("# T\n\ntext\n") << u"bad.md:1: no front matter"_s;
        QTest::newRow("front matter later")
            << QByteArray("\n---\ncheckId: x\n---\n") << u"bad.md:1: no front matter"_s;
        QTest::newRow("empty file") << QByteArray() << u"bad.md:1: no front matter"_s;
        QTest::newRow("too large") << QByteArray(KbParser::MaxArticleBytes + 1, 'a')
                                   << u"bad.md:1: the article is larger than 1 MiB"_s;
    }

    void badFrontMatter()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const KbParseResult r = KbParser::parse(text, u"bad.md"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.startsWith(expected), qPrintable(r.error));
    }

    void rawHtmlStaysText()
    {
        const KbArticle a = parseOk(minimalFrontMatter
            + "## How to fix\n\n"
              "<script>alert(1)</script>\n\n"
              "```bash\ntrue\n```\n\n"
              "Before <img src=x onerror=alert(1)> after.\n\n"
              "```bash\ntrue\n```\n");
        QCOMPARE(a.codeBlocks.size(), 2);
        // With HTML enabled the first line would be an HTML block, not a paragraph.
        QCOMPARE(a.codeBlocks.at(0).caption, u"<script>alert(1)</script>"_s);
        QCOMPARE(a.codeBlocks.at(1).caption, u"Before <img src=x onerror=alert(1)> after."_s);
        QVERIFY(a.sections.at(0).markdown.startsWith(u"<script>alert(1)</script>"_s));
    }

    // "# When: ..." leaves the block's text, parsed, with its place in the file.
    void whenLine()
    {
        const QByteArray text = minimalFrontMatter
            + "## How to fix\n\n### Docker Compose\n\nRestart it.\n\n"
              "```bash\n# When: Reachable = false , Tls=off\n# restart\ndocker compose up\n```\n\n"
              "- item\n\n   ```sql\n   -- When: PendingCount>0\n   SELECT 1;\n   ```\n\n"
              "```json\n// When: Reachable==false\n{}\n```\n\n"
              "```bash\necho no condition\n```\n";
        const KbArticle a = parseOk(text);
        QCOMPARE(a.codeBlocks.size(), 4);
        const KbCodeBlock &bash = a.codeBlocks.at(0);
        QCOMPARE(bash.line, 10);
        QVERIFY(bash.when.has_value());
        QCOMPARE(bash.when->text, u"Reachable = false , Tls=off"_s);
        QCOMPARE(bash.when->line, 11);
        QCOMPARE(bash.when->column, 9);
        QVERIFY(bash.when->error.isEmpty());
        QCOMPARE(bash.when->condition.toString(), u"Reachable = false, Tls = off"_s);
        QCOMPARE(bash.text, u"# restart\ndocker compose up"_s);
        QCOMPARE(bash.caption, u"Restart it."_s);
        QCOMPARE(bash.firstTextLine(), 12);
        QVERIFY(bash.fix);
        QVERIFY(bash.appliesTo({ { u"Reachable"_s, false }, { u"Tls"_s, u"off"_s } }));
        QVERIFY(!bash.appliesTo({ { u"Reachable"_s, true }, { u"Tls"_s, u"off"_s } }));

        const KbCodeBlock &sql = a.codeBlocks.at(1);
        QCOMPARE(sql.when->line, 19);
        QCOMPARE(sql.when->column, 13); // counted in the file, indentation included
        QCOMPARE(sql.text, u"SELECT 1;"_s);

        // A broken condition is kept with its error for the lint, and chooses nothing.
        const KbCodeBlock &json = a.codeBlocks.at(2);
        QCOMPARE(json.text, u"{}"_s);
        QVERIFY(json.when->error.contains(u"=="_s));
        QCOMPARE(json.when->errorColumn, 19);
        QVERIFY(!json.appliesTo({ { u"Reachable"_s, false } }));

        const KbCodeBlock &plain = a.codeBlocks.at(3);
        QVERIFY(!plain.when.has_value());
        QCOMPARE(plain.firstTextLine(), plain.line + 1);
        QVERIFY(plain.appliesTo({}));
    }

    void evidenceFrontMatter()
    {
        const KbArticle a = parseOk("---\ncheckId: check.x\nevidence:\n  Reachable: bool\n"
                                    "  PendingCount: number\n  Status: text\n  Names: list\n"
                                    "  ByApp: map\n---\n");
        QCOMPARE(a.evidence.size(), 5);
        QCOMPARE(a.evidence.at(0).name, u"Reachable"_s);
        QCOMPARE(a.evidence.at(0).type, KbEvidenceKey::Type::Bool);
        QCOMPARE(a.evidence.at(0).line, 4);
        QCOMPARE(a.evidence.at(1).type, KbEvidenceKey::Type::Number);
        QCOMPARE(a.evidence.at(2).type, KbEvidenceKey::Type::Text);
        QCOMPARE(a.evidence.at(3).type, KbEvidenceKey::Type::List);
        QCOMPARE(a.evidence.at(4).type, KbEvidenceKey::Type::Map);
        QVERIFY(a.evidenceKey(u"Status"_s));
        QVERIFY(!a.evidenceKey(u"status"_s));
        QVERIFY(parseOk(minimalFrontMatter).evidence.isEmpty());
    }

    void evidenceFrontMatterErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown type") << QByteArray("evidence:\n  Reachable: boolean\n")
                                      << u"x.md:4: front matter: evidence \"Reachable\" has the "
                                         "unknown type \"boolean\"; use one of bool, number, text, "
                                         "list, map"_s;
        QTest::newRow("a list") << QByteArray("evidence: [Reachable]\n")
                                << u"x.md:3: front matter: evidence must map each evidence key"_s;
        QTest::newRow("nested") << QByteArray("evidence:\n  Reachable: {a: b}\n")
                                << u"x.md:4: front matter: each evidence entry is"_s;
    }

    void evidenceFrontMatterErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const KbParseResult r
            = KbParser::parse("---\ncheckId: check.x\n" + yaml + "---\n", u"x.md"_s);
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestKbParser)
#include "tst_kbparser.moc"
