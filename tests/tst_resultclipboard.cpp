// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// What Copy, Copy as Markdown and Copy as JSON put on the clipboard for one result.
#include "report/resultclipboard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestResultClipboard : public QObject
{
    Q_OBJECT
private:
    CheckResult sample() const
    {
        CheckResult r;
        r.environment = u"billing-prod"_s;
        r.checkId = u"check.postgres.pool"_s;
        r.plugin = u"stellaops.doctor.postgres"_s;
        r.status = CheckStatus::Warn;
        r.severity = u"warn"_s;
        r.message = u"7 sessions idle in a transaction | longest 90 s"_s;
        r.durationMs = 12;
        r.checkedAt = QDateTime(QDate(2026, 3, 1), QTime(14, 2, 7));
        r.evidence = { { u"IdleInTransaction"_s, 7 }, { u"HiddenSessions"_s, 0 },
            { u"ByApplication"_s, QVariantMap { { u"billing-api"_s, 7 } } },
            { u"Note"_s, u"a|b *c*"_s } };
        r.remediation.article = r.checkId;
        r.target = { u"db1.internal"_s, u"5433"_s, u"billing"_s, u"doctor"_s };
        return r;
    }

private Q_SLOTS:
    void targetText_data()
    {
        // host, port, database, user
        QTest::addColumn<QStringList>("target");
        QTest::addColumn<QString>("text");
        QTest::newRow("full") << QStringList { u"db1"_s, u"5433"_s, u"app"_s, u"doctor"_s }
                              << u"postgres db1:5433/app as doctor"_s;
        QTest::newRow("host list") << QStringList { u"a,b"_s, u"5432,5433"_s, u"app"_s, {} }
                                   << u"postgres a,b:5432,5433/app"_s;
        QTest::newRow("default host")
            << QStringList { {}, {}, u"app"_s, u"me"_s } << u"postgres (default host)/app as me"_s;
        QTest::newRow("sqlite") << QStringList { {}, {}, u"/tmp/demo.db"_s, {} }
                                << u"sqlite /tmp/demo.db"_s;
        QTest::newRow("none") << QStringList { {}, {}, {}, {} } << QString();
    }
    void targetText()
    {
        QFETCH(QStringList, target);
        QFETCH(QString, text);
        const CheckTarget t { target[0], target[1], target[2], target[3] };
        QCOMPARE(ResultClipboard::targetText(t), text);
    }

    // The text a support engineer pastes: verdict, where, when, message, every evidence key.
    void text()
    {
        const QString t = ResultClipboard::text(sample());
        QCOMPARE(t,
            u"WARN  billing-prod · check.postgres.pool\n"
            "Target: postgres db1.internal:5433/billing as doctor\n"
            "Checked: 2026-03-01 14:02:07 (12 ms)\n"
            "Message: 7 sessions idle in a transaction | longest 90 s\n"
            "Evidence:\n"
            "  IdleInTransaction: 7\n"
            "  HiddenSessions: 0\n"
            "  ByApplication: billing-api=7\n"
            "  Note: a|b *c*\n"
            "Article: check.postgres.pool\n"_s);
    }

    // A hand-made result (no target, no time) leaves those lines out rather than blank.
    void textWithoutTargetOrTime()
    {
        CheckResult r = sample();
        r.target = {};
        r.checkedAt = {};
        r.status = CheckStatus::NotRun;
        const QString t = ResultClipboard::text(r);
        QVERIFY(t.startsWith(u"NOT RUN  billing-prod"));
        QVERIFY(!t.contains(u"Target:"));
        QVERIFY(t.contains(u"Checked: 12 ms\n"));
    }

    // Markdown: a table row per evidence key; a pipe or emphasis in a value stays text.
    void markdown()
    {
        const QString md = ResultClipboard::markdown(sample());
        QVERIFY2(md.startsWith(u"### billing-prod · `check.postgres.pool` — **warn**\n"),
            qPrintable(md));
        QVERIFY(md.contains(u"- Target: `postgres db1.internal:5433/billing as doctor`\n"));
        QVERIFY(md.contains(u"| Evidence | Value |\n|---|---|\n"));
        QVERIFY(md.contains(u"| IdleInTransaction | 7 |\n"));
        QVERIFY2(md.contains(u"| Note | a\\|b \\*c\\* |\n"), qPrintable(md));
        QVERIFY(md.contains(u"- Message: 7 sessions idle in a transaction \\| longest 90 s\n"));
        // Every row of the table has the header's two cells.
        QStringList rows;
        for (const QString &line : md.split(u'\n')) {
            if (line.startsWith(u"| "))
                rows << line;
        }
        QCOMPARE(rows.size(), 5);
        for (const QString &row : rows)
            QCOMPARE(QString(row).remove(u"\\|"_s).count(u'|'), 3);
    }

    // JSON: the CLI's report shape, the result's time as runAt, the version given.
    void json()
    {
        QJsonParseError error;
        const QJsonDocument doc
            = QJsonDocument::fromJson(ResultClipboard::json(sample(), u"9.9.9"_s), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(u"doctorVersion"_s).toString(), u"9.9.9"_s);
        QCOMPARE(QDateTime::fromString(root.value(u"runAt"_s).toString(), Qt::ISODateWithMs),
            sample().checkedAt);
        const QJsonArray results = root.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject r = results.first().toObject();
        QCOMPARE(r.value(u"status"_s).toString(), u"warn"_s);
        QCOMPARE(r.value(u"evidence"_s).toObject().value(u"IdleInTransaction"_s).toInt(), 7);
        QCOMPARE(r.value(u"server"_s).toObject().value(u"host"_s).toString(), u"db1.internal"_s);
    }
};

QTEST_GUILESS_MAIN(TestResultClipboard)
#include "tst_resultclipboard.moc"
