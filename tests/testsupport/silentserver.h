// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/environment.h"

#include <QByteArray>
#include <QList>
#include <atomic>
#include <thread>
#include <vector>

// A loopback TCP listener that accepts connections and never says a word: the
// "never-answering server" of RELIABILITY.md. Runs its own thread, no event loop needed.
class SilentServer
{
public:
    SilentServer();
    ~SilentServer();
    int port() const { return m_port; }
    int acceptedCount() const { return m_accepted.load(); }

private:
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic_bool m_stop { false };
    std::atomic_int m_accepted { 0 };
    std::vector<int> m_clients;
    std::thread m_thread;
};

// A loopback TCP listener that answers whatever a client sends with a fixed reply and
// closes: something other than PostgreSQL on the port, as an HTTP server answers
// libpq's SSL request with "HTTP/1.1 400 Bad Request".
class AnsweringServer
{
public:
    explicit AnsweringServer(QByteArray reply);
    ~AnsweringServer();
    int port() const { return m_port; }
    int answeredCount() const { return m_answered.load(); }

private:
    QByteArray m_reply;
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic_bool m_stop { false };
    std::atomic_int m_answered { 0 };
    std::thread m_thread;
};

// A loopback port that nobody listens on (bound, then closed).
int closedLoopbackPort();

// count environments named silent-0.. pointing at port, with the given connect timeout.
QList<Environment> silentEnvironments(int port, int count, int connectTimeoutSec);
