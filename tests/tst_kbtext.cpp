// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/checkresult.h"
#include "kb/kbparser.h"
#include "kb/kbtext.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

KbArticle parse(const QByteArray &body)
{
    const QByteArray text
        = "---\ncheckId: check.t.x\nplugin: p\nseverity: warn\ntags: [a, b]\n---\n"
          "\n# Title\n\n"
        + body;
    const KbParseResult r = KbParser::parse(text, u"/kb/x.md"_s);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error));
    return r.article;
}

// The text rendered for the article's sections, without the title block.
QString sections(const QString &rendered)
{
    return rendered.section(u"\n\n"_s, 1);
}

} // namespace

class TestKbText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void header()
    {
        const QString text = KbText::render(parse("## What it checks\n\nX.\n"));
        QCOMPARE(text.section(u"\n\n"_s, 0, 0),
            u"Title (check.t.x)\n=================\nseverity: warn  plugin: p  tags: a, b\n"
            "source: /kb/x.md"_s);
    }

    void prose_data()
    {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<QString>("text");
        QTest::newRow("emphasis dropped, code spans kept")
            << QByteArray("## A\n\nSome **bold**, *em* and `__code__`.\n")
            << u"A\n\nSome bold, em and `__code__`.\n"_s;
        QTest::newRow("wrapped at the width")
            << QByteArray("## A\n\none two three four five six seven eight nine ten eleven "
                          "twelve thirteen fourteen fifteen\n")
            << u"A\n\none two three four five six seven eight nine ten eleven twelve "
               "thirteen\nfourteen fifteen\n"_s;
        QTest::newRow("code span kept on one line")
            << QByteArray("## A\n\nThen restart the whole platform service with "
                          "`sudo systemctl restart stellaops-platform` now.\n")
            << u"A\n\nThen restart the whole platform service with\n"
               "`sudo systemctl restart stellaops-platform` now.\n"_s;
        QTest::newRow("tight nested list") << QByteArray("## A\n\n- one\n  - inner\n- two\n")
                                           << u"A\n\n- one\n  - inner\n- two\n"_s;
        QTest::newRow("ordered list continues its indent")
            << QByteArray("## A\n\n3. first item that is long enough to need a second line "
                          "when it is wrapped at the width\n")
            << u"A\n\n3. first item that is long enough to need a second line when it is\n"
               "   wrapped at the width\n"_s;
        QTest::newRow("link and entity")
            << QByteArray("## A\n\nSee [the docs](https://example.org) &amp; more.\n")
            << u"A\n\nSee the docs (https://example.org) & more.\n"_s;
        QTest::newRow("code in a list item is not indented")
            << QByteArray("## A\n\n- run:\n\n  ```bash\n  echo <namespace>\n  ```\n")
            << u"A\n\n- run:\n\necho <namespace>\n"_s;
    }

    void prose()
    {
        QFETCH(QByteArray, markdown);
        QFETCH(QString, text);
        QCOMPARE(sections(KbText::render(parse(markdown), {}, {}, 72)), text);
    }

    void fixesForOneStyleWithValues()
    {
        const KbArticle a = parse("## How to fix\n\nIntro for <namespace>.\n\n"
                                  "### Docker Compose\n\n```bash\ndocker ps\n```\n\n"
                                  "### Kubernetes / Helm\n\nList pods.\n\n"
                                  "```bash\nkubectl -n <namespace> get pods\n```\n\n"
                                  "## Verification\n\nDone.\n");
        const QString text = sections(
            KbText::render(a, { DeploymentStyle::Kubernetes }, { { u"namespace"_s, u"prod"_s } }));
        QCOMPARE(text,
            u"HOW TO FIX\n\nIntro for prod.\n\nKubernetes / Helm\n-----------------\n\nList "
            u"pods.\n\n"
            "kubectl -n prod get pods\n\nVERIFICATION\n\nDone.\n"_s);

        const QString systemd = KbText::render(a, { DeploymentStyle::Systemd });
        QVERIFY2(systemd.contains(u"(This article has no commands for Bare metal / systemd.)"_s),
            qPrintable(systemd));
        QVERIFY(!systemd.contains(u"kubectl"_s));
    }

    // A fix block's "When:" comment becomes a "When:" line above the commands, which stay
    // exactly what is to be run.
    void conditionAboveTheCommands()
    {
        const KbArticle a
            = parse("## How to fix\n\n### Docker Compose\n\nStart it.\n\n"
                    "```bash\n# When: Reachable=false,Tls = off\ndocker start\n```\n");
        QCOMPARE(sections(KbText::render(a, { DeploymentStyle::Compose })),
            u"HOW TO FIX\n\nDocker Compose\n--------------\n\nStart it.\n\n"
            "When: Reachable = false, Tls = off\ndocker start\n"_s);
    }

    void forResult()
    {
        const KbArticle a
            = parse("## How to fix\n\nIntro.\n\n### Docker Compose\n\nStart the server.\n\n"
                    "```bash\n# When: Reachable=false\ndocker start db\n```\n\n"
                    "Set the <db-user> password.\n\n"
                    "```bash\n# When: Authenticated=false\npsql -c '\\password <db-user>'\n```\n\n"
                    "### Kubernetes / Helm\n\nRestart.\n\n```bash\n# When: "
                    "Reachable=false\nkubectl x\n```\n\n"
                    "## Verification\n\nDone.\n");
        CheckResult r;
        r.environment = u"prod"_s;
        r.status = CheckStatus::Fail;
        r.message = u"Authentication failed"_s;
        r.evidence = { { u"Reachable"_s, true }, { u"Authenticated"_s, false } };
        const QString text = KbText::renderForResult(a, r, {}, { { u"db-user"_s, u"app"_s } });
        QCOMPARE(sections(text).split(u'\n'),
            u"RESULT\n\nprod · fail — Authentication failed\n\n    Reachable: true\n"
            "    Authenticated: false\n\nHOW TO FIX\n\nIntro.\n\nDocker Compose\n"
            "--------------\n\nSet the app password.\n\nWhen: Authenticated = false\n"
            "psql -c '\\password app'\n\n(1 other fix for Docker Compose does not match this "
            "result; 'doctor kb show\ncheck.t.x' without --result lists every one.)\n\n"
            "Bare metal / systemd\n--------------------\n\nNo fix for Bare metal / systemd "
            "matches this result's evidence.\n\nKubernetes / Helm\n-----------------\n\n"
            "No fix for Kubernetes / Helm matches this result's evidence.\n\n(1 other fix for "
            "Kubernetes / Helm does not match this result; 'doctor kb show\ncheck.t.x' without "
            "--result lists every one.)\n\nVERIFICATION\n\nDone.\n"_s.split(u'\n'));

        r.status = CheckStatus::Pass;
        const QString pass = KbText::renderForResult(a, r);
        QVERIFY2(pass.contains(u"HOW TO FIX\n\nNothing to do: the check passed.\n\nVERIFICATION"_s),
            qPrintable(pass));
        QVERIFY(!pass.contains(u"docker"_s) && !pass.contains(u"psql"_s));

        r.status = CheckStatus::Skipped;
        r.message = u"Not applicable to SQLite"_s;
        const QString skipped = KbText::renderForResult(a, r);
        QVERIFY2(skipped.contains(u"The check did not run, so there is nothing to fix here: Not "
                                  "applicable to SQLite\n"_s),
            qPrintable(skipped));
        QVERIFY(!skipped.contains(u"docker"_s) && !skipped.contains(u"psql"_s));
    }
};

QTEST_GUILESS_MAIN(TestKbText)
#include "tst_kbtext.moc"
