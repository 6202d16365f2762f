// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <deque>
#include <functional>
#include <memory>

struct Environment;

// The per-server limit of a CheckRunner: at most a few of the doctor's jobs (one connection
// each) run at once on one server, so 200 databases on one server never take 200 of its
// connections (issue 14). A job over the limit waits here, in the order it came, holding no
// thread; when a job of a server ends, the next waiting one of that server starts.
//
// Thread-safe: jobs are submitted on the runner's thread and end on pool threads. The hand-off
// happens on the thread whose job ended, so no event loop is needed between one job and the
// next (the CLI and CheckRunner::waitForIdle() block without one).
class ServerSlots
{
public:
    using Job = std::function<void()>;

    // What a job takes of one server: units connections at once, where at most limit of the
    // doctor's may be open (a limit below 1 counts as 1).
    struct Claim
    {
        QString server; // serverOf(); an empty one claims nothing
        int limit = 1;
        int units = 1;
    };

    // start: hands a job to the pool (QThreadPool::start). Called with no lock held, on the
    // submitting thread or on the pool thread whose job just ended.
    explicit ServerSlots(std::function<void(Job)> start);

    // The server an environment's jobs count against: "host|port" as configured, for a libpq
    // host list the whole list (libpq tries them in turn, so the list is one service). Names
    // are not resolved: "db" and "db.example.com", or an omitted port and 5432, count
    // separately. Empty, which no limit applies to, for SQLite (a file, no server) and for an
    // environment with no usable connection (configurationError: the job never connects).
    static QString serverOf(const Environment &env);

    // Starts job at once when fewer than limit jobs of server run and none of it waits (first
    // come, first served: an environment with a lower limit is not overtaken), else queues
    // it. A limit below 1 counts as 1. An empty server starts the job at once. When the job
    // ends, its server's waiting jobs start from the front while their own limits allow.
    void submit(const QString &server, int limit, Job job);
    // The same for a job that holds connections to several servers at once (an environment
    // and the reference environment its expected migrations come from; two of one server
    // when both are there). Claims of one server add up (their units; the lower limit). The
    // job starts when every server it claims has room for its units, or runs nothing of the
    // doctor's (so a job claiming more than a limit still runs, alone there), and is first
    // in the queue of each; it never holds part of its claims while it waits, so two jobs
    // waiting on each other's servers cannot deadlock.
    void submit(const QList<Claim> &claims, Job job);
    // Forgets every waiting job (the run was cancelled) and returns how many there were. Jobs
    // already started run on and still release their slot.
    int dropWaiting();
    // Connections of server held by started jobs not yet ended (a job's units); jobs
    // waiting, of every server.
    int runningCount(const QString &server) const;
    int waitingCount() const;

private:
    struct Pending
    {
        QList<Claim> claims; // merged: one per server, none empty
        Job job;
    };
    using PendingPtr = std::shared_ptr<Pending>;
    struct Server
    {
        int running = 0; // units
        std::deque<PendingPtr> waiting;
    };
    bool startable(const Pending &p) const; // with m_mutex held
    void take(const Pending &p); // with m_mutex held
    // Starts, in queue order, the waiting jobs that fit once servers freed room; their jobs
    // are appended to out, to be handed to the pool after the lock is released.
    void drain(QStringList servers, QList<Job> &out);
    Job counted(const QList<Claim> &claims, Job job); // job, then ended(claims)
    void ended(const QList<Claim> &claims); // any thread

    const std::function<void(Job)> m_start;
    mutable QMutex m_mutex;
    QHash<QString, Server> m_servers; // only servers with a job running or waiting
    int m_waiting = 0; // jobs in the queues (one with two servers is in two)
};
