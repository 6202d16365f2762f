// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QCoreApplication>
#include <QIcon>
#include <QList>
#include <QMetaType>
#include <QString>

class ResultsModel;

// A state of an environment the environments list shows beside its worst result (issue 16):
// a migration running now, or sessions stuck behind a lock. Derived from the environment's
// results, stale ones included (the last thing known until a new run says otherwise).
struct EnvironmentBadge
{
    enum class Kind {
        // A check.postgres.migrations result with evidence MigrationLock = "in-progress".
        MigrationInProgress,
        // A check.postgres.locks result with evidence BlockedDdl > 0 or Waiting > 0.
        Blocked,
    };
    Kind kind = Kind::Blocked;
    // What the badge stands for, for the tooltip: the migrations results' messages ("Migration
    // in progress: ..."), or the locks result's counts and its root blocker.
    QString toolTip;

    bool operator==(const EnvironmentBadge &) const = default;

    // The badges results call for, in Kind order, at most one of each.
    static QList<EnvironmentBadge> fromResults(const QList<const CheckResult *> &results);
    // fromResults() of environment's rows in results.
    static QList<EnvironmentBadge> of(const ResultsModel &results, const QString &environment);
    // "migration in progress", "blocked": the badge's name, as the list's tooltip and
    // screen readers say it.
    static QString title(Kind kind);
    // StatusIcons::migrationInProgress() and StatusIcons::blocked().
    static QIcon icon(Kind kind);

    Q_DECLARE_TR_FUNCTIONS(EnvironmentBadge) // last: it ends in "private:"
};

Q_DECLARE_METATYPE(EnvironmentBadge)
