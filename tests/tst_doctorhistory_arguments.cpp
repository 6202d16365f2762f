// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// What `doctor history` makes of its ages and dates (DoctorHistory::parseAge, parseSince),
// and how it folds a migration's sightings into one line (HistoryListing::migrationLines):
// the current state and since when, first seen applied and first seen pending.
#include "cli/doctorhistory.h"
#include "cli/historylisting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using State = MigrationEntry::State;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

QDateTime utc(int day, int hour)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), QTimeZone::UTC);
}

MigrationSighting sighting(const QString &env, const QString &id, State state, QDateTime first,
    QDateTime last, bool current)
{
    MigrationSighting s;
    s.environment = env;
    s.tool = u"efcore"_s;
    s.history = u"public.__EFMigrationsHistory"_s;
    s.migrationId = id;
    s.state = state;
    s.firstSeen = first;
    s.lastSeen = last;
    s.current = current;
    return s;
}

} // namespace

class TestDoctorHistoryArguments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: refused
        QTest::newRow("days") << u"90d"_s << 90 * 24 * HourMs;
        QTest::newRow("hours") << u"36h"_s << 36 * HourMs;
        QTest::newRow("zero") << u"0h"_s << qint64(0);
        QTest::newRow("spaces") << u" 7d "_s << 7 * 24 * HourMs;
        QTest::newRow("minutes") << u"90m"_s << qint64(-1);
        QTest::newRow("weeks") << u"2w"_s << qint64(-1);
        QTest::newRow("no unit") << u"90"_s << qint64(-1);
        QTest::newRow("no number") << u"d"_s << qint64(-1);
        QTest::newRow("negative") << u"-1d"_s << qint64(-1);
        QTest::newRow("fraction") << u"1.5d"_s << qint64(-1);
        QTest::newRow("upper case") << u"90D"_s << qint64(-1);
        QTest::newRow("beyond a century") << u"999999d"_s << qint64(-1);
    }
    void ages()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const std::optional<qint64> age = DoctorHistory::parseAge(text);
        QCOMPARE(age.value_or(-1), ms);
    }

    void since_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected"); // invalid: refused
        const QDateTime now = utc(30, 12);
        QTest::newRow("date: its midnight UTC") << u"2026-11-30"_s << utc(30, 0);
        QTest::newRow("UTC time") << u"2026-11-30T08:00:00Z"_s << utc(30, 8);
        QTest::newRow("no offset: UTC") << u"2026-11-30T08:00:00"_s << utc(30, 8);
        QTest::newRow("offset") << u"2026-11-30T08:00:00+02:00"_s << utc(30, 6);
        QTest::newRow("milliseconds") << u"2026-11-30T08:00:00.250Z"_s << utc(30, 8).addMSecs(250);
        QTest::newRow("age") << u"7d"_s << now.addDays(-7);
        QTest::newRow("words") << u"yesterday"_s << QDateTime();
        QTest::newRow("no day") << u"2026-11"_s << QDateTime();
        QTest::newRow("empty") << QString() << QDateTime();
    }
    void since()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime got = DoctorHistory::parseSince(text, utc(30, 12));
        QCOMPARE(got.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(got, expected);
            QCOMPARE(got.timeSpec(), Qt::UTC);
        }
    }

    // Pending in the first two runs, applied from the third: applied since the third, first
    // seen pending in the first. A migration rolled back and applied again is applied since
    // its last application, and first seen applied at its first.
    void migrationLinesFoldSightings()
    {
        const QString a = u"20240105093000_InitialCreate"_s;
        const QString b = u"20240212141500_AddTenants"_s;
        const QList<HistoryListing::MigrationLine> lines = HistoryListing::migrationLines({
            sighting(u"prod"_s, a, State::Pending, utc(1, 0), utc(2, 0), false),
            sighting(u"prod"_s, a, State::Applied, utc(3, 0), utc(9, 0), true),
            sighting(u"prod"_s, b, State::Applied, utc(1, 0), utc(4, 0), false),
            sighting(u"prod"_s, b, State::Pending, utc(5, 0), utc(6, 0), false),
            sighting(u"prod"_s, b, State::Applied, utc(7, 0), utc(9, 0), true),
            sighting(u"staging"_s, a, State::Pending, utc(2, 0), utc(9, 0), true),
        });
        QCOMPARE(lines.size(), 3);
        const HistoryListing::MigrationLine &pa = lines.at(0);
        QCOMPARE(pa.migrationId, a);
        QCOMPARE(pa.state, State::Applied);
        QCOMPARE(pa.since, utc(3, 0));
        QCOMPARE(pa.firstSeenApplied, utc(3, 0));
        QCOMPARE(pa.firstSeenPending, utc(1, 0));
        QCOMPARE(pa.sightings.size(), 2);
        const HistoryListing::MigrationLine &pb = lines.at(1);
        QCOMPARE(pb.state, State::Applied);
        QCOMPARE(pb.since, utc(7, 0));
        QCOMPARE(pb.firstSeenApplied, utc(1, 0));
        QCOMPARE(pb.firstSeenPending, utc(5, 0));
        QCOMPARE(lines.at(2).environment, u"staging"_s);
        QCOMPARE(lines.at(2).state, State::Pending);
        QVERIFY(!lines.at(2).firstSeenApplied.isValid());

        // The text: an environment column (two of them), "-" for never.
        const QString text = HistoryListing::migrationsText(lines);
        QVERIFY2(text.startsWith(u"ENVIRONMENT  MIGRATION"_s), qPrintable(text));
        const QString staging = text.split(u'\n').filter(u"staging"_s).value(0);
        QVERIFY2(staging.simplified().endsWith(u"pending 2026-11-02T00:00:00.000Z - "
                                               "2026-11-02T00:00:00.000Z"_s),
            qPrintable(text));
    }

    // No current sighting: the history no longer lists it (schema 3's 'absent' transition,
    // or its current sighting pruned). The newest sighting tells what it was; the listings
    // say absent, with no since, rather than "applied since" a row that is gone.
    void withoutACurrentSightingTheNewestCounts()
    {
        const QList<HistoryListing::MigrationLine> lines = HistoryListing::migrationLines({
            sighting(u"prod"_s, u"m"_s, State::Applied, utc(5, 0), utc(6, 0), false),
            sighting(u"prod"_s, u"m"_s, State::Pending, utc(1, 0), utc(2, 0), false),
        });
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().state, State::Applied);
        QCOMPARE(lines.first().since, utc(5, 0));
        QVERIFY(!lines.first().listed);
        const QString row = HistoryListing::migrationsText(lines)
                                .split(u'\n')
                                .filter(u"m "_s)
                                .value(0)
                                .simplified();
        QCOMPARE(row, u"m absent - 2026-11-05T00:00:00.000Z 2026-11-01T00:00:00.000Z"_s);
        const QJsonObject json = QJsonDocument::fromJson(HistoryListing::migrationsJson({}, lines))
                                     .object()
                                     .value(u"migrations"_s)
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(json.value(u"state"_s).toString(), u"absent"_s);
        QVERIFY(json.value(u"since"_s).isNull());
        QCOMPARE(json.value(u"lastSeen"_s).toString(), u"2026-11-06T00:00:00.000Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestDoctorHistoryArguments)
#include "tst_doctorhistory_arguments.moc"
