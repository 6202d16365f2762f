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

// One sort key per row for a column; ties are left to the row number.
qint64 keyOf(int column, const MigrationEntry &e, int idRank, int versionRank)
{
    switch (column) {
    case MigrationsModel::IdColumn:
        return idRank;
    case MigrationsModel::StateColumn: // SortRole "<rank> <id>": the state's rank, then the id
        return qint64(MigrationsModel::stateRank(e.state)) << 32 | qint64(idRank);
    case MigrationsModel::ProductVersionColumn:
        return versionRank;
    case MigrationsModel::PositionColumn: // rows outside the expected set (0) go last
        return e.position > 0 ? e.position : INT_MAX;
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

    // A list has a handful of product versions: rank the distinct ones.
    QHash<QString, int> versionRanks;
    for (const MigrationEntry &e : entries)
        versionRanks.insert(shownVersion(e), 0);
    QStringList versions = versionRanks.keys();
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseSensitive) < 0;
    });
    for (qsizetype i = 0; i < versions.size(); ++i)
        versionRanks[versions.at(i)] = int(i);
    keys.versionRank.reserve(n);
    for (const MigrationEntry &e : entries)
        keys.versionRank.append(versionRanks.value(shownVersion(e)));
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
        // QSortFilterProxyModel's fixed-string filter with Qt::CaseInsensitive.
        return s.text.isEmpty() || e.id.contains(s.text, Qt::CaseInsensitive);
    };
    const bool sorted = s.column >= 0 && s.column < MigrationsModel::ColumnCount;
    if (sorted && previous.forList && previous.settings.text == s.text
        && previous.settings.pendingOnly == s.pendingOnly) {
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
            const qint64 key
                = keyOf(s.column, entries.at(row), keys.idRank.at(row), keys.versionRank.at(row));
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
