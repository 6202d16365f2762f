// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrationsorder.h"

#include "migrationsmodel.h"

#include <QHash>
#include <QStringMatcher>
#include <algorithm>
#include <climits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

// Each distinct text's rank among the texts, case-sensitively (as QSortFilterProxyModel
// compares strings), one per entry. The text of an entry is shown(field(e)): field() is a
// member (no copy), shown() is called once per distinct field value, not per row (the tool's
// name is looked up there). A list has a handful of distinct values, and rows with the same
// one come together (one history's rows, or a version every few rows): the row before is
// compared first, then a hash; 100 000 rows cost 100 000 comparisons of a few characters
// instead of as many copies, look-ups and hashes (bench_history's fill, Session 9).
QList<int> ranksOf(const QList<MigrationEntry> &entries,
    const QString &(*field)(const MigrationEntry &), QString (*shown)(const QString &))
{
    // Field values seen, with their texts' indexes: scanned in turn (a handful, each
    // compared by length first, then characters), a hash only beyond a few.
    constexpr qsizetype FewValues = 8;
    QList<std::pair<QString, int>> few;
    QHash<QString, int> many;
    QHash<QString, int> distinctTexts; // shown text -> its index in texts
    QStringList texts;
    QList<int> result(entries.size());
    int *out = result.data();
    const QString *last = nullptr;
    int lastIndex = -1;
    const auto indexOf = [&](const QString &f) {
        // The same data first (the check's rows share their few versions' texts), then equal.
        for (const auto &[value, index] : std::as_const(few)) {
            if (value.constData() == f.constData() && value.size() == f.size())
                return index;
        }
        for (const auto &[value, index] : std::as_const(few)) {
            if (value == f)
                return index;
        }
        if (const auto it = many.constFind(f); it != many.cend())
            return *it;
        const QString t = shown(f);
        auto text = distinctTexts.constFind(t);
        if (text == distinctTexts.cend()) {
            text = distinctTexts.insert(t, int(texts.size()));
            texts << t;
        }
        if (few.size() < FewValues)
            few.append({ f, *text });
        else
            many.insert(f, *text);
        return *text;
    };
    for (const MigrationEntry &e : entries) {
        const QString &f = field(e);
        // Rows of one history share its name's data: no comparison of characters then.
        if (!last || !(f.constData() == last->constData() && f.size() == last->size())) {
            lastIndex = indexOf(f);
            last = &f;
        }
        *out++ = lastIndex;
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

const QString &productVersionOf(const MigrationEntry &e)
{
    return e.productVersion;
}

const QString &toolOf(const MigrationEntry &e)
{
    return e.tool;
}

const QString &historyOf(const MigrationEntry &e)
{
    return e.history;
}

// The ProductVersion column's text, which is what it sorts by: a dash for none (after
// the version numbers).
QString shownVersion(const QString &productVersion)
{
    return productVersion.isEmpty() ? u"—"_s : productVersion;
}

// The Tool column's text (MigrationsModel::toolText) of a tool key.
QString shownTool(const QString &tool)
{
    MigrationEntry e;
    e.tool = tool;
    return MigrationsModel::toolText(e);
}

QString itself(const QString &text)
{
    return text;
}

// One sort key per row for a column; ties are left to the row number.
qint64 keyOf(int column, const MigrationEntry &e, const MigrationsOrder::Keys &keys, int row)
{
    switch (column) {
    case MigrationsModel::IdColumn:
        return keys.idRank.at(row);
    case MigrationsModel::StateColumn: { // SortRole "<rank> <id>": the state's rank, then the id
        const auto state = MigrationEntry::State(keys.states.at(row));
        return qint64(MigrationsModel::stateRank(state)) << 32 | qint64(keys.idRank.at(row));
    }
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
    keys.idRank = QList<int>(n, 0);
    // The check delivers its rows by id: one comparison per neighbour finds both that they
    // are in order and which ids are equal (one pass instead of a sort check and a pass
    // comparing again; bench_history, Session 9); only rows out of order are sorted.
    int rank = 0;
    bool inOrder = true;
    for (qsizetype k = 1; k < n && inOrder; ++k) {
        const int c = QString::compare(entries.at(k - 1).id, entries.at(k).id, Qt::CaseSensitive);
        inOrder = c <= 0;
        if (c < 0)
            ++rank;
        keys.idRank[k] = rank;
    }
    if (!inOrder) {
        QList<int> byId(n);
        std::iota(byId.begin(), byId.end(), 0);
        const auto idLess = [&entries](int a, int b) {
            return QString::compare(entries.at(a).id, entries.at(b).id, Qt::CaseSensitive) < 0;
        };
        std::stable_sort(byId.begin(), byId.end(), idLess);
        rank = -1;
        for (qsizetype k = 0; k < n; ++k) {
            if (k == 0 || entries.at(byId.at(k - 1)).id != entries.at(byId.at(k)).id)
                ++rank;
            keys.idRank[byId.at(k)] = rank;
        }
    }

    // A list has a handful of product versions, tools and histories.
    keys.versionRank = ranksOf(entries, productVersionOf, shownVersion);
    keys.toolRank = ranksOf(entries, toolOf, shownTool);
    keys.historyRank = ranksOf(entries, historyOf, itself);
    keys.states.resize(n);
    for (qsizetype k = 0; k < n; ++k)
        keys.states[k] = quint8(entries.at(k).state);
    return keys;
}

MigrationsOrder MigrationsOrder::compute(const QList<MigrationEntry> &entries, const Keys &keys,
    const Settings &s, const MigrationsOrder &previous)
{
    MigrationsOrder o;
    o.settings = s;
    o.forList = true;
    o.rows.reserve(entries.size());
    // QSortFilterProxyModel's fixed-string filter with Qt::CaseInsensitive. One matcher for
    // every row: QString::contains() sets up its search again per row (a filter of 100 000
    // ids took 18 ms of it, each key typed; bench_history, Session 9).
    const QStringMatcher text(s.text, Qt::CaseInsensitive);
    const auto accepted = [&s, &text, &keys, &entries](qsizetype row) {
        const auto state = MigrationEntry::State(keys.states.at(row));
        if (s.pendingOnly && state != MigrationEntry::State::Pending)
            return false;
        if (!(s.states & stateBit(state)))
            return false;
        return s.text.isEmpty() || text.indexIn(entries.at(row).id) >= 0;
    };
    const bool sorted = s.column >= 0 && s.column < MigrationsModel::ColumnCount;
    if (sorted && previous.forList && previous.settings.text == s.text
        && previous.settings.pendingOnly == s.pendingOnly && previous.settings.states == s.states) {
        o.rows = previous.rows; // only the sort changed: from the order shown
    } else if (sorted && previous.forList) {
        // The rows still shown in the order shown, then those the filter lets in.
        for (const int row : previous.rows) {
            if (accepted(row))
                o.rows.append(row);
        }
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (previous.shownRows.at(i) < 0 && accepted(i))
                o.rows.append(int(i));
        }
    } else {
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (accepted(i))
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
        // Rows often come in the order asked or its reverse (the check delivers them by id;
        // a header click turns the order around): no sort then. Reversed only where no two
        // keys are equal, as equal ones keep their places.
        const auto notDescending
            = [](const std::pair<qint64, int> &a, const std::pair<qint64, int> &b) {
                  return a.first <= b.first;
              };
        if (!std::is_sorted(keyed.cbegin(), keyed.cend())) {
            if (std::adjacent_find(keyed.cbegin(), keyed.cend(), notDescending) == keyed.cend())
                std::reverse(keyed.begin(), keyed.end());
            else
                std::sort(keyed.begin(), keyed.end());
            const QList<int> before = o.rows;
            for (qsizetype p = 0; p < keyed.size(); ++p)
                o.rows[p] = before.at(keyed.at(p).second);
        }
    } else if (s.order == Qt::DescendingOrder) {
        std::reverse(o.rows.begin(), o.rows.end()); // no column: the list's order, reversed
    }
    o.shownRows = QList<int>(entries.size(), -1);
    for (qsizetype p = 0; p < o.rows.size(); ++p) {
        const int row = o.rows.at(p);
        o.shownRows[row] = int(p);
        ++o.counts[keys.states.at(row)];
    }
    return o;
}
