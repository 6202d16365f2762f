// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QMap>
#include <QString>
#include <QStringList>

// Placeholders in KB text: "<name>" where the environment supplies the value, e.g.
// "kubectl -n <namespace> exec -it <platform-pod> -- stella db migrate". A name is
// [a-z][a-z0-9-]*; shell syntax such as "<<EOF", "<<-EOF", "<<<word" and "< file" is not one.
namespace KbPlaceholders {
// Names used in text, in order of first appearance, each once.
QStringList find(const QString &text);
// Replaces each <name> that values has; unknown ones stay visible for the user to fill.
QString fill(const QString &text, const QMap<QString, QString> &values);
// Values a result's own evidence supplies, so a fix names the history and migration at hand:
// history-schema (evidence HistorySchema), history-table (HistoryTable), latest-applied
// (LatestApplied), and the first of FailedMigrations, ModifiedMigrations, PendingMigrations
// as failed-migration, modified-migration, pending-migration; root-pid (RootBlockerPid),
// root-user (RootBlockerUser), ddl-user (BlockedDdlUser) and the first of PreparedTransactionIds as
// prepared-gid. Only values made of letters, digits and _ . : / @ + - are taken: commands are
// copied into a shell, and a name with a space, quote or $ would change what they do; such a
// placeholder stays for the user.
// Also oldest-pid (OldestPid), oldest-user (OldestUser), the first of InvalidIndexes as
// invalid-index, constraint-table (ConstraintTable) and constraint-name (ConstraintName).
// Also freeze-table (OldestTable), freeze-database (OldestDatabase), sequence-name
// (HighestSequence), sequence-table (HighestTable), sequence-column (HighestColumn).
// Also the first of InactiveSlotNames as slot-name, of DeadTupleTables as vacuum-table and
// of AutovacuumOffTables as vacuum-off-table.
QMap<QString, QString> fromEvidence(const Evidence &evidence);
// The names articles may use, sorted: the one list `doctor kb lint` checks spelling
// against. An environment may still supply values for other names.
QStringList known();
} // namespace KbPlaceholders
