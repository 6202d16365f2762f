// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "lockstreemodel.h"

#include "statusicons.h"

#include <QFont>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

QModelIndex LocksTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && (parent.column() != 0 || !nodeOf(parent)))
        return {};
    const QList<int> &rows = parent.isValid() ? nodeOf(parent)->children : m_top;
    if (row >= rows.size())
        return {};
    return createIndex(row, column, quintptr(rows.at(row)));
}

QModelIndex LocksTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent < 0)
        return {};
    return createIndex(m_nodes.at(node->parent).row, 0, quintptr(node->parent));
}

int LocksTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int LocksTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const LocksTreeModel::Node *LocksTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto id = qsizetype(index.internalId());
    return id < m_nodes.size() ? &m_nodes.at(id) : nullptr;
}

const LockSession *LocksTreeModel::sessionAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? &m_sessions.at(node->session) : nullptr;
}

void LocksTreeModel::setSessions(const QList<LockSession> &sessions)
{
    beginResetModel();
    m_sessions = sessions;
    m_nodes.clear();
    m_top.clear();
    m_waiters.clear();
    for (int s = 0; s < m_sessions.size(); ++s) {
        for (const int pid : m_sessions.at(s).blockedBy) {
            if (!m_waiters.value(pid).contains(s))
                m_waiters[pid] << s;
        }
    }
    QList<int> path;
    QSet<int> shown; // sessions reached from a root
    const auto addTop = [&](int s) {
        const int n = addNode(s, -1, path);
        m_nodes[n].row = int(m_top.size());
        m_top << n;
        // Every session under it is shown; those are not top-level candidates.
        QList<int> stack { n };
        while (!stack.isEmpty()) {
            const Node &node = m_nodes.at(stack.takeLast());
            shown.insert(node.session);
            stack << node.children;
        }
    };
    for (int s = 0; s < m_sessions.size(); ++s) {
        if (m_sessions.at(s).blockedBy.isEmpty())
            addTop(s);
    }
    // A waiter whose blockers were not reported (or only a cycle reaches it) still shows.
    for (int s = 0; s < m_sessions.size(); ++s) {
        if (!shown.contains(s))
            addTop(s);
    }
    endResetModel();
}

int LocksTreeModel::addNode(int session, int parent, QList<int> &path)
{
    const int n = int(m_nodes.size());
    m_nodes << Node { session, parent, 0, {} };
    const int pid = m_sessions.at(session).pid;
    path << pid;
    QList<int> children;
    for (const int s : m_waiters.value(pid)) {
        // path: a pid never appears below itself, so a cycle ends here.
        if (s != session && !path.contains(m_sessions.at(s).pid))
            children << addNode(s, n, path);
    }
    path.removeLast();
    for (int i = 0; i < children.size(); ++i)
        m_nodes[children.at(i)].row = i;
    m_nodes[n].children = children;
    return n;
}

int LocksTreeModel::rootCount() const
{
    int roots = 0;
    for (const int n : m_top)
        roots += m_sessions.at(m_nodes.at(n).session).blockedBy.isEmpty() ? 1 : 0;
    return roots;
}

int LocksTreeModel::waitingCount() const
{
    int waiting = 0;
    for (const LockSession &s : m_sessions)
        waiting += s.blockedBy.isEmpty() ? 0 : 1;
    return waiting;
}

QModelIndex LocksTreeModel::indexOfPid(int pid) const
{
    for (int n = 0; n < m_nodes.size(); ++n) { // nodes are numbered depth first
        if (m_sessions.at(m_nodes.at(n).session).pid == pid)
            return createIndex(m_nodes.at(n).row, 0, quintptr(n));
    }
    return {};
}

QString LocksTreeModel::ageText(double seconds)
{
    if (seconds < 0)
        return u"—"_s;
    const qint64 s = qint64(seconds);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60, 2, 10, QChar(u'0'));
    return tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
}

QString LocksTreeModel::oneLine(const QString &query)
{
    static const QRegularExpression space(u"\\s+"_s);
    return QString(query).replace(space, u" "_s).trimmed();
}

