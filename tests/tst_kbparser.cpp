// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbparser.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

const QStringList shippedArticles = {
    u":/kb/postgres/migrations.md"_s,
    u":/kb/postgres/connectivity.md"_s,
    u":/kb/postgres/pool.md"_s,
};

const QStringList requiredSections = {
    u"What it checks"_s,
    u"Why it matters"_s,
    u"Common causes"_s,
    u"How to fix"_s,
    u"Verification"_s,
    u"Related checks"_s,
};

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
        const KbParseResult r = KbParser::parse(
            readFile(QStringLiteral(DOCTOR_TEST_DATA) + u"/kb/sample.md"_s), u"sample.md"_s);
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
        const KbArticle a
            = parseOk(readFile(QStringLiteral(DOCTOR_TEST_DATA) + u"/kb/sample.md"_s));
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
        const KbArticle a
            = parseOk(readFile(QStringLiteral(DOCTOR_TEST_DATA) + u"/kb/sample.md"_s));
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

    void hostileInputDoesNotCrash_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray fm = minimalFrontMatter;
        QTest::newRow("nul bytes") << fm + QByteArray("# a\0b\n```\0\n\0\n```\n", 17);
        QTest::newRow("lone cr") << QByteArray(
            "---\rcheckId: x\r---\r## How to fix\r```bash\rx\r```\r");
        QTest::newRow("deep quotes") << fm + QByteArray(100000, '>') + " x\n";
        QTest::newRow("deep lists") << fm + QByteArray(20000, ' ').replace(' ', "- ") + "x\n";
        QTest::newRow("brackets") << fm + QByteArray(200000, '[') + QByteArray(200000, ']');
        QTest::newRow("emphasis") << fm + QByteArray(300000, '*') + "a" + QByteArray(300000, '_');
        QTest::newRow("unclosed fence")
            << fm + "## How to fix\n### Docker Compose\n```bash\n" + QByteArray(1000, 'x');
        QTest::newRow("many fences") << fm + QByteArray(50000, '`').replace("`", "```\n");
        QTest::newRow("empty headings") << fm + QByteArray(20000, '#').replace("#", "##\n");
        QTest::newRow("table") << fm + "|a|b|\n|-|-|\n" + QByteArray(100000, '|') + "\n";
        QTest::newRow("yaml nesting") << "---\ncheckId: " + QByteArray(50000, '[') + "\n---\n";
        QTest::newRow("yaml anchors")
            << QByteArray("---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\ncheckId: *c\n---\n");
        QTest::newRow("invalid utf8") << fm + "# \xff\xfe\xc3\n\n```\xff\n\xc3\x28\n```\n";
        QTest::newRow("only dashes") << QByteArray("---");
        QTest::newRow("front matter at end") << QByteArray("---\ncheckId: x\n---");
        QTest::newRow("exactly max size")
            << fm + QByteArray(KbParser::MaxArticleBytes - fm.size(), '#');
    }

    void hostileInputDoesNotCrash()
    {
        QFETCH(QByteArray, text);
        const KbParseResult r = KbParser::parse(text, u"x.md"_s);
        if (!r.ok())
            QVERIFY2(r.error.startsWith(u"x.md:"_s), qPrintable(r.error));
        for (const KbCodeBlock &b : r.article.codeBlocks)
            QVERIFY(b.line >= 1);
    }

    void randomBytesDoNotCrash()
    {
        QRandomGenerator rng(20240521);
        static const char chars[] = "-#`~>*_[]()<>!|\\&; \n\n\n:abc123\r\t\0";
        const QByteArray alphabet(chars, sizeof(chars) - 1);
        // Pieces of real articles, so the structure code (sections, styles, fences) runs too.
        const QList<QByteArray> tokens = { "## How to fix\n", "### Docker Compose\n",
            "### Kubernetes / Helm\n", "## Related checks\n", "```bash\n", "```\n", "~~~\n",
            "# c\n", "text ", "`check.a.b` ", "- ", "> ", "1. ", "\n", "\n\n", "    ", "<b>",
            "Title\n---\n", "|a|b|\n|-|-|\n", QByteArray("\0", 1), "\r", "&amp;", "\\" };
        for (int round = 0; round < 600; ++round) {
            QByteArray text = round % 2 ? minimalFrontMatter : QByteArray("---\n");
            const int size = int(rng.bounded(3000));
            for (int i = 0; i < size; ++i) {
                switch (round % 3) {
                case 0:
                    text.append(char(rng.bounded(256)));
                    break;
                case 1:
                    text.append(alphabet.at(rng.bounded(int(alphabet.size()))));
                    break;
                default:
                    text.append(tokens.at(rng.bounded(int(tokens.size()))));
                    break;
                }
            }
            const KbParseResult r = KbParser::parse(text, u"r.md"_s);
            const int lineCount = int(text.count('\n') + text.count('\r')) + 1;
            for (const KbCodeBlock &b : r.article.codeBlocks)
                QVERIFY(b.line >= 1 && b.line <= lineCount);
            for (const KbSection &s : r.article.sections)
                QVERIFY(s.line >= 1 && s.line <= lineCount);
        }
    }

    void shippedMigrationsHasFixesForEveryStyle()
    {
        const KbParseResult r = KbParser::parse(
            readFile(u":/kb/postgres/migrations.md"_s), u":/kb/postgres/migrations.md"_s);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.article.checkId, u"check.postgres.migrations"_s);
        QCOMPARE(r.article.plugin, u"stellaops.doctor.postgres"_s);
        QCOMPARE(r.article.severity, u"warn"_s);
        for (DeploymentStyle style : Deployment::all())
            QVERIFY2(!r.article.fixesFor(style).isEmpty(), qPrintable(Deployment::key(style)));
        auto texts = [&](DeploymentStyle s) {
            QStringList out;
            for (const KbCodeBlock &b : r.article.fixesFor(s))
                out << b.text;
            return out.join(u'\n');
        };
        QVERIFY(
            texts(DeploymentStyle::Compose)
                .contains(u"docker compose -f <compose-file> exec platform stella db migrate"_s));
        QVERIFY(texts(DeploymentStyle::Systemd).contains(u"stella db migrate"_s));
        QVERIFY(texts(DeploymentStyle::Systemd)
                    .contains(u"sudo systemctl restart stellaops-platform"_s));
        QVERIFY(texts(DeploymentStyle::Kubernetes)
                    .contains(
                        u"kubectl -n <namespace> exec -it <platform-pod> -- stella db migrate"_s));
        QCOMPARE(r.article.relatedChecks(),
            QStringList({ u"check.postgres.connectivity"_s, u"check.postgres.pool"_s }));
        const QString what = r.article.section(u"What it checks"_s)->markdown;
        for (const char *key : { "TableExists", "AppliedCount", "PendingCount", "LatestApplied",
                 "PendingMigrations", "Status" })
            QVERIFY2(what.contains(QLatin1StringView(key)), key);
    }

    void shippedArticlesAreComplete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : shippedArticles)
            QTest::newRow(qPrintable(path)) << path;
    }

    void shippedArticlesAreComplete()
    {
        QFETCH(QString, path);
        const QByteArray source = readFile(path);
        const KbParseResult r = KbParser::parse(source, path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const KbArticle &a = r.article;
        QCOMPARE(a.plugin, u"stellaops.doctor.postgres"_s);
        QVERIFY(!a.tags.isEmpty());
        QVERIFY(a.title != a.checkId); // has a real title

        QStringList titles;
        for (const KbSection &s : a.sections)
            titles << s.title;
        QCOMPARE(titles, requiredSections);

        QStringList subsections;
        const QStringList fixLines = a.section(u"How to fix"_s)->markdown.split(u'\n');
        for (const QString &line : fixLines) {
            if (line.startsWith(u"### "_s))
                subsections << line.mid(4);
        }
        QStringList styleTitles;
        for (DeploymentStyle style : Deployment::all()) {
            styleTitles << Deployment::title(style);
            QVERIFY2(!a.fixesFor(style).isEmpty(), qPrintable(Deployment::key(style)));
        }
        QCOMPARE(subsections, styleTitles);

        QVERIFY(!a.relatedChecks().isEmpty());
        for (const QString &id : a.relatedChecks())
            QVERIFY2(id != a.checkId && id.startsWith(u"check.postgres."_s), qPrintable(id));

        const QList<QByteArray> sourceLines = source.split('\n');
        for (const KbCodeBlock &b : a.codeBlocks) {
            const QString where = path + u':' + QString::number(b.line);
            QVERIFY2(b.line >= 1 && b.line <= sourceLines.size(), qPrintable(where));
            QVERIFY2(sourceLines.at(b.line - 1)
                         .startsWith(QByteArray("```").append(b.language.toUtf8())),
                qPrintable(where));
            QVERIFY2(
                QStringList({ u"bash"_s, u"yaml"_s, u"json"_s, u"sql"_s }).contains(b.language),
                qPrintable(where));
            QVERIFY2(!b.caption.isEmpty(), qPrintable(where));
            if (b.language != u"json")
                QVERIFY2(b.text.contains(u"Evidence: "_s), qPrintable(where));
            // Every fix block says which evidence it is for, in keys the article declares.
            if (b.fix) {
                QVERIFY2(b.when.has_value(), qPrintable(where));
                QVERIFY2(b.when->error.isEmpty(), qPrintable(where + u' ' + b.when->error));
                QVERIFY2(!b.text.contains(u"When:"_s), qPrintable(where));
                for (const QString &key : b.when->condition.keys())
                    QVERIFY2(a.evidenceKey(key), qPrintable(where + u' ' + key));
            }
            checkSyntax(b, where);
        }
        QVERIFY(!a.evidence.isEmpty());
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

private:
    // Every shipped block must be valid as written and once its placeholders are filled.
    void checkSyntax(const KbCodeBlock &b, const QString &where)
    {
        static const QRegularExpression placeholder(u"(?<!<)<([a-z][a-z0-9-]*)>"_s);
        const QStringList variants = { b.text, QString(b.text).replace(placeholder, u"x\\1"_s) };
        for (const QString &text : variants) {
            if (b.language == u"bash") {
                const QString bash = QStandardPaths::findExecutable(u"bash"_s);
                if (bash.isEmpty())
                    continue;
                QProcess p;
                p.start(bash, { u"-n"_s });
                p.write(text.toUtf8() + '\n');
                p.closeWriteChannel();
                QVERIFY(p.waitForFinished(10000));
                QVERIFY2(p.exitCode() == 0,
                    qPrintable(where + u' ' + QString::fromUtf8(p.readAllStandardError())));
            } else if (b.language == u"yaml") {
                try {
                    YAML::Load(text.toStdString());
                } catch (const YAML::Exception &e) {
                    QFAIL(qPrintable(where + u' ' + QString::fromStdString(e.what())));
                }
            } else if (b.language == u"json") {
                QJsonParseError error;
                QJsonDocument::fromJson(text.toUtf8(), &error);
                QVERIFY2(error.error == QJsonParseError::NoError,
                    qPrintable(where + u' ' + error.errorString()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKbParser)
#include "tst_kbparser.moc"
