// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMigrationsModel : public QObject
{
    Q_OBJECT
private:
    QList<MigrationEntry> sample() const
    {
        return { { u"20240101_A"_s, u"9.0.6"_s, MigrationEntry::State::Applied, 1 },
            { u"20240201_B"_s, u"9.0.6"_s, MigrationEntry::State::Applied, 2 },
            { u"20240301_C"_s, QString(), MigrationEntry::State::Pending, 3 },
            { u"20240401_D"_s, QString(), MigrationEntry::State::Pending, 4 },
            { u"20240315_Hotfix"_s, u"9.0.6"_s, MigrationEntry::State::NotExpected, 0 } };
    }

private Q_SLOTS:
    void countsAndSummary()
    {
        MigrationsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMigrations(sample());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.count(MigrationEntry::State::Pending), 2);
        QCOMPARE(model.summary(), u"3 applied · 2 pending · 1 not in expected set"_s);
        model.setMigrations({});
        QCOMPARE(model.rowCount(), 0);
    }

    void pendingOnlyAndTextFilter()
    {
        MigrationsModel model;
        MigrationsFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMigrations(sample());
        filter.setPendingOnly(true);
        QCOMPARE(filter.rowCount(), 2);
        filter.setFilterFixedString(u"d"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, MigrationsModel::IdColumn).data().toString(), u"20240401_D"_s);
        filter.setPendingOnly(false);
        filter.setFilterFixedString(u"hotfix"_s);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, MigrationsModel::StateColumn).data().toString(),
            u"Not in expected set"_s);
    }

    void positionSortsNumericallyWithUnexpectedLast()
    {
        MigrationsModel model;
        MigrationsFilterModel filter;
        filter.setSourceModel(&model);
        QList<MigrationEntry> rows;
        for (int i = 12; i >= 1; --i)
            rows << MigrationEntry { u"m%1"_s.arg(i, 2, 10, QLatin1Char('0')), QString(),
                MigrationEntry::State::Applied, i };
        rows << MigrationEntry { u"x"_s, QString(), MigrationEntry::State::NotExpected, 0 };
        model.setMigrations(rows);
        filter.sort(MigrationsModel::PositionColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, MigrationsModel::PositionColumn).data().toInt(), 1);
        QCOMPARE(filter.index(9, MigrationsModel::PositionColumn).data().toInt(), 10);
        QCOMPARE(filter.index(12, MigrationsModel::IdColumn).data().toString(), u"x"_s);
    }
};

QTEST_GUILESS_MAIN(TestMigrationsModel)
#include "tst_migrationsmodel.moc"
