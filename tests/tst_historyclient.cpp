// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// HistoryClient, the dashboard's side of the run history (issue 18), on real SQLite stores
// in a temporary folder, with the real results of a run of the demo's three environments:
// a big run is recorded without stalling the UI thread, and is read back on another
// connection; spans, sightings and timelines come back as values; an unwritable store or
// one of a newer schema is reported once, however many runs fail to be recorded.
#include "config/demo.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "history/historystore.h"
#include "historyclient.h"
#include "isolatedhome.h"
#include "postgres/migrationscheck.h"
#include "runandwait.h"
#include "stallprobe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// As tst_uistall: scheduling on a loaded 2-core machine costs tens of ms with nothing on
// the UI thread; recording the big run there costs several times this (printed below).
constexpr int MaxStallMs = 150;

namespace {
// One value of the runs table of the SQLite store at path, read on a connection of its own.
QString runsColumn(const QString &path, const QString &column, const QString &runId)
{
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(u"SELECT %1 FROM runs WHERE id = ?"_s.arg(column));
            q.addBindValue(runId);
            if (q.exec() && q.next())
                value = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(u"peek"_s);
    return value;
}
} // namespace

class TestHistoryClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // the default store and QSettings in a folder of ours
        const Demo::Setup demo = Demo::create(m_home.path());
        QVERIFY2(demo.error.isEmpty(), qPrintable(demo.error));
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, demo.environments, {});
        QVERIFY(out.finished);
        m_results = out.results;
        QVERIFY(m_results.size() >= 3);
    }

    void settingsChooseStoreAndSwitch()
    {
        QSettings().setValue(HistoryClient::locationKey(), m_home.filePath(u"s.sqlite"_s));
        QSettings().setValue(HistoryClient::recordKey(), false);
        HistoryClient client;
        QCOMPARE(client.location(), m_home.filePath(u"s.sqlite"_s));
        QVERIFY(!client.isEnabled());
        client.record(HistoryRun(), m_results); // off: nothing opened, nothing created
        client.loadSpans({});
        QCOMPARE(client.pendingJobs(), 0);
        QVERIFY(!QFile::exists(m_home.filePath(u"s.sqlite"_s)));
        QSettings().remove(HistoryClient::locationKey());
        QSettings().remove(HistoryClient::recordKey());
        client.applySettings();
        QCOMPARE(client.location(), QString()); // the default store
        QVERIFY(client.isEnabled());
    }

    // 200 environments' results (the demo's three, renamed) with their migration lists:
    // the UI thread's event loop keeps turning while they are written, and the run reads
    // back on another connection as the dashboard's.
    void bigRunRecordedOffTheUiThread()
    {
        QList<CheckResult> results;
        QStringList envs;
        for (int i = 0; i < 200; ++i) {
            for (CheckResult r : std::as_const(m_results)) {
                r.environment = u"env-%1-%2"_s.arg(i).arg(r.environment);
                if (!envs.contains(r.environment))
                    envs << r.environment;
                results << r;
            }
        }
        HistoryRun run;
        run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-5);
        run.finishedAt = QDateTime::currentDateTimeUtc();
        run.environments = envs;

        const QString path = m_home.filePath(u"big.sqlite"_s);
        HistoryClient client;
        client.setLocation(path);
        QSignalSpy recorded(&client, &HistoryClient::runRecorded);
        QSignalSpy errors(&client, &HistoryClient::errorOccurred);
        StallProbe probe(10);
        QElapsedTimer t;
        t.start();
        client.record(run, results);
        QCOMPARE(client.pendingJobs(), 1); // asked for, not done: record() did not wait
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 60000);
        const qint64 wallMs = t.elapsed();
        QCOMPARE(errors.size(), 0);
        QCOMPARE(client.pendingJobs(), 0);
        QVERIFY2(probe.longestGapMs() <= StallProbe::budgetMs(MaxStallMs),
            qPrintable(u"longest stall %1 ms while recording (%2 ms)"_s.arg(probe.longestGapMs())
                    .arg(wallMs)));
        qInfo("recorded %lld results in %lld ms; longest UI stall %lld ms", qint64(results.size()),
            wallMs, probe.longestGapMs());

        const auto stored = recorded.first().first().value<HistoryRun>();
        QVERIFY(!stored.id.isEmpty());
        QCOMPARE(stored.origin, u"dashboard"_s);
        QCOMPARE(runsColumn(path, u"origin"_s, stored.id), u"dashboard"_s);
        QCOMPARE(runsColumn(path, u"ran_by"_s, stored.id), stored.ranBy);
        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.errorString()));
        HistoryFilter filter;
        filter.environment = u"env-199-prod"_s;
        const auto prod = std::count_if(m_results.cbegin(), m_results.cend(),
            [](const CheckResult &r) { return r.environment == u"prod"_s; });
        QVERIFY(prod > 0);
        QCOMPARE(store.results(filter).size(), prod);
        QVERIFY(!store.migrations(filter.environment).isEmpty());
    }

    // Spans, sightings and a timeline come back as values, after the record asked for
    // before them (one job at a time, in order).
    void loadsWhatWasRecorded()
    {
        const QString path = m_home.filePath(u"loads.sqlite"_s);
        HistoryClient client;
        client.setLocation(path);
        QSignalSpy spans(&client, &HistoryClient::spansLoaded);
        QSignalSpy sightings(&client, &HistoryClient::sightingsLoaded);
        QSignalSpy timeline(&client, &HistoryClient::timelineLoaded);
        HistoryRun run;
        run.startedAt = run.finishedAt = QDateTime::currentDateTimeUtc();
        run.environments = { u"dev"_s, u"staging"_s, u"prod"_s };
        client.record(run, m_results);
        client.record(HistoryRun(run), m_results); // a second run, the same statuses
        const CheckResult *migrations = nullptr;
        for (const CheckResult &r : std::as_const(m_results)) {
            if (r.environment == u"staging"_s && r.checkId == MigrationsCheck::Id)
                migrations = &r;
        }
        QVERIFY(migrations);
        // A third run could not connect: one result without a subject, not run.
        CheckResult notRun = *migrations;
        notRun.subject.clear();
        notRun.status = CheckStatus::NotRun;
        notRun.evidence.clear();
        notRun.details.clear();
        notRun.checkedAt = QDateTime::currentDateTime().addSecs(1);
        client.record(HistoryRun(run), { notRun });
        client.loadSpans({ u"staging"_s });
        client.loadSightings(u"staging"_s);
        client.loadTimeline(u"staging"_s, MigrationsCheck::Id, migrations->subject);
        QTRY_COMPARE(timeline.size(), 1);
        QCOMPARE(spans.size(), 1);
        QCOMPARE(sightings.size(), 1);

        const auto spanList = spans.first().first().value<QList<StatusSpan>>();
        QVERIFY(!spanList.isEmpty());
        for (const StatusSpan &s : spanList)
            QCOMPARE(s.environment, u"staging"_s);
        const auto pts = timeline.first().at(3).value<QList<TimelinePoint>>();
        QCOMPARE(pts.size(), 3);
        QCOMPARE(pts[0].status, migrations->status);
        QCOMPARE(pts[0].pendingCount, 3); // the demo's staging: 3 pending
        QCOMPARE(pts[2].status, CheckStatus::NotRun); // in the history's story too
        QCOMPARE(pts[2].pendingCount, -1);
        QCOMPARE(timeline.first().at(0).toString(), u"staging"_s);
        const auto seen = sightings.first().first().value<QList<MigrationSighting>>();
        QVERIFY(std::any_of(seen.cbegin(), seen.cend(), [](const MigrationSighting &s) {
            return s.state == MigrationEntry::State::Pending && s.current;
        }));
    }

    // Only the newest answer of a kind is delivered: a timeline asked for and replaced
    // before it came back is dropped.
    void supersededLoadDropped()
    {
        HistoryClient client;
        client.setLocation(m_home.filePath(u"loads.sqlite"_s));
        QSignalSpy timeline(&client, &HistoryClient::timelineLoaded);
        client.loadTimeline(u"dev"_s, MigrationsCheck::Id, {});
        client.loadTimeline(u"staging"_s, MigrationsCheck::Id, {});
        QTRY_COMPARE(client.pendingJobs(), 0);
        QCOMPARE(timeline.size(), 1);
        QCOMPARE(timeline.first().first().toString(), u"staging"_s);
    }

    // A store whose folder is a file cannot be created: three runs not recorded, one
    // message, naming the store; the next good store re-arms the message.
    void unwritableStoreReportedOnce()
    {
        QFile blocker(m_home.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        HistoryClient client;
        client.setLocation(blocker.fileName() + u"/history.sqlite"_s);
        QSignalSpy errors(&client, &HistoryClient::errorOccurred);
        QSignalSpy recorded(&client, &HistoryClient::runRecorded);
        for (int i = 0; i < 3; ++i)
            client.record(HistoryRun(), m_results);
        client.loadSpans({});
        QTRY_COMPARE(client.pendingJobs(), 0);
        QCOMPARE(recorded.size(), 0);
        QCOMPARE(errors.size(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.startsWith(u"Run history not recorded: "_s), qPrintable(message));
        QVERIFY2(message.contains(u"not-a-folder"_s), qPrintable(message));
    }

    // A store written by a newer doctor: refused (not changed), reported once.
    void newerSchemaReportedOnce()
    {
        const QString path = m_home.filePath(u"newer.sqlite"_s);
        {
            HistoryStore store;
            QVERIFY(store.open(path));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE store_meta SET schema_version = %1"_s.arg(
                HistoryStore::SchemaVersion + 1)));
        }
        QSqlDatabase::removeDatabase(u"bump"_s);
        HistoryClient client;
        client.setLocation(path);
        QSignalSpy errors(&client, &HistoryClient::errorOccurred);
        client.record(HistoryRun(), m_results);
        client.record(HistoryRun(), m_results);
        QTRY_COMPARE(client.pendingJobs(), 0);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(u"newer"_s),
            qPrintable(errors.first().first().toString()));
    }

private:
    QTemporaryDir m_home;
    QList<CheckResult> m_results;
};

QTEST_GUILESS_MAIN(TestHistoryClient)
#include "tst_historyclient.moc"
