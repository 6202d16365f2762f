// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// MigrationsFilterModel as it was before it worked on the entries itself (a
// QSortFilterProxyModel over the SortRole): the results it must still give.
class ReferenceFilter : public QSortFilterProxyModel
{
public:
    ReferenceFilter()
    {
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setFilterKeyColumn(MigrationsModel::IdColumn);
        setSortRole(MigrationsModel::SortRole);
    }
    void setPendingOnly(bool on)
    {
        m_pendingOnly = on;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_pendingOnly
            && sourceModel()->index(row, 0, parent).data(MigrationsModel::StateRole).toInt()
                != int(MigrationEntry::State::Pending))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_pendingOnly = false;
};

// n migrations in no particular order: ids of mixed case and shared prefixes, every
// state, four product versions (one empty), positions with ties broken by nothing.
QList<MigrationEntry> mixed(int n)
{
    static const char *const names[] = { "AddTable", "hotfix", "HOTFIX_Index", "Feature1" };
    QList<MigrationEntry> rows;
    for (int i = 0; i < n; ++i) {
        const int k = (i * 7919) % n; // a permutation of 0..n-1: not sorted by id
        static const MigrationEntry::State states[] = { MigrationEntry::State::Applied,
            MigrationEntry::State::Pending, MigrationEntry::State::Ahead };
        const MigrationEntry::State state = states[k % 3];
        static const QString versions[] = { u"8.0.11"_s, QString(), u"9.0.6"_s, u"10.0.1"_s };
        rows << MigrationEntry {
            u"2024%1_%2"_s.arg(k, 6, 10, QLatin1Char('0')).arg(QLatin1StringView(names[k % 4])),
            versions[k % 4], state,
            state == MigrationEntry::State::Ahead ? 0 : 1 + (k / 2) % (n / 3 + 1), {}, {}, {}, {}
        };
    }
    return rows;
}

QStringList shownIds(const QAbstractItemModel &m)
{
    QStringList ids;
    for (int r = 0; r < m.rowCount(); ++r)
        ids << m.index(r, MigrationsModel::IdColumn).data().toString();
    return ids;
}

} // namespace

