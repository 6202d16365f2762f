// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsorder.h"

#include "migrationsmodel.h"

#include <QHash>
#include <algorithm>
#include <climits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// The ProductVersion column's text, which is what it sorts by: a dash for none (after
// the version numbers).
QString shownVersion(const MigrationEntry &e)
{
    return e.productVersion.isEmpty() ? u"—"_s : e.productVersion;
}

// Each distinct text's rank among the texts, case-sensitively (as QSortFilterProxyModel
// compares strings), one per entry. text() is called once per entry: the tool's name is
// looked up, and a list has a handful of distinct texts, so their ranks are worked out once.
QList<int> ranksOf(const QList<MigrationEntry> &entries, QString (*text)(const MigrationEntry &))
{
    QHash<QString, int> distinct; // text -> its index in texts
    QStringList texts;
    QList<int> result;
    result.reserve(entries.size());
    for (const MigrationEntry &e : entries) {
        const QString t = text(e);
        auto it = distinct.constFind(t);
        if (it == distinct.cend()) {
            it = distinct.insert(t, int(texts.size()));
            texts << t;
        }
        result.append(*it);
    }
    QList<int> order(texts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&texts](int a, int b) {
        return QString::compare(texts.at(a), texts.at(b), Qt::CaseSensitive) < 0;
    });
    QList<int> rankOfIndex(texts.size());
    for (qsizetype r = 0; r < order.size(); ++r)
        rankOfIndex[order.at(r)] = int(r);
    for (int &r : result)
        r = rankOfIndex.at(r);
    return result;
}

// One sort key per row for a column; ties are left to the row number.
qint64 keyOf(int column, const MigrationEntry &e, const MigrationsOrder::Keys &keys, int row)
{
    switch (column) {
    case MigrationsModel::IdColumn:
        return keys.idRank.at(row);
    case MigrationsModel::StateColumn: // SortRole "<rank> <id>": the state's rank, then the id
        return qint64(MigrationsModel::stateRank(e.state)) << 32 | qint64(keys.idRank.at(row));
    case MigrationsModel::ProductVersionColumn:
        return keys.versionRank.at(row);
    case MigrationsModel::PositionColumn: // rows outside the expected set (0) go last
        return e.position > 0 ? e.position : INT_MAX;
    case MigrationsModel::ToolColumn:
        return keys.toolRank.at(row);
    case MigrationsModel::HistoryColumn:
        return keys.historyRank.at(row);
    case MigrationsModel::AppliedAtColumn:
        return MigrationsModel::appliedAtKey(e);
    }
    return 0;
}

} // namespace

MigrationsOrder::Keys MigrationsOrder::keysFor(const QList<MigrationEntry> &entries)
{
    Keys keys;
    const qsizetype n = entries.size();
    QList<int> byId(n);
    std::iota(byId.begin(), byId.end(), 0);
    const auto idLess = [&entries](int a, int b) {
        return QString::compare(entries.at(a).id, entries.at(b).id, Qt::CaseSensitive) < 0;
    };
    if (!std::is_sorted(byId.cbegin(), byId.cend(), idLess))
        std::stable_sort(byId.begin(), byId.end(), idLess);
    keys.idRank = QList<int>(n, 0);
    int rank = -1;
    for (qsizetype k = 0; k < n; ++k) {
        if (k == 0 || entries.at(byId.at(k - 1)).id != entries.at(byId.at(k)).id)
            ++rank;
        keys.idRank[byId.at(k)] = rank;
    }

    // A list has a handful of product versions, tools and histories.
    keys.versionRank = ranksOf(entries, shownVersion);
    keys.toolRank = ranksOf(entries, MigrationsModel::toolText);
    keys.historyRank = ranksOf(entries, [](const MigrationEntry &e) { return e.history; });
    return keys;
}

MigrationsOrder MigrationsOrder::compute(const QList<MigrationEntry> &entries, const Keys &keys,
    const Settings &s, const MigrationsOrder &previous)
{
    MigrationsOrder o;
    o.settings = s;
    o.forList = true;
    o.rows.reserve(entries.size());
    const auto accepted = [&s](const MigrationEntry &e) {
        if (s.pendingOnly && e.state != MigrationEntry::State::Pending)
            return false;
        if (!(s.states & stateBit(e.state)))
            return false;
        // QSortFilterProxyModel's fixed-string filter with Qt::CaseInsensitive.
        return s.text.isEmpty() || e.id.contains(s.text, Qt::CaseInsensitive);
    };
    const bool sorted = s.column >= 0 && s.column < MigrationsModel::ColumnCount;
    if (sorted && previous.forList && previous.settings.text == s.text
        && previous.settings.pendingOnly == s.pendingOnly && previous.settings.states == s.states) {
        o.rows = previous.rows; // only the sort changed: from the order shown
    } else if (sorted && previous.forList) {
        // The rows still shown in the order shown, then those the filter lets in.
        for (const int row : previous.rows) {
            if (accepted(entries.at(row)))
                o.rows.append(row);
        }
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (previous.shownRows.at(i) < 0 && accepted(entries.at(i)))
                o.rows.append(int(i));
        }
    } else {
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (accepted(entries.at(i)))
                o.rows.append(int(i));
        }
    }
    if (sorted) {
        // (key, place) pairs sorted: equal keys keep their places, in both directions.
        const bool descending = s.order == Qt::DescendingOrder;
        QList<std::pair<qint64, int>> keyed;
        keyed.reserve(o.rows.size());
        for (qsizetype p = 0; p < o.rows.size(); ++p) {
            const int row = o.rows.at(p);
            const qint64 key = keyOf(s.column, entries.at(row), keys, row);
            keyed.append({ descending ? -key : key, int(p) });
        }
        std::sort(keyed.begin(), keyed.end());
        const QList<int> before = o.rows;
        for (qsizetype p = 0; p < keyed.size(); ++p)
            o.rows[p] = before.at(keyed.at(p).second);
    } else if (s.order == Qt::DescendingOrder) {
        std::reverse(o.rows.begin(), o.rows.end()); // no column: the list's order, reversed
    }
    o.shownRows = QList<int>(entries.size(), -1);
    for (qsizetype p = 0; p < o.rows.size(); ++p) {
        const int row = o.rows.at(p);
        o.shownRows[row] = int(p);
        ++o.counts[int(entries.at(row).state)];
    }
    return o;
}
