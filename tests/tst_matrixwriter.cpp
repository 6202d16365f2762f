// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// MatrixWriter (report/matrixwriter.h): the cross-environment migration matrix as `doctor
// matrix` prints it. The CSV is read back by Python's csv module, environment names with a
// comma, quotes and a line break included; the text table's columns start under their
// headers; only the differing rows unless all.
#include "csvreader.h"
#include "report/matrixwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Cell = MigrationMatrix::Cell;

namespace {

const QDateTime Seen(QDate(2026, 11, 30), QTime(8, 15, 0, 250), QTimeZone::UTC);

MigrationMatrix::Row row(
    const QString &tool, const QString &id, const QList<Cell> &cells, bool differs)
{
    MigrationMatrix::Row r;
    r.tool = tool;
    r.history
        = tool == u"efcore" ? u"public.__EFMigrationsHistory"_s : u"public.flyway_schema_history"_s;
    r.migrationId = id;
    r.cells = cells;
    r.differs = differs;
    for (qsizetype i = 0; i < cells.size(); ++i)
        r.firstSeen << (cells.at(i) == Cell::Unknown ? QDateTime() : Seen.addSecs(i * 60));
    return r;
}

// dev, a name CSV must quote, staging; two histories; two of four rows differ.
MigrationMatrix sample()
{
    MigrationMatrix m;
    m.columns = { { u"dev"_s, CheckStatus::Pass }, { u"prod, \"eu\"\nwest"_s, CheckStatus::Fail },
        { u"staging"_s, CheckStatus::Warn } };
    m.rows = {
        row(u"efcore"_s, u"20240101000000_Initial"_s,
            { Cell::Applied, Cell::Applied, Cell::Applied }, false),
        row(u"efcore"_s, u"20240201000000_AddUsers"_s,
            { Cell::Applied, Cell::Pending, Cell::Applied }, true),
        row(u"flyway"_s, u"1"_s, { Cell::Applied, Cell::Applied, Cell::Applied }, false),
        row(u"flyway"_s, u"2"_s, { Cell::Applied, Cell::Unknown, Cell::Ahead }, true),
    };
    return m;
}

} // namespace

class TestMatrixWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvReadsBackWithQuotedNames()
    {
        QString error;
        const QList<QStringList> records = readCsv(MatrixWriter::csv(sample(), false), &error);
        if (error == u"python3 is not installed")
            QSKIP("python3 is not installed");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 3); // the header and the two differing rows
        const QStringList header { u"tool"_s, u"history"_s, u"migration"_s, u"differs"_s, u"dev"_s,
            u"dev first seen"_s, u"prod, \"eu\"\nwest"_s, u"prod, \"eu\"\nwest first seen"_s,
            u"staging"_s, u"staging first seen"_s };
        QCOMPARE(records.at(0), header);
        QCOMPARE(records.at(1),
            (QStringList { u"efcore"_s, u"public.__EFMigrationsHistory"_s,
                u"20240201000000_AddUsers"_s, u"true"_s, u"applied"_s,
                u"2026-11-30T08:15:00.250Z"_s, u"pending"_s, u"2026-11-30T08:16:00.250Z"_s,
                u"applied"_s, u"2026-11-30T08:17:00.250Z"_s }));
        // Unknown has no time: an empty field, not a missing one.
        QCOMPARE(records.at(2).size(), header.size());
        QCOMPARE(records.at(2).at(6), u"unknown"_s);
        QCOMPARE(records.at(2).at(7), QString());
        QCOMPARE(records.at(2).at(8), u"ahead"_s);

        const QList<QStringList> all = readCsv(MatrixWriter::csv(sample(), true), &error);
        QCOMPARE(all.size(), 5);
        QCOMPARE(all.at(1).at(2), u"20240101000000_Initial"_s);
        QCOMPARE(all.at(1).at(3), u"false"_s);
    }

    // RFC 4180: CRLF between records; a quoted field's own line break stays inside it.
    void csvLineEnds()
    {
        const QByteArray csv = MatrixWriter::csv(sample(), false);
        QVERIFY(csv.endsWith("\r\n"));
        QCOMPARE(csv.count("\r\n"), 3);
        QVERIFY(csv.contains("\"prod, \"\"eu\"\"\nwest\""));
    }

    void textShowsDifferingRowsUnderTheirHeaders()
    {
        MigrationMatrix m = sample();
        m.columns[1].environment = u"prod"_s; // a terminal table of one-line names
        const QString text = MatrixWriter::text(m, false);
        const QStringList lines = text.split(u'\n');
        const QString header = lines.at(0);
        QVERIFY2(header.startsWith(u"HISTORY"_s), qPrintable(text)); // two histories
        const QStringList expected[] = {
            { u"(worst status)"_s, u"pass"_s, u"fail"_s, u"warn"_s },
            { u"20240201000000_AddUsers"_s, u"applied"_s, u"pending"_s, u"applied"_s },
            { u"2"_s, u"applied"_s, u"unknown"_s, u"ahead"_s },
        };
        const QStringList columns { u"MIGRATION"_s, u"dev"_s, u"prod"_s, u"staging"_s };
        for (int i = 0; i < 3; ++i) {
            const QString line = lines.at(i + 1);
            QVERIFY2(!line.endsWith(u' '), qPrintable(line));
            for (int c = 0; c < columns.size(); ++c) {
                const qsizetype at = header.indexOf(u"  "_s + columns.at(c)) + 2;
                QVERIFY2(line.mid(at).startsWith(expected[i].at(c)),
                    qPrintable(u"'%1' not under %2:\n%3\n%4"_s.arg(
                        expected[i].at(c), columns.at(c), header, line)));
            }
        }
        QVERIFY2(!text.contains(u"20240101000000_Initial"_s), qPrintable(text));
        QVERIFY2(text.contains(u"2 of 4 migrations differ between environments; --all lists "
                               "every migration."_s),
            qPrintable(text));
        QVERIFY(MatrixWriter::text(m, true).contains(u"20240101000000_Initial"_s));
    }

    void textWithOneHistoryHasNoHistoryColumn()
    {
        MigrationMatrix m = sample();
        m.rows.resize(2);
        const QString text = MatrixWriter::text(m, true);
        QVERIFY2(text.startsWith(u"MIGRATION "_s), qPrintable(text));
        m.rows = { m.rows.first() };
        QVERIFY2(MatrixWriter::text(m, false).contains(
                     u"No migration differs between environments (1 in all; --all lists them)."_s),
            qPrintable(MatrixWriter::text(m, false)));
    }

    void jsonIsStable()
    {
        const QJsonObject root
            = QJsonDocument::fromJson(MatrixWriter::json(sample(), false)).object();
        QCOMPARE(root.value(u"schemaVersion"_s).toInt(), 1);
        QCOMPARE(root.value(u"rowsShown"_s).toString(), u"differing"_s);
        QCOMPARE(root.value(u"migrationCount"_s).toInt(), 4);
        QCOMPARE(root.value(u"differingCount"_s).toInt(), 2);
        const QJsonArray envs = root.value(u"environments"_s).toArray();
        QCOMPARE(envs.size(), 3);
        QCOMPARE(envs.at(1).toObject().value(u"worst"_s).toString(), u"fail"_s);
        const QJsonArray rows = root.value(u"migrations"_s).toArray();
        QCOMPARE(rows.size(), 2);
        const QJsonObject second = rows.at(1).toObject();
        QCOMPARE(second.value(u"tool"_s).toString(), u"flyway"_s);
        QCOMPARE(second.value(u"history"_s).toString(), u"public.flyway_schema_history"_s);
        const QJsonArray cells = second.value(u"cells"_s).toArray();
        QCOMPARE(cells.at(1).toObject().value(u"state"_s).toString(), u"unknown"_s);
        QVERIFY(cells.at(1).toObject().value(u"firstSeen"_s).isNull());
        QCOMPARE(
            cells.at(2).toObject().value(u"firstSeen"_s).toString(), u"2026-11-30T08:17:00.250Z"_s);
        QCOMPARE(QJsonDocument::fromJson(MatrixWriter::json(sample(), true))
                     .object()
                     .value(u"migrations"_s)
                     .toArray()
                     .size(),
            4);
    }
};

QTEST_GUILESS_MAIN(TestMatrixWriter)
#include "tst_matrixwriter.moc"
