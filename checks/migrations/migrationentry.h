// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One row of the migrations table: an id of the expected set, the history table or both.
// The migrations check hands a QList<MigrationEntry> to the dashboard in
// CheckResult::details.
struct MigrationEntry
{
    enum class State { Applied, Pending, NotExpected };
    QString id;
    QString productVersion;
    State state = State::Applied;
    int position = 0; // 1-based place in the expected set, 0 when not expected
};

Q_DECLARE_METATYPE(MigrationEntry)
