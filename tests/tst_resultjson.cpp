// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The JSON report is what others script against: its shape is pinned here.
#include "report/resultjson.h"
#include "report/resulttext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class TestResultJson : public QObject
{
    Q_OBJECT
private:
    CheckResult sample() const
    {
        CheckResult r;
        r.environment = u"prod"_s;
        r.checkId = u"check.postgres.migrations"_s;
        r.plugin = u"stellaops.doctor.postgres"_s;
        r.status = CheckStatus::Warn;
        r.severity = u"warn"_s;
        r.category = u"database"_s;
        r.message = u"3 pending"_s;
        r.durationMs = 42;
        r.evidence = { { u"TableExists"_s, true }, { u"AppliedCount"_s, 39 },
            { u"PendingCount"_s, 3 }, { u"LatestApplied"_s, u"20250101_X"_s },
            { u"PendingMigrations"_s, QStringList { u"a"_s, u"b"_s, u"c"_s } },
            { u"Status"_s, u"pending"_s } };
        r.remediation.article = r.checkId;
        r.remediation.runbooks = { u":/kb/postgres/migrations.md"_s };
        r.remediation.fixes = { { DeploymentStyle::Kubernetes, u"Apply"_s,
            u"kubectl exec -it pod -- stella db migrate"_s } };
        r.target = { u"db1.internal,db2.internal"_s, u"5433"_s, u"stella"_s, u"doctor"_s };
        return r;
    }

private Q_SLOTS:
    void shape()
    {
        const QDateTime runAt(QDate(2026, 3, 1), QTime(14, 2, 7, 250), QTimeZone::UTC);
        const QByteArray json = ResultJson::report({ sample() }, { runAt, u"1.2.3"_s });
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.keys(),
            (QStringList { u"doctorVersion"_s, u"results"_s, u"runAt"_s, u"schemaVersion"_s }));
        // 2 since "not_run" joined the status values (README, "doctor run").
        QCOMPARE(root.value(u"schemaVersion"_s).toInt(), 3);
        QCOMPARE(root.value(u"runAt"_s).toString(), u"2026-03-01T14:02:07.250Z"_s);
        QCOMPARE(root.value(u"doctorVersion"_s).toString(), u"1.2.3"_s);
        const QJsonObject r = root.value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(r.keys(),
            (QStringList { u"category"_s, u"checkId"_s, u"durationMs"_s, u"environment"_s,
                u"evidence"_s, u"message"_s, u"plugin"_s, u"remediation"_s, u"server"_s,
                u"severity"_s, u"status"_s }));
        const QJsonObject server = r.value(u"server"_s).toObject();
        QCOMPARE(server.keys(), (QStringList { u"database"_s, u"host"_s, u"port"_s, u"user"_s }));
        QCOMPARE(server.value(u"host"_s).toString(), u"db1.internal,db2.internal"_s);
        QCOMPARE(server.value(u"port"_s).toString(), u"5433"_s);
        QCOMPARE(server.value(u"database"_s).toString(), u"stella"_s);
        QCOMPARE(server.value(u"user"_s).toString(), u"doctor"_s);
        QCOMPARE(r.value(u"status"_s).toString(), u"warn"_s);
        QCOMPARE(r.value(u"durationMs"_s).toInt(), 42);
        const QJsonObject ev = r.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"TableExists"_s).toBool(), true);
        QCOMPARE(ev.value(u"PendingCount"_s).toInt(), 3);
        QVERIFY(ev.value(u"PendingMigrations"_s).isArray());
        QCOMPARE(ev.value(u"PendingMigrations"_s).toArray().size(), 3);
        const QJsonObject rem = r.value(u"remediation"_s).toObject();
        QCOMPARE(rem.value(u"article"_s).toString(), u"check.postgres.migrations"_s);
        const QJsonObject fix = rem.value(u"fixes"_s).toArray().at(0).toObject();
        QCOMPARE(fix.value(u"deployment"_s).toString(), u"kubernetes"_s);
        QCOMPARE(
            fix.value(u"command"_s).toString(), u"kubectl exec -it pod -- stella db migrate"_s);
    }

    // What libpq defaults is null rather than a guess; a report without a run time says so.
    void unknownsAreNull()
    {
        CheckResult r = sample();
        r.target = { QString(), QString(), u"stella"_s, QString() };
        const QJsonObject root = QJsonDocument::fromJson(ResultJson::report({ r }, {})).object();
        QVERIFY(root.value(u"runAt"_s).isNull());
        const QJsonObject server
            = root.value(u"results"_s).toArray().at(0).toObject().value(u"server"_s).toObject();
        QVERIFY(server.value(u"host"_s).isNull());
        QVERIFY(server.value(u"port"_s).isNull());
        QCOMPARE(server.value(u"database"_s).toString(), u"stella"_s);
    }

    void statusKeys()
    {
        QCOMPARE(Status::key(CheckStatus::Pass), u"pass"_s);
        QCOMPARE(Status::key(CheckStatus::Fail), u"fail"_s);
        QCOMPARE(Status::key(CheckStatus::Error), u"error"_s);
        QCOMPARE(Status::key(CheckStatus::Skipped), u"skipped"_s);
        QCOMPARE(Status::key(CheckStatus::NotRun), u"not_run"_s);
        QCOMPARE(Status::key(CheckStatus::Warn), u"warn"_s);
    }

    // Status::rank's documented order: a failed connection (connectivity's fail) is the
    // worst; not run is under the error and fail that cause it, above warn.
    void rankOrder()
    {
        const QList<CheckStatus> order { CheckStatus::Skipped, CheckStatus::Pass, CheckStatus::Warn,
            CheckStatus::NotRun, CheckStatus::Error, CheckStatus::Fail };
        for (qsizetype i = 1; i < order.size(); ++i)
            QVERIFY2(Status::rank(order[i - 1]) < Status::rank(order[i]),
                qPrintable(Status::key(order[i])));
    }

    // A not-run result as the runner makes it: in the JSON with its own status, no fixes,
    // and the root cause named.
    void notRunInJsonAndText()
    {
        CheckResult r = sample();
        r.status = CheckStatus::NotRun;
        r.message
            = u"Not run: no connection (Connection refused). The cause and what to do are in check.postgres.connectivity."_s;
        r.evidence = { { u"RootCause"_s, u"check.postgres.connectivity"_s } };
        r.remediation = Remediation { u"check.postgres.connectivity"_s, {}, {} };
        const QJsonObject j = ResultJson::toJson(r);
        QCOMPARE(j.value(u"status"_s).toString(), u"not_run"_s);
        QCOMPARE(j.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray().size(), 0);
        QCOMPARE(j.value(u"remediation"_s).toObject().value(u"article"_s).toString(),
            u"check.postgres.connectivity"_s);
        QCOMPARE(j.value(u"evidence"_s).toObject().value(u"RootCause"_s).toString(),
            u"check.postgres.connectivity"_s);
        QVERIFY(ResultText::format({ r }, false)
                .startsWith(u"NRUN  prod  check.postgres.migrations  Not run: no connection"));
    }

    void textHasOneLinePerResultThenEvidence()
    {
        const QString text = ResultText::format({ sample() }, false);
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines[0].startsWith(u"WARN  prod  check.postgres.migrations  3 pending"));
        QCOMPARE(lines[5].trimmed(), u"PendingMigrations: a, b, c"_s);
        QVERIFY(!text.contains(u"\x1b["));
        QVERIFY(ResultText::format({ sample() }, true).contains(u"\x1b["));
    }
};

QTEST_GUILESS_MAIN(TestResultJson)
#include "tst_resultjson.moc"
