// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "migrations/migrationmatrix.h"

#include <QHash>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Cell = MigrationMatrix::Cell;
using State = MigrationEntry::State;

// One history of one tool as the environments show it.
struct Group
{
    QString tool;
    QString history;
    QList<bool> read; // per column: the environment has a readable result of this history
    QList<QList<MigrationEntry>> entries; // per column: that result's entries (shared)
};

// Merges ORDER (an environment's ids in its own order) into MERGED: ids not yet there are
// put right after the id before them in ORDER (or first), so that a newer expected set of
// one environment extends an older one of another in place. Linear when nothing is new,
// which is the common case (every environment runs the same code). KNOWN: MERGED's ids.
void mergeOrder(QStringList &merged, QSet<QString> &known, const QStringList &order)
{
    QHash<QString, QStringList> after; // anchor id ("" for the front) -> new ids after it
    QString anchor;
    for (const QString &id : order) {
        if (known.contains(id)) {
            anchor = id;
            continue;
        }
        after[anchor].append(id);
        known.insert(id);
    }
    if (after.isEmpty())
        return;
    QStringList result;
    result.reserve(known.size());
    result += after.value(QString());
    for (const QString &id : std::as_const(merged)) {
        result.append(id);
        const auto it = after.constFind(id);
        if (it != after.cend())
            result += *it;
    }
    merged = result;
}

// The tool and history of a migrations result: from its entries, or, for a history that
// has none, from its subject ("<tool> <schema>.<table>", CheckResult::subject).
std::pair<QString, QString> historyOf(const CheckResult &r, const QList<MigrationEntry> &entries)
{
    if (!entries.isEmpty())
        return { entries.first().tool, entries.first().history };
    const qsizetype space = r.subject.indexOf(u' ');
    if (space <= 0)
        return {};
    return { r.subject.left(space), r.subject.mid(space + 1) };
}

bool isAppliedState(State s)
{
    return s == State::Applied || s == State::Ahead || s == State::OutOfOrder;
}

} // namespace

QString MigrationMatrices::cellKey(MigrationMatrix::Cell cell)
{
    switch (cell) {
    case Cell::Applied:
        return u"applied"_s;
    case Cell::Pending:
        return u"pending"_s;
    case Cell::Failed:
        return u"failed"_s;
    case Cell::Dirty:
        return u"dirty"_s;
    case Cell::Modified:
        return u"modified"_s;
    case Cell::Ahead:
        return u"ahead"_s;
    case Cell::OutOfOrder:
        return u"out_of_order"_s;
    case Cell::Absent:
        return u"absent"_s;
    case Cell::Unknown:
        break;
    }
    return u"unknown"_s;
}

MigrationMatrix::Cell MigrationMatrices::cellOf(MigrationEntry::State state)
{
    switch (state) {
    case State::Applied:
        return Cell::Applied;
    case State::Pending:
        return Cell::Pending;
    case State::Failed:
        return Cell::Failed;
    case State::Dirty:
        return Cell::Dirty;
    case State::Modified:
        return Cell::Modified;
    case State::Ahead:
        return Cell::Ahead;
    case State::OutOfOrder:
        return Cell::OutOfOrder;
    }
    return Cell::Unknown;
}

