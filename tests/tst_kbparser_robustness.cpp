// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// KbParser on hostile and random input: never a crash, errors name the file, lines stay in it.

#include "kb/kbparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray minimalFrontMatter = "---\ncheckId: check.x\n---\n";

} // namespace

class TestKbParserRobustness : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestKbParserRobustness)
#include "tst_kbparser_robustness.moc"
