// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkregistry.h"
#include "kb/kblint.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A clean article; the broken ones below each change one thing in it. Line numbers
// in the expectations refer to this text:
//  2 checkId, 5 tags, 14 "## Why it matters", 22 "## How to fix", 27 compose command,
//  33-35 the systemd if/fi, 38 "### Kubernetes / Helm", 40-48 two YAML documents,
//  52-56 JSON, 60 the related check.
const QByteArray cleanArticle = R"(---
checkId: ID
plugin: test
severity: warn
tags: [t]
---

# Title

## What it checks

Something.

## Why it matters

Reasons.

## Common causes

- One.

## How to fix

### Docker Compose

```bash
docker compose -f <compose-file> ps
```

### Bare metal / systemd

```bash
if systemctl is-active postgresql; then
  echo up
fi
```

### Kubernetes / Helm

```yaml
apiVersion: v1
kind: Namespace
metadata:
  name: <namespace>
---
apiVersion: v1
kind: ConfigMap
```

## Verification

```json
{
  "port": "<db-port>"
}
```

## Related checks

- `check.t.good`: the clean one.
)";

struct Variant
{
    const char *name;
    const char *from; // replaced in the clean article...
    const char *to; // ...by this
};

const Variant variants[] = {
    { "good", "", "" },
    { "missing-style", "### Kubernetes / Helm", "### Notes" },
    { "bad-bash", "fi\n```", "done\n```" },
    { "bad-yaml", "kind: ConfigMap", "kind: ConfigMap: x" },
    { "bad-json", "\"<db-port>\"\n", "\"<db-port>\",\n" },
    { "unknown-placeholder", "<compose-file>", "<compose-fiel>" },
    { "orphan", "", "" },
    { "missing-section", "## Why it matters\n\nReasons.\n\n", "" },
    { "no-tags", "tags: [t]", "tags: []" },
    { "bad-related", "`check.t.good`", "`check.t.gone`" },
};

void writeFile(const QString &path, const QByteArray &content)
{
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

} // namespace

