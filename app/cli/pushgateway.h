// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QString>

// `doctor run --push URL` (issue 19): a run's metrics (report/openmetrics.h) sent to a
// Prometheus Pushgateway with PUT to URL/metrics/job/doctor/shard/<I>, which replaces every
// metric of that group (job="doctor", shard="<I>") with this push, so a shard's environments
// that left it vanish (https://github.com/prometheus/pushgateway#put-method). QtNetwork is
// used here, in doctor_cli, and nowhere in doctor_core.
namespace Pushgateway {

// The group's URL: BASE (http://host:9091, a path prefix kept) + /metrics/job/doctor/shard/
// SHARD. Empty when BASE is not an http or https URL with a host.
QString groupUrl(const QString &base, const QString &shard);

// The usage error for a --push value that groupUrl() refuses (shown without any user:password
// it holds); empty for a good one.
QString urlError(const QString &base);

// PUTs BODY (OpenMetrics text) to groupUrl(BASE, SHARD), waiting at most TIMEOUTMS for the
// answer. Returns an empty string when the gateway accepted it (2xx), otherwise the error
// for stderr, naming the URL (without any user:password it holds) and what went wrong:
// refused, unresolved host, timeout, or the gateway's HTTP status and answer.
QString push(
    const QString &base, const QString &shard, const QByteArray &body, int timeoutMs = 15000);

} // namespace Pushgateway
