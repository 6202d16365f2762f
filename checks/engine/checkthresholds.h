// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QHash>
#include <QList>
#include <QString>

// The thresholds of the checks that take them from the environments file's `thresholds:`
// section (issue 17), one mapping per check under its short name:
//
//   thresholds:
//     long-transactions: { queryWarnSeconds: 30, transactionFailSeconds: 1800 }
//     sequences: { warnPercent: 60 }
//
// The table below is the one place their keys, defaults and bounds are written; the reader
// validates against it (FILE:LINE:COL errors), the writer writes what differs from it, and
// each check reads its values through Environment::threshold(). The pool and the locks
// checks keep their own sections (`pool:`, `locks:`), which came first.
struct ThresholdSpec
{
    const char
        *check; // the check's short name: "long-transactions" for check.postgres.long-transactions
    const char *key; // "queryWarnSeconds"
    double defaultValue;
    double minimum; // inclusive
    double maximum; // inclusive
    // The key whose value this one must not exceed (a warning above its failure would never
    // be seen), or nullptr.
    const char *notAbove = nullptr;
};

namespace CheckThresholds {
// Every threshold of every check, grouped by check, in the order the file writes them.
const QList<ThresholdSpec> &all();
// The entry for (check, key), nullptr when there is none.
const ThresholdSpec *find(const QString &check, const QString &key);
// The short names that have thresholds, in the table's order.
QStringList checks();
// "check.postgres.long-transactions" -> "long-transactions": the part after the last dot.
QString shortName(const QString &checkId);
} // namespace CheckThresholds

// The values an environment sets, "check/key" -> value; every other threshold has its
// table default.
struct ThresholdValues
{
    QHash<QString, double> set;

    // The environment's value of (check, key), else the table's default. A (check, key) not
    // in the table is a programming error: Q_ASSERT in debug builds, 0 in release.
    double value(const QString &check, const QString &key) const;
    bool operator==(const ThresholdValues &) const = default;
};
