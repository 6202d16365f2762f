// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/migrationmatrix.h"

#include <QByteArray>
#include <QString>

// The cross-environment migration matrix (migrations/migrationmatrix.h) as `doctor matrix`
// prints it. allRows false keeps the rows whose differs flag is set (not every known cell
// in the same state), as the dashboard's "Only rows that differ" does by default. States
// are MigrationMatrices::cellKey(), statuses Status::key(), times UTC ISO 8601 with ms.
namespace MatrixWriter {

constexpr int SchemaVersion = 1; // of json(); a new member keeps it, a changed one raises it

// A table: a header of the environments, a line of each one's worst status, one line per
// migration (a HISTORY column, "<tool> <schema>.<table>", when there are several), then a
// line saying how many rows differ and, when rows were left out, that --all shows them.
QString text(const MigrationMatrix &m, bool allRows);

// {"schemaVersion": 1, "rowsShown": "differing" | "all", "migrationCount": n,
//  "differingCount": n, "environments": [{"environment", "worst"}],
//  "migrations": [{"tool", "history", "migrationId", "differs",
//                  "cells": [{"environment", "state", "firstSeen" (null when unknown)}]}]}
// indented UTF-8.
QByteArray json(const MigrationMatrix &m, bool allRows);

// RFC 4180: a header "tool,history,migration,differs,<env>,<env> first seen,..." then one
// record per migration, each cell's state and first seen (empty when unknown); CRLF line
// ends; a field holding a comma, quote, CR or LF is quoted with its quotes doubled. The
// worst statuses are not in it (they are no migration's values): see text() or json().
QByteArray csv(const MigrationMatrix &m, bool allRows);

} // namespace MatrixWriter
