// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsfiltermodel.h"
#include "migrationsmodel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

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
    void setStates(quint32 states)
    {
        m_states = states;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const int state
            = sourceModel()->index(row, 0, parent).data(MigrationsModel::StateRole).toInt();
        if (m_pendingOnly && state != int(MigrationEntry::State::Pending))
            return false;
        if (!(m_states & (1u << state)))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_pendingOnly = false;
    quint32 m_states = MigrationsOrder::AllStates;
};

// n migrations in no particular order: ids of mixed case and shared prefixes, every one of
// the seven states, four product versions (one empty), positions with ties broken by
// nothing, three tools with their histories (one of them twice, in two schemas), applied-at
// times with ties and rows without one.
QList<MigrationEntry> mixed(int n)
{
    static const char *const names[] = { "AddTable", "hotfix", "HOTFIX_Index", "Feature1" };
    static const std::pair<QString, QString> histories[]
        = { { u"efcore"_s, u"public.__EFMigrationsHistory"_s },
              { u"flyway"_s, u"public.flyway_schema_history"_s },
              { u"liquibase"_s, u"public.databasechangelog"_s },
              { u"flyway"_s, u"Billing.flyway_schema_history"_s } };
    QList<MigrationEntry> rows;
    for (int i = 0; i < n; ++i) {
        const int k = (i * 7919) % n; // a permutation of 0..n-1: not sorted by id
        const auto state = MigrationEntry::State(k % 7);
        static const QString versions[] = { u"8.0.11"_s, QString(), u"9.0.6"_s, u"10.0.1"_s };
        const auto &[tool, history] = histories[(k / 5) % 4];
        rows << MigrationEntry {
            u"2024%1_%2"_s.arg(k, 6, 10, QLatin1Char('0')).arg(QLatin1StringView(names[k % 4])),
            versions[k % 4], state,
            state == MigrationEntry::State::Ahead ? 0 : 1 + (k / 2) % (n / 3 + 1), tool, history,
            k % 6 ? QDateTime::fromSecsSinceEpoch(1700000000 + (k % 97) * 60, QTimeZone::UTC)
                  : QDateTime(),
            state == MigrationEntry::State::Failed ? u"ERROR: boom %1"_s.arg(k) : QString()
        };
    }
    return rows;
}

// Rows per state of a list.
void countStates(const QList<MigrationEntry> &rows, int (&counts)[7])
{
    std::fill(std::begin(counts), std::end(counts), 0);
    for (const MigrationEntry &m : rows)
        ++counts[int(m.state)];
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

    // Every state is counted: applied takes every row the history records as applied
    // (modified, out of order and not expected too), then each state that has rows.
    void summaryCountsEveryState()
    {
        using S = MigrationEntry::State;
        QList<MigrationEntry> rows;
        const std::pair<S, int> per[] = { { S::Applied, 3 }, { S::Pending, 2 }, { S::Failed, 1 },
            { S::Dirty, 1 }, { S::Modified, 2 }, { S::Ahead, 1 }, { S::OutOfOrder, 1 } };
        for (const auto &[state, n] : per) {
            for (int i = 0; i < n; ++i)
                rows << MigrationEntry { u"m%1_%2"_s.arg(int(state)).arg(i), {}, state, 0, {}, {},
                    {}, {} };
        }
        MigrationsModel model;
        model.setMigrations(rows);
        QCOMPARE(model.summary(),
            u"7 applied · 1 failed · 1 dirty · 2 modified · 2 pending · 1 out of order · "
            "1 not in expected set"_s);
        MigrationsFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStates(
            MigrationsOrder::stateBit(S::Failed) | MigrationsOrder::stateBit(S::Dirty));
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.summary(), u"2 of 11 shown · 0 applied · 1 failed · 1 dirty · 0 pending"_s);
        // Failing first, then pending, out of order, not expected, applied.
        filter.setStates(MigrationsOrder::AllStates);
        filter.sort(MigrationsModel::StateColumn);
        QStringList states;
        for (int r = 0; r < filter.rowCount(); ++r)
            states << filter.index(r, MigrationsModel::StateColumn).data().toString();
        states.removeDuplicates();
        QCOMPARE(states,
            (QStringList { u"Failed"_s, u"Dirty"_s, u"Modified"_s, u"Pending"_s, u"Out of order"_s,
                u"Not in expected set"_s, u"Applied"_s }));
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
        using S = MigrationEntry::State;
        const quint32 failing = MigrationsOrder::stateBit(S::Failed)
            | MigrationsOrder::stateBit(S::Dirty) | MigrationsOrder::stateBit(S::Modified);
        for (const QString &text : { QString(), u"hotfix"_s, u"00012"_s }) {
            for (const auto &[pending, states] : { std::pair { false, MigrationsOrder::AllStates },
                     std::pair { true, MigrationsOrder::AllStates }, std::pair { false, failing },
                     std::pair { true, failing | MigrationsOrder::stateBit(S::Pending) } }) {
                const QString filtered
                    = u"text '%1', pending only %2, states %3"_s.arg(text).arg(pending).arg(states);
                filter.setFilterFixedString(text);
                filter.setPendingOnly(pending);
                filter.setStates(states);
                reference.setFilterFixedString(text);
                reference.setPendingOnly(pending);
                reference.setStates(states);
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
        QList<MigrationEntry> hotfixes;
        for (const MigrationEntry &m : rows) {
            if (m.id.contains(u"hotfix"_s, Qt::CaseInsensitive))
                hotfixes << m;
        }
        int counts[7];
        countStates(hotfixes, counts);
        QCOMPARE(filter.rowCount(), n / 2);
        QCOMPARE(filter.summary(), u"10000 of 20000 shown · "_s + MigrationsModel::summary(counts));

        // The state filter goes the same way: the old order until the new one is there.
        filter.setStates(MigrationsOrder::stateBit(MigrationEntry::State::Dirty));
        QVERIFY(filter.isBusy());
        QCOMPARE(filter.rowCount(), n / 2);
        QTRY_VERIFY(!filter.isBusy());
        QCOMPARE(filter.rowCount(), counts[int(MigrationEntry::State::Dirty)]);
        QCOMPARE(filter.summary(),
            u"%1 of 20000 shown · 0 applied · %1 dirty · 0 pending"_s.arg(filter.rowCount()));
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