QVariant LocksTreeModel::display(const LockSession &s, int column, bool root) const
{
    switch (column) {
    case PidColumn: {
        const QString pid
            = s.preparedTransaction || s.pid == 0 ? tr("prepared") : QString::number(s.pid);
        return s.waitersTotal > 0 ? tr("%1 · %n waiting", nullptr, s.waitersTotal).arg(pid) : pid;
    }
    case ApplicationColumn: {
        if (!s.application.isEmpty())
            return s.application; // the user and client are in the tooltip
        return s.client.isEmpty() ? s.user : s.user + u'@' + s.client;
    }
    case StateColumn: {
        QString state = s.preparedTransaction ? tr("prepared transaction")
            : s.state.isEmpty()               ? tr("(hidden)")
                                              : s.state;
        if (!s.blockedBy.isEmpty())
            state += u" · "_s + tr("waiting %1").arg(ageText(s.waitSeconds));
        return state;
    }
    case AgeColumn:
        return ageText(s.transactionSeconds);
    case LockColumn: {
        if (s.lockMode.isEmpty() && s.relation.isEmpty())
            return QString();
        const QString what
            = s.relation.isEmpty() ? s.lockMode : tr("%1 on %2").arg(s.lockMode, s.relation);
        return root || s.blockedBy.isEmpty() ? tr("holds %1").arg(what)
                                             : tr("waits for %1").arg(what);
    }
    case QueryColumn:
        if (s.preparedTransaction)
            return tr("gid '%1'").arg(s.query); // a prepared transaction runs no query
        return s.query.isEmpty() ? tr("(hidden)") : oneLine(s.query);
    }
    return {};
}

QString LocksTreeModel::toolTip(const LockSession &s, bool root) const
{
    QStringList lines;
    if (s.preparedTransaction || s.pid == 0)
        lines << tr("A prepared transaction: it holds its locks until COMMIT PREPARED or "
                    "ROLLBACK PREPARED; no session shows it.");
    else
        lines << tr("pid %1").arg(s.pid);
    if (root)
        lines << tr("Root blocker: waits for no other session; sessions waiting behind it: %n",
            nullptr, s.waitersTotal);
    else if (!s.blockedBy.isEmpty()) {
        QStringList pids;
        for (const int p : s.blockedBy)
            pids << (p == 0 ? tr("a prepared transaction") : QString::number(p));
        lines << tr("Waits for: %1").arg(pids.join(u", "_s));
        if (s.waitersTotal > 0)
            lines << tr("Sessions waiting behind it: %n", nullptr, s.waitersTotal);
    }
    if (s.ddl)
        lines << tr("A waiting DDL statement: a blocked migration; new queries on the table "
                    "queue behind it");
    if (!s.user.isEmpty() || !s.client.isEmpty())
        lines << tr("User %1, client %2").arg(s.user, s.client.isEmpty() ? u"?"_s : s.client);
    if (!s.application.isEmpty())
        lines << tr("Application: %1").arg(s.application);
    if (s.transactionSeconds >= 0)
        lines << tr("Transaction open for %1").arg(ageText(s.transactionSeconds));
    if (s.queryStart.isValid())
        lines << tr("Query started %1")
                     .arg(s.queryStart.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    if (s.query.isEmpty())
        lines << tr("The query and state are hidden: the role needs pg_monitor to see other "
                    "roles' sessions");
    else
        lines << s.query.left(500);
    return lines.join(u'\n');
}

QVariant LocksTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const LockSession &s = m_sessions.at(node->session);
    const bool root = node->parent < 0 && s.blockedBy.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        return display(s, index.column(), root);
    case Qt::ToolTipRole:
        return toolTip(s, root);
    case Qt::DecorationRole:
        if (index.column() != PidColumn)
            return {};
        if (root) {
            if (m_rootIcon.isNull())
                m_rootIcon = StatusIcons::blocked();
            return m_rootIcon;
        }
        if (s.ddl) {
            if (m_ddlIcon.isNull())
                m_ddlIcon = StatusIcons::migrationInProgress();
            return m_ddlIcon;
        }
        return {};
    case Qt::FontRole:
        if (root || s.ddl) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::AccessibleTextRole:
        return QString(display(s, index.column(), root).toString()
            + (root && index.column() == PidColumn ? u", "_s + tr("root blocker") : QString()));
    case PidRole:
        return s.pid;
    case SessionRole:
        return QVariant::fromValue(s);
    case IsRootRole:
        return root;
    case WaitersTotalRole:
        return s.waitersTotal;
    case SortRole:
        if (index.column() == AgeColumn)
            return s.transactionSeconds;
        if (index.column() == PidColumn)
            return s.pid;
        return display(s, index.column(), root);
    }
    return {};
}

QVariant LocksTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PidColumn:
        return tr("PID");
    case ApplicationColumn:
        return tr("Application");
    case StateColumn:
        return tr("State");
    case AgeColumn:
        return tr("Age");
    case LockColumn:
        return tr("Lock");
    case QueryColumn:
        return tr("Query");
    }
    return {};
}
