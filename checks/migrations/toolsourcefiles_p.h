// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "migrations/expectedmigrations.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// What the readers of toolsources.h share: listing a folder, reading a file, decimal
// versions. Internal to them (toolsourcefiles.cpp).
namespace ToolSourceFiles {

inline constexpr int MaxDepth = 8; // folders below the one given
inline constexpr int MaxEntries = 100000; // entries looked at in one walk

// A fresh set: kind ToolSource, TOOL, source DIR.
ExpectedSet start(const QString &dir, MigrationTool tool);
// The names of the files (FILES) or folders directly in DIR, hidden ones left out,
// sorted by name (ordinal).
QStringList fileNames(const QString &dir);
QStringList folderNames(const QString &dir);
// The files in DIR and below, as paths relative to DIR, sorted; hidden entries and
// build output and dependencies (bin/, obj/, target/, build/, node_modules/, vendor/,
// __pycache__, site-packages, virtualenvs: a folder with pyvenv.cfg) skipped, at most MaxDepth
// folders deep and MaxEntries entries (a walk cut short is a warning in SET).
QStringList filesBelow(const QString &dir, ExpectedSet *set);
// The file's bytes (at most ExpectedMigrations::MaxFileBytes). False with *ERROR naming
// the file and what to do when it cannot be read or is larger.
bool readBytes(const QString &path, QByteArray *bytes, QString *error);
// Its text, UTF-8 (a BOM dropped); empty when unreadable.
QString readText(const QString &path);
// DIGITS as a decimal without leading zeros ("0007" -> "7", "000" -> "0"); empty when
// DIGITS is empty or holds anything but ASCII digits.
QString decimal(QStringView digits);
// Whether the decimal D (no leading zeros) is at most MAX (as a decimal without them).
bool fitsIn(const QString &d, const QString &max);
// Ascending by numeric value (decimals without leading zeros); equal values by text.
bool lessNumeric(const QString &a, const QString &b);
// "no <what> found in DIR; <hint>" when SET has no ids and no error yet.
void requireIds(ExpectedSet *set, const QString &what, const QString &hint);
// Whether a parent of DIR (up to 4 levels) holds a file named NAME, or one ending in
// NAME when NAME starts with '.' (".csproj").
bool parentHolds(const QString &dir, const QString &name);

} // namespace ToolSourceFiles
