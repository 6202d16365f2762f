// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/serverslots.h"

#include "engine/environment.h"

#include <QMutexLocker>
#include <algorithm>
#include <iterator>
#include <utility>

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

ServerSlots::Job ServerSlots::counted(const QList<Claim> &claims, Job job)
{
    return [this, claims, job = std::move(job)] {
        job();
        ended(claims);
    };
}

void ServerSlots::submit(const QString &server, int limit, Job job)
{
    submit(QList<Claim> { { server, limit, 1 } }, std::move(job));
}

void ServerSlots::submit(const QList<Claim> &claims, Job job)
{
    auto p = std::make_shared<Pending>();
    for (const Claim &c : claims) {
        if (c.server.isEmpty())
            continue;
        const auto same = std::find_if(p->claims.begin(), p->claims.end(),
            [&](const Claim &m) { return m.server == c.server; });
        if (same == p->claims.end()) {
            p->claims << Claim { c.server, qMax(1, c.limit), qMax(1, c.units) };
        } else {
            same->limit = qMin(same->limit, qMax(1, c.limit));
            same->units += qMax(1, c.units);
        }
    }
    if (p->claims.isEmpty()) {
        m_start(std::move(job));
        return;
    }
    p->job = std::move(job);
    {
        QMutexLocker lock(&m_mutex);
        bool queued = false;
        for (const Claim &c : std::as_const(p->claims))
            queued = queued || !m_servers[c.server].waiting.empty();
        if (queued || !startable(*p)) {
            for (const Claim &c : std::as_const(p->claims))
                m_servers[c.server].waiting.push_back(p);
            ++m_waiting;
            return;
        }
        take(*p);
    }
    m_start(counted(p->claims, std::move(p->job)));
}

bool ServerSlots::startable(const Pending &p) const
{
    for (const Claim &c : p.claims) {
        const auto it = m_servers.constFind(c.server);
        const int running = it == m_servers.cend() ? 0 : it->running;
        if (running > 0 && running + c.units > c.limit)
            return false;
    }
    return true;
}

void ServerSlots::take(const Pending &p)
{
    for (const Claim &c : p.claims)
        m_servers[c.server].running += c.units;
}

void ServerSlots::drain(QStringList servers, QList<Job> &out)
{
    while (!servers.isEmpty()) {
        const QString server = servers.takeFirst();
        for (;;) {
            const auto it = m_servers.find(server);
            if (it == m_servers.end() || it->waiting.empty())
                break;
            const PendingPtr p = it->waiting.front();
            // First in every queue it waits in, and room on each of its servers.
            bool first = true;
            for (const Claim &c : std::as_const(p->claims)) {
                const auto queue = m_servers.constFind(c.server); // p waits there: not empty
                first = first && queue != m_servers.cend() && queue->waiting.front() == p;
            }
            if (!first || !startable(*p))
                break;
            for (const Claim &c : std::as_const(p->claims)) {
                m_servers[c.server].waiting.pop_front();
                if (c.server != server)
                    servers << c.server; // its next one may start now
            }
            --m_waiting;
            take(*p);
            out << counted(p->claims, std::move(p->job));
        }
    }
}

void ServerSlots::ended(const QList<Claim> &claims)
{
    QList<Job> next;
    {
        QMutexLocker lock(&m_mutex);
        QStringList servers;
        for (const Claim &c : claims) {
            const auto it = m_servers.find(c.server);
            Q_ASSERT(it != m_servers.end() && it->running >= c.units);
            it->running -= c.units;
            servers << c.server;
        }
        drain(servers, next);
        for (const Claim &c : claims) {
            const auto it = m_servers.find(c.server);
            if (it != m_servers.end() && it->running == 0 && it->waiting.empty())
                m_servers.erase(it);
        }
    }
    for (Job &job : next)
        m_start(std::move(job));
}

int ServerSlots::dropWaiting()
{
    std::deque<PendingPtr> dropped; // destroyed after the lock is released: jobs hold copies
    int count = 0;
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
        count = std::exchange(m_waiting, 0);
    }
    return count;
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
    return m_waiting;
}
