// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationentry.h"

#include <QList>
#include <QString>

// Which rows of a migrations list MigrationsFilterModel shows, and in which order, worked
// out on the entries themselves: pure functions without a model or a QVariant, so that a
// pool thread can run them on a list of 100 000.
//
// The results are QSortFilterProxyModel's over MigrationsModel: the rows whose MigrationId
// contains the text (case ignored), of the states asked for, pending ones only if asked,
// stably sorted by a column's
// MigrationsModel::SortRole compared as QSortFilterProxyModel compares it (strings
// case-sensitively and not by locale, numbers as numbers). Stable as there: equal rows keep
// the order they were shown in, in both directions, so sorting by MigrationId and then by
// ProductVersion orders each version's rows by id. One difference: rows that a filter lets
// back in come after the equal rows already shown, in the list's order (QSortFilterProxyModel
// inserts them among those).
struct MigrationsOrder
{
    static constexpr quint32 AllStates = (1u << 7) - 1; // the seven MigrationEntry::State
    static constexpr quint32 stateBit(MigrationEntry::State state) { return 1u << int(state); }

    struct Settings
    {
        QString text; // empty: no text filter
        bool pendingOnly = false;
        // Bit 1 << int(MigrationEntry::State) for each state shown; AllStates shows every one.
        quint32 states = AllStates;
        int column = -1; // a MigrationsModel::Column; -1: the list's order (reversed descending)
        Qt::SortOrder order = Qt::AscendingOrder;
    };

    // Ranks of each entry's id, shown product version, tool name and history among all of
    // the list's: worked out once per list (one sort of the ids, none when they come sorted,
    // as the migrations check delivers them; the others have a handful of distinct values),
    // so that every later sort compares integers, not strings.
    struct Keys
    {
        QList<int> idRank;
        QList<int> versionRank;
        QList<int> toolRank;
        QList<int> historyRank;
        // Each entry's state: read by every filter, sort and count from this short list
        // rather than from the entries (100 000 of them are 15 MB, out of the caches).
        QList<quint8> states;
    };
    static Keys keysFor(const QList<MigrationEntry> &entries);

    // keys: keysFor(entries). previous: the order shown now for the same entries, which
    // equal rows keep; a default MigrationsOrder for a new list.
    static MigrationsOrder compute(const QList<MigrationEntry> &entries, const Keys &keys,
        const Settings &settings, const MigrationsOrder &previous);

    QList<int> rows; // shown row -> entry
    QList<int> shownRows; // entry -> shown row, -1 when filtered out
    int counts[7] = {}; // shown rows per MigrationEntry::State
    Settings settings; // what it was worked out for
    bool forList = false; // worked out (for the entries it came with); false: none yet
};
