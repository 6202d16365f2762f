// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/check.h"

// check.postgres.connectivity: reachable, authenticated, server version, TLS and latency.
class ConnectivityCheck : public Check
{
public:
    // The check id: the KB article, the JSON report and the UI name the check by it.
    static inline const QString Id = QStringLiteral("check.postgres.connectivity");
    QString id() const override { return Id; }
    QString defaultSeverity() const override { return QStringLiteral("fail"); }
    QString category() const override { return QStringLiteral("database"); }
    QStringList tags() const override;
    QString title() const override { return QStringLiteral("PostgreSQL connectivity"); }
    bool supports(ConnectionSpec::Driver) const override { return true; }
    QList<QueryGroup> plan(const CheckContext &ctx) const override;
    CheckResult run(const CheckContext &ctx) const override;
    // Not reaching the server is this check's finding, not a failure to run it: status fail
    // (skipped when cancelled), the message DbError's words plus the driver's own text.
    // Evidence: Reachable; Authenticated only when the server judged the credentials;
    // ConnectFailure (DbError::kindName()); Target; ConnectionSource; DbError::facts;
    // SqlState when known; Error (libpq's text, password-free).
    CheckResult connectionFailed(const Environment &env, const DbError &error) const override;
};
