// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The run history from the command line (issue 18): `doctor run` records each run (or not,
// with --no-history), a store that cannot be written costs the history and nothing else,
// `doctor history` lists what was recorded and `doctor history prune` trims it. Through the
// real binary on the demo's SQLite environments: nothing here needs PostgreSQL.
#include "doctorprocess.h"
#include "isolatedhome.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const CliRun &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    [&] { QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out + r.err)); }();
    return doc.object();
}

// What a report says, without what differs between any two runs (times, the demo's
// temporary paths, the connection's round trip): environment, check, subject, status.
QStringList verdicts(const CliRun &r)
{
    QStringList out;
    for (const QJsonValue &v : json(r).value(u"results"_s).toArray()) {
        const QJsonObject o = v.toObject();
        out << QStringList { o.value(u"environment"_s).toString(), o.value(u"checkId"_s).toString(),
            o.value(u"subject"_s).toString(), o.value(u"status"_s).toString() }
                   .join(u'|');
    }
    return out;
}

const QString Warning = u"doctor: warning: run history not recorded: "_s;

} // namespace

class TestDoctorHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString m_store; // a --history file of this test

    // The history's results as `doctor history --format json` lists them.
    QJsonArray listed(const QStringList &extra = {})
    {
        const CliRun r
            = doctor(QStringList { u"history"_s, u"--history"_s, m_store, u"--format"_s, u"json"_s }
                + extra);
        [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.err)); }();
        const QJsonObject root = json(r);
        [&] { QCOMPARE(root.value(u"schemaVersion"_s).toInt(), 1); }();
        return root.value(u"results"_s).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        // The binary's default store goes here (doctor() leaves a set XDG_DATA_HOME alone).
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    }

    void init()
    {
        m_store = m_home.filePath(
            u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    // Two runs, two runs listed: each result of each run, newest first, the run ids told apart.
    void runTwiceListsBothRuns()
    {
        const CliRun first = doctor({ u"run"_s, u"--demo"_s, u"--history"_s, m_store });
        const CliRun second
            = doctor({ u"run"_s, u"--demo"_s, u"--history"_s, m_store, u"--format"_s, u"json"_s });
        QCOMPARE(first.exitCode, 1); // the demo's worst result is a warning
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(!first.err.contains(Warning), qPrintable(first.err));
        const qsizetype perRun = json(second).value(u"results"_s).toArray().size();
        QVERIFY(perRun >= 30); // three environments of ten checks

        const QJsonArray results = listed();
        QCOMPARE(results.size(), 2 * perRun);
        QSet<QString> runs;
        QString previous;
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            runs.insert(o.value(u"runId"_s).toString());
            const QString at = o.value(u"checkedAt"_s).toString();
            QVERIFY2(at.endsWith(u'Z'), qPrintable(at)); // UTC
            QVERIFY2(
                previous.isEmpty() || at <= previous, qPrintable(at + u" after "_s + previous));
            previous = at;
        }
        QCOMPARE(runs.size(), 2);
        // The newest run first: its results are one block, before the older run's.
        const QJsonObject newest = results.first().toObject();
        const QJsonObject oldest = results.last().toObject();
        for (qsizetype i = 0; i < results.size(); ++i) {
            QCOMPARE(results.at(i).toObject().value(u"runId"_s),
                (i < perRun ? newest : oldest).value(u"runId"_s));
        }
        QVERIFY(newest.value(u"checkedAt"_s).toString() > oldest.value(u"checkedAt"_s).toString());

        // Filters: one environment, one check.
        const QJsonArray prod
            = listed({ u"--env"_s, u"prod"_s, u"--check"_s, u"check.postgres.migrations"_s });
        QCOMPARE(prod.size(), 2);
        for (const QJsonValue &v : prod) {
            QCOMPARE(v.toObject().value(u"environment"_s).toString(), u"prod"_s);
            QCOMPARE(v.toObject().value(u"status"_s).toString(), u"warn"_s);
            QVERIFY(v.toObject().value(u"evidence"_s).toObject().contains(u"PendingCount"_s));
        }
        QCOMPARE(listed({ u"--since"_s, u"2999-01-01"_s }).size(), 0);
        QCOMPARE(listed({ u"--since"_s, u"1d"_s }).size(), 2 * perRun);
        QCOMPARE(listed({ u"--limit"_s, u"5"_s }).size(), 5);
    }

    // The text listing: a header and one line per result, each column starting where its
    // header does.
    void textListingIsAligned()
    {
        QCOMPARE(doctor({ u"run"_s, u"--demo"_s, u"--history"_s, m_store }).exitCode, 1);
        const CliRun r
            = doctor({ u"history"_s, u"--history"_s, m_store, u"--env"_s, u"staging"_s });
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.outLines();
        QVERIFY2(lines.size() == 11, qPrintable(r.out)); // header + ten checks
        const QString header = lines.first();
        const QStringList columns { u"ENVIRONMENT"_s, u"CHECK"_s, u"STATUS"_s, u"MESSAGE"_s };
        for (const QString &line : lines.mid(1)) {
            QVERIFY2(!line.endsWith(u' '), qPrintable(line));
            for (const QString &column : columns) {
                const qsizetype at = header.indexOf(u"  "_s + column) + 2;
                QVERIFY2(at > 0 && line.at(at - 1) == u' ' && line.at(at) != u' ',
                    qPrintable(
                        u"%1 not at column %2:\n%3\n%4"_s.arg(column).arg(at).arg(header, line)));
            }
            QVERIFY2(line.mid(header.indexOf(u"ENVIRONMENT"_s)).startsWith(u"staging "_s),
                qPrintable(line));
        }
        QVERIFY2(r.out.contains(u"pending migration"_s), qPrintable(r.out));
    }

    // --no-history: no store is created, the default one is not touched either; nor by the
    // demo without a --history (its dev, staging and prod would mix with real ones).
    void noHistoryWritesNothing()
    {
        const QString dataHome = m_home.filePath(u"data"_s);
        const auto stores = [&] {
            return QDirIterator(
                dataHome, { u"history.sqlite*"_s }, QDir::Files, QDirIterator::Subdirectories)
                .hasNext();
        };
        // A SQLite file that is not there: a run that fails, and is recorded all the same.
        const QStringList app { u"run"_s, u"--connection"_s,
            u"sqlite:"_s + m_home.filePath(u"missing.sqlite"_s), u"--env"_s, u"app"_s };
        const CliRun r = doctor(app + QStringList { u"--no-history"_s });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(!stores(), "--no-history created a store");
        QCOMPARE(doctor({ u"run"_s, u"--demo"_s }).exitCode, 1);
        QVERIFY2(!stores(), "the demo recorded into the default store");
        // Without them, the default store in the user's data folder.
        QCOMPARE(doctor(app).exitCode, 3);
        QDirIterator it(
            dataHome, { u"history.sqlite"_s }, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY2(it.hasNext(), "doctor run did not record into the default store");
        const CliRun history = doctor({ u"history"_s, u"--format"_s, u"json"_s });
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(json(history).value(u"store"_s).toString(), it.next());
        const QJsonArray results = json(history).value(u"results"_s).toArray();
        QVERIFY(results.size() >= 10);
        for (const QJsonValue &v : results)
            QCOMPARE(v.toObject().value(u"environment"_s).toString(), u"app"_s);
    }

    void historyAndNoHistoryAreExclusive()
    {
        const CliRun r
            = doctor({ u"run"_s, u"--demo"_s, u"--history"_s, m_store, u"--no-history"_s });
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(u"give --history PATH_OR_URL or --no-history, not both"_s),
            qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(m_store));
    }

    // A store that cannot be written costs this run's history: one warning naming it, the
    // same report and the same exit code as a run without history.
    void unwritableStoreWarnsAndChangesNothing_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("named"); // what the warning must name
        QFile blocker(m_home.filePath(u"a-file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        QTest::newRow("folder is a file")
            << blocker.fileName() + u"/history.sqlite"_s << blocker.fileName();
        QVERIFY(QDir(m_home.path()).mkpath(u"a-folder"_s));
        QTest::newRow("store is a folder")
            << m_home.filePath(u"a-folder"_s) << m_home.filePath(u"a-folder"_s);
        QFile garbage(m_home.filePath(u"garbage.sqlite"_s));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
        QTest::newRow("not a store") << garbage.fileName() << garbage.fileName();
    }
    void unwritableStoreWarnsAndChangesNothing()
    {
        QFETCH(QString, store);
        QFETCH(QString, named);
        const QStringList report { u"run"_s, u"--demo"_s, u"--format"_s, u"json"_s };
        const CliRun without = doctor(report + QStringList { u"--no-history"_s });
        const CliRun failed = doctor(report + QStringList { u"--history"_s, store });
        QCOMPARE(failed.exitCode, without.exitCode);
        QCOMPARE(verdicts(failed), verdicts(without));
        QVERIFY(!verdicts(failed).isEmpty());
        QCOMPARE(failed.err.count(Warning), 1);
        QVERIFY2(failed.err.contains(named), qPrintable(failed.err));
        QVERIFY2(!failed.out.contains(Warning), "the warning went into the report");
        // The text report too, to a file: written, same exit code.
        const QString out = m_home.filePath(u"report.txt"_s);
        const CliRun text
            = doctor({ u"run"_s, u"--demo"_s, u"--history"_s, store, u"--output"_s, out });
        QCOMPARE(text.exitCode, without.exitCode);
        QVERIFY(QFileInfo(out).size() > 0);
        QVERIFY2(text.err.startsWith(Warning) || text.err.contains(u'\n' + Warning),
            qPrintable(text.err));
        // A device is written, not replaced (QSaveFile's rename failed: 'Device or resource
        // busy', exit code 3).
        const CliRun device = doctor(
            { u"run"_s, u"--demo"_s, u"--history"_s, store, u"--output"_s, u"/dev/null"_s });
        QCOMPARE(device.exitCode, without.exitCode);
        QVERIFY2(!device.err.contains(u"cannot write"_s), qPrintable(device.err));
    }

    // prune: runs older than the age go, with their results; a bad age is a usage error.
    void pruneRemovesOldRuns()
    {
        for (int i = 0; i < 2; ++i)
            QCOMPARE(doctor({ u"run"_s, u"--demo"_s, u"--history"_s, m_store }).exitCode, 1);
        const QStringList prune { u"history"_s, u"prune"_s, u"--history"_s, m_store };
        const CliRun none = doctor(prune + QStringList { u"--older-than"_s, u"90d"_s });
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(
            none.out.startsWith(u"Removed 0 runs that started before "_s), qPrintable(none.out));
        QVERIFY(!listed().isEmpty());

        QTest::qWait(20); // both runs started before now - 0h
        const CliRun all
            = doctor(prune + QStringList { u"--older-than"_s, u"0h"_s, u"--format"_s, u"json"_s });
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(json(all).value(u"removedRuns"_s).toInt(), 2);
        QCOMPARE(json(all).value(u"schemaVersion"_s).toInt(), 1);
        QCOMPARE(listed().size(), 0);
    }

    void badArgumentsNameWhatToDo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString age = u"--older-than must be a whole number of days or hours (90d, 36h)"_s;
        QTest::newRow("minutes") << QStringList { u"history"_s, u"prune"_s, u"--older-than"_s,
            u"90m"_s } << age;
        QTest::newRow("no unit") << QStringList { u"history"_s, u"prune"_s, u"--older-than"_s,
            u"90"_s } << age;
        QTest::newRow("no age") << QStringList { u"history"_s, u"prune"_s }
                                << u"'doctor history prune' needs --older-than AGE"_s;
        QTest::newRow("since") << QStringList { u"history"_s, u"--since"_s, u"yesterday"_s }
                               << u"--since must be a date (2026-11-30)"_s;
        QTest::newRow("format") << QStringList { u"history"_s, u"--format"_s, u"csv"_s }
                                << u"--format must be text or json for 'doctor history'"_s;
        QTest::newRow("form") << QStringList { u"history"_s, u"show"_s }
                              << u"unknown 'doctor history show'"_s;
        QTest::newRow("no-history") << QStringList { u"history"_s, u"--no-history"_s }
                                    << u"--no-history does not go with it"_s;
        QTest::newRow("foreign") << QStringList { u"history"_s, u"--older-than"_s, u"1d"_s }
                                 << u"--older-than does not go with 'doctor history'"_s;
    }
    void badArgumentsNameWhatToDo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = doctor(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Try 'doctor --help'"_s), qPrintable(r.err));
    }

    // An explicit --history that does not exist is an error naming it, and is not created.
    void missingStoreIsNamed()
    {
        const QString missing = m_home.filePath(u"nowhere/history.sqlite"_s);
        const CliRun r = doctor({ u"history"_s, u"--history"_s, missing });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"no run history at "_s + missing), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(missing));
    }

    // The demo's prod lacks seven migrations: each listed pending, first seen pending at the
    // run, never seen applied; the applied ones the other way round.
    void migrationsOfTheDemo()
    {
        QCOMPARE(doctor({ u"run"_s, u"--demo"_s, u"--history"_s, m_store }).exitCode, 1);
        const CliRun r = doctor({ u"history"_s, u"migrations"_s, u"--env"_s, u"prod"_s,
            u"--history"_s, m_store, u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = json(r);
        QCOMPARE(root.value(u"schemaVersion"_s).toInt(), 1);
        int pending = 0, applied = 0;
        for (const QJsonValue &v : root.value(u"migrations"_s).toArray()) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.value(u"environment"_s).toString(), u"prod"_s);
            const QString state = m.value(u"state"_s).toString();
            if (state == u"pending") {
                ++pending;
                QVERIFY(m.value(u"firstSeenApplied"_s).isNull());
                QCOMPARE(m.value(u"firstSeenPending"_s), m.value(u"since"_s));
            } else if (state == u"applied") {
                ++applied;
                QVERIFY(m.value(u"firstSeenPending"_s).isNull());
                QVERIFY(m.value(u"firstSeenApplied"_s).toString().endsWith(u'Z'));
            }
        }
        QCOMPARE(pending, 7);
        QVERIFY(applied >= 30);
        const CliRun text = doctor(
            { u"history"_s, u"migrations"_s, u"--env"_s, u"prod"_s, u"--history"_s, m_store });
        QVERIFY2(text.out.contains(u"FIRST SEEN APPLIED"_s), qPrintable(text.out));
        QVERIFY2(text.outLines().first().startsWith(u"prod, efcore public.__EFMigrationsHistory"_s),
            qPrintable(text.out));
    }
};

QTEST_GUILESS_MAIN(TestDoctorHistory)
#include "tst_doctorhistory.moc"
