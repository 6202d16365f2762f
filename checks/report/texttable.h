// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A plain-text table for a terminal: a header line, then one line per row, columns padded
// to their widest cell and two spaces apart; the last column is not padded (no trailing
// blanks). Widths count QChars, which is right for the ASCII of ids, states and ISO times.
namespace TextTable {
QString render(const QStringList &headers, const QList<QStringList> &rows);
} // namespace TextTable
