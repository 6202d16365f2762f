// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/serverslots.h"

#include "engine/environment.h"

#include <QMutexLocker>
#include <algorithm>
#include <iterator>

ServerSlots::ServerSlots(std::function<void(Job)> start)
    : m_start(std::move(start))
{ }

QString ServerSlots::serverOf(const Environment &env)
{
    if (env.connection.driver != ConnectionSpec::Driver::Postgres
        || !env.configurationError.isEmpty())
        return {};
    // Never empty for PostgreSQL: no host and no port is libpq's default server, one too.
    return env.connection.host + u'|' + env.connection.port;
}

ServerSlots::Job ServerSlots::counted(const QString &server, Job job)
{
    return [this, server, job = std::move(job)] {
        job();
        ended(server);
    };
}

void ServerSlots::submit(const QString &server, int limit, Job job)
{
    if (server.isEmpty()) {
        m_start(std::move(job));
        return;
    }
    limit = qMax(1, limit);
    {
        QMutexLocker lock(&m_mutex);
        Server &s = m_servers[server];
        if (!s.waiting.empty() || s.running >= limit) {
            s.waiting.push_back({ limit, std::move(job) });
            return;
        }
        ++s.running;
    }
    m_start(counted(server, std::move(job)));
}

void ServerSlots::ended(const QString &server)
{
    QList<Job> next;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_servers.find(server);
        Q_ASSERT(it != m_servers.end() && it->running > 0);
        --it->running;
        while (!it->waiting.empty() && it->running < it->waiting.front().limit) {
            next << std::move(it->waiting.front().job);
            it->waiting.pop_front();
            ++it->running;
        }
        if (it->running == 0 && it->waiting.empty())
            m_servers.erase(it);
    }
    for (Job &job : next)
        m_start(counted(server, std::move(job)));
}

int ServerSlots::dropWaiting()
{
    std::deque<Waiting> dropped; // destroyed after the lock is released: jobs hold copies
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_servers.begin(); it != m_servers.end();) {
            std::move(it->waiting.begin(), it->waiting.end(), std::back_inserter(dropped));
            it->waiting.clear();
            if (it->running == 0)
                it = m_servers.erase(it);
            else
                ++it;
        }
    }
    return int(dropped.size());
}

int ServerSlots::runningCount(const QString &server) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_servers.constFind(server);
    return it == m_servers.cend() ? 0 : it->running;
}

int ServerSlots::waitingCount() const
{
    QMutexLocker lock(&m_mutex);
    int n = 0;
    for (const Server &s : m_servers)
        n += int(s.waiting.size());
    return n;
}
