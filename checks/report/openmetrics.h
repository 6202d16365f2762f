// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// `doctor run --format openmetrics` and `--push` (issue 19): a run as OpenMetrics 1.0 text
// (https://github.com/prometheus/OpenMetrics/blob/main/specification/OpenMetrics.md), for
// Prometheus alerting. Every family is a gauge with # HELP and # TYPE (and # UNIT for the
// seconds), in this order, its samples in the results' order; the text ends with "# EOF".
//   doctor_check_status{environment,check}        0 pass, 1 warn, 2 fail, 3 error or not_run
//   doctor_check_duration_seconds{environment,check}
//   doctor_migrations_pending{environment,tool}
//   doctor_migrations_failed{environment,tool}
//   doctor_lock_wait_seconds{environment}
//   doctor_last_run_timestamp_seconds{shard}
// A check that gives several results for one environment (the migrations check, one per
// history) has one status, the worst by Status::rank, and its longest duration. A skipped
// result (not applicable, cancelled) has no series: nothing was measured, and an absent
// series is how Prometheus says so; not_run is 3 like error, since nothing is known and
// the exit code counts it so too (its root cause, a failed connection, is connectivity's 2).
// Migrations: per tool, the sums over that tool's histories of the migrations check's
// PendingCount (a history whose expected set is unknown adds nothing: a lower bound) and of
// FailedMigrations (failed and dirty); no series for a tool whose every history's pending
// is unknown. Lock waits: check.postgres.locks' LongestWaitSeconds, when it ran.
// The same bytes are valid Prometheus text format 0.0.4 (which reads # UNIT and # EOF as
// comments), which is what a Pushgateway parses.
namespace OpenMetrics {

// The content type of exposition() (OpenMetrics 1.0.0 text).
inline constexpr char ContentType[] = "application/openmetrics-text; version=1.0.0; charset=utf-8";

struct Run
{
    QString shard; // the shard's index ("0" for an unsharded run)
    QDateTime finishedAt; // when the last result came; its Unix time is the last-run sample
};

// The exposition of RESULTS, UTF-8, ending "# EOF\n".
QByteArray exposition(const QList<CheckResult> &results, const Run &run);

// A label value as the format writes it between double quotes: backslash, double quote and
// line feed escaped as \\, \" and \n; everything else as it is (UTF-8).
QString escapeLabelValue(const QString &value);

} // namespace OpenMetrics
