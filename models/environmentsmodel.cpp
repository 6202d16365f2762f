// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "environmentsmodel.h"

#include "deploymenttext.h"
#include "resultsmodel.h"
#include "statusicons.h"

using namespace Qt::StringLiterals;

int EnvironmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_environments.size()) + 1;
}

QVariant EnvironmentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("All environments");
        case IsAllRole:
            return true;
        case Qt::AccessibleTextRole:
            return tr("All environments");
        }
        return {};
    }
    const Environment &env = m_environments.at(index.row() - 1);
    const auto worst = m_worst.constFind(env.name);
    const bool busy = m_busy.contains(env.name);
    const QString note = m_notes.value(env.name);
    const QList<EnvironmentBadge> badges = m_badges.value(env.name);
    switch (role) {
    case Qt::DisplayRole:
        // The note on a line of its own: the list is narrow.
        return QString(env.name + u"\n"_s + DeploymentText::title(env.deployment)
            + (note.isEmpty() ? QString() : u"\n"_s + note));
    case Qt::ToolTipRole: {
        QString tip = u"%1 — %2\n%3"_s.arg(
            env.name, DeploymentText::title(env.deployment), env.connection.describe());
        if (!env.tags.isEmpty()) // the environments file's tags, as the fleet view filters them
            tip += u'\n' + tr("Tags: %1").arg(env.tags.join(u", "_s));
        if (worst != m_worst.cend())
            tip += u'\n' + tr("Worst result: %1").arg(ResultsModel::statusText(*worst));
        if (!note.isEmpty())
            tip += u'\n' + note;
        for (const EnvironmentBadge &b : badges)
            tip += u'\n' + b.toolTip;
        return tip;
    }
    case Qt::DecorationRole:
        if (busy)
            return StatusIcons::busy(m_frame);
        return worst == m_worst.cend() ? StatusIcons::none() : StatusIcons::forStatus(*worst);
    case Qt::AccessibleTextRole: {
        const QString text = busy ? tr("%1, checking").arg(env.name)
            : worst == m_worst.cend()
            ? env.name
            : tr("%1, worst result %2").arg(env.name, ResultsModel::statusText(*worst));
        QStringList parts { text };
        for (const EnvironmentBadge &b : badges)
            parts << EnvironmentBadge::title(b.kind);
        if (!note.isEmpty())
            parts << note;
        return parts.join(u", "_s);
    }
    case BadgesRole:
        return QVariant::fromValue(badges);
    case NoteRole:
        return note;
    case EnvironmentNameRole:
        return env.name;
    case IsAllRole:
        return false;
    case BusyRole:
        return busy;
    case WorstStatusRole:
        return worst == m_worst.cend() ? QVariant() : QVariant(int(*worst));
    }
    return {};
}

void EnvironmentsModel::setEnvironments(const QList<Environment> &environments)
{
    beginResetModel();
    m_environments = environments;
    m_busy.clear();
    // Badges of environments that stay (same name) stay too, like their results.
    QHash<QString, CheckStatus> kept;
    for (const Environment &e : environments) {
        if (const auto it = m_worst.constFind(e.name); it != m_worst.cend())
            kept.insert(e.name, *it);
    }
    m_worst = kept;
    QHash<QString, QList<EnvironmentBadge>> keptBadges;
    for (const Environment &e : environments) {
        if (const auto it = m_badges.constFind(e.name); it != m_badges.cend())
            keptBadges.insert(e.name, *it);
    }
    m_badges = keptBadges;
    endResetModel();
}

const Environment *EnvironmentsModel::environment(const QString &name) const
{
    for (const Environment &e : m_environments) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

int EnvironmentsModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        if (m_environments[i].name == name)
            return int(i) + 1;
    }
    return -1;
}

void EnvironmentsModel::setBusy(const QString &name, bool busy)
{
    const int row = rowOf(name);
    if (row < 0 || busy == m_busy.contains(name))
        return;
    if (busy)
        m_busy.insert(name);
    else
        m_busy.remove(name);
    Q_EMIT dataChanged(index(row), index(row));
}

void EnvironmentsModel::setWorstStatus(const QString &name, std::optional<CheckStatus> status)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    if (status)
        m_worst.insert(name, *status);
    else
        m_worst.remove(name);
    Q_EMIT dataChanged(index(row), index(row));
}

void EnvironmentsModel::setNote(const QString &name, const QString &note)
{
    if (m_notes.value(name) == note)
        return;
    if (note.isEmpty())
        m_notes.remove(name);
    else
        m_notes.insert(name, note);
    if (const int row = rowOf(name); row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

void EnvironmentsModel::setBadges(const QString &name, const QList<EnvironmentBadge> &badges)
{
    if (m_badges.value(name) == badges)
        return;
    if (badges.isEmpty())
        m_badges.remove(name);
    else
        m_badges.insert(name, badges);
    if (const int row = rowOf(name); row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

void EnvironmentsModel::clearStatuses()
{
    m_worst.clear();
    m_badges.clear();
    m_busy.clear();
    if (!m_environments.isEmpty())
        Q_EMIT dataChanged(index(1), index(int(m_environments.size())));
}

void EnvironmentsModel::advanceBusyFrame()
{
    m_frame = (m_frame + 1) % 8;
    for (const QString &name : std::as_const(m_busy)) {
        const int row = rowOf(name);
        Q_EMIT dataChanged(index(row), index(row), { Qt::DecorationRole });
    }
}
