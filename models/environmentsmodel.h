// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"
#include "environmentbadge.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

// The configured environments, with an "All environments" row first, a status badge
// for each environment's worst result, a busy marker while its checks run, and the
// "migration in progress" and "blocked" badges (EnvironmentBadge) its results call for.
class EnvironmentsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        EnvironmentNameRole = Qt::UserRole + 1,
        IsAllRole,
        BusyRole,
        WorstStatusRole,
        NoteRole,
        BadgesRole, // QList<EnvironmentBadge>, in EnvironmentBadge::Kind order; empty: none
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Replaces the list; the badges of environments whose name stays are kept.
    void setEnvironments(const QList<Environment> &environments);
    const QList<Environment> &environments() const { return m_environments; }
    const Environment *environment(const QString &name) const;

    void setBusy(const QString &name, bool busy);
    void setWorstStatus(const QString &name, std::optional<CheckStatus> status);
    // Replaces the environment's EnvironmentBadges (RunController: EnvironmentBadge::of()).
    void setBadges(const QString &name, const QList<EnvironmentBadge> &badges);
    // A short state shown under the deployment, e.g. "waiting for password"; empty: none.
    void setNote(const QString &name, const QString &note);
    void clearStatuses();
    bool anyBusy() const { return !m_busy.isEmpty(); }
    void advanceBusyFrame(); // turns the busy indicator

private:
    int rowOf(const QString &name) const;

    QList<Environment> m_environments;
    QSet<QString> m_busy;
    QHash<QString, CheckStatus> m_worst;
    QHash<QString, QString> m_notes;
    QHash<QString, QList<EnvironmentBadge>> m_badges;
    int m_frame = 0;
};
