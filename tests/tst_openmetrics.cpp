// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// OpenMetrics::exposition (issue 19 §3): every series of the format's contract with its
// metadata, the status values, label escaping, "# EOF" last; then the real `doctor run
// --demo --format openmetrics` read by Prometheus's own parser, `promtool check metrics`.
#include "doctorprocess.h"
#include "postgres/lockscheck.h"
#include "postgres/migrationscheck.h"
#include "report/openmetrics.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

CheckResult result(const QString &env, const QString &check, CheckStatus status, qint64 ms = 0)
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = status;
    r.durationMs = ms;
    return r;
}

CheckResult migrations(const QString &env, const QString &subject, CheckStatus status,
    const QVariant &pending, const QStringList &failed = {})
{
    CheckResult r = result(env, MigrationsCheck::Id, status, 40);
    r.subject = subject;
    r.evidence << qMakePair(u"PendingCount"_s, pending);
    if (!failed.isEmpty())
        r.evidence << qMakePair(u"FailedMigrations"_s, QVariant(failed));
    return r;
}

const QDateTime FinishedAt = QDateTime::fromMSecsSinceEpoch(1796083200250, QTimeZone::UTC);

QStringList lines(const QList<CheckResult> &results)
{
    return QString::fromUtf8(OpenMetrics::exposition(results, { u"2"_s, FinishedAt })).split(u'\n');
}

// promtool's verdict on TEXT: its exit code and what it printed.
QPair<int, QString> promtool(const QByteArray &text)
{
    const QString binary = QStandardPaths::findExecutable(u"promtool"_s);
    QProcess p;
    p.start(binary, { u"check"_s, u"metrics"_s });
    p.write(text);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000))
        qFatal("promtool check metrics did not finish");
    return { p.exitCode(),
        QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()) };
}

} // namespace

class TestOpenMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escaping()
    {
        QCOMPARE(OpenMetrics::escapeLabelValue(u"plain-env_1"_s), u"plain-env_1"_s);
        QCOMPARE(OpenMetrics::escapeLabelValue(u"a\\b\"c\nd"_s), u"a\\\\b\\\"c\\nd"_s);
        QCOMPARE(OpenMetrics::escapeLabelValue(u"prüfung {x=1}"_s), u"prüfung {x=1}"_s);
        const QStringList out = lines(
            { result(u"we\"ird\\env\nname"_s, u"check.postgres.pool"_s, CheckStatus::Warn) });
        QVERIFY(out.contains(u"doctor_check_status{environment=\"we\\\"ird\\\\env\\nname\""
                             ",check=\"check.postgres.pool\"} 1"_s));
    }

    void everySeries()
    {
        CheckResult locks = result(u"prod"_s, LocksCheck::Id, CheckStatus::Warn, 15);
        locks.evidence << qMakePair(u"Waiting"_s, QVariant(2))
                       << qMakePair(u"LongestWaitSeconds"_s, QVariant(42.5));
        const QStringList out = lines({
            result(u"prod"_s, u"check.postgres.connectivity"_s, CheckStatus::Pass, 12),
            migrations(u"prod"_s, u"efcore public.__EFMigrationsHistory"_s, CheckStatus::Warn,
                QVariant(3)),
            migrations(u"prod"_s, u"flyway identity.flyway_schema_history"_s, CheckStatus::Fail,
                QVariant(1), { u"2.1"_s, u"2.2"_s }),
            migrations(u"prod"_s, u"flyway billing.flyway_schema_history"_s, CheckStatus::Pass,
                QVariant(u"unknown"_s)),
            migrations(
                u"prod"_s, u"sqitch sqitch.changes"_s, CheckStatus::Pass, QVariant(u"unknown"_s)),
            locks,
            result(u"prod"_s, u"check.postgres.pool"_s, CheckStatus::Skipped),
            result(u"prod"_s, u"check.postgres.vacuum"_s, CheckStatus::Error, 1500),
            result(u"down"_s, u"check.postgres.connectivity"_s, CheckStatus::Fail, 5000),
            result(u"down"_s, u"check.postgres.locks"_s, CheckStatus::NotRun),
        });
        const QStringList expected = {
            u"# TYPE doctor_check_status gauge"_s,
            u"# HELP doctor_check_status Worst result of the check on the environment in the "
            "last run: 0 pass, 1 warn, 2 fail, 3 error or not run (a skipped check has no "
            "series)."_s,
            u"doctor_check_status{environment=\"prod\",check=\"check.postgres.connectivity\"} 0"_s,
            // the worst of its four results
            u"doctor_check_status{environment=\"prod\",check=\"check.postgres.migrations\"} 2"_s,
            u"doctor_check_status{environment=\"prod\",check=\"check.postgres.locks\"} 1"_s,
            u"doctor_check_status{environment=\"prod\",check=\"check.postgres.vacuum\"} 3"_s,
            u"doctor_check_status{environment=\"down\",check=\"check.postgres.connectivity\"} 2"_s,
            u"doctor_check_status{environment=\"down\",check=\"check.postgres.locks\"} 3"_s,
            u"# TYPE doctor_check_duration_seconds gauge"_s,
            u"# UNIT doctor_check_duration_seconds seconds"_s,
            u"# HELP doctor_check_duration_seconds How long the check took on the environment "
            "in the last run."_s,
            u"doctor_check_duration_seconds{environment=\"prod\""
            ",check=\"check.postgres.connectivity\"} 0.012"_s,
            u"doctor_check_duration_seconds{environment=\"prod\""
            ",check=\"check.postgres.migrations\"} 0.040"_s,
            u"doctor_check_duration_seconds{environment=\"prod\""
            ",check=\"check.postgres.locks\"} 0.015"_s,
            u"doctor_check_duration_seconds{environment=\"prod\""
            ",check=\"check.postgres.vacuum\"} 1.500"_s,
            u"doctor_check_duration_seconds{environment=\"down\""
            ",check=\"check.postgres.connectivity\"} 5.000"_s,
            u"doctor_check_duration_seconds{environment=\"down\""
            ",check=\"check.postgres.locks\"} 0.000"_s,
            u"# TYPE doctor_migrations_pending gauge"_s,
            u"# HELP doctor_migrations_pending Migrations of the tool expected but not applied "
            "on the environment, over its histories with a known expected set."_s,
            u"doctor_migrations_pending{environment=\"prod\",tool=\"efcore\"} 3"_s,
            // 1 known + an unknown history: a lower bound; sqitch: every history unknown
            u"doctor_migrations_pending{environment=\"prod\",tool=\"flyway\"} 1"_s,
            u"# TYPE doctor_migrations_failed gauge"_s,
            u"# HELP doctor_migrations_failed Migrations of the tool that failed or are dirty "
            "on the environment."_s,
            u"doctor_migrations_failed{environment=\"prod\",tool=\"efcore\"} 0"_s,
            u"doctor_migrations_failed{environment=\"prod\",tool=\"flyway\"} 2"_s,
            u"doctor_migrations_failed{environment=\"prod\",tool=\"sqitch\"} 0"_s,
            u"# TYPE doctor_lock_wait_seconds gauge"_s,
            u"# UNIT doctor_lock_wait_seconds seconds"_s,
            u"# HELP doctor_lock_wait_seconds Longest wait of a session for a lock on the "
            "environment (check.postgres.locks)."_s,
            u"doctor_lock_wait_seconds{environment=\"prod\"} 42.500"_s,
            u"# TYPE doctor_last_run_timestamp_seconds gauge"_s,
            u"# UNIT doctor_last_run_timestamp_seconds seconds"_s,
            u"# HELP doctor_last_run_timestamp_seconds When the shard's last doctor run "
            "finished (Unix time)."_s,
            u"doctor_last_run_timestamp_seconds{shard=\"2\"} 1796083200.250"_s, u"# EOF"_s,
            QString(), // the text ends with a line feed
        };
        QCOMPARE(out, expected);
    }

    void emptyRunStillStampsTheShard()
    {
        const QStringList out = lines({});
        QVERIFY(out.contains(u"doctor_last_run_timestamp_seconds{shard=\"2\"} 1796083200.250"_s));
        QCOMPARE(out.filter(u"# TYPE"_s).size(), 6); // every family, if with no sample
        QCOMPARE(out.value(out.size() - 2), u"# EOF"_s);
    }

    // The real binary's output, read by Prometheus's parser and linter.
    void promtoolAcceptsDoctorRun()
    {
        if (QStandardPaths::findExecutable(u"promtool"_s).isEmpty())
            QSKIP("promtool not found (Debian package prometheus)");
        const CliRun r
            = doctor({ u"run"_s, u"--demo"_s, u"--no-history"_s, u"--format"_s, u"openmetrics"_s });
        QCOMPARE(r.exitCode, 1); // the demo's pending migrations warn
        QVERIFY2(r.out.endsWith(u"\n# EOF\n"_s), qPrintable(r.out.right(200)));
        QCOMPARE(r.out.count(u"# EOF"_s), 1);
        QVERIFY(r.out.contains(
            u"doctor_migrations_pending{environment=\"prod\",tool=\"efcore\"} 7\n"_s));
        QVERIFY(r.out.contains(u"doctor_check_status{environment=\"staging\""
                               ",check=\"check.postgres.migrations\"} 1\n"_s));
        QVERIFY(r.out.contains(u"doctor_last_run_timestamp_seconds{shard=\"0\"} "_s));
        QVERIFY(!r.out.contains(u"check.postgres.pool"_s)); // skipped on SQLite: no series
        const auto [code, said] = promtool(r.out.toUtf8());
        QVERIFY2(code == 0, qPrintable(said));

        // And promtool is a judge that can say no: an unescaped quote in a label value.
        QByteArray broken = r.out.toUtf8();
        broken.replace("environment=\"prod\"", "environment=\"pr\"od\"");
        QVERIFY(promtool(broken).first != 0);
    }
};

QTEST_GUILESS_MAIN(TestOpenMetrics)
#include "tst_openmetrics.moc"
