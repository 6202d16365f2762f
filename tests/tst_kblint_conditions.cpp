// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// KbLint on fix blocks' "When:" conditions, checked against the evidence an article declares.

#include "kb/kblint.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

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

class TestKbLintConditions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Fix blocks' "When:" conditions against the evidence the front matter declares: each
    // problem at its line and column, in the compilers' format.
    void conditions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray text = R"(---
checkId: check.t.cond
plugin: test
severity: warn
tags: [t]
evidence:
  Reachable: bool
  PendingCount: number
  Status: text
  Names: list
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
# When: Reachable=false
# Evidence: Reachable - fine
docker ps
```

```bash
echo no condition
```

### Bare metal / systemd

```bash
# When: Reachabel=false
echo typo
```

```sql
-- When: PendingCount==1
SELECT 1;
```

```bash
# When: Reachable>0 | Status>=3 | PendingCount=yes | Names=x
echo types
```

### Kubernetes / Helm

```json
// When: always
{}
```

```bash
# When: Status=up-to-date
# Evidence: PendingCount, Statsu - tag typo
echo x
```

## Verification

```bash
# When: Reachable=true
echo verify
```

## Related checks

- none.
)";
        const QString file = dir.filePath(u"cond.md"_s);
        writeFile(file, text);
        const QList<KbLintFinding> findings = KbLint::lint({ dir.path() }, { u"check.t.cond"_s });
        const QString declared = u"declared: Reachable, PendingCount, Status, Names"_s;
        QCOMPARE(lines(findings),
            QStringList({
                file
                    + u":37: error: fix block without a condition; start it with a line such "
                      "as \"# When: Reachable=false\" (\"-- When:\" in SQL, \"// When:\" in "
                      "JSON), or \"# When: always\"; declared evidence: Reachable, "
                      "PendingCount, Status, Names"_s,
                file + u":44:9: error: unknown evidence key \"Reachabel\"; "_s + declared,
                file
                    + u":49:22: error: condition: bad operator \"==\": write \"=\" to compare "
                      "(one equals sign)"_s,
                file
                    + u":54:9: error: bad operator \">\" for Reachable, which is true or false; "
                      "use = or !="_s,
                file
                    + u":54:23: error: bad operator \">=\" for Status, which is text; use = or "
                      "!="_s,
                file
                    + u":54:35: error: PendingCount is a number; compare it with a number such "
                      "as PendingCount>0, not text"_s,
                file
                    + u":54:54: error: Names is a list; compare its length with a number "
                      "such as Names>0, not text"_s,
                file
                    + u":67:27: error: the Evidence tag names \"Statsu\", which the front "
                      "matter does not declare; "_s
                    + declared,
                file
                    + u":74:9: warning: a \"When:\" condition only chooses fix blocks under "
                      "\"How to fix\"; this block is under \"Verification\""_s,
            }));
        QVERIFY(KbLint::hasErrors(findings));
    }
};

QTEST_GUILESS_MAIN(TestKbLintConditions)
#include "tst_kblint_conditions.moc"