class TestKbLint : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QList<KbLintFinding> m_findings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStringList checkIds { u"check.t.absent"_s }; // registered, but nobody wrote its article
        for (const Variant &v : variants) {
            const QString name = QString::fromLatin1(v.name);
            QByteArray text = cleanArticle;
            text.replace("ID", QByteArray("check.t.").append(v.name));
            if (*v.from)
                text.replace(v.from, v.to);
            writeFile(m_dir.filePath(name + u".md"_s), text);
            if (name != u"orphan")
                checkIds << u"check.t."_s + name;
        }
        writeFile(m_dir.filePath(u"no-front-matter.md"_s), "# Just a title\n");
        m_findings = KbLint::lint({ m_dir.path() }, checkIds);
    }

    // "The lint runs in the test suite on the shipped KB."
    void shippedKbIsClean()
    {
        const QList<KbLintFinding> findings
            = KbLint::lint({ u":/kb"_s }, CheckRegistry::builtin().ids());
        QVERIFY2(findings.isEmpty(), qPrintable(lines(findings).join(u'\n')));
    }

    void brokenArticles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<bool>("error");
        QTest::addColumn<QString>("message");
        // In lint order: files sorted by name, each by line, then checks without article.
        const struct
        {
            const char *file;
            int line;
            bool error;
            const char *message;
        } expected[] = {
            { "bad-bash.md", 35, true, "bash -n: syntax error near unexpected token `done'" },
            { "bad-json.md", 55, true, "json: " },
            { "bad-related.md", 60, true, "related check \"check.t.gone\" has no article" },
            { "bad-yaml.md", 47, true, "yaml: " },
            { "missing-section.md", 14, true, "missing section \"## Why it matters\"" },
            { "missing-style.md", 22, true,
                "\"How to fix\" has no commands for Kubernetes / Helm" },
            { "no-front-matter.md", 1, true, "no front matter" },
            { "no-tags.md", 5, true, "front matter has no tags" },
            { "orphan.md", 2, true, "no registered check has the id \"check.t.orphan\"" },
            { "unknown-placeholder.md", 27, false, "unknown placeholder <compose-fiel>" },
            { "", 0, true, "check \"check.t.absent\" has no article" },
        };
        for (const auto &e : expected) {
            const QString file
                = *e.file ? m_dir.filePath(QString::fromLatin1(e.file)) : m_dir.path();
            QTest::addRow("%s:%d", e.file, e.line)
                << file << e.line << e.error << QString::fromUtf8(e.message);
        }
    }

    void brokenArticles()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(bool, error);
        QFETCH(QString, message);
        const auto severity
            = error ? KbLintFinding::Severity::Error : KbLintFinding::Severity::Warning;
        const auto it
            = std::find_if(m_findings.cbegin(), m_findings.cend(), [&](const KbLintFinding &f) {
                  return f.file == file && f.line == line && f.severity == severity
                      && f.message.contains(message);
              });
        QVERIFY2(it != m_findings.cend(), qPrintable(lines(m_findings).join(u'\n')));
    }

    // Nothing beyond the expected: the clean article and multi-document YAML pass, and
    // each broken article yields exactly its one finding.
    void noOtherFindings()
    {
        QStringList where;
        for (const KbLintFinding &f : std::as_const(m_findings))
            where << QDir(m_dir.path()).relativeFilePath(f.file) + u':' + QString::number(f.line);
        QCOMPARE(where,
            QStringList({ u"bad-bash.md:35"_s, u"bad-json.md:55"_s, u"bad-related.md:60"_s,
                u"bad-yaml.md:47"_s, u"missing-section.md:14"_s, u"missing-style.md:22"_s,
                u"no-front-matter.md:1"_s, u"no-tags.md:5"_s, u"orphan.md:2"_s,
                u"unknown-placeholder.md:27"_s, u".:0"_s }));
        QVERIFY(KbLint::hasErrors(m_findings));
    }

    void findingFormat()
    {
        QCOMPARE(
            (KbLintFinding { u"a.md"_s, 3, KbLintFinding::Severity::Warning, u"m"_s }).toString(),
            u"a.md:3: warning: m"_s);
        QCOMPARE((KbLintFinding { u"kb"_s, 0, KbLintFinding::Severity::Error, u"m"_s }).toString(),
            u"kb: error: m"_s);
        QCOMPARE(
            (KbLintFinding { u"a.md"_s, 3, KbLintFinding::Severity::Error, u"m"_s, 7 }).toString(),
            u"a.md:3:7: error: m"_s);
    }

    void sameCheckTwiceInOneFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray text = cleanArticle;
        text.replace("ID", "check.t.good");
        writeFile(dir.filePath(u"a.md"_s), text);
        writeFile(dir.filePath(u"b.md"_s), text);
        const QList<KbLintFinding> findings = KbLint::lint({ dir.path() }, { u"check.t.good"_s });
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().file, dir.filePath(u"a.md"_s));
        QCOMPARE(findings.first().line, 2);
        QVERIFY2(findings.first().message.contains(dir.filePath(u"b.md"_s)),
            qPrintable(findings.first().message));
    }

    void sectionsOutOfOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray text = cleanArticle;
        text.replace("ID", "check.t.good");
        text.replace("## Why it matters", "## Common causes X");
        text.replace("## Common causes\n", "## Why it matters\n");
        text.replace("## Common causes X", "## Common causes");
        writeFile(dir.filePath(u"a.md"_s), text);
        const QList<KbLintFinding> findings = KbLint::lint({ dir.path() }, { u"check.t.good"_s });
        QCOMPARE(lines(findings),
            QStringList { dir.filePath(u"a.md"_s)
                + u":18: error: section \"Why it matters\" must come before \"Common causes\""_s });
    }

    // Without an "evidence:" declaration conditions are optional and their keys unchecked,
    // which the lint says once; a broken condition is still an error.
    void conditionsWithoutDeclaredEvidence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray text = cleanArticle;
        text.replace("ID", "check.t.good");
        text.replace("```bash\ndocker compose", "```bash\n# When: Anything=1\ndocker compose");
        text.replace("```yaml\napiVersion", "```yaml\n# When: Broken=\napiVersion");
        writeFile(dir.filePath(u"a.md"_s), text);
        const QList<KbLintFinding> findings = KbLint::lint({ dir.path() }, { u"check.t.good"_s });
        QCOMPARE(lines(findings),
            QStringList({ dir.filePath(u"a.md"_s)
                    + u":27:9: warning: the front matter declares no evidence, so the "
                      "condition's keys are not checked; add \"evidence: {Key: type, ...}\""_s,
                dir.filePath(u"a.md"_s)
                    + u":42:16: error: condition: expected a value after \"Broken=\" (true, "
                      "false, a number or text)"_s }));
    }

    void missingFolder()
    {
        const QList<KbLintFinding> findings = KbLint::lint({ u"/nonexistent/kb"_s }, {});
        QCOMPARE(lines(findings),
            QStringList {
                u"/nonexistent/kb: error: knowledge-base folder not found; check the path"_s });
    }
};

QTEST_GUILESS_MAIN(TestKbLint)
#include "tst_kblint.moc"
