// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Article variants (front matter articleId and when): how KbLint holds them to their check and
// its evidence, and how KbLibrary loads, overrides and chooses them.

#include "engine/environment.h"
#include "kb/kblibrary.h"
#include "kb/kblint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// FRONT is inserted after the checkId line (line 2), so in the variants every line number
// below line 3 moves down by the number of lines inserted.
QByteArray article(const QByteArray &checkId, const QByteArray &front, const QByteArray &title)
{
    return "---\ncheckId: " + checkId + "\n" + front
        + "plugin: test\nseverity: warn\ntags: [t]\nevidence:\n  Tool: text\n  Status: text\n"
          "---\n\n# "
        + title
        + "\n\n## What it checks\n\nSomething.\n\n## Why it matters\n\nReasons.\n\n"
          "## Common causes\n\n- One.\n\n## How to fix\n\n"
          "### Docker Compose\n\n```bash\n# When: Status=pending\necho compose\n```\n\n"
          "### Bare metal / systemd\n\n```bash\n# When: always\necho systemd\n```\n\n"
          "### Kubernetes / Helm\n\n```bash\n# When: always\necho kubernetes\n```\n\n"
          "## Verification\n\nRun it again.\n\n## Related checks\n\n- `check.t.own`: itself.\n";
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
}

QStringList lines(const QList<KbLintFinding> &findings)
{
    QStringList out;
    for (const KbLintFinding &f : findings)
        out << f.toString();
    return out;
}

CheckResult result(const QString &checkId, const QString &tool)
{
    CheckResult r;
    r.checkId = checkId;
    r.status = CheckStatus::Warn;
    r.evidence = { { u"Tool"_s, tool }, { u"Status"_s, u"pending"_s } };
    return r;
}

} // namespace

class TestKbLintVariants : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void variantsLintClean()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(u"own.md"_s), article("check.t.own", "", "Own"));
        writeFile(dir.filePath(u"own/one.md"_s),
            article("check.t.own", "articleId: check.t.own.one\nwhen: Tool=one\n", "One"));
        const QList<KbLintFinding> findings = KbLint::lint({ dir.path() }, { u"check.t.own"_s });
        QVERIFY2(findings.isEmpty(), qPrintable(lines(findings).join(u'\n')));
    }

    void brokenVariants()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const char *name, const QByteArray &text) {
            const QString path = dir.filePath(QString::fromLatin1(name) + u".md"_s);
            writeFile(path, text);
            return path;
        };
        write("a-own", article("check.t.own", "", "Own"));
        const QString noWhen
            = write("b-no-when", article("check.t.own", "articleId: check.t.own.b\n", "B"));
        const QString badId
            = write("c-bad-id", article("check.t.own", "articleId: other.c\nwhen: Tool=c\n", "C"));
        const QString badKey = write(
            "d-bad-key", article("check.t.own", "articleId: check.t.own.d\nwhen: Tol=d\n", "D"));
        const QString always = write(
            "e-always", article("check.t.own", "articleId: check.t.own.e\nwhen: always\n", "E"));
        const QString noId = write("f-no-id", article("check.t.f", "when: Tool=f\n", "F"));
        const QString orphan = write("g-orphan",
            article("check.t.other", "articleId: check.t.other.g\nwhen: Tool=g\n", "G"));
        const QString twice = write(
            "h-twice", article("check.t.own", "articleId: check.t.own.h\nwhen: Tool=h\n", "H"));
        write("i-twice", article("check.t.own", "articleId: check.t.own.h\nwhen: Tool=i\n", "I"));
        const QList<KbLintFinding> findings = KbLint::lint(
            { dir.path() }, { u"check.t.own"_s, u"check.t.other"_s, u"check.t.f"_s });
        QCOMPARE(lines(findings),
            QStringList({
                noWhen
                    + u":3: error: a variant needs \"when:\", the evidence condition of the "
                      "results it is for, such as \"when: Tool=flyway\""_s,
                badId
                    + u":3: error: articleId \"other.c\" must be the checkId, a dot and a "
                      "name, such as \"check.t.own.name\""_s,
                badKey + u":4:7: error: unknown evidence key \"Tol\"; declared: Tool, Status"_s,
                always
                    + u":4:7: error: when: a variant is for some results of its check, not "
                      "all; name them, such as \"when: Tool=flyway\""_s,
                noId
                    + u":3: error: \"when:\" without \"articleId:\"; a variant needs its own "
                      "id, such as \"articleId: check.t.f.name\""_s,
                orphan
                    + u":2: error: variant of \"check.t.other\", which has no article of its "
                      "own; results no variant matches need one"_s,
                twice + u":3: error: ignored: "_s + dir.filePath(u"i-twice.md"_s)
                    + u" in the same folder has the same articleId and replaces it"_s,
                dir.path()
                    + u": error: check \"check.t.other\" has no article; write one with "
                      "\"checkId: check.t.other\" in its front matter"_s,
            }));
    }

    // A later folder replaces a variant with the same articleId, as it does a check's own
    // article; a result is shown with the variant its evidence meets, else the own article.
    void libraryChoosesAndOverrides()
    {
        QTemporaryDir shipped;
        QTemporaryDir mine;
        QVERIFY(shipped.isValid() && mine.isValid());
        writeFile(shipped.filePath(u"own.md"_s), article("check.t.own", "", "Own"));
        writeFile(shipped.filePath(u"one.md"_s),
            article("check.t.own", "articleId: check.t.own.one\nwhen: Tool=one\n", "One"));
        writeFile(mine.filePath(u"one.md"_s),
            article("check.t.own", "articleId: check.t.own.one\nwhen: Tool=one\n", "Mine"));
        KbLibrary kb;
        kb.load({ shipped.path(), mine.path() });
        QVERIFY2(kb.errors().isEmpty(), qPrintable(kb.errors().join(u'\n')));
        QCOMPARE(kb.article(u"check.t.own"_s)->title, u"Own"_s); // own articles stay apart
        int ownVariants = 0;
        for (const KbArticle &v : kb.variants())
            ownVariants += v.checkId == u"check.t.own" ? 1 : 0;
        QCOMPARE(ownVariants, 1);
        QCOMPARE(kb.articleFor(result(u"check.t.own"_s, u"one"_s))->title, u"Mine"_s);
        QCOMPARE(kb.articleFor(result(u"check.t.own"_s, u"two"_s))->title, u"Own"_s);
        QCOMPARE(kb.article(u"check.t.own.one"_s)->title, u"Mine"_s);
        QVERIFY(!kb.articleFor(result(u"check.t.none"_s, u"one"_s)));

        // The remediation names the variant, and its fixes are the variant's.
        CheckResult r = result(u"check.t.own"_s, u"one"_s);
        r.remediation.article = r.checkId;
        kb.attachRemediation(&r, Environment {});
        QCOMPARE(r.remediation.article, u"check.t.own.one"_s);
        QCOMPARE(r.remediation.runbooks, QStringList { mine.filePath(u"one.md"_s) });
        QCOMPARE(r.remediation.fixes.size(), 3); // pending: every style's block matches
    }
};

QTEST_GUILESS_MAIN(TestKbLintVariants)
#include "tst_kblint_variants.moc"