namespace {

// The group's ids in row order: every environment's expected set merged (by position),
// then the ids outside every expected set, merged in the order the histories list them.
QStringList rowOrder(const Group &g)
{
    QStringList expected;
    QSet<QString> inExpected;
    for (qsizetype c = 0; c < g.entries.size(); ++c) {
        QList<const MigrationEntry *> byPosition;
        for (const MigrationEntry &e : g.entries.at(c)) {
            if (e.position > 0)
                byPosition.append(&e);
        }
        // The check lists EF Core's rows by id, other tools' in expected order.
        std::stable_sort(byPosition.begin(), byPosition.end(),
            [](const MigrationEntry *a, const MigrationEntry *b) {
                return a->position < b->position;
            });
        QStringList ids;
        ids.reserve(byPosition.size());
        for (const MigrationEntry *e : std::as_const(byPosition))
            ids.append(e->id);
        mergeOrder(expected, inExpected, ids);
    }
    QStringList outside;
    QSet<QString> inOutside;
    for (const QList<MigrationEntry> &list : g.entries) {
        QStringList ids;
        for (const MigrationEntry &e : list) {
            if (e.position <= 0 && !inExpected.contains(e.id))
                ids.append(e.id);
        }
        mergeOrder(outside, inOutside, ids);
    }
    return expected + outside;
}

// When the cell's environment first saw it so: the store's answer, or, for an applied
// state, the tool's own applied-at time when that is earlier (the tool knows; the store
// only knows since when doctor has looked).
QDateTime firstSeenOf(const MigrationMatrices::FirstSeen &firstSeen, const QString &environment,
    const MigrationEntry &e)
{
    QDateTime seen;
    if (firstSeen)
        seen = firstSeen(environment, e.tool, e.history, e.id, e.state);
    if (isAppliedState(e.state) && e.appliedAt.isValid() && (!seen.isValid() || e.appliedAt < seen))
        seen = e.appliedAt.toUTC();
    return seen;
}

bool differs(const QList<Cell> &cells)
{
    const Cell *first = nullptr;
    for (const Cell &cell : cells) {
        if (cell == Cell::Unknown)
            continue;
        if (!first)
            first = &cell;
        else if (cell != *first)
            return true;
    }
    return false;
}

void appendRows(MigrationMatrix &m, const Group &g, const QStringList &environments,
    const MigrationMatrices::FirstSeen &firstSeen)
{
    const QStringList ids = rowOrder(g);
    const qsizetype first = m.rows.size();
    const qsizetype columns = environments.size();
    QHash<QString, qsizetype> rowOf;
    rowOf.reserve(ids.size());
    for (const QString &id : ids) {
        rowOf.insert(id, m.rows.size());
        MigrationMatrix::Row row { g.tool, g.history, id, {}, {}, false };
        row.cells.reserve(columns);
        for (qsizetype c = 0; c < columns; ++c)
            row.cells.append(g.read.at(c) ? Cell::Absent : Cell::Unknown);
        row.firstSeen.resize(columns);
        m.rows.append(std::move(row));
    }
    for (qsizetype c = 0; c < columns; ++c) {
        for (const MigrationEntry &e : g.entries.at(c)) {
            MigrationMatrix::Row &row = m.rows[rowOf.value(e.id)];
            row.cells[c] = MigrationMatrices::cellOf(e.state);
            row.firstSeen[c] = firstSeenOf(firstSeen, environments.at(c), e);
        }
    }
    for (qsizetype r = first; r < m.rows.size(); ++r)
        m.rows[r].differs = differs(m.rows.at(r).cells);
}

} // namespace

MigrationMatrix MigrationMatrices::build(
    const QList<CheckResult> &results, const QStringList &environments, const FirstSeen &firstSeen)
{
    MigrationMatrix m;
    const qsizetype columns = environments.size();
    QHash<QString, qsizetype> columnOf;
    for (qsizetype c = 0; c < columns; ++c) {
        columnOf.insert(environments.at(c), c);
        m.columns.append({ environments.at(c), CheckStatus::Skipped });
    }

    // The migrations check's results are the ones whose details are a QList<MigrationEntry>:
    // recognised by their type, so that no check id is spelled here.
    const QMetaType entriesType = QMetaType::fromType<QList<MigrationEntry>>();
    QList<Group> groups;
    QHash<std::pair<QString, QString>, qsizetype> groupOf;
    for (const CheckResult &r : results) {
        const auto col = columnOf.constFind(r.environment);
        if (col == columnOf.cend())
            continue;
        MigrationMatrix::Column &column = m.columns[*col];
        if (Status::rank(r.status) > Status::rank(column.worst))
            column.worst = r.status;
        if (r.details.metaType() != entriesType)
            continue; // another check, or a history that could not be read: Unknown
        const QList<MigrationEntry> entries = r.details.value<QList<MigrationEntry>>();
        const auto key = historyOf(r, entries);
        if (key.first.isEmpty())
            continue;
        auto g = groupOf.constFind(key);
        if (g == groupOf.cend()) {
            g = groupOf.insert(key, groups.size());
            groups.append({ key.first, key.second, QList<bool>(columns, false),
                QList<QList<MigrationEntry>>(columns) });
        }
        groups[*g].read[*col] = true;
        groups[*g].entries[*col] = entries;
    }
    // Tools and histories by name: the same order whichever environment answered first.
    std::sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        return std::tie(a.tool, a.history) < std::tie(b.tool, b.history);
    });
    for (const Group &g : std::as_const(groups))
        appendRows(m, g, environments, firstSeen);
    return m;
}
