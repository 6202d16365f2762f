// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// `doctor matrix` (app/cli/doctormatrix.cpp) on the demo, through the real binary: the demo's
// staging lacks three migrations and prod seven, and prod has one applied that no expected
// set knows. Only those rows by default, every row with --all; the run is recorded, so the
// JSON and CSV carry first-seen times, and none with --no-history. No PostgreSQL needed
// (tst_pg_doctorhistory runs it on a real server).
#include "csvreader.h"
#include "doctorprocess.h"
#include "isolatedhome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Hotfix = u"20250402101500_HotfixAuditLogIndex"_s; // prod's "ahead" migration
const QString Same = u"20240228125700_AddRoles"_s; // applied everywhere

} // namespace

class TestDoctorHistoryMatrix : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
        m_store = m_home.filePath(u"history.sqlite"_s);
    }

    void differingRowsByDefault()
    {
        const CliRun r = doctor({ u"matrix"_s, u"--demo"_s, u"--no-history"_s });
        QCOMPARE(r.exitCode, 1); // the worst of the checks run: pending migrations warn
        const QStringList lines = r.outLines();
        QCOMPARE(lines.at(0).simplified(), u"MIGRATION dev staging prod"_s);
        QCOMPARE(lines.at(1).simplified(), u"(worst status) pass warn warn"_s);
        QCOMPARE(lines.filter(u"20251101162100_AddDoctorRuns"_s).value(0).simplified(),
            u"20251101162100_AddDoctorRuns applied pending pending"_s);
        QVERIFY2(lines.filter(Hotfix).value(0).simplified().endsWith(u"absent absent ahead"_s),
            qPrintable(r.out));
        QVERIFY2(!r.out.contains(Same), qPrintable(r.out));
        QCOMPARE(lines.size(), 2 + 8 + 1); // header, worst, 8 rows, the count
        QCOMPARE(lines.last(),
            u"8 of 43 migrations differ between environments; --all lists every migration."_s);

        const CliRun all = doctor({ u"matrix"_s, u"--demo"_s, u"--no-history"_s, u"--all"_s });
        QCOMPARE(all.outLines().size(), 2 + 43 + 1);
        QVERIFY2(all.outLines().filter(Same).value(0).simplified()
                == Same + u" applied applied applied"_s,
            qPrintable(all.out));
    }

    // The matrix records its run: the history lists the two checks it ran, and the CSV's
    // first-seen times are that run's; without history they are empty.
    void recordsAndTakesFirstSeenFromTheHistory()
    {
        const CliRun csv = doctor(
            { u"matrix"_s, u"--demo"_s, u"--history"_s, m_store, u"--format"_s, u"csv"_s });
        QCOMPARE(csv.exitCode, 1);
        QVERIFY2(csv.err.isEmpty(), qPrintable(csv.err));
        QString error;
        const QList<QStringList> records = readCsv(csv.out.toUtf8(), &error);
        if (error == u"python3 is not installed")
            QSKIP("python3 is not installed");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 1 + 8);
        QCOMPARE(records.at(0).size(), 10);
        for (const QStringList &r : records.mid(1)) {
            QCOMPARE(r.size(), 10);
            QCOMPARE(r.at(3), u"true"_s);
            for (int env = 0; env < 3; ++env) {
                const QString state = r.at(4 + 2 * env);
                const QString seen = r.at(5 + 2 * env);
                // Absent is no state the history keeps; every other cell was seen in the run.
                QVERIFY2(state == u"absent"
                        ? seen.isEmpty()
                        : QDateTime::fromString(seen, Qt::ISODateWithMs).isValid(),
                    qPrintable(r.join(u',')));
            }
        }
        const CliRun listed
            = doctor({ u"history"_s, u"--history"_s, m_store, u"--format"_s, u"json"_s });
        const QJsonArray results
            = QJsonDocument::fromJson(listed.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 6); // three environments, two checks
        for (const QJsonValue &v : results) {
            const QString check = v.toObject().value(u"checkId"_s).toString();
            QVERIFY2(
                check == u"check.postgres.connectivity" || check == u"check.postgres.migrations",
                qPrintable(check));
        }

        const CliRun none
            = doctor({ u"matrix"_s, u"--demo"_s, u"--no-history"_s, u"--format"_s, u"json"_s });
        const QJsonObject root = QJsonDocument::fromJson(none.out.toUtf8()).object();
        QCOMPARE(root.value(u"schemaVersion"_s).toInt(), 1);
        QCOMPARE(root.value(u"rowsShown"_s).toString(), u"differing"_s);
        QCOMPARE(root.value(u"differingCount"_s).toInt(), 8);
        QCOMPARE(root.value(u"migrationCount"_s).toInt(), 43);
        const QJsonArray rows = root.value(u"migrations"_s).toArray();
        QCOMPARE(rows.size(), 8);
        for (const QJsonValue &row : rows) {
            for (const QJsonValue &cell : row.toObject().value(u"cells"_s).toArray())
                QVERIFY(cell.toObject().value(u"firstSeen"_s).isNull());
        }
    }

    // --check widens what the worst status is taken over.
    void checksChooseTheWorstStatus()
    {
        const CliRun r = doctor({ u"matrix"_s, u"--demo"_s, u"--no-history"_s, u"--check"_s,
            u"check.postgres.migrations"_s, u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 1);
        const QJsonArray envs
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"environments"_s).toArray();
        QCOMPARE(envs.size(), 3);
        QCOMPARE(envs.at(2).toObject().value(u"worst"_s).toString(), u"warn"_s);
    }

    void badArgumentsNameWhatToDo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("format") << QStringList { u"matrix"_s, u"--demo"_s, u"--format"_s, u"xml"_s }
                                << u"--format must be text, json or csv for 'doctor matrix'"_s;
        QTest::newRow("since") << QStringList { u"matrix"_s, u"--demo"_s, u"--since"_s, u"1d"_s }
                               << u"--since does not go with 'doctor matrix'"_s;
        QTest::newRow("both") << QStringList { u"matrix"_s, u"--demo"_s, u"--history"_s,
            u"x.sqlite"_s, u"--no-history"_s }
                              << u"give --history PATH_OR_URL or --no-history, not both"_s;
        QTest::newRow("no source")
            << QStringList { u"matrix"_s } << u"give exactly one of --config FILE"_s;
    }
    void badArgumentsNameWhatToDo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = doctor(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDoctorHistoryMatrix)
#include "tst_doctorhistory_matrix.moc"
