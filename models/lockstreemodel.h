// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "postgres/locksession.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

// The blocking tree of one check.postgres.locks result: root blockers (sessions that wait
// for no other) at the top level, below each session the sessions whose blockedBy names
// its pid. A session blocked by several pids appears under each of them (blockedBy is
// pg_blocking_pids(): every one of them must let go). A session whose blockers are not in
// the list, or that only a cycle reaches, is shown at the top level so nothing is lost;
// a cycle is cut where a pid would appear below itself. A prepared transaction holds its
// locks under pid 0 (pg_blocking_pids() names it so), and is shown as "prepared".
// Changes only by a reset (setSessions).
class LocksTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        PidColumn, // the pid, and "· N waiting" (waitersTotal) on a session others wait for
        ApplicationColumn, // application_name; user@client when it has none
        StateColumn, // pg_stat_activity.state, and "waiting N s" for a waiter
        AgeColumn, // the transaction's age (now - xact_start): "45 s", "12 min", "3 h 05 min"
        LockColumn, // "holds Mode on relation" for a root, "waits for Mode on relation" below
        QueryColumn, // the query text on one line; "(hidden)" when the role may not see it
        ColumnCount
    };
    enum Role {
        PidRole = Qt::UserRole + 1, // int: the session's pid (0: a prepared transaction)
        SessionRole, // LockSession
        IsRootRole, // bool: a root blocker (a top-level row whose session waits for none)
        WaitersTotalRole, // int: sessions waiting behind this one, directly or indirectly
        SortRole, // the Age column: seconds (double); the PID column: the pid
    };

    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSessions(const QList<LockSession> &sessions);
    const QList<LockSession> &sessions() const { return m_sessions; }
    // Top-level rows whose session waits for no other session.
    int rootCount() const;
    // Sessions that wait (a non-empty blockedBy), each counted once.
    int waitingCount() const;
    // The session of an index (any column), nullptr for an invalid one.
    const LockSession *sessionAt(const QModelIndex &index) const;
    // The first row showing pid (depth first), invalid when none does.
    QModelIndex indexOfPid(int pid) const;

    // "45 s", "12 min", "3 h 05 min", "2 d 4 h"; "—" for a negative (unknown) age.
    static QString ageText(double seconds);
    // The query on one line: runs of white space (newlines too) become one space.
    static QString oneLine(const QString &query);

private:
    struct Node
    {
        int session = -1; // index into m_sessions
        int parent = -1; // node index, -1 at the top level
        int row = 0; // row under its parent
        QList<int> children; // node indexes
    };
    int addNode(int session, int parent, QList<int> &path);
    QVariant display(const LockSession &s, int column, bool root) const;
    QString toolTip(const LockSession &s, bool root) const;
    const Node *nodeOf(const QModelIndex &index) const;

    QList<LockSession> m_sessions;
    QList<Node> m_nodes;
    QList<int> m_top; // node indexes at the top level
    QHash<int, QList<int>> m_waiters; // pid -> sessions whose blockedBy names it
    mutable QIcon m_rootIcon, m_ddlIcon; // made on first use
};