class TestMigrationsModel : public QObject
{
    Q_OBJECT
private:
    QList<MigrationEntry> sample() const
    {
        return { { u"20240101_A"_s, u"9.0.6"_s, MigrationEntry::State::Applied, 1, {}, {}, {}, {} },
            { u"20240201_B"_s, u"9.0.6"_s, MigrationEntry::State::Applied, 2, {}, {}, {}, {} },
            { u"20240301_C"_s, QString(), MigrationEntry::State::Pending, 3, {}, {}, {}, {} },
            { u"20240401_D"_s, QString(), MigrationEntry::State::Pending, 4, {}, {}, {}, {} },
            { u"20240315_Hotfix"_s, u"9.0.6"_s, MigrationEntry::State::Ahead, 0, {}, {}, {}, {} } };
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
                MigrationEntry::State::Applied, i, {}, {}, {}, {} };
        rows << MigrationEntry { u"x"_s, QString(), MigrationEntry::State::Ahead, 0, {}, {}, {},
            {} };
        model.setMigrations(rows);
        filter.sort(MigrationsModel::PositionColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, MigrationsModel::PositionColumn).data().toInt(), 1);
        QCOMPARE(filter.index(9, MigrationsModel::PositionColumn).data().toInt(), 10);
        QCOMPARE(filter.index(12, MigrationsModel::IdColumn).data().toString(), u"x"_s);
    }

    // Every sort and filter gives QSortFilterProxyModel's rows in its order, with a few
    // rows (worked out at once) and with more than SyncRows (on a pool thread).
    void sameRowsAsQSortFilterProxyModel_data()
    {
        QTest::addColumn<int>("rows");
        QTest::newRow("at once") << 300;
        QTest::newRow("pool thread") << MigrationsFilterModel::SyncRows + 1000;
    }
    void sameRowsAsQSortFilterProxyModel()
    {
        QFETCH(int, rows);
        MigrationsModel model;
        MigrationsFilterModel filter;
        filter.setSourceModel(&model);
        ReferenceFilter reference;
        reference.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMigrations(mixed(rows));
        QTRY_VERIFY(!filter.isBusy());
        QCOMPARE(shownIds(filter), shownIds(reference)); // the model's order, no sort yet
        const bool async = rows > MigrationsFilterModel::SyncRows;
        const auto same = [&] {
            return QTest::qWaitFor([&] { return !filter.isBusy(); })
                && shownIds(filter) == shownIds(reference);
        };
        for (const QString &text : { QString(), u"hotfix"_s, u"00012"_s }) {
            for (const bool pending : { false, true }) {
                const QString filtered = u"text '%1', pending only %2"_s.arg(text).arg(pending);
                filter.setFilterFixedString(text);
                filter.setPendingOnly(pending);
                reference.setFilterFixedString(text);
                reference.setPendingOnly(pending);
                // The rows a filter lets back in may come in another order among equal
                // ones (MigrationsOrder): the model's order first, where there are none.
                filter.sort(-1);
                reference.sort(-1);
                QVERIFY2(same(), qPrintable(filtered));
                QCOMPARE(filter.summary(),
                    reference.rowCount() == rows
                        ? model.summary()
                        : u"%1 of %2 shown"_s.arg(reference.rowCount()).arg(rows)
                            + filter.summary().mid(filter.summary().indexOf(u" · ")));
                // Each sort from the last one: equal rows keep the order shown.
                for (int column = -1; column < MigrationsModel::ColumnCount; ++column) {
                    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
                        filter.sort(column, order);
                        reference.sort(column, order);
                        QVERIFY2(same(),
                            qPrintable(
                                filtered + u", column %1, order %2"_s.arg(column).arg(int(order))));
                    }
                }
                // ProductVersion then MigrationId: each version's rows by id.
                filter.sort(MigrationsModel::IdColumn, Qt::DescendingOrder);
                filter.sort(MigrationsModel::ProductVersionColumn, Qt::AscendingOrder);
                reference.sort(MigrationsModel::IdColumn, Qt::DescendingOrder);
                reference.sort(MigrationsModel::ProductVersionColumn, Qt::AscendingOrder);
                QVERIFY2(same(), qPrintable(filtered + u", by id, then by version"_s));
                QVERIFY(async == (rows > MigrationsFilterModel::SyncRows));
            }
        }
    }

    // A new large set shows no rows and says so until it is in order, then all of them;
    // while a new order is worked out the old one stays.
    void largeSetArrivesInOrder()
    {
        MigrationsModel model;
        MigrationsFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(MigrationsModel::IdColumn, Qt::DescendingOrder);
        const int n = 20000;
        QVERIFY(n > MigrationsFilterModel::SyncRows);
        const QList<MigrationEntry> rows = mixed(n);
        model.setMigrations(rows);
        QVERIFY(filter.isBusy());
        QCOMPARE(filter.rowCount(), 0);
        QCOMPARE(filter.summary(), u"sorting 20000 migrations…"_s);
        QTRY_VERIFY(!filter.isBusy());
        QCOMPARE(filter.rowCount(), n);
        QCOMPARE(filter.index(0, 0).data().toString(), u"2024019999_Feature1"_s);
        QCOMPARE(filter.summary(), model.summary());

        filter.setFilterFixedString(u"hotfix"_s);
        QVERIFY(filter.isBusy());
        QCOMPARE(filter.rowCount(), n); // the old order until the new one is there
        QTRY_VERIFY(!filter.isBusy());
        int counts[7] = {};
        for (const MigrationEntry &m : rows) {
            if (m.id.contains(u"hotfix"_s, Qt::CaseInsensitive))
                ++counts[int(m.state)];
        }
        QCOMPARE(filter.rowCount(), n / 2);
        QCOMPARE(filter.summary(),
            u"10000 of 20000 shown · "_s
                + MigrationsModel::summary(counts[int(MigrationEntry::State::Applied)],
                    counts[int(MigrationEntry::State::Pending)],
                    counts[int(MigrationEntry::State::Ahead)]));
    }

    // The selection (persistent indexes) follows its migration through sorts and filters,
    // and is dropped when its row is filtered out.
    void selectionFollowsItsMigration_data() { sameRowsAsQSortFilterProxyModel_data(); }
    void selectionFollowsItsMigration()
    {
        QFETCH(int, rows);
        MigrationsModel model;
        MigrationsFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMigrations(mixed(rows));
        QTRY_VERIFY(!filter.isBusy());
        const QPersistentModelIndex kept(filter.index(5, MigrationsModel::StateColumn));
        const QString id
            = QModelIndex(kept).siblingAtColumn(MigrationsModel::IdColumn).data().toString();
        QVERIFY(!id.contains(u"hotfix"_s, Qt::CaseInsensitive));
        filter.sort(MigrationsModel::PositionColumn, Qt::DescendingOrder);
        QTRY_VERIFY(!filter.isBusy());
        QVERIFY(kept.isValid());
        QVERIFY(kept.row() != 5);
        QCOMPARE(kept.column(), int(MigrationsModel::StateColumn));
        QCOMPARE(
            QModelIndex(kept).siblingAtColumn(MigrationsModel::IdColumn).data().toString(), id);
        QCOMPARE(filter.mapToSource(kept).data().toString(), kept.data().toString());
        QCOMPARE(filter.mapFromSource(filter.mapToSource(kept)), QModelIndex(kept));
        filter.setFilterFixedString(u"hotfix"_s);
        QTRY_VERIFY(!filter.isBusy());
        QVERIFY(!kept.isValid());
    }
};

QTEST_GUILESS_MAIN(TestMigrationsModel)
#include "tst_migrationsmodel.moc"
