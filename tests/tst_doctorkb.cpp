// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "doctorprocess.h"
#include "kb/kbparser.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;

class TestDoctorKb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void list()
    {
        const CliRun r = doctor({ u"kb"_s, u"list"_s });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.outLines();
        QCOMPARE(lines.size(), 10); // one article per built-in check, sorted by id
        QVERIFY2(lines.at(4).startsWith(u"check.postgres.migrations "_s), qPrintable(r.out));
        QVERIFY2(lines.at(4).contains(u" warn "_s), qPrintable(r.out));
        QVERIFY2(lines.at(4).contains(u"PostgreSQL Schema Migrations"_s), qPrintable(r.out));
        QVERIFY2(lines.at(4).endsWith(u"  shipped"_s), qPrintable(r.out));
    }

    void listShowsOverrideSource()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"mine.md"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("---\ncheckId: check.postgres.pool\nplugin: p\nseverity: warn\ntags: [t]\n---\n"
                "\n# Our Pool Runbook\n");
        f.close();
        const CliRun r = doctor({ u"kb"_s, u"list"_s, u"--kb"_s, dir.path() });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.outLines();
        const auto pool = std::find_if(lines.cbegin(), lines.cend(),
            [](const QString &l) { return l.startsWith(u"check.postgres.pool "_s); });
        QVERIFY2(pool != lines.cend(), qPrintable(r.out));
        const QString last = *pool; // the overridden one, wherever it sorts
        QVERIFY2(last.startsWith(u"check.postgres.pool "_s)
                && last.contains(u" Our Pool Runbook "_s) && last.endsWith(u"  "_s + f.fileName()),
            qPrintable(r.out));
    }

    void showKubernetes()
    {
        const CliRun r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.migrations"_s,
            u"--deployment"_s, u"kubernetes"_s });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n');
        QCOMPARE(lines.first(), u"PostgreSQL Schema Migrations (check.postgres.migrations)"_s);
        QVERIFY2(lines.contains(u"severity: warn  plugin: stellaops.doctor.postgres  tags: "
                                "database, postgres, migrations, schema"_s),
            qPrintable(r.out));
        // Verbatim and on a line of its own, so that a triple-click copies it.
        QVERIFY2(lines.contains(
                     u"kubectl -n <namespace> exec -it <platform-pod> -- stella db migrate"_s),
            qPrintable(r.out));
        QVERIFY2(lines.contains(u"Kubernetes / Helm"_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"docker compose"_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"Bare metal / systemd"_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"**"_s), qPrintable(r.out));
        QVERIFY2(lines.contains(u"1. History table. It looks for `__EFMigrationsHistory` in the "
                                "`public` schema."_s),
            qPrintable(r.out));
    }

    void showAllStylesWithValues()
    {
        const CliRun r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.migrations"_s, u"--set"_s,
            u"namespace=stellaops-prod"_s, u"--set"_s, u"compose-file=prod.yml"_s });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n');
        for (const QString &title :
            { u"Docker Compose"_s, u"Bare metal / systemd"_s, u"Kubernetes / Helm"_s })
            QVERIFY2(lines.contains(title), qPrintable(title));
        QVERIFY2(lines.contains(
                     u"kubectl -n stellaops-prod exec -it <platform-pod> -- stella db migrate"_s),
            qPrintable(r.out));
        QVERIFY2(lines.contains(u"docker compose -f prod.yml exec platform stella db migrate"_s),
            qPrintable(r.out));
    }

    void showUnknownId()
    {
        const CliRun r = doctor({ u"kb"_s, u"show"_s, u"check.nope"_s });
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"check.nope"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"check.postgres.connectivity, check.postgres.invalid-objects, "
                                "check.postgres.locks, check.postgres.long-transactions, "
                                "check.postgres.migrations, check.postgres.pool, "
                                "check.postgres.replication, check.postgres.sequences, "
                                "check.postgres.vacuum, check.postgres.wraparound"_s),
            qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no subcommand") << QStringList { u"kb"_s };
        QTest::newRow("unknown subcommand") << QStringList { u"kb"_s, u"frobnicate"_s };
        QTest::newRow("show without id") << QStringList { u"kb"_s, u"show"_s };
        QTest::newRow("bad deployment") << QStringList { u"kb"_s, u"show"_s,
            u"check.postgres.pool"_s, u"--deployment"_s, u"mainframe"_s };
        QTest::newRow("bad --set") << QStringList { u"kb"_s, u"show"_s, u"check.postgres.pool"_s,
            u"--set"_s, u"no-equals-sign"_s };
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const CliRun r = doctor(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.err.startsWith(u"doctor: "_s));
    }

    void lintShipped()
    {
        const CliRun r = doctor({ u"kb"_s, u"lint"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    }

    void lintFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Overrides the shipped pool article with one whose only flaw is a misspelt
        // placeholder: a warning, which fails only with --strict.
        QFile shipped(u":/kb/postgres/pool.md"_s);
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray text = shipped.readAll();
        const qsizetype at = text.indexOf("<namespace>");
        QVERIFY(at > 0);
        const int line = int(text.left(at).count('\n')) + 1;
        text.replace(at, 11, "<namespce>");
        QFile mine(dir.filePath(u"pool.md"_s));
        QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write(text) == text.size());
        mine.close();

        CliRun r = doctor({ u"kb"_s, u"lint"_s, dir.path() });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines().size(), 1);
        QVERIFY2(
            r.out.startsWith(
                u"%1:%2: warning: unknown placeholder <namespce>"_s.arg(mine.fileName()).arg(line)),
            qPrintable(r.out));
        r = doctor({ u"kb"_s, u"lint"_s, u"--strict"_s, dir.path() });
        QCOMPARE(r.exitCode, 2);

        text.replace("## Verification", "## Verifying");
        QVERIFY(mine.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && mine.write(text) == text.size());
        mine.close();
        r = doctor({ u"kb"_s, u"lint"_s, u"--kb"_s, dir.path() });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.out.contains(u": error: missing section \"## Verification\""_s), qPrintable(r.out));
    }

    // `doctor kb lint` fails on a fix block whose condition names evidence the check does
    // not report, uses a bad operator, or is missing, naming FILE:LINE:COLUMN.
    void lintConditions_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key")
            << QByteArray("# When: Reachable=false\n") << QByteArray("# When: Reachible=false\n")
            << u":9: error: unknown evidence key \"Reachible\""_s;
        QTest::newRow("bad operator")
            << QByteArray("# When: Reachable=false\n") << QByteArray("# When: Reachable=>false\n")
            << u":18: error: condition: bad operator \"=>\""_s;
        QTest::newRow("operator for the type")
            << QByteArray("# When: Reachable=false\n") << QByteArray("# When: Reachable>0\n")
            << u":9: error: bad operator \">\" for Reachable"_s;
        QTest::newRow("no condition") << QByteArray("# When: Reachable=false\n") << QByteArray()
                                      << u": error: fix block without a condition"_s;
    }

    void lintConditions()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile shipped(u":/kb/postgres/connectivity.md"_s);
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray text = shipped.readAll();
        const qsizetype at = text.indexOf(from);
        QVERIFY(at > 0);
        const int line = int(text.left(at).count('\n')) + 1;
        text.replace(at, from.size(), to);
        QFile mine(dir.filePath(u"connectivity.md"_s));
        QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write(text) == text.size());
        mine.close();
        const CliRun r = doctor({ u"kb"_s, u"lint"_s, dir.path() });
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.outLines().size(), 1);
        // A missing condition is reported at the block's fence, one line up.
        const int reported = to.isEmpty() ? line - 1 : line;
        QVERIFY2(r.out.startsWith(mine.fileName() + u':' + QString::number(reported) + message),
            qPrintable(r.out));
    }

    // `kb show --result` offers the fixes for that result only: a wrong password gets the
    // password first and never `systemctl start`; a pass gets "Nothing to do".
    void showForResult()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString report = dir.filePath(u"report.json"_s);
        QFile f(report);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"schemaVersion": 1, "results": [
  {"environment": "badpw", "checkId": "check.postgres.connectivity", "status": "fail",
   "message": "Authentication failed for user doctor",
   "evidence": {"Reachable": true, "Authenticated": false, "ConnectFailure": "AuthenticationFailed"}},
  {"environment": "badpw", "checkId": "check.postgres.migrations", "status": "not_run",
   "message": "not run: no connection", "evidence": {}},
  {"environment": "good", "checkId": "check.postgres.migrations", "status": "pass",
   "message": "Up to date", "evidence": {"TableExists": true, "PendingCount": 0}}
]})");
        f.close();
        CliRun r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.connectivity"_s, u"--result"_s,
            report, u"--deployment"_s, u"systemd"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"badpw · fail — Authentication failed for user doctor"_s),
            qPrintable(r.out));
        const QString fixes = r.out.section(u"HOW TO FIX"_s, 1).section(u"VERIFICATION"_s, 0, 0);
        const QString firstCommand = fixes.section(u"When: "_s, 1, 1);
        QVERIFY2(firstCommand.contains(u"PGPASSFILE"_s), qPrintable(fixes));
        QVERIFY2(fixes.contains(u"\\password <db-user>"_s), qPrintable(fixes));
        QVERIFY2(!fixes.contains(u"systemctl start"_s), qPrintable(fixes));
        QVERIFY2(fixes.contains(u"other fixes for Bare metal / systemd do not match"_s),
            qPrintable(fixes));

        r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.migrations"_s, u"--result"_s, report,
            u"--env"_s, u"good"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.contains(u"HOW TO FIX\n\nNothing to do: the check passed.\n\nVERIFICATION"_s),
            qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"stella db migrate"_s), qPrintable(r.out));

        r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.migrations"_s, u"--result"_s, report,
            u"--env"_s, u"badpw"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.out.contains(u"nothing to fix here: not run: no connection"_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"stella db migrate"_s), qPrintable(r.out));

        // Two environments and no --env: which one is for the user to say.
        r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.migrations"_s, u"--result"_s, report });
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"several environments (badpw, good); choose one with --env"_s),
            qPrintable(r.err));
        r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.pool"_s, u"--result"_s, report });
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"has no result of check.postgres.pool"_s), qPrintable(r.err));
        r = doctor({ u"kb"_s, u"show"_s, u"check.postgres.pool"_s, u"--result"_s,
            dir.filePath(u"missing.json"_s) });
        QCOMPARE(r.exitCode, 64);
    }

    // The evidence each article declares is the evidence its check reports: every key of
    // every demo result (real checks on SQLite) is declared in the article of its check.
    void articlesDeclareTheEvidenceTheChecksReport()
    {
        const CliRun r = doctor({ u"run"_s, u"--demo"_s, u"--format"_s, u"json"_s });
        const QJsonArray results
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"results"_s).toArray();
        QVERIFY2(results.size() >= 6, qPrintable(r.out + r.err));
        int keys = 0;
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            QFile f(
                u":/kb/postgres/"_s + o.value(u"checkId"_s).toString().section(u'.', 2) + u".md"_s);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            const KbParseResult parsed = KbParser::parse(f.readAll(), f.fileName());
            QVERIFY2(parsed.ok(), qPrintable(parsed.error));
            const QJsonObject evidence = o.value(u"evidence"_s).toObject();
            for (auto it = evidence.constBegin(); it != evidence.constEnd(); ++it, ++keys)
                QVERIFY2(parsed.article.evidenceKey(it.key()),
                    qPrintable(o.value(u"checkId"_s).toString() + u": "_s + it.key()));
            // A pass, or a check that did not run, comes with no fix at all.
            const QString status = o.value(u"status"_s).toString();
            const QJsonArray fixes
                = o.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray();
            if (status != u"warn" && status != u"fail" && status != u"error")
                QVERIFY2(fixes.isEmpty(), qPrintable(o.value(u"checkId"_s).toString() + status));
            else
                QVERIFY(!fixes.isEmpty());
        }
        QVERIFY(keys > 10);
    }
};

QTEST_GUILESS_MAIN(TestDoctorKb)
#include "tst_doctorkb.moc"
