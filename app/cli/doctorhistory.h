// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

class QCommandLineParser;
struct CliOptions;

// `doctor history`: what the run history (history/historystore.h) holds.
//   doctor history [--env NAME] [--check ID] [--since DATE] [--limit N] [--format text|json]
//       past results, newest first
//   doctor history migrations [--env NAME] [--format text|json]
//       each migration with its state, since when, first seen applied, first seen pending
//   doctor history prune --older-than AGE [--format text|json]
//       removes runs that started longer ago than AGE; prints how many
// Every form reads --history PATH_OR_URL (default: the user's data folder's store).
namespace DoctorHistory {

// Returns ExitCode::AllPassed, Usage (bad arguments), or CouldNotRun (the store cannot be
// opened or read; the message names the store and what to do).
int run(const QCommandLineParser &p, const CliOptions &o);

// "90d", "36h": a whole number of days or hours, in milliseconds; nothing for anything else.
std::optional<qint64> parseAge(const QString &text);

// --since: a date (its 00:00 UTC), a date and time (UTC unless it names an offset), or an
// age before now. Invalid for anything else.
QDateTime parseSince(const QString &text, const QDateTime &now);

} // namespace DoctorHistory
